/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The speaker path: SDL_mixer's music hook pulls 48 kHz stereo S16 from the core
 * mixer (the couple's sound files are read into it by sound_file.c). Platform only;
 * with no audio device everything here degrades to a silent no-op. */
#ifndef LULL_PLATFORM_AUDIO_H
#define LULL_PLATFORM_AUDIO_H

#include <stddef.h>
#include <stdint.h>

#include "lull/mixer.h"

typedef struct Audio Audio;

/* Opens the default device at exactly 48000 Hz, S16, stereo (SDL converts if the
 * hardware differs) and starts pulling frames from mixer, which must outlive the
 * Audio. Returns NULL when there is no usable device, with a short note for the
 * screen in note ("Sound is off: no audio device"); the SDL message is logged. */
Audio *audio_open(Mixer *mixer, char *note, size_t note_size);
/* Brackets every change to the mixer while audio is open (mixer_apply, …): the
 * callback renders under the same lock. NULL-safe no-ops. Keep the hold short. */
void audio_lock(Audio *audio);
void audio_unlock(Audio *audio);
/* Stops the callback and closes the device. NULL is a no-op. */
void audio_close(Audio *audio);

#endif
