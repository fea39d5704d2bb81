/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The speaker path: SDL's audio callback pulls 48 kHz stereo S16 from the core
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
/* While nothing can be heard the device is closed (audio_rest), so that neither
 * SDL's thread nor the sound card does anything; audio_wake opens it again for the
 * next sound, which then starts from its first sample (the mixer did not run
 * meanwhile). Both on the main thread, after the frame. audio_rest returns 1 when
 * it closed the device; audio_wake 0, or -1 when the device would not open (it is
 * tried again at the next sound). */
int audio_rest(Audio *audio);
int audio_wake(Audio *audio);
int audio_resting(const Audio *audio);
/* ./dev bench: heard is called on the audio thread with every buffer rendered. */
typedef void (*AudioHeardFn)(void *ctx, const int16_t *frames, int count);
void audio_set_heard(Audio *audio, AudioHeardFn heard, void *ctx);
/* Stops the callback and closes the device. NULL is a no-op. */
void audio_close(Audio *audio);

#endif
