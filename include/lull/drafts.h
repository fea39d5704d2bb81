/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Entries left unsaved, kept over a restart: the drafts as one line of text
 * each, every field escaped, in the journal.drafts setting. Pure C11. */
#ifndef LULL_DRAFTS_H
#define LULL_DRAFTS_H

#include <stddef.h>

#include "lull/event.h"

/* Writes the drafts; returns the length, or -1 when they do not fit in size. */
int drafts_format(const LogEvent *drafts, int count, char *out, size_t size);
/* Reads up to max drafts written by drafts_format; returns how many (a line
 * that cannot be read is left out). */
int drafts_parse(const char *text, LogEvent *out, int max);

#endif
