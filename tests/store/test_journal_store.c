/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The journal's store on real temporary files: the timeline paged by key
 * (order, ties, deletes, both directions, and a page's cost not growing with
 * ten thousand items), session summaries, entry edits, the insights'
 * arithmetic against hand-computed figures, the PIN's hash, and seed-demo. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../src/store/store_internal.h"
#include "fakes.h"
#include "lull/store.h"

static int setup(void **state)
{
    char *path = calloc(1, 512);
    if (!path)
        return -1;
    fake_temp_path("journal.db", path, 512);
    *state = path;
    return 0;
}

static int teardown(void **state)
{
    char *path = *state;
    char name[600];
    const char *suffix[] = {"", "-wal", "-shm", "-journal"};
    for (int i = 0; i < 4; i++) {
        snprintf(name, sizeof name, "%s%s", path, suffix[i]);
        unlink(name);
    }
    free(path);
    return 0;
}

static Store *open_store(const char *path)
{
    StoreStatus status;
    char err[256];
    Store *s = store_open(path, &status, err, sizeof err);
    if (!s)
        fail_msg("store_open: %s", err);
    return s;
}

/* 2025-12-23 00:00 UTC, and minutes/days from it. */
static const int64_t T0 = 1766448000000;
enum { MIN_MS = 60000, DAY = 86400000 };

static int64_t at(int day, int hour, int minute)
{
    return T0 + (int64_t)day * DAY + (int64_t)hour * 3600000 + (int64_t)minute * MIN_MS;
}

static int64_t log_signal(Store *s, int64_t t, int64_t session, const char *name)
{
    LogEvent ev;
    event_init(&ev, EVENT_SIGNAL);
    ev.time_ms = t;
    ev.partner = 1;
    snprintf(ev.partner_name, sizeof ev.partner_name, "Alex");
    snprintf(ev.name, sizeof ev.name, "%s", name);
    snprintf(ev.label, sizeof ev.label, "%s", name);
    ev.session = session;
    assert_int_equal(store_log(s, &ev), STORE_OK);
    return ev.id;
}

/* A session with these signals one minute apart, ended at the last. */
static int64_t session(Store *s, int64_t start, const char *const *names, int n)
{
    int64_t id = 0;
    assert_int_equal(store_session_begin(s, start, 0, &id), STORE_OK);
    for (int i = 0; i < n; i++)
        log_signal(s, start + (int64_t)i * MIN_MS, id, names[i]);
    assert_int_equal(store_session_end(s, id, start + (int64_t)(n - 1) * MIN_MS), STORE_OK);
    return id;
}

static int64_t breathing(Store *s, int64_t t, int actual_s)
{
    LogEvent ev;
    event_init(&ev, EVENT_BREATHING);
    ev.time_ms = t;
    ev.partner = 3;
    snprintf(ev.partner_name, sizeof ev.partner_name, "both");
    snprintf(ev.name, sizeof ev.name, "calm_5_5");
    snprintf(ev.label, sizeof ev.label, "Calm 5·5");
    ev.planned_s = 600;
    ev.actual_s = actual_s;
    assert_int_equal(store_log(s, &ev), STORE_OK);
    return ev.id;
}

static int64_t entry(Store *s, int64_t t, int closeness, int comfort, int pain, const char *tried,
                     const char *helped)
{
    LogEvent ev;
    event_init(&ev, EVENT_ENTRY);
    ev.time_ms = t;
    ev.partner = 3;
    snprintf(ev.partner_name, sizeof ev.partner_name, "both");
    snprintf(ev.name, sizeof ev.name, "entry");
    snprintf(ev.label, sizeof ev.label, "Journal entry");
    ev.closeness = closeness;
    ev.comfort = comfort;
    ev.pain = pain;
    snprintf(ev.tried, sizeof ev.tried, "%s", tried);
    snprintf(ev.helped, sizeof ev.helped, "%s", helped);
    assert_int_equal(store_log(s, &ev), STORE_OK);
    return ev.id;
}

static int walk(Store *s, int page, int newer, const JournalKey *from, JournalKey *keys, int max)
{
    JournalItem *items = calloc((size_t)page, sizeof *items);
    int total = 0;
    JournalKey cursor;
    const JournalKey *k = from;
    for (;;) {
        int n = -1;
        assert_int_equal(store_timeline_page(s, k, newer, TIMELINE_ALL, items, page, &n), STORE_OK);
        assert_true(n >= 0 && n <= page);
        if (n == 0)
            break;
        for (int i = 0; i < n; i++) {
            assert_true(total < max);
            /* newer pages come newest first: walk them from their end */
            keys[total++] = journal_item_key(&items[newer ? n - 1 - i : i]);
        }
        cursor = journal_item_key(&items[newer ? 0 : n - 1]);
        k = &cursor;
    }
    free(items);
    return total;
}

static void test_timeline_order_ties_and_deletes(void **state)
{
    Store *s = open_store(*state);
    static const char *const evening[] = {"good",  "slower", "pause", "ready",
                                          "ready", "resume", "pause", "stop"};
    int64_t s1 = session(s, at(1, 20, 0), evening, 8);
    int64_t b1 = breathing(s, at(1, 20, 0), 600); /* the same millisecond as s1 */
    int64_t e1 = entry(s, at(1, 20, 0), 3, 4, 2, "massage", "");
    int64_t e2 = entry(s, at(1, 20, 0), 3, 4, 2, "holding", ""); /* same time, higher id */
    int64_t e3 = entry(s, at(2, 9, 0), -1, -1, -1, "", "");
    int64_t gone = entry(s, at(2, 10, 0), -1, -1, -1, "", "");
    int64_t b2 = breathing(s, at(0, 8, 0), 300);
    assert_int_equal(store_event_delete(s, gone, at(3, 0, 0)), STORE_OK);
    /* A session whose only signal was deleted is not on the timeline. */
    static const char *const one[] = {"good"};
    int64_t empty = session(s, at(2, 11, 0), one, 1);
    JournalItem probe;
    assert_int_equal(store_session_item(s, empty, &probe), STORE_OK);
    LogEvent ev;
    int64_t empty_signal = 0;
    for (int64_t id = 1; id < 100 && !empty_signal; id++)
        if (store_event_get(s, id, &ev) == STORE_OK && ev.session == empty)
            empty_signal = id;
    assert_int_equal(store_event_delete(s, empty_signal, at(3, 0, 0)), STORE_OK);

    JournalKey want[] = {
        {at(2, 9, 0), JOURNAL_ITEM_ENTRY, e3},    {at(1, 20, 0), JOURNAL_ITEM_ENTRY, e2},
        {at(1, 20, 0), JOURNAL_ITEM_ENTRY, e1},   {at(1, 20, 0), JOURNAL_ITEM_BREATHING, b1},
        {at(1, 20, 0), JOURNAL_ITEM_SESSION, s1}, {at(0, 8, 0), JOURNAL_ITEM_BREATHING, b2},
    };
    int n = (int)(sizeof want / sizeof want[0]);
    for (int page = 1; page <= 7; page++) {
        JournalKey got[16];
        assert_int_equal(walk(s, page, 0, NULL, got, 16), n);
        for (int i = 0; i < n; i++) {
            assert_int_equal(got[i].kind, want[i].kind);
            assert_int_equal(got[i].id, want[i].id);
            assert_int_equal(got[i].time_ms, want[i].time_ms);
        }
        /* And back up from the oldest: the same items, newest first again. */
        JournalKey back[16];
        assert_int_equal(walk(s, page, 1, &want[n - 1], back, 16), n - 1);
        for (int i = 0; i < n - 1; i++)
            assert_int_equal(back[i].id, want[n - 2 - i].id);
    }

    /* Of some kinds only: the entries, newest first, either way; breathing and
     * the sessions together. */
    JournalItem items[8];
    int got = 0;
    assert_int_equal(store_timeline_page(s, NULL, 0, TIMELINE_ENTRIES, items, 8, &got), STORE_OK);
    assert_int_equal(got, 3);
    assert_int_equal(items[0].id, e3);
    assert_int_equal(items[1].id, e2);
    assert_int_equal(items[2].id, e1);
    JournalKey oldest = {at(0, 8, 0), JOURNAL_ITEM_BREATHING, b2};
    assert_int_equal(store_timeline_page(s, &oldest, 1, TIMELINE_ENTRIES, items, 8, &got),
                     STORE_OK);
    assert_int_equal(got, 3);
    assert_int_equal(items[0].id, e3);
    assert_int_equal(store_timeline_page(s, NULL, 0, TIMELINE_SESSIONS | TIMELINE_BREATHING, items,
                                         8, &got),
                     STORE_OK);
    assert_int_equal(got, 3);
    assert_int_equal(items[0].kind, JOURNAL_ITEM_BREATHING);
    assert_int_equal(items[1].kind, JOURNAL_ITEM_SESSION);
    assert_int_equal(items[2].id, b2);

    JournalItem it;
    assert_int_equal(store_session_item(s, s1, &it), STORE_OK);
    assert_int_equal(it.kind, JOURNAL_ITEM_SESSION);
    assert_int_equal(it.signals, 2); /* good, slower: not pause/ready/resume/stop */
    assert_int_equal(it.pauses, 2);
    assert_int_equal(it.end_ms - it.time_ms, 7 * MIN_MS);
    assert_int_equal(store_session_item(s, 0, &it), STORE_OK); /* the latest with signals */
    assert_int_equal(it.id, s1);
    assert_int_equal(store_session_item(s, 999, &it), STORE_NOT_FOUND);
    store_close(s);
}

static void test_entry_update(void **state)
{
    Store *s = open_store(*state);
    int64_t id = entry(s, at(1, 20, 0), 3, 4, 2, "massage", "pillows");
    LogEvent ev;
    assert_int_equal(store_event_get(s, id, &ev), STORE_OK);
    ev.comfort = EVENT_UNSET;
    ev.pain = 7;
    ev.partner = 2;
    snprintf(ev.partner_name, sizeof ev.partner_name, "Sam");
    snprintf(ev.note, sizeof ev.note, "Édité ♥ — plus tard");
    snprintf(ev.tried, sizeof ev.tried, "holding;massage");
    assert_int_equal(store_entry_update(s, &ev), STORE_OK);
    LogEvent back;
    assert_int_equal(store_event_get(s, id, &back), STORE_OK);
    assert_int_equal(back.comfort, EVENT_UNSET);
    assert_int_equal(back.pain, 7);
    assert_int_equal(back.partner, 2);
    assert_string_equal(back.partner_name, "Sam");
    assert_string_equal(back.note, "Édité ♥ — plus tard");
    assert_string_equal(back.tried, "holding;massage");
    assert_int_equal(back.time_ms, at(1, 20, 0)); /* the time stays */
    /* Only live entries: not a signal, not a deleted entry. */
    int64_t sig = log_signal(s, at(1, 21, 0), 0, "good");
    ev.id = sig;
    assert_int_equal(store_entry_update(s, &ev), STORE_NOT_FOUND);
    assert_int_equal(store_event_delete(s, id, at(2, 0, 0)), STORE_OK);
    ev.id = id;
    assert_int_equal(store_entry_update(s, &ev), STORE_NOT_FOUND);
    assert_int_equal(store_event_undelete(s, id), STORE_OK);
    assert_int_equal(store_entry_update(s, &ev), STORE_OK);
    store_close(s);
}

/* VM instructions run by one page, counted through SQLite's progress handler. */
static int count_step(void *ctx)
{
    (*(int64_t *)ctx)++;
    return 0;
}

static int64_t page_cost(Store *s, const JournalKey *from, int newer, int *n)
{
    JournalItem items[JOURNAL_PAGE];
    int64_t steps = 0;
    sqlite3_progress_handler(store_db(s), 1, count_step, &steps);
    assert_int_equal(store_timeline_page(s, from, newer, TIMELINE_ALL, items, JOURNAL_PAGE, n),
                     STORE_OK);
    sqlite3_progress_handler(store_db(s), 0, NULL, NULL);
    return steps;
}

/* Fills a journal with items spread over days: a session every 3rd, an
 * entry or a breathing session otherwise. */
static void fill(Store *s, int items)
{
    assert_int_equal(store_begin(s), STORE_OK);
    static const char *const names[] = {"good", "pause", "ready", "ready", "resume", "stop"};
    for (int i = 0; i < items; i++) {
        int64_t t = T0 - (int64_t)i * 7 * 3600000;
        if (i % 3 == 0)
            session(s, t, names, 6);
        else if (i % 3 == 1)
            entry(s, t, 3, 4, 2, "massage;holding", "slower_pace");
        else
            breathing(s, t, 300);
    }
    assert_int_equal(store_commit(s), STORE_OK);
}

static void test_timeline_page_cost_is_flat(void **state)
{
    char small_path[600];
    snprintf(small_path, sizeof small_path, "%s-small", (char *)*state);
    Store *small = open_store(small_path);
    Store *big = open_store(*state);
    fill(small, 300);
    fill(big, 10000);

    /* The newest page, and a page from the middle of the big journal (from the
     * small one's middle for comparison), both ways. */
    int n = 0;
    int64_t first_small = page_cost(small, NULL, 0, &n);
    assert_int_equal(n, JOURNAL_PAGE);
    int64_t first_big = page_cost(big, NULL, 0, &n);
    assert_int_equal(n, JOURNAL_PAGE);
    JournalKey mid_small = {T0 - (int64_t)150 * 7 * 3600000, JOURNAL_ITEM_ENTRY, 0};
    JournalKey mid_big = {T0 - (int64_t)5000 * 7 * 3600000, JOURNAL_ITEM_ENTRY, 0};
    int64_t older_small = page_cost(small, &mid_small, 0, &n);
    assert_int_equal(n, JOURNAL_PAGE);
    int64_t older_big = page_cost(big, &mid_big, 0, &n);
    assert_int_equal(n, JOURNAL_PAGE);
    int64_t newer_big = page_cost(big, &mid_big, 1, &n);
    assert_int_equal(n, JOURNAL_PAGE);
    print_message("page cost in VM steps: newest %lld vs %lld, middle %lld vs %lld, newer %lld\n",
                  (long long)first_small, (long long)first_big, (long long)older_small,
                  (long long)older_big, (long long)newer_big);
    /* Thirty times the items, the same work for a page: nothing is loaded whole. */
    assert_true(first_big < first_small * 3 / 2 + 200);
    assert_true(older_big < older_small * 3 / 2 + 200);
    assert_true(newer_big < older_small * 2 + 200);
    /* ...and far below reading the 10,000 items even once. */
    assert_true(older_big < 10000);

    store_close(small);
    store_close(big);
    const char *suffix[] = {"", "-wal", "-shm"};
    for (int i = 0; i < 3; i++) {
        char name[700];
        snprintf(name, sizeof name, "%s%s", small_path, suffix[i]);
        unlink(name);
    }
}

/* An entry written with its own UTC offset (the clock's when it was written). */
static void entry_at_offset(Store *s, int64_t t, int32_t offset_s)
{
    LogEvent ev;
    event_init(&ev, EVENT_ENTRY);
    ev.time_ms = t;
    ev.utc_offset_s = offset_s;
    ev.partner = 3;
    snprintf(ev.name, sizeof ev.name, "entry");
    snprintf(ev.label, sizeof ev.label, "Journal entry");
    ev.comfort = 4;
    assert_int_equal(store_log(s, &ev), STORE_OK);
}

/* Around a change of the clocks, an evening counts on the calendar day it was
 * lived (its own offset), in the week and the period of that day. The UK's
 * autumn change, 25 October 2026 at 02:00 BST (01:00 UTC), and its spring one,
 * 29 March 2026 at 01:00 GMT; then a zone ahead of UTC (UTC+2 to +1) too. */
static void test_insights_keep_local_days_across_clock_changes(void **state)
{
    enum { H = 3600000 };
/* The changes, in UTC: 25 October 01:00 and 29 March 01:00, 2026. */
#define AUTUMN INT64_C(1792890000000)
#define SPRING INT64_C(1774746000000)
    static const struct {
        int64_t now_ms;
        int32_t now_offset;
        int weeks;
        int64_t t;
        int32_t offset;
        int week; /* -1: outside the period */
    } cases[] = {
        /* now Sat 31 Oct 21:00 GMT; a week: Sun 25 – Sat 31 October */
        {1793480400000, 0, 1, AUTUMN - 3 * H / 2, 3600, 0},  /* Sun 25 00:30 BST */
        {1793480400000, 0, 1, AUTUMN - 5 * H / 2, 3600, -1}, /* Sat 24 23:30 BST */
        {1793480400000, 0, 1, 1793491200000 - H / 2, 0, 0},  /* Sat 31 23:30 GMT */
        /* two weeks: 18–24 and 25–31 October */
        {1793480400000, 0, 2, AUTUMN - 3 * H / 2, 3600, 1}, /* Sun 25 00:30 BST */
        {1793480400000, 0, 2, AUTUMN - 5 * H / 2, 3600, 0}, /* Sat 24 23:30 BST */
        /* now Sat 4 April 21:00 BST; a week: Sun 29 March – Sat 4 April */
        {1775332800000, 3600, 1, SPRING - 3 * H / 2, 0, -1},      /* Sat 28 23:30 GMT */
        {1775332800000, 3600, 1, SPRING - H / 2, 0, 0},           /* Sun 29 00:30 GMT */
        {1775332800000, 3600, 1, 1775343600000 - H / 2, 3600, 0}, /* Sat 4 23:30 BST */
        /* UTC+2 in summer, +1 in winter: now Sat 31 Oct 21:00 (+1) */
        {1793476800000, 3600, 1, AUTUMN - 5 * H / 2, 7200, 0},  /* Sun 25 00:30 (+2) */
        {1793476800000, 3600, 1, AUTUMN - 7 * H / 2, 7200, -1}, /* Sat 24 23:30 (+2) */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        Store *s = open_store(*state);
        entry_at_offset(s, cases[i].t, cases[i].offset);
        Insights *in = calloc(1, sizeof *in);
        assert_int_equal(
            store_insights(s, cases[i].weeks, cases[i].now_ms, cases[i].now_offset, in), STORE_OK);
        if (cases[i].week < 0) {
            if (in->entries != 0)
                fail_msg("case %zu: counted, though lived outside the period", i);
        } else {
            if (in->entries != 1 || in->week[cases[i].week].entries != 1)
                fail_msg("case %zu: %d entries, week %d has %d", i, in->entries, cases[i].week,
                         in->week[cases[i].week].entries);
        }
        free(in);
        store_close(s);
        char path[256];
        snprintf(path, sizeof path, "%s", (const char *)*state);
        unlink(path);
    }
}

static void test_insights_arithmetic(void **state)
{
    Store *s = open_store(*state);
    /* Two weeks ending Monday 5 January 2026: Dec 23–29 and Dec 30–Jan 5. */
    int64_t now = at(13, 21, 0);
    entry(s, at(1, 20, 0), 3, 4, 2, "massage;holding", "slower_pace");
    entry(s, at(3, 21, 0), -1, 2, 6, "massage", "slower_pace;pillows");
    entry(s, at(10, 22, 0), 5, 5, -1, "holding;kissing", "warmth");
    entry(s, at(13, 19, 0), 4, -1, 1, "massage;massage", ""); /* a chip twice counts once */
    entry(s, at(-3, 20, 0), 1, 1, 9, "massage", "humour");    /* before the period */
    entry(s, at(14, 1, 0), 1, 1, 9, "massage", "humour");     /* after today */
    int64_t gone = entry(s, at(5, 20, 0), 1, 1, 9, "massage", "humour");
    assert_int_equal(store_event_delete(s, gone, now), STORE_OK);
    static const char *const two_pauses[] = {"good",  "slower", "pause", "ready",
                                             "ready", "resume", "pause", "stop"};
    static const char *const none[] = {"good", "stop"};
    static const char *const one[] = {"pause", "stop"};
    session(s, at(1, 19, 0), two_pauses, 8);
    session(s, at(11, 21, 0), none, 2);
    session(s, at(12, 21, 0), one, 2);
    session(s, at(-10, 21, 0), one, 2);
    breathing(s, at(2, 21, 0), 600);
    breathing(s, at(9, 21, 0), 300);
    breathing(s, at(13, 20, 0), 450);

    Insights *in = calloc(1, sizeof *in);
    assert_int_equal(store_insights(s, 2, now, 0, in), STORE_OK);
    assert_int_equal(in->weeks, 2);
    assert_int_equal(in->from_ms, at(0, 0, 0));
    assert_int_equal(in->to_ms, at(14, 0, 0));
    assert_int_equal(in->entries, 4);
    assert_int_equal(in->sessions, 3);
    assert_int_equal(in->pauses, 3);
    assert_int_equal(in->breathing, 3);
    assert_int_equal(in->breathing_s, 1350);

    assert_int_equal(in->tried_count, 3);
    assert_string_equal(in->tried[0].id, "massage");
    assert_int_equal(in->tried[0].count, 3);
    assert_int_equal(insights_mean_tenths(in->tried[0].comfort), 30); /* (4+2)/2 */
    assert_int_equal(insights_mean_tenths(in->tried[0].pain), 30);    /* (2+6+1)/3 */
    assert_string_equal(in->tried[1].id, "holding");
    assert_int_equal(in->tried[1].count, 2);
    assert_int_equal(insights_mean_tenths(in->tried[1].comfort), 45); /* (4+5)/2 */
    assert_int_equal(insights_mean_tenths(in->tried[1].pain), 20);    /* 2 alone */
    assert_string_equal(in->tried[2].id, "kissing");
    assert_int_equal(insights_mean_tenths(in->tried[2].pain), -1); /* never rated */

    assert_int_equal(in->helped_count, 3);
    assert_string_equal(in->helped[0].id, "slower_pace");
    assert_int_equal(in->helped[0].count, 2);
    assert_string_equal(in->helped[1].id, "pillows"); /* ties by id */
    assert_string_equal(in->helped[2].id, "warmth");

    char text[128];
    insights_chip_text(&in->tried[0], 1, text, sizeof text);
    assert_string_equal(text, "3 times · comfort 3.0 · pain 3.0");
    insights_chip_text(&in->tried[2], 1, text, sizeof text);
    assert_string_equal(text, "1 time · comfort 5.0");
    insights_chip_text(&in->helped[0], 0, text, sizeof text);
    assert_string_equal(text, "2 times");

    /* Week by week. */
    assert_int_equal(insights_chart_value(in, CHART_CLOSENESS, 0), 30);
    assert_int_equal(insights_chart_value(in, CHART_COMFORT, 0), 30);
    assert_int_equal(insights_chart_value(in, CHART_PAIN, 0), 40);
    assert_int_equal(insights_chart_value(in, CHART_CLOSENESS, 1), 45);
    assert_int_equal(insights_chart_value(in, CHART_COMFORT, 1), 50);
    assert_int_equal(insights_chart_value(in, CHART_PAIN, 1), 10);
    assert_int_equal(insights_chart_value(in, CHART_PAUSES, 0), 20);     /* 2 in 1 session */
    assert_int_equal(insights_chart_value(in, CHART_PAUSES, 1), 5);      /* 1 in 2 sessions */
    assert_int_equal(insights_chart_value(in, CHART_BREATHING, 0), 100); /* 10 min */
    assert_int_equal(insights_chart_value(in, CHART_BREATHING, 1), 130); /* 12.5 → 13 min */
    insights_chart_summary(in, CHART_PAIN, text, sizeof text);
    assert_string_equal(text, "3.0 of 10 on average · from 3 entries");
    insights_chart_summary(in, CHART_PAUSES, text, sizeof text);
    assert_string_equal(text, "1.0 on average · over 3 signal sessions");
    insights_chart_summary(in, CHART_BREATHING, text, sizeof text);
    assert_string_equal(text, "23 minutes in all · over 3 sessions");
    insights_period_text(in, text, sizeof text);
    assert_string_equal(text, "23 December 2025 to 5 January 2026");
    insights_totals_text(in, text, sizeof text);
    assert_string_equal(text, "4 entries · 3 signal sessions · 3 breathing sessions");

    /* A local offset moves the days: at UTC+2, 23:00 UTC on the 5th is the 6th. */
    assert_int_equal(store_insights(s, 2, at(13, 23, 0), 7200, in), STORE_OK);
    assert_int_equal(in->to_ms, at(15, 0, 0) - 7200000);
    free(in);
    store_close(s);
}

static void test_pin_hash_and_verify(void **state)
{
    Store *s = open_store(*state);
    int set = -1, match = -1;
    assert_int_equal(store_pin_state(s, &set), STORE_OK);
    assert_int_equal(set, 0);
    assert_int_equal(store_pin_verify(s, "1234", &match), STORE_OK);
    assert_int_equal(match, 0); /* no PIN: nothing matches */
    assert_int_equal(store_pin_set(s, "12a4"), STORE_ERROR);
    assert_int_equal(store_pin_set(s, "123"), STORE_ERROR);
    assert_int_equal(store_pin_set(s, "1234"), STORE_OK);
    assert_int_equal(store_pin_state(s, &set), STORE_OK);
    assert_int_equal(set, 1);
    /* Only the Argon2id hash is kept, never the digits. */
    char hash[256];
    assert_int_equal(store_setting_get(s, "pin.hash", hash, sizeof hash), STORE_OK);
    assert_true(strncmp(hash, "$argon2id$", 10) == 0);
    assert_null(strstr(hash, "1234"));
    assert_int_equal(store_pin_verify(s, "1234", &match), STORE_OK);
    assert_int_equal(match, 1);
    assert_int_equal(store_pin_verify(s, "1235", &match), STORE_OK);
    assert_int_equal(match, 0);
    assert_int_equal(store_pin_verify(s, "12345", &match), STORE_OK);
    assert_int_equal(match, 0);
    /* A second hash of the same PIN differs (its own salt) and still verifies. */
    assert_int_equal(store_pin_set(s, "1234"), STORE_OK);
    char again[256];
    assert_int_equal(store_setting_get(s, "pin.hash", again, sizeof again), STORE_OK);
    assert_string_not_equal(hash, again);
    assert_int_equal(store_pin_verify(s, "1234", &match), STORE_OK);
    assert_int_equal(match, 1);
    /* It survives closing; "" removes it. */
    store_close(s);
    s = open_store(*state);
    assert_int_equal(store_pin_verify(s, "1234", &match), STORE_OK);
    assert_int_equal(match, 1);
    assert_int_equal(store_pin_set(s, ""), STORE_OK);
    assert_int_equal(store_pin_state(s, &set), STORE_OK);
    assert_int_equal(set, 0);
    assert_int_equal(store_pin_verify(s, "1234", &match), STORE_OK);
    assert_int_equal(match, 0);
    store_close(s);
}

static char *export_text(Store *s)
{
    char *buf = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&buf, &size);
    assert_non_null(f);
    assert_int_equal(store_export(s, EXPORT_CSV, f, 0, 0), STORE_OK);
    fclose(f);
    return buf;
}

static int check_before(void *ctx, const LogEvent *ev)
{
    const int64_t *now = ctx;
    assert_true(ev->time_ms < *now);
    return 0;
}

static void test_seed_demo_is_reproducible(void **state)
{
    const char *path = *state;
    char other[600], third[600];
    snprintf(other, sizeof other, "%s-b", path);
    snprintf(third, sizeof third, "%s-c", path);
    SeedOptions o = {8, 42, at(13, 21, 0), 3600, NULL, "Alex", "Sam"};
    Store *a = open_store(path);
    Store *b = open_store(other);
    Store *c = open_store(third);
    int64_t na = 0, nb = 0, nc = 0;
    assert_int_equal(store_seed_demo(a, &o, &na), STORE_OK);
    assert_int_equal(store_seed_demo(b, &o, &nb), STORE_OK);
    o.seed = 43;
    assert_int_equal(store_seed_demo(c, &o, &nc), STORE_OK);
    assert_true(na > 50);
    assert_int_equal(na, nb);
    assert_int_equal(store_event_count(a), na);
    char *ta = export_text(a), *tb = export_text(b), *tc = export_text(c);
    assert_string_equal(ta, tb);
    assert_string_not_equal(ta, tc);
    /* All three kinds, within the weeks asked for, none after now. */
    assert_non_null(strstr(ta, ",signal,"));
    assert_non_null(strstr(ta, ",breathing,"));
    assert_non_null(strstr(ta, ",entry,"));
    int64_t now = o.now_ms;
    assert_int_equal(store_each_event(a, check_before, &now), STORE_OK);
    Insights *in = calloc(1, sizeof *in);
    assert_int_equal(store_insights(a, 8, now, 3600, in), STORE_OK);
    assert_true(in->entries > 5 && in->sessions > 5 && in->breathing > 5);
    assert_true(in->tried_count > 2 && in->helped_count > 2);
    /* Never into a journal that holds something already. */
    int64_t more = 0;
    assert_int_equal(store_seed_demo(a, &o, &more), STORE_ERROR);
    assert_int_equal(store_event_count(a), na);
    free(in);
    free(ta);
    free(tb);
    free(tc);
    store_close(a);
    store_close(b);
    store_close(c);
    const char *suffix[] = {"", "-wal", "-shm"};
    for (int i = 0; i < 3; i++) {
        char name[700];
        snprintf(name, sizeof name, "%s%s", other, suffix[i]);
        unlink(name);
        snprintf(name, sizeof name, "%s%s", third, suffix[i]);
        unlink(name);
    }
}

int main(void)
{
#define TEST(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
    const struct CMUnitTest tests[] = {
        TEST(test_timeline_order_ties_and_deletes),
        TEST(test_entry_update),
        TEST(test_timeline_page_cost_is_flat),
        TEST(test_insights_arithmetic),
        TEST(test_insights_keep_local_days_across_clock_changes),
        TEST(test_pin_hash_and_verify),
        TEST(test_seed_demo_is_reproducible),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
