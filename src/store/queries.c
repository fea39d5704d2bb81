/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The store's own queries: logging events, iterating, counting and deleting
 * them, signal sessions and the device's settings. The journal's queries are
 * in journal_store.c; opening and the schema are not this file's business. */
#include <string.h>

#include "store_internal.h"

typedef enum {
    SQL_LOG,
    SQL_SESSION_BEGIN,
    SQL_SESSION_END,
    SQL_SESSION_REOPEN,
    SQL_SESSION_OPEN,
    SQL_SESSION_EVENTS,
    SQL_SETTING_GET,
    SQL_SETTING_SET,
    SQL_EACH_EVENT,
    SQL_EVENT_COUNT,
    SQL_EVENT_DELETE,
    SQL_EVENT_UNDELETE,
    SQL_COUNT
} StoreSql;

static const char *const store_sql[SQL_COUNT] = {
    [SQL_LOG] = "INSERT INTO events(kind, time_ms, utc_offset_s, partner, partner_name, name, "
                "label, session_id, planned_s, actual_s, pauses, closeness, comfort, pain, "
                "tiredness, tried, helped, next, note, stage, via, ref) "
                "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
    [SQL_SESSION_BEGIN] = "INSERT INTO sessions(started_ms, utc_offset_s) VALUES(?,?)",
    [SQL_SESSION_END] = "UPDATE sessions SET ended_ms = coalesce(ended_ms, ?) WHERE id = ?",
    [SQL_SESSION_REOPEN] = "UPDATE sessions SET ended_ms = NULL WHERE id = ?",
    [SQL_SESSION_OPEN] = "SELECT id FROM sessions WHERE ended_ms IS NULL "
                         "ORDER BY started_ms DESC, id DESC LIMIT 1",
    [SQL_SESSION_EVENTS] = "SELECT " STORE_EVENT_COLUMNS " FROM events "
                           "WHERE session_id = ? AND deleted_ms IS NULL ORDER BY time_ms, id",
    [SQL_SETTING_GET] = "SELECT value FROM settings WHERE key = ?",
    [SQL_SETTING_SET] = "INSERT INTO settings(key, value) VALUES(?,?) "
                        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
    [SQL_EACH_EVENT] = "SELECT " STORE_EVENT_COLUMNS " FROM events "
                       "WHERE deleted_ms IS NULL ORDER BY time_ms, id",
    [SQL_EVENT_COUNT] = "SELECT count(*) FROM events WHERE deleted_ms IS NULL",
    [SQL_EVENT_DELETE] = "UPDATE events SET deleted_ms = coalesce(deleted_ms, ?) WHERE id = ?",
    [SQL_EVENT_UNDELETE] = "UPDATE events SET deleted_ms = NULL WHERE id = ?",
};

/* Copies at most size-1 bytes without splitting a UTF-8 character. */
static void copy_utf8(char *out, size_t size, const unsigned char *in, int len)
{
    size_t n = in && len > 0 ? (size_t)len : 0;
    if (n >= size) {
        n = size - 1;
        while (n > 0 && (in[n] & 0xC0) == 0x80)
            n--;
    }
    if (n > 0)
        memcpy(out, in, n);
    out[n] = '\0';
}

static sqlite3_stmt *stmt_acquire(Store *store, StoreSql which, int *rc)
{
    return statements_get(&store->statements, store_sql[which], rc);
}

static void stmt_release(Store *store, sqlite3_stmt *stmt)
{
    statements_done(&store->statements, stmt);
}

StoreStatus store_prepare_queries(Store *store)
{
    for (int i = 0; i < SQL_COUNT; i++) {
        int rc = statements_keep(&store->statements, store_sql[i]);
        if (rc != SQLITE_OK)
            return store_fail(store, rc);
    }
    return STORE_OK;
}

static int bind_text(sqlite3_stmt *stmt, int index, const char *text, size_t capacity)
{
    /* strnlen: a field filled to the brim without a NUL is cut, not overrun. */
    return sqlite3_bind_text(stmt, index, text, (int)strnlen(text, capacity), SQLITE_TRANSIENT);
}

static int bind_optional_int(sqlite3_stmt *stmt, int index, int value, int present)
{
    return present ? sqlite3_bind_int(stmt, index, value) : sqlite3_bind_null(stmt, index);
}

static int bind_optional_text(sqlite3_stmt *stmt, int index, const char *text, size_t capacity,
                              int present)
{
    return present ? bind_text(stmt, index, text, capacity) : sqlite3_bind_null(stmt, index);
}

static int bind_event(sqlite3_stmt *stmt, const LogEvent *ev)
{
    int breathing = ev->kind == EVENT_BREATHING;
    int entry = ev->kind == EVENT_ENTRY;
    int noted = entry || ev->kind == EVENT_PLAN;
    int rc = sqlite3_bind_text(stmt, 1, event_kind_name(ev->kind), -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_int64(stmt, 2, ev->time_ms);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_int(stmt, 3, ev->utc_offset_s);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_int(stmt, 4, ev->partner);
    if (rc == SQLITE_OK)
        rc = bind_text(stmt, 5, ev->partner_name, sizeof ev->partner_name);
    if (rc == SQLITE_OK)
        rc = bind_text(stmt, 6, ev->name, sizeof ev->name);
    if (rc == SQLITE_OK)
        rc = bind_text(stmt, 7, ev->label, sizeof ev->label);
    if (rc == SQLITE_OK)
        rc = ev->session != 0 ? sqlite3_bind_int64(stmt, 8, ev->session)
                              : sqlite3_bind_null(stmt, 8);
    if (rc == SQLITE_OK)
        rc = bind_optional_int(stmt, 9, ev->planned_s, breathing);
    if (rc == SQLITE_OK)
        rc = bind_optional_int(stmt, 10, ev->actual_s, breathing);
    if (rc == SQLITE_OK)
        rc = bind_optional_int(stmt, 11, ev->pauses, breathing);
    if (rc == SQLITE_OK)
        rc = bind_optional_int(stmt, 12, ev->closeness, entry && ev->closeness >= 0);
    if (rc == SQLITE_OK)
        rc = bind_optional_int(stmt, 13, ev->comfort, entry && ev->comfort >= 0);
    if (rc == SQLITE_OK)
        rc = bind_optional_int(stmt, 14, ev->pain, entry && ev->pain >= 0);
    if (rc == SQLITE_OK)
        rc = bind_optional_int(stmt, 15, ev->tiredness, entry && ev->tiredness >= 0);
    if (rc == SQLITE_OK)
        rc = bind_optional_text(stmt, 16, ev->tried, sizeof ev->tried, entry);
    if (rc == SQLITE_OK)
        rc = bind_optional_text(stmt, 17, ev->helped, sizeof ev->helped, entry);
    if (rc == SQLITE_OK)
        rc = bind_optional_text(stmt, 18, ev->next, sizeof ev->next, entry);
    if (rc == SQLITE_OK)
        rc = bind_optional_text(stmt, 19, ev->note, sizeof ev->note, noted);
    if (rc == SQLITE_OK)
        rc = bind_optional_int(stmt, 20, ev->stage, ev->stage > 0);
    if (rc == SQLITE_OK)
        rc = bind_optional_text(stmt, 21, ev->via, sizeof ev->via, ev->via[0] != '\0');
    if (rc == SQLITE_OK)
        rc = ev->ref != 0 ? sqlite3_bind_int64(stmt, 22, ev->ref) : sqlite3_bind_null(stmt, 22);
    return rc;
}

StoreStatus store_log(Store *store, LogEvent *ev)
{
    if (ev->kind != EVENT_SIGNAL && ev->kind != EVENT_BREATHING && ev->kind != EVENT_ENTRY &&
        ev->kind != EVENT_PLAN)
        return store_fail_message(store, STORE_ERROR, "invalid event kind");
    int rc;
    sqlite3_stmt *stmt = stmt_acquire(store, SQL_LOG, &rc);
    if (!stmt)
        return store_fail(store, rc);
    rc = bind_event(stmt, ev);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(stmt);
    StoreStatus status = STORE_OK;
    /* Autocommit: with WAL and synchronous=FULL the row is on disk once
     * step returns DONE. */
    if (rc == SQLITE_DONE)
        ev->id = sqlite3_last_insert_rowid(store->db);
    else
        status = store_fail(store, rc);
    stmt_release(store, stmt);
    return status;
}

static int column_int_or(sqlite3_stmt *stmt, int column, int unset)
{
    return sqlite3_column_type(stmt, column) == SQLITE_NULL ? unset
                                                            : sqlite3_column_int(stmt, column);
}

void store_column_text(sqlite3_stmt *stmt, int column, char *out, size_t size)
{
    const unsigned char *text = sqlite3_column_text(stmt, column);
    copy_utf8(out, size, text, sqlite3_column_bytes(stmt, column));
}

void store_read_event(sqlite3_stmt *stmt, LogEvent *ev)
{
    const char *kind = (const char *)sqlite3_column_text(stmt, 1);
    EventKind k = EVENT_SIGNAL;
    if (kind && strcmp(kind, "breathing") == 0)
        k = EVENT_BREATHING;
    else if (kind && strcmp(kind, "entry") == 0)
        k = EVENT_ENTRY;
    else if (kind && strcmp(kind, "plan") == 0)
        k = EVENT_PLAN;
    event_init(ev, k);
    ev->id = sqlite3_column_int64(stmt, 0);
    ev->time_ms = sqlite3_column_int64(stmt, 2);
    ev->utc_offset_s = (int32_t)sqlite3_column_int(stmt, 3);
    ev->partner = sqlite3_column_int(stmt, 4);
    store_column_text(stmt, 5, ev->partner_name, sizeof ev->partner_name);
    store_column_text(stmt, 6, ev->name, sizeof ev->name);
    store_column_text(stmt, 7, ev->label, sizeof ev->label);
    ev->session = sqlite3_column_int64(stmt, 8); /* NULL reads as 0: no session */
    ev->planned_s = column_int_or(stmt, 9, 0);
    ev->actual_s = column_int_or(stmt, 10, 0);
    ev->pauses = column_int_or(stmt, 11, 0);
    ev->closeness = column_int_or(stmt, 12, EVENT_UNSET);
    ev->comfort = column_int_or(stmt, 13, EVENT_UNSET);
    ev->pain = column_int_or(stmt, 14, EVENT_UNSET);
    ev->tiredness = column_int_or(stmt, 15, EVENT_UNSET);
    store_column_text(stmt, 16, ev->tried, sizeof ev->tried);
    store_column_text(stmt, 17, ev->helped, sizeof ev->helped);
    store_column_text(stmt, 18, ev->next, sizeof ev->next);
    store_column_text(stmt, 19, ev->note, sizeof ev->note);
    ev->stage = column_int_or(stmt, 20, 0);
    store_column_text(stmt, 21, ev->via, sizeof ev->via);
    ev->ref = sqlite3_column_int64(stmt, 22);
}

static StoreStatus iterate(Store *store, StoreSql which, int64_t session, StoreEventFn fn,
                           void *ctx)
{
    int rc;
    sqlite3_stmt *stmt = stmt_acquire(store, which, &rc);
    if (!stmt)
        return store_fail(store, rc);
    if (which == SQL_SESSION_EVENTS && (rc = sqlite3_bind_int64(stmt, 1, session)) != SQLITE_OK) {
        StoreStatus status = store_fail(store, rc);
        stmt_release(store, stmt);
        return status;
    }
    /* A LogEvent is about 4 KB; one on the stack, reused for every row. */
    LogEvent ev;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        store_read_event(stmt, &ev);
        if (fn(ctx, &ev) != 0) {
            rc = SQLITE_DONE;
            break;
        }
    }
    StoreStatus status = rc == SQLITE_DONE ? STORE_OK : store_fail(store, rc);
    stmt_release(store, stmt);
    return status;
}

StoreStatus store_each_event(Store *store, StoreEventFn fn, void *ctx)
{
    return iterate(store, SQL_EACH_EVENT, 0, fn, ctx);
}

StoreStatus store_session_events(Store *store, int64_t session, StoreEventFn fn, void *ctx)
{
    return iterate(store, SQL_SESSION_EVENTS, session, fn, ctx);
}

int64_t store_event_count(Store *store)
{
    int rc;
    sqlite3_stmt *stmt = stmt_acquire(store, SQL_EVENT_COUNT, &rc);
    if (!stmt) {
        store_fail(store, rc);
        return -1;
    }
    int64_t count = -1;
    rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW)
        count = sqlite3_column_int64(stmt, 0);
    else
        store_fail(store, rc);
    stmt_release(store, stmt);
    return count;
}

/* Runs an UPDATE bound to (value, id) or (id); STORE_NOT_FOUND when no row matched. */
static StoreStatus update_by_id(Store *store, StoreSql which, int64_t id, const int64_t *value)
{
    int rc;
    sqlite3_stmt *stmt = stmt_acquire(store, which, &rc);
    if (!stmt)
        return store_fail(store, rc);
    int index = 1;
    if (value)
        rc = sqlite3_bind_int64(stmt, index++, *value);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_int64(stmt, index, id);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(stmt);
    StoreStatus status = STORE_OK;
    if (rc != SQLITE_DONE)
        status = store_fail(store, rc);
    else if (sqlite3_changes(store->db) == 0)
        status = store_fail_message(store, STORE_NOT_FOUND, "no such row");
    stmt_release(store, stmt);
    return status;
}

StoreStatus store_event_delete(Store *store, int64_t id, int64_t time_ms)
{
    return update_by_id(store, SQL_EVENT_DELETE, id, &time_ms);
}

StoreStatus store_event_undelete(Store *store, int64_t id)
{
    return update_by_id(store, SQL_EVENT_UNDELETE, id, NULL);
}

StoreStatus store_session_begin(Store *store, int64_t time_ms, int32_t utc_offset_s, int64_t *id)
{
    int rc;
    sqlite3_stmt *stmt = stmt_acquire(store, SQL_SESSION_BEGIN, &rc);
    if (!stmt)
        return store_fail(store, rc);
    rc = sqlite3_bind_int64(stmt, 1, time_ms);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_int(stmt, 2, utc_offset_s);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(stmt);
    StoreStatus status = STORE_OK;
    if (rc == SQLITE_DONE) {
        if (id)
            *id = sqlite3_last_insert_rowid(store->db);
    } else {
        status = store_fail(store, rc);
    }
    stmt_release(store, stmt);
    return status;
}

StoreStatus store_session_end(Store *store, int64_t id, int64_t time_ms)
{
    if (time_ms == 0)
        return update_by_id(store, SQL_SESSION_REOPEN, id, NULL);
    return update_by_id(store, SQL_SESSION_END, id, &time_ms);
}

StoreStatus store_session_open(Store *store, int64_t *id)
{
    *id = 0;
    int rc;
    sqlite3_stmt *stmt = stmt_acquire(store, SQL_SESSION_OPEN, &rc);
    if (!stmt)
        return store_fail(store, rc);
    rc = sqlite3_step(stmt);
    StoreStatus status = STORE_OK;
    if (rc == SQLITE_ROW)
        *id = sqlite3_column_int64(stmt, 0);
    else if (rc != SQLITE_DONE)
        status = store_fail(store, rc);
    stmt_release(store, stmt);
    return status;
}

StoreStatus store_setting_get(Store *store, const char *key, char *out, size_t size)
{
    if (!out || size == 0)
        return store_fail_message(store, STORE_ERROR, "no room for the setting");
    out[0] = '\0';
    int rc;
    sqlite3_stmt *stmt = stmt_acquire(store, SQL_SETTING_GET, &rc);
    if (!stmt)
        return store_fail(store, rc);
    rc = sqlite3_bind_text(stmt, 1, key, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(stmt);
    StoreStatus status = STORE_OK;
    if (rc == SQLITE_ROW) {
        const unsigned char *value = sqlite3_column_text(stmt, 0);
        int len = sqlite3_column_bytes(stmt, 0);
        if ((size_t)len >= size)
            status = store_fail_message(store, STORE_ERROR, "setting too long for the buffer");
        else
            copy_utf8(out, size, value, len);
    } else if (rc == SQLITE_DONE) {
        status = STORE_NOT_FOUND;
    } else {
        status = store_fail(store, rc);
    }
    stmt_release(store, stmt);
    return status;
}

StoreStatus store_setting_set(Store *store, const char *key, const char *value)
{
    int rc;
    sqlite3_stmt *stmt = stmt_acquire(store, SQL_SETTING_SET, &rc);
    if (!stmt)
        return store_fail(store, rc);
    rc = sqlite3_bind_text(stmt, 1, key, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_text(stmt, 2, value, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(stmt);
    StoreStatus status = rc == SQLITE_DONE ? STORE_OK : store_fail(store, rc);
    stmt_release(store, stmt);
    return status;
}
