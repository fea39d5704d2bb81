/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the store's files share: the Store itself, its failures, and the steps
 * of opening that live in their own files. Not a public interface: nothing
 * outside src/store includes it, but the store's own tests. */
#ifndef LULL_STORE_INTERNAL_H
#define LULL_STORE_INTERNAL_H

#include <sqlite3.h>

#include "fault_vfs.h"
#include "lull/store.h"
#include "statements.h"

struct Store {
    sqlite3 *db;
    Statements statements; /* every statement of the store's files, kept prepared */
    char error[256];
    int read_only;
    int unwritable;  /* the file, its folder or the storage refuse writing: nobody writes it */
    int lock_fd;     /* holds the one-writer lock (flock) while open; -1: none */
    char path[4096]; /* as opened */
    unsigned long long dev, ino; /* the file opened, to notice it replaced or gone */
    int wal_seen;                /* a -wal was there once: its going is noticed too */
    int looked;                  /* look_first read every page already (no -wal waiting) */
    FaultVfs *fault;             /* the VFS shim (faults, a slow card, sync_later) or NULL */
    int faults;                  /* tests: store_inject_fault may make writes fail */
    int sync_delay_ms;           /* tests: a slow card (StoreOptions.sync_delay_ms) */
    int failing;                 /* the last failure reported through store_first_failure */
};

/* The event columns store_read_event reads, in its order. */
#define STORE_EVENT_COLUMNS                                                                   \
    "id, kind, time_ms, utc_offset_s, partner, partner_name, name, label, session_id, "       \
    "planned_s, actual_s, pauses, closeness, comfort, pain, tiredness, tried, helped, next, " \
    "note, stage, via, ref"

/* status.c */
/* The StoreStatus for a SQLite result code (extended or not). */
StoreStatus store_status_from_sqlite(int rc);
/* The StoreStatus for an errno from the file system. */
StoreStatus store_status_from_errno(int error);
/* Records sqlite3_errmsg for store_error() and maps rc to a StoreStatus. */
StoreStatus store_fail(Store *store, int rc);
/* Records message for store_error() and returns status. */
StoreStatus store_fail_message(Store *store, StoreStatus status, const char *message);

/* open.c */
/* The connection, for statements of the store's other files. */
sqlite3 *store_db(Store *store);
/* Runs sql (fixed text, no rows wanted) on the connection; the SQLite result code. */
int store_exec(Store *store, const char *sql);

/* migrate.c */
/* Reads the schema's version into *version before anything is written;
 * STORE_TOO_NEW for a newer Lull's file. */
StoreStatus store_check_version(Store *store, int *version);
/* Brings the schema up to STORE_SCHEMA_VERSION, one step per transaction. */
StoreStatus store_migrate(Store *store);

/* queries.c */
/* Prepares the store's own queries once the schema is current. */
StoreStatus store_prepare_queries(Store *store);
/* Reads a row selected with STORE_EVENT_COLUMNS (from column 0). */
void store_read_event(sqlite3_stmt *stmt, LogEvent *ev);
/* Copies a text column into out (size bytes), cut on a character's boundary. */
void store_column_text(sqlite3_stmt *stmt, int column, char *out, size_t size);

#endif
