/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The always-on assert (lull/check.h). Like assert(3) it writes its message to
 * standard error, the one output the core has, and only as it stops. */
#include "lull/check.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

void lull_check_failed(const char *file, int line, const char *format, ...)
{
    va_list args;
    va_start(args, format);
    fprintf(stderr, "%s:%d: invariant broken: ", file, line);
    vfprintf(stderr, format, args);
    fputc('\n', stderr);
    va_end(args);
    abort();
}
