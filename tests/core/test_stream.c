/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A streamed sound file: what comes out of the ring is exactly the whole file
 * looped (its end faded into its start), however the writer's pieces fall, across
 * the ring's wrap and its counters' wrap; a full ring takes nothing, an empty one
 * gives nothing; a file shorter than its header said never stops the sound. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <stdlib.h>

#include "lull/stream.h"

#define TEST_PI 3.14159265358979323846

static Stream *stream_new(uint64_t file_frames)
{
    Stream *stream = malloc(sizeof *stream);
    assert_non_null(stream);
    stream_init(stream, file_frames);
    return stream;
}

/* A file whose every frame differs: left counts up, right counts down. */
static int16_t *numbered(uint32_t frames)
{
    int16_t *file = malloc(2u * frames * sizeof *file);
    assert_non_null(file);
    for (uint32_t i = 0; i < frames; i++) {
        file[2u * i] = (int16_t)(i % 30000u);
        file[2u * i + 1u] = (int16_t)(-(int32_t)(i % 30000u));
    }
    return file;
}

/* What the whole file looped sounds like, frame `at` of the output, worked out
 * on its own: the file to its crossfade, then end into start (equal power), then
 * on from past the start. */
static void expected(const int16_t *file, uint32_t frames, uint32_t xfade, uint64_t at,
                     int16_t out[2])
{
    uint64_t pos;
    if (at < frames) {
        pos = at;
    } else {
        uint64_t period = frames - xfade;
        pos = xfade + (at - frames) % period;
    }
    for (int ch = 0; ch < 2; ch++) {
        double value = file[2u * pos + (uint64_t)ch];
        if (pos >= frames - xfade) {
            uint64_t head = pos - (frames - xfade);
            double x = ((double)head + 0.5) / (double)xfade;
            value = value * cos(0.5 * TEST_PI * x) +
                    file[2u * head + (uint64_t)ch] * sin(0.5 * TEST_PI * x);
        }
        value = fmin(32767.0, fmax(-32768.0, value)); /* a loud crossfade is clipped */
        out[ch] = (int16_t)lround(value);
    }
}

/* Feeds the file in pieces of the given sizes (in turn), looping, and takes
 * `takes` frames at a time, checking every frame against the looped file. */
static void play_through(uint32_t frames, const uint32_t *pieces, int piece_count, uint32_t takes,
                         uint64_t total)
{
    int16_t *file = numbered(frames);
    Stream *stream = stream_new(frames);
    uint32_t xfade = stream->xfade;
    uint32_t pos = 0;
    int piece = 0;
    uint64_t heard = 0;
    while (heard < total) {
        /* the writer, as far as the ring lets it */
        for (;;) {
            if (pos == frames) {
                if (!stream_loop(stream))
                    break;
                pos = 0;
                continue;
            }
            uint32_t want = pieces[piece];
            if (want > frames - pos)
                want = frames - pos;
            uint32_t took = stream_put(stream, file + 2u * pos, want);
            pos += took;
            if (took < want)
                break;
            piece = (piece + 1) % piece_count;
        }
        /* the reader */
        for (uint32_t i = 0; i < takes && heard < total; i++) {
            int16_t got[2], want[2];
            if (!stream_take(stream, got))
                break;
            expected(file, frames, xfade, heard, want);
            if (abs(got[0] - want[0]) > 1 || abs(got[1] - want[1]) > 1)
                fail_msg("frame %llu: %d %d, not %d %d", (unsigned long long)heard, got[0], got[1],
                         want[0], want[1]);
            heard++;
        }
    }
    free(stream);
    free(file);
}

static void test_a_short_file_loops_exactly(void **state)
{
    (void)state;
    /* 1 s: a crossfade of a third of it; many times round */
    static const uint32_t whole[] = {48000};
    play_through(48000, whole, 1, 1024, 10u * 48000u);
    static const uint32_t ragged[] = {1, 7, 1000, 333, 4096};
    play_through(48000, ragged, 5, 777, 10u * 48000u);
}

static void test_a_long_file_streams_through_a_small_ring(void **state)
{
    (void)state;
    /* 30 s through a 5.5 s ring, twice round: a 2 s crossfade */
    static const uint32_t pieces[] = {2048, 6144, 17};
    play_through(30u * 48000u, pieces, 3, 1024, 65u * 48000u);
}

static void test_a_full_ring_takes_nothing_an_empty_one_gives_nothing(void **state)
{
    (void)state;
    Stream *stream = stream_new(0); /* length unknown: no crossfade, nothing held back */
    int16_t out[2] = {5, 5};
    assert_false(stream_take(stream, out));
    assert_int_equal(out[0], 5);
    assert_int_equal(stream_room(stream), STREAM_RING_FRAMES);
    int16_t *file = numbered(STREAM_RING_FRAMES + 100u);
    assert_int_equal(stream_put(stream, file, STREAM_RING_FRAMES + 100u), STREAM_RING_FRAMES);
    assert_int_equal(stream_room(stream), 0);
    assert_int_equal(stream_ready(stream), STREAM_RING_FRAMES);
    assert_int_equal(stream_put(stream, file, 10), 0);
    assert_true(stream_take(stream, out));
    assert_int_equal(out[0], 0);
    assert_int_equal(stream_put(stream, file + 2u * STREAM_RING_FRAMES, 100), 1);
    free(file);
    free(stream);
}

static void test_counters_wrap_without_a_slip(void **state)
{
    (void)state;
    Stream *stream = stream_new(0);
    /* a stream that has played for a day: both counters just short of wrapping */
    atomic_store(&stream->written, 0xFFFFFF00u);
    atomic_store(&stream->taken, 0xFFFFFF00u);
    int16_t *file = numbered(1000);
    assert_int_equal(stream_put(stream, file, 1000), 1000);
    assert_int_equal(stream_ready(stream), 1000);
    for (uint32_t i = 0; i < 1000; i++) {
        int16_t out[2];
        assert_true(stream_take(stream, out));
        assert_int_equal(out[0], file[2u * i]);
        assert_int_equal(out[1], file[2u * i + 1u]);
    }
    assert_false(stream_take(stream, (int16_t[2]){0, 0}));
    free(file);
    free(stream);
}

static void test_a_file_shorter_than_its_header_keeps_playing(void **state)
{
    (void)state;
    /* said to be 10 s (a 2 s crossfade), but only 0.5 s is there */
    Stream *stream = stream_new(10u * 48000u);
    int16_t *file = numbered(24000);
    uint64_t heard = 0;
    for (int round = 0; round < 20; round++) {
        assert_int_equal(stream_put(stream, file, 24000), 24000);
        assert_true(stream_loop(stream));
        int16_t out[2];
        while (stream_take(stream, out))
            heard++;
    }
    /* every other time round it gives the whole half second, faded into itself */
    assert_true(heard >= 10u * 24000u);
    free(file);
    free(stream);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_a_short_file_loops_exactly),
        cmocka_unit_test(test_a_long_file_streams_through_a_small_ring),
        cmocka_unit_test(test_a_full_ring_takes_nothing_an_empty_one_gives_nothing),
        cmocka_unit_test(test_counters_wrap_without_a_slip),
        cmocka_unit_test(test_a_file_shorter_than_its_header_keeps_playing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
