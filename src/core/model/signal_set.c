/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The couple's signal set: the defaults of DESIGN.md, their order as a
 * setting, and the colour-blind-safe palette a signal's colour cycles through. */
#include "lull/signal_set.h"

#include "lull/ini_text.h"
#include "lull/utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Okabe–Ito, a palette people with colour-vision differences can tell apart;
 * the stop signal takes a light warm grey in place of black on a dark screen. */
static const uint32_t palette[SIGNAL_PALETTE_SIZE] = {0x009E73, 0x56B4E9, 0xF0E442, 0xD55E00,
                                                      0xCC79A7, 0x0072B2, 0xE69F00, 0xC8C0B8};

void signal_set_defaults(SignalDef signals[SIGNAL_COUNT], int order[SIGNAL_COUNT])
{
    static const struct {
        const char *label;
        uint32_t color;
        Shape shape;
    } defaults[SIGNAL_COUNT] = {
        [SIGNAL_GOOD] = {"Keep going", 0x009E73, SHAPE_CIRCLE},
        [SIGNAL_SLOWER] = {"Slower", 0x56B4E9, SHAPE_WAVE},
        [SIGNAL_CHECK_IN] = {"Check in", 0xF0E442, SHAPE_QUESTION},
        [SIGNAL_PAIN] = {"Pain", 0xD55E00, SHAPE_BOLT},
        [SIGNAL_TIRED] = {"Tired", 0xCC79A7, SHAPE_MOON},
        [SIGNAL_PAUSE] = {"Pause", 0x0072B2, SHAPE_BARS},
        [SIGNAL_STOP] = {"Stop for today", 0xC8C0B8, SHAPE_SQUARE},
    };
    /* Pause first: it is the one that must always be easiest to reach. */
    static const int default_order[SIGNAL_COUNT] = {SIGNAL_PAUSE,    SIGNAL_GOOD, SIGNAL_SLOWER,
                                                    SIGNAL_CHECK_IN, SIGNAL_PAIN, SIGNAL_TIRED,
                                                    SIGNAL_STOP};
    for (int i = 0; i < SIGNAL_COUNT; i++) {
        SignalDef *d = &signals[i];
        d->id = (SignalId)i;
        snprintf(d->label, sizeof d->label, "%s", defaults[i].label);
        d->color = color_rgb(defaults[i].color);
        d->shape = defaults[i].shape;
        d->sound = (SoundId)(SOUND_GOOD + i);
        d->visible = 1;
        order[i] = default_order[i];
    }
}

void signal_set_parse_order(int order[SIGNAL_COUNT], const char *text)
{
    int parsed[SIGNAL_COUNT];
    int seen[SIGNAL_COUNT] = {0};
    int n = 0;
    const char *p = text;
    while (*p && n < SIGNAL_COUNT) {
        char *end;
        long v = strtol(p, &end, 10);
        if (end == p || v < 0 || v >= SIGNAL_COUNT || seen[v])
            return;
        seen[v] = 1;
        parsed[n++] = (int)v;
        p = *end == ',' ? end + 1 : end;
        if (*end && *end != ',')
            return;
    }
    if (n != SIGNAL_COUNT)
        return;
    memcpy(order, parsed, sizeof parsed);
}

void signal_set_format_order(const int order[SIGNAL_COUNT], char *out, int size)
{
    int used = 0;
    out[0] = '\0';
    for (int i = 0; i < SIGNAL_COUNT && used < size; i++)
        used += snprintf(out + used, (size_t)(size - used), i ? ",%d" : "%d", order[i]);
}

uint32_t signal_set_next_color(Color now)
{
    int at = 0;
    for (int i = 0; i < SIGNAL_PALETTE_SIZE; i++) {
        Color c = color_rgb(palette[i]);
        if (c.r == now.r && c.g == now.g && c.b == now.b)
            at = i;
    }
    return palette[(at + 1) % SIGNAL_PALETTE_SIZE];
}

/* The shapes a signal may take, as signals.ini names them. */
static const char *const shape_names[SHAPE_COUNT] = {
    [SHAPE_NONE] = "none",
    [SHAPE_CIRCLE] = "circle",
    [SHAPE_WAVE] = "wave",
    [SHAPE_QUESTION] = "question",
    [SHAPE_BOLT] = "bolt",
    [SHAPE_MOON] = "moon",
    [SHAPE_BARS] = "bars",
    [SHAPE_SQUARE] = "square",
    [SHAPE_HEART] = "heart",
    [SHAPE_TRIANGLE] = "triangle",
    [SHAPE_DIAMOND] = "diamond",
    [SHAPE_STAR] = "star",
    [SHAPE_ARROW_UP] = "arrow_up",
    [SHAPE_ARROW_DOWN] = "arrow_down",
    [SHAPE_ARROW_LEFT] = "arrow_left",
    [SHAPE_HOUSE] = "house",
    [SHAPE_GEAR] = "gear",
    [SHAPE_CHECK] = "check",
    [SHAPE_ARROW_RIGHT] = "arrow_right",
};

const char *signal_shape_name(Shape shape)
{
    return (unsigned)shape < SHAPE_COUNT ? shape_names[shape] : "none";
}

typedef struct {
    SignalDef *signals;
    int *order;
} SignalRead;

static int read_color(const char *value, Color *out)
{
    if (value[0] != '#' || strlen(value) != 7)
        return -1;
    uint32_t rgb = 0;
    for (int i = 1; i < 7; i++) {
        char c = value[i];
        int digit = c >= '0' && c <= '9'   ? c - '0'
                    : c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                           : -1;
        if (digit < 0)
            return -1;
        rgb = rgb << 4 | (uint32_t)digit;
    }
    *out = color_rgb(rgb);
    return 0;
}

/* "pause, good, slower": the ids named come first, in that order; the rest
 * follow in the order they had. */
static void read_order(IniRead *read, int order[SIGNAL_COUNT], const char *value)
{
    int named[SIGNAL_COUNT];
    int seen[SIGNAL_COUNT] = {0};
    int n = 0;
    char word[64];
    char why[INI_MESSAGE_MAX];
    const char *p = value;
    while (*p) {
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        char raw[64];
        if (len >= sizeof raw)
            len = sizeof raw - 1;
        memcpy(raw, p, len);
        raw[len] = '\0';
        if (ini_trim(word, sizeof word, raw) == 0 && word[0]) {
            int id = signal_from_name(word);
            char quoted[80];
            ini_quote(word, quoted, sizeof quoted);
            if (id < 0) {
                snprintf(why, sizeof why, "%s is not a signal; left out", quoted);
                ini_report_key(read, "board", "order", why);
            } else if (seen[id]) {
                snprintf(why, sizeof why, "%s is named twice; the first place is kept", quoted);
                ini_report_key(read, "board", "order", why);
            } else {
                seen[id] = 1;
                named[n++] = id;
            }
        }
        p = end ? end + 1 : p + len;
    }
    char missing[160] = "";
    for (int i = 0; i < SIGNAL_COUNT; i++) {
        int id = order[i];
        if (seen[id])
            continue;
        named[n++] = id;
        size_t used = strlen(missing);
        snprintf(missing + used, sizeof missing - used, "%s%s", used ? ", " : "",
                 signal_id_name((SignalId)id));
    }
    if (missing[0]) {
        snprintf(why, sizeof why, "leaves out %s; they follow in the order before", missing);
        ini_report_key(read, "board", "order", why);
    }
    memcpy(order, named, sizeof named);
}

static void read_signal_key(IniRead *read, SignalDef *def, const char *section, const char *name,
                            const char *value)
{
    char quoted[80];
    char why[INI_MESSAGE_MAX];
    ini_quote(value, quoted, sizeof quoted);
    if (ini_equal_nocase(name, "label")) {
        int chars = utf8_length(value);
        if (chars < 1 || chars > SIGNAL_LABEL_CHARS || strlen(value) >= sizeof def->label) {
            snprintf(why, sizeof why, "a label is 1 to %d characters; keeping \"%s\"",
                     SIGNAL_LABEL_CHARS, def->label);
            ini_report_key(read, section, name, why);
            return;
        }
        utf8_copy(def->label, sizeof def->label, value);
    } else if (ini_equal_nocase(name, "colour") || ini_equal_nocase(name, "color")) {
        if (read_color(value, &def->color) != 0) {
            snprintf(why, sizeof why, "%s is not a colour like #0072B2; keeping #%02X%02X%02X",
                     quoted, def->color.r, def->color.g, def->color.b);
            ini_report_key(read, section, name, why);
        }
    } else if (ini_equal_nocase(name, "shape")) {
        for (int s = SHAPE_CIRCLE; s < SHAPE_COUNT; s++)
            if (ini_equal_nocase(value, shape_names[s])) {
                def->shape = (Shape)s;
                return;
            }
        snprintf(why, sizeof why, "%s is not a shape (circle, wave, bars, heart, ...); keeping %s",
                 quoted, shape_names[def->shape]);
        ini_report_key(read, section, name, why);
    } else if (ini_equal_nocase(name, "sound")) {
        int id = signal_from_name(value);
        if (id < 0) {
            snprintf(why, sizeof why, "%s is not a signal's sound (good, slower, ...); keeping %s",
                     quoted, signal_id_name((SignalId)(def->sound - SOUND_GOOD)));
            ini_report_key(read, section, name, why);
            return;
        }
        def->sound = (SoundId)(SOUND_GOOD + id);
    } else if (ini_equal_nocase(name, "shown")) {
        int yes = ini_equal_nocase(value, "yes");
        if (!yes && !ini_equal_nocase(value, "no")) {
            snprintf(why, sizeof why, "%s is neither yes nor no; keeping %s", quoted,
                     def->visible ? "yes" : "no");
            ini_report_key(read, section, name, why);
        } else if (!yes && def->id == SIGNAL_PAUSE) {
            ini_report_key(read, section, name, "Pause is always on the board; kept shown");
        } else {
            def->visible = yes;
        }
    } else {
        ini_report_key(read, section, name,
                       "unknown key (label, colour, shape, sound or shown); ignored");
    }
}

static void on_signal_key(IniRead *read, void *user, const char *section, const char *name,
                          const char *value)
{
    SignalRead *sr = user;
    if (ini_equal_nocase(section, "board")) {
        if (ini_equal_nocase(name, "order"))
            read_order(read, sr->order, value);
        else
            ini_report_key(read, section, name, "unknown key (only order); ignored");
        return;
    }
    int id = signal_from_name(section);
    if (id < 0) {
        char printable[80];
        char why[INI_MESSAGE_MAX];
        ini_printable(section[0] ? section : "(none)", printable, sizeof printable);
        snprintf(why, sizeof why,
                 "[%s] is not a signal (good, slower, check_in, pain, tired, pause, stop); "
                 "ignored",
                 printable);
        ini_report(read, why);
        return;
    }
    read_signal_key(read, &sr->signals[id], section, name, value);
}

int signal_set_read(SignalDef signals[SIGNAL_COUNT], int order[SIGNAL_COUNT], const char *text,
                    const char *filename, char *messages, size_t messages_size)
{
    SignalRead sr = {signals, order};
    return ini_read(text, filename, on_signal_key, &sr, messages, messages_size);
}
