/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Done for today [stopped]: a kind closing word and "Add to journal". */
#include "screens/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
    ui_shape(ui, SHAPE_MOON, rect_make(area.x + (area.w - m->unit) / 2, y, m->unit, m->unit),
             t->accent, 6);
    y += m->unit + m->gap;
    ui_text_fit(ui, "Done for today", rect_make(area.x, y, area.w, title_px), title_px,
                m->text_large, t->text, ALIGN_CENTER);
    y += title_px + m->gap;
    ui_text_wrap(ui, lines, rect_make(area.x + area.w / 10, y, area.w * 4 / 5, text_h), m->text,
                 t->text_dim, ALIGN_CENTER, 1);
    y += text_h + m->gap * 2;
    int w = m->unit * 4 < area.w ? m->unit * 4 : area.w;
    UiStyle st = app_style_button(app);
    st.bg = color_mix(t->surface, t->accent, 0.3f);
    if (ui_button(ui, "Add to journal", NULL, rect_make(area.x + (area.w - w) / 2, y, w, m->unit),
                  SHAPE_STAR, &st, 0))
        journal_new_entry(app, app->stopped_session);
}
