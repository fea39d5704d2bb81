/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A journal entry [entry]: who, what we tried, how it felt, what helped, next
 * time and a note; Save is durable, Delete can be undone. */
#include "screens/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { UNDO_MS = 30000 };

static int heading(App *app, const char *text, Rect r, int draw)
{
    const Metrics *m = &app->metrics;
    return ui_text_wrap(&app->ui, text, r, m->text_small, app->theme.text_dim, ALIGN_LEFT, draw) +
           m->gap / 4;
}

typedef struct {
    const char *name;
    const char *scale;
    int lo, hi;
    int *value;
} Rating;

static int rating_section(App *app, const Rating *rt, Rect r, int draw)
{
    const Metrics *m = &app->metrics;
    char title[160];
    snprintf(title, sizeof title, "%s · %s", rt->name, rt->scale);
    int h = heading(app, title, rect_make(r.x, r.y, r.w, r.h), draw);
    WidgetChip b[11];
    char labels[11][32], texts[11][8];
    int n = rt->hi - rt->lo + 1;
    for (int i = 0; i < n; i++) {
        snprintf(labels[i], sizeof labels[i], "%s %d", rt->name, rt->lo + i);
        snprintf(texts[i], sizeof texts[i], "%d", rt->lo + i);
        b[i].label = labels[i];
        b[i].text = texts[i];
        b[i].selected = *rt->value == rt->lo + i;
        b[i].disabled = 0;
    }
    UiStyle st = app_style_button(app);
    int tapped = -1;
    Rect steps = rect_make(r.x, r.y + h, r.w, 0);
    int used = draw ? widget_flow(APP_KIT(app), steps, b, n, &tapped, &st, 1)
                    : widget_flow_height(APP_KIT(app), r.w, b, n, &st, 1);
    if (tapped >= 0) {
        int v = rt->lo + tapped;
        *rt->value = *rt->value == v ? EVENT_UNSET : v; /* a second tap clears it */
    }
    return h + used + m->gap;
}

static int chips_section(App *app, WordsList list, const char *title, const char *prefix,
                         char *joined, size_t size, Rect r, int draw)
{
    const Metrics *m = &app->metrics;
    JournalState *js = &app->journal;
    int h = heading(app, title, r, draw);
    WidgetChip b[WORDS_MAX];
    char labels[WORDS_MAX][UI_LABEL_MAX];
    int index[WORDS_MAX];
    int n = 0;
    for (int i = 0; i < js->words.count[list]; i++) {
        const JournalWord *w = &js->words.words[list][i];
        int on = chips_has(joined, w->id);
        if (w->hidden && !on)
            continue;
        snprintf(labels[n], sizeof labels[n], "%s / %s", prefix, w->label);
        b[n].label = labels[n];
        b[n].text = w->label;
        b[n].selected = on;
        b[n].disabled = 0;
        index[n] = i;
        n++;
    }
    UiStyle st = app_style_button(app);
    st.text_px = m->text_small;
    int tapped = -1;
    Rect chips = rect_make(r.x, r.y + h, r.w, 0);
    int used = draw ? widget_flow(APP_KIT(app), chips, b, n, &tapped, &st, 0)
                    : widget_flow_height(APP_KIT(app), r.w, b, n, &st, 0);
    if (tapped >= 0)
        chips_toggle(joined, size, js->words.words[list][index[tapped]].id, js->words.words[list],
                     js->words.count[list]);
    return h + used + m->gap;
}

static int who_section(App *app, Rect r, int draw)
{
    const Metrics *m = &app->metrics;
    JournalState *js = &app->journal;
    int h = heading(app, "Who is writing", r, draw);
    char labels[3][UI_LABEL_MAX];
    WidgetChip b[3];
    static const Partner partners[3] = {PARTNER_FIRST, PARTNER_SECOND, PARTNER_BOTH};
    for (int i = 0; i < 3; i++) {
        snprintf(labels[i], sizeof labels[i], "Who / %s", timeline_who_words(app, partners[i]));
        b[i].label = labels[i];
        b[i].text = timeline_who_words(app, partners[i]);
        b[i].selected = js->draft.partner == (int)partners[i];
        b[i].disabled = 0;
    }
    UiStyle st = app_style_button(app);
    st.text_px = m->text_small;
    int tapped = -1;
    Rect row = rect_make(r.x, r.y + h, r.w, 0);
    int used = draw ? widget_flow(APP_KIT(app), row, b, 3, &tapped, &st, 1)
                    : widget_flow_height(APP_KIT(app), r.w, b, 3, &st, 1);
    if (tapped >= 0)
        js->draft.partner = (int)partners[tapped];
    return h + used + m->gap;
}

/* The note as a button: what is written so far, or an invitation. */
static int note_section(App *app, Rect r, int draw)
{
    const Metrics *m = &app->metrics;
    const Theme *t = &app->theme;
    JournalState *js = &app->journal;
    int h = heading(app, "Note", r, draw);
    int lh = timeline_line_h(app, m->text_small);
    int box_h = 3 * lh + m->gap;
    if (box_h < m->unit)
        box_h = m->unit;
    if (draw) {
        Rect box = rect_make(r.x, r.y + h, r.w, box_h);
        UiStyle st = app_style_button(app);
        if (ui_button(&app->ui, "Note", "", box, SHAPE_NONE, &st, 0)) {
            keyboard_init(&js->kb, js->draft.note, JOURNAL_NOTE_CHARS);
            js->note_open = 1;
        }
        Rect inner = rect_inset(box, m->gap / 2);
        if (!js->draft.note[0]) {
            ui_text(&app->ui, "Tap to write a note", rect_make(inner.x, inner.y, inner.w, lh),
                    m->text_small, t->text_dim, ALIGN_LEFT);
        } else {
            /* Up to three lines; a longer note ends with "…". */
            timeline_note_lines(app, js->draft.note, inner, 3, t->text, 1);
        }
    }
    return h + box_h + m->gap;
}

static int session_line(App *app, Rect r, int draw)
{
    JournalState *js = &app->journal;
    if (!js->draft.session || js->draft_session.kind != JOURNAL_ITEM_SESSION ||
        js->draft_session.id != js->draft.session)
        return 0;
    char words[128], text[160];
    CivilTime c = calendar_local(js->draft_session.time_ms, js->draft_session.utc_offset_s);
    snprintf(text, sizeof text, "About the session of %d %s at %02d:%02d", c.day,
             calendar_month_name(c.month), c.hour, c.minute);
    int h = heading(app, text, r, draw);
    timeline_session_figures(&js->draft_session, words, sizeof words);
    r.y += h;
    h += heading(app, words, r, draw);
    return h + app->metrics.gap / 2;
}

/* Lays the form out (draw 0 measures); returns the content height. */
static int entry_form(App *app, Rect view, int draw)
{
    JournalState *js = &app->journal;
    LogEvent *d = &js->draft;
    Rect r = rect_make(view.x, view.y, view.w, 1 << 20);
    int y = view.y;
    r.y = y;
    y += session_line(app, r, draw);
    r.y = y;
    y += heading(app, "Everything is optional. Tap a chosen step again to clear it.", r, draw) +
         app->metrics.gap / 2;
    r.y = y;
    y += who_section(app, r, draw);
    r.y = y;
    y += chips_section(app, WORDS_TRIED, "What we tried", "Tried", d->tried, sizeof d->tried, r,
                       draw);
    Rating ratings[4] = {
        {"Closeness", "1 distant, 5 very close", 1, 5, &d->closeness},
        {"Comfort", "1 uncomfortable, 5 very comfortable", 1, 5, &d->comfort},
        {"Pain", "0 none, 10 the worst", 0, 10, &d->pain},
        {"Tiredness", "0 rested, 10 exhausted", 0, 10, &d->tiredness},
    };
    for (int i = 0; i < 4; i++) {
        r.y = y;
        y += rating_section(app, &ratings[i], r, draw);
    }
    r.y = y;
    y += chips_section(app, WORDS_HELPED, "What helped", "Helped", d->helped, sizeof d->helped, r,
                       draw);
    r.y = y;
    y += chips_section(app, WORDS_NEXT, "Next time", "Next time", d->next, sizeof d->next, r, draw);
    r.y = y;
    y += note_section(app, r, draw);
    if (d->id) {
        const Metrics *m = &app->metrics;
        int w = m->unit * 4 < view.w ? m->unit * 4 : view.w;
        if (draw) {
            UiStyle st = app_style_quiet(app);
            st.text_px = m->text_small;
            if (ui_button(&app->ui, "Delete entry", NULL, rect_make(view.x, y, w, m->unit),
                          SHAPE_NONE, &st, 0)) {
                const JournalHost *h = &app->host.journal;
                int status = h->event_delete
                                 ? h->event_delete(app->host.ctx, d->id, app->time.wall_ms)
                                 : 1;
                if (status == 0) {
                    js->undo_id = d->id;
                    js->undo_until = app->time.mono_ms + UNDO_MS;
                    js->toast_until = 0;
                    js->stale = 1;
                    js->keep_place = 1;
                    app_pop(app);
                } else {
                    snprintf(js->form_error, sizeof js->form_error, "Not deleted: %s.",
                             status_words(status));
                }
            }
        }
        y += m->unit + m->gap;
    }
    return y - view.y;
}

void screen_entry(App *app)
{
    Ui *ui = &app->ui;
    const Metrics *m = &app->metrics;
    const Theme *t = &app->theme;
    JournalState *js = &app->journal;
    journal_load(app);

    if (js->note_open) {
        if (widget_editor(APP_KIT(app), app_header(app, "Note"), &js->kb)) {
            utf8_copy(js->draft.note, sizeof js->draft.note, js->kb.text);
            js->note_open = 0;
        }
        return;
    }
    if (durable_entry_due(app, &js->draft)) {
        journal_save_entry(app); /* refused before: the storage may have room again */
        if (app_screen(app) != SCREEN_ENTRY) {
            app->ui.fired = 1; /* one more pass draws the timeline, "Saved" */
            return;
        }
    }

    Rect area = app_header(app, js->draft.id ? "Edit entry" : "New entry");
    int bar_h = m->unit;
    int error_h = 0;
    if (js->form_error[0]) {
        error_h = ui_text_wrap(ui, js->form_error, rect_make(0, 0, area.w, 1 << 20), m->text_small,
                               t->danger_free_warn, ALIGN_LEFT, 0) +
                  m->gap / 2;
        if (error_h > area.h / 3)
            error_h = area.h / 3;
    }
    int arrows = m->unit + m->gap;
    UiScroll *sc = &js->form_scroll;
    sc->view = rect_make(area.x, area.y, area.w - arrows, area.h - bar_h - m->gap - error_h);
    sc->content_h = entry_form(app, sc->view, 0) + m->gap;
    ui_scroll_begin(ui, sc);
    entry_form(app, sc->view, 1);
    ui_scroll_end(ui, sc);
    if (app_screen(app) != SCREEN_ENTRY)
        return; /* deleted */
    widget_scroll_arrows(APP_KIT(app), sc,
                         rect_make(area.x + area.w - m->unit, area.y, m->unit, sc->view.h),
                         sc->offset > 0, sc->offset < sc->content_h - sc->view.h);

    if (error_h) {
        Rect er = rect_make(area.x, sc->view.y + sc->view.h + m->gap / 2, area.w,
                            error_h - m->gap / 2);
        ui_text_box(ui, js->form_error, er, m->text_small, m->text_min, t->danger_free_warn,
                    ALIGN_CENTER);
    }
    int y = area.y + area.h - bar_h;
    int w = (area.w - m->gap) / 2;
    UiStyle quiet = app_style_quiet(app);
    if (ui_button(ui, "Cancel", NULL, rect_make(area.x, y, w, bar_h), SHAPE_NONE, &quiet, 0)) {
        js->keep_place = 1;
        js->form_error[0] = '\0';
        durable_entry_clear(app);
        app_pop(app);
        return;
    }
    UiStyle go = app_style_primary(app);
    if (ui_button(ui, "Save", NULL, rect_make(area.x + w + m->gap, y, area.w - w - m->gap, bar_h),
                  SHAPE_CHECK, &go, 0))
        journal_save_entry(app);
}

int entry_handle_key(App *app, const AppInput *in)
{
    JournalState *js = &app->journal;
    if (js->note_open) {
        KeyboardResult r = keyboard_key(&js->kb, in);
        if (r == KEYBOARD_DONE)
            utf8_copy(js->draft.note, sizeof js->draft.note, js->kb.text);
        if (r == KEYBOARD_DONE || r == KEYBOARD_CANCEL)
            js->note_open = 0;
        return r != KEYBOARD_IGNORED;
    }
    return 0;
}
