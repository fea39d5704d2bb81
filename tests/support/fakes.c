/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "fakes.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int fake_measure(void *ctx, const char *text, int size_px)
{
    (void)ctx;
    int chars = 0;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++)
        if ((*p & 0xC0) != 0x80)
            chars++;
    return (chars * size_px * 55) / 100;
}

void fake_temp_path(const char *name, char *out, int size)
{
    const char *dir = getenv("TMPDIR");
    static int counter; /* test-only helper: unique names within one test process */
    snprintf(out, (size_t)size, "%s/lull-test-%ld-%d-%s", dir && *dir ? dir : "/tmp",
             (long)getpid(), counter++, name);
}
