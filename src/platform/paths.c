/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "paths.h"

#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* $HOME, else the account's own home folder; NULL when there is none (never a
 * shared temporary folder, where someone else could have left a journal). */
static const char *home_folder(void)
{
    const char *home = getenv("HOME");
    if (home && home[0] == '/')
        return home;
    const struct passwd *pw = getpwuid(geteuid());
    return pw && pw->pw_dir && pw->pw_dir[0] == '/' ? pw->pw_dir : NULL;
}

static int xdg_path(const char *env, const char *fallback, const char *leaf, char *out, size_t size)
{
    const char *base = getenv(env);
    int n;
    if (base && base[0] == '/') {
        n = snprintf(out, size, "%s/lull/%s", base, leaf);
    } else {
        const char *home = home_folder();
        if (!home) {
            if (size)
                out[0] = '\0';
            return -1;
        }
        n = snprintf(out, size, "%s/%s/lull/%s", home, fallback, leaf);
    }
    return n > 0 && (size_t)n < size ? 0 : -1;
}

int paths_default_db(char *out, size_t size)
{
    return xdg_path("XDG_DATA_HOME", ".local/share", "lull.db", out, size);
}

int paths_journal(const char *given, char *out, size_t size, char *err, size_t err_size)
{
    if (given) {
        int n = snprintf(out, size, "%s", given);
        if (n < 0 || (size_t)n >= size || !*given) {
            snprintf(err, err_size, "the journal's path is %s", *given ? "too long" : "empty");
            return -1;
        }
        return 0;
    }
    if (paths_default_db(out, size) != 0) {
        snprintf(err, err_size, "%s",
                 home_folder() ? "the journal's path under the home folder is too long"
                               : "there is no home folder to keep the journal in; give one "
                                 "with --db PATH");
        return -1;
    }
    return 0;
}

int paths_default_config(char *out, size_t size)
{
    if (xdg_path("XDG_CONFIG_HOME", ".config", "lull.conf", out, size) == 0 &&
        access(out, R_OK) == 0)
        return 0;
    if (access("/etc/lull/lull.conf", R_OK) == 0) {
        snprintf(out, size, "%s", "/etc/lull/lull.conf");
        return 0;
    }
    xdg_path("XDG_CONFIG_HOME", ".config", "lull.conf", out, size);
    return -1;
}

char *paths_read_file(const char *path, size_t max_bytes, char *err, size_t err_size,
                      size_t *length)
{
    if (length)
        *length = 0;
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, err_size, "%s: %s", path, strerror(errno));
        return NULL;
    }
    size_t cap = 4096, len = 0;
    char *buf = malloc(cap + 1);
    while (buf) {
        if (len == cap) {
            if (cap >= max_bytes) {
                snprintf(err, err_size, "%s: larger than %zu bytes; ignored", path, max_bytes);
                free(buf);
                buf = NULL;
                break;
            }
            cap *= 2;
            char *bigger = realloc(buf, cap + 1);
            if (!bigger) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = bigger;
        }
        size_t got = fread(buf + len, 1, cap - len, f);
        len += got;
        if (got == 0) {
            if (ferror(f)) {
                snprintf(err, err_size, "%s: %s", path, strerror(errno));
                free(buf);
                buf = NULL;
            }
            break;
        }
    }
    fclose(f);
    if (buf) {
        buf[len] = '\0';
        if (length)
            *length = len;
    }
    return buf;
}

int paths_nul_line(const char *text, size_t length)
{
    const char *nul = memchr(text, '\0', length);
    if (!nul)
        return 0;
    int line = 1;
    for (const char *p = text; p < nul; p++)
        line += *p == '\n';
    return line;
}

FILE *paths_create_private(const char *path)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        return NULL;
    struct stat st;
    if (fstat(fd, &st) != 0 || ((st.st_mode & 0077) && fchmod(fd, 0600) != 0)) {
        int error = errno;
        close(fd);
        errno = error;
        return NULL;
    }
    FILE *f = fdopen(fd, "wb");
    if (!f)
        close(fd);
    return f;
}

void paths_dirname(const char *path, char *out, size_t size)
{
    snprintf(out, size, "%s", path);
    char *slash = strrchr(out, '/');
    if (slash == out)
        out[1] = '\0';
    else if (slash)
        *slash = '\0';
    else
        snprintf(out, size, ".");
}

int paths_make_dirs(const char *path)
{
    char buf[4096];
    snprintf(buf, sizeof buf, "%s", path);
    for (char *p = buf + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(buf, 0700) != 0 && errno != EEXIST)
            return -1;
        *p = '/';
    }
    if (mkdir(buf, 0700) != 0 && errno != EEXIST)
        return -1;
    return 0;
}
