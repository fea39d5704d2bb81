/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The signal session's state machine: pause by either, resume only together. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "lull/session.h"

static void first_signal_starts_a_session(void **state)
{
    (void)state;
    Session s;
    session_init(&s);
    assert_int_equal(s.state, SESSION_NONE);
    assert_int_equal(session_signal(&s, 1, SIGNAL_SLOWER, 0, 1000), SESSION_SIGNAL);
    assert_int_equal(s.state, SESSION_ACTIVE);
    assert_int_equal(s.last_signal, SIGNAL_SLOWER);
    assert_int_equal(s.last_partner, 1);
    assert_int_equal(s.last_signal_ms, 1000);
}

static void either_partner_pauses(void **state)
{
    (void)state;
    for (int partner = 1; partner <= 2; partner++) {
        Session s;
        session_init(&s);
        session_signal(&s, 1, SIGNAL_GOOD, 0, 0);
        assert_int_equal(session_signal(&s, partner, SIGNAL_PAUSE, 100, 5000), SESSION_PAUSE);
        assert_int_equal(s.state, SESSION_PAUSED);
        assert_int_equal(s.paused_by, partner);
        assert_int_equal(s.paused_at_ms, 5000);
    }
}

static void pause_with_no_session_pauses(void **state)
{
    (void)state;
    Session s;
    session_init(&s);
    assert_int_equal(session_signal(&s, 0, SIGNAL_PAUSE, 0, 7), SESSION_PAUSE);
    assert_int_equal(s.state, SESSION_PAUSED);
    assert_int_equal(s.paused_by, 0);
}

static void resume_needs_both(void **state)
{
    (void)state;
    Session s;
    session_init(&s);
    session_signal(&s, 2, SIGNAL_PAUSE, 0, 0);
    assert_int_equal(session_ready(&s, 1, 10), SESSION_READY);
    assert_int_equal(s.state, SESSION_PAUSED);
    /* The same partner again withdraws: not a resume. */
    assert_int_equal(session_ready(&s, 1, 20), SESSION_NOT_READY);
    assert_int_equal(s.state, SESSION_PAUSED);
    assert_int_equal(session_ready(&s, 2, 30), SESSION_READY);
    assert_int_equal(s.state, SESSION_PAUSED);
    assert_int_equal(session_ready(&s, 1, 40), SESSION_RESUME);
    assert_int_equal(s.state, SESSION_ACTIVE);
    assert_int_equal(s.ready[0] + s.ready[1], 0);
}

static void not_ready_withdraws(void **state)
{
    (void)state;
    Session s;
    session_init(&s);
    session_signal(&s, 1, SIGNAL_PAUSE, 0, 0);
    session_ready(&s, 1, 1);
    session_ready(&s, 2, 2);
    /* Both were ready → resumed; pause again, one ready then withdraws. */
    session_signal(&s, 1, SIGNAL_PAUSE, 1000, 1000);
    assert_int_equal(session_ready(&s, 2, 1001), SESSION_READY);
    assert_int_equal(session_ready(&s, 2, 1002), SESSION_NOT_READY);
    assert_int_equal(session_ready(&s, 1, 1003), SESSION_READY);
    assert_int_equal(s.state, SESSION_PAUSED);
}

static void ready_outside_a_pause_is_ignored(void **state)
{
    (void)state;
    Session s;
    session_init(&s);
    assert_int_equal(session_ready(&s, 1, 0), SESSION_IGNORED);
    session_signal(&s, 1, SIGNAL_GOOD, 0, 0);
    assert_int_equal(session_ready(&s, 1, 0), SESSION_IGNORED);
    assert_int_equal(session_ready(&s, 3, 0), SESSION_IGNORED);
}

static void signals_while_paused_are_ignored(void **state)
{
    (void)state;
    Session s;
    session_init(&s);
    session_signal(&s, 1, SIGNAL_PAUSE, 0, 0);
    assert_int_equal(session_signal(&s, 2, SIGNAL_GOOD, 1000, 1000), SESSION_IGNORED);
    assert_int_equal(session_signal(&s, 2, SIGNAL_PAUSE, 2000, 2000), SESSION_IGNORED);
    assert_int_equal(s.paused_by, 1); /* the first pause stands */
    assert_int_equal(s.state, SESSION_PAUSED);
}

static void stop_from_paused(void **state)
{
    (void)state;
    Session s;
    session_init(&s);
    s.id = 42;
    session_signal(&s, 1, SIGNAL_PAUSE, 0, 0);
    session_ready(&s, 2, 1);
    assert_int_equal(session_signal(&s, 2, SIGNAL_STOP, 10, 10), SESSION_STOP);
    assert_int_equal(s.state, SESSION_NONE);
    assert_int_equal(s.id, 0);
    assert_int_equal(s.ready[1], 0);
}

static void debounce_per_partner_and_signal(void **state)
{
    (void)state;
    Session s;
    session_init(&s);
    assert_int_equal(session_signal(&s, 1, SIGNAL_SLOWER, 1000, 1000), SESSION_SIGNAL);
    assert_int_equal(session_signal(&s, 1, SIGNAL_SLOWER, 1400, 1400), SESSION_IGNORED);
    /* The other partner, or another signal, is not a repeat. */
    assert_int_equal(session_signal(&s, 2, SIGNAL_SLOWER, 1450, 1450), SESSION_SIGNAL);
    assert_int_equal(session_signal(&s, 1, SIGNAL_GOOD, 1460, 1460), SESSION_SIGNAL);
    assert_int_equal(session_signal(&s, 1, SIGNAL_SLOWER, 1500, 1500), SESSION_SIGNAL);
}

static void idle_expiry(void **state)
{
    (void)state;
    Session s;
    session_init(&s);
    session_signal(&s, 1, SIGNAL_GOOD, 0, 1000);
    assert_false(session_expired(&s, 1000 + 29 * 60000, 30 * 60000));
    assert_true(session_expired(&s, 1000 + 30 * 60000, 30 * 60000));
    /* Paused sessions wait for both partners however long it takes. */
    session_signal(&s, 1, SIGNAL_PAUSE, 10, 2000);
    assert_false(session_expired(&s, 2000 + 600 * 60000, 30 * 60000));
}

static LogEvent ev(const char *name, int partner, int64_t t)
{
    LogEvent e;
    event_init(&e, EVENT_SIGNAL);
    snprintf(e.name, sizeof e.name, "%s", name);
    e.partner = partner;
    e.time_ms = t;
    e.session = 9;
    return e;
}

static void restore_after_restart(void **state)
{
    (void)state;
    LogEvent log[] = {ev("good", 1, 100),  ev("pause", 2, 200),  ev("ready", 1, 300),
                      ev("ready", 2, 400), ev("resume", 3, 400), ev("slower", 2, 500),
                      ev("pause", 1, 600), ev("ready", 2, 700)};
    Session s;
    session_init(&s);
    for (size_t i = 0; i < sizeof log / sizeof log[0]; i++)
        session_replay(&s, &log[i]);
    assert_int_equal(s.state, SESSION_PAUSED);
    assert_int_equal(s.paused_by, 1);
    assert_int_equal(s.paused_at_ms, 600);
    assert_int_equal(s.ready[0], 0);
    assert_int_equal(s.ready[1], 1);
    assert_int_equal(s.id, 9);
    /* Partner 1's ready now resumes: the restored state is live. */
    assert_int_equal(session_ready(&s, 1, 800), SESSION_RESUME);

    LogEvent stopped[] = {ev("good", 1, 100), ev("pause", 1, 200), ev("stop", 2, 300)};
    session_init(&s);
    for (size_t i = 0; i < 3; i++)
        session_replay(&s, &stopped[i]);
    assert_int_equal(s.state, SESSION_NONE);
}

static void stable_ids(void **state)
{
    (void)state;
    static const char *const names[SIGNAL_COUNT] = {"good",  "slower", "check_in", "pain",
                                                    "tired", "pause",  "stop"};
    for (int i = 0; i < SIGNAL_COUNT; i++) {
        assert_string_equal(signal_id_name((SignalId)i), names[i]);
        assert_int_equal(signal_from_name(names[i]), i);
    }
    assert_int_equal(signal_from_name("resume"), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(first_signal_starts_a_session),
        cmocka_unit_test(either_partner_pauses),
        cmocka_unit_test(pause_with_no_session_pauses),
        cmocka_unit_test(resume_needs_both),
        cmocka_unit_test(not_ready_withdraws),
        cmocka_unit_test(ready_outside_a_pause_is_ignored),
        cmocka_unit_test(signals_while_paused_are_ignored),
        cmocka_unit_test(stop_from_paused),
        cmocka_unit_test(debounce_per_partner_and_signal),
        cmocka_unit_test(idle_expiry),
        cmocka_unit_test(restore_after_restart),
        cmocka_unit_test(stable_ids),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
