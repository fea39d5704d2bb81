/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "lull/config.h"

#include <ini.h>
#include <stdio.h>
#include <string.h>

#include "lull/utf8.h"

enum {
    QUOTE_CHARS = 32,      /* how much of a bad value a message repeats */
    MESSAGE_MAX = 320,     /* one message line */
    VALUE_MAX = 1024,      /* longer values cannot come from inih's line buffer */
    NUMBER_DIGITS_MAX = 9, /* keeps every accepted number far from overflow */
    FRACTION_DIGITS_MAX = 6,
};

/* Where messages go: whole lines only, and a last line when the rest does not fit. */
typedef struct {
    char *buf;
    size_t size;
    size_t len;
    int full;
} MessageSink;

typedef struct {
    Config *config;
    const char *filename;
    const char *pos;      /* next unread byte of the text */
    int line;             /* the line last handed to inih, from 1 */
    int section_unusable; /* the current [section] header could not be read */
    int problems;
    MessageSink sink;
} ParseState;

typedef int (*KeyApply)(Config *config, const char *value, char *why, size_t why_size);

typedef struct {
    const char *section;
    const char *name;
    KeyApply apply;
} KeySpec;

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

static int ascii_lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static int equal_nocase(const char *a, const char *b)
{
    while (*a && *b && ascii_lower((unsigned char)*a) == ascii_lower((unsigned char)*b)) {
        a++;
        b++;
    }
    return *a == '\0' && *b == '\0';
}

/* Control characters, and the invisible ones that reorder or break text. */
static int is_unwanted_code_point(unsigned long cp)
{
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 ||
           (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

/* A bad value as a message may show it: quoted, cut after QUOTE_CHARS characters,
 * with control characters and stray bytes escaped. */
static void quote_value(const char *value, char *out, size_t out_size)
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
        if (n == 0 || is_unwanted_code_point(cp)) {
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
static void printable_name(const char *name, char *out, size_t out_size)
{
    quote_value(name, out, out_size);
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

static void report(ParseState *st, const char *what)
{
    char line[MESSAGE_MAX + 512];
    snprintf(line, sizeof line, "%s:%d: %s", st->filename, st->line, what);
    st->problems++;
    sink_append(&st->sink, line);
}

static void write_why(char *why, size_t why_size, const char *section, const char *name,
                      const char *reason)
{
    if (!why || why_size == 0)
        return;
    char printable_section[MESSAGE_MAX / 4];
    char printable_key[MESSAGE_MAX / 4];
    printable_name(section, printable_section, sizeof printable_section);
    printable_name(name, printable_key, sizeof printable_key);
    if (printable_section[0])
        snprintf(why, why_size, "%s.%s: %s", printable_section, printable_key, reason);
    else
        snprintf(why, why_size, "%s: %s", printable_key, reason);
}

/* "0".."999999999": digits only, no sign, no spaces, no trailing text. */
static int parse_whole(const char *value, long *out)
{
    long n = 0;
    int digits = 0;
    for (const char *p = value; *p; p++) {
        if (*p < '0' || *p > '9' || ++digits > NUMBER_DIGITS_MAX)
            return -1;
        n = n * 10 + (*p - '0');
    }
    if (digits == 0)
        return -1;
    *out = n;
    return 0;
}

/* "12" or "12.5": a plain decimal, independent of the C locale's decimal point, so
 * NaN, infinities, exponents and hex floats never get through. */
static int parse_decimal(const char *value, double *out)
{
    long whole = 0;
    long fraction = 0;
    long scale = 1;
    int digits = 0;
    const char *p = value;
    for (; *p >= '0' && *p <= '9'; p++) {
        if (++digits > NUMBER_DIGITS_MAX)
            return -1;
        whole = whole * 10 + (*p - '0');
    }
    if (digits == 0)
        return -1;
    if (*p == '.') {
        int fraction_digits = 0;
        for (p++; *p >= '0' && *p <= '9'; p++) {
            if (++fraction_digits > FRACTION_DIGITS_MAX)
                return -1;
            fraction = fraction * 10 + (*p - '0');
            scale *= 10;
        }
        if (fraction_digits == 0)
            return -1;
    }
    if (*p)
        return -1;
    *out = (double)whole + (double)fraction / (double)scale;
    return 0;
}

/* "H:MM" or "HH:MM" to minutes after midnight. */
static int parse_time_of_day(const char *value, int *out)
{
    int hour = 0;
    int hour_digits = 0;
    const char *p = value;
    for (; *p >= '0' && *p <= '9' && hour_digits < 3; p++, hour_digits++)
        hour = hour * 10 + (*p - '0');
    if (hour_digits < 1 || hour_digits > 2 || *p != ':')
        return -1;
    p++;
    if (p[0] < '0' || p[0] > '9' || p[1] < '0' || p[1] > '9' || p[2] != '\0')
        return -1;
    int minute = (p[0] - '0') * 10 + (p[1] - '0');
    if (hour > 23 || minute > 59)
        return -1;
    *out = hour * 60 + minute;
    return 0;
}

static int set_int(int *field, const char *value, int min, int max, int scale, const char *note,
                   char *why, size_t why_size)
{
    long n;
    if (parse_whole(value, &n) == 0 && n >= min && n <= max) {
        *field = (int)n * scale;
        return 0;
    }
    char quoted[MESSAGE_MAX / 2];
    quote_value(value, quoted, sizeof quoted);
    snprintf(why, why_size, "%s is not a whole number from %d to %d%s; using %d", quoted, min, max,
             note, *field / scale);
    return -1;
}

static int set_decimal(double *field, const char *value, double min, double max, char *why,
                       size_t why_size)
{
    double n;
    if (parse_decimal(value, &n) == 0 && n >= min && n <= max) {
        *field = n;
        return 0;
    }
    char quoted[MESSAGE_MAX / 2];
    quote_value(value, quoted, sizeof quoted);
    snprintf(why, why_size, "%s is not a number from %g to %g; using %g", quoted, min, max, *field);
    return -1;
}

static int set_name(char *field, const char *value, char *why, size_t why_size)
{
    /* Names are not repeated in messages: they are the couple's words. */
    size_t len = strlen(value);
    if (len >= 2 && value[0] == '"' && value[len - 1] == '"') {
        value++;
        len -= 2;
    }
    while (len && is_space(*value)) {
        value++;
        len--;
    }
    while (len && is_space(value[len - 1]))
        len--;
    if (len == 0) {
        snprintf(why, why_size, "the name is empty; ignored");
        return -1;
    }
    int chars = 0;
    for (size_t i = 0; i < len;) {
        unsigned long cp;
        int n = utf8_decode((const unsigned char *)value + i, &cp);
        if (n == 0 || i + (size_t)n > len) {
            snprintf(why, why_size, "the name is not valid UTF-8 text; ignored");
            return -1;
        }
        if (is_unwanted_code_point(cp)) {
            snprintf(why, why_size, "the name has a control character; ignored");
            return -1;
        }
        if (++chars > CONFIG_NAME_CHARS) {
            snprintf(why, why_size, "the name is longer than %d characters; ignored",
                     (int)CONFIG_NAME_CHARS);
            return -1;
        }
        i += (size_t)n;
    }
    if (len >= CONFIG_NAME_MAX) {
        snprintf(why, why_size, "the name is longer than %d bytes of UTF-8; ignored",
                 (int)CONFIG_NAME_MAX - 1);
        return -1;
    }
    memcpy(field, value, len);
    field[len] = '\0';
    return 0;
}

static int apply_first(Config *config, const char *value, char *why, size_t why_size)
{
    return set_name(config->partner_first, value, why, why_size);
}

static int apply_second(Config *config, const char *value, char *why, size_t why_size)
{
    return set_name(config->partner_second, value, why, why_size);
}

static int apply_rotation(Config *config, const char *value, char *why, size_t why_size)
{
    long n;
    if (parse_whole(value, &n) == 0 && (n == 0 || n == 90 || n == 180 || n == 270)) {
        config->rotation = (int)n;
        return 0;
    }
    char quoted[MESSAGE_MAX / 2];
    quote_value(value, quoted, sizeof quoted);
    snprintf(why, why_size, "%s is not 0, 90, 180 or 270; using %d", quoted, config->rotation);
    return -1;
}

static int apply_dpi(Config *config, const char *value, char *why, size_t why_size)
{
    double n;
    if (equal_nocase(value, "auto")) {
        config->dpi = 0;
        return 0;
    }
    if (parse_decimal(value, &n) == 0 && n >= 50 && n <= 1000) {
        config->dpi = n;
        return 0;
    }
    char quoted[MESSAGE_MAX / 2];
    quote_value(value, quoted, sizeof quoted);
    if (config->dpi > 0)
        snprintf(why, why_size, "%s is not a number from 50 to 1000; using %g", quoted,
                 config->dpi);
    else
        snprintf(why, why_size, "%s is not a number from 50 to 1000; using the display's", quoted);
    return -1;
}

static int apply_min_target(Config *config, const char *value, char *why, size_t why_size)
{
    return set_decimal(&config->min_target_mm, value, 7, 30, why, why_size);
}

static int apply_min_text(Config *config, const char *value, char *why, size_t why_size)
{
    return set_decimal(&config->min_text_mm, value, 2, 10, why, why_size);
}

static int apply_night(Config *config, const char *value, char *why, size_t why_size)
{
    static const char *const names[] = {"auto", "on", "off"};
    static const NightMode modes[] = {NIGHT_AUTO, NIGHT_ON, NIGHT_OFF};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (equal_nocase(value, names[i])) {
            config->night = modes[i];
            return 0;
        }
    }
    const char *current = "auto";
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (modes[i] == config->night)
            current = names[i];
    char quoted[MESSAGE_MAX / 2];
    quote_value(value, quoted, sizeof quoted);
    snprintf(why, why_size, "%s is not auto, on or off; using %s", quoted, current);
    return -1;
}

static int set_time(int *field, const char *value, char *why, size_t why_size)
{
    if (parse_time_of_day(value, field) == 0)
        return 0;
    char quoted[MESSAGE_MAX / 2];
    quote_value(value, quoted, sizeof quoted);
    snprintf(why, why_size, "%s is not a time of day as HH:MM (00:00 to 23:59); using %02d:%02d",
             quoted, *field / 60, *field % 60);
    return -1;
}

static int apply_night_start(Config *config, const char *value, char *why, size_t why_size)
{
    return set_time(&config->night_start_min, value, why, why_size);
}

static int apply_night_end(Config *config, const char *value, char *why, size_t why_size)
{
    return set_time(&config->night_end_min, value, why, why_size);
}

static int apply_brightness(Config *config, const char *value, char *why, size_t why_size)
{
    return set_int(&config->brightness, value, 10, 100, 1, "", why, why_size);
}

static int apply_idle_dim_s(Config *config, const char *value, char *why, size_t why_size)
{
    return set_int(&config->idle_dim_s, value, 0, 86400, 1, " (0 = never)", why, why_size);
}

static int apply_idle_dim_minutes(Config *config, const char *value, char *why, size_t why_size)
{
    return set_int(&config->idle_dim_s, value, 0, 1440, 60, " (0 = never)", why, why_size);
}

static int apply_volume(Config *config, const char *value, char *why, size_t why_size)
{
    return set_int(&config->volume, value, 0, 100, 1, "", why, why_size);
}

static int apply_idle_minutes(Config *config, const char *value, char *why, size_t why_size)
{
    return set_int(&config->session_idle_min, value, 1, 240, 1, "", why, why_size);
}

static int apply_layout(Config *config, const char *value, char *why, size_t why_size)
{
    if (equal_nocase(value, "auto")) {
        config->board = BOARD_AUTO;
        return 0;
    }
    if (equal_nocase(value, "facing")) {
        config->board = BOARD_FACING;
        return 0;
    }
    char quoted[MESSAGE_MAX / 2];
    quote_value(value, quoted, sizeof quoted);
    snprintf(why, why_size, "%s is not auto or facing; using %s", quoted,
             config->board == BOARD_FACING ? "facing" : "auto");
    return -1;
}

static const KeySpec keys[] = {
    {"partners", "first", apply_first},
    {"partners", "second", apply_second},
    {"display", "rotation", apply_rotation},
    {"display", "dpi", apply_dpi},
    {"display", "min_target_mm", apply_min_target},
    {"display", "min_text_mm", apply_min_text},
    {"display", "night", apply_night},
    {"display", "night_start", apply_night_start},
    {"display", "night_end", apply_night_end},
    {"display", "brightness", apply_brightness},
    {"display", "idle_dim_s", apply_idle_dim_s},
    {"display", "idle_dim_minutes", apply_idle_dim_minutes},
    {"sound", "volume", apply_volume},
    {"signals", "idle_minutes", apply_idle_minutes},
    {"signals", "layout", apply_layout},
};

enum { KEY_COUNT = sizeof keys / sizeof keys[0] };

static const KeySpec *find_key(const char *section, const char *name)
{
    for (size_t i = 0; i < KEY_COUNT; i++)
        if (equal_nocase(section, keys[i].section) && equal_nocase(name, keys[i].name))
            return &keys[i];
    return NULL;
}

static int is_known_section(const char *section)
{
    for (size_t i = 0; i < KEY_COUNT; i++)
        if (equal_nocase(section, keys[i].section))
            return 1;
    return 0;
}

/* The section a key name belongs in, for a hint; NULL when it is no known key. */
static const char *section_of(const char *name)
{
    for (size_t i = 0; i < KEY_COUNT; i++)
        if (equal_nocase(name, keys[i].name))
            return keys[i].section;
    return NULL;
}

/* Copies text without surrounding whitespace; -1 when it does not fit. */
static int copy_trimmed(char *out, size_t out_size, const char *text)
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

/* Applies a key after its value has been cleaned; writes the problem to why. */
static int apply_key(Config *config, const char *section, const char *name, const char *value,
                     char *why, size_t why_size)
{
    char reason[MESSAGE_MAX];
    const KeySpec *key = find_key(section, name);
    reason[0] = '\0';
    if (!key) {
        const char *home = section_of(name);
        char hint[96];
        if (section[0] == '\0' && home) {
            snprintf(hint, sizeof hint, "not under a [section] (it belongs under [%s]); ignored",
                     home);
            write_why(why, why_size, section, name, hint);
        } else if (section[0] != '\0' && !is_known_section(section)) {
            write_why(why, why_size, section, name, "unknown section, ignored");
        } else {
            write_why(why, why_size, section, name, "unknown key, ignored");
        }
        return -1;
    }
    if (key->apply(config, value, reason, sizeof reason) == 0)
        return 0;
    write_why(why, why_size, key->section, key->name, reason);
    return -1;
}

static int on_key(void *user, const char *section, const char *name, const char *value)
{
    ParseState *st = user;
    char clean_section[64];
    char clean_value[VALUE_MAX];
    char why[MESSAGE_MAX];

    /* The header was already reported; its keys cannot be placed. */
    if (st->section_unusable)
        return 1;
    if (copy_trimmed(clean_section, sizeof clean_section, section) != 0)
        clean_section[0] = '\0';
    if (name[0] == '\0') {
        report(st, "a value without a key name; ignored");
        return 1;
    }
    if (copy_trimmed(clean_value, sizeof clean_value, value) != 0) {
        write_why(why, sizeof why, clean_section, name, "the value is too long; ignored");
        report(st, why);
        return 1;
    }
    /* inih only knows ';' after a space as a comment; "key = ; note" and '#' after a
     * space are comments to most people too. */
    for (char *p = clean_value; *p; p++) {
        if ((p == clean_value && (*p == ';' || *p == '#')) ||
            (*p == '#' && p > clean_value && is_space(p[-1]))) {
            *p = '\0';
            break;
        }
    }
    if (copy_trimmed(clean_value, sizeof clean_value, clean_value) != 0)
        clean_value[0] = '\0';
    if (clean_value[0] == '\0' && find_key(clean_section, name)) {
        write_why(why, sizeof why, clean_section, name, "no value; ignored");
        report(st, why);
        return 1;
    }
    if (apply_key(st->config, clean_section, name, clean_value, why, sizeof why) != 0)
        report(st, why);
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
    ParseState *st = stream;
    if (num < (int)sizeof unusable_section || *st->pos == '\0')
        return NULL;

    const char *start = st->pos;
    const char *end = start;
    while (*end && *end != '\n' && *end != '\r')
        end++;
    st->pos = end;
    if (*st->pos == '\r')
        st->pos++;
    if (*st->pos == '\n')
        st->pos++;
    st->line++;

    if (st->line == 1 && end - start >= 3 && memcmp(start, "\xEF\xBB\xBF", 3) == 0)
        start += 3;
    while (start < end && is_space(*start))
        start++;
    while (end > start && is_space(end[-1]))
        end--;

    size_t len = (size_t)(end - start);
    if (len > (size_t)num - 1) {
        char what[MESSAGE_MAX];
        snprintf(what, sizeof what, "the line is longer than %d characters; ignored%s", num - 1,
                 *start == '[' ? ", with the keys under it" : "");
        report(st, what);
        if (*start == '[') {
            st->section_unusable = 1;
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
            st->section_unusable = 0;
        } else {
            report(st, "a [section] header without its ']'; ignored, with the keys under it");
            st->section_unusable = 1;
            memcpy(str, unusable_section, sizeof unusable_section);
        }
        return str;
    }
    const char *separator = find_chars_or_comment(str, "=:");
    if (*separator != '=' && *separator != ':') {
        report(st, "not a \"key = value\" line or a [section]; ignored");
        str[0] = '\0';
    }
    return str;
}

void config_defaults(Config *config)
{
    memset(config, 0, sizeof *config);
    config->rotation = 0;
    config->dpi = 0;
    config->min_target_mm = 12;
    config->min_text_mm = 4;
    config->night = NIGHT_AUTO;
    config->night_start_min = 21 * 60;
    config->night_end_min = 7 * 60;
    config->brightness = 100;
    config->volume = 70;
    config->session_idle_min = 30;
    config->board = BOARD_AUTO;
    config->idle_dim_s = 300;
}

int config_parse(Config *config, const char *text, const char *filename, char *messages,
                 size_t messages_size)
{
    ParseState st;
    memset(&st, 0, sizeof st);
    st.config = config;
    st.filename = filename && *filename ? filename : "config";
    st.pos = text ? text : "";
    sink_init(&st.sink, messages, messages_size);

    int result = ini_parse_stream(read_line, &st, on_key, &st);
    if (result > 0) {
        /* A line inih rejected that the reader let through. */
        st.line = result;
        report(&st, "could not read this line; ignored");
    } else if (result < 0) {
        st.line = 0;
        report(&st, "could not be read (out of memory); using the defaults for the rest");
    }
    return st.problems;
}

int config_set(Config *config, const char *section, const char *name, const char *value, char *why,
               size_t why_size)
{
    char clean_value[VALUE_MAX];
    char clean_section[64];
    char clean_name[64];
    if (why && why_size)
        why[0] = '\0';
    if (!section || !name || copy_trimmed(clean_section, sizeof clean_section, section) != 0 ||
        copy_trimmed(clean_name, sizeof clean_name, name) != 0) {
        if (why && why_size)
            snprintf(why, why_size, "unknown key, ignored");
        return -1;
    }
    if (!value || copy_trimmed(clean_value, sizeof clean_value, value) != 0) {
        write_why(why, why_size, clean_section, clean_name,
                  value ? "the value is too long; ignored" : "no value; ignored");
        return -1;
    }
    if (clean_value[0] == '\0' && find_key(clean_section, clean_name)) {
        write_why(why, why_size, clean_section, clean_name, "no value; ignored");
        return -1;
    }
    /* Validate on a copy so a rejected value leaves config exactly as it was. */
    Config trial = *config;
    if (apply_key(&trial, clean_section, clean_name, clean_value, why, why_size) != 0)
        return -1;
    *config = trial;
    return 0;
}
