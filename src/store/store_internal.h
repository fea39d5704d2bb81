/* Shared between the store's files (store.c, export.c, journal_store.c,
 * seed.c, pin.c); not a public interface. */
#ifndef LULL_STORE_INTERNAL_H
#define LULL_STORE_INTERNAL_H

#include <sqlite3.h>

#include "lull/store.h"

/* The event columns store_read_event reads, in its order. */
#define STORE_EVENT_COLUMNS                                                                \
    "id, kind, time_ms, utc_offset_s, partner, partner_name, name, label, session_id, "    \
    "planned_s, actual_s, pauses, closeness, comfort, pain, tiredness, tried, helped, next, " \
    "note"

/* The connection, for statements of the store's other files. */
sqlite3 *store_db(Store *store);
/* Records sqlite3_errmsg for store_error() and maps rc to a StoreStatus. */
StoreStatus store_fail(Store *store, int rc);
/* Records message for store_error() and returns status. */
StoreStatus store_fail_message(Store *store, StoreStatus status, const char *message);
/* The connection's statement for sql, from the store's one cache (see
 * statements.h); hand it back with store_stmt_done. */
sqlite3_stmt *store_stmt(Store *store, const char *sql, int *rc);
void store_stmt_done(Store *store, sqlite3_stmt *stmt);
/* Reads a row selected with STORE_EVENT_COLUMNS (from column 0). */
void store_read_event(sqlite3_stmt *stmt, LogEvent *ev);

#endif
