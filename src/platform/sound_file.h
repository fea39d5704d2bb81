/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One of the couple's sound files, read as it plays: libsndfile decodes it (WAV,
 * Ogg Vorbis, MP3, FLAC, Opus, by content), SDL's audio stream converts it to the
 * mixer's 48 kHz stereo S16, and a Stream (lull/stream.h) holds a few seconds of it
 * ahead of the mixer, so memory stays small whatever the file's length. On real
 * time a thread of its own opens, checks and reads it: a FIFO or a stalled disk
 * never holds the frame. On virtual time (--clock fake) the caller pumps it within
 * the frame, so a script hears the same thing every run. Platform only. */
#ifndef LULL_PLATFORM_SOUND_FILE_H
#define LULL_PLATFORM_SOUND_FILE_H

#include "lull/stream.h"

typedef struct SoundFile SoundFile;

typedef enum {
    SOUND_FILE_OPENING, /* being opened and read for the first time */
    SOUND_FILE_PLAYING, /* the ring is full: give the stream to the mixer */
    SOUND_FILE_FAILED,  /* see sound_file_error */
} SoundFileState;

/* A file to be read; NULL when out of memory. Nothing is opened yet. */
SoundFile *sound_file_new(const char *path);
/* Real time: starts the thread that opens, checks and keeps the ring fed.
 * Returns -1 when no thread could be had (then pump it). */
int sound_file_start(SoundFile *file);
/* Without a thread (virtual time): opens and checks it the first time, then
 * fills the ring. A no-op for a file with a thread of its own. */
void sound_file_pump(SoundFile *file);
SoundFileState sound_file_state(SoundFile *file);
/* Why it failed ("…: not a regular file"); "" before it did. */
const char *sound_file_error(SoundFile *file);
Stream *sound_file_stream(SoundFile *file);
/* Stops the reading and frees the file, once the mixer no longer uses its stream.
 * Waits up to wait_ms for the thread to end (0 while the frames run: never wait);
 * a thread still reading is let go, and frees what is left when its read returns.
 * NULL is a no-op. */
void sound_file_release(SoundFile *file, int wait_ms);

#endif
