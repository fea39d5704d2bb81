/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The timeline's words: a day ("Today", "Monday 5 January"), minutes, who,
 * and the one-line summaries of sessions, breathing and ratings. */
#include "screens/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { DAY_S = 86400 };

void timeline_day_words(const App *app, const JournalItem *it, char *out, size_t size)
{
    int64_t day = calendar_local_day(it->time_ms, it->utc_offset_s);
    int64_t today = calendar_local_day(app->time.wall_ms, app->time.utc_offset_s);
    CivilTime c = calendar_local(it->time_ms, it->utc_offset_s);
    CivilTime now = app_local_time(app);
    char date[64];
    if (c.year == now.year)
        snprintf(date, sizeof date, "%s %d %s", calendar_weekday_name(c.weekday), c.day,
                 calendar_month_name(c.month));
    else
        snprintf(date, sizeof date, "%s %d %s %d", calendar_weekday_name(c.weekday), c.day,
                 calendar_month_name(c.month), c.year);
    if (day == today)
        snprintf(out, size, "Today · %s", date);
    else if (day == today - 1)
        snprintf(out, size, "Yesterday · %s", date);
    else
        snprintf(out, size, "%s", date);
}

static void minutes_words(int64_t ms, char *out, size_t size)
{
    int64_t min = (ms + 30000) / 60000;
    if (ms < 60000)
        snprintf(out, size, "under a minute");
    else if (min < 60)
        snprintf(out, size, "%d min", (int)min);
    else
        snprintf(out, size, "%d h %02d min", (int)(min / 60), (int)(min % 60));
}

const char *timeline_who_words(const App *app, Partner partner)
{
    if (partner == PARTNER_BOTH)
        return "Together";
    return app_partner_name(app, partner);
}

/* "8 min · 2 signals · 1 pause" */
void timeline_session_figures(const JournalItem *it, char *out, size_t size)
{
    char length[32];
    minutes_words(it->end_ms > it->time_ms ? it->end_ms - it->time_ms : 0, length, sizeof length);
    snprintf(out, size, "%s · %d signal%s · %d pause%s", length, it->signals,
             it->signals == 1 ? "" : "s", it->pauses, it->pauses == 1 ? "" : "s");
}

void timeline_session_words(const JournalItem *it, char *out, size_t size)
{
    char figures[96];
    timeline_session_figures(it, figures, sizeof figures);
    CivilTime c = calendar_local(it->time_ms, it->utc_offset_s);
    snprintf(out, size, "%02d:%02d · Signals · %s", c.hour, c.minute, figures);
}

void timeline_breathing_words(const JournalItem *it, char *out, size_t size)
{
    char length[32];
    minutes_words((int64_t)it->ev.actual_s * 1000, length, sizeof length);
    CivilTime c = calendar_local(it->time_ms, it->utc_offset_s);
    const char *pattern = it->ev.label[0] ? it->ev.label : it->ev.name;
    if (it->ev.pauses > 0)
        snprintf(out, size, "%02d:%02d · Breathing · %s · %s · %d pause%s", c.hour, c.minute,
                 pattern, length, it->ev.pauses, it->ev.pauses == 1 ? "" : "s");
    else
        snprintf(out, size, "%02d:%02d · Breathing · %s · %s", c.hour, c.minute, pattern, length);
}

void timeline_ratings_words(const LogEvent *ev, char *out, size_t size)
{
    size_t used = 0;
    out[0] = '\0';
    const struct {
        const char *name;
        int value;
    } r[4] = {{"Closeness", ev->closeness},
              {"Comfort", ev->comfort},
              {"Pain", ev->pain},
              {"Tiredness", ev->tiredness}};
    for (int i = 0; i < 4; i++) {
        if (r[i].value < 0)
            continue;
        int n = snprintf(out + used, size - used, "%s%s %d", used ? " · " : "", r[i].name,
                         r[i].value);
        if (n < 0 || (size_t)n >= size - used)
            return;
        used += (size_t)n;
    }
}
