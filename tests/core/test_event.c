/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Event helpers: defaults, kind names, ISO 8601 local time and the civil
 * calendar arithmetic behind it (checked against dates computed elsewhere). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "lull/event.h"

static void test_init_unsets_ratings(void **state)
{
    (void)state;
    LogEvent ev;
    memset(&ev, 0x5A, sizeof ev);
    event_init(&ev, EVENT_ENTRY);
    assert_int_equal(ev.kind, EVENT_ENTRY);
    assert_int_equal(ev.id, 0);
    assert_int_equal(ev.time_ms, 0);
    assert_int_equal(ev.session, 0);
    assert_int_equal(ev.planned_s, 0);
    assert_int_equal(ev.closeness, EVENT_UNSET);
    assert_int_equal(ev.comfort, EVENT_UNSET);
    assert_int_equal(ev.pain, EVENT_UNSET);
    assert_int_equal(ev.tiredness, EVENT_UNSET);
    assert_string_equal(ev.name, "");
    assert_string_equal(ev.note, "");
}

static void test_kind_names(void **state)
{
    (void)state;
    assert_string_equal(event_kind_name(EVENT_SIGNAL), "signal");
    assert_string_equal(event_kind_name(EVENT_BREATHING), "breathing");
    assert_string_equal(event_kind_name(EVENT_ENTRY), "entry");
}

static void check_format(int64_t time_ms, int32_t offset_s, const char *expected)
{
    char out[32];
    event_format_time(time_ms, offset_s, out, (int)sizeof out);
    assert_string_equal(out, expected);
}

static void test_format_time(void **state)
{
    (void)state;
    /* 2026-01-05T20:00:00Z */
    check_format(1767643200000, 3600, "2026-01-05T21:00:00+01:00");
    check_format(1767643200999, 3600, "2026-01-05T21:00:00+01:00"); /* ms are dropped */
    check_format(1767643200000, 0, "2026-01-05T20:00:00+00:00");
    check_format(1767643200000, -19800, "2026-01-05T14:30:00-05:30");
    check_format(1767643200000, 20700, "2026-01-06T01:45:00+05:45");
    check_format(0, -19800, "1969-12-31T18:30:00-05:30");
    check_format(951827696000, 0, "2000-02-29T12:34:56+00:00");
    /* Before 1970 the milliseconds round down, not towards zero. */
    check_format(-1, 0, "1969-12-31T23:59:59+00:00");
    check_format(-2203891200000, 0, "1900-03-01T00:00:00+00:00");
}

static void test_format_time_small_buffer(void **state)
{
    (void)state;
    char out[11];
    event_format_time(1767643200000, 3600, out, (int)sizeof out);
    assert_string_equal(out, "2026-01-05");
}

static void check_civil(int64_t unix_s, int year, int month, int day, int hour, int minute,
                        int second, int weekday)
{
    CivilTime t = civil_from_unix(unix_s);
    assert_int_equal(t.year, year);
    assert_int_equal(t.month, month);
    assert_int_equal(t.day, day);
    assert_int_equal(t.hour, hour);
    assert_int_equal(t.minute, minute);
    assert_int_equal(t.second, second);
    assert_int_equal(t.weekday, weekday);
    assert_int_equal(unix_from_civil(year, month, day, hour, minute, second), unix_s);
}

static void test_civil_known_dates(void **state)
{
    (void)state;
    check_civil(0, 1970, 1, 1, 0, 0, 0, 4); /* a Thursday */
    check_civil(-1, 1969, 12, 31, 23, 59, 59, 3);
    check_civil(-86400, 1969, 12, 31, 0, 0, 0, 3);
    check_civil(951827696, 2000, 2, 29, 12, 34, 56, 2); /* 2000 is a leap year */
    check_civil(951868800, 2000, 3, 1, 0, 0, 0, 3);
    check_civil(1767643200, 2026, 1, 5, 20, 0, 0, 1); /* a Monday */
    check_civil(-2203891200, 1900, 3, 1, 0, 0, 0, 4); /* 1900 is not */
    check_civil(-11670912001, 1600, 2, 29, 23, 59, 59, 2);
    check_civil(4107542400, 2100, 3, 1, 0, 0, 0, 1);
}

static void test_civil_round_trip(void **state)
{
    (void)state;
    /* An odd step so every time of day, weekday and month boundary is hit,
     * from 1600 to 2400. */
    for (int64_t t = -11670912000; t < 13569465600; t += 86400 * 3 + 3671) {
        CivilTime c = civil_from_unix(t);
        assert_true(c.month >= 1 && c.month <= 12);
        assert_true(c.day >= 1 && c.day <= 31);
        assert_true(c.weekday >= 0 && c.weekday <= 6);
        assert_int_equal(unix_from_civil(c.year, c.month, c.day, c.hour, c.minute, c.second), t);
        CivilTime next_day = civil_from_unix(t + 86400);
        assert_int_equal(next_day.weekday, (c.weekday + 1) % 7);
    }
}

static void test_civil_leap_days(void **state)
{
    (void)state;
    const int years[] = {1600, 1900, 1970, 1999, 2000, 2024, 2026, 2100};
    const int leap[] = {1, 0, 0, 0, 1, 1, 0, 0};
    for (size_t i = 0; i < sizeof years / sizeof years[0]; i++) {
        int64_t feb28 = unix_from_civil(years[i], 2, 28, 12, 0, 0);
        CivilTime next = civil_from_unix(feb28 + 86400);
        assert_int_equal(next.month, leap[i] ? 2 : 3);
        assert_int_equal(next.day, leap[i] ? 29 : 1);
    }
}

static void test_unix_from_civil_carries_months(void **state)
{
    (void)state;
    assert_int_equal(unix_from_civil(2025, 13, 1, 0, 0, 0), unix_from_civil(2026, 1, 1, 0, 0, 0));
    assert_int_equal(unix_from_civil(2026, 0, 1, 0, 0, 0), unix_from_civil(2025, 12, 1, 0, 0, 0));
    assert_int_equal(unix_from_civil(2026, -11, 1, 0, 0, 0), unix_from_civil(2025, 1, 1, 0, 0, 0));
    /* Days and hours past the end simply add up. */
    assert_int_equal(unix_from_civil(2026, 1, 32, 0, 0, 0), unix_from_civil(2026, 2, 1, 0, 0, 0));
    assert_int_equal(unix_from_civil(2026, 1, 5, 24, 0, 0), unix_from_civil(2026, 1, 6, 0, 0, 0));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_init_unsets_ratings),
        cmocka_unit_test(test_kind_names),
        cmocka_unit_test(test_format_time),
        cmocka_unit_test(test_format_time_small_buffer),
        cmocka_unit_test(test_civil_known_dates),
        cmocka_unit_test(test_civil_round_trip),
        cmocka_unit_test(test_civil_leap_days),
        cmocka_unit_test(test_unix_from_civil_carries_months),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
