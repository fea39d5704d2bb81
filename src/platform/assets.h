/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Where Lull's replaceable files (sounds, pictures) live: found from the
 * program's own location, so an installed, unpacked or moved tree works.
 * Plain POSIX: no SDL, no allocation. */
#ifndef LULL_PLATFORM_ASSETS_H
#define LULL_PLATFORM_ASSETS_H

#include <stddef.h>

/* The asset folder of the running program (/proc/self/exe), as for
 * assets_locate_from. Returns 0 and writes it to out, or -1 when there is none. */
int assets_locate(char *out, size_t size);

/* The asset folder for a program at exe_path, the first that is a folder of:
 * EXE_DIR/../share/lull (installed or unpacked), EXE_DIR/../assets (a build
 * folder inside the source tree), then the configured install location.
 * Returns 0 and writes it to out, or -1 when none exists or it does not fit. */
int assets_locate_from(const char *exe_path, char *out, size_t size);

#endif
