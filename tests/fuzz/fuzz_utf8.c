/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: UTF-8 editing (src/core/keyboard.c). The input is a
 * program: each byte picks an operation (insert the next bytes, whatever they
 * are; backspace; copy into a small buffer). After every step the text is
 * valid UTF-8 within its limit, backspace removes exactly one character, and a
 * copy never ends in half a character. Newlines are kept (notes have them). */
#include <stdint.h>
#include <string.h>

#include "fuzz.h"
#include "lull/keyboard.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    static Keyboard kb; /* large: not on the fuzzer's stack */
    int max_chars = 1 + data[0] % 600;
    keyboard_init(&kb, "", max_chars);
    size_t i = 1;
    while (i < size) {
        uint8_t op = data[i++];
        size_t before = strlen(kb.text);
        int chars = utf8_length(kb.text);
        if (op < 160) {
            size_t n = op % 12;
            if (n > size - i)
                n = size - i;
            char chunk[16];
            memcpy(chunk, data + i, n);
            chunk[n] = '\0';
            i += n;
            int added = keyboard_insert(&kb, chunk);
            FUZZ_ASSERT(added >= 0 && utf8_length(kb.text) == chars + added);
        } else if (op < 230) {
            keyboard_backspace(&kb);
            if (chars > 0)
                FUZZ_ASSERT(utf8_length(kb.text) == chars - 1 && strlen(kb.text) < before);
            else
                FUZZ_ASSERT(kb.text[0] == '\0');
        } else {
            char small[1 + 64];
            size_t cap = 1 + (size_t)(op % 64);
            utf8_copy(small, cap, kb.text);
            size_t n = strlen(small);
            FUZZ_ASSERT(n < cap && fuzz_utf8_valid(small, n));
            FUZZ_ASSERT(strncmp(small, kb.text, n) == 0);
        }
        size_t len = strlen(kb.text);
        FUZZ_ASSERT(len < sizeof kb.text);
        FUZZ_ASSERT(fuzz_utf8_valid(kb.text, len));
        FUZZ_ASSERT(utf8_length(kb.text) <= max_chars);
        for (size_t k = 0; k < len; k++) /* no control characters but the note's newline */
            FUZZ_ASSERT(((unsigned char)kb.text[k] >= 0x20 || kb.text[k] == '\n') &&
                        kb.text[k] != 0x7F);
    }
    /* utf8_char_bytes agrees with the validator on every prefix. */
    char *text = fuzz_string(data, size);
    if (text) {
        size_t len = strlen(text);
        for (size_t k = 0; k < len;) {
            int n = utf8_char_bytes(text + k);
            if (n <= 0) {
                k++;
                continue;
            }
            FUZZ_ASSERT(k + (size_t)n <= len && fuzz_utf8_valid(text + k, (size_t)n));
            k += (size_t)n;
        }
        free(text);
    }
    return 0;
}
