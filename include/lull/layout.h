/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Layout helpers: a grid of cells as large as an area allows. Pure arithmetic. */
#ifndef LULL_LAYOUT_H
#define LULL_LAYOUT_H

#include "lull/draw.h"

enum { LAYOUT_BOARD_TILES = 8 };

/* A signal board's half: Pause in a place of its own (a row across the top, or
 * a column at the side when the half is short and wide), the other tiles on a
 * grid, and the one that ends the night (Stop) in the grid's last corner with
 * far_gap to each neighbour. */
typedef struct {
    Rect pause;
    Rect tiles[LAYOUT_BOARD_TILES]; /* in order, the far one (when there is one) last */
    int count;
    int cols, rows;
    int pause_column; /* 1: Pause is a column at the left */
} BoardCells;

/* tiles counts the grid's tiles with the far one; far: the last is Stop.
 * Pause is as large as a tile, or smaller (never under min_px) so tiles keep
 * min_px. */
void layout_board(Rect area, int tiles, int far, int gap, int far_gap, int min_px, BoardCells *out);
/* area split in two with gap between: side by side (vertical 0) or stacked. */
void layout_split(Rect area, int stacked, int gap, Rect *a, Rect *b);

#endif
