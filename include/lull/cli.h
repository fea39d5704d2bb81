/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The command line of DESIGN.md, parsed without side effects. */
#ifndef LULL_CLI_H
#define LULL_CLI_H

#include <stddef.h>

typedef enum {
    CLI_RUN,
    CLI_EXPORT,
    CLI_INSIGHTS,
    CLI_SEED_DEMO,
    CLI_VERSION,
    CLI_HELP,
} CliCommand;

typedef struct {
    CliCommand command;
    int windowed;
    int width, height; /* 0: the display's */
    int rotation;      /* -1: from the config */
    int headless;
    const char *db_path;     /* NULL: the XDG default */
    const char *config_path; /* NULL: the XDG default, then /etc/lull/lull.conf */
    const char *script_path; /* "-" is standard input */
    const char *screenshots_dir;
    int fake_clock;
    char fake_start[32]; /* "YYYY-MM-DDTHH:MM" local, default 2026-01-05T21:00 */
    const char *audio_out;
    /* export / insights / seed-demo */
    const char *format;   /* export: csv|json (required); insights: text|json, default text */
    const char *out_path; /* export: NULL (or "--out -") is standard output */
    int weeks;            /* insights: 1..520, default 4; seed-demo: 1..520, required */
    unsigned seed;        /* seed-demo, default 1 */
    char now[32];         /* insights, seed-demo: "YYYY-MM-DDTHH:MM" local to use as now;
                             "" is the clock's time */
} CliOptions;

/* Parses argv (argv[0] is the program) into opts; the strings in opts point into
 * argv. A command comes first; options take "--opt VALUE" or "--opt=VALUE";
 * parsing stops with CLI_HELP or CLI_VERSION at --help, -h or --version. Returns 0
 * on success, else -1 with a one-line message naming the option in err (may be NULL). */
int cli_parse(int argc, char **argv, CliOptions *opts, char *err, size_t err_size);
/* The --help text. */
const char *cli_usage(void);

#endif
