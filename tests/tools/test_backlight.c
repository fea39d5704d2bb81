/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The backlight: found where writable, turned down for the dim screen, restored. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../src/platform/backlight.h"

static void put(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static int level(const char *path)
{
    int v = -1;
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    assert_int_equal(fscanf(f, "%d", &v), 1);
    fclose(f);
    return v;
}

static void dims_and_restores(void **state)
{
    (void)state;
    char root[] = "/tmp/lull-backlight-XXXXXX";
    assert_non_null(mkdtemp(root));
    char dir[256], max[300], now[300];
    snprintf(dir, sizeof dir, "%s/panel", root);
    mkdir(dir, 0700);
    snprintf(max, sizeof max, "%s/max_brightness", dir);
    snprintf(now, sizeof now, "%s/brightness", dir);
    put(max, "255\n");
    put(now, "200\n");

    Backlight b;
    backlight_open(&b, root);
    assert_string_equal(b.path, now);
    assert_int_equal(b.max, 255);
    backlight_level(&b, BACKLIGHT_DIM_PERCENT);
    assert_int_equal(level(now), 20);
    put(now, "7\n");
    backlight_level(&b, BACKLIGHT_DIM_PERCENT); /* no repeated writes while it stays dim */
    assert_int_equal(level(now), 7);
    backlight_level(&b, 100);
    assert_int_equal(level(now), 200);
    backlight_level(&b, 40); /* the night light */
    assert_int_equal(level(now), 80);
    backlight_level(&b, 0); /* never dark: at least the lowest level */
    assert_int_equal(level(now), 2);
    backlight_close(&b);
    assert_int_equal(level(now), 200);

    unlink(now);
    unlink(max);
    rmdir(dir);
    rmdir(root);
}

static void none_is_harmless(void **state)
{
    (void)state;
    Backlight b;
    backlight_open(&b, "/nonexistent/backlight");
    assert_string_equal(b.path, "");
    backlight_level(&b, 40);
    backlight_close(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(dims_and_restores),
        cmocka_unit_test(none_is_harmless),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
