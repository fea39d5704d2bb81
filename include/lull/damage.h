/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Damage: what differs between the draw list painted last and this one, as a
 * few separate rectangles to clear and paint again, and where a whole paint can
 * start. Compares DrawLists only: no SDL, no I/O; text is measured by the caller. */
#ifndef LULL_DAMAGE_H
#define LULL_DAMAGE_H

#include "lull/draw.h"

enum { DAMAGE_MAX = 8 };

/* Changed places, px, kept apart while they do not overlap (a button here, a
 * line of text there), so that each can be painted again on its own. */
typedef struct {
    Rect rect[DAMAGE_MAX];
    int count;
} Damage;

/* Where a text's pixels land when drawn in r at size_px, px; an empty rect
 * when it draws nothing. ctx is the caller's (the platform's text cache). */
typedef Rect (*DamageTextBoxFn)(void *ctx, const char *utf8, Rect r, int size_px, Align align,
                                int turned);

/* Adds r (an empty one is ignored), merged with every rect it overlaps until
 * no two overlap; one more than DAMAGE_MAX places become one box around all. */
void damage_add(Damage *damage, Rect r);

/* Every pixel cmd (in list) can touch, px: its rect widened by the edge ramp,
 * the snapping to whole pixels and a pictogram's stroke; a text's box from
 * text_box (NULL: its rect). An empty rect when it draws nothing (no alpha,
 * no size, a clip). */
Rect damage_cmd_bounds(const DrawList *list, const DrawCmd *cmd, DamageTextBoxFn text_box,
                       void *ctx);

/* What list changes within the w × h target that shows old, into out, and
 * *added: the first command old did not have (list->count when none), to be
 * painted over everything after the damage. 0: painting that is enough;
 * -1: paint everything (the commands differ in kind, a clip changed or stays
 * set over added ones, the clear colour changed, old is longer, or the damage
 * covers more than half the target). */
int damage_between(const DrawList *old, const DrawList *list, int w, int h,
                   DamageTextBoxFn text_box, void *ctx, Damage *out, int *added);

/* The part of a inside b, px (w or h 0 when they do not meet). */
Rect damage_clip(Rect a, Rect b);

/* The last command that covers the whole w × h target with opaque colour (a
 * wash), outside any clip: nothing before it can be seen. 0 when none. */
int damage_first_visible(const DrawList *list, int w, int h);

#endif
