/* SPDX-License-Identifier: GPL-3.0-or-later */
/* UTF-8, the one decoder of the core: whole characters only, never half of one. */
#include "lull/utf8.h"

#include <string.h>

int utf8_decode(const unsigned char *s, unsigned long *cp)
{
    static const unsigned long min_cp[5] = {0, 0, 0x80, 0x800, 0x10000};
    int n;
    unsigned long c = s[0];
    if (c == 0) {
        *cp = 0;
        return 0;
    }
    if (c < 0x80) {
        *cp = c;
        return 1;
    } else if ((c & 0xE0) == 0xC0) {
        n = 2;
        c &= 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
        n = 3;
        c &= 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
        n = 4;
        c &= 0x07;
    } else {
        return 0;
    }
    for (int i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (unsigned long)(s[i] & 0x3F);
    }
    if (c < min_cp[n] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    *cp = c;
    return n;
}

int utf8_char_bytes(const char *s)
{
    unsigned long cp;
    return utf8_decode((const unsigned char *)s, &cp);
}

int utf8_length(const char *s)
{
    int count = 0;
    while (*s) {
        int n = utf8_char_bytes(s);
        s += n ? n : 1;
        count++;
    }
    return count;
}

void utf8_copy(char *dst, size_t size, const char *src)
{
    size_t used = 0;
    if (size == 0)
        return;
    while (*src) {
        int n = utf8_char_bytes(src);
        if (n == 0) {
            src++;
            continue;
        }
        if (used + (size_t)n + 1 > size)
            break;
        memcpy(dst + used, src, (size_t)n);
        used += (size_t)n;
        src += n;
    }
    dst[used] = '\0';
}

size_t utf8_prefix_bytes(const char *text, int chars)
{
    size_t at = 0;
    for (int i = 0; i < chars && text[at]; i++) {
        int n = utf8_char_bytes(text + at);
        at += n > 0 ? (size_t)n : 1;
    }
    return at;
}

size_t utf8_shown(const char *text, size_t max, char *out, size_t size)
{
    if (size < max + 4) {
        if (size)
            out[0] = '\0';
        return 0;
    }
    size_t len = 0;
    while (text[len] && len < max)
        len++;
    int cut = text[len] != '\0';
    /* text[len] is the first byte left out; never leave half a character. */
    while (cut && len > 0 && ((unsigned char)text[len] & 0xC0) == 0x80)
        len--;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)text[i];
        out[i] = (char)(c < 0x20 || c == 0x7F ? '?' : c);
    }
    if (cut) {
        memcpy(out + len, "...", 3);
        len += 3;
    }
    out[len] = '\0';
    return len;
}

int utf8_unwanted(unsigned long cp)
{
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 ||
           (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}
