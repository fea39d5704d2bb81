/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The insights' arithmetic: a period's totals, the chips that helped, the weekly
 * means and the charts' series, and the words that describe them. Pure. */
#ifndef LULL_INSIGHTS_H
#define LULL_INSIGHTS_H

#include <stddef.h>
#include <stdint.h>

#include "lull/journal_words.h"

enum { INSIGHTS_WEEKS_MAX = 520, INSIGHTS_CHIPS_MAX = 48 };

typedef struct {
    int n;
    double sum;
} InsightsMean;

typedef struct {
    char id[WORD_ID_MAX];
    int count;
    InsightsMean comfort, pain; /* over the entries with that chip that rated it */
} InsightsChip;

typedef struct {
    int64_t start_ms; /* local midnight at the start of the week, Unix ms */
    int entries;
    InsightsMean closeness, comfort, pain;
    int sessions, pauses; /* signal sessions started that week, and their pauses */
    int breathing;        /* breathing sessions */
    int breathing_s;      /* seconds actually breathed */
} InsightsWeek;

typedef struct {
    int weeks;
    int64_t from_ms, to_ms; /* [from, to): local midnights, to = the end of today */
    int32_t utc_offset_s;
    int entries, sessions, pauses, breathing, breathing_s;
    InsightsChip tried[INSIGHTS_CHIPS_MAX];
    int tried_count; /* most often first, then by id */
    InsightsChip helped[INSIGHTS_CHIPS_MAX];
    int helped_count;
    InsightsWeek week[INSIGHTS_WEEKS_MAX]; /* oldest first */
} Insights;

/* The period: weeks whole weeks of local days ending with today. */
void insights_period(int weeks, int64_t now_ms, int32_t utc_offset_s, int64_t *from_ms,
                     int64_t *to_ms);
/* A mean rounded to one decimal, as text ("3.8"); "" when nothing was rated. */
void insights_mean_text(InsightsMean mean, char *out, size_t size);
/* The same figure as a number of tenths (38 for 3.8); -1 when nothing was rated. */
int insights_mean_tenths(InsightsMean mean);
/* One chip's figures in plain words: "5 times · comfort 3.8 · pain 2.4"
 * (with_ratings 0: "4 times"). Shared by the screen and `lull insights`. */
void insights_chip_text(const InsightsChip *chip, int with_ratings, char *out, size_t size);
/* The period in words: "9 December to 5 January". */
void insights_period_text(const Insights *in, char *out, size_t size);
/* The overview: "9 entries · 7 signal sessions · 5 breathing sessions". */
void insights_totals_text(const Insights *in, char *out, size_t size);
/* A week's label on a chart: "9 Dec". */
void insights_week_label(const Insights *in, int week, char *out, size_t size);

typedef enum {
    CHART_CLOSENESS,
    CHART_COMFORT,
    CHART_PAIN,
    CHART_PAUSES,
    CHART_BREATHING,
    CHART_COUNT
} ChartId;

/* A weekly series: the value of week w in tenths (-1: nothing that week),
 * the scale's top in tenths, and the chart's title and one-line summary. */
int insights_chart_value(const Insights *in, ChartId chart, int week);
int insights_chart_top(const Insights *in, ChartId chart);
const char *insights_chart_title(ChartId chart);
void insights_chart_summary(const Insights *in, ChartId chart, char *out, size_t size);
/* A value in tenths as the chart and `lull insights` show it ("3.5", "12"). */
void insights_value_text(ChartId chart, int tenths, char *out, size_t size);

#endif
