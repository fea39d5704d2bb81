/* The store: one SQLite file holding every logged event, the sessions they
 * belong to, and the settings changed on the device. sqlite3 is its only
 * dependency; every statement is prepared with bound parameters. */
#ifndef LULL_STORE_H
#define LULL_STORE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "lull/event.h"

typedef struct Store Store;

typedef enum {
    STORE_OK = 0,
    STORE_ERROR,      /* anything else; store_error() says what */
    STORE_FULL,       /* SQLITE_FULL / ENOSPC */
    STORE_IO,         /* SQLITE_IOERR */
    STORE_READONLY,
    STORE_BUSY,
    STORE_CORRUPT,    /* not a database, or damaged */
    STORE_TOO_NEW,    /* schema version from a newer Lull */
    STORE_NOT_FOUND,
} StoreStatus;

enum { STORE_SCHEMA_VERSION = 1 };

/* Opens (creating if needed) the database at path. Creates missing parent
 * folders with mode 0700 and the file with 0600, turns on WAL,
 * synchronous=FULL and foreign keys, and migrates to STORE_SCHEMA_VERSION.
 * On failure returns NULL and writes a message (never personal data) to err. */
Store *store_open(const char *path, StoreStatus *status, char *err, size_t err_size);
void store_close(Store *store); /* accepts NULL */
const char *store_error(const Store *store); /* the last sqlite3_errmsg */
int store_schema_version(Store *store);

/* Appends an event durably (committed before it returns). Sets ev->id. */
StoreStatus store_log(Store *store, LogEvent *ev);

/* Signal sessions. */
StoreStatus store_session_begin(Store *store, int64_t time_ms, int32_t utc_offset_s, int64_t *id);
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

#endif
