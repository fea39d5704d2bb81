/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "backlight.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int read_int(const char *path, int *out)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    int ok = fscanf(f, "%d", out) == 1;
    fclose(f);
    return ok ? 0 : -1;
}

static void write_int(const Backlight *b, int value)
{
    FILE *f = fopen(b->path, "w");
    if (!f)
        return;
    fprintf(f, "%d\n", value);
    fclose(f);
}

void backlight_open(Backlight *b, const char *root)
{
    memset(b, 0, sizeof *b);
    if (!root)
        root = "/sys/class/backlight";
    DIR *dir = opendir(root);
    if (!dir)
        return;
    struct dirent *e;
    while ((e = readdir(dir))) {
        if (e->d_name[0] == '.')
            continue;
        char max_path[512], path[512];
        snprintf(max_path, sizeof max_path, "%s/%s/max_brightness", root, e->d_name);
        snprintf(path, sizeof path, "%s/%s/brightness", root, e->d_name);
        int max, now;
        if (read_int(max_path, &max) == 0 && max > 0 && read_int(path, &now) == 0 &&
            access(path, W_OK) == 0) {
            snprintf(b->path, sizeof b->path, "%s", path);
            b->max = max;
            b->normal = now > 0 ? now : max;
            b->percent = 100;
            break;
        }
    }
    closedir(dir);
}

void backlight_level(Backlight *b, int percent)
{
    percent = percent < 1 ? 1 : percent > 100 ? 100 : percent;
    if (!b->path[0] || percent == b->percent)
        return;
    b->percent = percent;
    int level = (int)((long)b->normal * percent / 100);
    write_int(b, level > 0 ? level : 1);
}

void backlight_close(Backlight *b)
{
    backlight_level(b, 100);
}
