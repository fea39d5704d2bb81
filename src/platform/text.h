/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Fonts and text: finds a system font, opens it per pixel size on demand, and
 * measures and draws UTF-8 strings through a cache of white textures tinted per
 * draw. Platform only (SDL2 + SDL_ttf); the core sees text_measure as a UiMeasureFn. */
#ifndef LULL_PLATFORM_TEXT_H
#define LULL_PLATFORM_TEXT_H

#include <stddef.h>

#include <SDL.h>

#include "lull/draw.h"

typedef struct TextCache TextCache;

typedef enum { TEXT_REGULAR, TEXT_BOLD, TEXT_FACE_COUNT } TextFace;

/* Opens the text system for this renderer (calls TTF_Init itself; text_close
 * calls TTF_Quit). font_path NULL: DejaVu Sans, else Noto Sans, Liberation Sans,
 * FreeSans; the bold face is found beside it or synthesised. Returns NULL with
 * a message in err (e.g. which package to install) on failure. */
TextCache *text_open(SDL_Renderer *sdl, const char *font_path, char *err, size_t err_size);
/* Frees every texture and font; call it before SDL_DestroyRenderer, which owns
 * the textures. NULL is fine. */
void text_close(TextCache *cache);

/* Width in px of utf8 at size_px in the regular face; a UiMeasureFn (cache is a
 * TextCache *). Cached; 0 for NULL or empty text. */
int text_measure(void *cache, const char *utf8, int size_px);
int text_measure_face(TextCache *cache, TextFace face, const char *utf8, int size_px);

/* Draws one line of utf8 vertically centred in r and aligned horizontally,
 * tinted c; text wider than r is drawn as is (the core fits it). turned: the
 * whole thing rotated 180° about r's centre. Glyphs the font lacks (emoji, most
 * symbols) come from Symbola when it is installed; without it they show as boxes. */
void text_draw(TextCache *cache, const char *utf8, Rect r, int size_px, Color c, Align align,
               int turned);
void text_draw_face(TextCache *cache, TextFace face, const char *utf8, Rect r, int size_px, Color c,
                    Align align, int turned);

/* The rectangle text_draw_face fills for the same arguments, without drawing
 * (the string is rendered into the cache if it is not there yet); empty when
 * there is nothing to draw. */
Rect text_bounds(TextCache *cache, TextFace face, const char *utf8, Rect r, int size_px,
                 Align align, int turned);

/* Marks the start of a frame (the renderer calls it): strings used in this frame
 * are evicted only after every older one. */
void text_frame(TextCache *cache);

#endif
