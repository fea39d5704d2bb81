/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Colour arithmetic: mixing, dimming and transparency, for palettes and the UI. */
#include "lull/color.h"

#include <math.h>

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

Color color_over(Color top, Color under)
{
    Color c = color_mix(under, top, (float)top.a / 255.0f);
    c.a = 255;
    return c;
}

static double linear(uint8_t v)
{
    double s = (double)v / 255.0;
    return s <= 0.04045 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4);
}

double color_luminance(Color c)
{
    return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b);
}

double color_contrast(Color a, Color b)
{
    double la = color_luminance(a), lb = color_luminance(b);
    return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

/* The least step from fg towards to that reads at min against bg; 1 when
 * even to does not. */
static float step_towards(Color fg, Color to, Color bg, double min)
{
    if (color_contrast(color_mix(fg, to, 1.0f), bg) < min)
        return 1.0f;
    float lo = 0.0f, hi = 1.0f;
    for (int i = 0; i < 12; i++) {
        float mid = (lo + hi) / 2.0f;
        if (color_contrast(color_mix(fg, to, mid), bg) >= min)
            hi = mid;
        else
            lo = mid;
    }
    return hi;
}

Color color_readable(Color fg, Color bg, Color ink, double min)
{
    /* The colour as it is once wholly there: a fade on its way in or out
     * keeps its alpha. */
    uint8_t a = fg.a;
    Color solid = color_alpha(fg, 255);
    if (color_contrast(solid, bg) >= min)
        return fg;
    /* Towards the palette's own ink (warm at night, never blue-white), or
     * towards black, whichever gets there with less change; white only
     * where neither does. */
    Color black = color_rgb(0x000000), white = color_rgb(0xFFFFFF);
    float to_ink = step_towards(solid, ink, bg, min);
    float to_black = step_towards(solid, black, bg, min);
    int ink_reads = color_contrast(color_mix(solid, ink, to_ink), bg) >= min;
    int black_reads = color_contrast(color_mix(solid, black, to_black), bg) >= min;
    Color out;
    if (ink_reads && (!black_reads || to_ink <= to_black))
        out = color_mix(solid, ink, to_ink);
    else if (black_reads)
        out = color_mix(solid, black, to_black);
    else
        out = color_mix(solid, white, step_towards(solid, white, bg, min));
    out.a = a;
    return out;
}
