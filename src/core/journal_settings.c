/* The journal's part of Settings: its rows (words, PIN, export) and the word
 * editor [journal-words], where the chip vocabularies are renamed, hidden and
 * added to. Ids never change, so exports stay comparable across renames. */
#include "journal_internal.h"

#include <stdio.h>
#include <string.h>

/* A row as Settings lays its own out: the label at the left, or above the
 * controls on a narrow screen. */
static Rect row(App *app, Rect view, int *y, const char *label)
{
    const Metrics *m = &app->metrics;
    int label_w = view.w * 2 / 7;
    if (label_w < m->unit * 2)
        label_w = m->unit * 2;
    Rect controls;
    if (view.w - label_w < m->unit * 5) {
        ui_text_box(&app->ui, label, rect_make(view.x, *y, view.w, m->text_small * 3 / 2),
                    m->text_small, m->text_small, app->theme.text_dim, ALIGN_LEFT);
        controls = rect_make(view.x, *y + m->text_small * 3 / 2, view.w, m->unit);
    } else {
        ui_text_box(&app->ui, label, rect_make(view.x, *y, label_w - m->gap, m->unit), m->text,
                    m->text_small, app->theme.text_dim, ALIGN_LEFT);
        controls = rect_make(view.x + label_w, *y, view.w - label_w, m->unit);
    }
    *y = controls.y + controls.h + m->gap;
    return controls;
}

static int note(App *app, Rect view, int y, const char *text, int warn)
{
    const Metrics *m = &app->metrics;
    if (!text[0])
        return y;
    /* Wrapped inside long words too: a folder's path is one long word. */
    JournalLine lines[16];
    int n = journal_wrap(&app->ui, text, view.w, m->text_small, lines, 16);
    int lh = m->text_small * 27 / 20;
    for (int i = 0; i < n; i++) {
        char line[JOURNAL_MESSAGE_MAX];
        size_t len = (size_t)lines[i].len < sizeof line - 1 ? (size_t)lines[i].len : sizeof line - 1;
        memcpy(line, text + lines[i].start, len);
        line[len] = '\0';
        ui_text(&app->ui, line, rect_make(view.x, y + i * lh, view.w, lh), m->text_small,
                warn ? app->theme.danger_free_warn : app->theme.text_dim, ALIGN_LEFT);
    }
    return y + n * lh + m->gap;
}

static void export_now(App *app)
{
    JournalState *js = &app->journal;
    const JournalHost *h = &app->host.journal;
    char where[JOURNAL_MESSAGE_MAX - 80];
    where[0] = '\0';
    int status = h->export_files ? h->export_files(app->host.ctx, app->time.wall_ms,
                                                   app->time.utc_offset_s, where, sizeof where)
                                 : 1;
    js->export_failed = status != 0;
    if (status == 0)
        snprintf(js->export_note, sizeof js->export_note, "%s", where);
    else
        snprintf(js->export_note, sizeof js->export_note, "Not exported: %s.%s%s",
                 journal_store_words(status), where[0] ? " " : "", where);
}

int journal_settings_rows(App *app, Rect view, int y)
{
    JournalState *js = &app->journal;
    journal_load(app);
    UiStyle st = app_style_button(app);

    Rect c = row(app, view, &y, "Journal words");
    if (ui_button(&app->ui, "Edit journal words", "Edit the chips", c, SHAPE_NONE, &st, 0)) {
        js->words_editing = 0;
        js->words_scroll.offset = 0;
        app_push(app, SCREEN_JOURNAL_WORDS);
    }

    c = row(app, view, &y, "PIN");
    pin_settings_row(app, c);
    y = note(app, view, y, js->pin_note, 0);

    c = row(app, view, &y, "Export");
    if (ui_button(&app->ui, "Export", "Export CSV and JSON", c, SHAPE_NONE, &st, 0)) {
        export_now(app);
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

/* ---- the word editor ---- */

static void save_list(App *app, WordsList list)
{
    JournalState *js = &app->journal;
    char value[WORDS_SETTING_MAX];
    words_format(&js->words, list, value, sizeof value);
    int status = journal_setting_set(app, words_setting_key(list), value);
    if (status != 0)
        snprintf(js->pin_note, sizeof js->pin_note, "The words were not saved: %s.",
                 journal_store_words(status));
}

static int label_taken(const JournalWords *w, WordsList list, const char *label, int except)
{
    for (int i = 0; i < w->count[list]; i++)
        if (i != except && strcmp(w->words[list][i].label, label) == 0)
            return 1;
    return 0;
}

static void words_edit_done(App *app)
{
    JournalState *js = &app->journal;
    WordsList list = (WordsList)js->words_list;
    char label[WORD_LABEL_MAX];
    const char *s = js->kb.text;
    while (*s == ' ' || *s == '\n')
        s++;
    utf8_copy(label, sizeof label, s);
    for (char *c = label; *c; c++)
        if (*c == '\n' || *c == '\t')
            *c = ' ';
    size_t len = strlen(label);
    while (len > 0 && label[len - 1] == ' ')
        label[--len] = '\0';
    js->words_editing = 0;
    if (len == 0 || label_taken(&js->words, list, label, js->words_index))
        return;
    if (js->words_index >= 0 && js->words_index < js->words.count[list]) {
        snprintf(js->words.words[list][js->words_index].label, WORD_LABEL_MAX, "%s", label);
    } else if (words_add(&js->words, list, label) < 0) {
        return;
    }
    save_list(app, list);
}

int words_handle_key(App *app, const AppInput *in)
{
    JournalState *js = &app->journal;
    if (!js->words_editing)
        return 0;
    int done = 0, cancel = 0;
    int used = journal_editor_key(&js->kb, in, &done, &cancel);
    if (done)
        words_edit_done(app);
    if (cancel)
        js->words_editing = 0;
    return used;
}

static int words_content(App *app, Rect view, int draw)
{
    JournalState *js = &app->journal;
    const Metrics *m = &app->metrics;
    WordsList list = (WordsList)js->words_list;
    int y = view.y;
    int gap = m->gap / 2;
    int toggle_w = m->unit * 2;
    int row_h = m->unit;
    for (int i = 0; i < js->words.count[list]; i++) {
        JournalWord *w = &js->words.words[list][i];
        if (draw) {
            char label[UI_LABEL_MAX];
            UiStyle st = app_style_button(app);
            st.text_px = m->text_small;
            if (w->hidden)
                st.fg = app->theme.text_dim;
            snprintf(label, sizeof label, "%s / Rename", w->label);
            if (ui_button(&app->ui, label, w->label,
                          rect_make(view.x, y, view.w - toggle_w - gap, row_h), SHAPE_NONE, &st, 0)) {
                js->words_index = i;
                keyboard_init(&js->kb, w->label, WORD_LABEL_CHARS);
                js->words_editing = 1;
            }
            UiStyle plain = app_style_button(app);
            plain.text_px = m->text_small;
            snprintf(label, sizeof label, "%s / %s", w->label, w->hidden ? "Show" : "Hide");
            if (ui_button(&app->ui, label, w->hidden ? "Hidden" : "Shown",
                          rect_make(view.x + view.w - toggle_w, y, toggle_w, row_h), SHAPE_NONE,
                          &plain, w->hidden ? 0 : UI_SELECTED)) {
                w->hidden = !w->hidden;
                save_list(app, list);
            }
        }
        y += row_h + gap;
    }
    if (js->words.count[list] < WORDS_MAX) {
        if (draw) {
            UiStyle st = app_style_button(app);
            st.bg = color_mix(app->theme.surface, app->theme.accent, 0.3f);
            if (ui_button(&app->ui, "Add a word", NULL, rect_make(view.x, y, view.w, row_h),
                          SHAPE_STAR, &st, 0)) {
                js->words_index = -1;
                keyboard_init(&js->kb, "", WORD_LABEL_CHARS);
                js->words_editing = 1;
            }
        }
        y += row_h + gap;
    }
    return y - view.y + m->gap;
}

void screen_journal_words(App *app)
{
    JournalState *js = &app->journal;
    const Metrics *m = &app->metrics;
    journal_load(app);
    if (js->words_editing) {
        char title[96];
        if (js->words_index >= 0)
            snprintf(title, sizeof title, "Rename a word");
        else
            snprintf(title, sizeof title, "A new word");
        if (journal_editor(app, title, &js->kb))
            words_edit_done(app);
        return;
    }
    Rect area = app_header(app, "Journal words");
    JournalButton tabs[3] = {
        {"Tried", "What we tried", js->words_list == WORDS_TRIED, 0},
        {"Helped", "What helped", js->words_list == WORDS_HELPED, 0},
        {"Next time", NULL, js->words_list == WORDS_NEXT, 0},
    };
    UiStyle st = app_style_button(app);
    st.text_px = m->text_small;
    int tapped = -1;
    int used = journal_button_flow(app, rect_make(area.x, area.y, area.w, 0), tabs, 3, &tapped, &st, 1);
    if (tapped >= 0 && tapped != js->words_list) {
        js->words_list = tapped;
        js->words_scroll.offset = 0;
    }
    area.y += used + m->gap;
    area.h -= used + m->gap;
    int arrows = m->unit + m->gap;
    UiScroll *sc = &js->words_scroll;
    sc->view = rect_make(area.x, area.y, area.w - arrows, area.h);
    sc->content_h = words_content(app, sc->view, 0);
    ui_scroll_begin(&app->ui, sc);
    words_content(app, sc->view, 1);
    ui_scroll_end(&app->ui, sc);
    journal_scroll_arrows(app, sc, rect_make(area.x + area.w - m->unit, area.y, m->unit, area.h),
                          sc->offset > 0, sc->offset < sc->content_h - sc->view.h);
}
