/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Starting the real program from the hardening drivers: a child with its
 * standard output on a pipe and its standard error in a file. */
#ifndef LULL_HARDENING_PROC_H
#define LULL_HARDENING_PROC_H

#include <stddef.h>
#include <sys/types.h>

/* Starts argv[0] (a path) with argv; its stdout goes to *out_fd (a pipe the
 * caller reads and closes; NULL: /dev/null) and its stderr to err_path (NULL:
 * inherited). Returns the pid, or -1 with errno set. */
pid_t proc_start(char *const argv[], int *out_fd, const char *err_path);
/* Reads what is there (waiting at most timeout_ms) into buf, appending at
 * *len; returns bytes read, 0 at end of file, -1 on timeout or error. */
long proc_read(int fd, char *buf, size_t size, size_t *len, int timeout_ms);
/* Milliseconds on the monotonic clock. */
long long proc_now_ms(void);
/* Creates a folder and any missing parents (mode 0700); a new build tree has none. */
void proc_mkdirs(const char *path);
/* The whole of a small file as a NUL-terminated string (malloc'd), or NULL. */
char *proc_slurp(const char *path, size_t *size);

#endif
