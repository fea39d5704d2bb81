/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Text on a software renderer: emoji and symbols the sans face lacks are drawn
 * by the symbol face, each as itself, never as the same empty box. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include <SDL.h>

#include "../../src/platform/text.h"

enum { W = 96, H = 64, SIZE = 40 };

typedef struct {
    SDL_Surface *surface;
    SDL_Renderer *sdl;
    TextCache *text;
} Canvas;

static int setup(void **state)
{
    Canvas *c = calloc(1, sizeof *c);
    if (!c)
        return -1;
    c->surface = SDL_CreateRGBSurfaceWithFormat(0, W, H, 32, SDL_PIXELFORMAT_ARGB8888);
    c->sdl = c->surface ? SDL_CreateSoftwareRenderer(c->surface) : NULL;
    char err[256];
    c->text = c->sdl ? text_open(c->sdl, NULL, err, sizeof err) : NULL;
    *state = c;
    return c->text ? 0 : -1;
}

static int teardown(void **state)
{
    Canvas *c = *state;
    text_close(c->text);
    if (c->sdl)
        SDL_DestroyRenderer(c->sdl);
    SDL_FreeSurface(c->surface);
    free(c);
    return 0;
}

/* The canvas after drawing utf8 white on black. */
static void draw(Canvas *c, const char *utf8, uint32_t *pixels)
{
    SDL_SetRenderDrawColor(c->sdl, 0, 0, 0, 255);
    SDL_RenderClear(c->sdl);
    Rect r = {0, 0, W, H};
    Color white = {255, 255, 255, 255};
    text_draw(c->text, utf8, r, SIZE, white, ALIGN_CENTER, 0);
    SDL_RenderPresent(c->sdl);
    for (int y = 0; y < H; y++)
        memcpy(pixels + y * W, (const uint8_t *)c->surface->pixels + y * c->surface->pitch,
               W * sizeof *pixels);
}

static int lit(const uint32_t *pixels)
{
    int n = 0;
    for (int i = 0; i < W * H; i++)
        n += (pixels[i] & 0xFFu) > 128u;
    return n;
}

static int differing(const uint32_t *a, const uint32_t *b)
{
    int n = 0;
    for (int i = 0; i < W * H; i++)
        n += ((a[i] ^ b[i]) & 0xFFu) > 64u;
    return n;
}

/* Emoji the sans face lacks: with only the sans face each is its "missing
 * glyph" box, pixel for pixel the same; with the symbol face they differ. */
static void emoji_are_themselves(void **state)
{
    Canvas *c = *state;
    static uint32_t moon[W * H], blossom[W * H], heart[W * H];
    draw(c, "\xF0\x9F\x8C\x99", moon);              /* U+1F319 crescent moon */
    draw(c, "\xF0\x9F\x8C\xB8", blossom);           /* U+1F338 cherry blossom */
    draw(c, "\xF0\x9F\x92\x9B\xEF\xB8\x8F", heart); /* U+1F49B U+FE0F yellow heart */
    assert_true(lit(moon) > 40);
    assert_true(lit(blossom) > 40);
    assert_true(differing(moon, blossom) > 80);
    assert_true(lit(heart) > 40);
    assert_true(differing(heart, blossom) > 80);
    assert_true(differing(heart, moon) > 80);
}

/* A name with an emoji is as wide as its letters and the picture, and the
 * letters keep the sans face (the same pixels as without the emoji). */
static void names_keep_their_letters(void **state)
{
    Canvas *c = *state;
    int word = text_measure(c->text, "Alex", SIZE);
    int both = text_measure(c->text, "Alex \xF0\x9F\x8C\x99", SIZE);
    int moon = text_measure(c->text, "\xF0\x9F\x8C\x99", SIZE);
    assert_true(word > 0 && moon > 0);
    assert_true(both >= word + moon);
    assert_true(both <= word + moon + SIZE);
    /* The variation selector and a skin tone are silent: no box after the thumb. */
    int thumb = text_measure(c->text, "\xF0\x9F\x91\x8D", SIZE); /* U+1F44D */
    assert_true(thumb > 0);
    assert_int_equal(text_measure(c->text, "\xF0\x9F\x91\x8D\xEF\xB8\x8F", SIZE), thumb);
    assert_int_equal(text_measure(c->text, "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD", SIZE), thumb);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(emoji_are_themselves),
        cmocka_unit_test(names_keep_their_letters),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
