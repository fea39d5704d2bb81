/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The couple's signal set: the defaults of DESIGN.md, their order as a
 * setting, and the colour-blind-safe palette a signal's colour cycles through. */
#include "lull/signal_set.h"

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
