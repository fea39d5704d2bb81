/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Writes that must not be lost (lull/durable.h): the queue of refused writes
 * and its retries, and the note at the bottom of every screen. */
#include "app/services.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lull/check.h"

enum { SAVED_NOTE_MS = 3000 };

const char *durable_words(int status)
{
    switch (status) {
    case STORE_FULL:
        return "Not saved — storage full";
    case STORE_IO:
        return "Not saved — the storage is failing";
    case STORE_READONLY:
        return "Not saved — the storage is read-only";
    case STORE_BUSY:
        return "Not saved — the journal is busy";
    default:
        return "Not saved — the journal could not be written";
    }
}

/* A session that has landed replaces its stand-in everywhere it went. */
static void replace_standin(App *app, int64_t standin, int64_t id)
{
    Durable *d = &app->durable;
    for (int i = 0; i < d->count; i++) {
        DurableWrite *w = &d->queue[i];
        if (w->session == standin)
            w->session = id;
        if (w->kind == DURABLE_LOG && w->ev.session == standin)
            w->ev.session = id;
    }
    if (app->session.id == standin)
        app->session.id = id;
    if (app->stopped_session == standin)
        app->stopped_session = id;
    if (app->journal.draft.session == standin)
        app->journal.draft.session = id;
    app->durable.landed_standin = standin;
    app->durable.landed_id = id;
}

/* One write through the host; 0 when it landed. */
static int perform(App *app, DurableWrite *w)
{
    const AppHost *h = &app->host;
    switch (w->kind) {
    case DURABLE_LOG:
        /* A stand-in still here means its session was lost (the queue was
         * full): the event is kept, without a session. */
        if (w->ev.session < 0)
            w->ev.session = 0;
        return h->log_event ? h->log_event(h->ctx, &w->ev) : 0;
    case DURABLE_SESSION_BEGIN: {
        int64_t id = 0;
        int status = h->session_begin ? h->session_begin(h->ctx, w->time_ms, w->utc_offset_s, &id)
                                      : 0;
        if (status == 0)
            replace_standin(app, w->session, id);
        return status;
    }
    case DURABLE_SESSION_END:
        if (w->session <= 0)
            return 0; /* its session never landed */
        return h->session_end ? h->session_end(h->ctx, w->session, w->time_ms) : 0;
    case DURABLE_SETTING:
        return h->setting_set ? h->setting_set(h->ctx, w->key, w->value) : 0;
    }
    return 0;
}

/* Writes what waits, oldest first, stopping at the first refusal. */
static int flush(App *app)
{
    Durable *d = &app->durable;
    LULL_ASSERT(d->count >= 0 && d->count <= DURABLE_QUEUE_MAX, "durable queue holds %d", d->count);
    int done = 0, status = 0;
    while (done < d->count && (status = perform(app, &d->queue[done])) == 0)
        done++;
    if (done > 0) {
        memmove(d->queue, d->queue + done, sizeof d->queue[0] * (size_t)(d->count - done));
        d->count -= done;
        if (d->count == 0)
            d->saved_until_mono = app->time.mono_ms + SAVED_NOTE_MS;
    }
    d->status = d->count ? status : 0;
    d->retry_mono = app->time.mono_ms + DURABLE_RETRY_MS;
    return d->status;
}

/* Keeps a refused write; returns the status the caller reports. */
static DurableWrite *enqueue(App *app, DurableKind kind)
{
    Durable *d = &app->durable;
    if (d->count >= DURABLE_QUEUE_MAX) {
        d->dropped++;
        return NULL;
    }
    LULL_ASSERT(d->count >= 0, "durable queue holds %d", d->count);
    DurableWrite *w = &d->queue[d->count++];
    memset(w, 0, offsetof(DurableWrite, ev));
    w->kind = kind;
    if (d->count == 1)
        d->retry_mono = app->time.mono_ms + DURABLE_RETRY_MS;
    return w;
}

/* After a write was queued: everything waiting is tried at once when the
 * queue was already waiting (the storage may have come back), so order holds. */
static int settle(App *app, int first_status)
{
    Durable *d = &app->durable;
    if (d->count > 1 || first_status == 0)
        return flush(app);
    d->status = first_status;
    return first_status;
}

int durable_log(App *app, LogEvent *ev)
{
    if (!app->host.log_event)
        return 0;
    Durable *d = &app->durable;
    int status = 0;
    if (d->count == 0) {
        status = app->host.log_event(app->host.ctx, ev);
        if (status == 0)
            return 0;
    }
    DurableWrite *w = enqueue(app, DURABLE_LOG);
    if (!w)
        return d->status ? d->status : status;
    w->ev = *ev;
    return settle(app, status ? status : d->status);
}

int durable_session_begin(App *app, int64_t time_ms, int32_t utc_offset_s, int64_t *id)
{
    if (!app->host.session_begin)
        return 0;
    Durable *d = &app->durable;
    int status = 0;
    if (d->count == 0) {
        status = app->host.session_begin(app->host.ctx, time_ms, utc_offset_s, id);
        if (status == 0)
            return 0;
    }
    DurableWrite *w = enqueue(app, DURABLE_SESSION_BEGIN);
    int64_t standin = --d->next_standin;
    *id = standin;
    if (!w)
        return d->status ? d->status : status;
    w->session = standin;
    w->time_ms = time_ms;
    w->utc_offset_s = utc_offset_s;
    int result = settle(app, status ? status : d->status);
    if (d->landed_standin == standin)
        *id = d->landed_id; /* it landed with what waited before it */
    return result;
}

int durable_session_end(App *app, int64_t id, int64_t time_ms)
{
    if (!app->host.session_end)
        return 0;
    Durable *d = &app->durable;
    int status = 0;
    if (d->count == 0 && id > 0) {
        status = app->host.session_end(app->host.ctx, id, time_ms);
        if (status == 0)
            return 0;
    }
    DurableWrite *w = enqueue(app, DURABLE_SESSION_END);
    if (!w)
        return d->status ? d->status : status;
    w->session = id;
    w->time_ms = time_ms;
    return settle(app, status ? status : d->status);
}

int durable_setting(App *app, const char *key, const char *value)
{
    if (!app->host.setting_set)
        return 0;
    Durable *d = &app->durable;
    int status = 0;
    if (d->count == 0) {
        status = app->host.setting_set(app->host.ctx, key, value);
        if (status == 0)
            return 0;
    }
    /* A setting changed again while waiting only needs its latest value. */
    for (int i = 0; i < d->count; i++) {
        DurableWrite *w = &d->queue[i];
        if (w->kind == DURABLE_SETTING && strcmp(w->key, key) == 0) {
            snprintf(w->value, sizeof w->value, "%s", value);
            return d->status;
        }
    }
    DurableWrite *w = enqueue(app, DURABLE_SETTING);
    if (!w)
        return d->status ? d->status : status;
    snprintf(w->key, sizeof w->key, "%s", key);
    snprintf(w->value, sizeof w->value, "%s", value);
    return settle(app, status ? status : d->status);
}

static int same_event(const LogEvent *a, const LogEvent *b)
{
    return a->id == b->id && a->kind == b->kind && a->partner == b->partner &&
           a->session == b->session && a->closeness == b->closeness && a->comfort == b->comfort &&
           a->pain == b->pain && a->tiredness == b->tiredness && strcmp(a->tried, b->tried) == 0 &&
           strcmp(a->helped, b->helped) == 0 && strcmp(a->next, b->next) == 0 &&
           strcmp(a->note, b->note) == 0;
}

void durable_entry_refused(App *app, const LogEvent *draft)
{
    Durable *d = &app->durable;
    d->entry = *draft;
    d->entry_waiting = 1;
    d->entry_retry_mono = app->time.mono_ms + DURABLE_RETRY_MS;
}

int durable_entry_due(App *app, const LogEvent *draft)
{
    Durable *d = &app->durable;
    if (!d->entry_waiting || app->time.mono_ms < d->entry_retry_mono)
        return 0;
    if (!same_event(&d->entry, draft)) {
        d->entry_waiting = 0; /* changed since: Save is theirs to tap again */
        return 0;
    }
    d->entry_retry_mono = app->time.mono_ms + DURABLE_RETRY_MS;
    /* Writes refused before it land first, so the journal keeps their order. */
    if (d->count > 0 && flush(app) != 0)
        return 0;
    return 1;
}

void durable_entry_clear(App *app)
{
    app->durable.entry_waiting = 0;
}

static const char *problem_note(const Durable *d)
{
    switch (d->problem) {
    case 0:
        return d->read_only ? "Nothing new is saved: the journal is read-only" : "";
    case STORE_CORRUPT:
        return "Nothing is saved: the journal file is damaged";
    case STORE_FOREIGN:
        return "Nothing is saved: the journal file is not Lull's";
    case STORE_TOO_NEW:
        return "Nothing is saved: the journal is from a newer Lull";
    case STORE_READONLY:
        return "Nothing is saved: the journal is read-only";
    case STORE_BUSY:
        return "Nothing is saved yet: another program is using the journal";
    case STORE_FULL:
        return "Nothing is saved: the storage is full";
    default:
        return "Nothing is saved: the journal could not be opened";
    }
}

void durable_tick(App *app)
{
    Durable *d = &app->durable;
    if (d->count > 0 && app->time.mono_ms >= d->retry_mono)
        flush(app);
    const char *note = "";
    char text[APP_NOTE_MAX];
    if (d->problem || d->read_only) {
        note = problem_note(d); /* says more than "Not saved" */
    } else if (d->count > 0) {
        note = durable_words(d->status);
    } else if (app->time.mono_ms < d->notice_until_mono) {
        note = d->notice;
    } else if (app->time.mono_ms < d->saved_until_mono) {
        note = "Saved";
    }
    snprintf(text, sizeof text, "%s", note);
    app_set_note(app->store_note, text);
}

void app_storage_notice(App *app, const char *text)
{
    Durable *d = &app->durable;
    snprintf(d->notice, sizeof d->notice, "%s", text);
    d->notice_until_mono = app->time.mono_ms + 20000;
}

int durable_note_warns(const App *app)
{
    const Durable *d = &app->durable;
    return d->problem || d->read_only || d->count > 0;
}

int durable_wake_in(const App *app)
{
    const Durable *d = &app->durable;
    int64_t now = app->time.mono_ms;
    int64_t next = -1;
    if (d->count > 0)
        next = d->retry_mono > now ? d->retry_mono - now : 1;
    if (d->saved_until_mono > now && (next < 0 || d->saved_until_mono - now < next))
        next = d->saved_until_mono - now;
    if (d->notice_until_mono > now && (next < 0 || d->notice_until_mono - now < next))
        next = d->notice_until_mono - now;
    if (d->entry_waiting) {
        int64_t entry = d->entry_retry_mono > now ? d->entry_retry_mono - now : 1;
        if (next < 0 || entry < next)
            next = entry;
    }
    return (int)next;
}

int app_flush_writes(App *app)
{
    if (app->durable.count > 0)
        flush(app);
    return app->durable.count;
}

int app_writes_waiting(const App *app)
{
    return app->durable.count;
}

int app_writes_dropped(const App *app)
{
    return app->durable.dropped;
}

void app_storage_problem(App *app, int problem, int read_only, DurableResetFn reset, void *ctx)
{
    Durable *d = &app->durable;
    d->problem = problem;
    d->read_only = problem == 0 && read_only;
    d->reset = reset;
    d->reset_ctx = ctx;
    d->shown = 0;
}

void app_storage_ready(App *app)
{
    Durable *d = &app->durable;
    d->problem = 0;
    d->read_only = 0;
    d->retry_mono = 0;
    /* The journal's settings were just read: what was changed meanwhile wins. */
    for (int i = 0; i < d->count; i++)
        if (d->queue[i].kind == DURABLE_SETTING)
            app_apply_setting(app, d->queue[i].key, d->queue[i].value);
    if (app_screen(app) == SCREEN_STORAGE)
        app_pop(app);
}

void durable_start(App *app)
{
    Durable *d = &app->durable;
    if ((d->problem || d->read_only) && !d->shown) {
        d->shown = 1;
        app_push(app, SCREEN_STORAGE);
    }
}
