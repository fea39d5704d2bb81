/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A sound file heard as it is read, however long it is. The platform reads and
 * decodes the file a little ahead into a ring (on a thread of its own, or within
 * the frame on virtual time); the mixer takes frames out on the audio thread.
 * One writer, one reader, no lock: a stalled disk only empties the ring (the bed
 * falls quiet), it never holds the sound or a frame. The file loops, its end
 * cross-faded into its start (equal power, up to 2 s, a third of a short file),
 * so memory is a few seconds of sound (under 2 MB) whatever the file's length.
 * Pure C11: the writer gives frames already at 48 kHz stereo S16. */
#ifndef LULL_STREAM_H
#define LULL_STREAM_H

#include <stdatomic.h>
#include <stdint.h>

enum {
    STREAM_RATE = 48000,
    STREAM_RING_FRAMES = 1 << 18,       /* 5.5 s read ahead (a power of two) */
    STREAM_XFADE_MAX = 2 * STREAM_RATE, /* the loop's crossfade at most */
};

typedef struct {
    int16_t ring[2 * STREAM_RING_FRAMES];
    atomic_uint written; /* frames ever put in the ring (wraps) */
    atomic_uint taken;   /* frames ever taken out */
    /* The writer's own. */
    uint32_t xfade;                     /* the crossfade's length */
    int16_t head[2 * STREAM_XFADE_MAX]; /* the file's first frames, for the loop */
    uint32_t head_count;
    int16_t delay[2 * STREAM_XFADE_MAX]; /* the last frames read, held back to be faded */
    uint32_t delay_start, delay_count;
    uint32_t skip;      /* frames of the start to pass over (heard inside the crossfade) */
    uint64_t pass_read; /* frames read this time through the file */
    uint32_t passes;    /* times through the file */
} Stream;

/* file_frames: the file's length at 48 kHz (from its header; 0 when unknown: it
 * loops without a crossfade). The Stream is large: allocate it. */
void stream_init(Stream *stream, uint64_t file_frames);
/* The writer gives the next frames of the file, in order; returns how many it
 * took (fewer when the ring is full: give the rest later). */
uint32_t stream_put(Stream *stream, const int16_t *frames, uint32_t count);
/* The writer, at the end of the file: fades its end into its start. Returns 1
 * when done (read the file again from its start), 0 when the ring has no room
 * yet (call again later). */
int stream_loop(Stream *stream);
/* Frames the ring can still take. */
uint32_t stream_room(const Stream *stream);

/* The reader: the next frame into out; 0 when none is ready (out untouched). */
int stream_take(Stream *stream, int16_t out[2]);
/* Frames ready to be taken. */
uint32_t stream_ready(const Stream *stream);

#endif
