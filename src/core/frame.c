/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The router: the only file that names every screen. It turns this frame's
 * input into one UI pass per event and the draw list, and says when the next
 * frame is wanted. */
#include "lull/frame.h"

#include "app/services.h"
#include "screens/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void build(App *app, const UiInput *input)
{
    app->chrome_calm = 0.0f; /* the breathing screen sets its own */
    ui_begin(&app->ui, &app->draw, input, app->time.mono_ms, app->theme.bg);
    breathe_update(app);
    lock_gate(app);
    journal_entry_left(app); /* an entry left unsaved is kept as a draft */
    switch (app_screen(app)) {
    case SCREEN_WELCOME:
        screen_welcome(app);
        break;
    case SCREEN_HOME:
        screen_home(app);
        break;
    case SCREEN_NAME_EDIT:
        screen_name_edit(app);
        break;
    case SCREEN_SETTINGS:
        screen_settings(app);
        break;
    case SCREEN_SETTINGS_SIGNALS:
        screen_settings_signals(app);
        break;
    case SCREEN_SIGNALS:
        screen_signals(app);
        break;
    case SCREEN_PAUSED:
        screen_paused(app);
        break;
    case SCREEN_STOPPED:
        screen_stopped(app);
        break;
    case SCREEN_BREATHE:
        screen_breathe(app);
        break;
    case SCREEN_BREATHE_RUN:
        screen_breathe_run(app);
        break;
    case SCREEN_BREATHE_DONE:
        screen_breathe_done(app);
        break;
    case SCREEN_JOURNAL:
        screen_journal(app);
        break;
    case SCREEN_ENTRY:
        screen_entry(app);
        break;
    case SCREEN_INSIGHTS:
        screen_insights(app);
        break;
    case SCREEN_JOURNAL_WORDS:
        screen_journal_words(app);
        break;
    case SCREEN_STORAGE:
        screen_storage(app);
        break;
    case SCREEN_LEAVE:
        screen_leave(app);
        break;
    case SCREEN_DIM:
        screen_dim(app);
        break;
    case SCREEN_CLOCK:
        screen_clock(app);
        break;
    case SCREEN_LOCKED:
        screen_pinpad(app);
        break;
    case SCREEN_COUNT:
        app_home(app);
        break;
    }
    chrome_overlay(app);
    ui_end(&app->ui);
}

static void handle_key(App *app, const AppInput *in)
{
    ScreenId s = app_screen(app);
    int used = 0;
    switch (s) {
    case SCREEN_LOCKED:
        used = pin_handle_key(app, in);
        break;
    case SCREEN_JOURNAL_WORDS:
        used = words_handle_key(app, in);
        break;
    case SCREEN_ENTRY:
        used = entry_handle_key(app, in);
        break;
    case SCREEN_NAME_EDIT:
        name_edit_handle_key(app, in);
        return; /* every key is the name's */
    case SCREEN_BREATHE:
        used = breathe_handle_key(app, in);
        break;
    default:
        break;
    }
    if (used)
        return;
    if (in->kind == APP_INPUT_KEY && in->key == KEY_SPACE && s != SCREEN_PAUSED) {
        breathe_pause(app);
        app_pause(app, PARTNER_NONE); /* a keyboard's big key pauses too */
    }
}

void frame_update(App *app, const AppInput *inputs, int count, const AppTime *now)
{
    app->time = *now;
    lock_tick(app, count > 0);
    app_update_theme(app);
    app_check_session_idle(app);
    if (app->sound_volume_sent != app->config.volume)
        app_queue_volume(app);
    if (!app->started) {
        app->started = 1;
        if (!app->names[0][0] && !app->names[1][0] && app->session.state != SESSION_PAUSED)
            app_push(app, SCREEN_WELCOME);
        /* Crash recovery is a step of its own, before the first frame. */
        breathe_recover(app);
        journal_drafts_restore(app);
        app_check_clock(app);
        durable_start(app);
    }
    for (int i = 0; i < count; i++) {
        const AppInput *in = &inputs[i];
        UiInput ui_in = {UI_INPUT_NONE, in->x, in->y};
        if (idle_filter_input(app, in))
            continue;
        switch (in->kind) {
        case APP_INPUT_PRESS:
            ui_in.kind = UI_INPUT_PRESS;
            break;
        case APP_INPUT_MOVE:
            ui_in.kind = UI_INPUT_MOVE;
            break;
        case APP_INPUT_RELEASE:
            ui_in.kind = UI_INPUT_RELEASE;
            break;
        case APP_INPUT_CANCEL:
            ui_in.kind = UI_INPUT_CANCEL;
            break;
        case APP_INPUT_KEY:
        case APP_INPUT_TEXT:
            handle_key(app, in);
            break;
        }
        if (ui_in.kind != UI_INPUT_NONE) {
            build(app, &ui_in);
            /* A control changed the state: settle before the next event so it
             * is hit-tested against what is now on screen. */
            for (int settle = 0; settle < 3 && app->ui.fired; settle++)
                build(app, NULL);
        }
    }
    idle_tick(app);
    durable_tick(app);
    build(app, NULL);
    if (app->ui.fired)
        build(app, NULL);
}

int frame_wake_in(const App *app)
{
    int64_t now = app->time.mono_ms;
    int64_t next = -1;
    if (app->wash_until_mono > now)
        next = 16;
    if (app->resume_wash_until > now)
        next = 16;
    if (app->ui.pointer_down || timeline_animating(app) || chrome_wake_in(app) > 0)
        next = 16;
    int breathing = breathe_wake_in(app);
    if (breathing >= 0 && (next < 0 || breathing < next))
        next = breathing;
    int dim = idle_wake_in(app);
    if (dim >= 0 && (next < 0 || dim < next))
        next = dim;
    int writes = durable_wake_in(app);
    if (writes >= 0 && (next < 0 || writes < next))
        next = writes;
    if (next < 0) {
        /* The clock and "how long ago" change once a second at most. */
        next = 1000 - (app->time.wall_ms % 1000);
    }
    return (int)next;
}
