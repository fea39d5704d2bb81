/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The signal session: the two-partner state machine behind the board. Either
 * partner pauses; only both partners' "ready" resumes. Pure: time is passed in,
 * and the caller logs each transition durably before showing it. */
#ifndef LULL_SESSION_H
#define LULL_SESSION_H

#include <stdint.h>

#include "lull/debounce.h"
#include "lull/event.h"

typedef enum {
    SIGNAL_GOOD,
    SIGNAL_SLOWER,
    SIGNAL_CHECK_IN,
    SIGNAL_PAIN,
    SIGNAL_TIRED,
    SIGNAL_PAUSE,
    SIGNAL_STOP,
    SIGNAL_COUNT
} SignalId;

typedef enum { SESSION_NONE, SESSION_ACTIVE, SESSION_PAUSED } SessionState;

typedef enum {
    SESSION_IGNORED, /* nothing to log: a repeat within 0.5 s, or not allowed now */
    SESSION_SIGNAL,  /* log the signal */
    SESSION_PAUSE,
    SESSION_READY,
    SESSION_NOT_READY,
    SESSION_RESUME, /* both ready: log "ready" then "resume" */
    SESSION_STOP,
} SessionResult;

typedef struct {
    SessionState state;
    int64_t id;                /* the store's session id, 0 when none */
    int64_t last_ms;           /* wall time of the latest event */
    Partner paused_by;         /* PARTNER_NONE: the persistent Pause */
    int64_t paused_at_ms;      /* wall time */
    int ready[PARTNER_PEOPLE]; /* by partner_index */
    /* the latest signal, for the status line and the big feedback */
    SignalId last_signal;
    Partner last_partner;
    int64_t last_signal_ms; /* wall */
    int64_t last_signal_mono;
    Debounce debounce; /* per partner and signal */
} Session;

const char *signal_id_name(SignalId id); /* "good", "slower", ... */
int signal_from_name(const char *name);  /* -1 when unknown */

void session_init(Session *s);
/* The session idles out after idle_ms without events (wall time). */
int session_expired(const Session *s, int64_t wall_ms, int64_t idle_ms);

/* partner: one of the two (PARTNER_NONE only for the persistent Pause).
 * mono_ms debounces repeated taps; wall_ms is what is logged. */
SessionResult session_signal(Session *s, Partner partner, SignalId id, int64_t mono_ms,
                             int64_t wall_ms);
/* Toggles a partner's ready while paused: SESSION_READY, SESSION_NOT_READY or SESSION_RESUME. */
SessionResult session_ready(Session *s, Partner partner, int64_t wall_ms);
void session_stop(Session *s, int64_t wall_ms);

/* Rebuilds the state from a session's logged events, oldest first. */
void session_replay(Session *s, const LogEvent *ev);
/* Carry on after a Stop: the stopped session id goes on, active, from wall_ms. */
void session_carry_on(Session *s, int64_t id, int64_t wall_ms);

#endif
