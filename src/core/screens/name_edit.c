/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Typing a name [name]: a partner's, or a signal's new word. */
#include "screens/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void name_edit_done(App *app)
{
    char name[CONFIG_NAME_MAX];
    /* Trim spaces at both ends; an empty name keeps the old one. */
    size_t len = keyboard_trimmed(&app->keyboard, name, sizeof name);
    if (len > 0 && app->editing_signal_label) {
        char key[SETTING_KEY_MAX];
        setting_signal_key(key, sizeof key, (SignalId)app->settings_signal, SIGNAL_FIELD_LABEL);
        app_save_setting(app, key, name);
    } else if (len > 0) {
        if (app_screen_below(app) == SCREEN_WELCOME)
            utf8_copy(app->names[partner_index(app->editing_partner)], sizeof app->names[0], name);
        else
            app_save(app, setting_partner_key(app->editing_partner), name);
    }
    app->editing_signal_label = 0;
    app_pop(app);
}

void screen_name_edit(App *app)
{
    Ui *ui = &app->ui;
    const Metrics *m = &app->metrics;
    const Theme *t = &app->theme;
    char title[64];
    if (app->editing_signal_label)
        snprintf(title, sizeof title, "Rename a signal");
    else
        snprintf(title, sizeof title, "Partner %d's name", partner_index(app->editing_partner) + 1);
    Rect area = app_header(app, title);
    int kb_h = keyboard_height(m, area.w);
    Rect kb = rect_make(area.x, area.y + area.h - kb_h, area.w, kb_h);
    int field_h = kb.y - m->gap / 2 - area.y;
    if (field_h > m->unit * 3 / 2)
        field_h = m->unit * 3 / 2;
    Rect field = rect_make(area.x, area.y, area.w, field_h);
    int hint_y = field.y + field.h + m->gap;
    if (kb.y - hint_y >= m->text_small * 2)
        ui_text_box(ui, "Type, then Done",
                    rect_make(area.x, hint_y, area.w, kb.y - hint_y - m->gap), m->text_small,
                    m->text_min, t->text_dim, ALIGN_CENTER);
    ui_rect(ui, field, t->surface, m->radius);
    ui_frame(ui, field,
             app->editing_signal_label ? t->accent
                                       : t->partner[partner_index(app->editing_partner)],
             m->radius, 2);
    char shown[KEYBOARD_BYTES + 8];
    snprintf(shown, sizeof shown, "%s|", app->keyboard.text);
    Rect text_r = rect_inset(field, m->gap / 2);
    text_r.w -= m->unit * 3 / 2;
    ui_text_fit(ui, shown, text_r, m->text_large, m->text_small, t->text, ALIGN_LEFT);
    char count[32];
    snprintf(count, sizeof count, "%d/%d", utf8_length(app->keyboard.text),
             app->keyboard.max_chars);
    ui_text(ui, count,
            rect_make(field.x + field.w - m->unit * 3 / 2 - m->gap / 2, field.y, m->unit * 3 / 2,
                      field.h),
            m->text_small, t->text_dim, ALIGN_RIGHT);
    if (keyboard_ui(&app->keyboard, ui, kb, t, m) == KEYBOARD_DONE)
        name_edit_done(app);
}

int name_edit_handle_key(App *app, const AppInput *in)
{
    KeyboardResult r = keyboard_key(&app->keyboard, in);
    if (r == KEYBOARD_DONE)
        name_edit_done(app);
    else if (r == KEYBOARD_CANCEL)
        app_pop(app);
    return r != KEYBOARD_IGNORED;
}
