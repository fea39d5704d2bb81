/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The plan's tables: the couple's copy of their programme and their place on
 * it (written whole, in one transaction, whenever it changes), and their
 * agreements, every version kept. Every statement is prepared with bound
 * parameters through the store's one statement cache. */
#include <string.h>

#include "store_internal.h"

static const char plan_get_sql[] =
    "SELECT programme, name, summary, chosen_ms, current, ready_first, ready_second, vision,"
    " vision_ms, stage_since_ms FROM plan WHERE id = 1";
static const char plan_put_sql[] =
    "INSERT INTO plan(id, programme, name, summary, chosen_ms, current, ready_first,"
    " ready_second, vision, vision_ms, stage_since_ms)"
    " VALUES(1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
    " ON CONFLICT(id) DO UPDATE SET programme = excluded.programme, name = excluded.name,"
    " summary = excluded.summary, chosen_ms = excluded.chosen_ms, current = excluded.current,"
    " ready_first = excluded.ready_first, ready_second = excluded.ready_second,"
    " vision = excluded.vision, vision_ms = excluded.vision_ms,"
    " stage_since_ms = excluded.stage_since_ms";
static const char stages_get_sql[] =
    "SELECT position, name, description, in_list, not_yet, practice, caution, suggest_sessions,"
    " suggest_comfort, suggest_without, clinician_note, cleared_from_day, not_before_day"
    " FROM plan_stages ORDER BY position";
static const char stages_clear_sql[] = "DELETE FROM plan_stages";
static const char stage_put_sql[] =
    "INSERT INTO plan_stages(position, name, description, in_list, not_yet, practice, caution,"
    " suggest_sessions, suggest_comfort, suggest_without, clinician_note, cleared_from_day,"
    " not_before_day) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";
static const char questions_get_sql[] =
    "SELECT text FROM plan_suggested_questions ORDER BY position";
static const char questions_clear_sql[] = "DELETE FROM plan_suggested_questions";
static const char question_put_sql[] =
    "INSERT INTO plan_suggested_questions(position, text) VALUES(?1, ?2)";

static const char agreements_latest_sql[] =
    "SELECT version, made_ms, utc_offset_s, in_list, not_yet, likes_first, likes_second,"
    " not_there_first, not_there_second, safe_word, without_words, after_first, after_second,"
    " agreed_first_ms, agreed_second_ms FROM agreements ORDER BY version DESC LIMIT 1";
static const char agreements_version_sql[] =
    "SELECT version, made_ms, utc_offset_s, in_list, not_yet, likes_first, likes_second,"
    " not_there_first, not_there_second, safe_word, without_words, after_first, after_second,"
    " agreed_first_ms, agreed_second_ms FROM agreements WHERE version = ?1";
static const char agreements_count_sql[] = "SELECT count(*) FROM agreements";
static const char agreements_put_sql[] =
    "INSERT INTO agreements(version, made_ms, utc_offset_s, in_list, not_yet, likes_first,"
    " likes_second, not_there_first, not_there_second, safe_word, without_words, after_first,"
    " after_second, agreed_first_ms, agreed_second_ms)"
    " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)"
    " ON CONFLICT(version) DO UPDATE SET agreed_first_ms = excluded.agreed_first_ms,"
    " agreed_second_ms = excluded.agreed_second_ms";

static int bind_text(sqlite3_stmt *stmt, int index, const char *text, size_t capacity)
{
    return sqlite3_bind_text(stmt, index, text, (int)strnlen(text, capacity), SQLITE_TRANSIENT);
}

static int bind_ms(sqlite3_stmt *stmt, int index, int64_t ms)
{
    return ms ? sqlite3_bind_int64(stmt, index, ms) : sqlite3_bind_null(stmt, index);
}

/* Runs a statement that returns no rows; the SQLite result code (DONE: fine). */
static int run(Store *store, const char *sql, int (*bind)(sqlite3_stmt *, const void *),
               const void *data)
{
    int rc;
    sqlite3_stmt *stmt = statements_get(&store->statements, sql, &rc);
    if (!stmt)
        return rc;
    rc = bind ? bind(stmt, data) : SQLITE_OK;
    if (rc == SQLITE_OK)
        rc = sqlite3_step(stmt);
    statements_done(&store->statements, stmt);
    return rc;
}

static int bind_plan(sqlite3_stmt *stmt, const void *data)
{
    const PlanDoc *doc = data;
    int rc = bind_text(stmt, 1, doc->ladder.id, sizeof doc->ladder.id);
    if (rc == SQLITE_OK)
        rc = bind_text(stmt, 2, doc->ladder.name, sizeof doc->ladder.name);
    if (rc == SQLITE_OK)
        rc = bind_text(stmt, 3, doc->ladder.summary, sizeof doc->ladder.summary);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_int64(stmt, 4, doc->chosen_ms);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_int(stmt, 5, doc->progress.current);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_int(stmt, 6, doc->progress.ready[0] ? 1 : 0);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_int(stmt, 7, doc->progress.ready[1] ? 1 : 0);
    if (rc == SQLITE_OK)
        rc = bind_text(stmt, 8, doc->vision, sizeof doc->vision);
    if (rc == SQLITE_OK)
        rc = bind_ms(stmt, 9, doc->vision_ms);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_int64(stmt, 10, doc->stage_since_ms);
    return rc;
}

typedef struct {
    const PlanDoc *doc;
    int i;
} StageRow;

static int bind_stage(sqlite3_stmt *stmt, const void *data)
{
    const StageRow *row = data;
    const PlanStage *st = &row->doc->ladder.stage[row->i];
    const char *note = row->doc->clinician_note[row->i];
    int rc = sqlite3_bind_int(stmt, 1, row->i);
    if (rc == SQLITE_OK)
        rc = bind_text(stmt, 2, st->name, sizeof st->name);
    if (rc == SQLITE_OK)
        rc = bind_text(stmt, 3, st->description, sizeof st->description);
    if (rc == SQLITE_OK)
        rc = bind_text(stmt, 4, st->in, sizeof st->in);
    if (rc == SQLITE_OK)
        rc = bind_text(stmt, 5, st->not_yet, sizeof st->not_yet);
    if (rc == SQLITE_OK)
        rc = bind_text(stmt, 6, st->practice, sizeof st->practice);
    if (rc == SQLITE_OK)
        rc = bind_text(stmt, 7, st->caution, sizeof st->caution);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_int(stmt, 8, st->rule.sessions);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_int(stmt, 9, st->rule.min_comfort);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_int(stmt, 10, st->rule.without_pain_stop);
    if (rc == SQLITE_OK)
        rc = bind_text(stmt, 11, note, PLAN_TEXT_MAX);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_int(stmt, 12, row->doc->progress.cleared_from_day[row->i]);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_int(stmt, 13, row->doc->progress.not_before_day[row->i]);
    return rc;
}

static int bind_question(sqlite3_stmt *stmt, const void *data)
{
    const StageRow *row = data;
    int rc = sqlite3_bind_int(stmt, 1, row->i);
    if (rc == SQLITE_OK)
        rc = bind_text(stmt, 2, row->doc->ladder.question[row->i], PLAN_TEXT_MAX);
    return rc;
}

static int write_plan(Store *store, const PlanDoc *doc)
{
    int rc = run(store, plan_put_sql, bind_plan, doc);
    if (rc == SQLITE_DONE)
        rc = run(store, stages_clear_sql, NULL, NULL);
    for (int i = 0; rc == SQLITE_DONE && i < doc->ladder.stage_count; i++) {
        StageRow row = {doc, i};
        rc = run(store, stage_put_sql, bind_stage, &row);
    }
    if (rc == SQLITE_DONE)
        rc = run(store, questions_clear_sql, NULL, NULL);
    for (int i = 0; rc == SQLITE_DONE && i < doc->ladder.question_count; i++) {
        StageRow row = {doc, i};
        rc = run(store, question_put_sql, bind_question, &row);
    }
    return rc;
}

StoreStatus store_plan_save(Store *store, const PlanDoc *doc)
{
    if (!doc->chosen || doc->ladder.stage_count < 0 || doc->ladder.stage_count > PLAN_STAGES_MAX ||
        doc->ladder.question_count > PLAN_QUESTIONS_MAX)
        return store_fail_message(store, STORE_ERROR, "not a plan");
    StoreStatus status = store_begin(store);
    if (status != STORE_OK)
        return status;
    int rc = write_plan(store, doc);
    if (rc != SQLITE_DONE) {
        status = store_fail(store, rc);
        store_rollback(store);
        return status;
    }
    status = store_commit(store);
    if (status != STORE_OK)
        store_rollback(store);
    return status;
}

static int read_stages(Store *store, PlanDoc *doc)
{
    int rc;
    sqlite3_stmt *stmt = statements_get(&store->statements, stages_get_sql, &rc);
    if (!stmt)
        return rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW && doc->ladder.stage_count < PLAN_STAGES_MAX) {
        int i = doc->ladder.stage_count++;
        PlanStage *st = &doc->ladder.stage[i];
        store_column_text(stmt, 1, st->name, sizeof st->name);
        store_column_text(stmt, 2, st->description, sizeof st->description);
        store_column_text(stmt, 3, st->in, sizeof st->in);
        store_column_text(stmt, 4, st->not_yet, sizeof st->not_yet);
        store_column_text(stmt, 5, st->practice, sizeof st->practice);
        store_column_text(stmt, 6, st->caution, sizeof st->caution);
        st->rule.sessions = sqlite3_column_int(stmt, 7);
        st->rule.min_comfort = sqlite3_column_int(stmt, 8);
        st->rule.without_pain_stop = sqlite3_column_int(stmt, 9);
        store_column_text(stmt, 10, doc->clinician_note[i], PLAN_TEXT_MAX);
        doc->progress.cleared_from_day[i] = (int32_t)sqlite3_column_int(stmt, 11);
        doc->progress.not_before_day[i] = (int32_t)sqlite3_column_int(stmt, 12);
    }
    if (rc == SQLITE_ROW)
        rc = SQLITE_DONE; /* more stages than a ladder holds: the first are kept */
    statements_done(&store->statements, stmt);
    if (rc != SQLITE_DONE)
        return rc;
    stmt = statements_get(&store->statements, questions_get_sql, &rc);
    if (!stmt)
        return rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW &&
           doc->ladder.question_count < PLAN_QUESTIONS_MAX) {
        int i = doc->ladder.question_count++;
        store_column_text(stmt, 0, doc->ladder.question[i], PLAN_TEXT_MAX);
    }
    if (rc == SQLITE_ROW)
        rc = SQLITE_DONE;
    statements_done(&store->statements, stmt);
    return rc;
}

StoreStatus store_plan_load(Store *store, PlanDoc *doc)
{
    memset(doc, 0, sizeof *doc);
    int rc;
    sqlite3_stmt *stmt = statements_get(&store->statements, plan_get_sql, &rc);
    if (!stmt)
        return store_fail(store, rc);
    rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW) {
        doc->chosen = 1;
        store_column_text(stmt, 0, doc->ladder.id, sizeof doc->ladder.id);
        store_column_text(stmt, 1, doc->ladder.name, sizeof doc->ladder.name);
        store_column_text(stmt, 2, doc->ladder.summary, sizeof doc->ladder.summary);
        doc->chosen_ms = sqlite3_column_int64(stmt, 3);
        doc->progress.current = sqlite3_column_int(stmt, 4);
        doc->progress.ready[0] = sqlite3_column_int(stmt, 5);
        doc->progress.ready[1] = sqlite3_column_int(stmt, 6);
        store_column_text(stmt, 7, doc->vision, sizeof doc->vision);
        doc->vision_ms = sqlite3_column_int64(stmt, 8);
        doc->stage_since_ms = sqlite3_column_int64(stmt, 9);
    }
    statements_done(&store->statements, stmt);
    if (rc == SQLITE_DONE)
        return STORE_NOT_FOUND;
    if (rc != SQLITE_ROW)
        return store_fail(store, rc);
    rc = read_stages(store, doc);
    if (rc != SQLITE_DONE) {
        StoreStatus status = store_fail(store, rc);
        memset(doc, 0, sizeof *doc);
        return status;
    }
    /* A place beyond the ladder (stages removed outside Lull) is its last stage. */
    PlanProgress *p = &doc->progress;
    if (p->current >= doc->ladder.stage_count)
        p->current = doc->ladder.stage_count > 0 ? doc->ladder.stage_count - 1 : 0;
    if (p->current < 0)
        p->current = 0;
    return STORE_OK;
}

static int bind_agreements(sqlite3_stmt *stmt, const void *data)
{
    const Agreements *a = data;
    int rc = sqlite3_bind_int64(stmt, 1, a->version);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_int64(stmt, 2, a->made_ms);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_int(stmt, 3, a->utc_offset_s);
    const char *texts[] = {a->in,           a->not_yet,      a->likes[0],  a->likes[1],
                           a->not_there[0], a->not_there[1], a->safe_word, a->without_words,
                           a->after[0],     a->after[1]};
    const size_t sizes[] = {sizeof a->in,        sizeof a->not_yet,       sizeof a->likes[0],
                            sizeof a->likes[1],  sizeof a->not_there[0],  sizeof a->not_there[1],
                            sizeof a->safe_word, sizeof a->without_words, sizeof a->after[0],
                            sizeof a->after[1]};
    for (int i = 0; rc == SQLITE_OK && i < (int)(sizeof texts / sizeof texts[0]); i++)
        rc = bind_text(stmt, 4 + i, texts[i], sizes[i]);
    if (rc == SQLITE_OK)
        rc = bind_ms(stmt, 14, a->agreed_ms[0]);
    if (rc == SQLITE_OK)
        rc = bind_ms(stmt, 15, a->agreed_ms[1]);
    return rc;
}

static void read_agreements(sqlite3_stmt *stmt, Agreements *a)
{
    memset(a, 0, sizeof *a);
    a->version = sqlite3_column_int64(stmt, 0);
    a->made_ms = sqlite3_column_int64(stmt, 1);
    a->utc_offset_s = (int32_t)sqlite3_column_int(stmt, 2);
    char *texts[] = {a->in,           a->not_yet,   a->likes[0],      a->likes[1], a->not_there[0],
                     a->not_there[1], a->safe_word, a->without_words, a->after[0], a->after[1]};
    const size_t sizes[] = {sizeof a->in,        sizeof a->not_yet,       sizeof a->likes[0],
                            sizeof a->likes[1],  sizeof a->not_there[0],  sizeof a->not_there[1],
                            sizeof a->safe_word, sizeof a->without_words, sizeof a->after[0],
                            sizeof a->after[1]};
    for (int i = 0; i < (int)(sizeof texts / sizeof texts[0]); i++)
        store_column_text(stmt, 3 + i, texts[i], sizes[i]);
    a->agreed_ms[0] = sqlite3_column_int64(stmt, 13);
    a->agreed_ms[1] = sqlite3_column_int64(stmt, 14);
}

StoreStatus store_agreements_save(Store *store, Agreements *a)
{
    if (a->version == 0) {
        int64_t count = 0;
        StoreStatus status = store_agreements_count(store, &count);
        if (status != STORE_OK)
            return status;
        a->version = count + 1;
    }
    int rc = run(store, agreements_put_sql, bind_agreements, a);
    return rc == SQLITE_DONE ? STORE_OK : store_fail(store, rc);
}

StoreStatus store_agreements_get(Store *store, int64_t version, Agreements *out)
{
    int rc;
    const char *sql = version > 0 ? agreements_version_sql : agreements_latest_sql;
    sqlite3_stmt *stmt = statements_get(&store->statements, sql, &rc);
    if (!stmt)
        return store_fail(store, rc);
    if (version > 0)
        sqlite3_bind_int64(stmt, 1, version);
    rc = sqlite3_step(stmt);
    StoreStatus status = STORE_OK;
    if (rc == SQLITE_ROW)
        read_agreements(stmt, out);
    else if (rc == SQLITE_DONE)
        status = STORE_NOT_FOUND;
    else
        status = store_fail(store, rc);
    statements_done(&store->statements, stmt);
    if (status != STORE_OK)
        memset(out, 0, sizeof *out);
    return status;
}

StoreStatus store_agreements_count(Store *store, int64_t *count)
{
    *count = 0;
    int rc;
    sqlite3_stmt *stmt = statements_get(&store->statements, agreements_count_sql, &rc);
    if (!stmt)
        return store_fail(store, rc);
    rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW)
        *count = sqlite3_column_int64(stmt, 0);
    statements_done(&store->statements, stmt);
    return rc == SQLITE_ROW ? STORE_OK : store_fail(store, rc);
}
