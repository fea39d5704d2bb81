/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The running program: SDL window and renderer, the store, the audio, the app,
 * and the loop that joins them. The automation runner drives the same Kiosk. */
#ifndef LULL_PLATFORM_KIOSK_H
#define LULL_PLATFORM_KIOSK_H

#include <SDL.h>

#include "backlight.h"
#include "clock.h"
#include "lull/app.h"
#include "lull/frame.h"
#include "lull/cli.h"
#include "lull/mixer.h"
#include "lull/store.h"
#include "storage.h"

typedef struct Renderer Renderer;
typedef struct TextCache TextCache;
typedef struct Audio Audio;
typedef struct WavWriter WavWriter;
typedef struct Sounds Sounds;
typedef struct Kiosk Kiosk;

enum {
    KIOSK_MAX_INPUTS = 64,
    KIOSK_AUDIO_REST_MS = 5000, /* silent this long: the sound device is closed */
};

struct Kiosk {
    const CliOptions *opts;
    SDL_Window *window;
    SDL_Renderer *sdl;
    SDL_Texture *target; /* logical-size target when the screen is rotated */
    TextCache *text;
    Renderer *renderer;
    Store *store;
    StorageState storage;  /* the journal's file: problems, retries, test faults (storage.c) */
    struct Syncer *syncer; /* makes the writes durable after the frame that shows them */
    Audio *audio;
    int audio_pending;         /* the device is opened after the first present */
    int64_t audio_quiet_since; /* when the mixer fell silent (-1: it sounds); the device rests */
    WavWriter *wav;
    Sounds *sounds; /* the couple's own sound files (sounds.c) */
    Mixer mixer;
    Clock clock;
    App *app;
    char db_path[1024];
    int in_use;        /* another Lull has the journal: this one does not start */
    int win_w, win_h;  /* window pixels */
    int rotation;      /* applied rotation, degrees */
    int active_finger; /* 1 + the finger that is the pointer, 0 none */
    SDL_FingerID finger;
    uint64_t presented_hash;
    int64_t audio_rendered_ms; /* --audio-out: how much of the timeline is written */
    AppInput inputs[KIOSK_MAX_INPUTS];
    int input_count;
    int quit;
    int exit_code;
    /* Measuring only (bench/): called after each present, when set. */
    void (*presented)(void *ctx, Kiosk *k);
    void *presented_ctx;
    Backlight backlight; /* turned down while the screen is dimmed */
};

/* Sets everything up; returns 0 or an exit status (2) after printing why. */
int kiosk_open(Kiosk *k, const CliOptions *opts);
void kiosk_close(Kiosk *k);
/* The interactive loop, until quit. Returns the exit status.
 * With LULL_BENCH=first-frame in the environment (bench/, measuring only) it
 * prints "lull: bench: first present <ns>" (CLOCK_MONOTONIC, at the end of the
 * first present) on stderr and quits there. */
int kiosk_run(Kiosk *k);
/* The same loop for ms of real time, or until quit: a script's `wait` on the
 * real clock, so that it costs what the kiosk costs. */
void kiosk_run_for(Kiosk *k, int64_t ms);

/* One step: pending inputs go to the app, which builds a frame; audio for the
 * elapsed time is mixed. present: draw and show it (skipped when unchanged). */
void kiosk_step(Kiosk *k, int present);
/* Queues an input in logical coordinates. */
void kiosk_input(Kiosk *k, const AppInput *in);
/* Draws the current frame into the renderer's target (not presented). */
void kiosk_draw(Kiosk *k);

/* Logical ↔ window coordinates under the current rotation. */
void kiosk_to_logical(const Kiosk *k, int wx, int wy, int *lx, int *ly);
void kiosk_to_window(const Kiosk *k, int lx, int ly, int *wx, int *wy);
Rect kiosk_rect_to_window(const Kiosk *k, Rect r);

/* Maps an SDL key name ("Escape", "Return") to the app's key (KEY_NONE: unknown). */
AppKey kiosk_key_from_name(const char *name);

#endif
