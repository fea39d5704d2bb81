/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Choosing a breath [breathe]: the pattern (and the couple's own, named on
 * the keyboard), the length, the sound and its volume. */
#include "screens/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_CHIPS = 24 };

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
    int h = m->text_small * 3 / 2;
    ui_text_fit(&app->ui, text, rect_make(sc->view.x, *y, sc->view.w, h), m->text_small,
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
    for (int i = 0; i < BREATHE_PRESET_COUNT; i++, n++) {
        snprintf(chips[n].label, sizeof chips[n].label, "%s", breathe_presets[i].label);
        snprintf(chips[n].text, sizeof chips[n].text, "%s", breathe_presets[i].label);
        chips[n].selected = b->kind == breathe_presets[i].kind;
        slot[n] = -1;
    }
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
    heading(app, sc, y, "Pattern");
    int tapped = chip_grid(app, sc, y, chips, n);
    if (tapped >= 0 && tapped == new_at)
        start_naming(app, free_slot);
    else if (tapped >= 0 && slot[tapped] >= 0)
        breathe_choose_pattern(app, PATTERN_CUSTOM, slot[tapped]);
    else if (tapped >= 0)
        breathe_choose_pattern(app, breathe_presets[tapped].kind, 0);

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

static void length_section(App *app, const UiScroll *sc, int *y)
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

void screen_breathe(App *app)
{
    BreatheState *b = &app->breathe;
    if (app->breathe_picker.naming) {
        screen_naming(app);
        return;
    }
    Ui *ui = &app->ui;
    const Metrics *m = &app->metrics;
    const Theme *t = &app->theme;
    Rect area = app_header(app, "Breathe");

    /* Start stays in view at the bottom; the choices scroll above it. */
    int start_w = m->unit * 3;
    if (start_w > area.w)
        start_w = area.w;
    Rect start = rect_make(area.x + area.w - start_w, area.y + area.h - m->unit, start_w, m->unit);
    char summary[BREATHE_NAME_MAX * 2 + 64], sound[BREATHE_FILE_MAX];
    breathe_sound_words(b, sound, sizeof sound);
    if (b->length_min)
        snprintf(summary, sizeof summary, "%s · %d min · %s", breathe_pattern_words(b),
                 b->length_min, sound);
    else
        snprintf(summary, sizeof summary, "%s · open-ended · %s", breathe_pattern_words(b), sound);
    Rect words = rect_make(area.x, start.y, start.x - m->gap - area.x, m->unit);
    if (words.w >= m->unit * 2)
        ui_text_box(ui, summary, words, m->text_small, m->text_min, t->text_dim, ALIGN_LEFT);

    int arrows = m->unit + m->gap;
    UiScroll *sc = &app->breathe_picker.scroll;
    sc->view = rect_make(area.x, area.y, area.w - arrows, start.y - m->gap - area.y);
    ui_scroll_begin(ui, sc);
    int y = sc->view.y;
    pattern_section(app, sc, &y);
    length_section(app, sc, &y);
    sound_section(app, sc, &y);
    volume_section(app, sc, &y);
    /* The content's height is known once laid out: kept for the next pass. */
    sc->content_h = y - sc->view.y;
    ui_scroll_end(ui, sc);

    UiStyle arrow = app_style_button(app);
    int ah = (sc->view.h - m->gap) / 2;
    Rect up = rect_make(area.x + area.w - m->unit, sc->view.y, m->unit, ah);
    Rect down = rect_make(up.x, sc->view.y + ah + m->gap, m->unit, ah);
    if (ui_button(ui, "Scroll up", "", up, SHAPE_ARROW_UP, &arrow,
                  sc->offset <= 0 ? UI_DISABLED : 0))
        sc->offset -= sc->view.h * 2 / 3;
    if (ui_button(ui, "Scroll down", "", down, SHAPE_ARROW_DOWN, &arrow,
                  sc->offset >= sc->content_h - sc->view.h ? UI_DISABLED : 0))
        sc->offset += sc->view.h * 2 / 3;

    UiStyle go = app_style_primary(app);
    go.text_px = m->text_large;
    if (ui_button(ui, "Start", NULL, start, SHAPE_CIRCLE, &go, 0))
        breathe_start(app);
}
