/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The calendar: civil dates from Unix seconds and back, local days, month
 * arithmetic and the names of months and weekdays, in one place. */
#include "lull/calendar.h"

#include <stddef.h>

enum { SECONDS_PER_DAY = 86400 };

static const char *const month_names[12] = {"January",   "February", "March",    "April",
                                            "May",       "June",     "July",     "August",
                                            "September", "October",  "November", "December"};
static const char *const weekday_names[7] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                             "Thursday", "Friday", "Saturday"};

int64_t calendar_floor_div(int64_t a, int64_t b)
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
    int64_t era = calendar_floor_div(year, 400);
    int64_t yoe = year - era * 400; /* [0, 399] */
    int64_t doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy; /* [0, 146096] */
    return era * 146097 + doe - 719468;
}

CivilTime civil_from_unix(int64_t unix_s)
{
    int64_t days = calendar_floor_div(unix_s, SECONDS_PER_DAY);
    int64_t secs = unix_s - days * SECONDS_PER_DAY;

    int64_t z = days + 719468;
    int64_t era = calendar_floor_div(z, 146097);
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
    t.weekday = (int)(days - calendar_floor_div(days + 4, 7) * 7 + 4);
    return t;
}

int64_t unix_from_civil(int year, int month, int day, int hour, int minute, int second)
{
    /* A month outside 1..12 carries into the year, so callers can add months. */
    int64_t month0 = (int64_t)month - 1;
    int64_t y = (int64_t)year + calendar_floor_div(month0, 12);
    int64_t m = month0 - calendar_floor_div(month0, 12) * 12 + 1;
    int64_t days = days_from_civil(y, m, day);
    return days * SECONDS_PER_DAY + (int64_t)hour * 3600 + (int64_t)minute * 60 + second;
}

CivilTime calendar_local(int64_t unix_ms, int32_t utc_offset_s)
{
    return civil_from_unix(calendar_floor_div(unix_ms, 1000) + utc_offset_s);
}

int64_t calendar_local_day(int64_t unix_ms, int32_t utc_offset_s)
{
    return calendar_floor_div(calendar_floor_div(unix_ms, 1000) + utc_offset_s, SECONDS_PER_DAY);
}

int calendar_days_in_month(int year, int month)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[(month + 11) % 12];
}

int64_t calendar_add_months(int64_t local_s, int months)
{
    CivilTime t = civil_from_unix(local_s);
    int m = t.month - 1 + months;
    int y = t.year + (m < 0 ? (m - 11) / 12 : m / 12);
    m = ((m % 12) + 12) % 12;
    int max = calendar_days_in_month(y, m + 1);
    return unix_from_civil(y, m + 1, t.day > max ? max : t.day, t.hour, t.minute, 0);
}

const char *calendar_month_name(int month)
{
    return month_names[((month + 11) % 12 + 12) % 12];
}

const char *calendar_weekday_name(int weekday)
{
    return weekday_names[(weekday % 7 + 7) % 7];
}
