/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The on-screen keyboard and the text it edits: big keys in layers (letters,
 * numbers and punctuation, accented letters, a few symbols), a length limit in
 * characters, and a backspace that never splits a UTF-8 character. Pure C11. */
#ifndef LULL_KEYBOARD_H
#define LULL_KEYBOARD_H

#include <stddef.h>

#include "lull/input.h"
#include "lull/theme.h"
#include "lull/ui.h"
#include "lull/utf8.h"

enum { KEYBOARD_BYTES = 2048 };

typedef enum { KB_LETTERS, KB_SYMBOLS, KB_ACCENTS, KB_EMOJI, KB_LAYER_COUNT } KeyboardLayer;

typedef struct {
    char text[KEYBOARD_BYTES];
    int max_chars;
    KeyboardLayer layer;
    int shift; /* one capital, then back to lower case */
    int caps;  /* capitals until turned off */
} Keyboard;

typedef enum {
    KEYBOARD_IGNORED, /* not a key the keyboard takes */
    KEYBOARD_EDITING, /* the text was edited (or nothing happened) */
    KEYBOARD_DONE,    /* Done, or Return on a physical keyboard */
    KEYBOARD_CANCEL,  /* Escape on a physical keyboard */
} KeyboardResult;

void keyboard_init(Keyboard *kb, const char *initial, int max_chars);
/* Inserts UTF-8 text at the end, whole characters only, up to the limit.
 * Invalid UTF-8 and control characters are dropped. Returns characters added. */
int keyboard_insert(Keyboard *kb, const char *utf8);
/* The text without spaces at either end, into out (whole characters); its length. */
size_t keyboard_trimmed(const Keyboard *kb, char *out, size_t size);
/* Removes the last whole character (a multi-byte character goes at once). */
void keyboard_backspace(Keyboard *kb);

/* A physical keyboard's key or typed text: text inserted, Backspace, Return
 * (KEYBOARD_DONE) and Escape (KEYBOARD_CANCEL). */
KeyboardResult keyboard_key(Keyboard *kb, const AppInput *in);
/* Declares the keyboard in area; keys are labelled "Key x" (the character a
 * key types) plus "Shift", "Caps", "Backspace", "Space", "Done" and the layer
 * keys. Returns KEYBOARD_DONE when Done was tapped. */
KeyboardResult keyboard_ui(Keyboard *kb, Ui *ui, Rect area, const Theme *theme, const Metrics *m);
/* The height keyboard_ui needs at a width (four rows of keys and gaps). */
int keyboard_height(const Metrics *m, int width);

#endif
