/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Insights [insights]: what was tried and how it felt, what helped, and weekly
 * charts, over 4 or 12 weeks. */
#include "screens/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { DAY_MS = 86400 * 1000 };

/* A label and its figures on one line, or the figures below on a narrow one. */
static int figure_row(App *app, const char *label, const char *figures, Rect r, int draw)
{
    const Metrics *m = &app->metrics;
    const Theme *t = &app->theme;
    Ui *ui = &app->ui;
    int lh = m->text * 27 / 20;
    int sh = m->text_small * 27 / 20;
    int lw = ui_measure(ui, label, m->text);
    int fw = ui_measure(ui, figures, m->text_small);
    int one_line = lw + m->gap + fw <= r.w;
    int below = one_line
                    ? 0
                    : widget_parts(APP_KIT(app), figures, " · ", rect_make(r.x, r.y + lh, r.w, 0),
                                   m->text_small, t->text_dim, 0);
    (void)sh;
    int h = (one_line ? lh : lh + below) + m->gap / 2;
    if (!draw)
        return h;
    char fit[256];
    ui_fit_line(ui, label, r.w, m->text, fit, sizeof fit);
    ui_text(ui, fit, rect_make(r.x, r.y, one_line ? lw : r.w, lh), m->text, t->text, ALIGN_LEFT);
    if (one_line)
        ui_text(ui, figures, rect_make(r.x + r.w - fw, r.y + (lh - sh) / 2, fw, sh), m->text_small,
                t->text_dim, ALIGN_RIGHT);
    else
        widget_parts(APP_KIT(app), figures, " · ", rect_make(r.x, r.y + lh, r.w, 0), m->text_small,
                     t->text_dim, 1);
    ui_rect(ui, rect_make(r.x, r.y + h - m->gap / 4 - 1, r.w, 1), t->surface_hi, 0);
    return h;
}

static int text_block(App *app, const char *text, Rect r, int px, Color c, int draw)
{
    return ui_text_wrap(&app->ui, text, r, px, c, ALIGN_LEFT, draw);
}

static int chip_rows(App *app, WordsList list, const InsightsChip *chips, int count, int ratings,
                     Rect r, int draw)
{
    const Metrics *m = &app->metrics;
    const Theme *t = &app->theme;
    JournalState *js = &app->journal;
    int y = r.y;
    const char *intro =
        list == WORDS_TRIED
            ? "How often you tried each, and how it felt on average: comfort from 1 "
              "to 5, pain from 0 to 10."
            : "How often each came up as something that helped.";
    y += text_block(app, intro, rect_make(r.x, y, r.w, r.h), m->text_small, t->text_dim, draw) +
         m->gap / 2;
    if (count == 0) {
        /* Nothing yet: what will be here, and how it comes. */
        const char *none =
            list == WORDS_TRIED
                ? "Nothing yet in these weeks. When an entry says what you tried, each one appears "
                  "here with how often and how it felt."
                : "Nothing yet in these weeks. When an entry says what helped, it appears here, "
                  "the most often first.";
        y += text_block(app, none, rect_make(r.x, y, r.w, r.h), m->text, t->text_dim, draw);
        return y - r.y;
    }
    for (int i = 0; i < count; i++) {
        char fallback[64], figures[128];
        const char *label = words_label(&js->words, list, chips[i].id, fallback, sizeof fallback);
        insights_chip_text(&chips[i], ratings, figures, sizeof figures);
        y += figure_row(app, label, figures, rect_make(r.x, y, r.w, r.h), draw);
    }
    return y - r.y;
}

static void chart(App *app, ChartId id, Rect r)
{
    Ui *ui = &app->ui;
    const Metrics *m = &app->metrics;
    const Theme *t = &app->theme;
    const Insights *in = &app->journal.insights;
    int lh = m->text * 27 / 20;
    /* The axes and the weeks in the screen's small words: they grow with it. */
    int label_px = m->text_small;
    int th = label_px * 27 / 20;
    ui_text(ui, insights_chart_title(id), rect_make(r.x, r.y, r.w, lh), m->text, t->text,
            ALIGN_LEFT);
    char summary[160];
    insights_chart_summary(in, id, summary, sizeof summary);
    int sh = widget_parts(APP_KIT(app), summary, " · ", rect_make(r.x, r.y + lh, r.w, 0),
                          m->text_small, t->text_dim, 1);

    int top = insights_chart_top(in, id);
    char top_text[16];
    insights_value_text(id, top, top_text, sizeof top_text);
    int axis_w = ui_measure(ui, top_text, label_px) + m->gap / 2;
    int zero_w = ui_measure(ui, "0", label_px) + m->gap / 2;
    axis_w = axis_w > zero_w ? axis_w : zero_w;
    int n = in->weeks > 0 ? in->weeks : 1;
    int values = n <= 6; /* a value over each bar only while they are few */
    Rect plot = rect_make(r.x + axis_w, r.y + lh + sh + m->gap / 2 + (values ? th : th / 2),
                          r.w - axis_w, 0);
    plot.h = r.y + r.h - th - m->gap / 2 - plot.y;
    if (plot.h < label_px)
        return;
    Color axis = color_alpha(t->text_dim, 160);
    ui_rect(ui, rect_make(plot.x, plot.y + plot.h - 1, plot.w, 2), axis, 0);
    ui_rect(ui, rect_make(plot.x, plot.y, plot.w, 1), color_alpha(t->frame, 200), 0);
    ui_text(ui, top_text, rect_make(r.x, plot.y - th / 2, axis_w - m->gap / 2, th), label_px,
            t->text_dim, ALIGN_RIGHT);
    ui_text(ui, "0", rect_make(r.x, plot.y + plot.h - th / 2, axis_w - m->gap / 2, th), label_px,
            t->text_dim, ALIGN_RIGHT);

    int slot = plot.w / n;
    int bar_w = slot * 3 / 5 > 2 ? slot * 3 / 5 : 2;
    char label[32];
    int label_w = 0;
    for (int w = 0; w < in->weeks; w++) {
        insights_week_label(in, w, label, sizeof label);
        int lw = ui_measure(ui, label, label_px) + m->gap;
        label_w = lw > label_w ? lw : label_w;
    }
    /* Room for a third more: the last label may move in to stay inside the chart. */
    int step = slot > 0 ? (label_w * 4 / 3 + slot - 1) / slot : n;
    if (step < 1)
        step = 1;
    for (int w = 0; w < in->weeks; w++) {
        int x = plot.x + w * slot + (slot - bar_w) / 2;
        int v = insights_chart_value(in, id, w);
        if (v >= 0) {
            /* Zero is a thin bar, so it reads apart from a week with nothing. */
            int h = (int)((int64_t)v * plot.h / top);
            if (h < 2)
                h = 2;
            int radius = bar_w / 8 < h / 2 ? bar_w / 8 : h / 2;
            ui_rect(ui, rect_make(x, plot.y + plot.h - h, bar_w, h), t->accent,
                    radius < m->radius / 3 ? radius : m->radius / 3);
            if (values) {
                char vt[16];
                insights_value_text(id, v, vt, sizeof vt);
                ui_text(ui, vt, rect_make(plot.x + w * slot, plot.y + plot.h - h - th, slot, th),
                        label_px, t->text, ALIGN_CENTER);
            }
        } else if (values) {
            ui_text(ui, "–", rect_make(plot.x + w * slot, plot.y + plot.h - th, slot, th), label_px,
                    t->text_dim, ALIGN_CENTER);
        }
        /* Labels on every step-th week, counted from the latest, and inside the chart. */
        if ((in->weeks - 1 - w) % step == 0) {
            insights_week_label(in, w, label, sizeof label);
            int cw = step * slot;
            int cx = plot.x + w * slot + slot / 2 - cw / 2;
            if (cx < r.x)
                cx = r.x;
            if (cx + cw > r.x + r.w)
                cx = r.x + r.w - cw;
            ui_text(ui, label, rect_make(cx, plot.y + plot.h + m->gap / 4, cw, th), label_px,
                    t->text_dim, ALIGN_CENTER);
        }
    }
}

static int chart_height(const App *app, int view_h)
{
    const Metrics *m = &app->metrics;
    int h = view_h * 3 / 5;
    int min = m->text * 6;
    int max = m->unit * 5;
    return h < min ? min : h > max ? max : h;
}

/* The page's content; draw 0 measures. */
static int content(App *app, Rect view, int draw)
{
    const Metrics *m = &app->metrics;
    const Theme *t = &app->theme;
    JournalState *js = &app->journal;
    const Insights *in = &js->insights;
    Rect r = rect_make(view.x, view.y, view.w, 1 << 20);
    int y = view.y;
    char line[256];
    if (in->weeks == 0) {
        r.y = y;
        y += text_block(app, "The journal could not be read just now.", r, m->text,
                        t->danger_free_warn, draw);
        return y - view.y;
    }
    insights_period_text(in, line, sizeof line);
    r.y = y;
    if (ui_measure(&app->ui, line, m->text_min) <= r.w) {
        /* One line, smaller if it must be: the period reads as one phrase. */
        if (draw)
            ui_text_fit(&app->ui, line, rect_make(r.x, y, r.w, m->text * 27 / 20), m->text,
                        m->text_min, t->text, ALIGN_LEFT);
        y += m->text * 27 / 20;
    } else {
        y += text_block(app, line, r, m->text_small, t->text, draw);
    }
    insights_totals_text(in, line, sizeof line);
    r.y = y;
    y += widget_parts(APP_KIT(app), line, " · ", r, m->text_small, t->text_dim, draw) + m->gap;
    r.y = y;
    switch (js->insights_page) {
    case 0:
        y += chip_rows(app, WORDS_TRIED, in->tried, in->tried_count, 1, r, draw);
        break;
    case 1:
        y += chip_rows(app, WORDS_HELPED, in->helped, in->helped_count, 0, r, draw);
        break;
    default: {
        if (in->entries == 0 && in->sessions == 0 && in->breathing == 0) {
            y += text_block(app,
                            "Nothing yet in these weeks. Week by week, your entries, signal "
                            "sessions and breathing appear here as bars, with how comfort and "
                            "pain went.",
                            r, m->text, t->text_dim, draw);
            break;
        }
        int ch = chart_height(app, js->insights_scroll.view.h);
        for (int c = 0; c < CHART_COUNT; c++) {
            if (draw)
                chart(app, (ChartId)c, rect_make(view.x, y, view.w, ch));
            y += ch + m->gap;
        }
        break;
    }
    }
    return y - view.y + m->gap;
}

void screen_insights(App *app)
{
    Ui *ui = &app->ui;
    const Metrics *m = &app->metrics;
    JournalState *js = &app->journal;
    journal_load(app);
    journal_load_insights(app);

    Rect area = app_header(app, "Insights");
    WidgetChip b[5] = {
        {"4 weeks", NULL, js->insights_weeks == 4, 0},
        {"12 weeks", NULL, js->insights_weeks == 12, 0},
        {"Tried", "What we tried", js->insights_page == 0, 0},
        {"Helped", "What helped", js->insights_page == 1, 0},
        {"Charts", NULL, js->insights_page == 2, 0},
    };
    UiStyle st = app_style_button(app);
    st.text_px = m->text_small;
    int tapped = -1, tab = -1;
    /* Landscape: the choices in a column at the left, so the charts keep the
     * screen's height; portrait: rows above. */
    int col_w = m->unit * 2;
    for (int i = 0; i < 5; i++) {
        int w = ui_measure(ui, b[i].text ? b[i].text : b[i].label, st.text_px) + st.text_px * 3 / 2;
        col_w = w > col_w ? w : col_w;
    }
    int row_h = widget_flow_height(APP_KIT(app), col_w, b, 1, &st, 1);
    int column_h = 5 * row_h + 3 * (m->gap / 2) + m->gap;
    if (!m->portrait && column_h <= area.h && area.w - col_w - m->gap >= m->unit * 6) {
        Rect col = rect_make(area.x, area.y, col_w, 0);
        int used = widget_flow(APP_KIT(app), col, b, 2, &tapped, &st, 1);
        col.y += used + m->gap;
        widget_flow(APP_KIT(app), col, b + 2, 3, &tab, &st, 1);
        area.x += col_w + m->gap;
        area.w -= col_w + m->gap;
    } else {
        int used = widget_flow(APP_KIT(app), rect_make(area.x, area.y, area.w, 0), b, 5, &tapped,
                               &st, 1);
        if (tapped >= 2) {
            tab = tapped - 2;
            tapped = -1;
        }
        area.y += used + m->gap;
        area.h -= used + m->gap;
    }
    if (tapped == 0 || tapped == 1) {
        int weeks = tapped == 0 ? 4 : 12;
        if (weeks != js->insights_weeks) {
            js->insights_weeks = weeks;
            js->insights_valid = 0;
            js->insights_scroll.offset = 0;
        }
    }
    if (tab >= 0) {
        js->insights_page = tab;
        js->insights_scroll.offset = 0;
    }

    int arrows = m->unit + m->gap;
    UiScroll *sc = &js->insights_scroll;
    sc->view = rect_make(area.x, area.y, area.w - arrows, area.h);
    sc->content_h = content(app, sc->view, 0);
    ui_scroll_begin(ui, sc);
    content(app, sc->view, 1);
    ui_scroll_end(ui, sc);
    widget_scroll_arrows(APP_KIT(app), sc,
                         rect_make(area.x + area.w - m->unit, area.y, m->unit, area.h),
                         sc->offset > 0, sc->offset < sc->content_h - sc->view.h);
}
