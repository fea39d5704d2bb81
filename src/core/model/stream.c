/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The ring and the loop of a streamed sound file (lull/stream.h). What comes out
 * is what the whole file looped would be: its frames up to the crossfade, then
 * its end faded into its start, then on from just past that start, and so on. */
#include "lull/stream.h"

#include <assert.h>
#include <math.h>
#include <string.h>

enum { RING_MASK = STREAM_RING_FRAMES - 1 };

static const float stream_pi = 3.14159265358979f;

void stream_init(Stream *stream, uint64_t file_frames)
{
    assert(stream && "stream_init needs a stream");
    memset(stream, 0, sizeof *stream);
    atomic_init(&stream->written, 0u);
    atomic_init(&stream->taken, 0u);
    uint64_t third = file_frames / 3u;
    stream->xfade = third < (uint64_t)STREAM_XFADE_MAX ? (uint32_t)third : STREAM_XFADE_MAX;
}

uint32_t stream_room(const Stream *stream)
{
    unsigned written = atomic_load_explicit(&stream->written, memory_order_relaxed);
    unsigned taken = atomic_load_explicit(&stream->taken, memory_order_acquire);
    return (uint32_t)STREAM_RING_FRAMES - (uint32_t)(written - taken);
}

uint32_t stream_ready(const Stream *stream)
{
    unsigned written = atomic_load_explicit(&stream->written, memory_order_acquire);
    unsigned taken = atomic_load_explicit(&stream->taken, memory_order_relaxed);
    return (uint32_t)(written - taken);
}

/* Into the ring; the caller has checked there is room. Seen by the reader only
 * once `written` moves (publish). */
static void ring_write(Stream *stream, uint32_t at, int16_t left, int16_t right)
{
    uint32_t slot = at & (uint32_t)RING_MASK;
    stream->ring[2u * slot] = left;
    stream->ring[2u * slot + 1u] = right;
}

static void publish(Stream *stream, uint32_t count)
{
    unsigned written = atomic_load_explicit(&stream->written, memory_order_relaxed);
    atomic_store_explicit(&stream->written, written + count, memory_order_release);
}

uint32_t stream_put(Stream *stream, const int16_t *frames, uint32_t count)
{
    uint32_t room = stream_room(stream);
    uint32_t at = atomic_load_explicit(&stream->written, memory_order_relaxed);
    uint32_t emitted = 0, took = 0;
    uint32_t xfade = stream->xfade;
    for (; took < count; took++) {
        const int16_t *frame = frames + 2u * took;
        if (stream->skip > 0) {
            stream->skip--; /* the start, already heard inside the last crossfade */
            stream->pass_read++;
            continue;
        }
        if (xfade == 0) {
            if (emitted == room)
                break;
            ring_write(stream, at + emitted++, frame[0], frame[1]);
            stream->pass_read++;
            continue;
        }
        if (stream->passes == 0 && stream->head_count < xfade) {
            stream->head[2u * stream->head_count] = frame[0];
            stream->head[2u * stream->head_count + 1u] = frame[1];
            stream->head_count++;
        }
        if (stream->delay_count < xfade) {
            uint32_t slot = (stream->delay_start + stream->delay_count) % xfade;
            stream->delay[2u * slot] = frame[0];
            stream->delay[2u * slot + 1u] = frame[1];
            stream->delay_count++;
        } else {
            /* the delay is full: its oldest frame is certainly not in the end's fade */
            if (emitted == room)
                break;
            uint32_t slot = stream->delay_start;
            ring_write(stream, at + emitted++, stream->delay[2u * slot],
                       stream->delay[2u * slot + 1u]);
            stream->delay[2u * slot] = frame[0];
            stream->delay[2u * slot + 1u] = frame[1];
            stream->delay_start = (slot + 1u) % xfade;
        }
        stream->pass_read++;
    }
    publish(stream, emitted);
    return took;
}

static int16_t to_sample(float value)
{
    float rounded = value < 0.0f ? value - 0.5f : value + 0.5f;
    if (rounded > 32767.0f)
        return 32767;
    if (rounded < -32768.0f)
        return -32768;
    return (int16_t)rounded;
}

int stream_loop(Stream *stream)
{
    /* The fade is as long as what is held back: the whole crossfade, or less when
     * the file turned out shorter than its header said. */
    uint32_t fade = stream->delay_count;
    if (fade > stream->head_count)
        fade = stream->head_count;
    if (stream_room(stream) < stream->delay_count)
        return 0;
    uint32_t at = atomic_load_explicit(&stream->written, memory_order_relaxed);
    uint32_t xfade = stream->xfade;
    for (uint32_t i = 0; i < stream->delay_count; i++) {
        uint32_t slot = (stream->delay_start + i) % xfade;
        float left = (float)stream->delay[2u * slot];
        float right = (float)stream->delay[2u * slot + 1u];
        if (i < fade) {
            float x = ((float)i + 0.5f) / (float)fade;
            float fade_out = cosf(0.5f * stream_pi * x);
            float fade_in = sinf(0.5f * stream_pi * x);
            left = left * fade_out + (float)stream->head[2u * i] * fade_in;
            right = right * fade_out + (float)stream->head[2u * i + 1u] * fade_in;
        }
        ring_write(stream, at + i, to_sample(left), to_sample(right));
    }
    publish(stream, stream->delay_count);
    stream->skip = fade;
    stream->delay_start = 0;
    stream->delay_count = 0;
    stream->pass_read = 0;
    stream->passes++;
    return 1;
}

int stream_take(Stream *stream, int16_t out[2])
{
    unsigned taken = atomic_load_explicit(&stream->taken, memory_order_relaxed);
    unsigned written = atomic_load_explicit(&stream->written, memory_order_acquire);
    if (written == taken)
        return 0;
    uint32_t slot = (uint32_t)taken & (uint32_t)RING_MASK;
    out[0] = stream->ring[2u * slot];
    out[1] = stream->ring[2u * slot + 1u];
    atomic_store_explicit(&stream->taken, taken + 1u, memory_order_release);
    return 1;
}
