/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: the command line (src/core/cli.c). The input, split at
 * NUL bytes, is argv. A command line is either understood, with every value
 * in its documented range, or refused with a one-line message. */
#include <stdint.h>
#include <string.h>

#include "fuzz.h"
#include "lull/cli.h"

enum { ARGS_MAX = 64 };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *buf = malloc(size + 1);
    if (!buf)
        return 0;
    memcpy(buf, data, size);
    buf[size] = '\0';
    char *argv[ARGS_MAX + 2];
    int argc = 0;
    argv[argc++] = "lull";
    for (size_t start = 0; start <= size && argc < ARGS_MAX;) {
        argv[argc++] = buf + start;
        size_t n = strlen(buf + start);
        start += n + 1;
    }
    argv[argc] = NULL;
    CliOptions opts;
    char err[512];
    err[0] = '\0';
    if (cli_parse(argc, argv, &opts, err, sizeof err) != 0) {
        FUZZ_ASSERT(err[0] != '\0' && strchr(err, '\n') == NULL);
    } else {
        FUZZ_ASSERT(opts.command >= CLI_RUN && opts.command <= CLI_HELP);
        FUZZ_ASSERT(opts.rotation == -1 || opts.rotation == 0 || opts.rotation == 90 ||
                    opts.rotation == 180 || opts.rotation == 270);
        FUZZ_ASSERT(opts.width == 0 || (opts.width >= 320 && opts.width <= 8192));
        FUZZ_ASSERT(opts.height == 0 || (opts.height >= 320 && opts.height <= 8192));
        if (opts.command == CLI_INSIGHTS || opts.command == CLI_SEED_DEMO)
            FUZZ_ASSERT(opts.weeks >= 1 && opts.weeks <= 520);
        FUZZ_ASSERT(strnlen(opts.fake_start, sizeof opts.fake_start) < sizeof opts.fake_start);
        if (opts.command == CLI_EXPORT)
            FUZZ_ASSERT(opts.format &&
                        (strcmp(opts.format, "csv") == 0 || strcmp(opts.format, "json") == 0));
    }
    free(buf);
    return 0;
}
