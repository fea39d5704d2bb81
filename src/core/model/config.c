/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "lull/config.h"

#include <stdio.h>
#include <string.h>

#include "lull/ini_text.h"
#include "lull/utf8.h"

enum {
    MESSAGE_MAX = INI_MESSAGE_MAX, /* one message line */
    VALUE_MAX = INI_VALUE_MAX,
    NUMBER_DIGITS_MAX = 9, /* keeps every accepted number far from overflow */
    FRACTION_DIGITS_MAX = 6,
};

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

static void write_why(char *why, size_t why_size, const char *section, const char *name,
                      const char *reason)
{
    if (!why || why_size == 0)
        return;
    char printable_section[MESSAGE_MAX / 4];
    char printable_key[MESSAGE_MAX / 4];
    ini_printable(section, printable_section, sizeof printable_section);
    ini_printable(name, printable_key, sizeof printable_key);
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
    ini_quote(value, quoted, sizeof quoted);
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
    ini_quote(value, quoted, sizeof quoted);
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
        if (utf8_unwanted(cp)) {
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
    ini_quote(value, quoted, sizeof quoted);
    snprintf(why, why_size, "%s is not 0, 90, 180 or 270; using %d", quoted, config->rotation);
    return -1;
}

static int apply_dpi(Config *config, const char *value, char *why, size_t why_size)
{
    double n;
    if (ini_equal_nocase(value, "auto")) {
        config->dpi = 0;
        return 0;
    }
    if (parse_decimal(value, &n) == 0 && n >= 50 && n <= 1000) {
        config->dpi = n;
        return 0;
    }
    char quoted[MESSAGE_MAX / 2];
    ini_quote(value, quoted, sizeof quoted);
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
        if (ini_equal_nocase(value, names[i])) {
            config->night = modes[i];
            return 0;
        }
    }
    const char *current = "auto";
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (modes[i] == config->night)
            current = names[i];
    char quoted[MESSAGE_MAX / 2];
    ini_quote(value, quoted, sizeof quoted);
    snprintf(why, why_size, "%s is not auto, on or off; using %s", quoted, current);
    return -1;
}

static int apply_fades(Config *config, const char *value, char *why, size_t why_size)
{
    if (ini_equal_nocase(value, "on") || ini_equal_nocase(value, "off")) {
        config->fades = ini_equal_nocase(value, "on");
        return 0;
    }
    char quoted[MESSAGE_MAX / 2];
    ini_quote(value, quoted, sizeof quoted);
    snprintf(why, why_size, "%s is not on or off; using %s", quoted, config->fades ? "on" : "off");
    return -1;
}

static int set_time(int *field, const char *value, char *why, size_t why_size)
{
    if (parse_time_of_day(value, field) == 0)
        return 0;
    char quoted[MESSAGE_MAX / 2];
    ini_quote(value, quoted, sizeof quoted);
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

static int apply_night_light(Config *config, const char *value, char *why, size_t why_size)
{
    return set_int(&config->night_light, value, 10, 100, 1, "", why, why_size);
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
    if (ini_equal_nocase(value, "auto")) {
        config->board = BOARD_AUTO;
        return 0;
    }
    if (ini_equal_nocase(value, "facing")) {
        config->board = BOARD_FACING;
        return 0;
    }
    char quoted[MESSAGE_MAX / 2];
    ini_quote(value, quoted, sizeof quoted);
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
    {"display", "night_light", apply_night_light},
    {"display", "fades", apply_fades},
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
        if (ini_equal_nocase(section, keys[i].section) && ini_equal_nocase(name, keys[i].name))
            return &keys[i];
    return NULL;
}

static int is_known_section(const char *section)
{
    for (size_t i = 0; i < KEY_COUNT; i++)
        if (ini_equal_nocase(section, keys[i].section))
            return 1;
    return 0;
}

/* The section a key name belongs in, for a hint; NULL when it is no known key. */
static const char *section_of(const char *name)
{
    for (size_t i = 0; i < KEY_COUNT; i++)
        if (ini_equal_nocase(name, keys[i].name))
            return keys[i].section;
    return NULL;
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

static void on_key(IniRead *read, void *user, const char *section, const char *name,
                   const char *value)
{
    Config *config = user;
    char why[MESSAGE_MAX];
    if (value[0] == '\0' && find_key(section, name)) {
        ini_report_key(read, section, name, "no value; ignored");
        return;
    }
    if (apply_key(config, section, name, value, why, sizeof why) != 0)
        ini_report(read, why);
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
    config->night_light = 40;
    config->fades = 1;
    config->volume = 70;
    config->session_idle_min = 30;
    config->board = BOARD_AUTO;
    config->idle_dim_s = 300;
}

int config_parse(Config *config, const char *text, const char *filename, char *messages,
                 size_t messages_size)
{
    return ini_read(text, filename, on_key, config, messages, messages_size);
}

int config_set(Config *config, const char *section, const char *name, const char *value, char *why,
               size_t why_size)
{
    char clean_value[VALUE_MAX];
    char clean_section[64];
    char clean_name[64];
    if (why && why_size)
        why[0] = '\0';
    if (!section || !name || ini_trim(clean_section, sizeof clean_section, section) != 0 ||
        ini_trim(clean_name, sizeof clean_name, name) != 0) {
        if (why && why_size)
            snprintf(why, why_size, "unknown key, ignored");
        return -1;
    }
    if (!value || ini_trim(clean_value, sizeof clean_value, value) != 0) {
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
