/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What Lull logs: one record per signal, breathing session or journal entry,
 * shaped like DESIGN.md's export. Plain data shared by the core and the store. */
#ifndef LULL_EVENT_H
#define LULL_EVENT_H

#include <stdint.h>

#include "lull/calendar.h"

typedef enum { EVENT_SIGNAL, EVENT_BREATHING, EVENT_ENTRY, EVENT_PLAN } EventKind;

/* Who an event is of: the numbers are kept in the store and the exports. */
typedef enum {
    PARTNER_NONE = 0, /* the persistent Pause, or nobody in particular */
    PARTNER_FIRST = 1,
    PARTNER_SECOND = 2,
    PARTNER_BOTH = 3,
} Partner;

/* The two people, each with a name, a colour and a "ready" of their own. */
enum { PARTNER_PEOPLE = 2 };

/* A person's place in those per-person arrays: 0 for the first, 1 for the second. */
static inline int partner_index(Partner p)
{
    return (int)p - (int)PARTNER_FIRST;
}

/* The person at a place of those arrays. */
static inline Partner partner_at(int index)
{
    return (Partner)((int)PARTNER_FIRST + index);
}

/* Whether p is one of the two (not nobody, not both). */
static inline int partner_is_person(Partner p)
{
    return p == PARTNER_FIRST || p == PARTNER_SECOND;
}

enum {
    EVENT_NAME_MAX = 32,
    EVENT_PARTNER_MAX = 64,
    EVENT_LABEL_MAX = 96,
    EVENT_CHIPS_MAX = 512,
    EVENT_NOTE_MAX = 2048,
    EVENT_VIA_MAX = 12,
    EVENT_UNSET = -1, /* a rating that was not given */
};

typedef struct {
    int64_t id; /* set by the store */
    EventKind kind;
    int64_t time_ms;                      /* Unix time, ms, UTC */
    int32_t utc_offset_s;                 /* local offset at that moment, for ISO 8601 output */
    int partner;                          /* a Partner, as the store keeps it */
    char partner_name[EVENT_PARTNER_MAX]; /* the name shown then; "both" or "" */
    char name[EVENT_NAME_MAX];            /* stable id: "pause", "calm_5_5", "entry" */
    char label[EVENT_LABEL_MAX];          /* what the screen showed */
    int64_t session;                      /* 0: none */
    int stage;                            /* the plan's stage then, from 1; 0: no plan */
    /* signal: how it came ("touch", "switch", "voice"); "" before Lull kept it */
    char via[EVENT_VIA_MAX];
    int64_t ref; /* plan: the practice, question or agreements' version it is about; 0: none */
    /* breathing */
    int planned_s, actual_s, pauses;
    /* entry: EVENT_UNSET when not given */
    int closeness, comfort, pain, tiredness;
    char tried[EVENT_CHIPS_MAX]; /* chip ids joined with ';' */
    char helped[EVENT_CHIPS_MAX];
    char next[EVENT_CHIPS_MAX];
    char note[EVENT_NOTE_MAX]; /* UTF-8; entry and plan */
} LogEvent;

/* A zeroed event with every rating EVENT_UNSET. */
void event_init(LogEvent *ev, EventKind kind);
const char *event_kind_name(EventKind kind);

/* Formats Unix ms + offset as ISO 8601 local time, e.g. 2026-01-05T21:00:00+01:00.
 * out must hold at least 32 bytes. Pure arithmetic (no time zone database). */
void event_format_time(int64_t time_ms, int32_t utc_offset_s, char *out, int size);

#endif
