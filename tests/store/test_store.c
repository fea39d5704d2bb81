/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The store on real temporary files: creation and permissions, migrations,
 * durability across close and crash, sessions, settings, refusing files it
 * must not touch, and the exact text of both exports. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fakes.h"
#include "lull/store.h"

typedef struct {
    char root[256]; /* a fresh folder that does not exist yet */
    char dir[320];  /* root/lull */
    char path[384]; /* root/lull/lull.db */
} Paths;

static int setup(void **state)
{
    Paths *p = calloc(1, sizeof *p);
    if (!p)
        return -1;
    fake_temp_path("store", p->root, (int)sizeof p->root);
    snprintf(p->dir, sizeof p->dir, "%s/lull", p->root);
    snprintf(p->path, sizeof p->path, "%s/lull.db", p->dir);
    *state = p;
    return 0;
}

static void remove_suffixed(const char *path, const char *suffix)
{
    char name[400];
    snprintf(name, sizeof name, "%s%s", path, suffix);
    unlink(name);
}

static int teardown(void **state)
{
    Paths *p = *state;
    remove_suffixed(p->path, "");
    remove_suffixed(p->path, "-wal");
    remove_suffixed(p->path, "-shm");
    remove_suffixed(p->path, "-journal");
    rmdir(p->dir);
    rmdir(p->root);
    /* Cleanup must leave nothing behind. */
    struct stat st;
    assert_int_not_equal(stat(p->root, &st), 0);
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
    assert_int_equal(status, STORE_OK);
    return store;
}

static void make_dirs(const Paths *p)
{
    assert_int_equal(mkdir(p->root, 0700), 0);
    assert_int_equal(mkdir(p->dir, 0700), 0);
}

static unsigned char *read_file(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    unsigned char *data = NULL;
    size_t len = 0, cap = 0;
    for (;;) {
        if (len == cap) {
            cap = cap ? cap * 2 : 4096;
            data = realloc(data, cap);
            assert_non_null(data);
        }
        size_t n = fread(data + len, 1, cap - len, f);
        if (n == 0)
            break;
        len += n;
    }
    fclose(f);
    *size = len;
    return data;
}

static int exists(const char *path, const char *suffix)
{
    char name[400];
    snprintf(name, sizeof name, "%s%s", path, suffix);
    struct stat st;
    return stat(name, &st) == 0;
}

/* A second, raw connection to look at what the store wrote. */
static int64_t raw_int(const char *path, const char *sql)
{
    sqlite3 *db = NULL;
    assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    sqlite3_stmt *stmt = NULL;
    assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &stmt, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(stmt), SQLITE_ROW);
    int64_t value = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return value;
}

static void raw_exec(const char *path, const char *sql)
{
    sqlite3 *db = NULL;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
}

typedef struct {
    LogEvent events[8];
    int count;
} Collected;

static int collect(void *ctx, const LogEvent *ev)
{
    Collected *c = ctx;
    assert_true(c->count < 8);
    c->events[c->count++] = *ev;
    return 0;
}

static LogEvent make_signal(int64_t time_ms, int partner, const char *partner_name,
                            const char *name, const char *label, int64_t session)
{
    LogEvent ev;
    event_init(&ev, EVENT_SIGNAL);
    ev.time_ms = time_ms;
    ev.utc_offset_s = 3600;
    ev.partner = partner;
    snprintf(ev.partner_name, sizeof ev.partner_name, "%s", partner_name);
    snprintf(ev.name, sizeof ev.name, "%s", name);
    snprintf(ev.label, sizeof ev.label, "%s", label);
    ev.session = session;
    return ev;
}

static void test_creates_folders_and_migrates(void **state)
{
    Paths *p = *state;
    Store *store = open_ok(p);
    assert_int_equal(store_schema_version(store), STORE_SCHEMA_VERSION);
    assert_int_equal(store_event_count(store), 0);
    store_close(store);

    assert_int_equal(raw_int(p->path, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
    assert_int_equal(raw_int(p->path, "SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                                      "AND name IN ('sessions', 'events', 'settings')"),
                     3);
    assert_int_equal(raw_int(p->path, "SELECT count(*) FROM sqlite_master WHERE type = 'index' "
                                      "AND name IN ('events_time', 'events_session')"),
                     2);
    /* WAL is a property of the file, so a fresh connection sees it. */
    sqlite3 *db = NULL;
    assert_int_equal(sqlite3_open_v2(p->path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    sqlite3_stmt *stmt = NULL;
    assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &stmt, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(stmt), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(stmt, 0), "wal");
    sqlite3_finalize(stmt);
    sqlite3_close(db);

    /* Opening again finds it current and changes nothing. */
    store = open_ok(p);
    assert_int_equal(store_schema_version(store), STORE_SCHEMA_VERSION);
    store_close(store);
}

static void test_migrates_empty_file(void **state)
{
    Paths *p = *state;
    make_dirs(p);
    int fd = open(p->path, O_WRONLY | O_CREAT | O_EXCL, 0600);
    assert_true(fd >= 0);
    close(fd);
    Store *store = open_ok(p);
    assert_int_equal(store_schema_version(store), STORE_SCHEMA_VERSION);
    LogEvent ev = make_signal(1000, 1, "Alex", "good", "Keep going", 0);
    assert_int_equal(store_log(store, &ev), STORE_OK);
    store_close(store);
}

static void test_permissions(void **state)
{
    Paths *p = *state;
    /* A permissive umask must not leak into what the store creates. */
    mode_t old_mask = umask(0);
    Store *store = open_ok(p);
    umask(old_mask);
    struct stat st;
    assert_int_equal(stat(p->root, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0700);
    assert_int_equal(stat(p->dir, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0700);
    assert_int_equal(stat(p->path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    LogEvent ev = make_signal(1000, 1, "Alex", "good", "Keep going", 0);
    assert_int_equal(store_log(store, &ev), STORE_OK);
    /* SQLite gives its side files the database's own mode. */
    assert_int_equal(stat(p->path, &st), 0);
    char wal[400];
    snprintf(wal, sizeof wal, "%s-wal", p->path);
    assert_int_equal(stat(wal, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    store_close(store);
}

static void test_narrows_existing_file(void **state)
{
    Paths *p = *state;
    make_dirs(p);
    int fd = open(p->path, O_WRONLY | O_CREAT | O_EXCL, 0600);
    assert_true(fd >= 0);
    assert_int_equal(fchmod(fd, 0644), 0);
    close(fd);
    Store *store = open_ok(p);
    struct stat st;
    assert_int_equal(stat(p->path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    store_close(store);
}

static void test_refuses_newer_schema(void **state)
{
    Paths *p = *state;
    make_dirs(p);
    raw_exec(p->path, "CREATE TABLE future(x); INSERT INTO future VALUES (42);"
                      "PRAGMA user_version = 99;");
    size_t before_size = 0, after_size = 0;
    unsigned char *before = read_file(p->path, &before_size);

    StoreStatus status = STORE_OK;
    char err[256] = "";
    Store *store = store_open(p->path, &status, err, sizeof err);
    assert_null(store);
    assert_int_equal(status, STORE_TOO_NEW);
    assert_true(strlen(err) > 0);
    assert_null(strstr(err, p->root)); /* no paths, nothing personal */

    unsigned char *after = read_file(p->path, &after_size);
    assert_int_equal(after_size, before_size);
    assert_memory_equal(after, before, before_size);
    assert_false(exists(p->path, "-wal"));
    assert_int_equal(raw_int(p->path, "PRAGMA user_version"), 99);
    free(before);
    free(after);
}

static void test_refuses_non_database(void **state)
{
    Paths *p = *state;
    make_dirs(p);
    unsigned char junk[8192];
    uint32_t x = 12345;
    for (size_t i = 0; i < sizeof junk; i++) {
        x = x * 1103515245u + 12345u;
        junk[i] = (unsigned char)(x >> 16);
    }
    FILE *f = fopen(p->path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(junk, 1, sizeof junk, f), sizeof junk);
    fclose(f);

    StoreStatus status = STORE_OK;
    char err[256] = "";
    Store *store = store_open(p->path, &status, err, sizeof err);
    assert_null(store);
    assert_int_equal(status, STORE_CORRUPT);
    assert_true(strlen(err) > 0);

    size_t size = 0;
    unsigned char *after = read_file(p->path, &size);
    assert_int_equal(size, sizeof junk);
    assert_memory_equal(after, junk, sizeof junk);
    assert_false(exists(p->path, "-wal"));
    assert_false(exists(p->path, "-journal"));
    free(after);
}

static void test_open_errors(void **state)
{
    Paths *p = *state;
    StoreStatus status = STORE_OK;
    char err[256] = "";
    assert_null(store_open(NULL, &status, err, sizeof err));
    assert_int_equal(status, STORE_ERROR);
    assert_true(strlen(err) > 0);

    /* A plain file where the folder should be. */
    assert_int_equal(mkdir(p->root, 0700), 0);
    FILE *f = fopen(p->dir, "w");
    assert_non_null(f);
    fclose(f);
    status = STORE_OK;
    assert_null(store_open(p->path, &status, err, sizeof err));
    assert_int_equal(status, STORE_IO);
    assert_null(strstr(err, p->root));
    unlink(p->dir);

    store_close(NULL); /* accepted */
}

static void test_in_memory(void **state)
{
    (void)state;
    StoreStatus status = STORE_ERROR;
    Store *store = store_open(":memory:", &status, NULL, 0);
    assert_non_null(store);
    assert_int_equal(status, STORE_OK);
    assert_int_equal(store_schema_version(store), STORE_SCHEMA_VERSION);
    store_close(store);
}

static void test_log_survives_reopen(void **state)
{
    Paths *p = *state;
    Store *store = open_ok(p);
    LogEvent entry;
    event_init(&entry, EVENT_ENTRY);
    entry.time_ms = 1767647700123;
    entry.utc_offset_s = -19800;
    entry.partner = 3;
    snprintf(entry.partner_name, sizeof entry.partner_name, "both");
    snprintf(entry.name, sizeof entry.name, "entry");
    snprintf(entry.label, sizeof entry.label, "Journal entry");
    entry.closeness = 5;
    entry.pain = 0;
    snprintf(entry.tried, sizeof entry.tried, "holding;massage");
    snprintf(entry.helped, sizeof entry.helped, "warmth");
    snprintf(entry.next, sizeof entry.next, "breathing_first");
    snprintf(entry.note, sizeof entry.note, "Gentle evening — café ❤");
    assert_int_equal(store_log(store, &entry), STORE_OK);
    assert_true(entry.id > 0);

    LogEvent breathing;
    event_init(&breathing, EVENT_BREATHING);
    breathing.time_ms = 1767640000000;
    breathing.partner = 3;
    snprintf(breathing.name, sizeof breathing.name, "slowing");
    breathing.planned_s = 600;
    breathing.actual_s = 545;
    breathing.pauses = 2;
    assert_int_equal(store_log(store, &breathing), STORE_OK);
    assert_true(breathing.id > entry.id);
    store_close(store);

    store = open_ok(p);
    assert_int_equal(store_event_count(store), 2);
    Collected got = {0};
    assert_int_equal(store_each_event(store, collect, &got), STORE_OK);
    assert_int_equal(got.count, 2);
    /* Oldest first, whatever order they were logged in. */
    const LogEvent *b = &got.events[0];
    assert_int_equal(b->id, breathing.id);
    assert_int_equal(b->kind, EVENT_BREATHING);
    assert_string_equal(b->name, "slowing");
    assert_int_equal(b->planned_s, 600);
    assert_int_equal(b->actual_s, 545);
    assert_int_equal(b->pauses, 2);
    assert_int_equal(b->closeness, EVENT_UNSET);
    assert_int_equal(b->session, 0);

    const LogEvent *e = &got.events[1];
    assert_int_equal(e->id, entry.id);
    assert_int_equal(e->kind, EVENT_ENTRY);
    assert_int_equal(e->time_ms, 1767647700123);
    assert_int_equal(e->utc_offset_s, -19800);
    assert_int_equal(e->partner, 3);
    assert_string_equal(e->partner_name, "both");
    assert_string_equal(e->label, "Journal entry");
    assert_int_equal(e->closeness, 5);
    assert_int_equal(e->comfort, EVENT_UNSET);
    assert_int_equal(e->pain, 0);
    assert_int_equal(e->tiredness, EVENT_UNSET);
    assert_string_equal(e->tried, "holding;massage");
    assert_string_equal(e->helped, "warmth");
    assert_string_equal(e->next, "breathing_first");
    assert_string_equal(e->note, "Gentle evening — café ❤");
    store_close(store);

    /* Unset ratings and not-applicable fields are NULL in the file. */
    assert_int_equal(raw_int(p->path, "SELECT count(*) FROM events WHERE kind = 'entry' AND "
                                      "comfort IS NULL AND tiredness IS NULL AND pain = 0 AND "
                                      "planned_s IS NULL AND session_id IS NULL"),
                     1);
    assert_int_equal(raw_int(p->path, "SELECT count(*) FROM events WHERE kind = 'breathing' AND "
                                      "closeness IS NULL AND note IS NULL"),
                     1);
}

/* The child logs and dies without closing, like a power cut after "saved". */
static void test_log_survives_crash(void **state)
{
    Paths *p = *state;
    Store *store = open_ok(p);
    store_close(store);
    fflush(NULL);
    pid_t child = fork();
    assert_true(child >= 0);
    if (child == 0) {
        Store *s = store_open(p->path, NULL, NULL, 0);
        LogEvent ev = make_signal(5000, 2, "Sam", "slower", "Slower", 0);
        int ok = s && store_log(s, &ev) == STORE_OK;
        _exit(ok ? 0 : 1);
    }
    int wstatus = 0;
    assert_int_equal(waitpid(child, &wstatus, 0), child);
    assert_true(WIFEXITED(wstatus));
    assert_int_equal(WEXITSTATUS(wstatus), 0);

    store = open_ok(p);
    Collected got = {0};
    assert_int_equal(store_each_event(store, collect, &got), STORE_OK);
    assert_int_equal(got.count, 1);
    assert_string_equal(got.events[0].name, "slower");
    assert_string_equal(got.events[0].partner_name, "Sam");
    store_close(store);
}

/* The kiosk's way (sync_later): a write is committed to the -wal at once, with no
 * fsync and no checkpoint inside it; store_sync_file makes it durable and
 * store_checkpoint_file moves it into the file, both from any thread, neither
 * through the connection. A process killed in between loses nothing. */
static void test_sync_later(void **state)
{
    Paths *p = *state;
    StoreOptions later = {.sync_later = 1};
    StoreStatus status = STORE_OK;
    Store *store = store_open_with(p->path, &later, &status, NULL, 0);
    assert_non_null(store);
    long long before = store_changes(store);
    long long syncs = store_connection_syncs(store);
    LogEvent ev = make_signal(5000, 1, "Alex", "pause", "Pause", 0);
    assert_int_equal(store_log(store, &ev), STORE_OK);
    assert_true(store_changes(store) > before);
    assert_int_equal(store_connection_syncs(store), syncs);
    /* nothing in the file itself yet: the row waits in the -wal */
    struct stat wal;
    char wal_path[400];
    snprintf(wal_path, sizeof wal_path, "%s-wal", p->path);
    assert_int_equal(stat(wal_path, &wal), 0);
    assert_true(wal.st_size > 0);
    assert_int_equal(store_sync_file(p->path, 0), STORE_OK);
    assert_int_equal(store_checkpoint_file(p->path), STORE_OK);
    /* now the one file a person copies holds it, read on its own */
    char uri[512];
    snprintf(uri, sizeof uri, "file:%s?immutable=1", p->path);
    sqlite3 *raw = NULL;
    assert_int_equal(sqlite3_open_v2(uri, &raw, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL),
                     SQLITE_OK);
    sqlite3_stmt *stmt = NULL;
    int rc = sqlite3_prepare_v2(raw, "SELECT count(*) FROM events WHERE name = 'pause'", -1, &stmt,
                                NULL);
    if (rc != SQLITE_OK)
        fail_msg("%s", sqlite3_errmsg(raw));
    assert_int_equal(sqlite3_step(stmt), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(stmt, 0), 1);
    sqlite3_finalize(stmt);
    sqlite3_close(raw);
    /* a journal without a -wal has nothing to sync */
    assert_int_equal(store_sync_file("/nonexistent/lull.db", 0), STORE_OK);
    /* The checkpoint emptied the -wal, so the next write starts it again with a
     * new header. On a slow card its fsync would hold up the frame: the
     * connection leaves it to store_sync_file, as it does the commit. */
    LogEvent again = make_signal(5500, 1, "Alex", "slower", "Slower", 0);
    assert_int_equal(store_log(store, &again), STORE_OK);
    assert_int_equal(store_connection_syncs(store), syncs);
    assert_int_equal(store_sync_file(p->path, 0), STORE_OK);
    store_close(store);
    /* a store opened the ordinary way syncs in its writes, header and all */
    Store *plain = store_open_with(p->path, &(StoreOptions){.sync_delay_ms = 1}, &status, NULL, 0);
    assert_non_null(plain);
    syncs = store_connection_syncs(plain);
    LogEvent third = make_signal(5600, 2, "Sam", "good", "Keep going", 0);
    assert_int_equal(store_log(plain, &third), STORE_OK);
    assert_true(store_connection_syncs(plain) > syncs);
    store_close(plain);

    /* killed right after the commit, before any sync: still there */
    fflush(NULL);
    pid_t child = fork();
    assert_true(child >= 0);
    if (child == 0) {
        Store *s = store_open_with(p->path, &later, NULL, NULL, 0);
        LogEvent pause = make_signal(6000, 2, "Sam", "pause", "Pause", 0);
        if (s && store_log(s, &pause) == STORE_OK)
            raise(SIGKILL);
        _exit(1);
    }
    int wstatus = 0;
    assert_int_equal(waitpid(child, &wstatus, 0), child);
    assert_true(WIFSIGNALED(wstatus));
    store = open_ok(p);
    Collected got = {0};
    assert_int_equal(store_each_event(store, collect, &got), STORE_OK);
    assert_int_equal(got.count, 4);
    assert_string_equal(got.events[3].partner_name, "Sam");
    store_close(store);
}

static void test_order_by_time_then_id(void **state)
{
    Paths *p = *state;
    Store *store = open_ok(p);
    LogEvent a = make_signal(3000, 1, "Alex", "tired", "Tired", 0);
    LogEvent b = make_signal(1000, 2, "Sam", "good", "Keep going", 0);
    LogEvent c = make_signal(3000, 2, "Sam", "pain", "Pain", 0);
    assert_int_equal(store_log(store, &a), STORE_OK);
    assert_int_equal(store_log(store, &b), STORE_OK);
    assert_int_equal(store_log(store, &c), STORE_OK);
    Collected got = {0};
    assert_int_equal(store_each_event(store, collect, &got), STORE_OK);
    assert_int_equal(got.count, 3);
    assert_string_equal(got.events[0].name, "good");
    assert_string_equal(got.events[1].name, "tired");
    assert_string_equal(got.events[2].name, "pain");
    store_close(store);
}

static int stop_after_one(void *ctx, const LogEvent *ev)
{
    (void)ev;
    (*(int *)ctx)++;
    return 1;
}

typedef struct {
    Store *store;
    int64_t counts[4];
    int calls;
} Nested;

static int count_inside(void *ctx, const LogEvent *ev)
{
    (void)ev;
    Nested *n = ctx;
    n->counts[n->calls++] = store_event_count(n->store);
    return 0;
}

static void test_iteration_stops_and_nests(void **state)
{
    Paths *p = *state;
    Store *store = open_ok(p);
    for (int i = 0; i < 3; i++) {
        LogEvent ev = make_signal(1000 * i, 1, "Alex", "good", "Keep going", 0);
        assert_int_equal(store_log(store, &ev), STORE_OK);
    }
    int calls = 0;
    assert_int_equal(store_each_event(store, stop_after_one, &calls), STORE_OK);
    assert_int_equal(calls, 1);

    /* A callback may use the store while the iteration is running. */
    Nested nested = {.store = store};
    assert_int_equal(store_each_event(store, count_inside, &nested), STORE_OK);
    assert_int_equal(nested.calls, 3);
    for (int i = 0; i < 3; i++)
        assert_int_equal(nested.counts[i], 3);
    store_close(store);
}

static void test_invalid_events_rejected(void **state)
{
    Paths *p = *state;
    Store *store = open_ok(p);
    LogEvent ev;
    event_init(&ev, EVENT_ENTRY);
    ev.pain = 11; /* the pain scale is 0-10 */
    assert_int_equal(store_log(store, &ev), STORE_ERROR);
    assert_true(strlen(store_error(store)) > 0);

    LogEvent orphan = make_signal(1000, 1, "Alex", "good", "Keep going", 999);
    assert_int_equal(store_log(store, &orphan), STORE_ERROR); /* no session 999 */
    assert_int_equal(store_event_count(store), 0);
    store_close(store);
}

static void test_delete_and_undelete(void **state)
{
    Paths *p = *state;
    Store *store = open_ok(p);
    LogEvent a = make_signal(1000, 1, "Alex", "good", "Keep going", 0);
    LogEvent b = make_signal(2000, 2, "Sam", "slower", "Slower", 0);
    assert_int_equal(store_log(store, &a), STORE_OK);
    assert_int_equal(store_log(store, &b), STORE_OK);

    assert_int_equal(store_event_delete(store, a.id, 3000), STORE_OK);
    assert_int_equal(store_event_count(store), 1);
    Collected got = {0};
    assert_int_equal(store_each_event(store, collect, &got), STORE_OK);
    assert_int_equal(got.count, 1);
    assert_int_equal(got.events[0].id, b.id);

    char *text = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&text, &size);
    assert_int_equal(store_export(store, EXPORT_CSV, out, 0, 0), STORE_OK);
    fclose(out);
    assert_null(strstr(text, "Keep going"));
    assert_non_null(strstr(text, "Slower"));
    free(text);

    assert_int_equal(store_event_undelete(store, a.id), STORE_OK);
    assert_int_equal(store_event_count(store), 2);
    assert_int_equal(store_event_delete(store, 9999, 3000), STORE_NOT_FOUND);
    assert_int_equal(store_event_undelete(store, 9999), STORE_NOT_FOUND);
    store_close(store);
}

static void test_sessions(void **state)
{
    Paths *p = *state;
    Store *store = open_ok(p);
    int64_t open_id = -1;
    assert_int_equal(store_session_open(store, &open_id), STORE_OK);
    assert_int_equal(open_id, 0);

    int64_t first = 0, second = 0;
    assert_int_equal(store_session_begin(store, 1000, 3600, &first), STORE_OK);
    assert_int_equal(store_session_begin(store, 2000, 3600, &second), STORE_OK);
    assert_true(first > 0 && second > first);
    assert_int_equal(store_session_open(store, &open_id), STORE_OK);
    assert_int_equal(open_id, second);

    LogEvent in_first = make_signal(1500, 1, "Alex", "slower", "Slower", first);
    LogEvent in_second = make_signal(2500, 2, "Sam", "pause", "Pause", second);
    LogEvent pause_first = make_signal(1200, 2, "Sam", "pause", "Pause", first);
    assert_int_equal(store_log(store, &in_first), STORE_OK);
    assert_int_equal(store_log(store, &in_second), STORE_OK);
    assert_int_equal(store_log(store, &pause_first), STORE_OK);
    Collected got = {0};
    assert_int_equal(store_session_events(store, first, collect, &got), STORE_OK);
    assert_int_equal(got.count, 2);
    assert_int_equal(got.events[0].id, pause_first.id);
    assert_int_equal(got.events[1].id, in_first.id);
    assert_int_equal(got.events[1].session, first);

    /* A paused session is still open after a restart. */
    store_close(store);
    store = open_ok(p);
    assert_int_equal(store_session_open(store, &open_id), STORE_OK);
    assert_int_equal(open_id, second);

    assert_int_equal(store_session_end(store, second, 3000), STORE_OK);
    assert_int_equal(store_session_open(store, &open_id), STORE_OK);
    assert_int_equal(open_id, first);
    assert_int_equal(store_session_end(store, first, 3100), STORE_OK);
    assert_int_equal(store_session_open(store, &open_id), STORE_OK);
    assert_int_equal(open_id, 0);
    /* Ending twice keeps the first end time. */
    assert_int_equal(store_session_end(store, first, 9999), STORE_OK);
    assert_int_equal(store_session_end(store, 12345, 3000), STORE_NOT_FOUND);
    store_close(store);
    assert_int_equal(raw_int(p->path, "SELECT ended_ms FROM sessions WHERE id = 1"), 3100);

    /* Carry on after a Stop: time 0 opens the session again, and a later Stop ends it anew. */
    store = open_ok(p);
    assert_int_equal(store_session_end(store, first, 0), STORE_OK);
    assert_int_equal(store_session_open(store, &open_id), STORE_OK);
    assert_int_equal(open_id, first);
    assert_int_equal(store_session_end(store, first, 4200), STORE_OK);
    assert_int_equal(store_session_end(store, 12345, 0), STORE_NOT_FOUND);
    store_close(store);
    assert_int_equal(raw_int(p->path, "SELECT ended_ms FROM sessions WHERE id = 1"), 4200);
}

static void test_settings(void **state)
{
    Paths *p = *state;
    Store *store = open_ok(p);
    char value[16] = "stale";
    assert_int_equal(store_setting_get(store, "partners.first", value, sizeof value),
                     STORE_NOT_FOUND);
    assert_string_equal(value, "");
    assert_int_equal(store_setting_set(store, "partners.first", "Alex"), STORE_OK);
    assert_int_equal(store_setting_set(store, "sound.volume", "70"), STORE_OK);
    assert_int_equal(store_setting_get(store, "partners.first", value, sizeof value), STORE_OK);
    assert_string_equal(value, "Alex");
    assert_int_equal(store_setting_set(store, "partners.first", "Zoë"), STORE_OK);
    assert_int_equal(store_setting_get(store, "partners.first", value, sizeof value), STORE_OK);
    assert_string_equal(value, "Zoë");

    /* Too long for the buffer is an error, not a silently cut value. */
    assert_int_equal(store_setting_set(store, "long", "0123456789abcdefXYZ"), STORE_OK);
    assert_int_equal(store_setting_get(store, "long", value, sizeof value), STORE_ERROR);
    assert_string_equal(value, "");
    store_close(store);

    store = open_ok(p);
    assert_int_equal(store_setting_get(store, "partners.first", value, sizeof value), STORE_OK);
    assert_string_equal(value, "Zoë");
    assert_int_equal(store_setting_get(store, "sound.volume", value, sizeof value), STORE_OK);
    assert_string_equal(value, "70");
    store_close(store);
}

static void check_csv(const char *in, const char *expected)
{
    char out[128];
    int n = export_csv_field(in, out, sizeof out);
    assert_string_equal(out, expected);
    assert_int_equal(n, (int)strlen(expected));
}

static void test_csv_field(void **state)
{
    (void)state;
    check_csv("", "");
    check_csv("plain text", "plain text");
    check_csv("a,b", "\"a,b\"");
    check_csv("say \"hi\"", "\"say \"\"hi\"\"\"");
    check_csv("line one\nline two", "\"line one\nline two\"");
    check_csv("cr\rhere", "\"cr\rhere\"");
    check_csv("=SUM(A1)", "'=SUM(A1)");
    check_csv("+1", "'+1");
    check_csv("-2", "'-2");
    check_csv("@x", "'@x");
    check_csv("\tx", "'\tx");
    check_csv("\rx", "\"'\rx\"");
    check_csv("=1,2", "\"'=1,2\"");
    check_csv("a=b-c", "a=b-c"); /* only the first character matters */
    check_csv("café ❤", "café ❤");
    check_csv("bad \xFF byte", "bad \xEF\xBF\xBD byte");

    char small[6];
    assert_int_equal(export_csv_field("a,b,c", small, sizeof small), -1);
    assert_string_equal(small, "");
    assert_int_equal(export_csv_field("abcde", small, sizeof small), 5);
    assert_int_equal(export_csv_field("abcdef", small, sizeof small), -1);
}

static void check_json(const char *in, const char *expected)
{
    char out[128];
    int n = export_json_string(in, out, sizeof out);
    assert_string_equal(out, expected);
    assert_int_equal(n, (int)strlen(expected));
}

static void test_json_string(void **state)
{
    (void)state;
    check_json("", "\"\"");
    check_json("plain", "\"plain\"");
    check_json("say \"hi\"", "\"say \\\"hi\\\"\"");
    check_json("back\\slash", "\"back\\\\slash\"");
    check_json("a\nb\rc\td", "\"a\\nb\\rc\\td\"");
    check_json("\x01\x1f\x7f", "\"\\u0001\\u001f\\u007f\"");
    check_json("café ❤ 😊", "\"café ❤ 😊\"");
    check_json("=SUM(A1)", "\"=SUM(A1)\""); /* JSON needs no defusing */
    /* Invalid UTF-8: a stray byte, an overlong '/', a surrogate, a cut-off sequence. */
    check_json("x\xFFy", "\"x\xEF\xBF\xBDy\"");
    check_json("\xC0\xAF", "\"\xEF\xBF\xBD\xEF\xBF\xBD\"");
    check_json("\xED\xA0\x80", "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");
    check_json("\xE2\x9D", "\"\xEF\xBF\xBD\xEF\xBF\xBD\"");

    char small[4];
    assert_int_equal(export_json_string("abc", small, sizeof small), -1);
    assert_int_equal(export_json_string("ab", small, sizeof small), -1); /* needs 5 bytes */
    assert_int_equal(export_json_string("a", small, sizeof small), 3);
    assert_string_equal(small, "\"a\"");
}

static char *export_text(Store *store, ExportFormat format, int64_t at_ms, int32_t offset_s)
{
    char *text = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&text, &size);
    assert_non_null(out);
    assert_int_equal(store_export(store, format, out, at_ms, offset_s), STORE_OK);
    fclose(out);
    return text;
}

static const char csv_header[] = "time,kind,partner,name,label,session,planned_s,actual_s,pauses,"
                                 "closeness,comfort,pain,tiredness,tried,helped,next,note,stage,"
                                 "via\r\n";

static void test_export_empty(void **state)
{
    Paths *p = *state;
    Store *store = open_ok(p);
    char *csv = export_text(store, EXPORT_CSV, 1767690000000, 3600);
    assert_string_equal(csv, csv_header);
    free(csv);
    char *json = export_text(store, EXPORT_JSON, 1767690000000, 3600);
    assert_string_equal(json, "{\"exported_at\": \"2026-01-06T10:00:00+01:00\", \"events\": []}\n");
    free(json);
    store_close(store);
}

/* Five events covering every kind, unset values, escaping and defusing. */
static void log_fixture(Store *store)
{
    int64_t session = 0;
    assert_int_equal(store_session_begin(store, 1767643100000, 3600, &session), STORE_OK);
    assert_int_equal(session, 1);

    LogEvent late;
    event_init(&late, EVENT_ENTRY);
    late.time_ms = 1767686400000;
    late.utc_offset_s = 0;
    late.partner = 1;
    snprintf(late.partner_name, sizeof late.partner_name, "=Alex");
    snprintf(late.name, sizeof late.name, "entry");
    snprintf(late.label, sizeof late.label, "-2");
    snprintf(late.tried, sizeof late.tried, "+1");
    snprintf(late.helped, sizeof late.helped, "@x");
    snprintf(late.next, sizeof late.next, "\tlater");
    snprintf(late.note, sizeof late.note, "=SUM(A1)");
    assert_int_equal(store_log(store, &late), STORE_OK);

    LogEvent pause = make_signal(1767643200000, 2, "Sam", "pause", "Pause", session);
    snprintf(pause.via, sizeof pause.via, "touch");
    assert_int_equal(store_log(store, &pause), STORE_OK);

    LogEvent moment;
    event_init(&moment, EVENT_PLAN);
    moment.time_ms = 1767646800000;
    moment.utc_offset_s = 3600;
    moment.partner = 3;
    snprintf(moment.partner_name, sizeof moment.partner_name, "both");
    snprintf(moment.name, sizeof moment.name, "moment");
    snprintf(moment.label, sizeof moment.label, "Mark a moment");
    snprintf(moment.note, sizeof moment.note, "First evening, no pain");
    moment.stage = 2;
    moment.ref = 7;
    assert_int_equal(store_log(store, &moment), STORE_OK);

    LogEvent entry;
    event_init(&entry, EVENT_ENTRY);
    entry.time_ms = 1767647700000;
    entry.utc_offset_s = 3600;
    entry.partner = 1;
    snprintf(entry.partner_name, sizeof entry.partner_name, "Alex");
    snprintf(entry.name, sizeof entry.name, "entry");
    snprintf(entry.label, sizeof entry.label, "Journal entry");
    entry.session = session;
    entry.stage = 2;
    entry.closeness = 4;
    entry.pain = 2;
    entry.tiredness = 0;
    snprintf(entry.tried, sizeof entry.tried, "holding;massage");
    snprintf(entry.helped, sizeof entry.helped, "pillows");
    snprintf(entry.note, sizeof entry.note, "Slow, \"gentle\"\n=ok café ❤");
    assert_int_equal(store_log(store, &entry), STORE_OK);

    LogEvent breathing;
    event_init(&breathing, EVENT_BREATHING);
    breathing.time_ms = 1767645000000;
    breathing.utc_offset_s = 3600;
    breathing.partner = 3;
    snprintf(breathing.partner_name, sizeof breathing.partner_name, "both");
    snprintf(breathing.name, sizeof breathing.name, "calm_5_5");
    snprintf(breathing.label, sizeof breathing.label, "Calm 5·5");
    breathing.planned_s = 300;
    breathing.actual_s = 290;
    breathing.pauses = 1;
    assert_int_equal(store_log(store, &breathing), STORE_OK);
}

static void test_export_csv_fixture(void **state)
{
    Paths *p = *state;
    Store *store = open_ok(p);
    log_fixture(store);
    char *csv = export_text(store, EXPORT_CSV, 1767690000000, 3600);
    assert_string_equal(
        csv, "time,kind,partner,name,label,session,planned_s,actual_s,pauses,"
             "closeness,comfort,pain,tiredness,tried,helped,next,note,stage,via\r\n"
             "2026-01-05T21:00:00+01:00,signal,Sam,pause,Pause,1,,,,,,,,,,,,,touch\r\n"
             "2026-01-05T21:30:00+01:00,breathing,both,calm_5_5,Calm 5·5,,300,290,1,,,,,,,,,,\r\n"
             "2026-01-05T22:00:00+01:00,plan,both,moment,Mark a moment,,,,,,,,,,,,"
             "\"First evening, no pain\",2,\r\n"
             "2026-01-05T22:15:00+01:00,entry,Alex,entry,Journal entry,1,,,,4,,2,0,"
             "holding;massage,pillows,,\"Slow, \"\"gentle\"\"\n=ok café ❤\",2,\r\n"
             "2026-01-06T08:00:00+00:00,entry,'=Alex,entry,'-2,,,,,,,,,'+1,'@x,'\tlater,"
             "'=SUM(A1),,\r\n");
    free(csv);
    store_close(store);
}

static void test_export_json_fixture(void **state)
{
    Paths *p = *state;
    Store *store = open_ok(p);
    log_fixture(store);
    char *json = export_text(store, EXPORT_JSON, 1767690000000, 3600);
    assert_string_equal(
        json,
        "{\"exported_at\": \"2026-01-06T10:00:00+01:00\", \"events\": [\n"
        "  {\"time\": \"2026-01-05T21:00:00+01:00\", \"kind\": \"signal\", \"partner\": \"Sam\", "
        "\"name\": \"pause\", \"label\": \"Pause\", \"session\": 1, \"planned_s\": null, "
        "\"actual_s\": null, \"pauses\": null, \"closeness\": null, \"comfort\": null, "
        "\"pain\": null, \"tiredness\": null, \"tried\": null, \"helped\": null, "
        "\"next\": null, \"note\": null, \"stage\": null, \"via\": \"touch\"},\n"
        "  {\"time\": \"2026-01-05T21:30:00+01:00\", \"kind\": \"breathing\", "
        "\"partner\": \"both\", \"name\": \"calm_5_5\", \"label\": \"Calm 5·5\", "
        "\"session\": null, \"planned_s\": 300, \"actual_s\": 290, \"pauses\": 1, "
        "\"closeness\": null, \"comfort\": null, \"pain\": null, \"tiredness\": null, "
        "\"tried\": null, \"helped\": null, \"next\": null, \"note\": null, \"stage\": null, "
        "\"via\": null},\n"
        "  {\"time\": \"2026-01-05T22:00:00+01:00\", \"kind\": \"plan\", \"partner\": \"both\", "
        "\"name\": \"moment\", \"label\": \"Mark a moment\", \"session\": null, "
        "\"planned_s\": null, \"actual_s\": null, \"pauses\": null, \"closeness\": null, "
        "\"comfort\": null, \"pain\": null, \"tiredness\": null, \"tried\": null, "
        "\"helped\": null, \"next\": null, \"note\": \"First evening, no pain\", \"stage\": 2, "
        "\"via\": null},\n"
        "  {\"time\": \"2026-01-05T22:15:00+01:00\", \"kind\": \"entry\", \"partner\": \"Alex\", "
        "\"name\": \"entry\", \"label\": \"Journal entry\", \"session\": 1, "
        "\"planned_s\": null, \"actual_s\": null, \"pauses\": null, \"closeness\": 4, "
        "\"comfort\": null, \"pain\": 2, \"tiredness\": 0, \"tried\": \"holding;massage\", "
        "\"helped\": \"pillows\", \"next\": \"\", "
        "\"note\": \"Slow, \\\"gentle\\\"\\n=ok café ❤\", \"stage\": 2, \"via\": null},\n"
        "  {\"time\": \"2026-01-06T08:00:00+00:00\", \"kind\": \"entry\", \"partner\": \"=Alex\", "
        "\"name\": \"entry\", \"label\": \"-2\", \"session\": null, \"planned_s\": null, "
        "\"actual_s\": null, \"pauses\": null, \"closeness\": null, \"comfort\": null, "
        "\"pain\": null, \"tiredness\": null, \"tried\": \"+1\", \"helped\": \"@x\", "
        "\"next\": \"\\tlater\", \"note\": \"=SUM(A1)\", \"stage\": null, \"via\": null}\n"
        "]}\n");
    free(json);
    store_close(store);
}

static void test_export_to_file(void **state)
{
    Paths *p = *state;
    Store *store = open_ok(p);
    log_fixture(store);
    char out_path[400];
    snprintf(out_path, sizeof out_path, "%s/export.csv", p->dir);
    FILE *out = fopen(out_path, "wb");
    assert_non_null(out);
    assert_int_equal(store_export(store, EXPORT_CSV, out, 0, 0), STORE_OK);
    assert_int_equal(fclose(out), 0);
    size_t size = 0;
    unsigned char *data = read_file(out_path, &size);
    assert_true(size > sizeof csv_header);
    assert_memory_equal(data, csv_header, sizeof csv_header - 1);
    /* Five rows plus the header, each ending in CRLF; the note's LF is inside quotes. */
    int crlf = 0;
    for (size_t i = 0; i + 1 < size; i++)
        crlf += data[i] == '\r' && data[i + 1] == '\n';
    assert_int_equal(crlf, 6);
    free(data);
    unlink(out_path);
    store_close(store);
}

static void test_export_full_disk(void **state)
{
    Paths *p = *state;
    FILE *out = fopen("/dev/full", "w");
    if (!out)
        fail_msg("/dev/full cannot be opened (%s): this test needs it", strerror(errno));
    Store *store = open_ok(p);
    log_fixture(store);
    assert_int_equal(store_export(store, EXPORT_JSON, out, 0, 0), STORE_FULL);
    assert_int_equal(errno, ENOSPC);
    fclose(out);
    store_close(store);
}

int main(void)
{
#define TEST(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
    const struct CMUnitTest tests[] = {
        TEST(test_creates_folders_and_migrates),
        TEST(test_migrates_empty_file),
        TEST(test_permissions),
        TEST(test_narrows_existing_file),
        TEST(test_refuses_newer_schema),
        TEST(test_refuses_non_database),
        TEST(test_open_errors),
        TEST(test_in_memory),
        TEST(test_log_survives_reopen),
        TEST(test_log_survives_crash),
        TEST(test_sync_later),
        TEST(test_order_by_time_then_id),
        TEST(test_iteration_stops_and_nests),
        TEST(test_invalid_events_rejected),
        TEST(test_delete_and_undelete),
        TEST(test_sessions),
        TEST(test_settings),
        TEST(test_csv_field),
        TEST(test_json_string),
        TEST(test_export_empty),
        TEST(test_export_csv_fixture),
        TEST(test_export_json_fixture),
        TEST(test_export_to_file),
        TEST(test_export_full_disk),
    };
#undef TEST
    return cmocka_run_group_tests(tests, NULL, NULL);
}
