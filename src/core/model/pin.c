/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The PIN's rules: what a PIN is, and the growing waits after wrong attempts.
 * Hashing is the store's (Argon2id). */
#include "lull/pin.h"

#include <string.h>

int64_t pin_wait_ms(int failures)
{
    static const int64_t first[2] = {10000, 30000}; /* the 3rd and 4th wrong attempt */
    const int64_t cap = 15 * 60 * 1000;
    if (failures < PIN_FREE_ATTEMPTS)
        return 0;
    if (failures - PIN_FREE_ATTEMPTS < 2)
        return first[failures - PIN_FREE_ATTEMPTS];
    int64_t wait = 60000;
    for (int i = PIN_FREE_ATTEMPTS + 2; i < failures && wait < cap; i++)
        wait *= 2;
    return wait < cap ? wait : cap;
}

int pin_valid(const char *text)
{
    size_t n = strlen(text);
    if (n < PIN_MIN_DIGITS || n > PIN_MAX_DIGITS)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (text[i] < '0' || text[i] > '9')
            return 0;
    return 1;
}
