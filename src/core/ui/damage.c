/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "lull/damage.h"

#include <math.h>
#include <string.h>

#include "lull/geometry.h"

#define DAMAGE_TAU 6.28318530717958647692f

static Rect rect_union(Rect a, Rect b)
{
    if (a.w <= 0 || a.h <= 0)
        return b;
    if (b.w <= 0 || b.h <= 0)
        return a;
    int x0 = a.x < b.x ? a.x : b.x, y0 = a.y < b.y ? a.y : b.y;
    int x1 = a.x + a.w > b.x + b.w ? a.x + a.w : b.x + b.w;
    int y1 = a.y + a.h > b.y + b.h ? a.y + a.h : b.y + b.h;
    return rect_make(x0, y0, x1 - x0, y1 - y0);
}

Rect damage_clip(Rect a, Rect b)
{
    int x0 = a.x > b.x ? a.x : b.x, y0 = a.y > b.y ? a.y : b.y;
    int x1 = a.x + a.w < b.x + b.w ? a.x + a.w : b.x + b.w;
    int y1 = a.y + a.h < b.y + b.h ? a.y + a.h : b.y + b.h;
    return rect_make(x0, y0, x1 > x0 ? x1 - x0 : 0, y1 > y0 ? y1 - y0 : 0);
}

static Rect rect_grow(Rect r, int by)
{
    return rect_make(r.x - by, r.y - by, r.w + 2 * by, r.h + 2 * by);
}

static float clampf(float v, float lo, float hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

Rect damage_cmd_bounds(const DrawList *list, const DrawCmd *cmd, DamageTextBoxFn text_box,
                       void *ctx)
{
    Rect r = cmd->rect, none = {0, 0, 0, 0};
    if (cmd->color.a == 0 || r.w <= 0 || r.h <= 0)
        return none;
    switch (cmd->kind) {
    case DRAW_TEXT: {
        const char *text = draw_text(list, cmd);
        Rect box = text_box ? text_box(ctx, text, r, cmd->size, cmd->align, cmd->turned) : r;
        return rect_grow(box, 1);
    }
    case DRAW_SHAPE: {
        int size = r.w < r.h ? r.w : r.h;
        int stroke_w = cmd->thickness > 0 ? cmd->thickness : size * 3 / 10 + 1;
        return rect_grow(r, 4 + stroke_w);
    }
    case DRAW_ARC:
        return rect_grow(r, 3);
    case DRAW_CLIP:
        return none;
    default:
        return rect_grow(r, 3);
    }
}

/* The box of a ring arc's centre line between turns a and b (a < b), widened by
 * the half-width and its caps: what moving an arc's end from a to b repaints. */
static Rect arc_span_bounds(const DrawCmd *cmd, float a, float b)
{
    /* out to the segments' table points either side: the chord of the segment an
     * end moves in turns with it */
    float seg = geometry_arc_segment_turns(cmd);
    a = floorf(a / seg) * seg;
    b = ceilf(b / seg) * seg;
    Rect r = cmd->rect;
    float radius = fminf((float)r.w, (float)r.h) * 0.5f;
    float hw = clampf(geometry_arc_thickness(cmd), 1.0f, radius) * 0.5f, mid = radius - hw;
    float cx = (float)r.x + (float)r.w * 0.5f, cy = (float)r.y + (float)r.h * 0.5f;
    float x0 = 1e9f, y0 = 1e9f, x1 = -1e9f, y1 = -1e9f;
    float turns[6] = {a, b};
    int n = 2;
    /* The quarter turns in between, where the circle reaches its extremes. */
    for (float q = ceilf(a * 4.0f) / 4.0f; q < b && n < 6; q += 0.25f)
        turns[n++] = q;
    for (int i = 0; i < n; i++) {
        float px = cx + mid * sinf(DAMAGE_TAU * turns[i]);
        float py = cy - mid * cosf(DAMAGE_TAU * turns[i]);
        x0 = fminf(x0, px);
        y0 = fminf(y0, py);
        x1 = fmaxf(x1, px);
        y1 = fmaxf(y1, py);
    }
    int grow = (int)ceilf(hw) + 3;
    return rect_make((int)floorf(x0) - grow, (int)floorf(y0) - grow,
                     (int)ceilf(x1) - (int)floorf(x0) + 2 * grow,
                     (int)ceilf(y1) - (int)floorf(y0) + 2 * grow);
}

static int same_look(const DrawCmd *a, const DrawCmd *b)
{
    return a->kind == b->kind && a->rect.x == b->rect.x && a->rect.y == b->rect.y &&
           a->rect.w == b->rect.w && a->rect.h == b->rect.h && a->color.r == b->color.r &&
           a->color.g == b->color.g && a->color.b == b->color.b && a->color.a == b->color.a &&
           a->radius == b->radius && a->thickness == b->thickness && a->size == b->size &&
           a->align == b->align && a->shape == b->shape && a->turned == b->turned;
}

/* Where was (in old) and cmd (in list) can touch, together. */
static Rect both_bounds(const DrawList *old, const DrawCmd *was, const DrawList *list,
                        const DrawCmd *cmd, DamageTextBoxFn text_box, void *ctx)
{
    return rect_union(damage_cmd_bounds(old, was, text_box, ctx),
                      damage_cmd_bounds(list, cmd, text_box, ctx));
}

/* The part of a cmd that changed from was, or -1 when the whole frame must be drawn. */
static int cmd_change(const DrawList *old, const DrawCmd *was, const DrawList *list,
                      const DrawCmd *cmd, DamageTextBoxFn text_box, void *ctx, Rect *changed)
{
    Rect none = {0, 0, 0, 0};
    *changed = none;
    if (!same_look(was, cmd)) {
        if (was->kind != cmd->kind || cmd->kind == DRAW_CLIP)
            return -1;
        *changed = both_bounds(old, was, list, cmd, text_box, ctx);
        return 0;
    }
    if (cmd->kind == DRAW_TEXT) {
        if (strcmp(draw_text(old, was), draw_text(list, cmd)) != 0)
            *changed = both_bounds(old, was, list, cmd, text_box, ctx);
        return 0;
    }
    if (cmd->kind == DRAW_ARC && (was->a0 != cmd->a0 || was->a1 != cmd->a1)) {
        float turn = cmd->turned ? 0.5f : 0.0f;
        float wa = fminf(was->a0, was->a1), wb = fmaxf(was->a0, was->a1);
        float ca = fminf(cmd->a0, cmd->a1), cb = fmaxf(cmd->a0, cmd->a1);
        if (wb - wa >= 1.0f - 1e-3f || cb - ca >= 1.0f - 1e-3f) {
            *changed = damage_cmd_bounds(list, cmd, text_box, ctx); /* a whole ring came or went */
            return 0;
        }
        if (wa != ca)
            *changed = arc_span_bounds(cmd, fminf(wa, ca) + turn, fmaxf(wa, ca) + turn);
        if (wb != cb)
            *changed = rect_union(*changed,
                                  arc_span_bounds(cmd, fminf(wb, cb) + turn, fmaxf(wb, cb) + turn));
    }
    return 0;
}

void damage_add(Damage *d, Rect r)
{
    if (r.w <= 0 || r.h <= 0)
        return;
    /* Merged with whatever it overlaps, until it overlaps nothing: the boxes
     * are drawn one by one, and a pixel must not be drawn twice. */
    for (int i = 0; i < d->count;) {
        if (rect_overlaps(d->rect[i], r)) {
            r = rect_union(r, d->rect[i]);
            d->rect[i] = d->rect[--d->count];
            i = 0;
        } else {
            i++;
        }
    }
    if (d->count == DAMAGE_MAX) {
        for (int i = 0; i < d->count; i++)
            r = rect_union(r, d->rect[i]);
        d->count = 0;
    }
    d->rect[d->count++] = r;
}

int damage_between(const DrawList *old, const DrawList *list, int w, int h,
                   DamageTextBoxFn text_box, void *ctx, Damage *out, int *added)
{
    out->count = 0;
    *added = list->count;
    if (old->count > list->count || memcmp(&old->clear, &list->clear, sizeof list->clear) != 0)
        return -1;
    Rect screen = {0, 0, w, h};
    for (int i = 0; i < old->count; i++) {
        Rect changed;
        if (cmd_change(old, &old->cmds[i], list, &list->cmds[i], text_box, ctx, &changed) != 0)
            return -1;
        /* A clip still set would have to apply to what was added. */
        if (list->count > old->count && list->cmds[i].kind == DRAW_CLIP)
            return -1;
        damage_add(out, damage_clip(changed, screen));
    }
    *added = old->count;
    long area = 0;
    for (int i = 0; i < out->count; i++)
        area += (long)out->rect[i].w * out->rect[i].h;
    /* Past half the screen, drawing it all costs about the same and is simpler. */
    if (area * 2 > (long)w * h)
        return -1;
    return 0;
}

int damage_first_visible(const DrawList *list, int w, int h)
{
    int first = 0, clipped = 0;
    for (int i = 0; i < list->count; i++) {
        const DrawCmd *c = &list->cmds[i];
        if (c->kind == DRAW_CLIP)
            clipped = c->rect.w > 0;
        else if (c->kind == DRAW_RECT && !clipped && c->color.a == 255 && c->radius == 0 &&
                 c->rect.x <= 0 && c->rect.y <= 0 && c->rect.x + c->rect.w >= w &&
                 c->rect.y + c->rect.h >= h)
            first = i;
    }
    return first;
}
