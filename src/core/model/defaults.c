/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Lull's own starting signal set and journal words, in one place. */
#include "lull/defaults.h"

#include <string.h>

void defaults_builtin(Defaults *d)
{
    memset(d, 0, sizeof *d);
    signal_set_defaults(d->signals, d->order);
    words_defaults(&d->words);
}
