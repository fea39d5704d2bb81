/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The data files of assets/ a person may replace (signals.ini,
 * journal-words.ini), read over Lull's own defaults. */
#ifndef LULL_DEFAULTS_FILES_H
#define LULL_DEFAULTS_FILES_H

#include <stddef.h>

#include "lull/defaults.h"
#include "lull/plan.h"

/* Lull's own defaults with the files of dir read over them (dir NULL: none).
 * Every problem goes to standard error as "lull: FILE:LINE: ..."; note gets
 * one sentence for the screen when a file was missing or not read whole (else
 * ""). Returns the number of problems. */
int defaults_files_read(const char *dir, Defaults *d, char *note, size_t note_size);

/* The same from the assets folder the program finds (src/platform/assets.c);
 * no folder at all is no problem: Lull's own are used. */
int defaults_files_load(Defaults *d, char *note, size_t note_size);

/* The programmes of dir/plans/ (gentle.plan, sensate_focus.plan, cardiac.plan,
 * own.plan) into out, by ProgrammeId; one that cannot be read is left empty
 * (out[i].stage_count -1), but "Our own" needs no file: it starts empty.
 * Problems go to standard error as "lull: FILE:LINE: ..."; note, when still
 * empty, gets one sentence for the screen. Returns the number of problems. */
int plan_files_read(const char *dir, Programme out[PROGRAMME_COUNT], char *note, size_t note_size);
/* The same from the assets folder the program finds. */
int plan_files_load(Programme out[PROGRAMME_COUNT], char *note, size_t note_size);

#endif
