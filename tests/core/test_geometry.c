/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The draw commands' triangles: what they cover, how their edges fade, where
 * their vertices may lie, and which triangles may be drawn unblended. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <string.h>

#include "lull/geometry.h"

#define PI 3.14159265358979f

static const Color opaque = {200, 120, 40, 255};

static int setup(void **state)
{
    *state = geometry_create();
    return *state ? 0 : -1;
}

static int teardown(void **state)
{
    geometry_destroy(*state);
    return 0;
}

static Vec2 point(float x, float y)
{
    Vec2 p = {x, y};
    return p;
}

static float cross(Vec2 a, Vec2 b, Vec2 p)
{
    return (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x);
}

/* The alpha (0..1) at p summed over the triangles of one index list that
 * contain it, interpolated between their corners as a rasteriser does. */
static float list_coverage(const Mesh *m, const int *index, int count, Vec2 p)
{
    float sum = 0.0f;
    for (int t = 0; t < count; t += 3) {
        const Vertex *a = &m->vert[index[t]], *b = &m->vert[index[t + 1]],
                     *c = &m->vert[index[t + 2]];
        float area = cross(a->position, b->position, c->position);
        if (fabsf(area) < 1e-9f)
            continue;
        float wa = cross(b->position, c->position, p) / area;
        float wb = cross(c->position, a->position, p) / area;
        float wc = cross(a->position, b->position, p) / area;
        if (wa < 0.0f || wb < 0.0f || wc < 0.0f)
            continue;
        sum += (wa * a->color.a + wb * b->color.a + wc * c->color.a) / 255.0f;
    }
    return sum;
}

/* Sampled a hair off p, so that a point on an edge shared by two triangles is
 * counted once, as a rasteriser's fill rule would. */
static float coverage(const Mesh *m, Vec2 p)
{
    p.x += 1.3e-4f;
    p.y += 0.7e-4f;
    return list_coverage(m, m->blend, m->blend_count, p) +
           list_coverage(m, m->solid, m->solid_count, p);
}

/* The integral of the coverage over the plane, px²: each triangle's area times
 * its corners' mean alpha (exact for a linear ramp). */
static float covered_area(const Mesh *m)
{
    const int *lists[2] = {m->blend, m->solid};
    int counts[2] = {m->blend_count, m->solid_count};
    float sum = 0.0f;
    for (int l = 0; l < 2; l++) {
        for (int t = 0; t < counts[l]; t += 3) {
            const Vertex *a = &m->vert[lists[l][t]], *b = &m->vert[lists[l][t + 1]],
                         *c = &m->vert[lists[l][t + 2]];
            float area = fabsf(cross(a->position, b->position, c->position)) * 0.5f;
            sum += area * (float)(a->color.a + b->color.a + c->color.a) / (3.0f * 255.0f);
        }
    }
    return sum;
}

static float dist(Vec2 a, Vec2 b)
{
    return hypotf(a.x - b.x, a.y - b.y);
}

/* A disc's triangles cover its area, are opaque inside, fade over its edge and
 * reach nowhere past the fringe; no spot is covered twice. */
static void disc_covers_its_area_and_nothing_past_the_fringe(void **state)
{
    Geometry *g = *state;
    Vec2 c = point(60.3f, 41.7f);
    const float r = 20.0f;
    geometry_disc(g, c, r, opaque);
    const Mesh *m = geometry_mesh(g);
    assert_true(m->vert_count > 0);
    assert_false(m->failed);
    assert_float_equal(covered_area(m), PI * r * r, PI * r * r * 0.005f);
    for (int i = 0; i < m->vert_count; i++)
        assert_true(dist(m->vert[i].position, c) <= r + GEOMETRY_FEATHER + 1e-3f);
    for (int k = 0; k < 64; k++) {
        float a = 2.0f * PI * ((float)k + 0.37f) / 64.0f;
        Vec2 d = point(sinf(a), -cosf(a));
        for (float s = 0.0f; s < r - GEOMETRY_FEATHER - 0.1f; s += 1.7f)
            assert_float_equal(coverage(m, point(c.x + d.x * s, c.y + d.y * s)), 1.0f, 1e-3f);
        Vec2 out = point(c.x + d.x * (r + GEOMETRY_FEATHER + 0.05f),
                         c.y + d.y * (r + GEOMETRY_FEATHER + 0.05f));
        assert_float_equal(coverage(m, out), 0.0f, 1e-6f);
    }
}

/* Across an edge the coverage falls from opaque to transparent over 1 px,
 * never rising on the way out, and is half at the edge itself. */
static void edge_fringe_fades_from_opaque_to_transparent(void **state)
{
    Geometry *g = *state;
    geometry_round_rect(g, 10.0f, 20.0f, 100.0f, 60.0f, 8.0f, opaque);
    const Mesh *m = geometry_mesh(g);
    /* Out through the left side, mid-height: the edge is x = 10. */
    float last = 2.0f;
    for (float x = 12.0f; x >= 8.0f; x -= 0.05f) {
        float cov = coverage(m, point(x, 50.1f));
        assert_true(cov <= last + 1e-4f);
        last = cov;
        if (x > 10.0f + GEOMETRY_FEATHER + 0.01f)
            assert_float_equal(cov, 1.0f, 1e-3f);
        if (x < 10.0f - GEOMETRY_FEATHER - 0.01f)
            assert_float_equal(cov, 0.0f, 1e-6f);
    }
    assert_float_equal(coverage(m, point(10.0f, 50.1f)), 0.5f, 0.02f);
    /* Every corner is either at the command's alpha or clear. */
    for (int i = 0; i < m->vert_count; i++)
        assert_true(m->vert[i].color.a == opaque.a || m->vert[i].color.a == 0);
}

/* A rounded rect's vertices stay within its rect and fringe, its corners are
 * cut by the radius, and its area is the rect's less the four corners. */
static void round_rect_stays_in_its_bounds(void **state)
{
    Geometry *g = *state;
    const float x = 5.0f, y = 7.0f, w = 120.0f, h = 44.0f, r = 12.0f;
    geometry_round_rect(g, x, y, w, h, r, opaque);
    const Mesh *m = geometry_mesh(g);
    const float f = GEOMETRY_FEATHER + 1e-3f;
    for (int i = 0; i < m->vert_count; i++) {
        Vec2 p = m->vert[i].position;
        assert_true(p.x >= x - f && p.x <= x + w + f);
        assert_true(p.y >= y - f && p.y <= y + h + f);
        if (m->vert[i].color.a == opaque.a) {
            /* Opaque corners sit half a pixel inside the edge. */
            assert_true(p.x >= x + GEOMETRY_FEATHER - 1e-3f &&
                        p.x <= x + w - GEOMETRY_FEATHER + 1e-3f);
            assert_true(p.y >= y + GEOMETRY_FEATHER - 1e-3f &&
                        p.y <= y + h - GEOMETRY_FEATHER + 1e-3f);
        }
    }
    float expected = w * h - (4.0f - PI) * r * r;
    assert_float_equal(covered_area(m), expected, expected * 0.003f);
    /* The very corner is cut off; the middle of each side is not. */
    assert_float_equal(coverage(m, point(x + 1.0f, y + 1.0f)), 0.0f, 1e-6f);
    assert_float_equal(coverage(m, point(x + w * 0.5f, y + 1.0f)), 1.0f, 1e-3f);
    assert_float_equal(coverage(m, point(x + 1.0f, y + h * 0.5f)), 1.0f, 1e-3f);
    /* A radius past half the short side makes a pill, not a bulge. */
    geometry_clear(g);
    geometry_round_rect(g, x, y, w, h, 1000.0f, opaque);
    for (int i = 0; i < m->vert_count; i++)
        assert_true(m->vert[i].position.y >= y - f && m->vert[i].position.y <= y + h + f);
}

/* A frame covers its border and leaves its inside clear. */
static void frame_is_a_border_with_a_hole(void **state)
{
    Geometry *g = *state;
    Rect r = {20, 30, 80, 50};
    geometry_frame(g, r, 10.0f, 4.0f, opaque);
    const Mesh *m = geometry_mesh(g);
    assert_float_equal(coverage(m, point(60.1f, 55.1f)), 0.0f, 1e-6f); /* the middle */
    assert_float_equal(coverage(m, point(60.1f, 32.0f)), 1.0f, 1e-3f); /* the top border */
    assert_float_equal(coverage(m, point(60.1f, 35.5f)), 0.0f, 1e-6f); /* just inside it */
    assert_float_equal(coverage(m, point(60.1f, 29.0f)), 0.0f, 1e-6f); /* just outside */
    float outer = 80.0f * 50.0f - (4.0f - PI) * 100.0f;
    float inner = 72.0f * 42.0f - (4.0f - PI) * 36.0f;
    assert_float_equal(covered_area(m), outer - inner, (outer - inner) * 0.01f);
}

/* A ring arc from 0 to half a turn covers the right half of its ring only,
 * with round caps; a whole one covers the ring all round, not its middle. */
static void arc_covers_its_turns_only(void **state)
{
    Geometry *g = *state;
    Rect r = {0, 0, 100, 100};
    geometry_arc(g, r, 10.0f, 0.0f, 0.5f, opaque);
    const Mesh *m = geometry_mesh(g);
    assert_float_equal(coverage(m, point(95.1f, 50.1f)), 1.0f, 1e-3f); /* three o'clock */
    assert_float_equal(coverage(m, point(5.1f, 50.1f)), 0.0f, 1e-6f);  /* nine o'clock */
    assert_float_equal(coverage(m, point(50.1f, 50.1f)), 0.0f, 1e-6f); /* the middle */
    /* The caps reach half the width back past noon, not further. */
    assert_float_equal(coverage(m, point(47.0f, 5.1f)), 1.0f, 1e-3f);
    assert_float_equal(coverage(m, point(44.0f, 5.1f)), 0.0f, 1e-6f);
    float expected = 0.5f * PI * (50.0f * 50.0f - 40.0f * 40.0f) + PI * 25.0f;
    assert_float_equal(covered_area(m), expected, expected * 0.01f);

    geometry_clear(g);
    geometry_arc(g, r, 10.0f, 0.25f, 1.25f, opaque);
    for (int k = 0; k < 16; k++) {
        float a = 2.0f * PI * ((float)k + 0.5f) / 16.0f;
        assert_float_equal(coverage(m, point(50.0f + 45.0f * sinf(a), 50.0f - 45.0f * cosf(a))),
                           1.0f, 1e-3f);
    }
    assert_float_equal(coverage(m, point(50.1f, 50.1f)), 0.0f, 1e-6f);
}

/* Split, the full-coverage inside goes to the unblended list, opaque at every
 * corner; the ramps stay blended. Not split, everything is blended. */
static void split_cores_are_opaque_and_ramps_blended(void **state)
{
    Geometry *g = *state;
    Mesh *m = geometry_mesh(g);
    geometry_round_rect(g, 0.0f, 0.0f, 40.0f, 30.0f, 6.0f, opaque);
    assert_int_equal(m->solid_count, 0);
    assert_true(m->blend_count > 0);
    geometry_clear(g);
    assert_int_equal(m->vert_count + m->blend_count + m->solid_count, 0);

    geometry_split_cores(g, 1);
    geometry_round_rect(g, 0.0f, 0.0f, 40.0f, 30.0f, 6.0f, opaque);
    geometry_arc(g, rect_make(50, 0, 40, 40), 6.0f, 0.1f, 0.6f, opaque);
    geometry_shape(g, rect_make(100, 0, 40, 40), SHAPE_WAVE, 0, 0, opaque);
    assert_true(m->solid_count > 0);
    for (int i = 0; i < m->solid_count; i++)
        assert_int_equal(m->vert[m->solid[i]].color.a, 255);
    for (int t = 0; t < m->blend_count; t += 3) {
        int clear = 0;
        for (int k = 0; k < 3; k++)
            clear += m->vert[m->blend[t + k]].color.a == 0;
        assert_true(clear >= 1); /* a ramp: some corner fades out */
    }
    /* The split changes which list, not what is covered. */
    float split_area = covered_area(m);
    geometry_clear(g);
    geometry_split_cores(g, 0);
    geometry_round_rect(g, 0.0f, 0.0f, 40.0f, 30.0f, 6.0f, opaque);
    geometry_arc(g, rect_make(50, 0, 40, 40), 6.0f, 0.1f, 0.6f, opaque);
    geometry_shape(g, rect_make(100, 0, 40, 40), SHAPE_WAVE, 0, 0, opaque);
    assert_float_equal(covered_area(m), split_area, 1e-2f);
}

/* Every pictogram, both ways up, lies in its square (plus its stroke and
 * fringe), covers its middle row somewhere, and has no stray index. */
static void shapes_stay_in_their_square(void **state)
{
    Geometry *g = *state;
    Mesh *m = geometry_mesh(g);
    Rect r = {30, 10, 80, 60}; /* the square: x 40..100, y 10..70 */
    for (int s = SHAPE_CIRCLE; s < SHAPE_COUNT; s++) {
        for (int turned = 0; turned < 2; turned++) {
            geometry_clear(g);
            geometry_shape(g, r, (Shape)s, 0, turned, opaque);
            assert_true(m->vert_count > 0);
            for (int i = 0; i < m->blend_count; i++)
                assert_true(m->blend[i] >= 0 && m->blend[i] < m->vert_count);
            float slack = 0.3f * 60.0f * 0.5f + GEOMETRY_FEATHER + 1e-3f;
            for (int i = 0; i < m->vert_count; i++) {
                Vec2 p = m->vert[i].position;
                assert_true(p.x >= 40.0f - slack && p.x <= 100.0f + slack);
                assert_true(p.y >= 10.0f - slack && p.y <= 70.0f + slack);
            }
            assert_true(covered_area(m) > 60.0f * 60.0f * 0.05f);
            assert_true(covered_area(m) < 60.0f * 60.0f);
        }
    }
    geometry_clear(g);
    geometry_shape(g, r, SHAPE_NONE, 0, 0, opaque);
    assert_int_equal(m->vert_count, 0);
}

/* A turned pictogram is the upright one rotated about its square's centre. */
static void turned_shape_is_rotated_half_a_turn(void **state)
{
    Geometry *g = *state;
    const Mesh *m = geometry_mesh(g);
    Rect r = {0, 0, 64, 64};
    geometry_shape(g, r, SHAPE_ARROW_UP, 0, 0, opaque);
    float upright_top = coverage(m, point(32.1f, 24.0f)),
          upright_bottom = coverage(m, point(32.1f, 40.0f));
    geometry_clear(g);
    geometry_shape(g, r, SHAPE_ARROW_UP, 0, 1, opaque);
    assert_float_equal(coverage(m, point(31.9f, 40.0f)), upright_top, 0.02f);
    assert_float_equal(coverage(m, point(31.9f, 24.0f)), upright_bottom, 0.02f);
    assert_true(upright_top > 0.9f); /* the arrow's tip, at 0.36 of the square */
    assert_true(upright_bottom < 0.1f);
}

/* Snapping rounds down, below zero too (not towards zero). */
static void snap_floors_every_vertex(void **state)
{
    Geometry *g = *state;
    geometry_round_rect(g, -10.25f, 3.75f, 20.0f, 10.0f, 2.0f, opaque);
    Mesh *m = geometry_mesh(g);
    float before_x[256], before_y[256];
    int n = m->vert_count < 256 ? m->vert_count : 256;
    for (int i = 0; i < n; i++) {
        before_x[i] = m->vert[i].position.x;
        before_y[i] = m->vert[i].position.y;
    }
    geometry_snap(g);
    int negative = 0;
    for (int i = 0; i < n; i++) {
        assert_float_equal(m->vert[i].position.x, floorf(before_x[i]), 0.0f);
        assert_float_equal(m->vert[i].position.y, floorf(before_y[i]), 0.0f);
        negative += before_x[i] < 0.0f && before_x[i] != floorf(before_x[i]);
    }
    assert_true(negative > 0);
}

/* A square-cornered rect covers its pixels wholly and nothing else, whether the
 * vertices keep their fractions (the GPU) or are snapped to whole pixels (the
 * software renderer): no row or column of it is left half covered. */
static void sharp_rect_covers_whole_pixels(void **state)
{
    Geometry *g = *state;
    Mesh *m = geometry_mesh(g);
    DrawCmd cmd = {0};
    cmd.kind = DRAW_RECT;
    cmd.rect = rect_make(0, 0, 800, 480);
    cmd.color = opaque;
    for (int snapped = 0; snapped < 2; snapped++) {
        geometry_clear(g);
        geometry_command(g, &cmd);
        if (snapped)
            geometry_snap(g);
        /* pixel centres: the first and last row and column, and just outside */
        for (float x = 0.5f; x < 800.0f; x += 799.0f)
            for (float y = 0.5f; y < 480.0f; y += 479.0f)
                assert_float_equal(coverage(m, point(x, y)), 1.0f, 1e-3f);
        assert_float_equal(coverage(m, point(800.5f, 240.5f)), 0.0f, 1e-6f);
        assert_float_equal(coverage(m, point(400.5f, 480.5f)), 0.0f, 1e-6f);
        assert_float_equal(coverage(m, point(-0.5f, 240.5f)), 0.0f, 1e-6f);
        assert_float_equal(covered_area(m), 800.0f * 480.0f, 1.0f);
    }
}

/* A disc or a whole ring that knows the colours about it fades its edges into
 * them: every triangle opaque, none left to blend, and the edge's outer corners
 * are those colours; without them the edges are blended ramps to clear. */
static void faded_edges_need_no_blend(void **state)
{
    Geometry *g = *state;
    Mesh *m = geometry_mesh(g);
    const Color around = {20, 30, 40, 255}, inside = {90, 60, 30, 255};
    DrawCmd cmd = {0};
    cmd.kind = DRAW_CIRCLE;
    cmd.rect = rect_make(10, 10, 200, 200);
    cmd.color = opaque;
    geometry_split_cores(g, 1);
    geometry_command(g, &cmd);
    assert_true(m->blend_count > 0); /* nothing known about it: its edge blends */
    int plain_verts = m->vert_count, plain_tris = m->solid_count + m->blend_count;
    geometry_clear(g);
    cmd.under = around;
    geometry_command(g, &cmd);
    assert_int_equal(m->blend_count, 0);
    int faded = 0;
    for (int i = 0; i < m->vert_count; i++) {
        Color c = m->vert[i].color;
        assert_true(memcmp(&c, &opaque, sizeof c) == 0 || memcmp(&c, &around, sizeof c) == 0);
        faded += memcmp(&c, &around, sizeof c) == 0;
    }
    assert_true(faded > 8);
    /* the same triangles in the same places */
    assert_int_equal(m->vert_count, plain_verts);
    assert_int_equal(m->solid_count, plain_tris);

    cmd.kind = DRAW_ARC;
    cmd.thickness = 8;
    cmd.a0 = 0.0f;
    cmd.a1 = 1.0f;
    cmd.under_in = inside;
    geometry_clear(g);
    geometry_command(g, &cmd);
    assert_int_equal(m->blend_count, 0);
    /* outside the ring the outer colour, inside it the inner one */
    int out = 0, in = 0;
    for (int i = 0; i < m->vert_count; i++) {
        Vec2 p = m->vert[i].position;
        float d = sqrtf((p.x - 110.0f) * (p.x - 110.0f) + (p.y - 110.0f) * (p.y - 110.0f));
        Color c = m->vert[i].color;
        if (d > 100.1f) {
            assert_memory_equal(&c, &around, sizeof c);
            out++;
        } else if (d < 91.9f) {
            assert_memory_equal(&c, &inside, sizeof c);
            in++;
        }
    }
    assert_true(out > 8 && in > 8);
    /* an arc with ends is capped, and its ends fade to clear */
    cmd.a1 = 0.5f;
    geometry_clear(g);
    geometry_command(g, &cmd);
    assert_true(m->blend_count > 0);
    geometry_split_cores(g, 0);
}

/* A command draws what its primitive draws; text, clips, nothing to see: nothing. */
static void command_matches_its_primitive(void **state)
{
    Geometry *g = *state;
    Mesh *m = geometry_mesh(g);
    DrawCmd cmd = {0};
    cmd.kind = DRAW_CIRCLE;
    cmd.rect = rect_make(10, 10, 30, 30);
    cmd.color = opaque;
    geometry_command(g, &cmd);
    float from_command = covered_area(m);
    geometry_clear(g);
    geometry_disc(g, point(25.0f, 25.0f), 15.0f, opaque);
    assert_float_equal(covered_area(m), from_command, 1e-3f);

    cmd.kind = DRAW_ARC;
    cmd.a0 = 0.0f;
    cmd.a1 = 0.25f;
    cmd.turned = 1;
    geometry_clear(g);
    geometry_command(g, &cmd);
    /* Turned: the quarter from six to nine o'clock. */
    assert_float_equal(coverage(m, point(12.0f, 29.0f)), 1.0f, 1e-3f);
    assert_float_equal(coverage(m, point(38.8f, 20.0f)), 0.0f, 1e-6f);
    assert_float_equal(geometry_arc_thickness(&cmd), 2.0f, 0.0f); /* 30 px: at least 2 */

    cmd.kind = DRAW_TEXT;
    geometry_clear(g);
    geometry_command(g, &cmd);
    cmd.kind = DRAW_CLIP;
    geometry_command(g, &cmd);
    geometry_round_rect(g, 0.0f, 0.0f, 0.0f, 10.0f, 2.0f, opaque);
    assert_int_equal(m->vert_count, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(disc_covers_its_area_and_nothing_past_the_fringe, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(edge_fringe_fades_from_opaque_to_transparent, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(round_rect_stays_in_its_bounds, setup, teardown),
        cmocka_unit_test_setup_teardown(frame_is_a_border_with_a_hole, setup, teardown),
        cmocka_unit_test_setup_teardown(arc_covers_its_turns_only, setup, teardown),
        cmocka_unit_test_setup_teardown(split_cores_are_opaque_and_ramps_blended, setup, teardown),
        cmocka_unit_test_setup_teardown(shapes_stay_in_their_square, setup, teardown),
        cmocka_unit_test_setup_teardown(turned_shape_is_rotated_half_a_turn, setup, teardown),
        cmocka_unit_test_setup_teardown(snap_floors_every_vertex, setup, teardown),
        cmocka_unit_test_setup_teardown(command_matches_its_primitive, setup, teardown),
        cmocka_unit_test_setup_teardown(sharp_rect_covers_whole_pixels, setup, teardown),
        cmocka_unit_test_setup_teardown(faded_edges_need_no_blend, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
