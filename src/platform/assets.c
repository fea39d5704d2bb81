/* SPDX-License-Identifier: GPL-3.0-or-later */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700 /* realpath */
#endif
#include "assets.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The folder dir/leaf, resolved (no "..", no symlinks), into out. */
static int try_dir(const char *dir, const char *leaf, char *out, size_t size)
{
    char joined[PATH_MAX], resolved[PATH_MAX];
    int n = snprintf(joined, sizeof joined, "%s/%s", dir, leaf);
    if (n < 0 || (size_t)n >= sizeof joined || !realpath(joined, resolved) || !is_dir(resolved))
        return -1;
    n = snprintf(out, size, "%s", resolved);
    return n >= 0 && (size_t)n < size ? 0 : -1;
}

int assets_locate_from(const char *exe_path, char *out, size_t size)
{
    char dir[PATH_MAX];
    const char *slash = exe_path ? strrchr(exe_path, '/') : NULL;
    if (slash) {
        size_t len = (size_t)(slash - exe_path);
        if (len == 0)
            len = 1; /* the program is /lull */
        if (len < sizeof dir) {
            memcpy(dir, exe_path, len);
            dir[len] = '\0';
            if (try_dir(dir, "../share/lull", out, size) == 0 ||
                try_dir(dir, "../assets", out, size) == 0)
                return 0;
        }
    }
#ifdef LULL_ASSET_DIR_INSTALLED
    if (is_dir(LULL_ASSET_DIR_INSTALLED)) {
        int n = snprintf(out, size, "%s", LULL_ASSET_DIR_INSTALLED);
        if (n >= 0 && (size_t)n < size)
            return 0;
    }
#endif
    if (size)
        out[0] = '\0';
    return -1;
}

int assets_locate(char *out, size_t size)
{
    char exe[PATH_MAX];
    /* The kernel's answer survives being started through a symlink or a
     * relative path; qemu-user answers with the emulated program. */
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return assets_locate_from(NULL, out, size);
    exe[n] = '\0';
    return assets_locate_from(exe, out, size);
}
