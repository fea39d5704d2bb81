/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Setting a wrong clock [clock] (a Pi without network time) by hand. */
#include "screens/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { DAY_S = 86400 };

void screen_clock(App *app)
{
    Ui *ui = &app->ui;
    const Metrics *m = &app->metrics;
    const Theme *t = &app->theme;
    Rect area = app_header(app, "Set the clock");
    CivilTime now = app_local_time(app);
    char line[160];
    snprintf(line, sizeof line, "This device thinks it is %d %s %d, %02d:%02d. Is this the time?",
             now.day, calendar_month_name(now.month), now.year, now.hour, now.minute);
    int y = area.y;
    y += ui_text_wrap(ui, line, rect_make(area.x, y, area.w, m->text_small * 3), m->text_small,
                      t->text_dim, ALIGN_CENTER, 1);
    CivilTime p = civil_from_unix(app->clock_proposal);
    snprintf(line, sizeof line, "%d %s %d  %02d:%02d", p.day, calendar_month_name(p.month), p.year,
             p.hour, p.minute);
    ui_text_box(ui, line, rect_make(area.x, y, area.w, m->text_large * 3 / 2), m->text_large,
                m->text, t->text, ALIGN_CENTER);
    y += m->text_large * 3 / 2 + m->gap / 2;

    static const struct {
        const char *label, *text;
        int kind; /* 0 day, 1 month, 2 year, 3 hour, 4 minute */
        int by;
    } steps[10] = {
        {"Day down", "− day", 0, -1},      {"Day up", "+ day", 0, 1},
        {"Month down", "− month", 1, -1},  {"Month up", "+ month", 1, 1},
        {"Year down", "− year", 2, -1},    {"Year up", "+ year", 2, 1},
        {"Hour down", "− hour", 3, -1},    {"Hour up", "+ hour", 3, 1},
        {"Minute down", "− 5 min", 4, -5}, {"Minute up", "+ 5 min", 4, 5},
    };
    int bottom = area.y + area.h - m->unit;
    /* Landscape: the downs on one row, the ups below; portrait: the pairs
     * side by side, four to a row. */
    int cols = m->portrait ? 4 : 5;
    int rows = (10 + cols - 1) / cols;
    int gap = m->gap;
    int bw = (area.w - (cols - 1) * gap) / cols;
    int bh = (bottom - m->gap - y - (rows - 1) * gap) / rows;
    if (bh > m->unit)
        bh = m->unit;
    UiStyle st = app_style_button(app);
    st.text_px = m->text_small;
    for (int i = 0; i < 10; i++) {
        int col = m->portrait ? i % cols : i / 2;
        int row = m->portrait ? i / cols : i % 2;
        Rect r = rect_make(area.x + col * (bw + gap), y + row * (bh + gap), bw, bh);
        if (!ui_button(ui, steps[i].label, steps[i].text, r, SHAPE_NONE, &st, 0))
            continue;
        int64_t v = app->clock_proposal;
        switch (steps[i].kind) {
        case 0:
            v += (int64_t)steps[i].by * DAY_S;
            break;
        case 1:
            v = calendar_add_months(v, steps[i].by);
            break;
        case 2:
            v = calendar_add_months(v, 12 * steps[i].by);
            break;
        case 3:
            v += (int64_t)steps[i].by * 3600;
            break;
        default:
            v += (int64_t)steps[i].by * 60;
        }
        if (v > 0)
            app->clock_proposal = v;
    }

    int w = (area.w - m->gap) / 2;
    UiStyle quiet = app_style_quiet(app);
    if (ui_button(ui, "Keep the clock", "It is right", rect_make(area.x, bottom, w, m->unit),
                  SHAPE_NONE, &quiet, 0))
        app_pop(app);
    UiStyle go = app_style_primary(app);
    if (ui_button(ui, "Set the time", NULL, rect_make(area.x + w + m->gap, bottom, w, m->unit),
                  SHAPE_CHECK, &go, 0)) {
        int64_t unix_ms = (app->clock_proposal - app->time.utc_offset_s) * 1000;
        if (app->host.clock_set && app->host.clock_set(app->host.clock_ctx, unix_ms) == 0)
            app->time.wall_ms = unix_ms;
        app_pop(app);
    }
}
