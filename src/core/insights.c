/* Insights [insights]: what was tried and how it felt, what helped, and weekly
 * charts drawn with Lull's own draw commands. The figures' words come from the
 * helpers here, which `lull insights` uses too, so both always agree. */
#include "journal_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

enum { DAY_MS = 86400 * 1000 };

static const char *const month_names[12] = {"January", "February", "March",     "April",
                                            "May",     "June",     "July",      "August",
                                            "September", "October", "November", "December"};

static int64_t floor_div(int64_t a, int64_t b)
{
    int64_t q = a / b;
    if (a % b != 0 && ((a < 0) != (b < 0)))
        q--;
    return q;
}

void insights_period(int weeks, int64_t now_ms, int32_t utc_offset_s, int64_t *from_ms,
                     int64_t *to_ms)
{
    int64_t local_ms = now_ms + (int64_t)utc_offset_s * 1000;
    int64_t end_local = (floor_div(local_ms, DAY_MS) + 1) * DAY_MS;
    *to_ms = end_local - (int64_t)utc_offset_s * 1000;
    *from_ms = *to_ms - (int64_t)weeks * 7 * DAY_MS;
}

int insights_mean_tenths(InsightsMean mean)
{
    if (mean.n <= 0)
        return -1;
    return (int)floor(mean.sum * 10.0 / (double)mean.n + 0.5);
}

static void tenths_text(int tenths, char *out, size_t size)
{
    snprintf(out, size, "%d.%d", tenths / 10, tenths % 10);
}

void insights_mean_text(InsightsMean mean, char *out, size_t size)
{
    int t = insights_mean_tenths(mean);
    if (t < 0)
        snprintf(out, size, "%s", "");
    else
        tenths_text(t, out, size);
}

void insights_chip_text(const InsightsChip *chip, int with_ratings, char *out, size_t size)
{
    char comfort[16], pain[16];
    insights_mean_text(chip->comfort, comfort, sizeof comfort);
    insights_mean_text(chip->pain, pain, sizeof pain);
    if (!with_ratings) {
        snprintf(out, size, "%d time%s", chip->count, chip->count == 1 ? "" : "s");
        return;
    }
    snprintf(out, size, "%d time%s%s%s%s%s", chip->count, chip->count == 1 ? "" : "s",
             comfort[0] ? " · comfort " : "", comfort, pain[0] ? " · pain " : "", pain);
}

static CivilTime civil_at(int64_t ms, int32_t offset_s)
{
    return civil_from_unix(floor_div(ms, 1000) + offset_s);
}

void insights_period_text(const Insights *in, char *out, size_t size)
{
    CivilTime a = civil_at(in->from_ms, in->utc_offset_s);
    CivilTime b = civil_at(in->to_ms - DAY_MS, in->utc_offset_s);
    if (a.year == b.year)
        snprintf(out, size, "%d %s to %d %s", a.day, month_names[(a.month + 11) % 12], b.day,
                 month_names[(b.month + 11) % 12]);
    else
        snprintf(out, size, "%d %s %d to %d %s %d", a.day, month_names[(a.month + 11) % 12],
                 a.year, b.day, month_names[(b.month + 11) % 12], b.year);
}

void insights_totals_text(const Insights *in, char *out, size_t size)
{
    snprintf(out, size, "%d entr%s · %d signal session%s · %d breathing session%s", in->entries,
             in->entries == 1 ? "y" : "ies", in->sessions, in->sessions == 1 ? "" : "s",
             in->breathing, in->breathing == 1 ? "" : "s");
}

void insights_week_label(const Insights *in, int week, char *out, size_t size)
{
    CivilTime c = civil_at(in->week[week].start_ms, in->utc_offset_s);
    snprintf(out, size, "%d %.3s", c.day, month_names[(c.month + 11) % 12]);
}

static InsightsMean total_mean(const Insights *in, ChartId chart)
{
    InsightsMean m = {0, 0.0};
    for (int w = 0; w < in->weeks; w++) {
        const InsightsWeek *wk = &in->week[w];
        const InsightsMean *x = chart == CHART_CLOSENESS ? &wk->closeness
                                : chart == CHART_COMFORT ? &wk->comfort
                                                         : &wk->pain;
        m.n += x->n;
        m.sum += x->sum;
    }
    return m;
}

int insights_chart_value(const Insights *in, ChartId chart, int week)
{
    const InsightsWeek *wk = &in->week[week];
    switch (chart) {
    case CHART_CLOSENESS: return insights_mean_tenths(wk->closeness);
    case CHART_COMFORT: return insights_mean_tenths(wk->comfort);
    case CHART_PAIN: return insights_mean_tenths(wk->pain);
    case CHART_PAUSES:
        if (wk->sessions <= 0)
            return -1;
        return (wk->pauses * 20 + wk->sessions) / (2 * wk->sessions); /* tenths, rounded */
    case CHART_BREATHING: return (wk->breathing_s + 30) / 60 * 10;
    case CHART_COUNT: break;
    }
    return -1;
}

int insights_chart_top(const Insights *in, ChartId chart)
{
    if (chart == CHART_CLOSENESS || chart == CHART_COMFORT)
        return 50;
    if (chart == CHART_PAIN)
        return 100;
    int max = 0;
    for (int w = 0; w < in->weeks; w++) {
        int v = insights_chart_value(in, chart, w);
        max = v > max ? v : max;
    }
    if (chart == CHART_PAUSES)
        return max <= 10 ? 10 : (max + 9) / 10 * 10;
    static const int steps[] = {10, 20, 30, 60, 90, 120, 180, 240, 300, 450, 600, 900, 1200};
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++)
        if (max <= steps[i] * 10)
            return steps[i] * 10;
    return (max + 599) / 600 * 600;
}

const char *insights_chart_title(ChartId chart)
{
    switch (chart) {
    case CHART_CLOSENESS: return "Closeness";
    case CHART_COMFORT: return "Comfort";
    case CHART_PAIN: return "Pain";
    case CHART_PAUSES: return "Pauses per session";
    case CHART_BREATHING: return "Minutes of breathing";
    case CHART_COUNT: break;
    }
    return "";
}

void insights_value_text(ChartId chart, int tenths, char *out, size_t size)
{
    if (chart == CHART_BREATHING)
        snprintf(out, size, "%d", tenths / 10);
    else
        tenths_text(tenths, out, size);
}

void insights_chart_summary(const Insights *in, ChartId chart, char *out, size_t size)
{
    char v[16];
    switch (chart) {
    case CHART_CLOSENESS:
    case CHART_COMFORT:
    case CHART_PAIN: {
        InsightsMean m = total_mean(in, chart);
        if (m.n == 0) {
            snprintf(out, size, "Not rated in these weeks");
            return;
        }
        insights_mean_text(m, v, sizeof v);
        snprintf(out, size, "%s of %d on average · from %d entr%s", v, chart == CHART_PAIN ? 10 : 5,
                 m.n, m.n == 1 ? "y" : "ies");
        return;
    }
    case CHART_PAUSES: {
        if (in->sessions == 0) {
            snprintf(out, size, "No signal sessions in these weeks");
            return;
        }
        InsightsMean m = {in->sessions, (double)in->pauses};
        insights_mean_text(m, v, sizeof v);
        snprintf(out, size, "%s on average · over %d signal session%s", v, in->sessions,
                 in->sessions == 1 ? "" : "s");
        return;
    }
    case CHART_BREATHING:
        if (in->breathing == 0) {
            snprintf(out, size, "No breathing sessions in these weeks");
            return;
        }
        snprintf(out, size, "%d minutes in all · over %d session%s", (in->breathing_s + 30) / 60,
                 in->breathing, in->breathing == 1 ? "" : "s");
        return;
    case CHART_COUNT: break;
    }
    out[0] = '\0';
}

/* ---- the screen ---- */

static void load(App *app)
{
    JournalState *js = &app->journal;
    if (js->insights_valid)
        return;
    js->insights_valid = 1;
    const JournalHost *h = &app->host.journal;
    Insights *in = &js->insights;
    memset(in, 0, sizeof *in);
    in->weeks = js->insights_weeks;
    in->utc_offset_s = app->time.utc_offset_s;
    insights_period(in->weeks, app->time.wall_ms, app->time.utc_offset_s, &in->from_ms, &in->to_ms);
    for (int w = 0; w < in->weeks; w++)
        in->week[w].start_ms = in->from_ms + (int64_t)w * 7 * DAY_MS;
    if (h->insights &&
        h->insights(app->host.ctx, js->insights_weeks, app->time.wall_ms, app->time.utc_offset_s,
                    in) != 0) {
        memset(in, 0, sizeof *in);
        in->weeks = 0;
    }
}

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
    int below = one_line ? 0
                         : journal_parts(app, figures, " · ", rect_make(r.x, r.y + lh, r.w, 0),
                                         m->text_small, t->text_dim, 0);
    (void)sh;
    int h = (one_line ? lh : lh + below) + m->gap / 2;
    if (!draw)
        return h;
    char fit[256];
    journal_fit_line(ui, label, r.w, m->text, fit, sizeof fit);
    ui_text(ui, fit, rect_make(r.x, r.y, one_line ? lw : r.w, lh), m->text, t->text, ALIGN_LEFT);
    if (one_line)
        ui_text(ui, figures, rect_make(r.x + r.w - fw, r.y + (lh - sh) / 2, fw, sh), m->text_small,
                t->text_dim, ALIGN_RIGHT);
    else
        journal_parts(app, figures, " · ", rect_make(r.x, r.y + lh, r.w, 0), m->text_small,
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
    const char *intro = list == WORDS_TRIED
                            ? "How often you tried each, and how it felt on average: comfort from 1 "
                              "to 5, pain from 0 to 10."
                            : "How often each came up as something that helped.";
    y += text_block(app, intro, rect_make(r.x, y, r.w, r.h), m->text_small, t->text_dim, draw) +
         m->gap / 2;
    if (count == 0) {
        y += text_block(app, "Nothing yet in these weeks.", rect_make(r.x, y, r.w, r.h), m->text,
                        t->text_dim, draw);
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
    int th = m->text_min * 27 / 20;
    ui_text(ui, insights_chart_title(id), rect_make(r.x, r.y, r.w, lh), m->text, t->text, ALIGN_LEFT);
    char summary[160];
    insights_chart_summary(in, id, summary, sizeof summary);
    int sh = journal_parts(app, summary, " · ", rect_make(r.x, r.y + lh, r.w, 0), m->text_small,
                           t->text_dim, 1);

    int top = insights_chart_top(in, id);
    char top_text[16];
    insights_value_text(id, top, top_text, sizeof top_text);
    int axis_w = ui_measure(ui, top_text, m->text_min) + m->gap / 2;
    int zero_w = ui_measure(ui, "0", m->text_min) + m->gap / 2;
    axis_w = axis_w > zero_w ? axis_w : zero_w;
    int n = in->weeks > 0 ? in->weeks : 1;
    int values = n <= 6; /* a value over each bar only while they are few */
    Rect plot = rect_make(r.x + axis_w, r.y + lh + sh + m->gap / 2 + (values ? th : th / 2),
                          r.w - axis_w, 0);
    plot.h = r.y + r.h - th - m->gap / 2 - plot.y;
    if (plot.h < m->text_min)
        return;
    Color axis = color_alpha(t->text_dim, 160);
    ui_rect(ui, rect_make(plot.x, plot.y + plot.h - 1, plot.w, 2), axis, 0);
    ui_rect(ui, rect_make(plot.x, plot.y, plot.w, 1), color_alpha(t->frame, 200), 0);
    ui_text(ui, top_text, rect_make(r.x, plot.y - th / 2, axis_w - m->gap / 2, th), m->text_min,
            t->text_dim, ALIGN_RIGHT);
    ui_text(ui, "0", rect_make(r.x, plot.y + plot.h - th / 2, axis_w - m->gap / 2, th), m->text_min,
            t->text_dim, ALIGN_RIGHT);

    int slot = plot.w / n;
    int bar_w = slot * 3 / 5 > 2 ? slot * 3 / 5 : 2;
    char label[32];
    int label_w = 0;
    for (int w = 0; w < in->weeks; w++) {
        insights_week_label(in, w, label, sizeof label);
        int lw = ui_measure(ui, label, m->text_min) + m->gap / 2;
        label_w = lw > label_w ? lw : label_w;
    }
    int step = slot > 0 ? (label_w + slot - 1) / slot : n;
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
                        m->text_min, t->text, ALIGN_CENTER);
            }
        } else if (values) {
            ui_text(ui, "–", rect_make(plot.x + w * slot, plot.y + plot.h - th, slot, th), m->text_min,
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
            ui_text(ui, label, rect_make(cx, plot.y + plot.h + m->gap / 4, cw, th), m->text_min,
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
    y += journal_parts(app, line, " · ", r, m->text_small, t->text_dim, draw) + m->gap;
    r.y = y;
    switch (js->insights_page) {
    case 0:
        y += chip_rows(app, WORDS_TRIED, in->tried, in->tried_count, 1, r, draw);
        break;
    case 1:
        y += chip_rows(app, WORDS_HELPED, in->helped, in->helped_count, 0, r, draw);
        break;
    default: {
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
    load(app);

    Rect area = app_header(app, "Insights");
    JournalButton b[5] = {
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
    int row_h = journal_button_flow_height(app, col_w, b, 1, &st, 1);
    int column_h = 5 * row_h + 3 * (m->gap / 2) + m->gap;
    if (!m->portrait && column_h <= area.h && area.w - col_w - m->gap >= m->unit * 6) {
        Rect col = rect_make(area.x, area.y, col_w, 0);
        int used = journal_button_flow(app, col, b, 2, &tapped, &st, 1);
        col.y += used + m->gap;
        journal_button_flow(app, col, b + 2, 3, &tab, &st, 1);
        area.x += col_w + m->gap;
        area.w -= col_w + m->gap;
    } else {
        int used = journal_button_flow(app, rect_make(area.x, area.y, area.w, 0), b, 5, &tapped, &st, 1);
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
    journal_scroll_arrows(app, sc, rect_make(area.x + area.w - m->unit, area.y, m->unit, area.h),
                          sc->offset > 0, sc->offset < sc->content_h - sc->view.h);
}
