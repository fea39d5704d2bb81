/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Paints a DrawList with SDL2: anti-aliased geometry (rounded rects, frames,
 * circles, arcs, pictograms) through SDL_RenderGeometry, text through TextCache.
 * Owns its vertex buffers and unit geometry; knows nothing of screens or state. */
#ifndef LULL_PLATFORM_RENDER_H
#define LULL_PLATFORM_RENDER_H

#include <SDL.h>

#include "lull/draw.h"
#include "text.h"

typedef struct Renderer Renderer;

/* Builds the unit geometry once. text may be NULL (text commands are skipped);
 * neither sdl nor text is owned. Returns NULL when out of memory. */
Renderer *render_create(SDL_Renderer *sdl, TextCache *text);
/* NULL is fine. */
void render_destroy(Renderer *renderer);
/* A whole frame of the w × h target: cleared with list->clear, then drawn. On
 * SDL's software renderer, whose target keeps its pixels, only the box around
 * what differs from the frame drawn last is cleared and drawn again, with the
 * same pixels as a whole redraw. */
void render_frame(Renderer *renderer, const DrawList *list, int w, int h);
/* The target no longer holds the frame drawn last (a resize, a new target, a
 * rotation): the next render_frame draws everything. */
void render_invalidate(Renderer *renderer);

#endif
