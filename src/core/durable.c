/* Writes that must not be lost (lull/durable.h): the queue of refused writes
 * and its retries, the note at the bottom of every screen, and the storage
 * screen that explains a journal which could not be opened. */
#include "app_internal.h"

#include <stdio.h>
#include <string.h>

enum {
    SAVED_NOTE_MS = 3000,
    /* StoreStatus values, without including the store's header in the core. */
    STATUS_FULL = 2,
    STATUS_IO = 3,
    STATUS_READONLY = 4,
    STATUS_BUSY = 5,
    STATUS_CORRUPT = 6,
    STATUS_TOO_NEW = 7,
    STATUS_FOREIGN = 9,
};

const char *durable_words(int status)
{
    switch (status) {
    case STATUS_FULL:
        return "Not saved — storage full";
    case STATUS_IO:
        return "Not saved — the storage is failing";
    case STATUS_READONLY:
        return "Not saved — the storage is read-only";
    case STATUS_BUSY:
        return "Not saved — the journal is busy";
    default:
        return "Not saved — the journal could not be written";
    }
}

/* The same, as the end of a sentence. */
static const char *reason(int status)
{
    switch (status) {
    case STATUS_FULL:
        return "the storage is full";
    case STATUS_IO:
        return "the storage is failing";
    case STATUS_READONLY:
        return "the storage is read-only";
    default:
        return "it could not be moved";
    }
}

/* ---- the queue ---- */

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
        int status = h->session_begin
                         ? h->session_begin(h->ctx, w->time_ms, w->utc_offset_s, &id)
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

/* ---- a refused journal entry ---- */

static int same_event(const LogEvent *a, const LogEvent *b)
{
    return a->id == b->id && a->kind == b->kind && a->partner == b->partner &&
           a->session == b->session && a->closeness == b->closeness &&
           a->comfort == b->comfort && a->pain == b->pain && a->tiredness == b->tiredness &&
           strcmp(a->tried, b->tried) == 0 && strcmp(a->helped, b->helped) == 0 &&
           strcmp(a->next, b->next) == 0 && strcmp(a->note, b->note) == 0;
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
    return 1;
}

void durable_entry_clear(App *app)
{
    app->durable.entry_waiting = 0;
}

/* ---- the note ---- */

static const char *problem_note(const Durable *d)
{
    switch (d->problem) {
    case 0:
        return d->read_only ? "Nothing new is saved: the journal is read-only" : "";
    case STATUS_CORRUPT:
        return "Nothing is saved: the journal file is damaged";
    case STATUS_FOREIGN:
        return "Nothing is saved: the journal file is not Lull's";
    case STATUS_TOO_NEW:
        return "Nothing is saved: the journal is from a newer Lull";
    case STATUS_READONLY:
        return "Nothing is saved: the journal is read-only";
    case STATUS_BUSY:
        return "Nothing is saved yet: another program is using the journal";
    case STATUS_FULL:
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
    } else if (app->time.mono_ms < d->saved_until_mono) {
        note = "Saved";
    }
    snprintf(text, sizeof text, "%s", note);
    app_set_note(app->store_note, text);
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

/* ---- the journal as opened ---- */

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

/* ---- the storage screen ---- */

static int can_start_new(const Durable *d)
{
    return d->reset && (d->problem == STATUS_CORRUPT || d->problem == STATUS_FOREIGN);
}

static const char *explanation(const Durable *d)
{
    if (d->aside[0] && !d->problem)
        return NULL; /* a new journal was started: said below */
    if (d->read_only && !d->problem)
        return "The journal can be read but not written: the file or the storage is read-only. "
               "Everything written before is here; nothing new is saved until it can be written.";
    switch (d->problem) {
    case 0:
        return "The journal is fine: everything is saved.";
    case STATUS_CORRUPT:
        return "Lull cannot read the journal file on this device: it is damaged. It has not been "
               "changed in any way. You can keep it aside, under a new name next to it so that it "
               "can be recovered later, and start a new, empty journal. Until then nothing you do "
               "here is saved.";
    case STATUS_FOREIGN:
        return "The file where Lull keeps its journal belongs to another program, so Lull has not "
               "touched it. You can keep it aside, under a new name next to it, and start a new, "
               "empty journal. Until then nothing you do here is saved.";
    case STATUS_TOO_NEW:
        return "The journal was written by a newer version of Lull. It has been left exactly as it "
               "is: update Lull to carry on with it. Until then nothing you do here is saved.";
    case STATUS_READONLY:
        return "The journal is read-only and cannot be brought up to date, so it has been left as "
               "it is. Until it can be written, nothing you do here is saved.";
    case STATUS_BUSY:
        return "Another program is using the journal file. Lull keeps trying, and saves what you "
               "do as soon as it can.";
    case STATUS_FULL:
        return "The storage is full, so the journal could not be opened. Lull keeps trying; make "
               "some room and what you do is saved.";
    default:
        return "The journal could not be opened: the storage may be missing or failing. It has "
               "not been changed. Nothing you do here is saved for now.";
    }
}

void screen_storage(App *app)
{
    Ui *ui = &app->ui;
    const Metrics *m = &app->metrics;
    const Theme *t = &app->theme;
    Durable *d = &app->durable;
    Rect area = app_header(app, "Your journal");
    int bar_h = m->unit;
    Rect body = rect_make(area.x, area.y, area.w, area.h - bar_h - m->gap);

    char said[600];
    const char *text = explanation(d);
    if (!text) {
        snprintf(said, sizeof said,
                 "A new journal was started. The old file is kept, unchanged, next to it as %s.",
                 d->aside);
        text = said;
    } else if (d->reset_status) {
        snprintf(said, sizeof said, "%s The old file could not be kept aside (%s), so nothing "
                 "was changed.", text, reason(d->reset_status));
        text = said;
    }
    int size = m->text;
    if (ui_text_wrap(ui, text, body, size, t->text, ALIGN_LEFT, 0) > body.h)
        size = m->text_small;
    if (ui_text_wrap(ui, text, body, size, t->text, ALIGN_LEFT, 0) > body.h)
        size = m->text_min;
    ui_text_wrap(ui, text, body, size, t->text, ALIGN_LEFT, 1);

    int y = area.y + area.h - bar_h;
    UiStyle quiet = app_style_quiet(app);
    if (can_start_new(d)) {
        int w = (area.w - m->gap) / 3;
        if (ui_button(ui, "Not now", NULL, rect_make(area.x, y, w, bar_h), SHAPE_NONE, &quiet, 0)) {
            app_pop(app);
            return;
        }
        UiStyle go = app_style_button(app);
        go.bg = t->accent;
        go.fg = t->bg;
        go.accent = t->bg;
        if (ui_button(ui, "Start a new journal", "Keep it aside, start a new journal",
                      rect_make(area.x + w + m->gap, y, area.w - w - m->gap, bar_h), SHAPE_CHECK,
                      &go, 0)) {
            char aside[DURABLE_ASIDE_MAX] = "";
            int status = d->reset(d->reset_ctx, aside, sizeof aside);
            d->reset_status = status;
            if (status == 0) {
                snprintf(d->aside, sizeof d->aside, "%s", aside);
                d->problem = 0;
                d->read_only = 0;
                d->retry_mono = 0; /* what waited lands in the new journal */
            }
        }
        return;
    }
    if (ui_button(ui, "OK", d->problem ? "Carry on without saving" : "OK",
                  rect_make(area.x, y, area.w, bar_h), SHAPE_NONE, &quiet, 0))
        app_pop(app);
}
