/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The immediate-mode UI: hit-testing and the touch rules. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "fakes.h"
#include "lull/ui.h"

typedef struct {
    Ui ui;
    DrawList draw;
    int64_t now;
    int fired_a, fired_b, fired_pause;
} Fixture;

static const UiStyle style = {
    {40, 40, 40, 255}, {240, 240, 240, 255}, {200, 150, 80, 255}, {90, 80, 90, 255}, 24, 8};

/* A screen: button A, button B beside it, a Pause that fires on press. */
static void pass(Fixture *f, UiInputKind kind, int x, int y)
{
    UiInput in = {kind, x, y};
    ui_begin(&f->ui, &f->draw, kind == UI_INPUT_NONE ? NULL : &in, f->now, color_rgb(0));
    f->fired_a += ui_button(&f->ui, "A", NULL, rect_make(0, 0, 100, 100), SHAPE_NONE, &style, 0);
    f->fired_b += ui_button(&f->ui, "B", NULL, rect_make(120, 0, 100, 100), SHAPE_NONE, &style,
                            UI_DEBOUNCE);
    f->fired_pause += ui_button(&f->ui, "Sam / Pause", "Pause", rect_make(0, 120, 100, 100),
                                SHAPE_BARS, &style, UI_FIRE_ON_PRESS);
    ui_end(&f->ui);
}

static int setup(void **state)
{
    static Fixture f;
    memset(&f, 0, sizeof f);
    ui_init(&f.ui, fake_measure, NULL);
    f.now = 1000;
    pass(&f, UI_INPUT_NONE, 0, 0);
    *state = &f;
    return 0;
}

static void release_inside_fires_once(void **state)
{
    Fixture *f = *state;
    pass(f, UI_INPUT_PRESS, 50, 50);
    assert_int_equal(f->fired_a, 0); /* not on touch-down */
    assert_true(ui_pressed(&f->ui, "A"));
    pass(f, UI_INPUT_RELEASE, 55, 52);
    assert_int_equal(f->fired_a, 1);
    pass(f, UI_INPUT_NONE, 0, 0);
    assert_int_equal(f->fired_a, 1);
    assert_int_equal(f->fired_b, 0);
}

static void sliding_off_cancels(void **state)
{
    Fixture *f = *state;
    pass(f, UI_INPUT_PRESS, 50, 50);
    pass(f, UI_INPUT_MOVE, 110, 50); /* off A, into the gap */
    assert_false(ui_pressed(&f->ui, "A"));
    pass(f, UI_INPUT_MOVE, 50, 50); /* back again: still cancelled */
    pass(f, UI_INPUT_RELEASE, 50, 50);
    assert_int_equal(f->fired_a, 0);
}

static void release_on_other_button_fires_neither(void **state)
{
    Fixture *f = *state;
    pass(f, UI_INPUT_PRESS, 50, 50);
    pass(f, UI_INPUT_RELEASE, 150, 50);
    assert_int_equal(f->fired_a, 0);
    assert_int_equal(f->fired_b, 0);
}

static void pause_fires_on_press(void **state)
{
    Fixture *f = *state;
    pass(f, UI_INPUT_PRESS, 50, 150);
    assert_int_equal(f->fired_pause, 1);
    pass(f, UI_INPUT_RELEASE, 50, 150);
    assert_int_equal(f->fired_pause, 1); /* and not again on release */
}

static void debounce_counts_a_double_tap_once(void **state)
{
    Fixture *f = *state;
    pass(f, UI_INPUT_PRESS, 150, 50);
    pass(f, UI_INPUT_RELEASE, 150, 50);
    f->now += 200;
    pass(f, UI_INPUT_PRESS, 150, 50);
    pass(f, UI_INPUT_RELEASE, 150, 50);
    assert_int_equal(f->fired_b, 1);
    f->now += 600;
    pass(f, UI_INPUT_PRESS, 150, 50);
    pass(f, UI_INPUT_RELEASE, 150, 50);
    assert_int_equal(f->fired_b, 2);
}

static void hit_test_takes_the_topmost(void **state)
{
    Fixture *f = *state;
    ui_begin(&f->ui, &f->draw, NULL, f->now, color_rgb(0));
    ui_area(&f->ui, "Anywhere", rect_make(0, 0, 400, 400), 0);
    ui_button(&f->ui, "End", NULL, rect_make(10, 10, 80, 80), SHAPE_NONE, &style, 0);
    ui_end(&f->ui);
    const UiTarget *t = ui_hit(&f->ui, 20, 20);
    assert_non_null(t);
    assert_string_equal(t->label, "End");
    t = ui_hit(&f->ui, 200, 200);
    assert_non_null(t);
    assert_string_equal(t->label, "Anywhere");
    assert_null(ui_hit(&f->ui, 500, 500));
}

static void find_exact_then_unique_substring(void **state)
{
    Fixture *f = *state;
    const UiTarget *t;
    ui_begin(&f->ui, &f->draw, NULL, f->now, color_rgb(0));
    ui_button(&f->ui, "Pause", NULL, rect_make(0, 0, 80, 80), SHAPE_NONE, &style, 0);
    ui_button(&f->ui, "Alex / Pause", NULL, rect_make(100, 0, 80, 80), SHAPE_NONE, &style, 0);
    ui_button(&f->ui, "Sam / Pause", NULL, rect_make(200, 0, 80, 80), SHAPE_NONE, &style, 0);
    ui_button(&f->ui, "Sam / Slower", NULL, rect_make(300, 0, 80, 80), SHAPE_NONE, &style, 0);
    ui_end(&f->ui);
    assert_int_equal(ui_find(&f->ui, "Pause", &t), 1);
    assert_string_equal(t->label, "Pause");
    assert_int_equal(ui_find(&f->ui, "slower", &t), 1);
    assert_string_equal(t->label, "Sam / Slower");
    assert_int_equal(ui_find(&f->ui, "sam /", &t), 2);
    assert_null(t);
    assert_int_equal(ui_find(&f->ui, "Breathe", &t), 0);
    assert_null(t);
}

static void turned_half_mirrors_rects(void **state)
{
    Fixture *f = *state;
    ui_begin(&f->ui, &f->draw, NULL, f->now, color_rgb(0));
    ui_turn_begin(&f->ui, rect_make(0, 0, 800, 200));
    ui_button(&f->ui, "Alex / Pause", NULL, rect_make(10, 20, 100, 50), SHAPE_BARS, &style, 0);
    ui_turn_end(&f->ui);
    ui_end(&f->ui);
    const UiTarget *t;
    assert_int_equal(ui_find(&f->ui, "Alex / Pause", &t), 1);
    assert_int_equal(t->rect.x, 800 - 110);
    assert_int_equal(t->rect.y, 200 - 70);
    int turned = 0;
    for (int i = 0; i < f->draw.count; i++)
        turned += f->draw.cmds[i].turned;
    assert_int_equal(turned, f->draw.count);
}

static void drag_scrolls_and_cancels_the_press(void **state)
{
    Fixture *f = *state;
    UiScroll sc = {rect_make(0, 0, 200, 200), 0, 1000};
    int fired = 0;
    for (int step = 0; step < 4; step++) {
        UiInput in = {UI_INPUT_NONE, 50, 50};
        if (step == 1)
            in.kind = UI_INPUT_PRESS, in.y = 150;
        if (step == 2)
            in.kind = UI_INPUT_MOVE, in.y = 60;
        if (step == 3)
            in.kind = UI_INPUT_RELEASE, in.y = 60;
        ui_begin(&f->ui, &f->draw, &in, f->now, color_rgb(0));
        ui_scroll_begin(&f->ui, &sc);
        for (int i = 0; i < 10; i++) {
            char label[16];
            snprintf(label, sizeof label, "Row %d", i);
            fired += ui_button(&f->ui, label, NULL, rect_make(0, i * 100, 200, 90), SHAPE_NONE,
                               &style, 0);
        }
        ui_scroll_end(&f->ui, &sc);
        ui_end(&f->ui);
    }
    assert_int_equal(fired, 0);
    assert_int_equal(sc.offset, 90);
    /* Rows scrolled out of the view are not touchable. */
    const UiTarget *t;
    ui_find(&f->ui, "Row 0", &t);
    assert_non_null(t);
    assert_int_equal(t->visible.h, 0);
    assert_ptr_equal(ui_target_scroll(&f->ui, t), &sc);
}

static void text_wrap_keeps_lines_within_width(void **state)
{
    Fixture *f = *state;
    ui_begin(&f->ui, &f->draw, NULL, f->now, color_rgb(0));
    int h = ui_text_wrap(&f->ui, "one two three four five six seven eight nine ten",
                         rect_make(0, 0, 150, 1000), 20, color_rgb(0xffffff), ALIGN_LEFT, 1);
    ui_end(&f->ui);
    assert_true(f->draw.count > 2);
    assert_int_equal(h, f->draw.count * 27);
    for (int i = 0; i < f->draw.count; i++)
        assert_true(fake_measure(NULL, draw_text(&f->draw, &f->draw.cmds[i]), 20) <= 150);
}

static void line_text(const char *text, UiLine l, char *out)
{
    memcpy(out, text + l.start, (size_t)l.len);
    out[l.len] = '\0';
}

/* One wrapping rule: what ui_text_wrap draws is what ui_wrap_lines returns, a
 * word too long for a line is cut between characters, and text being edited
 * keeps a word on its line only with the space after it. */
static void one_wrapping_rule(void **state)
{
    Fixture *f = *state;
    const char *text = "a wordthatisfartoolongforoneline here, \u00e9t\u00e9\nnext line";
    UiLine lines[16];
    int n = ui_wrap_lines(&f->ui, text, 150, 20, lines, 16);
    ui_begin(&f->ui, &f->draw, NULL, f->now, color_rgb(0));
    int h = ui_text_wrap(&f->ui, text, rect_make(0, 0, 150, 1000), 20, color_rgb(0), ALIGN_LEFT, 1);
    ui_end(&f->ui);
    assert_int_equal(f->draw.count, n);
    assert_int_equal(h, n * 27);
    char line[128];
    for (int i = 0; i < n; i++) {
        line_text(text, lines[i], line);
        assert_string_equal(draw_text(&f->draw, &f->draw.cmds[i]), line);
        assert_true(fake_measure(NULL, line, 20) <= 150);
    }
    line_text(text, lines[0], line);
    assert_string_equal(line, "a");
    line_text(text, lines[1], line);
    assert_string_equal(line, "wordthatisfar"); /* 13 characters: 143 px */
    line_text(text, lines[n - 1], line);
    assert_string_equal(line, "next line");

    /* 13 characters fit (143 px), 14 do not: the space after the word decides. */
    const char *typed = "ab cdefghijkl m";
    n = ui_wrap_lines(&f->ui, typed, 150, 20, lines, 16);
    assert_int_equal(n, 2);
    line_text(typed, lines[0], line);
    assert_string_equal(line, "ab cdefghijkl");
    n = ui_wrap_editing(&f->ui, typed, 150, 20, lines, 16);
    assert_int_equal(n, 2);
    line_text(typed, lines[0], line);
    assert_string_equal(line, "ab");
    line_text(typed, lines[1], line);
    assert_string_equal(line, "cdefghijkl m");
}

/* Widths in proportion to the size, rounded as a face's advances are; and the
 * sizes asked for, which the platform opens a face for (once each). */
static int sizes_asked[128];

static int counting_measure(void *ctx, const char *text, int size_px)
{
    (void)ctx;
    if (size_px >= 0 && size_px < 128)
        sizes_asked[size_px] = 1;
    return (int)strlen(text) * ((size_px * 11 + 10) / 20);
}

/* A line too wide for its box gets the largest size that fits, found from a
 * few sizes, not by measuring every one on the way down. */
static void text_fit_takes_the_largest_size_from_a_few(void **state)
{
    (void)state;
    Ui ui;
    static DrawList draw;
    ui_init(&ui, counting_measure, NULL);
    const char *text = "Breathing together";
    for (int w = 120; w <= 700; w += 7) {
        int want = 12;
        for (int s = 40; s > 12; s--)
            if (counting_measure(NULL, text, s) <= w) {
                want = s;
                break;
            }
        memset(sizes_asked, 0, sizeof sizes_asked);
        ui_begin(&ui, &draw, NULL, 0, color_rgb(0));
        int got = ui_text_fit(&ui, text, rect_make(0, 0, w, 60), 40, 12, color_rgb(255),
                              ALIGN_LEFT);
        ui_end(&ui);
        assert_int_equal(got, want);
        int asked = 0;
        for (int s = 0; s < 128; s++)
            asked += sizes_asked[s];
        if (asked > 4)
            fail_msg("%d px wide: %d sizes measured", w, asked);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(release_inside_fires_once, setup),
        cmocka_unit_test_setup(sliding_off_cancels, setup),
        cmocka_unit_test_setup(release_on_other_button_fires_neither, setup),
        cmocka_unit_test_setup(pause_fires_on_press, setup),
        cmocka_unit_test_setup(debounce_counts_a_double_tap_once, setup),
        cmocka_unit_test_setup(hit_test_takes_the_topmost, setup),
        cmocka_unit_test_setup(find_exact_then_unique_substring, setup),
        cmocka_unit_test_setup(turned_half_mirrors_rects, setup),
        cmocka_unit_test_setup(drag_scrolls_and_cancels_the_press, setup),
        cmocka_unit_test_setup(text_wrap_keeps_lines_within_width, setup),
        cmocka_unit_test_setup(one_wrapping_rule, setup),
        cmocka_unit_test(text_fit_takes_the_largest_size_from_a_few),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
