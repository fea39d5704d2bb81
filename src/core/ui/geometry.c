/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "lull/geometry.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define GEOMETRY_TAU 6.28318530717958647692f

enum {
    TURN_STEPS = 512, /* the unit-circle table: one direction per 1/512 turn */
    QUARTER_STEPS = TURN_STEPS / 4,
    HALF_STEPS = TURN_STEPS / 2,
};

/* A filled pictogram in the unit square (y down), built once. Each contour is
 * clockwise on screen; the second one, if any, is a hole. */
typedef struct {
    Vec2 *point;
    Vec2 *miter; /* per point: away from the filled area, long enough for a 1 px offset */
    int count;
    int contour_end[2];
    int contours;
    int *tri; /* triangles over the points, three indices each */
    int tri_count;
} Outline;

/* A stroked pictogram's centre line in the unit square. */
typedef struct {
    Vec2 *point;
    int count;
} Line;

/* One cross-section of a stroke: its centre and the offsets, per px of
 * half-width, to its left and right edges (longer than 1 at a miter). */
typedef struct {
    Vec2 c, left, right;
} Column;

/* A growable point list, used while building the unit geometry. */
typedef struct {
    Vec2 *point;
    int count, capacity;
    int failed;
} Path;

struct Geometry {
    Mesh mesh;
    int vert_cap, blend_cap, solid_cap;
    int split;            /* this command's full-coverage triangles go to mesh.solid */
    Vec2 dir[TURN_STEPS]; /* k / TURN_STEPS turns: 0 = up, clockwise */
    Outline fill[SHAPE_COUNT];
    Line line[SHAPE_COUNT];
    Vec2 *scratch;
    int scratch_cap;
    Column *column;
    int column_cap;
};

static Vec2 v2(float x, float y)
{
    Vec2 v = {x, y};
    return v;
}

static Vec2 v2_add(Vec2 a, Vec2 b)
{
    return v2(a.x + b.x, a.y + b.y);
}
static Vec2 v2_sub(Vec2 a, Vec2 b)
{
    return v2(a.x - b.x, a.y - b.y);
}
static Vec2 v2_scale(Vec2 a, float k)
{
    return v2(a.x * k, a.y * k);
}
static Vec2 v2_mad(Vec2 a, Vec2 b, float k)
{
    return v2(a.x + b.x * k, a.y + b.y * k);
}
static float v2_dot(Vec2 a, Vec2 b)
{
    return a.x * b.x + a.y * b.y;
}
static float v2_cross(Vec2 a, Vec2 b)
{
    return a.x * b.y - a.y * b.x;
}
static float v2_len(Vec2 a)
{
    return sqrtf(a.x * a.x + a.y * a.y);
}

static Vec2 v2_norm(Vec2 a)
{
    float len = v2_len(a);
    return len > 1e-12f ? v2_scale(a, 1.0f / len) : v2(0.0f, 0.0f);
}

static float clampf(float v, float lo, float hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

/* buffer with room for needed items of item bytes: itself, a larger copy, or
 * NULL with buffer untouched. Grows by doubling, so steady frames never allocate. */
static void *grow(void *buffer, int *capacity, int needed, size_t item)
{
    if (buffer && needed <= *capacity)
        return buffer;
    int cap = *capacity > 0 ? *capacity : 1024;
    while (cap < needed)
        cap *= 2;
    void *p = realloc(buffer, (size_t)cap * item);
    if (p)
        *capacity = cap;
    return p;
}

/* Room for verts more vertices and indices more indices in the mesh. */
static int reserve(Geometry *g, int verts, int indices)
{
    Mesh *m = &g->mesh;
    Vertex *vert = grow(m->vert, &g->vert_cap, m->vert_count + verts, sizeof *vert);
    if (vert)
        m->vert = vert;
    int *blend = grow(m->blend, &g->blend_cap, m->blend_count + indices, sizeof *blend);
    if (blend)
        m->blend = blend;
    int *solid = grow(m->solid, &g->solid_cap, m->solid_count + indices, sizeof *solid);
    if (solid)
        m->solid = solid;
    if (!vert || !blend || !solid) {
        m->failed = 1;
        return -1;
    }
    return 0;
}

static void put(Geometry *g, Vec2 p, Color c)
{
    Vertex *v = &g->mesh.vert[g->mesh.vert_count++];
    v->position.x = p.x;
    v->position.y = p.y;
    v->color = c;
    v->tex_coord.x = 0.0f;
    v->tex_coord.y = 0.0f;
}

/* A triangle; core: one inside the shape at full coverage (not an edge ramp). */
static void tri(Geometry *g, int a, int b, int c, int core)
{
    int *i;
    if (core && g->split) {
        i = &g->mesh.solid[g->mesh.solid_count];
        g->mesh.solid_count += 3;
    } else {
        i = &g->mesh.blend[g->mesh.blend_count];
        g->mesh.blend_count += 3;
    }
    i[0] = a;
    i[1] = b;
    i[2] = c;
}

static void quad(Geometry *g, int a, int b, int c, int d, int core)
{
    tri(g, a, b, c, core);
    tri(g, a, c, d, core);
}

/* Quads between rows r and r + 1 of columns laid out column-major from base. */
static void strip(Geometry *g, int base, int rows, int columns, int r, int closed, int core)
{
    int spans = closed ? columns : columns - 1;
    for (int i = 0; i < spans; i++) {
        int j = (i + 1) % columns;
        quad(g, base + i * rows + r, base + j * rows + r, base + j * rows + r + 1,
             base + i * rows + r + 1, core);
    }
}

static Color color_with(Color c, uint8_t alpha)
{
    Color s = {c.r, c.g, c.b, alpha};
    return s;
}

/* Segments per quarter turn so that chords stay close to the arc: within
 * 1/600 of the radius (a polygon that covers all but 0.2 % of the circle's
 * area), between 0.06 and a quarter of a pixel. Each blended edge triangle costs
 * the software renderer a scratch surface, so fewer is cheaper; finer shows no
 * difference. A power of two, so they land on the table. */
static int quarter_segments(float radius)
{
    float tolerance = fminf(0.25f, fmaxf(0.06f, radius / 600.0f));
    int q = 2;
    while (q < QUARTER_STEPS) {
        float chord = (GEOMETRY_TAU / 4.0f) / (float)q;
        if (radius * chord * chord / 8.0f <= tolerance)
            break;
        q *= 2;
    }
    return q;
}

/* The inner points of a rounded rectangle's corners (top-left, top-right,
 * bottom-right, bottom-left; q + 1 each, two vertices apart) walked from the
 * top down: the left and right sides, mirror images at equal heights. */
static int band_left(int base, int q, int i)
{
    int corner = i <= q ? 0 : 3, j = i <= q ? q - i : 2 * q + 1 - i;
    return base + 2 * (corner * (q + 1) + j);
}

static int band_right(int base, int q, int i)
{
    int corner = i <= q ? 1 : 2, j = i <= q ? i : i - q - 1;
    return base + 2 * (corner * (q + 1) + j);
}

/* A filled rounded rectangle; radius >= half the short side makes a pill or a
 * disc. With an opaque under, its edge fades from color into under, all of it
 * opaque: the same pixels as blending it over that colour, without the blend. */
static void round_rect_over(Geometry *g, float x, float y, float w, float h, float radius,
                            Color color, Color under)
{
    if (w <= 0.0f || h <= 0.0f)
        return;
    float half = fminf(w, h) * 0.5f;
    /* At least half a pixel, so a sharp corner's ramp still turns around it. */
    float r = clampf(radius, fminf(GEOMETRY_FEATHER, half), half);
    int q = quarter_segments(r + GEOMETRY_FEATHER);
    int step = QUARTER_STEPS / q;
    int columns = 4 * (q + 1);
    if (reserve(g, 2 * columns, 12 * columns) != 0)
        return;
    int faded = under.a == 255 && color.a == 255;
    Color solid = color_with(color, color.a), clear = faded ? under : color_with(color, 0);
    Vec2 centre[4] = {
        {x + r, y + r}, {x + w - r, y + r}, {x + w - r, y + h - r}, {x + r, y + h - r}};
    static const int first[4] = {3 * QUARTER_STEPS, 0, QUARTER_STEPS, 2 * QUARTER_STEPS};
    float inner = fmaxf(r - GEOMETRY_FEATHER, 0.0f), outer = r + GEOMETRY_FEATHER;
    int base = g->mesh.vert_count;
    for (int k = 0; k < 4; k++) {
        for (int j = 0; j <= q; j++) {
            Vec2 d = g->dir[(first[k] + j * step) % TURN_STEPS];
            put(g, v2_mad(centre[k], d, inner), solid);
            put(g, v2_mad(centre[k], d, outer), clear);
        }
    }
    /* The inside as horizontal bands between mirrored left and right points:
     * small bounding boxes, which the software renderer fills per triangle. */
    for (int i = 0; i <= 2 * q; i++)
        quad(g, band_left(base, q, i), band_right(base, q, i), band_right(base, q, i + 1),
             band_left(base, q, i + 1), 1);
    strip(g, base, 2, columns, 0, 1, faded);
}

void geometry_round_rect(Geometry *g, float x, float y, float w, float h, float radius, Color color)
{
    round_rect_over(g, x, y, w, h, radius, color, color_with(color, 0));
}

/* A square-cornered rectangle on whole pixels: its edges are pixel edges, so it
 * covers each pixel wholly or not at all and needs no ramp. (A ramp half a pixel
 * either side of an edge is what the GPU draws the same; the software renderer,
 * which keeps only whole-pixel vertices, would leave the right and bottom rows
 * half covered.) */
static void sharp_rect(Geometry *g, float x, float y, float w, float h, Color color)
{
    if (w <= 0.0f || h <= 0.0f || reserve(g, 4, 6) != 0)
        return;
    int base = g->mesh.vert_count;
    put(g, v2(x, y), color);
    put(g, v2(x + w, y), color);
    put(g, v2(x + w, y + h), color);
    put(g, v2(x, y + h), color);
    quad(g, base, base + 1, base + 2, base + 3, 1);
}

void geometry_disc(Geometry *g, Vec2 c, float radius, Color color)
{
    geometry_round_rect(g, c.x - radius, c.y - radius, 2.0f * radius, 2.0f * radius, radius, color);
}

/* A rounded outline thickness px wide, its outer edge on the rect. */
void geometry_frame(Geometry *g, Rect rect, float radius, float thickness, Color color)
{
    float x = (float)rect.x, y = (float)rect.y, w = (float)rect.w, h = (float)rect.h;
    float half = fminf(w, h) * 0.5f;
    float t = fmaxf(thickness, 1.0f);
    if (w <= 0.0f || h <= 0.0f)
        return;
    if (t >= half - GEOMETRY_FEATHER) {
        geometry_round_rect(g, x, y, w, h, radius, color);
        return;
    }
    float ro = clampf(radius, GEOMETRY_FEATHER, half);
    float ri = clampf(ro - t, GEOMETRY_FEATHER, half - t);
    int q = quarter_segments(ro + GEOMETRY_FEATHER);
    int step = QUARTER_STEPS / q;
    int columns = 4 * (q + 1);
    if (reserve(g, 4 * columns, 18 * columns) != 0)
        return;
    Color solid = color_with(color, color.a), clear = color_with(color, 0);
    Vec2 outer_c[4] = {
        {x + ro, y + ro}, {x + w - ro, y + ro}, {x + w - ro, y + h - ro}, {x + ro, y + h - ro}};
    float xi = x + t, yi = y + t, wi = w - 2.0f * t, hi = h - 2.0f * t;
    Vec2 inner_c[4] = {{xi + ri, yi + ri},
                       {xi + wi - ri, yi + ri},
                       {xi + wi - ri, yi + hi - ri},
                       {xi + ri, yi + hi - ri}};
    static const int first[4] = {3 * QUARTER_STEPS, 0, QUARTER_STEPS, 2 * QUARTER_STEPS};
    int base = g->mesh.vert_count;
    for (int k = 0; k < 4; k++) {
        for (int j = 0; j <= q; j++) {
            Vec2 d = g->dir[(first[k] + j * step) % TURN_STEPS];
            put(g, v2_mad(outer_c[k], d, (ro + GEOMETRY_FEATHER)), clear);
            put(g, v2_mad(outer_c[k], d, (ro - GEOMETRY_FEATHER)), solid);
            put(g, v2_mad(inner_c[k], d, (ri + GEOMETRY_FEATHER)), solid);
            put(g, v2_mad(inner_c[k], d, fmaxf(ri - GEOMETRY_FEATHER, 0.0f)), clear);
        }
    }
    for (int r = 0; r < 3; r++)
        strip(g, base, 4, columns, r, 1, r == 1);
}

/* A half-disc cap of a stroke: centre e, from direction u through side to -u. */
static void stroke_cap(Geometry *g, Vec2 e, Vec2 u, Vec2 side, float hw, Color color)
{
    int segments = hw < 2.0f ? 8 : hw < 8.0f ? 16 : 32;
    int step = HALF_STEPS / segments;
    if (reserve(g, 2 * (segments + 1), 9 * segments) != 0)
        return;
    Color solid = color_with(color, color.a), clear = color_with(color, 0);
    int base = g->mesh.vert_count;
    for (int j = 0; j <= segments; j++) {
        Vec2 d = g->dir[j * step]; /* cos = -d.y, sin = d.x */
        Vec2 v = v2_add(v2_scale(u, -d.y), v2_scale(side, d.x));
        put(g, v2_mad(e, v, hw - GEOMETRY_FEATHER), solid);
        put(g, v2_mad(e, v, hw + GEOMETRY_FEATHER), clear);
    }
    /* Fanned from one end of the diameter, not the centre: the diameter is then
     * the very edge the stroke ends with, with no T-junction to leave a gap. */
    for (int j = 1; j < segments; j++)
        tri(g, base, base + 2 * j, base + 2 * j + 2, 1);
    strip(g, base, 2, segments + 1, 0, 0, 0);
}

/* Emits stroke columns as four rows: left ramp, left edge, right edge, right ramp. */
/* The stroke's edges fade to clear, or with left_to and right_to both opaque
 * (and an opaque color) into those colours, every triangle then opaque. */
static void stroke_columns_to(Geometry *g, const Column *col, int count, float hw, int closed,
                              Color color, Color left_to, Color right_to)
{
    if (reserve(g, 4 * count, 18 * count) != 0)
        return;
    int faded = color.a == 255 && left_to.a == 255 && right_to.a == 255;
    Color solid = color_with(color, color.a);
    Color left = faded ? left_to : color_with(color, 0), right = faded ? right_to : left;
    int base = g->mesh.vert_count;
    for (int i = 0; i < count; i++) {
        put(g, v2_mad(col[i].c, col[i].left, hw + GEOMETRY_FEATHER), left);
        put(g, v2_mad(col[i].c, col[i].left, hw - GEOMETRY_FEATHER), solid);
        put(g, v2_mad(col[i].c, col[i].right, hw - GEOMETRY_FEATHER), solid);
        put(g, v2_mad(col[i].c, col[i].right, hw + GEOMETRY_FEATHER), right);
    }
    for (int r = 0; r < 3; r++)
        strip(g, base, 4, count, r, closed, r == 1 || faded);
}

static void stroke_columns(Geometry *g, const Column *col, int count, float hw, int closed,
                           Color color)
{
    Color none = {0, 0, 0, 0};
    stroke_columns_to(g, col, count, hw, closed, color, none, none);
}

static Column *columns_reserve(Geometry *g, int count)
{
    Column *column = grow(g->column, &g->column_cap, count, sizeof *column);
    if (!column) {
        g->mesh.failed = 1;
        return NULL;
    }
    g->column = column;
    return column;
}

/* A ring arc inside rect, thickness px wide at its outer edge, from a0 to a1
 * turns (0 = up, clockwise), with round caps unless it is a whole ring. */
static void arc_to(Geometry *g, Rect rect, float thickness, float a0, float a1, Color color,
                   Color outside, Color inside)
{
    float radius = fminf((float)rect.w, (float)rect.h) * 0.5f;
    if (radius <= 0.0f)
        return;
    Vec2 c = v2((float)rect.x + (float)rect.w * 0.5f, (float)rect.y + (float)rect.h * 0.5f);
    float t = clampf(thickness, 1.0f, radius);
    float hw = t * 0.5f, mid = radius - hw;
    if (a1 < a0) {
        float swap = a0;
        a0 = a1;
        a1 = swap;
    }
    float span = a1 - a0;
    if (span < 1e-4f)
        return;
    int whole = span >= 1.0f - 1e-4f;
    int step = QUARTER_STEPS / quarter_segments(radius + GEOMETRY_FEATHER);
    int max_columns = TURN_STEPS / step + 3;
    Column *col = columns_reserve(g, max_columns);
    if (!col)
        return;
    int n = 0;
    if (whole) {
        for (int k = 0; k < TURN_STEPS; k += step) {
            col[n].left = g->dir[k];
            col[n].right = v2_scale(g->dir[k], -1.0f);
            col[n].c = v2_mad(c, g->dir[k], mid);
            n++;
        }
    } else {
        /* Exact ends; table directions strictly between them. */
        float steps0 = a0 * (float)(TURN_STEPS / step), steps1 = a1 * (float)(TURN_STEPS / step);
        long k0 = (long)floorf(steps0) + 1, k1 = (long)ceilf(steps1) - 1;
        Vec2 d0 = v2(sinf(GEOMETRY_TAU * a0), -cosf(GEOMETRY_TAU * a0));
        Vec2 d1 = v2(sinf(GEOMETRY_TAU * a1), -cosf(GEOMETRY_TAU * a1));
        col[n++] = (Column){v2_mad(c, d0, mid), d0, v2_scale(d0, -1.0f)};
        for (long k = k0; k <= k1 && n < max_columns - 1; k++) {
            long idx = (k * step) % TURN_STEPS;
            if (idx < 0)
                idx += TURN_STEPS;
            Vec2 d = g->dir[idx];
            col[n++] = (Column){v2_mad(c, d, mid), d, v2_scale(d, -1.0f)};
        }
        col[n++] = (Column){v2_mad(c, d1, mid), d1, v2_scale(d1, -1.0f)};
        /* Caps bulge backwards at the start and forwards at the end. */
        stroke_cap(g, col[0].c, d0, v2(d0.y, -d0.x), hw, color);
        stroke_cap(g, col[n - 1].c, d1, v2(-d1.y, d1.x), hw, color);
        Color none = {0, 0, 0, 0};
        outside = inside = none; /* capped ends fade to clear */
    }
    stroke_columns_to(g, col, n, hw, whole, color, outside, inside);
}

void geometry_arc(Geometry *g, Rect rect, float thickness, float a0, float a1, Color color)
{
    Color none = {0, 0, 0, 0};
    arc_to(g, rect, thickness, a0, a1, color, none, none);
}

/* A polyline stroke hw px either side of pts, with round joins and caps.
 * pts is modified (near-duplicates are dropped). */
static void stroke(Geometry *g, Vec2 *pts, int count, float hw, Color color)
{
    int n = 0;
    for (int i = 0; i < count; i++) {
        if (n == 0 || v2_len(v2_sub(pts[i], pts[n - 1])) > 1e-3f)
            pts[n++] = pts[i];
    }
    if (n == 0)
        return;
    if (n == 1) {
        geometry_disc(g, pts[0], hw, color);
        return;
    }
    /* A round join adds at most this many columns (a half turn at a fine step). */
    int join_max = 33;
    Column *col = columns_reserve(g, n * (join_max + 1) + 2);
    if (!col)
        return;
    int m = 0;
    Vec2 t_prev = v2_norm(v2_sub(pts[1], pts[0]));
    Vec2 n_prev = v2(-t_prev.y, t_prev.x);
    col[m++] = (Column){pts[0], n_prev, v2_scale(n_prev, -1.0f)};
    Vec2 t_first = t_prev, n_first = n_prev;
    for (int i = 1; i < n - 1; i++) {
        Vec2 t_next = v2_norm(v2_sub(pts[i + 1], pts[i]));
        Vec2 n_next = v2(-t_next.y, t_next.x);
        float cos_turn = clampf(v2_dot(n_prev, n_next), -1.0f, 1.0f);
        Vec2 mid = v2_norm(v2_add(n_prev, n_next));
        float k = v2_dot(mid, n_prev);
        Vec2 miter = v2_scale(mid, 1.0f / fmaxf(k, 0.25f));
        if (k < 0.25f || cos_turn > 0.995f) {
            /* Nearly straight (or folded back): a single mitred column. */
            if (k < 0.05f)
                miter = n_next;
            col[m++] = (Column){pts[i], miter, v2_scale(miter, -1.0f)};
        } else {
            /* A round join: the outer side sweeps round the corner, the inner
             * side stays on the miter. The sweep is a normalised lerp (no trig),
             * with chords within about 0.1 px of the arc. */
            int left_inside = v2_cross(t_prev, t_next) > 0.0f;
            Vec2 from = left_inside ? v2_scale(n_prev, -1.0f) : n_prev;
            Vec2 to = left_inside ? v2_scale(n_next, -1.0f) : n_next;
            float turn = v2_len(v2_sub(from, to)); /* about the angle, in radians */
            int steps = (int)ceilf(turn * 1.2f * sqrtf(hw));
            if (steps < 1)
                steps = 1;
            if (steps > join_max - 1)
                steps = join_max - 1;
            for (int j = 0; j <= steps; j++) {
                float u = (float)j / (float)steps;
                Vec2 v = v2_norm(v2_add(v2_scale(from, 1.0f - u), v2_scale(to, u)));
                if (left_inside)
                    col[m++] = (Column){pts[i], miter, v};
                else
                    col[m++] = (Column){pts[i], v, v2_scale(miter, -1.0f)};
            }
        }
        t_prev = t_next;
        n_prev = n_next;
    }
    col[m++] = (Column){pts[n - 1], n_prev, v2_scale(n_prev, -1.0f)};
    stroke_cap(g, pts[0], n_first, v2_scale(t_first, -1.0f), hw, color);
    stroke_cap(g, pts[n - 1], n_prev, t_prev, hw, color);
    stroke_columns(g, col, m, hw, 0, color);
}

static Vec2 *scratch_reserve(Geometry *g, int count)
{
    Vec2 *scratch = grow(g->scratch, &g->scratch_cap, count, sizeof *scratch);
    if (!scratch) {
        g->mesh.failed = 1;
        return NULL;
    }
    g->scratch = scratch;
    return scratch;
}

/* Where a unit-square point lands: the square centred in the rect, turned
 * 180° about its centre when asked. */
typedef struct {
    Vec2 origin;
    float size;
    int turned;
} Place;

static Vec2 place(const Place *pl, Vec2 p)
{
    if (pl->turned)
        p = v2(1.0f - p.x, 1.0f - p.y);
    return v2_mad(pl->origin, p, pl->size);
}

static void fill_outline(Geometry *g, const Outline *o, const Place *pl, Color color)
{
    if (o->count == 0 || reserve(g, 2 * o->count, o->tri_count + 6 * o->count) != 0)
        return;
    Color solid = color_with(color, color.a), clear = color_with(color, 0);
    float sign = pl->turned ? -1.0f : 1.0f;
    int base = g->mesh.vert_count;
    for (int i = 0; i < o->count; i++) {
        Vec2 p = place(pl, o->point[i]);
        Vec2 m = v2_scale(o->miter[i], sign * GEOMETRY_FEATHER);
        put(g, v2_sub(p, m), solid);
        put(g, v2_add(p, m), clear);
    }
    for (int i = 0; i < o->tri_count; i += 3)
        tri(g, base + 2 * o->tri[i], base + 2 * o->tri[i + 1], base + 2 * o->tri[i + 2], 1);
    int start = 0;
    for (int k = 0; k < o->contours; k++) {
        int len = o->contour_end[k] - start;
        strip(g, base + 2 * start, 2, len, 0, 1, 0);
        start = o->contour_end[k];
    }
}

static void fill_unit_round_rect(Geometry *g, const Place *pl, float x, float y, float w, float h,
                                 float radius, Color color)
{
    /* Symmetric shapes only need their corner mirrored. */
    Vec2 a = place(pl, v2(x, y)), b = place(pl, v2(x + w, y + h));
    geometry_round_rect(g, fminf(a.x, b.x), fminf(a.y, b.y), w * pl->size, h * pl->size,
                        radius * pl->size, color);
}

void geometry_shape(Geometry *g, Rect r, Shape shape, int stroke_px, int turned, Color c)
{
    float size = (float)(r.w < r.h ? r.w : r.h);
    if (size <= 0.0f || shape <= SHAPE_NONE || shape >= SHAPE_COUNT)
        return;
    Place pl = {v2((float)r.x + ((float)r.w - size) * 0.5f,
                   (float)r.y + ((float)r.h - size) * 0.5f),
                size, turned};
    float width = stroke_px > 0 ? (float)stroke_px : size * 0.13f;
    width = clampf(width, fminf(1.5f, size * 0.3f), size * 0.3f);
    switch (shape) {
    case SHAPE_CIRCLE:
        geometry_disc(g, place(&pl, v2(0.5f, 0.5f)), size * 0.4f, c);
        return;
    case SHAPE_SQUARE:
        fill_unit_round_rect(g, &pl, 0.15f, 0.15f, 0.7f, 0.7f, 0.14f, c);
        return;
    case SHAPE_BARS:
        fill_unit_round_rect(g, &pl, 0.2f, 0.13f, 0.21f, 0.74f, 0.07f, c);
        fill_unit_round_rect(g, &pl, 0.59f, 0.13f, 0.21f, 0.74f, 0.07f, c);
        return;
    default:
        break;
    }
    const Line *line = &g->line[shape];
    if (line->count > 0) {
        Vec2 *pts = scratch_reserve(g, line->count);
        if (!pts)
            return;
        for (int i = 0; i < line->count; i++)
            pts[i] = place(&pl, line->point[i]);
        stroke(g, pts, line->count, width * 0.5f, c);
        if (shape == SHAPE_QUESTION)
            geometry_disc(g, place(&pl, v2(0.5f, 0.86f)), fmaxf(width * 0.62f, 1.0f), c);
        return;
    }
    fill_outline(g, &g->fill[shape], &pl, c);
}

static void path_add(Path *path, Vec2 p)
{
    if (path->failed)
        return;
    Vec2 *point = grow(path->point, &path->capacity, path->count + 1, sizeof *point);
    if (!point) {
        path->failed = 1;
        return;
    }
    path->point = point;
    path->point[path->count++] = p;
}

static Vec2 unit_dir(float turns)
{
    return v2(sinf(GEOMETRY_TAU * turns), -cosf(GEOMETRY_TAU * turns));
}

/* Arc points on a circle from turn a to turn b (either direction), both ends included. */
static void path_arc(Path *path, Vec2 c, float radius, float a, float b, int segments,
                     int skip_first)
{
    for (int i = skip_first ? 1 : 0; i <= segments; i++)
        path_add(path, v2_mad(c, unit_dir(a + (b - a) * (float)i / (float)segments), radius));
}

/* Rounds every corner of a closed polygon with a quadratic curve of about
 * radius; nearly straight vertices (curve samples) are kept as they are. */
static void path_round(const Path *in, float radius, Path *out)
{
    int n = in->count;
    for (int i = 0; i < n; i++) {
        Vec2 v = in->point[i];
        Vec2 prev = in->point[(i + n - 1) % n], next = in->point[(i + 1) % n];
        Vec2 a = v2_sub(prev, v), b = v2_sub(next, v);
        float la = v2_len(a), lb = v2_len(b);
        if (la < 1e-6f || lb < 1e-6f) {
            path_add(out, v);
            continue;
        }
        a = v2_scale(a, 1.0f / la);
        b = v2_scale(b, 1.0f / lb);
        float interior = acosf(clampf(v2_dot(a, b), -1.0f, 1.0f));
        float d = interior > 3.0f ? 0.0f : radius / tanf(interior * 0.5f);
        d = fminf(d, 0.45f * fminf(la, lb));
        if (d < 1e-4f) {
            path_add(out, v);
            continue;
        }
        Vec2 p0 = v2_mad(v, a, d), p2 = v2_mad(v, b, d);
        enum { ROUND_SEGMENTS = 8 };
        for (int j = 0; j <= ROUND_SEGMENTS; j++) {
            float t = (float)j / ROUND_SEGMENTS, u = 1.0f - t;
            Vec2 q = v2_add(v2_add(v2_scale(p0, u * u), v2_scale(v, 2.0f * u * t)),
                            v2_scale(p2, t * t));
            path_add(out, q);
        }
    }
}

static float path_area(const Vec2 *p, int n)
{
    float sum = 0.0f;
    for (int i = 0; i < n; i++) {
        Vec2 a = p[i], b = p[(i + 1) % n];
        sum += a.x * b.y - b.x * a.y;
    }
    return sum * 0.5f;
}

static void path_reverse(Vec2 *p, int n)
{
    for (int i = 0, j = n - 1; i < j; i++, j--) {
        Vec2 t = p[i];
        p[i] = p[j];
        p[j] = t;
    }
}

/* Edge function: > 0 when p is right of a→b on screen, i.e. inside a clockwise triangle. */
static float edge(Vec2 a, Vec2 b, Vec2 p)
{
    return (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x);
}

/* Ear clipping of one clockwise contour; fine for the few hundred points of a
 * pictogram, run once. Returns the number of indices written to tri. */
static int triangulate(const Vec2 *p, int n, int *tri_out, int *work)
{
    int m = n, t = 0, i = 0, misses = 0;
    for (int k = 0; k < n; k++)
        work[k] = k;
    while (m > 3) {
        int ia = work[(i + m - 1) % m], ib = work[i], ic = work[(i + 1) % m];
        Vec2 a = p[ia], b = p[ib], c = p[ic];
        float area = edge(a, b, c);
        int ear = 0, degenerate = fabsf(area) < 1e-10f;
        if (degenerate) {
            ear = 1;
        } else if (area > 0.0f) {
            ear = 1;
            for (int k = 0; k < m && ear; k++) {
                Vec2 q = p[work[k]];
                if (work[k] == ia || work[k] == ib || work[k] == ic)
                    continue;
                if ((q.x == a.x && q.y == a.y) || (q.x == b.x && q.y == b.y) ||
                    (q.x == c.x && q.y == c.y))
                    continue;
                if (edge(a, b, q) >= 0.0f && edge(b, c, q) >= 0.0f && edge(c, a, q) >= 0.0f)
                    ear = 0;
            }
        }
        /* A full lap without an ear means a broken outline: clip anyway rather than loop. */
        if (ear || misses > m) {
            if (!degenerate) {
                tri_out[t++] = ia;
                tri_out[t++] = ib;
                tri_out[t++] = ic;
            }
            memmove(&work[i], &work[i + 1], (size_t)(m - i - 1) * sizeof *work);
            m--;
            if (i >= m)
                i = 0;
            misses = 0;
        } else {
            i = (i + 1) % m;
            misses++;
        }
    }
    tri_out[t++] = work[0];
    tri_out[t++] = work[1];
    tri_out[t++] = work[2];
    return t;
}

/* Miters for one contour [start, end): outward normals of a clockwise contour,
 * flipped for a hole so they always point away from the filled area. */
static void outline_miters(Outline *o, int start, int end, int hole)
{
    int n = end - start;
    for (int i = 0; i < n; i++) {
        Vec2 prev = o->point[start + (i + n - 1) % n], v = o->point[start + i],
             next = o->point[start + (i + 1) % n];
        Vec2 d0 = v2_norm(v2_sub(v, prev)), d1 = v2_norm(v2_sub(next, v));
        Vec2 n0 = v2(d0.y, -d0.x), n1 = v2(d1.y, -d1.x);
        if (hole) {
            n0 = v2_scale(n0, -1.0f);
            n1 = v2_scale(n1, -1.0f);
        }
        Vec2 mid = v2_add(n0, n1);
        float len = v2_len(mid);
        Vec2 m = len < 1e-4f ? n1 : v2_scale(mid, 1.0f / len);
        /* Long spikes at sharp tips are capped; the tips are rounded anyway. */
        float k = fmaxf(v2_dot(m, n0), 0.3f);
        o->miter[start + i] = v2_scale(m, 1.0f / k);
    }
}

/* Turns an outline (and a hole with one point per outline point, matched by
 * angle) into an Outline. Takes the paths' points. */
static int outline_make(Outline *o, Path *outer, Path *hole)
{
    if (outer->failed || outer->count < 3 ||
        (hole && (hole->failed || hole->count != outer->count)))
        return -1;
    int n = outer->count, total = hole ? 2 * n : n;
    if (path_area(outer->point, n) < 0.0f) {
        path_reverse(outer->point, n);
        if (hole)
            path_reverse(hole->point, n);
    }
    o->point = malloc((size_t)total * sizeof *o->point);
    o->miter = malloc((size_t)total * sizeof *o->miter);
    o->tri = malloc((size_t)(hole ? 6 * n : 3 * n) * sizeof *o->tri);
    int *work = malloc((size_t)n * sizeof *work);
    if (!o->point || !o->miter || !o->tri || !work) {
        free(work);
        return -1;
    }
    memcpy(o->point, outer->point, (size_t)n * sizeof *o->point);
    o->count = total;
    o->contours = 1;
    o->contour_end[0] = n;
    if (hole) {
        memcpy(o->point + n, hole->point, (size_t)n * sizeof *o->point);
        o->contours = 2;
        o->contour_end[1] = 2 * n;
        int t = 0;
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            o->tri[t++] = i;
            o->tri[t++] = j;
            o->tri[t++] = n + j;
            o->tri[t++] = i;
            o->tri[t++] = n + j;
            o->tri[t++] = n + i;
        }
        o->tri_count = t;
        outline_miters(o, n, 2 * n, 1);
    } else {
        o->tri_count = triangulate(o->point, n, o->tri, work);
    }
    outline_miters(o, 0, n, 0);
    free(work);
    return 0;
}

static void outline_free(Outline *o)
{
    free(o->point);
    free(o->miter);
    free(o->tri);
    memset(o, 0, sizeof *o);
}

/* Rounds the corners of a polygon given as coordinate pairs and makes it an Outline. */
static int outline_polygon(Outline *o, const float *xy, int n, float radius)
{
    Path sharp = {0}, round = {0};
    for (int i = 0; i < n; i++)
        path_add(&sharp, v2(xy[2 * i], xy[2 * i + 1]));
    path_round(&sharp, radius, &round);
    int result = sharp.failed ? -1 : outline_make(o, &round, NULL);
    free(sharp.point);
    free(round.point);
    return result;
}

static int build_heart(Outline *o)
{
    /* A lobe, the tangent from the tip to it, and the same mirrored. */
    const float r = 0.215f;
    Vec2 lobe = {0.295f, 0.355f}, tip = {0.5f, 0.88f};
    float half_gap = 0.5f - lobe.x;
    Vec2 notch = {0.5f, lobe.y - sqrtf(r * r - half_gap * half_gap)};
    Vec2 to_tip = v2_sub(tip, lobe);
    /* Screen angles in radians (y down): from the outer tangent point over the top. */
    float from = atan2f(to_tip.y, to_tip.x) + acosf(r / v2_len(to_tip));
    float to = atan2f(notch.y - lobe.y, notch.x - lobe.x) + GEOMETRY_TAU;
    enum { LOBE_SEGMENTS = 40 };
    Path half = {0}, sharp = {0}, round = {0};
    path_add(&half, tip);
    for (int i = 0; i <= LOBE_SEGMENTS; i++) {
        float a = from + (to - from) * (float)i / LOBE_SEGMENTS;
        path_add(&half, v2(lobe.x + r * cosf(a), lobe.y + r * sinf(a)));
    }
    for (int i = 0; i < half.count; i++)
        path_add(&sharp, half.point[i]);
    for (int i = half.count - 2; i >= 1; i--)
        path_add(&sharp, v2(1.0f - half.point[i].x, half.point[i].y));
    path_round(&sharp, 0.05f, &round);
    int result = half.failed || sharp.failed ? -1 : outline_make(o, &round, NULL);
    free(half.point);
    free(sharp.point);
    free(round.point);
    return result;
}

static float wrap_angle(float a)
{
    while (a > GEOMETRY_TAU * 0.5f)
        a -= GEOMETRY_TAU;
    while (a <= -GEOMETRY_TAU * 0.5f)
        a += GEOMETRY_TAU;
    return a;
}

static int build_moon(Outline *o)
{
    /* A disc with a smaller one cut out of its upper right. */
    Vec2 c1 = {0.48f, 0.52f}, c2 = {0.68f, 0.36f};
    const float r1 = 0.41f, r2 = 0.34f;
    Vec2 d = v2_sub(c2, c1);
    float dist = v2_len(d);
    float along = (r1 * r1 - r2 * r2 + dist * dist) / (2.0f * dist);
    float h = sqrtf(r1 * r1 - along * along);
    Vec2 base = v2_mad(c1, d, along / dist), perp = v2(-d.y / dist, d.x / dist);
    Vec2 p = v2_mad(base, perp, h), q = v2_mad(base, perp, -h);
    float lit = atan2f(c1.y - c2.y, c1.x - c2.x); /* the middle of the lit side */
    float ap = wrap_angle(atan2f(p.y - c1.y, p.x - c1.x) - lit);
    float aq = wrap_angle(atan2f(q.y - c1.y, q.x - c1.x) - lit);
    Vec2 s = ap < aq ? p : q, e = ap < aq ? q : p;
    float outer_from = fminf(ap, aq), outer_to = fmaxf(ap, aq);
    float inner_from = wrap_angle(atan2f(e.y - c2.y, e.x - c2.x) - lit);
    float inner_to = wrap_angle(atan2f(s.y - c2.y, s.x - c2.x) - lit);
    enum { OUTER_SEGMENTS = 56, INNER_SEGMENTS = 40 };
    Path sharp = {0}, round = {0};
    for (int i = 0; i <= OUTER_SEGMENTS; i++) {
        float a = lit + outer_from + (outer_to - outer_from) * (float)i / OUTER_SEGMENTS;
        path_add(&sharp, v2(c1.x + r1 * cosf(a), c1.y + r1 * sinf(a)));
    }
    for (int i = 1; i < INNER_SEGMENTS; i++) {
        float a = lit + inner_from + (inner_to - inner_from) * (float)i / INNER_SEGMENTS;
        path_add(&sharp, v2(c2.x + r2 * cosf(a), c2.y + r2 * sinf(a)));
    }
    path_round(&sharp, 0.04f, &round);
    int result = sharp.failed ? -1 : outline_make(o, &round, NULL);
    free(sharp.point);
    free(round.point);
    return result;
}

static int build_gear(Outline *o)
{
    enum { TEETH = 8, TIP_SEGMENTS = 4, ROOT_SEGMENTS = 5 };
    const float root = 0.355f, tip = 0.47f, hole = 0.15f;
    const float period = 1.0f / TEETH, root_half = 0.27f * period, tip_half = 0.17f * period;
    Vec2 c = {0.5f, 0.5f};
    Path sharp = {0}, round = {0}, inner = {0};
    for (int j = 0; j < TEETH; j++) {
        float mid = (float)j * period;
        path_add(&sharp, v2_mad(c, unit_dir(mid - root_half), root));
        path_arc(&sharp, c, tip, mid - tip_half, mid + tip_half, TIP_SEGMENTS, 0);
        path_add(&sharp, v2_mad(c, unit_dir(mid + root_half), root));
        float gap = period - 2.0f * root_half;
        for (int i = 1; i < ROOT_SEGMENTS; i++)
            path_add(&sharp,
                     v2_mad(c, unit_dir(mid + root_half + gap * (float)i / ROOT_SEGMENTS), root));
    }
    path_round(&sharp, 0.025f, &round);
    /* The hole: one point per outline point, at the same angle, so the ring
     * between them is a strip of quads. */
    for (int i = 0; i < round.count; i++)
        path_add(&inner, v2_mad(c, v2_norm(v2_sub(round.point[i], c)), hole));
    int result = sharp.failed ? -1 : outline_make(o, &round, &inner);
    free(sharp.point);
    free(round.point);
    free(inner.point);
    return result;
}

static int line_make(Line *line, Path *path)
{
    if (path->failed) {
        free(path->point);
        return -1;
    }
    line->point = path->point;
    line->count = path->count;
    return 0;
}

static int line_polyline(Line *line, const float *xy, int n)
{
    Path path = {0};
    for (int i = 0; i < n; i++)
        path_add(&path, v2(xy[2 * i], xy[2 * i + 1]));
    return line_make(line, &path);
}

static int build_wave(Line *line)
{
    enum { WAVE_SEGMENTS = 64 };
    Path path = {0};
    for (int i = 0; i <= WAVE_SEGMENTS; i++) {
        float u = (float)i / WAVE_SEGMENTS;
        path_add(&path, v2(0.12f + 0.76f * u, 0.5f - 0.16f * sinf(2.0f * GEOMETRY_TAU * u)));
    }
    return line_make(line, &path);
}

static int build_question(Line *line)
{
    /* The hook from a little above nine o'clock round to five, then the stem;
     * the dot is drawn as a disc beside it. */
    Path path = {0};
    path_arc(&path, v2(0.5f, 0.335f), 0.185f, -0.21f, 0.40f, 32, 0);
    path_add(&path, v2(0.5f, 0.585f));
    path_add(&path, v2(0.5f, 0.66f));
    return line_make(line, &path);
}

static int build_shapes(Geometry *g)
{
    static const float bolt[] = {0.65f, 0.03f, 0.17f, 0.58f, 0.45f, 0.58f,
                                 0.35f, 0.97f, 0.83f, 0.40f, 0.55f, 0.40f};
    static const float triangle[] = {0.5f, 0.1f, 0.94f, 0.86f, 0.06f, 0.86f};
    static const float diamond[] = {0.5f, 0.05f, 0.92f, 0.5f, 0.5f, 0.95f, 0.08f, 0.5f};
    static const float house[] = {0.5f,  0.08f, 0.93f, 0.48f, 0.81f, 0.48f, 0.81f, 0.90f,
                                  0.60f, 0.90f, 0.60f, 0.64f, 0.40f, 0.64f, 0.40f, 0.90f,
                                  0.19f, 0.90f, 0.19f, 0.48f, 0.07f, 0.48f};
    static const float up[] = {0.2f, 0.66f, 0.5f, 0.36f, 0.8f, 0.66f};
    static const float down[] = {0.2f, 0.34f, 0.5f, 0.64f, 0.8f, 0.34f};
    static const float left[] = {0.64f, 0.2f, 0.34f, 0.5f, 0.64f, 0.8f};
    static const float right[] = {0.36f, 0.2f, 0.66f, 0.5f, 0.36f, 0.8f};
    static const float check[] = {0.2f, 0.53f, 0.41f, 0.74f, 0.82f, 0.31f};
    float star[20];
    for (int k = 0; k < 10; k++) {
        Vec2 d = unit_dir((float)k / 10.0f);
        float radius = k % 2 ? 0.48f * 0.46f : 0.48f;
        star[2 * k] = 0.5f + d.x * radius;
        star[2 * k + 1] = 0.53f + d.y * radius;
    }
    Outline *f = g->fill;
    Line *l = g->line;
    if (outline_polygon(&f[SHAPE_BOLT], bolt, 6, 0.03f) != 0 ||
        outline_polygon(&f[SHAPE_TRIANGLE], triangle, 3, 0.08f) != 0 ||
        outline_polygon(&f[SHAPE_DIAMOND], diamond, 4, 0.07f) != 0 ||
        outline_polygon(&f[SHAPE_HOUSE], house, 11, 0.035f) != 0 ||
        outline_polygon(&f[SHAPE_STAR], star, 10, 0.04f) != 0 ||
        build_heart(&f[SHAPE_HEART]) != 0 || build_moon(&f[SHAPE_MOON]) != 0 ||
        build_gear(&f[SHAPE_GEAR]) != 0 || build_wave(&l[SHAPE_WAVE]) != 0 ||
        build_question(&l[SHAPE_QUESTION]) != 0 || line_polyline(&l[SHAPE_ARROW_UP], up, 3) != 0 ||
        line_polyline(&l[SHAPE_ARROW_DOWN], down, 3) != 0 ||
        line_polyline(&l[SHAPE_ARROW_LEFT], left, 3) != 0 ||
        line_polyline(&l[SHAPE_ARROW_RIGHT], right, 3) != 0 ||
        line_polyline(&l[SHAPE_CHECK], check, 3) != 0)
        return -1;
    return 0;
}

Geometry *geometry_create(void)
{
    Geometry *g = calloc(1, sizeof *g);
    if (!g)
        return NULL;
    for (int k = 0; k < TURN_STEPS; k++)
        g->dir[k] = unit_dir((float)k / TURN_STEPS);
    /* Exact quarter turns, so joined ends and straight edges meet bit for bit. */
    g->dir[0] = v2(0.0f, -1.0f);
    g->dir[QUARTER_STEPS] = v2(1.0f, 0.0f);
    g->dir[HALF_STEPS] = v2(0.0f, 1.0f);
    g->dir[3 * QUARTER_STEPS] = v2(-1.0f, 0.0f);
    if (build_shapes(g) != 0)
        goto fail;
    /* Room for a typical frame up front, so drawing seldom has to grow it. */
    if (reserve(g, 8192, 24576) != 0)
        goto fail;
    return g;
fail:
    geometry_destroy(g);
    return NULL;
}

void geometry_destroy(Geometry *g)
{
    if (!g)
        return;
    for (int i = 0; i < SHAPE_COUNT; i++) {
        outline_free(&g->fill[i]);
        free(g->line[i].point);
    }
    free(g->mesh.vert);
    free(g->mesh.blend);
    free(g->mesh.solid);
    free(g->scratch);
    free(g->column);
    free(g);
}

Mesh *geometry_mesh(Geometry *g)
{
    return &g->mesh;
}

void geometry_clear(Geometry *g)
{
    g->mesh.vert_count = 0;
    g->mesh.blend_count = 0;
    g->mesh.solid_count = 0;
    g->mesh.failed = 0;
}

void geometry_split_cores(Geometry *g, int split)
{
    g->split = split;
}

void geometry_snap(Geometry *g)
{
    for (int i = 0; i < g->mesh.vert_count; i++) {
        g->mesh.vert[i].position.x = floorf(g->mesh.vert[i].position.x);
        g->mesh.vert[i].position.y = floorf(g->mesh.vert[i].position.y);
    }
}

float geometry_arc_segment_turns(const DrawCmd *cmd)
{
    float radius = fminf((float)cmd->rect.w, (float)cmd->rect.h) * 0.5f;
    return 0.25f / (float)quarter_segments(radius + GEOMETRY_FEATHER);
}

float geometry_arc_thickness(const DrawCmd *cmd)
{
    Rect r = cmd->rect;
    return cmd->thickness > 0 ? (float)cmd->thickness
                              : fmaxf(2.0f, (float)(r.w < r.h ? r.w : r.h) * 0.04f);
}

void geometry_command(Geometry *g, const DrawCmd *cmd)
{
    Rect r = cmd->rect;
    switch (cmd->kind) {
    case DRAW_RECT:
        if (cmd->radius <= 0)
            sharp_rect(g, (float)r.x, (float)r.y, (float)r.w, (float)r.h, cmd->color);
        else
            geometry_round_rect(g, (float)r.x, (float)r.y, (float)r.w, (float)r.h,
                                (float)cmd->radius, cmd->color);
        break;
    case DRAW_FRAME:
        geometry_frame(g, r, (float)cmd->radius, (float)cmd->thickness, cmd->color);
        break;
    case DRAW_CIRCLE: {
        float radius = (float)(r.w < r.h ? r.w : r.h) * 0.5f;
        round_rect_over(g, (float)r.x + (float)r.w * 0.5f - radius,
                        (float)r.y + (float)r.h * 0.5f - radius, 2.0f * radius, 2.0f * radius,
                        radius, cmd->color, cmd->under);
        break;
    }
    case DRAW_ARC: {
        float turn = cmd->turned ? 0.5f : 0.0f;
        arc_to(g, r, geometry_arc_thickness(cmd), cmd->a0 + turn, cmd->a1 + turn, cmd->color,
               cmd->under, cmd->under_in);
        break;
    }
    case DRAW_SHAPE:
        geometry_shape(g, r, cmd->shape, cmd->thickness, cmd->turned, cmd->color);
        break;
    case DRAW_TEXT:
    case DRAW_CLIP:
        break;
    }
}
