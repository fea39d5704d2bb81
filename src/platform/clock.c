/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE /* tm_gmtoff */
#endif
#include "clock.h"

#include <SDL.h>
#include <stdio.h>
#include <time.h>

int32_t clock_local_offset(int64_t unix_s)
{
    time_t t = (time_t)unix_s;
    struct tm tm;
    if (!localtime_r(&t, &tm))
        return 0;
    return (int32_t)tm.tm_gmtoff;
}

int clock_init(Clock *clock, const char *start_local)
{
    clock->fake = start_local != NULL;
    clock->mono_ms = 0;
    clock->real_start = SDL_GetTicks64();
    if (!clock->fake)
        return 0;
    int y, mo, d, h, mi;
    if (sscanf(start_local, "%4d-%2d-%2dT%2d:%2d", &y, &mo, &d, &h, &mi) != 5)
        return -1;
    int64_t as_utc = unix_from_civil(y, mo, d, h, mi, 0);
    /* The offset that applies at that local time (close to DST edges, the
     * offset an hour away is the one in force). */
    int32_t offset = clock_local_offset(as_utc);
    offset = clock_local_offset(as_utc - offset);
    clock->offset_s = offset;
    clock->start_wall_ms = (as_utc - offset) * 1000;
    return 0;
}

AppTime clock_now(const Clock *clock)
{
    AppTime t;
    if (clock->fake) {
        t.mono_ms = clock->mono_ms;
        t.wall_ms = clock->start_wall_ms + clock->mono_ms;
        t.utc_offset_s = clock_local_offset(t.wall_ms / 1000);
        return t;
    }
    t.mono_ms = (int64_t)(SDL_GetTicks64() - clock->real_start);
    t.wall_ms = clock_system_ms() + clock->offset_ms;
    t.utc_offset_s = clock_local_offset(t.wall_ms / 1000);
    return t;
}

int64_t clock_system_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int clock_set_wall(Clock *clock, int64_t unix_ms)
{
    if (clock->fake) {
        clock->start_wall_ms = unix_ms - clock->mono_ms;
        return 0;
    }
    struct timespec ts = {(time_t)(unix_ms / 1000), (long)(unix_ms % 1000) * 1000000L};
    if (clock_settime(CLOCK_REALTIME, &ts) == 0) {
        clock->offset_ms = 0;
        return 0;
    }
    /* Not allowed to set the system clock (not root, or sandboxed): keep the
     * difference and add it to what the system says. */
    clock->offset_ms = unix_ms - clock_system_ms();
    return 0;
}

void clock_advance(Clock *clock, int64_t ms)
{
    if (clock->fake && ms > 0)
        clock->mono_ms += ms;
}
