/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "lull/keyboard.h"

#include <stdio.h>
#include <string.h>

void keyboard_init(Keyboard *kb, const char *initial, int max_chars)
{
    memset(kb, 0, sizeof *kb);
    kb->max_chars = max_chars > 0 ? max_chars : 1;
    kb->shift = 1; /* a name or a note starts with a capital */
    if (initial)
        keyboard_insert(kb, initial);
}

int keyboard_insert(Keyboard *kb, const char *utf8)
{
    int added = 0;
    size_t len = strlen(kb->text);
    int chars = utf8_length(kb->text);
    while (*utf8) {
        int n = utf8_char_bytes(utf8);
        if (n == 0) {
            utf8++;
            continue;
        }
        unsigned char c = (unsigned char)utf8[0];
        int control = n == 1 && (c < 0x20 || c == 0x7F) && c != '\n';
        if (!control) {
            if (chars >= kb->max_chars || len + (size_t)n + 1 > sizeof kb->text)
                break;
            memcpy(kb->text + len, utf8, (size_t)n);
            len += (size_t)n;
            kb->text[len] = '\0';
            chars++;
            added++;
        }
        utf8 += n;
    }
    if (added && kb->shift && !kb->caps)
        kb->shift = 0;
    return added;
}

KeyboardResult keyboard_key(Keyboard *kb, const AppInput *in)
{
    if (in->kind == APP_INPUT_TEXT) {
        keyboard_insert(kb, in->text);
        return KEYBOARD_EDITING;
    }
    if (in->kind != APP_INPUT_KEY)
        return KEYBOARD_IGNORED;
    switch (in->key) {
    case KEY_BACKSPACE:
        keyboard_backspace(kb);
        return KEYBOARD_EDITING;
    case KEY_RETURN:
        return KEYBOARD_DONE;
    case KEY_ESCAPE:
        return KEYBOARD_CANCEL;
    default:
        return KEYBOARD_IGNORED;
    }
}

void keyboard_backspace(Keyboard *kb)
{
    size_t len = strlen(kb->text);
    if (len == 0)
        return;
    size_t i = len - 1;
    while (i > 0 && ((unsigned char)kb->text[i] & 0xC0) == 0x80)
        i--;
    kb->text[i] = '\0';
    if (i == 0)
        kb->shift = 1; /* starting again: a capital, as at the start */
}

/* Each layer: three rows of single characters (space separated UTF-8). */
static const char *const layer_rows[KB_LAYER_COUNT][3] = {
    {"q w e r t y u i o p", "a s d f g h j k l", "z x c v b n m"},
    {"1 2 3 4 5 6 7 8 9 0", "- / : ; ( ) & @ \"", ". , ? ! ' + ="},
    {"à á â ä ã å æ ç è é", "ê ë ì í î ï ñ ò ó", "ô ö ø ù ú û ü ß"},
    {"♥ ❤ ☺ ★ ☀ ☾ ♫ ✓", "☕ ☁ ☂ ✿ ♪ ☼ ✔", "… « » ° · – —"},
};

static const char *const layer_names[KB_LAYER_COUNT] = {"abc", "123", "àé", "♥☺"};

/* Splits a layer's rows into single characters. */
static int layer_keys(KeyboardLayer layer, int row, char keys[12][8])
{
    int count = 0;
    const char *p = layer_rows[layer][row];
    while (*p && count < 12) {
        const char *sp = strchr(p, ' ');
        size_t n = sp ? (size_t)(sp - p) : strlen(p);
        if (n >= 8)
            n = 7;
        memcpy(keys[count], p, n);
        keys[count][n] = '\0';
        count++;
        if (!sp)
            break;
        p = sp + 1;
    }
    return count;
}

/* A key's height: the comfortable size where there is room, never below the minimum. */
static int key_size(const Metrics *m)
{
    int h = m->unit * 4 / 5;
    return h > m->target ? h : m->target;
}

/* The gap between keys: 3 mm where there is room, narrower (never under 1 mm)
 * so a full row of ten keys keeps every key at the minimum size. */
static int key_gap(const Metrics *m, int width)
{
    int gap = m->gap;
    if (10 * m->target + 9 * gap > width) {
        int tight = (width - 10 * m->target) / 9;
        int floor = (int)(m->px_per_mm * 1.0f);
        gap = tight > floor ? tight : floor;
    }
    return gap > 2 ? gap : 2;
}

/* Keys that fit across at least the minimum target size (at most 10). */
static int key_columns(const Metrics *m, int width)
{
    int gap = key_gap(m, width);
    int cols = (width + gap) / (m->target + gap);
    return cols > 10 ? 10 : cols < 4 ? 4 : cols;
}

static int layer_key_count(KeyboardLayer layer)
{
    char keys[12][8];
    int n = 0;
    for (int row = 0; row < 3; row++)
        n += layer_keys(layer, row, keys);
    return n;
}

/* Rows of character keys: three on a wide screen; on a narrow one the keys
 * wrap so none is smaller than the minimum target. */
static int char_rows(const Metrics *m, int width, KeyboardLayer layer)
{
    int cols = key_columns(m, width);
    if (cols >= 10)
        return 3;
    return (layer_key_count(layer) + cols - 1) / cols;
}

int keyboard_height(const Metrics *m, int width)
{
    int rows = 0;
    for (int l = 0; l < KB_LAYER_COUNT; l++) {
        int r = char_rows(m, width, (KeyboardLayer)l);
        rows = r > rows ? r : rows;
    }
    rows += key_columns(m, width) >= 10 ? 1 : 2; /* the bottom row, and a row of Shift/Backspace */
    return rows * key_size(m) + (rows - 1) * key_gap(m, width);
}

static int upper_ascii(char *out, size_t size, const char *key)
{
    if (key[0] >= 'a' && key[0] <= 'z' && key[1] == '\0') {
        snprintf(out, size, "%c", key[0] - 32);
        return 1;
    }
    /* Latin-1 lower case letters in U+00E0..U+00FE (but not ß, ÷) map to U+00C0.. */
    const unsigned char *u = (const unsigned char *)key;
    if (u[0] == 0xC3 && u[1] >= 0xA0 && u[1] <= 0xBE && u[1] != 0xB7 && u[2] == 0) {
        snprintf(out, size, "%c%c", (char)0xC3, (char)(u[1] - 0x20));
        return 1;
    }
    snprintf(out, size, "%s", key);
    return 0;
}

static void char_key(Keyboard *kb, Ui *ui, const char *key, Rect r, const UiStyle *style)
{
    char shown[16], label[UI_LABEL_MAX];
    int upper = kb->layer != KB_EMOJI && (kb->shift || kb->caps) &&
                upper_ascii(shown, sizeof shown, key);
    if (!upper)
        snprintf(shown, sizeof shown, "%s", key);
    snprintf(label, sizeof label, "Key %s", shown);
    if (ui_button(ui, label, shown, r, SHAPE_NONE, style, 0))
        keyboard_insert(kb, shown);
}

static void shift_key(Keyboard *kb, Ui *ui, Rect r, const UiStyle *style)
{
    if (kb->layer != KB_LETTERS)
        return;
    int on = kb->caps || kb->shift;
    if (ui_button(ui, kb->caps ? "Caps" : "Shift", kb->caps ? "⇪" : "⇧", r, SHAPE_NONE, style,
                  on ? UI_SELECTED : 0)) {
        /* Shift, then Shift again for caps, then off. */
        if (kb->caps) {
            kb->caps = 0;
            kb->shift = 0;
        } else if (kb->shift) {
            kb->caps = 1;
        } else {
            kb->shift = 1;
        }
    }
}

KeyboardResult keyboard_ui(Keyboard *kb, Ui *ui, Rect area, const Theme *theme, const Metrics *m)
{
    KeyboardResult result = KEYBOARD_EDITING;
    int gap = key_gap(m, area.w);
    int row_h = key_size(m);
    int cols = key_columns(m, area.w);
    int key_w = (area.w - (cols - 1) * gap) / cols;
    int text_px = row_h * 2 / 5 > m->text_min ? row_h * 2 / 5 : m->text_min;
    UiStyle key = {theme->surface_hi, theme->text, theme->accent,
                   color_rgb(0),      text_px,     m->radius / 2};
    key.frame.a = 0;
    UiStyle mod = key;
    mod.bg = theme->surface;
    char label[UI_LABEL_MAX];
    char keys[12][8];
    /* The keyboard sits at the bottom of area. */
    int y = area.y + area.h - keyboard_height(m, area.w);

    if (cols >= 10) {
        for (int row = 0; row < 3; row++) {
            int count = layer_keys(kb->layer, row, keys);
            int wide = key_w * 3 / 2;
            int used = count * key_w + (count - 1) * gap + (row == 2 ? 2 * (wide + gap) : 0);
            int x = area.x + (area.w - used) / 2;
            if (row == 2) {
                shift_key(kb, ui, rect_make(x, y, wide, row_h), &mod);
                x += wide + gap;
            }
            for (int i = 0; i < count; i++) {
                char_key(kb, ui, keys[i], rect_make(x, y, key_w, row_h), &key);
                x += key_w + gap;
            }
            if (row == 2 &&
                ui_button(ui, "Backspace", "⌫", rect_make(x, y, wide, row_h), SHAPE_NONE, &mod, 0))
                keyboard_backspace(kb);
            y += row_h + gap;
        }
    } else {
        int at = 0;
        int rows = char_rows(m, area.w, kb->layer);
        for (int row = 0; row < 3; row++) {
            int count = layer_keys(kb->layer, row, keys);
            for (int i = 0; i < count; i++, at++) {
                int r = at / cols, c = at % cols;
                char_key(kb, ui, keys[i],
                         rect_make(area.x + c * (key_w + gap), y + r * (row_h + gap), key_w, row_h),
                         &key);
            }
        }
        y += rows * (row_h + gap);
        int third = (area.w - 2 * gap) / 3;
        shift_key(kb, ui, rect_make(area.x, y, third, row_h), &mod);
        if (ui_button(ui, "Backspace", "⌫", rect_make(area.x + third + gap, y, third, row_h),
                      SHAPE_NONE, &mod, 0))
            keyboard_backspace(kb);
        UiStyle done = key;
        done.bg = theme->accent;
        done.fg = theme->bg;
        if (ui_button(ui, "Done", NULL, rect_make(area.x + 2 * (third + gap), y, third, row_h),
                      SHAPE_NONE, &done, 0))
            result = KEYBOARD_DONE;
        y += row_h + gap;
    }

    /* The bottom row: the other layers, space and (on a wide screen) Done. */
    int layer_w = row_h * 5 / 4;
    int done_w = cols >= 10 ? row_h * 2 : 0;
    int x = area.x;
    for (int l = 0; l < KB_LAYER_COUNT; l++) {
        if (l == (int)kb->layer)
            continue;
        snprintf(label, sizeof label, "Keys %s", layer_names[l]);
        if (ui_button(ui, label, layer_names[l], rect_make(x, y, layer_w, row_h), SHAPE_NONE, &mod,
                      UI_SMALL_TEXT))
            kb->layer = (KeyboardLayer)l;
        x += layer_w + gap;
    }
    int space_w = area.x + area.w - (done_w ? done_w + gap : 0) - x;
    if (ui_button(ui, "Space", "space", rect_make(x, y, space_w, row_h), SHAPE_NONE, &key,
                  UI_SMALL_TEXT))
        keyboard_insert(kb, " ");
    if (done_w) {
        UiStyle done = key;
        done.bg = theme->accent;
        done.fg = theme->bg;
        if (ui_button(ui, "Done", NULL, rect_make(area.x + area.w - done_w, y, done_w, row_h),
                      SHAPE_NONE, &done, 0))
            result = KEYBOARD_DONE;
    }
    return result;
}

size_t keyboard_trimmed(const Keyboard *kb, char *out, size_t size)
{
    const char *s = kb->text;
    while (*s == ' ')
        s++;
    utf8_copy(out, size, s);
    size_t len = strlen(out);
    while (len > 0 && out[len - 1] == ' ')
        out[--len] = '\0';
    return len;
}
