/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The timeline's window: at most JOURNAL_WINDOW items held, paged in from the
 * store by key as the list scrolls (so ten thousand items cost what fifty do),
 * with the item at the top kept in place, and the timeline_glide after a flick. */
#include "screens/screens.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { GLIDE_SAMPLE_MS = 120 };

static int fetch(App *app, const JournalKey *from, int newer, JournalItem *out, int max, int *count)
{
    const JournalHost *h = &app->host.journal;
    *count = 0;
    if (!h->timeline_page)
        return 0; /* no store: an empty journal */
    int kinds = app->journal.entries_only ? TIMELINE_ENTRIES : TIMELINE_ALL;
    int status = h->timeline_page(app->host.ctx, from, newer, kinds, out, max, count);
    if (status != 0) {
        app->journal.failed = status;
        *count = 0;
    }
    return status;
}

void timeline_reload_newest(App *app)
{
    JournalState *js = &app->journal;
    int n = 0;
    js->failed = 0;
    fetch(app, NULL, 0, js->items, JOURNAL_PAGE * 2, &n);
    js->item_count = n;
    memset(js->item_h, 0, sizeof js->item_h);
    js->at_newest = 1;
    js->at_oldest = n < JOURNAL_PAGE * 2;
    js->stale = 0;
}

/* Reloads around the first item held, keeping the place in the list. */
void timeline_reload_here(App *app)
{
    JournalState *js = &app->journal;
    if (js->item_count == 0 || js->at_newest) {
        timeline_reload_newest(app);
        return;
    }
    JournalKey k = journal_item_key(&js->items[0]);
    k.id += 1; /* just before it, so it is included */
    int n = 0;
    js->failed = 0;
    fetch(app, &k, 0, js->items, JOURNAL_PAGE * 2, &n);
    js->item_count = n;
    memset(js->item_h, 0, sizeof js->item_h);
    js->at_oldest = n < JOURNAL_PAGE * 2;
    js->stale = 0;
    if (n == 0)
        timeline_reload_newest(app);
}

int timeline_jump(App *app, int weeks, int months)
{
    JournalState *js = &app->journal;
    int tops[JOURNAL_WINDOW + 1];
    timeline_layout(app, tops);
    /* From the item at the top of the view (or now, with none). */
    int64_t from_ms = app->time.wall_ms;
    int32_t offset_s = app->time.utc_offset_s;
    for (int i = 0; i < js->item_count; i++) {
        if (tops[i + 1] > js->scroll.offset) {
            from_ms = js->items[i].time_ms;
            offset_s = js->items[i].utc_offset_s;
            break;
        }
    }
    int64_t to_ms = from_ms - (int64_t)weeks * 7 * 86400000;
    if (months) {
        int64_t local_s = from_ms / 1000 + offset_s;
        to_ms = (calendar_add_months(local_s, -months) - offset_s) * 1000 + from_ms % 1000;
    }
    /* To the end of that day: its heading, the date, is at the top of the view. */
    int64_t day = calendar_local_day(to_ms, offset_s);
    int64_t day_end_ms = (day + 1) * 86400000 - (int64_t)offset_s * 1000 - 1;
    JournalKey key = {day_end_ms, JOURNAL_ITEM_ENTRY + 1, INT64_MAX}; /* all of it and before */
    JournalItem *page = malloc(sizeof(JournalItem) * JOURNAL_PAGE * 3);
    if (!page)
        return 0;
    /* A page of what is newer above, so the view starts exactly at that day. */
    int older = 0, newer = 0;
    fetch(app, &key, 0, page + JOURNAL_PAGE, JOURNAL_PAGE * 2, &older);
    if (older > 0)
        fetch(app, &key, 1, page, JOURNAL_PAGE, &newer);
    if (older > 0) {
        memcpy(js->items, page + JOURNAL_PAGE - newer, sizeof(JournalItem) * (size_t)newer);
        memcpy(js->items + newer, page + JOURNAL_PAGE, sizeof(JournalItem) * (size_t)older);
        js->item_count = newer + older;
        memset(js->item_h, 0, sizeof js->item_h);
        js->at_newest = newer < JOURNAL_PAGE; /* the rest comes in as the list goes up */
        js->at_oldest = older < JOURNAL_PAGE * 2;
        js->velocity = 0.0f;
        timeline_layout(app, tops);
        js->scroll.offset = tops[newer];
    }
    free(page);
    return older > 0;
}

/* Keeps the item at the top of the view where it is on screen while items
 * come and go above it. */
typedef struct {
    JournalKey key;
    int rel;
    int valid;
} Anchor;

static Anchor anchor_take(App *app)
{
    const JournalState *js = &app->journal;
    Anchor a = {{0, 0, 0}, 0, 0};
    int tops[JOURNAL_WINDOW + 1];
    timeline_layout(app, tops);
    for (int i = 0; i < js->item_count; i++) {
        if (tops[i + 1] > js->scroll.offset) {
            a.key = journal_item_key(&js->items[i]);
            a.rel = js->scroll.offset - tops[i];
            a.valid = 1;
            break;
        }
    }
    return a;
}

static void anchor_restore(App *app, const Anchor *a)
{
    JournalState *js = &app->journal;
    if (!a->valid)
        return;
    int tops[JOURNAL_WINDOW + 1];
    timeline_layout(app, tops);
    for (int i = 0; i < js->item_count; i++) {
        JournalKey k = journal_item_key(&js->items[i]);
        if (journal_key_compare(&k, &a->key) == 0) {
            int before = js->scroll.offset;
            js->scroll.offset = tops[i] + a->rel;
            /* A drag in progress moves on from where the list now is. */
            if (app->ui.drag_scroll == &js->scroll)
                app->ui.drag_start_offset += js->scroll.offset - before;
            return;
        }
    }
}

static void load_older(App *app)
{
    JournalState *js = &app->journal;
    JournalItem *page = malloc(sizeof(JournalItem) * JOURNAL_PAGE);
    if (!page)
        return;
    int n = 0;
    JournalKey last = journal_item_key(&js->items[js->item_count - 1]);
    if (fetch(app, &last, 0, page, JOURNAL_PAGE, &n) != 0 || n < JOURNAL_PAGE)
        js->at_oldest = 1;
    if (n > 0) {
        Anchor a = anchor_take(app);
        int drop = js->item_count + n - JOURNAL_WINDOW;
        if (drop > 0) {
            memmove(js->items, js->items + drop,
                    sizeof(JournalItem) * (size_t)(js->item_count - drop));
            memmove(js->item_h, js->item_h + drop, sizeof(int) * (size_t)(js->item_count - drop));
            js->item_count -= drop;
            js->at_newest = 0;
        }
        memcpy(js->items + js->item_count, page, sizeof(JournalItem) * (size_t)n);
        memset(js->item_h + js->item_count, 0, sizeof(int) * (size_t)n);
        js->item_count += n;
        anchor_restore(app, &a);
    }
    free(page);
}

static void load_newer(App *app)
{
    JournalState *js = &app->journal;
    JournalItem *page = malloc(sizeof(JournalItem) * JOURNAL_PAGE);
    if (!page)
        return;
    int n = 0;
    JournalKey first = journal_item_key(&js->items[0]);
    if (fetch(app, &first, 1, page, JOURNAL_PAGE, &n) != 0 || n < JOURNAL_PAGE)
        js->at_newest = 1;
    if (n > 0) {
        Anchor a = anchor_take(app);
        int keep = JOURNAL_WINDOW - n;
        if (js->item_count > keep) {
            js->item_count = keep;
            js->at_oldest = 0;
        }
        memmove(js->items + n, js->items, sizeof(JournalItem) * (size_t)js->item_count);
        memmove(js->item_h + n, js->item_h, sizeof(int) * (size_t)js->item_count);
        memcpy(js->items, page, sizeof(JournalItem) * (size_t)n);
        memset(js->item_h, 0, sizeof(int) * (size_t)n);
        js->item_count += n;
        anchor_restore(app, &a);
    }
    free(page);
}

/* Pages items in (and out) as the view nears either end of the window. */
void timeline_follow(App *app)
{
    JournalState *js = &app->journal;
    for (int round = 0; round < 4; round++) {
        int tops[JOURNAL_WINDOW + 1];
        int content = timeline_layout(app, tops);
        int view = js->scroll.view.h;
        if (js->item_count > 0 && !js->at_oldest && js->scroll.offset + 2 * view >= content)
            load_older(app);
        else if (js->item_count > 0 && !js->at_newest && js->scroll.offset < view)
            load_newer(app);
        else
            break;
    }
}

/* Drag samples, and the timeline_glide that follows a flick. */
void timeline_glide(App *app)
{
    JournalState *js = &app->journal;
    Ui *ui = &app->ui;
    int64_t now = app->time.mono_ms;
    int dragging = ui->dragging && ui->drag_scroll == &js->scroll;
    if (ui->input.kind == UI_INPUT_PRESS)
        js->velocity = 0.0f; /* a touch stops the list */
    if (dragging) {
        js->velocity = 0.0f;
        int last = js->drag_samples - 1;
        if (js->drag_samples > 0 && js->drag_mono[last % 4] == now) {
            js->drag_offset[last % 4] = js->scroll.offset;
        } else {
            js->drag_mono[js->drag_samples % 4] = now;
            js->drag_offset[js->drag_samples % 4] = js->scroll.offset;
            js->drag_samples++;
        }
    } else if (js->was_dragging) {
        int n = js->drag_samples < 4 ? js->drag_samples : 4;
        if (n >= 2) {
            int newest = (js->drag_samples - 1) % 4;
            int oldest = newest;
            for (int i = 1; i < n; i++) {
                int k = (js->drag_samples - 1 - i) % 4;
                if (js->drag_mono[newest] - js->drag_mono[k] > GLIDE_SAMPLE_MS)
                    break;
                oldest = k;
            }
            int64_t dt = js->drag_mono[newest] - js->drag_mono[oldest];
            if (dt > 0 && now - js->drag_mono[newest] < GLIDE_SAMPLE_MS) {
                float v = (float)(js->drag_offset[newest] - js->drag_offset[oldest]) / (float)dt;
                if (fabsf(v) > 0.25f) {
                    js->velocity = v;
                    js->glide = 0.0f;
                    js->glide_mono = now;
                }
            }
        }
        js->drag_samples = 0;
    } else if (js->velocity != 0.0f) {
        int64_t dt = now - js->glide_mono;
        if (dt > 0) {
            /* v(t) = v0·e^(−t/325 ms): the distance is v0 × 325 ms, a familiar feel. */
            float k = expf(-(float)dt / 325.0f);
            float moved = js->velocity * 325.0f * (1.0f - k) + js->glide;
            int whole = (int)moved;
            js->glide = moved - (float)whole;
            js->scroll.offset += whole;
            js->velocity *= k;
            js->glide_mono = now;
            int max = js->scroll.content_h - js->scroll.view.h;
            int at_end = (js->scroll.offset <= 0 && js->at_newest) ||
                         (js->scroll.offset >= max && js->at_oldest);
            if (fabsf(js->velocity) < 0.02f || at_end)
                js->velocity = 0.0f;
        }
    }
    js->was_dragging = dragging;
}

int timeline_animating(const App *app)
{
    return app_screen(app) == SCREEN_JOURNAL && app->journal.velocity != 0.0f;
}
