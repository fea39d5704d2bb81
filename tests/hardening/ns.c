/* SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE
#include "ns.h"

#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <unistd.h>

static int write_text(const char *path, const char *text)
{
    int fd = open(path, O_WRONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    ssize_t n = write(fd, text, strlen(text));
    close(fd);
    return n == (ssize_t)strlen(text) ? 0 : -1;
}

int ns_private_mounts(void)
{
    uid_t uid = getuid();
    gid_t gid = getgid();
    if (unshare(CLONE_NEWNS) != 0) {
        if (unshare(CLONE_NEWUSER | CLONE_NEWNS) != 0)
            return -1;
        char map[64];
        write_text("/proc/self/setgroups", "deny");
        snprintf(map, sizeof map, "0 %u 1", (unsigned)uid);
        if (write_text("/proc/self/uid_map", map) != 0)
            return -1;
        snprintf(map, sizeof map, "0 %u 1", (unsigned)gid);
        if (write_text("/proc/self/gid_map", map) != 0)
            return -1;
    }
    return mount("none", "/", NULL, MS_REC | MS_PRIVATE, NULL);
}

int ns_tmpfs(const char *dir, int size_kb)
{
    char options[64] = "mode=0700";
    if (size_kb > 0)
        snprintf(options, sizeof options, "size=%dk,mode=0700", size_kb);
    return mount("lull-test", dir, "tmpfs", MS_NOSUID | MS_NODEV, options);
}

int ns_read_only(const char *dir)
{
    if (mount(dir, dir, NULL, MS_BIND, NULL) != 0)
        return -1;
    return mount(dir, dir, NULL, MS_BIND | MS_REMOUNT | MS_RDONLY, NULL);
}
