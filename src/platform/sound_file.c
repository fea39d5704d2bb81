/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "sound_file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <SDL.h>
#include <sndfile.h>

enum {
    READ_FRAMES = 2048,       /* read from the file at a time */
    CONVERTED_FRAMES = 16384, /* converted and waiting for room in the ring */
    FEED_SLEEP_MS = 20,       /* the reader's nap once the ring is full (5 s ahead) */
};

struct SoundFile {
    char path[2048];
    char err[2600];
    SDL_atomic_t state; /* SoundFileState */
    SDL_atomic_t stop;
    SDL_atomic_t refs;   /* the owner and the thread: the last one frees */
    SDL_atomic_t exited; /* the thread has ended */
    SDL_Thread *thread;
    /* the reader's own */
    SNDFILE *snd;
    int channels;
    SDL_AudioStream *convert;
    int at_end;          /* the file is read through and the converter flushed */
    uint64_t pass_total; /* frames read from the file this time through */
    float in[READ_FRAMES * 8];
    int16_t converted[2 * CONVERTED_FRAMES];
    uint32_t converted_count, converted_at;
    Stream stream;
};

SoundFile *sound_file_new(const char *path)
{
    SoundFile *file = calloc(1, sizeof *file);
    if (!file)
        return NULL;
    snprintf(file->path, sizeof file->path, "%s", path ? path : "");
    SDL_AtomicSet(&file->state, SOUND_FILE_OPENING);
    SDL_AtomicSet(&file->refs, 1);
    stream_init(&file->stream, 0);
    return file;
}

static int fail(SoundFile *file, const char *why)
{
    snprintf(file->err, sizeof file->err, "%s: %s", file->path, why);
    SDL_AtomicSet(&file->state, SOUND_FILE_FAILED);
    return -1;
}

/* Opened without waiting (a FIFO must not hang anything) and looked at before
 * anything is decoded. */
static int file_open(SoundFile *file)
{
    int fd = open(file->path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
        int code = errno;
        if (fd >= 0)
            close(fd);
        return fail(file, strerror(code));
    }
    if (!S_ISREG(st.st_mode)) {
        close(fd);
        return fail(file, "not a regular file");
    }
    int flags = fcntl(fd, F_GETFL);
    if (flags >= 0)
        (void)fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    SF_INFO info;
    memset(&info, 0, sizeof info);
    file->snd = sf_open_fd(fd, SFM_READ, &info, SF_TRUE); /* it closes fd, even on failure */
    if (!file->snd)
        return fail(file, sf_strerror(NULL));
    if (info.channels < 1 || info.channels > 8 || info.samplerate < 8000 ||
        info.samplerate > 384000)
        return fail(file, "not a sound this can play");
    if (info.frames < info.samplerate / 10)
        return fail(file, "too short to play (under 0.1 s)");
    file->channels = info.channels;
    file->convert = SDL_NewAudioStream(AUDIO_F32SYS, (Uint8)info.channels, info.samplerate,
                                       AUDIO_S16SYS, 2, STREAM_RATE);
    if (!file->convert)
        return fail(file, SDL_GetError());
    uint64_t frames = (uint64_t)info.frames * (uint64_t)STREAM_RATE / (uint64_t)info.samplerate;
    stream_init(&file->stream, frames);
    return 0;
}

/* Fills the ring as far as it goes. 0 when it is full, -1 on failure. */
static int file_fill(SoundFile *file)
{
    for (;;) {
        if (SDL_AtomicGet(&file->stop))
            return 0;
        if (file->converted_at < file->converted_count) {
            file->converted_at += stream_put(&file->stream,
                                             file->converted + 2u * file->converted_at,
                                             file->converted_count - file->converted_at);
            if (file->converted_at < file->converted_count)
                return 0;
        }
        file->converted_at = file->converted_count = 0;
        int got = SDL_AudioStreamGet(file->convert, file->converted, (int)sizeof file->converted);
        if (got < 0)
            return fail(file, SDL_GetError());
        if (got > 0) {
            file->converted_count = (uint32_t)got / (2u * sizeof(int16_t));
            continue;
        }
        if (!file->at_end) {
            sf_count_t n = sf_readf_float(file->snd, file->in, READ_FRAMES);
            if (n > 0) {
                file->pass_total += (uint64_t)n;
                int bytes = (int)n * file->channels * (int)sizeof(float);
                if (SDL_AudioStreamPut(file->convert, file->in, bytes) != 0)
                    return fail(file, SDL_GetError());
                continue;
            }
            if (sf_error(file->snd) != SF_ERR_NO_ERROR)
                return fail(file, sf_strerror(file->snd));
            if (file->pass_total == 0) /* never spin on a file that gives nothing */
                return fail(file, "no sound in it");
            SDL_AudioStreamFlush(file->convert);
            file->at_end = 1;
            continue;
        }
        /* Read through: fade the end into the start, and read it again. */
        if (!stream_loop(&file->stream))
            return 0;
        if (sf_seek(file->snd, 0, SEEK_SET) != 0)
            return fail(file, "cannot be read again from its start");
        SDL_AudioStreamClear(file->convert);
        file->at_end = 0;
        file->pass_total = 0;
    }
}

static void file_pump(SoundFile *file)
{
    if (sound_file_state(file) == SOUND_FILE_FAILED)
        return;
    if (!file->snd && file_open(file) != 0)
        return;
    if (file_fill(file) == 0)
        SDL_AtomicCAS(&file->state, SOUND_FILE_OPENING, SOUND_FILE_PLAYING);
}

void sound_file_pump(SoundFile *file)
{
    if (file && !file->thread) /* with a thread of its own, it is the only one to read */
        file_pump(file);
}

static void file_free(SoundFile *file)
{
    if (file->convert)
        SDL_FreeAudioStream(file->convert);
    if (file->snd)
        sf_close(file->snd);
    free(file);
}

/* The last of the owner and the thread to let go frees it. */
static void file_unref(SoundFile *file)
{
    if (SDL_AtomicAdd(&file->refs, -1) == 1)
        file_free(file);
}

static int file_reader(void *data)
{
    SoundFile *file = data;
    while (!SDL_AtomicGet(&file->stop) && sound_file_state(file) != SOUND_FILE_FAILED) {
        file_pump(file);
        SDL_Delay(FEED_SLEEP_MS);
    }
    SDL_AtomicSet(&file->exited, 1);
    file_unref(file);
    return 0;
}

int sound_file_start(SoundFile *file)
{
    if (!file)
        return -1;
    SDL_AtomicAdd(&file->refs, 1);
    file->thread = SDL_CreateThread(file_reader, "lull-sound", file);
    if (!file->thread) {
        SDL_AtomicAdd(&file->refs, -1);
        return -1;
    }
    return 0;
}

SoundFileState sound_file_state(SoundFile *file)
{
    return file ? (SoundFileState)SDL_AtomicGet(&file->state) : SOUND_FILE_FAILED;
}

const char *sound_file_error(SoundFile *file)
{
    return file && sound_file_state(file) == SOUND_FILE_FAILED ? file->err : "";
}

Stream *sound_file_stream(SoundFile *file)
{
    return file ? &file->stream : NULL;
}

void sound_file_release(SoundFile *file, int wait_ms)
{
    if (!file)
        return;
    SDL_AtomicSet(&file->stop, 1);
    if (file->thread) {
        for (int waited = 0; !SDL_AtomicGet(&file->exited) && waited < wait_ms; waited += 5)
            SDL_Delay(5);
        if (SDL_AtomicGet(&file->exited))
            SDL_WaitThread(file->thread, NULL);
        else
            SDL_DetachThread(file->thread); /* held by a stalled disk: it frees itself after */
        file->thread = NULL;
    }
    file_unref(file);
}
