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
    const Theme *t = &app->theme;
    char title[64];
    if (app->editing_signal_label)
        snprintf(title, sizeof title, "Rename a signal");
    else
        snprintf(title, sizeof title, "Partner %d's name", partner_index(app->editing_partner) + 1);
    Rect area = app_header(app, title);
    Color accent = app->editing_signal_label ? t->accent
                                             : t->partner[partner_index(app->editing_partner)];
    /* A signal's word that its tile cannot show whole: said while it is typed. */
    const char *hint = NULL;
    int warn = 0;
    if (app->editing_signal_label) {
        char word[CONFIG_NAME_MAX];
        if (keyboard_trimmed(&app->keyboard, word, sizeof word) > 0 &&
            !board_label_fits(app, (SignalId)app->settings_signal, word)) {
            hint = "Too long for its tile: the board will cut it short with …";
            warn = 1;
        }
    }
    if (widget_name_field(APP_KIT(app), area, &app->keyboard, accent, hint, warn) == KEYBOARD_DONE)
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
