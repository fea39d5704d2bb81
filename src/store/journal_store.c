/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The journal's queries: the timeline paged by key, session summaries, entry
 * edits, the insights' aggregation, and transactions for bulk writes. Every
 * statement is prepared with bound parameters. */
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"

enum { WEEK_MS = 7 * 86400 * 1000 };

/* Each arm walks its own index from the key, newest first, and stops after
 * max rows; the outer query merges the three. A page never reads more than
 * 3 × max rows, however long the journal is. */
static const char timeline_older_sql[] =
    "SELECT kind, id, t FROM ("
    " SELECT 0 AS kind, id, started_ms AS t FROM sessions"
    "  WHERE (started_ms, id) < (?1, ?2) AND (?8 & 1) != 0"
    "   AND EXISTS (SELECT 1 FROM events e WHERE e.session_id = sessions.id"
    "               AND e.kind = 'signal' AND e.deleted_ms IS NULL)"
    "  ORDER BY started_ms DESC, id DESC LIMIT ?7)"
    " UNION ALL SELECT * FROM ("
    " SELECT 1, id, time_ms FROM events"
    "  WHERE kind = 'breathing' AND (time_ms, id) < (?3, ?4) AND deleted_ms IS NULL"
    "   AND (?8 & 2) != 0"
    "  ORDER BY time_ms DESC, id DESC LIMIT ?7)"
    " UNION ALL SELECT * FROM ("
    " SELECT 2, id, time_ms FROM events"
    "  WHERE kind = 'entry' AND (time_ms, id) < (?5, ?6) AND deleted_ms IS NULL"
    "   AND (?8 & 4) != 0"
    "  ORDER BY time_ms DESC, id DESC LIMIT ?7)"
    " ORDER BY 3 DESC, 1 DESC, 2 DESC LIMIT ?7";

static const char timeline_newer_sql[] =
    "SELECT kind, id, t FROM ("
    " SELECT 0 AS kind, id, started_ms AS t FROM sessions"
    "  WHERE (started_ms, id) > (?1, ?2) AND (?8 & 1) != 0"
    "   AND EXISTS (SELECT 1 FROM events e WHERE e.session_id = sessions.id"
    "               AND e.kind = 'signal' AND e.deleted_ms IS NULL)"
    "  ORDER BY started_ms, id LIMIT ?7)"
    " UNION ALL SELECT * FROM ("
    " SELECT 1, id, time_ms FROM events"
    "  WHERE kind = 'breathing' AND (time_ms, id) > (?3, ?4) AND deleted_ms IS NULL"
    "   AND (?8 & 2) != 0"
    "  ORDER BY time_ms, id LIMIT ?7)"
    " UNION ALL SELECT * FROM ("
    " SELECT 2, id, time_ms FROM events"
    "  WHERE kind = 'entry' AND (time_ms, id) > (?5, ?6) AND deleted_ms IS NULL"
    "   AND (?8 & 4) != 0"
    "  ORDER BY time_ms, id LIMIT ?7)"
    " ORDER BY 3, 1, 2 LIMIT ?7";

#define SESSION_ITEM_COLUMNS                                                                       \
    "SELECT s.id, s.started_ms, s.utc_offset_s,"                                                   \
    " coalesce(s.ended_ms, (SELECT max(time_ms) FROM events WHERE session_id = s.id"               \
    "                       AND deleted_ms IS NULL), s.started_ms),"                               \
    " (SELECT count(*) FROM events e WHERE e.session_id = s.id AND e.kind = 'signal'"              \
    "  AND e.deleted_ms IS NULL AND e.name NOT IN ('pause','ready','not_ready','resume','stop'))," \
    " (SELECT count(*) FROM events e WHERE e.session_id = s.id AND e.kind = 'signal'"              \
    "  AND e.deleted_ms IS NULL AND e.name = 'pause')"                                             \
    " FROM sessions s"

static const char session_item_sql[] = SESSION_ITEM_COLUMNS " WHERE s.id = ?1";
static const char session_latest_sql[] = SESSION_ITEM_COLUMNS
    " WHERE EXISTS (SELECT 1 FROM events e WHERE e.session_id = s.id AND e.kind = 'signal'"
    "               AND e.deleted_ms IS NULL)"
    " ORDER BY s.started_ms DESC, s.id DESC LIMIT 1";

static const char event_get_sql[] = "SELECT " STORE_EVENT_COLUMNS " FROM events WHERE id = ?1";

static const char entry_update_sql[] =
    "UPDATE events SET partner = ?1, partner_name = ?2, closeness = ?3, comfort = ?4, pain = ?5,"
    " tiredness = ?6, tried = ?7, helped = ?8, next = ?9, note = ?10"
    " WHERE id = ?11 AND kind = 'entry' AND deleted_ms IS NULL";

/* Each row's local day is its own: (time + its own UTC offset) / a day, as a
 * floor, so an evening is counted on the calendar day it was lived, whatever
 * the clocks did since. The window is a day wider each way; the day decides. */
static const char insights_entries_sql[] =
    "SELECT ((time_ms + utc_offset_s * 1000)"
    " - ((time_ms + utc_offset_s * 1000) % 86400000 + 86400000) % 86400000) / 86400000,"
    " closeness, comfort, pain, tried, helped"
    " FROM events WHERE kind = 'entry' AND deleted_ms IS NULL"
    " AND time_ms >= ?1 - 86400000 AND time_ms < ?2 + 86400000";
static const char insights_sessions_sql[] =
    "SELECT ((s.started_ms + s.utc_offset_s * 1000)"
    " - ((s.started_ms + s.utc_offset_s * 1000) % 86400000 + 86400000) % 86400000) / 86400000,"
    " (SELECT count(*) FROM events e WHERE e.session_id = s.id"
    "  AND e.kind = 'signal' AND e.deleted_ms IS NULL AND e.name = 'pause')"
    " FROM sessions s WHERE s.started_ms >= ?1 - 86400000 AND s.started_ms < ?2 + 86400000"
    " AND EXISTS (SELECT 1 FROM events e WHERE e.session_id = s.id AND e.kind = 'signal'"
    "             AND e.deleted_ms IS NULL)";
static const char insights_breathing_sql[] =
    "SELECT ((time_ms + utc_offset_s * 1000)"
    " - ((time_ms + utc_offset_s * 1000) % 86400000 + 86400000) % 86400000) / 86400000,"
    " actual_s FROM events WHERE kind = 'breathing' AND deleted_ms IS NULL"
    " AND time_ms >= ?1 - 86400000 AND time_ms < ?2 + 86400000";

/* Kept prepared between calls (statements.h): a timeline page makes one query
 * per item, and preparing them afresh cost more than running them. */
static StoreStatus prepare(Store *store, const char *sql, sqlite3_stmt **stmt)
{
    int rc;
    *stmt = statements_get(&store->statements, sql, &rc);
    return rc == SQLITE_OK ? STORE_OK : store_fail(store, rc);
}

/* The bound an arm of kind k uses so that (t, id) compares with the key as
 * (t, kind, id) does: the same kind compares ids; at the key's own time a
 * lower kind is older than the key and a higher one newer, whatever the ids. */
static void arm_bound(const JournalKey *key, int kind, int64_t *t, int64_t *id)
{
    *t = key->time_ms;
    if (kind == key->kind)
        *id = key->id;
    else if (kind < key->kind)
        *id = INT64_MAX; /* older: t <= T; newer: t > T */
    else
        *id = INT64_MIN; /* older: t < T; newer: t >= T */
}

StoreStatus store_timeline_page(Store *store, const JournalKey *from, int newer, int kinds,
                                JournalItem *out, int max, int *count)
{
    *count = 0;
    if (max <= 0)
        return STORE_OK;
    JournalKey start = {INT64_MAX, 3, INT64_MAX};
    if (!from && newer)
        return STORE_OK; /* nothing is newer than the newest */
    const JournalKey *key = from ? from : &start;
    sqlite3_stmt *stmt = NULL;
    StoreStatus status = prepare(store, newer ? timeline_newer_sql : timeline_older_sql, &stmt);
    if (status != STORE_OK)
        return status;
    int rc = SQLITE_OK;
    for (int kind = 0; kind < 3 && rc == SQLITE_OK; kind++) {
        int64_t t, id;
        arm_bound(key, kind, &t, &id);
        rc = sqlite3_bind_int64(stmt, 1 + 2 * kind, t);
        if (rc == SQLITE_OK)
            rc = sqlite3_bind_int64(stmt, 2 + 2 * kind, id);
    }
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_int(stmt, 7, max);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_int(stmt, 8, kinds);
    JournalKey *keys = rc == SQLITE_OK ? malloc(sizeof(JournalKey) * (size_t)max) : NULL;
    int n = 0;
    if (rc == SQLITE_OK && !keys)
        rc = SQLITE_NOMEM;
    while (rc == SQLITE_OK && n < max && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        keys[n].kind = sqlite3_column_int(stmt, 0);
        keys[n].id = sqlite3_column_int64(stmt, 1);
        keys[n].time_ms = sqlite3_column_int64(stmt, 2);
        n++;
        rc = SQLITE_OK;
    }
    if (rc != SQLITE_OK && rc != SQLITE_DONE)
        status = store_fail(store, rc);
    statements_done(&store->statements, stmt);

    /* The newer page came oldest first: the timeline wants newest first. */
    for (int i = 0; status == STORE_OK && i < n; i++) {
        const JournalKey *k = &keys[newer ? n - 1 - i : i];
        JournalItem *it = &out[i];
        memset(it, 0, sizeof *it);
        if (k->kind == JOURNAL_ITEM_SESSION) {
            status = store_session_item(store, k->id, it);
        } else {
            status = store_event_get(store, k->id, &it->ev);
            it->kind = (JournalItemKind)k->kind;
            it->id = it->ev.id;
            it->time_ms = it->ev.time_ms;
            it->utc_offset_s = it->ev.utc_offset_s;
            it->pauses = it->ev.pauses;
        }
    }
    free(keys);
    if (status == STORE_OK)
        *count = n;
    return status;
}

StoreStatus store_session_item(Store *store, int64_t session, JournalItem *out)
{
    sqlite3_stmt *stmt = NULL;
    StoreStatus status = prepare(store, session ? session_item_sql : session_latest_sql, &stmt);
    if (status != STORE_OK)
        return status;
    int rc = session ? sqlite3_bind_int64(stmt, 1, session) : SQLITE_OK;
    if (rc == SQLITE_OK)
        rc = sqlite3_step(stmt);
    memset(out, 0, sizeof *out);
    if (rc == SQLITE_ROW) {
        out->kind = JOURNAL_ITEM_SESSION;
        out->id = sqlite3_column_int64(stmt, 0);
        out->time_ms = sqlite3_column_int64(stmt, 1);
        out->utc_offset_s = (int32_t)sqlite3_column_int(stmt, 2);
        out->end_ms = sqlite3_column_int64(stmt, 3);
        out->signals = sqlite3_column_int(stmt, 4);
        out->pauses = sqlite3_column_int(stmt, 5);
        event_init(&out->ev, EVENT_SIGNAL);
        out->ev.session = out->id;
        out->ev.time_ms = out->time_ms;
        out->ev.utc_offset_s = out->utc_offset_s;
    } else if (rc == SQLITE_DONE) {
        status = STORE_NOT_FOUND;
    } else {
        status = store_fail(store, rc);
    }
    statements_done(&store->statements, stmt);
    return status;
}

StoreStatus store_event_get(Store *store, int64_t id, LogEvent *out)
{
    sqlite3_stmt *stmt = NULL;
    StoreStatus status = prepare(store, event_get_sql, &stmt);
    if (status != STORE_OK)
        return status;
    int rc = sqlite3_bind_int64(stmt, 1, id);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW)
        store_read_event(stmt, out);
    else if (rc == SQLITE_DONE)
        status = store_fail_message(store, STORE_NOT_FOUND, "no such event");
    else
        status = store_fail(store, rc);
    statements_done(&store->statements, stmt);
    return status;
}

static int bind_rating(sqlite3_stmt *stmt, int index, int value)
{
    return value >= 0 ? sqlite3_bind_int(stmt, index, value) : sqlite3_bind_null(stmt, index);
}

static int bind_text_field(sqlite3_stmt *stmt, int index, const char *text, size_t capacity)
{
    return sqlite3_bind_text(stmt, index, text, (int)strnlen(text, capacity), SQLITE_TRANSIENT);
}

StoreStatus store_entry_update(Store *store, const LogEvent *ev)
{
    sqlite3_stmt *stmt = NULL;
    StoreStatus status = prepare(store, entry_update_sql, &stmt);
    if (status != STORE_OK)
        return status;
    int rc = sqlite3_bind_int(stmt, 1, ev->partner);
    if (rc == SQLITE_OK)
        rc = bind_text_field(stmt, 2, ev->partner_name, sizeof ev->partner_name);
    if (rc == SQLITE_OK)
        rc = bind_rating(stmt, 3, ev->closeness);
    if (rc == SQLITE_OK)
        rc = bind_rating(stmt, 4, ev->comfort);
    if (rc == SQLITE_OK)
        rc = bind_rating(stmt, 5, ev->pain);
    if (rc == SQLITE_OK)
        rc = bind_rating(stmt, 6, ev->tiredness);
    if (rc == SQLITE_OK)
        rc = bind_text_field(stmt, 7, ev->tried, sizeof ev->tried);
    if (rc == SQLITE_OK)
        rc = bind_text_field(stmt, 8, ev->helped, sizeof ev->helped);
    if (rc == SQLITE_OK)
        rc = bind_text_field(stmt, 9, ev->next, sizeof ev->next);
    if (rc == SQLITE_OK)
        rc = bind_text_field(stmt, 10, ev->note, sizeof ev->note);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_int64(stmt, 11, ev->id);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(stmt);
    /* Autocommit: with WAL and synchronous=FULL the change is on disk now. */
    if (rc != SQLITE_DONE)
        status = store_fail(store, rc);
    else if (sqlite3_changes(store_db(store)) == 0)
        status = store_fail_message(store, STORE_NOT_FOUND, "no such entry");
    statements_done(&store->statements, stmt);
    return status;
}

static void mean_add(InsightsMean *m, sqlite3_stmt *stmt, int column)
{
    if (sqlite3_column_type(stmt, column) == SQLITE_NULL)
        return;
    m->n++;
    m->sum += sqlite3_column_int(stmt, column);
}

static InsightsChip *chip_find(InsightsChip *chips, int *count, const char *id, size_t len)
{
    if (len == 0 || len >= WORD_ID_MAX)
        return NULL;
    for (int i = 0; i < *count; i++)
        if (strlen(chips[i].id) == len && memcmp(chips[i].id, id, len) == 0)
            return &chips[i];
    if (*count >= INSIGHTS_CHIPS_MAX)
        return NULL;
    InsightsChip *c = &chips[(*count)++];
    memset(c, 0, sizeof *c);
    memcpy(c->id, id, len);
    c->id[len] = '\0';
    return c;
}

/* Counts each chip once per entry, with the entry's ratings when given. */
static void chips_add(InsightsChip *chips, int *count, const unsigned char *joined,
                      sqlite3_stmt *stmt, int ratings)
{
    if (!joined)
        return;
    const char *p = (const char *)joined;
    while (*p) {
        const char *end = strchr(p, ';');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        int seen = 0;
        for (const char *q = (const char *)joined; q < p;) {
            const char *qe = strchr(q, ';');
            size_t ql = qe ? (size_t)(qe - q) : strlen(q);
            seen |= ql == len && memcmp(q, p, len) == 0;
            q = qe ? qe + 1 : q + ql;
        }
        InsightsChip *c = seen ? NULL : chip_find(chips, count, p, len);
        if (c) {
            c->count++;
            if (ratings) {
                mean_add(&c->comfort, stmt, 2);
                mean_add(&c->pain, stmt, 3);
            }
        }
        if (!end)
            break;
        p = end + 1;
    }
}

static int chip_order(const void *a, const void *b)
{
    const InsightsChip *x = a, *y = b;
    if (x->count != y->count)
        return y->count - x->count;
    return strcmp(x->id, y->id);
}

/* The week of a local day in the period, or -1 when the day is outside it. */
static int week_of(const Insights *in, int64_t local_day)
{
    int64_t first = calendar_local_day(in->from_ms, in->utc_offset_s);
    int64_t w = local_day - first;
    return w < 0 || w >= (int64_t)in->weeks * 7 ? -1 : (int)(w / 7);
}

typedef enum { INSIGHTS_ENTRIES, INSIGHTS_SESSIONS, INSIGHTS_BREATHING } InsightsPart;

static StoreStatus insights_part(Store *store, Insights *in, InsightsPart part)
{
    static const char *const sql[3] = {insights_entries_sql, insights_sessions_sql,
                                       insights_breathing_sql};
    sqlite3_stmt *stmt = NULL;
    StoreStatus status = prepare(store, sql[part], &stmt);
    if (status != STORE_OK)
        return status;
    int rc = sqlite3_bind_int64(stmt, 1, in->from_ms);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_int64(stmt, 2, in->to_ms);
    while (rc == SQLITE_OK && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        rc = SQLITE_OK;
        int week = week_of(in, sqlite3_column_int64(stmt, 0));
        if (week < 0)
            continue; /* lived on a day before or after the period */
        InsightsWeek *wk = &in->week[week];
        switch (part) {
        case INSIGHTS_ENTRIES:
            in->entries++;
            wk->entries++;
            mean_add(&wk->closeness, stmt, 1);
            mean_add(&wk->comfort, stmt, 2);
            mean_add(&wk->pain, stmt, 3);
            chips_add(in->tried, &in->tried_count, sqlite3_column_text(stmt, 4), stmt, 1);
            chips_add(in->helped, &in->helped_count, sqlite3_column_text(stmt, 5), stmt, 0);
            break;
        case INSIGHTS_SESSIONS: {
            int pauses = sqlite3_column_int(stmt, 1);
            in->sessions++;
            in->pauses += pauses;
            wk->sessions++;
            wk->pauses += pauses;
            break;
        }
        case INSIGHTS_BREATHING: {
            int seconds = sqlite3_column_int(stmt, 1);
            in->breathing++;
            in->breathing_s += seconds;
            wk->breathing++;
            wk->breathing_s += seconds;
            break;
        }
        }
    }
    if (rc != SQLITE_DONE)
        status = store_fail(store, rc);
    statements_done(&store->statements, stmt);
    return status;
}

StoreStatus store_insights(Store *store, int weeks, int64_t now_ms, int32_t utc_offset_s,
                           Insights *out)
{
    memset(out, 0, sizeof *out);
    out->weeks = weeks < 1 ? 1 : weeks > INSIGHTS_WEEKS_MAX ? INSIGHTS_WEEKS_MAX : weeks;
    out->utc_offset_s = utc_offset_s;
    insights_period(out->weeks, now_ms, utc_offset_s, &out->from_ms, &out->to_ms);
    for (int w = 0; w < out->weeks; w++)
        out->week[w].start_ms = out->from_ms + (int64_t)w * WEEK_MS;
    StoreStatus status = insights_part(store, out, INSIGHTS_ENTRIES);
    if (status == STORE_OK)
        status = insights_part(store, out, INSIGHTS_SESSIONS);
    if (status == STORE_OK)
        status = insights_part(store, out, INSIGHTS_BREATHING);
    qsort(out->tried, (size_t)out->tried_count, sizeof out->tried[0], chip_order);
    qsort(out->helped, (size_t)out->helped_count, sizeof out->helped[0], chip_order);
    return status;
}

static StoreStatus exec_plain(Store *store, const char *sql)
{
    int rc = store_exec(store, sql);
    return rc == SQLITE_OK ? STORE_OK : store_fail(store, rc);
}

StoreStatus store_begin(Store *store)
{
    return exec_plain(store, "BEGIN IMMEDIATE");
}

StoreStatus store_commit(Store *store)
{
    return exec_plain(store, "COMMIT");
}

void store_rollback(Store *store)
{
    if (!sqlite3_get_autocommit(store_db(store)))
        sqlite3_exec(store_db(store), "ROLLBACK", NULL, NULL, NULL);
}

const char *store_path(Store *store)
{
    const char *path = sqlite3_db_filename(store_db(store), "main");
    return path ? path : "";
}
