/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Editing the signal set [settings-signals]: rename, reorder, colour, sound, hide. */
#include "screens/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void cycle_color(App *app, SignalDef *def)
{
    uint32_t next = signal_set_next_color(def->color);
    char key[SETTING_KEY_MAX], value[16];
    setting_signal_key(key, sizeof key, def->id, SIGNAL_FIELD_COLOR);
    snprintf(value, sizeof value, "%06x", next);
    app_save_setting(app, key, value);
}

static void cycle_sound(App *app, SignalDef *def)
{
    int next = ((int)def->sound - SOUND_GOOD + 1) % SIGNAL_COUNT;
    char key[SETTING_KEY_MAX];
    setting_signal_key(key, sizeof key, def->id, SIGNAL_FIELD_SOUND);
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
    signal_set_format_order(app->signal_order, value, sizeof value);
    app_save(app, KEY_SIGNALS_ORDER, value);
}

void screen_settings_signals(App *app)
{
    Ui *ui = &app->ui;
    const Metrics *m = &app->metrics;
    const Theme *t = &app->theme;
    Rect area = app_header(app, "Signals");
    int row_h = m->unit;
    int small = m->unit;
    int gap = m->gap;
    /* Rename gets what is left after Up, Down, Colour, Sound and Show/Hide;
     * on a narrow screen it takes a line of its own above them, the five share
     * the line below, and the scroll arrows move under the list. */
    int show_w = small * 2;
    int controls_w = 4 * (small + gap) + show_w;
    int name_w = area.w - m->unit - m->gap - controls_w - gap;
    int two_lines = name_w < m->unit * 3;
    UiScroll *sc = &app->signals_scroll;
    Rect up_r, down_r;
    if (two_lines) {
        int arrow_h = m->target;
        int half = (area.w - m->gap) / 2;
        sc->view = rect_make(area.x, area.y, area.w, area.h - arrow_h - m->gap);
        up_r = rect_make(area.x, area.y + area.h - arrow_h, half, arrow_h);
        down_r = rect_make(area.x + area.w - half, up_r.y, half, arrow_h);
        small = (sc->view.w - 4 * gap) / 6;
        show_w = sc->view.w - 4 * (small + gap);
    } else {
        int ah = (area.h - m->gap) / 2;
        sc->view = rect_make(area.x, area.y, area.w - m->unit - m->gap, area.h);
        up_r = rect_make(area.x + area.w - m->unit, area.y, m->unit, ah);
        down_r = rect_make(area.x + area.w - m->unit, area.y + ah + m->gap, m->unit, ah);
    }
    int step = (two_lines ? 2 * row_h + gap : row_h) + m->gap;
    sc->content_h = SIGNAL_COUNT * step - m->gap;

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
            keyboard_init(&app->keyboard, def->label, SIGNAL_LABEL_CHARS);
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
                 fixed          ? "Always shown"
                 : def->visible ? "Hide"
                                : "Show");
        if (ui_button(ui, label,
                      fixed          ? "Always"
                      : def->visible ? "Shown"
                                     : "Hidden",
                      rect_make(x, y, show_w, row_h), SHAPE_NONE, &plain,
                      UI_SMALL_TEXT | (fixed          ? UI_DISABLED
                                       : def->visible ? UI_SELECTED
                                                      : 0))) {
            char key[SETTING_KEY_MAX];
            setting_signal_key(key, sizeof key, def->id, SIGNAL_FIELD_VISIBLE);
            app_save_setting(app, key, def->visible ? "0" : "1");
        }
    }
    ui_scroll_end(ui, sc);
    (void)t;

    UiStyle arrow = app_style_button(app);
    if (ui_button(ui, "Scroll up", "", up_r, SHAPE_ARROW_UP, &arrow,
                  sc->offset <= 0 ? UI_DISABLED : 0))
        sc->offset -= sc->view.h * 2 / 3;
    if (ui_button(ui, "Scroll down", "", down_r, SHAPE_ARROW_DOWN, &arrow,
                  sc->offset >= sc->content_h - sc->view.h ? UI_DISABLED : 0))
        sc->offset += sc->view.h * 2 / 3;
}
