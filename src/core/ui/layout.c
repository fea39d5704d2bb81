/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Layout helpers: splitting an area in two and laying cells on a grid. */
#include "lull/layout.h"

typedef struct {
    int cols, rows, cw, ch;
    long score;
} GridFit;

/* The sum of the gaps between count cells, the last one far when far is set. */
static int gaps(int count, int far, int gap, int far_gap)
{
    if (count <= 1)
        return 0;
    return (count - 2) * gap + (far ? far_gap : gap);
}

/* cols x rows cells in w x h; the score is the smaller of the cell's height
 * and a pleasant share (10/22) of its width, so tiles stay wider than tall. */
static GridFit fit(int w, int h, int cols, int rows, int far, int gap, int far_gap)
{
    GridFit f = {cols, rows, 0, 0, -1};
    f.cw = (w - gaps(cols, far, gap, far_gap)) / cols;
    f.ch = (h - gaps(rows, far, gap, far_gap)) / rows;
    if (f.cw <= 0 || f.ch <= 0)
        return f;
    long share = (long)f.cw * 10 / 22;
    f.score = share < f.ch ? share : f.ch;
    return f;
}

/* Pause's share of length (a row's height or a column's width): half as much
 * again as a tile's, but no more than leaves each of n tiles min_px, and never under min_px. */
static int pause_share(int length, int n, int min_px)
{
    int share = length * 3 / (2 * n + 3); /* a tile and a half */
    if (length - share < n * min_px)
        share = length - n * min_px;
    return share > min_px ? share : min_px;
}

void layout_board(Rect area, int tiles, int far, int gap, int far_gap, int min_px, BoardCells *out)
{
    if (tiles > LAYOUT_BOARD_TILES)
        tiles = LAYOUT_BOARD_TILES;
    if (tiles < 0)
        tiles = 0;
    far = far && tiles > 0;
    out->count = tiles;
    GridFit best = {1, 1, 0, 0, -1000000};
    int best_column = 0, best_pause = 0;
    for (int column = 0; column <= 1; column++) {
        for (int cols = 1; cols <= LAYOUT_BOARD_TILES; cols++) {
            int rows = tiles ? (tiles + cols - 1) / cols : 0;
            int slots = column ? cols : rows; /* tiles across Pause's length */
            /* far_gap beside Pause when the far tile is its neighbour. */
            int next = slots <= 1 && far ? far_gap : gap;
            int length = (column ? area.w : area.h) - (tiles ? next : 0);
            int inner = length - gaps(slots, far, gap, far_gap);
            int pause = tiles ? pause_share(inner, slots, min_px) : length;
            GridFit f = column
                            ? fit(length - pause, area.h, cols, rows ? rows : 1, far, gap, far_gap)
                            : fit(area.w, length - pause, cols, rows ? rows : 1, far, gap, far_gap);
            /* A tile under min_px loses to any that keeps it. */
            int short_by = (f.cw < min_px ? min_px - f.cw : 0) +
                           (f.ch < min_px ? min_px - f.ch : 0);
            if (short_by)
                f.score = -1 - short_by;
            if (f.score > best.score) {
                best = f;
                best_column = column;
                best_pause = pause;
            }
        }
    }
    out->cols = best.cols;
    out->rows = tiles ? (tiles + best.cols - 1) / best.cols : 0;
    out->pause_column = best_column;
    Rect grid;
    if (!best_column) {
        out->pause = rect_make(area.x, area.y, area.w, best_pause);
        int grid_h = out->rows ? out->rows * best.ch + gaps(out->rows, far, gap, far_gap) : 0;
        grid = rect_make(area.x, area.y + area.h - grid_h, area.w, grid_h);
    } else {
        out->pause = rect_make(area.x, area.y, best_pause, area.h);
        int grid_w = best.cols * best.cw + gaps(best.cols, far, gap, far_gap);
        grid = rect_make(area.x + area.w - grid_w, area.y, grid_w, area.h);
    }
    for (int i = 0; i < tiles; i++) {
        int col = i % best.cols, row = i / best.cols;
        if (far && i == tiles - 1) {
            /* The far tile takes the last corner, whatever the last row holds. */
            col = best.cols - 1;
            row = out->rows - 1;
        }
        int x = grid.x + col * (best.cw + gap);
        int y = grid.y + row * (best.ch + gap);
        if (far && col == best.cols - 1 && best.cols > 1)
            x += far_gap - gap;
        if (far && row == out->rows - 1 && out->rows > 1)
            y += far_gap - gap;
        out->tiles[i] = rect_make(x, y, best.cw, best.ch);
    }
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
