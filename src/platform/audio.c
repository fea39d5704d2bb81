/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "audio.h"

#include <stdio.h>
#include <stdlib.h>

#include <SDL.h>
#include <SDL_mixer.h>

enum {
    AUDIO_BUFFER_FRAMES = 1024, /* ~21 ms at 48 kHz */
    AUDIO_FRAME_BYTES = (int)sizeof(int16_t) * MIXER_CHANNELS,
};

struct Audio {
    Mixer *mixer;
    SDL_mutex *lock;
    int started_subsystem;
    int resting;        /* the device is closed while nothing plays */
    AudioHeardFn heard; /* ./dev bench: told of every buffer rendered */
    void *heard_ctx;
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
    if (audio->heard)
        audio->heard(audio->heard_ctx, (const int16_t *)(const void *)stream,
                     len / AUDIO_FRAME_BYTES);
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

int audio_rest(Audio *audio)
{
    if (!audio || audio->resting)
        return 0;
    Mix_HookMusic(NULL, NULL); /* waits for a callback in progress */
    Mix_CloseAudio();
    audio->resting = 1;
    return 1;
}

int audio_wake(Audio *audio)
{
    if (!audio || !audio->resting)
        return 0;
    char note[128];
    if (audio_device_open(note, sizeof note) != 0)
        return -1; /* tried again at the next sound */
    audio->resting = 0;
    Mix_HookMusic(audio_fill, audio);
    return 0;
}

int audio_resting(const Audio *audio)
{
    return audio && audio->resting;
}

void audio_set_heard(Audio *audio, AudioHeardFn heard, void *ctx)
{
    if (!audio)
        return;
    SDL_LockMutex(audio->lock);
    audio->heard = heard;
    audio->heard_ctx = ctx;
    SDL_UnlockMutex(audio->lock);
}

void audio_close(Audio *audio)
{
    if (!audio)
        return;
    Mix_HookMusic(NULL, NULL); /* waits for a callback in progress (it locks the device) */
    if (!audio->resting)
        Mix_CloseAudio();
    SDL_DestroyMutex(audio->lock);
    if (audio->started_subsystem)
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
    free(audio);
}
