/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The journal's words [journal-words]: rename, hide and add the chips of each
 * vocabulary. Ids never change, so exports stay comparable across renames. */
#include "screens/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void save_list(App *app, WordsList list)
{
    JournalState *js = &app->journal;
    char value[WORDS_SETTING_MAX];
    words_format(&js->words, list, value, sizeof value);
    int status = app_store_setting(app, words_setting_key(list), value);
    if (status != 0)
        snprintf(js->pin_note, sizeof js->pin_note, "The words were not saved: %s.",
                 status_words(status));
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
    KeyboardResult r = keyboard_key(&js->kb, in);
    if (r == KEYBOARD_DONE)
        words_edit_done(app);
    if (r == KEYBOARD_CANCEL)
        js->words_editing = 0;
    return r != KEYBOARD_IGNORED;
}

static int words_content(App *app, Rect view, int draw)
{
    JournalState *js = &app->journal;
    const Metrics *m = &app->metrics;
    WordsList list = (WordsList)js->words_list;
    int y = view.y;
    int gap = m->gap;
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
                          rect_make(view.x, y, view.w - toggle_w - gap, row_h), SHAPE_NONE, &st,
                          0)) {
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
        if (widget_editor(APP_KIT(app), app_header(app, title), &js->kb))
            words_edit_done(app);
        return;
    }
    Rect area = app_header(app, "Journal words");
    WidgetChip tabs[3] = {
        {"Tried", "What we tried", js->words_list == WORDS_TRIED, 0},
        {"Helped", "What helped", js->words_list == WORDS_HELPED, 0},
        {"Next time", NULL, js->words_list == WORDS_NEXT, 0},
    };
    UiStyle st = app_style_button(app);
    st.text_px = m->text_small;
    int tapped = -1;
    int used = widget_flow(APP_KIT(app), rect_make(area.x, area.y, area.w, 0), tabs, 3, &tapped,
                           &st, 1);
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
    widget_scroll_arrows(APP_KIT(app), sc,
                         rect_make(area.x + area.w - m->unit, area.y, m->unit, area.h),
                         sc->offset > 0, sc->offset < sc->content_h - sc->view.h);
}
