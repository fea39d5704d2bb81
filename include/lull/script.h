/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The automation script of DESIGN.md: one command a line, parsed purely.
 * Running it is the platform's job (src/platform/automation.c). */
#ifndef LULL_SCRIPT_H
#define LULL_SCRIPT_H

#include <stddef.h>

enum { SCRIPT_TEXT_MAX = 512 };

typedef enum {
    SCRIPT_EMPTY, /* blank or comment */
    SCRIPT_TAP_LABEL,
    SCRIPT_TAP_XY,
    SCRIPT_HOLD,       /* text, ms */
    SCRIPT_DRAG,       /* x, y, x2, y2, ms */
    SCRIPT_TYPE,       /* text */
    SCRIPT_KEY,        /* text: SDL key name */
    SCRIPT_WAIT,       /* ms */
    SCRIPT_SCREENSHOT, /* text: name */
    SCRIPT_EXPECT_SCREEN,
    SCRIPT_EXPECT_TEXT,
    SCRIPT_EXPECT_NO_TEXT,
    SCRIPT_DUMP,
    SCRIPT_QUIT,
} ScriptKind;

typedef struct {
    ScriptKind kind;
    char text[SCRIPT_TEXT_MAX];
    int x, y, x2, y2;
    long ms;
} ScriptCommand;

/* Parses one line (without its newline). Returns 0, or -1 with a one-line message
 * in err (without the "script:LINE: " prefix) and cmd set to SCRIPT_EMPTY.
 * '#' outside quotes starts a comment; quoted text is UTF-8 with \" and \\ escapes
 * and no control characters, at most SCRIPT_TEXT_MAX - 1 bytes. X and Y are
 * 0..32767 px, MS 0..604800000 (7 days). key takes a word or quoted text ("Left
 * Shift"); screenshot takes a safe file name (letters, digits, - _ .; not starting
 * with '.') and drops a ".png" ending; expect screen takes [a-z0-9_-]. */
int script_parse_line(const char *line, ScriptCommand *cmd, char *err, size_t err_size);

#endif
