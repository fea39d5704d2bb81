/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Palettes and sizes: the day and night colours, and the metrics that turn
 * millimetres on the real screen into logical pixels. Pure data and arithmetic. */
#ifndef LULL_THEME_H
#define LULL_THEME_H

#include "lull/draw.h"

typedef struct {
    Color bg, surface, surface_hi, text, text_dim, accent, frame, danger_free_warn;
    Color partner[2]; /* each person's colour, by partner_index */
} Theme;

typedef struct {
    int w, h; /* logical screen */
    int portrait;
    float px_per_mm;
    int target;  /* the minimum target size, px */
    int unit;    /* the comfortable control height, >= target */
    int gap;     /* between targets, at least 3 mm */
    int far_gap; /* 8 mm: around Stop for today, which ends the night on touch-down */
    int margin;  /* from the screen's edge */
    int radius;
    int text_min;   /* min_text_mm in px: no text is smaller */
    int text;       /* body text, >= min_text_mm */
    int text_small; /* still >= min_text_mm */
    int text_large;
    int text_huge; /* the clock, the breathing word */
} Metrics;

/* dpi <= 0: 133 (the Raspberry Pi 7" panel) is assumed. */
void metrics_compute(Metrics *m, int w, int h, double dpi, double min_target_mm,
                     double min_text_mm);

/* The smallest words at night, mm (by day: the config's display.min_text_mm). */
#define NIGHT_TEXT_MM 5.0

/* Whether the screen holds every layout with targets of their full size: at
 * least 7.5 targets on its short side and 12.5 on its long one (800×480 at
 * 133 dpi, the smallest the layout test proves). */
int metrics_room(const Metrics *m);

/* night: 0 day, 1 night. brightness: 10..100 percent. */
void theme_make(Theme *theme, int night, int brightness);

#endif
