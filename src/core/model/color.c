/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Colour arithmetic: mixing, dimming and transparency, for palettes and the UI. */
#include "lull/color.h"

Color color_rgb(uint32_t rgb)
{
    Color c = {(uint8_t)(rgb >> 16), (uint8_t)(rgb >> 8), (uint8_t)rgb, 255};
    return c;
}

Color color_alpha(Color c, uint8_t a)
{
    c.a = a;
    return c;
}

static uint8_t mix_channel(uint8_t a, uint8_t b, float t)
{
    float v = (float)a + ((float)b - (float)a) * t;
    if (v < 0.0f)
        v = 0.0f;
    if (v > 255.0f)
        v = 255.0f;
    return (uint8_t)(v + 0.5f);
}

Color color_mix(Color a, Color b, float t)
{
    Color c = {mix_channel(a.r, b.r, t), mix_channel(a.g, b.g, t), mix_channel(a.b, b.b, t),
               mix_channel(a.a, b.a, t)};
    return c;
}

Color color_scale(Color c, float k)
{
    Color black = {0, 0, 0, c.a};
    Color white = {255, 255, 255, c.a};
    return k <= 1.0f ? color_mix(black, c, k) : color_mix(c, white, k - 1.0f);
}
