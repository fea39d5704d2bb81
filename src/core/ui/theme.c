/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "lull/theme.h"

static int imax(int a, int b)
{
    return a > b ? a : b;
}

void metrics_compute(Metrics *m, int w, int h, double dpi, double min_target_mm, double min_text_mm)
{
    if (dpi <= 0.0)
        dpi = 133.0;
    m->w = w;
    m->h = h;
    m->portrait = h > w;
    m->px_per_mm = (float)(dpi / 25.4);
    m->target = (int)(min_target_mm * dpi / 25.4 + 0.999);
    int short_side = w < h ? w : h;
    /* Scale with the screen so large displays get large buttons, but never
     * below the physical minimum. */
    m->unit = imax(m->target, short_side * 2 / 15);
    m->gap = imax((int)(3.0 * dpi / 25.4 + 0.999), m->unit / 5);
    m->far_gap = imax((int)(8.0 * dpi / 25.4 + 0.999), m->gap);
    m->margin = imax(m->gap, short_side / 40);
    m->radius = m->unit / 5;
    int text_min = (int)(min_text_mm * dpi / 25.4 + 0.999);
    m->text_min = text_min;
    m->text = imax(text_min, m->unit * 2 / 5);
    m->text_small = imax(text_min, m->text * 4 / 5);
    m->text_large = m->text * 3 / 2;
    m->text_huge = imax(m->text * 3, short_side / 5);
}

int metrics_room(const Metrics *m)
{
    int short_side = m->w < m->h ? m->w : m->h, long_side = m->w < m->h ? m->h : m->w;
    return short_side * 2 >= m->target * 15 && long_side * 2 >= m->target * 25;
}

static Color dim(Color c, int brightness)
{
    return color_scale(c, (float)brightness / 100.0f);
}

void theme_make(Theme *t, int night, int brightness)
{
    if (brightness < 10)
        brightness = 10;
    if (brightness > 100)
        brightness = 100;
    if (!night) {
        t->bg = color_rgb(0x241F27);
        t->surface = color_rgb(0x37303C);
        t->surface_hi = color_rgb(0x4A4150);
        t->text = color_rgb(0xF2E8DC);
        t->text_dim = color_rgb(0xB5A89C);
        t->accent = color_rgb(0xE8A85C);
        t->frame = color_rgb(0x5A5060);
        t->danger_free_warn = color_rgb(0xE6B85C);
        t->partner[0] = color_rgb(0x56B4E9); /* Okabe–Ito sky blue */
        t->partner[1] = color_rgb(0xE69F00); /* Okabe–Ito orange */
    } else {
        /* Night: warm and dim, no blue-white. */
        t->bg = color_rgb(0x0D0A0B);
        t->surface = color_rgb(0x1E1718);
        t->surface_hi = color_rgb(0x2C2223);
        t->text = color_rgb(0xC09A7E);
        t->text_dim = color_rgb(0xA0806D); /* 4.9:1 on a card, 5.4:1 on the ground */
        t->accent = color_rgb(0xB8733E);
        t->frame = color_rgb(0x3A2E2C);
        t->danger_free_warn = color_rgb(0xB88A4A);
        t->partner[0] = color_rgb(0x4F7F99);
        t->partner[1] = color_rgb(0xA8741E);
    }
    t->bg = dim(t->bg, brightness);
    t->surface = dim(t->surface, brightness);
    t->surface_hi = dim(t->surface_hi, brightness);
    t->text = dim(t->text, brightness);
    t->text_dim = dim(t->text_dim, brightness);
    t->accent = dim(t->accent, brightness);
    t->frame = dim(t->frame, brightness);
    t->danger_free_warn = dim(t->danger_free_warn, brightness);
    t->partner[0] = dim(t->partner[0], brightness);
    t->partner[1] = dim(t->partner[1], brightness);
}
