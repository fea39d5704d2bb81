/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A journal entry [entry] in short steps that each fit the screen without
 * scrolling: who and what we tried, how it felt, what helped, next time, a
 * note, as many to a step as fit. Save is there at every step and is durable;
 * Cancel or Home keeps what was written as a draft; Delete can be undone. */
#include "screens/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { UNDO_MS = 30000, SECTION_COUNT = 5 };

/* The form's sections, in order; a step holds one or more of them. */
typedef enum { SECTION_TRIED, SECTION_FELT, SECTION_HELPED, SECTION_NEXT, SECTION_NOTE } Section;

static const char *const section_titles[SECTION_COUNT] = {"Who and what we tried", "How it felt",
                                                          "What helped", "Next time", "A note"};

/* The steps: first[i] is the first section of step i; first[count] ends the last. */
typedef struct {
    int count;
    int first[SECTION_COUNT + 1];
} Steps;

/* A one-line heading, set close to what it names. */
static int heading(App *app, const char *text, Rect r, int draw)
{
    const Metrics *m = &app->metrics;
    int lh = m->text_small + m->text_small / 8;
    if (draw)
        ui_text_box(&app->ui, text, rect_make(r.x, r.y, r.w, lh), m->text_small, m->text_min,
                    app->theme.text_dim, ALIGN_LEFT);
    return lh + m->gap / 4;
}

typedef struct {
    const char *name;
    const char *scale; /* the ends in words: "0 none · 10 the worst" */
    int lo, hi;
    int *value;
} Rating;

/* The name, and the scale's ends on the same line when they fit. */
static int rating_title(App *app, const Rating *rt, Rect r, int draw)
{
    const Metrics *m = &app->metrics;
    const Theme *t = &app->theme;
    int lh = m->text_small + m->text_small / 8;
    int name_w = ui_measure(&app->ui, rt->name, m->text_small);
    int scale_w = ui_measure(&app->ui, rt->scale, m->text_small);
    int one_line = name_w + m->gap + scale_w <= r.w;
    if (draw) {
        ui_text(&app->ui, rt->name, rect_make(r.x, r.y, r.w, lh), m->text_small, t->text,
                ALIGN_LEFT);
        Rect sr = one_line ? rect_make(r.x, r.y, r.w, lh) : rect_make(r.x, r.y + lh, r.w, lh);
        ui_text_box(&app->ui, rt->scale, sr, m->text_small, m->text_min, t->text_dim,
                    one_line ? ALIGN_RIGHT : ALIGN_LEFT);
    }
    return (one_line ? lh : 2 * lh) + m->gap / 4;
}

/* A scale: one row of cells where they fit 3 mm apart, else 1 mm apart (like
 * the keys of a keyboard: a value one off is seen and tapped again), else two rows. */
static int rating_section(App *app, const Rating *rt, Rect r, int title_h, int draw)
{
    const Metrics *m = &app->metrics;
    int h = title_h ? title_h : rating_title(app, rt, r, 0);
    if (draw)
        rating_title(app, rt, r, 1);
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
    WidgetFlow f = {WIDGET_FLOW_EQUAL, 0, 0, 2, 0.0f, 0}; /* a number needs little room */
    int one_row = widget_chips(APP_KIT(app), rect_make(0, 0, r.w, 0), b, 1, NULL, &st, &f, 0);
    if (widget_chips(APP_KIT(app), rect_make(0, 0, r.w, 0), b, n, NULL, &st, &f, 0) > one_row)
        f.gap = (int)(m->px_per_mm + 0.999f);
    int tapped = -1;
    int used = widget_chips(APP_KIT(app), rect_make(r.x, r.y + h, r.w, 0), b, n, &tapped, &st, &f,
                            draw);
    if (tapped >= 0) {
        int v = rt->lo + tapped;
        *rt->value = *rt->value == v ? EVENT_UNSET : v; /* a second tap clears it */
    }
    return h + used;
}

static int chips_section(App *app, WordsList list, const char *title, const char *prefix,
                         char *joined, size_t size, Rect r, int draw)
{
    const Metrics *m = &app->metrics;
    JournalState *js = &app->journal;
    int h = title ? heading(app, title, r, draw) : 0;
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
    return h + used;
}

/* Who is writing: the label beside its three choices where there is room. */
static int who_section(App *app, Rect r, int draw)
{
    const Metrics *m = &app->metrics;
    JournalState *js = &app->journal;
    const char *title = "Who is writing";
    int label_w = ui_measure(&app->ui, title, m->text_small) + m->gap;
    int beside = r.w - label_w >= 3 * m->unit * 2 + 2 * m->gap;
    int h = 0;
    Rect row = rect_make(r.x, r.y, r.w, 0);
    if (beside) {
        row.x += label_w;
        row.w -= label_w;
    } else {
        h = heading(app, title, r, draw);
        row.y += h;
    }
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
    int used = draw ? widget_flow(APP_KIT(app), row, b, 3, &tapped, &st, 1)
                    : widget_flow_height(APP_KIT(app), row.w, b, 3, &st, 1);
    if (beside && draw)
        ui_text(&app->ui, title, rect_make(r.x, r.y, label_w - m->gap, used), m->text_small,
                app->theme.text_dim, ALIGN_LEFT);
    if (tapped >= 0)
        js->draft.partner = (int)partners[tapped];
    return h + used;
}

/* The note as a button as tall as box_h: what is written so far, or an invitation. */
static int note_section(App *app, Rect r, int box_h, int draw)
{
    const Metrics *m = &app->metrics;
    const Theme *t = &app->theme;
    JournalState *js = &app->journal;
    int h = heading(app, "Note", r, draw);
    int lh = timeline_line_h(app, m->text_small);
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
            /* As many lines as the box holds; a longer note ends with "…". */
            int lines = inner.h / lh > 1 ? inner.h / lh : 1;
            timeline_note_lines(app, js->draft.note, inner, lines, t->text, 1);
        }
    }
    return h + box_h;
}

/* The session it is about, with its figures, as one line where it fits. */
static int session_line(App *app, Rect r, int draw)
{
    JournalState *js = &app->journal;
    const Metrics *m = &app->metrics;
    if (!js->draft.session || js->draft_session.kind != JOURNAL_ITEM_SESSION ||
        js->draft_session.id != js->draft.session)
        return 0;
    char figures[128], text[256];
    CivilTime c = calendar_local(js->draft_session.time_ms, js->draft_session.utc_offset_s);
    CivilTime today = app_local_time(app);
    timeline_session_figures(&js->draft_session, figures, sizeof figures);
    if (c.year == today.year && c.month == today.month && c.day == today.day)
        snprintf(text, sizeof text, "Today's session at %02d:%02d · %s", c.hour, c.minute, figures);
    else
        snprintf(text, sizeof text, "The session of %d %s, %02d:%02d · %s", c.day,
                 calendar_month_name(c.month), c.hour, c.minute, figures);
    return widget_parts(APP_KIT(app), text, " · ", r, m->text_small, app->theme.text_dim, draw) +
           m->gap / 4;
}

static void ratings(App *app, Rating out[4])
{
    LogEvent *d = &app->journal.draft;
    out[0] = (Rating){"Closeness", "1 distant · 5 close", 1, 5, &d->closeness};
    out[1] = (Rating){"Comfort", "1 not at all · 5 very", 1, 5, &d->comfort};
    out[2] = (Rating){"Pain", "0 none · 10 the worst", 0, 10, &d->pain};
    out[3] = (Rating){"Tiredness", "0 rested · 10 exhausted", 0, 10, &d->tiredness};
}

/* How it felt: the two 1 to 5 scales side by side where both fit, then pain
 * and tiredness, each a row of its own. */
static int felt_step(App *app, Rect view, int draw)
{
    const Metrics *m = &app->metrics;
    Rating rt[4];
    ratings(app, rt);
    int y = view.y;
    /* Set well apart, so the two read as two scales and not one row of ten. */
    int half = (view.w - m->far_gap) / 2;
    int one_mm = (int)(m->px_per_mm + 0.999f);
    int side = half >= 5 * m->target + 4 * one_mm;
    if (side) {
        Rect a = rect_make(view.x, y, half, 0);
        Rect b = rect_make(view.x + view.w - half, y, half, 0);
        int ta = rating_title(app, &rt[0], a, 0), tb = rating_title(app, &rt[1], b, 0);
        int th = ta > tb ? ta : tb;
        int ha = rating_section(app, &rt[0], a, th, draw);
        int hb = rating_section(app, &rt[1], b, th, draw);
        y += (ha > hb ? ha : hb) + m->gap / 2;
    }
    for (int i = side ? 2 : 0; i < 4; i++)
        y += rating_section(app, &rt[i], rect_make(view.x, y, view.w, 0), 0, draw) + m->gap / 2;
    return y - m->gap / 2 - view.y;
}

/* One section of the form at r (draw 0 measures); returns its height. The
 * note's box takes room_h less its heading: two lines at least, six at most. */
static int entry_section(App *app, Section section, Rect view, int y, int room_h, int draw)
{
    JournalState *js = &app->journal;
    const Metrics *m = &app->metrics;
    LogEvent *d = &js->draft;
    Rect r = rect_make(view.x, y, view.w, 1 << 20);
    int top = y;
    switch (section) {
    case SECTION_TRIED:
        y += session_line(app, r, draw);
        r.y = y;
        y += who_section(app, r, draw) + m->gap / 2;
        r.y = y;
        y += chips_section(app, WORDS_TRIED, "What we tried", "Tried", d->tried, sizeof d->tried, r,
                           draw);
        break;
    case SECTION_FELT:
        y += felt_step(app, rect_make(view.x, y, view.w, view.h), draw);
        break;
    case SECTION_HELPED:
        y += chips_section(app, WORDS_HELPED, "What helped", "Helped", d->helped, sizeof d->helped,
                           r, draw);
        break;
    case SECTION_NEXT:
        y += chips_section(app, WORDS_NEXT, "Next time", "Next time", d->next, sizeof d->next, r,
                           draw);
        break;
    case SECTION_NOTE: {
        int lh = timeline_line_h(app, m->text_small);
        int title = heading(app, "Note", r, 0);
        int lo = 2 * lh + m->gap, hi = 6 * lh + m->gap;
        lo = lo < m->target ? m->target : lo;
        int box = room_h - title;
        box = box < lo ? lo : box > hi ? hi : box;
        y += note_section(app, r, box, draw);
        break;
    }
    }
    return y - top;
}

/* As many sections to a step as fit the view, in order. */
static Steps entry_steps(App *app, Rect view)
{
    const Metrics *m = &app->metrics;
    Steps st = {0, {0}};
    int used = 0;
    for (int i = 0; i < SECTION_COUNT; i++) {
        int h = entry_section(app, (Section)i, view, view.y, 0, 0);
        if (i == 0 || used + m->gap + h > view.h) {
            st.first[st.count++] = i;
            used = h;
        } else {
            used += m->gap + h;
        }
    }
    st.first[st.count] = SECTION_COUNT;
    return st;
}

/* Step `step` of the form in view (draw 0 measures); returns its height. */
static int entry_step(App *app, const Steps *st, int step, Rect view, int draw)
{
    const Metrics *m = &app->metrics;
    int y = view.y;
    for (int i = st->first[step]; i < st->first[step + 1]; i++) {
        if (i > st->first[step])
            y += m->gap;
        y += entry_section(app, (Section)i, view, y, view.y + view.h - y, draw);
    }
    return y - view.y;
}

/* The step's title (its section's, or the entry's when it holds several),
 * with a dot for each step under it. */
static Rect entry_header(App *app, const Steps *st)
{
    Ui *ui = &app->ui;
    const Metrics *m = &app->metrics;
    const Theme *t = &app->theme;
    JournalState *js = &app->journal;
    int step = js->entry_step;
    const char *title = st->first[step + 1] - st->first[step] == 1 ? section_titles[st->first[step]]
                        : js->draft.id                             ? "Edit entry"
                                                                   : "New entry";
    Rect band = app_title_rect(app);
    int dot = m->gap / 2 > 8 ? m->gap / 2 : 8;
    int dots = st->count > 1;
    Rect area;
    int dots_y, x;
    int span = (2 * st->count - 1) * dot;
    if (ui_measure(ui, title, m->text) <= band.w) {
        area = app_header(app, NULL);
        Rect tr = rect_make(band.x, band.y, band.w, band.h - (dots ? dot + m->gap / 4 : 0));
        ui_text_fit(ui, title, tr, m->text_large, m->text, t->text, ALIGN_CENTER);
        dots_y = band.y + band.h - dot;
        x = band.x + (band.w - span) / 2;
    } else {
        area = app_header(app, title);
        dots_y = area.y;
        x = (m->w - span) / 2;
        if (dots) {
            area.y += dot + m->gap / 2;
            area.h -= dot + m->gap / 2;
        }
    }
    for (int i = 0; dots && i < st->count; i++)
        ui_rect(ui, rect_make(x + i * 2 * dot, dots_y, dot, dot),
                i == step ? t->accent : t->text_dim, dot / 2);
    return area;
}

static void delete_entry(App *app)
{
    JournalState *js = &app->journal;
    const JournalHost *h = &app->host.journal;
    int status = h->event_delete ? h->event_delete(app->host.ctx, js->draft.id, app->time.wall_ms)
                                 : 1;
    if (status == 0) {
        js->undo_id = js->draft.id;
        js->undo_until = app->time.mono_ms + UNDO_MS;
        js->toast_until = 0;
        js->stale = 1;
        js->keep_place = 1;
        js->entry_open = 0;
        app_pop(app);
    } else {
        snprintf(js->form_error, sizeof js->form_error, "Not deleted: %s.", status_words(status));
    }
}

/* Cancel at the left, small; then Back (or Like last time, or Delete on an
 * entry being edited), Next, and Save at the right, always there. */
static void entry_bar(App *app, Rect bar, int steps)
{
    Ui *ui = &app->ui;
    const Metrics *m = &app->metrics;
    JournalState *js = &app->journal;
    UiStyle quiet = app_style_quiet(app);
    UiStyle small = quiet;
    small.text_px = m->text_small;
    int cancel_w = bar.w / 6 > m->target ? bar.w / 6 : m->target;
    int step = js->entry_step;
    if (ui_button(ui, "Cancel", NULL, rect_make(bar.x, bar.y, cancel_w, bar.h), SHAPE_NONE, &small,
                  0)) {
        js->keep_place = 1;
        js->form_error[0] = '\0';
        app_pop(app); /* anything written is kept as a draft (journal_entry_left) */
        return;
    }
    int x = bar.x + cancel_w + m->far_gap;
    int each = (bar.x + bar.w - x - 2 * m->gap) / 3;
    Rect mid = rect_make(x, bar.y, each, bar.h);
    Rect next = rect_make(x + each + m->gap, bar.y, each, bar.h);
    Rect save = rect_make(next.x + each + m->gap, bar.y, bar.x + bar.w - next.x - each - m->gap,
                          bar.h);
    if (step > 0) {
        if (ui_button(ui, "Back", NULL, mid, SHAPE_ARROW_LEFT, &quiet, 0))
            js->entry_step--;
    } else if (js->draft.id) {
        if (ui_button(ui, "Delete entry", NULL, mid, SHAPE_NONE, &small, 0)) {
            delete_entry(app);
            return;
        }
    } else if (js->last_entry.id) {
        if (ui_button(ui, "Like last time", NULL, mid, SHAPE_NONE, &small, 0))
            journal_like_last_time(app);
    }
    if (step < steps - 1 && ui_button(ui, "Next", NULL, next, SHAPE_ARROW_RIGHT, &quiet, 0))
        js->entry_step++;
    UiStyle go = app_style_primary(app);
    if (ui_button(ui, "Save", NULL, save, SHAPE_CHECK, &go, 0))
        journal_save_entry(app);
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
    /* The steps are laid out for the room under the header, which the title
     * may share: measured first with the header's own height. */
    Rect title = app_title_rect(app);
    int header_h = title.y + title.h + m->gap;
    if (ui_measure(ui, section_titles[SECTION_TRIED], m->text) > title.w) {
        /* A narrow screen: the title and the dots have a line of their own. */
        int dot = m->gap / 2 > 8 ? m->gap / 2 : 8;
        header_h += m->text_large + m->gap + dot + m->gap / 2;
    }
    /* The steps are made for the whole screen, never for the room a note's
     * strip leaves: a note that comes or goes while the entry is filled in
     * never moves a choice to another step (under a note, the step scrolls). */
    int bar_h = m->unit;
    Rect room = rect_make(m->margin, header_h, m->w - 2 * m->margin,
                          m->h - m->margin - header_h - bar_h - m->gap);
    Steps st = entry_steps(app, room);
    if (js->entry_step < 0 || js->entry_step >= st.count)
        js->entry_step = js->entry_step < 0 ? 0 : st.count - 1;

    Rect area = entry_header(app, &st);
    int error_h = 0;
    if (js->form_error[0]) {
        error_h = ui_text_wrap(ui, js->form_error, rect_make(0, 0, area.w, 1 << 20), m->text_small,
                               t->danger_free_warn, ALIGN_LEFT, 0) +
                  m->gap / 2;
        if (error_h > area.h / 3)
            error_h = area.h / 3;
    }
    /* The step fits without scrolling where it can; arrows only when it does not. */
    UiScroll *sc = &js->form_scroll;
    sc->view = rect_make(area.x, area.y, area.w, area.h - bar_h - m->gap - error_h);
    sc->content_h = entry_step(app, &st, js->entry_step, sc->view, 0);
    int arrows = sc->content_h > sc->view.h;
    if (arrows) {
        sc->view.w -= m->unit + m->gap;
        sc->content_h = entry_step(app, &st, js->entry_step, sc->view, 0) + m->gap;
    } else {
        sc->offset = 0;
    }
    ui_scroll_begin(ui, sc);
    entry_step(app, &st, js->entry_step, sc->view, 1);
    ui_scroll_end(ui, sc);
    if (arrows)
        widget_scroll_arrows(APP_KIT(app), sc,
                             rect_make(area.x + area.w - m->unit, area.y, m->unit, sc->view.h),
                             sc->offset > 0, sc->offset < sc->content_h - sc->view.h);

    if (error_h) {
        Rect er = rect_make(area.x, sc->view.y + sc->view.h + m->gap / 2, area.w,
                            error_h - m->gap / 2);
        ui_text_box(ui, js->form_error, er, m->text_small, m->text_min, t->danger_free_warn,
                    ALIGN_CENTER);
    }
    entry_bar(app, rect_make(area.x, area.y + area.h - bar_h, area.w, bar_h), st.count);
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
