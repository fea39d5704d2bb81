/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Leave Lull? [leave]: after the 3-second corner hold, when no PIN is set. Stay
 * is the large, easy answer; left alone, the question goes away by itself. */
#include "screens/screens.h"

#include <stdio.h>

enum { LEAVE_ASK_MS = 20000 };

void screen_leave(App *app)
{
    Ui *ui = &app->ui;
    const Metrics *m = &app->metrics;
    const Theme *t = &app->theme;
    if (app->time.mono_ms - app->screen_since_mono >= LEAVE_ASK_MS) {
        app_pop(app);
        return;
    }
    Rect area = app_header(app, NULL);
    int title_px = m->text_large;
    const char *words = "Lull closes and the desktop shows. Everything is kept; "
                        "Lull opens again when the device starts.";
    int words_h = ui_text_wrap(ui, words, rect_make(0, 0, area.w, area.h), m->text_small, t->text,
                               ALIGN_CENTER, 0);
    int block = title_px + m->gap + words_h + m->far_gap + m->unit * 3 / 2;
    int y = area.y + (area.h - block) / 2;
    if (y < area.y)
        y = area.y;
    ui_text_fit(ui, "Leave Lull?", rect_make(area.x, y, area.w, title_px), title_px, m->text,
                t->text, ALIGN_CENTER);
    y += title_px + m->gap;
    ui_text_wrap(ui, words, rect_make(area.x, y, area.w, words_h), m->text_small, t->text_dim,
                 ALIGN_CENTER, 1);
    y += words_h + m->far_gap;
    int w = (area.w - m->far_gap) / 2;
    if (w > m->unit * 5)
        w = m->unit * 5;
    int x = area.x + (area.w - (2 * w + m->far_gap)) / 2;
    UiStyle stay = app_style_button(app);
    stay.bg = color_mix(t->surface, t->accent, 0.35f);
    if (ui_button(ui, "Stay", NULL, rect_make(x, y, w, m->unit * 3 / 2), SHAPE_HOUSE, &stay, 0))
        app_pop(app);
    UiStyle quiet = app_style_quiet(app);
    if (ui_button(ui, "Leave Lull", NULL,
                  rect_make(x + w + m->far_gap, y + m->unit / 4, w, m->unit), SHAPE_NONE, &quiet,
                  0))
        app->quit = 1;
}
