/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The on-screen keyboard and the text it edits: big keys in layers (letters,
 * numbers and punctuation, accented letters, a few symbols), a length limit in
 * characters, and a backspace that never splits a UTF-8 character. Pure C11. */
#ifndef LULL_KEYBOARD_H
#define LULL_KEYBOARD_H

#include <stddef.h>
#include <stdint.h>

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
    /* Clear keeps what it took until something is typed, for its Undo. */
    char cleared[KEYBOARD_BYTES];
    int can_restore;
    int64_t repeat_at; /* Backspace held: when it deletes again (0: not held) */
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
/* Empties the text, keeping it for keyboard_restore until something is typed. */
void keyboard_clear(Keyboard *kb);
/* Brings back what keyboard_clear took; 0 when there is nothing to bring back. */
int keyboard_restore(Keyboard *kb);

/* A physical keyboard's key or typed text: text inserted, Backspace, Return
 * (KEYBOARD_DONE) and Escape (KEYBOARD_CANCEL). */
KeyboardResult keyboard_key(Keyboard *kb, const AppInput *in);
/* Declares the keyboard in area, its rows as tall as area allows (between the
 * minimum target and 1.4 times the comfortable size; rows 1 mm apart where 3 mm
 * do not fit). Keys are labelled "Key x" (the character a key types) plus
 * "Shift", "Caps", "Backspace" (repeating while held), "Clear" (then "Undo
 * clear"), "Space", "Done" and the layer keys. Returns KEYBOARD_DONE when Done
 * was tapped. */
KeyboardResult keyboard_ui(Keyboard *kb, Ui *ui, Rect area, const Theme *theme, const Metrics *m);
/* The comfortable height of the keyboard at a width: its rows of keys 3 mm apart. */
int keyboard_height(const Metrics *m, int width);
/* The height to give the keyboard at the bottom of avail_h when keep_h above it
 * is wanted for the text: taller keys where the screen has room, rows closer
 * together (down to 1 mm) where it has not; never less than the minimum targets. */
int keyboard_fit_height(const Metrics *m, int width, int avail_h, int keep_h);

#endif
