/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Where Lull keeps things: the XDG data and config locations, and reading a
 * small text file whole. */
#ifndef LULL_PLATFORM_PATHS_H
#define LULL_PLATFORM_PATHS_H

#include <stddef.h>
#include <stdio.h>

/* $XDG_DATA_HOME/lull/lull.db, else ~/.local/share/lull/lull.db (the account's
 * home when $HOME is unset); -1 with no home folder, or when it does not fit. */
int paths_default_db(char *out, size_t size);
/* The journal's path: given (--db), else the default; -1 with the reason in
 * err when there is none or it does not fit (it is never cut). */
int paths_journal(const char *given, char *out, size_t size, char *err, size_t err_size);
/* $XDG_CONFIG_HOME/lull/lull.conf if it exists, else /etc/lull/lull.conf if it
 * exists; returns -1 when neither does (out is then the user path). */
int paths_default_config(char *out, size_t size);
/* Reads at most max_bytes; returns a malloc'd NUL-terminated string or NULL;
 * *length (may be NULL) is the bytes read, which a NUL byte inside may cut short
 * as a string. */
char *paths_read_file(const char *path, size_t max_bytes, char *err, size_t err_size,
                      size_t *length);
/* The line (from 1) of text's first NUL byte within length, or 0 when there is none. */
int paths_nul_line(const char *text, size_t length);
/* Opens path for writing as the couple's own: created 0600, an existing file
 * narrowed to 0600 and emptied. NULL with errno set. */
FILE *paths_create_private(const char *path);
/* The folder holding path (copied into out). */
void paths_dirname(const char *path, char *out, size_t size);
/* Creates a folder and its parents with mode 0700 where missing. */
int paths_make_dirs(const char *path);

#endif
