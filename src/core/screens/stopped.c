/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Done for today [stopped]: a kind closing word, "Add to journal", and for a
 * few minutes "Carry on", which takes the Stop back. */
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
    int carry = app_may_carry_on(app);
    /* For a few minutes a Stop can be taken back: the same session goes on. */
    int row_w = carry ? 2 * w + m->gap : w;
    if (row_w > area.w) {
        w = (area.w - m->gap) / 2;
        row_w = carry ? 2 * w + m->gap : w;
    }
    int x = area.x + (area.w - row_w) / 2;
    UiStyle st = app_style_button(app);
    st.bg = color_mix(t->surface, t->accent, 0.3f);
    int64_t stopped = app->stopped_session;
    if (ui_button(ui, "Add to journal", NULL, rect_make(x, y, w, m->unit), SHAPE_STAR, &st, 0))
        journal_new_entry(app, stopped);
    if (carry) {
        UiStyle quiet = app_style_quiet(app);
        if (ui_button(ui, "Carry on", NULL, rect_make(x + w + m->gap, y, w, m->unit),
                      SHAPE_ARROW_LEFT, &quiet, 0))
            app_carry_on(app);
    }
}
