/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "render.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "lull/damage.h"
#include "lull/geometry.h"

/* The mesh goes to SDL_RenderGeometry as it stands. */
_Static_assert(sizeof(Vertex) == sizeof(SDL_Vertex) &&
                   offsetof(Vertex, position) == offsetof(SDL_Vertex, position) &&
                   offsetof(Vertex, color) == offsetof(SDL_Vertex, color) &&
                   offsetof(Vertex, tex_coord) == offsetof(SDL_Vertex, tex_coord) &&
                   sizeof(Color) == sizeof(SDL_Color) && sizeof(Vec2) == sizeof(SDL_FPoint),
               "Vertex is laid out as SDL_Vertex");

struct Renderer {
    SDL_Renderer *sdl;
    TextCache *text;
    Geometry *geometry; /* this batch's triangles */
    int software;       /* SDL's software renderer: see flush and render_frame */
    DrawList *prev;     /* the list last drawn by render_frame, to redraw only what changed */
    int prev_valid, prev_w, prev_h;
    int warned;
};

static void render_warn(Renderer *re, const char *what, const char *why)
{
    if (re->warned)
        return;
    re->warned = 1;
    SDL_LogWarn(SDL_LOG_CATEGORY_RENDER, "render: %s: %s", what, why);
}

/* Keeps the triangles of idx (count indices) that can reach clip; returns how
 * many indices are left. SDL clips each triangle itself, but only after the
 * software renderer has set up a scratch surface for it: a ring redrawn for the
 * corner of it a changed place touches would pay for every segment. */
static int cull_outside(const Vertex *vert, int *idx, int count, const SDL_Rect *clip)
{
    float x0 = (float)clip->x, y0 = (float)clip->y;
    float x1 = x0 + (float)clip->w, y1 = y0 + (float)clip->h;
    int kept = 0;
    for (int t = 0; t + 2 < count; t += 3) {
        const Vec2 a = vert[idx[t]].position, b = vert[idx[t + 1]].position,
                   c = vert[idx[t + 2]].position;
        if ((a.x < x0 && b.x < x0 && c.x < x0) || (a.x > x1 && b.x > x1 && c.x > x1) ||
            (a.y < y0 && b.y < y0 && c.y < y0) || (a.y > y1 && b.y > y1 && c.y > y1))
            continue;
        idx[kept] = idx[t];
        idx[kept + 1] = idx[t + 1];
        idx[kept + 2] = idx[t + 2];
        kept += 3;
    }
    return kept;
}

static void flush(Renderer *re)
{
    Mesh *mesh = geometry_mesh(re->geometry);
    if (mesh->failed)
        render_warn(re, "geometry", "out of memory");
    if (re->software) {
        /* SDL 2.26's software renderer truncates vertices to whole pixels, and
         * redraws two triangles that form an axis-aligned one-colour rectangle
         * with SDL_RenderFillRect, whose own rounding can drop a row between
         * bands. Snapping here first makes both paths agree, and floor (unlike
         * truncation) treats negative coordinates the same way. */
        geometry_snap(re->geometry);
    }
    SDL_Rect clip;
    SDL_RenderGetClipRect(re->sdl, &clip);
    if (clip.w > 0 && clip.h > 0) {
        mesh->solid_count = cull_outside(mesh->vert, mesh->solid, mesh->solid_count, &clip);
        mesh->blend_count = cull_outside(mesh->vert, mesh->blend, mesh->blend_count, &clip);
    }
    const SDL_Vertex *vert = (const SDL_Vertex *)mesh->vert;
    if (mesh->solid_count > 0) {
        SDL_SetRenderDrawBlendMode(re->sdl, SDL_BLENDMODE_NONE);
        if (SDL_RenderGeometry(re->sdl, NULL, vert, mesh->vert_count, mesh->solid,
                               mesh->solid_count) != 0)
            render_warn(re, "SDL_RenderGeometry", SDL_GetError());
        SDL_SetRenderDrawBlendMode(re->sdl, SDL_BLENDMODE_BLEND);
    }
    if (mesh->blend_count > 0 && SDL_RenderGeometry(re->sdl, NULL, vert, mesh->vert_count,
                                                    mesh->blend, mesh->blend_count) != 0)
        render_warn(re, "SDL_RenderGeometry", SDL_GetError());
    geometry_clear(re->geometry);
}

/* Where a text command's texture lands, for the damage. */
static Rect text_box(void *ctx, const char *utf8, Rect r, int size_px, Align align, int turned)
{
    return text_bounds(ctx, TEXT_REGULAR, utf8, r, size_px, align, turned);
}

Renderer *render_create(SDL_Renderer *sdl, TextCache *text)
{
    Renderer *re = calloc(1, sizeof *re);
    if (!re)
        return NULL;
    re->sdl = sdl;
    re->text = text;
    SDL_RendererInfo info;
    if (SDL_GetRendererInfo(sdl, &info) == 0 && info.name && strcmp(info.name, "software") == 0)
        re->software = 1;
    re->geometry = geometry_create();
    if (!re->geometry) {
        render_destroy(re);
        return NULL;
    }
    return re;
}

void render_destroy(Renderer *re)
{
    if (!re)
        return;
    geometry_destroy(re->geometry);
    free(re->prev);
    free(re);
}

static void keep_drawn(Renderer *re, const DrawList *list, int w, int h)
{
    if (!re->prev) {
        re->prev = malloc(sizeof *re->prev);
        if (!re->prev)
            return; /* every frame is then drawn whole */
    }
    memcpy(re->prev->cmds, list->cmds, sizeof list->cmds[0] * (size_t)list->count);
    memcpy(re->prev->text, list->text, list->text_used);
    re->prev->count = list->count;
    re->prev->text_used = list->text_used;
    re->prev->clear = list->clear;
    re->prev_valid = 1;
    re->prev_w = w;
    re->prev_h = h;
}

/* Draws commands [first, end) in order; with dirty, only those that reach into
 * it, all clipped to it (the target already holds the previous frame elsewhere). */
static void draw_commands(Renderer *re, const DrawList *list, const Rect *dirty, int first, int end)
{
    text_frame(re->text);
    SDL_SetRenderDrawBlendMode(re->sdl, SDL_BLENDMODE_BLEND);
    for (int i = first; i < end; i++) {
        const DrawCmd *cmd = &list->cmds[i];
        Rect r = cmd->rect;
        if (cmd->kind != DRAW_CLIP && (cmd->color.a == 0 || r.w <= 0 || r.h <= 0))
            continue;
        if (dirty && cmd->kind == DRAW_CLIP) {
            flush(re);
            Rect clip = r.w == 0 ? *dirty : damage_clip(r, *dirty);
            SDL_Rect sc = {clip.x, clip.y, clip.w, clip.h};
            if (SDL_RenderSetClipRect(re->sdl, &sc) != 0)
                render_warn(re, "SDL_RenderSetClipRect", SDL_GetError());
            continue;
        }
        if (dirty && !rect_overlaps(damage_cmd_bounds(list, cmd, text_box, re->text), *dirty))
            continue;
        if (cmd->kind == DRAW_TEXT) {
            flush(re);
            text_draw(re->text, draw_text(list, cmd), r, cmd->size, cmd->color, cmd->align,
                      cmd->turned);
        } else if (cmd->kind == DRAW_CLIP) {
            flush(re);
            SDL_Rect clip = {r.x, r.y, r.w, r.h};
            if (SDL_RenderSetClipRect(re->sdl, r.w == 0 ? NULL : &clip) != 0)
                render_warn(re, "SDL_RenderSetClipRect", SDL_GetError());
        } else {
            geometry_split_cores(re->geometry, re->software && cmd->color.a == 255);
            geometry_command(re->geometry, cmd);
        }
        /* The software renderer blends each triangle through a scratch surface;
         * opaque cores skip that, but must then be drawn per command to keep order. */
        if (re->software)
            flush(re);
    }
    flush(re);
    SDL_RenderSetClipRect(re->sdl, NULL);
}

void render_invalidate(Renderer *re)
{
    if (re)
        re->prev_valid = 0;
}

void render_frame(Renderer *re, const DrawList *list, int w, int h)
{
    if (!re || !list)
        return;
    Damage damage;
    int added = list->count;
    SDL_SetRenderDrawColor(re->sdl, list->clear.r, list->clear.g, list->clear.b, 255);
    /* Only the software renderer's target keeps its pixels between presents. */
    if (!re->software || !re->prev || !re->prev_valid || re->prev_w != w || re->prev_h != h ||
        damage_between(re->prev, list, w, h, text_box, re->text, &damage, &added) != 0) {
        SDL_RenderClear(re->sdl);
        draw_commands(re, list, NULL, damage_first_visible(list, w, h), list->count);
        keep_drawn(re, list, w, h);
        return;
    }
    /* Each changed place cleared and drawn again from the commands that reach
     * it; then what was added, over everything. */
    for (int i = 0; i < damage.count; i++) {
        Rect d = damage.rect[i];
        SDL_Rect clip = {d.x, d.y, d.w, d.h};
        SDL_RenderSetClipRect(re->sdl, &clip);
        SDL_SetRenderDrawBlendMode(re->sdl, SDL_BLENDMODE_NONE);
        SDL_RenderFillRect(re->sdl, &clip);
        draw_commands(re, list, &d, 0, added);
    }
    if (added < list->count)
        draw_commands(re, list, NULL, added, list->count);
    keep_drawn(re, list, w, h);
}
