/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Settings [settings]: names, night colours, brightness, volume, the board,
 * rotation, the journal's words, the PIN, export and what Lull knows of itself. */
#include "screens/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int note(App *app, Rect view, int y, const char *text, int warn)
{
    const Metrics *m = &app->metrics;
    if (!text[0])
        return y;
    /* Wrapped inside long words too: a folder's path is one long word. */
    UiLine lines[16];
    int n = ui_wrap_lines(&app->ui, text, view.w, m->text_small, lines, 16);
    int lh = m->text_small * 27 / 20;
    for (int i = 0; i < n; i++) {
        char line[JOURNAL_MESSAGE_MAX];
        size_t len = (size_t)lines[i].len < sizeof line - 1 ? (size_t)lines[i].len
                                                            : sizeof line - 1;
        memcpy(line, text + lines[i].start, len);
        line[len] = '\0';
        ui_text(&app->ui, line, rect_make(view.x, y + i * lh, view.w, lh), m->text_small,
                warn ? app->theme.danger_free_warn : app->theme.text_dim, ALIGN_LEFT);
    }
    return y + n * lh + m->gap;
}

static void pin_row(App *app, Rect r)
{
    JournalState *js = &app->journal;
    const Metrics *m = &app->metrics;
    UiStyle st = app_style_button(app);
    int gap = m->gap;
    if (!js->pin_set) {
        if (ui_button(&app->ui, "Set a PIN", NULL, r, SHAPE_NONE, &st, 0))
            lock_choose_new(app);
        return;
    }
    int w = (r.w - gap) / 2;
    if (ui_button(&app->ui, "Change PIN", NULL, rect_make(r.x, r.y, w, r.h), SHAPE_NONE, &st, 0))
        lock_choose_new(app);
    if (ui_button(&app->ui, "Remove PIN", NULL, rect_make(r.x + w + gap, r.y, r.w - w - gap, r.h),
                  SHAPE_NONE, &st, 0)) {
        const JournalHost *h = &app->host.journal;
        int status = h->pin_set ? h->pin_set(app->host.ctx, "") : STORE_ERROR;
        if (status == 0) {
            js->pin_set = 0;
            js->pin_failures = 0;
            snprintf(js->pin_note, sizeof js->pin_note,
                     "PIN removed. The journal and settings open without one.");
        } else {
            snprintf(js->pin_note, sizeof js->pin_note, "The PIN was not removed: %s.",
                     status_words(status));
        }
    }
}

int settings_journal_rows(App *app, Rect view, int y)
{
    JournalState *js = &app->journal;
    journal_load(app);
    UiStyle st = app_style_button(app);

    Rect c = widget_settings_row(APP_KIT(app), view, &y, "Journal words");
    if (ui_button(&app->ui, "Edit journal words", "Edit the chips", c, SHAPE_NONE, &st, 0)) {
        js->words_editing = 0;
        js->words_scroll.offset = 0;
        app_push(app, SCREEN_JOURNAL_WORDS);
    }

    c = widget_settings_row(APP_KIT(app), view, &y, "PIN");
    pin_row(app, c);
    y = note(app, view, y, js->pin_note, 0);

    c = widget_settings_row(APP_KIT(app), view, &y, "Export");
    if (ui_button(&app->ui, "Export", "Export CSV and JSON", c, SHAPE_NONE, &st, 0)) {
        journal_export(app);
        js->export_shown = 0;
    }
    y = note(app, view, y, js->export_note, js->export_failed);
    if (js->export_note[0] && !js->export_shown) {
        /* Where the files went must be seen: the list scrolls to show it. */
        UiScroll *sc = &app->settings_scroll;
        int bottom = y - view.y;
        if (sc->offset < bottom - view.h)
            sc->offset = bottom - view.h;
        js->export_shown = 1;
    }
    return y;
}

void screen_settings(App *app)
{
    Ui *ui = &app->ui;
    const Metrics *m = &app->metrics;
    const Theme *t = &app->theme;
    Rect area = app_header(app, "Settings");

    int arrows = m->unit + m->gap;
    UiScroll *sc = &app->settings_scroll;
    sc->view = rect_make(area.x, area.y, area.w - arrows, area.h);
    static const char *const night_labels[3] = {"Night auto", "Night on", "Night off"};
    static const char *const night_texts[3] = {"By the clock", "On", "Off"};
    static const char *const night_values[3] = {"auto", "on", "off"};
    static const char *const board_labels[2] = {"Board side by side", "Board facing"};
    static const char *const board_texts[2] = {"Side by side", "Facing"};
    static const char *const rot_labels[4] = {"Rotate 0", "Rotate 90", "Rotate 180", "Rotate 270"};
    static const char *const rot_texts[4] = {"0°", "90°", "180°", "270°"};
    static const char *const rot_values[4] = {"0", "90", "180", "270"};

    ui_scroll_begin(ui, sc);
    int y = sc->view.y - 0;
    for (int i = 0; i < PARTNER_PEOPLE; i++) {
        char label[32], edit[48];
        snprintf(label, sizeof label, "Partner %d", i + 1);
        snprintf(edit, sizeof edit, "Partner %d name", i + 1);
        Rect c = widget_settings_row(APP_KIT(app), sc->view, &y, label);
        UiStyle st = app_style_button(app);
        st.accent = t->partner[i];
        if (ui_button(ui, edit, app_partner_name(app, partner_at(i)), c, SHAPE_HEART, &st, 0)) {
            app->editing_partner = partner_at(i);
            app->editing_signal_label = 0;
            keyboard_init(&app->keyboard, app->names[i], 24);
            app_push(app, SCREEN_NAME_EDIT);
        }
    }

    Rect c = widget_settings_row(APP_KIT(app), sc->view, &y, "Night colours");
    int night_sel = app->config.night == NIGHT_AUTO ? 0 : app->config.night == NIGHT_ON ? 1 : 2;
    int tapped = widget_choice_row(APP_KIT(app), c, night_labels, night_texts, 3, night_sel);
    if (tapped >= 0)
        app_save(app, KEY_DISPLAY_NIGHT, night_values[tapped]);

    c = widget_settings_row(APP_KIT(app), sc->view, &y, "Brightness");
    int brightness = app->config.brightness;
    if (widget_stepper(APP_KIT(app), c, "Brightness", &brightness, 10, 100, 10))
        app_save_int(app, KEY_DISPLAY_BRIGHTNESS, brightness);

    if (app->has_backlight) {
        /* The screen's own light by night, where the panel lets Lull set it. */
        c = widget_settings_row(APP_KIT(app), sc->view, &y, "Light at night");
        int light = app->config.night_light;
        if (widget_stepper(APP_KIT(app), c, "Light at night", &light, 10, 100, 10))
            app_save_int(app, KEY_DISPLAY_NIGHT_LIGHT, light);
    }

    c = widget_settings_row(APP_KIT(app), sc->view, &y, "Volume");
    int volume = app->config.volume;
    if (widget_stepper(APP_KIT(app), c, "Volume", &volume, 0, 100, 10))
        app_save_int(app, KEY_SOUND_VOLUME, volume);

    c = widget_settings_row(APP_KIT(app), sc->view, &y, "Signal board");
    tapped = widget_choice_row(APP_KIT(app), c, board_labels, board_texts, 2, app->facing ? 1 : 0);
    if (tapped >= 0)
        app_save(app, KEY_SIGNALS_LAYOUT, tapped ? "facing" : "auto");

    c = widget_settings_row(APP_KIT(app), sc->view, &y, "Signals");
    UiStyle st = app_style_button(app);
    if (ui_button(ui, "Edit signals", "Edit the signals", c, SHAPE_NONE, &st, 0))
        app_push(app, SCREEN_SETTINGS_SIGNALS);

    c = widget_settings_row(APP_KIT(app), sc->view, &y, "Rotation");
    tapped = widget_choice_row(APP_KIT(app), c, rot_labels, rot_texts, 4,
                               app->config.rotation / 90);
    if (tapped >= 0)
        app_save(app, KEY_DISPLAY_ROTATION, rot_values[tapped]);

    y = settings_journal_rows(app, sc->view, y);

    /* A journal that could not be opened: its explanation and choices again. */
    if (app->durable.problem || app->durable.read_only) {
        c = widget_settings_row(APP_KIT(app), sc->view, &y, "Journal file");
        if (ui_button(ui, "Journal file", "What happened to the journal", c, SHAPE_NONE, &st, 0))
            app_push(app, SCREEN_STORAGE);
    }

    char about[1200];
    snprintf(about, sizeof about, "Lull %s. Your data stays on this device, in %s", app->version,
             app->data_path[0] ? app->data_path : "memory");
    y += ui_text_wrap(ui, about, rect_make(sc->view.x, y, sc->view.w, m->text_small * 4),
                      m->text_small, t->text_dim, ALIGN_LEFT, 1);
    const char *notes[] = {app->config_note, app->assets_note};
    for (int i = 0; i < 2; i++)
        if (notes[i][0])
            y += ui_text_wrap(ui, notes[i], rect_make(sc->view.x, y, sc->view.w, m->text_small * 3),
                              m->text_small, t->danger_free_warn, ALIGN_LEFT, 1);
    /* The content's height is known only once it is laid out: kept for the next pass. */
    sc->content_h = y - sc->view.y + m->gap;
    ui_scroll_end(ui, sc);

    /* Big arrows for hands that find dragging hard. */
    UiStyle arrow = app_style_button(app);
    int ah = (area.h - m->gap) / 2;
    Rect up = rect_make(area.x + area.w - m->unit, area.y, m->unit, ah);
    Rect down = rect_make(area.x + area.w - m->unit, area.y + ah + m->gap, m->unit, ah);
    if (ui_button(ui, "Scroll up", "", up, SHAPE_ARROW_UP, &arrow,
                  sc->offset <= 0 ? UI_DISABLED : 0))
        sc->offset -= sc->view.h * 2 / 3;
    if (ui_button(ui, "Scroll down", "", down, SHAPE_ARROW_DOWN, &arrow,
                  sc->offset >= sc->content_h - sc->view.h ? UI_DISABLED : 0))
        sc->offset += sc->view.h * 2 / 3;
}
