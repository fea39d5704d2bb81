/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The automation script parser: every command in its good forms, comments and
 * whitespace, quoting, and a clear message for every kind of bad line. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lull/script.h"

static ScriptCommand parse_good(const char *line)
{
    ScriptCommand cmd;
    char err[256];
    memset(&cmd, 0x5A, sizeof cmd);
    memset(err, 'x', sizeof err);
    int result = script_parse_line(line, &cmd, err, sizeof err);
    if (result != 0)
        fail_msg("line <%s> was refused: %s", line, err);
    assert_string_equal(err, "");
    return cmd;
}

static void assert_bad(const char *line, const char *message)
{
    ScriptCommand cmd;
    char err[256];
    memset(&cmd, 0x5A, sizeof cmd);
    int result = script_parse_line(line, &cmd, err, sizeof err);
    if (result != -1)
        fail_msg("line <%s> was accepted", line);
    if (strcmp(err, message) != 0)
        fail_msg("line <%s>\n got: %s\nwant: %s", line, err, message);
    /* A refused line is never half a command. */
    assert_int_equal(cmd.kind, SCRIPT_EMPTY);
    assert_string_equal(cmd.text, "");
    assert_int_equal(cmd.ms, 0);
}

static void test_blank_and_comment_lines(void **state)
{
    (void)state;
    static const char *const lines[] = {"",
                                        "   ",
                                        "\t \r",
                                        "# a comment",
                                        "   # indented",
                                        "#tap \"Home\"",
                                        "\xEF\xBB\xBF",
                                        "\xEF\xBB\xBF# bom"};
    for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) {
        ScriptCommand cmd = parse_good(lines[i]);
        assert_int_equal(cmd.kind, SCRIPT_EMPTY);
        assert_string_equal(cmd.text, "");
    }
    ScriptCommand cmd;
    char err[16];
    assert_int_equal(script_parse_line(NULL, &cmd, err, sizeof err), 0);
    assert_int_equal(cmd.kind, SCRIPT_EMPTY);
}

static void test_tap_label(void **state)
{
    (void)state;
    ScriptCommand cmd = parse_good("tap \"Home\"");
    assert_int_equal(cmd.kind, SCRIPT_TAP_LABEL);
    assert_string_equal(cmd.text, "Home");

    cmd = parse_good("  \ttap   \"Sam / Pause\"   # pause for Sam\r");
    assert_int_equal(cmd.kind, SCRIPT_TAP_LABEL);
    assert_string_equal(cmd.text, "Sam / Pause");

    cmd = parse_good("tap \"Say \\\"hi\\\" \\\\ # not a comment\"");
    assert_string_equal(cmd.text, "Say \"hi\" \\ # not a comment");

    cmd = parse_good("tap \"Zoë · ♥ 💜\"#comment right after");
    assert_string_equal(cmd.text, "Zoë · ♥ 💜");

    cmd = parse_good("\xEF\xBB\xBFtap \"Breathe\"");
    assert_int_equal(cmd.kind, SCRIPT_TAP_LABEL);
    assert_string_equal(cmd.text, "Breathe");

    /* The longest label that fits. */
    char line[SCRIPT_TEXT_MAX + 16];
    char label[SCRIPT_TEXT_MAX];
    memset(label, 'L', SCRIPT_TEXT_MAX - 1);
    label[SCRIPT_TEXT_MAX - 1] = '\0';
    snprintf(line, sizeof line, "tap \"%s\"", label);
    cmd = parse_good(line);
    assert_string_equal(cmd.text, label);
}

static void test_tap_xy(void **state)
{
    (void)state;
    ScriptCommand cmd = parse_good("tap 400 240");
    assert_int_equal(cmd.kind, SCRIPT_TAP_XY);
    assert_int_equal(cmd.x, 400);
    assert_int_equal(cmd.y, 240);
    assert_string_equal(cmd.text, "");

    cmd = parse_good("tap 0 0 # corner");
    assert_int_equal(cmd.x, 0);
    assert_int_equal(cmd.y, 0);
    cmd = parse_good("tap\t32767\t007");
    assert_int_equal(cmd.x, 32767);
    assert_int_equal(cmd.y, 7);
}

static void test_hold_drag_type_key_wait(void **state)
{
    (void)state;
    ScriptCommand cmd = parse_good("hold \"Pause\" 3000");
    assert_int_equal(cmd.kind, SCRIPT_HOLD);
    assert_string_equal(cmd.text, "Pause");
    assert_int_equal(cmd.ms, 3000);
    cmd = parse_good("hold \"Wipe everything\" 604800000");
    assert_int_equal(cmd.ms, 604800000L);

    cmd = parse_good("drag 10 20 30 40 500");
    assert_int_equal(cmd.kind, SCRIPT_DRAG);
    assert_int_equal(cmd.x, 10);
    assert_int_equal(cmd.y, 20);
    assert_int_equal(cmd.x2, 30);
    assert_int_equal(cmd.y2, 40);
    assert_int_equal(cmd.ms, 500);
    cmd = parse_good("drag 0 0 32767 32767 0");
    assert_int_equal(cmd.x2, 32767);
    assert_int_equal(cmd.ms, 0);

    cmd = parse_good("type \"we tried the pillows; it helped\"");
    assert_int_equal(cmd.kind, SCRIPT_TYPE);
    assert_string_equal(cmd.text, "we tried the pillows; it helped");
    cmd = parse_good("type \"ça va 😊\"");
    assert_string_equal(cmd.text, "ça va 😊");

    cmd = parse_good("key Escape");
    assert_int_equal(cmd.kind, SCRIPT_KEY);
    assert_string_equal(cmd.text, "Escape");
    cmd = parse_good("key Return # submit");
    assert_string_equal(cmd.text, "Return");
    cmd = parse_good("key \"Left Shift\"");
    assert_string_equal(cmd.text, "Left Shift");
    cmd = parse_good("key \"#\"");
    assert_string_equal(cmd.text, "#");

    cmd = parse_good("wait 1500");
    assert_int_equal(cmd.kind, SCRIPT_WAIT);
    assert_int_equal(cmd.ms, 1500);
    cmd = parse_good("wait 0");
    assert_int_equal(cmd.ms, 0);
    cmd = parse_good("wait 604800000");
    assert_int_equal(cmd.ms, 604800000L);
}

static void test_screenshot(void **state)
{
    (void)state;
    ScriptCommand cmd = parse_good("screenshot home");
    assert_int_equal(cmd.kind, SCRIPT_SCREENSHOT);
    assert_string_equal(cmd.text, "home");
    cmd = parse_good("screenshot Signals-01_landscape.v2");
    assert_string_equal(cmd.text, "Signals-01_landscape.v2");
    cmd = parse_good("screenshot \"paused\"");
    assert_string_equal(cmd.text, "paused");
    /* NAME.png is written, so a name given with .png is not doubled. */
    cmd = parse_good("screenshot home.png");
    assert_string_equal(cmd.text, "home");
    cmd = parse_good("screenshot a.b.png");
    assert_string_equal(cmd.text, "a.b");
    cmd = parse_good("screenshot x.PNG");
    assert_string_equal(cmd.text, "x.PNG");
}

static void test_expect_dump_quit(void **state)
{
    (void)state;
    ScriptCommand cmd = parse_good("expect screen home");
    assert_int_equal(cmd.kind, SCRIPT_EXPECT_SCREEN);
    assert_string_equal(cmd.text, "home");
    cmd = parse_good("expect screen breathe-run  # running");
    assert_string_equal(cmd.text, "breathe-run");

    cmd = parse_good("expect text \"Saved\"");
    assert_int_equal(cmd.kind, SCRIPT_EXPECT_TEXT);
    assert_string_equal(cmd.text, "Saved");
    cmd = parse_good("expect text \"Sam · Slower · 22:41\"");
    assert_string_equal(cmd.text, "Sam · Slower · 22:41");

    cmd = parse_good("expect no-text \"not saved\"");
    assert_int_equal(cmd.kind, SCRIPT_EXPECT_NO_TEXT);
    assert_string_equal(cmd.text, "not saved");

    cmd = parse_good("dump");
    assert_int_equal(cmd.kind, SCRIPT_DUMP);
    cmd = parse_good("  quit   # done");
    assert_int_equal(cmd.kind, SCRIPT_QUIT);
    assert_string_equal(cmd.text, "");
}

static void test_bad_tap(void **state)
{
    (void)state;
    assert_bad("tap", "expected a quoted label after tap, or X Y (e.g. tap \"Home\" or tap 400 "
                      "240)");
    assert_bad("tap # nothing", "expected a quoted label after tap, or X Y (e.g. tap \"Home\" or "
                                "tap 400 240)");
    assert_bad("tap Home", "expected a quoted label after tap, or X Y; not \"Home\" (e.g. tap "
                           "\"Home\")");
    assert_bad("tap 'Home'", "expected a quoted label after tap, or X Y; not \"'Home'\" (e.g. tap "
                             "\"Home\")");
    assert_bad("tap \"Home", "unterminated quote: a closing \" is missing");
    assert_bad("tap \"Home\\\"", "unterminated quote: a closing \" is missing");
    assert_bad("tap \"\"", "the quoted label after tap is empty");
    assert_bad("tap \"Home\" extra", "too many arguments for tap: \"extra\" is extra");
    assert_bad("tap \"Home\" \"Journal\"", "too many arguments for tap: \"Journal\" is extra");
    assert_bad("tap \"Home\"\"x\"", "unexpected text right after a closing quote; put a space "
                                    "between arguments");
    assert_bad("tap \"a\\nb\"", "unknown escape \\n in quoted text (only \\\" and \\\\)");
    assert_bad("tap \"abc\\", "a \\ at the end of the line; write \\\\ for a backslash");
    assert_bad("tap 100", "expected Y after tap: a whole number of pixels from 0 to 32767");
    assert_bad("tap 100 abc", "expected Y after tap: a whole number of pixels from 0 to 32767, "
                              "not \"abc\"");
    assert_bad("tap 100 \"200\"", "expected Y after tap: a whole number of pixels from 0 to "
                                  "32767, not \"200\"");
    assert_bad("tap -5 10", "expected X after tap: a whole number of pixels from 0 to 32767, not "
                            "\"-5\"");
    assert_bad("tap +5 10", "expected X after tap: a whole number of pixels from 0 to 32767, not "
                            "\"+5\"");
    assert_bad("tap 32768 0", "expected X after tap: a whole number of pixels from 0 to 32767, "
                              "not \"32768\"");
    assert_bad("tap 1.5 2", "expected X after tap: a whole number of pixels from 0 to 32767, not "
                            "\"1.5\"");
    assert_bad("tap 99999999999999999999 1", "expected X after tap: a whole number of pixels from "
                                             "0 to 32767, not \"99999999999999999999\"");
    assert_bad("tap 1 2 3", "too many arguments for tap: \"3\" is extra");
    assert_bad("tap \"a\" 1 2 3 4 5 6 7 8 9", "too many arguments for tap: \"1\" is extra");
}

static void test_bad_hold_drag_type_key_wait(void **state)
{
    (void)state;
    assert_bad("hold", "expected a quoted label after hold (e.g. hold \"Pause\" 3000)");
    assert_bad("hold Pause 300", "expected a quoted label after hold, not \"Pause\" (e.g. hold "
                                 "\"Pause\" 3000)");
    assert_bad("hold \"Pause\"", "expected MS after hold \"Label\": a whole number of "
                                 "milliseconds from 0 to 604800000");
    assert_bad("hold \"Pause\" 604800001", "expected MS after hold \"Label\": a whole number of "
                                           "milliseconds from 0 to 604800000, not \"604800001\"");
    assert_bad("hold \"Pause\" -1", "expected MS after hold \"Label\": a whole number of "
                                    "milliseconds from 0 to 604800000, not \"-1\"");
    assert_bad("hold \"Pause\" 3s", "expected MS after hold \"Label\": a whole number of "
                                    "milliseconds from 0 to 604800000, not \"3s\"");
    assert_bad("hold \"Pause\" 300 400", "too many arguments for hold: \"400\" is extra");
    assert_bad("hold \"\" 300", "the quoted label after hold is empty");

    assert_bad("drag", "expected X1 after drag: a whole number of pixels from 0 to 32767");
    assert_bad("drag 1 2 3", "expected Y2 after drag: a whole number of pixels from 0 to 32767");
    assert_bad("drag 1 2 3 4", "expected MS after drag: a whole number of milliseconds from 0 to "
                               "604800000");
    assert_bad("drag 1 2 3 4 12abc", "expected MS after drag: a whole number of milliseconds "
                                     "from 0 to 604800000, not \"12abc\"");
    assert_bad("drag 1 -2 3 4 5", "expected Y1 after drag: a whole number of pixels from 0 to "
                                  "32767, not \"-2\"");
    assert_bad("drag 1 2 3 4 5 6", "too many arguments for drag: \"6\" is extra");

    assert_bad("type", "expected quoted text after type (e.g. type \"hello\")");
    assert_bad("type hello", "expected quoted text after type, not \"hello\" (e.g. type "
                             "\"hello\")");
    assert_bad("type \"\"", "the quoted text after type is empty");
    assert_bad("type \"a\" \"b\"", "too many arguments for type: \"b\" is extra");
    assert_bad("type \"bell\x07\"", "quoted text has a control character");
    assert_bad("type \"tab\there\"", "quoted text has a control character");
    assert_bad("type \"\xC2\x85\"", "quoted text has a control character");
    assert_bad("type \"bad \xFF byte\"", "quoted text is not valid UTF-8");
    assert_bad("type \"cut \xE2\x99\"", "quoted text is not valid UTF-8");
    assert_bad("type \"overlong \xC0\xAF\"", "quoted text is not valid UTF-8");

    assert_bad("key", "expected a key name after key (e.g. key Escape, or key \"Left Shift\")");
    assert_bad("key \"\"", "expected a key name after key (e.g. key Escape, or key \"Left "
                           "Shift\")");
    assert_bad("key Escape Return", "too many arguments for key: \"Return\" is extra");
    assert_bad("key \xFF", "the key name is not valid UTF-8");

    assert_bad("wait", "expected MS after wait: a whole number of milliseconds from 0 to "
                       "604800000");
    static const char *const bad_ms[] = {
        "-1", "1.5", "12abc", "99999999999999999999", "1e3", "0x10", "604800001", "\"100\"", "+1"};
    for (size_t i = 0; i < sizeof bad_ms / sizeof bad_ms[0]; i++) {
        char line[64];
        char message[256];
        const char *shown = bad_ms[i][0] == '"' ? "100" : bad_ms[i];
        snprintf(line, sizeof line, "wait %s", bad_ms[i]);
        snprintf(message, sizeof message,
                 "expected MS after wait: a whole number of milliseconds from 0 to 604800000, "
                 "not \"%s\"",
                 shown);
        assert_bad(line, message);
    }
    assert_bad("wait 100 200", "too many arguments for wait: \"200\" is extra");
}

static void test_bad_screenshot(void **state)
{
    (void)state;
    assert_bad("screenshot", "expected a file name after screenshot (e.g. screenshot home)");
    assert_bad("screenshot \"\"", "expected a file name after screenshot (e.g. screenshot home)");
    static const char *const unsafe[] = {"../x", "a/b", "/etc/passwd", ".hidden", "..",
                                         "a\\b", "é",   "a:b",         "*",       "~x"};
    for (size_t i = 0; i < sizeof unsafe / sizeof unsafe[0]; i++) {
        char line[64];
        char message[256];
        snprintf(line, sizeof line, "screenshot %s", unsafe[i]);
        snprintf(message, sizeof message,
                 "screenshot name \"%s\" may use only letters, digits, '-', '_' and '.', and may "
                 "not start with '.'",
                 unsafe[i]);
        assert_bad(line, message);
    }
    assert_bad("screenshot \"a b\"", "screenshot name \"a b\" may use only letters, digits, '-', "
                                     "'_' and '.', and may not start with '.'");
    assert_bad("screenshot a b", "too many arguments for screenshot: \"b\" is extra");
}

static void test_bad_expect_dump_quit_and_unknown(void **state)
{
    (void)state;
    assert_bad("expect", "expected screen, text or no-text after expect");
    assert_bad("expect title \"x\"", "expected screen, text or no-text after expect, not "
                                     "\"title\"");
    assert_bad("expect \"home\"", "expected screen, text or no-text after expect, not \"home\"");
    assert_bad("expect screen", "expected a screen id after expect screen (e.g. expect screen "
                                "home)");
    assert_bad("expect screen \"home\"", "expected a screen id after expect screen (e.g. expect "
                                         "screen home)");
    assert_bad("expect screen Home", "screen id \"Home\" may use only lower-case letters, digits, "
                                     "'-' and '_'");
    assert_bad("expect screen home/x", "screen id \"home/x\" may use only lower-case letters, "
                                       "digits, '-' and '_'");
    assert_bad("expect screen home signals", "too many arguments for expect screen: \"signals\" "
                                             "is extra");
    assert_bad("expect text", "expected quoted text after expect text (e.g. expect text "
                              "\"Saved\")");
    assert_bad("expect text Saved", "expected quoted text after expect text, not \"Saved\" (e.g. "
                                    "expect text \"Saved\")");
    assert_bad("expect text \"\"", "the quoted text after expect text is empty");
    assert_bad("expect no-text", "expected quoted text after expect no-text (e.g. expect no-text "
                                 "\"Saved\")");
    assert_bad("expect no-text \"a\" b", "too many arguments for expect no-text: \"b\" is extra");

    assert_bad("dump now", "dump takes no arguments, but \"now\" follows it");
    assert_bad("quit 0", "quit takes no arguments, but \"0\" follows it");
    assert_bad("quit \"now\"", "quit takes no arguments, but \"now\" follows it");

    assert_bad("frobnicate", "unknown command \"frobnicate\" (commands: tap, hold, drag, type, "
                             "key, wait, screenshot, expect, dump, quit)");
    assert_bad("Tap \"Home\"", "unknown command \"Tap\" (commands: tap, hold, drag, type, key, "
                               "wait, screenshot, expect, dump, quit)");
    assert_bad("tap\"Home\"", "unknown command \"tap\"Home\"\" (commands: tap, hold, drag, type, "
                              "key, wait, screenshot, expect, dump, quit)");
    assert_bad("\x01\x02", "unknown command \"??\" (commands: tap, hold, drag, type, key, wait, "
                           "screenshot, expect, dump, quit)");
    assert_bad("\"Home\"", "a line starts with a command, not with quoted text");
}

static void test_long_lines_and_small_buffers(void **state)
{
    (void)state;
    size_t size = 100 * 1024;
    char *line = malloc(size + 16);
    assert_non_null(line);

    snprintf(line, size, "tap \"");
    memset(line + 5, 'a', size - 5);
    line[size - 1] = '\0';
    assert_bad(line, "quoted text is longer than 511 bytes");

    memset(line, 'w', size);
    line[size - 1] = '\0';
    assert_bad(line, "a word is longer than 511 bytes");

    /* A long word after the command is shown cut, on a character boundary. */
    snprintf(line, size, "wait ");
    for (size_t i = 5; i + 2 < 400; i += 2)
        memcpy(line + i, "\xC3\xA9", 3);
    ScriptCommand cmd;
    char err[256];
    assert_int_equal(script_parse_line(line, &cmd, err, sizeof err), -1);
    assert_non_null(strstr(err, "not \"\xC3\xA9\xC3\xA9"));
    assert_non_null(strstr(err, "\xC3\xA9...\""));

    /* Errors fit any buffer, or none. */
    char tiny[6];
    assert_int_equal(script_parse_line("bogus", &cmd, tiny, sizeof tiny), -1);
    assert_string_equal(tiny, "unkno");
    assert_int_equal(script_parse_line("bogus", &cmd, NULL, 0), -1);
    assert_int_equal(script_parse_line("wait 5", &cmd, NULL, 0), 0);
    assert_int_equal(cmd.ms, 5);
    free(line);
}

static void test_garbage_lines(void **state)
{
    (void)state;
    static const char *const pieces[] = {
        "tap",  "hold",    "drag", "type", "key",  "wait", "screenshot", "expect", "screen",
        "text", "no-text", "dump", "quit", " ",    "\t",   "\"",         "\\",     "#",
        "1",    "32767",   "-1",   "\xFF", "\xC3", "é",    "a/b",        "\x01"};
    uint32_t seed = 99;
    char line[2048];
    for (int round = 0; round < 20000; round++) {
        size_t len = 0;
        size_t target = (seed >> 16) % 200;
        while (len < target) {
            seed = seed * 1664525u + 1013904223u;
            if (round % 3 == 0) {
                line[len++] = (char)(1 + (seed >> 8) % 255);
            } else {
                const char *piece = pieces[(seed >> 8) % (sizeof pieces / sizeof pieces[0])];
                size_t piece_len = strlen(piece);
                memcpy(line + len, piece, piece_len);
                len += piece_len;
                if (round % 3 == 1)
                    line[len++] = ' ';
            }
        }
        line[len] = '\0';
        seed = seed * 1664525u + 1013904223u;
        ScriptCommand cmd;
        char err[256];
        int result = script_parse_line(line, &cmd, err, sizeof err);
        if (result == 0) {
            assert_string_equal(err, "");
            assert_true(memchr(cmd.text, '\0', sizeof cmd.text) != NULL);
            assert_in_range(cmd.ms, 0, 604800000);
        } else {
            assert_int_equal(result, -1);
            assert_true(err[0] != '\0');
            assert_null(strchr(err, '\n'));
            assert_int_equal(cmd.kind, SCRIPT_EMPTY);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_blank_and_comment_lines),
        cmocka_unit_test(test_tap_label),
        cmocka_unit_test(test_tap_xy),
        cmocka_unit_test(test_hold_drag_type_key_wait),
        cmocka_unit_test(test_screenshot),
        cmocka_unit_test(test_expect_dump_quit),
        cmocka_unit_test(test_bad_tap),
        cmocka_unit_test(test_bad_hold_drag_type_key_wait),
        cmocka_unit_test(test_bad_screenshot),
        cmocka_unit_test(test_bad_expect_dump_quit_and_unknown),
        cmocka_unit_test(test_long_lines_and_small_buffers),
        cmocka_unit_test(test_garbage_lines),
    };
    return cmocka_run_group_tests(tests, 0, 0);
}
