/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The plan's side of the store on real files: a journal written by the first
 * release opens, upgrades and keeps every byte of its history; the plan is
 * kept whole and read back as it was; every version of the agreements stays. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fakes.h"
#include "lull/store.h"

typedef struct {
    char dir[256];
    char path[320];
} Paths;

static int setup(void **state)
{
    Paths *p = calloc(1, sizeof *p);
    if (!p)
        return -1;
    fake_temp_path("plan_store", p->dir, (int)sizeof p->dir);
    if (mkdir(p->dir, 0700) != 0)
        return -1;
    snprintf(p->path, sizeof p->path, "%s/lull.db", p->dir);
    *state = p;
    return 0;
}

static int teardown(void **state)
{
    Paths *p = *state;
    const char *suffixes[] = {"", "-wal", "-shm", "-journal"};
    for (int i = 0; i < 4; i++) {
        char name[400];
        snprintf(name, sizeof name, "%s%s", p->path, suffixes[i]);
        unlink(name);
    }
    assert_int_equal(rmdir(p->dir), 0);
    free(p);
    return 0;
}

static Store *open_ok(const Paths *p)
{
    StoreStatus status = STORE_ERROR;
    char err[256] = "unset";
    Store *store = store_open(p->path, &status, err, sizeof err);
    if (!store)
        fail_msg("store_open: %d %s", (int)status, err);
    return store;
}

static char *read_all(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        fail_msg("cannot read %s", path);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *data = malloc((size_t)n + 1);
    assert_non_null(data);
    assert_int_equal(fread(data, 1, (size_t)n, f), (size_t)n);
    data[n] = '\0';
    fclose(f);
    *size = (size_t)n;
    return data;
}

static void write_all(const char *path, const char *data, size_t size)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, size, f), size);
    assert_int_equal(fclose(f), 0);
}

/* Every row of sql, each column as SQLite quotes it (type and bytes exact),
 * one row a line. */
static char *dump_rows(const char *path, const char *sql)
{
    sqlite3 *db = NULL;
    assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) != SQLITE_OK)
        fail_msg("%s: %s", sql, sqlite3_errmsg(db));
    char *text = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&text, &size);
    assert_non_null(out);
    int rows = 0;
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        for (int c = 0; c < sqlite3_column_count(stmt); c++)
            fprintf(out, "%s%s", c ? "|" : "", (const char *)sqlite3_column_text(stmt, c));
        fputc('\n', out);
        rows++;
    }
    assert_true(rows > 0);
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    fclose(out);
    return text;
}

#define QUOTED_EVENT_COLUMNS                                                                \
    "quote(id), quote(kind), quote(time_ms), quote(utc_offset_s), quote(partner),"          \
    " quote(partner_name), quote(name), quote(label), quote(session_id), quote(planned_s)," \
    " quote(actual_s), quote(pauses), quote(closeness), quote(comfort), quote(pain),"       \
    " quote(tiredness), quote(tried), quote(helped), quote(next), quote(note),"             \
    " quote(deleted_ms)"

static const char *const release_tables[] = {
    "SELECT " QUOTED_EVENT_COLUMNS " FROM events ORDER BY id",
    "SELECT quote(id), quote(started_ms), quote(utc_offset_s), quote(ended_ms) FROM sessions"
    " ORDER BY id",
    "SELECT quote(key), quote(value) FROM settings ORDER BY key",
};

/* What an export of the first release's file says now: each row as it was,
 * with the two columns added at its end (a signal came by touch). */
static char *widened_export(const char *old)
{
    char *text = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&text, &size);
    assert_non_null(out);
    const char *p = old;
    int header = 1;
    while (*p) {
        const char *end = strstr(p, "\r\n");
        assert_non_null(end);
        fwrite(p, 1, (size_t)(end - p), out);
        if (header)
            fputs(",stage,via", out);
        else
            fputs(strstr(p, ",signal,") == strchr(p, ',') ? ",,touch" : ",,", out);
        fputs("\r\n", out);
        header = 0;
        p = end + 2;
    }
    fclose(out);
    return text;
}

static void test_migrates_the_first_release(void **state)
{
    Paths *p = *state;
    const char *fixture = LULL_STORE_FIXTURES "/schema2-lull-0.1.0.db";
    size_t size = 0;
    char *bytes = read_all(fixture, &size);
    write_all(p->path, bytes, size);
    free(bytes);
    char *before[3];
    for (int i = 0; i < 3; i++)
        before[i] = dump_rows(p->path, release_tables[i]);

    Store *store = open_ok(p);
    assert_int_equal(store_schema_version(store), STORE_SCHEMA_VERSION);
    assert_int_equal(STORE_SCHEMA_VERSION, 3);
    PlanDoc doc;
    assert_int_equal(store_plan_load(store, &doc), STORE_NOT_FOUND);
    assert_int_equal(doc.chosen, 0);

    /* The export is the first release's, row for row, with stage and via added. */
    char *csv = NULL;
    size_t csv_size = 0;
    FILE *out = open_memstream(&csv, &csv_size);
    assert_int_equal(store_export(store, EXPORT_CSV, out, 0, 0), STORE_OK);
    fclose(out);
    char *old = read_all(LULL_STORE_FIXTURES "/schema2-lull-0.1.0.csv", &size);
    char *expected = widened_export(old);
    assert_string_equal(csv, expected);
    assert_non_null(strstr(csv, "Café à deux ♥ 😀"));
    free(csv);
    free(old);
    free(expected);
    store_close(store);

    /* Every byte of every old column, and of the sessions and settings. */
    for (int i = 0; i < 3; i++) {
        char *after = dump_rows(p->path, release_tables[i]);
        assert_string_equal(after, before[i]);
        free(after);
        free(before[i]);
    }
    char *via = dump_rows(p->path, "SELECT kind, count(*), count(via), count(stage), count(ref)"
                                   " FROM events GROUP BY kind ORDER BY kind");
    assert_string_equal(via, "breathing|8|0|0|0\nentry|6|0|0|0\nsignal|34|34|0|0\n");
    free(via);
}

static void fill_doc(PlanDoc *doc, int stages)
{
    Programme prog;
    memset(&prog, 0, sizeof prog);
    snprintf(prog.id, sizeof prog.id, "gentle");
    snprintf(prog.name, sizeof prog.name, "Gentle start");
    snprintf(prog.summary, sizeof prog.summary, "Small steps.");
    for (int i = 0; i < stages; i++) {
        PlanStage *st = &prog.stage[i];
        snprintf(st->name, sizeof st->name, "Stage %d — ♥", i + 1);
        snprintf(st->description, sizeof st->description, "About stage %d.", i + 1);
        snprintf(st->in, sizeof st->in, "Holding; Talking %d", i);
        snprintf(st->not_yet, sizeof st->not_yet, "Later %d", i);
        snprintf(st->practice, sizeof st->practice, "Twenty minutes.");
        snprintf(st->caution, sizeof st->caution, "%s", i == 1 ? "Ask your clinician." : "");
        st->rule = (PlanRule){3, 4, 1};
    }
    prog.stage_count = stages;
    snprintf(prog.question[0], PLAN_TEXT_MAX, "When can we try the next step?");
    prog.question_count = 1;
    plan_doc_start(doc, &prog, 1767643200000);
}

static void test_plan_kept_whole(void **state)
{
    Paths *p = *state;
    Store *store = open_ok(p);
    static PlanDoc doc, back;
    fill_doc(&doc, 5);
    doc.progress.current = 2;
    doc.progress.ready[1] = 1;
    doc.progress.not_before_day[3] = 20500;
    doc.progress.cleared_from_day[2] = 20400;
    snprintf(doc.clinician_note[2], PLAN_TEXT_MAX, "Fine from March, Dr Ruiz said.");
    snprintf(doc.vision, sizeof doc.vision, "Évenings close again ♥");
    doc.vision_ms = 1767646800000;
    doc.stage_since_ms = 1767650400000;
    assert_int_equal(store_plan_save(store, &doc), STORE_OK);
    store_close(store);

    store = open_ok(p);
    assert_int_equal(store_plan_load(store, &back), STORE_OK);
    assert_memory_equal(&back, &doc, sizeof doc);

    /* A shorter ladder replaces the longer one; the place stays in range. */
    fill_doc(&doc, 2);
    doc.progress.current = 1;
    assert_int_equal(store_plan_save(store, &doc), STORE_OK);
    assert_int_equal(store_plan_load(store, &back), STORE_OK);
    assert_int_equal(back.ladder.stage_count, 2);
    assert_string_equal(back.ladder.stage[1].name, "Stage 2 — ♥");
    assert_int_equal(back.progress.not_before_day[3], 0);
    assert_memory_equal(&back, &doc, sizeof doc);

    /* Something that is not a plan is refused, and what was kept stays. */
    doc.chosen = 0;
    assert_int_equal(store_plan_save(store, &doc), STORE_ERROR);
    assert_int_equal(store_plan_load(store, &back), STORE_OK);
    assert_int_equal(back.ladder.stage_count, 2);
    store_close(store);
}

static void test_plan_events_keep_stage_and_ref(void **state)
{
    Paths *p = *state;
    Store *store = open_ok(p);
    LogEvent ev;
    event_init(&ev, EVENT_PLAN);
    ev.time_ms = 1767643200000;
    ev.utc_offset_s = 3600;
    ev.partner = PARTNER_SECOND;
    snprintf(ev.partner_name, sizeof ev.partner_name, "Sam");
    snprintf(ev.name, sizeof ev.name, "%s", plan_event_name(PLAN_EVENT_PRACTICE_DONE));
    snprintf(ev.label, sizeof ev.label, "Pelvic floor");
    snprintf(ev.note, sizeof ev.note, "Done after breakfast");
    ev.stage = 3;
    ev.ref = 12;
    assert_int_equal(store_log(store, &ev), STORE_OK);
    LogEvent back;
    assert_int_equal(store_event_get(store, ev.id, &back), STORE_OK);
    assert_int_equal(back.kind, EVENT_PLAN);
    assert_string_equal(back.name, "practice_done");
    assert_int_equal(back.stage, 3);
    assert_int_equal(back.ref, 12);
    assert_string_equal(back.note, "Done after breakfast");
    assert_string_equal(back.via, "");
    store_close(store);
}

static void test_every_agreement_version_kept(void **state)
{
    Paths *p = *state;
    Store *store = open_ok(p);
    Agreements a, back;
    int64_t count = -1;
    assert_int_equal(store_agreements_get(store, 0, &back), STORE_NOT_FOUND);
    assert_int_equal(store_agreements_count(store, &count), STORE_OK);
    assert_int_equal(count, 0);

    memset(&a, 0, sizeof a);
    a.made_ms = 1767643200000;
    a.utc_offset_s = 3600;
    snprintf(a.in, sizeof a.in, "Cuddling; Massage");
    snprintf(a.likes[0], sizeof a.likes[0], "Slow, firm strokes on the back");
    snprintf(a.safe_word, sizeof a.safe_word, "blue balloon");
    snprintf(a.after[1], sizeof a.after[1], "Tea, and a quiet minute");
    assert_int_equal(store_agreements_save(store, &a), STORE_OK);
    assert_int_equal(a.version, 1);
    assert_false(agreements_agreed(&a));
    a.agreed_ms[0] = 1767643300000;
    a.agreed_ms[1] = 1767643400000;
    assert_int_equal(store_agreements_save(store, &a), STORE_OK);
    assert_true(agreements_agreed(&a));

    /* A change is a new version, agreed by nobody yet. */
    Agreements changed = a;
    changed.version = 0;
    changed.made_ms = 1767729600000;
    changed.agreed_ms[0] = changed.agreed_ms[1] = 0;
    snprintf(changed.in, sizeof changed.in, "Cuddling; Massage; Skin to skin");
    assert_false(agreements_same_words(&changed, &a));
    assert_int_equal(store_agreements_save(store, &changed), STORE_OK);
    assert_int_equal(changed.version, 2);

    /* A saved version's words never change: only its confirmations can. */
    Agreements rewrite = a;
    snprintf(rewrite.in, sizeof rewrite.in, "Something else");
    assert_int_equal(store_agreements_save(store, &rewrite), STORE_OK);
    store_close(store);

    store = open_ok(p);
    assert_int_equal(store_agreements_count(store, &count), STORE_OK);
    assert_int_equal(count, 2);
    assert_int_equal(store_agreements_get(store, 0, &back), STORE_OK);
    assert_memory_equal(&back, &changed, sizeof back);
    assert_int_equal(store_agreements_get(store, 1, &back), STORE_OK);
    assert_memory_equal(&back, &a, sizeof back);
    assert_true(agreements_same_words(&back, &a));
    assert_int_equal(store_agreements_get(store, 3, &back), STORE_NOT_FOUND);
    store_close(store);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_migrates_the_first_release, setup, teardown),
        cmocka_unit_test_setup_teardown(test_plan_kept_whole, setup, teardown),
        cmocka_unit_test_setup_teardown(test_plan_events_keep_stage_and_ref, setup, teardown),
        cmocka_unit_test_setup_teardown(test_every_agreement_version_kept, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
