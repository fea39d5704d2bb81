/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A streaming WAV writer for --audio-out: 16-bit PCM written as it is mixed, the
 * RIFF sizes patched on close. Plain stdio; knows nothing about SDL or the mixer. */
#ifndef LULL_PLATFORM_WAV_H
#define LULL_PLATFORM_WAV_H

#include <stddef.h>
#include <stdint.h>

typedef struct WavWriter WavWriter;

/* Creates (or truncates) path for rate Hz, channels 1..8 of S16. Returns NULL with
 * a message in err on failure. */
WavWriter *wav_open(const char *path, int rate, int channels, char *err, size_t err_size);
/* Appends frame_count frames of interleaved samples (channels values each).
 * Returns 0, or -1 on a write error or past the 4 GiB a WAV can hold. */
int wav_write(WavWriter *wav, const int16_t *frames, int frame_count);
/* Patches the header sizes and closes. Returns 0, or -1 if anything failed since
 * wav_open (the file is then incomplete). NULL is a no-op returning 0. */
int wav_close(WavWriter *wav);

#endif
