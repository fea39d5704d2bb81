/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The screen stack: push, pop, home, replace the top, unwind to a screen; and
 * the automation names of the screens. Every change of screen goes through here. */
#include "app/services.h"

#include "lull/check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const screen_names[SCREEN_COUNT] = {
    [SCREEN_WELCOME] = "welcome",
    [SCREEN_HOME] = "home",
    [SCREEN_SIGNALS] = "signals",
    [SCREEN_PAUSED] = "paused",
    [SCREEN_STOPPED] = "stopped",
    [SCREEN_BREATHE] = "breathe",
    [SCREEN_BREATHE_RUN] = "breathe-run",
    [SCREEN_BREATHE_DONE] = "breathe-done",
    [SCREEN_JOURNAL] = "journal",
    [SCREEN_ENTRY] = "entry",
    [SCREEN_INSIGHTS] = "insights",
    [SCREEN_SETTINGS] = "settings",
    [SCREEN_SETTINGS_SIGNALS] = "settings-signals",
    [SCREEN_NAME_EDIT] = "name",
    [SCREEN_LOCKED] = "locked",
    [SCREEN_DIM] = "dim",
    [SCREEN_CLOCK] = "clock",
    [SCREEN_JOURNAL_WORDS] = "journal-words",
    [SCREEN_STORAGE] = "storage",
    [SCREEN_LEAVE] = "leave",
};

const char *screen_name(ScreenId id)
{
    return (unsigned)id < SCREEN_COUNT ? screen_names[id] : "unknown";
}

ScreenId app_screen(const App *app)
{
    return app->stack[app->depth - 1];
}

void app_push(App *app, ScreenId id)
{
    if (app_screen(app) == id)
        return;
    if (app->depth < APP_STACK_MAX)
        app->depth++;
    app->stack[app->depth - 1] = id;
    app->screen_since_mono = app->time.mono_ms;
}

void app_pop(App *app)
{
    if (app->depth > 1)
        app->depth--;
    app->screen_since_mono = app->time.mono_ms;
}

void app_home(App *app)
{
    app->depth = 1;
    app->stack[0] = SCREEN_HOME;
    app->screen_since_mono = app->time.mono_ms;
}

ScreenId app_screen_below(const App *app)
{
    return app->depth > 1 ? app->stack[app->depth - 2] : SCREEN_COUNT;
}

int app_stack_find(const App *app, ScreenId id)
{
    for (int i = app->depth - 1; i >= 0; i--)
        if (app->stack[i] == id)
            return i;
    return -1;
}

void app_replace_top(App *app, ScreenId id)
{
    LULL_ASSERT(app->depth >= 1 && app->depth <= APP_STACK_MAX, "screen stack depth %d",
                app->depth);
    app->stack[app->depth - 1] = id;
    app->screen_since_mono = app->time.mono_ms;
}

int app_unwind_to(App *app, ScreenId id)
{
    int at = app_stack_find(app, id);
    if (at < 0)
        return 0;
    app->depth = at + 1;
    app->screen_since_mono = app->time.mono_ms;
    return 1;
}

ScreenId app_screen_id(int id)
{
    LULL_ASSERT(id >= 0 && id < SCREEN_COUNT, "no screen has the id %d", id);
    return (ScreenId)id;
}
