/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "sounds.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "paths.h"

enum { RETIRED_MAX = 4 };

struct Sounds {
    char dir[1024];
    char loaded[BREATHE_FILE_MAX]; /* the file in frames, "" none */
    int16_t *frames;
    uint32_t frame_count;
    int16_t *retired[RETIRED_MAX]; /* given to the mixer once, freed when it lets go */
};

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

static void list_files(Sounds *s, BreatheState *breathe)
{
    char names[BREATHE_MAX_FILES][BREATHE_FILE_MAX];
    const char *list[BREATHE_MAX_FILES];
    int count = 0;
    DIR *dir = opendir(s->dir);
    if (!dir)
        return; /* no folder: only Lull's own sounds */
    struct dirent *entry;
    while ((entry = readdir(dir)) != NULL && count < BREATHE_MAX_FILES) {
        char path[2048];
        struct stat st;
        size_t len = strlen(entry->d_name);
        if (!playable_name(entry->d_name) || len >= BREATHE_FILE_MAX)
            continue;
        snprintf(path, sizeof path, "%s/%s", s->dir, entry->d_name);
        if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
            continue;
        memcpy(names[count], entry->d_name, len + 1);
        count++;
    }
    closedir(dir);
    qsort(names, (size_t)count, sizeof names[0], by_name);
    for (int i = 0; i < count; i++)
        list[i] = names[i];
    breathe_set_files(breathe, list, count);
}

Sounds *sounds_open(const char *db_path, BreatheState *breathe)
{
    Sounds *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    char data_dir[1024];
    paths_dirname(db_path, data_dir, sizeof data_dir);
    snprintf(s->dir, sizeof s->dir, "%.1000s/sounds", data_dir);
    list_files(s, breathe);
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

void sounds_update(Sounds *s, BreatheState *breathe, Mixer *mixer, Audio *audio)
{
    if (!s)
        return;
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
        return; /* old files are still fading out: decode the next one after */

    const char *want = breathe_wanted_file(breathe);
    if (!want) {
        if (s->frames)
            swap_file(s, mixer, audio, NULL, 0, ""); /* another sound chosen: let it go */
        return;
    }
    if (strcmp(want, s->loaded) == 0)
        return;
    char path[2048], err[512];
    int16_t *frames = NULL;
    uint32_t count = 0;
    snprintf(path, sizeof path, "%s/%s", s->dir, want);
    /* Decoding takes a moment: it happens when the file is chosen, not at Start. */
    if (audio_decode_file(path, &frames, &count, err, sizeof err) != 0) {
        fprintf(stderr, "lull: sounds: %s\n", err);
        breathe_file_failed(breathe, want);
        return;
    }
    swap_file(s, mixer, audio, frames, count, want);
}

void sounds_close(Sounds *s)
{
    if (!s)
        return;
    free(s->frames);
    for (int i = 0; i < RETIRED_MAX; i++)
        free(s->retired[i]);
    free(s);
}
