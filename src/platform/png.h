/* SPDX-License-Identifier: GPL-3.0-or-later */
/* PNG files for screenshots and reference-image tests: 8-bit RGBA in and out
 * through libpng, and a screenshot of the current SDL render target.
 * Platform only; nothing here knows about the UI. */
#ifndef LULL_PLATFORM_PNG_H
#define LULL_PLATFORM_PNG_H

#include <stddef.h>
#include <stdint.h>

#include <SDL.h>

/* Writes w×h RGBA pixels (stride bytes per row, >= 4·w) to path.
 * Returns 0, or -1 with a message in err. */
int png_write_rgba(const char *path, const uint8_t *rgba, int w, int h, int stride, char *err,
                   size_t err_size);
/* Saves the current render target (the window, or the target texture when one
 * is set) as an opaque RGBA PNG. Call after drawing and before presenting.
 * Returns 0, or -1 with a message in err. */
int screenshot_save(SDL_Renderer *sdl, const char *path, char *err, size_t err_size);

#endif
