/* SPDX-License-Identifier: GPL-3.0-or-later */
/* imgdiff: compares a screenshot with its reference the way a person would
 * notice a difference. Both images are averaged over 4x4 blocks, which hides
 * the sub-pixel changes between FreeType versions but keeps anything that moved,
 * changed colour or appeared. Exit 0 when alike, 1 when different, 2 on error.
 *   imgdiff ACTUAL.png REFERENCE.png [MAX_PERCENT]   (default 0.5% of blocks) */
#include <png.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned char *load(const char *path, int *w, int *h)
{
    png_image img;
    memset(&img, 0, sizeof img);
    img.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_file(&img, path)) {
        fprintf(stderr, "imgdiff: %s: %s\n", path, img.message);
        return NULL;
    }
    img.format = PNG_FORMAT_RGBA;
    unsigned char *buf = malloc(PNG_IMAGE_SIZE(img));
    if (!buf || !png_image_finish_read(&img, NULL, buf, 0, NULL)) {
        fprintf(stderr, "imgdiff: %s: %s\n", path, img.message);
        free(buf);
        png_image_free(&img);
        return NULL;
    }
    *w = (int)img.width;
    *h = (int)img.height;
    return buf;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: imgdiff ACTUAL.png REFERENCE.png [MAX_PERCENT]\n");
        return 2;
    }
    double max_percent = argc > 3 ? atof(argv[3]) : 0.5;
    int aw, ah, bw, bh;
    unsigned char *a = load(argv[1], &aw, &ah);
    unsigned char *b = load(argv[2], &bw, &bh);
    if (!a || !b) {
        free(a);
        free(b);
        return 2;
    }
    if (aw != bw || ah != bh) {
        printf("imgdiff: sizes differ: %dx%d against %dx%d\n", aw, ah, bw, bh);
        free(a);
        free(b);
        return 1;
    }
    enum { BLOCK = 4, TOLERANCE = 20 };
    long blocks = 0, differ = 0;
    int worst = 0, worst_x = 0, worst_y = 0;
    for (int by = 0; by + BLOCK <= ah; by += BLOCK) {
        for (int bx = 0; bx + BLOCK <= aw; bx += BLOCK) {
            int diff = 0;
            for (int c = 0; c < 3; c++) {
                int sa = 0, sb = 0;
                for (int y = by; y < by + BLOCK; y++)
                    for (int x = bx; x < bx + BLOCK; x++) {
                        sa += a[(y * aw + x) * 4 + c];
                        sb += b[(y * aw + x) * 4 + c];
                    }
                int d = abs(sa - sb) / (BLOCK * BLOCK);
                if (d > diff)
                    diff = d;
            }
            blocks++;
            if (diff > TOLERANCE)
                differ++;
            if (diff > worst) {
                worst = diff;
                worst_x = bx;
                worst_y = by;
            }
        }
    }
    double percent = blocks ? 100.0 * (double)differ / (double)blocks : 0.0;
    printf("imgdiff: %.3f%% of blocks differ (limit %.3f%%), largest difference %d at %d,%d\n",
           percent, max_percent, worst, worst_x, worst_y);
    free(a);
    free(b);
    return percent <= max_percent ? 0 : 1;
}
