/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The signal set: each signal's word, colour, shape, sound and whether it is
 * shown, and the order of the board. Plain data and pure helpers; the App holds
 * one set and the screens draw it. */
#ifndef LULL_SIGNAL_SET_H
#define LULL_SIGNAL_SET_H

#include <stddef.h>
#include <stdint.h>

#include "lull/color.h"
#include "lull/mixer.h"
#include "lull/session.h"
#include "lull/shape.h"

enum {
    SIGNAL_LABEL_MAX = 40,
    SIGNAL_LABEL_CHARS = 24,
    SIGNAL_PALETTE_SIZE = 8,
    SIGNAL_MAX_VISIBLE = 8
};

typedef struct {
    SignalId id;
    char label[SIGNAL_LABEL_MAX];
    Color color;
    Shape shape;
    SoundId sound;
    int visible;
} SignalDef;

/* DESIGN.md's signals, Pause first in the order. */
void signal_set_defaults(SignalDef signals[SIGNAL_COUNT], int order[SIGNAL_COUNT]);
/* "3,1,0,..." → a permutation of signal ids (invalid text leaves order alone). */
void signal_set_parse_order(int order[SIGNAL_COUNT], const char *text);
void signal_set_format_order(const int order[SIGNAL_COUNT], char *out, int size);
/* The palette colour after now (the first when now is not in the palette). */
uint32_t signal_set_next_color(Color now);

/* Reads a signals.ini (assets/) over signals and order, key by key:
 *   [board] order = pause, good, ...   the board's order; ids left out follow
 *   [ID] label = ...  colour = #RRGGBB  shape = NAME  sound = ID  shown = yes|no
 * where ID is a signal's stable id. A value that cannot be used keeps what was
 * there, with a "FILE:LINE: ..." line in messages (lull/ini_text.h). Returns the
 * number of problems. */
int signal_set_read(SignalDef signals[SIGNAL_COUNT], int order[SIGNAL_COUNT], const char *text,
                    const char *filename, char *messages, size_t messages_size);
/* A shape's name in signals.ini ("circle", "bars", ...). */
const char *signal_shape_name(Shape shape);

#endif
