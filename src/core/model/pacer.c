/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The pacer: breath boundaries are computed from the pattern alone (closed form,
 * or a short walk through Slowing's eight-minute ramp), and where a session is
 * comes from its active time: now minus start minus the paused intervals. */
#include "lull/pacer.h"

#include <assert.h>
#include <math.h>
#include <string.h>

static const char *const pattern_ids[PATTERN_COUNT] = {
    [PATTERN_CALM] = "calm_5_5",   [PATTERN_LONGER_OUT] = "longer_out_4_6",
    [PATTERN_BOX] = "box_4",       [PATTERN_RELAX] = "relax_4_7_8",
    [PATTERN_SLOWING] = "slowing", [PATTERN_CUSTOM] = "custom",
};

static int32_t clamp32(int32_t v, int32_t lo, int32_t hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

PacerPattern pacer_custom(int32_t in_ms, int32_t hold_in_ms, int32_t out_ms, int32_t hold_out_ms)
{
    PacerPattern p;
    memset(&p, 0, sizeof p);
    p.kind = PATTERN_CUSTOM;
    p.phase_ms[0] = clamp32(in_ms, PACER_PHASE_MIN_MS, PACER_PHASE_MAX_MS);
    p.phase_ms[1] = clamp32(hold_in_ms, 0, PACER_PHASE_MAX_MS);
    p.phase_ms[2] = clamp32(out_ms, PACER_PHASE_MIN_MS, PACER_PHASE_MAX_MS);
    p.phase_ms[3] = clamp32(hold_out_ms, 0, PACER_PHASE_MAX_MS);
    p.slowing_end_x10 = PACER_SLOWING_END_DEFAULT_X10;
    return p;
}

PacerPattern pacer_slowing(int32_t end_x10)
{
    PacerPattern p;
    memset(&p, 0, sizeof p);
    p.kind = PATTERN_SLOWING;
    p.slowing_end_x10 = clamp32(end_x10, PACER_SLOWING_END_MIN_X10, PACER_SLOWING_END_MAX_X10);
    return p;
}

PacerPattern pacer_pattern(PatternKind kind)
{
    static const int32_t presets[PATTERN_COUNT][4] = {
        [PATTERN_CALM] = {5000, 0, 5000, 0},      [PATTERN_LONGER_OUT] = {4000, 0, 6000, 0},
        [PATTERN_BOX] = {4000, 4000, 4000, 4000}, [PATTERN_RELAX] = {4000, 7000, 8000, 0},
        [PATTERN_SLOWING] = {0, 0, 0, 0},         [PATTERN_CUSTOM] = {4000, 0, 6000, 0},
    };
    if (kind == PATTERN_SLOWING)
        return pacer_slowing(PACER_SLOWING_END_DEFAULT_X10);
    if ((unsigned)kind >= PATTERN_COUNT)
        kind = PATTERN_CALM;
    PacerPattern p = pacer_custom(presets[kind][0], presets[kind][1], presets[kind][2],
                                  presets[kind][3]);
    p.kind = kind;
    return p;
}

const char *pacer_pattern_id(PatternKind kind)
{
    return (unsigned)kind < PATTERN_COUNT ? pattern_ids[kind] : "custom";
}

int pacer_pattern_from_id(const char *id)
{
    for (int i = 0; i < PATTERN_COUNT; i++)
        if (strcmp(id, pattern_ids[i]) == 0)
            return i;
    return -1;
}

/* Slowing: the rate glides linearly (in breaths a minute) from 11 to the end
 * rate over the ramp; each breath keeps the rate it began at. */
static double slowing_rate(const PacerPattern *p, int64_t at_ms)
{
    double from = PACER_SLOWING_FROM_X10 / 10.0;
    double to = (double)p->slowing_end_x10 / 10.0;
    if (at_ms >= PACER_SLOWING_RAMP_MS)
        return to;
    if (at_ms <= 0)
        return from;
    return from + (to - from) * (double)at_ms / (double)PACER_SLOWING_RAMP_MS;
}

int32_t pacer_breath_ms_at(const PacerPattern *pattern, int64_t breathing_ms, int32_t out[4])
{
    int32_t phases[4];
    if (pattern->kind == PATTERN_SLOWING) {
        int32_t total = (int32_t)lround(60000.0 / slowing_rate(pattern, breathing_ms));
        /* out = 1.5 x in: in is two fifths of the breath, in whole ms */
        phases[0] = (total * 2 + 2) / 5;
        phases[1] = 0;
        phases[2] = total - phases[0];
        phases[3] = 0;
    } else {
        memcpy(phases, pattern->phase_ms, sizeof phases);
    }
    if (out)
        memcpy(out, phases, sizeof phases);
    return phases[0] + phases[1] + phases[2] + phases[3];
}

int32_t pacer_rate_x10_at(const PacerPattern *pattern, int64_t breathing_ms)
{
    int32_t ms = pacer_breath_ms_at(pattern, breathing_ms, NULL);
    return ms > 0 ? (int32_t)lround(600000.0 / (double)ms) : 0;
}

typedef struct {
    int64_t index; /* 0-based */
    int64_t start; /* breathing ms */
    int32_t phase_ms[4];
    int32_t total;
} Breath;

/* The breath containing breathing time t (t >= 0). */
static Breath breath_at(const PacerPattern *p, int64_t t)
{
    Breath b;
    b.index = 0;
    b.start = 0;
    if (p->kind == PATTERN_SLOWING) {
        /* Walk the ramp breath by breath (under 90 of them); after it the
         * breaths are all alike and the rest is a division. */
        for (;;) {
            b.total = pacer_breath_ms_at(p, b.start, b.phase_ms);
            if (t < b.start + b.total || b.start >= PACER_SLOWING_RAMP_MS)
                break;
            b.start += b.total;
            b.index++;
        }
    } else {
        b.total = pacer_breath_ms_at(p, 0, b.phase_ms);
    }
    assert(b.total > 0 && "a breath must take time");
    if (t >= b.start + b.total) {
        int64_t n = (t - b.start) / b.total;
        b.start += n * b.total;
        b.index += n;
    }
    return b;
}

/* The first breath boundary at or after length: the breath in progress when
 * the chosen time is up is always finished. */
static int64_t end_after(const PacerPattern *p, int64_t length_ms)
{
    if (length_ms <= 0)
        return -1;
    Breath b = breath_at(p, length_ms);
    return b.start == length_ms ? length_ms : b.start + b.total;
}

void pacer_start(Pacer *pacer, const PacerPattern *pattern, int64_t now_ms, int64_t length_ms)
{
    memset(pacer, 0, sizeof *pacer);
    pacer->pattern = *pattern;
    if (pacer->pattern.kind == PATTERN_SLOWING)
        pacer->pattern = pacer_slowing(pattern->slowing_end_x10);
    else if (pacer_breath_ms_at(&pacer->pattern, 0, NULL) <= 0)
        pacer->pattern = pacer_pattern(PATTERN_CALM); /* a pattern with no time in it */
    pacer->start_ms = now_ms;
    pacer->length_ms = length_ms > 0 ? length_ms : 0;
    pacer->end_ms = end_after(&pacer->pattern, pacer->length_ms);
}

int pacer_paused(const Pacer *pacer)
{
    return pacer->pause_count > 0 && pacer->pauses[pacer->pause_count - 1].to_ms < 0;
}

int64_t pacer_active_ms(const Pacer *pacer, int64_t now_ms)
{
    if (now_ms <= pacer->start_ms)
        return 0;
    int64_t active = now_ms - pacer->start_ms;
    if (now_ms >= pacer->folded_until_ms)
        active -= pacer->folded_ms;
    for (int i = 0; i < pacer->pause_count; i++) {
        const PacerPause *pause = &pacer->pauses[i];
        int64_t from = pause->from_ms;
        int64_t to = pause->to_ms < 0 || pause->to_ms > now_ms ? now_ms : pause->to_ms;
        if (to > from && from < now_ms)
            active -= to - from;
    }
    return active > 0 ? active : 0;
}

static int done_at(const Pacer *pacer, int64_t now_ms)
{
    return pacer->end_ms >= 0 &&
           pacer_active_ms(pacer, now_ms) - PACER_COUNTDOWN_MS >= pacer->end_ms;
}

int pacer_pause(Pacer *pacer, int64_t now_ms)
{
    if (pacer_paused(pacer) || done_at(pacer, now_ms))
        return 0;
    if (pacer->pause_count == PACER_MAX_PAUSES) {
        /* Fold the oldest interval: exact for every time after it ended. */
        const PacerPause *old = &pacer->pauses[0];
        pacer->folded_ms += old->to_ms - old->from_ms;
        pacer->folded_until_ms = old->to_ms;
        memmove(pacer->pauses, pacer->pauses + 1, sizeof pacer->pauses[0] * (PACER_MAX_PAUSES - 1));
        pacer->pause_count--;
    }
    if (now_ms < pacer->start_ms)
        now_ms = pacer->start_ms;
    PacerPause *p = &pacer->pauses[pacer->pause_count++];
    p->from_ms = now_ms;
    p->to_ms = -1;
    pacer->pauses_total++;
    return 1;
}

int pacer_resume(Pacer *pacer, int64_t now_ms)
{
    if (!pacer_paused(pacer))
        return 0;
    PacerPause *p = &pacer->pauses[pacer->pause_count - 1];
    p->to_ms = now_ms > p->from_ms ? now_ms : p->from_ms;
    return 1;
}

float pacer_ease(float x)
{
    if (!(x > 0.0f))
        return 0.0f;
    if (x >= 1.0f)
        return 1.0f;
    return 0.5f - 0.5f * cosf(3.14159265f * x);
}

static int64_t breaths_done_by(const PacerPattern *p, int64_t t)
{
    if (t <= 0)
        return 0;
    Breath b = breath_at(p, t - 1);
    int64_t out_end = b.start + b.phase_ms[0] + b.phase_ms[1] + b.phase_ms[2];
    return b.index + (t >= out_end ? 1 : 0);
}

PacerState pacer_at(const Pacer *pacer, int64_t now_ms)
{
    PacerState s;
    memset(&s, 0, sizeof s);
    s.paused = pacer_paused(pacer);
    s.active_ms = pacer_active_ms(pacer, now_ms);
    s.left_ms = pacer->end_ms < 0 ? -1 : pacer->length_ms;
    if (s.active_ms < PACER_COUNTDOWN_MS) {
        s.phase = PHASE_COUNTDOWN;
        s.phase_ms = PACER_COUNTDOWN_MS;
        s.phase_elapsed_ms = (int32_t)s.active_ms;
        s.progress = (float)s.active_ms / (float)PACER_COUNTDOWN_MS;
        s.countdown_s = (int)((PACER_COUNTDOWN_MS - s.active_ms + 999) / 1000);
        return s;
    }
    int64_t t = s.active_ms - PACER_COUNTDOWN_MS;
    if (pacer->end_ms >= 0 && t >= pacer->end_ms) {
        s.phase = PHASE_DONE;
        s.breathing_ms = pacer->end_ms;
        s.phase_start_ms = pacer->end_ms;
        s.progress = 1.0f;
        s.left_ms = 0;
        s.breaths = breaths_done_by(&pacer->pattern, pacer->end_ms);
        s.breath = s.breaths;
        return s;
    }
    s.breathing_ms = t;
    Breath b = breath_at(&pacer->pattern, t);
    int64_t within = t - b.start;
    int64_t phase_start = b.start;
    int phase = 0;
    while (phase < 3 && within >= b.phase_ms[phase]) {
        within -= b.phase_ms[phase];
        phase_start += b.phase_ms[phase];
        phase++;
    }
    s.phase = (PacerPhase)(PHASE_INHALE + phase);
    s.phase_start_ms = phase_start;
    s.phase_ms = b.phase_ms[phase];
    s.phase_elapsed_ms = (int32_t)within;
    s.progress = s.phase_ms > 0 ? (float)within / (float)s.phase_ms : 1.0f;
    s.breath = b.index;
    s.breaths = b.index + (s.phase == PHASE_HOLD_OUT ? 1 : 0);
    switch (s.phase) {
    case PHASE_INHALE:
        s.size = pacer_ease(s.progress);
        break;
    case PHASE_HOLD_IN:
        s.size = 1.0f;
        break;
    case PHASE_EXHALE:
        s.size = 1.0f - pacer_ease(s.progress);
        break;
    default:
        s.size = 0.0f;
        break;
    }
    if (pacer->end_ms >= 0)
        s.left_ms = pacer->length_ms - t > 0 ? pacer->length_ms - t : 0;
    return s;
}

int64_t pacer_next_change_ms(const Pacer *pacer, int64_t now_ms)
{
    if (pacer_paused(pacer))
        return -1;
    PacerState s = pacer_at(pacer, now_ms);
    if (s.phase == PHASE_DONE)
        return -1;
    /* The next whole second of the phase (its seconds count), or its end. */
    int64_t to_end = s.phase_ms - s.phase_elapsed_ms;
    int64_t to_second = 1000 - s.phase_elapsed_ms % 1000;
    int64_t next = to_second < to_end ? to_second : to_end;
    return next > 0 ? next : 1;
}
