/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "sounds.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "paths.h"

#include <SDL.h>

enum { RETIRED_MAX = 4 };

/* A file being decoded on a thread of its own: the frame never waits for it. */
typedef struct {
    SDL_Thread *thread;
    SDL_atomic_t done;
    char name[BREATHE_FILE_MAX];
    char path[2048];
    int16_t *frames;
    uint32_t count;
    int status;
    char err[512];
} Decoding;

struct Sounds {
    char dir[1024];
    char loaded[BREATHE_FILE_MAX]; /* the file in frames, "" none */
    int16_t *frames;
    uint32_t frame_count;
    int16_t *retired[RETIRED_MAX]; /* given to the mixer once, freed when it lets go */
    Decoding job;                  /* job.thread NULL: none running */
    int in_step;                   /* virtual time (--clock fake): a decoding ends in its frame */
    SDL_Thread *lister;            /* reading the folder, on real time */
    SDL_atomic_t listed;
    char (*found)[BREATHE_FILE_MAX];
    size_t found_count;
};

static int decode_aside(void *data)
{
    Decoding *job = data;
    job->status = audio_decode_file(job->path, &job->frames, &job->count, job->err,
                                    sizeof job->err);
    SDL_AtomicSet(&job->done, 1);
    return 0;
}

/* Waits for a decoding to end (closing, or taking its result). */
static void job_join(Decoding *job)
{
    if (job->thread)
        SDL_WaitThread(job->thread, NULL);
    job->thread = NULL;
}

static int playable_name(const char *name)
{
    const char *dot = strrchr(name, '.');
    if (name[0] == '.' || !dot)
        return 0;
    return strcasecmp(dot, ".ogg") == 0 || strcasecmp(dot, ".wav") == 0 ||
           strcasecmp(dot, ".mp3") == 0;
}

static int by_name(const void *a, const void *b)
{
    return strcmp((const char *)a, (const char *)b);
}

/* Every playable file of the folder, sorted by name, into s->found. It reads
 * the folder, which a stalled USB stick can hold up: on real time it runs on a
 * thread of its own. */
static int collect_files(void *data)
{
    Sounds *s = data;
    DIR *dir = opendir(s->dir);
    size_t cap = 64, count = 0;
    char(*names)[BREATHE_FILE_MAX] = dir ? malloc(cap * sizeof *names) : NULL;
    struct dirent *entry;
    while (names && (entry = readdir(dir)) != NULL) {
        char path[2048];
        struct stat st;
        size_t len = strlen(entry->d_name);
        if (!playable_name(entry->d_name) || len >= BREATHE_FILE_MAX)
            continue;
        snprintf(path, sizeof path, "%s/%s", s->dir, entry->d_name);
        if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
            continue;
        if (count == cap) {
            char(*more)[BREATHE_FILE_MAX] = cap < 65536 ? realloc(names, 2 * cap * sizeof *names)
                                                        : NULL;
            if (!more)
                break; /* tens of thousands: the first ones read are offered */
            names = more;
            cap *= 2;
        }
        memcpy(names[count++], entry->d_name, len + 1);
    }
    if (dir)
        closedir(dir); /* no folder: only Lull's own sounds */
    if (names)
        qsort(names, count, sizeof names[0], by_name);
    s->found = names;
    s->found_count = names ? count : 0;
    SDL_AtomicSet(&s->listed, 1);
    return 0;
}

/* breathe takes the first BREATHE_MAX_FILES and counts the rest. */
static void apply_files(Sounds *s, BreatheState *breathe)
{
    const char **list = malloc((s->found_count ? s->found_count : 1) * sizeof *list);
    if (list && s->found) {
        for (size_t i = 0; i < s->found_count; i++)
            list[i] = s->found[i];
        breathe_set_files(breathe, list, (int)s->found_count);
    }
    free(list);
    free(s->found);
    s->found = NULL;
}

Sounds *sounds_open(const char *db_path, BreatheState *breathe, int in_step)
{
    Sounds *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    char data_dir[1024];
    paths_dirname(db_path, data_dir, sizeof data_dir);
    snprintf(s->dir, sizeof s->dir, "%.1000s/sounds", data_dir);
    s->in_step = in_step;
    if (!in_step)
        s->lister = SDL_CreateThread(collect_files, "lull-sounds", s);
    if (!s->lister) {
        collect_files(s);
        apply_files(s, breathe);
    }
    return s;
}

static int retire(Sounds *s, int16_t *frames)
{
    for (int i = 0; i < RETIRED_MAX; i++)
        if (!s->retired[i]) {
            s->retired[i] = frames;
            return 0;
        }
    return -1;
}

/* Hands the mixer new frames (NULL: none) and retires the old ones. */
static void swap_file(Sounds *s, Mixer *mixer, Audio *audio, int16_t *frames, uint32_t count,
                      const char *name)
{
    audio_lock(audio);
    mixer_set_file(mixer, frames, count);
    audio_unlock(audio);
    if (s->frames && retire(s, s->frames) != 0) {
        /* Cannot happen while sounds_update waits for a free slot; never free it under the mixer.
         */
        fprintf(stderr, "lull: sounds: keeping a decoded file alive\n");
    }
    s->frames = frames;
    s->frame_count = count;
    snprintf(s->loaded, sizeof s->loaded, "%s", name);
}

int sounds_update(Sounds *s, BreatheState *breathe, Mixer *mixer, Audio *audio)
{
    if (!s)
        return 0;
    int free_slots = 0;
    audio_lock(audio);
    for (int i = 0; i < RETIRED_MAX; i++) {
        if (s->retired[i] && !mixer_uses_file(mixer, s->retired[i])) {
            free(s->retired[i]);
            s->retired[i] = NULL;
        }
        free_slots += s->retired[i] == NULL;
    }
    audio_unlock(audio);
    if (free_slots == 0)
        return 0; /* old files are still fading out: decode the next one after */

    if (s->lister) {
        if (!SDL_AtomicGet(&s->listed))
            return 0; /* the folder is still being read: nothing to decode yet */
        SDL_WaitThread(s->lister, NULL);
        s->lister = NULL;
        apply_files(s, breathe);
        return 1;
    }
    const char *want = breathe_wanted_file(breathe);
    Decoding *job = &s->job;
    if (job->thread) {
        /* One at a time, and the frame goes on meanwhile: Pause never waits for a file. */
        if (!SDL_AtomicGet(&job->done))
            return 0;
        job_join(job);
        if (job->status != 0) {
            fprintf(stderr, "lull: sounds: %s\n", job->err);
            breathe_file_failed(breathe, job->name);
        } else if (want && strcmp(job->name, want) == 0) {
            swap_file(s, mixer, audio, job->frames, job->count, job->name);
        } else {
            free(job->frames); /* chosen and then not: let it go */
        }
        job->frames = NULL;
        return 1;
    }
    if (!want) {
        if (s->frames)
            swap_file(s, mixer, audio, NULL, 0, ""); /* another sound chosen: let it go */
        return 0;
    }
    if (strcmp(want, s->loaded) == 0)
        return 0;
    /* On real time a file is never decoded on the main thread: until a device
     * gives the format to decode to, it waits (with no speakers it would not
     * be heard anyway). */
    if (!s->in_step && !audio_decodes_aside())
        return 0;
    /* Decoding takes a moment: it happens when the file is chosen, not at Start. */
    memset(job, 0, sizeof *job);
    snprintf(job->name, sizeof job->name, "%s", want);
    snprintf(job->path, sizeof job->path, "%s/%s", s->dir, want);
    if (!s->in_step)
        job->thread = SDL_CreateThread(decode_aside, "lull-decode", job);
    if (!job->thread) {
        /* Virtual time (or no thread to be had): within this frame, with a
         * decoder of its own when there is no device, which only the main
         * thread may open. */
        decode_aside(job);
        if (job->status != 0) {
            fprintf(stderr, "lull: sounds: %s\n", job->err);
            breathe_file_failed(breathe, want);
        } else {
            swap_file(s, mixer, audio, job->frames, job->count, want);
        }
        job->frames = NULL;
        return 1;
    }
    return 0;
}

int sounds_busy(const Sounds *s)
{
    return s && (s->job.thread != NULL || s->lister != NULL);
}

void sounds_close(Sounds *s)
{
    if (!s)
        return;
    job_join(&s->job);
    free(s->job.frames);
    if (s->lister)
        SDL_WaitThread(s->lister, NULL);
    free(s->found);
    free(s->frames);
    for (int i = 0; i < RETIRED_MAX; i++)
        free(s->retired[i]);
    free(s);
}
