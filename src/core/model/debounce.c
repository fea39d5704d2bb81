/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The one debounce (lull/debounce.h): a few slots, the oldest one reused. */
#include "lull/debounce.h"

#include <string.h>

void debounce_init(Debounce *d)
{
    memset(d, 0, sizeof *d);
}

int debounce_repeat(Debounce *d, uint32_t key, int64_t now_ms)
{
    int oldest = 0;
    for (int i = 0; i < DEBOUNCE_SLOTS; i++) {
        if (d->key[i] == key) {
            if (now_ms - d->at_ms[i] < DEBOUNCE_MS)
                return 1;
            d->at_ms[i] = now_ms;
            return 0;
        }
        if (!d->key[i] || (d->key[oldest] && d->at_ms[i] < d->at_ms[oldest]))
            oldest = i;
    }
    d->key[oldest] = key;
    d->at_ms[oldest] = now_ms;
    return 0;
}
