/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The PIN's rules: its length, and the growing wait after wrong attempts. */
#ifndef LULL_PIN_H
#define LULL_PIN_H

#include <stdint.h>

enum { PIN_MIN_DIGITS = 4, PIN_MAX_DIGITS = 6, PIN_FREE_ATTEMPTS = 3 };

/* How long to wait after this many wrong attempts in a row (ms): none for the
 * first few, then growing, never more than a quarter of an hour. */
int64_t pin_wait_ms(int failures);
/* 1 when text is 4 to 6 ASCII digits. */
int pin_valid(const char *text);

#endif
