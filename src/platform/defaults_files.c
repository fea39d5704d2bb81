/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading the replaceable data files: the platform finds and reads them, the
 * core's readers (signal_set_read, words_read) parse them. */
#include "defaults_files.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assets.h"
#include "paths.h"

enum {
    DATA_FILE_MAX_BYTES = 64 * 1024, /* far more than any set of signals or words */
    MESSAGES_MAX = 4096,
};

typedef int (*ReadFn)(Defaults *d, const char *text, const char *path, char *messages, size_t size);

static int read_signals(Defaults *d, const char *text, const char *path, char *messages,
                        size_t size)
{
    return signal_set_read(d->signals, d->order, text, path, messages, size);
}

static int read_words(Defaults *d, const char *text, const char *path, char *messages, size_t size)
{
    return words_read(&d->words, text, path, messages, size);
}

static void print_messages(const char *messages)
{
    const char *p = messages;
    while (*p) {
        const char *end = strchr(p, '\n');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        fprintf(stderr, "lull: %.*s\n", (int)len, p);
        p = end ? end + 1 : p + len;
    }
}

int defaults_files_read(const char *dir, Defaults *d, char *note, size_t note_size)
{
    static const struct {
        const char *name;
        const char *what; /* for the sentence on screen */
        ReadFn read;
    } files[] = {
        {"signals.ini", "signals", read_signals},
        {"journal-words.ini", "journal words", read_words},
    };
    defaults_builtin(d);
    if (note_size)
        note[0] = '\0';
    if (!dir)
        return 0;
    int problems = 0;
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        char path[4096], err[512];
        int n = snprintf(path, sizeof path, "%s/%s", dir, files[i].name);
        if (n < 0 || (size_t)n >= sizeof path)
            continue;
        int found = 0, unread = 0;
        char *text = paths_read_file(path, DATA_FILE_MAX_BYTES, err, sizeof err, NULL);
        if (!text) {
            fprintf(stderr, "lull: %s; Lull's own %s are used\n", err, files[i].what);
            found = unread = 1;
        } else {
            char messages[MESSAGES_MAX];
            found = files[i].read(d, text, path, messages, sizeof messages);
            print_messages(messages);
            free(text);
        }
        problems += found;
        if (found && note_size && !note[0])
            snprintf(note, note_size,
                     unread ? "%s could not be read; Lull's own %s are used."
                            : "Part of %s could not be used; Lull's own %s stand in for it.",
                     files[i].name, files[i].what);
    }
    return problems;
}

int defaults_files_load(Defaults *d, char *note, size_t note_size)
{
    char dir[4096];
    if (assets_locate(dir, sizeof dir) != 0)
        return defaults_files_read(NULL, d, note, note_size);
    return defaults_files_read(dir, d, note, note_size);
}

/* A programme that cannot be offered: the choice leaves it out. */
static void programme_missing(Programme *p, ProgrammeId id)
{
    memset(p, 0, sizeof *p);
    snprintf(p->id, sizeof p->id, "%s", programme_id_name(id));
    p->stage_count = id == PROGRAMME_OWN ? 0 : -1;
    if (id == PROGRAMME_OWN)
        snprintf(p->name, sizeof p->name, "Our own");
}

int plan_files_read(const char *dir, Programme out[PROGRAMME_COUNT], char *note, size_t note_size)
{
    int problems = 0;
    for (int i = 0; i < PROGRAMME_COUNT; i++) {
        programme_missing(&out[i], (ProgrammeId)i);
        if (!dir)
            continue;
        char path[4096], err[512];
        int n = snprintf(path, sizeof path, "%s/plans/%s.plan", dir,
                         programme_id_name((ProgrammeId)i));
        if (n < 0 || (size_t)n >= sizeof path)
            continue;
        char *text = paths_read_file(path, DATA_FILE_MAX_BYTES, err, sizeof err, NULL);
        int found = 0, unread = 0;
        if (!text) {
            fprintf(stderr, "lull: %s; that programme is not offered\n", err);
            found = unread = 1;
        } else {
            char messages[MESSAGES_MAX];
            found = programme_read(&out[i], text, path, messages, sizeof messages);
            print_messages(messages);
            free(text);
            if (found < 0 || strcmp(out[i].id, programme_id_name((ProgrammeId)i)) != 0) {
                if (found >= 0)
                    fprintf(stderr, "lull: %s: its id is not %s; it is not offered\n", path,
                            programme_id_name((ProgrammeId)i));
                programme_missing(&out[i], (ProgrammeId)i);
                found = unread = 1;
            }
        }
        problems += found;
        if (found && note_size && !note[0])
            snprintf(note, note_size,
                     unread ? "plans/%s.plan could not be read; that programme is not offered."
                            : "Part of plans/%s.plan could not be used; the rest is offered.",
                     programme_id_name((ProgrammeId)i));
    }
    return problems;
}

int plan_files_load(Programme out[PROGRAMME_COUNT], char *note, size_t note_size)
{
    char dir[4096];
    if (assets_locate(dir, sizeof dir) != 0)
        return plan_files_read(NULL, out, note, note_size);
    return plan_files_read(dir, out, note, note_size);
}
