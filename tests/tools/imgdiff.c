/* SPDX-License-Identifier: GPL-3.0-or-later */
/* imgdiff: compares a screenshot with its reference the way a person would
 * notice a difference. Both images are averaged over 4x4 blocks, which hides
 * the sub-pixel changes between FreeType versions but keeps anything that moved,
 * changed colour or appeared. Where the screenshot's text is (TEXT, the boxes
 * lull wrote beside it, "x y w h" a line) it is loose: at most MAX_PERCENT of
 * all blocks may differ. Everywhere else it is strict: at most a few blocks of
 * anti-aliased edges may differ, so a missing icon, a moved button or a word
 * that is gone fails. Exit 0 when alike, 1 when different, 2 on error.
 *   imgdiff [--block N] [--layout N] ACTUAL.png REFERENCE.png [TEXT [MAX_PERCENT]]
 * (MAX_PERCENT 0.5 unless given). --block 8 --layout 12 compares two renderers
 * (software against OpenGL): each smooths the edges of shapes its own way (the
 * software one on whole pixels, half a pixel up and left), a difference that
 * 8x8 blocks mostly average out while a shape moved, missing or of another
 * colour still shows in dozens of them. */
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

static int block = 4;      /* pixels a side of the averaged blocks */
static int layout_max = 6; /* differing blocks allowed outside the text */

enum {
    TOLERANCE = 20, /* a block differs when a channel's mean moves more than this */
    TEXT_PAD = 2,   /* pixels around a text box that still count as text */
    MAX_BOXES = 4096,
};

typedef struct {
    int x0, y0, x1, y1;
} Box;

/* The text boxes, grown by TEXT_PAD; -1 when the file cannot be read. */
static int load_boxes(const char *path, Box *boxes, int max)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "imgdiff: %s: cannot be read\n", path);
        return -1;
    }
    int n = 0, x, y, w, h;
    while (n < max && fscanf(f, "%d %d %d %d", &x, &y, &w, &h) == 4)
        boxes[n++] = (Box){x - TEXT_PAD, y - TEXT_PAD, x + w + TEXT_PAD, y + h + TEXT_PAD};
    fclose(f);
    return n;
}

static int in_text(const Box *boxes, int n, int bx, int by)
{
    for (int i = 0; i < n; i++)
        if (bx < boxes[i].x1 && bx + block > boxes[i].x0 && by < boxes[i].y1 &&
            by + block > boxes[i].y0)
            return 1;
    return 0;
}

int main(int argc, char **argv)
{
    while (argc > 2 && (strcmp(argv[1], "--block") == 0 || strcmp(argv[1], "--layout") == 0)) {
        *(argv[1][2] == 'b' ? &block : &layout_max) = atoi(argv[2]);
        argc -= 2;
        argv += 2;
    }
    if (argc < 3 || block < 1 || block > 64 || layout_max < 0) {
        fprintf(stderr, "usage: imgdiff [--block N] [--layout N] ACTUAL.png REFERENCE.png "
                        "[TEXT [MAX_PERCENT]]\n");
        return 2;
    }
    static Box boxes[MAX_BOXES];
    int box_count = 0;
    if (argc > 3 && argv[3][0] && (box_count = load_boxes(argv[3], boxes, MAX_BOXES)) < 0)
        return 2;
    int strict = argc > 3 && argv[3][0];
    double max_percent = argc > 4 ? atof(argv[4]) : 0.5;
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
    long blocks = 0, differ = 0, layout = 0;
    int worst = 0, worst_x = 0, worst_y = 0, layout_x = -1, layout_y = -1;
    for (int by = 0; by + block <= ah; by += block) {
        for (int bx = 0; bx + block <= aw; bx += block) {
            int diff = 0;
            for (int c = 0; c < 3; c++) {
                int sa = 0, sb = 0;
                for (int y = by; y < by + block; y++)
                    for (int x = bx; x < bx + block; x++) {
                        sa += a[(y * aw + x) * 4 + c];
                        sb += b[(y * aw + x) * 4 + c];
                    }
                int d = abs(sa - sb) / (block * block);
                if (d > diff)
                    diff = d;
            }
            blocks++;
            if (diff > TOLERANCE) {
                differ++;
                if (strict && !in_text(boxes, box_count, bx, by) && layout++ == 0) {
                    layout_x = bx;
                    layout_y = by;
                }
            }
            if (diff > worst) {
                worst = diff;
                worst_x = bx;
                worst_y = by;
            }
        }
    }
    double percent = blocks ? 100.0 * (double)differ / (double)blocks : 0.0;
    printf("imgdiff: %.3f%% of blocks differ (limit %.3f%%), largest difference %d at %d,%d",
           percent, max_percent, worst, worst_x, worst_y);
    if (strict)
        printf("; %ld outside the text (limit %d)%s", layout, layout_max,
               layout ? ", first at" : "");
    if (strict && layout)
        printf(" %d,%d", layout_x, layout_y);
    printf("\n");
    free(a);
    free(b);
    return percent <= max_percent && layout <= layout_max ? 0 : 1;
}
