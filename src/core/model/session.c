/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "lull/session.h"

#include <string.h>

static const char *const signal_names[SIGNAL_COUNT] = {
    "good", "slower", "check_in", "pain", "tired", "pause", "stop",
};

const char *signal_id_name(SignalId id)
{
    return (unsigned)id < SIGNAL_COUNT ? signal_names[id] : "unknown";
}

int signal_from_name(const char *name)
{
    for (int i = 0; i < SIGNAL_COUNT; i++)
        if (strcmp(signal_names[i], name) == 0)
            return i;
    return -1;
}

void session_init(Session *s)
{
    memset(s, 0, sizeof *s);
    s->state = SESSION_NONE;
    debounce_init(&s->debounce);
}

int session_expired(const Session *s, int64_t wall_ms, int64_t idle_ms)
{
    /* A paused session never idles out: it waits for both partners. */
    return s->state == SESSION_ACTIVE && wall_ms - s->last_ms >= idle_ms;
}

static void enter_pause(Session *s, Partner partner, int64_t wall_ms)
{
    s->state = SESSION_PAUSED;
    s->paused_by = partner;
    s->paused_at_ms = wall_ms;
    s->ready[0] = s->ready[1] = 0;
}

SessionResult session_signal(Session *s, Partner partner, SignalId id, int64_t mono_ms,
                             int64_t wall_ms)
{
    /* Pause is never swallowed as a repeat: a Pause while paused changes
     * nothing anyway, and one just after a quick resume must pause again. */
    if (partner_is_person(partner) && id != SIGNAL_PAUSE) {
        uint32_t key = (uint32_t)(partner_index(partner) * SIGNAL_COUNT + (int)id + 1);
        if (debounce_repeat(&s->debounce, key, mono_ms))
            return SESSION_IGNORED;
    }
    if (id == SIGNAL_STOP) {
        session_stop(s, wall_ms);
        return SESSION_STOP;
    }
    if (id == SIGNAL_PAUSE) {
        /* Pausing while paused is not a new pause: the pause stands. */
        if (s->state == SESSION_PAUSED)
            return SESSION_IGNORED;
        if (s->state == SESSION_NONE)
            s->state = SESSION_ACTIVE;
        enter_pause(s, partner, wall_ms);
        s->last_ms = wall_ms;
        return SESSION_PAUSE;
    }
    /* Other signals are not sent while paused: the board is not shown then. */
    if (s->state == SESSION_PAUSED)
        return SESSION_IGNORED;
    s->state = SESSION_ACTIVE;
    s->last_signal = id;
    s->last_partner = partner;
    s->last_signal_ms = wall_ms;
    s->last_signal_mono = mono_ms;
    s->last_ms = wall_ms;
    return SESSION_SIGNAL;
}

SessionResult session_ready(Session *s, Partner partner, int64_t wall_ms)
{
    if (s->state != SESSION_PAUSED || !partner_is_person(partner))
        return SESSION_IGNORED;
    int *ready = &s->ready[partner_index(partner)];
    s->last_ms = wall_ms;
    if (*ready) {
        *ready = 0;
        return SESSION_NOT_READY;
    }
    *ready = 1;
    if (s->ready[0] && s->ready[1]) {
        s->state = SESSION_ACTIVE;
        s->ready[0] = s->ready[1] = 0;
        s->paused_by = PARTNER_NONE;
        return SESSION_RESUME;
    }
    return SESSION_READY;
}

void session_stop(Session *s, int64_t wall_ms)
{
    s->state = SESSION_NONE;
    s->ready[0] = s->ready[1] = 0;
    s->paused_by = PARTNER_NONE;
    s->last_ms = wall_ms;
    s->id = 0;
}

void session_replay(Session *s, const LogEvent *ev)
{
    if (ev->kind != EVENT_SIGNAL)
        return;
    Partner partner = partner_is_person((Partner)ev->partner) ? (Partner)ev->partner : PARTNER_NONE;
    s->id = ev->session;
    s->last_ms = ev->time_ms;
    if (strcmp(ev->name, "pause") == 0) {
        if (s->state != SESSION_PAUSED)
            enter_pause(s, partner, ev->time_ms);
    } else if (strcmp(ev->name, "ready") == 0) {
        if (partner_is_person(partner))
            s->ready[partner_index(partner)] = 1;
    } else if (strcmp(ev->name, "not_ready") == 0) {
        if (partner_is_person(partner))
            s->ready[partner_index(partner)] = 0;
    } else if (strcmp(ev->name, "resume") == 0 || strcmp(ev->name, "carry_on") == 0) {
        s->state = SESSION_ACTIVE;
        s->ready[0] = s->ready[1] = 0;
        s->paused_by = PARTNER_NONE;
    } else if (strcmp(ev->name, "stop") == 0) {
        session_stop(s, ev->time_ms);
    } else {
        int id = signal_from_name(ev->name);
        if (id >= 0 && s->state != SESSION_PAUSED) {
            s->state = SESSION_ACTIVE;
            s->last_signal = (SignalId)id;
            s->last_partner = partner;
            s->last_signal_ms = ev->time_ms;
        }
    }
}

void session_carry_on(Session *s, int64_t id, int64_t wall_ms)
{
    s->state = SESSION_ACTIVE;
    s->id = id;
    s->last_ms = wall_ms;
    s->ready[0] = s->ready[1] = 0;
    s->paused_by = PARTNER_NONE;
}
