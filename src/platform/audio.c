/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "audio.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL.h>
#include <SDL_mixer.h>

enum {
    AUDIO_BUFFER_FRAMES = 1024, /* ~21 ms at 48 kHz */
    AUDIO_FRAME_BYTES = (int)sizeof(int16_t) * MIXER_CHANNELS,
    AUDIO_MAX_SECONDS = 15 * 60, /* ~170 MB decoded: enough for an ambient track */
    /* Refused before decoding: a WAV is its samples (15 minutes and a little);
     * anything compressed over this would decode past 15 minutes anyway. */
    AUDIO_MAX_WAV_BYTES = 180 * 1024 * 1024,
    AUDIO_MAX_PACKED_BYTES = 32 * 1024 * 1024,
};

struct Audio {
    Mixer *mixer;
    SDL_mutex *lock;
    int started_subsystem;
};

static void audio_note(char *note, size_t note_size, const char *text)
{
    if (note && note_size > 0)
        snprintf(note, note_size, "%s", text);
}

/* SDL_mixer's music hook, on the audio thread: the whole stream is Lull's mix. */
static void audio_fill(void *data, Uint8 *stream, int len)
{
    Audio *audio = data;
    SDL_LockMutex(audio->lock);
    mixer_render(audio->mixer, (int16_t *)(void *)stream, len / AUDIO_FRAME_BYTES);
    SDL_UnlockMutex(audio->lock);
}

static int spec_is_mixers(void)
{
    int rate = 0, channels = 0;
    Uint16 format = 0;
    return Mix_QuerySpec(&rate, &format, &channels) && rate == MIXER_RATE &&
           format == AUDIO_S16SYS && channels == MIXER_CHANNELS;
}

static int audio_device_open(char *note, size_t note_size)
{
    /* allowed_changes 0: SDL converts to whatever the hardware wants, so the hook
     * always sees exactly the mixer's format */
    if (Mix_OpenAudioDevice(MIXER_RATE, AUDIO_S16SYS, MIXER_CHANNELS, AUDIO_BUFFER_FRAMES, NULL,
                            0) != 0) {
        SDL_Log("audio: Mix_OpenAudioDevice: %s", Mix_GetError());
        audio_note(note, note_size, "Sound is off: no audio device");
        return -1;
    }
    if (!spec_is_mixers()) {
        SDL_Log("audio: the device did not open at 48000 Hz S16 stereo");
        Mix_CloseAudio();
        audio_note(note, note_size, "Sound is off: the audio device cannot play 48 kHz stereo");
        return -1;
    }
    return 0;
}

Audio *audio_open(Mixer *mixer, char *note, size_t note_size)
{
    audio_note(note, note_size, "");
    Audio *audio = calloc(1, sizeof *audio);
    if (!audio || !mixer) {
        audio_note(note, note_size, "Sound is off: out of memory");
        free(audio);
        return NULL;
    }
    audio->mixer = mixer;
    if (!SDL_WasInit(SDL_INIT_AUDIO)) {
        if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) {
            SDL_Log("audio: SDL_InitSubSystem: %s", SDL_GetError());
            audio_note(note, note_size, "Sound is off: no audio device");
            goto fail;
        }
        audio->started_subsystem = 1;
    }
    audio->lock = SDL_CreateMutex();
    if (!audio->lock) {
        SDL_Log("audio: SDL_CreateMutex: %s", SDL_GetError());
        audio_note(note, note_size, "Sound is off: out of memory");
        goto fail_subsystem;
    }
    if (audio_device_open(note, note_size) != 0)
        goto fail_lock;
    Mix_HookMusic(audio_fill, audio);
    return audio;

fail_lock:
    SDL_DestroyMutex(audio->lock);
fail_subsystem:
    if (audio->started_subsystem)
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
fail:
    free(audio);
    return NULL;
}

void audio_lock(Audio *audio)
{
    if (audio)
        SDL_LockMutex(audio->lock);
}

void audio_unlock(Audio *audio)
{
    if (audio)
        SDL_UnlockMutex(audio->lock);
}

void audio_close(Audio *audio)
{
    if (!audio)
        return;
    Mix_HookMusic(NULL, NULL); /* waits for a callback in progress (it locks the device) */
    Mix_CloseAudio();
    SDL_DestroyMutex(audio->lock);
    if (audio->started_subsystem)
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
    free(audio);
}

/* Without an open device SDL_mixer cannot decode, so open one just for decoding,
 * on SDL's dummy driver when the audio subsystem is not up (headless runs, no sound
 * card): nothing is played and no hardware is touched. Returns 1 when it started
 * the subsystem, 0 when it used the running one, -1 on failure. */
static int decoder_open(char *err, size_t err_size)
{
    int rate = 0, channels = 0;
    Uint16 format = 0;
    if (Mix_QuerySpec(&rate, &format, &channels)) {
        snprintf(err, err_size, "audio is open in another format (%d Hz, %d channels)", rate,
                 channels);
        return -1;
    }
    int started = 0;
    if (!SDL_WasInit(SDL_INIT_AUDIO)) {
        /* override: SDL_AUDIODRIVER in the environment would beat a normal hint */
        SDL_SetHintWithPriority(SDL_HINT_AUDIODRIVER, "dummy", SDL_HINT_OVERRIDE);
        int status = SDL_InitSubSystem(SDL_INIT_AUDIO);
        SDL_ResetHint(SDL_HINT_AUDIODRIVER);
        if (status != 0) {
            snprintf(err, err_size, "no decoder: %s", SDL_GetError());
            return -1;
        }
        started = 1;
    }
    if (Mix_OpenAudioDevice(MIXER_RATE, AUDIO_S16SYS, MIXER_CHANNELS, AUDIO_BUFFER_FRAMES, NULL,
                            0) != 0) {
        snprintf(err, err_size, "no decoder: %s", Mix_GetError());
        if (started)
            SDL_QuitSubSystem(SDL_INIT_AUDIO);
        return -1;
    }
    if (!spec_is_mixers()) {
        snprintf(err, err_size, "no decoder: the device did not open at 48000 Hz S16 stereo");
        Mix_CloseAudio();
        if (started)
            SDL_QuitSubSystem(SDL_INIT_AUDIO);
        return -1;
    }
    return started;
}

static void decoder_close(int started)
{
    Mix_CloseAudio();
    if (started)
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

int audio_decodes_aside(void)
{
    return spec_is_mixers();
}

int audio_decode_file(const char *path, int16_t **frames, uint32_t *frame_count, char *err,
                      size_t err_size)
{
    *frames = NULL;
    *frame_count = 0;
    if (!path || !*path) {
        snprintf(err, err_size, "no file given");
        return -1;
    }
    /* Opened without waiting (a FIFO in the folder must not hang anything),
     * looked at, and refused early when it is no file or far too long. */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
        snprintf(err, err_size, "%s: %s", path, strerror(errno));
        if (fd >= 0)
            close(fd);
        return -1;
    }
    char magic[4] = {0};
    if (!S_ISREG(st.st_mode) || pread(fd, magic, sizeof magic, 0) < 0) {
        snprintf(err, err_size, "%s: not a regular file", path);
        close(fd);
        return -1;
    }
    long long limit = memcmp(magic, "RIFF", 4) == 0 ? AUDIO_MAX_WAV_BYTES : AUDIO_MAX_PACKED_BYTES;
    if ((long long)st.st_size > limit) {
        snprintf(err, err_size, "%s: too long to use (over %d minutes)", path,
                 AUDIO_MAX_SECONDS / 60);
        close(fd);
        return -1;
    }
    int flags = fcntl(fd, F_GETFL);
    if (flags >= 0)
        (void)fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    FILE *fp = fdopen(fd, "rb");
    SDL_RWops *file = fp ? SDL_RWFromFP(fp, SDL_TRUE) : NULL;
    if (!file) {
        snprintf(err, err_size, "%s: %s", path, fp ? SDL_GetError() : strerror(errno));
        if (fp)
            fclose(fp);
        else
            close(fd);
        return -1;
    }
    int temporary = 0, started = 0;
    if (!spec_is_mixers()) {
        started = decoder_open(err, err_size);
        if (started < 0) {
            SDL_RWclose(file);
            return -1;
        }
        temporary = 1;
    }
    int status = -1;
    Mix_Chunk *chunk = NULL;
    /* How long it is, read from its headers as a stream would (nothing decoded):
     * a track over the limit is refused before it could take the memory. */
    Mix_Music *probe = Mix_LoadMUS_RW(file, 0);
    double seconds = probe ? Mix_MusicDuration(probe) : -1.0;
    if (probe)
        Mix_FreeMusic(probe);
    if (seconds > (double)AUDIO_MAX_SECONDS) {
        snprintf(err, err_size, "%s: too long to use (%d minutes; at most %d)", path,
                 (int)(seconds / 60.0), AUDIO_MAX_SECONDS / 60);
        SDL_RWclose(file);
        goto done;
    }
    SDL_RWseek(file, 0, RW_SEEK_SET);
    /* Decodes by content, not by name, and converts to the open device's format.
     * We close the file ourselves: SDL_mixer 2.6.2 leaks it (freesrc ignored) when a
     * file is shorter than a format's magic ("Couldn't read first 12 bytes"). */
    chunk = Mix_LoadWAV_RW(file, 0);
    SDL_RWclose(file);
    if (!chunk) {
        snprintf(err, err_size, "%s: %s", path, Mix_GetError());
        goto done;
    }
    uint32_t count = chunk->alen / (Uint32)AUDIO_FRAME_BYTES;
    if (count < (uint32_t)MIXER_RATE / 10u) {
        snprintf(err, err_size, "%s: too short to play (under 0.1 s)", path);
        goto done;
    }
    if (count > (uint32_t)AUDIO_MAX_SECONDS * (uint32_t)MIXER_RATE) {
        snprintf(err, err_size, "%s: too long (over %d minutes)", path, AUDIO_MAX_SECONDS / 60);
        goto done;
    }
    *frames = malloc((size_t)count * (size_t)AUDIO_FRAME_BYTES);
    if (!*frames) {
        snprintf(err, err_size, "%s: out of memory", path);
        goto done;
    }
    memcpy(*frames, chunk->abuf, (size_t)count * (size_t)AUDIO_FRAME_BYTES);
    *frame_count = count;
    status = 0;
done:
    Mix_FreeChunk(chunk);
    if (temporary)
        decoder_close(started);
    return status;
}
