/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Lull's one-shot sounds (earcons, cue tones, gong, chime), private to the mixer.
 * Each sound is a pure function of its frame position: no state, no tables built
 * at run time, so a voice can be rendered from any point and always the same way. */
#ifndef LULL_SYNTH_H
#define LULL_SYNTH_H

#include <stdint.h>

#include "lull/mixer.h"

/* Length in frames at MIXER_RATE; 0 for SOUND_NONE or out of range. */
uint32_t synth_sound_frames(SoundId sound);
/* The mono sample (full scale 1.0, before gain) at frame pos: 0 at pos 0, gliding
 * to exactly 0 at synth_sound_frames(sound), and 0 from there on. */
float synth_sound_sample(SoundId sound, uint32_t pos);

#endif
