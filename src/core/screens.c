/* Home, the welcome, name editing, settings and the honest "not yet" screen. */
#include "app_internal.h"
#include "journal_internal.h"

#include <stdio.h>
#include <string.h>

static const char *const weekdays[7] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                        "Thursday", "Friday", "Saturday"};
static const char *const months[12] = {"January", "February", "March",     "April",
                                       "May",     "June",     "July",      "August",
                                       "September", "October", "November", "December"};

void screen_home(App *app)
{
    Ui *ui = &app->ui;
    const Metrics *m = &app->metrics;
    const Theme *t = &app->theme;

    UiStyle quiet = app_style_quiet(app);
    quiet.text_px = m->text_small;
    Rect settings = rect_make(m->margin, m->margin, m->unit * 3, m->unit);
    if (ui_button(ui, "Settings", NULL, settings, SHAPE_GEAR, &quiet, 0))
        app_push(app, SCREEN_SETTINGS);

    int tiles_h, tiles_y;
    Rect tiles[3];
    int n = 3;
    if (!m->portrait) {
        tiles_h = m->h * 2 / 5 > m->unit * 2 ? m->h * 2 / 5 : m->unit * 2;
        tiles_y = m->h - m->margin - tiles_h;
        int w = (m->w - 2 * m->margin - (n - 1) * m->gap) / n;
        for (int i = 0; i < n; i++)
            tiles[i] = rect_make(m->margin + i * (w + m->gap), tiles_y, w, tiles_h);
    } else {
        int each = m->unit * 2;
        tiles_h = n * each + (n - 1) * m->gap;
        tiles_y = m->h - m->margin - tiles_h;
        for (int i = 0; i < n; i++)
            tiles[i] = rect_make(m->margin, tiles_y + i * (each + m->gap), m->w - 2 * m->margin, each);
    }

    /* The clock: large and dim, centred in the space above the tiles. */
    CivilTime now = app_local_time(app);
    char clock[16], date[64];
    snprintf(clock, sizeof clock, "%02d:%02d", now.hour, now.minute);
    snprintf(date, sizeof date, "%s %d %s", weekdays[now.weekday % 7], now.day,
             months[(now.month + 11) % 12]);
    int top = m->margin + m->unit;
    int space = tiles_y - top;
    int clock_px = m->text_huge;
    if (clock_px > space * 3 / 5)
        clock_px = space * 3 / 5;
    int block = clock_px + m->text + m->gap / 2;
    int y = top + (space - block) / 2;
    Color clock_color = app->night ? t->text_dim : color_mix(t->text_dim, t->text, 0.5f);
    ui_text(ui, clock, rect_make(m->margin, y, m->w - 2 * m->margin, clock_px), clock_px,
            clock_color, ALIGN_CENTER);
    ui_text(ui, date, rect_make(m->margin, y + clock_px + m->gap / 2, m->w - 2 * m->margin, m->text),
            m->text, t->text_dim, ALIGN_CENTER);
    if (app->sound_note[0]) {
        /* No speakers: everything works, silently; say so once, quietly. */
        int ny = y + clock_px + m->gap / 2 + m->text + m->gap / 2;
        if (ny + m->text_small <= tiles_y)
            ui_text_box(ui, app->sound_note, rect_make(m->margin, ny, m->w - 2 * m->margin, m->text_small),
                        m->text_small, m->text_min, t->text_dim, ALIGN_CENTER);
    }

    UiStyle tile = app_style_tile(app);
    static const struct {
        const char *label;
        Shape shape;
        ScreenId screen;
    } items[3] = {
        {"Signals", SHAPE_HEART, SCREEN_SIGNALS},
        {"Breathe", SHAPE_CIRCLE, SCREEN_BREATHE},
        {"Journal", SHAPE_STAR, SCREEN_JOURNAL},
    };
    for (int i = 0; i < n; i++) {
        tile.accent = i == 0 ? t->partner[1] : i == 1 ? t->partner[0] : t->accent;
        if (ui_button(ui, items[i].label, NULL, tiles[i], items[i].shape, &tile, 0)) {
            if (items[i].screen == SCREEN_SIGNALS && app->session.state == SESSION_PAUSED)
                app_push(app, SCREEN_PAUSED);
            else
                app_push(app, items[i].screen);
        }
    }
}

static void name_button(App *app, int partner, Rect r)
{
    char label[64], text[96];
    snprintf(label, sizeof label, "Partner %d name", partner + 1);
    if (app->names[partner][0])
        snprintf(text, sizeof text, "%s", app->names[partner]);
    else
        snprintf(text, sizeof text, "Partner %d: add a name", partner + 1);
    UiStyle st = app_style_button(app);
    st.accent = app->theme.partner[partner];
    st.frame = color_alpha(app->theme.partner[partner], 180);
    if (ui_button(&app->ui, label, text, r, SHAPE_HEART, &st, 0)) {
        app->editing_partner = partner;
        app->editing_signal_label = 0;
        keyboard_init(&app->keyboard, app->names[partner], 24);
        app_push(app, SCREEN_NAME_EDIT);
    }
}

void screen_welcome(App *app)
{
    Ui *ui = &app->ui;
    const Metrics *m = &app->metrics;
    const Theme *t = &app->theme;
    Rect area = app_header(app, "Welcome to Lull");
    int wide = !m->portrait;

    int y = area.y;
    y += ui_text_wrap(ui,
                      "A calm companion for the two of you: comfort signals, breathing together "
                      "and a shared journal. Everything stays on this device. What are your names?",
                      rect_make(area.x, y, area.w, area.h), m->text_small, t->text_dim, ALIGN_CENTER,
                      1);
    y += m->gap;
    int row_h = m->unit;
    if (wide) {
        int w = (area.w - m->gap) / 2;
        name_button(app, 0, rect_make(area.x, y, w, row_h));
        name_button(app, 1, rect_make(area.x + w + m->gap, y, w, row_h));
    } else {
        name_button(app, 0, rect_make(area.x, y, area.w, row_h));
        name_button(app, 1, rect_make(area.x, y + row_h + m->gap, area.w, row_h));
    }

    int bottom = area.y + area.h - row_h;
    int w = (area.w - m->gap) / 2;
    UiStyle quiet = app_style_quiet(app);
    if (ui_button(ui, "Skip", "Skip for now", rect_make(area.x, bottom, w, row_h), SHAPE_NONE, &quiet,
                  0)) {
        for (int p = 0; p < 2; p++)
            if (!app->names[p][0])
                app_save_setting(app, p == 0 ? "partners.first" : "partners.second",
                                 p == 0 ? "Partner 1" : "Partner 2");
        app_home(app);
    }
    UiStyle go = app_style_button(app);
    go.bg = t->accent;
    go.fg = t->bg;
    go.accent = t->bg;
    if (ui_button(ui, "Continue", NULL, rect_make(area.x + w + m->gap, bottom, w, row_h), SHAPE_CHECK,
                  &go, 0)) {
        for (int p = 0; p < 2; p++)
            app_save_setting(app, p == 0 ? "partners.first" : "partners.second",
                             app->names[p][0] ? app->names[p] : (p == 0 ? "Partner 1" : "Partner 2"));
        app_home(app);
    }
}

void app_name_edit_done(App *app)
{
    char name[CONFIG_NAME_MAX];
    /* Trim spaces at both ends; an empty name keeps the old one. */
    const char *s = app->keyboard.text;
    while (*s == ' ')
        s++;
    utf8_copy(name, sizeof name, s);
    size_t len = strlen(name);
    while (len > 0 && name[len - 1] == ' ')
        name[--len] = '\0';
    if (len > 0 && app->editing_signal_label) {
        char key[64];
        snprintf(key, sizeof key, "signal.%s.label", signal_id_name((SignalId)app->settings_signal));
        app_save_setting(app, key, name);
    } else if (len > 0) {
        const char *key = app->editing_partner == 0 ? "partners.first" : "partners.second";
        if (app_screen_below(app) == SCREEN_WELCOME)
            utf8_copy(app->names[app->editing_partner], sizeof app->names[0], name);
        else
            app_save_setting(app, key, name);
    }
    app->editing_signal_label = 0;
    app_pop(app);
}

void screen_name_edit(App *app)
{
    Ui *ui = &app->ui;
    const Metrics *m = &app->metrics;
    const Theme *t = &app->theme;
    char title[64];
    if (app->editing_signal_label)
        snprintf(title, sizeof title, "Rename a signal");
    else
        snprintf(title, sizeof title, "Partner %d's name", app->editing_partner + 1);
    Rect area = app_header(app, title);
    int kb_h = keyboard_height(m, area.w);
    Rect kb = rect_make(area.x, area.y + area.h - kb_h, area.w, kb_h);
    int field_h = kb.y - m->gap / 2 - area.y;
    if (field_h > m->unit * 3 / 2)
        field_h = m->unit * 3 / 2;
    Rect field = rect_make(area.x, area.y, area.w, field_h);
    int hint_y = field.y + field.h + m->gap;
    if (kb.y - hint_y >= m->text_small * 2)
        ui_text_box(ui, "Type, then Done", rect_make(area.x, hint_y, area.w, kb.y - hint_y - m->gap),
                    m->text_small, m->text_min, t->text_dim, ALIGN_CENTER);
    ui_rect(ui, field, t->surface, m->radius);
    ui_frame(ui, field, app->editing_signal_label ? t->accent : t->partner[app->editing_partner],
             m->radius, 2);
    char shown[KEYBOARD_BYTES + 8];
    snprintf(shown, sizeof shown, "%s|", app->keyboard.text);
    Rect text_r = rect_inset(field, m->gap / 2);
    text_r.w -= m->unit * 3 / 2;
    ui_text_fit(ui, shown, text_r, m->text_large, m->text_small, t->text, ALIGN_LEFT);
    char count[32];
    snprintf(count, sizeof count, "%d/%d", utf8_length(app->keyboard.text), app->keyboard.max_chars);
    ui_text(ui, count,
            rect_make(field.x + field.w - m->unit * 3 / 2 - m->gap / 2, field.y, m->unit * 3 / 2,
                      field.h),
            m->text_small, t->text_dim, ALIGN_RIGHT);
    if (keyboard_ui(&app->keyboard, ui, kb, t, m) == KEYBOARD_DONE)
        app_name_edit_done(app);
}

void screen_not_yet(App *app, const char *title, const char *what)
{
    Ui *ui = &app->ui;
    const Metrics *m = &app->metrics;
    Rect area = app_header(app, title);
    int w = area.w * 4 / 5;
    Rect r = rect_make(area.x + (area.w - w) / 2, area.y + m->gap, w, area.h);
    int used = ui_text_wrap(ui, what, r, m->text, app->theme.text_dim, ALIGN_CENTER, 0);
    r.y = area.y + (area.h - used) / 2;
    ui_text_wrap(ui, what, r, m->text, app->theme.text_dim, ALIGN_CENTER, 1);
}

/* ---- settings ---- */

static void row_label(App *app, const char *text, Rect row, int label_w)
{
    ui_text_box(&app->ui, text, rect_make(row.x, row.y, label_w - app->metrics.gap, row.h),
                app->metrics.text, app->metrics.text_small, app->theme.text_dim, ALIGN_LEFT);
}

/* A settings row: the label at the left, or above the controls on a narrow
 * screen. Returns the controls' rectangle and moves *y past the row. */
static Rect settings_row(App *app, const UiScroll *sc, int *y, const char *label)
{
    const Metrics *m = &app->metrics;
    int label_w = sc->view.w * 2 / 7;
    if (label_w < m->unit * 2)
        label_w = m->unit * 2;
    Rect controls;
    if (sc->view.w - label_w < m->unit * 5) {
        ui_text_box(&app->ui, label, rect_make(sc->view.x, *y, sc->view.w, m->text_small * 3 / 2),
                    m->text_small, m->text_small, app->theme.text_dim, ALIGN_LEFT);
        controls = rect_make(sc->view.x, *y + m->text_small * 3 / 2, sc->view.w, m->unit);
    } else {
        row_label(app, label, rect_make(sc->view.x, *y, sc->view.w, m->unit), label_w);
        controls = rect_make(sc->view.x + label_w, *y, sc->view.w - label_w, m->unit);
    }
    *y = controls.y + controls.h + m->gap;
    return controls;
}

/* Lays count equal buttons across r; returns the index tapped or -1. */
static int choice_row(App *app, Rect r, const char *const *labels, const char *const *texts,
                      int count, int selected)
{
    const Metrics *m = &app->metrics;
    int gap = m->gap / 2;
    int w = (r.w - (count - 1) * gap) / count;
    int tapped = -1;
    UiStyle st = app_style_button(app);
    st.text_px = m->text_small;
    for (int i = 0; i < count; i++) {
        UiStyle s = st;
        if (i == selected) {
            s.bg = color_mix(app->theme.surface, app->theme.accent, 0.3f);
        }
        if (ui_button(&app->ui, labels[i], texts[i], rect_make(r.x + i * (w + gap), r.y, w, r.h),
                      SHAPE_NONE, &s, i == selected ? UI_SELECTED : 0))
            tapped = i;
    }
    return tapped;
}

static void stepper(App *app, Rect r, const char *name, int *value, int lo, int hi, int step,
                    const char *key)
{
    const Metrics *m = &app->metrics;
    char down[48], up[48], text[32];
    snprintf(down, sizeof down, "%s down", name);
    snprintf(up, sizeof up, "%s up", name);
    UiStyle st = app_style_button(app);
    int bw = m->unit * 3 / 2;
    int changed = 0;
    if (ui_button(&app->ui, down, "−", rect_make(r.x, r.y, bw, r.h), SHAPE_NONE, &st,
                  *value <= lo ? UI_DISABLED : 0)) {
        *value = *value - step < lo ? lo : *value - step;
        changed = 1;
    }
    if (ui_button(&app->ui, up, "+", rect_make(r.x + r.w - bw, r.y, bw, r.h), SHAPE_NONE, &st,
                  *value >= hi ? UI_DISABLED : 0)) {
        *value = *value + step > hi ? hi : *value + step;
        changed = 1;
    }
    snprintf(text, sizeof text, "%d%%", *value);
    ui_text_fit(&app->ui, text, rect_make(r.x + bw, r.y, r.w - 2 * bw, r.h), m->text, m->text_min,
                app->theme.text, ALIGN_CENTER);
    if (changed) {
        char v[16];
        snprintf(v, sizeof v, "%d", *value);
        app_save_setting(app, key, v);
    }
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
    for (int p = 0; p < 2; p++) {
        char label[32], edit[48];
        snprintf(label, sizeof label, "Partner %d", p + 1);
        snprintf(edit, sizeof edit, "Partner %d name", p + 1);
        Rect c = settings_row(app, sc, &y, label);
        UiStyle st = app_style_button(app);
        st.accent = t->partner[p];
        if (ui_button(ui, edit, app_partner_name(app, p + 1), c, SHAPE_HEART, &st, 0)) {
            app->editing_partner = p;
            app->editing_signal_label = 0;
            keyboard_init(&app->keyboard, app->names[p], 24);
            app_push(app, SCREEN_NAME_EDIT);
        }
    }

    Rect c = settings_row(app, sc, &y, "Night colours");
    int night_sel = app->config.night == NIGHT_AUTO ? 0 : app->config.night == NIGHT_ON ? 1 : 2;
    int tapped = choice_row(app, c, night_labels, night_texts, 3, night_sel);
    if (tapped >= 0)
        app_save_setting(app, "display.night", night_values[tapped]);

    c = settings_row(app, sc, &y, "Brightness");
    int brightness = app->config.brightness;
    stepper(app, c, "Brightness", &brightness, 10, 100, 10, "display.brightness");

    c = settings_row(app, sc, &y, "Volume");
    int volume = app->config.volume;
    stepper(app, c, "Volume", &volume, 0, 100, 10, "sound.volume");

    c = settings_row(app, sc, &y, "Signal board");
    tapped = choice_row(app, c, board_labels, board_texts, 2, app->facing ? 1 : 0);
    if (tapped >= 0)
        app_save_setting(app, "signals.layout", tapped ? "facing" : "auto");

    c = settings_row(app, sc, &y, "Signals");
    UiStyle st = app_style_button(app);
    if (ui_button(ui, "Edit signals", "Edit the signals", c, SHAPE_NONE, &st, 0))
        app_push(app, SCREEN_SETTINGS_SIGNALS);

    c = settings_row(app, sc, &y, "Rotation");
    tapped = choice_row(app, c, rot_labels, rot_texts, 4, app->config.rotation / 90);
    if (tapped >= 0)
        app_save_setting(app, "display.rotation", rot_values[tapped]);

    y = journal_settings_rows(app, sc->view, y);

    /* A journal that could not be opened: its explanation and choices again. */
    if (app->durable.problem || app->durable.read_only) {
        c = settings_row(app, sc, &y, "Journal file");
        if (ui_button(ui, "Journal file", "What happened to the journal", c, SHAPE_NONE, &st, 0))
            app_push(app, SCREEN_STORAGE);
    }

    char about[1200];
    snprintf(about, sizeof about, "Lull %s. Your data stays on this device, in %s", app->version,
             app->data_path[0] ? app->data_path : "memory");
    y += ui_text_wrap(ui, about, rect_make(sc->view.x, y, sc->view.w, m->text_small * 4),
                      m->text_small, t->text_dim, ALIGN_LEFT, 1);
    if (app->config_note[0])
        y += ui_text_wrap(ui, app->config_note,
                          rect_make(sc->view.x, y, sc->view.w, m->text_small * 3), m->text_small,
                          t->danger_free_warn, ALIGN_LEFT, 1);
    /* The content's height is known only once it is laid out: kept for the next pass. */
    sc->content_h = y - sc->view.y + m->gap;
    ui_scroll_end(ui, sc);

    /* Big arrows for hands that find dragging hard. */
    UiStyle arrow = app_style_button(app);
    int ah = (area.h - m->gap) / 2;
    Rect up = rect_make(area.x + area.w - m->unit, area.y, m->unit, ah);
    Rect down = rect_make(area.x + area.w - m->unit, area.y + ah + m->gap, m->unit, ah);
    if (ui_button(ui, "Scroll up", "", up, SHAPE_ARROW_UP, &arrow, sc->offset <= 0 ? UI_DISABLED : 0))
        sc->offset -= sc->view.h * 2 / 3;
    if (ui_button(ui, "Scroll down", "", down, SHAPE_ARROW_DOWN, &arrow,
                  sc->offset >= sc->content_h - sc->view.h ? UI_DISABLED : 0))
        sc->offset += sc->view.h * 2 / 3;
}
