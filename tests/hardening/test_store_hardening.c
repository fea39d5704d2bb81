/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The store's side of points 2 and 3: a file that is not Lull's, is damaged
 * inside, is read-only or locked is never written; faults injected through
 * the VFS fail writes cleanly and heal; a damaged file is kept aside byte for
 * byte. On real temporary files. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../support/fakes.h"
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
    fake_temp_path("hard", p->dir, (int)sizeof p->dir);
    if (mkdir(p->dir, 0700) != 0)
        return -1;
    snprintf(p->path, sizeof p->path, "%s/lull.db", p->dir);
    *state = p;
    return 0;
}

static int teardown(void **state)
{
    Paths *p = *state;
    /* The folder is ours and flat: its files, then itself. */
    DIR *dir = opendir(p->dir);
    struct dirent *entry;
    while (dir && (entry = readdir(dir)) != NULL) {
        char name[600];
        if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0)
            continue;
        snprintf(name, sizeof name, "%s/%s", p->dir, entry->d_name);
        unlink(name);
    }
    if (dir)
        closedir(dir);
    int status = rmdir(p->dir);
    free(p);
    return status;
}

static unsigned char *read_all(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    unsigned char *buf = malloc(1 << 20);
    *size = buf ? fread(buf, 1, 1 << 20, f) : 0;
    fclose(f);
    return buf;
}

static void raw_exec(const char *path, const char *sql)
{
    sqlite3 *db = NULL;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
}

static LogEvent signal_event(int64_t t, const char *name)
{
    LogEvent ev;
    event_init(&ev, EVENT_SIGNAL);
    ev.time_ms = t;
    ev.partner = 1;
    snprintf(ev.partner_name, sizeof ev.partner_name, "Alex");
    snprintf(ev.name, sizeof ev.name, "%s", name);
    snprintf(ev.label, sizeof ev.label, "%s", name);
    return ev;
}

/* A journal of ours with n events, closed. */
static void make_journal(const Paths *p, int n)
{
    Store *store = store_open(p->path, NULL, NULL, 0);
    assert_non_null(store);
    for (int i = 0; i < n; i++) {
        LogEvent ev = signal_event(1000 + i, "slower");
        assert_int_equal(store_log(store, &ev), STORE_OK);
    }
    store_close(store);
}

/* Opening must fail with want and leave the bytes exactly as they were. */
static void refused_untouched(const Paths *p, StoreStatus want)
{
    size_t before_size = 0, after_size = 0;
    unsigned char *before = read_all(p->path, &before_size);
    assert_non_null(before);
    StoreStatus status = STORE_OK;
    char err[256] = "";
    Store *store = store_open(p->path, &status, err, sizeof err);
    assert_null(store);
    assert_int_equal(status, want);
    assert_true(strlen(err) > 0);
    unsigned char *after = read_all(p->path, &after_size);
    assert_int_equal(after_size, before_size);
    assert_memory_equal(after, before, before_size);
    free(before);
    free(after);
}

static void test_foreign_file_refused(void **state)
{
    Paths *p = *state;
    raw_exec(p->path, "CREATE TABLE moz_places(id INTEGER PRIMARY KEY, url TEXT);"
                      "INSERT INTO moz_places(url) VALUES ('https://example.org/');");
    refused_untouched(p, STORE_FOREIGN);
    /* A version of ours without our tables is not ours either. */
    raw_exec(p->path, "PRAGMA user_version = 1;");
    refused_untouched(p, STORE_FOREIGN);
}

static void test_damaged_page_refused(void **state)
{
    Paths *p = *state;
    make_journal(p, 200);
    FILE *f = fopen(p->path, "r+b");
    assert_non_null(f);
    assert_int_equal(fseek(f, 4096, SEEK_SET), 0); /* page 2: a table's root */
    for (int i = 0; i < 4096; i++)
        fputc(0xA5, f);
    fclose(f);
    refused_untouched(p, STORE_CORRUPT);
}

static void test_truncated_refused(void **state)
{
    Paths *p = *state;
    make_journal(p, 300);
    struct stat st;
    assert_int_equal(stat(p->path, &st), 0);
    assert_true(st.st_size > 3 * 4096);
    assert_int_equal(truncate(p->path, (st.st_size / 4096 / 2) * 4096), 0);
    refused_untouched(p, STORE_CORRUPT);
}

static void test_read_only_file_opens_read_only(void **state)
{
    Paths *p = *state;
    make_journal(p, 3);
    assert_int_equal(chmod(p->path, 0400), 0);
    size_t before_size = 0, after_size = 0;
    unsigned char *before = read_all(p->path, &before_size);
    StoreStatus status = STORE_ERROR;
    Store *store = store_open(p->path, &status, NULL, 0);
    assert_non_null(store);
    assert_int_equal(status, STORE_OK);
    assert_true(store_read_only(store));
    assert_int_equal(store_event_count(store), 3);
    LogEvent ev = signal_event(5000, "pain");
    assert_int_equal(store_log(store, &ev), STORE_READONLY);
    assert_int_equal(store_setting_set(store, "partners.first", "X"), STORE_READONLY);
    store_close(store);
    unsigned char *after = read_all(p->path, &after_size);
    assert_int_equal(after_size, before_size);
    assert_memory_equal(after, before, before_size);
    struct stat st;
    assert_int_equal(stat(p->path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0400);
    free(before);
    free(after);
}

static void test_locked_file_busy(void **state)
{
    Paths *p = *state;
    make_journal(p, 3);
    sqlite3 *other = NULL;
    assert_int_equal(sqlite3_open(p->path, &other), SQLITE_OK);
    assert_int_equal(sqlite3_exec(other,
                                  "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;"
                                  "CREATE TABLE other_lock(x); COMMIT;",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    StoreOptions options = {.busy_timeout_ms = 50};
    StoreStatus status = STORE_OK;
    assert_null(store_open_with(p->path, &options, &status, NULL, 0));
    assert_int_equal(status, STORE_BUSY);
    sqlite3_close(other); /* let go: now it opens */
    Store *store = store_open_with(p->path, &options, &status, NULL, 0);
    assert_non_null(store);
    assert_int_equal(store_event_count(store), 3);
    store_close(store);
}

static void test_not_a_regular_file(void **state)
{
    Paths *p = *state;
    assert_int_equal(mkfifo(p->path, 0600), 0); /* opening must not hang on it */
    StoreStatus status = STORE_OK;
    assert_null(store_open(p->path, &status, NULL, 0));
    assert_int_equal(status, STORE_ERROR);
}

static int count_rows(void *ctx, const LogEvent *ev)
{
    (void)ev;
    (*(int *)ctx)++;
    return 0;
}

static void test_injected_faults_fail_cleanly_and_heal(void **state)
{
    Paths *p = *state;
    StoreOptions options = {.faults = 1};
    Store *store = store_open_with(p->path, &options, NULL, NULL, 0);
    assert_non_null(store);
    LogEvent ev = signal_event(1000, "slower");
    assert_int_equal(store_log(store, &ev), STORE_OK);

    assert_int_equal(store_inject_fault(store, STORE_FULL), STORE_OK);
    for (int i = 0; i < 20; i++) {
        ev = signal_event(2000 + i, "good");
        assert_int_equal(store_log(store, &ev), STORE_FULL);
    }
    int64_t session = 0;
    assert_int_equal(store_session_begin(store, 3000, 0, &session), STORE_FULL);
    assert_int_equal(store_setting_set(store, "partners.first", "Alex"), STORE_FULL);
    assert_int_equal(store_event_count(store), 1); /* reads still work */

    assert_int_equal(store_inject_fault(store, STORE_IO), STORE_OK);
    ev = signal_event(4000, "pain");
    assert_int_equal(store_log(store, &ev), STORE_IO);

    assert_int_equal(store_inject_fault(store, STORE_OK), STORE_OK);
    ev = signal_event(5000, "tired");
    assert_int_equal(store_log(store, &ev), STORE_OK);
    assert_int_equal(store_event_count(store), 2);
    store_close(store);

    /* Reopened without faults: whole, and exactly what was acknowledged. */
    store = store_open(p->path, NULL, NULL, 0);
    assert_non_null(store);
    int rows = 0;
    assert_int_equal(store_each_event(store, count_rows, &rows), STORE_OK);
    assert_int_equal(rows, 2);
    store_close(store);
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;
    assert_int_equal(sqlite3_open(p->path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &stmt, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(stmt), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(stmt, 0), "ok");
    sqlite3_finalize(stmt);
    sqlite3_close(db);
}

static void test_faults_need_the_option(void **state)
{
    Paths *p = *state;
    Store *store = store_open(p->path, NULL, NULL, 0);
    assert_non_null(store);
    assert_int_equal(store_inject_fault(store, STORE_FULL), STORE_ERROR);
    LogEvent ev = signal_event(1000, "slower");
    assert_int_equal(store_log(store, &ev), STORE_OK);
    store_close(store);
    assert_int_equal(store_inject_fault(NULL, STORE_FULL), STORE_ERROR);
}

static void test_set_aside_keeps_every_byte(void **state)
{
    Paths *p = *state;
    unsigned char junk[5000];
    for (size_t i = 0; i < sizeof junk; i++)
        junk[i] = (unsigned char)(i * 7 + 3);
    FILE *f = fopen(p->path, "wb");
    assert_non_null(f);
    fwrite(junk, 1, sizeof junk, f);
    fclose(f);
    char wal[400];
    snprintf(wal, sizeof wal, "%s-wal", p->path);
    f = fopen(wal, "wb");
    assert_non_null(f);
    fputs("a stale log", f);
    fclose(f);
    assert_int_equal(chmod(p->path, 0640), 0);

    char aside[200];
    /* 2026-01-05 21:00:00 UTC, shown at +01:00 */
    assert_int_equal(store_set_aside(p->path, 1767646800000, 3600, aside, sizeof aside), STORE_OK);
    assert_string_equal(aside, "lull.db.damaged-20260105-220000");
    assert_int_equal(access(p->path, F_OK), -1);
    assert_int_equal(access(wal, F_OK), -1); /* never replayed into a new journal */
    char moved[600];
    snprintf(moved, sizeof moved, "%s/%s", p->dir, aside);
    size_t size = 0;
    unsigned char *kept = read_all(moved, &size);
    assert_int_equal(size, sizeof junk);
    assert_memory_equal(kept, junk, sizeof junk);
    free(kept);
    struct stat st;
    assert_int_equal(stat(moved, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0640);
    snprintf(moved, sizeof moved, "%s/%s-wal", p->dir, aside);
    assert_int_equal(access(moved, F_OK), 0);

    /* The same second again: a name of its own, nothing overwritten. */
    f = fopen(p->path, "wb");
    assert_non_null(f);
    fputs("second", f);
    fclose(f);
    assert_int_equal(store_set_aside(p->path, 1767646800000, 3600, aside, sizeof aside), STORE_OK);
    assert_string_equal(aside, "lull.db.damaged-20260105-220000-2");

    /* And a new journal opens in its place. */
    Store *store = store_open(p->path, NULL, NULL, 0);
    assert_non_null(store);
    assert_int_equal(store_event_count(store), 0);
    store_close(store);
    assert_int_equal(store_set_aside(NULL, 0, 0, aside, sizeof aside), STORE_ERROR);
}

int main(void)
{
#define TEST(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
    const struct CMUnitTest tests[] = {
        TEST(test_foreign_file_refused),
        TEST(test_damaged_page_refused),
        TEST(test_truncated_refused),
        TEST(test_read_only_file_opens_read_only),
        TEST(test_locked_file_busy),
        TEST(test_not_a_regular_file),
        TEST(test_injected_faults_fail_cleanly_and_heal),
        TEST(test_faults_need_the_option),
        TEST(test_set_aside_keeps_every_byte),
    };
#undef TEST
    return cmocka_run_group_tests(tests, NULL, NULL);
}
