#include "app_internal.h"
#include "breathe_internal.h"
#include "journal_internal.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const screen_names[SCREEN_COUNT] = {
    [SCREEN_WELCOME] = "welcome",
    [SCREEN_HOME] = "home",
    [SCREEN_SIGNALS] = "signals",
    [SCREEN_PAUSED] = "paused",
    [SCREEN_STOPPED] = "stopped",
    [SCREEN_BREATHE] = "breathe",
    [SCREEN_BREATHE_RUN] = "breathe-run",
    [SCREEN_BREATHE_DONE] = "breathe-done",
    [SCREEN_JOURNAL] = "journal",
    [SCREEN_ENTRY] = "entry",
    [SCREEN_INSIGHTS] = "insights",
    [SCREEN_SETTINGS] = "settings",
    [SCREEN_SETTINGS_SIGNALS] = "settings-signals",
    [SCREEN_NAME_EDIT] = "name",
    [SCREEN_LOCKED] = "locked",
    [SCREEN_DIM] = "dim",
    [SCREEN_CLOCK] = "clock",
    [SCREEN_JOURNAL_WORDS] = "journal-words",
    [SCREEN_STORAGE] = "storage",
};

const char *screen_name(ScreenId id)
{
    return (unsigned)id < SCREEN_COUNT ? screen_names[id] : "unknown";
}

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

static void update_theme(App *app)
{
    int night = app->config.night == NIGHT_ON ||
                (app->config.night == NIGHT_AUTO && in_night_window(app));
    app->night = night;
    theme_make(&app->theme, night, app->config.brightness);
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
    signals_defaults(app->signals, app->signal_order);
    breathe_init(&app->breathe);
    update_theme(app);
    app_resize(app, 800, 480, 0.0);
}

void app_resize(App *app, int w, int h, double display_dpi)
{
    double dpi = app->config.dpi > 0.0 ? app->config.dpi : display_dpi;
    app->dpi = dpi > 0.0 ? dpi : 133.0;
    metrics_compute(&app->metrics, w, h, app->dpi, app->config.min_target_mm,
                    app->config.min_text_mm);
    app->ui.slop_px = app->metrics.target / 5;
    app->ui.min_text_px = app->metrics.text_min;
}

ScreenId app_screen(const App *app)
{
    return app->stack[app->depth - 1];
}

void app_push(App *app, ScreenId id)
{
    if (app_screen(app) == id)
        return;
    if (app->depth < APP_STACK_MAX)
        app->depth++;
    app->stack[app->depth - 1] = id;
    app->screen_since_mono = app->time.mono_ms;
}

void app_pop(App *app)
{
    if (app->depth > 1)
        app->depth--;
    app->screen_since_mono = app->time.mono_ms;
}

void app_home(App *app)
{
    app->depth = 1;
    app->stack[0] = SCREEN_HOME;
    app->screen_since_mono = app->time.mono_ms;
}

CivilTime app_local_time(const App *app)
{
    int64_t s = app->time.wall_ms / 1000 + app->time.utc_offset_s;
    if (app->time.wall_ms < 0 && app->time.wall_ms % 1000)
        s--;
    return civil_from_unix(s);
}

void app_queue_sound(App *app, SoundId sound, float gain)
{
    if (app->sound_count >= APP_SOUND_QUEUE)
        return;
    SoundRequest *r = &app->sounds[app->sound_count++];
    memset(r, 0, sizeof *r);
    r->kind = SOUND_REQ_PLAY;
    r->id = (int)sound;
    r->value = gain;
}

static void queue_request(App *app, SoundReqKind kind, int id, float value, int fade_ms)
{
    if (app->sound_count >= APP_SOUND_QUEUE)
        return;
    SoundRequest *r = &app->sounds[app->sound_count++];
    memset(r, 0, sizeof *r);
    r->kind = kind;
    r->id = id;
    r->value = value;
    r->fade_ms = fade_ms;
}

void app_queue_ambient(App *app, AmbientId bed, float gain, int fade_ms)
{
    queue_request(app, SOUND_REQ_AMBIENT, (int)bed, gain, fade_ms);
}

void app_queue_duck(App *app, float level)
{
    queue_request(app, SOUND_REQ_DUCK, 0, level, 0);
}

int app_take_sounds(App *app, SoundRequest *out, int max)
{
    int n = app->sound_count < max ? app->sound_count : max;
    memcpy(out, app->sounds, sizeof(SoundRequest) * (size_t)n);
    memmove(app->sounds, app->sounds + n, sizeof(SoundRequest) * (size_t)(app->sound_count - n));
    app->sound_count -= n;
    return n;
}

int app_log(App *app, LogEvent *ev)
{
    /* A refused write waits and is retried (durable.c); the note says so. */
    return durable_log(app, ev);
}

const char *app_partner_name(const App *app, int partner)
{
    if (partner == 1 || partner == 2)
        return app->names[partner - 1][0] ? app->names[partner - 1]
                                           : (partner == 1 ? "Partner 1" : "Partner 2");
    if (partner == 3)
        return "both";
    return "";
}

void app_apply_setting(App *app, const char *key, const char *value)
{
    if (breathe_apply_setting(app, key, value))
        return;
    if (strcmp(key, "partners.first") == 0) {
        utf8_copy(app->names[0], sizeof app->names[0], value); /* never half a character */
        return;
    }
    if (strcmp(key, "partners.second") == 0) {
        utf8_copy(app->names[1], sizeof app->names[1], value);
        return;
    }
    if (strncmp(key, "signal.", 7) == 0) {
        /* signal.<id>.<field> */
        char id[EVENT_NAME_MAX];
        const char *dot = strchr(key + 7, '.');
        if (!dot || (size_t)(dot - (key + 7)) >= sizeof id)
            return;
        memcpy(id, key + 7, (size_t)(dot - (key + 7)));
        id[dot - (key + 7)] = '\0';
        int s = signal_from_name(id);
        if (s < 0)
            return;
        SignalDef *def = &app->signals[s];
        const char *field = dot + 1;
        if (strcmp(field, "label") == 0 && value[0])
            utf8_copy(def->label, sizeof def->label, value);
        else if (strcmp(field, "visible") == 0)
            def->visible = value[0] == '1';
        else if (strcmp(field, "color") == 0)
            def->color = color_rgb((uint32_t)strtoul(value, NULL, 16));
        else if (strcmp(field, "sound") == 0) {
            int snd = signal_from_name(value);
            if (snd >= 0)
                def->sound = (SoundId)(SOUND_GOOD + snd);
        }
        return;
    }
    if (strcmp(key, "signals.order") == 0) {
        signals_parse_order(app->signal_order, value);
        return;
    }
    char section[32], name[64], why[160];
    const char *dot = strchr(key, '.');
    if (!dot || (size_t)(dot - key) >= sizeof section)
        return;
    memcpy(section, key, (size_t)(dot - key));
    section[dot - key] = '\0';
    snprintf(name, sizeof name, "%s", dot + 1);
    if (config_set(&app->config, section, name, value, why, sizeof why) == 0) {
        if (strcmp(key, "signals.layout") == 0)
            app->facing = app->config.board == BOARD_FACING;
        update_theme(app);
        app_resize(app, app->metrics.w, app->metrics.h, app->dpi);
    }
}

ScreenId app_screen_below(const App *app)
{
    return app->depth > 1 ? app->stack[app->depth - 2] : SCREEN_COUNT;
}

void app_queue_volume(App *app)
{
    if (app->sound_count >= APP_SOUND_QUEUE)
        return;
    SoundRequest *r = &app->sounds[app->sound_count++];
    memset(r, 0, sizeof *r);
    r->kind = SOUND_REQ_VOLUME;
    r->value = (float)app->config.volume / 100.0f;
    app->sound_volume_sent = app->config.volume;
}

void app_shutdown(App *app)
{
    /* Leaving with a breathing session running: it ends here, logged. */
    breathe_end(app);
}

void app_breathe_together(App *app)
{
    breathe_together(app);
}

void app_add_to_journal(App *app)
{
    journal_new_entry(app, app->stopped_session);
}

void app_leave_to_home(App *app)
{
    breathe_end(app); /* a running session is logged, ended early */
    app_home(app);
}

static int setting_changed(App *app, const char *key, const char *given)
{
    /* The value may be the app's own field (a name): copy it before it changes. */
    char value[256];
    snprintf(value, sizeof value, "%s", given);
    app_apply_setting(app, key, value);
    return durable_setting(app, key, value);
}

int app_save_setting(App *app, const char *key, const char *value)
{
    return setting_changed(app, key, value);
}

/* ---- shared chrome ---- */

UiStyle app_style_button(const App *app)
{
    UiStyle s = {app->theme.surface, app->theme.text, app->theme.accent, app->theme.frame,
                 app->metrics.text, app->metrics.radius};
    return s;
}

UiStyle app_style_tile(const App *app)
{
    UiStyle s = app_style_button(app);
    s.text_px = app->metrics.text_large;
    s.radius = app->metrics.radius * 2;
    return s;
}

UiStyle app_style_quiet(const App *app)
{
    UiStyle s = app_style_button(app);
    s.bg = app->theme.bg;
    s.frame = app->theme.frame;
    return s;
}

Rect app_pause_rect(const App *app)
{
    const Metrics *m = &app->metrics;
    int w = m->unit * 2 + m->unit / 2;
    return rect_make(m->w - m->margin - w, m->margin, w, m->unit);
}

Rect app_header(App *app, const char *title)
{
    const Metrics *m = &app->metrics;
    Rect pause = app_pause_rect(app);
    int left = m->margin;
    if (app_screen(app) != SCREEN_HOME) {
        UiStyle st = app_style_quiet(app);
        Rect home = rect_make(m->margin, m->margin, m->unit * 2 + m->unit / 4, m->unit);
        if (ui_button(&app->ui, "Home", NULL, home, SHAPE_HOUSE, &st, 0))
            app_leave_to_home(app);
        left = home.x + home.w + m->gap;
    }
    int top = m->margin + m->unit + m->gap;
    if (title) {
        Rect t = rect_make(left, m->margin, pause.x - m->gap - left, m->unit);
        if (ui_measure(&app->ui, title, m->text) <= t.w) {
            ui_text_fit(&app->ui, title, t, m->text_large, m->text, app->theme.text, ALIGN_CENTER);
        } else {
            /* A narrow screen: the title gets a line of its own below the bar. */
            t = rect_make(m->margin, top, m->w - 2 * m->margin, m->text_large);
            ui_text_box(&app->ui, title, t, m->text_large, m->text, app->theme.text, ALIGN_CENTER);
            top += m->text_large + m->gap;
        }
    }
    return rect_make(m->margin, top, m->w - 2 * m->margin, m->h - top - m->margin);
}

static void persistent_pause(App *app)
{
    ScreenId s = app_screen(app);
    /* Already paused there; and the board has each partner's own Pause. */
    if (s == SCREEN_PAUSED || s == SCREEN_SIGNALS)
        return;
    UiStyle st = app_style_button(app);
    Color pause = app_signal_color(app, SIGNAL_PAUSE);
    st.bg = color_mix(app->theme.surface, pause, 0.35f);
    st.accent = app->theme.text;
    st.frame = color_alpha(pause, 200);
    if (ui_button(&app->ui, "Pause", NULL, app_pause_rect(app), SHAPE_BARS, &st, UI_FIRE_ON_PRESS)) {
        breathe_pause(app); /* the pacer holds under the paused board */
        app_pause(app, 0);
    }
}

static void notes_line(App *app)
{
    const char *note = app->store_note[0] ? app->store_note : NULL;
    if (!note || app_screen(app) == SCREEN_STORAGE)
        return;
    const Metrics *m = &app->metrics;
    Rect r = rect_make(m->margin, m->h - m->margin - m->text_small * 2, m->w - 2 * m->margin,
                       m->text_small * 2);
    ui_rect(&app->ui, r, color_alpha(app->theme.surface_hi, 235), m->radius);
    ui_text_fit(&app->ui, note, r, m->text_small, m->text_small * 3 / 4, app->theme.danger_free_warn,
                ALIGN_CENTER);
}

static void build(App *app, const UiInput *input)
{
    ui_begin(&app->ui, &app->draw, input, app->time.mono_ms, app->theme.bg);
    breathe_update(app);
    journal_gate(app);
    switch (app_screen(app)) {
    case SCREEN_WELCOME:
        screen_welcome(app);
        break;
    case SCREEN_HOME:
        screen_home(app);
        break;
    case SCREEN_NAME_EDIT:
        screen_name_edit(app);
        break;
    case SCREEN_SETTINGS:
        screen_settings(app);
        break;
    case SCREEN_SETTINGS_SIGNALS:
        screen_settings_signals(app);
        break;
    case SCREEN_SIGNALS:
        screen_signals(app);
        break;
    case SCREEN_PAUSED:
        screen_paused(app);
        break;
    case SCREEN_STOPPED:
        screen_stopped(app);
        break;
    case SCREEN_BREATHE:
        screen_breathe(app);
        break;
    case SCREEN_BREATHE_RUN:
        screen_breathe_run(app);
        break;
    case SCREEN_BREATHE_DONE:
        screen_breathe_done(app);
        break;
    case SCREEN_JOURNAL:
        screen_journal(app);
        break;
    case SCREEN_ENTRY:
        screen_entry(app);
        break;
    case SCREEN_INSIGHTS:
        screen_insights(app);
        break;
    case SCREEN_JOURNAL_WORDS:
        screen_journal_words(app);
        break;
    case SCREEN_STORAGE:
        screen_storage(app);
        break;
    case SCREEN_DIM:
        screen_dim(app);
        break;
    case SCREEN_CLOCK:
        screen_clock(app);
        break;
    case SCREEN_LOCKED:
        screen_pinpad(app);
        break;
    case SCREEN_COUNT:
        app_home(app);
        break;
    }
    if (app_screen(app) != SCREEN_DIM) {
        notes_line(app);
        persistent_pause(app);
        kiosk_hold_feedback(app);
    }
    ui_end(&app->ui);
}

static void handle_key(App *app, const AppInput *in)
{
    ScreenId s = app_screen(app);
    if (journal_handle_key(app, in))
        return;
    if (s == SCREEN_NAME_EDIT) {
        if (in->kind == APP_INPUT_TEXT)
            keyboard_insert(&app->keyboard, in->text);
        else if (in->key == KEY_BACKSPACE)
            keyboard_backspace(&app->keyboard);
        else if (in->key == KEY_RETURN)
            app_name_edit_done(app);
        else if (in->key == KEY_ESCAPE)
            app_pop(app);
        return;
    }
    if (s == SCREEN_BREATHE && breathe_handle_key(app, in))
        return;
    if (in->kind == APP_INPUT_KEY && in->key == KEY_SPACE && s != SCREEN_PAUSED) {
        breathe_pause(app);
        app_pause(app, 0); /* a keyboard's big key pauses too */
    }
}

void app_update(App *app, const AppInput *inputs, int count, const AppTime *now)
{
    app->time = *now;
    journal_tick(app, count > 0);
    update_theme(app);
    app_check_session_idle(app);
    if (app->sound_volume_sent != app->config.volume)
        app_queue_volume(app);
    if (!app->started) {
        app->started = 1;
        if (!app->names[0][0] && !app->names[1][0] && app->session.state != SESSION_PAUSED)
            app_push(app, SCREEN_WELCOME);
        kiosk_check_clock(app);
        durable_start(app);
    }
    for (int i = 0; i < count; i++) {
        const AppInput *in = &inputs[i];
        UiInput ui_in = {UI_INPUT_NONE, in->x, in->y};
        if (kiosk_filter_input(app, in))
            continue;
        switch (in->kind) {
        case APP_INPUT_PRESS:
            ui_in.kind = UI_INPUT_PRESS;
            break;
        case APP_INPUT_MOVE:
            ui_in.kind = UI_INPUT_MOVE;
            break;
        case APP_INPUT_RELEASE:
            ui_in.kind = UI_INPUT_RELEASE;
            break;
        case APP_INPUT_CANCEL:
            ui_in.kind = UI_INPUT_CANCEL;
            break;
        case APP_INPUT_KEY:
        case APP_INPUT_TEXT:
            handle_key(app, in);
            break;
        }
        if (ui_in.kind != UI_INPUT_NONE) {
            build(app, &ui_in);
            /* A control changed the state: settle before the next event so it
             * is hit-tested against what is now on screen. */
            for (int settle = 0; settle < 3 && app->ui.fired; settle++)
                build(app, NULL);
        }
    }
    kiosk_tick(app);
    durable_tick(app);
    build(app, NULL);
    if (app->ui.fired)
        build(app, NULL);
}

int app_wake_in(const App *app)
{
    int64_t now = app->time.mono_ms;
    int64_t next = -1;
    if (app->wash_until_mono > now)
        next = 16;
    if (app->resume_wash_until > now)
        next = 16;
    if (app->ui.pointer_down || journal_animating(app))
        next = 16;
    int breathing = breathe_wake_in(app);
    if (breathing >= 0 && (next < 0 || breathing < next))
        next = breathing;
    int dim = kiosk_wake_in(app);
    if (dim >= 0 && (next < 0 || dim < next))
        next = dim;
    int writes = durable_wake_in(app);
    if (writes >= 0 && (next < 0 || writes < next))
        next = writes;
    if (next < 0) {
        /* The clock and "how long ago" change once a second at most. */
        next = 1000 - (app->time.wall_ms % 1000);
    }
    return (int)next;
}
