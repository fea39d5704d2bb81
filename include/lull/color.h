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

#endif
