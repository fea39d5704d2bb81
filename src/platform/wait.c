/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE /* DT_CHR */
#endif
#include "wait.h"

#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <SDL.h>

enum {
    WAIT_MAX_DEVICES = 32,
    WAIT_RESCAN_MS = 3000, /* a touch screen plugged in later is found this soon */
};

struct InputWait {
    SDL_sem *pushed; /* posted for every event added to SDL's queue */
    int evdev;       /* SDL reads evdev itself (KMSDRM, the dummy driver) */
    int headless;    /* offscreen: input only ever comes as pushed events */
    struct pollfd fd[WAIT_MAX_DEVICES];
    int count;
    Uint64 scanned_at;
};

/* On the thread that added the event (often the main one, while pumping). */
static int on_event(void *data, SDL_Event *event)
{
    (void)event;
    SDL_SemPost(((InputWait *)data)->pushed);
    return 1;
}

static void close_devices(InputWait *w)
{
    for (int i = 0; i < w->count; i++)
        close(w->fd[i].fd);
    w->count = 0;
}

/* Our own descriptors of /dev/input/event*: evdev gives each its own copy of
 * every event, so reading ours takes nothing from SDL's. */
static void scan_devices(InputWait *w)
{
    close_devices(w);
    w->scanned_at = SDL_GetTicks64();
    DIR *dir = opendir("/dev/input");
    if (!dir)
        return;
    struct dirent *e;
    while ((e = readdir(dir)) && w->count < WAIT_MAX_DEVICES) {
        if (strncmp(e->d_name, "event", 5) != 0)
            continue;
        char path[300];
        snprintf(path, sizeof path, "/dev/input/%s", e->d_name);
        int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
        if (fd < 0)
            continue;
        w->fd[w->count].fd = fd;
        w->fd[w->count].events = POLLIN;
        w->count++;
    }
    closedir(dir);
}

InputWait *input_wait_open(void)
{
    InputWait *w = calloc(1, sizeof *w);
    if (!w)
        return NULL;
    w->pushed = SDL_CreateSemaphore(0);
    if (!w->pushed) {
        free(w);
        return NULL;
    }
    const char *driver = SDL_GetCurrentVideoDriver();
    w->headless = driver && strcmp(driver, "offscreen") == 0;
    w->evdev = driver && (strcmp(driver, "KMSDRM") == 0 || strcmp(driver, "kmsdrm") == 0 ||
                          strcmp(driver, "dummy") == 0 || strcmp(driver, "evdev") == 0);
    SDL_AddEventWatch(on_event, w);
    if (w->evdev)
        scan_devices(w);
    return w;
}

void input_wait_close(InputWait *w)
{
    if (!w)
        return;
    SDL_DelEventWatch(on_event, w);
    close_devices(w);
    SDL_DestroySemaphore(w->pushed);
    free(w);
}

static void drain(int fd)
{
    char buf[1024];
    while (read(fd, buf, sizeof buf) > 0) {
    }
}

void input_wait(InputWait *w, int ms, int poll_ms)
{
    if (ms <= 0)
        return;
    if (!w) {
        SDL_Delay((Uint32)(ms < poll_ms ? ms : poll_ms));
        return;
    }
    /* Posts for events already taken: drop them, then look at the queue, so an
     * event pushed from now on wakes the wait below. */
    while (SDL_SemTryWait(w->pushed) == 0) {
    }
    if (SDL_HasEvents(SDL_FIRSTEVENT, SDL_LASTEVENT))
        return;
    if (w->evdev && SDL_GetTicks64() - w->scanned_at >= WAIT_RESCAN_MS)
        scan_devices(w);
    if (w->evdev && w->count > 0) {
        /* A device's descriptor becomes readable at the first touch; the
         * semaphore is looked at every few ms for events SDL itself pushes. */
        int left = ms;
        while (left > 0) {
            int slice = left < 50 ? left : 50;
            int ready = poll(w->fd, (nfds_t)w->count, slice);
            if (ready > 0) {
                for (int i = 0; i < w->count; i++) {
                    if (w->fd[i].revents & (POLLERR | POLLHUP | POLLNVAL))
                        w->scanned_at = 0; /* unplugged: scan again next time */
                    else if (w->fd[i].revents & POLLIN)
                        drain(w->fd[i].fd);
                }
                return;
            }
            if (SDL_SemTryWait(w->pushed) == 0)
                return;
            left -= slice;
        }
        return;
    }
    if (w->headless) {
        /* Off screen nothing can be touched: input is pushed, and says so. */
        SDL_SemWaitTimeout(w->pushed, (Uint32)ms);
        return;
    }
    SDL_SemWaitTimeout(w->pushed, (Uint32)(ms < poll_ms ? ms : poll_ms));
}
