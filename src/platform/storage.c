/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "storage.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "host.h"
#include "kiosk.h"
#include "paths.h"
#include "syncer.h"

enum { STORAGE_FAULT_MAX_S = 10000000, STORAGE_RETRY_BUSY_MS = 50 };

int storage_parse_faults(StorageState *s, const char *text, char *err, size_t err_size)
{
    s->fault_count = 0;
    const char *p = text;
    while (*p) {
        StorageFault f = {STORE_OK, 0, -1};
        if (strncmp(p, "full", 4) == 0) {
            f.status = STORE_FULL;
            p += 4;
        } else if (strncmp(p, "io", 2) == 0) {
            f.status = STORE_IO;
            p += 2;
        } else {
            goto bad;
        }
        if (*p == ':') {
            char *end;
            long from = strtol(p + 1, &end, 10);
            if (end == p + 1 || from < 0 || from > STORAGE_FAULT_MAX_S)
                goto bad;
            f.from_ms = (int64_t)from * 1000;
            p = end;
            if (*p == '-') {
                long to = strtol(p + 1, &end, 10);
                if (end == p + 1 || to <= from || to > STORAGE_FAULT_MAX_S)
                    goto bad;
                f.to_ms = (int64_t)to * 1000;
                p = end;
            }
        }
        if (s->fault_count == STORAGE_FAULTS_MAX)
            goto bad;
        s->fault[s->fault_count++] = f;
        if (*p == ',')
            p++;
        else if (*p)
            goto bad;
    }
    if (s->fault_count > 0)
        return 0;
bad:
    s->fault_count = 0;
    snprintf(err, err_size,
             "LULL_TEST_FAIL_WRITES=%.40s: expected full or io, each with :FROM-TO seconds or "
             "not, separated by commas",
             text);
    return -1;
}

static Store *try_open(struct Kiosk *k, int busy_timeout_ms, StoreStatus *status, char *err,
                       size_t err_size)
{
    StoreOptions options = {.busy_timeout_ms = busy_timeout_ms,
                            .faults = k->storage.faults_on,
                            .sync_later = 1,
                            .sync_delay_ms = k->storage.sync_delay_ms};
    *status = STORE_OK;
    Store *store = store_open_with(k->db_path, &options, status, err, err_size);
    if (!store && *status == STORE_OK)
        *status = STORE_ERROR;
    return store;
}

/* A journal that could not be opened at first is in use from now on. */
static void attach(struct Kiosk *k, Store *store)
{
    k->store = store;
    k->storage.synced_changes = store_changes(store);
    k->storage.problem = 0;
    k->storage.fault_now = 0;
    k->app->host.ctx = store;
}

/* The couple chose a new journal over a damaged or foreign file: the file
 * is renamed, never changed, and a new journal takes its place. */
static int start_new_journal(void *ctx, char *aside, size_t aside_size)
{
    struct Kiosk *k = ctx;
    AppTime now = clock_now(&k->clock);
    StoreStatus status = store_set_aside(k->db_path, now.wall_ms, now.utc_offset_s, aside,
                                         aside_size);
    if (status != STORE_OK) {
        fprintf(stderr, "lull: the journal could not be kept aside: %s\n", strerror(errno));
        return (int)status;
    }
    fprintf(stderr, "lull: the old journal is kept as %s; a new one starts\n", aside);
    char err[512];
    Store *store = try_open(k, 0, &status, err, sizeof err);
    if (!store) {
        fprintf(stderr, "lull: cannot start a new journal %s: %s\n", k->db_path, err);
        k->storage.problem = (int)status;
        return (int)status;
    }
    attach(k, store);
    return 0;
}

static int retryable(int status)
{
    return status == STORE_BUSY || status == STORE_FULL || status == STORE_IO;
}

void storage_open(struct Kiosk *k)
{
    char err[512];
    StorageState *s = &k->storage;
    const char *plan = getenv("LULL_TEST_FAIL_WRITES");
    if (plan && *plan) {
        if (storage_parse_faults(s, plan, err, sizeof err) == 0) {
            s->faults_on = 1;
            fprintf(stderr, "lull: LULL_TEST_FAIL_WRITES is set: writes fail on purpose\n");
        } else {
            fprintf(stderr, "lull: %s\n", err);
        }
    }
    const char *slow = getenv("LULL_TEST_SLOW_SYNC_MS");
    if (slow && *slow) {
        s->sync_delay_ms = atoi(slow);
        fprintf(stderr, "lull: LULL_TEST_SLOW_SYNC_MS is set: every fsync takes %d ms more\n",
                s->sync_delay_ms);
    }
    /* On its thread on the fake clock too: when the disk has it is never seen
     * by a script, and the crash tests kill inside that moment. */
    k->syncer = syncer_open(1, s->sync_delay_ms);
    if (paths_journal(k->opts->db_path, k->db_path, sizeof k->db_path, err, sizeof err) != 0) {
        /* Nowhere to keep the journal (or a path too long to keep whole): said
         * on the screen, and nothing is written anywhere else instead. */
        fprintf(stderr, "lull: %s\n", err);
        s->problem = (int)STORE_ERROR;
        s->retry_mono = STORAGE_RETRY_MS;
        app_storage_problem(k->app, s->problem, 0, NULL, k);
        return;
    }

    StoreStatus status;
    Store *store = try_open(k, 0, &status, err, sizeof err);
    if (store)
        attach(k, store);
    if (!k->store && status == STORE_IN_USE) {
        /* One journal, one Lull: a second would log into the first one's
         * sessions. It says so and does not start. */
        fprintf(stderr, "lull: another Lull is already using the journal %s; close it first\n",
                k->db_path);
        k->in_use = 1;
        return;
    }
    if (!k->store) {
        fprintf(stderr, "lull: cannot open the journal %s: %s\n", k->db_path, err);
        s->problem = (int)status;
        s->retry_mono = STORAGE_RETRY_MS;
        int can_reset = status == STORE_CORRUPT || status == STORE_FOREIGN;
        app_storage_problem(k->app, s->problem, 0, can_reset ? start_new_journal : NULL, k);
    } else if (store_read_only(k->store)) {
        fprintf(stderr, "lull: the journal %s is read-only: nothing new is saved\n", k->db_path);
        app_storage_problem(k->app, 0, 1, NULL, NULL);
    }
}

/* The fault the schedule asks for at mono_ms (0 none). */
static int fault_at(const StorageState *s, int64_t mono_ms)
{
    int fault = 0;
    for (int i = 0; i < s->fault_count; i++) {
        const StorageFault *f = &s->fault[i];
        if (mono_ms >= f->from_ms && (f->to_ms < 0 || mono_ms < f->to_ms))
            fault = f->status;
    }
    return fault;
}

enum { STORAGE_WATCH_MS = 2000, STORAGE_CHECKPOINT_MS = 60000 };

/* Opens the journal at k->db_path again, after the old connection has gone. */
static int reopen(struct Kiosk *k)
{
    char err[512];
    StoreStatus status;
    Store *store = try_open(k, STORAGE_RETRY_BUSY_MS, &status, err, sizeof err);
    if (!store) {
        fprintf(stderr, "lull: cannot open the journal %s again: %s\n", k->db_path, err);
        k->storage.problem = (int)status;
        k->storage.retry_mono = 0;
        app_storage_problem(k->app, (int)status, 0, NULL, NULL);
        return -1;
    }
    attach(k, store);
    return 0;
}

/* The journal's file deleted, moved or replaced while Lull runs, or its -wal
 * deleted: what was acknowledged is still in the open connection, and is
 * written out again before anything else happens, and the couple is told. */
static void watch_file(struct Kiosk *k, int64_t mono_ms)
{
    StorageState *s = &k->storage;
    if (!k->store || store_read_only(k->store) || mono_ms < s->watch_mono)
        return;
    s->watch_mono = mono_ms + STORAGE_WATCH_MS;
    StoreFileState state = store_file_state(k->store);
    if (state == STORE_FILE_SAME) {
        if (mono_ms >= s->checkpoint_mono) {
            s->checkpoint_mono = mono_ms + STORAGE_CHECKPOINT_MS;
            /* the one file a person copies holds the evening; off the frame */
            syncer_checkpoint(k->syncer, k->db_path);
        }
        return;
    }
    char kept[sizeof k->db_path], note[96];
    syncer_wait(k->syncer); /* nothing of the old file's left in flight */
    if (state == STORE_FILE_WAL_GONE) {
        /* The frames still live in the open -wal: into the file with them,
         * then a connection with a -wal of its own. */
        store_checkpoint(k->store);
        store_close(k->store);
        k->store = NULL;
        snprintf(note, sizeof note, "The journal's side file went away; everything is kept");
    } else {
        AppTime now = clock_now(&k->clock);
        CivilTime t = civil_from_unix(now.wall_ms / 1000 + now.utc_offset_s);
        if (state == STORE_FILE_GONE) {
            snprintf(kept, sizeof kept, "%s", k->db_path);
        } else {
            int n = snprintf(kept, sizeof kept, "%s.kept-%04d%02d%02d-%02d%02d%02d", k->db_path,
                             t.year, t.month, t.day, t.hour, t.minute, t.second);
            if (n < 0 || (size_t)n >= sizeof kept)
                return;
        }
        if (store_save_copy(k->store, kept) != STORE_OK) {
            fprintf(stderr, "lull: the journal %s %s, and cannot be written again: %s\n",
                    k->db_path, state == STORE_FILE_GONE ? "has gone" : "was replaced",
                    store_error(k->store));
            store_close(k->store);
            k->store = NULL;
            app_storage_problem(k->app, STORE_NOT_FOUND, 0, NULL, NULL);
            return;
        }
        store_close(k->store);
        k->store = NULL;
        if (state == STORE_FILE_GONE) {
            snprintf(note, sizeof note, "The journal file had gone; Lull wrote it again, whole");
        } else {
            /* Someone else's file now has the name: left alone; the evening
             * carries on in Lull's own copy, beside it. */
            const char *base = strrchr(kept, '/');
            snprintf(note, sizeof note, "The journal file was replaced; Lull's is kept as %.40s",
                     base ? base + 1 : kept);
            snprintf(k->db_path, sizeof k->db_path, "%s", kept);
        }
    }
    fprintf(stderr, "lull: %s (%s)\n", note, k->db_path);
    if (reopen(k) == 0)
        app_storage_notice(k->app, note);
}

void storage_step(struct Kiosk *k, int64_t mono_ms)
{
    StorageState *s = &k->storage;
    watch_file(k, mono_ms);
    if (s->faults_on && k->store) {
        int fault = fault_at(s, mono_ms);
        if (fault != s->fault_now) {
            store_inject_fault(k->store, (StoreStatus)fault);
            s->fault_now = fault;
        }
    }
    if (k->store || !retryable(s->problem) || mono_ms < s->retry_mono)
        return;
    /* Busy or full at start: another try, short, so Pause is never held up. */
    s->retry_mono = mono_ms + STORAGE_RETRY_MS;
    char err[512];
    StoreStatus status;
    Store *store = try_open(k, STORAGE_RETRY_BUSY_MS, &status, err, sizeof err);
    if (!store) {
        if (!retryable((int)status)) {
            fprintf(stderr, "lull: cannot open the journal %s: %s\n", k->db_path, err);
            s->problem = (int)status;
            int can_reset = status == STORE_CORRUPT || status == STORE_FOREIGN;
            app_storage_problem(k->app, s->problem, 0, can_reset ? start_new_journal : NULL, k);
        }
        return;
    }
    fprintf(stderr, "lull: the journal %s can be used now\n", k->db_path);
    attach(k, store);
    host_load_settings(store, k->app);
    if (k->app->session.state == SESSION_NONE)
        host_restore_session(store, k->app);
    app_storage_ready(k->app);
}

void storage_after_step(struct Kiosk *k)
{
    if (!k->store)
        return;
    long long changes = store_changes(k->store);
    if (changes == k->storage.synced_changes)
        return;
    k->storage.synced_changes = changes;
    syncer_sync(k->syncer, k->db_path);
}

void storage_close(struct Kiosk *k)
{
    if (!k->app) {
        syncer_close(k->syncer);
        k->syncer = NULL;
        return;
    }
    int waiting = app_flush_writes(k->app);
    storage_after_step(k);
    syncer_close(k->syncer); /* waits for the last fsync */
    k->syncer = NULL;
    int lost = waiting + app_writes_dropped(k->app);
    if (lost > 0)
        fprintf(stderr, "lull: %d write%s could not be saved before Lull stopped\n", lost,
                lost == 1 ? "" : "s");
}
