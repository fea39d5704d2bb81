/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Writes that must not be lost, and a journal that could not be opened. A
 * write the store refuses (a full or failing disk, a lock) waits here in order
 * and is retried about once a second until it lands, while every screen says
 * "Not saved"; Pause and everything else carry on meanwhile. A journal that
 * cannot be opened gets its own screen [storage] that explains it. Pure C11:
 * no SDL, no clock, no I/O (src/core/durable.c). */
#ifndef LULL_DURABLE_H
#define LULL_DURABLE_H

#include <stddef.h>
#include <stdint.h>

#include "lull/event.h"

typedef struct App App;

enum {
    DURABLE_QUEUE_MAX = 64, /* writes kept while the store refuses them */
    DURABLE_KEY_MAX = 64,
    DURABLE_VALUE_MAX = 256,
    DURABLE_RETRY_MS = 1000,
    DURABLE_ASIDE_MAX = 160,
};

typedef enum {
    DURABLE_LOG,           /* ev */
    DURABLE_SESSION_BEGIN, /* session: the stand-in id (negative) it will replace */
    DURABLE_SESSION_END,   /* session, time_ms */
    DURABLE_SETTING,       /* key, value */
} DurableKind;

typedef struct {
    DurableKind kind;
    int64_t session;
    int64_t time_ms;
    int32_t utc_offset_s;
    char key[DURABLE_KEY_MAX];
    char value[DURABLE_VALUE_MAX];
    LogEvent ev;
} DurableWrite;

/* Starts a new journal in place of one that cannot be used, keeping the old
 * file aside; aside gets its name. Returns 0 or a StoreStatus. */
typedef int (*DurableResetFn)(void *ctx, char *aside, size_t aside_size);

typedef struct {
    DurableWrite queue[DURABLE_QUEUE_MAX];
    int count;
    int dropped;            /* writes lost because the queue was full */
    int status;             /* why the oldest write waits (a StoreStatus); 0: none */
    int64_t retry_mono;     /* when the queue is tried again */
    int64_t next_standin;   /* stand-ins for session ids not stored yet: -1, -2, ... */
    int64_t landed_standin; /* the latest stand-in replaced, by landed_id */
    int64_t landed_id;
    int64_t saved_until_mono; /* "Saved" shows until then, after the queue drained */
    char notice[96];          /* what the platform did about the journal's file, said a while */
    int64_t notice_until_mono;

    /* the journal as the platform opened it */
    int problem;                   /* a StoreStatus: it could not be opened; 0: fine */
    int read_only;                 /* opened for reading only: nothing new is kept */
    int shown;                     /* the storage screen was offered at start */
    int reset_status;              /* the latest "start a new journal" failed with this */
    char aside[DURABLE_ASIDE_MAX]; /* where the unusable file was kept */
    DurableResetFn reset;
    void *reset_ctx;

    /* a journal entry the storage refused, still on screen */
    int entry_waiting;
    int64_t entry_retry_mono;
    LogEvent entry; /* as it was when refused */
} Durable;

/* For the platform: */

/* The journal could not be opened (problem, a StoreStatus), or was opened
 * read-only (problem 0, read_only 1). reset, when given, can start a new
 * journal after the couple agrees (offered for a damaged or foreign file). */
void app_storage_problem(App *app, int problem, int read_only, DurableResetFn reset, void *ctx);
/* The journal can be written again (another program let go of it). */
void app_storage_ready(App *app);
/* The journal's file changed under Lull and Lull kept everything (written
 * again, or kept under a new name): said in the notes strip for a while. */
void app_storage_notice(App *app, const char *text);
/* Tries the waiting writes now; returns how many still wait. */
int app_flush_writes(App *app);
/* How many writes wait, and how many were lost because too many waited. */
int app_writes_waiting(const App *app);
int app_writes_dropped(const App *app);

/* For the core's screens (all return 0 or the StoreStatus that refused
 * the write; a refused write is kept and retried): */

int durable_log(App *app, LogEvent *ev);
/* *id is the stored id, or a stand-in replaced when the session lands. */
int durable_session_begin(App *app, int64_t time_ms, int32_t utc_offset_s, int64_t *id);
int durable_session_end(App *app, int64_t id, int64_t time_ms);
int durable_setting(App *app, const char *key, const char *value);
/* The entry screen's draft was refused: it is offered for another try about
 * once a second (durable_entry_due) for as long as it stays unchanged. */
void durable_entry_refused(App *app, const LogEvent *draft);
/* 1 when the refused draft, unchanged, is due another try. */
int durable_entry_due(App *app, const LogEvent *draft);
/* The draft was saved or given up. */
void durable_entry_clear(App *app);
/* Once a frame: retries what waits, and keeps the note at the bottom of every screen. */
void durable_tick(App *app);
/* At the first frame: the storage screen, when there is something to say. */
void durable_start(App *app);
/* ms until durable_tick has something to do, -1: nothing. */
int durable_wake_in(const App *app);
/* The words for a refused write: "Not saved — storage full". */
const char *durable_words(int status);
/* The storage screen [storage]. */
void screen_storage(App *app);

#endif
