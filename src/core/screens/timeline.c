/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The journal's timeline [journal]: newest first, grouped by day, with New
 * entry, Insights, big scroll arrows and the "Saved" / Undo bar. */
#include "screens/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { TOAST_MS = 3000 };

/* A kept draft in a few words: its note's start, or what was chosen. */
static void draft_words(App *app, const EntryDraft *d, char *out, size_t size)
{
    JournalState *js = &app->journal;
    const char *what = d->ev.id ? "Edit kept, not saved yet" : "Draft kept, not saved yet";
    if (js->kept_count > 1) {
        snprintf(out, size, "%d drafts kept, not saved yet", js->kept_count);
        return;
    }
    snprintf(out, size, "%s", what);
}

/* The bar under the list: "Saved"; "Entry deleted" or "Draft discarded" with
 * Undo; or, while one is kept, the draft with Discard and Continue. Returns
 * its height (0: nothing to say, and the row is the jumps'). */
static int toast_bar(App *app, Rect area, int draw)
{
    JournalState *js = &app->journal;
    const Metrics *m = &app->metrics;
    int64_t now = app->time.mono_ms;
    int undo = js->undo_id && js->undo_until > now;
    int undo_discard = !undo && js->discarded_until > now;
    int toast = js->toast_until > now;
    int draft = !undo && !undo_discard && !toast && js->kept_count > 0;
    if (!undo && !undo_discard && !toast && !draft)
        return 0;
    int h = m->unit;
    if (!draw)
        return h + m->gap;
    Rect bar = rect_make(area.x, area.y + area.h - h, area.w, h);
    ui_rect(&app->ui, bar, app->theme.surface_hi, m->radius);
    int bw = undo || undo_discard ? m->unit * 2 : draft ? m->unit * 2 + m->unit / 2 : 0;
    int buttons = draft ? 2 * bw + m->gap : bw;
    char text[JOURNAL_MESSAGE_MAX];
    if (draft)
        draft_words(app, &js->kept[js->kept_count - 1], text, sizeof text);
    else
        snprintf(text, sizeof text, "%s",
                 undo           ? "Entry deleted"
                 : undo_discard ? "Draft discarded"
                                : js->toast);
    Rect words = rect_make(bar.x + m->gap, bar.y,
                           bar.w - 2 * m->gap - (buttons ? buttons + m->gap : 0), h);
    ui_text_box(&app->ui, text, words, m->text, m->text_min, app->theme.text, ALIGN_LEFT);
    UiStyle st = app_style_button(app);
    st.bg = color_mix(app->theme.surface, app->theme.accent, 0.35f);
    Rect right = rect_make(bar.x + bar.w - bw, bar.y, bw, h);
    if (draft) {
        UiStyle quiet = app_style_quiet(app);
        if (ui_button(&app->ui, "Discard", NULL, rect_make(right.x - bw - m->gap, bar.y, bw, h),
                      SHAPE_NONE, &quiet, 0))
            journal_discard_draft(app);
        else if (ui_button(&app->ui, "Continue", NULL, right, SHAPE_ARROW_RIGHT, &st, 0))
            journal_continue_draft(app);
    } else if (undo_discard) {
        if (ui_button(&app->ui, "Undo", NULL, right, SHAPE_NONE, &st, 0))
            journal_undo_discard(app);
    } else if (undo) {
        if (ui_button(&app->ui, "Undo", NULL, right, SHAPE_NONE, &st, 0)) {
            const JournalHost *hst = &app->host.journal;
            int status = hst->event_undelete ? hst->event_undelete(app->host.ctx, js->undo_id) : 1;
            js->undo_id = 0;
            if (status == 0)
                journal_toast(app, "The entry is back", TOAST_MS);
            else {
                char why[JOURNAL_MESSAGE_MAX];
                snprintf(why, sizeof why, "Not undone: %s", status_words(status));
                journal_toast(app, why, TOAST_MS * 2);
            }
            js->stale = 1;
        }
    }
    return h + m->gap;
}

/* Under the list: the entries alone or everything, and a jump a week or a
 * month back (twelve weeks back is three taps), and back to the newest. */
static void timeline_nav(App *app, Rect row)
{
    JournalState *js = &app->journal;
    const Metrics *m = &app->metrics;
    UiStyle st = app_style_button(app);
    st.text_px = m->text_small;
    int w = (row.w - 3 * m->gap) / 4;
    Rect cell[4];
    for (int i = 0; i < 4; i++)
        cell[i] = rect_make(row.x + i * (w + m->gap), row.y,
                            i == 3 ? row.x + row.w - (row.x + 3 * (w + m->gap)) : w, row.h);
    if (ui_button(&app->ui, "Entries only", NULL, cell[0], SHAPE_STAR, &st,
                  js->entries_only ? UI_SELECTED : 0)) {
        js->entries_only = !js->entries_only;
        js->scroll.offset = 0;
        timeline_reload_newest(app);
    }
    int nothing = js->item_count == 0;
    if (ui_button(&app->ui, "A week back", NULL, cell[1], SHAPE_NONE, &st,
                  nothing ? UI_DISABLED : 0) &&
        !timeline_jump(app, 1, 0))
        journal_toast(app, "Nothing earlier than this", TOAST_MS);
    if (ui_button(&app->ui, "A month back", NULL, cell[2], SHAPE_NONE, &st,
                  nothing ? UI_DISABLED : 0) &&
        !timeline_jump(app, 0, 1))
        journal_toast(app, "Nothing earlier than this", TOAST_MS);
    int at_top = js->at_newest && js->scroll.offset <= 0;
    if (ui_button(&app->ui, "Newest", NULL, cell[3], SHAPE_NONE, &st, at_top ? UI_DISABLED : 0)) {
        js->scroll.offset = 0;
        js->velocity = 0.0f;
        timeline_reload_newest(app);
    }
}

/* The header's actions, or a row of their own below it on a narrow screen.
 * Returns the area left for the list. */
static Rect timeline_actions(App *app, int *new_entry, int *insights)
{
    const Metrics *m = &app->metrics;
    Rect title = app_title_rect(app);
    int left = title.x, room = title.w;
    UiStyle go = app_style_button(app);
    go.bg = color_mix(app->theme.surface, app->theme.accent, 0.35f);
    UiStyle st = app_style_button(app);
    int need = ui_measure(&app->ui, "New entry", m->text) +
               ui_measure(&app->ui, "Insights", m->text) + 4 * m->text * 2 + m->gap;
    Rect area;
    Rect a, b;
    if (room >= need) {
        area = app_header(app, NULL);
        int w = (room - m->gap) / 2;
        a = rect_make(left, m->margin, w, m->unit);
        b = rect_make(left + w + m->gap, m->margin, room - w - m->gap, m->unit);
    } else {
        area = app_header(app, "Journal");
        int w = (area.w - m->gap) / 2;
        a = rect_make(area.x, area.y, w, m->unit);
        b = rect_make(area.x + w + m->gap, area.y, area.w - w - m->gap, m->unit);
        area.y += m->unit + m->gap;
        area.h -= m->unit + m->gap;
    }
    *new_entry = ui_button(&app->ui, "New entry", NULL, a, SHAPE_STAR, &go, 0);
    *insights = ui_button(&app->ui, "Insights", NULL, b, SHAPE_NONE, &st, 0);
    return area;
}

void screen_journal(App *app)
{
    Ui *ui = &app->ui;
    const Metrics *m = &app->metrics;
    const Theme *t = &app->theme;
    JournalState *js = &app->journal;
    journal_load(app);

    if (js->timeline_visit != app->screen_since_mono) {
        /* Arriving: from Home at the top; back from an entry where we were. */
        js->timeline_visit = app->screen_since_mono;
        js->velocity = 0.0f;
        js->item_h_width = 0; /* names and words may have changed meanwhile */
        if (js->keep_place) {
            js->stale = 1;
        } else {
            js->scroll.offset = 0;
            timeline_reload_newest(app);
        }
        js->keep_place = 0;
    }
    if (js->stale)
        timeline_reload_here(app);

    int new_entry = 0, insights = 0;
    Rect area = timeline_actions(app, &new_entry, &insights);
    if (new_entry) {
        journal_new_entry(app, 0);
        return;
    }
    if (insights) {
        js->insights_valid = 0;
        js->insights_scroll.offset = 0;
        js->keep_place = 1;
        app_push(app, SCREEN_INSIGHTS);
        return;
    }

    int bar = toast_bar(app, area, 0);
    int arrows = m->unit + m->gap;
    /* The bottom row is the bar's while it has something to say, else the jumps'. */
    int nav = bar ? 0 : m->unit + m->gap;
    UiScroll *sc = &js->scroll;
    sc->view = rect_make(area.x, area.y, area.w - arrows, area.h - bar - nav);

    timeline_glide(app);
    timeline_follow(app);
    int tops[JOURNAL_WINDOW + 1];
    sc->content_h = timeline_layout(app, tops);

    if (js->item_count == 0) {
        const char *words =
            js->failed ? "The journal could not be read just now. Nothing is lost; try again in a "
                         "moment."
            : js->entries_only ? "No entries yet. What you write after an evening will appear "
                                 "here, newest first."
                               : "Nothing here yet. Signal sessions, breathing and your entries "
                                 "will appear here, newest first.";
        Rect r = rect_make(sc->view.x + sc->view.w / 10, sc->view.y, sc->view.w * 4 / 5,
                           sc->view.h);
        int used = ui_text_wrap(ui, words, r, m->text, t->text_dim, ALIGN_CENTER, 0);
        r.y = sc->view.y + (sc->view.h - used) / 2;
        ui_text_wrap(ui, words, r, m->text, t->text_dim, ALIGN_CENTER, 1);
    }

    ui_scroll_begin(ui, sc);
    int base = sc->view.y;
    for (int i = 0; i < js->item_count; i++) {
        const JournalItem *it = &js->items[i];
        int y = base + tops[i];
        int bottom = base + tops[i + 1];
        /* Only what can be seen is declared: a full window stays cheap. */
        if (bottom < base + sc->offset - m->unit || y > base + sc->offset + sc->view.h + m->unit)
            continue;
        if (i == 0 ||
            calendar_local_day(it->time_ms, it->utc_offset_s) !=
                calendar_local_day(js->items[i - 1].time_ms, js->items[i - 1].utc_offset_s)) {
            char day[96];
            timeline_day_words(app, it, day, sizeof day);
            int hh = timeline_header_height(app);
            ui_text_fit(ui, day, rect_make(sc->view.x, y, sc->view.w, hh - m->gap / 2),
                        m->text_small, m->text_min, t->accent, ALIGN_LEFT);
            y += hh;
        }
        timeline_draw_item(app, it, rect_make(sc->view.x, y, sc->view.w, bottom - y));
    }
    ui_scroll_end(ui, sc);

    int max = sc->content_h - sc->view.h;
    widget_scroll_arrows(APP_KIT(app), sc,
                         rect_make(area.x + area.w - m->unit, area.y, m->unit, sc->view.h),
                         sc->offset > 0 || !js->at_newest, sc->offset < max || !js->at_oldest);
    if (nav)
        timeline_nav(app, rect_make(area.x, sc->view.y + sc->view.h + m->gap, area.w, m->unit));
    toast_bar(app, area, 1);
}
