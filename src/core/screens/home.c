/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Home [home]: a large, dim clock and the big tiles. */
#include "screens/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void screen_home(App *app)
{
    Ui *ui = &app->ui;
    const Metrics *m = &app->metrics;
    const Theme *t = &app->theme;

    UiStyle quiet = app_style_quiet(app);
    quiet.text_px = m->text_small;
    Rect settings = rect_make(m->margin, m->margin, m->unit * 3, m->unit);
    if (ui_button(ui, "Settings", NULL, settings, SHAPE_GEAR, &quiet, 0))
        app_push(app, SCREEN_SETTINGS);

    int tiles_h, tiles_y;
    Rect tiles[3];
    int n = 3;
    if (!m->portrait) {
        tiles_h = m->h * 2 / 5 > m->unit * 2 ? m->h * 2 / 5 : m->unit * 2;
        tiles_y = app_body_bottom(app) - tiles_h;
        int w = (m->w - 2 * m->margin - (n - 1) * m->gap) / n;
        for (int i = 0; i < n; i++)
            tiles[i] = rect_make(m->margin + i * (w + m->gap), tiles_y, w, tiles_h);
    } else {
        int each = m->unit * 2;
        tiles_h = n * each + (n - 1) * m->gap;
        tiles_y = app_body_bottom(app) - tiles_h;
        for (int i = 0; i < n; i++)
            tiles[i] = rect_make(m->margin, tiles_y + i * (each + m->gap), m->w - 2 * m->margin,
                                 each);
    }

    /* The clock: large and dim, centred in the space above the tiles. */
    CivilTime now = app_local_time(app);
    char clock[16], date[64];
    snprintf(clock, sizeof clock, "%02d:%02d", now.hour, now.minute);
    snprintf(date, sizeof date, "%s %d %s", calendar_weekday_name(now.weekday), now.day,
             calendar_month_name(now.month));
    int top = m->margin + m->unit;
    int space = tiles_y - top;
    int below = tiles_y; /* where the words above the tiles must end */
    if (app->session.state == SESSION_PAUSED) {
        /* A paused session is the one thing Home shows first: one tap back to it. */
        char who[160];
        app_paused_words(app, who, sizeof who);
        int card_h = m->unit * 3 / 2;
        Rect card = rect_make(m->margin, tiles_y - m->gap - card_h, m->w - 2 * m->margin, card_h);
        UiStyle st = app_style_button(app);
        Color pause = app_signal_color(app, SIGNAL_PAUSE);
        st.bg = color_mix(t->surface, pause, 0.4f);
        st.frame = pause;
        st.accent = t->text;
        if (ui_button(ui, "Paused session", who, card, SHAPE_BARS, &st, 0)) {
            app_push(app, SCREEN_SIGNALS);
            app_push(app, SCREEN_PAUSED);
        }
        space = card.y - m->gap - top;
        below = card.y - m->gap / 2;
    }
    int clock_px = m->text_huge;
    if (clock_px > space * 3 / 5)
        clock_px = space * 3 / 5;
    if (clock_px < m->text_large)
        clock_px = 0; /* no room for a clock worth reading: the date alone */
    int block = clock_px + m->text + m->gap / 2;
    int y = top + (space - block) / 2;
    Color clock_color = app->night ? t->text_dim : color_mix(t->text_dim, t->text, 0.5f);
    if (clock_px)
        ui_text(ui, clock, rect_make(m->margin, y, m->w - 2 * m->margin, clock_px), clock_px,
                clock_color, ALIGN_CENTER);
    if (space >= m->text)
        ui_text(ui, date,
                rect_make(m->margin, y + clock_px + m->gap / 2, m->w - 2 * m->margin, m->text),
                m->text, t->text_dim, ALIGN_CENTER);
    /* No speakers: everything works, silently; say so once, quietly. Else an
     * entry left unsaved: where it waits. */
    const char *note = app->sound_note[0]            ? app->sound_note
                       : app->journal.kept_count > 0 ? "A journal entry is kept as a draft"
                                                     : NULL;
    if (note) {
        int ny = y + clock_px + m->gap / 2 + m->text + m->gap / 2;
        if (ny + m->text_small <= below)
            ui_text_box(ui, note, rect_make(m->margin, ny, m->w - 2 * m->margin, m->text_small),
                        m->text_small, m->text_min, t->text_dim, ALIGN_CENTER);
    }

    UiStyle tile = app_style_tile(app);
    static const struct {
        const char *label;
        Shape shape;
        ScreenId screen;
    } items[3] = {
        {"Signals", SHAPE_HEART, SCREEN_SIGNALS},
        {"Breathe", SHAPE_CIRCLE, SCREEN_BREATHE},
        {"Journal", SHAPE_STAR, SCREEN_JOURNAL},
    };
    for (int i = 0; i < n; i++) {
        tile.accent = i == 0 ? t->partner[1] : i == 1 ? t->partner[0] : t->accent;
        if (ui_button(ui, items[i].label, NULL, tiles[i], items[i].shape, &tile, 0)) {
            app_push(app, items[i].screen);
            /* Paused: the pause, over the board it will resume to. */
            if (items[i].screen == SCREEN_SIGNALS && app->session.state == SESSION_PAUSED)
                app_push(app, SCREEN_PAUSED);
        }
    }
}
