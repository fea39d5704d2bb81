/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The couple's own sounds for breathing: the .ogg, .wav, .mp3 and .flac files in
 * the sounds folder beside the database, listed for the picker; the one chosen is
 * streamed to the mixer (sound_file.c). Platform only (dirent, SDL threads). */
#ifndef LULL_PLATFORM_SOUNDS_H
#define LULL_PLATFORM_SOUNDS_H

#include "audio.h"
#include "lull/breathe.h"
#include "lull/mixer.h"

typedef struct Sounds Sounds;

/* Lists <folder of db_path>/sounds into breathe's picker. NULL when out of memory
 * (there are then no files to choose; everything else works). in_step (virtual
 * time, --clock fake): everything within the frame that needs it, so a script
 * hears the same thing every run; else the folder is read, and files read, on
 * threads of their own, and the frames never wait for them. */
Sounds *sounds_open(const char *db_path, BreatheState *breathe, int in_step);
/* Once a frame, before the app's sound requests reach the mixer: has the file
 * the chosen sound wants opened and read ahead (on a thread of its own on real
 * time, so the frame never waits; a FIFO or something that is no sound is refused
 * at once and breathe told), gives it to the mixer under the audio lock, and lets
 * go of files the mixer no longer reads. Returns 1 when what the app shows changed. */
int sounds_update(Sounds *sounds, BreatheState *breathe, Mixer *mixer, Audio *audio);
/* 1 while a file is being opened or the folder read: the loop looks in on it. */
int sounds_busy(const Sounds *s);
/* Lets go of every file: call after the audio is closed. NULL is a no-op. */
void sounds_close(Sounds *sounds);

#endif
