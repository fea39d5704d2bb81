/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The command line: every option and command in both "--opt value" and
 * "--opt=value" forms, defaults, and a clear one-line error for every mistake. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "lull/cli.h"

enum { ARGS_MAX = 24, ARG_BYTES = 512 };

/* A writable argv, as main gets it; it outlives the parse because CliOptions
 * points into it. */
typedef struct {
    char text[ARGS_MAX][ARG_BYTES];
    char *argv[ARGS_MAX + 1];
    int argc;
    CliOptions opts;
    char err[256];
    int result;
} Run;

static int parse_args(Run *run, const char *const *args)
{
    memset(run, 0, sizeof *run);
    snprintf(run->text[0], ARG_BYTES, "lull");
    run->argv[0] = run->text[0];
    run->argc = 1;
    for (; *args; args++) {
        assert_true(run->argc < ARGS_MAX);
        snprintf(run->text[run->argc], ARG_BYTES, "%s", *args);
        run->argv[run->argc] = run->text[run->argc];
        run->argc++;
    }
    run->argv[run->argc] = NULL;
    memset(run->err, 'x', sizeof run->err - 1);
    run->result = cli_parse(run->argc, run->argv, &run->opts, run->err, sizeof run->err);
    if (run->result == 0)
        assert_string_equal(run->err, "");
    return run->result;
}

#define PARSE(run, ...) parse_args((run), (const char *const[]){__VA_ARGS__, NULL})

/* Parsing fails with exactly this one-line message. */
static void assert_error(Run *run, const char *message)
{
    assert_int_equal(run->result, -1);
    assert_string_equal(run->err, message);
    assert_null(strchr(run->err, '\n'));
}

static void assert_run_defaults(const CliOptions *o)
{
    assert_int_equal(o->command, CLI_RUN);
    assert_int_equal(o->windowed, 0);
    assert_int_equal(o->width, 0);
    assert_int_equal(o->height, 0);
    assert_int_equal(o->rotation, -1);
    assert_int_equal(o->headless, 0);
    assert_null(o->db_path);
    assert_null(o->config_path);
    assert_null(o->script_path);
    assert_null(o->screenshots_dir);
    assert_int_equal(o->fake_clock, 0);
    assert_string_equal(o->fake_start, "2026-01-05T21:00");
    assert_null(o->audio_out);
    assert_null(o->format);
    assert_null(o->out_path);
    assert_int_equal(o->seed, 1);
}

static void test_no_arguments_runs_with_defaults(void **state)
{
    (void)state;
    char *argv[] = {(char *)"lull", NULL};
    CliOptions o;
    char err[64];
    memset(&o, 0x5A, sizeof o);
    assert_int_equal(cli_parse(1, argv, &o, err, sizeof err), 0);
    assert_string_equal(err, "");
    assert_run_defaults(&o);

    /* No argv at all (some launchers) is the same as no arguments. */
    memset(&o, 0x5A, sizeof o);
    assert_int_equal(cli_parse(0, NULL, &o, err, sizeof err), 0);
    assert_run_defaults(&o);
}

static void test_every_run_option(void **state)
{
    (void)state;
    Run run;
    assert_int_equal(PARSE(&run, "--windowed", "--size", "800x480", "--rotate", "90", "--db",
                           "/tmp/l.db", "--config", "/tmp/l.conf", "--headless", "--script",
                           "run.txt", "--screenshots", "shots", "--clock", "fake", "--audio-out",
                           "out.wav"),
                     0);
    const CliOptions *o = &run.opts;
    assert_int_equal(o->command, CLI_RUN);
    assert_int_equal(o->windowed, 1);
    assert_int_equal(o->width, 800);
    assert_int_equal(o->height, 480);
    assert_int_equal(o->rotation, 90);
    assert_string_equal(o->db_path, "/tmp/l.db");
    assert_string_equal(o->config_path, "/tmp/l.conf");
    assert_int_equal(o->headless, 1);
    assert_string_equal(o->script_path, "run.txt");
    assert_string_equal(o->screenshots_dir, "shots");
    assert_int_equal(o->fake_clock, 1);
    assert_string_equal(o->fake_start, "2026-01-05T21:00");
    assert_string_equal(o->audio_out, "out.wav");
    /* Paths point into argv, not copies. */
    assert_ptr_equal(o->db_path, run.argv[7]);
}

static void test_every_run_option_with_equals(void **state)
{
    (void)state;
    Run run;
    assert_int_equal(PARSE(&run, "--size=720X1280", "--rotate=270", "--db=a=b.db",
                           "--config=c.conf", "--script=-", "--screenshots=s",
                           "--clock=fake=2024-02-29T23:59", "--audio-out=A.WAV"),
                     0);
    const CliOptions *o = &run.opts;
    assert_int_equal(o->width, 720);
    assert_int_equal(o->height, 1280);
    assert_int_equal(o->rotation, 270);
    assert_string_equal(o->db_path, "a=b.db");
    assert_string_equal(o->config_path, "c.conf");
    assert_string_equal(o->script_path, "-");
    assert_string_equal(o->screenshots_dir, "s");
    assert_int_equal(o->fake_clock, 1);
    assert_string_equal(o->fake_start, "2024-02-29T23:59");
    assert_string_equal(o->audio_out, "A.WAV");
    assert_int_equal(o->windowed, 0);
    assert_int_equal(o->headless, 0);
}

static void test_script_from_standard_input(void **state)
{
    (void)state;
    Run run;
    assert_int_equal(PARSE(&run, "--headless", "--script", "-", "--clock", "fake"), 0);
    assert_string_equal(run.opts.script_path, "-");
    assert_int_equal(run.opts.headless, 1);
}

static void test_size(void **state)
{
    (void)state;
    Run run;
    assert_int_equal(PARSE(&run, "--size", "320x320"), 0);
    assert_int_equal(run.opts.width, 320);
    assert_int_equal(run.opts.height, 320);
    assert_int_equal(PARSE(&run, "--size", "8192x8192"), 0);
    assert_int_equal(run.opts.width, 8192);
    assert_int_equal(run.opts.height, 8192);

    static const char *const bad[] = {"319x480",  "800x319",    "8193x480",
                                      "800x8193", "800",        "x480",
                                      "800x",     "-800x480",   "800x480x2",
                                      "8e2x480",  "800 x 480",  "99999999999999999999x480",
                                      "800*480",  "0800x0480x", "abc"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char expected[256];
        PARSE(&run, "--size", bad[i]);
        snprintf(expected, sizeof expected,
                 "--size: \"%s\" is not WxH with W and H from 320 to 8192 (e.g. 800x480)", bad[i]);
        assert_error(&run, expected);
    }
    PARSE(&run, "--size=");
    assert_error(&run, "--size needs a value: WxH");
}

static void test_rotate(void **state)
{
    (void)state;
    Run run;
    static const int good[] = {0, 90, 180, 270};
    for (size_t i = 0; i < 4; i++) {
        char value[8];
        snprintf(value, sizeof value, "%d", good[i]);
        assert_int_equal(PARSE(&run, "--rotate", value), 0);
        assert_int_equal(run.opts.rotation, good[i]);
    }
    static const char *const bad[] = {"45", "-90", "360", "90deg", "ninety", "270.0", "1e2"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char expected[128];
        PARSE(&run, "--rotate", bad[i]);
        snprintf(expected, sizeof expected, "--rotate: \"%s\" is not 0, 90, 180 or 270", bad[i]);
        assert_error(&run, expected);
    }
}

static void test_fake_clock(void **state)
{
    (void)state;
    Run run;
    static const char *const good[] = {"2026-01-05T21:00", "2000-02-29T00:00", "1970-01-01T00:00",
                                       "2026-12-31T23:59", "2026-04-30T12:30"};
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        char value[64];
        snprintf(value, sizeof value, "fake=%s", good[i]);
        assert_int_equal(PARSE(&run, "--clock", value), 0);
        assert_int_equal(run.opts.fake_clock, 1);
        assert_string_equal(run.opts.fake_start, good[i]);
    }

    static const char *const bad_times[] = {
        "2023-02-29T21:00", "2100-02-29T21:00",
        "2026-13-01T21:00", "2026-00-10T21:00",
        "2026-04-31T21:00", "2026-01-00T21:00",
        "2026-01-32T21:00", "2026-01-05T24:00",
        "2026-01-05T21:60", "2026-1-5T21:00",
        "2026-01-05 21:00", "2026-01-05T21:00:00",
        "1969-12-31T23:59", "",
        "2026-01-05T2100",  "abcd-ef-ghTij:kl",
        "2026-01-05t21:00",
    };
    for (size_t i = 0; i < sizeof bad_times / sizeof bad_times[0]; i++) {
        char value[64];
        char expected[256];
        snprintf(value, sizeof value, "fake=%s", bad_times[i]);
        PARSE(&run, "--clock", value);
        snprintf(expected, sizeof expected,
                 "--clock: \"%s\" is not a real local time as YYYY-MM-DDTHH:MM "
                 "(e.g. 2026-01-05T21:00)",
                 bad_times[i]);
        assert_error(&run, expected);
    }

    static const char *const bad[] = {"real", "fakes", "Fake", "fake:2026-01-05T21:00"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char expected[256];
        PARSE(&run, "--clock", bad[i]);
        snprintf(expected, sizeof expected, "--clock: \"%s\" is not fake or fake=YYYY-MM-DDTHH:MM",
                 bad[i]);
        assert_error(&run, expected);
    }
    PARSE(&run, "--clock");
    assert_error(&run, "--clock needs a value: fake or fake=YYYY-MM-DDTHH:MM");
}

static void test_audio_out(void **state)
{
    (void)state;
    Run run;
    assert_int_equal(PARSE(&run, "--audio-out", "/tmp/run/heard.wav"), 0);
    assert_string_equal(run.opts.audio_out, "/tmp/run/heard.wav");
    static const char *const bad[] = {"heard.mp3", "heard", ".wav", "dir/.wav", "heard.wav.txt"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char expected[256];
        PARSE(&run, "--audio-out", bad[i]);
        snprintf(expected, sizeof expected, "--audio-out: \"%s\" is not a file name ending in .wav",
                 bad[i]);
        assert_error(&run, expected);
    }
}

static void test_missing_and_unwanted_values(void **state)
{
    (void)state;
    Run run;
    PARSE(&run, "--windowed", "--db");
    assert_error(&run, "--db needs a value: a PATH");
    PARSE(&run, "--db", "--headless");
    assert_error(&run, "--db needs a PATH before the next option --headless");
    PARSE(&run, "--config=");
    assert_error(&run, "--config needs a value: a PATH");
    PARSE(&run, "--script");
    assert_error(&run, "--script needs a value: a FILE, or - for standard input");
    PARSE(&run, "--screenshots", "--size=800x480");
    assert_error(&run, "--screenshots needs a DIR before the next option --size=800x480");
    PARSE(&run, "--audio-out");
    assert_error(&run, "--audio-out needs a value: a FILE.wav");
    PARSE(&run, "--rotate");
    assert_error(&run, "--rotate needs a value: 0, 90, 180 or 270");
    PARSE(&run, "--windowed=yes");
    assert_error(&run, "--windowed takes no value");
    PARSE(&run, "--headless=");
    assert_error(&run, "--headless takes no value");
    PARSE(&run, "--version=2");
    assert_error(&run, "--version takes no value");
    PARSE(&run, "--help=me");
    assert_error(&run, "--help takes no value");
}

static void test_unknown_and_stray_arguments(void **state)
{
    (void)state;
    Run run;
    PARSE(&run, "--frobnicate");
    assert_error(&run, "unknown option --frobnicate");
    PARSE(&run, "--windowed", "--fullscreen=1");
    assert_error(&run, "unknown option --fullscreen");
    PARSE(&run, "--Windowed");
    assert_error(&run, "unknown option --Windowed");
    PARSE(&run, "-w");
    assert_error(&run, "unknown option \"-w\" (options start with --)");
    PARSE(&run, "--");
    assert_error(&run, "unexpected argument \"--\"");
    PARSE(&run, "-");
    assert_error(&run, "unexpected argument \"-\"");
    PARSE(&run, "--headless", "script.txt");
    assert_error(&run, "unexpected argument \"script.txt\"");
    PARSE(&run, "--db", "x.db", "export");
    assert_error(&run, "unexpected \"export\": a command comes first, as in lull export --db PATH");
    PARSE(&run, "frobnicate");
    assert_error(&run, "unknown command \"frobnicate\" (commands: export, insights, seed-demo)");
    PARSE(&run, "Export", "--format", "csv");
    assert_error(&run, "unknown command \"Export\" (commands: export, insights, seed-demo)");
}

static void test_repeated_options(void **state)
{
    (void)state;
    Run run;
    PARSE(&run, "--db", "a.db", "--db=b.db");
    assert_error(&run, "--db is given twice");
    PARSE(&run, "--windowed", "--windowed");
    assert_error(&run, "--windowed is given twice");
    PARSE(&run, "export", "--format", "csv", "--format", "json");
    assert_error(&run, "--format is given twice");
}

static void test_long_and_binary_arguments_are_shown_safely(void **state)
{
    (void)state;
    Run run;
    char longer[400];
    memset(longer, 'a', sizeof longer - 1);
    longer[sizeof longer - 1] = '\0';
    PARSE(&run, "--rotate", longer);
    assert_error(&run,
                 "--rotate: \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa...\" is not 0, 90, "
                 "180 or 270");

    char option[400];
    snprintf(option, sizeof option, "--%s=1", longer + 100);
    PARSE(&run, option);
    assert_error(&run, "unknown option --aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa...");

    /* Controls are replaced; a cut never splits a UTF-8 character. */
    PARSE(&run, "--rotate", "\x1b[2J\x07");
    assert_error(&run, "--rotate: \"?[2J?\" is not 0, 90, 180 or 270");
    char accents[200] = "";
    for (int i = 0; i < 60; i++)
        memcpy(accents + 2 * i, "\xC3\xA9", 3);
    PARSE(&run, "insights", "--weeks", accents);
    assert_int_equal(run.result, -1);
    assert_non_null(strstr(run.err, "\xC3\xA9\xC3\xA9...\""));

    /* A small or missing error buffer is safe. */
    char *argv[] = {(char *)"lull", (char *)"--bogus", NULL};
    CliOptions o;
    char tiny[10];
    assert_int_equal(cli_parse(2, argv, &o, tiny, sizeof tiny), -1);
    assert_string_equal(tiny, "unknown o");
    assert_int_equal(cli_parse(2, argv, &o, NULL, 0), -1);
}

static void test_version_and_help(void **state)
{
    (void)state;
    Run run;
    assert_int_equal(PARSE(&run, "--version"), 0);
    assert_int_equal(run.opts.command, CLI_VERSION);
    assert_int_equal(PARSE(&run, "--help"), 0);
    assert_int_equal(run.opts.command, CLI_HELP);
    assert_int_equal(PARSE(&run, "-h"), 0);
    assert_int_equal(run.opts.command, CLI_HELP);
    /* Help wins wherever it is asked for, even before a missing --format. */
    assert_int_equal(PARSE(&run, "--windowed", "--help"), 0);
    assert_int_equal(run.opts.command, CLI_HELP);
    assert_int_equal(PARSE(&run, "export", "-h"), 0);
    assert_int_equal(run.opts.command, CLI_HELP);
    assert_int_equal(PARSE(&run, "seed-demo", "--help"), 0);
    assert_int_equal(run.opts.command, CLI_HELP);
    assert_int_equal(PARSE(&run, "insights", "--version"), 0);
    assert_int_equal(run.opts.command, CLI_VERSION);
}

static void test_export(void **state)
{
    (void)state;
    Run run;
    assert_int_equal(PARSE(&run, "export", "--format", "csv"), 0);
    assert_int_equal(run.opts.command, CLI_EXPORT);
    assert_string_equal(run.opts.format, "csv");
    assert_null(run.opts.out_path);
    assert_null(run.opts.db_path);

    assert_int_equal(PARSE(&run, "export", "--db", "l.db", "--format", "json", "--out", "x.json"),
                     0);
    assert_string_equal(run.opts.format, "json");
    assert_string_equal(run.opts.db_path, "l.db");
    assert_string_equal(run.opts.out_path, "x.json");

    assert_int_equal(PARSE(&run, "export", "--out=x.csv", "--db=l.db", "--format=csv"), 0);
    assert_string_equal(run.opts.format, "csv");
    assert_string_equal(run.opts.out_path, "x.csv");
    assert_string_equal(run.opts.db_path, "l.db");

    /* "-" is standard output. */
    assert_int_equal(PARSE(&run, "export", "--format", "csv", "--out", "-"), 0);
    assert_null(run.opts.out_path);

    PARSE(&run, "export");
    assert_error(&run, "lull export needs --format csv or --format json");
    PARSE(&run, "export", "--out", "x.csv");
    assert_error(&run, "lull export needs --format csv or --format json");
    PARSE(&run, "export", "--format", "xml");
    assert_error(&run, "--format: \"xml\" is not csv or json");
    PARSE(&run, "export", "--format", "text");
    assert_error(&run, "--format: \"text\" is not csv or json");
    PARSE(&run, "export", "--format", "CSV");
    assert_error(&run, "--format: \"CSV\" is not csv or json");
    PARSE(&run, "export", "--format");
    assert_error(&run, "--format needs a value: csv or json");
    PARSE(&run, "export", "--format", "csv", "--out");
    assert_error(&run, "--out needs a value: a FILE");
    PARSE(&run, "export", "--format", "csv", "--weeks", "4");
    assert_error(&run, "--weeks does not apply to lull export; it is for lull insights and lull "
                       "seed-demo");
    PARSE(&run, "export", "--format", "csv", "--windowed");
    assert_error(&run, "--windowed does not apply to lull export; it is for running the app (lull "
                       "without a command)");
    PARSE(&run, "export", "--config", "c.conf", "--format", "csv");
    assert_error(&run, "--config does not apply to lull export; it is for running the app (lull "
                       "without a command)");
    PARSE(&run, "export", "--seed", "3", "--format", "csv");
    assert_error(&run, "--seed does not apply to lull export; it is for lull seed-demo");
    PARSE(&run, "export", "--format", "csv", "extra");
    assert_error(&run, "unexpected argument \"extra\"");
}

static void test_insights(void **state)
{
    (void)state;
    Run run;
    assert_int_equal(PARSE(&run, "insights"), 0);
    assert_int_equal(run.opts.command, CLI_INSIGHTS);
    assert_int_equal(run.opts.weeks, 4);
    assert_string_equal(run.opts.format, "text");
    assert_null(run.opts.db_path);

    assert_int_equal(PARSE(&run, "insights", "--db", "l.db", "--weeks", "12", "--format", "json"),
                     0);
    assert_int_equal(run.opts.weeks, 12);
    assert_string_equal(run.opts.format, "json");
    assert_string_equal(run.opts.db_path, "l.db");

    assert_int_equal(PARSE(&run, "insights", "--weeks=1", "--format=text"), 0);
    assert_int_equal(run.opts.weeks, 1);
    assert_string_equal(run.opts.format, "text");
    assert_int_equal(PARSE(&run, "insights", "--weeks", "520"), 0);
    assert_int_equal(run.opts.weeks, 520);

    static const char *const bad_weeks[] = {"0", "521", "-1", "four", "4.5", "4w", "99999999999"};
    for (size_t i = 0; i < sizeof bad_weeks / sizeof bad_weeks[0]; i++) {
        char expected[128];
        PARSE(&run, "insights", "--weeks", bad_weeks[i]);
        snprintf(expected, sizeof expected, "--weeks: \"%s\" is not a whole number from 1 to 520",
                 bad_weeks[i]);
        assert_error(&run, expected);
    }
    PARSE(&run, "insights", "--format", "csv");
    assert_error(&run, "--format: \"csv\" is not text or json");
    PARSE(&run, "insights", "--format=");
    assert_error(&run, "--format needs a value: text or json");
    PARSE(&run, "insights", "--out", "x");
    assert_error(&run, "--out does not apply to lull insights; it is for lull export");
    PARSE(&run, "insights", "--seed", "2");
    assert_error(&run, "--seed does not apply to lull insights; it is for lull seed-demo");
    PARSE(&run, "insights", "--headless");
    assert_error(&run,
                 "--headless does not apply to lull insights; it is for running the app (lull "
                 "without a command)");
}

static void test_seed_demo(void **state)
{
    (void)state;
    Run run;
    assert_int_equal(PARSE(&run, "seed-demo", "--weeks", "8"), 0);
    assert_int_equal(run.opts.command, CLI_SEED_DEMO);
    assert_int_equal(run.opts.weeks, 8);
    assert_int_equal(run.opts.seed, 1);
    assert_null(run.opts.db_path);

    assert_int_equal(PARSE(&run, "seed-demo", "--db=d.db", "--weeks=520", "--seed=0"), 0);
    assert_int_equal(run.opts.weeks, 520);
    assert_int_equal(run.opts.seed, 0);
    assert_string_equal(run.opts.db_path, "d.db");
    assert_int_equal(PARSE(&run, "seed-demo", "--seed", "4294967295", "--weeks", "1"), 0);
    assert_int_equal(run.opts.seed, 4294967295u);
    assert_int_equal(run.opts.weeks, 1);

    PARSE(&run, "seed-demo");
    assert_error(&run, "lull seed-demo needs --weeks N (1 to 520)");
    PARSE(&run, "seed-demo", "--seed", "3");
    assert_error(&run, "lull seed-demo needs --weeks N (1 to 520)");
    PARSE(&run, "seed-demo", "--weeks", "0");
    assert_error(&run, "--weeks: \"0\" is not a whole number from 1 to 520");
    PARSE(&run, "seed-demo", "--weeks", "4", "--seed", "4294967296");
    assert_error(&run, "--seed: \"4294967296\" is not a whole number from 0 to 4294967295");
    PARSE(&run, "seed-demo", "--weeks", "4", "--seed", "-1");
    assert_error(&run, "--seed: \"-1\" is not a whole number from 0 to 4294967295");
    PARSE(&run, "seed-demo", "--weeks", "4", "--seed=-1");
    assert_error(&run, "--seed: \"-1\" is not a whole number from 0 to 4294967295");
    PARSE(&run, "seed-demo", "--weeks", "4", "--seed", "abc");
    assert_error(&run, "--seed: \"abc\" is not a whole number from 0 to 4294967295");
    PARSE(&run, "seed-demo", "--weeks", "4", "--format", "json");
    assert_error(&run, "--format does not apply to lull seed-demo; it is for lull export and lull "
                       "insights");
    PARSE(&run, "seed-demo", "--weeks", "4", "--clock", "fake");
    assert_error(&run, "--clock does not apply to lull seed-demo; it is for running the app (lull "
                       "without a command)");
}

static void test_subcommand_options_do_not_apply_to_run(void **state)
{
    (void)state;
    Run run;
    PARSE(&run, "--format", "csv");
    assert_error(&run, "--format does not apply to lull; it is for lull export and lull insights");
    PARSE(&run, "--out", "x");
    assert_error(&run, "--out does not apply to lull; it is for lull export");
    PARSE(&run, "--weeks", "4");
    assert_error(&run,
                 "--weeks does not apply to lull; it is for lull insights and lull seed-demo");
    PARSE(&run, "--seed=4");
    assert_error(&run, "--seed does not apply to lull; it is for lull seed-demo");
}

static void test_usage_lists_everything(void **state)
{
    (void)state;
    const char *usage = cli_usage();
    static const char *const needed[] = {
        "--windowed",
        "--size WxH",
        "--rotate 0|90|180|270",
        "--db PATH",
        "--config PATH",
        "--headless",
        "--script FILE|-",
        "--screenshots DIR",
        "--clock fake[=YYYY-MM-DDTHH:MM]",
        "--audio-out FILE.wav",
        "lull export [--db PATH] --format csv|json [--out FILE]",
        "lull insights [--db PATH] [--weeks N] [--format text|json]",
        "lull seed-demo [--db PATH] --weeks N [--seed N]",
        "--version",
        "-h, --help",
        "--weeks N",
        "--seed N",
        "--out FILE",
        "2026-01-05T21:00",
        "$XDG_DATA_HOME/lull/lull.db",
        "~/.local/share/lull/lull.db",
        "$XDG_CONFIG_HOME/lull/lull.conf",
        "/etc/lull/lull.conf",
        "(default 4)",
        "(default 1)",
        "1 to 520",
        "--size=800x480",
    };
    for (size_t i = 0; i < sizeof needed / sizeof needed[0]; i++)
        if (!strstr(usage, needed[i]))
            fail_msg("usage lacks \"%s\"", needed[i]);
    assert_ptr_equal(usage, cli_usage());
    /* A terminal-friendly width. */
    for (const char *line = usage; *line;) {
        const char *end = strchr(line, '\n');
        assert_non_null(end);
        assert_true(end - line <= 100);
        line = end + 1;
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_no_arguments_runs_with_defaults),
        cmocka_unit_test(test_every_run_option),
        cmocka_unit_test(test_every_run_option_with_equals),
        cmocka_unit_test(test_script_from_standard_input),
        cmocka_unit_test(test_size),
        cmocka_unit_test(test_rotate),
        cmocka_unit_test(test_fake_clock),
        cmocka_unit_test(test_audio_out),
        cmocka_unit_test(test_missing_and_unwanted_values),
        cmocka_unit_test(test_unknown_and_stray_arguments),
        cmocka_unit_test(test_repeated_options),
        cmocka_unit_test(test_long_and_binary_arguments_are_shown_safely),
        cmocka_unit_test(test_version_and_help),
        cmocka_unit_test(test_export),
        cmocka_unit_test(test_insights),
        cmocka_unit_test(test_seed_demo),
        cmocka_unit_test(test_subcommand_options_do_not_apply_to_run),
        cmocka_unit_test(test_usage_lists_everything),
    };
    return cmocka_run_group_tests(tests, 0, 0);
}
