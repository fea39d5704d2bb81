/* The on-screen keyboard and the text it edits: big keys in layers (letters,
 * numbers and punctuation, accented letters, a few symbols), a length limit in
 * characters, and a backspace that never splits a UTF-8 character. Pure C11. */
#ifndef LULL_KEYBOARD_H
#define LULL_KEYBOARD_H

#include <stddef.h>

#include "lull/theme.h"
#include "lull/ui.h"

enum { KEYBOARD_BYTES = 2048 };

typedef enum { KB_LETTERS, KB_SYMBOLS, KB_ACCENTS, KB_EMOJI, KB_LAYER_COUNT } KeyboardLayer;

typedef struct {
    char text[KEYBOARD_BYTES];
    int max_chars;
    KeyboardLayer layer;
    int shift; /* one capital, then back to lower case */
    int caps;  /* capitals until turned off */
} Keyboard;

typedef enum { KEYBOARD_EDITING, KEYBOARD_DONE } KeyboardResult;

void keyboard_init(Keyboard *kb, const char *initial, int max_chars);
/* Inserts UTF-8 text at the end, whole characters only, up to the limit.
 * Invalid UTF-8 and control characters are dropped. Returns characters added. */
int keyboard_insert(Keyboard *kb, const char *utf8);
/* Removes the last whole character (a multi-byte character goes at once). */
void keyboard_backspace(Keyboard *kb);
/* Characters (code points) in valid UTF-8 text. */
int utf8_length(const char *s);
/* The byte length of the valid UTF-8 character at s, or 0 when invalid/NUL. */
int utf8_char_bytes(const char *s);
/* Decodes the character at s: its length (1..4) and code point, or 0 when the
 * bytes are not UTF-8 (overlong forms, surrogates and values past U+10FFFF too). */
int utf8_decode(const unsigned char *s, unsigned long *cp);

/* Copies src into dst (size bytes) without splitting a character. */
void utf8_copy(char *dst, size_t size, const char *src);

/* Declares the keyboard in area; keys are labelled "Key x" (the character a
 * key types) plus "Shift", "Caps", "Backspace", "Space", "Done" and the layer
 * keys. Returns KEYBOARD_DONE when Done was tapped. */
KeyboardResult keyboard_ui(Keyboard *kb, Ui *ui, Rect area, const Theme *theme, const Metrics *m);
/* The height keyboard_ui needs at a width (four rows of keys and gaps). */
int keyboard_height(const Metrics *m, int width);

#endif
