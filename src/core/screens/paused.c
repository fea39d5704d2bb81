/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Paused [paused]: who paused and when, each partner's "I'm ready", breathing
 * together, and Stop for today. */
#include "screens/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void ready_button(App *app, Partner partner, Rect r)
{
    const Theme *t = &app->theme;
    char label[UI_LABEL_MAX], text[96];
    int ready = app->session.ready[partner_index(partner)];
    snprintf(label, sizeof label, "%s / I'm ready", app_partner_name(app, partner));
    snprintf(text, sizeof text, ready ? "%s is ready" : "%s: I'm ready",
             app_partner_name(app, partner));
    UiStyle st = app_style_button(app);
    Color pc = t->partner[partner_index(partner)];
    st.bg = ready ? color_mix(t->surface, pc, 0.55f) : color_mix(t->surface, pc, 0.18f);
    st.accent = ready ? t->text : pc;
    st.frame = color_alpha(pc, 170);
    if (ui_button(&app->ui, label, text, r, ready ? SHAPE_CHECK : SHAPE_HEART, &st,
                  ready ? UI_SELECTED : 0))
        app_ready(app, partner);
}

/* What a couple may do while paused: breathe together, or stop for today. */
static void pause_actions(App *app, Rect breathe, Rect stop_r)
{
    const Theme *t = &app->theme;
    UiStyle st = app_style_button(app);
    st.accent = t->partner[0];
    if (ui_button(&app->ui, "Breathe together", NULL, breathe, SHAPE_CIRCLE, &st, 0))
        breathe_together(app);
    UiStyle stop = app_style_button(app);
    stop.bg = color_mix(t->surface, app_signal_color(app, SIGNAL_STOP), 0.2f);
    stop.accent = app_signal_color(app, SIGNAL_STOP);
    if (ui_button(&app->ui, "Stop for today", NULL, stop_r, SHAPE_SQUARE, &stop, UI_FIRE_ON_PRESS))
        app_signal(app, app->session.paused_by, SIGNAL_STOP);
}

/* One partner's half of the facing pause: the word, who paused, their ready. */
static void facing_half(App *app, Partner partner, Rect half, const char *who)
{
    Ui *ui = &app->ui;
    const Metrics *m = &app->metrics;
    const Theme *t = &app->theme;
    int title_px = m->text_large;
    int ready_h = m->unit;
    int words_h = half.h - ready_h - m->gap;
    int block = title_px + m->text_small;
    int y = half.y + (words_h - block) / 2;
    if (y < half.y)
        y = half.y;
    ui_text_fit(ui, "Paused", rect_make(half.x, y, half.w, title_px), title_px, m->text, t->text,
                ALIGN_CENTER);
    ui_text_box(ui, who, rect_make(half.x, y + title_px, half.w, m->text_small), m->text_small,
                m->text_min, t->text_dim, ALIGN_CENTER);
    ready_button(app, partner, rect_make(half.x, half.y + half.h - ready_h, half.w, ready_h));
}

/* The tablet flat between two people: each half faces its partner, with the
 * words and that partner's ready; Home, Breathe together and Stop between. */
static void paused_facing(App *app, const char *who)
{
    Ui *ui = &app->ui;
    const Metrics *m = &app->metrics;
    int strip = m->unit;
    int half_h = (app_body_bottom(app) - m->margin - strip - 2 * m->far_gap) / 2;
    Rect top = rect_make(m->margin, m->margin, m->w - 2 * m->margin, half_h);
    Rect mid = rect_make(m->margin, top.y + top.h + m->far_gap, top.w, strip);
    Rect bottom = rect_make(m->margin, mid.y + mid.h + m->far_gap, top.w, half_h);
    ui_turn_begin(ui, top);
    facing_half(app, PARTNER_FIRST, top, who);
    ui_turn_end(ui);
    facing_half(app, PARTNER_SECOND, bottom, who);

    UiStyle quiet = app_style_quiet(app);
    int home_w = m->unit * 2 + m->unit / 4;
    if (ui_button(ui, "Home", NULL, rect_make(mid.x, mid.y, home_w, strip), SHAPE_HOUSE, &quiet, 0))
        app_home(app);
    int rest = mid.w - home_w - m->gap - m->far_gap;
    Rect breathe = rect_make(mid.x + home_w + m->gap, mid.y, rest / 2, strip);
    Rect stop_r = rect_make(breathe.x + breathe.w + m->far_gap, mid.y, rest - rest / 2, strip);
    pause_actions(app, breathe, stop_r);
}

void screen_paused(App *app)
{
    Ui *ui = &app->ui;
    const Metrics *m = &app->metrics;
    const Theme *t = &app->theme;
    char who[160];
    app_paused_words(app, who, sizeof who);
    if (app->facing) {
        paused_facing(app, who);
        return;
    }
    Rect area = app_header(app, NULL);

    int row = m->unit;
    int big = m->portrait ? m->unit * 2 : m->unit + m->unit / 2;
    /* From the bottom: Breathe together and Stop (stacked on a tall screen),
     * then the two ready toggles, then the words. */
    int actions_h = m->portrait ? 2 * row + m->far_gap : row;
    Rect actions = rect_make(area.x, area.y + area.h - actions_h, area.w, actions_h);
    /* Stop for today ends the night on touch-down: 8 mm from everything else. */
    Rect readies = rect_make(area.x, actions.y - m->far_gap - big, area.w, big);
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
    ui_text_fit(ui, "Paused",
                rect_make(pair_x + icon + m->gap, y, words.x + words.w - pair_x - icon - m->gap,
                          title_px),
                title_px, m->text_large, t->text, ALIGN_LEFT);
    y += title_px + m->gap / 2;
    ui_text_box(ui, who, rect_make(words.x, y, words.w, m->text), m->text, m->text_small,
                t->text_dim, ALIGN_CENTER);
    y += m->text + m->gap / 2;
    ui_text_box(ui, "Take the time you need. You carry on only when you are both ready.",
                rect_make(words.x, y, words.w, words.y + words.h - y), m->text_small, m->text_small,
                t->text_dim, ALIGN_CENTER);

    int w = (readies.w - m->gap) / 2;
    ready_button(app, PARTNER_FIRST, rect_make(readies.x, readies.y, w, readies.h));
    ready_button(app, PARTNER_SECOND, rect_make(readies.x + w + m->gap, readies.y, w, readies.h));

    int aw = (actions.w - m->far_gap) / 2;
    Rect breathe = m->portrait ? rect_make(actions.x, actions.y, actions.w, row)
                               : rect_make(actions.x, actions.y, aw, row);
    Rect stop_r = m->portrait ? rect_make(actions.x, actions.y + row + m->far_gap, actions.w, row)
                              : rect_make(actions.x + aw + m->far_gap, actions.y, aw, row);
    pause_actions(app, breathe, stop_r);
}
