/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "sounds.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "paths.h"
#include "sound_file.h"

#include <SDL.h>

enum {
    RETIRED_MAX = 4,
    CLOSE_WAIT_MS = 200, /* for a reader to stop at the end; one held by a stalled disk is let go */
};

struct Sounds {
    char dir[1024];
    char loaded[BREATHE_FILE_MAX]; /* the file the mixer is given, "" none */
    SoundFile *playing;
    SoundFile *retired[RETIRED_MAX]; /* given to the mixer once, let go when it does */
    SoundFile *opening;              /* chosen, being opened and read ahead */
    char opening_name[BREATHE_FILE_MAX];
    int in_step;        /* virtual time (--clock fake): everything within the frame */
    SDL_Thread *lister; /* reading the folder, on real time */
    SDL_atomic_t listed;
    char (*found)[BREATHE_FILE_MAX];
    size_t found_count;
};

static int playable_name(const char *name)
{
    const char *dot = strrchr(name, '.');
    if (name[0] == '.' || !dot)
        return 0;
    return strcasecmp(dot, ".ogg") == 0 || strcasecmp(dot, ".wav") == 0 ||
           strcasecmp(dot, ".mp3") == 0 || strcasecmp(dot, ".flac") == 0;
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

static int retire(Sounds *s, SoundFile *file)
{
    for (int i = 0; i < RETIRED_MAX; i++)
        if (!s->retired[i]) {
            s->retired[i] = file;
            return 0;
        }
    return -1;
}

/* Hands the mixer a new file (NULL: none) and retires the old one. */
static void swap_file(Sounds *s, Mixer *mixer, Audio *audio, SoundFile *file, const char *name)
{
    audio_lock(audio);
    mixer_set_file(mixer, file ? sound_file_stream(file) : NULL);
    audio_unlock(audio);
    if (s->playing && retire(s, s->playing) != 0) {
        /* Cannot happen while sounds_update waits for a free slot; never free it under the mixer.
         */
        fprintf(stderr, "lull: sounds: keeping a sound file open\n");
    }
    s->playing = file;
    snprintf(s->loaded, sizeof s->loaded, "%s", name);
}

static void opening_failed(Sounds *s, BreatheState *breathe)
{
    fprintf(stderr, "lull: sounds: %s\n", sound_file_error(s->opening));
    breathe_file_failed(breathe, s->opening_name);
    sound_file_release(s->opening, 0);
    s->opening = NULL;
}

/* Files without a thread (virtual time) are read ahead within the frame. */
static void pump_all(Sounds *s)
{
    sound_file_pump(s->playing);
    for (int i = 0; i < RETIRED_MAX; i++)
        sound_file_pump(s->retired[i]);
}

int sounds_update(Sounds *s, BreatheState *breathe, Mixer *mixer, Audio *audio)
{
    if (!s)
        return 0;
    int free_slots = 0;
    audio_lock(audio);
    for (int i = 0; i < RETIRED_MAX; i++) {
        if (s->retired[i] && !mixer_uses_file(mixer, sound_file_stream(s->retired[i]))) {
            sound_file_release(s->retired[i], 0);
            s->retired[i] = NULL;
        }
        free_slots += s->retired[i] == NULL;
    }
    audio_unlock(audio);
    pump_all(s);
    if (s->playing && sound_file_state(s->playing) == SOUND_FILE_FAILED) {
        /* it could not be read on (a card pulled out): say so, and let it go */
        fprintf(stderr, "lull: sounds: %s\n", sound_file_error(s->playing));
        char name[BREATHE_FILE_MAX];
        snprintf(name, sizeof name, "%s", s->loaded);
        swap_file(s, mixer, audio, NULL, "");
        breathe_file_failed(breathe, name);
        return 1;
    }
    if (free_slots == 0)
        return 0; /* old files are still fading out: open the next one after */

    if (s->lister) {
        if (!SDL_AtomicGet(&s->listed))
            return 0; /* the folder is still being read: nothing to open yet */
        SDL_WaitThread(s->lister, NULL);
        s->lister = NULL;
        apply_files(s, breathe);
        return 1;
    }
    const char *want = breathe_wanted_file(breathe);
    if (s->opening) {
        /* One at a time, and the frame goes on meanwhile: Pause never waits for a file. */
        SoundFileState state = sound_file_state(s->opening);
        if (state == SOUND_FILE_OPENING)
            return 0;
        if (state == SOUND_FILE_FAILED) {
            opening_failed(s, breathe);
        } else if (want && strcmp(s->opening_name, want) == 0) {
            swap_file(s, mixer, audio, s->opening, s->opening_name);
            s->opening = NULL;
        } else {
            sound_file_release(s->opening, 0); /* chosen and then not */
            s->opening = NULL;
        }
        return 1;
    }
    if (!want) {
        if (s->playing)
            swap_file(s, mixer, audio, NULL, ""); /* another sound chosen: let it go */
        return 0;
    }
    if (strcmp(want, s->loaded) == 0)
        return 0;
    /* Opened when the file is chosen, not at Start; read ahead before it is heard. */
    char path[2048];
    snprintf(path, sizeof path, "%s/%s", s->dir, want);
    s->opening = sound_file_new(path);
    if (!s->opening)
        return 0; /* out of memory: tried again next frame */
    snprintf(s->opening_name, sizeof s->opening_name, "%s", want);
    if (!s->in_step && sound_file_start(s->opening) == 0)
        return 0;
    /* Virtual time (or no thread to be had): within this frame. */
    sound_file_pump(s->opening);
    if (sound_file_state(s->opening) == SOUND_FILE_FAILED) {
        opening_failed(s, breathe);
    } else {
        swap_file(s, mixer, audio, s->opening, want);
        s->opening = NULL;
    }
    return 1;
}

int sounds_busy(const Sounds *s)
{
    return s && (s->opening != NULL || s->lister != NULL);
}

void sounds_close(Sounds *s)
{
    if (!s)
        return;
    sound_file_release(s->opening, CLOSE_WAIT_MS);
    sound_file_release(s->playing, CLOSE_WAIT_MS);
    for (int i = 0; i < RETIRED_MAX; i++)
        sound_file_release(s->retired[i], CLOSE_WAIT_MS);
    if (s->lister)
        SDL_WaitThread(s->lister, NULL);
    free(s->found);
    free(s);
}
