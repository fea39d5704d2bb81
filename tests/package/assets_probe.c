/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Prints the asset folder the program would use, found from where this
 * probe itself lies (tests/package/assets.sh moves it around). */
#include <stdio.h>

#include "../../src/platform/assets.h"

int main(void)
{
    char dir[4096];
    if (assets_locate(dir, sizeof dir) != 0) {
        puts("none");
        return 1;
    }
    puts(dir);
    return 0;
}
