/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The panel's backlight through /sys/class/backlight, where it is writable:
 * turned down by night (the couple's night light) and further while the
 * screen is dimmed for idle, and back on waking. */
#ifndef LULL_PLATFORM_BACKLIGHT_H
#define LULL_PLATFORM_BACKLIGHT_H

typedef struct {
    char path[512]; /* .../brightness, "" when there is no writable backlight */
    int max;        /* max_brightness */
    int normal;     /* the level found at start: 100 percent, restored at the end */
    int percent;    /* of normal, as last written */
} Backlight;

/* The idle dim screen's light, percent of normal. */
enum { BACKLIGHT_DIM_PERCENT = 10 };

/* Finds the first writable backlight under root (NULL: /sys/class/backlight). */
void backlight_open(Backlight *b, const char *root);
/* Sets the light to percent (1..100) of the level found at start, writing
 * only when it changes; nothing when there is none. */
void backlight_level(Backlight *b, int percent);
/* Restores the level found at start. */
void backlight_close(Backlight *b);

#endif
