/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The one debounce of the core: the same thing twice within DEBOUNCE_MS counts
 * once. The UI keys it by control, the signal session by partner and signal.
 * Time is passed in (ms on a monotonic clock). */
#ifndef LULL_DEBOUNCE_H
#define LULL_DEBOUNCE_H

#include <stdint.h>

enum { DEBOUNCE_MS = 500, DEBOUNCE_SLOTS = 16 };

typedef struct {
    uint32_t key[DEBOUNCE_SLOTS]; /* 0: a free slot */
    int64_t at_ms[DEBOUNCE_SLOTS];
} Debounce;

void debounce_init(Debounce *d);
/* 1 when key (non-zero) was let through less than DEBOUNCE_MS before now_ms:
 * a repeat, to be ignored. Otherwise records key at now_ms and returns 0. The
 * least recently let through key makes room when every slot is taken. */
int debounce_repeat(Debounce *d, uint32_t key, int64_t now_ms);

#endif
