/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "syncer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <SDL.h>

#include "lull/store.h"

struct Syncer {
    int delay_ms;
    SDL_Thread *thread; /* NULL: inline */
    SDL_mutex *lock;
    SDL_cond *wake; /* work asked, or stop */
    SDL_cond *idle; /* work done */
    /* under lock */
    char path[4096];
    int sync_asked, checkpoint_asked, stop, busy;
};

static void do_sync(const char *path, int delay_ms)
{
    StoreStatus status = store_sync_file(path, delay_ms);
    if (status != STORE_OK)
        fprintf(stderr, "lull: the journal could not be flushed to its storage (%s)\n",
                status_words((int)status));
}

static void do_checkpoint(const char *path)
{
    StoreStatus status = store_checkpoint_file(path);
    if (status != STORE_OK)
        fprintf(stderr, "lull: the journal's checkpoint failed (%s)\n", status_words((int)status));
}

static int syncer_thread(void *data)
{
    Syncer *s = data;
    SDL_LockMutex(s->lock);
    for (;;) {
        while (!s->sync_asked && !s->checkpoint_asked && !s->stop)
            SDL_CondWait(s->wake, s->lock);
        if (!s->sync_asked && !s->checkpoint_asked)
            break; /* stop, and nothing left to do */
        int sync = s->sync_asked, checkpoint = s->checkpoint_asked;
        char path[sizeof s->path];
        memcpy(path, s->path, sizeof path);
        s->sync_asked = s->checkpoint_asked = 0;
        s->busy = 1;
        SDL_UnlockMutex(s->lock);
        if (sync)
            do_sync(path, s->delay_ms);
        if (checkpoint)
            do_checkpoint(path);
        SDL_LockMutex(s->lock);
        s->busy = 0;
        SDL_CondBroadcast(s->idle);
    }
    SDL_UnlockMutex(s->lock);
    return 0;
}

Syncer *syncer_open(int threaded, int delay_ms)
{
    Syncer *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    s->delay_ms = delay_ms;
    if (!threaded)
        return s;
    s->lock = SDL_CreateMutex();
    s->wake = SDL_CreateCond();
    s->idle = SDL_CreateCond();
    if (s->lock && s->wake && s->idle)
        s->thread = SDL_CreateThread(syncer_thread, "lull-sync", s);
    if (!s->thread) {
        /* no thread to be had: inline, as on virtual time */
        SDL_DestroyCond(s->idle);
        SDL_DestroyCond(s->wake);
        SDL_DestroyMutex(s->lock);
        s->lock = NULL;
        s->wake = s->idle = NULL;
    }
    return s;
}

static void ask(Syncer *s, const char *path, int sync, int checkpoint)
{
    if (!s || !path)
        return;
    if (!s->thread) {
        if (sync)
            do_sync(path, s->delay_ms);
        if (checkpoint)
            do_checkpoint(path);
        return;
    }
    SDL_LockMutex(s->lock);
    if (strcmp(s->path, path) != 0) {
        /* another file from now on (kept beside one replaced): the old one first */
        while (s->sync_asked || s->checkpoint_asked || s->busy)
            SDL_CondWait(s->idle, s->lock);
        snprintf(s->path, sizeof s->path, "%s", path);
    }
    s->sync_asked |= sync;
    s->checkpoint_asked |= checkpoint;
    SDL_CondSignal(s->wake);
    SDL_UnlockMutex(s->lock);
}

void syncer_sync(Syncer *syncer, const char *path)
{
    if (syncer)
        ask(syncer, path, 1, 0);
    else if (path)
        do_sync(path, 0);
}

void syncer_checkpoint(Syncer *syncer, const char *path)
{
    if (syncer)
        ask(syncer, path, 0, 1);
    else if (path)
        do_checkpoint(path);
}

void syncer_wait(Syncer *s)
{
    if (!s || !s->thread)
        return;
    SDL_LockMutex(s->lock);
    while (s->sync_asked || s->checkpoint_asked || s->busy)
        SDL_CondWait(s->idle, s->lock);
    SDL_UnlockMutex(s->lock);
}

void syncer_close(Syncer *s)
{
    if (!s)
        return;
    if (s->thread) {
        SDL_LockMutex(s->lock);
        s->stop = 1;
        SDL_CondSignal(s->wake);
        SDL_UnlockMutex(s->lock);
        SDL_WaitThread(s->thread, NULL);
        SDL_DestroyCond(s->idle);
        SDL_DestroyCond(s->wake);
        SDL_DestroyMutex(s->lock);
    }
    free(s);
}
