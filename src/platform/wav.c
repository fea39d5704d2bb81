/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "wav.h"

#include "paths.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct WavWriter {
    FILE *file;
    int channels;
    uint32_t data_bytes;
    int failed;
};

enum { WAV_HEADER_BYTES = 44 };

static void put_u16(unsigned char *at, uint32_t value)
{
    at[0] = (unsigned char)(value & 0xFFu);
    at[1] = (unsigned char)((value >> 8) & 0xFFu);
}

static void put_u32(unsigned char *at, uint32_t value)
{
    put_u16(at, value & 0xFFFFu);
    put_u16(at + 2, value >> 16);
}

/* The canonical 44-byte header; sizes are patched by wav_close. */
static void wav_header(unsigned char *header, int rate, int channels, uint32_t data_bytes)
{
    uint32_t block = (uint32_t)channels * 2u;
    memcpy(header, "RIFF", 4);
    put_u32(header + 4, 36u + data_bytes);
    memcpy(header + 8, "WAVEfmt ", 8);
    put_u32(header + 16, 16u);
    put_u16(header + 20, 1u); /* PCM */
    put_u16(header + 22, (uint32_t)channels);
    put_u32(header + 24, (uint32_t)rate);
    put_u32(header + 28, (uint32_t)rate * block);
    put_u16(header + 32, block);
    put_u16(header + 34, 16u);
    memcpy(header + 36, "data", 4);
    put_u32(header + 40, data_bytes);
}

WavWriter *wav_open(const char *path, int rate, int channels, char *err, size_t err_size)
{
    if (!path || rate <= 0 || rate > 1000000 || channels < 1 || channels > 8) {
        snprintf(err, err_size, "wav: bad format (%d Hz, %d channels)", rate, channels);
        return NULL;
    }
    WavWriter *wav = calloc(1, sizeof *wav);
    if (!wav) {
        snprintf(err, err_size, "wav: out of memory");
        return NULL;
    }
    wav->channels = channels;
    wav->file = paths_create_private(path);
    if (!wav->file) {
        snprintf(err, err_size, "%s: %s", path, strerror(errno));
        free(wav);
        return NULL;
    }
    unsigned char header[WAV_HEADER_BYTES];
    wav_header(header, rate, channels, 0u);
    if (fwrite(header, 1, sizeof header, wav->file) != sizeof header) {
        snprintf(err, err_size, "%s: %s", path, strerror(errno));
        fclose(wav->file);
        remove(path);
        free(wav);
        return NULL;
    }
    return wav;
}

int wav_write(WavWriter *wav, const int16_t *frames, int frame_count)
{
    if (!wav || wav->failed || frame_count < 0 || (frame_count > 0 && !frames))
        return -1;
    size_t values = (size_t)frame_count * (size_t)wav->channels;
    if ((uint64_t)wav->data_bytes + 2u * (uint64_t)values > 0xFFFFFFFFu - 36u) {
        wav->failed = 1; /* RIFF sizes are 32-bit */
        return -1;
    }
    unsigned char chunk[4096];
    size_t done = 0;
    while (done < values) {
        size_t count = values - done;
        if (count > sizeof chunk / 2)
            count = sizeof chunk / 2;
        for (size_t i = 0; i < count; i++)
            put_u16(chunk + 2 * i, (uint32_t)(uint16_t)frames[done + i]); /* little-endian */
        if (fwrite(chunk, 2, count, wav->file) != count) {
            wav->failed = 1;
            return -1;
        }
        done += count;
    }
    wav->data_bytes += (uint32_t)(2u * values);
    return 0;
}

int wav_close(WavWriter *wav)
{
    if (!wav)
        return 0;
    int failed = wav->failed;
    unsigned char size[4];
    put_u32(size, 36u + wav->data_bytes);
    if (fseek(wav->file, 4, SEEK_SET) != 0 || fwrite(size, 1, 4, wav->file) != 4)
        failed = 1;
    put_u32(size, wav->data_bytes);
    if (fseek(wav->file, 40, SEEK_SET) != 0 || fwrite(size, 1, 4, wav->file) != 4)
        failed = 1;
    if (fclose(wav->file) != 0)
        failed = 1;
    free(wav);
    return failed ? -1 : 0;
}
