/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The breathing pacer: which phase a session is in, and how far through it, as a
 * pure function of the pattern, the start time, the paused intervals and now.
 * Nothing is accumulated from frame to frame, so minute 19 is as exact as minute 1.
 * Pure C11: no SDL, no clock, no I/O; every time is monotonic ms passed in. */
#ifndef LULL_PACER_H
#define LULL_PACER_H

#include <stdint.h>

enum {
    PACER_COUNTDOWN_MS = 3000, /* before the first breath, not counted in the length */
    PACER_MAX_PAUSES = 64,     /* intervals kept exactly; older ones are folded */
    PACER_PHASE_MIN_MS = 1000, /* custom in/out: 1..12 s, holds 0..12 s */
    PACER_PHASE_MAX_MS = 12000,
    PACER_SLOWING_FROM_X10 = 110,      /* Slowing starts near 11 breaths a minute */
    PACER_SLOWING_RAMP_MS = 8 * 60000, /* and reaches its end rate after 8 minutes */
    PACER_SLOWING_END_MIN_X10 = 30,    /* the end rate the couple may choose: 3..10 */
    PACER_SLOWING_END_MAX_X10 = 100,
    PACER_SLOWING_END_DEFAULT_X10 = 60,
};

typedef enum {
    PATTERN_CALM,       /* 5 in, 5 out: about six breaths a minute */
    PATTERN_LONGER_OUT, /* 4 in, 6 out */
    PATTERN_BOX,        /* 4 in, 4 hold, 4 out, 4 hold */
    PATTERN_RELAX,      /* 4 in, 7 hold, 8 out */
    PATTERN_SLOWING,    /* 11 a minute slowing to the end rate; out 1.5 x in */
    PATTERN_CUSTOM,     /* the couple's own in, hold, out, hold */
    PATTERN_COUNT
} PatternKind;

typedef enum {
    PHASE_COUNTDOWN,
    PHASE_INHALE,
    PHASE_HOLD_IN,
    PHASE_EXHALE,
    PHASE_HOLD_OUT,
    PHASE_DONE,
} PacerPhase;

typedef struct {
    PatternKind kind;
    int32_t phase_ms[4];     /* inhale, hold, exhale, hold; a 0 phase is skipped */
    int32_t slowing_end_x10; /* PATTERN_SLOWING: breaths a minute x 10 at the end of the ramp */
} PacerPattern;

typedef struct {
    int64_t from_ms, to_ms; /* to_ms < 0: still paused */
} PacerPause;

typedef struct {
    PacerPattern pattern;
    int64_t start_ms;  /* monotonic: the countdown began */
    int64_t length_ms; /* the chosen breathing length, 0 = open-ended */
    int64_t end_ms;    /* breathing ms at which it ends (the breath in progress at
                          length_ms is finished), -1 open-ended */
    PacerPause pauses[PACER_MAX_PAUSES];
    int pause_count;
    int pauses_total;        /* every pause ever, folded ones included */
    int64_t folded_ms;       /* the length of pauses folded out of pauses[] */
    int64_t folded_until_ms; /* ...all of which ended by this time */
} Pacer;

typedef struct {
    PacerPhase phase;
    int64_t active_ms;      /* since start, without the pauses */
    int64_t breathing_ms;   /* since the first breath began (0 during the countdown) */
    int64_t phase_start_ms; /* breathing ms at which this phase began */
    int32_t phase_ms;       /* the phase's length (the countdown's during it) */
    int32_t phase_elapsed_ms;
    float progress;  /* 0..1 through the phase */
    float size;      /* 0..1: the circle, eased (grows in, shrinks out) */
    int64_t breath;  /* 0-based index of the breath in progress */
    int64_t breaths; /* breaths whose out-breath has ended */
    int countdown_s; /* 3, 2, 1 during the countdown, else 0 */
    int64_t left_ms; /* of the chosen length, >= 0; -1 open-ended */
    int paused;
} PacerState;

/* The preset for a kind (PATTERN_CUSTOM gets 4·0·6·0; PATTERN_SLOWING the default end). */
PacerPattern pacer_pattern(PatternKind kind);
/* A custom pattern, each length clamped to its range (in/out 1..12 s, holds 0..12 s). */
PacerPattern pacer_custom(int32_t in_ms, int32_t hold_in_ms, int32_t out_ms, int32_t hold_out_ms);
/* Slowing with its end rate (breaths a minute x 10), clamped to 3..10 a minute. */
PacerPattern pacer_slowing(int32_t end_x10);
/* The stable id: "calm_5_5", "longer_out_4_6", "box_4", "relax_4_7_8", "slowing", "custom". */
const char *pacer_pattern_id(PatternKind kind);
/* The id back to a kind; -1 when unknown. */
int pacer_pattern_from_id(const char *id);

/* Starts at now_ms (the countdown begins); length_ms 0 is open-ended. */
void pacer_start(Pacer *pacer, const PacerPattern *pattern, int64_t now_ms, int64_t length_ms);
/* Pause at now_ms (ignored while paused or after the end); returns 1 if it paused. */
int pacer_pause(Pacer *pacer, int64_t now_ms);
/* Resume at now_ms (ignored unless paused); returns 1 if it resumed. */
int pacer_resume(Pacer *pacer, int64_t now_ms);
int pacer_paused(const Pacer *pacer);
/* ms since start without the paused intervals (exact for any now after the
 * intervals folded out of pauses[]). */
int64_t pacer_active_ms(const Pacer *pacer, int64_t now_ms);
/* Everything the screen shows, at now_ms. */
PacerState pacer_at(const Pacer *pacer, int64_t now_ms);
/* Monotonic ms from now_ms until the phase, the countdown or the seconds count
 * next changes; -1 while paused or done. */
int64_t pacer_next_change_ms(const Pacer *pacer, int64_t now_ms);
/* Breaths a minute x 10 of the breath that starts at breathing_ms (Slowing ramps;
 * other patterns are constant). */
int32_t pacer_rate_x10_at(const PacerPattern *pattern, int64_t breathing_ms);
/* The length of one breath beginning at breathing_ms, and its phases (out may be NULL). */
int32_t pacer_breath_ms_at(const PacerPattern *pattern, int64_t breathing_ms, int32_t out[4]);
/* The smooth in-out curve used for the circle: 0 at 0, 1 at 1, flat at both ends. */
float pacer_ease(float x);

#endif
