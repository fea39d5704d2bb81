/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The PIN pad [locked]: digits, the dots, the wait after wrong attempts. */
#include "screens/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void pin_digit(App *app, char digit)
{
    JournalState *js = &app->journal;
    size_t n = strlen(js->pin_digits);
    if (n < PIN_MAX_DIGITS && lock_wait_left(app) == 0) {
        js->pin_digits[n] = digit;
        js->pin_digits[n + 1] = '\0';
    }
}

static void pin_backspace(App *app)
{
    JournalState *js = &app->journal;
    size_t n = strlen(js->pin_digits);
    if (n > 0)
        js->pin_digits[n - 1] = '\0';
}

int pin_handle_key(App *app, const AppInput *in)
{
    if (app_screen(app) != SCREEN_LOCKED)
        return 0;
    if (in->kind == APP_INPUT_TEXT) {
        for (const char *c = in->text; *c; c++)
            if (*c >= '0' && *c <= '9')
                pin_digit(app, *c);
    } else if (in->key == KEY_BACKSPACE) {
        pin_backspace(app);
    } else if (in->key == KEY_RETURN) {
        lock_submit(app);
    } else if (in->key == KEY_ESCAPE) {
        lock_leave(app);
    } else {
        return 0;
    }
    return 1;
}

static void pin_dots(App *app, Rect r)
{
    const Metrics *m = &app->metrics;
    const Theme *t = &app->theme;
    int n = (int)strlen(app->journal.pin_digits);
    int shown = n > PIN_MIN_DIGITS ? n : PIN_MIN_DIGITS;
    int d = m->text;
    int gap = m->gap;
    int total = shown * d + (shown - 1) * gap;
    int x = r.x + (r.w - total) / 2;
    int y = r.y + (r.h - d) / 2;
    for (int i = 0; i < shown; i++) {
        Rect c = rect_make(x + i * (d + gap), y, d, d);
        if (i < n)
            ui_circle(&app->ui, c, t->accent);
        else
            ui_frame(&app->ui, c, t->text_dim, d / 2, 2);
    }
}

void screen_pinpad(App *app)
{
    Ui *ui = &app->ui;
    const Metrics *m = &app->metrics;
    const Theme *t = &app->theme;
    JournalState *js = &app->journal;
    const char *title = js->pin_quitting                  ? "The PIN, to leave Lull"
                        : js->pin_mode == PIN_MODE_UNLOCK ? "Enter your PIN"
                        : js->pin_mode == PIN_MODE_NEW    ? "Choose a PIN"
                                                          : "Enter the PIN again";
    Rect area = app_header(app, title);

    /* The words and the dots beside the keys on a wide screen, above them on a tall one. */
    int kgap = m->gap;
    int key = ui_measure(ui, "Unlock", m->text_small) + m->text_small * 2;
    key = key > m->unit ? key : m->unit;
    int pad_w = 3 * key + 2 * kgap;
    int key_h = m->unit;
    if (4 * key_h + 3 * kgap > area.h)
        key_h = (area.h - 3 * kgap) / 4;
    int pad_h = 4 * key_h + 3 * kgap;
    Rect info, pad;
    if (!m->portrait && area.w >= pad_w + m->unit * 4) {
        pad = rect_make(area.x + area.w - pad_w, area.y + (area.h - pad_h) / 2, pad_w, pad_h);
        info = rect_make(area.x, area.y, pad.x - m->gap - area.x, area.h);
    } else {
        /* Keys as wide as a comfortable thumb reach allows. */
        int w = area.w < m->unit * 5 ? area.w : m->unit * 5;
        pad_h = 4 * key_h + 3 * kgap;
        pad = rect_make(area.x + (area.w - w) / 2, area.y + area.h - pad_h, w, pad_h);
        info = rect_make(area.x, area.y, area.w, pad.y - m->gap - area.y);
    }

    int64_t left = lock_wait_left(app);
    const char *words;
    if (js->pin_message[0])
        words = js->pin_message;
    else if (js->pin_quitting)
        words = "Leaving full screen needs the PIN.";
    else if (js->pin_mode == PIN_MODE_UNLOCK)
        words = "The journal and settings are private to the two of you.";
    else if (js->pin_mode == PIN_MODE_NEW)
        words = "4 to 6 digits that you both will remember.";
    else
        words = "Enter it once more to be sure.";
    char wait[64] = "";
    if (left > 0)
        snprintf(wait, sizeof wait, "Try again in %d seconds", (int)((left + 999) / 1000));

    /* The dots, the words, the wait and Cancel, centred in what is left. */
    int dots_h = m->text * 2;
    int lh = m->text_small * 27 / 20;
    int words_h = ui_text_wrap(ui, words, rect_make(0, 0, info.w, 1 << 20), m->text_small,
                               t->text_dim, ALIGN_CENTER, 0);
    if (words_h > 4 * lh)
        words_h = 4 * lh;
    int wait_h = wait[0] ? ui_text_wrap(ui, wait, rect_make(0, 0, info.w, 1 << 20), m->text,
                                        t->danger_free_warn, ALIGN_CENTER, 0)
                         : 0;
    int cancel_h = m->unit;
    int block = dots_h + m->gap + words_h + (wait_h ? m->gap / 2 + wait_h : 0) + m->gap + cancel_h;
    int show_cancel = block <= info.h;
    if (!show_cancel)
        block -= m->gap + cancel_h;
    int y = info.y + (info.h - block) / 2;
    if (y < info.y)
        y = info.y;
    pin_dots(app, rect_make(info.x, y, info.w, dots_h));
    y += dots_h + m->gap;
    Color tone = js->pin_message[0] ? t->danger_free_warn : t->text_dim;
    ui_text_box(ui, words, rect_make(info.x, y, info.w, words_h), m->text_small, m->text_small,
                tone, ALIGN_CENTER);
    y += words_h;
    if (wait_h) {
        y += m->gap / 2;
        ui_text_box(ui, wait, rect_make(info.x, y, info.w, wait_h), m->text, m->text_min,
                    t->danger_free_warn, ALIGN_CENTER);
        y += wait_h;
    }
    if (show_cancel) {
        int cw = m->unit * 2 + m->unit / 2;
        if (cw > info.w)
            cw = info.w;
        UiStyle quiet = app_style_quiet(app);
        quiet.text_px = m->text_small;
        if (ui_button(ui, "Cancel", NULL,
                      rect_make(info.x + (info.w - cw) / 2, y + m->gap, cw, cancel_h), SHAPE_NONE,
                      &quiet, 0)) {
            lock_leave(app);
            return;
        }
    }

    UiStyle st = app_style_button(app);
    st.text_px = m->text_large;
    UiStyle mod = app_style_button(app);
    mod.text_px = m->text_small;
    int kw = (pad.w - 2 * kgap) / 3;
    int kh = (pad.h - 3 * kgap) / 4;
    int waiting = left > 0;
    int n = (int)strlen(js->pin_digits);
    static const char keys[] = "123456789";
    for (int i = 0; i < 9; i++) {
        char label[16], text[4];
        snprintf(label, sizeof label, "Key %c", keys[i]);
        snprintf(text, sizeof text, "%c", keys[i]);
        Rect r = rect_make(pad.x + (i % 3) * (kw + kgap), pad.y + (i / 3) * (kh + kgap), kw, kh);
        if (ui_button(ui, label, text, r, SHAPE_NONE, &st, waiting ? UI_DISABLED : 0))
            pin_digit(app, keys[i]);
    }
    int by = pad.y + 3 * (kh + kgap);
    if (ui_button(ui, "Backspace", "⌫", rect_make(pad.x, by, kw, kh), SHAPE_NONE, &mod,
                  n == 0 ? UI_DISABLED : 0))
        pin_backspace(app);
    if (ui_button(ui, "Key 0", "0", rect_make(pad.x + kw + kgap, by, kw, kh), SHAPE_NONE, &st,
                  waiting ? UI_DISABLED : 0))
        pin_digit(app, '0');
    UiStyle go = app_style_button(app);
    go.bg = color_mix(t->surface, t->accent, 0.45f);
    go.text_px = m->text_small;
    const char *action = js->pin_mode == PIN_MODE_UNLOCK ? "Unlock"
                         : js->pin_mode == PIN_MODE_NEW  ? "Next"
                                                         : "Save PIN";
    if (ui_button(ui, action, NULL, rect_make(pad.x + 2 * (kw + kgap), by, kw, kh), SHAPE_NONE, &go,
                  n < PIN_MIN_DIGITS || waiting ? UI_DISABLED : 0))
        lock_submit(app);
}
