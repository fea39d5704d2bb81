/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What a couple starts with before any choice of their own: the signal set and
 * the journal's words. Lull's own are built in; the data files of assets/
 * (signals.ini, journal-words.ini) are read over them when they are there,
 * and a couple's settings are applied over both. Plain data. */
#ifndef LULL_DEFAULTS_H
#define LULL_DEFAULTS_H

#include "lull/journal_words.h"
#include "lull/signal_set.h"

typedef struct {
    SignalDef signals[SIGNAL_COUNT];
    int order[SIGNAL_COUNT];
    JournalWords words;
} Defaults;

/* Lull's own, as DESIGN.md has them. */
void defaults_builtin(Defaults *d);

#endif
