/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "png.h"

#include "paths.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* libpng's header, found through pkg-config's include path. This directory must
 * not be on the <> include path, or <png.h> would name our own png.h. */
#include <png.h>
#ifndef PNG_LIBPNG_VER_STRING
#error "<png.h> is not libpng's: keep src/platform off the include path (use -iquote)"
#endif

int png_write_rgba(const char *path, const uint8_t *rgba, int w, int h, int stride, char *err,
                   size_t err_size)
{
    if (!path || !rgba || w <= 0 || h <= 0 || stride < 4 * w) {
        snprintf(err, err_size, "png: bad image (%dx%d, stride %d)", w, h, stride);
        return -1;
    }
    FILE *file = paths_create_private(path); /* a screenshot shows the couple's words */
    if (!file) {
        snprintf(err, err_size, "%s: %s", path, strerror(errno));
        return -1;
    }
    png_image image;
    memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    image.width = (png_uint_32)w;
    image.height = (png_uint_32)h;
    image.format = PNG_FORMAT_RGBA;
    /* For 8-bit channels the row stride in components equals the stride in bytes. */
    if (!png_image_write_to_stdio(&image, file, 0, rgba, stride, NULL)) {
        snprintf(err, err_size, "%s: %s", path, image.message);
        png_image_free(&image);
        fclose(file);
        remove(path);
        return -1;
    }
    png_image_free(&image);
    /* A full disk shows up when the buffered tail is written. */
    if (fclose(file) != 0) {
        snprintf(err, err_size, "%s: %s", path, strerror(errno));
        remove(path);
        return -1;
    }
    return 0;
}

int screenshot_save(SDL_Renderer *sdl, const char *path, char *err, size_t err_size)
{
    int w = 0, h = 0;
    SDL_Texture *target = SDL_GetRenderTarget(sdl);
    int status = target ? SDL_QueryTexture(target, NULL, NULL, &w, &h)
                        : SDL_GetRendererOutputSize(sdl, &w, &h);
    if (status != 0 || w <= 0 || h <= 0) {
        snprintf(err, err_size, "screenshot: no size: %s", SDL_GetError());
        return -1;
    }
    uint8_t *pixels = calloc((size_t)w * (size_t)h, 4);
    if (!pixels) {
        snprintf(err, err_size, "screenshot: out of memory");
        return -1;
    }
    /* RGBA32 is the byte order R, G, B, A on either endianness (ABGR8888 on
     * little endian). The rect is in output pixels, so logical scaling is moot. */
    SDL_Rect all = {0, 0, w, h};
    if (SDL_RenderReadPixels(sdl, &all, SDL_PIXELFORMAT_RGBA32, pixels, w * 4) != 0) {
        snprintf(err, err_size, "SDL_RenderReadPixels: %s", SDL_GetError());
        free(pixels);
        return -1;
    }
    /* The screen is opaque; a framebuffer without alpha may read back as 0. */
    for (size_t i = 3; i < (size_t)w * (size_t)h * 4; i += 4)
        pixels[i] = 255;
    int result = png_write_rgba(path, pixels, w, h, w * 4, err, err_size);
    free(pixels);
    return result;
}
