/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Draw commands: what the immediate-mode UI asks the platform to paint.
 * Plain data only; the core appends, src/platform/ renders. No SDL here. */
#ifndef LULL_DRAW_H
#define LULL_DRAW_H

#include <stddef.h>
#include <stdint.h>

#include "lull/color.h"
#include "lull/shape.h"

typedef struct {
    int x, y, w, h; /* logical pixels, origin top-left */
} Rect;

typedef enum {
    DRAW_RECT,   /* filled rounded rectangle: rect, radius, color */
    DRAW_FRAME,  /* rounded outline: rect, radius, thickness, color */
    DRAW_CIRCLE, /* soft filled circle inside rect (w == h), color */
    DRAW_ARC,    /* ring arc inside rect: thickness, from a0 to a1 turns (0 = top, clockwise) */
    DRAW_TEXT,   /* text in rect: size px, align, color */
    DRAW_SHAPE,  /* one of Shape filling rect, color */
    DRAW_CLIP,   /* set the clip rectangle (w == 0: none) */
} DrawKind;

typedef enum { ALIGN_LEFT, ALIGN_CENTER, ALIGN_RIGHT } Align;

typedef struct {
    DrawKind kind;
    Rect rect;
    Color color;
    int radius;    /* px, DRAW_RECT / DRAW_FRAME */
    int thickness; /* px, DRAW_FRAME / DRAW_ARC / DRAW_SHAPE strokes */
    int size;      /* px, DRAW_TEXT: the font's pixel size */
    Align align;
    Shape shape;
    float a0, a1; /* turns, DRAW_ARC */
    int turned;   /* 1: rotated 180° about the rect's centre (facing layout) */
    /* When opaque (with an opaque color): the colours an edge fades into, so
     * nothing is blended. DRAW_CIRCLE: under, around it (ui_circle_on); a whole
     * DRAW_ARC: under outside it, under_in inside it (ui_ring). */
    Color under, under_in;
    size_t text; /* offset into DrawList.text */
} DrawCmd;

enum { DRAW_MAX_CMDS = 2048, DRAW_TEXT_BYTES = 32768 };

typedef struct {
    DrawCmd cmds[DRAW_MAX_CMDS];
    int count;
    char text[DRAW_TEXT_BYTES];
    size_t text_used;
    Color clear;
} DrawList;

/* Empties the list; clear is the background colour. */
void draw_reset(DrawList *list, Color clear);
/* Appends a command; returns NULL when the list is full (the frame is then
 * drawn incomplete rather than crashing). */
DrawCmd *draw_push(DrawList *list, DrawKind kind, Rect rect, Color color);
/* Copies text into the list's arena and points cmd at it. */
void draw_set_text(DrawList *list, DrawCmd *cmd, const char *text);
const char *draw_text(const DrawList *list, const DrawCmd *cmd);

int rect_contains(Rect r, int x, int y);
int rect_overlaps(Rect a, Rect b);
Rect rect_inset(Rect r, int by);
Rect rect_make(int x, int y, int w, int h);

#endif
