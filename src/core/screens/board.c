/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The signal board [signals]: a half for each partner (side by side, stacked
 * or facing), and the big wash of the signal just sent. */
#include "screens/screens.h"

#include "lull/layout.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { WASH_MS = 2000, RESUME_WASH_MS = 1200 };

static int visible_signals(const App *app, SignalId out[SIGNAL_COUNT])
{
    int n = 0;
    for (int i = 0; i < SIGNAL_COUNT && n < SIGNAL_MAX_VISIBLE; i++) {
        int id = app->signal_order[i];
        if (app->signals[id].visible || id == SIGNAL_PAUSE)
            out[n++] = (SignalId)id;
    }
    return n;
}

static void board_half(App *app, Partner partner, Rect half)
{
    Ui *ui = &app->ui;
    const Metrics *m = &app->metrics;
    const Theme *t = &app->theme;
    Color pc = t->partner[partner_index(partner)];
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
    Grid g = layout_grid(grid, n, gap);
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
        if (ui_button(ui, label, def->label, layout_grid_cell(grid, g, gap, i), def->shape, &st,
                      flags))
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
        Rect area = halves == 1 ? screen : rect_make(0, h == 0 ? 0 : m->h / 2, m->w, m->h / 2);
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
        board_half(app, PARTNER_FIRST, top);
        ui_turn_end(ui);
        board_half(app, PARTNER_SECOND, bottom);
    } else {
        Rect area = app_header(app, NULL);
        /* The board has each partner's own Pause, so the bar's right side is free. */
        int left = m->margin + m->unit * 2 + m->unit / 4 + m->gap;
        Rect line = rect_make(left, m->margin, m->w - m->margin - left, m->unit);
        ui_text_box(ui, status, line, m->text_small, m->text_min, t->text_dim, ALIGN_CENTER);
        Rect a, b;
        layout_split(area, m->portrait, m->gap, &a, &b);
        board_half(app, PARTNER_FIRST, a);
        board_half(app, PARTNER_SECOND, b);
    }

    if (app->wash_until_mono > app->time.mono_ms) {
        const SignalDef *def = &app->signals[app->wash_signal];
        char sub[96];
        snprintf(sub, sizeof sub, "%s", app_partner_name(app, app->wash_partner));
        wash(app, app_signal_color(app, app->wash_signal), def->shape, def->label, sub,
             app->wash_until_mono, WASH_MS);
    }
    if (app->resume_wash_until > app->time.mono_ms)
        wash(app, t->accent, SHAPE_CIRCLE, "Resuming", "Together", app->resume_wash_until,
             RESUME_WASH_MS);
}
