/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The journal's file as the kiosk keeps it: opened with the store's checks,
 * explained to the couple when it cannot be used, opened again when a lock
 * goes away, kept aside when the couple chooses a new journal, and the
 * writes still waiting at the end. LULL_TEST_FAIL_WRITES (tests only) makes
 * writes fail on a schedule; LULL_TEST_SLOW_SYNC_MS (tests and ./dev bench)
 * makes every fsync that much slower, as on an SD card. */
#ifndef LULL_PLATFORM_STORAGE_H
#define LULL_PLATFORM_STORAGE_H

#include <stddef.h>
#include <stdint.h>

enum { STORAGE_FAULTS_MAX = 8, STORAGE_RETRY_MS = 5000 };

typedef struct {
    int status;             /* STORE_FULL or STORE_IO */
    int64_t from_ms, to_ms; /* on the app's monotonic clock; to_ms < 0: for ever */
} StorageFault;

typedef struct {
    int problem;        /* the StoreStatus of the failed open, 0 when open */
    int64_t retry_mono; /* when a journal that was busy or full is tried again */
    int faults_on;      /* LULL_TEST_FAIL_WRITES was given */
    int fault_count;
    StorageFault fault[STORAGE_FAULTS_MAX];
    int fault_now;            /* the fault applied now (a StoreStatus), 0 none */
    int64_t watch_mono;       /* when the journal's file is looked at again */
    int64_t checkpoint_mono;  /* when the -wal is next moved into the file */
    int sync_delay_ms;        /* LULL_TEST_SLOW_SYNC_MS: every fsync as slow as a card's */
    long long synced_changes; /* store_changes when the syncer was last asked */
} StorageState;

struct Kiosk;

/* Reads LULL_TEST_FAIL_WRITES: "full" or "io" for ever, or a list such as
 * "full:60-180,io:300-310" (seconds on the app's clock, virtual with --clock
 * fake). Returns -1 with a message in err when it cannot be understood. */
int storage_parse_faults(StorageState *s, const char *text, char *err, size_t err_size);

/* Opens k->db_path into k->store (NULL when it cannot be used) and tells the
 * app what is wrong, if anything. */
void storage_open(struct Kiosk *k);
/* Once a frame, before the app: applies the fault schedule, and tries a busy
 * or full journal again every STORAGE_RETRY_MS. */
void storage_step(struct Kiosk *k, int64_t mono_ms);
/* After each step, its frame presented: what the step wrote is made durable by
 * the syncer (on its thread on real time, so the next tap never waits). */
void storage_after_step(struct Kiosk *k);
/* At the end: the writes still waiting get a last try, are made durable, and
 * what could not be saved is reported (how many, never what). */
void storage_close(struct Kiosk *k);

#endif
