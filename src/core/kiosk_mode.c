/* Kiosk behaviour: a faint clock when idle (never during a session), a
 * 3-second hold on the top-left corner to leave, and a clock that is plainly
 * wrong (a Pi without network time) set by hand. */
#include "app_internal.h"
#include "journal_internal.h"

#include <stdio.h>
#include <string.h>

enum { HOLD_TO_LEAVE_MS = 3000, HOLD_FEEDBACK_MS = 600, DAY_S = 86400 };

/* The top-left corner, wide enough to take the control that sits there (Home
 * or Settings) so a hold on it counts. */
static Rect corner(const App *app)
{
    int s = app->metrics.unit * 2;
    return rect_make(0, 0, s, s);
}

static int may_dim(const App *app)
{
    ScreenId s = app_screen(app);
    /* Never while a session is open, nor during breathing or while typing. */
    return app->config.idle_dim_s > 0 && app->session.state == SESSION_NONE &&
           s != SCREEN_DIM && s != SCREEN_BREATHE_RUN && s != SCREEN_NAME_EDIT &&
           s != SCREEN_ENTRY && s != SCREEN_CLOCK && s != SCREEN_WELCOME;
}

int kiosk_filter_input(App *app, const AppInput *in)
{
    if (in->kind == APP_INPUT_KEY || in->kind == APP_INPUT_TEXT || in->kind == APP_INPUT_PRESS)
        app->last_input_mono = app->time.mono_ms;
    if (in->kind == APP_INPUT_PRESS) {
        app->hold_start_mono = rect_contains(corner(app), in->x, in->y) ? app->time.mono_ms : 0;
        if (app_screen(app) == SCREEN_DIM) {
            const UiTarget *t = ui_hit(&app->ui, in->x, in->y);
            if (!t || strcmp(t->label, "Pause") != 0) {
                /* The first tap only wakes the screen. */
                app_pop(app);
                app->swallow_pointer = 1;
                return 1;
            }
        }
    } else if (in->kind == APP_INPUT_MOVE) {
        if (!rect_contains(corner(app), in->x, in->y))
            app->hold_start_mono = 0;
    } else if (in->kind == APP_INPUT_RELEASE || in->kind == APP_INPUT_CANCEL) {
        app->hold_start_mono = 0;
    }
    if (app->swallow_pointer) {
        if (in->kind == APP_INPUT_RELEASE || in->kind == APP_INPUT_CANCEL)
            app->swallow_pointer = 0;
        return in->kind != APP_INPUT_KEY && in->kind != APP_INPUT_TEXT;
    }
    return 0;
}

void kiosk_tick(App *app)
{
    int64_t now = app->time.mono_ms;
    if (app->hold_start_mono && now - app->hold_start_mono >= HOLD_TO_LEAVE_MS) {
        app->hold_start_mono = 0;
        /* With a PIN set, the PIN pad first; it leaves on the right PIN. */
        if (!journal_guard_quit(app))
            app->quit = 1;
        return;
    }
    if (may_dim(app) && now - app->last_input_mono >= (int64_t)app->config.idle_dim_s * 1000)
        app_push(app, SCREEN_DIM);
}

int kiosk_wake_in(const App *app)
{
    int64_t now = app->time.mono_ms;
    if (app->hold_start_mono)
        return 16;
    if (!may_dim(app))
        return -1;
    int64_t left = app->last_input_mono + (int64_t)app->config.idle_dim_s * 1000 - now;
    return left <= 0 ? 1 : left > 60000 ? 60000 : (int)left;
}

void kiosk_hold_feedback(App *app)
{
    int64_t held = app->hold_start_mono ? app->time.mono_ms - app->hold_start_mono : 0;
    if (held < HOLD_FEEDBACK_MS)
        return;
    const Metrics *m = &app->metrics;
    Ui *ui = &app->ui;
    int w = m->w * 3 / 5, h = m->unit * 3;
    Rect box = rect_make((m->w - w) / 2, (m->h - h) / 2, w, h);
    ui_rect(ui, box, color_alpha(app->theme.surface_hi, 240), m->radius * 2);
    int ring = m->unit;
    Rect r = rect_make(box.x + (box.w - ring) / 2, box.y + m->gap, ring, ring);
    ui_arc(ui, r, app->theme.frame, ring / 10, 0.0f, 1.0f);
    float done = (float)(held - 0) / (float)HOLD_TO_LEAVE_MS;
    ui_arc(ui, r, app->theme.accent, ring / 10, 0.0f, done > 1.0f ? 1.0f : done);
    ui_text_box(ui, "Keep holding to leave Lull",
                rect_make(box.x + m->gap, r.y + ring + m->gap / 2, box.w - 2 * m->gap,
                          box.y + box.h - (r.y + ring + m->gap / 2) - m->gap / 2),
                m->text, m->text_min, app->theme.text, ALIGN_CENTER);
}

void screen_dim(App *app)
{
    Ui *ui = &app->ui;
    const Metrics *m = &app->metrics;
    ui->draw->clear = color_rgb(0x000000);
    CivilTime now = app_local_time(app);
    char clock[16];
    snprintf(clock, sizeof clock, "%02d:%02d", now.hour, now.minute);
    Color faint = color_scale(app->theme.text_dim, 0.45f);
    /* Any tap wakes the screen (kiosk_filter_input takes it); the label lets a
     * script find somewhere to tap. */
    ui_area(ui, "Wake", rect_make(0, 0, m->w, m->h), 0);
    ui_text(ui, clock, rect_make(0, (m->h - m->text_huge) / 2, m->w, m->text_huge), m->text_huge,
            faint, ALIGN_CENTER);
    /* Pause stays one tap away, even here. */
    UiStyle st = app_style_quiet(app);
    st.bg = color_rgb(0x000000);
    st.fg = faint;
    st.accent = faint;
    st.frame = color_scale(app->theme.frame, 0.5f);
    if (ui_button(ui, "Pause", NULL, app_pause_rect(app), SHAPE_BARS, &st, UI_FIRE_ON_PRESS)) {
        app_pop(app);
        app_pause(app, 0);
    }
}

/* ---- a wrong clock ---- */

void kiosk_check_clock(App *app)
{
    if (app->build_time_ms > 0 && app->time.wall_ms < app->build_time_ms - DAY_S * 1000LL) {
        /* Propose the day Lull was built, at noon: close enough to adjust. */
        int64_t local = app->build_time_ms / 1000 + app->time.utc_offset_s;
        app->clock_proposal = local - local % DAY_S + 12 * 3600;
        app_push(app, SCREEN_CLOCK);
    }
}

static int64_t add_months(int64_t local_s, int months)
{
    CivilTime t = civil_from_unix(local_s);
    int m = t.month - 1 + months;
    int y = t.year + (m < 0 ? (m - 11) / 12 : m / 12);
    m = ((m % 12) + 12) % 12;
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    int max = days[m] + (m == 1 && leap);
    return unix_from_civil(y, m + 1, t.day > max ? max : t.day, t.hour, t.minute, 0);
}

void screen_clock(App *app)
{
    Ui *ui = &app->ui;
    const Metrics *m = &app->metrics;
    const Theme *t = &app->theme;
    Rect area = app_header(app, "Set the clock");
    static const char *const months[12] = {"January", "February", "March",     "April",
                                           "May",     "June",     "July",      "August",
                                           "September", "October", "November", "December"};
    CivilTime now = app_local_time(app);
    char line[160];
    snprintf(line, sizeof line, "This device thinks it is %d %s %d, %02d:%02d. Is this the time?",
             now.day, months[(now.month + 11) % 12], now.year, now.hour, now.minute);
    int y = area.y;
    y += ui_text_wrap(ui, line, rect_make(area.x, y, area.w, m->text_small * 3), m->text_small,
                      t->text_dim, ALIGN_CENTER, 1);
    CivilTime p = civil_from_unix(app->clock_proposal);
    snprintf(line, sizeof line, "%d %s %d  %02d:%02d", p.day, months[(p.month + 11) % 12], p.year,
             p.hour, p.minute);
    ui_text_box(ui, line, rect_make(area.x, y, area.w, m->text_large * 3 / 2), m->text_large,
                m->text, t->text, ALIGN_CENTER);
    y += m->text_large * 3 / 2 + m->gap / 2;

    static const struct {
        const char *label, *text;
        int kind; /* 0 day, 1 month, 2 year, 3 hour, 4 minute */
        int by;
    } steps[10] = {
        {"Day down", "− day", 0, -1},       {"Day up", "+ day", 0, 1},
        {"Month down", "− month", 1, -1},   {"Month up", "+ month", 1, 1},
        {"Year down", "− year", 2, -1},     {"Year up", "+ year", 2, 1},
        {"Hour down", "− hour", 3, -1},     {"Hour up", "+ hour", 3, 1},
        {"Minute down", "− 5 min", 4, -5},  {"Minute up", "+ 5 min", 4, 5},
    };
    int bottom = area.y + area.h - m->unit;
    int cols = m->portrait ? 2 : 5;
    int rows = 10 / cols;
    int gap = m->gap / 2;
    int bw = (area.w - (cols - 1) * gap) / cols;
    int bh = (bottom - m->gap - y - (rows - 1) * gap) / rows;
    if (bh > m->unit)
        bh = m->unit;
    UiStyle st = app_style_button(app);
    st.text_px = m->text_small;
    for (int i = 0; i < 10; i++) {
        /* Landscape: the downs on one row, the ups below; portrait: pairs. */
        int col = m->portrait ? i % 2 : i / 2;
        int row = m->portrait ? i / 2 : i % 2;
        Rect r = rect_make(area.x + col * (bw + gap), y + row * (bh + gap), bw, bh);
        if (!ui_button(ui, steps[i].label, steps[i].text, r, SHAPE_NONE, &st, 0))
            continue;
        int64_t v = app->clock_proposal;
        switch (steps[i].kind) {
        case 0:
            v += (int64_t)steps[i].by * DAY_S;
            break;
        case 1:
            v = add_months(v, steps[i].by);
            break;
        case 2:
            v = add_months(v, 12 * steps[i].by);
            break;
        case 3:
            v += (int64_t)steps[i].by * 3600;
            break;
        default:
            v += (int64_t)steps[i].by * 60;
        }
        if (v > 0)
            app->clock_proposal = v;
    }

    int w = (area.w - m->gap) / 2;
    UiStyle quiet = app_style_quiet(app);
    if (ui_button(ui, "Keep the clock", "It is right", rect_make(area.x, bottom, w, m->unit), SHAPE_NONE,
                  &quiet, 0))
        app_pop(app);
    UiStyle go = app_style_button(app);
    go.bg = t->accent;
    go.fg = t->bg;
    go.accent = t->bg;
    if (ui_button(ui, "Set the time", NULL, rect_make(area.x + w + m->gap, bottom, w, m->unit),
                  SHAPE_CHECK, &go, 0)) {
        int64_t unix_ms = (app->clock_proposal - app->time.utc_offset_s) * 1000;
        if (app->host.clock_set && app->host.clock_set(app->host.clock_ctx, unix_ms) == 0)
            app->time.wall_ms = unix_ms;
        app_pop(app);
    }
}
