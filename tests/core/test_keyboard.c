/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The on-screen keyboard and the text it edits: multi-byte characters in and
 * out whole, the length limit in characters, invalid UTF-8 refused, and the
 * keys themselves (shift, caps, layers with accents, numbers and emoji). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fakes.h"
#include "lull/keyboard.h"

static void multibyte_in_and_out_whole(void **state)
{
    (void)state;
    Keyboard kb;
    keyboard_init(&kb, "", 100);
    /* 1, 2, 3 and 4 bytes: a, é, ♥, 😀 */
    assert_int_equal(keyboard_insert(&kb, "aé♥😀"), 4);
    assert_int_equal(strlen(kb.text), 1 + 2 + 3 + 4);
    assert_int_equal(utf8_length(kb.text), 4);
    keyboard_backspace(&kb);
    assert_string_equal(kb.text, "aé♥");
    keyboard_backspace(&kb);
    assert_string_equal(kb.text, "aé");
    keyboard_backspace(&kb);
    assert_string_equal(kb.text, "a");
    keyboard_backspace(&kb);
    assert_string_equal(kb.text, "");
    keyboard_backspace(&kb); /* nothing left: nothing happens */
    assert_string_equal(kb.text, "");
    /* Combining sequences go a code point at a time, never a byte. */
    keyboard_insert(&kb, "e\xCC\x81"); /* e + COMBINING ACUTE */
    keyboard_backspace(&kb);
    assert_string_equal(kb.text, "e");
}

static void limit_counts_characters(void **state)
{
    (void)state;
    Keyboard kb;
    keyboard_init(&kb, "", 5);
    assert_int_equal(keyboard_insert(&kb, "éééééé"), 5); /* 5 characters, 10 bytes */
    assert_int_equal(utf8_length(kb.text), 5);
    assert_int_equal(keyboard_insert(&kb, "a"), 0);
    keyboard_backspace(&kb);
    assert_int_equal(keyboard_insert(&kb, "😀😀"), 1);
    assert_string_equal(kb.text, "éééé😀");
    /* The byte buffer is a limit too: whole characters only, never cut. */
    Keyboard big;
    keyboard_init(&big, "", KEYBOARD_BYTES);
    for (int i = 0; i < KEYBOARD_BYTES; i++)
        keyboard_insert(&big, "😀");
    assert_true(strlen(big.text) < KEYBOARD_BYTES);
    assert_int_equal(strlen(big.text) % 4, 0);
    assert_int_equal(utf8_length(big.text) * 4, (int)strlen(big.text));
}

static void invalid_utf8_is_refused(void **state)
{
    (void)state;
    Keyboard kb;
    keyboard_init(&kb, "", 50);
    keyboard_insert(&kb, "a\xC3");        /* a cut-short é */
    keyboard_insert(&kb, "\xE2\x99");     /* a cut-short ♥ */
    keyboard_insert(&kb, "\xC0\xAF");     /* an overlong '/' */
    keyboard_insert(&kb, "\xED\xA0\x80"); /* a surrogate */
    keyboard_insert(&kb, "\x01\x7F");     /* control characters */
    keyboard_insert(&kb, "b");
    assert_string_equal(kb.text, "ab");
    char out[8];
    utf8_copy(out, sizeof out, "ab♥♥"); /* 8 bytes with the NUL needed: the second ♥ does not fit */
    assert_string_equal(out, "ab♥");
}

typedef struct {
    Ui ui;
    DrawList draw;
    Metrics m;
    Theme t;
    Keyboard kb;
    int64_t now;
} Board;

static void frame(Board *b, const UiInput *in)
{
    ui_begin(&b->ui, &b->draw, in, b->now, color_rgb(0));
    keyboard_ui(&b->kb, &b->ui, rect_make(0, 100, b->m.w, b->m.h - 100), &b->t, &b->m);
    ui_end(&b->ui);
}

static void press_key(Board *b, const char *label)
{
    const UiTarget *t;
    if (ui_find(&b->ui, label, &t) != 1 || !t || strcmp(t->label, label) != 0)
        fail_msg("no key \"%s\"", label);
    UiInput down = {UI_INPUT_PRESS, t->rect.x + t->rect.w / 2, t->rect.y + t->rect.h / 2};
    UiInput up = {UI_INPUT_RELEASE, down.x, down.y};
    frame(b, &down);
    b->now += 80;
    frame(b, &up);
    frame(b, NULL);
    b->now += 600;
}

static int key_exists(Board *b, const char *label)
{
    for (int i = 0; i < b->ui.last_target_count; i++)
        if (strcmp(b->ui.last_targets[i].label, label) == 0)
            return 1;
    return 0;
}

static Board *board(int w, int h)
{
    Board *b = calloc(1, sizeof *b);
    assert_non_null(b);
    ui_init(&b->ui, fake_measure, NULL);
    metrics_compute(&b->m, w, h, 133.0, 12.0, 4.0);
    b->ui.min_text_px = b->m.text_min;
    theme_make(&b->t, 0, 100);
    keyboard_init(&b->kb, "", 40);
    b->now = 1000;
    frame(b, NULL);
    return b;
}

static void keys_shift_caps_layers(void **state)
{
    (void)state;
    int sizes[][2] = {{800, 480}, {720, 1280}};
    for (int s = 0; s < 2; s++) {
        Board *b = board(sizes[s][0], sizes[s][1]);
        /* A capital to start, then small letters. */
        assert_true(key_exists(b, "Key H"));
        press_key(b, "Key H");
        press_key(b, "Key i");
        press_key(b, "Space");
        /* Shift for one capital; Shift twice for caps until turned off. */
        press_key(b, "Shift");
        press_key(b, "Key A");
        press_key(b, "Key b");
        press_key(b, "Shift");
        press_key(b, "Shift");
        assert_true(key_exists(b, "Caps"));
        press_key(b, "Key O");
        press_key(b, "Key K");
        press_key(b, "Caps");
        press_key(b, "Key x");
        assert_string_equal(b->kb.text, "Hi AbOKx");
        /* Numbers and punctuation. */
        press_key(b, "Keys 123");
        press_key(b, "Key 4");
        press_key(b, "Key ?");
        /* Accented letters, capital with Shift. */
        press_key(b, "Keys àé");
        press_key(b, "Key é");
        press_key(b, "Keys abc");
        press_key(b, "Shift");
        press_key(b, "Keys àé");
        press_key(b, "Key À");
        /* A few symbols, a heart among them. */
        press_key(b, "Keys ♥☺");
        press_key(b, "Key ♥");
        assert_string_equal(b->kb.text, "Hi AbOKx4?éÀ♥");
        press_key(b, "Backspace");
        press_key(b, "Backspace");
        assert_string_equal(b->kb.text, "Hi AbOKx4?é");
        const UiTarget *t;
        assert_int_equal(ui_find(&b->ui, "Done", &t), 1);
        UiInput down = {UI_INPUT_PRESS, t->rect.x + 2, t->rect.y + 2};
        UiInput up = {UI_INPUT_RELEASE, down.x, down.y};
        frame(b, &down);
        ui_begin(&b->ui, &b->draw, &up, b->now, color_rgb(0));
        KeyboardResult r = keyboard_ui(&b->kb, &b->ui, rect_make(0, 100, b->m.w, b->m.h - 100),
                                       &b->t, &b->m);
        ui_end(&b->ui);
        assert_int_equal(r, KEYBOARD_DONE);
        /* Every key at least the minimum size. */
        for (int i = 0; i < b->ui.last_target_count; i++) {
            assert_true(b->ui.last_targets[i].rect.w >= b->m.target);
            assert_true(b->ui.last_targets[i].rect.h >= b->m.target);
        }
        free(b);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(multibyte_in_and_out_whole),
        cmocka_unit_test(limit_counts_characters),
        cmocka_unit_test(invalid_utf8_is_refused),
        cmocka_unit_test(keys_shift_caps_layers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
