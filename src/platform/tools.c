/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `lull insights` and `lull seed-demo`: the journal's command-line tools. The
 * insights' words come from the same helpers the Insights screen uses. */
#include "tools.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "clock.h"
#include "defaults_files.h"
#include "lull/journal.h"
#include "lull/setting_keys.h"
#include "lull/store.h"
#include "paths.h"

Store *tools_open_store(const CliOptions *opts, int must_exist)
{
    char path[1024], err[512];
    StoreStatus status;
    if (paths_journal(opts->db_path, path, sizeof path, err, sizeof err) != 0) {
        fprintf(stderr, "lull: %s\n", err);
        return NULL;
    }
    struct stat st;
    if (must_exist && stat(path, &st) != 0) {
        /* A mistyped path is said, and nothing is made there. */
        fprintf(stderr, "lull: there is no journal at %s\n", path);
        return NULL;
    }
    /* The tools that read do so beside a running Lull; the one that writes
     * (seed-demo) needs the journal to itself, as the kiosk does. */
    StoreOptions options = {0};
    options.reading = must_exist;
    Store *store = store_open_with(path, &options, &status, err, sizeof err);
    if (!store && status == STORE_IN_USE)
        fprintf(stderr, "lull: another Lull is using the journal %s; close it first\n", path);
    else if (!store)
        fprintf(stderr, "lull: cannot open %s: %s\n", path, err);
    return store;
}

/* --now, else the clock, corrected as the app corrects it when the device's
 * clock was set by hand in Lull. */
static void tools_now(const CliOptions *opts, Store *store, int64_t *now_ms, int32_t *offset)
{
    if (opts->now[0]) {
        Clock c;
        memset(&c, 0, sizeof c);
        if (clock_init(&c, opts->now) == 0) {
            AppTime t = clock_now(&c);
            *now_ms = t.wall_ms;
            *offset = t.utc_offset_s;
            return;
        }
    }
    char value[32];
    int64_t correction = 0;
    if (store_setting_get(store, setting_key(KEY_CLOCK_OFFSET), value, sizeof value) == STORE_OK)
        correction = strtoll(value, NULL, 10);
    *now_ms = clock_system_ms() + correction;
    *offset = clock_local_offset(*now_ms / 1000);
}

static void load_words(Store *store, JournalWords *words)
{
    char value[WORDS_SETTING_MAX];
    Defaults defaults;
    defaults_files_load(&defaults, NULL, 0);
    *words = defaults.words;
    for (int l = 0; l < WORDS_LIST_COUNT; l++)
        if (store_setting_get(store, setting_key(words_setting_key((WordsList)l)), value,
                              sizeof value) == STORE_OK)
            words_parse(words, (WordsList)l, value);
}

static void print_json_string(const char *text)
{
    char buf[512];
    if (export_json_string(text, buf, sizeof buf) < 0)
        snprintf(buf, sizeof buf, "\"\"");
    fputs(buf, stdout);
}

static void print_date(int64_t ms, int32_t offset)
{
    CivilTime c = civil_from_unix(ms / 1000 + offset);
    printf("\"%04d-%02d-%02d\"", c.year, c.month, c.day);
}

/* A figure in tenths as a JSON number, or null. */
static void print_tenths(ChartId chart, int tenths)
{
    char text[16];
    if (tenths < 0) {
        fputs("null", stdout);
        return;
    }
    insights_value_text(chart, tenths, text, sizeof text);
    fputs(text, stdout);
}

static void print_chips_json(const JournalWords *words, WordsList list, const InsightsChip *chips,
                             int count, int ratings)
{
    fputs("[", stdout);
    for (int i = 0; i < count; i++) {
        char fallback[64];
        const char *label = words_label(words, list, chips[i].id, fallback, sizeof fallback);
        fputs(i ? ",\n    {\"id\": " : "\n    {\"id\": ", stdout);
        print_json_string(chips[i].id);
        fputs(", \"label\": ", stdout);
        print_json_string(label);
        printf(", \"times\": %d", chips[i].count);
        if (ratings) {
            fputs(", \"comfort\": ", stdout);
            print_tenths(CHART_COMFORT, insights_mean_tenths(chips[i].comfort));
            fputs(", \"pain\": ", stdout);
            print_tenths(CHART_PAIN, insights_mean_tenths(chips[i].pain));
        }
        fputs("}", stdout);
    }
    fputs(count ? "\n  ]" : "]", stdout);
}

static void print_json(const Insights *in, const JournalWords *words)
{
    static const char *const keys[CHART_COUNT] = {"closeness", "comfort", "pain",
                                                  "pauses_per_session", "breathing_minutes"};
    printf("{\n  \"weeks\": %d,\n  \"from\": ", in->weeks);
    print_date(in->from_ms, in->utc_offset_s);
    fputs(",\n  \"to\": ", stdout);
    print_date(in->to_ms - 86400000, in->utc_offset_s);
    printf(",\n  \"entries\": %d,\n  \"signal_sessions\": %d,\n  \"pauses\": %d,\n"
           "  \"breathing_sessions\": %d,\n  \"breathing_minutes\": %d,\n",
           in->entries, in->sessions, in->pauses, in->breathing, (in->breathing_s + 30) / 60);
    fputs("  \"tried\": ", stdout);
    print_chips_json(words, WORDS_TRIED, in->tried, in->tried_count, 1);
    fputs(",\n  \"helped\": ", stdout);
    print_chips_json(words, WORDS_HELPED, in->helped, in->helped_count, 0);
    fputs(",\n  \"weekly\": [", stdout);
    for (int w = 0; w < in->weeks; w++) {
        fputs(w ? ",\n    {\"week_of\": " : "\n    {\"week_of\": ", stdout);
        print_date(in->week[w].start_ms, in->utc_offset_s);
        printf(", \"entries\": %d, \"signal_sessions\": %d, \"breathing_sessions\": %d",
               in->week[w].entries, in->week[w].sessions, in->week[w].breathing);
        for (int c = 0; c < CHART_COUNT; c++) {
            printf(", \"%s\": ", keys[c]);
            print_tenths((ChartId)c, insights_chart_value(in, (ChartId)c, w));
        }
        fputs("}", stdout);
    }
    fputs("\n  ]\n}\n", stdout);
}

static void print_text(const Insights *in, const JournalWords *words)
{
    char line[512];
    insights_period_text(in, line, sizeof line);
    printf("Insights for the last %d week%s: %s\n", in->weeks, in->weeks == 1 ? "" : "s", line);
    insights_totals_text(in, line, sizeof line);
    printf("%s\n\nWhat we tried\n", line);
    if (in->tried_count == 0)
        printf("  Nothing yet in these weeks.\n");
    for (int i = 0; i < in->tried_count; i++) {
        char fallback[64];
        insights_chip_text(&in->tried[i], 1, line, sizeof line);
        printf("  %s: %s\n",
               words_label(words, WORDS_TRIED, in->tried[i].id, fallback, sizeof fallback), line);
    }
    printf("\nWhat helped\n");
    if (in->helped_count == 0)
        printf("  Nothing yet in these weeks.\n");
    for (int i = 0; i < in->helped_count; i++) {
        char fallback[64];
        insights_chip_text(&in->helped[i], 0, line, sizeof line);
        printf("  %s: %s\n",
               words_label(words, WORDS_HELPED, in->helped[i].id, fallback, sizeof fallback), line);
    }
    printf("\nWeek by week\n");
    for (int c = 0; c < CHART_COUNT; c++) {
        insights_chart_summary(in, (ChartId)c, line, sizeof line);
        printf("  %s: %s\n", insights_chart_title((ChartId)c), line);
    }
    printf("\n  %-8s", "Week of");
    static const char *const heads[CHART_COUNT] = {"Closeness", "Comfort", "Pain", "Pauses",
                                                   "Breathing min"};
    for (int c = 0; c < CHART_COUNT; c++)
        printf("  %*s", c == CHART_BREATHING ? 13 : 9, heads[c]);
    printf("\n");
    for (int w = 0; w < in->weeks; w++) {
        char label[32];
        insights_week_label(in, w, label, sizeof label);
        printf("  %-8s", label);
        for (int c = 0; c < CHART_COUNT; c++) {
            char v[16] = "-";
            int tenths = insights_chart_value(in, (ChartId)c, w);
            if (tenths >= 0)
                insights_value_text((ChartId)c, tenths, v, sizeof v);
            printf("  %*s", c == CHART_BREATHING ? 13 : 9, v);
        }
        printf("\n");
    }
}

int tools_insights(const CliOptions *opts)
{
    Store *store = tools_open_store(opts, 1);
    if (!store)
        return 2;
    int64_t now_ms;
    int32_t offset;
    tools_now(opts, store, &now_ms, &offset);
    Insights *in = calloc(1, sizeof *in);
    JournalWords *words = calloc(1, sizeof *words);
    int result = 0;
    if (!in || !words) {
        fprintf(stderr, "lull: out of memory\n");
        result = 2;
    } else if (store_insights(store, opts->weeks, now_ms, offset, in) != STORE_OK) {
        fprintf(stderr, "lull: insights: %s\n", store_error(store));
        result = 1;
    } else {
        load_words(store, words);
        if (strcmp(opts->format, "json") == 0)
            print_json(in, words);
        else
            print_text(in, words);
        if (fflush(stdout) != 0)
            result = 1;
    }
    free(words);
    free(in);
    store_close(store);
    return result;
}

int tools_seed_demo(const CliOptions *opts)
{
    Store *store = tools_open_store(opts, 0);
    if (!store)
        return 2;
    SeedOptions o;
    memset(&o, 0, sizeof o);
    o.weeks = opts->weeks;
    o.seed = opts->seed;
    tools_now(opts, store, &o.now_ms, &o.utc_offset_s);
    o.offset_at = clock_local_offset;
    char first[64] = "Alex", second[64] = "Sam";
    if (store_setting_get(store, setting_key(KEY_PARTNER_FIRST), first, sizeof first) != STORE_OK ||
        !first[0])
        snprintf(first, sizeof first, "Alex");
    if (store_setting_get(store, setting_key(KEY_PARTNER_SECOND), second, sizeof second) !=
            STORE_OK ||
        !second[0])
        snprintf(second, sizeof second, "Sam");
    o.first = first;
    o.second = second;
    int64_t written = 0;
    StoreStatus status = store_seed_demo(store, &o, &written);
    int result = 0;
    if (status != STORE_OK) {
        fprintf(stderr, "lull: seed-demo: %s\n", store_error(store));
        result = 1;
    } else {
        printf("lull: wrote %lld events over %d weeks (seed %u) into %s\n", (long long)written,
               o.weeks, o.seed, store_path(store));
    }
    store_close(store);
    return result;
}
