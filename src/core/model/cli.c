/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "lull/cli.h"

#include "lull/calendar.h"
#include "lull/utf8.h"

#include <stdio.h>
#include <string.h>

enum {
    SIZE_MIN = 320,
    SIZE_MAX_PX = 8192,
    WEEKS_MIN = 1,
    WEEKS_MAX = 520,
    WEEKS_DEFAULT = 4,
    SHOWN_MAX = 48, /* how much of a bad argument an error repeats */
};

static const char default_fake_start[] = "2026-01-05T21:00";

typedef enum {
    OPT_WINDOWED,
    OPT_SIZE,
    OPT_ROTATE,
    OPT_DB,
    OPT_CONFIG,
    OPT_HEADLESS,
    OPT_SCRIPT,
    OPT_SCREENSHOTS,
    OPT_CLOCK,
    OPT_AUDIO_OUT,
    OPT_FORMAT,
    OPT_OUT,
    OPT_WEEKS,
    OPT_SEED,
    OPT_NOW,
    OPT_VERSION,
    OPT_HELP,
    OPT_COUNT
} OptionId;

/* Which commands an option belongs to, as bits. */
enum {
    FOR_RUN = 1,
    FOR_EXPORT = 2,
    FOR_INSIGHTS = 4,
    FOR_SEED_DEMO = 8,
    FOR_ALL = 15,
};

typedef struct {
    const char *name; /* without the leading "--" */
    OptionId id;
    const char *value; /* what the value looks like; NULL for a flag */
    unsigned commands;
} OptionSpec;

static const OptionSpec options[] = {
    {"windowed", OPT_WINDOWED, NULL, FOR_RUN},
    {"size", OPT_SIZE, "WxH", FOR_RUN},
    {"rotate", OPT_ROTATE, "0, 90, 180 or 270", FOR_RUN},
    {"db", OPT_DB, "a PATH", FOR_ALL},
    {"config", OPT_CONFIG, "a PATH", FOR_RUN},
    {"headless", OPT_HEADLESS, NULL, FOR_RUN},
    {"script", OPT_SCRIPT, "a FILE, or - for standard input", FOR_RUN},
    {"screenshots", OPT_SCREENSHOTS, "a DIR", FOR_RUN},
    {"clock", OPT_CLOCK, "fake or fake=YYYY-MM-DDTHH:MM", FOR_RUN},
    {"audio-out", OPT_AUDIO_OUT, "a FILE.wav", FOR_RUN},
    {"format", OPT_FORMAT, "a format", FOR_EXPORT | FOR_INSIGHTS},
    {"out", OPT_OUT, "a FILE", FOR_EXPORT},
    {"weeks", OPT_WEEKS, "N", FOR_INSIGHTS | FOR_SEED_DEMO},
    {"seed", OPT_SEED, "N", FOR_SEED_DEMO},
    {"now", OPT_NOW, "a local time YYYY-MM-DDTHH:MM", FOR_INSIGHTS | FOR_SEED_DEMO},
    {"version", OPT_VERSION, NULL, FOR_ALL},
    {"help", OPT_HELP, NULL, FOR_ALL},
};

static const struct {
    const char *name;
    CliCommand command;
    unsigned bit;
} commands[] = {
    {"export", CLI_EXPORT, FOR_EXPORT},
    {"insights", CLI_INSIGHTS, FOR_INSIGHTS},
    {"seed-demo", CLI_SEED_DEMO, FOR_SEED_DEMO},
};

static const char usage[] =
    "Usage:\n"
    "  lull [OPTIONS]                  run the bedside app (full screen)\n"
    "  lull export [--db PATH] --format csv|json [--out FILE]\n"
    "  lull insights [--db PATH] [--weeks N] [--format text|json] [--now TIME]\n"
    "  lull seed-demo [--db PATH] --weeks N [--seed N] [--now TIME]\n"
    "  lull --version | --help\n"
    "\n"
    "Running the app:\n"
    "  --windowed                      run in a window instead of full screen\n"
    "  --size WxH                      window or off-screen size in pixels, 320 to 8192 each\n"
    "  --rotate 0|90|180|270           turn the picture (default: display.rotation in the "
    "config)\n"
    "  --db PATH                       the database file (default below)\n"
    "  --config PATH                   the config file (default below)\n"
    "  --headless                      render off screen, with no window; sound is still mixed\n"
    "  --script FILE|-                 run an automation script; - reads standard input\n"
    "  --screenshots DIR               where the script's screenshot NAME writes NAME.png\n"
    "  --clock fake[=YYYY-MM-DDTHH:MM] virtual time moved only by script waits "
    "(default 2026-01-05T21:00)\n"
    "  --audio-out FILE.wav            also write everything the app plays to a WAV file\n"
    "\n"
    "Commands:\n"
    "  export                          write every logged event, oldest first\n"
    "    --format csv|json             required\n"
    "    --out FILE                    write to FILE (default: standard output)\n"
    "  insights                        print the figures of the Insights screen\n"
    "    --weeks N                     how many weeks back, 1 to 520 (default 4)\n"
    "    --format text|json            default text\n"
    "  seed-demo                       write a plausible, reproducible demo history\n"
    "    --weeks N                     required: how many weeks, 1 to 520\n"
    "    --seed N                      random seed, 0 to 4294967295 (default 1)\n"
    "  insights and seed-demo also take --now YYYY-MM-DDTHH:MM, the local time to count\n"
    "  back from (default: the clock), as --clock fake=... sets it for the app.\n"
    "  Every command also takes --db PATH.\n"
    "\n"
    "  -h, --help                      show this help\n"
    "  --version                       show the version\n"
    "\n"
    "A value may follow its option as --size 800x480 or --size=800x480.\n"
    "\n"
    "Files:\n"
    "  database  $XDG_DATA_HOME/lull/lull.db (usually ~/.local/share/lull/lull.db)\n"
    "  config    $XDG_CONFIG_HOME/lull/lull.conf (usually ~/.config/lull/lull.conf),\n"
    "            else /etc/lull/lull.conf; a missing or broken config never stops the app\n"
    "\n"
    "To leave full screen, hold a corner for 3 seconds; in a window, press Escape or Ctrl+Q.\n";

const char *cli_usage(void)
{
    return usage;
}

/* Copies message into err, cut if need be at a UTF-8 character boundary. */
static void fail(char *err, size_t err_size, const char *message)
{
    if (!err || err_size == 0)
        return;
    size_t len = strlen(message);
    if (len >= err_size) {
        len = err_size - 1;
        while (len > 0 && ((unsigned char)message[len] & 0xC0) == 0x80)
            len--;
    }
    memcpy(err, message, len);
    err[len] = '\0';
}

/* "0".."4294967295" with digits only; -1 otherwise. */
static int parse_whole(const char *text, unsigned long long max, unsigned long long *out)
{
    unsigned long long n = 0;
    int digits = 0;
    for (const char *p = text; *p; p++) {
        if (*p < '0' || *p > '9' || ++digits > 10)
            return -1;
        n = n * 10 + (unsigned long long)(*p - '0');
    }
    if (digits == 0 || n > max)
        return -1;
    *out = n;
    return 0;
}

/* Exactly `digits` decimal digits at text. */
static int fixed_digits(const char *text, int digits, int *out)
{
    int n = 0;
    for (int i = 0; i < digits; i++) {
        if (text[i] < '0' || text[i] > '9')
            return -1;
        n = n * 10 + (text[i] - '0');
    }
    *out = n;
    return 0;
}

/* "YYYY-MM-DDTHH:MM", a real date from 1970 to 9999 and a real time of day. */
static int valid_local_time(const char *text)
{
    int year, month, day, hour, minute;
    if (strlen(text) != 16 || text[4] != '-' || text[7] != '-' || text[10] != 'T' ||
        text[13] != ':')
        return 0;
    if (fixed_digits(text, 4, &year) || fixed_digits(text + 5, 2, &month) ||
        fixed_digits(text + 8, 2, &day) || fixed_digits(text + 11, 2, &hour) ||
        fixed_digits(text + 14, 2, &minute))
        return 0;
    return year >= 1970 && month >= 1 && month <= 12 && day >= 1 &&
           day <= calendar_days_in_month(year, month) && hour <= 23 && minute <= 59;
}

static int ends_with_wav(const char *text)
{
    size_t len = strlen(text);
    if (len < 5)
        return 0;
    const char *ext = text + len - 4;
    return ext[0] == '.' && (ext[1] == 'w' || ext[1] == 'W') && (ext[2] == 'a' || ext[2] == 'A') &&
           (ext[3] == 'v' || ext[3] == 'V') && ext[-1] != '/';
}

static const char *command_name(CliCommand command)
{
    switch (command) {
    case CLI_EXPORT:
        return "lull export";
    case CLI_INSIGHTS:
        return "lull insights";
    case CLI_SEED_DEMO:
        return "lull seed-demo";
    default:
        return "lull";
    }
}

/* Where an option does belong, for the error when it was given elsewhere. */
static const char *option_home(unsigned bits)
{
    switch (bits) {
    case FOR_RUN:
        return "it is for running the app (lull without a command)";
    case FOR_EXPORT:
        return "it is for lull export";
    case FOR_EXPORT | FOR_INSIGHTS:
        return "it is for lull export and lull insights";
    case FOR_INSIGHTS | FOR_SEED_DEMO:
        return "it is for lull insights and lull seed-demo";
    case FOR_SEED_DEMO:
        return "it is for lull seed-demo";
    default:
        return "see lull --help";
    }
}

static const OptionSpec *find_option(const char *name, size_t len)
{
    for (size_t i = 0; i < sizeof options / sizeof options[0]; i++)
        if (strlen(options[i].name) == len && memcmp(options[i].name, name, len) == 0)
            return &options[i];
    return NULL;
}

/* Applies one option's value; 0, or -1 with the message in err. */
static int apply_value(CliOptions *opts, OptionId id, const char *name, const char *value,
                       char *err, size_t err_size)
{
    char arg[SHOWN_MAX + 8];
    char message[256];
    unsigned long long n;
    utf8_shown(value, SHOWN_MAX, arg, sizeof arg);

    switch (id) {
    case OPT_SIZE: {
        const char *x = value + strcspn(value, "xX");
        char width[16];
        unsigned long long w, h;
        size_t width_len = (size_t)(x - value);
        if (*x == '\0')
            x = NULL;
        if (x && width_len < sizeof width) {
            memcpy(width, value, width_len);
            width[width_len] = '\0';
        }
        if (!x || width_len >= sizeof width || parse_whole(width, SIZE_MAX_PX, &w) ||
            parse_whole(x + 1, SIZE_MAX_PX, &h) || w < SIZE_MIN || h < SIZE_MIN) {
            snprintf(message, sizeof message,
                     "--size: \"%s\" is not WxH with W and H from %d to %d (e.g. 800x480)", arg,
                     SIZE_MIN, SIZE_MAX_PX);
            fail(err, err_size, message);
            return -1;
        }
        opts->width = (int)w;
        opts->height = (int)h;
        return 0;
    }
    case OPT_ROTATE:
        if (parse_whole(value, 270, &n) || (n != 0 && n != 90 && n != 180 && n != 270)) {
            snprintf(message, sizeof message, "--rotate: \"%s\" is not 0, 90, 180 or 270", arg);
            fail(err, err_size, message);
            return -1;
        }
        opts->rotation = (int)n;
        return 0;
    case OPT_DB:
        opts->db_path = value;
        return 0;
    case OPT_CONFIG:
        opts->config_path = value;
        return 0;
    case OPT_SCRIPT:
        opts->script_path = value;
        return 0;
    case OPT_SCREENSHOTS:
        opts->screenshots_dir = value;
        return 0;
    case OPT_CLOCK:
        if (strcmp(value, "fake") == 0) {
            opts->fake_clock = 1;
            return 0;
        }
        if (strncmp(value, "fake=", 5) == 0 && valid_local_time(value + 5)) {
            opts->fake_clock = 1;
            snprintf(opts->fake_start, sizeof opts->fake_start, "%s", value + 5);
            return 0;
        }
        if (strncmp(value, "fake=", 5) == 0)
            snprintf(message, sizeof message,
                     "--clock: \"%s\" is not a real local time as YYYY-MM-DDTHH:MM "
                     "(e.g. 2026-01-05T21:00)",
                     arg + 5);
        else
            snprintf(message, sizeof message,
                     "--clock: \"%s\" is not fake or fake=YYYY-MM-DDTHH:MM", arg);
        fail(err, err_size, message);
        return -1;
    case OPT_AUDIO_OUT:
        if (!ends_with_wav(value)) {
            snprintf(message, sizeof message,
                     "--audio-out: \"%s\" is not a file name ending in .wav", arg);
            fail(err, err_size, message);
            return -1;
        }
        opts->audio_out = value;
        return 0;
    case OPT_FORMAT:
        if (opts->command == CLI_EXPORT && strcmp(value, "csv") != 0 &&
            strcmp(value, "json") != 0) {
            snprintf(message, sizeof message, "--format: \"%s\" is not csv or json", arg);
            fail(err, err_size, message);
            return -1;
        }
        if (opts->command == CLI_INSIGHTS && strcmp(value, "text") != 0 &&
            strcmp(value, "json") != 0) {
            snprintf(message, sizeof message, "--format: \"%s\" is not text or json", arg);
            fail(err, err_size, message);
            return -1;
        }
        opts->format = value;
        return 0;
    case OPT_OUT:
        /* "-" is standard output, which the caller knows as NULL. */
        opts->out_path = strcmp(value, "-") == 0 ? NULL : value;
        return 0;
    case OPT_WEEKS:
        if (parse_whole(value, WEEKS_MAX, &n) || n < WEEKS_MIN) {
            snprintf(message, sizeof message, "--weeks: \"%s\" is not a whole number from %d to %d",
                     arg, WEEKS_MIN, WEEKS_MAX);
            fail(err, err_size, message);
            return -1;
        }
        opts->weeks = (int)n;
        return 0;
    case OPT_NOW:
        if (!valid_local_time(value)) {
            snprintf(message, sizeof message,
                     "--now: \"%s\" is not a real local time as YYYY-MM-DDTHH:MM "
                     "(e.g. 2026-01-05T21:00)",
                     arg);
            fail(err, err_size, message);
            return -1;
        }
        snprintf(opts->now, sizeof opts->now, "%s", value);
        return 0;
    case OPT_SEED:
        if (parse_whole(value, 4294967295ull, &n)) {
            snprintf(message, sizeof message,
                     "--seed: \"%s\" is not a whole number from 0 to 4294967295", arg);
            fail(err, err_size, message);
            return -1;
        }
        opts->seed = (unsigned)n;
        return 0;
    default:
        snprintf(message, sizeof message, "--%s takes no value", name);
        fail(err, err_size, message);
        return -1;
    }
}

static void set_defaults(CliOptions *opts)
{
    memset(opts, 0, sizeof *opts);
    opts->command = CLI_RUN;
    opts->rotation = -1;
    opts->seed = 1;
    snprintf(opts->fake_start, sizeof opts->fake_start, "%s", default_fake_start);
}

int cli_parse(int argc, char **argv, CliOptions *opts, char *err, size_t err_size)
{
    int seen[OPT_COUNT] = {0};
    unsigned bit = FOR_RUN;
    char message[384];
    char arg[SHOWN_MAX + 8];
    int i = 1;

    set_defaults(opts);
    if (err && err_size)
        err[0] = '\0';
    if (argc < 2 || !argv)
        return 0;

    if (argv[1][0] != '-') {
        size_t c;
        for (c = 0; c < sizeof commands / sizeof commands[0]; c++)
            if (strcmp(argv[1], commands[c].name) == 0)
                break;
        if (c == sizeof commands / sizeof commands[0]) {
            utf8_shown(argv[1], SHOWN_MAX, arg, sizeof arg);
            snprintf(message, sizeof message,
                     "unknown command \"%s\" (commands: export, insights, seed-demo)", arg);
            fail(err, err_size, message);
            return -1;
        }
        opts->command = commands[c].command;
        bit = commands[c].bit;
        i = 2;
        if (opts->command == CLI_INSIGHTS) {
            opts->weeks = WEEKS_DEFAULT;
            opts->format = "text";
        }
    }

    for (; i < argc; i++) {
        const char *current = argv[i];
        utf8_shown(current, SHOWN_MAX, arg, sizeof arg);
        if (strcmp(current, "-h") == 0) {
            opts->command = CLI_HELP;
            return 0;
        }
        if (strncmp(current, "--", 2) != 0 || current[2] == '\0') {
            int is_command = 0;
            for (size_t c = 0; c < sizeof commands / sizeof commands[0]; c++)
                if (strcmp(current, commands[c].name) == 0)
                    is_command = 1;
            if (is_command)
                snprintf(message, sizeof message,
                         "unexpected \"%s\": a command comes first, as in lull %s --db PATH", arg,
                         arg);
            else if (current[0] == '-' && current[1] != '\0' && current[1] != '-')
                snprintf(message, sizeof message, "unknown option \"%s\" (options start with --)",
                         arg);
            else
                snprintf(message, sizeof message, "unexpected argument \"%s\"", arg);
            fail(err, err_size, message);
            return -1;
        }

        const char *name = current + 2;
        const char *equals = strchr(name, '=');
        size_t name_len = equals ? (size_t)(equals - name) : strlen(name);
        const OptionSpec *spec = find_option(name, name_len);
        if (!spec) {
            char option[SHOWN_MAX + 8];
            char name_only[SHOWN_MAX + 8];
            size_t keep = name_len < SHOWN_MAX + 1 ? name_len : SHOWN_MAX + 1;
            /* One byte more than is shown, so utf8_shown knows to add "...". */
            memcpy(name_only, name, keep);
            name_only[keep] = '\0';
            utf8_shown(name_only, SHOWN_MAX, option, sizeof option);
            snprintf(message, sizeof message, "unknown option --%s", option);
            fail(err, err_size, message);
            return -1;
        }
        if (spec->id == OPT_HELP && !equals) {
            opts->command = CLI_HELP;
            return 0;
        }
        if (spec->id == OPT_VERSION && !equals) {
            opts->command = CLI_VERSION;
            return 0;
        }
        if (!(spec->commands & bit)) {
            snprintf(message, sizeof message, "--%s does not apply to %s; %s", spec->name,
                     command_name(opts->command), option_home(spec->commands));
            fail(err, err_size, message);
            return -1;
        }
        if (seen[spec->id]) {
            snprintf(message, sizeof message, "--%s is given twice", spec->name);
            fail(err, err_size, message);
            return -1;
        }
        seen[spec->id] = 1;

        if (!spec->value) {
            if (equals) {
                snprintf(message, sizeof message, "--%s takes no value", spec->name);
                fail(err, err_size, message);
                return -1;
            }
            if (spec->id == OPT_WINDOWED)
                opts->windowed = 1;
            else if (spec->id == OPT_HEADLESS)
                opts->headless = 1;
            continue;
        }

        const char *value = NULL;
        if (equals) {
            value = equals + 1;
        } else if (i + 1 < argc && strncmp(argv[i + 1], "--", 2) != 0) {
            value = argv[++i];
        } else if (i + 1 < argc) {
            char next[SHOWN_MAX + 8];
            utf8_shown(argv[i + 1], SHOWN_MAX, next, sizeof next);
            snprintf(message, sizeof message, "--%s needs %s before the next option %s", spec->name,
                     spec->value, next);
            fail(err, err_size, message);
            return -1;
        }
        if (!value || value[0] == '\0') {
            snprintf(message, sizeof message, "--%s needs a value: %s", spec->name,
                     spec->id == OPT_FORMAT
                         ? (opts->command == CLI_EXPORT ? "csv or json" : "text or json")
                         : spec->value);
            fail(err, err_size, message);
            return -1;
        }
        if (apply_value(opts, spec->id, spec->name, value, err, err_size) != 0)
            return -1;
    }

    if (opts->command == CLI_EXPORT && !seen[OPT_FORMAT]) {
        fail(err, err_size, "lull export needs --format csv or --format json");
        return -1;
    }
    if (opts->command == CLI_SEED_DEMO && !seen[OPT_WEEKS]) {
        fail(err, err_size, "lull seed-demo needs --weeks N (1 to 520)");
        return -1;
    }
    return 0;
}
