/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The couple's own sounds for breathing: the .ogg, .wav and .mp3 files in the
 * sounds folder beside the database, listed for the picker; the one chosen is
 * decoded and handed to the mixer. Platform only (dirent, SDL_mixer via audio.c). */
#ifndef LULL_PLATFORM_SOUNDS_H
#define LULL_PLATFORM_SOUNDS_H

#include "audio.h"
#include "lull/breathe.h"
#include "lull/mixer.h"

typedef struct Sounds Sounds;

/* Lists <folder of db_path>/sounds into breathe's picker. NULL when out of memory
 * (there are then no files to choose; everything else works). */
/* The sounds folder beside the journal; in_step (virtual time, --clock fake):
 * everything within the frame that needs it, so a script sees the same thing
 * every run; else the folder is read, and files decoded, on threads of their
 * own, and the frames never wait for them. */
Sounds *sounds_open(const char *db_path, BreatheState *breathe, int in_step);
/* Once a frame, before the app's sound requests reach the mixer: has the file
 * the chosen sound wants decoded (on a thread of its own on real time, so the
 * frame never waits; a FIFO or a track far too long is refused at once and
 * breathe told), gives it to the mixer under the audio lock, and frees files
 * the mixer no longer reads. Returns 1 when what the app shows changed. */
int sounds_update(Sounds *sounds, BreatheState *breathe, Mixer *mixer, Audio *audio);
/* Frees every decoded file: call after the audio is closed. NULL is a no-op. */
/* 1 while a file is being decoded aside: the loop looks in on it. */
int sounds_busy(const Sounds *s);
void sounds_close(Sounds *sounds);

#endif
