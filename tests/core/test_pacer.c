/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The pacer: each pattern's phases at their exact boundaries, the countdown, pause
 * and resume arithmetic, twenty-five minutes without drift, Slowing's ramp, the end. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "lull/pacer.h"

enum { T0 = 123457 }; /* an arbitrary monotonic start */

static PacerState at(const Pacer *p, int64_t active_ms)
{
    /* with no pauses, active time is time since the start */
    return pacer_at(p, T0 + active_ms);
}

static void expect(const PacerState *s, PacerPhase phase, int64_t elapsed, int64_t breath)
{
    if (s->phase != phase || s->phase_elapsed_ms != elapsed || s->breath != breath)
        fail_msg("phase %d elapsed %d breath %lld, expected phase %d elapsed %lld breath %lld",
                 (int)s->phase, (int)s->phase_elapsed_ms, (long long)s->breath, (int)phase,
                 (long long)elapsed, (long long)breath);
}

static void countdown_then_first_breath(void **state)
{
    (void)state;
    Pacer p;
    PacerPattern calm = pacer_pattern(PATTERN_CALM);
    pacer_start(&p, &calm, T0, 2 * 60000);
    PacerState s = pacer_at(&p, T0 - 500); /* before the start: the start */
    assert_int_equal(s.phase, PHASE_COUNTDOWN);
    assert_int_equal(s.countdown_s, 3);
    s = at(&p, 0);
    assert_int_equal(s.phase, PHASE_COUNTDOWN);
    assert_int_equal(s.countdown_s, 3);
    assert_int_equal(at(&p, 999).countdown_s, 3);
    assert_int_equal(at(&p, 1000).countdown_s, 2);
    assert_int_equal(at(&p, 2000).countdown_s, 1);
    s = at(&p, 2999);
    assert_int_equal(s.phase, PHASE_COUNTDOWN);
    assert_int_equal(s.countdown_s, 1);
    assert_true(s.size == 0.0f);
    assert_int_equal(s.left_ms, 2 * 60000); /* the countdown is not counted */
    s = at(&p, 3000);
    expect(&s, PHASE_INHALE, 0, 0);
    assert_int_equal(s.countdown_s, 0);
    assert_int_equal(s.breathing_ms, 0);
    assert_int_equal(s.left_ms, 2 * 60000);
}

typedef struct {
    PatternKind kind;
    int32_t ms[4];
} Expected;

static PacerPattern pattern_of(PatternKind kind)
{
    if (kind == PATTERN_CUSTOM)
        return pacer_custom(3000, 0, 7000, 2000); /* a hold after the out-breath only */
    return pacer_pattern(kind);
}

/* Walks every phase boundary for 25 minutes by adding the pattern's lengths, and
 * asks the pacer about the last ms before and the first ms of each new phase. */
static void every_boundary_for_25_minutes(void **state)
{
    (void)state;
    static const Expected patterns[] = {
        {PATTERN_CALM, {5000, 0, 5000, 0}},      {PATTERN_LONGER_OUT, {4000, 0, 6000, 0}},
        {PATTERN_BOX, {4000, 4000, 4000, 4000}}, {PATTERN_RELAX, {4000, 7000, 8000, 0}},
        {PATTERN_CUSTOM, {3000, 0, 7000, 2000}},
    };
    for (size_t i = 0; i < sizeof patterns / sizeof patterns[0]; i++) {
        Pacer p;
        PacerPattern pattern = pattern_of(patterns[i].kind);
        pacer_start(&p, &pattern, T0, 0);
        int64_t t = PACER_COUNTDOWN_MS;
        int64_t breath = 0, checked = 0;
        PacerPhase previous = PHASE_COUNTDOWN;
        while (t < PACER_COUNTDOWN_MS + 25 * 60000) {
            for (int ph = 0; ph < 4; ph++) {
                int32_t len = patterns[i].ms[ph];
                if (len == 0)
                    continue; /* a hold of 0 is skipped */
                PacerState before = at(&p, t - 1);
                assert_int_equal(before.phase, previous);
                PacerState s = at(&p, t);
                expect(&s, (PacerPhase)(PHASE_INHALE + ph), 0, breath);
                assert_int_equal(s.phase_ms, len);
                assert_int_equal(s.phase_start_ms, t - PACER_COUNTDOWN_MS);
                PacerState last = at(&p, t + len - 1);
                expect(&last, (PacerPhase)(PHASE_INHALE + ph), len - 1, breath);
                previous = s.phase;
                t += len;
                checked++;
            }
            breath++;
        }
        assert_true(checked > 150);
        PacerState s = at(&p, t);
        assert_int_equal(s.breaths, breath); /* every breath so far is complete */
    }
}

static void phase_sequences_by_name(void **state)
{
    (void)state;
    Pacer p;
    PacerPattern box = pacer_pattern(PATTERN_BOX);
    pacer_start(&p, &box, T0, 0);
    /* Box: in 3..7 s, hold 7..11, out 11..15, hold 15..19, in again at 19 */
    assert_int_equal(at(&p, 3000).phase, PHASE_INHALE);
    assert_int_equal(at(&p, 7000).phase, PHASE_HOLD_IN);
    assert_int_equal(at(&p, 11000).phase, PHASE_EXHALE);
    assert_int_equal(at(&p, 15000).phase, PHASE_HOLD_OUT);
    assert_int_equal(at(&p, 19000).phase, PHASE_INHALE);
    assert_int_equal(at(&p, 19000).breath, 1);

    PacerPattern relax = pacer_pattern(PATTERN_RELAX);
    pacer_start(&p, &relax, T0, 0);
    assert_int_equal(at(&p, 3000).phase, PHASE_INHALE);
    assert_int_equal(at(&p, 7000).phase, PHASE_HOLD_IN);
    assert_int_equal(at(&p, 14000).phase, PHASE_EXHALE);
    assert_int_equal(at(&p, 21999).phase, PHASE_EXHALE);
    assert_int_equal(at(&p, 22000).phase, PHASE_INHALE);

    PacerPattern longer = pacer_pattern(PATTERN_LONGER_OUT);
    pacer_start(&p, &longer, T0, 0);
    assert_int_equal(at(&p, 6999).phase, PHASE_INHALE);
    assert_int_equal(at(&p, 7000).phase, PHASE_EXHALE);
    assert_int_equal(at(&p, 13000).phase, PHASE_INHALE);

    assert_string_equal(pacer_pattern_id(PATTERN_CALM), "calm_5_5");
    assert_string_equal(pacer_pattern_id(PATTERN_LONGER_OUT), "longer_out_4_6");
    assert_string_equal(pacer_pattern_id(PATTERN_BOX), "box_4");
    assert_string_equal(pacer_pattern_id(PATTERN_RELAX), "relax_4_7_8");
    assert_string_equal(pacer_pattern_id(PATTERN_SLOWING), "slowing");
    assert_string_equal(pacer_pattern_id(PATTERN_CUSTOM), "custom");
    for (int k = 0; k < PATTERN_COUNT; k++)
        assert_int_equal(pacer_pattern_from_id(pacer_pattern_id((PatternKind)k)), k);
    assert_int_equal(pacer_pattern_from_id("nope"), -1);
}

static void circle_grows_in_and_shrinks_out(void **state)
{
    (void)state;
    Pacer p;
    PacerPattern box = pacer_pattern(PATTERN_BOX);
    pacer_start(&p, &box, T0, 0);
    assert_true(at(&p, 3000).size == 0.0f);
    assert_true(fabsf(at(&p, 5000).size - 0.5f) < 1e-4f); /* halfway through the in-breath */
    float last = -1.0f;
    for (int t = 3000; t < 7000; t += 16) {
        float size = at(&p, t).size;
        assert_true(size >= last); /* grows */
        last = size;
    }
    assert_true(at(&p, 7000).size == 1.0f); /* holds full */
    assert_true(at(&p, 10999).size == 1.0f);
    last = 1.0f;
    for (int t = 11000; t < 15000; t += 16) {
        float size = at(&p, t).size;
        assert_true(size <= last); /* shrinks */
        last = size;
    }
    assert_true(at(&p, 15000).size == 0.0f);
    /* eased: the first and last steps are much smaller than the middle ones */
    float start_step = pacer_ease(0.01f) - pacer_ease(0.0f);
    float mid_step = pacer_ease(0.51f) - pacer_ease(0.5f);
    assert_true(start_step < mid_step / 10.0f);
}

static void pause_and_resume_arithmetic(void **state)
{
    (void)state;
    Pacer p;
    PacerPattern calm = pacer_pattern(PATTERN_CALM);
    pacer_start(&p, &calm, T0, 5 * 60000);
    /* Pause 1.5 s into the first in-breath, for 47.3 s. */
    int64_t pause_at = T0 + 4500;
    assert_int_equal(pacer_pause(&p, pause_at), 1);
    assert_true(pacer_paused(&p));
    assert_int_equal(pacer_pause(&p, pause_at + 10), 0); /* already paused */
    PacerState held = pacer_at(&p, pause_at);
    for (int64_t t = pause_at; t < pause_at + 47300; t += 997) {
        PacerState s = pacer_at(&p, t);
        assert_int_equal(s.phase, held.phase);
        assert_int_equal(s.phase_elapsed_ms,
                         held.phase_elapsed_ms); /* holds, whatever the length */
        assert_true(s.paused);
        assert_int_equal(s.left_ms, held.left_ms);
    }
    assert_int_equal(pacer_next_change_ms(&p, pause_at + 100), -1);
    int64_t resume_at = pause_at + 47300;
    assert_int_equal(pacer_resume(&p, resume_at), 1);
    assert_int_equal(pacer_resume(&p, resume_at + 5), 0);
    assert_false(pacer_paused(&p));
    /* After resuming, everything is 47.3 s later than without the pause. */
    Pacer plain;
    pacer_start(&plain, &calm, T0, 5 * 60000);
    for (int64_t t = 0; t < 120000; t += 333) {
        PacerState a = pacer_at(&p, resume_at + t);
        PacerState b = pacer_at(&plain, pause_at + t);
        assert_int_equal(a.phase, b.phase);
        assert_int_equal(a.phase_elapsed_ms, b.phase_elapsed_ms);
        assert_int_equal(a.breath, b.breath);
        assert_int_equal(a.left_ms, b.left_ms);
    }
    /* A pause during the countdown holds the countdown too. */
    pacer_start(&p, &calm, T0, 0);
    pacer_pause(&p, T0 + 1200);
    assert_int_equal(pacer_at(&p, T0 + 90000).countdown_s, 2);
    pacer_resume(&p, T0 + 90000);
    assert_int_equal(pacer_at(&p, T0 + 90000 + 1799).phase, PHASE_COUNTDOWN);
    assert_int_equal(pacer_at(&p, T0 + 90000 + 1800).phase, PHASE_INHALE);
    assert_int_equal(p.pauses_total, 1);
}

static void twenty_minutes_with_pauses_does_not_drift(void **state)
{
    (void)state;
    Pacer p;
    PacerPattern relax = pacer_pattern(PATTERN_RELAX); /* 19 s breaths: no round numbers */
    pacer_start(&p, &relax, T0, 0);
    /* 12 pauses of odd lengths spread over the session, from a "frame loop" that
     * asks the pacer every 16.67 ms-ish of real time */
    int64_t now = T0;
    int64_t paused_total = 0;
    for (int i = 0; i < 12; i++) {
        now += 83 * 1000 + 17 * i + 3;
        pacer_pause(&p, now);
        int64_t length = 1000 * i + 777;
        now += length;
        paused_total += length;
        pacer_resume(&p, now);
    }
    assert_int_equal(p.pauses_total, 12);
    /* 63 breaths of 19 s after the countdown is 19 min 57 s of breathing. */
    int64_t boundary = PACER_COUNTDOWN_MS + 63 * 19000;
    int64_t real = T0 + boundary + paused_total;
    assert_true(real > now);
    PacerState s = pacer_at(&p, real);
    expect(&s, PHASE_INHALE, 0, 63);
    s = pacer_at(&p, real - 1);
    expect(&s, PHASE_EXHALE, 7999, 62);
    assert_int_equal(pacer_active_ms(&p, real), boundary);
    /* and minute 25, hold to out-breath, to the ms */
    int64_t hold_end = PACER_COUNTDOWN_MS + 78 * 19000 + 4000 + 7000;
    s = pacer_at(&p, T0 + hold_end + paused_total);
    expect(&s, PHASE_EXHALE, 0, 78);
}

static void many_pauses_are_folded_not_lost(void **state)
{
    (void)state;
    Pacer p;
    PacerPattern calm = pacer_pattern(PATTERN_CALM);
    pacer_start(&p, &calm, T0, 0);
    int64_t now = T0;
    for (int i = 0; i < PACER_MAX_PAUSES * 3; i++) {
        now += 1000;
        pacer_pause(&p, now);
        now += 500;
        pacer_resume(&p, now);
    }
    assert_int_equal(p.pauses_total, PACER_MAX_PAUSES * 3);
    assert_int_equal(pacer_active_ms(&p, now), (int64_t)PACER_MAX_PAUSES * 3 * 1000);
}

static void slowing_ramps_from_11_to_the_end_rate(void **state)
{
    (void)state;
    Pacer p;
    PacerPattern slowing = pacer_pattern(PATTERN_SLOWING);
    assert_int_equal(slowing.slowing_end_x10, 60);
    pacer_start(&p, &slowing, T0, 0);
    assert_int_equal(pacer_rate_x10_at(&p.pattern, 0), 110);
    /* Walk the breaths: each starts where the last ended, rates never rise, the
     * out-breath is 1.5 x the in-breath, and the end rate is reached at 8 min. */
    int64_t t = 0;
    int32_t last_rate = 1000;
    int breath = 0;
    while (t < 20 * 60000) {
        int32_t phases[4];
        int32_t total = pacer_breath_ms_at(&p.pattern, t, phases);
        assert_int_equal(phases[1], 0);
        assert_int_equal(phases[3], 0);
        assert_true(fabs((double)phases[2] / (double)phases[0] - 1.5) < 0.001);
        int32_t rate = pacer_rate_x10_at(&p.pattern, t);
        assert_true(rate <= last_rate);
        last_rate = rate;
        if (t >= 8 * 60000)
            assert_int_equal(total, 10000); /* 6 a minute */
        PacerState s = at(&p, PACER_COUNTDOWN_MS + t);
        expect(&s, PHASE_INHALE, 0, breath);
        s = at(&p, PACER_COUNTDOWN_MS + t + phases[0]);
        expect(&s, PHASE_EXHALE, 0, breath);
        s = at(&p, PACER_COUNTDOWN_MS + t + total - 1);
        expect(&s, PHASE_EXHALE, phases[2] - 1, breath);
        t += total;
        breath++;
    }
    /* halfway up the ramp, halfway between the rates */
    int32_t mid = pacer_rate_x10_at(&p.pattern, 4 * 60000);
    assert_true(mid >= 84 && mid <= 86);
    /* about 8 minutes of breaths while slowing: between 6 and 11 a minute */
    assert_true(breath > 8 * 6 + 12 * 6 && breath < 8 * 11 + 12 * 6);
    /* the couple's own end rate */
    PacerPattern four = pacer_slowing(40);
    assert_int_equal(pacer_rate_x10_at(&four, 9 * 60000), 40);
    assert_int_equal(pacer_breath_ms_at(&four, 9 * 60000, NULL), 15000);
    assert_int_equal(pacer_slowing(5).slowing_end_x10, PACER_SLOWING_END_MIN_X10);
    assert_int_equal(pacer_slowing(500).slowing_end_x10, PACER_SLOWING_END_MAX_X10);
}

static void the_end_finishes_the_breath_in_progress(void **state)
{
    (void)state;
    Pacer p;
    PacerPattern calm = pacer_pattern(PATTERN_CALM);
    pacer_start(&p, &calm, T0, 2 * 60000);
    assert_int_equal(p.end_ms, 120000); /* 12 whole breaths */
    PacerState s = at(&p, 3000 + 119999);
    expect(&s, PHASE_EXHALE, 4999, 11);
    assert_int_equal(s.left_ms, 1);
    s = at(&p, 3000 + 120000);
    assert_int_equal(s.phase, PHASE_DONE);
    assert_int_equal(s.breaths, 12);
    assert_int_equal(s.breathing_ms, 120000);
    assert_int_equal(pacer_next_change_ms(&p, T0 + 3000 + 120000), -1);
    assert_int_equal(pacer_pause(&p, T0 + 200000), 0); /* nothing to pause once done */

    PacerPattern relax = pacer_pattern(PATTERN_RELAX);
    pacer_start(&p, &relax, T0, 2 * 60000);
    assert_int_equal(p.end_ms, 7 * 19000); /* the seventh breath is finished */
    s = at(&p, 3000 + 121000);
    assert_int_equal(s.left_ms, 0); /* time is up: the last breath */
    assert_int_equal(s.phase, PHASE_HOLD_IN);
    assert_int_equal(at(&p, 3000 + 133000).phase, PHASE_DONE);
    assert_int_equal(at(&p, 3000 + 133000).breaths, 7);

    PacerPattern slowing = pacer_pattern(PATTERN_SLOWING);
    pacer_start(&p, &slowing, T0, 10 * 60000);
    assert_true(p.end_ms >= 10 * 60000 && p.end_ms < 10 * 60000 + 10000);
    assert_int_equal(at(&p, 3000 + p.end_ms).phase, PHASE_DONE);
    assert_int_equal(at(&p, 3000 + p.end_ms - 1).phase, PHASE_EXHALE);

    /* open-ended never ends */
    pacer_start(&p, &calm, T0, 0);
    assert_int_equal(p.end_ms, -1);
    s = at(&p, 10LL * 3600 * 1000);
    assert_int_equal(s.left_ms, -1);
    assert_true(s.phase != PHASE_DONE);
}

static void next_change_lands_on_seconds_and_boundaries(void **state)
{
    (void)state;
    Pacer p;
    PacerPattern relax = pacer_pattern(PATTERN_RELAX);
    pacer_start(&p, &relax, T0, 0);
    assert_int_equal(pacer_next_change_ms(&p, T0), 1000);       /* countdown 3 → 2 */
    assert_int_equal(pacer_next_change_ms(&p, T0 + 2500), 500); /* → the first breath */
    assert_int_equal(pacer_next_change_ms(&p, T0 + 3000), 1000);
    assert_int_equal(pacer_next_change_ms(&p, T0 + 6900), 100); /* in → hold at 7000 */
    assert_int_equal(pacer_next_change_ms(&p, T0 + 7000), 1000);
    /* custom phases not in whole seconds never skip their boundary */
    PacerPattern slowing = pacer_pattern(PATTERN_SLOWING);
    pacer_start(&p, &slowing, T0, 0);
    int32_t phases[4];
    pacer_breath_ms_at(&slowing, 0, phases);
    assert_int_equal(phases[0], 2182); /* 60000 / 11 = 5455 ms; two fifths of it */
    assert_int_equal(pacer_next_change_ms(&p, T0 + 3000 + 2100), 82);
    assert_true(pacer_custom(0, -5, 99000, 3000).phase_ms[0] == PACER_PHASE_MIN_MS);
    assert_true(pacer_custom(0, -5, 99000, 3000).phase_ms[1] == 0);
    assert_true(pacer_custom(0, -5, 99000, 3000).phase_ms[2] == PACER_PHASE_MAX_MS);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(countdown_then_first_breath),
        cmocka_unit_test(every_boundary_for_25_minutes),
        cmocka_unit_test(phase_sequences_by_name),
        cmocka_unit_test(circle_grows_in_and_shrinks_out),
        cmocka_unit_test(pause_and_resume_arithmetic),
        cmocka_unit_test(twenty_minutes_with_pauses_does_not_drift),
        cmocka_unit_test(many_pauses_are_folded_not_lost),
        cmocka_unit_test(slowing_ramps_from_11_to_the_end_rate),
        cmocka_unit_test(the_end_finishes_the_breath_in_progress),
        cmocka_unit_test(next_change_lands_on_seconds_and_boundaries),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
