/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The panel's backlight through /sys/class/backlight, where it is writable:
 * turned down while the screen is dimmed for idle, and back on waking. */
#ifndef LULL_PLATFORM_BACKLIGHT_H
#define LULL_PLATFORM_BACKLIGHT_H

typedef struct {
    char path[512]; /* .../brightness, "" when there is no writable backlight */
    int max;        /* max_brightness */
    int normal;     /* the level found at start, restored on waking */
    int dimmed;     /* 1 while turned down */
} Backlight;

/* Finds the first writable backlight under root (NULL: /sys/class/backlight). */
void backlight_open(Backlight *b, const char *root);
/* Turns the light down (dim 1) or back (dim 0); nothing when there is none. */
void backlight_dim(Backlight *b, int dim);
/* Restores the level found at start. */
void backlight_close(Backlight *b);

#endif
