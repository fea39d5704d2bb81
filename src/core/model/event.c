/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Logged events as plain data, and their times as local ISO 8601 text. */
#include "lull/event.h"

#include <stdio.h>
#include <string.h>

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
    case EVENT_SIGNAL:
        return "signal";
    case EVENT_BREATHING:
        return "breathing";
    case EVENT_ENTRY:
        return "entry";
    case EVENT_PLAN:
        return "plan";
    }
    return "unknown";
}

void event_format_time(int64_t time_ms, int32_t utc_offset_s, char *out, int size)
{
    if (!out || size <= 0)
        return;
    CivilTime t = calendar_local(time_ms, utc_offset_s);
    char sign = utc_offset_s < 0 ? '-' : '+';
    int64_t offset = utc_offset_s < 0 ? -(int64_t)utc_offset_s : utc_offset_s;
    int offset_h = (int)(offset / 3600);
    int offset_m = (int)(offset / 60 % 60);
    snprintf(out, (size_t)size, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", t.year, t.month, t.day,
             t.hour, t.minute, t.second, sign, offset_h, offset_m);
}
