/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Layout helpers: splitting an area in two and laying cells on a grid. */
#include "lull/layout.h"

Grid layout_grid(Rect area, int n, int gap)
{
    Grid best = {2, 1, 1};
    long best_score = -1;
    for (int cols = 1; cols <= 4; cols++) {
        int span = cols - ((n - 1) % cols);
        int rows = (n - 1 + span) / cols;
        int cw = (area.w - (cols - 1) * gap) / cols;
        int ch = (area.h - (rows - 1) * gap) / rows;
        long score = cw * 10 / 22 < ch ? (long)cw * 10 / 22 : ch;
        if (score > best_score) {
            best_score = score;
            best.cols = cols;
            best.rows = rows;
            best.span = span;
        }
    }
    return best;
}

Rect layout_grid_cell(Rect area, Grid g, int gap, int index)
{
    int cw = (area.w - (g.cols - 1) * gap) / g.cols;
    int ch = (area.h - (g.rows - 1) * gap) / g.rows;
    int col, row, span = 1;
    if (index == 0) {
        col = 0;
        row = 0;
        span = g.span;
    } else {
        int slot = index - 1 + g.span;
        col = slot % g.cols;
        row = slot / g.cols;
    }
    return rect_make(area.x + col * (cw + gap), area.y + row * (ch + gap),
                     cw * span + gap * (span - 1), ch);
}

void layout_split(Rect area, int stacked, int gap, Rect *a, Rect *b)
{
    if (!stacked) {
        int w = (area.w - gap) / 2;
        *a = rect_make(area.x, area.y, w, area.h);
        *b = rect_make(area.x + w + gap, area.y, w, area.h);
    } else {
        int h = (area.h - gap) / 2;
        *a = rect_make(area.x, area.y, area.w, h);
        *b = rect_make(area.x, area.y + h + gap, area.w, h);
    }
}
