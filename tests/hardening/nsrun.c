/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Runs a program with folders hidden behind empty ones, in a private mount
 * namespace (ns.c): how the hardening tests take the fonts away without
 * touching the machine. Fails (exit 1) where that is not allowed: the test cannot be done there.
 *   nsrun [--hide DIR | --read-only DIR] ... -- PROGRAM ARG...
 * --read-only mounts DIR over itself read-only (a write-protected card). */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "ns.h"

int main(int argc, char **argv)
{
    int i = 1;
    if (argc < 3) {
        fprintf(stderr, "usage: nsrun --hide DIR ... -- PROGRAM ARG...\n");
        return 2;
    }
    if (ns_private_mounts() != 0) {
        printf("nsrun: FAIL: no private mount namespace here (%s): run the tests as root, as CI "
               "does\n",
               strerror(errno));
        return 1;
    }
    for (; i + 1 < argc && (strcmp(argv[i], "--hide") == 0 || strcmp(argv[i], "--read-only") == 0);
         i += 2) {
        int hide = strcmp(argv[i], "--hide") == 0;
        if ((hide ? ns_tmpfs(argv[i + 1], 64) : ns_read_only(argv[i + 1])) != 0) {
            printf("nsrun: FAIL: cannot %s %s (%s)\n", hide ? "hide" : "mount read-only",
                   argv[i + 1], strerror(errno));
            return 1;
        }
    }
    if (i >= argc || strcmp(argv[i], "--") != 0 || i + 1 >= argc) {
        fprintf(stderr, "nsrun: expected -- PROGRAM\n");
        return 2;
    }
    execv(argv[i + 1], argv + i + 1);
    fprintf(stderr, "nsrun: cannot run %s: %s\n", argv[i + 1], strerror(errno));
    return 127;
}
