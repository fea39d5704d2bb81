/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The timeline's items and their order: signal sessions, breathing sessions and
 * entries, newest first, paged by key. Plain data shared by the core and the store. */
#ifndef LULL_TIMELINE_H
#define LULL_TIMELINE_H

#include <stdint.h>

#include "lull/event.h"

/* Sorted newest first by (time, kind, id): a session before a breathing
 * session before an entry when they share a millisecond. */
typedef enum { JOURNAL_ITEM_SESSION, JOURNAL_ITEM_BREATHING, JOURNAL_ITEM_ENTRY } JournalItemKind;

/* Which kinds a timeline page holds: a mask of 1 << JournalItemKind. */
enum {
    TIMELINE_SESSIONS = 1 << JOURNAL_ITEM_SESSION,
    TIMELINE_BREATHING = 1 << JOURNAL_ITEM_BREATHING,
    TIMELINE_ENTRIES = 1 << JOURNAL_ITEM_ENTRY,
    TIMELINE_ALL = TIMELINE_SESSIONS | TIMELINE_BREATHING | TIMELINE_ENTRIES,
};

/* A position in the timeline, for paging by key (never by offset). */
typedef struct {
    int64_t time_ms;
    int kind; /* JournalItemKind */
    int64_t id;
} JournalKey;

typedef struct {
    JournalItemKind kind;
    int64_t id;      /* the session's id (sessions), else the event's */
    int64_t time_ms; /* when it started (sessions) or was written */
    int32_t utc_offset_s;
    int64_t end_ms; /* sessions: when it ended, or its last event */
    int signals;    /* sessions: signals sent, not counting pause/ready/resume/stop */
    int pauses;     /* sessions: pauses */
    LogEvent ev;    /* breathing sessions and entries: the logged event */
} JournalItem;

JournalKey journal_item_key(const JournalItem *item);
/* -1, 0, 1 in timeline order (-1: a comes first, i.e. is newer). */
int journal_key_compare(const JournalKey *a, const JournalKey *b);

#endif
