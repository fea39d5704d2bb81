/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "lull/drafts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lull/utf8.h"

static const char header[] = "lull-drafts 1\n";

/* Appends s escaped (\\, \t, \n) and a tab or the line's end. */
static int put_text(char *out, size_t size, size_t *at, const char *s, char end)
{
    for (; *s; s++) {
        const char *esc = *s == '\\' ? "\\\\" : *s == '\t' ? "\\t" : *s == '\n' ? "\\n" : NULL;
        size_t n = esc ? 2 : 1;
        if (*at + n + 1 >= size)
            return -1;
        memcpy(out + *at, esc ? esc : s, n);
        *at += n;
    }
    if (*at + 2 >= size)
        return -1;
    out[(*at)++] = end;
    out[*at] = '\0';
    return 0;
}

static int put_number(char *out, size_t size, size_t *at, long long v)
{
    char n[32];
    snprintf(n, sizeof n, "%lld", v);
    return put_text(out, size, at, n, '\t');
}

int drafts_format(const LogEvent *drafts, int count, char *out, size_t size)
{
    size_t at = 0;
    if (size < sizeof header)
        return -1;
    memcpy(out, header, sizeof header);
    at = sizeof header - 1;
    for (int i = 0; i < count; i++) {
        const LogEvent *d = &drafts[i];
        const long long numbers[] = {d->id,      d->time_ms, d->utc_offset_s,
                                     d->session, d->partner, d->closeness,
                                     d->comfort, d->pain,    d->tiredness};
        for (size_t k = 0; k < sizeof numbers / sizeof numbers[0]; k++)
            if (put_number(out, size, &at, numbers[k]) != 0)
                return -1;
        if (put_text(out, size, &at, d->partner_name, '\t') != 0 ||
            put_text(out, size, &at, d->tried, '\t') != 0 ||
            put_text(out, size, &at, d->helped, '\t') != 0 ||
            put_text(out, size, &at, d->next, '\t') != 0 ||
            put_text(out, size, &at, d->note, '\n') != 0)
            return -1;
    }
    return (int)at;
}

/* The next field of the line at *p, unescaped into out (cut to whole
 * characters); 0 at the line's end or the text's. */
static int take_field(const char **p, char *out, size_t size)
{
    size_t n = 0;
    char buf[EVENT_NOTE_MAX * 2];
    const char *s = *p;
    if (!*s)
        return 0;
    while (*s && *s != '\t' && *s != '\n') {
        char c = *s++;
        if (c == '\\' && *s) {
            char e = *s++;
            c = e == 't' ? '\t' : e == 'n' ? '\n' : e;
        }
        if (n + 1 < sizeof buf)
            buf[n++] = c;
    }
    buf[n] = '\0';
    utf8_copy(out, size, buf);
    *p = *s == '\t' ? s + 1 : s;
    return 1;
}

int drafts_parse(const char *text, LogEvent *out, int max)
{
    if (!text || strncmp(text, header, sizeof header - 1) != 0)
        return 0;
    const char *p = text + sizeof header - 1;
    int count = 0;
    while (*p && count < max) {
        LogEvent *d = &out[count];
        event_init(d, EVENT_ENTRY);
        char field[64];
        long long numbers[9];
        int ok = 1;
        for (int k = 0; k < 9 && ok; k++) {
            char *end = NULL;
            ok = take_field(&p, field, sizeof field);
            numbers[k] = ok ? strtoll(field, &end, 10) : 0;
            ok = ok && end && *end == '\0' && field[0];
        }
        ok = ok && take_field(&p, d->partner_name, sizeof d->partner_name) &&
             take_field(&p, d->tried, sizeof d->tried) &&
             take_field(&p, d->helped, sizeof d->helped) &&
             take_field(&p, d->next, sizeof d->next) && take_field(&p, d->note, sizeof d->note);
        int partner = (int)numbers[4];
        if (ok && partner >= (int)PARTNER_NONE && partner <= (int)PARTNER_BOTH) {
            d->id = numbers[0];
            d->time_ms = numbers[1];
            d->utc_offset_s = (int32_t)numbers[2];
            d->session = numbers[3];
            d->partner = partner == (int)PARTNER_FIRST    ? PARTNER_FIRST
                         : partner == (int)PARTNER_SECOND ? PARTNER_SECOND
                         : partner == (int)PARTNER_BOTH   ? PARTNER_BOTH
                                                          : PARTNER_NONE;
            d->closeness = (int)numbers[5];
            d->comfort = (int)numbers[6];
            d->pain = (int)numbers[7];
            d->tiredness = (int)numbers[8];
            snprintf(d->name, sizeof d->name, "entry");
            count++;
        }
        while (*p && *p != '\n')
            p++;
        if (*p == '\n')
            p++;
    }
    return count;
}
