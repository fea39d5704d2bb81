/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The data files of assets/ a person may replace (signals.ini,
 * journal-words.ini), read over Lull's own defaults. */
#ifndef LULL_DEFAULTS_FILES_H
#define LULL_DEFAULTS_FILES_H

#include <stddef.h>

#include "lull/defaults.h"

/* Lull's own defaults with the files of dir read over them (dir NULL: none).
 * Every problem goes to standard error as "lull: FILE:LINE: ..."; note gets
 * one sentence for the screen when a file was missing or not read whole (else
 * ""). Returns the number of problems. */
int defaults_files_read(const char *dir, Defaults *d, char *note, size_t note_size);

/* The same from the assets folder the program finds (src/platform/assets.c);
 * no folder at all is no problem: Lull's own are used. */
int defaults_files_load(Defaults *d, char *note, size_t note_size);

#endif
