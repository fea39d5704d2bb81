/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The schema and its versions: the migration steps, each in its own
 * transaction, and the reading of user_version that refuses a newer Lull's
 * file. Runs only on a file open.c has found healthy and ours. */
#include "store_internal.h"

/* Each entry moves the schema up by one version and sets user_version
 * itself, so the number sits next to the change it describes. Never edit a
 * step that has shipped; append a new one. */
static const char *const store_migrations[] = {
    /* 1: sessions, events, settings. */
    "CREATE TABLE sessions("
    " id INTEGER PRIMARY KEY,"
    " started_ms INTEGER NOT NULL,"
    " utc_offset_s INTEGER NOT NULL,"
    " ended_ms INTEGER);"
    "CREATE TABLE events("
    " id INTEGER PRIMARY KEY,"
    " kind TEXT NOT NULL CHECK(kind IN ('signal','breathing','entry')),"
    " time_ms INTEGER NOT NULL,"
    " utc_offset_s INTEGER NOT NULL,"
    " partner INTEGER NOT NULL CHECK(partner BETWEEN 0 AND 3),"
    " partner_name TEXT NOT NULL,"
    " name TEXT NOT NULL,"
    " label TEXT NOT NULL,"
    " session_id INTEGER REFERENCES sessions(id),"
    " planned_s INTEGER,"
    " actual_s INTEGER,"
    " pauses INTEGER,"
    " closeness INTEGER CHECK(closeness BETWEEN 1 AND 5),"
    " comfort INTEGER CHECK(comfort BETWEEN 1 AND 5),"
    " pain INTEGER CHECK(pain BETWEEN 0 AND 10),"
    " tiredness INTEGER CHECK(tiredness BETWEEN 0 AND 10),"
    " tried TEXT,"
    " helped TEXT,"
    " next TEXT,"
    " note TEXT,"
    " deleted_ms INTEGER);"
    "CREATE INDEX events_time ON events(time_ms);"
    "CREATE INDEX events_session ON events(session_id);"
    "CREATE TABLE settings(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
    "PRAGMA user_version = 1;",
    /* 2: the journal's timeline pages by key, newest first, through these. */
    "CREATE INDEX events_kind_time ON events(kind, time_ms);"
    "CREATE INDEX sessions_started ON sessions(started_ms);"
    "PRAGMA user_version = 2;",
    /* 3: the plan. Events gain the plan's kind (and the check-in's), the stage
     * each happened at, how a signal came, and what a plan event is about;
     * SQLite cannot widen a CHECK, so the table is copied row for row, ids
     * kept. Every signal before this one came by touch. Then the couple's
     * copy of their programme, their place on it, and their agreements (every
     * version), practices and questions. */
    "CREATE TABLE events_v3("
    " id INTEGER PRIMARY KEY,"
    " kind TEXT NOT NULL CHECK(kind IN ('signal','breathing','entry','plan','check_in')),"
    " time_ms INTEGER NOT NULL,"
    " utc_offset_s INTEGER NOT NULL,"
    " partner INTEGER NOT NULL CHECK(partner BETWEEN 0 AND 3),"
    " partner_name TEXT NOT NULL,"
    " name TEXT NOT NULL,"
    " label TEXT NOT NULL,"
    " session_id INTEGER REFERENCES sessions(id),"
    " planned_s INTEGER,"
    " actual_s INTEGER,"
    " pauses INTEGER,"
    " closeness INTEGER CHECK(closeness BETWEEN 1 AND 5),"
    " comfort INTEGER CHECK(comfort BETWEEN 1 AND 5),"
    " pain INTEGER CHECK(pain BETWEEN 0 AND 10),"
    " tiredness INTEGER CHECK(tiredness BETWEEN 0 AND 10),"
    " tried TEXT,"
    " helped TEXT,"
    " next TEXT,"
    " note TEXT,"
    " deleted_ms INTEGER,"
    " stage INTEGER CHECK(stage >= 1),"
    " via TEXT,"
    " ref INTEGER);"
    "INSERT INTO events_v3(id, kind, time_ms, utc_offset_s, partner, partner_name, name, label,"
    " session_id, planned_s, actual_s, pauses, closeness, comfort, pain, tiredness, tried, helped,"
    " next, note, deleted_ms, via)"
    " SELECT id, kind, time_ms, utc_offset_s, partner, partner_name, name, label, session_id,"
    " planned_s, actual_s, pauses, closeness, comfort, pain, tiredness, tried, helped, next, note,"
    " deleted_ms, CASE kind WHEN 'signal' THEN 'touch' END FROM events ORDER BY id;"
    "DROP TABLE events;"
    "ALTER TABLE events_v3 RENAME TO events;"
    "CREATE INDEX events_time ON events(time_ms);"
    "CREATE INDEX events_session ON events(session_id);"
    "CREATE INDEX events_kind_time ON events(kind, time_ms);"
    "CREATE TABLE plan("
    " id INTEGER PRIMARY KEY CHECK(id = 1),"
    " programme TEXT NOT NULL,"
    " name TEXT NOT NULL,"
    " summary TEXT NOT NULL,"
    " chosen_ms INTEGER NOT NULL,"
    " current INTEGER NOT NULL CHECK(current >= 0),"
    " ready_first INTEGER NOT NULL CHECK(ready_first IN (0,1)),"
    " ready_second INTEGER NOT NULL CHECK(ready_second IN (0,1)),"
    " vision TEXT NOT NULL,"
    " vision_ms INTEGER,"
    " stage_since_ms INTEGER NOT NULL);"
    "CREATE TABLE plan_stages("
    " position INTEGER PRIMARY KEY CHECK(position >= 0),"
    " name TEXT NOT NULL,"
    " description TEXT NOT NULL,"
    " in_list TEXT NOT NULL,"
    " not_yet TEXT NOT NULL,"
    " practice TEXT NOT NULL,"
    " caution TEXT NOT NULL,"
    " suggest_sessions INTEGER NOT NULL,"
    " suggest_comfort INTEGER NOT NULL,"
    " suggest_without INTEGER NOT NULL,"
    " clinician_note TEXT NOT NULL,"
    " cleared_from_day INTEGER NOT NULL,"
    " not_before_day INTEGER NOT NULL);"
    "CREATE TABLE plan_suggested_questions("
    " position INTEGER PRIMARY KEY,"
    " text TEXT NOT NULL);"
    "CREATE TABLE agreements("
    " version INTEGER PRIMARY KEY,"
    " made_ms INTEGER NOT NULL,"
    " utc_offset_s INTEGER NOT NULL,"
    " in_list TEXT NOT NULL,"
    " not_yet TEXT NOT NULL,"
    " likes_first TEXT NOT NULL,"
    " likes_second TEXT NOT NULL,"
    " not_there_first TEXT NOT NULL,"
    " not_there_second TEXT NOT NULL,"
    " safe_word TEXT NOT NULL,"
    " without_words TEXT NOT NULL,"
    " after_first TEXT NOT NULL,"
    " after_second TEXT NOT NULL,"
    " agreed_first_ms INTEGER,"
    " agreed_second_ms INTEGER);"
    "CREATE TABLE practices("
    " id INTEGER PRIMARY KEY,"
    " name TEXT NOT NULL,"
    " rhythm TEXT NOT NULL CHECK(rhythm IN ('daily','week','days')),"
    " times INTEGER NOT NULL CHECK(times BETWEEN 1 AND 14),"
    " created_ms INTEGER NOT NULL,"
    " removed_ms INTEGER);"
    "CREATE TABLE questions("
    " id INTEGER PRIMARY KEY,"
    " text TEXT NOT NULL,"
    " created_ms INTEGER NOT NULL,"
    " asked_ms INTEGER,"
    " answer TEXT NOT NULL,"
    " removed_ms INTEGER);"
    "PRAGMA user_version = 3;",
};
_Static_assert(sizeof store_migrations / sizeof store_migrations[0] == STORE_SCHEMA_VERSION,
               "one migration step per schema version");

static const char user_version_sql[] = "PRAGMA user_version";

static StoreStatus too_new(Store *store)
{
    return store_fail_message(store, STORE_TOO_NEW,
                              "the database was written by a newer version of Lull");
}

static int read_user_version(Store *store, int *version)
{
    sqlite3_stmt *stmt = NULL;
    int rc = sqlite3_prepare_v2(store->db, user_version_sql, -1, &stmt, NULL);
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(stmt);
        if (rc == SQLITE_ROW) {
            *version = sqlite3_column_int(stmt, 0);
            rc = SQLITE_OK;
        }
    }
    if (rc != SQLITE_OK)
        store_fail(store, rc);
    sqlite3_finalize(stmt);
    return rc;
}

StoreStatus store_check_version(Store *store, int *version)
{
    int rc = read_user_version(store, version);
    if (rc != SQLITE_OK)
        return store_status_from_sqlite(rc);
    if (*version > STORE_SCHEMA_VERSION)
        return too_new(store);
    return STORE_OK;
}

/* Applies the next migration step if one is due, in its own transaction;
 * *done says the schema is current. */
static StoreStatus migrate_step(Store *store, int *done)
{
    /* IMMEDIATE takes the write lock before reading the version, so two
     * processes opening a new file cannot both run the same step. */
    int rc = store_exec(store, "BEGIN IMMEDIATE");
    if (rc != SQLITE_OK)
        return store_fail(store, rc);
    int version = 0, after = 0;
    StoreStatus status = STORE_OK;
    *done = 0;
    if ((rc = read_user_version(store, &version)) != SQLITE_OK) {
        status = store_fail(store, rc);
    } else if (version > STORE_SCHEMA_VERSION) {
        status = too_new(store);
    } else if (version == STORE_SCHEMA_VERSION) {
        *done = 1;
    } else if ((rc = store_exec(store, store_migrations[version])) != SQLITE_OK ||
               (rc = read_user_version(store, &after)) != SQLITE_OK) {
        status = store_fail(store, rc);
    } else if (after != version + 1) {
        status = store_fail_message(store, STORE_ERROR, "migration did not set user_version");
    } else if ((rc = store_exec(store, "COMMIT")) != SQLITE_OK) {
        status = store_fail(store, rc);
    } else {
        return STORE_OK;
    }
    store_exec(store, "ROLLBACK");
    return status;
}

StoreStatus store_migrate(Store *store)
{
    int done = 0;
    StoreStatus status = STORE_OK;
    while (status == STORE_OK && !done)
        status = migrate_step(store, &done);
    return status;
}

int store_schema_version(Store *store)
{
    int rc;
    sqlite3_stmt *stmt = statements_get(&store->statements, user_version_sql, &rc);
    if (!stmt) {
        store_fail(store, rc);
        return -1;
    }
    int version = -1;
    rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW)
        version = sqlite3_column_int(stmt, 0);
    else
        store_fail(store, rc);
    statements_done(&store->statements, stmt);
    return version;
}
