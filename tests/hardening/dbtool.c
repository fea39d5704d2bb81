/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A small SQLite tool for the hardening tests, so they need no sqlite3
 * program and read the database the way SQLite itself does:
 *   dbtool integrity DB            prints PRAGMA integrity_check; 0 when "ok"
 *   dbtool events DB               one line per live event, oldest first:
 *                                  kind|partner|name|note
 *   dbtool setting DB KEY          the stored value, if any
 *   dbtool future DB               writes a journal from "a newer Lull"
 *   dbtool foreign DB              writes another program's SQLite file
 *   dbtool foreign-wal DB          ...one in WAL mode, closed cleanly (no -wal left)
 *   dbtool damage DB OFFSET COUNT  overwrites COUNT bytes at OFFSET (0xA5)
 *   dbtool noise FILE SIZE SEED    writes SIZE pseudo-random bytes
 *   dbtool wav FILE SECONDS        writes a quiet WAV that long (8 kHz, mono, 8-bit)
 *   dbtool truncate FILE SIZE      cuts FILE to SIZE bytes
 *   dbtool hold DB MS CMD ARG...   holds an exclusive lock on DB while CMD
 *                                  runs, letting go after MS ms; exits as CMD */
#include <errno.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "proc.h"

static int fail(sqlite3 *db, const char *what)
{
    fprintf(stderr, "dbtool: %s: %s\n", what, db ? sqlite3_errmsg(db) : "cannot open");
    sqlite3_close(db);
    return 1;
}

static sqlite3 *open_db(const char *path, int flags)
{
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(path, &db, flags, NULL) != SQLITE_OK) {
        fail(db, path);
        return NULL;
    }
    sqlite3_busy_timeout(db, 2000);
    return db;
}

static int integrity(const char *path)
{
    sqlite3 *db = open_db(path, SQLITE_OPEN_READWRITE);
    if (!db)
        return 1;
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &stmt, NULL) != SQLITE_OK)
        return fail(db, "integrity_check");
    int ok = 0;
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        const char *line = (const char *)sqlite3_column_text(stmt, 0);
        printf("%s\n", line ? line : "");
        ok = line && strcmp(line, "ok") == 0;
    }
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return ok ? 0 : 1;
}

static int events(const char *path)
{
    sqlite3 *db = open_db(path, SQLITE_OPEN_READONLY);
    if (!db)
        return 1;
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v2(db,
                           "SELECT kind, partner, name, coalesce(note, '') FROM events "
                           "WHERE deleted_ms IS NULL ORDER BY time_ms, id",
                           -1, &stmt, NULL) != SQLITE_OK)
        return fail(db, "events");
    while (sqlite3_step(stmt) == SQLITE_ROW)
        printf("%s|%d|%s|%s\n", (const char *)sqlite3_column_text(stmt, 0),
               sqlite3_column_int(stmt, 1), (const char *)sqlite3_column_text(stmt, 2),
               (const char *)sqlite3_column_text(stmt, 3));
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return 0;
}

static int setting(const char *path, const char *key)
{
    sqlite3 *db = open_db(path, SQLITE_OPEN_READONLY);
    if (!db)
        return 1;
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v2(db, "SELECT value FROM settings WHERE key = ?", -1, &stmt, NULL) !=
        SQLITE_OK)
        return fail(db, "setting");
    sqlite3_bind_text(stmt, 1, key, -1, SQLITE_STATIC);
    if (sqlite3_step(stmt) == SQLITE_ROW)
        printf("%s\n", (const char *)sqlite3_column_text(stmt, 0));
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return 0;
}

static int write_sql(const char *path, const char *sql)
{
    sqlite3 *db = open_db(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    if (!db)
        return 1;
    if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
        return fail(db, "writing");
    sqlite3_close(db);
    return 0;
}

static int damage(const char *path, long offset, long count)
{
    FILE *f = fopen(path, "r+b");
    if (!f || fseek(f, offset, SEEK_SET) != 0) {
        fprintf(stderr, "dbtool: %s: %s\n", path, strerror(errno));
        return 1;
    }
    for (long i = 0; i < count; i++)
        fputc(0xA5, f);
    return fclose(f) == 0 ? 0 : 1;
}

static int noise(const char *path, long size, unsigned long seed)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return 1;
    unsigned long long x = seed * 2654435761ull + 1;
    for (long i = 0; i < size; i++) {
        x = x * 6364136223846793005ull + 1442695040888963407ull;
        fputc((int)(x >> 56), f);
    }
    return fclose(f) == 0 ? 0 : 1;
}

static void put_le(FILE *f, unsigned long v, int bytes)
{
    for (int i = 0; i < bytes; i++)
        fputc((int)((v >> (8 * i)) & 0xff), f);
}

/* A quiet WAV of the given length: 8 kHz, mono, 8-bit (small on disk, long to hear). */
static int quiet_wav(const char *path, long seconds)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return 1;
    unsigned long data = (unsigned long)seconds * 8000ul;
    fputs("RIFF", f);
    put_le(f, 36 + data, 4);
    fputs("WAVEfmt ", f);
    put_le(f, 16, 4);
    put_le(f, 1, 2);    /* PCM */
    put_le(f, 1, 2);    /* mono */
    put_le(f, 8000, 4); /* rate */
    put_le(f, 8000, 4); /* bytes a second */
    put_le(f, 1, 2);    /* block */
    put_le(f, 8, 2);    /* bits */
    fputs("data", f);
    put_le(f, data, 4);
    for (unsigned long i = 0; i < data; i++)
        fputc(128, f);
    return fclose(f) == 0 ? 0 : 1;
}

static int hold(const char *path, long ms, char **cmd)
{
    sqlite3 *db = open_db(path, SQLITE_OPEN_READWRITE);
    if (!db)
        return 1;
    /* Exclusive locking mode keeps the lock after the write: no other
     * connection can even read until it is let go. */
    if (sqlite3_exec(db,
                     "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE;"
                     "CREATE TABLE IF NOT EXISTS dbtool_lock(x); COMMIT;",
                     NULL, NULL, NULL) != SQLITE_OK)
        return fail(db, "locking");
    pid_t pid = proc_start(cmd, NULL, NULL);
    if (pid < 0)
        return fail(db, "starting the command");
    struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
    /* Letting go: back to normal locking, and a read releases it. */
    sqlite3_exec(db, "PRAGMA locking_mode = NORMAL; SELECT count(*) FROM sqlite_master;", NULL,
                 NULL, NULL);
    sqlite3_close(db);
    int status = 0;
    if (waitpid(pid, &status, 0) != pid)
        return 1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

int main(int argc, char **argv)
{
    if (argc >= 3 && strcmp(argv[1], "integrity") == 0)
        return integrity(argv[2]);
    if (argc >= 3 && strcmp(argv[1], "events") == 0)
        return events(argv[2]);
    if (argc >= 4 && strcmp(argv[1], "setting") == 0)
        return setting(argv[2], argv[3]);
    if (argc >= 3 && strcmp(argv[1], "future") == 0)
        return write_sql(argv[2], "CREATE TABLE events(id INTEGER PRIMARY KEY, what TEXT);"
                                  "INSERT INTO events(what) VALUES ('from a newer Lull');"
                                  "PRAGMA user_version = 99;");
    if (argc >= 3 && strcmp(argv[1], "foreign") == 0)
        return write_sql(argv[2], "CREATE TABLE moz_places(id INTEGER PRIMARY KEY, url TEXT);"
                                  "INSERT INTO moz_places(url) VALUES ('https://example.org/');");
    if (argc >= 3 && strcmp(argv[1], "foreign-wal") == 0)
        return write_sql(argv[2], "PRAGMA journal_mode = WAL;"
                                  "CREATE TABLE moz_places(id INTEGER PRIMARY KEY, url TEXT);"
                                  "INSERT INTO moz_places(url) VALUES ('https://example.org/');");
    if (argc >= 5 && strcmp(argv[1], "damage") == 0)
        return damage(argv[2], atol(argv[3]), atol(argv[4]));
    if (argc >= 5 && strcmp(argv[1], "noise") == 0)
        return noise(argv[2], atol(argv[3]), strtoul(argv[4], NULL, 10));
    if (argc >= 4 && strcmp(argv[1], "wav") == 0)
        return quiet_wav(argv[2], atol(argv[3]));
    if (argc >= 4 && strcmp(argv[1], "truncate") == 0)
        return truncate(argv[2], (off_t)atol(argv[3])) == 0 ? 0 : 1;
    if (argc >= 5 && strcmp(argv[1], "hold") == 0)
        return hold(argv[2], atol(argv[3]), argv + 4);
    fprintf(stderr,
            "usage: dbtool integrity|events|setting|future|foreign|foreign-wal|damage|noise|"
            "truncate|wav|hold ...\n");
    return 2;
}
