/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "host.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lull/setting_keys.h"

static int log_event(void *ctx, LogEvent *ev)
{
    return ctx ? (int)store_log(ctx, ev) : (int)STORE_ERROR;
}

static int session_begin(void *ctx, int64_t time_ms, int32_t offset, int64_t *id)
{
    return ctx ? (int)store_session_begin(ctx, time_ms, offset, id) : (int)STORE_ERROR;
}

static int session_end(void *ctx, int64_t id, int64_t time_ms)
{
    return ctx ? (int)store_session_end(ctx, id, time_ms) : (int)STORE_ERROR;
}

static int setting_set(void *ctx, const char *key, const char *value)
{
    return ctx ? (int)store_setting_set(ctx, key, value) : (int)STORE_ERROR;
}

AppHost host_for_store(Store *store)
{
    AppHost host = {
        .ctx = store,
        .log_event = log_event,
        .session_begin = session_begin,
        .session_end = session_end,
        .setting_set = setting_set,
        .journal = journal_host(),
    };
    return host;
}

void host_load_settings(Store *store, App *app)
{
    char key[SETTING_KEY_MAX], value[512];
    if (!store)
        return;
    for (int i = 0; setting_start_key(i, key, sizeof key) == 0; i++)
        if (store_setting_get(store, key, value, sizeof value) == STORE_OK)
            app_apply_setting(app, key, value);
}

typedef struct {
    LogEvent *events;
    int count, cap;
} EventList;

static int collect(void *ctx, const LogEvent *ev)
{
    EventList *list = ctx;
    if (list->count == list->cap) {
        int cap = list->cap ? list->cap * 2 : 64;
        LogEvent *bigger = realloc(list->events, sizeof(LogEvent) * (size_t)cap);
        if (!bigger)
            return 1;
        list->events = bigger;
        list->cap = cap;
    }
    list->events[list->count++] = *ev;
    return 0;
}

void host_restore_session(Store *store, App *app)
{
    int64_t id = 0;
    if (!store || store_session_open(store, &id) != STORE_OK || id == 0)
        return;
    EventList list = {0};
    if (store_session_events(store, id, collect, &list) == STORE_OK) {
        app->session.id = id;
        app_restore_session(app, list.events, list.count);
        if (app->session.state != SESSION_NONE)
            app->session.id = id;
    }
    free(list.events);
}
