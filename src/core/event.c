/* Logged events as plain data, and the calendar arithmetic that turns their
 * Unix times into local ISO 8601 text. No clock, no time zone database. */
#include "lull/event.h"

#include <stdio.h>
#include <string.h>

enum { SECONDS_PER_DAY = 86400 };

void event_init(LogEvent *ev, EventKind kind)
{
    memset(ev, 0, sizeof *ev);
    ev->kind = kind;
    ev->closeness = EVENT_UNSET;
    ev->comfort = EVENT_UNSET;
    ev->pain = EVENT_UNSET;
    ev->tiredness = EVENT_UNSET;
}

const char *event_kind_name(EventKind kind)
{
    switch (kind) {
    case EVENT_SIGNAL: return "signal";
    case EVENT_BREATHING: return "breathing";
    case EVENT_ENTRY: return "entry";
    }
    return "unknown";
}

/* Division rounding towards negative infinity, so times before 1970 land on
 * the right day and second. */
static int64_t floor_div(int64_t a, int64_t b)
{
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        q--;
    return q;
}

/* Howard Hinnant's days_from_civil: days since 1970-01-01 of a proleptic
 * Gregorian date, with eras of 400 years so negative years work too. */
static int64_t days_from_civil(int64_t year, int64_t month, int64_t day)
{
    year -= month <= 2;
    int64_t era = floor_div(year, 400);
    int64_t yoe = year - era * 400;                                     /* [0, 399] */
    int64_t doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;                /* [0, 146096] */
    return era * 146097 + doe - 719468;
}

CivilTime civil_from_unix(int64_t unix_s)
{
    int64_t days = floor_div(unix_s, SECONDS_PER_DAY);
    int64_t secs = unix_s - days * SECONDS_PER_DAY;

    int64_t z = days + 719468;
    int64_t era = floor_div(z, 146097);
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    int64_t day = doy - (153 * mp + 2) / 5 + 1;
    int64_t month = mp < 10 ? mp + 3 : mp - 9;
    int64_t year = yoe + era * 400 + (month <= 2);

    CivilTime t;
    t.year = (int)year;
    t.month = (int)month;
    t.day = (int)day;
    t.hour = (int)(secs / 3600);
    t.minute = (int)(secs / 60 % 60);
    t.second = (int)(secs % 60);
    /* 1970-01-01 was a Thursday. */
    t.weekday = (int)(days - floor_div(days + 4, 7) * 7 + 4);
    return t;
}

int64_t unix_from_civil(int year, int month, int day, int hour, int minute, int second)
{
    /* A month outside 1..12 carries into the year, so callers can add months. */
    int64_t month0 = (int64_t)month - 1;
    int64_t y = (int64_t)year + floor_div(month0, 12);
    int64_t m = month0 - floor_div(month0, 12) * 12 + 1;
    int64_t days = days_from_civil(y, m, day);
    return days * SECONDS_PER_DAY + (int64_t)hour * 3600 + (int64_t)minute * 60 + second;
}

void event_format_time(int64_t time_ms, int32_t utc_offset_s, char *out, int size)
{
    if (!out || size <= 0)
        return;
    CivilTime t = civil_from_unix(floor_div(time_ms, 1000) + utc_offset_s);
    char sign = utc_offset_s < 0 ? '-' : '+';
    int64_t offset = utc_offset_s < 0 ? -(int64_t)utc_offset_s : utc_offset_s;
    int offset_h = (int)(offset / 3600);
    int offset_m = (int)(offset / 60 % 60);
    snprintf(out, (size_t)size, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", t.year, t.month,
             t.day, t.hour, t.minute, t.second, sign, offset_h, offset_m);
}
