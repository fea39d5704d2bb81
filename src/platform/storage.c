/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "storage.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "host.h"
#include "kiosk.h"
#include "paths.h"

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
    StoreOptions options = {.busy_timeout_ms = busy_timeout_ms, .faults = k->storage.faults_on};
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
    k->store = try_open(k, 0, &status, err, sizeof err);
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

void storage_step(struct Kiosk *k, int64_t mono_ms)
{
    StorageState *s = &k->storage;
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

void storage_close(struct Kiosk *k)
{
    if (!k->app)
        return;
    int waiting = app_flush_writes(k->app);
    int lost = waiting + app_writes_dropped(k->app);
    if (lost > 0)
        fprintf(stderr, "lull: %d write%s could not be saved before Lull stopped\n", lost,
                lost == 1 ? "" : "s");
}
