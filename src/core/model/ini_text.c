/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One INI reader for lull.conf and the assets' data files (lull/ini_text.h). */
#include "lull/ini_text.h"

#include <ini.h>
#include <stdio.h>
#include <string.h>

#include "lull/utf8.h"

enum { QUOTE_CHARS = 32 }; /* how much of a bad value a message repeats */

/* Where messages go: whole lines only, and a last line when the rest does not fit. */
typedef struct {
    char *buf;
    size_t size;
    size_t len;
    int full;
} MessageSink;

struct IniRead {
    const char *filename;
    const char *pos;      /* next unread byte of the text */
    int line;             /* the line last handed to inih, from 1 */
    int section_unusable; /* the current [section] header could not be read */
    int problems;
    MessageSink sink;
    IniKeyFn on_key;
    void *user;
};

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

static int ascii_lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

int ini_equal_nocase(const char *a, const char *b)
{
    while (*a && *b && ascii_lower((unsigned char)*a) == ascii_lower((unsigned char)*b)) {
        a++;
        b++;
    }
    return *a == '\0' && *b == '\0';
}

/* A bad value as a message may show it: quoted, cut after QUOTE_CHARS characters,
 * with control characters and stray bytes escaped. */
void ini_quote(const char *value, char *out, size_t out_size)
{
    size_t len = 0;
    int chars = 0;
    const unsigned char *p = (const unsigned char *)value;
    if (out_size < 8) {
        if (out_size)
            out[0] = '\0';
        return;
    }
    out[len++] = '"';
    while (*p) {
        unsigned long cp;
        int n = utf8_decode(p, &cp);
        char piece[8];
        size_t piece_len;
        if (chars == QUOTE_CHARS) {
            if (len + 4 < out_size) {
                memcpy(out + len, "...", 3);
                len += 3;
            }
            break;
        }
        if (n == 0 || utf8_unwanted(cp)) {
            snprintf(piece, sizeof piece, "\\x%02X", (unsigned)*p);
            piece_len = 4;
            n = 1;
        } else if (*p == '"' || *p == '\\') {
            piece[0] = '\\';
            piece[1] = (char)*p;
            piece_len = 2;
        } else {
            memcpy(piece, p, (size_t)n);
            piece_len = (size_t)n;
        }
        if (len + piece_len + 2 > out_size)
            break;
        memcpy(out + len, piece, piece_len);
        len += piece_len;
        p += n;
        chars++;
    }
    out[len++] = '"';
    out[len] = '\0';
}

/* A name from the file (section or key) safe to print: no quotes, stray bytes escaped. */
void ini_printable(const char *name, char *out, size_t out_size)
{
    ini_quote(name, out, out_size);
    size_t len = strlen(out);
    if (len >= 2) {
        memmove(out, out + 1, len - 2);
        out[len - 2] = '\0';
    }
}

static void sink_init(MessageSink *sink, char *buf, size_t size)
{
    sink->buf = buf;
    sink->size = buf ? size : 0;
    sink->len = 0;
    sink->full = 0;
    if (sink->size)
        buf[0] = '\0';
}

static void sink_append(MessageSink *sink, const char *line)
{
    static const char more[] = "(more problems not shown)\n";
    if (sink->size == 0 || sink->full)
        return;
    size_t need = strlen(line) + 1;
    size_t room = sink->size - sink->len - 1;
    if (need + (sizeof more - 1) <= room) {
        memcpy(sink->buf + sink->len, line, need - 1);
        sink->len += need;
        sink->buf[sink->len - 1] = '\n';
    } else {
        sink->full = 1;
        if (sizeof more - 1 <= room) {
            memcpy(sink->buf + sink->len, more, sizeof more - 1);
            sink->len += sizeof more - 1;
        }
    }
    sink->buf[sink->len] = '\0';
}

void ini_report(IniRead *read, const char *what)
{
    char line[INI_MESSAGE_MAX + 512];
    snprintf(line, sizeof line, "%s:%d: %s", read->filename, read->line, what);
    read->problems++;
    sink_append(&read->sink, line);
}

void ini_report_key(IniRead *read, const char *section, const char *name, const char *what)
{
    char printable_section[INI_MESSAGE_MAX / 4];
    char printable_key[INI_MESSAGE_MAX / 4];
    char line[INI_MESSAGE_MAX + 128];
    ini_printable(section, printable_section, sizeof printable_section);
    ini_printable(name, printable_key, sizeof printable_key);
    if (printable_section[0])
        snprintf(line, sizeof line, "%s.%s: %s", printable_section, printable_key, what);
    else
        snprintf(line, sizeof line, "%s: %s", printable_key, what);
    ini_report(read, line);
}

int ini_trim(char *out, size_t out_size, const char *text)
{
    while (is_space(*text))
        text++;
    size_t len = strlen(text);
    while (len && is_space(text[len - 1]))
        len--;
    if (len >= out_size)
        return -1;
    memmove(out, text, len);
    out[len] = '\0';
    return 0;
}

static int on_line(void *user, const char *section, const char *name, const char *value)
{
    IniRead *read = user;
    char clean_section[64];
    char clean_value[INI_VALUE_MAX];

    /* The header was already reported; its keys cannot be placed. */
    if (read->section_unusable)
        return 1;
    if (ini_trim(clean_section, sizeof clean_section, section) != 0)
        clean_section[0] = '\0';
    if (name[0] == '\0') {
        ini_report(read, "a value without a key name; ignored");
        return 1;
    }
    if (ini_trim(clean_value, sizeof clean_value, value) != 0) {
        ini_report_key(read, clean_section, name, "the value is too long; ignored");
        return 1;
    }
    /* inih only knows ';' after a space as a comment; "key = ; note", "key = # note"
     * and '#' after a space are comments to most people too. A '#' that starts a
     * word ("colour = #0072B2") is not. */
    for (char *p = clean_value; *p; p++) {
        if ((p == clean_value && (*p == ';' || (*p == '#' && (!p[1] || is_space(p[1]))))) ||
            (*p == '#' && p > clean_value && is_space(p[-1]))) {
            *p = '\0';
            break;
        }
    }
    if (ini_trim(clean_value, sizeof clean_value, clean_value) != 0)
        clean_value[0] = '\0';
    read->on_key(read, read->user, clean_section, name, clean_value);
    /* Every problem is reported here; returning 0 would only make inih count it again. */
    return 1;
}

/* The same scan as inih's: stops at one of chars, or at a ';' after whitespace. */
static const char *find_chars_or_comment(const char *s, const char *chars)
{
    int was_space = 0;
    while (*s && !strchr(chars, *s) && !(was_space && *s == ';')) {
        was_space = is_space(*s);
        s++;
    }
    return s;
}

/* inih's reader: one real line per call, so inih's line numbers are the file's.
 * Lines are trimmed (an indented key stays a key rather than continuing the one
 * above it), and lines inih could not read become blank after a message. */
static char *read_line(char *str, int num, void *stream)
{
    static const char unusable_section[] = "[?]";
    IniRead *read = stream;
    if (num < (int)sizeof unusable_section || *read->pos == '\0')
        return NULL;

    const char *start = read->pos;
    const char *end = start;
    while (*end && *end != '\n' && *end != '\r')
        end++;
    read->pos = end;
    if (*read->pos == '\r')
        read->pos++;
    if (*read->pos == '\n')
        read->pos++;
    read->line++;

    if (read->line == 1 && end - start >= 3 && memcmp(start, "\xEF\xBB\xBF", 3) == 0)
        start += 3;
    while (start < end && is_space(*start))
        start++;
    while (end > start && is_space(end[-1]))
        end--;

    size_t len = (size_t)(end - start);
    if (len > (size_t)num - 1) {
        char what[INI_MESSAGE_MAX];
        snprintf(what, sizeof what, "the line is longer than %d characters; ignored%s", num - 1,
                 *start == '[' ? ", with the keys under it" : "");
        ini_report(read, what);
        if (*start == '[') {
            read->section_unusable = 1;
            memcpy(str, unusable_section, sizeof unusable_section);
        } else {
            str[0] = '\0';
        }
        return str;
    }
    memcpy(str, start, len);
    str[len] = '\0';

    if (str[0] == '\0' || str[0] == ';' || str[0] == '#')
        return str;
    if (str[0] == '[') {
        if (*find_chars_or_comment(str + 1, "]") == ']') {
            read->section_unusable = 0;
        } else {
            ini_report(read, "a [section] header without its ']'; ignored, with the keys under it");
            read->section_unusable = 1;
            memcpy(str, unusable_section, sizeof unusable_section);
        }
        return str;
    }
    const char *separator = find_chars_or_comment(str, "=:");
    if (*separator != '=' && *separator != ':') {
        ini_report(read, "not a \"key = value\" line or a [section]; ignored");
        str[0] = '\0';
    }
    return str;
}

int ini_read(const char *text, const char *filename, IniKeyFn on_key, void *user, char *messages,
             size_t messages_size)
{
    IniRead read;
    memset(&read, 0, sizeof read);
    read.filename = filename && *filename ? filename : "config";
    read.pos = text ? text : "";
    read.on_key = on_key;
    read.user = user;
    sink_init(&read.sink, messages, messages_size);

    int result = ini_parse_stream(read_line, &read, on_line, &read);
    if (result > 0) {
        /* A line inih rejected that the reader let through. */
        read.line = result;
        ini_report(&read, "could not read this line; ignored");
    } else if (result < 0) {
        read.line = 0;
        ini_report(&read, "could not be read (out of memory); using the defaults for the rest");
    }
    return read.problems;
}
