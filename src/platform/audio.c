/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "audio.h"

#include <stdio.h>
#include <stdlib.h>

#include <SDL.h>

enum {
    AUDIO_BUFFER_FRAMES = 1024, /* ~21 ms at 48 kHz */
    AUDIO_FRAME_BYTES = (int)sizeof(int16_t) * MIXER_CHANNELS,
};

struct Audio {
    Mixer *mixer;
    SDL_AudioDeviceID device; /* 0 while resting */
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

/* SDL's audio callback, on its audio thread: the whole stream is Lull's mix. */
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

static int audio_device_open(Audio *audio, char *note, size_t note_size)
{
    /* allowed_changes 0: SDL converts to whatever the hardware wants, so the
     * callback always sees exactly the mixer's format */
    SDL_AudioSpec want, have;
    SDL_zero(want);
    want.freq = MIXER_RATE;
    want.format = AUDIO_S16SYS;
    want.channels = MIXER_CHANNELS;
    want.samples = AUDIO_BUFFER_FRAMES;
    want.callback = audio_fill;
    want.userdata = audio;
    SDL_AudioDeviceID device = SDL_OpenAudioDevice(NULL, 0, &want, &have, 0);
    if (device == 0) {
        SDL_Log("audio: SDL_OpenAudioDevice: %s", SDL_GetError());
        audio_note(note, note_size, "Sound is off: no audio device");
        return -1;
    }
    if (have.freq != MIXER_RATE || have.format != AUDIO_S16SYS || have.channels != MIXER_CHANNELS) {
        SDL_Log("audio: the device did not open at 48000 Hz S16 stereo");
        SDL_CloseAudioDevice(device);
        audio_note(note, note_size, "Sound is off: the audio device cannot play 48 kHz stereo");
        return -1;
    }
    audio->device = device;
    SDL_PauseAudioDevice(device, 0);
    return 0;
}

/* Closes the device; SDL waits for a callback in progress first. */
static void audio_device_close(Audio *audio)
{
    if (audio->device)
        SDL_CloseAudioDevice(audio->device);
    audio->device = 0;
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
    if (audio_device_open(audio, note, note_size) != 0)
        goto fail_lock;
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
    audio_device_close(audio);
    audio->resting = 1;
    return 1;
}

int audio_wake(Audio *audio)
{
    if (!audio || !audio->resting)
        return 0;
    char note[128];
    if (audio_device_open(audio, note, sizeof note) != 0)
        return -1; /* tried again at the next sound */
    audio->resting = 0;
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
    audio_device_close(audio);
    SDL_DestroyMutex(audio->lock);
    if (audio->started_subsystem)
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
    free(audio);
}
