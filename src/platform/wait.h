/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Sleeping until input arrives or a deadline passes, where SDL 2.26 cannot: on
 * KMSDRM, offscreen and dummy, SDL_WaitEventTimeout polls every millisecond.
 * Touch screens and keyboards (evdev) are watched directly, and events pushed by
 * SDL or another thread wake it too. Platform only (SDL2, Linux). */
#ifndef LULL_PLATFORM_WAIT_H
#define LULL_PLATFORM_WAIT_H

typedef struct InputWait InputWait;

/* Opens the input devices it can read; NULL when out of memory. */
InputWait *input_wait_open(void);
/* NULL is fine. */
void input_wait_close(InputWait *wait);
/* Sleeps for up to ms, returning early when input may have arrived. Without
 * a way to hear the input (no readable evdev device where SDL reads evdev) it
 * sleeps at most poll_ms at a time, and the caller polls. */
void input_wait(InputWait *wait, int ms, int poll_ms);

#endif
