/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The first start [welcome]: a word about Lull and the partners' names. */
#include "screens/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void name_button(App *app, Partner partner, Rect r)
{
    int i = partner_index(partner);
    char label[64], text[96];
    snprintf(label, sizeof label, "Partner %d name", i + 1);
    if (app->names[i][0])
        snprintf(text, sizeof text, "%s", app->names[i]);
    else
        snprintf(text, sizeof text, "Partner %d: add a name", i + 1);
    UiStyle st = app_style_button(app);
    st.accent = app->theme.partner[i];
    st.frame = color_alpha(app->theme.partner[i], 180);
    if (ui_button(&app->ui, label, text, r, SHAPE_HEART, &st, 0)) {
        app->editing_partner = partner;
        app->editing_signal_label = 0;
        keyboard_init(&app->keyboard, app->names[i], 24);
        app_push(app, SCREEN_NAME_EDIT);
    }
}

void screen_welcome(App *app)
{
    Ui *ui = &app->ui;
    const Metrics *m = &app->metrics;
    const Theme *t = &app->theme;
    Rect area = app_header(app, "Welcome to Lull");
    int wide = !m->portrait;

    int y = area.y;
    y += ui_text_wrap(ui,
                      "A calm companion for the two of you: comfort signals, breathing together "
                      "and a shared journal. Everything stays on this device. What are your names?",
                      rect_make(area.x, y, area.w, area.h), m->text_small, t->text_dim,
                      ALIGN_CENTER, 1);
    y += m->gap;
    int row_h = m->unit;
    if (wide) {
        int w = (area.w - m->gap) / 2;
        name_button(app, PARTNER_FIRST, rect_make(area.x, y, w, row_h));
        name_button(app, PARTNER_SECOND, rect_make(area.x + w + m->gap, y, w, row_h));
    } else {
        name_button(app, PARTNER_FIRST, rect_make(area.x, y, area.w, row_h));
        name_button(app, PARTNER_SECOND, rect_make(area.x, y + row_h + m->gap, area.w, row_h));
    }

    int bottom = area.y + area.h - row_h;
    int w = (area.w - m->gap) / 2;
    UiStyle quiet = app_style_quiet(app);
    if (ui_button(ui, "Skip", "Skip for now", rect_make(area.x, bottom, w, row_h), SHAPE_NONE,
                  &quiet, 0)) {
        for (int i = 0; i < PARTNER_PEOPLE; i++)
            if (!app->names[i][0])
                app_save(app, setting_partner_key(partner_at(i)),
                         app_partner_name(app, partner_at(i)));
        app_home(app);
    }
    UiStyle go = app_style_primary(app);
    if (ui_button(ui, "Continue", NULL, rect_make(area.x + w + m->gap, bottom, w, row_h),
                  SHAPE_CHECK, &go, 0)) {
        for (int i = 0; i < PARTNER_PEOPLE; i++)
            app_save(app, setting_partner_key(partner_at(i)), app_partner_name(app, partner_at(i)));
        app_home(app);
    }
}
