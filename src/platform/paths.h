/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Where Lull keeps things: the XDG data and config locations, and reading a
 * small text file whole. */
#ifndef LULL_PLATFORM_PATHS_H
#define LULL_PLATFORM_PATHS_H

#include <stddef.h>

/* $XDG_DATA_HOME/lull/lull.db, else ~/.local/share/lull/lull.db. */
int paths_default_db(char *out, size_t size);
/* $XDG_CONFIG_HOME/lull/lull.conf if it exists, else /etc/lull/lull.conf if it
 * exists; returns -1 when neither does (out is then the user path). */
int paths_default_config(char *out, size_t size);
/* Reads at most max_bytes; returns a malloc'd NUL-terminated string or NULL. */
char *paths_read_file(const char *path, size_t max_bytes, char *err, size_t err_size);
/* The folder holding path (copied into out). */
void paths_dirname(const char *path, char *out, size_t size);
/* Creates a folder and its parents with mode 0700 where missing. */
int paths_make_dirs(const char *path);

#endif
