/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: the automation script parser (src/core/script.c), one
 * line at a time over any bytes. A line is either a command within the
 * documented limits or a one-line error and SCRIPT_EMPTY — never a crash. */
#include <stdint.h>
#include <string.h>

#include "fuzz.h"
#include "lull/script.h"

static void check_line(const char *line)
{
    ScriptCommand cmd;
    char err[256];
    memset(&cmd, 0x55, sizeof cmd); /* nothing may be left as it was */
    err[0] = '\0';
    if (script_parse_line(line, &cmd, err, sizeof err) != 0) {
        FUZZ_ASSERT(cmd.kind == SCRIPT_EMPTY);
        FUZZ_ASSERT(err[0] != '\0' && strnlen(err, sizeof err) < sizeof err);
        FUZZ_ASSERT(strchr(err, '\n') == NULL);
        return;
    }
    FUZZ_ASSERT(cmd.kind >= SCRIPT_EMPTY && cmd.kind <= SCRIPT_QUIT);
    size_t n = strnlen(cmd.text, sizeof cmd.text);
    FUZZ_ASSERT(n < sizeof cmd.text);
    switch (cmd.kind) {
    case SCRIPT_TAP_LABEL:
    case SCRIPT_HOLD:
    case SCRIPT_TYPE:
    case SCRIPT_EXPECT_TEXT:
    case SCRIPT_EXPECT_NO_TEXT:
        FUZZ_ASSERT(fuzz_utf8_valid(cmd.text, n));
        for (size_t i = 0; i < n; i++)
            FUZZ_ASSERT((unsigned char)cmd.text[i] >= 0x20 && cmd.text[i] != 0x7F);
        break;
    case SCRIPT_SCREENSHOT:
        FUZZ_ASSERT(n > 0 && cmd.text[0] != '.' && strchr(cmd.text, '/') == NULL);
        break;
    case SCRIPT_EXPECT_SCREEN:
        FUZZ_ASSERT(strspn(cmd.text, "abcdefghijklmnopqrstuvwxyz0123456789_-") == n);
        break;
    default:
        break;
    }
    if (cmd.kind == SCRIPT_TAP_XY || cmd.kind == SCRIPT_DRAG) {
        FUZZ_ASSERT(cmd.x >= 0 && cmd.x <= 32767 && cmd.y >= 0 && cmd.y <= 32767);
        if (cmd.kind == SCRIPT_DRAG)
            FUZZ_ASSERT(cmd.x2 >= 0 && cmd.x2 <= 32767 && cmd.y2 >= 0 && cmd.y2 <= 32767);
    }
    if (cmd.kind == SCRIPT_WAIT || cmd.kind == SCRIPT_HOLD || cmd.kind == SCRIPT_DRAG)
        FUZZ_ASSERT(cmd.ms >= 0 && cmd.ms <= 604800000L);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = fuzz_string(data, size);
    if (!text)
        return 0;
    char *line = text;
    for (;;) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        check_line(line);
        if (!nl)
            break;
        line = nl + 1;
    }
    free(text);
    return 0;
}
