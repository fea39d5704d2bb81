/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Guided breathing: the choices on offer and the remembered ones (pattern,
 * length, sound, volume, cues, custom patterns), and the running session's data
 * around the pacer: one field of App. Pure C11; the session's logic is in
 * src/core/app/breathing.c, the screens in src/core/screens/. */
#ifndef LULL_BREATHE_H
#define LULL_BREATHE_H

#include <stddef.h>
#include <stdint.h>

#include "lull/mixer.h"
#include "lull/pacer.h"

enum {
    BREATHE_MAX_CUSTOM = 6,
    BREATHE_NAME_CHARS = 20,
    BREATHE_NAME_MAX = 96,   /* bytes of UTF-8 */
    BREATHE_MAX_FILES = 200, /* offered, by name; more in the folder are counted and said */
    BREATHE_FILE_MAX = 96,   /* a file name in the sounds folder */
    BREATHE_SOUND_MAX = 104, /* "ocean", ..., "silence" or "file:NAME" */
    BREATHE_DEFAULT_VOLUME = 70,
    BREATHE_FADE_MS = 2000,       /* the bed fades in and out over this */
    BREATHE_SHORT_MS = 120000,    /* a session shorter than this is "a short breath" */
    BREATHE_CALM_AFTER_MS = 6000, /* untouched this long, the chrome steps back... */
    BREATHE_CALM_FADE_MS = 1000,  /* ...over this */
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
    int files_more; /* playable files in the folder past the first BREATHE_MAX_FILES by name */
    char file_failed[BREATHE_FILE_MAX]; /* the platform could not decode this one */

    /* the session */
    Pacer pacer;
    int running;
    int64_t started_wall_ms;
    int32_t started_offset_s;
    char run_id[32]; /* the pattern's stable id */
    char run_label[BREATHE_NAME_MAX];
    int run_ambient;         /* AmbientId playing */
    int64_t checkpoint_mono; /* the last "breathe.running" checkpoint */
    PacerPhase cue_phase;    /* the phase the last cue was decided for */
    int64_t cue_breath;

    /* the summary on breathe-done */
    int64_t done_ms;
    int64_t done_breaths;
    char done_label[BREATHE_NAME_MAX];
    int done_early;
} BreatheState;

enum { BREATHE_PRESET_COUNT = 5, BREATHE_LENGTH_COUNT = 7, BREATHE_BED_COUNT = 5 };

typedef struct {
    PatternKind kind;
    const char *label;
} BreathePreset;

typedef struct {
    const char *id; /* the breathe.sound setting's value */
    const char *label;
    AmbientId bed;
} BreatheBed;

/* The patterns on offer (Custom aside), the lengths in minutes (0: open-ended,
 * last) and the beds (Silence last); a custom pattern's four phases' names. */
extern const BreathePreset breathe_presets[BREATHE_PRESET_COUNT];
extern const int breathe_lengths[BREATHE_LENGTH_COUNT];
extern const BreatheBed breathe_beds[BREATHE_BED_COUNT];
extern const char *const breathe_phase_names[4];

/* Defaults: Calm 5·5, 5 minutes, Ocean, volume 70, cues on, Slowing to 6 a minute. */
void breathe_init(BreatheState *b);
/* The platform's list of sound files (names only, in the order to show). */
void breathe_set_files(BreatheState *b, const char *const *names, int count);
/* The sound file the chosen sound needs decoded and given to the mixer, or NULL. */
const char *breathe_wanted_file(const BreatheState *b);
/* The platform could not decode name: it is shown as unplayable and not asked for again. */
void breathe_file_failed(BreatheState *b, const char *name);

/* Applies a breathe.* setting (name without "breathe."); 0 when name is not one. */
int breathe_apply(BreatheState *b, const char *name, const char *value);
/* The bed the chosen sound plays (a missing or unplayable file is silence). */
AmbientId breathe_chosen_bed(const BreatheState *b);
/* The chosen pattern, as the pacer takes it. */
PacerPattern breathe_chosen_pattern(const BreatheState *b);
/* 1 when custom slot i holds a pattern. */
int breathe_custom_valid(const BreatheState *b, int i);
/* The chosen pattern's and sound's names as the screens show them. */
const char *breathe_pattern_words(const BreatheState *b);
void breathe_sound_words(const BreatheState *b, char *out, size_t size);

#endif
