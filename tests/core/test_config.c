/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Config parsing: defaults, every key with good and bad values, messages that
 * name file, line and key, unknown keys, unreadable lines and garbage input,
 * and config_set for settings changed on the device. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lull/config.h"

typedef struct {
    Config config;
    Config defaults;
    char messages[CONFIG_MESSAGES_MAX];
    int problems;
} Parsed;

static void parse(Parsed *p, const char *text)
{
    config_defaults(&p->config);
    config_defaults(&p->defaults);
    memset(p->messages, 'x', sizeof p->messages); /* parse must replace, not append */
    p->problems = config_parse(&p->config, text, "lull.conf", p->messages, sizeof p->messages);
}

static int near(double a, double b)
{
    double d = a - b;
    return d < 1e-9 && d > -1e-9;
}

static int count_lines(const char *text)
{
    int lines = 0;
    for (; *text; text++)
        lines += *text == '\n';
    return lines;
}

/* Every field holds a value the app can use. */
static void assert_usable(const Config *c)
{
    assert_true(c->rotation == 0 || c->rotation == 90 || c->rotation == 180 || c->rotation == 270);
    assert_true(c->dpi == 0 || (c->dpi >= 50 && c->dpi <= 1000));
    assert_true(c->min_target_mm >= 7 && c->min_target_mm <= 30);
    assert_true(c->min_text_mm >= 2 && c->min_text_mm <= 10);
    assert_true(c->night == NIGHT_AUTO || c->night == NIGHT_ON || c->night == NIGHT_OFF);
    assert_in_range(c->night_start_min, 0, 24 * 60 - 1);
    assert_in_range(c->night_end_min, 0, 24 * 60 - 1);
    assert_in_range(c->brightness, 10, 100);
    assert_in_range(c->volume, 0, 100);
    assert_in_range(c->session_idle_min, 1, 240);
    assert_true(c->board == BOARD_AUTO || c->board == BOARD_FACING);
    assert_in_range(c->idle_dim_s, 0, 86400);
    assert_true(memchr(c->partner_first, '\0', sizeof c->partner_first) != NULL);
    assert_true(memchr(c->partner_second, '\0', sizeof c->partner_second) != NULL);
}

static void test_defaults(void **state)
{
    (void)state;
    Config c;
    memset(&c, 0x5A, sizeof c);
    config_defaults(&c);
    assert_string_equal(c.partner_first, "");
    assert_string_equal(c.partner_second, "");
    assert_int_equal(c.rotation, 0);
    assert_true(c.dpi == 0);
    assert_true(c.min_target_mm == 12);
    assert_true(c.min_text_mm == 4);
    assert_int_equal(c.night, NIGHT_AUTO);
    assert_int_equal(c.night_start_min, 21 * 60);
    assert_int_equal(c.night_end_min, 7 * 60);
    assert_int_equal(c.brightness, 100);
    assert_int_equal(c.volume, 70);
    assert_int_equal(c.session_idle_min, 30);
    assert_int_equal(c.board, BOARD_AUTO);
    assert_int_equal(c.idle_dim_s, 300);
    assert_usable(&c);
}

static void test_empty_and_null_text_keep_defaults(void **state)
{
    (void)state;
    Parsed p;
    parse(&p, "");
    assert_int_equal(p.problems, 0);
    assert_string_equal(p.messages, "");
    assert_memory_equal(&p.config, &p.defaults, sizeof p.config);

    parse(&p, NULL);
    assert_int_equal(p.problems, 0);
    assert_string_equal(p.messages, "");
    assert_memory_equal(&p.config, &p.defaults, sizeof p.config);

    parse(&p, "\n\n   \n; only a comment\n# another\n");
    assert_int_equal(p.problems, 0);
    assert_string_equal(p.messages, "");
    assert_memory_equal(&p.config, &p.defaults, sizeof p.config);
}

static void test_every_key_good(void **state)
{
    (void)state;
    Parsed p;
    parse(&p, "[partners]\n"
              "first = Alex\n"
              "second = Sam\n"
              "[display]\n"
              "rotation = 270\n"
              "dpi = 133\n"
              "min_target_mm = 14.5\n"
              "min_text_mm = 5\n"
              "night = on\n"
              "night_start = 22:30\n"
              "night_end = 6:05\n"
              "brightness = 40\n"
              "idle_dim_s = 600\n"
              "[sound]\n"
              "volume = 0\n"
              "[signals]\n"
              "idle_minutes = 240\n"
              "layout = facing\n");
    assert_string_equal(p.messages, "");
    assert_int_equal(p.problems, 0);
    assert_string_equal(p.config.partner_first, "Alex");
    assert_string_equal(p.config.partner_second, "Sam");
    assert_int_equal(p.config.rotation, 270);
    assert_true(p.config.dpi == 133);
    assert_true(p.config.min_target_mm == 14.5);
    assert_true(p.config.min_text_mm == 5);
    assert_int_equal(p.config.night, NIGHT_ON);
    assert_int_equal(p.config.night_start_min, 22 * 60 + 30);
    assert_int_equal(p.config.night_end_min, 6 * 60 + 5);
    assert_int_equal(p.config.brightness, 40);
    assert_int_equal(p.config.idle_dim_s, 600);
    assert_int_equal(p.config.volume, 0);
    assert_int_equal(p.config.session_idle_min, 240);
    assert_int_equal(p.config.board, BOARD_FACING);
}

static void test_good_edges_and_alternatives(void **state)
{
    (void)state;
    Parsed p;
    parse(&p, "[display]\nrotation = 0\nrotation = 90\ndpi = 50\nmin_target_mm = 7\n"
              "min_text_mm = 10\nnight = off\nnight_start = 00:00\nnight_end = 23:59\n"
              "brightness = 10\nidle_dim_minutes = 1440\n[sound]\nvolume = 100\n"
              "[signals]\nidle_minutes = 1\nlayout = auto\n");
    assert_string_equal(p.messages, "");
    assert_int_equal(p.config.rotation, 90);
    assert_true(p.config.dpi == 50);
    assert_true(p.config.min_target_mm == 7);
    assert_true(p.config.min_text_mm == 10);
    assert_int_equal(p.config.night, NIGHT_OFF);
    assert_int_equal(p.config.night_start_min, 0);
    assert_int_equal(p.config.night_end_min, 23 * 60 + 59);
    assert_int_equal(p.config.brightness, 10);
    assert_int_equal(p.config.idle_dim_s, 1440 * 60);
    assert_int_equal(p.config.volume, 100);
    assert_int_equal(p.config.session_idle_min, 1);
    assert_int_equal(p.config.board, BOARD_AUTO);

    parse(&p, "[display]\ndpi = 1000\nrotation = 180\nmin_target_mm = 30\nmin_text_mm = 2\n"
              "brightness = 100\nidle_dim_s = 0\nnight = auto\n");
    assert_string_equal(p.messages, "");
    assert_true(p.config.dpi == 1000);
    assert_int_equal(p.config.rotation, 180);
    assert_true(p.config.min_target_mm == 30);
    assert_true(p.config.min_text_mm == 2);
    assert_int_equal(p.config.idle_dim_s, 0);
    assert_int_equal(p.config.night, NIGHT_AUTO);

    /* "auto" hands dpi back to the display; a later 0 minutes means never. */
    parse(&p, "[display]\ndpi = 96.5\ndpi = auto\nidle_dim_minutes = 5\nidle_dim_minutes = 0\n");
    assert_string_equal(p.messages, "");
    assert_true(p.config.dpi == 0);
    assert_int_equal(p.config.idle_dim_s, 0);

    parse(&p, "[display]\ndpi = 133.333\nidle_dim_minutes = 2\n");
    assert_true(near(p.config.dpi, 133.333));
    assert_int_equal(p.config.idle_dim_s, 120);
}

static void test_design_example_message(void **state)
{
    (void)state;
    Parsed p;
    parse(&p, "; Lull\n\n[partners]\nfirst = Alex\n\n[display]\ndpi = abc\nvolume_typo = 3\n");
    assert_int_equal(p.problems, 2);
    assert_string_equal(p.messages,
                        "lull.conf:7: display.dpi: \"abc\" is not a number from 50 to 1000; "
                        "using the display's\n"
                        "lull.conf:8: display.volume_typo: unknown key, ignored\n");
    assert_true(p.config.dpi == 0);
    assert_string_equal(p.config.partner_first, "Alex");
}

typedef struct {
    const char *section;
    const char *key;
    const char *value;
    const char *message; /* after "lull.conf:3: " */
} BadValue;

static const BadValue bad_values[] = {
    {"display", "rotation", "45", "display.rotation: \"45\" is not 0, 90, 180 or 270; using 0"},
    {"display", "rotation", "-90", "display.rotation: \"-90\" is not 0, 90, 180 or 270; using 0"},
    {"display", "rotation", "90.0", "display.rotation: \"90.0\" is not 0, 90, 180 or 270; using 0"},
    {"display", "rotation", "360", "display.rotation: \"360\" is not 0, 90, 180 or 270; using 0"},
    {"display", "dpi", "49",
     "display.dpi: \"49\" is not a number from 50 to 1000; using the "
     "display's"},
    {"display", "dpi", "1000.5",
     "display.dpi: \"1000.5\" is not a number from 50 to 1000; "
     "using the display's"},
    {"display", "dpi", "nan",
     "display.dpi: \"nan\" is not a number from 50 to 1000; using the "
     "display's"},
    {"display", "dpi", "inf",
     "display.dpi: \"inf\" is not a number from 50 to 1000; using the "
     "display's"},
    {"display", "dpi", "1e2",
     "display.dpi: \"1e2\" is not a number from 50 to 1000; using the "
     "display's"},
    {"display", "dpi", "0x80",
     "display.dpi: \"0x80\" is not a number from 50 to 1000; using "
     "the display's"},
    {"display", "dpi", "133abc",
     "display.dpi: \"133abc\" is not a number from 50 to 1000; "
     "using the display's"},
    {"display", "dpi", "-133",
     "display.dpi: \"-133\" is not a number from 50 to 1000; using "
     "the display's"},
    {"display", "dpi", "133.",
     "display.dpi: \"133.\" is not a number from 50 to 1000; using "
     "the display's"},
    {"display", "dpi", ".5",
     "display.dpi: \".5\" is not a number from 50 to 1000; using the "
     "display's"},
    {"display", "dpi", "133,5",
     "display.dpi: \"133,5\" is not a number from 50 to 1000; using "
     "the display's"},
    {"display", "min_target_mm", "6.99",
     "display.min_target_mm: \"6.99\" is not a number from "
     "7 to 30; using 12"},
    {"display", "min_target_mm", "31",
     "display.min_target_mm: \"31\" is not a number from 7 "
     "to 30; using 12"},
    {"display", "min_target_mm", "12 mm",
     "display.min_target_mm: \"12 mm\" is not a number "
     "from 7 to 30; using 12"},
    {"display", "min_text_mm", "1",
     "display.min_text_mm: \"1\" is not a number from 2 to 10; "
     "using 4"},
    {"display", "min_text_mm", "11",
     "display.min_text_mm: \"11\" is not a number from 2 to "
     "10; using 4"},
    {"display", "night", "sometimes",
     "display.night: \"sometimes\" is not auto, on or off; "
     "using auto"},
    {"display", "night", "1", "display.night: \"1\" is not auto, on or off; using auto"},
    {"display", "night_start", "24:00",
     "display.night_start: \"24:00\" is not a time of day "
     "as HH:MM (00:00 to 23:59); using 21:00"},
    {"display", "night_start", "21:60",
     "display.night_start: \"21:60\" is not a time of day "
     "as HH:MM (00:00 to 23:59); using 21:00"},
    {"display", "night_start", "21",
     "display.night_start: \"21\" is not a time of day as "
     "HH:MM (00:00 to 23:59); using 21:00"},
    {"display", "night_start", "9pm",
     "display.night_start: \"9pm\" is not a time of day as "
     "HH:MM (00:00 to 23:59); using 21:00"},
    {"display", "night_end", "7:5",
     "display.night_end: \"7:5\" is not a time of day as HH:MM "
     "(00:00 to 23:59); using 07:00"},
    {"display", "night_end", "-1:00",
     "display.night_end: \"-1:00\" is not a time of day as "
     "HH:MM (00:00 to 23:59); using 07:00"},
    {"display", "night_end", "007:00",
     "display.night_end: \"007:00\" is not a time of day as "
     "HH:MM (00:00 to 23:59); using 07:00"},
    {"display", "night_end", "07:00:00",
     "display.night_end: \"07:00:00\" is not a time of day "
     "as HH:MM (00:00 to 23:59); using 07:00"},
    {"display", "brightness", "9",
     "display.brightness: \"9\" is not a whole number from 10 to "
     "100; using 100"},
    {"display", "brightness", "101",
     "display.brightness: \"101\" is not a whole number from 10 "
     "to 100; using 100"},
    {"display", "brightness", "50%",
     "display.brightness: \"50%\" is not a whole number from 10 "
     "to 100; using 100"},
    {"display", "idle_dim_s", "86401",
     "display.idle_dim_s: \"86401\" is not a whole number "
     "from 0 to 86400 (0 = never); using 300"},
    {"display", "idle_dim_s", "never",
     "display.idle_dim_s: \"never\" is not a whole number "
     "from 0 to 86400 (0 = never); using 300"},
    {"display", "idle_dim_minutes", "1441",
     "display.idle_dim_minutes: \"1441\" is not a whole "
     "number from 0 to 1440 (0 = never); using 5"},
    {"display", "idle_dim_minutes", "2.5",
     "display.idle_dim_minutes: \"2.5\" is not a whole "
     "number from 0 to 1440 (0 = never); using 5"},
    {"sound", "volume", "101",
     "sound.volume: \"101\" is not a whole number from 0 to 100; "
     "using 70"},
    {"sound", "volume", "-1",
     "sound.volume: \"-1\" is not a whole number from 0 to 100; using "
     "70"},
    {"sound", "volume", "+5",
     "sound.volume: \"+5\" is not a whole number from 0 to 100; using "
     "70"},
    {"sound", "volume", "12abc",
     "sound.volume: \"12abc\" is not a whole number from 0 to 100; "
     "using 70"},
    {"sound", "volume", "99999999999999999999999",
     "sound.volume: \"99999999999999999999999\" "
     "is not a whole number from 0 to 100; using "
     "70"},
    {"sound", "volume", "4294967366",
     "sound.volume: \"4294967366\" is not a whole number from "
     "0 to 100; using 70"},
    {"sound", "volume", "loud",
     "sound.volume: \"loud\" is not a whole number from 0 to 100; "
     "using 70"},
    {"sound", "volume", "7 0",
     "sound.volume: \"7 0\" is not a whole number from 0 to 100; "
     "using 70"},
    {"signals", "idle_minutes", "0",
     "signals.idle_minutes: \"0\" is not a whole number from 1 "
     "to 240; using 30"},
    {"signals", "idle_minutes", "241",
     "signals.idle_minutes: \"241\" is not a whole number "
     "from 1 to 240; using 30"},
    {"signals", "layout", "side", "signals.layout: \"side\" is not auto or facing; using auto"},
};

static void test_every_key_bad(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof bad_values / sizeof bad_values[0]; i++) {
        const BadValue *bad = &bad_values[i];
        char text[256];
        char expected[512];
        Parsed p;
        snprintf(text, sizeof text, "# line 1\n[%s]\n%s = %s\n", bad->section, bad->key,
                 bad->value);
        parse(&p, text);
        snprintf(expected, sizeof expected, "lull.conf:3: %s\n", bad->message);
        if (strcmp(p.messages, expected) != 0)
            fail_msg("for %s.%s = %s\n got: %s\nwant: %s", bad->section, bad->key, bad->value,
                     p.messages, expected);
        assert_int_equal(p.problems, 1);
        /* The default is kept. */
        assert_memory_equal(&p.config, &p.defaults, sizeof p.config);
    }
}

static void test_bad_value_keeps_earlier_good_one(void **state)
{
    (void)state;
    Parsed p;
    parse(&p, "[display]\ndpi = 160\ndpi = lots\nmin_target_mm = 15\nmin_target_mm = 99\n"
              "night_start = 20:15\nnight_start = 8\n[sound]\nvolume=40\nvolume=400\n"
              "[signals]\nlayout = facing\nlayout = round\n");
    assert_int_equal(p.problems, 5);
    assert_non_null(strstr(p.messages, "lull.conf:3: display.dpi: \"lots\" is not a number from "
                                       "50 to 1000; using 160\n"));
    assert_non_null(strstr(p.messages, "lull.conf:5: display.min_target_mm: \"99\" is not a "
                                       "number from 7 to 30; using 15\n"));
    assert_non_null(strstr(p.messages, "lull.conf:7: display.night_start: \"8\" is not a time "
                                       "of day as HH:MM (00:00 to 23:59); using 20:15\n"));
    assert_non_null(strstr(p.messages, "lull.conf:10: sound.volume: \"400\" is not a whole "
                                       "number from 0 to 100; using 40\n"));
    assert_non_null(strstr(p.messages, "lull.conf:13: signals.layout: \"round\" is not auto or "
                                       "facing; using facing\n"));
    assert_true(p.config.dpi == 160);
    assert_true(p.config.min_target_mm == 15);
    assert_int_equal(p.config.night_start_min, 20 * 60 + 15);
    assert_int_equal(p.config.volume, 40);
    assert_int_equal(p.config.board, BOARD_FACING);
}

static void test_empty_values_are_reported(void **state)
{
    (void)state;
    Parsed p;
    parse(&p, "[partners]\nfirst =\n[display]\ndpi =   \nnight=\n[sound]\nvolume = ; nothing\n");
    assert_int_equal(p.problems, 4);
    assert_string_equal(p.messages, "lull.conf:2: partners.first: no value; ignored\n"
                                    "lull.conf:4: display.dpi: no value; ignored\n"
                                    "lull.conf:5: display.night: no value; ignored\n"
                                    "lull.conf:7: sound.volume: no value; ignored\n");
    assert_memory_equal(&p.config, &p.defaults, sizeof p.config);
}

static void test_names(void **state)
{
    (void)state;
    Parsed p;
    /* Trimmed, quotes dropped, UTF-8 kept. */
    parse(&p, "[partners]\nfirst =   Zoë Ångström   \nsecond = \"Sam\"\n");
    assert_string_equal(p.messages, "");
    assert_string_equal(p.config.partner_first, "Zoë Ångström");
    assert_string_equal(p.config.partner_second, "Sam");

    /* At most 40 characters, and 63 bytes: 31 two-byte characters fit, 32 do not;
     * 15 four-byte ones fit, 16 do not. */
    char text[1024];
    char name[CONFIG_NAME_MAX + 8];
    for (int i = 0; i < 31; i++)
        memcpy(name + 2 * i, "\xC3\xA9", 2);
    name[62] = '\0';
    snprintf(text, sizeof text, "[partners]\nfirst = %s\nsecond = %s\xC3\xA9\n", name, name);
    parse(&p, text);
    assert_int_equal(p.problems, 1);
    assert_string_equal(p.messages, "lull.conf:3: partners.second: the name is longer than 63 "
                                    "bytes of UTF-8; ignored\n");
    assert_string_equal(p.config.partner_first, name);
    assert_string_equal(p.config.partner_second, "");

    for (int i = 0; i < 16; i++)
        memcpy(name + 4 * i, "\xF0\x9F\x92\x9C", 4); /* U+1F49C */
    name[64] = '\0';
    snprintf(text, sizeof text, "[partners]\nfirst = %.60s\nsecond = %s\n", name, name);
    parse(&p, text);
    assert_int_equal(p.problems, 1);
    assert_string_equal(p.messages, "lull.conf:3: partners.second: the name is longer than 63 "
                                    "bytes of UTF-8; ignored\n");
    assert_int_equal(strlen(p.config.partner_first), 60);
    assert_string_equal(p.config.partner_second, "");

    snprintf(text, sizeof text, "[partners]\nfirst = %sA\nsecond = %s\n",
             "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmn",
             "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmn");
    parse(&p, text);
    assert_int_equal(p.problems, 1);
    assert_string_equal(p.messages, "lull.conf:2: partners.first: the name is longer than 40 "
                                    "characters; ignored\n");
    assert_string_equal(p.config.partner_first, "");
    assert_string_equal(p.config.partner_second, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmn");
}

static void test_bad_names_are_not_repeated(void **state)
{
    (void)state;
    Parsed p;
    parse(&p, "[partners]\nfirst = Al\x01x\nsecond = Sam\x7F\nfirst = Al\tex\n"
              "second = Sa\xC3\x28m\nfirst = \xE2\x80\xAEreversed\nsecond = \xC0\xAFx\n"
              "first = \"\"\nsecond = \xED\xA0\x80\n");
    assert_int_equal(p.problems, 8);
    assert_string_equal(p.messages,
                        "lull.conf:2: partners.first: the name has a control character; "
                        "ignored\n"
                        "lull.conf:3: partners.second: the name has a control character; "
                        "ignored\n"
                        "lull.conf:4: partners.first: the name has a control character; "
                        "ignored\n"
                        "lull.conf:5: partners.second: the name is not valid UTF-8 text; "
                        "ignored\n"
                        "lull.conf:6: partners.first: the name has a control character; "
                        "ignored\n"
                        "lull.conf:7: partners.second: the name is not valid UTF-8 text; "
                        "ignored\n"
                        "lull.conf:8: partners.first: the name is empty; ignored\n"
                        "lull.conf:9: partners.second: the name is not valid UTF-8 text; "
                        "ignored\n");
    assert_null(strstr(p.messages, "Al"));
    assert_null(strstr(p.messages, "Sam"));
    assert_string_equal(p.config.partner_first, "");
    assert_string_equal(p.config.partner_second, "");
}

static void test_unknown_sections_and_keys(void **state)
{
    (void)state;
    Parsed p;
    parse(&p, "volume = 20\n"
              "colour = blue\n"
              "[display]\n"
              "dpl = 133\n"
              "rotation = 90\n"
              "[plan]\n"
              "steps = 3\n"
              "empty =\n"
              "[sound]\n"
              "volume = 30\n");
    assert_int_equal(p.problems, 5);
    assert_string_equal(p.messages,
                        "lull.conf:1: volume: not under a [section] (it belongs under [sound]); "
                        "ignored\n"
                        "lull.conf:2: colour: unknown key, ignored\n"
                        "lull.conf:4: display.dpl: unknown key, ignored\n"
                        "lull.conf:7: plan.steps: unknown section, ignored\n"
                        "lull.conf:8: plan.empty: unknown section, ignored\n");
    /* Unknown keys change nothing; the known ones still apply. */
    assert_int_equal(p.config.rotation, 90);
    assert_int_equal(p.config.volume, 30);
    assert_true(p.config.dpi == 0);
}

static void test_names_are_case_insensitive(void **state)
{
    (void)state;
    Parsed p;
    parse(&p, "[Display]\nNIGHT = On\nRotation = 180\nDPI = Auto\n[ SOUND ]\nVolume = 5\n"
              "[Signals]\nLayout = FACING\n");
    assert_string_equal(p.messages, "");
    assert_int_equal(p.config.night, NIGHT_ON);
    assert_int_equal(p.config.rotation, 180);
    assert_true(p.config.dpi == 0);
    assert_int_equal(p.config.volume, 5);
    assert_int_equal(p.config.board, BOARD_FACING);
}

static void test_comments_and_layout(void **state)
{
    (void)state;
    Parsed p;
    /* Full-line ; and # comments, inline ; and # comments after a space, indented keys
     * (inih would read them as continuations), name: value, CRLF line ends. */
    parse(&p, "\xEF\xBB\xBF; Lull config\r\n"
              "# written by hand\r\n"
              "[display]   ; the screen\r\n"
              "    rotation = 90   ; landscape\r\n"
              "\tdpi = 133 # the Pi panel\r\n"
              "  night: off\r\n"
              "[sound]\r\n"
              "volume=55;not a comment without a space\r\n"
              "[partners]\r\n"
              "first = Alex #1\r\n"
              "second = Sam#2\r\n");
    assert_int_equal(p.problems, 1);
    assert_string_equal(p.messages, "lull.conf:8: sound.volume: \"55;not a comment without a "
                                    "space\" is not a whole number from 0 to 100; using 70\n");
    assert_int_equal(p.config.rotation, 90);
    assert_true(p.config.dpi == 133);
    assert_int_equal(p.config.night, NIGHT_OFF);
    assert_string_equal(p.config.partner_first, "Alex");
    assert_string_equal(p.config.partner_second, "Sam#2");

    /* A '#' alone starts a comment; one that starts a word is the value. */
    parse(&p, "[partners]\nfirst = # nobody yet\nsecond = #Sam\n");
    assert_int_equal(p.problems, 1);
    assert_string_equal(p.messages, "lull.conf:2: partners.first: no value; ignored\n");
    assert_string_equal(p.config.partner_second, "#Sam");
}

static void test_line_numbers_with_cr_and_no_final_newline(void **state)
{
    (void)state;
    Parsed p;
    /* Old Mac line ends, blank lines and a last line without a newline. */
    parse(&p, "[display]\r\rrotation = 1\r\n\n[sound]\nvolume = x");
    assert_int_equal(p.problems, 2);
    assert_string_equal(p.messages,
                        "lull.conf:3: display.rotation: \"1\" is not 0, 90, 180 or 270; using 0\n"
                        "lull.conf:6: sound.volume: \"x\" is not a whole number from 0 to 100; "
                        "using 70\n");
}

static void test_unreadable_lines(void **state)
{
    (void)state;
    Parsed p;
    parse(&p, "[display]\n"
              "rotation 90\n"         /* 2: no '=' */
              "dpi = 120\n"           /* 3: fine */
              "[sound\n"              /* 4: no ']' ... */
              "volume = 10\n"         /* 5: ... so this key has no usable section */
              "[signals]\n"           /* 6 */
              "just words ; x = 1\n"  /* 7: the '=' is inside a comment */
              "= 5\n"                 /* 8: no key name */
              "layout = facing\n"     /* 9: fine */
              "  continued words\n"); /* 10: not a continuation, an unreadable line */
    assert_int_equal(p.problems, 5);
    assert_string_equal(p.messages,
                        "lull.conf:2: not a \"key = value\" line or a [section]; ignored\n"
                        "lull.conf:4: a [section] header without its ']'; ignored, with the "
                        "keys under it\n"
                        "lull.conf:7: not a \"key = value\" line or a [section]; ignored\n"
                        "lull.conf:8: a value without a key name; ignored\n"
                        "lull.conf:10: not a \"key = value\" line or a [section]; ignored\n");
    assert_int_equal(p.config.rotation, 0);
    assert_true(p.config.dpi == 120);
    assert_int_equal(p.config.volume, 70);
    assert_int_equal(p.config.board, BOARD_FACING);
}

static void test_filename_in_messages(void **state)
{
    (void)state;
    Config c;
    char messages[512];
    config_defaults(&c);
    assert_int_equal(config_parse(&c, "[sound]\nvolume = x\n", "/etc/lull/lull.conf", messages,
                                  sizeof messages),
                     1);
    assert_string_equal(messages, "/etc/lull/lull.conf:2: sound.volume: \"x\" is not a whole "
                                  "number from 0 to 100; using 70\n");
    config_defaults(&c);
    assert_int_equal(config_parse(&c, "[sound]\nvolume = x\n", NULL, messages, sizeof messages), 1);
    assert_string_equal(messages, "config:2: sound.volume: \"x\" is not a whole number from 0 to "
                                  "100; using 70\n");
    /* No message buffer: still counted and still safe. */
    config_defaults(&c);
    assert_int_equal(config_parse(&c, "[sound]\nvolume = x\nvolume = 20\n", "a", NULL, 0), 1);
    assert_int_equal(c.volume, 20);
}

static void test_bad_values_are_quoted_safely(void **state)
{
    (void)state;
    Parsed p;
    parse(&p, "[sound]\nvolume = \"quoted\\\" \x01\x1b[31m\xFF\n"
              "volume = aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n"
              "volume = ééééééééééééééééééééééééééééééééééééééééé\n");
    assert_int_equal(p.problems, 3);
    assert_string_equal(p.messages,
                        "lull.conf:2: sound.volume: \"\\\"quoted\\\\\\\" \\x01\\x1B[31m\\xFF\" is "
                        "not a whole number from 0 to 100; using 70\n"
                        "lull.conf:3: sound.volume: \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa...\" is "
                        "not a whole number from 0 to 100; using 70\n"
                        "lull.conf:4: sound.volume: \"éééééééééééééééééééééééééééééééé...\" is "
                        "not a whole number from 0 to 100; using 70\n");
}

static void test_long_lines(void **state)
{
    (void)state;
    size_t size = 300 * 1024;
    char *text = malloc(size);
    assert_non_null(text);
    size_t len = 0;
    len += (size_t)snprintf(text + len, size - len, "[display]\nrotation = 90\ndpi = ");
    memset(text + len, '7', 100 * 1024);
    len += 100 * 1024;
    len += (size_t)snprintf(text + len, size - len, "\n[sound]\nvolume = 10\n[");
    memset(text + len, 's', 100 * 1024);
    len += 100 * 1024;
    len += (size_t)snprintf(text + len, size - len, "]\nvolume = 20\n[signals]\nidle_minutes=9\n");
    text[len] = '\0';

    Parsed p;
    parse(&p, text);
    free(text);
    assert_int_equal(p.problems, 2);
    assert_int_equal(count_lines(p.messages), 2);
    assert_non_null(strstr(p.messages, "lull.conf:3: the line is longer than "));
    assert_non_null(strstr(p.messages, " characters; ignored\n"));
    assert_non_null(strstr(p.messages, "lull.conf:6: the line is longer than "));
    assert_non_null(strstr(p.messages, " characters; ignored, with the keys under it\n"));
    assert_int_equal(p.config.rotation, 90);
    assert_true(p.config.dpi == 0);
    /* Keys under the header that was too long are not put into [sound]. */
    assert_int_equal(p.config.volume, 10);
    assert_int_equal(p.config.session_idle_min, 9);
}

static void test_many_problems_fill_messages_safely(void **state)
{
    (void)state;
    size_t size = 1000 * 16 + 16;
    char *text = malloc(size);
    assert_non_null(text);
    size_t len = (size_t)snprintf(text, size, "[sound]\n");
    for (int i = 0; i < 1000; i++)
        len += (size_t)snprintf(text + len, size - len, "volume = x%d\n", i);
    Parsed p;
    parse(&p, text);
    assert_int_equal(p.problems, 1000);
    size_t used = strlen(p.messages);
    assert_true(used < sizeof p.messages);
    const char *tail = "(more problems not shown)\n";
    assert_string_equal(p.messages + used - strlen(tail), tail);
    assert_non_null(strstr(p.messages, "lull.conf:2: sound.volume: \"x0\""));
    assert_int_equal(p.config.volume, 70);

    /* Small buffers: whole lines only, always terminated, never overrun. */
    char small[64];
    Config c;
    for (size_t n = 1; n <= sizeof small; n++) {
        memset(small, '#', sizeof small);
        config_defaults(&c);
        assert_int_equal(config_parse(&c, text, "lull.conf", small, n), 1000);
        assert_true(memchr(small, '\0', n) != NULL);
        for (size_t k = n; k < sizeof small; k++)
            assert_int_equal(small[k], '#');
        size_t small_len = strlen(small);
        assert_true(small_len == 0 || small[small_len - 1] == '\n');
    }
    free(text);
}

static uint32_t next_random(uint32_t *seed)
{
    *seed = *seed * 1664525u + 1013904223u;
    return *seed >> 8;
}

static void test_garbage_never_crashes(void **state)
{
    (void)state;
    static const char *const pieces[] = {
        "[display]", "[sound]", "[partners]", "[signals]", "[",
        "]",         "=",       ":",          ";",         "#",
        "\n",        "\r",      "\r\n",       " ",         "\t",
        "dpi",       "volume",  "first",      "rotation",  "night_start",
        "\"",        "\\",      "90",         "1e9",       "-",
        ".",         "auto",    "\xFF",       "\xC3",      "\xE2\x80\xAE",
        "\x01",      "99:99",   "facing",     "layout",    "idle_dim_minutes",
    };
    size_t size = 64 * 1024;
    char *text = malloc(size + 1);
    assert_non_null(text);
    uint32_t seed = 12345;
    for (int round = 0; round < 200; round++) {
        size_t len = 0;
        size_t target = 64 + next_random(&seed) % (size - 64);
        while (len < target) {
            if (round % 2) {
                /* Raw bytes, no NUL (the text is a C string). */
                text[len++] = (char)(1 + next_random(&seed) % 255);
            } else {
                const char *piece = pieces[next_random(&seed) % (sizeof pieces / sizeof pieces[0])];
                size_t piece_len = strlen(piece);
                if (len + piece_len > size)
                    break;
                memcpy(text + len, piece, piece_len);
                len += piece_len;
            }
        }
        text[len] = '\0';
        Parsed p;
        parse(&p, text);
        assert_usable(&p.config);
        assert_true(strlen(p.messages) < sizeof p.messages);
        assert_true(p.problems >= count_lines(p.messages) - 1);
    }
    free(text);
}

static void test_set_applies_valid_values(void **state)
{
    (void)state;
    Config c;
    char why[256];
    config_defaults(&c);
    assert_int_equal(config_set(&c, "partners", "first", "  Alex  ", why, sizeof why), 0);
    assert_string_equal(why, "");
    assert_string_equal(c.partner_first, "Alex");
    assert_int_equal(config_set(&c, "partners", "second", "Sam #2", why, sizeof why), 0);
    assert_string_equal(c.partner_second, "Sam #2"); /* no comments in stored settings */
    assert_int_equal(config_set(&c, "display", "rotation", "270", why, sizeof why), 0);
    assert_int_equal(c.rotation, 270);
    assert_int_equal(config_set(&c, "display", "dpi", "210.5", why, sizeof why), 0);
    assert_true(c.dpi == 210.5);
    assert_int_equal(config_set(&c, "Display", "DPI", "auto", why, sizeof why), 0);
    assert_true(c.dpi == 0);
    assert_int_equal(config_set(&c, "display", "min_target_mm", "20", why, sizeof why), 0);
    assert_true(c.min_target_mm == 20);
    assert_int_equal(config_set(&c, "display", "min_text_mm", "6", why, sizeof why), 0);
    assert_true(c.min_text_mm == 6);
    assert_int_equal(config_set(&c, "display", "night", "off", why, sizeof why), 0);
    assert_int_equal(c.night, NIGHT_OFF);
    assert_int_equal(config_set(&c, "display", "night_start", "19:45", why, sizeof why), 0);
    assert_int_equal(c.night_start_min, 19 * 60 + 45);
    assert_int_equal(config_set(&c, "display", "night_end", "08:00", why, sizeof why), 0);
    assert_int_equal(c.night_end_min, 8 * 60);
    assert_int_equal(config_set(&c, "display", "brightness", "55", why, sizeof why), 0);
    assert_int_equal(c.brightness, 55);
    assert_int_equal(config_set(&c, "display", "idle_dim_s", "0", why, sizeof why), 0);
    assert_int_equal(c.idle_dim_s, 0);
    assert_int_equal(config_set(&c, "display", "idle_dim_minutes", "10", why, sizeof why), 0);
    assert_int_equal(c.idle_dim_s, 600);
    assert_int_equal(config_set(&c, "sound", "volume", "35", why, sizeof why), 0);
    assert_int_equal(c.volume, 35);
    assert_int_equal(config_set(&c, "signals", "idle_minutes", "45", why, sizeof why), 0);
    assert_int_equal(c.session_idle_min, 45);
    assert_int_equal(config_set(&c, "signals", "layout", "facing", NULL, 0), 0);
    assert_int_equal(c.board, BOARD_FACING);
}

static void test_set_rejects_bad_values(void **state)
{
    (void)state;
    Config c;
    Config before;
    char why[256];
    config_defaults(&c);
    assert_int_equal(config_set(&c, "sound", "volume", "35", why, sizeof why), 0);
    before = c;

    assert_int_equal(config_set(&c, "sound", "volume", "150", why, sizeof why), -1);
    assert_string_equal(why, "sound.volume: \"150\" is not a whole number from 0 to 100; using "
                             "35");
    assert_int_equal(config_set(&c, "display", "dpi", "nan", why, sizeof why), -1);
    assert_string_equal(why, "display.dpi: \"nan\" is not a number from 50 to 1000; using the "
                             "display's");
    assert_int_equal(config_set(&c, "display", "rotation", "", why, sizeof why), -1);
    assert_string_equal(why, "display.rotation: no value; ignored");
    assert_int_equal(config_set(&c, "display", "rotation", NULL, why, sizeof why), -1);
    assert_string_equal(why, "display.rotation: no value; ignored");
    assert_int_equal(config_set(&c, "partners", "first", "A\nB", why, sizeof why), -1);
    assert_string_equal(why, "partners.first: the name has a control character; ignored");
    assert_int_equal(config_set(&c, "display", "colour", "blue", why, sizeof why), -1);
    assert_string_equal(why, "display.colour: unknown key, ignored");
    assert_int_equal(config_set(&c, "plan", "steps", "3", why, sizeof why), -1);
    assert_string_equal(why, "plan.steps: unknown section, ignored");
    assert_int_equal(config_set(&c, NULL, "volume", "3", why, sizeof why), -1);
    assert_non_null(strstr(why, "unknown key"));
    assert_int_equal(config_set(&c, "sound", "volume", "12abc", NULL, 0), -1);
    /* A message cut to a small buffer is still terminated. */
    char tiny[8];
    assert_int_equal(config_set(&c, "sound", "volume", "12abc", tiny, sizeof tiny), -1);
    assert_string_equal(tiny, "sound.v");
    assert_memory_equal(&c, &before, sizeof c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_defaults),
        cmocka_unit_test(test_empty_and_null_text_keep_defaults),
        cmocka_unit_test(test_every_key_good),
        cmocka_unit_test(test_good_edges_and_alternatives),
        cmocka_unit_test(test_design_example_message),
        cmocka_unit_test(test_every_key_bad),
        cmocka_unit_test(test_bad_value_keeps_earlier_good_one),
        cmocka_unit_test(test_empty_values_are_reported),
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_bad_names_are_not_repeated),
        cmocka_unit_test(test_unknown_sections_and_keys),
        cmocka_unit_test(test_names_are_case_insensitive),
        cmocka_unit_test(test_comments_and_layout),
        cmocka_unit_test(test_line_numbers_with_cr_and_no_final_newline),
        cmocka_unit_test(test_unreadable_lines),
        cmocka_unit_test(test_filename_in_messages),
        cmocka_unit_test(test_bad_values_are_quoted_safely),
        cmocka_unit_test(test_long_lines),
        cmocka_unit_test(test_many_problems_fill_messages_safely),
        cmocka_unit_test(test_garbage_never_crashes),
        cmocka_unit_test(test_set_applies_valid_values),
        cmocka_unit_test(test_set_rejects_bad_values),
    };
    return cmocka_run_group_tests(tests, 0, 0);
}
