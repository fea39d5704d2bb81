/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The journal's writes made durable after the frame that shows them: the kiosk
 * commits a signal to the system at once (a store opened with sync_later), shows
 * it, and then asks for the fsync here, which an SD card can take 50-200 ms over;
 * a thread of its own does it (and the minute's checkpoint), so the next tap
 * never waits for the card. Platform only. */
#ifndef LULL_PLATFORM_SYNCER_H
#define LULL_PLATFORM_SYNCER_H

typedef struct Syncer Syncer;

/* threaded 0 (or no thread to be had): everything inline. delay_ms: tests and
 * ./dev bench, each fsync as slow as a card's. NULL when out of memory: the
 * calls below then do their work inline. */
Syncer *syncer_open(int threaded, int delay_ms);
/* The writes committed so far to the journal at path, durable soon. */
void syncer_sync(Syncer *syncer, const char *path);
/* A passive checkpoint of the journal at path, soon (after any sync asked). */
void syncer_checkpoint(Syncer *syncer, const char *path);
/* Waits for everything asked so far: before the store closes, or before a
 * promise such as "Saved" is made. */
void syncer_wait(Syncer *syncer);
/* Waits for what was asked and stops. NULL is a no-op. */
void syncer_close(Syncer *syncer);

#endif
