/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Input as the core receives it: presses, moves and releases in logical
 * pixels, keys and typed text. The platform turns SDL's events into these. */
#ifndef LULL_INPUT_H
#define LULL_INPUT_H

typedef enum {
    APP_INPUT_PRESS,
    APP_INPUT_MOVE,
    APP_INPUT_RELEASE,
    APP_INPUT_CANCEL,
    APP_INPUT_KEY,
    APP_INPUT_TEXT,
} AppInputKind;

typedef enum {
    KEY_NONE,
    KEY_ESCAPE,
    KEY_RETURN,
    KEY_BACKSPACE,
    KEY_TAB,
    KEY_SPACE,
    KEY_UP,
    KEY_DOWN,
    KEY_LEFT,
    KEY_RIGHT,
    KEY_QUIT, /* Ctrl+Q */
} AppKey;

typedef struct {
    AppInputKind kind;
    int x, y; /* logical pixels */
    AppKey key;
    char text[32]; /* UTF-8, APP_INPUT_TEXT */
} AppInput;

#endif
