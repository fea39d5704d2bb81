/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "lull/script.h"

#include <stdio.h>
#include <string.h>

#include "lull/utf8.h"

enum {
    TOKENS_MAX = 7,     /* the longest command, drag, has 6; one more spots extras */
    COORD_MAX = 32767,  /* screen pixels */
    MS_MAX = 604800000, /* 7 days */
    SHOWN_MAX = 40,     /* how much of a bad token a message repeats */
    MESSAGE_MAX = 256,
};

typedef enum { TOKEN_WORD, TOKEN_QUOTED } TokenKind;

typedef struct {
    TokenKind kind;
    char text[SCRIPT_TEXT_MAX];
} Token;

typedef struct {
    Token tokens[TOKENS_MAX];
    int count;
    int more; /* there were tokens past TOKENS_MAX */
} Tokens;

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

/* Copies message into err, cut if need be at a UTF-8 character boundary. */
static void set_err(char *err, size_t err_size, const char *message)
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

/* 0 when text is valid UTF-8 with no control characters; else -1 and a reason. */
static int check_text(const char *text, const char **why)
{
    const unsigned char *p = (const unsigned char *)text;
    while (*p) {
        unsigned long cp;
        int n = utf8_decode(p, &cp);
        if (n == 0) {
            *why = "is not valid UTF-8";
            return -1;
        }
        if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) {
            *why = "has a control character";
            return -1;
        }
        p += n;
    }
    return 0;
}

/* A token as a message may show it: quoted, as utf8_shown shows it. */
static void shown(const char *text, char *out, size_t out_size)
{
    if (out_size < SHOWN_MAX + 8) {
        if (out_size)
            out[0] = '\0';
        return;
    }
    out[0] = '"';
    size_t used = 1 + utf8_shown(text, SHOWN_MAX, out + 1, out_size - 2);
    out[used++] = '"';
    out[used] = '\0';
}

/* Splits a line into words and quoted strings, stopping at a '#' outside quotes. */
static int tokenize(const char *line, Tokens *tokens, char *err, size_t err_size)
{
    char message[MESSAGE_MAX];
    const char *p = line;
    tokens->count = 0;
    tokens->more = 0;

    /* A byte order mark from an editor is not part of the first command. */
    if (strncmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3;
    for (;;) {
        while (is_space(*p))
            p++;
        if (*p == '\0' || *p == '#')
            return 0;
        if (tokens->count == TOKENS_MAX) {
            tokens->more = 1;
            return 0;
        }
        Token *token = &tokens->tokens[tokens->count];
        size_t len = 0;
        if (*p == '"') {
            token->kind = TOKEN_QUOTED;
            for (p++;; p++) {
                char c = *p;
                if (c == '\0') {
                    set_err(err, err_size, "unterminated quote: a closing \" is missing");
                    return -1;
                }
                if (c == '"')
                    break;
                if (c == '\\') {
                    c = *++p;
                    if (c != '"' && c != '\\') {
                        if (c == '\0')
                            snprintf(message, sizeof message,
                                     "a \\ at the end of the line; write \\\\ for a backslash");
                        else
                            snprintf(message, sizeof message,
                                     "unknown escape \\%c in quoted text (only \\\" and \\\\)",
                                     (unsigned char)c >= 0x20 && c != 0x7F ? c : '?');
                        set_err(err, err_size, message);
                        return -1;
                    }
                }
                if (len + 1 >= sizeof token->text) {
                    snprintf(message, sizeof message, "quoted text is longer than %d bytes",
                             SCRIPT_TEXT_MAX - 1);
                    set_err(err, err_size, message);
                    return -1;
                }
                token->text[len++] = c;
            }
            p++;
            if (*p != '\0' && *p != '#' && !is_space(*p)) {
                set_err(err, err_size,
                        "unexpected text right after a closing quote; put a space between "
                        "arguments");
                return -1;
            }
            token->text[len] = '\0';
            const char *why;
            if (check_text(token->text, &why) != 0) {
                snprintf(message, sizeof message, "quoted text %s", why);
                set_err(err, err_size, message);
                return -1;
            }
        } else {
            token->kind = TOKEN_WORD;
            while (*p && *p != '#' && !is_space(*p)) {
                if (len + 1 >= sizeof token->text) {
                    snprintf(message, sizeof message, "a word is longer than %d bytes",
                             SCRIPT_TEXT_MAX - 1);
                    set_err(err, err_size, message);
                    return -1;
                }
                token->text[len++] = *p++;
            }
            token->text[len] = '\0';
        }
        tokens->count++;
    }
}

/* A whole number from 0 to max written with digits only; -1 otherwise. */
static int parse_number(const Token *token, long max, long *out)
{
    long n = 0;
    int digits = 0;
    if (token->kind != TOKEN_WORD)
        return -1;
    for (const char *p = token->text; *p; p++) {
        if (*p < '0' || *p > '9' || ++digits > 10)
            return -1;
        n = n * 10 + (*p - '0');
        if (n > max)
            return -1;
    }
    if (digits == 0)
        return -1;
    *out = n;
    return 0;
}

/* Reads the numbers tokens[first..first+count-1], named by names, for command. */
static int take_numbers(const Tokens *tokens, int first, int count, const char *const *names,
                        const long *max, long *out, const char *command, char *err, size_t err_size)
{
    char message[MESSAGE_MAX];
    for (int i = 0; i < count; i++) {
        const char *what = max[i] == MS_MAX ? "milliseconds" : "pixels";
        if (first + i >= tokens->count) {
            snprintf(message, sizeof message,
                     "expected %s after %s: a whole number of %s from 0 to %ld", names[i], command,
                     what, max[i]);
            set_err(err, err_size, message);
            return -1;
        }
        if (parse_number(&tokens->tokens[first + i], max[i], &out[i]) != 0) {
            char token[SHOWN_MAX + 8];
            shown(tokens->tokens[first + i].text, token, sizeof token);
            snprintf(message, sizeof message,
                     "expected %s after %s: a whole number of %s from 0 to %ld, not %s", names[i],
                     command, what, max[i], token);
            set_err(err, err_size, message);
            return -1;
        }
    }
    return 0;
}

/* An error when the line has more than count tokens. */
static int no_more(const Tokens *tokens, int count, const char *command, char *err, size_t err_size)
{
    if (tokens->count <= count && !tokens->more)
        return 0;
    char message[MESSAGE_MAX];
    char token[SHOWN_MAX + 8];
    shown(tokens->tokens[count].text, token, sizeof token);
    if (count == 1)
        snprintf(message, sizeof message, "%s takes no arguments, but %s follows it", command,
                 token);
    else
        snprintf(message, sizeof message, "too many arguments for %s: %s is extra", command, token);
    set_err(err, err_size, message);
    return -1;
}

/* The quoted argument at index, into cmd->text; what is "label" or "text". */
static int take_quoted(const Tokens *tokens, int index, const char *what, const char *command,
                       const char *example, ScriptCommand *cmd, char *err, size_t err_size)
{
    char message[MESSAGE_MAX];
    const char *expected = strcmp(what, "label") == 0 ? "a quoted label" : "quoted text";
    if (index >= tokens->count || tokens->tokens[index].kind != TOKEN_QUOTED) {
        if (index < tokens->count) {
            char token[SHOWN_MAX + 8];
            shown(tokens->tokens[index].text, token, sizeof token);
            snprintf(message, sizeof message, "expected %s after %s, not %s (e.g. %s)", expected,
                     command, token, example);
        } else {
            snprintf(message, sizeof message, "expected %s after %s (e.g. %s)", expected, command,
                     example);
        }
        set_err(err, err_size, message);
        return -1;
    }
    if (tokens->tokens[index].text[0] == '\0') {
        snprintf(message, sizeof message, "the quoted %s after %s is empty", what, command);
        set_err(err, err_size, message);
        return -1;
    }
    snprintf(cmd->text, sizeof cmd->text, "%s", tokens->tokens[index].text);
    return 0;
}

static int parse_tap(const Tokens *tokens, ScriptCommand *cmd, char *err, size_t err_size)
{
    static const char *const names[] = {"X", "Y"};
    static const long max[] = {COORD_MAX, COORD_MAX};
    long values[2];
    char start = tokens->count >= 2 ? tokens->tokens[1].text[0] : '\0';
    /* Something number-like is an attempt at X Y, and gets the number's message. */
    if (tokens->count >= 2 && tokens->tokens[1].kind == TOKEN_WORD &&
        ((start >= '0' && start <= '9') || start == '-' || start == '+')) {
        if (take_numbers(tokens, 1, 2, names, max, values, "tap", err, err_size) != 0 ||
            no_more(tokens, 3, "tap", err, err_size) != 0)
            return -1;
        cmd->kind = SCRIPT_TAP_XY;
        cmd->x = (int)values[0];
        cmd->y = (int)values[1];
        return 0;
    }
    if (tokens->count >= 2 && tokens->tokens[1].kind == TOKEN_WORD) {
        char message[MESSAGE_MAX];
        char token[SHOWN_MAX + 8];
        shown(tokens->tokens[1].text, token, sizeof token);
        snprintf(message, sizeof message,
                 "expected a quoted label after tap, or X Y; not %s (e.g. tap \"Home\")", token);
        set_err(err, err_size, message);
        return -1;
    }
    if (tokens->count < 2) {
        set_err(err, err_size,
                "expected a quoted label after tap, or X Y (e.g. tap \"Home\" or tap 400 240)");
        return -1;
    }
    if (take_quoted(tokens, 1, "label", "tap", "tap \"Home\"", cmd, err, err_size) != 0 ||
        no_more(tokens, 2, "tap", err, err_size) != 0)
        return -1;
    cmd->kind = SCRIPT_TAP_LABEL;
    return 0;
}

static int parse_hold(const Tokens *tokens, ScriptCommand *cmd, char *err, size_t err_size)
{
    static const char *const names[] = {"MS"};
    static const long max[] = {MS_MAX};
    if (take_quoted(tokens, 1, "label", "hold", "hold \"Pause\" 3000", cmd, err, err_size) != 0 ||
        take_numbers(tokens, 2, 1, names, max, &cmd->ms, "hold \"Label\"", err, err_size) != 0 ||
        no_more(tokens, 3, "hold", err, err_size) != 0)
        return -1;
    cmd->kind = SCRIPT_HOLD;
    return 0;
}

static int parse_drag(const Tokens *tokens, ScriptCommand *cmd, char *err, size_t err_size)
{
    static const char *const names[] = {"X1", "Y1", "X2", "Y2", "MS"};
    static const long max[] = {COORD_MAX, COORD_MAX, COORD_MAX, COORD_MAX, MS_MAX};
    long values[5];
    if (take_numbers(tokens, 1, 5, names, max, values, "drag", err, err_size) != 0 ||
        no_more(tokens, 6, "drag", err, err_size) != 0)
        return -1;
    cmd->kind = SCRIPT_DRAG;
    cmd->x = (int)values[0];
    cmd->y = (int)values[1];
    cmd->x2 = (int)values[2];
    cmd->y2 = (int)values[3];
    cmd->ms = values[4];
    return 0;
}

static int parse_key(const Tokens *tokens, ScriptCommand *cmd, char *err, size_t err_size)
{
    /* SDL key names are words ("Escape") or have spaces ("Left Shift"), so both forms. */
    if (tokens->count < 2 || tokens->tokens[1].text[0] == '\0') {
        set_err(err, err_size,
                "expected a key name after key (e.g. key Escape, or key \"Left Shift\")");
        return -1;
    }
    const char *why;
    if (check_text(tokens->tokens[1].text, &why) != 0) {
        char message[MESSAGE_MAX];
        snprintf(message, sizeof message, "the key name %s", why);
        set_err(err, err_size, message);
        return -1;
    }
    if (no_more(tokens, 2, "key", err, err_size) != 0)
        return -1;
    cmd->kind = SCRIPT_KEY;
    snprintf(cmd->text, sizeof cmd->text, "%s", tokens->tokens[1].text);
    return 0;
}

static int parse_wait(const Tokens *tokens, ScriptCommand *cmd, char *err, size_t err_size)
{
    static const char *const names[] = {"MS"};
    static const long max[] = {MS_MAX};
    if (take_numbers(tokens, 1, 1, names, max, &cmd->ms, "wait", err, err_size) != 0 ||
        no_more(tokens, 2, "wait", err, err_size) != 0)
        return -1;
    cmd->kind = SCRIPT_WAIT;
    return 0;
}

static int is_name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.';
}

static int parse_screenshot(const Tokens *tokens, ScriptCommand *cmd, char *err, size_t err_size)
{
    char message[MESSAGE_MAX];
    if (tokens->count < 2 || tokens->tokens[1].text[0] == '\0') {
        set_err(err, err_size, "expected a file name after screenshot (e.g. screenshot home)");
        return -1;
    }
    const char *name = tokens->tokens[1].text;
    int safe = name[0] != '.';
    for (const char *p = name; *p && safe; p++)
        safe = is_name_char(*p);
    if (!safe) {
        char token[SHOWN_MAX + 8];
        shown(name, token, sizeof token);
        snprintf(message, sizeof message,
                 "screenshot name %s may use only letters, digits, '-', '_' and '.', "
                 "and may not start with '.'",
                 token);
        set_err(err, err_size, message);
        return -1;
    }
    if (no_more(tokens, 2, "screenshot", err, err_size) != 0)
        return -1;
    cmd->kind = SCRIPT_SCREENSHOT;
    snprintf(cmd->text, sizeof cmd->text, "%s", name);
    /* NAME.png is written; "home.png" means home, not home.png.png. */
    size_t len = strlen(cmd->text);
    if (len > 4 && strcmp(cmd->text + len - 4, ".png") == 0)
        cmd->text[len - 4] = '\0';
    return 0;
}

static int parse_expect(const Tokens *tokens, ScriptCommand *cmd, char *err, size_t err_size)
{
    char message[MESSAGE_MAX];
    char token[SHOWN_MAX + 8];
    const char *what = tokens->count >= 2 && tokens->tokens[1].kind == TOKEN_WORD
                           ? tokens->tokens[1].text
                           : "";
    if (strcmp(what, "screen") == 0) {
        if (tokens->count < 3 || tokens->tokens[2].kind != TOKEN_WORD) {
            set_err(err, err_size,
                    "expected a screen id after expect screen (e.g. expect screen home)");
            return -1;
        }
        const char *id = tokens->tokens[2].text;
        int valid = 1;
        for (const char *p = id; *p && valid; p++)
            valid = (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-' || *p == '_';
        if (!valid) {
            shown(id, token, sizeof token);
            snprintf(message, sizeof message,
                     "screen id %s may use only lower-case letters, digits, '-' and '_'", token);
            set_err(err, err_size, message);
            return -1;
        }
        if (no_more(tokens, 3, "expect screen", err, err_size) != 0)
            return -1;
        cmd->kind = SCRIPT_EXPECT_SCREEN;
        snprintf(cmd->text, sizeof cmd->text, "%s", id);
        return 0;
    }
    if (strcmp(what, "text") == 0 || strcmp(what, "no-text") == 0) {
        int negated = what[0] == 'n';
        const char *command = negated ? "expect no-text" : "expect text";
        if (take_quoted(tokens, 2, "text", command,
                        negated ? "expect no-text \"Saved\"" : "expect text \"Saved\"", cmd, err,
                        err_size) != 0 ||
            no_more(tokens, 3, command, err, err_size) != 0)
            return -1;
        cmd->kind = negated ? SCRIPT_EXPECT_NO_TEXT : SCRIPT_EXPECT_TEXT;
        return 0;
    }
    if (tokens->count < 2) {
        set_err(err, err_size, "expected screen, text or no-text after expect");
        return -1;
    }
    shown(tokens->tokens[1].text, token, sizeof token);
    snprintf(message, sizeof message, "expected screen, text or no-text after expect, not %s",
             token);
    set_err(err, err_size, message);
    return -1;
}

int script_parse_line(const char *line, ScriptCommand *cmd, char *err, size_t err_size)
{
    Tokens tokens;
    memset(cmd, 0, sizeof *cmd);
    cmd->kind = SCRIPT_EMPTY;
    if (err && err_size)
        err[0] = '\0';
    if (!line)
        return 0;
    if (tokenize(line, &tokens, err, err_size) != 0)
        return -1;
    if (tokens.count == 0)
        return 0;

    const Token *first = &tokens.tokens[0];
    const char *name = first->text;
    int result;
    if (first->kind != TOKEN_WORD) {
        set_err(err, err_size, "a line starts with a command, not with quoted text");
        result = -1;
    } else if (strcmp(name, "tap") == 0) {
        result = parse_tap(&tokens, cmd, err, err_size);
    } else if (strcmp(name, "hold") == 0) {
        result = parse_hold(&tokens, cmd, err, err_size);
    } else if (strcmp(name, "drag") == 0) {
        result = parse_drag(&tokens, cmd, err, err_size);
    } else if (strcmp(name, "type") == 0) {
        result = take_quoted(&tokens, 1, "text", "type", "type \"hello\"", cmd, err, err_size);
        if (result == 0)
            result = no_more(&tokens, 2, "type", err, err_size);
        cmd->kind = SCRIPT_TYPE;
    } else if (strcmp(name, "key") == 0) {
        result = parse_key(&tokens, cmd, err, err_size);
    } else if (strcmp(name, "wait") == 0) {
        result = parse_wait(&tokens, cmd, err, err_size);
    } else if (strcmp(name, "screenshot") == 0) {
        result = parse_screenshot(&tokens, cmd, err, err_size);
    } else if (strcmp(name, "expect") == 0) {
        result = parse_expect(&tokens, cmd, err, err_size);
    } else if (strcmp(name, "dump") == 0 || strcmp(name, "quit") == 0) {
        int dump = name[0] == 'd';
        result = no_more(&tokens, 1, dump ? "dump" : "quit", err, err_size);
        cmd->kind = dump ? SCRIPT_DUMP : SCRIPT_QUIT;
    } else {
        char message[MESSAGE_MAX];
        char token[SHOWN_MAX + 8];
        shown(name, token, sizeof token);
        snprintf(message, sizeof message,
                 "unknown command %s (commands: tap, hold, drag, type, key, wait, screenshot, "
                 "expect, dump, quit)",
                 token);
        set_err(err, err_size, message);
        result = -1;
    }
    if (result != 0) {
        /* A bad line is never half a command. */
        memset(cmd, 0, sizeof *cmd);
        cmd->kind = SCRIPT_EMPTY;
    }
    return result;
}
