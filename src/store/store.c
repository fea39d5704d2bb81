/* The SQLite side of the store: opening the file safely, migrations, and the
 * prepared statements behind every query. Export formatting lives in export.c. */
#include "lull/store.h"
#include "fault_vfs.h"
#include "statements.h"
#include "store_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

/* A write waits this long for another program's lock. Short: the frame that
 * shows a pause waits for its write, and a failed write is kept and retried. */
enum { STORE_PATH_MAX = 4096, STORE_BUSY_TIMEOUT_MS = 250, STORE_OPEN_BUSY_MS = 1000 };

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
};
_Static_assert(sizeof store_migrations / sizeof store_migrations[0] == STORE_SCHEMA_VERSION,
               "one migration step per schema version");

#define EVENT_COLUMNS STORE_EVENT_COLUMNS

typedef enum {
    SQL_LOG,
    SQL_SESSION_BEGIN,
    SQL_SESSION_END,
    SQL_SESSION_OPEN,
    SQL_SESSION_EVENTS,
    SQL_SETTING_GET,
    SQL_SETTING_SET,
    SQL_EACH_EVENT,
    SQL_EVENT_COUNT,
    SQL_EVENT_DELETE,
    SQL_EVENT_UNDELETE,
    SQL_USER_VERSION,
    SQL_COUNT
} StoreSql;

static const char *const store_sql[SQL_COUNT] = {
    [SQL_LOG] = "INSERT INTO events(kind, time_ms, utc_offset_s, partner, partner_name, name, "
                "label, session_id, planned_s, actual_s, pauses, closeness, comfort, pain, "
                "tiredness, tried, helped, next, note) "
                "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
    [SQL_SESSION_BEGIN] = "INSERT INTO sessions(started_ms, utc_offset_s) VALUES(?,?)",
    [SQL_SESSION_END] = "UPDATE sessions SET ended_ms = coalesce(ended_ms, ?) WHERE id = ?",
    [SQL_SESSION_OPEN] = "SELECT id FROM sessions WHERE ended_ms IS NULL "
                         "ORDER BY started_ms DESC, id DESC LIMIT 1",
    [SQL_SESSION_EVENTS] = "SELECT " EVENT_COLUMNS " FROM events "
                           "WHERE session_id = ? AND deleted_ms IS NULL ORDER BY time_ms, id",
    [SQL_SETTING_GET] = "SELECT value FROM settings WHERE key = ?",
    [SQL_SETTING_SET] = "INSERT INTO settings(key, value) VALUES(?,?) "
                        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
    [SQL_EACH_EVENT] = "SELECT " EVENT_COLUMNS " FROM events "
                       "WHERE deleted_ms IS NULL ORDER BY time_ms, id",
    [SQL_EVENT_COUNT] = "SELECT count(*) FROM events WHERE deleted_ms IS NULL",
    [SQL_EVENT_DELETE] = "UPDATE events SET deleted_ms = coalesce(deleted_ms, ?) WHERE id = ?",
    [SQL_EVENT_UNDELETE] = "UPDATE events SET deleted_ms = NULL WHERE id = ?",
    [SQL_USER_VERSION] = "PRAGMA user_version",
};

struct Store {
    sqlite3 *db;
    Statements statements; /* every statement of the store's files, kept prepared */
    char error[256];
    int read_only;
    FaultVfs *fault; /* tests: the VFS whose writes can be made to fail */
    int failing;     /* the last failure reported through store_first_failure */
};

int store_first_failure(Store *store, int status)
{
    if (!store)
        return status != 0;
    int first = status != 0 && status != store->failing;
    store->failing = status;
    return first;
}

static void copy_text(char *out, size_t size, const char *in)
{
    if (!out || size == 0)
        return;
    size_t n = in ? strlen(in) : 0;
    if (n >= size)
        n = size - 1;
    if (n > 0)
        memcpy(out, in, n);
    out[n] = '\0';
}

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

static StoreStatus status_from_sqlite(int rc)
{
    switch (rc & 0xFF) {
    case SQLITE_OK:
    case SQLITE_DONE:
    case SQLITE_ROW: return STORE_OK;
    case SQLITE_FULL: return STORE_FULL;
    case SQLITE_IOERR: return STORE_IO;
    case SQLITE_READONLY: return STORE_READONLY;
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return STORE_BUSY;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: return STORE_CORRUPT;
    case SQLITE_CANTOPEN: return STORE_IO;
    default: return STORE_ERROR;
    }
}

static StoreStatus status_from_errno(int error)
{
    switch (error) {
    case ENOSPC:
    case EDQUOT: return STORE_FULL;
    case EROFS:
    case EACCES:
    case EPERM: return STORE_READONLY;
    default: return STORE_IO;
    }
}

/* Records the connection's message for store_error() and maps rc. */
static StoreStatus fail(Store *store, int rc)
{
    copy_text(store->error, sizeof store->error, sqlite3_errmsg(store->db));
    return status_from_sqlite(rc);
}

static StoreStatus fail_message(Store *store, StoreStatus status, const char *message)
{
    copy_text(store->error, sizeof store->error, message);
    return status;
}

static sqlite3_stmt *stmt_acquire(Store *store, StoreSql which, int *rc)
{
    return statements_get(&store->statements, store_sql[which], rc);
}

static void stmt_release(Store *store, sqlite3_stmt *stmt)
{
    statements_done(&store->statements, stmt);
}

sqlite3_stmt *store_stmt(Store *store, const char *sql, int *rc)
{
    return statements_get(&store->statements, sql, rc);
}

void store_stmt_done(Store *store, sqlite3_stmt *stmt)
{
    statements_done(&store->statements, stmt);
}

/* --- opening -------------------------------------------------------------- */

static void set_err(char *err, size_t err_size, const char *what, const char *why)
{
    if (err && err_size > 0)
        snprintf(err, err_size, "%s: %s", what, why);
}

static void fsync_dir(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        (void)fsync(fd);
        close(fd);
    }
}

/* mkdir -p for the folders above the file. Folders we create get exactly
 * 0700 (mkdir's mode is filtered by the umask); existing ones are left alone. */
static int make_parent_dirs(char *path)
{
    char *slash = strrchr(path, '/');
    if (!slash || slash == path)
        return 0;
    *slash = '\0';
    for (char *p = path + 1;; p++) {
        if (*p != '/' && *p != '\0')
            continue;
        char saved = *p;
        *p = '\0';
        if (mkdir(path, 0700) == 0) {
            if (chmod(path, 0700) != 0) {
                *p = saved;
                *slash = '/';
                return -1;
            }
        } else if (errno != EEXIST) {
            *p = saved;
            *slash = '/';
            return -1;
        }
        *p = saved;
        if (saved == '\0')
            break;
    }
    *slash = '/';
    return 0;
}

/* 1 when Lull must not write to an existing database: its owner's write
 * permission is off (someone meant it, so even root respects that), or the
 * file, its folder (where the -wal goes) or the storage refuse writing. */
static int must_not_write(const char *path, const struct stat *st)
{
    if ((st->st_mode & S_IWUSR) == 0 || faccessat(AT_FDCWD, path, W_OK, AT_EACCESS) != 0)
        return 1;
    char dir[STORE_PATH_MAX];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (!slash)
        snprintf(dir, sizeof dir, ".");
    else if (slash == dir)
        dir[1] = '\0';
    else
        *slash = '\0';
    return faccessat(AT_FDCWD, dir, W_OK | X_OK, AT_EACCESS) != 0;
}

/* Creates the file with 0600 before SQLite sees it (SQLite would use 0644),
 * and narrows an existing file of ours that others could read. An existing
 * file is only opened for reading here; *read_only says whether it may be
 * written (must_not_write). */
static StoreStatus prepare_file(const char *path, int *read_only, char *err, size_t err_size)
{
    char buf[STORE_PATH_MAX];
    size_t len = strlen(path);
    if (len == 0 || len >= sizeof buf) {
        set_err(err, err_size, "cannot open database", "path is empty or too long");
        return STORE_ERROR;
    }
    memcpy(buf, path, len + 1);
    if (make_parent_dirs(buf) != 0) {
        int error = errno;
        set_err(err, err_size, "cannot create data folder", strerror(error));
        return status_from_errno(error);
    }

    int created = 1;
    *read_only = 0;
    int fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0 && errno == EEXIST) {
        created = 0;
        /* O_NONBLOCK: a FIFO in the file's place must not hang the kiosk. */
        fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    }
    if (fd < 0) {
        int error = errno;
        set_err(err, err_size, "cannot open database", strerror(error));
        return status_from_errno(error);
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        set_err(err, err_size, "cannot open database", "not a regular file");
        return STORE_ERROR;
    }
    if (st.st_uid == geteuid() && (st.st_mode & 0077) != 0)
        (void)fchmod(fd, st.st_mode & 0700);
    if (!created)
        *read_only = must_not_write(path, &st);
    if (created) {
        /* The new name must survive a power cut as much as the data will. */
        (void)fsync(fd);
        char *slash = strrchr(buf, '/');
        if (slash && slash != buf) {
            *slash = '\0';
            fsync_dir(buf);
        } else if (!slash) {
            fsync_dir(".");
        } else {
            fsync_dir("/");
        }
    }
    close(fd);
    return STORE_OK;
}

static int exec(Store *store, const char *sql)
{
    return sqlite3_exec(store->db, sql, NULL, NULL, NULL);
}

static int read_user_version(Store *store, int *version)
{
    sqlite3_stmt *stmt = NULL;
    int rc = sqlite3_prepare_v2(store->db, "PRAGMA user_version", -1, &stmt, NULL);
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(stmt);
        if (rc == SQLITE_ROW) {
            *version = sqlite3_column_int(stmt, 0);
            rc = SQLITE_OK;
        }
    }
    if (rc != SQLITE_OK)
        copy_text(store->error, sizeof store->error, sqlite3_errmsg(store->db));
    sqlite3_finalize(stmt);
    return rc;
}

/* Reads before anything writes: a file that is not a database, or one from
 * a newer Lull, must be left exactly as it was. */
static StoreStatus check_readable(Store *store, int *version)
{
    sqlite3_stmt *stmt = NULL;
    /* Preparing any statement loads the schema, which is where SQLite first
     * reads the header and says SQLITE_NOTADB. */
    int rc = sqlite3_prepare_v2(store->db, "PRAGMA schema_version", -1, &stmt, NULL);
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(stmt);
        if (rc == SQLITE_ROW)
            rc = SQLITE_OK;
    }
    if (rc != SQLITE_OK) {
        StoreStatus status = fail(store, rc);
        sqlite3_finalize(stmt);
        return status;
    }
    sqlite3_finalize(stmt);
    rc = read_user_version(store, version);
    if (rc != SQLITE_OK)
        return status_from_sqlite(rc);
    if (*version > STORE_SCHEMA_VERSION)
        return fail_message(store, STORE_TOO_NEW,
                            "the database was written by a newer version of Lull");
    return STORE_OK;
}

/* A file that reads as a database may still be damaged inside, or be
 * another program's: neither may be written to. quick_check reads every page
 * (a few milliseconds for years of evenings). */
static StoreStatus check_contents(Store *store, int version)
{
    sqlite3_stmt *stmt = NULL;
    int rc = sqlite3_prepare_v2(store->db, "PRAGMA quick_check(1)", -1, &stmt, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(stmt);
    if (rc != SQLITE_ROW) {
        StoreStatus status = fail(store, rc);
        sqlite3_finalize(stmt);
        return status;
    }
    const unsigned char *verdict = sqlite3_column_text(stmt, 0);
    int healthy = verdict && strcmp((const char *)verdict, "ok") == 0;
    sqlite3_finalize(stmt);
    if (!healthy)
        return fail_message(store, STORE_CORRUPT, "the database is damaged (quick_check)");

    stmt = NULL;
    rc = sqlite3_prepare_v2(store->db,
                            "SELECT (SELECT count(*) FROM sqlite_master"
                            "        WHERE name NOT LIKE 'sqlite!_%' ESCAPE '!'),"
                            "       (SELECT count(*) FROM sqlite_master WHERE type = 'table'"
                            "        AND name IN ('events', 'sessions', 'settings'))",
                            -1, &stmt, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(stmt);
    if (rc != SQLITE_ROW) {
        StoreStatus status = fail(store, rc);
        sqlite3_finalize(stmt);
        return status;
    }
    int objects = sqlite3_column_int(stmt, 0);
    int ours = sqlite3_column_int(stmt, 1);
    sqlite3_finalize(stmt);
    /* Version 0 with tables in it is another program's file; a version of
     * ours without our tables is not ours either. */
    if ((version == 0 && objects > 0) || (version > 0 && ours < 3))
        return fail_message(store, STORE_FOREIGN, "the file is not a Lull journal");
    return STORE_OK;
}

static StoreStatus configure(Store *store)
{
    int rc = exec(store, "PRAGMA foreign_keys = ON");
    if (rc == SQLITE_OK)
        rc = exec(store, "PRAGMA synchronous = FULL");
    return rc == SQLITE_OK ? STORE_OK : fail(store, rc);
}

static StoreStatus enable_wal(Store *store)
{
    sqlite3_stmt *stmt = NULL;
    int rc = sqlite3_prepare_v2(store->db, "PRAGMA journal_mode = WAL", -1, &stmt, NULL);
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(stmt);
        /* A file system without shared memory keeps the rollback journal;
         * with synchronous=FULL that is still durable, so it is not an error. */
        if (rc == SQLITE_ROW)
            rc = SQLITE_OK;
    }
    StoreStatus status = rc == SQLITE_OK ? STORE_OK : fail(store, rc);
    sqlite3_finalize(stmt);
    return status;
}

/* Applies the next migration step if one is due, in its own transaction;
 * *done says the schema is current. */
static StoreStatus migrate_step(Store *store, int *done)
{
    /* IMMEDIATE takes the write lock before reading the version, so two
     * processes opening a new file cannot both run the same step. */
    int rc = exec(store, "BEGIN IMMEDIATE");
    if (rc != SQLITE_OK)
        return fail(store, rc);
    int version = 0, after = 0;
    StoreStatus status = STORE_OK;
    *done = 0;
    if ((rc = read_user_version(store, &version)) != SQLITE_OK) {
        status = fail(store, rc);
    } else if (version > STORE_SCHEMA_VERSION) {
        status = fail_message(store, STORE_TOO_NEW,
                              "the database was written by a newer version of Lull");
    } else if (version == STORE_SCHEMA_VERSION) {
        *done = 1;
    } else if ((rc = exec(store, store_migrations[version])) != SQLITE_OK ||
               (rc = read_user_version(store, &after)) != SQLITE_OK) {
        status = fail(store, rc);
    } else if (after != version + 1) {
        status = fail_message(store, STORE_ERROR, "migration did not set user_version");
    } else if ((rc = exec(store, "COMMIT")) != SQLITE_OK) {
        status = fail(store, rc);
    } else {
        return STORE_OK;
    }
    exec(store, "ROLLBACK");
    return status;
}

static StoreStatus migrate(Store *store)
{
    int done = 0;
    StoreStatus status = STORE_OK;
    while (status == STORE_OK && !done)
        status = migrate_step(store, &done);
    return status;
}

static StoreStatus prepare_statements(Store *store)
{
    for (int i = 0; i < SQL_COUNT; i++) {
        int rc = statements_keep(&store->statements, store_sql[i]);
        if (rc != SQLITE_OK)
            return fail(store, rc);
    }
    return STORE_OK;
}

/* Everything after the file exists: the connection, its settings, the
 * schema and the cached statements. */
static StoreStatus store_connect(Store *store, const char *path, const StoreOptions *options)
{
    const char *vfs = NULL;
    if (options->faults) {
        store->fault = fault_vfs_create();
        if (!store->fault)
            return fail_message(store, STORE_ERROR, "cannot set up fault injection");
        vfs = fault_vfs_name(store->fault);
    }
    int flags = store->read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    int rc = sqlite3_open_v2(path, &store->db, flags, vfs);
    if (rc != SQLITE_OK) {
        if (store->db)
            return fail(store, rc);
        copy_text(store->error, sizeof store->error, sqlite3_errstr(rc));
        return status_from_sqlite(rc);
    }
    statements_init(&store->statements, store->db);
    sqlite3_extended_result_codes(store->db, 1);
    sqlite3_busy_timeout(store->db, options->busy_timeout_ms > 0 ? options->busy_timeout_ms
                                                                  : STORE_OPEN_BUSY_MS);
    /* Nothing is written until the file has shown it is a healthy journal of
     * ours, or a new one. */
    int version = 0;
    StoreStatus status = check_readable(store, &version);
    if (status == STORE_OK)
        status = check_contents(store, version);
    if (status == STORE_OK)
        status = configure(store);
    if (status == STORE_OK && store->read_only && version != STORE_SCHEMA_VERSION)
        status = fail_message(store, STORE_READONLY,
                              "the journal is read-only and needs updating to be used");
    if (status == STORE_OK && !store->read_only)
        status = enable_wal(store);
    if (status == STORE_OK && !store->read_only)
        status = migrate(store);
    if (status == STORE_OK)
        status = prepare_statements(store);
    sqlite3_busy_timeout(store->db, STORE_BUSY_TIMEOUT_MS);
    return status;
}

Store *store_open(const char *path, StoreStatus *status, char *err, size_t err_size)
{
    return store_open_with(path, NULL, status, err, err_size);
}

Store *store_open_with(const char *path, const StoreOptions *options, StoreStatus *status,
                       char *err, size_t err_size)
{
    static const StoreOptions defaults = {0};
    StoreStatus st = STORE_OK;
    Store *store = NULL;
    int read_only = 0;
    if (!options)
        options = &defaults;
    if (err && err_size > 0)
        err[0] = '\0';
    if (!path) {
        set_err(err, err_size, "cannot open database", "no path");
        st = STORE_ERROR;
        goto fail;
    }
    if (strcmp(path, ":memory:") != 0 &&
        (st = prepare_file(path, &read_only, err, err_size)) != STORE_OK)
        goto fail;
    store = sqlite3_malloc64(sizeof *store);
    if (!store) {
        set_err(err, err_size, "cannot open database", "out of memory");
        st = STORE_ERROR;
        goto fail;
    }
    memset(store, 0, sizeof *store);
    store->read_only = read_only;
    if ((st = store_connect(store, path, options)) != STORE_OK) {
        set_err(err, err_size, "cannot open database", store->error);
        goto fail;
    }
    store->error[0] = '\0';
    if (status)
        *status = STORE_OK;
    return store;

fail:
    store_close(store);
    if (status)
        *status = st;
    return NULL;
}

void store_close(Store *store)
{
    if (!store)
        return;
    statements_clear(&store->statements);
    /* close_v2 would leave a zombie behind if a statement leaked; close
     * reports it instead, and every statement is ours to finalize above. */
    sqlite3_close(store->db);
    fault_vfs_destroy(store->fault);
    sqlite3_free(store);
}

int store_read_only(const Store *store)
{
    return store ? store->read_only : 0;
}

StoreStatus store_inject_fault(Store *store, StoreStatus fault)
{
    if (!store || !store->fault)
        return STORE_ERROR;
    fault_vfs_set(store->fault, fault == STORE_FULL ? SQLITE_FULL
                                : fault == STORE_IO ? SQLITE_IOERR
                                                    : 0);
    return STORE_OK;
}

/* --- keeping a damaged file aside ------------------------------------------ */

static int path_exists(const char *path)
{
    struct stat st;
    return lstat(path, &st) == 0 || errno != ENOENT;
}

StoreStatus store_set_aside(const char *path, int64_t now_ms, int32_t utc_offset_s, char *aside,
                            size_t aside_size)
{
    static const char *const sides[] = {"-wal", "-shm", "-journal"};
    char target[STORE_PATH_MAX], from[STORE_PATH_MAX + 16], to[STORE_PATH_MAX + 16];
    if (aside && aside_size)
        aside[0] = '\0';
    if (!path || !*path || strlen(path) + 40 >= sizeof target)
        return STORE_ERROR;
    CivilTime t = civil_from_unix(now_ms / 1000 + utc_offset_s);
    int n = 0;
    for (int attempt = 1; attempt < 100; attempt++) {
        char suffix[16] = "";
        if (attempt > 1)
            snprintf(suffix, sizeof suffix, "-%d", attempt);
        snprintf(target, sizeof target, "%s.damaged-%04d%02d%02d-%02d%02d%02d%s", path, t.year,
                 t.month, t.day, t.hour, t.minute, t.second, suffix);
        int taken = path_exists(target);
        for (size_t i = 0; i < sizeof sides / sizeof sides[0] && !taken; i++) {
            snprintf(to, sizeof to, "%s%s", target, sides[i]);
            taken = path_exists(to);
        }
        if (!taken) {
            n = attempt;
            break;
        }
    }
    if (n == 0)
        return STORE_ERROR;
    /* The side files first: a -wal left behind would be replayed into the
     * new journal that takes the old one's name. */
    for (size_t i = 0; i < sizeof sides / sizeof sides[0]; i++) {
        snprintf(from, sizeof from, "%s%s", path, sides[i]);
        snprintf(to, sizeof to, "%s%s", target, sides[i]);
        if (rename(from, to) != 0 && errno != ENOENT)
            return status_from_errno(errno);
    }
    if (rename(path, target) != 0)
        return status_from_errno(errno);
    char dir[STORE_PATH_MAX];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (!slash)
        snprintf(dir, sizeof dir, ".");
    else if (slash == dir)
        dir[1] = '\0';
    else
        *slash = '\0';
    fsync_dir(dir);
    const char *base = strrchr(target, '/');
    if (aside && aside_size)
        snprintf(aside, aside_size, "%s", base ? base + 1 : target);
    return STORE_OK;
}

const char *store_error(const Store *store)
{
    return store ? store->error : "no store";
}

int store_schema_version(Store *store)
{
    int rc;
    sqlite3_stmt *stmt = stmt_acquire(store, SQL_USER_VERSION, &rc);
    if (!stmt) {
        fail(store, rc);
        return -1;
    }
    int version = -1;
    rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW)
        version = sqlite3_column_int(stmt, 0);
    else
        fail(store, rc);
    stmt_release(store, stmt);
    return version;
}

/* --- events --------------------------------------------------------------- */

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
        rc = bind_optional_text(stmt, 19, ev->note, sizeof ev->note, entry);
    return rc;
}

StoreStatus store_log(Store *store, LogEvent *ev)
{
    if (ev->kind != EVENT_SIGNAL && ev->kind != EVENT_BREATHING && ev->kind != EVENT_ENTRY)
        return fail_message(store, STORE_ERROR, "invalid event kind");
    int rc;
    sqlite3_stmt *stmt = stmt_acquire(store, SQL_LOG, &rc);
    if (!stmt)
        return fail(store, rc);
    rc = bind_event(stmt, ev);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(stmt);
    StoreStatus status = STORE_OK;
    /* Autocommit: with WAL and synchronous=FULL the row is on disk once
     * step returns DONE. */
    if (rc == SQLITE_DONE)
        ev->id = sqlite3_last_insert_rowid(store->db);
    else
        status = fail(store, rc);
    stmt_release(store, stmt);
    return status;
}

static int column_int_or(sqlite3_stmt *stmt, int column, int unset)
{
    return sqlite3_column_type(stmt, column) == SQLITE_NULL ? unset
                                                            : sqlite3_column_int(stmt, column);
}

static void column_text(sqlite3_stmt *stmt, int column, char *out, size_t size)
{
    const unsigned char *text = sqlite3_column_text(stmt, column);
    copy_utf8(out, size, text, sqlite3_column_bytes(stmt, column));
}

static void read_event(sqlite3_stmt *stmt, LogEvent *ev)
{
    const char *kind = (const char *)sqlite3_column_text(stmt, 1);
    EventKind k = EVENT_SIGNAL;
    if (kind && strcmp(kind, "breathing") == 0)
        k = EVENT_BREATHING;
    else if (kind && strcmp(kind, "entry") == 0)
        k = EVENT_ENTRY;
    event_init(ev, k);
    ev->id = sqlite3_column_int64(stmt, 0);
    ev->time_ms = sqlite3_column_int64(stmt, 2);
    ev->utc_offset_s = (int32_t)sqlite3_column_int(stmt, 3);
    ev->partner = sqlite3_column_int(stmt, 4);
    column_text(stmt, 5, ev->partner_name, sizeof ev->partner_name);
    column_text(stmt, 6, ev->name, sizeof ev->name);
    column_text(stmt, 7, ev->label, sizeof ev->label);
    ev->session = sqlite3_column_int64(stmt, 8); /* NULL reads as 0: no session */
    ev->planned_s = column_int_or(stmt, 9, 0);
    ev->actual_s = column_int_or(stmt, 10, 0);
    ev->pauses = column_int_or(stmt, 11, 0);
    ev->closeness = column_int_or(stmt, 12, EVENT_UNSET);
    ev->comfort = column_int_or(stmt, 13, EVENT_UNSET);
    ev->pain = column_int_or(stmt, 14, EVENT_UNSET);
    ev->tiredness = column_int_or(stmt, 15, EVENT_UNSET);
    column_text(stmt, 16, ev->tried, sizeof ev->tried);
    column_text(stmt, 17, ev->helped, sizeof ev->helped);
    column_text(stmt, 18, ev->next, sizeof ev->next);
    column_text(stmt, 19, ev->note, sizeof ev->note);
}

static StoreStatus iterate(Store *store, StoreSql which, int64_t session, StoreEventFn fn,
                           void *ctx)
{
    int rc;
    sqlite3_stmt *stmt = stmt_acquire(store, which, &rc);
    if (!stmt)
        return fail(store, rc);
    if (which == SQL_SESSION_EVENTS && (rc = sqlite3_bind_int64(stmt, 1, session)) != SQLITE_OK) {
        StoreStatus status = fail(store, rc);
        stmt_release(store, stmt);
        return status;
    }
    /* A LogEvent is about 4 KB; one on the stack, reused for every row. */
    LogEvent ev;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        read_event(stmt, &ev);
        if (fn(ctx, &ev) != 0) {
            rc = SQLITE_DONE;
            break;
        }
    }
    StoreStatus status = rc == SQLITE_DONE ? STORE_OK : fail(store, rc);
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
        fail(store, rc);
        return -1;
    }
    int64_t count = -1;
    rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW)
        count = sqlite3_column_int64(stmt, 0);
    else
        fail(store, rc);
    stmt_release(store, stmt);
    return count;
}

/* Runs an UPDATE bound to (value, id) or (id); STORE_NOT_FOUND when no row matched. */
static StoreStatus update_by_id(Store *store, StoreSql which, int64_t id, const int64_t *value)
{
    int rc;
    sqlite3_stmt *stmt = stmt_acquire(store, which, &rc);
    if (!stmt)
        return fail(store, rc);
    int index = 1;
    if (value)
        rc = sqlite3_bind_int64(stmt, index++, *value);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_int64(stmt, index, id);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(stmt);
    StoreStatus status = STORE_OK;
    if (rc != SQLITE_DONE)
        status = fail(store, rc);
    else if (sqlite3_changes(store->db) == 0)
        status = fail_message(store, STORE_NOT_FOUND, "no such row");
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

/* --- sessions ------------------------------------------------------------- */

StoreStatus store_session_begin(Store *store, int64_t time_ms, int32_t utc_offset_s, int64_t *id)
{
    int rc;
    sqlite3_stmt *stmt = stmt_acquire(store, SQL_SESSION_BEGIN, &rc);
    if (!stmt)
        return fail(store, rc);
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
        status = fail(store, rc);
    }
    stmt_release(store, stmt);
    return status;
}

StoreStatus store_session_end(Store *store, int64_t id, int64_t time_ms)
{
    return update_by_id(store, SQL_SESSION_END, id, &time_ms);
}

StoreStatus store_session_open(Store *store, int64_t *id)
{
    *id = 0;
    int rc;
    sqlite3_stmt *stmt = stmt_acquire(store, SQL_SESSION_OPEN, &rc);
    if (!stmt)
        return fail(store, rc);
    rc = sqlite3_step(stmt);
    StoreStatus status = STORE_OK;
    if (rc == SQLITE_ROW)
        *id = sqlite3_column_int64(stmt, 0);
    else if (rc != SQLITE_DONE)
        status = fail(store, rc);
    stmt_release(store, stmt);
    return status;
}

/* --- settings ------------------------------------------------------------- */

StoreStatus store_setting_get(Store *store, const char *key, char *out, size_t size)
{
    if (!out || size == 0)
        return fail_message(store, STORE_ERROR, "no room for the setting");
    out[0] = '\0';
    int rc;
    sqlite3_stmt *stmt = stmt_acquire(store, SQL_SETTING_GET, &rc);
    if (!stmt)
        return fail(store, rc);
    rc = sqlite3_bind_text(stmt, 1, key, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(stmt);
    StoreStatus status = STORE_OK;
    if (rc == SQLITE_ROW) {
        const unsigned char *value = sqlite3_column_text(stmt, 0);
        int len = sqlite3_column_bytes(stmt, 0);
        if ((size_t)len >= size)
            status = fail_message(store, STORE_ERROR, "setting too long for the buffer");
        else
            copy_utf8(out, size, value, len);
    } else if (rc == SQLITE_DONE) {
        status = STORE_NOT_FOUND;
    } else {
        status = fail(store, rc);
    }
    stmt_release(store, stmt);
    return status;
}

StoreStatus store_setting_set(Store *store, const char *key, const char *value)
{
    int rc;
    sqlite3_stmt *stmt = stmt_acquire(store, SQL_SETTING_SET, &rc);
    if (!stmt)
        return fail(store, rc);
    rc = sqlite3_bind_text(stmt, 1, key, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
        rc = sqlite3_bind_text(stmt, 2, value, -1, SQLITE_STATIC);
    if (rc == SQLITE_OK)
        rc = sqlite3_step(stmt);
    StoreStatus status = rc == SQLITE_DONE ? STORE_OK : fail(store, rc);
    stmt_release(store, stmt);
    return status;
}

/* --- for the store's other files (store_internal.h) ----------------------- */

sqlite3 *store_db(Store *store)
{
    return store->db;
}

StoreStatus store_fail(Store *store, int rc)
{
    return fail(store, rc);
}

StoreStatus store_fail_message(Store *store, StoreStatus status, const char *message)
{
    return fail_message(store, status, message);
}

void store_read_event(sqlite3_stmt *stmt, LogEvent *ev)
{
    read_event(stmt, ev);
}
