/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Colours as plain data and their arithmetic. Pure C11. */
#ifndef LULL_COLOR_H
#define LULL_COLOR_H

#include <stdint.h>

typedef struct {
    uint8_t r, g, b, a;
} Color;

Color color_rgb(uint32_t rgb);
Color color_alpha(Color c, uint8_t a);
Color color_mix(Color a, Color b, float t); /* t = 0: a, 1: b */
Color color_scale(Color c, float k);        /* brightness, alpha kept */
/* top painted over an opaque under, as the renderer blends it. */
Color color_over(Color top, Color under);
/* WCAG 2 relative luminance (0 black .. 1 white) and contrast ratio (1..21). */
double color_luminance(Color c);
double color_contrast(Color a, Color b);
/* fg as it must be drawn on the opaque bg to read at min:1 or more once
 * wholly there: fg itself where it does, else moved towards ink or black
 * (white where neither reaches) just far enough; fg's alpha, a fade's, kept. */
Color color_readable(Color fg, Color bg, Color ink, double min);

#endif
