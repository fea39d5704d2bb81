/* SPDX-License-Identifier: GPL-3.0-or-later */
/* UTF-8 for the whole core: decoding, lengths in characters, and copies and
 * prefixes that never split a character. Pure C11. */
#ifndef LULL_UTF8_H
#define LULL_UTF8_H

#include <stddef.h>

/* Decodes the character at s: its length (1..4) and code point, or 0 when the
 * bytes are not UTF-8 (overlong forms, surrogates and values past U+10FFFF too). */
int utf8_decode(const unsigned char *s, unsigned long *cp);
/* The byte length of the valid UTF-8 character at s, or 0 when invalid/NUL. */
int utf8_char_bytes(const char *s);
/* Characters (code points) in valid UTF-8 text. */
int utf8_length(const char *s);
/* Copies src into dst (size bytes) without splitting a character. */
void utf8_copy(char *dst, size_t size, const char *src);
/* The bytes of text's first chars characters (an invalid byte counts as one). */
size_t utf8_prefix_bytes(const char *text, int chars);
/* text as a message may repeat it: at most max bytes, cut at a character
 * boundary with "..." after, each control byte shown as '?' (so a stray binary
 * argument cannot garble a terminal). out needs max + 4 bytes; a smaller out
 * gets "". Returns the length written. */
size_t utf8_shown(const char *text, size_t max, char *out, size_t size);

/* Control characters, and the invisible ones that reorder or break text. */
int utf8_unwanted(unsigned long cp);

#endif
