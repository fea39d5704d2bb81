/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Time for the app: the real clocks, or a virtual timeline that moves only when
 * the automation script waits. */
#ifndef LULL_PLATFORM_CLOCK_H
#define LULL_PLATFORM_CLOCK_H

#include <stdint.h>

#include "lull/app.h"

typedef struct {
    int fake;
    int64_t mono_ms;       /* fake: virtual ms since start */
    int64_t start_wall_ms; /* fake: the virtual start, Unix ms */
    int32_t offset_s;      /* fake: local offset at the start */
    uint64_t real_start;   /* real: SDL ticks at start */
    int64_t offset_ms;     /* real: added to a system clock that is known to be wrong */
} Clock;

/* start_local: "YYYY-MM-DDTHH:MM" for a fake clock, NULL for the real one.
 * Returns 0, or -1 when the text is not a valid local time. */
int clock_init(Clock *clock, const char *start_local);
AppTime clock_now(const Clock *clock);
/* Sets the wall clock: the system's when allowed, else an offset kept in
 * clock->offset_ms (the caller stores it). Returns 0. */
int clock_set_wall(Clock *clock, int64_t unix_ms);
/* The system's own wall clock, without any offset. */
int64_t clock_system_ms(void);
/* Fake clock only: moves virtual time on. */
void clock_advance(Clock *clock, int64_t ms);
/* The local UTC offset at a Unix time, seconds. */
int32_t clock_local_offset(int64_t unix_s);

#endif
