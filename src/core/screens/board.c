/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The signal board [signals]: a half for each partner (side by side, stacked
 * or facing), and the big wash of the signal just sent. */
#include "screens/screens.h"

#include "lull/layout.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The signals on the board but Pause, which has its own place, and Stop,
 * which comes last (its own corner): the number in out, Stop last when shown. */
static int grid_signals(const App *app, SignalId out[SIGNAL_COUNT], int *has_stop)
{
    int n = 0;
    *has_stop = 0;
    for (int i = 0; i < SIGNAL_COUNT && n < SIGNAL_MAX_VISIBLE - 1; i++) {
        int id = app->signal_order[i];
        if (app->signals[id].visible && id != SIGNAL_PAUSE && id != SIGNAL_STOP)
            out[n++] = (SignalId)id;
    }
    if (app->signals[SIGNAL_STOP].visible) {
        out[n++] = SIGNAL_STOP;
        *has_stop = 1;
    }
    return n;
}

/* One signal's tile for one partner: "NAME / Label". Pause and Stop act on
 * touch-down. */
static void signal_tile(App *app, Partner partner, SignalId id, Rect r)
{
    const SignalDef *def = &app->signals[id];
    const Theme *t = &app->theme;
    char label[UI_LABEL_MAX];
    snprintf(label, sizeof label, "%s / %s", app_partner_name(app, partner), def->label);
    UiStyle st = app_style_button(app);
    Color color = app_signal_color(app, id);
    st.bg = color_mix(t->surface, color, id == SIGNAL_PAUSE ? 0.4f : 0.28f);
    st.accent = color;
    st.frame = color_alpha(color, 140);
    int flags = id == SIGNAL_PAUSE || id == SIGNAL_STOP ? UI_FIRE_ON_PRESS : 0;
    if (ui_button(&app->ui, label, def->label, r, def->shape, &st, flags)) {
        app_signal(app, partner, id);
        if (id != SIGNAL_PAUSE) /* where the night's glow rises from */
            app->wash_from = app->ui.targets[app->ui.target_count - 1].rect;
    }
}

/* Where a half's Pause lies, so a wash can keep it in place. */
typedef struct {
    Rect rect;  /* as declared (before a turn) */
    int turned; /* the half is turned about frame */
    Rect frame;
} PausePlace;

/* The partner's name at the top of a half. */
static Rect half_name(const Metrics *m, Rect half)
{
    int pad = m->gap / 2;
    return rect_make(half.x + pad, half.y + pad / 2, half.w - 2 * pad, m->text_small + pad);
}

/* The tiles of a half: the signals on its grid (into ids) and their cells. */
static int half_cells(App *app, Rect half, SignalId ids[SIGNAL_COUNT], BoardCells *cells)
{
    const Metrics *m = &app->metrics;
    int pad = m->gap / 2;
    Rect name = half_name(m, half);
    Rect grid = rect_make(half.x + pad, name.y + name.h, half.w - 2 * pad,
                          half.y + half.h - pad - (name.y + name.h));
    int has_stop;
    int n = grid_signals(app, ids, &has_stop);
    layout_board(grid, n, has_stop, m->gap, m->far_gap, m->target, cells);
    return n;
}

/* The two halves of the board, side by side or stacked; facing, the middle
 * strip between them. Both layouts leave the header's height free. */
static void board_halves(const App *app, Rect *a, Rect *b, Rect *mid)
{
    const Metrics *m = &app->metrics;
    if (app->facing) {
        int strip = m->unit;
        int half_h = (app_body_bottom(app) - m->margin - strip - 2 * m->gap) / 2;
        *a = rect_make(m->margin, m->margin, m->w - 2 * m->margin, half_h);
        *mid = rect_make(m->margin, a->y + a->h + m->gap, m->w - 2 * m->margin, strip);
        *b = rect_make(m->margin, mid->y + mid->h + m->gap, m->w - 2 * m->margin, half_h);
        return;
    }
    int top = m->margin + m->unit + m->gap;
    Rect area = rect_make(m->margin, top, m->w - 2 * m->margin, app_body_bottom(app) - top);
    /* Far apart, so a Stop at one half's edge is far from the other's tiles. */
    layout_split(area, m->portrait, m->far_gap, a, b);
    *mid = rect_make(0, 0, 0, 0);
}

int board_label_fits(App *app, SignalId id, const char *label)
{
    Rect a, b, mid;
    board_halves(app, &a, &b, &mid);
    SignalId ids[SIGNAL_COUNT];
    BoardCells cells;
    int n = half_cells(app, a, ids, &cells);
    Rect tile = cells.pause;
    for (int i = 0; i < n && id != SIGNAL_PAUSE; i++)
        if (ids[i] == id)
            tile = cells.tiles[i];
    /* As ui_button sets a word when there is no room for its shape too. */
    UiStyle st = app_style_button(app);
    int px = st.text_px,
        min_px = px * 2 / 3 > app->ui.min_text_px ? px * 2 / 3 : app->ui.min_text_px;
    int tight = tile.h < px * 3 || tile.w < px * 6;
    int pad = tight ? px / 4 : px / 2, pad_y = tight ? 3 : pad;
    return ui_text_box_fits(&app->ui, label, tile.w - 2 * pad, tile.h - 2 * pad_y, min_px);
}

static void board_half(App *app, Partner partner, Rect half, PausePlace *pause)
{
    Ui *ui = &app->ui;
    const Metrics *m = &app->metrics;
    const Theme *t = &app->theme;
    Color pc = t->partner[partner_index(partner)];
    ui_rect(ui, half, color_mix(t->bg, pc, 0.12f), m->radius * 2);
    ui_frame(ui, half, color_alpha(pc, 150), m->radius * 2, 2);

    ui_text_fit(ui, app_partner_name(app, partner), half_name(m, half), m->text_small, m->text_min,
                pc, ALIGN_CENTER);
    SignalId ids[SIGNAL_COUNT];
    BoardCells cells;
    int n = half_cells(app, half, ids, &cells);
    pause->rect = cells.pause;
    signal_tile(app, partner, SIGNAL_PAUSE, cells.pause);
    for (int i = 0; i < n; i++)
        signal_tile(app, partner, ids[i], cells.tiles[i]);
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

/* r turned 180 degrees about frame, as ui_turn_begin places it. */
static Rect turn_about(Rect r, Rect f)
{
    return rect_make(2 * f.x + f.w - (r.x + r.w), 2 * f.y + f.h - (r.y + r.h), r.w, r.h);
}

/* The tallest stretch of lo..hi that no rect of cut covers (across the width). */
static void free_band(int lo, int hi, const Rect *cut, int n, int *band_lo, int *band_hi)
{
    *band_lo = lo;
    *band_hi = lo;
    for (int start = -1; start < n; start++) {
        int from = start < 0 ? lo : cut[start].y + cut[start].h;
        if (from < lo || from > hi)
            continue;
        int to = hi;
        for (int k = 0; k < n; k++)
            if (cut[k].y + cut[k].h > from && cut[k].y < to)
                to = cut[k].y > from ? cut[k].y : from;
        if (to - from > *band_hi - *band_lo) {
            *band_lo = from;
            *band_hi = to;
        }
    }
}

/* The signal's shape, word and who sent it, as large as band allows. */
static void wash_words(App *app, Rect band, Color color, Shape shape, const char *word,
                       const char *sub, float k, int word_px)
{
    Ui *ui = &app->ui;
    const Metrics *m = &app->metrics;
    Color fg = color_alpha(app->theme.text, (uint8_t)(255.0f * k));
    int sub_px = m->text_large;
    if (word_px + (sub ? sub_px + m->gap : 0) > band.h) {
        word_px = band.h - (sub ? sub_px + m->gap : 0);
        if (word_px < m->text_large)
            word_px = m->text_large;
    }
    /* The shape gives way when the band is short. */
    int shape_px = band.h - word_px - (sub ? sub_px + m->gap : 0) - 3 * m->gap;
    if (shape_px > band.h / 3)
        shape_px = band.h / 3;
    if (shape_px < m->text)
        shape_px = 0;
    int block = (shape_px ? shape_px + m->gap : 0) + word_px + (sub ? sub_px + m->gap : 0);
    int y = band.y + (band.h - block) / 2;
    if (shape_px) {
        ui_shape(ui, shape, rect_make(band.x + (band.w - shape_px) / 2, y, shape_px, shape_px),
                 color_alpha(color_scale(color, 1.15f), (uint8_t)(255.0f * k)), shape_px / 10);
        y += shape_px + m->gap;
    }
    ui_text_fit(ui, word, rect_make(band.x + m->margin, y, band.w - 2 * m->margin, word_px),
                word_px, m->text_large, fg, ALIGN_CENTER);
    y += word_px + m->gap;
    if (sub)
        ui_text_box(ui, sub, rect_make(band.x + m->margin, y, band.w - 2 * m->margin, sub_px),
                    sub_px, m->text, fg, ALIGN_CENTER);
}

/* The wash of a signal just sent: whole from the very next frame, so it can be
 * read across a bed, with a soft fade over its last half second. Its words
 * keep clear of the Pauses drawn over it. */
/* By night a signal is a soft glow from the tile tapped, on the dark ground
 * that hides the board: never a flood of light in a dark room. */
static void night_glow(App *app, Color color, float k)
{
    Ui *ui = &app->ui;
    const Metrics *m = &app->metrics;
    ui_rect(ui, rect_make(0, 0, m->w, m->h), color_alpha(app->theme.bg, (uint8_t)(255.0f * k)), 0);
    Rect from = app->wash_from;
    int cx = from.w ? from.x + from.w / 2 : m->w / 2;
    int cy = from.w ? from.y + from.h / 2 : m->h / 2;
    int short_side = m->w < m->h ? m->w : m->h;
    int radius = short_side * 2 / 5;
    /* Rings, each a little brighter towards the middle: a glow, not a disc. */
    enum { RINGS = 8 };
    for (int i = 0; i < RINGS; i++) {
        int r = radius - i * radius / RINGS;
        ui_circle(ui, rect_make(cx - r, cy - r, 2 * r, 2 * r),
                  color_alpha(color, (uint8_t)(8.0f * k)));
    }
}

static void wash(App *app, Color color, Shape shape, const char *word, const char *sub,
                 int64_t until, int64_t length, const PausePlace pauses[PARTNER_PEOPLE])
{
    Ui *ui = &app->ui;
    const Metrics *m = &app->metrics;
    int64_t left = until - app->time.mono_ms;
    if (left <= 0)
        return;
    float k = left > 500 ? 1.0f : (float)left / 500.0f;
    int64_t shown = length - left;
    if (app->night && shown < APP_NIGHT_RISE_MS) {
        /* By night it rises: no frame much brighter than the one before. */
        float rise = (float)(shown > 0 ? shown : 0) / (float)APP_NIGHT_RISE_MS;
        k = rise < k ? rise : k;
    }
    Rect screen = rect_make(0, 0, m->w, m->h);
    if (app->night) {
        night_glow(app, color, k);
    } else {
        /* Opaque while whole: the board under it need not be drawn at all. */
        Color bg = color_mix(app->theme.bg, color, 0.5f);
        ui_rect(ui, screen, color_alpha(bg, (uint8_t)(255.0f * k)), 0);
    }

    Rect placed[PARTNER_PEOPLE];
    for (int i = 0; i < PARTNER_PEOPLE; i++)
        placed[i] = pauses[i].turned ? turn_about(pauses[i].rect, pauses[i].frame) : pauses[i].rect;
    int lo, hi;
    if (!app->facing) {
        free_band(0, m->h, placed, PARTNER_PEOPLE, &lo, &hi);
        wash_words(app, rect_make(0, lo, m->w, hi - lo), color, shape, word, sub, k, m->text_huge);
        return;
    }
    /* Facing: the words twice, each half's turned to its partner. */
    for (int h = 0; h < PARTNER_PEOPLE; h++) {
        Rect half = rect_make(0, h == 0 ? 0 : m->h / 2, m->w, h == 0 ? m->h / 2 : m->h - m->h / 2);
        Rect p = placed[h], band;
        if (p.h * 2 > half.h) {
            /* Pause is a column: the words beside it, on its wider side. */
            int before = p.x, after = m->w - (p.x + p.w);
            band = before > after ? rect_make(0, half.y, before, half.h)
                                  : rect_make(p.x + p.w, half.y, after, half.h);
        } else {
            free_band(half.y, half.y + half.h, &p, 1, &lo, &hi);
            band = rect_make(0, lo, m->w, hi - lo);
        }
        if (h == 0) {
            ui_turn_begin(ui, half);
            band = turn_about(band, half);
        }
        wash_words(app, band, color, shape, word, sub, k, m->text_huge * 3 / 4);
        if (h == 0)
            ui_turn_end(ui);
    }
}

/* Each partner's Pause, over the wash in the very place it has on the board:
 * the one control a wash leaves, acting on touch-down as always. */
static void wash_pauses(App *app, const PausePlace pauses[PARTNER_PEOPLE])
{
    for (int i = 0; i < PARTNER_PEOPLE; i++) {
        if (pauses[i].turned)
            ui_turn_begin(&app->ui, pauses[i].frame);
        signal_tile(app, partner_at(i), SIGNAL_PAUSE, pauses[i].rect);
        if (pauses[i].turned)
            ui_turn_end(&app->ui);
    }
}

static void draw_board(App *app, PausePlace pauses[PARTNER_PEOPLE])
{
    Ui *ui = &app->ui;
    const Metrics *m = &app->metrics;
    const Theme *t = &app->theme;
    char status[160];
    status_text(app, status, sizeof status);
    UiStyle quiet = app_style_quiet(app);

    Rect a, b, mid;
    board_halves(app, &a, &b, &mid);
    if (app->facing) {
        /* A tablet lying flat between two people: the first partner's half is
         * turned to face them; Home and the status sit in the middle strip. */
        Rect home = rect_make(mid.x, mid.y, m->unit * 2 + m->unit / 4, mid.h);
        if (ui_button(ui, "Home", NULL, home, SHAPE_HOUSE, &quiet, 0))
            app_home(app);
        ui_text_box(ui, status,
                    rect_make(home.x + home.w + m->gap, mid.y, mid.w - home.w - m->gap, mid.h),
                    m->text_small, m->text_min, t->text_dim, ALIGN_CENTER);
        ui_turn_begin(ui, a);
        board_half(app, PARTNER_FIRST, a, &pauses[0]);
        ui_turn_end(ui);
        pauses[0].turned = 1;
        pauses[0].frame = a;
        board_half(app, PARTNER_SECOND, b, &pauses[1]);
    } else {
        app_header(app, NULL);
        /* The board has each partner's own Pause, so the bar's right side is free. */
        Rect line = app_title_rect(app);
        line.w = m->w - m->margin - line.x;
        ui_text_box(ui, status, line, m->text_small, m->text_min, t->text_dim, ALIGN_CENTER);
        board_half(app, PARTNER_FIRST, a, &pauses[0]);
        board_half(app, PARTNER_SECOND, b, &pauses[1]);
    }
}

void screen_signals(App *app)
{
    Ui *ui = &app->ui;
    const Metrics *m = &app->metrics;
    int64_t now = app->time.mono_ms;
    int washing = app->wash_until_mono > now || app->resume_wash_until > now;
    PausePlace pauses[PARTNER_PEOPLE];
    memset(pauses, 0, sizeof pauses);
    /* Under a wash the board is seen at most as it fades: nothing on it fires. */
    if (washing)
        ui_inert_begin(ui);
    draw_board(app, pauses);
    if (!washing)
        return;
    ui_inert_end(ui);

    if (app->wash_until_mono > now) {
        const SignalDef *def = &app->signals[app->wash_signal];
        wash(app, app_signal_color(app, app->wash_signal), def->shape, def->label,
             app_partner_name(app, app->wash_partner), app->wash_until_mono, APP_WASH_MS, pauses);
    }
    if (app->resume_wash_until > now)
        wash(app, app->theme.accent, SHAPE_CIRCLE, "Resuming", "Together", app->resume_wash_until,
             APP_RESUME_WASH_MS, pauses);

    /* A tap anywhere else only ends the wash; Pause stays on top of it. */
    if (ui_area(ui, "Dismiss", rect_make(0, 0, m->w, m->h), UI_FIRE_ON_PRESS)) {
        app->wash_until_mono = now;
        app->resume_wash_until = now;
    }
    wash_pauses(app, pauses);
}
