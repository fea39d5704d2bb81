/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The App context: set-up, the screen's size, the theme by time of day, the
 * local time, partners' names, and leaving (lull/app.h). */
#include "app/services.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { DAY_S = 86400 };

void app_set_note(char *note, const char *text)
{
    snprintf(note, APP_NOTE_MAX, "%s", text ? text : "");
}

static int in_night_window(const App *app)
{
    CivilTime t = app_local_time(app);
    int minute = t.hour * 60 + t.minute;
    int start = app->config.night_start_min;
    int end = app->config.night_end_min;
    if (start == end)
        return 0;
    return start < end ? (minute >= start && minute < end) : (minute >= start || minute < end);
}

/* The sizes for the screen and the hour: at night the secondary words (the
 * hints, captions and times) are 5 mm tall, read from the pillow in a dark
 * room; a label short of room may still shrink to the floor. */
static void compute_metrics(App *app, int w, int h)
{
    Metrics *m = &app->metrics;
    metrics_compute(m, w, h, app->dpi, app->config.min_target_mm, app->config.min_text_mm);
    if (app->night) {
        int night_px = (int)(NIGHT_TEXT_MM * app->dpi / 25.4 + 0.999);
        if (m->text_small < night_px)
            m->text_small = night_px;
        if (m->text < m->text_small)
            m->text = m->text_small;
    }
    app->ui.slop_px = m->target / 5;
    app->ui.min_text_px = m->text_min;
}

void app_update_theme(App *app)
{
    int night = app->config.night == NIGHT_ON ||
                (app->config.night == NIGHT_AUTO && in_night_window(app));
    int changed = night != app->night;
    app->night = night;
    if (changed && app->metrics.w > 0)
        compute_metrics(app, app->metrics.w, app->metrics.h);
    theme_make(&app->theme, night, app->config.brightness);
    app->ui.ink = app->theme.text;
}

void app_init(App *app, const Config *config, const AppHost *host, UiMeasureFn measure,
              void *measure_ctx, const AppTime *now)
{
    memset(app, 0, sizeof *app);
    app->config = *config;
    app->host = *host;
    app->time = *now;
    ui_init(&app->ui, measure, measure_ctx);
    snprintf(app->names[0], sizeof app->names[0], "%s", config->partner_first);
    snprintf(app->names[1], sizeof app->names[1], "%s", config->partner_second);
    snprintf(app->version, sizeof app->version, "%s", "0");
    app->stack[0] = SCREEN_HOME;
    app->depth = 1;
    app->facing = config->board == BOARD_FACING;
    session_init(&app->session);
    app->sound_volume_sent = -1;
    app->last_input_mono = now->mono_ms;
    Defaults builtin;
    defaults_builtin(&builtin);
    app_use_defaults(app, &builtin);
    breathe_init(&app->breathe);
    app_update_theme(app);
    app_resize(app, 800, 480, 0.0);
}

void app_use_defaults(App *app, const Defaults *defaults)
{
    memcpy(app->signals, defaults->signals, sizeof app->signals);
    memcpy(app->signal_order, defaults->order, sizeof app->signal_order);
    app->words_start = defaults->words;
}

void app_resize(App *app, int w, int h, double display_dpi)
{
    double dpi = app->config.dpi > 0.0 ? app->config.dpi : display_dpi;
    app->dpi = dpi > 0.0 ? dpi : 133.0;
    compute_metrics(app, w, h);
}

CivilTime app_local_time(const App *app)
{
    int64_t s = app->time.wall_ms / 1000 + app->time.utc_offset_s;
    if (app->time.wall_ms < 0 && app->time.wall_ms % 1000)
        s--;
    return civil_from_unix(s);
}

int app_log(App *app, LogEvent *ev)
{
    /* A refused write waits and is retried (durable.c); the note says so. */
    return durable_log(app, ev);
}

const char *app_partner_name(const App *app, Partner partner)
{
    if (partner_is_person(partner)) {
        const char *name = app->names[partner_index(partner)];
        return name[0] ? name : partner == PARTNER_FIRST ? "Partner 1" : "Partner 2";
    }
    if (partner == PARTNER_BOTH)
        return "both";
    return "";
}

void app_shutdown(App *app)
{
    /* Leaving with a breathing session running: it ends here, logged. */
    breathe_end(app);
    /* An entry being written, and the drafts kept: there after the restart. */
    journal_drafts_save(app);
}

void app_leave_to_home(App *app)
{
    breathe_end(app); /* a running session is logged, ended early */
    app_home(app);
}

void app_check_clock(App *app)
{
    if (app->build_time_ms > 0 && app->time.wall_ms < app->build_time_ms - DAY_S * 1000LL) {
        /* Propose the day Lull was built, at noon: close enough to adjust. */
        int64_t local = app->build_time_ms / 1000 + app->time.utc_offset_s;
        app->clock_proposal = local - local % DAY_S + 12 * 3600;
        app_push(app, SCREEN_CLOCK);
    }
}
