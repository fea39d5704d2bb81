/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Opening the journal's file: its folder and permissions, the checks that
 * leave a foreign, damaged or newer file untouched, the connection and its
 * pragmas, closing, and keeping a damaged file aside. No queries here. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#include "store_internal.h"

/* A write never waits for another program's lock: it is refused at once as
 * busy, kept by the app's queue and tried again each second, so a journal
 * another program holds never stalls a tap (Pause answers first). Opening
 * may wait a moment. */
enum { STORE_PATH_MAX = 4096, STORE_BUSY_TIMEOUT_MS = 0, STORE_OPEN_BUSY_MS = 1000 };

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

/* The folder path is in ("." for a bare name, "/" for the root's files). */
static void parent_dir(const char *path, char *dir, size_t size)
{
    snprintf(dir, size, "%s", path);
    char *slash = strrchr(dir, '/');
    if (!slash)
        snprintf(dir, size, ".");
    else if (slash == dir)
        dir[1] = '\0';
    else
        *slash = '\0';
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
    parent_dir(path, dir, sizeof dir);
    return faccessat(AT_FDCWD, dir, W_OK | X_OK, AT_EACCESS) != 0;
}

/* Creates the file with 0600 before SQLite sees it (SQLite would use 0644),
 * and narrows an existing file of ours that others could read. An existing
 * file is only opened for reading here; *read_only says whether it may be
 * written (must_not_write). */
static StoreStatus prepare_file(const char *path, int *read_only, int *created_out, char *err,
                                size_t err_size)
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
        return store_status_from_errno(error);
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
        return store_status_from_errno(error);
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        set_err(err, err_size, "cannot open database", "not a regular file");
        return STORE_ERROR;
    }
    /* An existing file's mode is narrowed only once it has shown it is a
     * journal of ours (narrow_mode, after the checks). */
    if (!created)
        *read_only = must_not_write(path, &st);
    *created_out = created;
    if (created) {
        /* The new name must survive a power cut as much as the data will. */
        (void)fsync(fd);
        parent_dir(path, buf, sizeof buf);
        fsync_dir(buf);
    }
    close(fd);
    return STORE_OK;
}

/* "file:" and the path, with what a URI would read otherwise escaped. */
static int file_uri(const char *path, const char *query, char *out, size_t size)
{
    size_t n = 0;
    int w = snprintf(out, size, "file:");
    n = w > 0 ? (size_t)w : 0;
    for (const unsigned char *p = (const unsigned char *)path; *p && n + 4 < size; p++) {
        if (*p == '%' || *p == '?' || *p == '#' || *p < 0x21 || *p == 0x7f)
            n += (size_t)snprintf(out + n, size - n, "%%%02X", *p);
        else
            out[n++] = (char)*p;
    }
    if (n + strlen(query) + 1 >= size)
        return -1;
    snprintf(out + n, size - n, "%s", query);
    return 0;
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
        StoreStatus status = store_fail(store, rc);
        sqlite3_finalize(stmt);
        return status;
    }
    sqlite3_finalize(stmt);
    return store_check_version(store, version);
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
        StoreStatus status = store_fail(store, rc);
        sqlite3_finalize(stmt);
        return status;
    }
    const unsigned char *verdict = sqlite3_column_text(stmt, 0);
    int healthy = verdict && strcmp((const char *)verdict, "ok") == 0;
    sqlite3_finalize(stmt);
    if (!healthy)
        return store_fail_message(store, STORE_CORRUPT, "the database is damaged (quick_check)");

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
        StoreStatus status = store_fail(store, rc);
        sqlite3_finalize(stmt);
        return status;
    }
    int objects = sqlite3_column_int(stmt, 0);
    int ours = sqlite3_column_int(stmt, 1);
    sqlite3_finalize(stmt);
    /* Version 0 with tables in it is another program's file; a version of
     * ours without our tables is not ours either. */
    if ((version == 0 && objects > 0) || (version > 0 && ours < 3))
        return store_fail_message(store, STORE_FOREIGN, "the file is not a Lull journal");
    return STORE_OK;
}

static StoreStatus configure(Store *store)
{
    int rc = store_exec(store, "PRAGMA foreign_keys = ON");
    if (rc == SQLITE_OK)
        rc = store_exec(store, "PRAGMA synchronous = FULL");
    return rc == SQLITE_OK ? STORE_OK : store_fail(store, rc);
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
    StoreStatus status = rc == SQLITE_OK ? STORE_OK : store_fail(store, rc);
    sqlite3_finalize(stmt);
    return status;
}

/* With WAL, a commit goes to the -wal without an fsync (it is already safe from
 * Lull being killed, and never corrupts) and store_sync_file makes it durable
 * off the frame; checkpoints (two more fsyncs) are left to store_checkpoint_file
 * too. Without WAL everything stays synchronous=FULL. */
static StoreStatus sync_later(Store *store)
{
    sqlite3_stmt *stmt = NULL;
    int wal = 0;
    if (sqlite3_prepare_v2(store->db, "PRAGMA journal_mode", -1, &stmt, NULL) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW) {
        const unsigned char *mode = sqlite3_column_text(stmt, 0);
        wal = mode && strcmp((const char *)mode, "wal") == 0;
    }
    sqlite3_finalize(stmt);
    if (!wal)
        return STORE_OK;
    int rc = store_exec(store, "PRAGMA synchronous = NORMAL");
    if (rc != SQLITE_OK)
        return store_fail(store, rc);
    sqlite3_wal_autocheckpoint(store->db, 0);
    return STORE_OK;
}

static int wal_exists(const char *path)
{
    char wal[STORE_PATH_MAX + 8];
    snprintf(wal, sizeof wal, "%s-wal", path);
    struct stat st;
    return stat(wal, &st) == 0;
}

/* Whether a -wal beside the journal holds anything (a journal not closed cleanly). */
static int wal_has_frames(const char *path)
{
    char wal[STORE_PATH_MAX + 8];
    snprintf(wal, sizeof wal, "%s-wal", path);
    struct stat st;
    return stat(wal, &st) == 0 && st.st_size > 0;
}

/* A look at an existing file that changes nothing: immutable, so SQLite
 * takes no lock and makes no -wal or -shm beside it. A file that is not a
 * database, another program's, damaged or from a newer Lull is refused here,
 * before its mode or its neighbours could change. */
static StoreStatus look_first(Store *store, const char *path)
{
    if (wal_has_frames(path)) {
        /* Not closed cleanly: the file alone may be half a checkpoint, which
         * only the real connection (with its -wal) reads right. Here, only
         * that it is an SQLite file at all. */
        static const char magic[16] = "SQLite format 3";
        char head[16] = {0};
        int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
        ssize_t got = fd >= 0 ? read(fd, head, sizeof head) : -1;
        if (fd >= 0)
            close(fd);
        if (got != (ssize_t)sizeof head || memcmp(head, magic, sizeof magic) != 0)
            return store_fail_message(store, STORE_CORRUPT, "the file is not a database");
        return STORE_OK;
    }
    char uri[STORE_PATH_MAX * 3 + 32];
    if (file_uri(path, "?immutable=1", uri, sizeof uri) != 0)
        return store_fail_message(store, STORE_ERROR, "the path is too long");
    int rc = sqlite3_open_v2(uri, &store->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
    if (rc != SQLITE_OK) {
        StoreStatus status = store->db ? store_fail(store, rc)
                                       : store_fail_message(store, store_status_from_sqlite(rc),
                                                            sqlite3_errstr(rc));
        sqlite3_close(store->db);
        store->db = NULL;
        return status;
    }
    int version = 0;
    StoreStatus status = check_readable(store, &version);
    if (status == STORE_OK)
        status = check_contents(store, version);
    sqlite3_close(store->db);
    store->db = NULL;
    store->looked = status == STORE_OK; /* every page read: not again on connecting */
    return status;
}

/* One Lull writes a journal at a time: the file itself is locked (flock, which
 * SQLite's own locks do not touch) for as long as it is open for writing. */
static StoreStatus take_writer_lock(Store *store, const char *path)
{
    store->lock_fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (store->lock_fd < 0)
        return store_fail_message(store, store_status_from_errno(errno), strerror(errno));
    if (flock(store->lock_fd, LOCK_EX | LOCK_NB) == 0)
        return STORE_OK;
    int error = errno;
    close(store->lock_fd);
    store->lock_fd = -1;
    if (error == EWOULDBLOCK)
        return store_fail_message(store, STORE_IN_USE, "another Lull is using this journal");
    return STORE_OK; /* a file system without flock: nothing to hold, as before */
}

/* The file opened and whether it has a -wal, to notice later what became of them. */
static void remember_file(Store *store, const char *path)
{
    snprintf(store->path, sizeof store->path, "%s", path);
    struct stat st;
    if (strcmp(path, ":memory:") != 0 && stat(path, &st) == 0) {
        store->dev = (unsigned long long)st.st_dev;
        store->ino = (unsigned long long)st.st_ino;
    }
    store->wal_seen = wal_has_frames(path) || wal_exists(path);
}

/* Ours: a journal others could read is narrowed to its owner. */
static void narrow_mode(const char *path)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW);
    if (fd < 0)
        fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    struct stat st;
    if (fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == geteuid() &&
        (st.st_mode & 0077) != 0)
        (void)fchmod(fd, st.st_mode & 0700);
    if (fd >= 0)
        close(fd);
}

/* Everything after the file exists: the connection, its settings, the
 * schema and the cached statements. */
static StoreStatus store_connect(Store *store, const char *path, const StoreOptions *options)
{
    const char *vfs = NULL;
    if (options->faults || options->sync_delay_ms > 0 || options->sync_later) {
        store->fault = fault_vfs_create();
        if (!store->fault)
            return store_fail_message(store, STORE_ERROR, "cannot set up the journal's file layer");
        fault_vfs_set_sync_delay(store->fault, options->sync_delay_ms);
        fault_vfs_set_sequential(store->fault, options->sync_later);
        store->faults = options->faults;
        store->sync_delay_ms = options->sync_delay_ms;
        vfs = fault_vfs_name(store->fault);
    }
    int flags = store->read_only ? SQLITE_OPEN_READONLY
                                 : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    const char *name = path;
    char uri[STORE_PATH_MAX * 3 + 32];
    if (store->unwritable && !wal_has_frames(path)) {
        /* Nothing can be written here, and nothing waits in a -wal: read it
         * as it is, without the -shm a WAL journal would need (which a
         * read-only card or folder could not hold). */
        if (file_uri(path, "?immutable=1", uri, sizeof uri) == 0) {
            name = uri;
            flags |= SQLITE_OPEN_URI;
        }
    }
    int rc = sqlite3_open_v2(name, &store->db, flags, vfs);
    if (rc != SQLITE_OK) {
        if (store->db)
            return store_fail(store, rc);
        return store_fail_message(store, store_status_from_sqlite(rc), sqlite3_errstr(rc));
    }
    statements_init(&store->statements, store->db);
    sqlite3_extended_result_codes(store->db, 1);
    sqlite3_busy_timeout(store->db, options->busy_timeout_ms > 0 ? options->busy_timeout_ms
                                                                 : STORE_OPEN_BUSY_MS);
    /* Nothing is written until the file has shown it is a healthy journal of
     * ours, or a new one. */
    int version = 0;
    StoreStatus status = check_readable(store, &version);
    if (status == STORE_OK && !store->looked)
        status = check_contents(store, version);
    if (status == STORE_OK)
        status = configure(store);
    if (status == STORE_OK && store->read_only && version != STORE_SCHEMA_VERSION)
        status = store_fail_message(store, STORE_READONLY,
                                    "the journal is read-only and needs updating to be used");
    if (status == STORE_OK && !store->read_only)
        status = enable_wal(store);
    if (status == STORE_OK && !store->read_only && options->sync_later)
        status = sync_later(store);
    if (status == STORE_OK && !store->read_only)
        status = store_migrate(store);
    if (status == STORE_OK)
        status = store_prepare_queries(store);
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
    int read_only = 0, created = 1;
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
        (st = prepare_file(path, &read_only, &created, err, err_size)) != STORE_OK)
        goto fail;
    store = sqlite3_malloc64(sizeof *store);
    if (!store) {
        set_err(err, err_size, "cannot open database", "out of memory");
        st = STORE_ERROR;
        goto fail;
    }
    memset(store, 0, sizeof *store);
    store->lock_fd = -1;
    store->unwritable = read_only;
    store->read_only = read_only || options->reading;
    if (!created && (st = look_first(store, path)) != STORE_OK) {
        set_err(err, err_size, "cannot open database", store->error);
        goto fail;
    }
    if (!store->read_only && strcmp(path, ":memory:") != 0 &&
        (st = take_writer_lock(store, path)) != STORE_OK) {
        set_err(err, err_size, "cannot open database", store->error);
        goto fail;
    }
    if ((st = store_connect(store, path, options)) != STORE_OK) {
        set_err(err, err_size, "cannot open database", store->error);
        goto fail;
    }
    if (!created)
        narrow_mode(path);
    remember_file(store, path);
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
    if (store->lock_fd >= 0)
        close(store->lock_fd);
    fault_vfs_destroy(store->fault);
    sqlite3_free(store);
}

int store_read_only(const Store *store)
{
    return store ? store->read_only : 0;
}

StoreFileState store_file_state(Store *store)
{
    if (!store || !store->ino)
        return STORE_FILE_SAME;
    struct stat st;
    if (stat(store->path, &st) != 0)
        return errno == ENOENT ? STORE_FILE_GONE : STORE_FILE_SAME;
    if ((unsigned long long)st.st_dev != store->dev || (unsigned long long)st.st_ino != store->ino)
        return STORE_FILE_REPLACED;
    if (!store->read_only) {
        int wal = wal_exists(store->path);
        if (wal)
            store->wal_seen = 1;
        else if (store->wal_seen)
            return STORE_FILE_WAL_GONE;
    }
    return STORE_FILE_SAME;
}

StoreStatus store_save_copy(Store *store, const char *dest)
{
    int fd = open(dest, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        return store_fail_message(store, store_status_from_errno(errno), strerror(errno));
    close(fd);
    sqlite3 *copy = NULL;
    int rc = sqlite3_open_v2(dest, &copy, SQLITE_OPEN_READWRITE, NULL);
    sqlite3_backup *b = rc == SQLITE_OK ? sqlite3_backup_init(copy, "main", store->db, "main")
                                        : NULL;
    if (b) {
        rc = sqlite3_backup_step(b, -1);
        sqlite3_backup_finish(b);
        rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
    } else if (rc == SQLITE_OK) {
        rc = sqlite3_errcode(copy);
    }
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(copy, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
    sqlite3_close(copy);
    if (rc != SQLITE_OK) {
        unlink(dest);
        return store_fail_message(store, store_status_from_sqlite(rc), sqlite3_errstr(rc));
    }
    fd = open(dest, O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        (void)fsync(fd);
        close(fd);
    }
    char dir[STORE_PATH_MAX];
    parent_dir(dest, dir, sizeof dir);
    fsync_dir(dir);
    return STORE_OK;
}

StoreStatus store_checkpoint(Store *store)
{
    if (!store || store->read_only)
        return STORE_OK;
    int rc = sqlite3_wal_checkpoint_v2(store->db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
    return rc == SQLITE_OK || rc == SQLITE_BUSY ? STORE_OK : store_fail(store, rc);
}

StoreStatus store_sync_file(const char *path, int delay_ms)
{
    if (delay_ms > 0) {
        struct timespec pause = {delay_ms / 1000, (long)(delay_ms % 1000) * 1000000L};
        while (nanosleep(&pause, &pause) != 0 && errno == EINTR)
            ;
    }
    char wal[STORE_PATH_MAX + 8];
    int n = snprintf(wal, sizeof wal, "%s-wal", path ? path : "");
    if (n < 0 || (size_t)n >= sizeof wal)
        return STORE_ERROR;
    /* Any descriptor of the file flushes it. SQLite holds no lock on the -wal
     * (its locks are on the -shm), so closing this one takes none away. */
    int fd = open(wal, O_RDWR | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0)
        return errno == ENOENT ? STORE_OK : store_status_from_errno(errno);
    int rc = fdatasync(fd);
    int error = errno;
    close(fd);
    return rc == 0 ? STORE_OK : store_status_from_errno(error);
}

StoreStatus store_checkpoint_file(const char *path)
{
    sqlite3 *db = NULL;
    int rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL);
    sqlite3_stmt *stmt = NULL;
    /* A new connection knows the journal is WAL only once it has read it. */
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(db, "PRAGMA schema_version", -1, &stmt, NULL);
    if (rc == SQLITE_OK && sqlite3_step(stmt) != SQLITE_ROW)
        rc = sqlite3_errcode(db);
    sqlite3_finalize(stmt);
    if (rc == SQLITE_OK)
        rc = sqlite3_wal_checkpoint_v2(db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
    sqlite3_close(db);
    return rc == SQLITE_OK || rc == SQLITE_BUSY ? STORE_OK : store_status_from_sqlite(rc);
}

StoreStatus store_sync(Store *store)
{
    if (!store || store->read_only)
        return STORE_OK;
    return store_sync_file(store->path, store->sync_delay_ms);
}

long long store_changes(Store *store)
{
    return store && store->db ? (long long)sqlite3_total_changes64(store->db) : 0;
}

long long store_connection_syncs(Store *store)
{
    return store && store->fault ? fault_vfs_syncs(store->fault) : -1;
}

StoreStatus store_inject_fault(Store *store, StoreStatus fault)
{
    if (!store || !store->fault || !store->faults)
        return STORE_ERROR;
    fault_vfs_set(store->fault, fault == STORE_FULL ? SQLITE_FULL
                                : fault == STORE_IO ? SQLITE_IOERR
                                                    : 0);
    return STORE_OK;
}

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
            return store_status_from_errno(errno);
    }
    if (rename(path, target) != 0)
        return store_status_from_errno(errno);
    char dir[STORE_PATH_MAX];
    parent_dir(path, dir, sizeof dir);
    fsync_dir(dir);
    const char *base = strrchr(target, '/');
    if (aside && aside_size)
        snprintf(aside, aside_size, "%s", base ? base + 1 : target);
    return STORE_OK;
}

sqlite3 *store_db(Store *store)
{
    return store->db;
}

int store_exec(Store *store, const char *sql)
{
    return sqlite3_exec(store->db, sql, NULL, NULL, NULL);
}
