/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The kiosk's idle behaviour: dimming to a faint clock when nobody touches it
 * (never during a session), the first tap that only wakes it, and the 3-second
 * corner hold that leaves. */
#include "app/services.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The top-left corner, wide enough to take the control that sits there (Home
 * or Settings) so a hold on it counts. */
static Rect corner(const App *app)
{
    int s = app->metrics.unit * 2;
    return rect_make(0, 0, s, s);
}

static int may_dim(const App *app)
{
    ScreenId s = app_screen(app);
    /* Never while a session is open, nor during breathing or while typing. */
    return app->config.idle_dim_s > 0 && app->session.state == SESSION_NONE && s != SCREEN_DIM &&
           s != SCREEN_BREATHE_RUN && s != SCREEN_NAME_EDIT && s != SCREEN_ENTRY &&
           s != SCREEN_CLOCK && s != SCREEN_WELCOME;
}

int idle_filter_input(App *app, const AppInput *in)
{
    if (in->kind == APP_INPUT_KEY || in->kind == APP_INPUT_TEXT || in->kind == APP_INPUT_PRESS) {
        app->last_input_mono = app->time.mono_ms;
        app->touched_mono = app->time.mono_ms;
    }
    if (in->kind == APP_INPUT_PRESS) {
        app->hold_start_mono = rect_contains(corner(app), in->x, in->y) ? app->time.mono_ms : 0;
        if (app_screen(app) == SCREEN_DIM) {
            const UiTarget *t = ui_hit(&app->ui, in->x, in->y);
            if (!t || strcmp(t->label, "Pause") != 0) {
                /* The first tap only wakes the screen. */
                app_pop(app);
                app->swallow_pointer = 1;
                return 1;
            }
        }
    } else if (in->kind == APP_INPUT_MOVE) {
        if (!rect_contains(corner(app), in->x, in->y))
            app->hold_start_mono = 0;
    } else if (in->kind == APP_INPUT_RELEASE || in->kind == APP_INPUT_CANCEL) {
        app->hold_start_mono = 0;
    }
    if (app->swallow_pointer) {
        if (in->kind == APP_INPUT_RELEASE || in->kind == APP_INPUT_CANCEL)
            app->swallow_pointer = 0;
        return in->kind != APP_INPUT_KEY && in->kind != APP_INPUT_TEXT;
    }
    return 0;
}

void idle_tick(App *app)
{
    int64_t now = app->time.mono_ms;
    if (app->hold_start_mono && now - app->hold_start_mono >= IDLE_HOLD_TO_LEAVE_MS) {
        app->hold_start_mono = 0;
        /* With a PIN set, the PIN pad first; it leaves on the right PIN.
         * Without one, a question: nobody lands at a console by accident. */
        if (!lock_guard_quit(app) && app_screen(app) != SCREEN_LEAVE)
            app_push(app, SCREEN_LEAVE);
        return;
    }
    if (may_dim(app) && now - app->last_input_mono >= (int64_t)app->config.idle_dim_s * 1000)
        app_push(app, SCREEN_DIM);
}

int idle_wake_in(const App *app)
{
    int64_t now = app->time.mono_ms;
    if (app->hold_start_mono)
        return 16;
    if (!may_dim(app))
        return -1;
    int64_t left = app->last_input_mono + (int64_t)app->config.idle_dim_s * 1000 - now;
    return left <= 0 ? 1 : left > 60000 ? 60000 : (int)left;
}

int64_t idle_hold_ms(const App *app)
{
    return app->hold_start_mono ? app->time.mono_ms - app->hold_start_mono : 0;
}
