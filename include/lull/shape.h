/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The simple drawn shapes that tell signals and controls apart beside their
 * words and colours. A plain enum: the UI draws them, the signal set names them. */
#ifndef LULL_SHAPE_H
#define LULL_SHAPE_H

typedef enum {
    SHAPE_NONE,
    SHAPE_CIRCLE,   /* keep going */
    SHAPE_WAVE,     /* slower */
    SHAPE_QUESTION, /* check in */
    SHAPE_BOLT,     /* pain */
    SHAPE_MOON,     /* tired */
    SHAPE_BARS,     /* pause */
    SHAPE_SQUARE,   /* stop */
    SHAPE_HEART,
    SHAPE_TRIANGLE,
    SHAPE_DIAMOND,
    SHAPE_STAR,
    SHAPE_ARROW_UP,
    SHAPE_ARROW_DOWN,
    SHAPE_ARROW_LEFT,
    SHAPE_HOUSE,
    SHAPE_GEAR,
    SHAPE_CHECK,
    SHAPE_ARROW_RIGHT,
    SHAPE_COUNT
} Shape;

#endif
