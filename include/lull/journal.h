/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The shared journal: the timeline, entries, the chip vocabularies, insights
 * and the PIN's rules. Plain data shared by the core and the store, and the
 * pure helpers both use. No SDL, no clock, no I/O; the App's journal state is
 * in lull/app.h. */
#ifndef LULL_JOURNAL_H
#define LULL_JOURNAL_H

#include <stddef.h>
#include <stdint.h>

#include "lull/event.h"
#include "lull/setting_keys.h"
#include "lull/status.h"

/* ---- the timeline ---- */

/* Sorted newest first by (time, kind, id): a session before a breathing
 * session before an entry when they share a millisecond. */
typedef enum { JOURNAL_ITEM_SESSION, JOURNAL_ITEM_BREATHING, JOURNAL_ITEM_ENTRY } JournalItemKind;

/* A position in the timeline, for paging by key (never by offset). */
typedef struct {
    int64_t time_ms;
    int kind; /* JournalItemKind */
    int64_t id;
} JournalKey;

typedef struct {
    JournalItemKind kind;
    int64_t id;      /* the session's id (sessions), else the event's */
    int64_t time_ms; /* when it started (sessions) or was written */
    int32_t utc_offset_s;
    int64_t end_ms; /* sessions: when it ended, or its last event */
    int signals;    /* sessions: signals sent, not counting pause/ready/resume/stop */
    int pauses;     /* sessions: pauses */
    LogEvent ev;    /* breathing sessions and entries: the logged event */
} JournalItem;

JournalKey journal_item_key(const JournalItem *item);
/* -1, 0, 1 in timeline order (-1: a comes first, i.e. is newer). */
int journal_key_compare(const JournalKey *a, const JournalKey *b);

/* ---- the chip vocabularies ---- */

typedef enum { WORDS_TRIED, WORDS_HELPED, WORDS_NEXT, WORDS_LIST_COUNT } WordsList;

enum {
    WORDS_MAX = 16,      /* chips per list */
    WORD_ID_MAX = 32,    /* a stable snake_case id, ASCII */
    WORD_LABEL_MAX = 48, /* what the chip shows, UTF-8 */
    WORD_LABEL_CHARS = 24,
    WORDS_SETTING_MAX = 2048, /* one list as stored in a setting */
};

typedef struct {
    char id[WORD_ID_MAX];
    char label[WORD_LABEL_MAX];
    int hidden; /* kept for old entries and exports, not offered on new ones */
} JournalWord;

typedef struct {
    JournalWord words[WORDS_LIST_COUNT][WORDS_MAX];
    int count[WORDS_LIST_COUNT];
} JournalWords;

/* DESIGN.md's vocabularies. */
void words_defaults(JournalWords *words);
/* The setting that keeps a list: KEY_WORDS_TRIED, _HELPED or _NEXT. */
SettingKey words_setting_key(WordsList list);
/* A list as a setting: "id=Label" lines, a leading '-' for a hidden word. */
void words_format(const JournalWords *words, WordsList list, char *out, size_t size);
/* Replaces a list from its setting; returns -1 (list unchanged) on nonsense. */
int words_parse(JournalWords *words, WordsList list, const char *text);
/* The label of an id in a list; an unknown id (a word removed since) is shown
 * as itself with spaces for underscores, written into fallback. */
const char *words_label(const JournalWords *words, WordsList list, const char *id, char *fallback,
                        size_t size);
/* A new word: its id made from the label (ASCII letters and digits, '_'),
 * unique in the list. Returns its index, or -1 when the list is full or the
 * label is empty. */
int words_add(JournalWords *words, WordsList list, const char *label);

/* Chip lists as stored in an entry: ids joined with ';'. */
int chips_has(const char *joined, const char *id);
/* Adds id when absent, removes it when present; keeps the vocabulary's order
 * when order is given (NULL: appends). */
void chips_toggle(char *joined, size_t size, const char *id, const JournalWord *order, int count);
/* Labels of a joined list, ", "-separated, into out. */
void chips_labels(const JournalWords *words, WordsList list, const char *joined, char *out,
                  size_t size);

/* ---- insights ---- */

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

/* ---- the PIN ---- */

enum { PIN_MIN_DIGITS = 4, PIN_MAX_DIGITS = 6, PIN_FREE_ATTEMPTS = 3 };

/* How long to wait after this many wrong attempts in a row (ms): none for the
 * first few, then growing, never more than a quarter of an hour. */
int64_t pin_wait_ms(int failures);
/* 1 when text is 4 to 6 ASCII digits. */
int pin_valid(const char *text);

/* ---- the store, as the core reaches it ---- */

/* The journal's side of AppHost (lull/app.h); ctx is AppHost.ctx. Each
 * returns 0 or a StoreStatus; a NULL callback means "no store" and the
 * screens say so. */
typedef struct {
    int (*setting_get)(void *ctx, const char *key, char *out, size_t size);
    /* Up to max items after from (NULL: from the newest), newest first; newer
     * 1: the items just before from instead (still newest first). */
    int (*timeline_page)(void *ctx, const JournalKey *from, int newer, JournalItem *out, int max,
                         int *count);
    /* A signal session's summary (session 0: the latest one). */
    int (*session_item)(void *ctx, int64_t session, JournalItem *out);
    /* Saves an entry durably: a new one (ev->id == 0, id set) or an edit. */
    int (*entry_save)(void *ctx, LogEvent *ev);
    int (*event_delete)(void *ctx, int64_t id, int64_t time_ms);
    int (*event_undelete)(void *ctx, int64_t id);
    int (*insights)(void *ctx, int weeks, int64_t now_ms, int32_t utc_offset_s, Insights *out);
    /* Writes the CSV and JSON exports; where says, in words, where they went. */
    int (*export_files)(void *ctx, int64_t now_ms, int32_t utc_offset_s, char *where, size_t size);
    /* 1 when a PIN is set, 0 when not, negative when it cannot be told. */
    int (*pin_state)(void *ctx);
    /* Stores the PIN's Argon2id hash ("" removes the PIN). */
    int (*pin_set)(void *ctx, const char *pin);
    /* 0: it matches; 1: it does not; else a StoreStatus. */
    int (*pin_verify)(void *ctx, const char *pin);
} JournalHost;

enum {
    JOURNAL_WINDOW = 48, /* timeline items held at once; the rest stay in the store */
    JOURNAL_PAGE = 16,
    JOURNAL_NOTE_CHARS = 500,
    JOURNAL_MESSAGE_MAX = 1200,
};

#endif
