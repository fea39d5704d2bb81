/* The signal board, the paused screen, the closing screen and the signal
 * editor in Settings: the heart of Lull. Every transition is logged durably
 * (app_log) before the frame that shows it is built. */
#include "app_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { WASH_MS = 2000, RESUME_WASH_MS = 1200 };

/* Okabe–Ito, a palette people with colour-vision differences can tell apart;
 * the stop signal takes a light warm grey in place of black on a dark screen. */
static const uint32_t palette[8] = {0x009E73, 0x56B4E9, 0xF0E442, 0xD55E00,
                                    0xCC79A7, 0x0072B2, 0xE69F00, 0xC8C0B8};

void signals_defaults(SignalDef signals[SIGNAL_COUNT], int order[SIGNAL_COUNT])
{
    static const struct {
        const char *label;
        uint32_t color;
        Shape shape;
    } defaults[SIGNAL_COUNT] = {
        [SIGNAL_GOOD] = {"Keep going", 0x009E73, SHAPE_CIRCLE},
        [SIGNAL_SLOWER] = {"Slower", 0x56B4E9, SHAPE_WAVE},
        [SIGNAL_CHECK_IN] = {"Check in", 0xF0E442, SHAPE_QUESTION},
        [SIGNAL_PAIN] = {"Pain", 0xD55E00, SHAPE_BOLT},
        [SIGNAL_TIRED] = {"Tired", 0xCC79A7, SHAPE_MOON},
        [SIGNAL_PAUSE] = {"Pause", 0x0072B2, SHAPE_BARS},
        [SIGNAL_STOP] = {"Stop for today", 0xC8C0B8, SHAPE_SQUARE},
    };
    /* Pause first: it is the one that must always be easiest to reach. */
    static const int default_order[SIGNAL_COUNT] = {SIGNAL_PAUSE,    SIGNAL_GOOD, SIGNAL_SLOWER,
                                                    SIGNAL_CHECK_IN, SIGNAL_PAIN, SIGNAL_TIRED,
                                                    SIGNAL_STOP};
    for (int i = 0; i < SIGNAL_COUNT; i++) {
        SignalDef *d = &signals[i];
        d->id = (SignalId)i;
        snprintf(d->label, sizeof d->label, "%s", defaults[i].label);
        d->color = color_rgb(defaults[i].color);
        d->shape = defaults[i].shape;
        d->sound = (SoundId)(SOUND_GOOD + i);
        d->visible = 1;
        order[i] = default_order[i];
    }
}

void signals_parse_order(int order[SIGNAL_COUNT], const char *text)
{
    int parsed[SIGNAL_COUNT];
    int seen[SIGNAL_COUNT] = {0};
    int n = 0;
    const char *p = text;
    while (*p && n < SIGNAL_COUNT) {
        char *end;
        long v = strtol(p, &end, 10);
        if (end == p || v < 0 || v >= SIGNAL_COUNT || seen[v])
            return;
        seen[v] = 1;
        parsed[n++] = (int)v;
        p = *end == ',' ? end + 1 : end;
        if (*end && *end != ',')
            return;
    }
    if (n != SIGNAL_COUNT)
        return;
    memcpy(order, parsed, sizeof parsed);
}

void signals_format_order(const int order[SIGNAL_COUNT], char *out, int size)
{
    int used = 0;
    out[0] = '\0';
    for (int i = 0; i < SIGNAL_COUNT && used < size; i++)
        used += snprintf(out + used, (size_t)(size - used), i ? ",%d" : "%d", order[i]);
}

static void fill_event(App *app, LogEvent *ev, int partner, const char *name, const char *label)
{
    event_init(ev, EVENT_SIGNAL);
    ev->time_ms = app->time.wall_ms;
    ev->utc_offset_s = app->time.utc_offset_s;
    ev->partner = partner;
    snprintf(ev->partner_name, sizeof ev->partner_name, "%s", app_partner_name(app, partner));
    snprintf(ev->name, sizeof ev->name, "%s", name);
    snprintf(ev->label, sizeof ev->label, "%s", label);
    ev->session = app->session.id;
}

static void ensure_session(App *app)
{
    if (app->session.id || !app->host.session_begin)
        return;
    /* A session the storage refuses for now gets a stand-in id that its
     * events carry until it lands (durable.c). */
    int64_t id = 0;
    durable_session_begin(app, app->time.wall_ms, app->time.utc_offset_s, &id);
    app->session.id = id;
}

static void log_simple(App *app, int partner, const char *name, const char *label)
{
    LogEvent ev;
    fill_event(app, &ev, partner, name, label);
    app_log(app, &ev);
}

static void end_session(App *app, int64_t at_ms)
{
    if (app->session.id)
        durable_session_end(app, app->session.id, at_ms);
}

Color app_signal_color(const App *app, SignalId id)
{
    /* At night the colours step back, and the app's brightness applies to them too. */
    float k = (float)app->config.brightness / 100.0f * (app->night ? 0.65f : 1.0f);
    return color_scale(app->signals[id].color, k);
}

void app_pause(App *app, int partner)
{
    int was_none = app->session.state == SESSION_NONE;
    SessionResult r = session_signal(&app->session, partner, SIGNAL_PAUSE, app->time.mono_ms,
                                     app->time.wall_ms);
    if (r == SESSION_PAUSE) {
        if (was_none)
            app->session.id = 0;
        ensure_session(app);
        LogEvent ev;
        fill_event(app, &ev, partner, "pause", app->signals[SIGNAL_PAUSE].label);
        app_log(app, &ev);
        app_queue_sound(app, app->signals[SIGNAL_PAUSE].sound, 1.0f);
    }
    /* Even an ignored repeat lands on the paused screen: pause is sacred. */
    if (app->session.state == SESSION_PAUSED && app_screen(app) != SCREEN_PAUSED) {
        app->wash_until_mono = 0;
        app_push(app, SCREEN_PAUSED);
    }
}

void app_signal(App *app, int partner, SignalId id)
{
    if (id == SIGNAL_PAUSE) {
        app_pause(app, partner);
        return;
    }
    int had_session = app->session.state != SESSION_NONE;
    int64_t previous = app->session.id;
    SessionResult r = session_signal(&app->session, partner, id, app->time.mono_ms, app->time.wall_ms);
    if (r == SESSION_IGNORED)
        return;
    if (r == SESSION_STOP) {
        /* A Stop with no session still ends the evening: log it in a session of its own. */
        app->session.id = had_session ? previous : 0;
        ensure_session(app);
        LogEvent ev;
        fill_event(app, &ev, partner, "stop", app->signals[SIGNAL_STOP].label);
        app_log(app, &ev);
        end_session(app, app->time.wall_ms);
        app->stopped_session = app->session.id;
        app->stopped_by = partner;
        app->session.id = 0;
        app_queue_sound(app, app->signals[SIGNAL_STOP].sound, 1.0f);
        app->wash_until_mono = 0;
        app_home(app);
        app_push(app, SCREEN_STOPPED);
        return;
    }
    if (!had_session)
        app->session.id = 0;
    ensure_session(app);
    LogEvent ev;
    fill_event(app, &ev, partner, signal_id_name(id), app->signals[id].label);
    app_log(app, &ev);
    app_queue_sound(app, app->signals[id].sound, 1.0f);
    app->wash_signal = id;
    app->wash_partner = partner;
    app->wash_until_mono = app->time.mono_ms + WASH_MS;
}

static void app_ready(App *app, int partner)
{
    SessionResult r = session_ready(&app->session, partner, app->time.wall_ms);
    if (r == SESSION_IGNORED)
        return;
    if (r == SESSION_NOT_READY) {
        log_simple(app, partner, "not_ready", "Not ready");
        return;
    }
    log_simple(app, partner, "ready", "I'm ready");
    if (r == SESSION_RESUME) {
        log_simple(app, 3, "resume", "Resuming");
        app_queue_sound(app, SOUND_RESUME, 1.0f);
        app->resume_wash_until = app->time.mono_ms + RESUME_WASH_MS;
        if (app_screen_below(app) == SCREEN_ENTRY) {
            /* Paused while writing: back to the entry and its words, never lost. */
            app_pop(app);
        } else {
            app_home(app);
            app_push(app, SCREEN_SIGNALS);
        }
    } else {
        app_queue_sound(app, SOUND_READY, 0.8f);
    }
}

void app_check_session_idle(App *app)
{
    int64_t idle = (int64_t)app->config.session_idle_min * 60000;
    if (session_expired(&app->session, app->time.wall_ms, idle)) {
        end_session(app, app->session.last_ms);
        session_stop(&app->session, app->session.last_ms);
    }
}

void app_restore_session(App *app, const LogEvent *events, int count)
{
    for (int i = 0; i < count; i++)
        session_replay(&app->session, &events[i]);
    if (app->session.state == SESSION_PAUSED) {
        app_home(app);
        app_push(app, SCREEN_PAUSED);
    }
}

/* ---- the board ---- */

typedef struct {
    int cols, rows, span;
} Grid;

/* Chooses columns so cells are as large as possible at a pleasant aspect; the
 * first item (Pause) spans what is left of its row. */
static Grid grid_choose(Rect area, int n, int gap)
{
    Grid best = {2, 1, 1};
    long best_score = -1;
    for (int cols = 1; cols <= 4; cols++) {
        int span = cols - ((n - 1) % cols);
        int rows = (n - 1 + span) / cols;
        int cw = (area.w - (cols - 1) * gap) / cols;
        int ch = (area.h - (rows - 1) * gap) / rows;
        long score = cw * 10 / 22 < ch ? (long)cw * 10 / 22 : ch;
        if (score > best_score) {
            best_score = score;
            best.cols = cols;
            best.rows = rows;
            best.span = span;
        }
    }
    return best;
}

static Rect grid_cell(Rect area, Grid g, int gap, int index)
{
    int cw = (area.w - (g.cols - 1) * gap) / g.cols;
    int ch = (area.h - (g.rows - 1) * gap) / g.rows;
    int col, row, span = 1;
    if (index == 0) {
        col = 0;
        row = 0;
        span = g.span;
    } else {
        int slot = index - 1 + g.span;
        col = slot % g.cols;
        row = slot / g.cols;
    }
    return rect_make(area.x + col * (cw + gap), area.y + row * (ch + gap), cw * span + gap * (span - 1),
                     ch);
}

static int visible_signals(const App *app, SignalId out[SIGNAL_COUNT])
{
    int n = 0;
    for (int i = 0; i < SIGNAL_COUNT && n < APP_MAX_VISIBLE_SIGNALS; i++) {
        int id = app->signal_order[i];
        if (app->signals[id].visible || id == SIGNAL_PAUSE)
            out[n++] = (SignalId)id;
    }
    return n;
}

static void board_half(App *app, int partner, Rect half)
{
    Ui *ui = &app->ui;
    const Metrics *m = &app->metrics;
    const Theme *t = &app->theme;
    Color pc = t->partner[partner - 1];
    ui_rect(ui, half, color_mix(t->bg, pc, 0.12f), m->radius * 2);
    ui_frame(ui, half, color_alpha(pc, 150), m->radius * 2, 2);

    int pad = m->gap / 2;
    Rect name = rect_make(half.x + pad, half.y + pad / 2, half.w - 2 * pad, m->text + pad);
    ui_text_fit(ui, app_partner_name(app, partner), name, m->text, m->text_small, pc, ALIGN_CENTER);
    Rect grid = rect_make(half.x + pad, name.y + name.h, half.w - 2 * pad,
                          half.y + half.h - pad - (name.y + name.h));

    SignalId ids[SIGNAL_COUNT];
    int n = visible_signals(app, ids);
    int gap = m->gap / 2;
    Grid g = grid_choose(grid, n, gap);
    for (int i = 0; i < n; i++) {
        const SignalDef *def = &app->signals[ids[i]];
        char label[UI_LABEL_MAX];
        snprintf(label, sizeof label, "%s / %s", app_partner_name(app, partner), def->label);
        UiStyle st = app_style_button(app);
        Color color = app_signal_color(app, ids[i]);
        st.bg = color_mix(t->surface, color, 0.28f);
        st.accent = color;
        st.frame = color_alpha(color, 140);
        int flags = ids[i] == SIGNAL_PAUSE || ids[i] == SIGNAL_STOP ? UI_FIRE_ON_PRESS : 0;
        if (ui_button(ui, label, def->label, grid_cell(grid, g, gap, i), def->shape, &st, flags))
            app_signal(app, partner, ids[i]);
    }
}

static void status_text(const App *app, char *out, size_t size)
{
    const Session *s = &app->session;
    if (s->state == SESSION_NONE || s->last_signal_ms == 0) {
        snprintf(out, size, "Tap a signal when you need one");
        return;
    }
    int64_t local = s->last_signal_ms / 1000 + app->time.utc_offset_s;
    CivilTime ct = civil_from_unix(local);
    snprintf(out, size, "%s · %s · %02d:%02d", app_partner_name(app, s->last_partner),
             app->signals[s->last_signal].label, ct.hour, ct.minute);
}

static void wash(App *app, Color color, Shape shape, const char *word, const char *sub,
                 int64_t until, int length_ms)
{
    Ui *ui = &app->ui;
    const Metrics *m = &app->metrics;
    int64_t left = until - app->time.mono_ms;
    if (left <= 0)
        return;
    /* Full for most of its life, then a soft fade over the last half second. */
    /* Whole from the very next frame, so it can be read across a bed; a soft
     * fade over its last half second. */
    (void)length_ms;
    float k = left > 500 ? 1.0f : (float)left / 500.0f;
    Rect screen = rect_make(0, 0, m->w, m->h);
    Color bg = color_mix(app->theme.bg, color, app->night ? 0.35f : 0.5f);
    /* Opaque while whole: the board under it need not be drawn at all. */
    ui_rect(ui, screen, color_alpha(bg, (uint8_t)(255.0f * k)), 0);
    Color fg = color_alpha(app->theme.text, (uint8_t)(255.0f * k));
    if (app->night)
        fg = color_alpha(color_scale(app->theme.text, 1.1f), (uint8_t)(255.0f * k));

    int halves = app->facing ? 2 : 1;
    for (int h = 0; h < halves; h++) {
        Rect area = halves == 1 ? screen
                                : rect_make(0, h == 0 ? 0 : m->h / 2, m->w, m->h / 2);
        if (halves == 2 && h == 0)
            ui_turn_begin(ui, area);
        int word_px = halves == 2 ? m->text_huge * 3 / 4 : m->text_huge;
        int shape_px = area.h / 3;
        int sub_px = m->text_large;
        int block = shape_px + m->gap + word_px + (sub ? sub_px + m->gap : 0);
        int y = area.y + (area.h - block) / 2;
        ui_shape(ui, shape, rect_make(area.x + (area.w - shape_px) / 2, y, shape_px, shape_px),
                 color_alpha(color_scale(color, 1.15f), (uint8_t)(255.0f * k)), shape_px / 10);
        y += shape_px + m->gap;
        ui_text_fit(ui, word, rect_make(area.x + m->margin, y, area.w - 2 * m->margin, word_px),
                    word_px, m->text_large, fg, ALIGN_CENTER);
        y += word_px + m->gap;
        if (sub)
            ui_text_box(ui, sub, rect_make(area.x + m->margin, y, area.w - 2 * m->margin, sub_px),
                        sub_px, m->text, fg, ALIGN_CENTER);
        if (halves == 2 && h == 0)
            ui_turn_end(ui);
    }
}

void screen_signals(App *app)
{
    Ui *ui = &app->ui;
    const Metrics *m = &app->metrics;
    const Theme *t = &app->theme;
    char status[160];
    status_text(app, status, sizeof status);
    UiStyle quiet = app_style_quiet(app);

    if (app->facing) {
        /* A tablet lying flat between two people: the first partner's half is
         * turned to face them; Home and the status sit in the middle strip. */
        int strip = m->unit;
        int half_h = (m->h - 2 * m->margin - strip - 2 * m->gap) / 2;
        Rect top = rect_make(m->margin, m->margin, m->w - 2 * m->margin, half_h);
        Rect mid = rect_make(m->margin, top.y + top.h + m->gap, m->w - 2 * m->margin, strip);
        Rect bottom = rect_make(m->margin, mid.y + mid.h + m->gap, m->w - 2 * m->margin, half_h);
        Rect home = rect_make(mid.x, mid.y, m->unit * 2 + m->unit / 4, strip);
        if (ui_button(ui, "Home", NULL, home, SHAPE_HOUSE, &quiet, 0))
            app_home(app);
        ui_text_box(ui, status,
                    rect_make(home.x + home.w + m->gap, mid.y, mid.w - home.w - m->gap, strip),
                    m->text_small, m->text_min, t->text_dim, ALIGN_CENTER);
        ui_turn_begin(ui, top);
        board_half(app, 1, top);
        ui_turn_end(ui);
        board_half(app, 2, bottom);
    } else {
        Rect area = app_header(app, NULL);
        /* The board has each partner's own Pause, so the bar's right side is free. */
        int left = m->margin + m->unit * 2 + m->unit / 4 + m->gap;
        Rect line = rect_make(left, m->margin, m->w - m->margin - left, m->unit);
        ui_text_box(ui, status, line, m->text_small, m->text_min, t->text_dim, ALIGN_CENTER);
        Rect a, b;
        if (!m->portrait) {
            int w = (area.w - m->gap) / 2;
            a = rect_make(area.x, area.y, w, area.h);
            b = rect_make(area.x + w + m->gap, area.y, w, area.h);
        } else {
            int h = (area.h - m->gap) / 2;
            a = rect_make(area.x, area.y, area.w, h);
            b = rect_make(area.x, area.y + h + m->gap, area.w, h);
        }
        board_half(app, 1, a);
        board_half(app, 2, b);
    }

    if (app->wash_until_mono > app->time.mono_ms) {
        const SignalDef *def = &app->signals[app->wash_signal];
        char sub[96];
        snprintf(sub, sizeof sub, "%s", app_partner_name(app, app->wash_partner));
        wash(app, app_signal_color(app, app->wash_signal), def->shape, def->label, sub, app->wash_until_mono, WASH_MS);
    }
    if (app->resume_wash_until > app->time.mono_ms)
        wash(app, t->accent, SHAPE_CIRCLE, "Resuming", "Together", app->resume_wash_until,
             RESUME_WASH_MS);
}

/* ---- paused ---- */

static void ago_text(const App *app, int64_t since_ms, char *out, size_t size)
{
    int64_t s = (app->time.wall_ms - since_ms) / 1000;
    if (s < 0)
        s = 0;
    if (s < 60)
        snprintf(out, size, "just now");
    else if (s < 3600)
        snprintf(out, size, "%d min ago", (int)(s / 60));
    else
        snprintf(out, size, "%d h %d min ago", (int)(s / 3600), (int)(s % 3600 / 60));
}

static void ready_button(App *app, int partner, Rect r)
{
    const Theme *t = &app->theme;
    char label[UI_LABEL_MAX], text[96];
    int ready = app->session.ready[partner - 1];
    snprintf(label, sizeof label, "%s / I'm ready", app_partner_name(app, partner));
    snprintf(text, sizeof text, ready ? "%s is ready" : "%s: I'm ready", app_partner_name(app, partner));
    UiStyle st = app_style_button(app);
    Color pc = t->partner[partner - 1];
    st.bg = ready ? color_mix(t->surface, pc, 0.55f) : color_mix(t->surface, pc, 0.18f);
    st.accent = ready ? t->text : pc;
    st.frame = color_alpha(pc, 170);
    if (ui_button(&app->ui, label, text, r, ready ? SHAPE_CHECK : SHAPE_HEART, &st,
                  ready ? UI_SELECTED : 0))
        app_ready(app, partner);
}

void screen_paused(App *app)
{
    Ui *ui = &app->ui;
    const Metrics *m = &app->metrics;
    const Theme *t = &app->theme;
    Rect area = app_header(app, NULL);

    char who[160], ago[48];
    ago_text(app, app->session.paused_at_ms, ago, sizeof ago);
    if (app->session.paused_by)
        snprintf(who, sizeof who, "%s paused · %s", app_partner_name(app, app->session.paused_by),
                 ago);
    else
        snprintf(who, sizeof who, "Paused · %s", ago);

    int row = m->unit;
    int big = m->portrait ? m->unit * 2 : m->unit + m->unit / 2;
    /* From the bottom: Breathe together and Stop (stacked on a tall screen),
     * then the two ready toggles, then the words. */
    int actions_h = m->portrait ? 2 * row + m->gap : row;
    Rect actions = rect_make(area.x, area.y + area.h - actions_h, area.w, actions_h);
    Rect readies = rect_make(area.x, actions.y - m->gap - big, area.w, big);
    Rect words = rect_make(area.x, area.y, area.w, readies.y - m->gap - area.y);
    int title_px = m->text_huge * 2 / 3;
    int block = title_px + m->gap / 2 + m->text + m->gap / 2 + m->text_small;
    int y = words.y + (words.h - block) / 2;
    if (y < words.y)
        y = words.y;
    /* The pause shape beside the word, the pair centred. */
    int icon = title_px * 2 / 3;
    int word_w = ui_measure(ui, "Paused", title_px);
    int pair_x = words.x + (words.w - (icon + m->gap + word_w)) / 2;
    ui_shape(ui, SHAPE_BARS, rect_make(pair_x, y + (title_px - icon) / 2, icon, icon),
             app_signal_color(app, SIGNAL_PAUSE), 4);
    ui_text_fit(ui, "Paused", rect_make(pair_x + icon + m->gap, y, words.x + words.w - pair_x - icon - m->gap, title_px),
                title_px, m->text_large, t->text, ALIGN_LEFT);
    y += title_px + m->gap / 2;
    ui_text_box(ui, who, rect_make(words.x, y, words.w, m->text), m->text, m->text_small, t->text_dim,
                ALIGN_CENTER);
    y += m->text + m->gap / 2;
    ui_text_box(ui, "Take the time you need. You carry on only when you are both ready.",
                rect_make(words.x, y, words.w, words.y + words.h - y), m->text_small, m->text_min,
                t->text_dim, ALIGN_CENTER);

    int w = (readies.w - m->gap) / 2;
    if (app->facing) {
        Rect a = rect_make(readies.x, readies.y, w, readies.h);
        ui_turn_begin(ui, a);
        ready_button(app, 1, a);
        ui_turn_end(ui);
    } else {
        ready_button(app, 1, rect_make(readies.x, readies.y, w, readies.h));
    }
    ready_button(app, 2, rect_make(readies.x + w + m->gap, readies.y, w, readies.h));

    Rect breathe = m->portrait ? rect_make(actions.x, actions.y, actions.w, row)
                               : rect_make(actions.x, actions.y, w, row);
    Rect stop_r = m->portrait ? rect_make(actions.x, actions.y + row + m->gap, actions.w, row)
                              : rect_make(actions.x + w + m->gap, actions.y, w, row);
    UiStyle st = app_style_button(app);
    st.accent = t->partner[0];
    if (ui_button(ui, "Breathe together", NULL, breathe, SHAPE_CIRCLE, &st, 0))
        app_breathe_together(app);
    UiStyle stop = app_style_button(app);
    stop.bg = color_mix(t->surface, app_signal_color(app, SIGNAL_STOP), 0.2f);
    stop.accent = app_signal_color(app, SIGNAL_STOP);
    if (ui_button(ui, "Stop for today", NULL, stop_r, SHAPE_SQUARE, &stop, UI_FIRE_ON_PRESS))
        app_signal(app, app->session.paused_by, SIGNAL_STOP);
}

/* ---- stopped ---- */

void screen_stopped(App *app)
{
    Ui *ui = &app->ui;
    const Metrics *m = &app->metrics;
    const Theme *t = &app->theme;
    Rect area = app_header(app, NULL);
    int title_px = m->text_huge / 2;
    const char *lines = "Thank you both. Whatever tonight was, you looked after each other.";
    int text_h = ui_text_wrap(ui, lines, rect_make(area.x, 0, area.w * 4 / 5, area.h), m->text,
                              t->text_dim, ALIGN_CENTER, 0);
    int block = m->unit + m->gap + title_px + m->gap + text_h + m->gap * 2 + m->unit;
    int y = area.y + (area.h - block) / 2;
    if (y < area.y)
        y = area.y;
    ui_shape(ui, SHAPE_MOON, rect_make(area.x + (area.w - m->unit) / 2, y, m->unit, m->unit), t->accent,
             6);
    y += m->unit + m->gap;
    ui_text_fit(ui, "Done for today", rect_make(area.x, y, area.w, title_px), title_px, m->text_large,
                t->text, ALIGN_CENTER);
    y += title_px + m->gap;
    ui_text_wrap(ui, lines, rect_make(area.x + area.w / 10, y, area.w * 4 / 5, text_h), m->text,
                 t->text_dim, ALIGN_CENTER, 1);
    y += text_h + m->gap * 2;
    int w = m->unit * 4 < area.w ? m->unit * 4 : area.w;
    UiStyle st = app_style_button(app);
    st.bg = color_mix(t->surface, t->accent, 0.3f);
    if (ui_button(ui, "Add to journal", NULL, rect_make(area.x + (area.w - w) / 2, y, w, m->unit),
                  SHAPE_STAR, &st, 0))
        app_add_to_journal(app);
}

/* ---- editing the set, in Settings ---- */

static void cycle_color(App *app, SignalDef *def)
{
    int at = 0;
    for (int i = 0; i < 8; i++) {
        Color c = color_rgb(palette[i]);
        if (c.r == def->color.r && c.g == def->color.g && c.b == def->color.b)
            at = i;
    }
    uint32_t next = palette[(at + 1) % 8];
    char key[64], value[16];
    snprintf(key, sizeof key, "signal.%s.color", signal_id_name(def->id));
    snprintf(value, sizeof value, "%06x", next);
    app_save_setting(app, key, value);
}

static void cycle_sound(App *app, SignalDef *def)
{
    int next = ((int)def->sound - SOUND_GOOD + 1) % SIGNAL_COUNT;
    char key[64];
    snprintf(key, sizeof key, "signal.%s.sound", signal_id_name(def->id));
    app_save_setting(app, key, signal_id_name((SignalId)next));
    app_queue_sound(app, def->sound, 1.0f);
}

static void move_signal(App *app, int at, int by)
{
    int to = at + by;
    if (to < 0 || to >= SIGNAL_COUNT)
        return;
    int tmp = app->signal_order[at];
    app->signal_order[at] = app->signal_order[to];
    app->signal_order[to] = tmp;
    char value[64];
    signals_format_order(app->signal_order, value, sizeof value);
    app_save_setting(app, "signals.order", value);
}

void screen_settings_signals(App *app)
{
    Ui *ui = &app->ui;
    const Metrics *m = &app->metrics;
    const Theme *t = &app->theme;
    Rect area = app_header(app, "Signals");
    int arrows = m->unit + m->gap;
    UiScroll *sc = &app->signals_scroll;
    sc->view = rect_make(area.x, area.y, area.w - arrows, area.h);
    int row_h = m->unit;
    int small = m->unit;
    int gap = m->gap / 2;
    /* Rename gets what is left after Up, Down, Colour, Sound and Show/Hide;
     * on a narrow screen it takes a line of its own above them. */
    int show_w = small * 2;
    int controls_w = 4 * (small + gap) + show_w;
    int name_w = sc->view.w - controls_w - gap;
    int two_lines = name_w < m->unit * 3;
    int step = (two_lines ? 2 * row_h + gap : row_h) + m->gap;
    sc->content_h = SIGNAL_COUNT * step;

    ui_scroll_begin(ui, sc);
    for (int i = 0; i < SIGNAL_COUNT; i++) {
        SignalDef *def = &app->signals[app->signal_order[i]];
        int y = sc->view.y + i * step;
        char label[UI_LABEL_MAX];
        UiStyle st = app_style_button(app);
        st.accent = app_signal_color(app, def->id);
        st.text_px = m->text_small;
        int x = sc->view.x;
        snprintf(label, sizeof label, "%s / Rename", def->label);
        int nw = two_lines ? sc->view.w : name_w;
        if (ui_button(ui, label, def->label, rect_make(x, y, nw, row_h), def->shape, &st, 0)) {
            app->editing_signal_label = 1;
            app->settings_signal = (int)def->id;
            keyboard_init(&app->keyboard, def->label, 24);
            app_push(app, SCREEN_NAME_EDIT);
        }
        if (two_lines)
            y += row_h + gap;
        else
            x += nw + gap;
        UiStyle plain = app_style_button(app);
        snprintf(label, sizeof label, "%s / Move up", def->label);
        if (ui_button(ui, label, "", rect_make(x, y, small, row_h), SHAPE_ARROW_UP, &plain,
                      i == 0 ? UI_DISABLED : 0))
            move_signal(app, i, -1);
        x += small + gap;
        snprintf(label, sizeof label, "%s / Move down", def->label);
        if (ui_button(ui, label, "", rect_make(x, y, small, row_h), SHAPE_ARROW_DOWN, &plain,
                      i == SIGNAL_COUNT - 1 ? UI_DISABLED : 0))
            move_signal(app, i, 1);
        x += small + gap;
        UiStyle swatch = plain;
        swatch.accent = app_signal_color(app, def->id);
        snprintf(label, sizeof label, "%s / Colour", def->label);
        if (ui_button(ui, label, "", rect_make(x, y, small, row_h), SHAPE_CIRCLE, &swatch, 0))
            cycle_color(app, def);
        x += small + gap;
        snprintf(label, sizeof label, "%s / Sound", def->label);
        char sound_text[8];
        snprintf(sound_text, sizeof sound_text, "♪%d", (int)def->sound - SOUND_GOOD + 1);
        if (ui_button(ui, label, sound_text, rect_make(x, y, small, row_h), SHAPE_NONE, &plain,
                      UI_SMALL_TEXT))
            cycle_sound(app, def);
        x += small + gap;
        int fixed = def->id == SIGNAL_PAUSE;
        snprintf(label, sizeof label, "%s / %s", def->label,
                 fixed ? "Always shown" : def->visible ? "Hide" : "Show");
        if (ui_button(ui, label, fixed ? "Always" : def->visible ? "Shown" : "Hidden",
                      rect_make(x, y, show_w, row_h), SHAPE_NONE, &plain,
                      UI_SMALL_TEXT | (fixed ? UI_DISABLED : def->visible ? UI_SELECTED : 0))) {
            char key[64];
            snprintf(key, sizeof key, "signal.%s.visible", signal_id_name(def->id));
            app_save_setting(app, key, def->visible ? "0" : "1");
        }
    }
    ui_scroll_end(ui, sc);
    (void)t;

    UiStyle arrow = app_style_button(app);
    int ah = (area.h - m->gap) / 2;
    if (ui_button(ui, "Scroll up", "", rect_make(area.x + area.w - m->unit, area.y, m->unit, ah),
                  SHAPE_ARROW_UP, &arrow, sc->offset <= 0 ? UI_DISABLED : 0))
        sc->offset -= sc->view.h * 2 / 3;
    if (ui_button(ui, "Scroll down", "",
                  rect_make(area.x + area.w - m->unit, area.y + ah + m->gap, m->unit, ah),
                  SHAPE_ARROW_DOWN, &arrow,
                  sc->offset >= sc->content_h - sc->view.h ? UI_DISABLED : 0))
        sc->offset += sc->view.h * 2 / 3;
}
