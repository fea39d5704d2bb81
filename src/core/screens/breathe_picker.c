/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Choosing a breath [breathe]: the pattern (and the couple's own, named on
 * the keyboard), the length, the sound and its volume. */
#include "screens/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_CHIPS = BREATHE_MAX_FILES + BREATHE_BED_COUNT + 8 };

static void naming_done(App *app)
{
    BreatheState *b = &app->breathe;
    BreatheCustom *c = &b->customs[app->breathe_picker.naming_custom];
    char name[BREATHE_NAME_MAX];
    size_t len = keyboard_trimmed(&app->keyboard, name, sizeof name);
    if (len > 0)
        snprintf(c->name, sizeof c->name, "%s", name);
    else if (!c->name[0])
        snprintf(c->name, sizeof c->name, "My pattern %d", app->breathe_picker.naming_custom + 1);
    if (!c->used) {
        c->used = 1;
        c->pattern = pacer_pattern(PATTERN_CUSTOM);
    }
    app->breathe_picker.naming = 0;
    breathe_save_custom(app, app->breathe_picker.naming_custom);
    breathe_choose_pattern(app, PATTERN_CUSTOM, app->breathe_picker.naming_custom);
}

int breathe_handle_key(App *app, const AppInput *in)
{
    if (!app->breathe_picker.naming)
        return 0;
    KeyboardResult r = keyboard_key(&app->keyboard, in);
    if (r == KEYBOARD_DONE)
        naming_done(app);
    else if (r == KEYBOARD_CANCEL)
        app->breathe_picker.naming = 0;
    return 1; /* while naming, every key is the name's */
}

static void start_naming(App *app, int slot)
{
    BreatheState *b = &app->breathe;
    app->breathe_picker.naming = 1;
    app->breathe_picker.naming_custom = slot;
    keyboard_init(&app->keyboard, b->customs[slot].used ? b->customs[slot].name : "",
                  BREATHE_NAME_CHARS);
}

static void screen_naming(App *app)
{
    Rect area = app_header(app, "Name your pattern");
    if (widget_name_field(APP_KIT(app), area, &app->keyboard, app->theme.accent, NULL, 0) ==
        KEYBOARD_DONE)
        naming_done(app);
}

typedef struct {
    char label[UI_LABEL_MAX];
    char text[UI_LABEL_MAX];
    int selected;
    int disabled;
} Chip;

/* The picker's chips in the kit's flow: a unit tall, with room of twice the
 * text size, a lighter selection. Returns the index tapped or -1; *y moves
 * past them. */
static WidgetFlow picker_flow(App *app, WidgetFlowKind kind, int min_w)
{
    WidgetFlow f = {kind, app->metrics.unit, min_w, 8, 0.3f, 0};
    return f;
}

static int picker_chips(App *app, const UiScroll *sc, int *y, const Chip *c, int count,
                        WidgetFlowKind kind, int min_w)
{
    WidgetChip w[MAX_CHIPS];
    for (int i = 0; i < count && i < MAX_CHIPS; i++)
        w[i] = (WidgetChip){c[i].label, c[i].text, c[i].selected, c[i].disabled};
    WidgetFlow f = picker_flow(app, kind, min_w);
    UiStyle st = app_style_button(app);
    int tapped = -1;
    *y += widget_chips(APP_KIT(app), rect_make(sc->view.x, *y, sc->view.w, 0), w,
                       count < MAX_CHIPS ? count : MAX_CHIPS, &tapped, &st, &f, 1) +
          app->metrics.gap;
    return tapped;
}

/* Chips in rows of equal width, as many to a row as the widest allows. */
static int chip_grid(App *app, const UiScroll *sc, int *y, const Chip *c, int count)
{
    return picker_chips(app, sc, y, c, count, WIDGET_FLOW_GRID, app->metrics.unit * 2);
}

static void heading(App *app, const UiScroll *sc, int *y, const char *text)
{
    const Metrics *m = &app->metrics;
    int lines = ui_measure(&app->ui, text, m->text_small) > sc->view.w ? 2 : 1;
    int h = lines * (m->text_small * 27 / 20) + m->text_small / 6;
    ui_text_box(&app->ui, text, rect_make(sc->view.x, *y, sc->view.w, h), m->text_small,
                m->text_min, app->theme.text_dim, ALIGN_LEFT);
    *y += h + m->gap / 4;
}

/* The width a value needs beside its stepper's buttons. */
static int value_width(App *app, const char *widest)
{
    return ui_measure(&app->ui, widest, app->metrics.text) + app->metrics.gap;
}

/* Stepper cells of cell_w, two to a row where they fit. Returns the rectangle of item i. */
static Rect stepper_cell(App *app, const UiScroll *sc, int y, int i, int count, int cell_w,
                         int *height)
{
    const Metrics *m = &app->metrics;
    int cols = sc->view.w >= 2 * cell_w + m->gap * 2 ? 2 : 1;
    int w = (sc->view.w - (cols - 1) * m->gap * 2) / cols;
    int rows = (count + cols - 1) / cols;
    *height = rows * (m->unit + m->gap);
    return rect_make(sc->view.x + (i % cols) * (w + m->gap * 2),
                     y + (i / cols) * (m->unit + m->gap), w, m->unit);
}

static void pattern_section(App *app, const UiScroll *sc, int *y)
{
    BreatheState *b = &app->breathe;
    Chip chips[MAX_CHIPS];
    int slot[MAX_CHIPS];
    int n = 0;
    memset(chips, 0, sizeof chips);
    /* The presets are on the picker itself: here, the couple's own. */
    int free_slot = -1;
    for (int i = 0; i < BREATHE_MAX_CUSTOM; i++) {
        if (!b->customs[i].used) {
            if (free_slot < 0)
                free_slot = i;
            continue;
        }
        /* a name is at most 20 characters, 80 bytes: the label always has room */
        snprintf(chips[n].label, sizeof chips[n].label, "Custom: %.80s", b->customs[i].name);
        snprintf(chips[n].text, sizeof chips[n].text, "%s", b->customs[i].name);
        chips[n].selected = b->kind == PATTERN_CUSTOM && b->custom == i;
        slot[n++] = i;
    }
    int new_at = -1;
    if (free_slot >= 0) {
        new_at = n;
        snprintf(chips[n].label, sizeof chips[n].label, "New custom");
        snprintf(chips[n].text, sizeof chips[n].text, "+ Your own");
        slot[n++] = free_slot;
    }
    if (b->kind == PATTERN_CUSTOM) {
        int tapped = chip_grid(app, sc, y, chips, n);
        if (tapped >= 0 && tapped == new_at)
            start_naming(app, free_slot);
        else if (tapped >= 0)
            breathe_choose_pattern(app, PATTERN_CUSTOM, slot[tapped]);
    }

    if (b->kind == PATTERN_SLOWING) {
        char value[32];
        int end = b->slowing_end_x10 / 10;
        snprintf(value, sizeof value, "%d a minute", end);
        heading(app, sc, y, "Slowing from 11 a minute to");
        Rect r = rect_make(sc->view.x, *y, sc->view.w, app->metrics.unit);
        WidgetStep rate = {NULL,
                           0,
                           value,
                           value_width(app, "10 a minute"),
                           "End rate down",
                           "End rate up",
                           end * 10 > PACER_SLOWING_END_MIN_X10,
                           end * 10 < PACER_SLOWING_END_MAX_X10,
                           app->metrics.unit};
        int step = widget_step(APP_KIT(app), r, &rate);
        if (step)
            app_save_int(app, KEY_BREATHE_SLOWING_END, end + step);
        *y += app->metrics.unit + app->metrics.gap;
    } else if (b->kind == PATTERN_CUSTOM && breathe_custom_valid(b, b->custom)) {
        BreatheCustom *c = &b->customs[b->custom];
        int h = 0;
        int cap_w = 0;
        for (int i = 0; i < 4; i++) {
            int w = ui_measure(&app->ui, breathe_phase_names[i], app->metrics.text);
            cap_w = w > cap_w ? w : cap_w;
        }
        int value_w = value_width(app, "12 s");
        int cell_w = cap_w + app->metrics.gap / 2 + 2 * app->metrics.unit + value_w;
        for (int i = 0; i < 4; i++) {
            char value[16], less[32], more[32];
            int s = c->pattern.phase_ms[i] / 1000;
            int lo = i % 2 ? 0 : 1;
            snprintf(value, sizeof value, "%d s", s);
            snprintf(less, sizeof less, "%s shorter", breathe_phase_names[i]);
            snprintf(more, sizeof more, "%s longer", breathe_phase_names[i]);
            Rect r = stepper_cell(app, sc, *y, i, 4, cell_w, &h);
            WidgetStep phase = {
                breathe_phase_names[i], cap_w, value, value_w, less, more, s > lo, s < 12,
                app->metrics.unit};
            int step = widget_step(APP_KIT(app), r, &phase);
            if (step) {
                int32_t ms[4];
                memcpy(ms, c->pattern.phase_ms, sizeof ms);
                ms[i] += step * 1000;
                c->pattern = pacer_custom(ms[0], ms[1], ms[2], ms[3]);
                breathe_save_custom(app, b->custom);
            }
        }
        *y += h;
        Chip edit[2];
        memset(edit, 0, sizeof edit);
        snprintf(edit[0].label, sizeof edit[0].label, "Rename pattern");
        snprintf(edit[0].text, sizeof edit[0].text, "Rename");
        snprintf(edit[1].label, sizeof edit[1].label, "Delete pattern");
        snprintf(edit[1].text, sizeof edit[1].text, "Delete");
        int e = chip_grid(app, sc, y, edit, 2);
        if (e == 0) {
            start_naming(app, b->custom);
        } else if (e == 1) {
            memset(c, 0, sizeof *c);
            breathe_save_custom(app, b->custom);
            breathe_choose_pattern(app, PATTERN_CALM, 0);
        }
    }
}

static int length_section(App *app, const UiScroll *sc, int *y)
{
    BreatheState *b = &app->breathe;
    Chip lengths[BREATHE_LENGTH_COUNT];
    memset(lengths, 0, sizeof lengths);
    for (int i = 0; i < BREATHE_LENGTH_COUNT; i++) {
        if (breathe_lengths[i]) {
            snprintf(lengths[i].label, sizeof lengths[i].label, "%d min", breathe_lengths[i]);
            snprintf(lengths[i].text, sizeof lengths[i].text, "%d", breathe_lengths[i]);
        } else {
            snprintf(lengths[i].label, sizeof lengths[i].label, "Open-ended");
            snprintf(lengths[i].text, sizeof lengths[i].text, "Open-ended");
        }
        lengths[i].selected = b->length_min == breathe_lengths[i];
    }
    heading(app, sc, y, "Length in minutes");
    int tapped = picker_chips(app, sc, y, lengths, BREATHE_LENGTH_COUNT, WIDGET_FLOW_STRETCH,
                              app->metrics.unit);
    if (tapped >= 0)
        app_save_int(app, KEY_BREATHE_LENGTH, breathe_lengths[tapped]);
    return tapped >= 0;
}

static void sound_section(App *app, const UiScroll *sc, int *y)
{
    BreatheState *b = &app->breathe;
    Chip chips[MAX_CHIPS];
    char ids[MAX_CHIPS][BREATHE_SOUND_MAX];
    int n = 0;
    memset(chips, 0, sizeof chips);
    for (int i = 0; i < BREATHE_BED_COUNT - 1; i++, n++) {
        snprintf(chips[n].label, sizeof chips[n].label, "%s", breathe_beds[i].label);
        snprintf(chips[n].text, sizeof chips[n].text, "%s", breathe_beds[i].label);
        snprintf(ids[n], sizeof ids[n], "%s", breathe_beds[i].id);
    }
    for (int i = 0; i < b->file_count && n < MAX_CHIPS - 1; i++, n++) {
        /* The file's name is its label; shown without its extension. */
        snprintf(chips[n].label, sizeof chips[n].label, "%s", b->files[i]);
        snprintf(chips[n].text, sizeof chips[n].text, "%s", b->files[i]);
        char *dot = strrchr(chips[n].text, '.');
        if (dot && dot != chips[n].text)
            *dot = '\0';
        chips[n].disabled = strcmp(b->files[i], b->file_failed) == 0;
        snprintf(ids[n], sizeof ids[n], "file:%s", b->files[i]);
    }
    snprintf(chips[n].label, sizeof chips[n].label, "%s",
             breathe_beds[BREATHE_BED_COUNT - 1].label);
    snprintf(chips[n].text, sizeof chips[n].text, "%s", breathe_beds[BREATHE_BED_COUNT - 1].label);
    snprintf(ids[n++], sizeof ids[0], "%s", breathe_beds[BREATHE_BED_COUNT - 1].id);
    for (int i = 0; i < n; i++)
        chips[i].selected = strcmp(ids[i], b->sound) == 0;
    heading(app, sc, y, "Sound");
    if (b->files_more > 0) {
        /* More than the list holds: said first, so no one wonders where theirs went. */
        const Metrics *m = &app->metrics;
        char more[128];
        snprintf(more, sizeof more,
                 "%d files here, the first by name; and %d more in the sounds folder",
                 b->file_count, b->files_more);
        int h = ui_text_wrap(&app->ui, more, rect_make(sc->view.x, *y, sc->view.w, 1 << 20),
                             m->text_small, app->theme.text_dim, ALIGN_LEFT, 1);
        *y += h + m->gap / 2;
    }
    int tapped = chip_grid(app, sc, y, chips, n);
    if (tapped >= 0)
        app_save(app, KEY_BREATHE_SOUND, ids[tapped]);
    if (b->file_failed[0] && strncmp(b->sound, "file:", 5) == 0 &&
        strcmp(b->sound + 5, b->file_failed) == 0) {
        const Metrics *m = &app->metrics;
        char note[BREATHE_FILE_MAX + 64];
        snprintf(note, sizeof note, "%s cannot be played here", b->file_failed);
        ui_text_box(&app->ui, note, rect_make(sc->view.x, *y, sc->view.w, m->text_small * 2),
                    m->text_small, m->text_min, app->theme.danger_free_warn, ALIGN_LEFT);
        *y += m->text_small * 2 + m->gap;
    }
}

static void volume_section(App *app, const UiScroll *sc, int *y)
{
    BreatheState *b = &app->breathe;
    const Metrics *m = &app->metrics;
    heading(app, sc, y, "Volume and cue tones");
    char value[16];
    snprintf(value, sizeof value, "%d%%", b->volume);
    int value_w = value_width(app, "100%");
    int stepper_w = 2 * m->unit + value_w;
    Chip cues[2];
    memset(cues, 0, sizeof cues);
    snprintf(cues[0].label, sizeof cues[0].label, "Cues on");
    snprintf(cues[0].text, sizeof cues[0].text, "Cues on");
    snprintf(cues[1].label, sizeof cues[1].label, "Cues off");
    snprintf(cues[1].text, sizeof cues[1].text, "Cues off");
    cues[0].selected = b->cues;
    cues[1].selected = !b->cues;
    WidgetChip widest = {cues[1].label, cues[1].text, 0, 0};
    UiStyle st = app_style_button(app);
    WidgetFlow grid = picker_flow(app, WIDGET_FLOW_GRID, m->unit * 2);
    int cue_w = widget_chip_width(APP_KIT(app), &widest, &st, &grid, sc->view.w);
    int beside = stepper_w + m->gap + 2 * cue_w + m->gap / 2 <= sc->view.w;
    Rect r = rect_make(sc->view.x, *y, beside ? stepper_w : sc->view.w, m->unit);
    WidgetStep level = {NULL,          0,           value,         value_w,
                        "Volume down", "Volume up", b->volume > 0, b->volume < 100,
                        m->unit};
    int step = widget_step(APP_KIT(app), r, &level);
    if (step) {
        int volume = b->volume + step * 10;
        app_save_int(app, KEY_BREATHE_VOLUME, volume < 0 ? 0 : volume > 100 ? 100 : volume);
    }
    UiScroll part = *sc;
    if (beside) {
        part.view.x += stepper_w + m->gap;
        part.view.w -= stepper_w + m->gap;
    } else {
        *y += m->unit + m->gap;
    }
    int tapped = chip_grid(app, &part, y, cues, 2);
    if (tapped >= 0)
        app_save_int(app, KEY_BREATHE_CUES, tapped == 0);
}

/* A pattern's rhythm in words: "in 5 · out 5", "in 4 · hold 7 · out 8". */
static void rhythm_words(const BreatheState *b, PatternKind kind, int custom, char *out,
                         size_t size)
{
    if (kind == PATTERN_SLOWING) {
        snprintf(out, size, "11 to %d a minute", b->slowing_end_x10 / 10);
        return;
    }
    PacerPattern p = kind == PATTERN_CUSTOM ? b->customs[custom].pattern : pacer_pattern(kind);
    static const char *const names[4] = {"in", "hold", "out", "hold"};
    size_t used = 0;
    out[0] = '\0';
    for (int i = 0; i < 4 && used < size; i++) {
        if (p.phase_ms[i] <= 0)
            continue;
        int n = snprintf(out + used, size - used, "%s%s %d", used ? " · " : "", names[i],
                         (int)(p.phase_ms[i] / 1000));
        used += n > 0 ? (size_t)n : 0;
    }
}

/* A button of two lines: its words, and a smaller caption under them. */
static int two_line_button(App *app, const char *label, const char *words, const char *caption,
                           Rect r, const UiStyle *st, int flags)
{
    Ui *ui = &app->ui;
    const Metrics *m = &app->metrics;
    int fired = ui_button(ui, label, "", r, SHAPE_NONE, st, flags);
    int pad = m->gap / 2;
    int words_h = m->text * 27 / 20;
    int caption_h = r.h - 2 * pad - words_h;
    int cap_lines = caption_h >= 2 * (m->text_small * 27 / 20) &&
                            ui_measure(ui, caption, m->text_small) > r.w - 2 * pad
                        ? 2
                        : 1;
    int block = words_h + cap_lines * (m->text_small * 27 / 20);
    int y = r.y + (r.h - block) / 2;
    Rect inner = rect_make(r.x + pad, y, r.w - 2 * pad, words_h);
    ui_text_box(ui, words, inner, m->text, m->text_min, st->fg, ALIGN_CENTER);
    /* A caption wraps onto its second line before it gets smaller. */
    ui_text_box(ui, caption,
                rect_make(inner.x, y + words_h, inner.w, cap_lines * (m->text_small * 27 / 20)),
                m->text_small, cap_lines > 1 ? m->text_small : m->text_min, app->theme.text_dim,
                ALIGN_CENTER);
    return fired;
}

/* The height a two-line button needs for the longest caption at width w. */
static int two_line_h(App *app, const char *const *captions, int count, int w)
{
    const Metrics *m = &app->metrics;
    int lines = 1;
    for (int i = 0; i < count; i++)
        if (ui_measure(&app->ui, captions[i], m->text_small) > w - m->gap)
            lines = 2;
    int h = m->gap + m->text * 27 / 20 + lines * (m->text_small * 27 / 20);
    return h > m->unit ? h : m->unit;
}

/* The custom pattern the "Your own" choice stands for: the chosen one, else
 * the first kept; -1 when there is none yet. */
static int own_pattern(const BreatheState *b)
{
    if (b->kind == PATTERN_CUSTOM && breathe_custom_valid(b, b->custom))
        return b->custom;
    for (int i = 0; i < BREATHE_MAX_CUSTOM; i++)
        if (breathe_custom_valid(b, i))
            return i;
    return -1;
}

static int free_custom(const BreatheState *b)
{
    for (int i = 0; i < BREATHE_MAX_CUSTOM; i++)
        if (!b->customs[i].used)
            return i;
    return -1;
}

/* The six patterns, each with its rhythm, in a grid of cols at the top of r;
 * returns the grid's height. */
static int pattern_grid(App *app, Rect r, int cols, int chip_h, int draw)
{
    BreatheState *b = &app->breathe;
    const Metrics *m = &app->metrics;
    int n = BREATHE_PRESET_COUNT + 1;
    int rows = (n + cols - 1) / cols;
    int height = rows * chip_h + (rows - 1) * m->gap;
    if (!draw)
        return height;
    int w = (r.w - (cols - 1) * m->gap) / cols;
    int own = own_pattern(b);
    UiStyle st = app_style_button(app);
    UiStyle chosen = st;
    chosen.bg = color_mix(app->theme.surface, app->theme.accent, 0.3f);
    for (int i = 0; i < n; i++) {
        Rect cell = rect_make(r.x + (i % cols) * (w + m->gap), r.y + (i / cols) * (chip_h + m->gap),
                              w, chip_h);
        char label[UI_LABEL_MAX], rhythm[64];
        const char *words;
        int selected;
        if (i < BREATHE_PRESET_COUNT) {
            PatternKind kind = breathe_presets[i].kind;
            words = breathe_presets[i].label;
            snprintf(label, sizeof label, "%s", words);
            rhythm_words(b, kind, 0, rhythm, sizeof rhythm);
            selected = b->kind == kind;
        } else if (own >= 0) {
            words = b->customs[own].name;
            snprintf(label, sizeof label, "Custom: %.80s", words);
            rhythm_words(b, PATTERN_CUSTOM, own, rhythm, sizeof rhythm);
            selected = b->kind == PATTERN_CUSTOM;
        } else {
            words = "Your own";
            snprintf(label, sizeof label, "New custom");
            snprintf(rhythm, sizeof rhythm, "a rhythm of your own");
            selected = 0;
        }
        if (!two_line_button(app, label, words, rhythm, cell, selected ? &chosen : &st,
                             selected ? UI_SELECTED : 0))
            continue;
        if (i < BREATHE_PRESET_COUNT)
            breathe_choose_pattern(app, breathe_presets[i].kind, 0);
        else if (own >= 0)
            breathe_choose_pattern(app, PATTERN_CUSTOM, own);
        else
            start_naming(app, free_custom(b));
    }
    return height;
}

/* The picker's controls under the patterns, in the order they flow. */
enum { CONTROL_LENGTH, CONTROL_SOUND, CONTROL_ADJUST, CONTROL_START, CONTROL_COUNT };

typedef struct {
    Rect at[CONTROL_COUNT];
    int shown[CONTROL_COUNT];
    int height;
} Controls;

/* Lays the controls into rows of w from the left, Start last and at the
 * right; rows are row_h tall. */
static Controls controls_flow(App *app, int w, int row_h)
{
    const BreatheState *b = &app->breathe;
    const Metrics *m = &app->metrics;
    Controls c;
    memset(&c, 0, sizeof c);
    int widths[CONTROL_COUNT];
    int each = m->unit * 5 / 2;
    widths[CONTROL_LENGTH] = widths[CONTROL_SOUND] = widths[CONTROL_ADJUST] = each;
    widths[CONTROL_START] = m->unit * 3;
    c.shown[CONTROL_LENGTH] = c.shown[CONTROL_SOUND] = c.shown[CONTROL_START] = 1;
    c.shown[CONTROL_ADJUST] = b->kind == PATTERN_SLOWING || b->kind == PATTERN_CUSTOM;
    int x = 0, y = 0;
    for (int i = 0; i < CONTROL_COUNT; i++) {
        if (!c.shown[i])
            continue;
        int cw = widths[i] < w ? widths[i] : w;
        if (x > 0 && x + cw > w) {
            x = 0;
            y += row_h + m->gap;
        }
        c.at[i] = rect_make(x, y, cw, row_h);
        x += cw + m->gap;
    }
    c.height = y + row_h;
    /* Each row shares out what is left of its width; Start ends at the right. */
    for (int row_y = 0; row_y <= y; row_y += row_h + m->gap) {
        int used = 0, count = 0;
        for (int i = 0; i < CONTROL_COUNT; i++)
            if (c.shown[i] && c.at[i].y == row_y) {
                used += c.at[i].w;
                count++;
            }
        int spare = w - used - (count - 1) * m->gap;
        int nx = 0, k = 0;
        for (int i = 0; i < CONTROL_COUNT; i++) {
            if (!c.shown[i] || c.at[i].y != row_y)
                continue;
            int add = spare / count + (k < spare % count ? 1 : 0);
            c.at[i].x = nx;
            c.at[i].w += add;
            nx += c.at[i].w + m->gap;
            k++;
        }
    }
    return c;
}

static void picker_main(App *app)
{
    BreatheState *b = &app->breathe;
    Ui *ui = &app->ui;
    const Metrics *m = &app->metrics;
    Rect area = app_header(app, "Breathe");

    int cols = area.w >= 3 * m->unit * 3 + 2 * m->gap ? 3 : 2;
    int chip_w = (area.w - (cols - 1) * m->gap) / cols;
    const char *captions[BREATHE_PRESET_COUNT + 1];
    char rhythms[BREATHE_PRESET_COUNT + 1][64];
    for (int i = 0; i < BREATHE_PRESET_COUNT; i++) {
        rhythm_words(b, breathe_presets[i].kind, 0, rhythms[i], sizeof rhythms[i]);
        captions[i] = rhythms[i];
    }
    int own = own_pattern(b);
    if (own >= 0)
        rhythm_words(b, PATTERN_CUSTOM, own, rhythms[BREATHE_PRESET_COUNT], 64);
    else
        snprintf(rhythms[BREATHE_PRESET_COUNT], 64, "a rhythm of your own");
    captions[BREATHE_PRESET_COUNT] = rhythms[BREATHE_PRESET_COUNT];
    int chip_h = two_line_h(app, captions, BREATHE_PRESET_COUNT + 1, chip_w);
    int row_h = two_line_h(app, captions, 0, area.w);
    Controls c = controls_flow(app, area.w, row_h);
    int grid_h = pattern_grid(app, area, cols, chip_h, 0);
    /* Where the screen is short, the patterns give up their second caption line. */
    if (grid_h + m->gap + c.height > area.h && chip_h > m->unit) {
        chip_h = m->unit > row_h ? m->unit : row_h;
        grid_h = pattern_grid(app, area, cols, chip_h, 0);
    }
    int spare = area.h - grid_h - c.height;
    /* The patterns and the controls together, in the middle of what is left. */
    int between = spare / 3 > m->far_gap * 2 ? m->far_gap * 2
                  : spare / 3 > m->gap       ? spare / 3
                                             : m->gap;
    int top = area.y + (spare - between > 0 ? (spare - between) / 2 : 0);
    pattern_grid(app, rect_make(area.x, top, area.w, grid_h), cols, chip_h, 1);
    int cy = top + grid_h + between;

    char length[32], sound[BREATHE_FILE_MAX + 32], sound_words[BREATHE_FILE_MAX];
    if (b->length_min)
        snprintf(length, sizeof length, "%d min", b->length_min);
    else
        snprintf(length, sizeof length, "Open-ended");
    breathe_sound_words(b, sound_words, sizeof sound_words);
    snprintf(sound, sizeof sound, "%s", sound_words);
    char volume[48];
    int failed = b->file_failed[0] && strncmp(b->sound, "file:", 5) == 0 &&
                 strcmp(b->sound + 5, b->file_failed) == 0;
    if (failed)
        snprintf(volume, sizeof volume, "won't play");
    else
        snprintf(volume, sizeof volume, "volume %d%%", b->volume);
    UiStyle st = app_style_button(app);
    for (int i = 0; i < CONTROL_COUNT; i++) {
        if (!c.shown[i])
            continue;
        Rect r = c.at[i];
        r.x += area.x;
        r.y += cy;
        switch (i) {
        case CONTROL_LENGTH:
            if (two_line_button(app, "Length", length, "length", r, &st, 0))
                app->breathe_picker.sheet = BREATHE_SHEET_LENGTH;
            break;
        case CONTROL_SOUND:
            if (two_line_button(app, "Sound", sound, volume, r, &st, 0))
                app->breathe_picker.sheet = BREATHE_SHEET_SOUND;
            break;
        case CONTROL_ADJUST:
            if (two_line_button(app, "Adjust pattern", "Adjust",
                                b->kind == PATTERN_SLOWING ? "end rate" : "your own", r, &st, 0)) {
                app->breathe_picker.sheet = BREATHE_SHEET_PATTERN;
                app->breathe_picker.scroll.offset = 0;
            }
            break;
        default: {
            UiStyle go = app_style_primary(app);
            go.text_px = m->text_large;
            if (ui_button(ui, "Start", NULL, r, SHAPE_CIRCLE, &go, 0))
                breathe_start(app);
        }
        }
    }
}

/* A choice opened over the picker: its sections in a list that scrolls where
 * it must, Done at the bottom. */
static void picker_sheet(App *app)
{
    BreathePicker *p = &app->breathe_picker;
    BreatheState *b = &app->breathe;
    Ui *ui = &app->ui;
    const Metrics *m = &app->metrics;
    const char *title = p->sheet == BREATHE_SHEET_LENGTH  ? "How long"
                        : p->sheet == BREATHE_SHEET_SOUND ? "Sound"
                        : b->kind == PATTERN_SLOWING      ? "Slowing"
                                                          : "Your own patterns";
    Rect area = app_header(app, title);
    int done_w = m->unit * 3 < area.w ? m->unit * 3 : area.w;
    Rect done = rect_make(area.x + area.w - done_w, area.y + area.h - m->unit, done_w, m->unit);
    UiScroll *sc = &p->scroll;
    int view_h = done.y - m->gap - area.y;
    /* The arrows' column is kept whether or not they show: the list's width
     * never changes with its length. */
    int arrows = m->unit + m->gap;
    sc->view = rect_make(area.x, area.y, area.w - arrows, view_h);
    ui_scroll_begin(ui, sc);
    int y = sc->view.y;
    int chose_length = 0;
    if (p->sheet == BREATHE_SHEET_LENGTH) {
        chose_length = length_section(app, sc, &y);
    } else if (p->sheet == BREATHE_SHEET_SOUND) {
        sound_section(app, sc, &y);
        volume_section(app, sc, &y);
    } else {
        pattern_section(app, sc, &y);
    }
    sc->content_h = y - sc->view.y;
    ui_scroll_end(ui, sc);
    if (sc->content_h > sc->view.h)
        widget_scroll_arrows(APP_KIT(app), sc,
                             rect_make(area.x + area.w - m->unit, sc->view.y, m->unit, sc->view.h),
                             sc->offset > 0, sc->offset < sc->content_h - sc->view.h);
    UiStyle go = app_style_primary(app);
    if (ui_button(ui, "Done", NULL, done, SHAPE_CHECK, &go, 0) || chose_length) {
        p->sheet = BREATHE_SHEET_NONE; /* one choice: made, and back */
        sc->offset = 0;
    }
}

void screen_breathe(App *app)
{
    BreathePicker *p = &app->breathe_picker;
    if (p->sheet == BREATHE_SHEET_PATTERN && app->breathe.kind != PATTERN_SLOWING &&
        app->breathe.kind != PATTERN_CUSTOM)
        p->sheet = BREATHE_SHEET_NONE; /* nothing of this pattern to adjust (one deleted) */
    if (app->breathe_picker.naming)
        screen_naming(app);
    else if (app->breathe_picker.sheet)
        picker_sheet(app);
    else
        picker_main(app);
}
