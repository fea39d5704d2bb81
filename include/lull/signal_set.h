/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The signal set: each signal's word, colour, shape, sound and whether it is
 * shown, and the order of the board. Plain data and pure helpers; the App holds
 * one set and the screens draw it. */
#ifndef LULL_SIGNAL_SET_H
#define LULL_SIGNAL_SET_H

#include <stdint.h>

#include "lull/color.h"
#include "lull/mixer.h"
#include "lull/session.h"
#include "lull/shape.h"

enum { SIGNAL_LABEL_MAX = 40, SIGNAL_PALETTE_SIZE = 8, SIGNAL_MAX_VISIBLE = 8 };

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

#endif
