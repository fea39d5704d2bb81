/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Damage between two draw lists: nothing for the same frame, the old and the
 * new place of what moved, merged places, a text's box, an arc's moved end,
 * and the cases that must draw everything. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "lull/damage.h"
#include "lull/geometry.h"

enum { W = 800, H = 480 };

static const Color ink = {230, 230, 230, 255};
static const Color clear = {10, 10, 20, 255};

typedef struct {
    DrawList old, now;
    Geometry *geometry;
} Fixture;

static int setup(void **state)
{
    Fixture *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    f->geometry = geometry_create();
    *state = f;
    return f->geometry ? 0 : -1;
}

static int teardown(void **state)
{
    Fixture *f = *state;
    geometry_destroy(f->geometry);
    free(f);
    return 0;
}

/* A font whose every byte is 10 px wide and 20 px high, placed as the
 * platform places a text: centred vertically, aligned in r, turned about it. */
static Rect fake_box(void *ctx, const char *utf8, Rect r, int size_px, Align align, int turned)
{
    (void)ctx;
    (void)size_px;
    int w = 10 * (int)strlen(utf8), h = 20;
    Rect box = {r.x, r.y + (r.h - h) / 2, w, h};
    if (align == ALIGN_CENTER)
        box.x = r.x + (r.w - w) / 2;
    else if (align == ALIGN_RIGHT)
        box.x = r.x + r.w - w;
    if (turned) {
        box.x = 2 * r.x + r.w - box.x - box.w;
        box.y = 2 * r.y + r.h - box.y - box.h;
    }
    return box;
}

static int contains_rect(Rect outer, Rect inner)
{
    return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.w <= outer.x + outer.w &&
           inner.y + inner.h <= outer.y + outer.h;
}

static int damage_contains(const Damage *d, int x, int y)
{
    for (int i = 0; i < d->count; i++)
        if (rect_contains(d->rect[i], x, y))
            return 1;
    return 0;
}

static long damage_area(const Damage *d)
{
    long area = 0;
    for (int i = 0; i < d->count; i++)
        area += (long)d->rect[i].w * d->rect[i].h;
    return area;
}

static void assert_apart(const Damage *d)
{
    for (int i = 0; i < d->count; i++)
        for (int j = i + 1; j < d->count; j++)
            assert_false(rect_overlaps(d->rect[i], d->rect[j]));
}

/* A small screen: a panel, a button with a label, a ring, a pictogram. */
static void board(DrawList *list, Rect button, const char *label, float ring_end)
{
    draw_reset(list, clear);
    draw_push(list, DRAW_RECT, rect_make(0, 0, W, 60), color_rgb(0x303040));
    DrawCmd *b = draw_push(list, DRAW_RECT, button, color_rgb(0x806040));
    b->radius = 12;
    DrawCmd *t = draw_push(list, DRAW_TEXT, rect_make(20, 10, 400, 40), ink);
    t->size = 24;
    t->align = ALIGN_LEFT;
    draw_set_text(list, t, label);
    DrawCmd *a = draw_push(list, DRAW_ARC, rect_make(500, 200, 200, 200), ink);
    a->thickness = 12;
    a->a0 = 0.0f;
    a->a1 = ring_end;
    DrawCmd *s = draw_push(list, DRAW_SHAPE, rect_make(700, 400, 60, 60), ink);
    s->shape = SHAPE_HEART;
}

static int between(Fixture *f, Damage *d, int *added)
{
    return damage_between(&f->old, &f->now, W, H, fake_box, NULL, d, added);
}

static void identical_lists_have_no_damage(void **state)
{
    Fixture *f = *state;
    board(&f->old, rect_make(100, 200, 160, 80), "Breathe", 0.3f);
    board(&f->now, rect_make(100, 200, 160, 80), "Breathe", 0.3f);
    Damage d;
    int added = -1;
    assert_int_equal(between(f, &d, &added), 0);
    assert_int_equal(d.count, 0);
    assert_int_equal(added, f->now.count);
}

/* A moved button dirties where it was and where it is (one box around both),
 * and nothing that stayed. */
static void moved_rect_dirties_old_and_new_places(void **state)
{
    Fixture *f = *state;
    Rect was = {100, 200, 160, 80}, is = {320, 380, 160, 80};
    board(&f->old, was, "Breathe", 0.3f);
    board(&f->now, is, "Breathe", 0.3f);
    Damage d;
    int added;
    assert_int_equal(between(f, &d, &added), 0);
    assert_apart(&d);
    int old_in = 0, new_in = 0;
    for (int i = 0; i < d.count; i++) {
        old_in |= contains_rect(d.rect[i], rect_inset(was, -1));
        new_in |= contains_rect(d.rect[i], rect_inset(is, -1));
    }
    assert_true(old_in);
    assert_true(new_in);
    assert_false(damage_contains(&d, 20, 30));   /* the label, unchanged */
    assert_false(damage_contains(&d, 600, 210)); /* the ring, unchanged */
}

/* The same button in another colour or with other corners dirties its place. */
static void restyled_rect_dirties_its_place(void **state)
{
    Fixture *f = *state;
    Rect button = {100, 200, 160, 80};
    board(&f->old, button, "Breathe", 0.3f);
    board(&f->now, button, "Breathe", 0.3f);
    f->now.cmds[1].radius = 20;
    Damage d;
    int added;
    assert_int_equal(between(f, &d, &added), 0);
    assert_int_equal(d.count, 1);
    assert_true(contains_rect(d.rect[0], button));
    assert_false(damage_contains(&d, 20, 30));

    board(&f->now, button, "Breathe", 0.3f);
    f->now.cmds[1].color.g++;
    assert_int_equal(between(f, &d, &added), 0);
    assert_int_equal(d.count, 1);
    assert_true(contains_rect(d.rect[0], button));
}

/* Overlapping places become one box around both; apart, they stay two; one
 * that bridges them joins all three. */
static void overlapping_rects_merge(void **state)
{
    (void)state;
    Damage d = {0};
    damage_add(&d, rect_make(0, 0, 50, 50));
    damage_add(&d, rect_make(40, 40, 50, 50));
    assert_int_equal(d.count, 1);
    assert_int_equal(d.rect[0].x, 0);
    assert_int_equal(d.rect[0].y, 0);
    assert_int_equal(d.rect[0].w, 90);
    assert_int_equal(d.rect[0].h, 90);

    damage_add(&d, rect_make(200, 0, 20, 20));
    assert_int_equal(d.count, 2);
    damage_add(&d, rect_make(0, 0, 0, 30)); /* empty: nothing */
    assert_int_equal(d.count, 2);
    damage_add(&d, rect_make(80, 5, 130, 10)); /* touches both */
    assert_int_equal(d.count, 1);
    assert_true(contains_rect(d.rect[0], rect_make(0, 0, 220, 90)));

    /* A merged box can reach one it did not before: merged until none overlap. */
    Damage chain = {0};
    damage_add(&chain, rect_make(0, 0, 10, 40));
    damage_add(&chain, rect_make(30, 30, 10, 10));
    damage_add(&chain, rect_make(5, 0, 30, 5)); /* meets the first; their box, the second */
    assert_int_equal(chain.count, 1);
    assert_true(contains_rect(chain.rect[0], rect_make(0, 0, 40, 40)));
}

/* More separate places than it keeps: one box around all of them. */
static void too_many_places_become_one(void **state)
{
    (void)state;
    Damage d = {0};
    for (int i = 0; i < DAMAGE_MAX; i++)
        damage_add(&d, rect_make(i * 40, 0, 10, 10));
    assert_int_equal(d.count, DAMAGE_MAX);
    assert_apart(&d);
    damage_add(&d, rect_make(0, 100, 10, 10));
    assert_int_equal(d.count, 1);
    assert_true(contains_rect(d.rect[0], rect_make(0, 0, 40 * (DAMAGE_MAX - 1) + 10, 110)));
}

/* New words dirty the box the old and new words are drawn in, not their whole
 * rect; the same words in another copy of the list dirty nothing. */
static void changed_text_dirties_its_box(void **state)
{
    Fixture *f = *state;
    board(&f->old, rect_make(100, 200, 160, 80), "Hi", 0.3f);
    board(&f->now, rect_make(100, 200, 160, 80), "Hello", 0.3f);
    Damage d;
    int added;
    assert_int_equal(between(f, &d, &added), 0);
    assert_int_equal(d.count, 1);
    /* "Hello" left-aligned in (20, 10, 400, 40): x 20..70, y 20..40, plus 1. */
    assert_true(contains_rect(d.rect[0], rect_make(20, 20, 50, 20)));
    assert_true(contains_rect(rect_make(19, 19, 52, 22), d.rect[0]));
    assert_false(damage_contains(&d, 300, 30)); /* the rest of the line */

    board(&f->now, rect_make(100, 200, 160, 80), "Hi", 0.3f);
    size_t first = f->now.cmds[2].text;
    draw_set_text(&f->now, &f->now.cmds[2], "Hi"); /* the same words at another offset */
    assert_true(f->now.cmds[2].text != first);
    assert_int_equal(between(f, &d, &added), 0);
    assert_int_equal(d.count, 0);

    /* Turned, the box is mirrored through the rect's centre. */
    board(&f->now, rect_make(100, 200, 160, 80), "Hello", 0.3f);
    f->now.cmds[2].turned = 1;
    Rect turned = damage_cmd_bounds(&f->now, &f->now.cmds[2], fake_box, NULL);
    assert_true(contains_rect(turned, rect_make(370, 20, 50, 20)));
    assert_false(rect_contains(turned, 30, 30));
}

/* A ring whose end moves dirties the stretch between the two ends, not the
 * whole ring. */
static void moved_arc_end_dirties_only_the_stretch(void **state)
{
    Fixture *f = *state;
    board(&f->old, rect_make(100, 200, 160, 80), "Breathe", 0.10f);
    board(&f->now, rect_make(100, 200, 160, 80), "Breathe", 0.12f);
    Damage d;
    int added;
    assert_int_equal(between(f, &d, &added), 0);
    assert_int_equal(d.count, 1);
    /* The ring's centre line at 0.10 and 0.12 turns (radius 94 about 600, 300). */
    assert_true(damage_contains(&d, 655, 224));
    assert_true(damage_contains(&d, 664, 232));
    assert_false(damage_contains(&d, 600, 394)); /* the ring's bottom */
    assert_false(damage_contains(&d, 600, 206)); /* noon, where it starts */
    assert_true(damage_area(&d) < 60 * 60);

    /* Turned, the stretch is on the other side. */
    f->old.cmds[3].turned = f->now.cmds[3].turned = 1;
    assert_int_equal(between(f, &d, &added), 0);
    assert_true(damage_contains(&d, 545, 376));
    assert_false(damage_contains(&d, 655, 224));

    /* A whole ring that comes dirties the ring's box. */
    f->old.cmds[3].turned = f->now.cmds[3].turned = 0;
    f->now.cmds[3].a1 = 1.0f;
    assert_int_equal(between(f, &d, &added), 0);
    assert_true(contains_rect(d.rect[0], rect_make(500, 200, 200, 200)));
}

/* Commands added at the end are left to be drawn over: the damage is only
 * what changed before them. */
static void added_commands_are_drawn_over(void **state)
{
    Fixture *f = *state;
    board(&f->old, rect_make(100, 200, 160, 80), "Breathe", 0.3f);
    board(&f->now, rect_make(100, 200, 160, 80), "Breathe", 0.3f);
    int before = f->now.count;
    draw_push(&f->now, DRAW_RECT, rect_make(0, 0, W, H), color_alpha(ink, 200));
    Damage d;
    int added;
    assert_int_equal(between(f, &d, &added), 0);
    assert_int_equal(added, before);
    assert_int_equal(d.count, 0);
}

/* A new kind, a changed clip, a clip left set over added commands, another
 * clear colour, a shorter list, or more than half the screen: draw it all. */
static void some_changes_draw_everything(void **state)
{
    Fixture *f = *state;
    Damage d;
    int added;
    Rect button = {100, 200, 160, 80};

    board(&f->old, button, "Breathe", 0.3f);
    board(&f->now, button, "Breathe", 0.3f);
    f->now.cmds[1].kind = DRAW_CIRCLE;
    assert_int_equal(between(f, &d, &added), -1);

    board(&f->now, button, "Breathe", 0.3f);
    f->now.clear = ink;
    assert_int_equal(between(f, &d, &added), -1);

    board(&f->now, button, "Breathe", 0.3f);
    f->now.count--;
    assert_int_equal(between(f, &d, &added), -1);

    draw_push(&f->old, DRAW_CLIP, rect_make(0, 0, 100, 100), ink);
    board(&f->now, button, "Breathe", 0.3f);
    draw_push(&f->now, DRAW_CLIP, rect_make(0, 0, 120, 100), ink);
    assert_int_equal(between(f, &d, &added), -1);
    f->now.cmds[f->now.count - 1].rect.w = 100;
    assert_int_equal(between(f, &d, &added), 0);
    draw_push(&f->now, DRAW_RECT, rect_make(0, 0, 10, 10), ink);
    assert_int_equal(between(f, &d, &added), -1);

    board(&f->old, button, "Breathe", 0.3f);
    board(&f->now, button, "Breathe", 0.3f);
    f->now.cmds[0].rect = rect_make(0, 0, W, H); /* the panel grows over the screen */
    assert_int_equal(between(f, &d, &added), -1);
    f->now.cmds[0].rect = rect_make(0, 0, W, H / 3);
    assert_int_equal(between(f, &d, &added), 0);
}

/* Damage stays on the target: a change half off screen is cut at its edge. */
static void damage_is_clipped_to_the_target(void **state)
{
    Fixture *f = *state;
    board(&f->old, rect_make(-40, 420, 100, 100), "Breathe", 0.3f);
    board(&f->now, rect_make(-40, 420, 100, 120), "Breathe", 0.3f);
    Damage d;
    int added;
    assert_int_equal(between(f, &d, &added), 0);
    assert_int_equal(d.count, 1);
    assert_true(contains_rect(rect_make(0, 0, W, H), d.rect[0]));
    assert_int_equal(d.rect[0].x, 0);
    assert_int_equal(d.rect[0].y + d.rect[0].h, H);
    Rect none = damage_clip(rect_make(900, 0, 10, 10), rect_make(0, 0, W, H));
    assert_true(none.w == 0 || none.h == 0);
}

/* Whatever a command's triangles reach, its bounds hold (snapped to whole
 * pixels as the software renderer does): a partial redraw then repaints every
 * pixel the command changed. */
static void bounds_hold_every_vertex(void **state)
{
    Fixture *f = *state;
    enum { KINDS = 4 + SHAPE_COUNT - 1 };
    DrawCmd cmds[3 * KINDS];
    int n = 0;
    Rect rects[3] = {{13, 17, 90, 60}, {5, 9, 24, 24}, {200, 100, 7, 41}};
    for (int k = 0; k < 3; k++) {
        for (int j = 0; j < KINDS; j++) {
            DrawCmd *c = &cmds[n++];
            memset(c, 0, sizeof *c);
            c->rect = rects[k];
            c->color = ink;
            c->turned = j % 2;
            if (j == 0) {
                c->kind = DRAW_RECT;
                c->radius = 8;
            } else if (j == 1) {
                c->kind = DRAW_FRAME;
                c->radius = 6;
                c->thickness = 3;
            } else if (j == 2) {
                c->kind = DRAW_CIRCLE;
            } else if (j == 3) {
                c->kind = DRAW_ARC;
                c->a0 = 0.8f;
                c->a1 = 1.35f;
            } else {
                c->kind = DRAW_SHAPE;
                c->shape = (Shape)(SHAPE_CIRCLE + j - 4);
            }
        }
    }
    for (int i = 0; i < n; i++) {
        Rect b = damage_cmd_bounds(&f->now, &cmds[i], fake_box, NULL);
        geometry_clear(f->geometry);
        geometry_command(f->geometry, &cmds[i]);
        geometry_snap(f->geometry);
        const Mesh *m = geometry_mesh(f->geometry);
        assert_true(m->vert_count > 0);
        for (int v = 0; v < m->vert_count; v++) {
            Vec2 p = m->vert[v].position;
            assert_true(p.x >= (float)b.x && p.x <= (float)(b.x + b.w));
            assert_true(p.y >= (float)b.y && p.y <= (float)(b.y + b.h));
        }
    }
    DrawCmd none = cmds[0];
    none.color.a = 0;
    assert_int_equal(damage_cmd_bounds(&f->now, &none, fake_box, NULL).w, 0);
    none = cmds[0];
    none.kind = DRAW_CLIP;
    assert_int_equal(damage_cmd_bounds(&f->now, &none, fake_box, NULL).w, 0);
}

/* Drawing can start at the last opaque command over the whole target. */
static void first_visible_is_the_last_opaque_wash(void **state)
{
    Fixture *f = *state;
    board(&f->now, rect_make(100, 200, 160, 80), "Breathe", 0.3f);
    assert_int_equal(damage_first_visible(&f->now, W, H), 0);
    int wash = f->now.count;
    draw_push(&f->now, DRAW_RECT, rect_make(-5, 0, W + 10, H), ink);
    draw_push(&f->now, DRAW_TEXT, rect_make(0, 0, 100, 40), ink);
    assert_int_equal(damage_first_visible(&f->now, W, H), wash);

    f->now.cmds[wash].color.a = 254; /* the board shows through */
    assert_int_equal(damage_first_visible(&f->now, W, H), 0);
    f->now.cmds[wash].color.a = 255;
    f->now.cmds[wash].radius = 4; /* its corners do not cover */
    assert_int_equal(damage_first_visible(&f->now, W, H), 0);
    f->now.cmds[wash].radius = 0;
    f->now.cmds[wash].rect.h = H - 1;
    assert_int_equal(damage_first_visible(&f->now, W, H), 0);
    f->now.cmds[wash].rect.h = H;

    board(&f->old, rect_make(100, 200, 160, 80), "Breathe", 0.3f);
    draw_push(&f->old, DRAW_CLIP, rect_make(0, 0, 10, 10), ink);
    draw_push(&f->old, DRAW_RECT, rect_make(0, 0, W, H), ink); /* clipped: not a wash */
    assert_int_equal(damage_first_visible(&f->old, W, H), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(identical_lists_have_no_damage, setup, teardown),
        cmocka_unit_test_setup_teardown(moved_rect_dirties_old_and_new_places, setup, teardown),
        cmocka_unit_test_setup_teardown(restyled_rect_dirties_its_place, setup, teardown),
        cmocka_unit_test(overlapping_rects_merge),
        cmocka_unit_test(too_many_places_become_one),
        cmocka_unit_test_setup_teardown(changed_text_dirties_its_box, setup, teardown),
        cmocka_unit_test_setup_teardown(moved_arc_end_dirties_only_the_stretch, setup, teardown),
        cmocka_unit_test_setup_teardown(added_commands_are_drawn_over, setup, teardown),
        cmocka_unit_test_setup_teardown(some_changes_draw_everything, setup, teardown),
        cmocka_unit_test_setup_teardown(damage_is_clipped_to_the_target, setup, teardown),
        cmocka_unit_test_setup_teardown(bounds_hold_every_vertex, setup, teardown),
        cmocka_unit_test_setup_teardown(first_visible_is_the_last_opaque_wash, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
