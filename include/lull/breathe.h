/* Guided breathing in the app: the remembered choices (pattern, length, sound,
 * volume, cues, custom patterns), the running session around the pacer, its
 * sound requests and its durable log: one field of App. The screens are in
 * src/core/breathe.c. Pure C11; the platform only lists and decodes sound files. */
#ifndef LULL_BREATHE_H
#define LULL_BREATHE_H

#include <stdint.h>

#include "lull/mixer.h"
#include "lull/pacer.h"
#include "lull/ui.h"

enum {
    BREATHE_MAX_CUSTOM = 6,
    BREATHE_NAME_CHARS = 20,
    BREATHE_NAME_MAX = 96, /* bytes of UTF-8 */
    BREATHE_MAX_FILES = 12,
    BREATHE_FILE_MAX = 96,   /* a file name in the sounds folder */
    BREATHE_SOUND_MAX = 104, /* "ocean", ..., "silence" or "file:NAME" */
    BREATHE_DEFAULT_VOLUME = 70,
    BREATHE_FADE_MS = 2000, /* the bed fades in and out over this */
};

typedef struct {
    int used;
    char name[BREATHE_NAME_MAX];
    PacerPattern pattern;
} BreatheCustom;

typedef struct {
    /* the choices, kept as breathe.* settings */
    PatternKind kind;
    int custom;     /* the custom pattern chosen, when kind is PATTERN_CUSTOM */
    int length_min; /* 0: open-ended */
    char sound[BREATHE_SOUND_MAX];
    int volume; /* 0..100: the bed and the cue tones */
    int cues;   /* soft tones at the in- and out-breath */
    int32_t slowing_end_x10;
    BreatheCustom customs[BREATHE_MAX_CUSTOM];

    /* the couple's own sounds, listed by the platform */
    char files[BREATHE_MAX_FILES][BREATHE_FILE_MAX];
    int file_count;
    char file_failed[BREATHE_FILE_MAX]; /* the platform could not decode this one */

    /* the session */
    Pacer pacer;
    int running;
    int64_t started_wall_ms;
    int32_t started_offset_s;
    char run_id[32]; /* the pattern's stable id */
    char run_label[BREATHE_NAME_MAX];
    int run_ambient;      /* AmbientId playing */
    int64_t checkpoint_mono; /* the last "breathe.running" checkpoint */
    PacerPhase cue_phase; /* the phase the last cue was decided for */
    int64_t cue_breath;

    /* the summary on breathe-done */
    int64_t done_ms;
    int64_t done_breaths;
    char done_label[BREATHE_NAME_MAX];
    int done_early;

    /* the picker */
    UiScroll scroll;
    int naming; /* the keyboard names a custom pattern */
    int naming_custom;
} BreatheState;

/* Defaults: Calm 5·5, 5 minutes, Ocean, volume 70, cues on, Slowing to 6 a minute. */
void breathe_init(BreatheState *b);
/* The platform's list of sound files (names only, in the order to show). */
void breathe_set_files(BreatheState *b, const char *const *names, int count);
/* The sound file the chosen sound needs decoded and given to the mixer, or NULL. */
const char *breathe_wanted_file(const BreatheState *b);
/* The platform could not decode name: it is shown as unplayable and not asked for again. */
void breathe_file_failed(BreatheState *b, const char *name);

#endif
