/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A main for the fuzz targets where libFuzzer is not there (gcc builds):
 * runs every file given (or every file in a folder given) through the target,
 * then a number of pseudo-random mutations of them (fixed seed: the same runs
 * every time). So the targets' checks run in every build, under ASan+UBSan in
 * build-asan; real fuzzing is the clang build's (see README).
 *   fuzz_replay_X [-mutations=N] FILE|DIR ... */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

enum { MAX_INPUTS = 4096, MAX_INPUT_BYTES = 1 << 20 };

static unsigned char *inputs[MAX_INPUTS];
static size_t sizes[MAX_INPUTS];
static int count;

static void load(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return;
    if (S_ISDIR(st.st_mode)) {
        DIR *dir = opendir(path);
        struct dirent *e;
        while (dir && (e = readdir(dir)) != NULL) {
            if (e->d_name[0] == '.')
                continue;
            char child[4096];
            snprintf(child, sizeof child, "%s/%s", path, e->d_name);
            load(child);
        }
        if (dir)
            closedir(dir);
        return;
    }
    if (count >= MAX_INPUTS || st.st_size > MAX_INPUT_BYTES)
        return;
    FILE *f = fopen(path, "rb");
    if (!f)
        return;
    unsigned char *buf = malloc((size_t)st.st_size + 1);
    size_t n = buf ? fread(buf, 1, (size_t)st.st_size, f) : 0;
    fclose(f);
    if (!buf)
        return;
    inputs[count] = buf;
    sizes[count++] = n;
}

int main(int argc, char **argv)
{
    long mutations = 2000;
    for (int i = 1; i < argc; i++) {
        if (strncmp(argv[i], "-mutations=", 11) == 0)
            mutations = atol(argv[i] + 11);
        else
            load(argv[i]);
    }
    for (int i = 0; i < count; i++)
        LLVMFuzzerTestOneInput(inputs[i], sizes[i]);
    unsigned long long x = 88172645463325252ull;
    unsigned char *buf = malloc(MAX_INPUT_BYTES);
    if (!buf)
        return 1;
    for (long m = 0; m < mutations && count > 0; m++) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        int from = (int)(x % (unsigned)count);
        size_t n = sizes[from] < 4096 ? sizes[from] : 4096;
        memcpy(buf, inputs[from], n);
        /* A few byte flips, insertions of interesting bytes, or a cut. */
        static const unsigned char interesting[] = {0x00, 0x0A, 0x0D, 0x1F, 0x22, 0x27, 0x2C,
                                                    0x3D, 0x5C, 0x7F, 0x80, 0xBF, 0xC0, 0xC3,
                                                    0xE2, 0xED, 0xF0, 0xF4, 0xF8, 0xFF};
        int edits = 1 + (int)((x >> 20) % 8);
        for (int e = 0; e < edits; e++) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            size_t at = n ? (size_t)(x % n) : 0;
            switch ((x >> 40) % 4) {
            case 0:
                if (n)
                    buf[at] = (unsigned char)(x >> 32);
                break;
            case 1:
                if (n < 8192) {
                    memmove(buf + at + 1, buf + at, n - at);
                    buf[at] = interesting[(x >> 48) % sizeof interesting];
                    n++;
                }
                break;
            case 2:
                n = at;
                break;
            default:
                if (n && n < 4096) { /* repeat a slice: long lines, huge values */
                    size_t len = n - at < 64 ? n - at : 64;
                    for (int r = 0; r < 20 && n + len < 8192; r++) {
                        memcpy(buf + n, buf + at, len);
                        n += len;
                    }
                }
                break;
            }
        }
        LLVMFuzzerTestOneInput(buf, n);
    }
    printf("%d inputs and %ld mutations ran without a failed check\n", count, mutations);
    free(buf);
    for (int i = 0; i < count; i++)
        free(inputs[i]);
    return 0;
}
