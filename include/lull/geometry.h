/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Geometry: the draw commands' shapes as coloured triangles. Rounded rects,
 * frames, discs, ring arcs and the pictograms, every edge feathered from full
 * to no coverage over 1 px. Plain C: no SDL, no I/O; the platform hands the
 * mesh to its renderer. */
#ifndef LULL_GEOMETRY_H
#define LULL_GEOMETRY_H

#include "lull/draw.h"

/* Half the edge ramp, px: coverage is full GEOMETRY_FEATHER inside an edge
 * and none GEOMETRY_FEATHER outside it. */
#define GEOMETRY_FEATHER 0.5f

typedef struct {
    float x, y;
} Vec2;

/* A corner of a triangle, px. color.a is the command's alpha times the
 * coverage there (its own alpha or 0); tex_coord is always 0. Laid out as
 * SDL_Vertex is, so the platform can pass the mesh as it stands. */
typedef struct {
    Vec2 position;
    Color color;
    Vec2 tex_coord;
} Vertex;

/* What was built since geometry_clear: triangles as three indices into vert.
 * blend: triangles to draw blended, in order. solid: while cores are split
 * (geometry_split_cores), the triangles that are fully inside a shape, one
 * opaque colour, which can be drawn unblended first. */
typedef struct {
    Vertex *vert;
    int vert_count;
    int *blend;
    int blend_count;
    int *solid;
    int solid_count;
    int failed; /* 1: out of memory since geometry_clear; a shape was left out */
} Mesh;

typedef struct Geometry Geometry;

/* The unit circle table, the pictograms and room for a typical frame; NULL
 * when out of memory. */
Geometry *geometry_create(void);
/* NULL is fine. */
void geometry_destroy(Geometry *geometry);

/* The mesh built so far; owned by geometry, valid until the next call. */
Mesh *geometry_mesh(Geometry *geometry);
/* Empties the mesh (its memory is kept, so steady frames never allocate). */
void geometry_clear(Geometry *geometry);
/* 1: what follows puts its full-coverage triangles in mesh.solid, not blend
 * (only right for an opaque colour). 0 at creation. */
void geometry_split_cores(Geometry *geometry, int split);
/* Rounds every vertex of the mesh down to whole px (floor, also below 0). */
void geometry_snap(Geometry *geometry);

/* Appends a DRAW_RECT, DRAW_FRAME, DRAW_CIRCLE, DRAW_ARC or DRAW_SHAPE, as the
 * platform draws it (an arc turned by cmd->turned); other kinds add nothing. */
void geometry_command(Geometry *geometry, const DrawCmd *cmd);

/* A filled rounded rect, px; radius is clamped to [0.5, half the short side]
 * (half the short side: a pill or a disc). */
void geometry_round_rect(Geometry *geometry, float x, float y, float w, float h, float radius,
                         Color color);
/* A rounded outline thickness px wide (at least 1), its outer edge on rect. */
void geometry_frame(Geometry *geometry, Rect rect, float radius, float thickness, Color color);
/* A filled disc of radius px about centre. */
void geometry_disc(Geometry *geometry, Vec2 centre, float radius, Color color);
/* A ring inside rect, thickness px wide inward from its edge, from a0 to a1
 * turns (0 = up, clockwise; either order), with round caps unless whole. */
void geometry_arc(Geometry *geometry, Rect rect, float thickness, float a0, float a1, Color color);
/* A pictogram in the square centred in rect; stroke px (0: a width for the
 * size); turned: 180° about the centre. SHAPE_NONE adds nothing. */
void geometry_shape(Geometry *geometry, Rect rect, Shape shape, int stroke, int turned,
                    Color color);

/* The width, px, a DRAW_ARC is drawn with: its thickness, or for 0 one for its size. */
float geometry_arc_thickness(const DrawCmd *cmd);
/* The turns one segment of a DRAW_ARC's ring spans: an end moving inside a
 * segment reshapes that whole segment (its chord turns about the table point). */
float geometry_arc_segment_turns(const DrawCmd *cmd);

#endif
