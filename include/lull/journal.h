/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The shared journal as the core reaches the store: the JournalHost callbacks
 * and the size of the timeline's window. The journal's data and pure helpers
 * are in timeline.h, journal_words.h, insights.h and pin.h, included here; the
 * App's journal state is in lull/app.h. */
#ifndef LULL_JOURNAL_H
#define LULL_JOURNAL_H

#include <stddef.h>
#include <stdint.h>

#include "lull/event.h"
#include "lull/insights.h"
#include "lull/journal_words.h"
#include "lull/pin.h"
#include "lull/status.h"
#include "lull/timeline.h"

/* The journal's side of AppHost (lull/app.h); ctx is AppHost.ctx. Each
 * returns 0 or a StoreStatus; a NULL callback means "no store" and the
 * screens say so. */
typedef struct {
    int (*setting_get)(void *ctx, const char *key, char *out, size_t size);
    /* Up to max items after from (NULL: from the newest), newest first; newer
     * 1: the items just before from instead (still newest first); of the
     * kinds in the mask (TIMELINE_ALL, TIMELINE_ENTRIES, ...). */
    int (*timeline_page)(void *ctx, const JournalKey *from, int newer, int kinds, JournalItem *out,
                         int max, int *count);
    /* A signal session's summary (session 0: the latest one). */
    int (*session_item)(void *ctx, int64_t session, JournalItem *out);
    /* Saves an entry durably: a new one (ev->id == 0, id set) or an edit. */
    int (*entry_save)(void *ctx, LogEvent *ev);
    int (*event_delete)(void *ctx, int64_t id, int64_t time_ms);
    int (*event_undelete)(void *ctx, int64_t id);
    int (*insights)(void *ctx, int weeks, int64_t now_ms, int32_t utc_offset_s, Insights *out);
    /* Writes the CSV and JSON exports; where says, in words, where they went. */
    int (*export_files)(void *ctx, int64_t now_ms, int32_t utc_offset_s, char *where, size_t size);
    /* 1 when a PIN is set, 0 when not, negative when it cannot be told. */
    int (*pin_state)(void *ctx);
    /* Stores the PIN's Argon2id hash ("" removes the PIN). */
    int (*pin_set)(void *ctx, const char *pin);
    /* Sets *match to 1 when pin is the one set, else 0. */
    int (*pin_verify)(void *ctx, const char *pin, int *match);
} JournalHost;

enum {
    JOURNAL_WINDOW = 48, /* timeline items held at once; the rest stay in the store */
    JOURNAL_PAGE = 16,
    JOURNAL_NOTE_CHARS = 500,
    JOURNAL_MESSAGE_MAX = 1200,
};

#endif
