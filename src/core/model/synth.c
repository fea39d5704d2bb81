/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Lull's one-shot sounds: a small table of notes, each a warm timbre under a soft
 * attack and an exponential decay that is shifted to reach exactly zero at the
 * note's end. Pitches sit on one warm scale so signals heard together still agree. */
#include "synth.h"

#include <math.h>

#define SYNTH_PI 3.14159265358979323846

typedef enum {
    TIMBRE_WARM,    /* sine with a little 2nd and 3rd harmonic that fade first */
    TIMBRE_MARIMBA, /* sine with a short, quiet 4th and 10th mode: a soft mallet */
    TIMBRE_FM,      /* soft FM (ratio 1), the brightness fading faster than the tone */
    TIMBRE_BELL,    /* inharmonic bell partials 1 : 2.76 : 5.40 */
    TIMBRE_BOWL     /* singing bowl: 1 : 2.71 : 5.15 : 8.43, each slowly beating */
} Timbre;

typedef struct {
    float start_ms, dur_ms;
    float hz, hz_end; /* hz_end != hz: an exponential glide over the note */
    float amp;
    float attack_ms, tau_ms;
    Timbre timbre;
} Note;

enum { SYNTH_NOTES = 3 };

typedef struct {
    int length_ms;
    int note_count;
    float level; /* scales the notes so the peak lands where it should */
    Note notes[SYNTH_NOTES];
} SoundDef;

/* Earcons peak near -12 dBFS, the breathing cues (heard every breath) near -16 dBFS,
 * the gong and the chime near -13 dBFS. First notes all differ by at least a
 * semitone, and the contours differ: that is how they are told apart. */
/* The table keeps one sound a row: its length, note count and level, then the notes. */
/* clang-format off */
static const SoundDef synth_sounds[SOUND_COUNT] = {
    [SOUND_NONE] = {0, 0, 0.0f, {{0}}},
    /* a warm rising major third, F4 to A4 */
    [SOUND_GOOD] = {650, 2, 0.2012f,
                    {{0, 450, 349.23f, 349.23f, 1.0f, 8, 160, TIMBRE_MARIMBA},
                     {150, 500, 440.00f, 440.00f, 1.0f, 8, 180, TIMBRE_MARIMBA}}},
    /* two slow descending notes, A4 to E4 */
    [SOUND_SLOWER] = {900, 2, 0.2668f,
                      {{0, 500, 440.00f, 440.00f, 1.0f, 20, 220, TIMBRE_WARM},
                       {380, 520, 329.63f, 329.63f, 1.0f, 20, 240, TIMBRE_WARM}}},
    /* a gentle questioning rise, D4 up a sixth to B4 */
    [SOUND_CHECK_IN] = {700, 2, 0.2463f,
                        {{0, 320, 293.66f, 293.66f, 1.0f, 10, 140, TIMBRE_FM},
                         {220, 480, 493.88f, 493.88f, 1.0f, 10, 170, TIMBRE_FM}}},
    /* a low soft double pulse on E3: present, not alarming */
    [SOUND_PAIN] = {460, 2, 0.2959f,
                    {{0, 260, 164.81f, 164.81f, 1.0f, 12, 80, TIMBRE_WARM},
                     {200, 260, 164.81f, 164.81f, 0.9f, 12, 80, TIMBRE_WARM}}},
    /* one slow low tone sinking B3 to F#3 */
    [SOUND_TIRED] = {850, 1, 0.2825f, {{0, 850, 246.94f, 185.00f, 1.0f, 40, 380, TIMBRE_WARM}}},
    /* a single soft low bell, G3 */
    [SOUND_PAUSE] = {900, 1, 0.1902f, {{0, 900, 196.00f, 196.00f, 1.0f, 6, 340, TIMBRE_BELL}}},
    /* a soft descending cadence G4 E4 C4 */
    [SOUND_STOP] = {900, 3, 0.2551f,
                    {{0, 300, 392.00f, 392.00f, 1.0f, 10, 130, TIMBRE_WARM},
                     {220, 300, 329.63f, 329.63f, 1.0f, 10, 130, TIMBRE_WARM},
                     {440, 460, 261.63f, 261.63f, 1.0f, 10, 220, TIMBRE_WARM}}},
    /* a light high single note, D5 */
    [SOUND_READY] = {400, 1, 0.2659f, {{0, 400, 587.33f, 587.33f, 1.0f, 6, 120, TIMBRE_FM}}},
    /* a rising arpeggio C4 E4 G4 */
    [SOUND_RESUME] = {690, 3, 0.2072f,
                      {{0, 250, 261.63f, 261.63f, 1.0f, 8, 110, TIMBRE_MARIMBA},
                       {120, 250, 329.63f, 329.63f, 1.0f, 8, 110, TIMBRE_MARIMBA},
                       {240, 450, 392.00f, 392.00f, 1.0f, 8, 200, TIMBRE_MARIMBA}}},
    /* in-breath: a soft swell gliding up C4 to F4 */
    [SOUND_CUE_IN] = {600, 1, 0.2311f, {{0, 600, 261.63f, 349.23f, 1.0f, 90, 260, TIMBRE_FM}}},
    /* out-breath: a soft swell gliding down A3 to E3, wholly below the in-breath */
    [SOUND_CUE_OUT] = {600, 1, 0.2310f, {{0, 600, 220.00f, 164.81f, 1.0f, 90, 260, TIMBRE_FM}}},
    /* a singing bowl on C3, ringing about four seconds */
    [SOUND_GONG] = {5500, 1, 0.1294f, {{0, 5500, 130.81f, 130.81f, 1.0f, 14, 1500, TIMBRE_BOWL}}},
    /* a closing chime E5 C#5 A4 */
    [SOUND_CHIME] = {2400, 3, 0.1215f,
                     {{0, 1800, 659.26f, 659.26f, 1.0f, 6, 520, TIMBRE_BELL},
                      {300, 1800, 554.37f, 554.37f, 0.9f, 6, 540, TIMBRE_BELL},
                      {600, 1800, 440.00f, 440.00f, 0.85f, 6, 600, TIMBRE_BELL}}},
};
/* clang-format on */

uint32_t synth_sound_frames(SoundId sound)
{
    if ((int)sound <= (int)SOUND_NONE || (int)sound >= (int)SOUND_COUNT)
        return 0;
    return (uint32_t)synth_sounds[sound].length_ms * (uint32_t)(MIXER_RATE / 1000);
}

/* Phase in radians at t seconds; an exponential glide has a closed form, so the
 * pitch is a function of time and never accumulates error. */
static double note_phase(const Note *note, double t, double dur)
{
    double f0 = (double)note->hz;
    if (note->hz_end == note->hz)
        return 2.0 * SYNTH_PI * f0 * t;
    double k = log((double)note->hz_end / f0) / dur;
    return 2.0 * SYNTH_PI * f0 * (exp(k * t) - 1.0) / k;
}

/* 1 at t = 0 falling exponentially with time constant tau, shifted and scaled to be
 * exactly 0 at t = dur: a natural decay that still ends in true silence. */
static double decay_to_zero(double t, double tau, double dur)
{
    double floor_level = exp(-dur / tau);
    return (exp(-t / tau) - floor_level) / (1.0 - floor_level);
}

/* sin of ratio times the note's phase. The product is reduced to one turn in double
 * (a non-integer ratio must be reduced after multiplying, or it would jump at every
 * turn), so the sine itself can run in float: about twice as fast on a Pi. */
static float partial(double turns, double ratio)
{
    double x = turns * ratio;
    return sinf((float)(2.0 * SYNTH_PI * (x - floor(x))));
}

static float timbre_sample(Timbre timbre, double turns, float t, float tau)
{
    switch (timbre) {
    case TIMBRE_WARM:
        return partial(turns, 1.0) + 0.15f * expf(-2.0f * t / tau) * partial(turns, 2.0) +
               0.05f * expf(-3.0f * t / tau) * partial(turns, 3.0);
    case TIMBRE_MARIMBA:
        return partial(turns, 1.0) + 0.12f * expf(-t / 0.025f) * partial(turns, 4.0) +
               0.02f * expf(-t / 0.008f) * partial(turns, 9.8);
    case TIMBRE_FM: {
        float index = 0.55f * expf(-t / (0.5f * tau));
        float phase = (float)(2.0 * SYNTH_PI * (turns - floor(turns)));
        return sinf(phase + index * sinf(phase));
    }
    case TIMBRE_BELL:
        return partial(turns, 1.0) + 0.30f * expf(-1.5f * t / tau) * partial(turns, 2.76) +
               0.10f * expf(-3.0f * t / tau) * partial(turns, 5.40);
    case TIMBRE_BOWL: {
        static const double ratio[4] = {1.0, 2.71, 5.15, 8.43};
        static const float amp[4] = {1.0f, 0.55f, 0.25f, 0.10f};
        static const float life[4] = {1.0f, 0.72f, 0.45f, 0.28f};
        static const float beat_hz[4] = {0.55f, 1.1f, 1.7f, 2.3f};
        float sum = 0.0f;
        for (int i = 0; i < 4; i++) {
            /* each bowl mode is a near-degenerate pair: a slow, gentle beating */
            float mode = partial(turns, ratio[i]);
            float beat = 2.0f * (float)SYNTH_PI * beat_hz[i] * t;
            float twin = partial(turns, ratio[i]) * cosf(beat) +
                         partial(turns + 0.25 / ratio[i], ratio[i]) * sinf(beat);
            /* the note's envelope already decays the whole bowl; higher modes die sooner */
            sum += amp[i] * expf(-t * (1.0f / life[i] - 1.0f) / tau) * (mode + 0.3f * twin) / 1.3f;
        }
        return sum;
    }
    }
    return 0.0f;
}

float synth_sound_sample(SoundId sound, uint32_t pos)
{
    if (synth_sound_frames(sound) == 0)
        return 0.0f;
    const SoundDef *def = &synth_sounds[sound];
    double now = (double)pos / (double)MIXER_RATE;
    double sum = 0.0;
    for (int i = 0; i < def->note_count; i++) {
        const Note *note = &def->notes[i];
        double t = now - (double)note->start_ms / 1000.0;
        double dur = (double)note->dur_ms / 1000.0;
        if (t < 0.0 || t >= dur)
            continue;
        double tau = (double)note->tau_ms / 1000.0;
        double attack = (double)note->attack_ms / 1000.0;
        /* a raised-cosine attack starts with zero slope: no click, even on a low note */
        double rise = t < attack ? sin(0.5 * SYNTH_PI * t / attack) : 1.0;
        double envelope = rise * rise * decay_to_zero(t, tau, dur);
        double turns = note_phase(note, t, dur) / (2.0 * SYNTH_PI);
        sum += (double)note->amp * envelope *
               (double)timbre_sample(note->timbre, turns, (float)t, (float)tau);
    }
    return (float)(sum * (double)def->level);
}
