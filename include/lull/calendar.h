/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The calendar: civil dates and times from Unix seconds and back, local days,
 * month arithmetic and the names of months and weekdays. Pure arithmetic: no
 * clock and no time zone database (the caller passes the UTC offset). */
#ifndef LULL_CALENDAR_H
#define LULL_CALENDAR_H

#include <stdint.h>

typedef struct {
    int year, month, day, hour, minute, second, weekday; /* month 1..12; weekday 0 = Sunday */
} CivilTime;

CivilTime civil_from_unix(int64_t unix_s);
/* A month outside 1..12 carries into the year, so callers can add months. */
int64_t unix_from_civil(int year, int month, int day, int hour, int minute, int second);
/* Division rounding towards negative infinity, so times before 1970 land on
 * the right day and second. */
int64_t calendar_floor_div(int64_t a, int64_t b);
/* The local civil time of Unix ms at a UTC offset (seconds). */
CivilTime calendar_local(int64_t unix_ms, int32_t utc_offset_s);
/* The local day (days since 1970-01-01) of Unix ms at a UTC offset. */
int64_t calendar_local_day(int64_t unix_ms, int32_t utc_offset_s);
int calendar_days_in_month(int year, int month);
/* local_s moved by whole months, the day kept within the month it lands in. */
int64_t calendar_add_months(int64_t local_s, int months);
/* "January" for 1; "Sunday" for 0. */
const char *calendar_month_name(int month);
const char *calendar_weekday_name(int weekday);

#endif
