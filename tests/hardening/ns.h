/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A private mount namespace for the hardening drivers: what they mount (a
 * tiny tmpfs, an empty folder over the fonts) is seen by them and their
 * children only, and goes away with them. */
#ifndef LULL_HARDENING_NS_H
#define LULL_HARDENING_NS_H

/* Enters a mount namespace of its own: as root directly, else as root of a
 * new user namespace. 0, or -1 (errno set) where neither is allowed. */
int ns_private_mounts(void);
/* Mounts an empty tmpfs of size_kb (0: the default) with mode 0700 on dir. */
int ns_tmpfs(const char *dir, int size_kb);
/* Mounts dir over itself, read-only: a write-protected card, as the kernel sees one. */
int ns_read_only(const char *dir);

#endif
