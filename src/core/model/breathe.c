/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Guided breathing's choices: the patterns, lengths and beds on offer, the
 * couple's remembered choice of each (breathe.* settings), their own patterns
 * and sound files, and what they amount to (a pacer pattern, a bed). Pure C11. */
#include "lull/breathe.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lull/utf8.h"

const BreathePreset breathe_presets[BREATHE_PRESET_COUNT] = {
    {PATTERN_CALM, "Calm 5·5"},   {PATTERN_LONGER_OUT, "Longer out 4·6"},
    {PATTERN_BOX, "Box 4·4·4·4"}, {PATTERN_RELAX, "4·7·8"},
    {PATTERN_SLOWING, "Slowing"},
};

const int breathe_lengths[BREATHE_LENGTH_COUNT] = {2, 5, 8, 10, 15, 20, 0};

const BreatheBed breathe_beds[BREATHE_BED_COUNT] = {
    {"ocean", "Ocean", AMBIENT_OCEAN},       {"rain", "Rain", AMBIENT_RAIN},
    {"brown", "Brown noise", AMBIENT_BROWN}, {"drone", "Soft drone", AMBIENT_DRONE},
    {"silence", "Silence", AMBIENT_SILENCE},
};

const char *const breathe_phase_names[4] = {"In", "Hold in", "Out", "Hold out"};

void breathe_init(BreatheState *b)
{
    memset(b, 0, sizeof *b);
    b->kind = PATTERN_CALM;
    b->length_min = 5;
    snprintf(b->sound, sizeof b->sound, "%s", "ocean");
    b->volume = BREATHE_DEFAULT_VOLUME;
    b->cues = 1;
    b->slowing_end_x10 = PACER_SLOWING_END_DEFAULT_X10;
    b->cue_phase = PHASE_DONE;
}

void breathe_set_files(BreatheState *b, const char *const *names, int count)
{
    b->file_count = 0;
    b->files_more = 0;
    for (int i = 0; i < count; i++) {
        if (!names[i] || !names[i][0] || strlen(names[i]) >= BREATHE_FILE_MAX)
            continue;
        if (b->file_count < BREATHE_MAX_FILES)
            snprintf(b->files[b->file_count++], BREATHE_FILE_MAX, "%s", names[i]);
        else
            b->files_more++;
    }
}

static const char *chosen_file(const BreatheState *b)
{
    if (strncmp(b->sound, "file:", 5) != 0)
        return NULL;
    for (int i = 0; i < b->file_count; i++)
        if (strcmp(b->files[i], b->sound + 5) == 0)
            return b->files[i];
    return NULL; /* gone from the folder */
}

const char *breathe_wanted_file(const BreatheState *b)
{
    const char *file = chosen_file(b);
    return file && strcmp(file, b->file_failed) != 0 ? file : NULL;
}

void breathe_file_failed(BreatheState *b, const char *name)
{
    snprintf(b->file_failed, sizeof b->file_failed, "%s", name ? name : "");
}

/* The bed the chosen sound plays (a missing or unplayable file is silence). */
AmbientId breathe_chosen_bed(const BreatheState *b)
{
    if (strncmp(b->sound, "file:", 5) == 0)
        return breathe_wanted_file(b) ? AMBIENT_FILE : AMBIENT_SILENCE;
    for (int i = 0; i < BREATHE_BED_COUNT; i++)
        if (strcmp(b->sound, breathe_beds[i].id) == 0)
            return breathe_beds[i].bed;
    return AMBIENT_SILENCE;
}

void breathe_sound_words(const BreatheState *b, char *out, size_t size)
{
    const char *file = chosen_file(b);
    if (file) {
        snprintf(out, size, "%s", file);
        char *dot = strrchr(out, '.');
        if (dot && dot != out)
            *dot = '\0';
        return;
    }
    AmbientId bed = breathe_chosen_bed(b);
    for (int i = 0; i < BREATHE_BED_COUNT; i++)
        if (breathe_beds[i].bed == bed)
            snprintf(out, size, "%s", breathe_beds[i].label);
}

int breathe_custom_valid(const BreatheState *b, int i)
{
    return i >= 0 && i < BREATHE_MAX_CUSTOM && b->customs[i].used;
}

PacerPattern breathe_chosen_pattern(const BreatheState *b)
{
    if (b->kind == PATTERN_CUSTOM && breathe_custom_valid(b, b->custom))
        return b->customs[b->custom].pattern;
    if (b->kind == PATTERN_SLOWING)
        return pacer_slowing(b->slowing_end_x10);
    return pacer_pattern(b->kind == PATTERN_CUSTOM ? PATTERN_CALM : b->kind);
}

const char *breathe_pattern_words(const BreatheState *b)
{
    if (b->kind == PATTERN_CUSTOM && breathe_custom_valid(b, b->custom))
        return b->customs[b->custom].name;
    for (int i = 0; i < BREATHE_PRESET_COUNT; i++)
        if (breathe_presets[i].kind == b->kind)
            return breathe_presets[i].label;
    return breathe_presets[0].label;
}

static int parse_int(const char *text, int lo, int hi, int *out)
{
    char *end;
    long v = strtol(text, &end, 10);
    if (end == text || *end || v < lo || v > hi)
        return -1;
    *out = (int)v;
    return 0;
}

/* "in,hold,out,hold,name" in whole seconds; "" deletes. */
static void apply_custom(BreatheState *b, int slot, const char *value)
{
    BreatheCustom *c = &b->customs[slot];
    if (!value[0]) {
        memset(c, 0, sizeof *c);
        return;
    }
    int s[4];
    const char *p = value;
    for (int i = 0; i < 4; i++) {
        char *end;
        long v = strtol(p, &end, 10);
        if (end == p || *end != ',' || v < 0 || v > 12)
            return;
        s[i] = (int)v;
        p = end + 1;
    }
    if (!*p)
        return;
    c->used = 1;
    utf8_copy(c->name, sizeof c->name, p);
    c->pattern = pacer_custom(s[0] * 1000, s[1] * 1000, s[2] * 1000, s[3] * 1000);
}

int breathe_apply(BreatheState *b, const char *name, const char *value)
{
    int v;
    if (strcmp(name, "pattern") == 0) {
        int kind = pacer_pattern_from_id(value);
        if (strncmp(value, "custom.", 7) == 0 &&
            parse_int(value + 7, 0, BREATHE_MAX_CUSTOM - 1, &v) == 0) {
            b->kind = PATTERN_CUSTOM;
            b->custom = v;
        } else if (kind >= 0 && kind != PATTERN_CUSTOM) {
            b->kind = (PatternKind)kind;
        }
    } else if (strcmp(name, "length") == 0) {
        for (int i = 0; i < BREATHE_LENGTH_COUNT; i++)
            if (parse_int(value, 0, 20, &v) == 0 && v == breathe_lengths[i])
                b->length_min = v;
    } else if (strcmp(name, "sound") == 0) {
        int known = strncmp(value, "file:", 5) == 0 && value[5];
        for (int i = 0; i < BREATHE_BED_COUNT; i++)
            known |= strcmp(value, breathe_beds[i].id) == 0;
        if (known && strlen(value) < sizeof b->sound)
            snprintf(b->sound, sizeof b->sound, "%s", value);
    } else if (strcmp(name, "volume") == 0) {
        if (parse_int(value, 0, 100, &v) == 0)
            b->volume = v;
    } else if (strcmp(name, "cues") == 0) {
        if (parse_int(value, 0, 1, &v) == 0)
            b->cues = v;
    } else if (strcmp(name, "slowing_end") == 0) {
        int lo = PACER_SLOWING_END_MIN_X10 / 10, hi = PACER_SLOWING_END_MAX_X10 / 10;
        if (parse_int(value, lo, hi, &v) == 0)
            b->slowing_end_x10 = v * 10;
    } else if (strncmp(name, "custom.", 7) == 0) {
        if (parse_int(name + 7, 0, BREATHE_MAX_CUSTOM - 1, &v) == 0)
            apply_custom(b, v, value);
    } else {
        return 0;
    }
    return 1;
}
