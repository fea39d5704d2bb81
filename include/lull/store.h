/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The store: one SQLite file holding every logged event, the sessions they
 * belong to, and the settings changed on the device. sqlite3 is its only
 * dependency; every statement is prepared with bound parameters. */
#ifndef LULL_STORE_H
#define LULL_STORE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "lull/event.h"
#include "lull/journal.h"
#include "lull/plan.h"
#include "lull/status.h"

typedef struct Store Store;

enum { STORE_SCHEMA_VERSION = 3 };

/* Opens (creating if needed) the database at path. Creates missing parent
 * folders with mode 0700 and the file with 0600, turns on WAL,
 * synchronous=FULL and foreign keys, and migrates to STORE_SCHEMA_VERSION.
 * On failure returns NULL and writes a message (never personal data) to err. */
Store *store_open(const char *path, StoreStatus *status, char *err, size_t err_size);
void store_close(Store *store); /* accepts NULL */
/* 1 when status (0: success) starts a run of failures: a failure that keeps
 * repeating while the disk stays full is logged once, not once a second. */
int store_first_failure(Store *store, int status);

/* How store_open_with opens. A zeroed struct gives store_open's behaviour. */
typedef struct {
    int busy_timeout_ms; /* how long to wait for another program's lock; 0: the default */
    int faults;          /* tests: writes can be made to fail (store_inject_fault) */
    int reading;         /* a tool that only reads: opened read-only, beside a running Lull */
    /* The kiosk: a write reaches the system at once (it survives Lull being killed)
     * and the disk a moment later, when store_sync_file runs off the frame, so a
     * slow card never holds a tap. With WAL only (synchronous=NORMAL, and no
     * checkpoint inside a write); without it writes stay synchronous=FULL. */
    int sync_later;
    int sync_delay_ms; /* tests and ./dev bench: every fsync takes this much longer */
} StoreOptions;

/* Opens as store_open does, with options (NULL: the defaults). Both check
 * before anything is written: a file that is not a database, is damaged
 * (quick_check), belongs to another program or comes from a newer Lull is
 * refused (STORE_CORRUPT, STORE_FOREIGN, STORE_TOO_NEW) and left exactly as it
 * was; one locked by another program gives STORE_BUSY. A file without write
 * permission for its owner, or on read-only storage, is opened read-only
 * (store_read_only): readable, and every write fails with STORE_READONLY. */
Store *store_open_with(const char *path, const StoreOptions *options, StoreStatus *status,
                       char *err, size_t err_size);
/* 1 when the store was opened read-only. */
int store_read_only(const Store *store);

/* What became of the journal's file while it is open (store_file_state). */
typedef enum {
    STORE_FILE_SAME,     /* still the file that was opened, with its -wal */
    STORE_FILE_GONE,     /* deleted or moved away: nothing at its path */
    STORE_FILE_REPLACED, /* another file at its path */
    STORE_FILE_WAL_GONE, /* its -wal deleted: what waits in it would not survive a crash */
} StoreFileState;
StoreFileState store_file_state(Store *store);
/* Copies everything the open journal holds (its -wal too, through this
 * connection, even when the files have gone) into a new journal at dest
 * (0600, synced); dest must not exist. */
StoreStatus store_save_copy(Store *store, const char *dest);
/* Moves what waits in the -wal into the journal's file, so that the one file a
 * person copies holds the evening (a passive checkpoint: it never waits). */
StoreStatus store_checkpoint(Store *store);
/* For a store opened with sync_later, on any thread (neither touches the
 * connection): store_sync_file makes every write committed so far to the journal
 * at path durable (an fdatasync of its -wal; nothing to do without one; delay_ms:
 * tests, a slow card); store_checkpoint_file is store_checkpoint through a
 * connection of its own. */
StoreStatus store_sync_file(const char *path, int delay_ms);
StoreStatus store_checkpoint_file(const char *path);
/* store_sync_file for this store's journal, now (a promise such as "Saved"
 * waits for it). */
StoreStatus store_sync(Store *store);
/* Rows written through this connection since it opened: a change means there is
 * something for store_sync_file to make durable. */
long long store_changes(Store *store);
/* Tests: the fsyncs this connection has made itself since it opened (-1 for a
 * store opened with none of faults, sync_delay_ms or sync_later). A store opened
 * with sync_later makes none in a write, even the first after a checkpoint. */
long long store_connection_syncs(Store *store);
/* Tests (a store opened with options.faults): from now on every write fails as
 * a full disk (STORE_FULL) or a failing one (STORE_IO) would, until STORE_OK.
 * STORE_ERROR when the store was not opened with faults. */
StoreStatus store_inject_fault(Store *store, StoreStatus fault);
/* Keeps a database that cannot be used out of the way, untouched: renames the
 * file (and its -wal, -shm and -journal files) to PATH.damaged-YYYYMMDD-HHMMSS
 * in the same folder (local time from now_ms and utc_offset_s; -2, -3, ...
 * when taken). The bytes and the permissions stay as they were. aside gets the
 * new file name without its folder. Only for a file no store has open. */
StoreStatus store_set_aside(const char *path, int64_t now_ms, int32_t utc_offset_s, char *aside,
                            size_t aside_size);

const char *store_error(const Store *store); /* the last sqlite3_errmsg */
int store_schema_version(Store *store);

/* Appends an event durably (committed before it returns). Sets ev->id. */
StoreStatus store_log(Store *store, LogEvent *ev);

/* Signal sessions. */
StoreStatus store_session_begin(Store *store, int64_t time_ms, int32_t utc_offset_s, int64_t *id);
/* Ends a session (the first end is kept); time_ms 0 opens it again. */
StoreStatus store_session_end(Store *store, int64_t id, int64_t time_ms);
/* The newest session that has not ended; *id = 0 when there is none. */
StoreStatus store_session_open(Store *store, int64_t *id);
/* Events of a session, oldest first; calls fn for each until it returns non-zero. */
typedef int (*StoreEventFn)(void *ctx, const LogEvent *ev);
StoreStatus store_session_events(Store *store, int64_t session, StoreEventFn fn, void *ctx);

/* Settings changed on the device (they win over the config file). */
StoreStatus store_setting_get(Store *store, const char *key, char *out, size_t size);
StoreStatus store_setting_set(Store *store, const char *key, const char *value);

/* Every event, oldest first. */
StoreStatus store_each_event(Store *store, StoreEventFn fn, void *ctx);
int64_t store_event_count(Store *store);

/* Undoable delete: a deleted event (time_ms = when) is left out of iteration,
 * counts and export until undeleted. STORE_NOT_FOUND for an unknown id. */
StoreStatus store_event_delete(Store *store, int64_t id, int64_t time_ms);
StoreStatus store_event_undelete(Store *store, int64_t id);

typedef enum { EXPORT_CSV, EXPORT_JSON } ExportFormat;
/* Writes DESIGN.md's export of every event to out. exported_at is Unix ms.
 * A failed write returns STORE_FULL or STORE_IO with errno set. */
StoreStatus store_export(Store *store, ExportFormat format, FILE *out, int64_t exported_at_ms,
                         int32_t utc_offset_s);

/* Escaping used by the export, exposed for tests. Return the bytes written
 * (excluding NUL) or -1 when out is too small. export_csv_field writes one
 * text cell (formula defused, quoted when needed); export_json_string a whole
 * string literal with its quotes. Invalid UTF-8 bytes become U+FFFD. */
int export_csv_field(const char *in, char *out, size_t size);
int export_json_string(const char *in, char *out, size_t size);

/* The journal (journal_store.c, seed.c, pin.c): */

/* Up to max timeline items after from (NULL: from the newest), newest first;
 * newer 1: the max items just before from instead, still newest first; only
 * the kinds in the mask (TIMELINE_ALL, TIMELINE_ENTRIES, ...). Pages by key
 * through indexes, so a page costs the same in a journal of any size. */
StoreStatus store_timeline_page(Store *store, const JournalKey *from, int newer, int kinds,
                                JournalItem *out, int max, int *count);
/* A signal session's summary (session 0: the latest with signals in it);
 * STORE_NOT_FOUND when there is none. */
StoreStatus store_session_item(Store *store, int64_t session, JournalItem *out);
/* One event by id, deleted or not; STORE_NOT_FOUND for an unknown id. */
StoreStatus store_event_get(Store *store, int64_t id, LogEvent *out);
/* Saves an entry's who, ratings, chips and note in place (its time and
 * session stay). STORE_NOT_FOUND unless ev->id is a live entry. */
StoreStatus store_entry_update(Store *store, const LogEvent *ev);
/* The figures of the last weeks whole local weeks ending today (see
 * insights_period); weeks is clamped to 1..INSIGHTS_WEEKS_MAX. */
StoreStatus store_insights(Store *store, int weeks, int64_t now_ms, int32_t utc_offset_s,
                           Insights *out);

/* A transaction around many writes (committed durably by store_commit). */
StoreStatus store_begin(Store *store);
StoreStatus store_commit(Store *store);
void store_rollback(Store *store);
/* The database file ("" when in memory). */
const char *store_path(Store *store);

/* The PIN, kept as an Argon2id hash (libsodium) in the settings. "" removes it. */
StoreStatus store_pin_set(Store *store, const char *pin);
/* *is_set: 1 when a PIN is kept. */
StoreStatus store_pin_state(Store *store, int *is_set);
/* *match: 1 when pin is the one kept, 0 when not or when none is kept. */
StoreStatus store_pin_verify(Store *store, const char *pin, int *match);

/* The plan (plan_store.c): */

/* The couple's plan; STORE_NOT_FOUND (and doc->chosen 0) before one is chosen. */
StoreStatus store_plan_load(Store *store, PlanDoc *doc);
/* Keeps the whole plan, its stages in their order, in one durable transaction. */
StoreStatus store_plan_save(Store *store, const PlanDoc *doc);
/* Agreements: a->version 0 keeps a new version (and sets version); a saved
 * version only ever changes its confirmations. */
StoreStatus store_agreements_save(Store *store, Agreements *a);
/* One version (version 0: the latest); STORE_NOT_FOUND when there is none. */
StoreStatus store_agreements_get(Store *store, int64_t version, Agreements *out);
StoreStatus store_agreements_count(Store *store, int64_t *count);

typedef struct {
    int weeks;     /* of history, ending at now_ms */
    unsigned seed; /* the same seed writes the same history */
    int64_t now_ms;
    int32_t utc_offset_s;                 /* now's */
    int32_t (*offset_at)(int64_t unix_s); /* each moment's own (daylight saving); NULL: now's */
    const char *first, *second;           /* the partners' names */
} SeedOptions;
/* Writes a plausible demo history into an empty journal in one transaction:
 * evening signal sessions, breathing sessions and journal entries whose
 * words come from DESIGN.md's vocabularies. STORE_ERROR when the journal
 * already holds events. *events: how many were written. */
StoreStatus store_seed_demo(Store *store, const SeedOptions *options, int64_t *events);

#endif
