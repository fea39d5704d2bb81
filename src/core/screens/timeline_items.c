/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The timeline's items laid out and drawn: each entry's title, chips and note,
 * their heights (measured once per width), and where each item starts. */
#include "screens/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void entry_title(const App *app, const JournalItem *it, char *out, size_t size)
{
    CivilTime c = calendar_local(it->time_ms, it->utc_offset_s);
    char ratings[160];
    timeline_ratings_words(&it->ev, ratings, sizeof ratings);
    snprintf(out, size, "%02d:%02d · %s%s%s", c.hour, c.minute,
             timeline_who_words(app, (Partner)it->ev.partner), ratings[0] ? " · " : "", ratings);
}

/* The entry's chip lines: "Tried: Massage, Holding", "Helped: ...", "Next time: ...".
 * Returns how many (0 to 3). */
static int entry_chip_lines(const App *app, const LogEvent *ev, char out[3][640])
{
    static const char *const heads[3] = {"Tried: ", "Helped: ", "Next time: "};
    const char *joined[3] = {ev->tried, ev->helped, ev->next};
    char labels[600];
    int n = 0;
    for (int l = 0; l < 3; l++) {
        chips_labels(&app->journal.words, (WordsList)l, joined[l], labels, sizeof labels);
        if (labels[0])
            snprintf(out[n++], 640, "%s%s", heads[l], labels);
    }
    return n;
}

int timeline_line_h(const App *app, int px)
{
    (void)app;
    return px * 27 / 20;
}

int timeline_header_height(const App *app)
{
    return timeline_line_h(app, app->metrics.text_small) + app->metrics.gap / 2;
}

/* The first lines of a note (at most max), the last ending in "…" when there
 * is more. Returns the height. */
int timeline_note_lines(App *app, const char *note, Rect r, int max, Color c, int draw)
{
    const Metrics *m = &app->metrics;
    int lh = timeline_line_h(app, m->text_small);
    UiLine lines[4];
    if (max > 3)
        max = 3;
    int n = ui_wrap_lines(&app->ui, note, r.w, m->text_small, lines, max + 1);
    int shown = n < max ? n : max;
    for (int i = 0; draw && i < shown; i++) {
        Rect lr = rect_make(r.x, r.y + i * lh, r.w, lh);
        if (i == shown - 1 && n > max) {
            char last[EVENT_NOTE_MAX + 8], fit[EVENT_NOTE_MAX + 8];
            snprintf(last, sizeof last, "%s…", note + lines[i].start);
            ui_fit_line(&app->ui, last, r.w, m->text_small, fit, sizeof fit);
            ui_text(&app->ui, fit, lr, m->text_small, c, ALIGN_LEFT);
        } else {
            widget_draw_line(&app->ui, note, lines[i], lr, m->text_small, c);
        }
    }
    return shown * lh;
}

/* Where an entry's words start inside its row, and how wide they may be. */
static void entry_text_box(const App *app, int width, int *x, int *w)
{
    const Metrics *m = &app->metrics;
    *x = m->text_small + m->gap;
    *w = width - *x - m->gap / 2;
}

/* An entry's words from (x, y), w wide: the time, who and the ratings, the
 * chips, the note's first lines. Returns their height; draw 0 measures. */
static int entry_body(App *app, const JournalItem *it, int x, int y, int w, int draw)
{
    const Metrics *m = &app->metrics;
    const Theme *t = &app->theme;
    int top = y;
    char text[640];
    entry_title(app, it, text, sizeof text);
    y += widget_parts(APP_KIT(app), text, " · ", rect_make(x, y, w, 0), m->text_small, t->text,
                      draw);
    char chips[3][640];
    int n = entry_chip_lines(app, &it->ev, chips);
    for (int i = 0; i < n; i++)
        y += widget_parts(APP_KIT(app), chips[i], ", ", rect_make(x, y, w, 0), m->text_small,
                          t->text_dim, draw);
    if (it->ev.note[0])
        y += timeline_note_lines(app, it->ev.note, rect_make(x, y, w, 0), 2, t->text_dim, draw);
    return y - top;
}

static int item_height(App *app, const JournalItem *it, int width)
{
    const Metrics *m = &app->metrics;
    if (it->kind != JOURNAL_ITEM_ENTRY)
        return timeline_line_h(app, m->text_small) + m->gap;
    int x, w;
    entry_text_box(app, width, &x, &w);
    int h = entry_body(app, it, x, 0, w, 0) + m->gap;
    int min = m->unit > m->target ? m->unit : m->target;
    return (h > min ? h : min) + m->gap / 2;
}

/* Where each item starts (its day heading included); tops[count] is the end.
 * Heights are measured once per item and width, then kept. */
int timeline_layout(App *app, int *tops)
{
    JournalState *js = &app->journal;
    int width = js->scroll.view.w;
    if (js->item_h_width != width) {
        memset(js->item_h, 0, sizeof js->item_h);
        js->item_h_width = width;
    }
    int y = 0;
    for (int i = 0; i < js->item_count; i++) {
        tops[i] = y;
        const JournalItem *it = &js->items[i];
        if (i == 0 ||
            calendar_local_day(it->time_ms, it->utc_offset_s) !=
                calendar_local_day(js->items[i - 1].time_ms, js->items[i - 1].utc_offset_s))
            y += timeline_header_height(app);
        if (js->item_h[i] <= 0)
            js->item_h[i] = item_height(app, it, width);
        y += js->item_h[i];
    }
    tops[js->item_count] = y;
    return y;
}

void timeline_draw_item(App *app, const JournalItem *it, Rect r)
{
    Ui *ui = &app->ui;
    const Metrics *m = &app->metrics;
    const Theme *t = &app->theme;
    char text[1600], line[1600];
    int lh = timeline_line_h(app, m->text_small);
    if (it->kind != JOURNAL_ITEM_ENTRY) {
        Shape shape = it->kind == JOURNAL_ITEM_SESSION ? SHAPE_HEART : SHAPE_CIRCLE;
        Color c = it->kind == JOURNAL_ITEM_SESSION ? t->partner[1] : t->partner[0];
        int s = m->text_small;
        ui_shape(ui, shape, rect_make(r.x + m->gap / 2, r.y + (r.h - s) / 2, s, s), c, s / 8);
        if (it->kind == JOURNAL_ITEM_SESSION)
            timeline_session_words(it, text, sizeof text);
        else
            timeline_breathing_words(it, text, sizeof text);
        int x = r.x + s + m->gap;
        ui_fit_line(ui, text, r.x + r.w - x, m->text_small, line, sizeof line);
        ui_text(ui, line, rect_make(x, r.y + (r.h - lh) / 2, r.x + r.w - x, lh), m->text_small,
                t->text_dim, ALIGN_LEFT);
        return;
    }
    char label[UI_LABEL_MAX];
    CivilTime c = calendar_local(it->time_ms, it->utc_offset_s);
    snprintf(label, sizeof label, "Entry %d %.3s %02d:%02d #%lld", c.day,
             calendar_month_name(c.month), c.hour, c.minute, (long long)it->id);
    Rect box = rect_make(r.x, r.y, r.w, r.h - m->gap / 2);
    UiStyle st = app_style_button(app);
    if (ui_button(ui, label, "", box, SHAPE_NONE, &st, 0))
        journal_open_entry(app, it);
    int s = m->text_small;
    ui_shape(ui, SHAPE_STAR, rect_make(box.x + m->gap / 2, box.y + m->gap / 2 + (lh - s) / 2, s, s),
             t->accent, s / 8);
    int x, w;
    entry_text_box(app, box.w, &x, &w);
    entry_body(app, it, box.x + x, box.y + m->gap / 2, w, 1);
}
