/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The insights arithmetic and its words: the period, the means, each chip's
 * figures and the weekly series. The screen and `lull insights` both use these,
 * so they always agree. */
#include "lull/insights.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

enum { DAY_MS = 86400 * 1000 };

void insights_period(int weeks, int64_t now_ms, int32_t utc_offset_s, int64_t *from_ms,
                     int64_t *to_ms)
{
    int64_t local_ms = now_ms + (int64_t)utc_offset_s * 1000;
    int64_t end_local = (calendar_floor_div(local_ms, DAY_MS) + 1) * DAY_MS;
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

void insights_period_text(const Insights *in, char *out, size_t size)
{
    CivilTime a = calendar_local(in->from_ms, in->utc_offset_s);
    CivilTime b = calendar_local(in->to_ms - DAY_MS, in->utc_offset_s);
    if (a.year == b.year)
        snprintf(out, size, "%d %s to %d %s", a.day, calendar_month_name(a.month), b.day,
                 calendar_month_name(b.month));
    else
        snprintf(out, size, "%d %s %d to %d %s %d", a.day, calendar_month_name(a.month), a.year,
                 b.day, calendar_month_name(b.month), b.year);
}

void insights_totals_text(const Insights *in, char *out, size_t size)
{
    snprintf(out, size, "%d entr%s · %d signal session%s · %d breathing session%s", in->entries,
             in->entries == 1 ? "y" : "ies", in->sessions, in->sessions == 1 ? "" : "s",
             in->breathing, in->breathing == 1 ? "" : "s");
}

void insights_week_label(const Insights *in, int week, char *out, size_t size)
{
    CivilTime c = calendar_local(in->week[week].start_ms, in->utc_offset_s);
    snprintf(out, size, "%d %.3s", c.day, calendar_month_name(c.month));
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
    case CHART_CLOSENESS:
        return insights_mean_tenths(wk->closeness);
    case CHART_COMFORT:
        return insights_mean_tenths(wk->comfort);
    case CHART_PAIN:
        return insights_mean_tenths(wk->pain);
    case CHART_PAUSES:
        if (wk->sessions <= 0)
            return -1;
        return (wk->pauses * 20 + wk->sessions) / (2 * wk->sessions); /* tenths, rounded */
    case CHART_BREATHING:
        return (wk->breathing_s + 30) / 60 * 10;
    case CHART_COUNT:
        break;
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
    case CHART_CLOSENESS:
        return "Closeness";
    case CHART_COMFORT:
        return "Comfort";
    case CHART_PAIN:
        return "Pain";
    case CHART_PAUSES:
        return "Pauses per session";
    case CHART_BREATHING:
        return "Minutes of breathing";
    case CHART_COUNT:
        break;
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
    case CHART_COUNT:
        break;
    }
    out[0] = '\0';
}
