/* SPDX-License-Identifier: GPL-3.0-or-later */
/* DESIGN.md's export: CSV (RFC 4180, spreadsheet formulas defused) and JSON,
 * streamed row by row from store_each_event. Output is always valid UTF-8. */
#include "lull/store.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

/* One writer for both destinations, so the escaping the tests check through
 * export_csv_field/export_json_string is the escaping the export uses. */
typedef struct {
    FILE *file; /* or, when NULL, the buffer below */
    char *buf;
    size_t size;
    size_t len;
    int failed;
    int error; /* errno of a failed file write */
} Sink;

static void sink_write(Sink *sink, const char *bytes, size_t n)
{
    if (sink->failed || n == 0)
        return;
    if (sink->file) {
        if (fwrite(bytes, 1, n, sink->file) != n) {
            sink->failed = 1;
            sink->error = errno;
        }
        return;
    }
    if (n >= sink->size - sink->len) { /* keep a byte for the NUL */
        sink->failed = 1;
        return;
    }
    memcpy(sink->buf + sink->len, bytes, n);
    sink->len += n;
    sink->buf[sink->len] = '\0';
}

static void sink_str(Sink *sink, const char *text)
{
    sink_write(sink, text, strlen(text));
}

static const char replacement_char[] = "\xEF\xBF\xBD"; /* U+FFFD */

/* Length of the well-formed UTF-8 sequence at s (1-4), or 0 when the byte at
 * s does not start one (stray continuation, overlong form, surrogate, beyond
 * U+10FFFF, or cut short). Stops at the NUL, which is never a continuation. */
static int utf8_sequence(const unsigned char *s)
{
    unsigned char c = s[0];
    if (c < 0x80)
        return 1;
    if (c < 0xC2)
        return 0;
    if (c < 0xE0)
        return (s[1] & 0xC0) == 0x80 ? 2 : 0;
    if (c < 0xF0) {
        unsigned char lo = c == 0xE0 ? 0xA0 : 0x80;
        unsigned char hi = c == 0xED ? 0x9F : 0xBF;
        return s[1] >= lo && s[1] <= hi && (s[2] & 0xC0) == 0x80 ? 3 : 0;
    }
    if (c < 0xF5) {
        unsigned char lo = c == 0xF0 ? 0x90 : 0x80;
        unsigned char hi = c == 0xF4 ? 0x8F : 0xBF;
        return s[1] >= lo && s[1] <= hi && (s[2] & 0xC0) == 0x80 && (s[3] & 0xC0) == 0x80 ? 4 : 0;
    }
    return 0;
}

/* OWASP's list: a cell starting with one of these may be run as a formula. */
static int csv_needs_defusing(const char *text)
{
    return text[0] != '\0' && strchr("=+-@\t\r", text[0]) != NULL;
}

static void csv_field(Sink *sink, const char *text)
{
    if (!text)
        text = "";
    int quote = strpbrk(text, ",\"\r\n") != NULL;
    if (quote)
        sink_write(sink, "\"", 1);
    if (csv_needs_defusing(text))
        sink_write(sink, "'", 1);
    const unsigned char *p = (const unsigned char *)text;
    while (*p) {
        int n = utf8_sequence(p);
        if (n == 0) {
            sink_write(sink, replacement_char, 3);
            p++;
        } else if (*p == '"') {
            sink_write(sink, "\"\"", 2);
            p++;
        } else {
            sink_write(sink, (const char *)p, (size_t)n);
            p += n;
        }
    }
    if (quote)
        sink_write(sink, "\"", 1);
}

static void json_string(Sink *sink, const char *text)
{
    static const char hex[] = "0123456789abcdef";
    if (!text)
        text = "";
    sink_write(sink, "\"", 1);
    const unsigned char *p = (const unsigned char *)text;
    while (*p) {
        unsigned char c = *p;
        int n = utf8_sequence(p);
        if (c == '"') {
            sink_write(sink, "\\\"", 2);
        } else if (c == '\\') {
            sink_write(sink, "\\\\", 2);
        } else if (c == '\n') {
            sink_write(sink, "\\n", 2);
        } else if (c == '\r') {
            sink_write(sink, "\\r", 2);
        } else if (c == '\t') {
            sink_write(sink, "\\t", 2);
        } else if (c < 0x20 || c == 0x7F) {
            char escape[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xF]};
            sink_write(sink, escape, sizeof escape);
        } else if (n == 0) {
            sink_write(sink, replacement_char, 3);
        } else {
            sink_write(sink, (const char *)p, (size_t)n);
            p += n;
            continue;
        }
        p++;
    }
    sink_write(sink, "\"", 1);
}

static int escape_into(void (*escape)(Sink *, const char *), const char *in, char *out, size_t size)
{
    if (!out || size == 0)
        return -1;
    out[0] = '\0';
    Sink sink = {.buf = out, .size = size};
    escape(&sink, in);
    if (sink.failed) {
        out[0] = '\0';
        return -1;
    }
    return (int)sink.len;
}

int export_csv_field(const char *in, char *out, size_t size)
{
    return escape_into(csv_field, in, out, size);
}

int export_json_string(const char *in, char *out, size_t size)
{
    return escape_into(json_string, in, out, size);
}

static const char csv_header[] =
    "time,kind,partner,name,label,session,planned_s,actual_s,pauses,"
    "closeness,comfort,pain,tiredness,tried,helped,next,note,stage,via\r\n";

/* A number, or nothing (CSV) / null (JSON) when absent. */
static void put_number(Sink *sink, ExportFormat format, int64_t value, int present)
{
    char text[24];
    if (present) {
        snprintf(text, sizeof text, "%" PRId64, value);
        sink_str(sink, text);
    } else if (format == EXPORT_JSON) {
        sink_str(sink, "null");
    }
}

static void put_text(Sink *sink, ExportFormat format, const char *text, int present)
{
    if (format == EXPORT_CSV)
        csv_field(sink, present ? text : "");
    else if (present)
        json_string(sink, text);
    else
        sink_str(sink, "null");
}

static void put_key(Sink *sink, ExportFormat format, const char *key)
{
    if (format == EXPORT_CSV) {
        sink_write(sink, ",", 1);
        return;
    }
    sink_str(sink, ", \"");
    sink_str(sink, key);
    sink_str(sink, "\": ");
}

static void put_row(Sink *sink, ExportFormat format, const LogEvent *ev)
{
    int breathing = ev->kind == EVENT_BREATHING;
    int entry = ev->kind == EVENT_ENTRY;
    char stamp[40];
    event_format_time(ev->time_ms, ev->utc_offset_s, stamp, (int)sizeof stamp);

    /* The time column is never defused: it always starts with a digit. */
    if (format == EXPORT_CSV) {
        sink_str(sink, stamp);
    } else {
        sink_str(sink, "{\"time\": ");
        json_string(sink, stamp);
    }
    put_key(sink, format, "kind");
    put_text(sink, format, event_kind_name(ev->kind), 1);
    put_key(sink, format, "partner");
    put_text(sink, format, ev->partner_name, 1);
    put_key(sink, format, "name");
    put_text(sink, format, ev->name, 1);
    put_key(sink, format, "label");
    put_text(sink, format, ev->label, 1);
    put_key(sink, format, "session");
    put_number(sink, format, ev->session, ev->session != 0);
    put_key(sink, format, "planned_s");
    put_number(sink, format, ev->planned_s, breathing);
    put_key(sink, format, "actual_s");
    put_number(sink, format, ev->actual_s, breathing);
    put_key(sink, format, "pauses");
    put_number(sink, format, ev->pauses, breathing);
    put_key(sink, format, "closeness");
    put_number(sink, format, ev->closeness, entry && ev->closeness >= 0);
    put_key(sink, format, "comfort");
    put_number(sink, format, ev->comfort, entry && ev->comfort >= 0);
    put_key(sink, format, "pain");
    put_number(sink, format, ev->pain, entry && ev->pain >= 0);
    put_key(sink, format, "tiredness");
    put_number(sink, format, ev->tiredness, entry && ev->tiredness >= 0);
    put_key(sink, format, "tried");
    put_text(sink, format, ev->tried, entry);
    put_key(sink, format, "helped");
    put_text(sink, format, ev->helped, entry);
    put_key(sink, format, "next");
    put_text(sink, format, ev->next, entry);
    put_key(sink, format, "note");
    put_text(sink, format, ev->note, entry || ev->kind == EVENT_PLAN);
    /* Added after the first release: at the end, so no column moves. */
    put_key(sink, format, "stage");
    put_number(sink, format, ev->stage, ev->stage > 0);
    put_key(sink, format, "via");
    put_text(sink, format, ev->via, ev->kind == EVENT_SIGNAL && ev->via[0]);
    sink_str(sink, format == EXPORT_CSV ? "\r\n" : "}");
}

typedef struct {
    Sink *sink;
    ExportFormat format;
    int64_t rows;
} ExportRun;

static int export_one(void *ctx, const LogEvent *ev)
{
    ExportRun *run = ctx;
    if (run->format == EXPORT_JSON)
        sink_str(run->sink, run->rows == 0 ? "\n  " : ",\n  ");
    put_row(run->sink, run->format, ev);
    run->rows++;
    return run->sink->failed; /* stop at the first failed write */
}

static StoreStatus status_from_write(int error)
{
    return error == ENOSPC || error == EDQUOT ? STORE_FULL : STORE_IO;
}

StoreStatus store_export(Store *store, ExportFormat format, FILE *out, int64_t exported_at_ms,
                         int32_t utc_offset_s)
{
    Sink sink = {.file = out};
    ExportRun run = {.sink = &sink, .format = format};
    if (format == EXPORT_CSV) {
        sink_str(&sink, csv_header);
    } else {
        char stamp[40];
        event_format_time(exported_at_ms, utc_offset_s, stamp, (int)sizeof stamp);
        sink_str(&sink, "{\"exported_at\": ");
        json_string(&sink, stamp);
        sink_str(&sink, ", \"events\": [");
    }
    StoreStatus status = sink.failed ? STORE_OK : store_each_event(store, export_one, &run);
    if (status != STORE_OK)
        return status;
    if (format == EXPORT_JSON)
        sink_str(&sink, run.rows > 0 ? "\n]}\n" : "]}\n");
    if (!sink.failed && fflush(out) != 0) {
        sink.failed = 1;
        sink.error = errno;
    }
    if (sink.failed) {
        errno = sink.error;
        return status_from_write(sink.error);
    }
    return STORE_OK;
}
