/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The dim screen [dim]: a faint clock while idle; Pause is still one tap away. */
#include "screens/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void screen_dim(App *app)
{
    Ui *ui = &app->ui;
    const Metrics *m = &app->metrics;
    ui->draw->clear = color_rgb(0x000000);
    CivilTime now = app_local_time(app);
    char clock[16];
    snprintf(clock, sizeof clock, "%02d:%02d", now.hour, now.minute);
    Color faint = color_scale(app->theme.text_dim, 0.45f);
    /* Any tap wakes the screen (idle_filter_input takes it); the label lets a
     * script find somewhere to tap. */
    ui_area(ui, "Wake", rect_make(0, 0, m->w, m->h), 0);
    ui_text(ui, clock, rect_make(0, (m->h - m->text_huge) / 2, m->w, m->text_huge), m->text_huge,
            faint, ALIGN_CENTER);
    /* Pause stays one tap away, even here. */
    UiStyle st = app_style_quiet(app);
    st.bg = color_rgb(0x000000);
    st.fg = faint;
    st.accent = faint;
    st.frame = color_scale(app->theme.frame, 0.5f);
    if (ui_button(ui, "Pause", NULL, app_pause_rect(app), SHAPE_BARS, &st, UI_FIRE_ON_PRESS)) {
        app_pop(app);
        app_pause(app, PARTNER_NONE);
    }
}
