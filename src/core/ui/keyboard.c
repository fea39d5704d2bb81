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
    if (added)
        kb->can_restore = 0; /* typing again: what Clear took is let go */
    return added;
}

void keyboard_clear(Keyboard *kb)
{
    if (!kb->text[0])
        return;
    memcpy(kb->cleared, kb->text, sizeof kb->cleared);
    kb->can_restore = 1;
    kb->text[0] = '\0';
    kb->shift = 1;
}

int keyboard_restore(Keyboard *kb)
{
    if (!kb->can_restore || kb->text[0])
        return 0;
    memcpy(kb->text, kb->cleared, sizeof kb->text);
    kb->can_restore = 0;
    kb->shift = 0;
    return 1;
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

/* The tallest a key grows where the screen is empty (portrait, a big panel). */
static int key_tallest(const Metrics *m)
{
    return key_size(m) * 7 / 5;
}

/* The closest rows come where the screen is short: 1 mm. */
static int row_gap_floor(const Metrics *m)
{
    int floor = (int)(m->px_per_mm * 1.0f);
    return floor > 2 ? floor : 2;
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

/* Rows in all: the most any layer needs, the bottom row, and on a narrow
 * screen a row of Shift, Backspace and Done. */
static int all_rows(const Metrics *m, int width)
{
    int rows = 0;
    for (int l = 0; l < KB_LAYER_COUNT; l++) {
        int r = char_rows(m, width, (KeyboardLayer)l);
        rows = r > rows ? r : rows;
    }
    return rows + (key_columns(m, width) >= 10 ? 1 : 2);
}

int keyboard_height(const Metrics *m, int width)
{
    int rows = all_rows(m, width);
    return rows * key_size(m) + (rows - 1) * key_gap(m, width);
}

int keyboard_fit_height(const Metrics *m, int width, int avail_h, int keep_h)
{
    int rows = all_rows(m, width);
    int gap = key_gap(m, width);
    int room = avail_h - keep_h;
    int tallest = rows * key_tallest(m) + (rows - 1) * gap;
    int tightest = rows * key_size(m) + (rows - 1) * row_gap_floor(m);
    if (room >= keyboard_height(m, width))
        return room < tallest ? room : tallest;
    return room > tightest ? room : tightest;
}

/* Row height and the gap between rows for a keyboard given h px. */
static void row_metrics(const Metrics *m, int width, int h, int *row_h, int *gap_y)
{
    int rows = all_rows(m, width);
    int gap = key_gap(m, width);
    if (h >= keyboard_height(m, width)) {
        *gap_y = gap;
        *row_h = (h - (rows - 1) * gap) / rows;
        if (*row_h > key_tallest(m))
            *row_h = key_tallest(m);
        return;
    }
    *row_h = key_size(m);
    *gap_y = rows > 1 ? (h - rows * *row_h) / (rows - 1) : gap;
    if (*gap_y < row_gap_floor(m))
        *gap_y = row_gap_floor(m);
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

/* Letters and accented letters have capitals (É, À, Ö); the other layers not. */
static int has_shift(const Keyboard *kb)
{
    return kb->layer == KB_LETTERS || kb->layer == KB_ACCENTS;
}

static void shift_key(Keyboard *kb, Ui *ui, Rect r, const UiStyle *style)
{
    if (!has_shift(kb))
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

/* Backspace deletes on touch-down; held, it deletes again after half a second,
 * then ten characters a second, so a long word goes without a tap for each. */
static void backspace_key(Keyboard *kb, Ui *ui, Rect r, const UiStyle *style)
{
    if (ui_button(ui, "Backspace", "⌫", r, SHAPE_NONE, style, UI_FIRE_ON_PRESS)) {
        keyboard_backspace(kb);
        kb->repeat_at = ui->now_ms + 500;
    } else if (ui_pressed(ui, "Backspace")) {
        if (kb->repeat_at && ui->now_ms >= kb->repeat_at) {
            keyboard_backspace(kb);
            kb->repeat_at = ui->now_ms + 100;
        }
    } else {
        kb->repeat_at = 0;
    }
}

/* Clear empties the text at once; until something is typed the same key is
 * Undo clear. Nothing to clear: seen, not a target. */
static void clear_key(Keyboard *kb, Ui *ui, Rect r, const UiStyle *style)
{
    if (!kb->text[0] && kb->can_restore) {
        if (ui_button(ui, "Undo clear", "Undo", r, SHAPE_NONE, style, UI_SMALL_TEXT))
            keyboard_restore(kb);
        return;
    }
    if (ui_button(ui, "Clear", NULL, r, SHAPE_NONE, style,
                  UI_SMALL_TEXT | (kb->text[0] ? 0 : UI_DISABLED)))
        keyboard_clear(kb);
}

KeyboardResult keyboard_ui(Keyboard *kb, Ui *ui, Rect area, const Theme *theme, const Metrics *m)
{
    KeyboardResult result = KEYBOARD_EDITING;
    int gap = key_gap(m, area.w);
    int row_h = key_size(m), gap_y = gap;
    row_metrics(m, area.w, area.h, &row_h, &gap_y);
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
    int rows_all = all_rows(m, area.w);
    int y = area.y + area.h - (rows_all * row_h + (rows_all - 1) * gap_y);

    if (cols >= 10) {
        for (int row = 0; row < 3; row++) {
            int count = layer_keys(kb->layer, row, keys);
            /* The last row has Shift (where the layer has capitals) and
             * Backspace at its ends: half as wide again as a key where the
             * row leaves room, never narrower than a key. */
            int ends = row == 2 ? 1 + has_shift(kb) : 0;
            int keys_w = count * key_w + (count - 1) * gap;
            int wide = key_w * 3 / 2;
            if (ends && keys_w + ends * (wide + gap) > area.w)
                wide = (area.w - keys_w) / ends - gap;
            if (wide < key_w)
                wide = key_w;
            int used = keys_w + ends * (wide + gap);
            int x = area.x + (area.w - used) / 2;
            if (row == 2 && has_shift(kb)) {
                shift_key(kb, ui, rect_make(x, y, wide, row_h), &mod);
                x += wide + gap;
            }
            for (int i = 0; i < count; i++) {
                char_key(kb, ui, keys[i], rect_make(x, y, key_w, row_h), &key);
                x += key_w + gap;
            }
            if (row == 2)
                backspace_key(kb, ui, rect_make(x, y, wide, row_h), &mod);
            y += row_h + gap_y;
        }
    } else {
        int at = 0;
        for (int row = 0; row < 3; row++) {
            int count = layer_keys(kb->layer, row, keys);
            for (int i = 0; i < count; i++, at++) {
                int r = at / cols, c = at % cols;
                char_key(kb, ui, keys[i],
                         rect_make(area.x + c * (key_w + gap), y + r * (row_h + gap_y), key_w,
                                   row_h),
                         &key);
            }
        }
        /* Layers with fewer rows than the tallest leave their gap above, not below. */
        y += (all_rows(m, area.w) - 2) * (row_h + gap_y);
        int third = (area.w - 2 * gap) / 3;
        shift_key(kb, ui, rect_make(area.x, y, third, row_h), &mod);
        backspace_key(kb, ui, rect_make(area.x + third + gap, y, third, row_h), &mod);
        UiStyle done = key;
        done.bg = theme->accent;
        done.fg = theme->bg;
        if (ui_button(ui, "Done", NULL, rect_make(area.x + 2 * (third + gap), y, third, row_h),
                      SHAPE_NONE, &done, 0))
            result = KEYBOARD_DONE;
        y += row_h + gap_y;
    }

    /* The bottom row: the other layers, Clear, space and (on a wide screen) Done. */
    int layer_w = key_size(m) * 5 / 4;
    int done_w = cols >= 10 ? key_size(m) * 2 : 0;
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
    clear_key(kb, ui, rect_make(x, y, layer_w, row_h), &mod);
    x += layer_w + gap;
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
