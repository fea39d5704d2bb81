/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Layout helpers: a grid of cells as large as an area allows. Pure arithmetic. */
#ifndef LULL_LAYOUT_H
#define LULL_LAYOUT_H

#include "lull/draw.h"

typedef struct {
    int cols, rows, span;
} Grid;

/* Columns for n cells in area so cells are as large as possible at a pleasant
 * aspect; the first cell spans what is left of its row. */
Grid layout_grid(Rect area, int n, int gap);
/* The rectangle of cell index (0: the first, spanning). */
Rect layout_grid_cell(Rect area, Grid g, int gap, int index);
/* area split in two with gap between: side by side (vertical 0) or stacked. */
void layout_split(Rect area, int stacked, int gap, Rect *a, Rect *b);

#endif
