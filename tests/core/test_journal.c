/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The journal's screens without SDL: entries written, saved, failed, edited,
 * deleted and undone through the same UI the platform drives; the timeline
 * paging through ten thousand items a window at a time; the PIN gate and its
 * waits; the chip words; insights' words; and every journal screen laid out
 * with data at every size and rotation. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lull/drafts.h"
#include "lull/frame.h"
#include "screens/screens.h"
#include "fakes.h"

enum { FAKE_ENTRIES = 16 };

typedef struct {
    /* the generated timeline (count items, 0 the newest), or saved entries */
    int generated;
    int64_t served; /* items handed out by timeline_page */
    int pages;
    LogEvent entries[FAKE_ENTRIES];
    int deleted[FAKE_ENTRIES];
    int entry_count;
    int saves, updates, deletes, undeletes;
    int fail_with;
    ScreenId screen_at_save;
    int saved_toast_before; /* "Saved" was showing before the save returned */
    int64_t next_session;
    int pin_is_set;
    char pin[8];
    char pin_set_to[8];
    int pin_checks;
    int pin_fails_with; /* a StoreStatus for pin_verify, 0: it answers */
    char keys[32][64], values[32][2048];
    int settings;
    Insights insights;
    int64_t now_ms;
    App *app;
} Fake;

static const int64_t NOW = 1767646800000; /* 2026-01-05 21:00 UTC */

static JournalItem generated_item(int i)
{
    JournalItem it;
    memset(&it, 0, sizeof it);
    it.kind = (JournalItemKind)(i % 3);
    it.id = i + 1;
    it.time_ms = NOW - (int64_t)(i + 1) * 3600000; /* an hour apart */
    it.end_ms = it.time_ms + 20 * 60000;
    it.signals = 4;
    it.pauses = 1;
    event_init(&it.ev, it.kind == JOURNAL_ITEM_ENTRY ? EVENT_ENTRY : EVENT_BREATHING);
    it.ev.id = it.id;
    it.ev.time_ms = it.time_ms;
    it.ev.partner = 3;
    it.ev.actual_s = 600;
    snprintf(it.ev.label, sizeof it.ev.label, "Calm 5·5");
    if (it.kind == JOURNAL_ITEM_ENTRY) {
        it.ev.comfort = 4;
        snprintf(it.ev.tried, sizeof it.ev.tried, "massage");
        snprintf(it.ev.note, sizeof it.ev.note, "Note %d", i);
    }
    return it;
}

static int key_index(const JournalKey *k)
{
    /* The generated items' keys: index i has time NOW - (i+1) h, kind i % 3;
     * a time between two items is the older one's. */
    int64_t i = (NOW - k->time_ms + 3600000 - 1) / 3600000 - 1;
    return (int)i;
}

static JournalItem entry_item(const Fake *f, int i)
{
    JournalItem it;
    memset(&it, 0, sizeof it);
    it.kind = JOURNAL_ITEM_ENTRY;
    it.ev = f->entries[i];
    it.id = it.ev.id;
    it.time_ms = it.ev.time_ms;
    it.utc_offset_s = it.ev.utc_offset_s;
    return it;
}

static int fake_page(void *ctx, const JournalKey *from, int newer, int kinds, JournalItem *out,
                     int max, int *count)
{
    Fake *f = ctx;
    *count = 0;
    f->pages++;
    if (f->generated) {
        /* Item i is an hour older than item i - 1; the kinds take turns. */
        if (!from && newer)
            return 0;
        if (newer) {
            int n = 0;
            for (int i = key_index(from) - 1; i >= 0 && n < max; i--)
                if (kinds & (1 << (i % 3)))
                    n++, out[max - n] = generated_item(i);
            memmove(out, out + max - n, sizeof *out * (size_t)n);
            *count = n;
        } else {
            /* A jump's key (kind past the last) takes in the item at its time. */
            int start = from ? key_index(from) + (from->kind > JOURNAL_ITEM_ENTRY ? 0 : 1) : 0;
            for (int i = start; i < f->generated && *count < max; i++)
                if (kinds & (1 << (i % 3)))
                    out[(*count)++] = generated_item(i);
        }
        f->served += *count;
        return 0;
    }
    if (!(kinds & TIMELINE_ENTRIES))
        return 0;
    /* Saved entries, newest first (they are saved in time order). */
    JournalItem list[FAKE_ENTRIES];
    int n = 0;
    for (int i = f->entry_count - 1; i >= 0; i--)
        if (!f->deleted[i])
            list[n++] = entry_item(f, i);
    for (int i = 0; i < n && *count < max; i++) {
        JournalKey k = journal_item_key(&list[i]);
        if (from &&
            (newer ? journal_key_compare(&k, from) >= 0 : journal_key_compare(&k, from) <= 0))
            continue;
        out[(*count)++] = list[i];
    }
    return 0;
}

static int fake_session_item(void *ctx, int64_t session, JournalItem *out)
{
    Fake *f = ctx;
    if (f->next_session == 0)
        return 8;
    memset(out, 0, sizeof *out);
    out->kind = JOURNAL_ITEM_SESSION;
    out->id = session ? session : f->next_session;
    out->time_ms = NOW - 30 * 60000;
    out->end_ms = NOW;
    out->signals = 3;
    out->pauses = 1;
    return 0;
}

static int shows(const App *app, const char *text);

static int fake_save(void *ctx, LogEvent *ev)
{
    Fake *f = ctx;
    f->screen_at_save = app_screen(f->app);
    f->saved_toast_before = shows(f->app, "Saved");
    if (f->fail_with)
        return f->fail_with;
    if (ev->id) {
        for (int i = 0; i < f->entry_count; i++)
            if (f->entries[i].id == ev->id)
                f->entries[i] = *ev;
        f->updates++;
        return 0;
    }
    ev->id = 100 + f->entry_count;
    f->entries[f->entry_count++] = *ev;
    f->saves++;
    return 0;
}

static int fake_delete(void *ctx, int64_t id, int64_t t)
{
    (void)t;
    Fake *f = ctx;
    for (int i = 0; i < f->entry_count; i++)
        if (f->entries[i].id == id)
            f->deleted[i] = 1;
    f->deletes++;
    return 0;
}

static int fake_undelete(void *ctx, int64_t id)
{
    Fake *f = ctx;
    for (int i = 0; i < f->entry_count; i++)
        if (f->entries[i].id == id)
            f->deleted[i] = 0;
    f->undeletes++;
    return 0;
}

static int fake_insights(void *ctx, int weeks, int64_t now, int32_t off, Insights *out)
{
    Fake *f = ctx;
    *out = f->insights;
    out->weeks = weeks;
    insights_period(weeks, now, off, &out->from_ms, &out->to_ms);
    for (int w = 0; w < weeks; w++)
        out->week[w].start_ms = out->from_ms + (int64_t)w * 7 * 86400000;
    return 0;
}

static int fake_pin_state(void *ctx)
{
    return ((Fake *)ctx)->pin_is_set;
}

static int fake_pin_set(void *ctx, const char *pin)
{
    Fake *f = ctx;
    snprintf(f->pin_set_to, sizeof f->pin_set_to, "%s", pin);
    snprintf(f->pin, sizeof f->pin, "%s", pin);
    f->pin_is_set = pin[0] != '\0';
    return 0;
}

static int fake_pin_verify(void *ctx, const char *pin, int *match)
{
    Fake *f = ctx;
    f->pin_checks++;
    *match = strcmp(pin, f->pin) == 0;
    return f->pin_fails_with;
}

static int fake_set(void *ctx, const char *key, const char *value)
{
    Fake *f = ctx;
    for (int i = 0; i < f->settings; i++)
        if (strcmp(f->keys[i], key) == 0) {
            snprintf(f->values[i], sizeof f->values[i], "%s", value);
            return 0;
        }
    snprintf(f->keys[f->settings], sizeof f->keys[0], "%s", key);
    snprintf(f->values[f->settings], sizeof f->values[0], "%s", value);
    f->settings++;
    return 0;
}

static int fake_get(void *ctx, const char *key, char *out, size_t size)
{
    Fake *f = ctx;
    for (int i = 0; i < f->settings; i++)
        if (strcmp(f->keys[i], key) == 0) {
            snprintf(out, size, "%s", f->values[i]);
            return 0;
        }
    return 8;
}

static const char *setting(const Fake *f, const char *key)
{
    for (int i = 0; i < f->settings; i++)
        if (strcmp(f->keys[i], key) == 0)
            return f->values[i];
    return NULL;
}

static int fake_log(void *ctx, LogEvent *ev)
{
    (void)ctx;
    (void)ev;
    return 0;
}

static int fake_begin(void *ctx, int64_t t, int32_t off, int64_t *id)
{
    (void)t;
    (void)off;
    Fake *f = ctx;
    *id = ++f->next_session;
    return 0;
}

static int fake_end(void *ctx, int64_t id, int64_t t)
{
    (void)ctx;
    (void)id;
    (void)t;
    return 0;
}

typedef struct {
    App app;
    Fake fake;
    AppTime now;
} World;

static AppHost fake_host(Fake *f)
{
    AppHost host;
    memset(&host, 0, sizeof host);
    host.ctx = f;
    host.log_event = fake_log;
    host.session_begin = fake_begin;
    host.session_end = fake_end;
    host.setting_set = fake_set;
    host.journal.setting_get = fake_get;
    host.journal.timeline_page = fake_page;
    host.journal.session_item = fake_session_item;
    host.journal.entry_save = fake_save;
    host.journal.event_delete = fake_delete;
    host.journal.event_undelete = fake_undelete;
    host.journal.insights = fake_insights;
    host.journal.pin_state = fake_pin_state;
    host.journal.pin_set = fake_pin_set;
    host.journal.pin_verify = fake_pin_verify;
    return host;
}

/* A world at w×h; prepare runs on the fake before the app first reads it. */
static World *world_sized(int w, int h, void (*prepare)(Fake *))
{
    World *wd = calloc(1, sizeof *wd);
    Config config;
    config_defaults(&config);
    snprintf(config.partner_first, sizeof config.partner_first, "Alex");
    snprintf(config.partner_second, sizeof config.partner_second, "Sam");
    config.idle_dim_s = 0;
    wd->fake.app = &wd->app;
    if (prepare)
        prepare(&wd->fake);
    AppHost host = fake_host(&wd->fake);
    wd->now.mono_ms = 10000;
    wd->now.wall_ms = NOW;
    app_init(&wd->app, &config, &host, fake_measure, NULL, &wd->now);
    app_resize(&wd->app, w, h, 133.0);
    frame_update(&wd->app, NULL, 0, &wd->now);
    return wd;
}

static World *world(void (*prepare)(Fake *))
{
    return world_sized(800, 480, prepare);
}

static void advance(World *w, int64_t ms)
{
    w->now.mono_ms += ms;
    w->now.wall_ms += ms;
    frame_update(&w->app, NULL, 0, &w->now);
}

static void input(World *w, AppInputKind kind, int x, int y)
{
    AppInput in;
    memset(&in, 0, sizeof in);
    in.kind = kind;
    in.x = x;
    in.y = y;
    frame_update(&w->app, &in, 1, &w->now);
}

static void text_input(World *w, const char *text)
{
    AppInput in;
    memset(&in, 0, sizeof in);
    in.kind = APP_INPUT_TEXT;
    snprintf(in.text, sizeof in.text, "%s", text);
    frame_update(&w->app, &in, 1, &w->now);
}

static void key(World *w, AppKey k)
{
    AppInput in;
    memset(&in, 0, sizeof in);
    in.kind = APP_INPUT_KEY;
    in.key = k;
    frame_update(&w->app, &in, 1, &w->now);
}

static int has(World *w, const char *label)
{
    const UiTarget *t;
    return ui_find(&w->app.ui, label, &t) == 1 && t != NULL;
}

static void tap(World *w, const char *label);

/* The entry's steps: Next until label is on screen, then a tap on it. */
static void tap_step(World *w, const char *label)
{
    for (int i = 0; i < 5 && !has(w, label) && has(w, "Next"); i++)
        tap(w, "Next");
    tap(w, label);
}

static void centre_of(World *w, const char *label, int *x, int *y)
{
    const UiTarget *t;
    if (ui_find(&w->app.ui, label, &t) != 1 || !t)
        fail_msg("no single target \"%s\" on %s", label, screen_name(app_screen(&w->app)));
    UiScroll *sc = ui_target_scroll(&w->app.ui, t);
    if (sc && (t->rect.y < sc->view.y || t->rect.y + t->rect.h > sc->view.y + sc->view.h)) {
        sc->offset += t->rect.y - sc->view.y;
        frame_update(&w->app, NULL, 0, &w->now);
        if (ui_find(&w->app.ui, label, &t) != 1 || !t)
            fail_msg("\"%s\" went away while scrolling to it", label);
    }
    *x = t->visible.x + t->visible.w / 2;
    *y = t->visible.y + t->visible.h / 2;
}

static void tap(World *w, const char *label)
{
    int x, y;
    centre_of(w, label, &x, &y);
    input(w, APP_INPUT_PRESS, x, y);
    advance(w, 80);
    input(w, APP_INPUT_RELEASE, x, y);
    advance(w, 600);
}

static void press(World *w, const char *label)
{
    int x, y;
    centre_of(w, label, &x, &y);
    input(w, APP_INPUT_PRESS, x, y);
}

/* Whether the words are on screen: in one text, or wrapped over the lines
 * that follow each other in the draw list. */
static int shows(const App *app, const char *text)
{
    static char joined[DRAW_TEXT_BYTES * 2];
    size_t used = 0;
    for (int i = 0; i < app->draw.count; i++) {
        if (app->draw.cmds[i].kind != DRAW_TEXT)
            continue;
        const char *t = draw_text(&app->draw, &app->draw.cmds[i]);
        if (strstr(t, text))
            return 1;
        int n = snprintf(joined + used, sizeof joined - used, "%s%s", used ? " " : "", t);
        if (n > 0 && (size_t)n < sizeof joined - used)
            used += (size_t)n;
    }
    return strstr(joined, text) != NULL;
}

static void type_keys(World *w, const char *text)
{
    /* The on-screen key where there is one, else text input, as the script's type does. */
    for (const char *p = text; *p;) {
        int n = utf8_char_bytes(p);
        char ch[8] = {0};
        memcpy(ch, p, (size_t)n);
        p += n;
        char label[32];
        snprintf(label, sizeof label, strcmp(ch, " ") == 0 ? "Space" : "Key %s", ch);
        const UiTarget *t;
        int found = 0;
        for (int i = 0; i < w->app.ui.last_target_count; i++)
            found |= strcmp(w->app.ui.last_targets[i].label, label) == 0;
        if (found && ui_find(&w->app.ui, label, &t) == 1)
            tap(w, label);
        else
            text_input(w, ch);
    }
}

static void assert_screen(World *w, ScreenId s)
{
    if (app_screen(&w->app) != s)
        fail_msg("on %s, expected %s", screen_name(app_screen(&w->app)), screen_name(s));
}

static void stop_a_session(World *w)
{
    tap(w, "Signals");
    tap(w, "Alex / Keep going");
    press(w, "Sam / Pause");
    input(w, APP_INPUT_RELEASE, 0, 0);
    advance(w, 600);
    press(w, "Stop for today");
    input(w, APP_INPUT_RELEASE, 0, 0);
    advance(w, 600);
    assert_screen(w, SCREEN_STOPPED);
}

static void add_to_journal_after_stop(void **state)
{
    (void)state;
    World *w = world(NULL);
    stop_a_session(w);
    tap(w, "Add to journal");
    assert_screen(w, SCREEN_ENTRY);
    assert_int_equal(w->app.journal.draft.session, w->app.stopped_session);
    assert_int_equal(w->app.journal.draft.partner, 3);
    assert_true(shows(&w->app, "Today's session at"));
    assert_true(shows(&w->app, "1 pause"));
    tap(w, "Save");
    assert_screen(w, SCREEN_JOURNAL);
    assert_int_equal(w->fake.saves, 1);
    assert_int_equal(w->fake.entries[0].session, w->app.stopped_session);
    /* Back from the timeline goes home: the stopped screen is behind us. */
    assert_int_equal(app_screen_below(&w->app), SCREEN_HOME);
    free(w);
}

static void write_an_entry(World *w)
{
    tap(w, "Journal");
    assert_screen(w, SCREEN_JOURNAL);
    assert_true(shows(&w->app, "Nothing here yet"));
    tap(w, "New entry");
    assert_screen(w, SCREEN_ENTRY);
    tap(w, "Who / Sam");
    tap(w, "Tried / Massage");
    tap(w, "Tried / Holding");
    tap_step(w, "Comfort 4");
    tap(w, "Comfort 4"); /* a second tap clears it */
    tap(w, "Comfort 3");
    tap_step(w, "Pain 0");
    tap_step(w, "Tiredness 10");
    tap_step(w, "Helped / Slower pace");
    tap_step(w, "Next time / Go slower");
    tap_step(w, "Note");
    type_keys(w, "Ça va très bien ♥ 😀");
    assert_true(shows(&w->app, "19/500"));
    tap(w, "Done");
    assert_screen(w, SCREEN_ENTRY);
}

static void entry_with_chips_ratings_and_note(void **state)
{
    (void)state;
    World *w = world(NULL);
    write_an_entry(w);
    tap(w, "Save");
    assert_int_equal(w->fake.saves, 1);
    /* Durable first: the save ran on the entry screen, before "Saved" showed. */
    assert_int_equal(w->fake.screen_at_save, SCREEN_ENTRY);
    assert_false(w->fake.saved_toast_before);
    const LogEvent *ev = &w->fake.entries[0];
    assert_int_equal(ev->kind, EVENT_ENTRY);
    assert_string_equal(ev->name, "entry");
    assert_int_equal(ev->partner, 2);
    assert_string_equal(ev->partner_name, "Sam");
    assert_string_equal(ev->tried, "holding;massage"); /* the vocabulary's order, ids */
    assert_string_equal(ev->helped, "slower_pace");
    assert_string_equal(ev->next, "go_slower");
    assert_int_equal(ev->comfort, 3);
    assert_int_equal(ev->pain, 0);
    assert_int_equal(ev->tiredness, 10);
    assert_int_equal(ev->closeness, EVENT_UNSET);
    assert_string_equal(ev->note, "Ça va très bien ♥ 😀");
    assert_int_equal(ev->time_ms, w->now.wall_ms - 600);
    assert_screen(w, SCREEN_JOURNAL);
    assert_true(shows(&w->app, "Saved"));
    /* one line, or parted at a " · " where the screen is narrow */
    assert_true(shows(&w->app, "Sam · Comfort 3") && shows(&w->app, "Pain 0") &&
                shows(&w->app, "Tiredness 10"));
    assert_true(shows(&w->app, "Tried: Holding, Massage"));
    assert_true(shows(&w->app, "Ça va très bien ♥ 😀"));
    advance(w, 3500);
    assert_false(shows(&w->app, "Saved"));
    free(w);
}

static void pause_while_writing_keeps_the_words(void **state)
{
    (void)state;
    World *w = world(NULL);
    write_an_entry(w);
    press(w, "Pause");
    assert_screen(w, SCREEN_PAUSED);
    tap(w, "Alex / I'm ready");
    tap(w, "Sam / I'm ready");
    /* Resumed: back to the entry being written, not the board. */
    assert_screen(w, SCREEN_ENTRY);
    tap(w, "Save");
    assert_int_equal(w->fake.saves, 1);
    assert_string_equal(w->fake.entries[0].note, "Ça va très bien ♥ 😀");
    free(w);
}

static void failed_save_keeps_everything(void **state)
{
    (void)state;
    World *w = world(NULL);
    write_an_entry(w);
    w->fake.fail_with = 2; /* STORE_FULL */
    tap(w, "Save");
    assert_screen(w, SCREEN_ENTRY);
    assert_true(shows(&w->app, "Not saved — the storage is full"));
    assert_false(shows(&w->app, "Saved"));
    assert_int_equal(w->app.journal.draft.comfort, 3);
    assert_string_equal(w->app.journal.draft.note, "Ça va très bien ♥ 😀");
    assert_int_equal(w->fake.saves, 0);
    w->fake.fail_with = 0;
    tap(w, "Save");
    assert_screen(w, SCREEN_JOURNAL);
    assert_int_equal(w->fake.saves, 1);
    assert_string_equal(w->fake.entries[0].note, "Ça va très bien ♥ 😀");
    free(w);
}

static void refused_entry_is_retried(void **state)
{
    (void)state;
    World *w = world(NULL);
    write_an_entry(w);
    w->fake.fail_with = 3; /* the storage is failing */
    tap(w, "Save");
    assert_screen(w, SCREEN_ENTRY);
    advance(w, 1200); /* still failing: still here */
    assert_screen(w, SCREEN_ENTRY);
    assert_int_equal(w->fake.saves, 0);
    w->fake.fail_with = 0; /* the storage recovers */
    advance(w, 1200);
    assert_screen(w, SCREEN_JOURNAL);
    assert_int_equal(w->fake.saves, 1);
    assert_true(shows(&w->app, "Saved"));
    /* A draft changed after the refusal waits for Save instead. */
    tap(w, "New entry");
    tap_step(w, "Pain 4");
    w->fake.fail_with = 2;
    tap(w, "Save");
    w->fake.fail_with = 0;
    tap(w, "Pain 5");
    advance(w, 2500);
    assert_screen(w, SCREEN_ENTRY);
    assert_int_equal(w->fake.saves, 1);
    tap(w, "Save");
    assert_int_equal(w->fake.saves, 2);
    assert_int_equal(w->fake.entries[1].pain, 5);
    free(w);
}

static void edit_delete_and_undo(void **state)
{
    (void)state;
    World *w = world(NULL);
    write_an_entry(w);
    tap(w, "Save");
    char label[64];
    snprintf(label, sizeof label, "Entry 5 Jan 21:00 #%lld", (long long)w->fake.entries[0].id);
    tap(w, label);
    assert_screen(w, SCREEN_ENTRY);
    assert_true(has(w, "Delete entry")); /* an edit, not a new entry */
    tap_step(w, "Pain 5");
    tap(w, "Back");
    tap(w, "Tried / Massage"); /* off */
    tap(w, "Save");
    assert_int_equal(w->fake.updates, 1);
    assert_int_equal(w->fake.saves, 1);
    assert_int_equal(w->fake.entries[0].pain, 5);
    assert_string_equal(w->fake.entries[0].tried, "holding");
    assert_screen(w, SCREEN_JOURNAL);

    tap(w, label);
    tap(w, "Delete entry");
    assert_screen(w, SCREEN_JOURNAL);
    assert_int_equal(w->fake.deletes, 1);
    assert_true(shows(&w->app, "Entry deleted"));
    assert_false(has(w, label));
    tap(w, "Undo");
    assert_int_equal(w->fake.undeletes, 1);
    assert_true(has(w, label));
    /* Undo lasts a while, not for ever. */
    tap(w, label);
    tap(w, "Delete entry");
    advance(w, 29000);
    assert_true(has(w, "Undo"));
    advance(w, 2000);
    assert_false(has(w, "Undo"));
    assert_false(has(w, label));
    free(w);
}

static void physical_keyboard_in_the_note(void **state)
{
    (void)state;
    World *w = world(NULL);
    tap(w, "Journal");
    tap(w, "New entry");
    tap_step(w, "Note");
    text_input(w, "Añ😀");
    key(w, KEY_BACKSPACE); /* the emoji goes whole */
    assert_string_equal(w->app.journal.kb.text, "Añ");
    key(w, KEY_RETURN);
    assert_string_equal(w->app.journal.draft.note, "Añ");
    tap(w, "Note");
    text_input(w, "x");
    key(w, KEY_ESCAPE); /* leaves the note as it was */
    assert_string_equal(w->app.journal.draft.note, "Añ");
    assert_screen(w, SCREEN_ENTRY);
    free(w);
}

static void ten_thousand(Fake *f)
{
    f->generated = 10000;
}

static void window_is_consecutive(const App *app)
{
    const JournalState *js = &app->journal;
    assert_true(js->item_count <= JOURNAL_WINDOW);
    for (int i = 1; i < js->item_count; i++)
        assert_int_equal(js->items[i].id, js->items[i - 1].id + 1);
}

static void timeline_pages_through_ten_thousand(void **state)
{
    (void)state;
    World *w = world(ten_thousand);
    tap(w, "Journal");
    const JournalState *js = &w->app.journal;
    /* Opening reads a page or two, not the journal. */
    assert_true(w->fake.served <= 3 * JOURNAL_PAGE);
    assert_int_equal(js->items[0].id, 1);
    window_is_consecutive(&w->app);
    int64_t last_served = w->fake.served;
    for (int i = 0; i < 150; i++) {
        tap(w, "Scroll down");
        window_is_consecutive(&w->app);
    }
    int64_t far = js->items[0].id;
    assert_true(far > 200);
    /* What was read grew with the distance scrolled, nothing like 10,000. */
    assert_true(w->fake.served - last_served < (far + JOURNAL_WINDOW) * 2);
    assert_true(w->fake.served < 2000);
    for (int i = 0; i < 400 && (js->scroll.offset > 0 || !js->at_newest); i++)
        tap(w, "Scroll up");
    assert_int_equal(js->items[0].id, 1);
    assert_int_equal(js->scroll.offset, 0);
    window_is_consecutive(&w->app);
    free(w);
}

/* The item at the top of the timeline's view. */
static const JournalItem *top_in_view(World *w)
{
    const JournalState *js = &w->app.journal;
    int tops[JOURNAL_WINDOW + 1];
    timeline_layout(&w->app, tops);
    for (int i = 0; i < js->item_count; i++)
        if (tops[i + 1] > js->scroll.offset)
            return &js->items[i];
    fail_msg("nothing in view");
    return NULL;
}

/* Twelve weeks back is three taps, not fifty: a month back from the top item
 * each time, with the day headings saying where; Newest comes back. Entries
 * only leaves the sessions and the breathing out, and says so when empty. */
static void timeline_jumps_and_filters(void **state)
{
    (void)state;
    World *w = world(ten_thousand);
    tap(w, "Journal");
    const JournalState *js = &w->app.journal;
    assert_false(has(w, "Newest")); /* at the newest already */
    for (int i = 0; i < 3; i++)
        tap(w, "A month back");
    /* 5 January 21:00 back to the last hour of 5 October: 92 days less 2 h. */
    int64_t back_h = (NOW - top_in_view(w)->time_ms) / 3600000;
    assert_int_equal(back_h, 2206);
    assert_true(shows(&w->app, "Sunday 5 October 2025")); /* the day's heading, on top */
    assert_true(w->fake.served < 400); /* nothing like the ten thousand between */
    tap(w, "A week back");
    back_h = (NOW - top_in_view(w)->time_ms) / 3600000;
    assert_int_equal(back_h, 2206 + 168);
    /* Scrolling up from there brings in what lies between, in order. */
    tap(w, "Scroll up");
    window_is_consecutive(&w->app);
    tap(w, "Newest");
    assert_int_equal(js->items[0].id, 1);
    assert_int_equal(js->scroll.offset, 0);

    tap(w, "Entries only");
    assert_true(js->entries_only);
    assert_true(js->item_count > 0);
    for (int i = 0; i < js->item_count; i++)
        assert_int_equal(js->items[i].kind, JOURNAL_ITEM_ENTRY);
    tap(w, "A month back");
    for (int i = 0; i < js->item_count; i++)
        assert_int_equal(js->items[i].kind, JOURNAL_ITEM_ENTRY);
    tap(w, "Entries only");
    assert_false(js->entries_only);
    assert_int_equal(js->items[0].id, 1);
    free(w);

    w = world(NULL);
    tap(w, "Journal");
    tap(w, "Entries only");
    assert_true(shows(&w->app, "No entries yet."));
    free(w);
}

/* Drafts kept over a restart come back exactly: tabs, newlines, backslashes,
 * emoji, unset ratings and an edit's id; a damaged line is left out. */
static void drafts_round_trip(void **state)
{
    (void)state;
    LogEvent d[2];
    event_init(&d[0], EVENT_ENTRY);
    event_init(&d[1], EVENT_ENTRY);
    d[0].partner = PARTNER_BOTH;
    d[0].comfort = 4;
    d[0].pain = EVENT_UNSET;
    snprintf(d[0].tried, sizeof d[0].tried, "massage;holding");
    snprintf(d[0].note, sizeof d[0].note, "Warm\thands,\nslow \\ kind 😀");
    d[1].id = 42;
    d[1].time_ms = 1767646800000;
    d[1].utc_offset_s = 3600;
    d[1].session = 7;
    d[1].partner = PARTNER_SECOND;
    snprintf(d[1].partner_name, sizeof d[1].partner_name, "Sam\t");
    char text[8192];
    assert_true(drafts_format(d, 2, text, sizeof text) > 0);
    LogEvent back[4];
    assert_int_equal(drafts_parse(text, back, 4), 2);
    assert_string_equal(back[0].note, d[0].note);
    assert_string_equal(back[0].tried, d[0].tried);
    assert_int_equal(back[0].comfort, 4);
    assert_int_equal(back[0].pain, EVENT_UNSET);
    assert_int_equal(back[1].id, 42);
    assert_int_equal(back[1].session, 7);
    assert_int_equal(back[1].utc_offset_s, 3600);
    assert_string_equal(back[1].partner_name, "Sam\t");
    assert_int_equal(drafts_format(d, 2, text, 64), -1); /* never cut */
    assert_int_equal(drafts_parse("lull-drafts 1\nnot a draft\n", back, 4), 0);
    assert_int_equal(drafts_parse("something else", back, 4), 0);
}

/* A new journal's Insights say what will appear, on each page, rather than
 * showing empty lists and flat charts. */
static void empty_insights_say_what_will_come(void **state)
{
    (void)state;
    World *w = world(NULL);
    tap(w, "Journal");
    tap(w, "Insights");
    assert_true(shows(&w->app, "When an entry says what you tried"));
    tap(w, "Helped");
    assert_true(shows(&w->app, "When an entry says what helped"));
    tap(w, "Charts");
    assert_true(shows(&w->app, "Week by week, your entries"));
    free(w);
}

static void drag_then_glide(void **state)
{
    (void)state;
    World *w = world(ten_thousand);
    tap(w, "Journal");
    const JournalState *js = &w->app.journal;
    Rect v = js->scroll.view;
    int x = v.x + v.w / 2, y = v.y + v.h - 10;
    input(w, APP_INPUT_PRESS, x, y);
    for (int i = 1; i <= 8; i++) {
        advance(w, 16);
        input(w, APP_INPUT_MOVE, x, y - i * 25);
    }
    int dragged = js->scroll.offset;
    assert_true(dragged >= 150);
    input(w, APP_INPUT_RELEASE, x, y - 200);
    /* The list glides on after the flick, wanting frames, then settles. */
    assert_true(timeline_animating(&w->app));
    assert_int_equal(frame_wake_in(&w->app), 16);
    for (int i = 0; i < 10; i++)
        advance(w, 16);
    int gliding = js->scroll.offset;
    assert_true(gliding > dragged + 100);
    for (int i = 0; i < 200; i++)
        advance(w, 16);
    assert_false(timeline_animating(&w->app));
    int settled = js->scroll.offset;
    advance(w, 500);
    assert_int_equal(js->scroll.offset, settled);
    window_is_consecutive(&w->app);
    /* A touch stops a glide at once. */
    input(w, APP_INPUT_PRESS, x, y);
    for (int i = 1; i <= 8; i++) {
        advance(w, 16);
        input(w, APP_INPUT_MOVE, x, y - i * 25);
    }
    input(w, APP_INPUT_RELEASE, x, y - 200);
    advance(w, 16);
    input(w, APP_INPUT_PRESS, x, y);
    assert_false(timeline_animating(&w->app));
    input(w, APP_INPUT_RELEASE, x, y);
    free(w);
}

static void with_pin(Fake *f)
{
    f->pin_is_set = 1;
    snprintf(f->pin, sizeof f->pin, "2468");
}

static void wrong(World *w)
{
    type_keys(w, "1111");
    tap(w, "Unlock");
}

static void pin_rules(void **state)
{
    (void)state;
    assert_int_equal(pin_wait_ms(0), 0);
    assert_int_equal(pin_wait_ms(2), 0);
    assert_int_equal(pin_wait_ms(3), 10000);
    assert_int_equal(pin_wait_ms(4), 30000);
    assert_int_equal(pin_wait_ms(5), 60000);
    assert_int_equal(pin_wait_ms(6), 120000);
    assert_int_equal(pin_wait_ms(8), 480000);
    assert_int_equal(pin_wait_ms(9), 900000);
    assert_int_equal(pin_wait_ms(1000), 900000);
    for (int f = 1; f < 40; f++)
        assert_true(pin_wait_ms(f) >= pin_wait_ms(f - 1));
    assert_true(pin_valid("1234"));
    assert_true(pin_valid("123456"));
    assert_false(pin_valid("123"));
    assert_false(pin_valid("1234567"));
    assert_false(pin_valid("12a4"));
    assert_false(pin_valid(""));
}

static void pin_guards_journal_and_settings(void **state)
{
    (void)state;
    World *w = world(with_pin);
    tap(w, "Journal");
    assert_screen(w, SCREEN_LOCKED);
    assert_true(has(w, "Home"));
    assert_true(has(w, "Pause"));
    assert_false(has(w, "Unlock")); /* not before four digits */
    wrong(w);
    wrong(w);
    assert_true(shows(&w->app, "That PIN does not match."));
    assert_true(has(w, "Key 1"));
    wrong(w); /* the third: now a wait */
    assert_int_equal(w->fake.pin_checks, 3);
    assert_string_equal(setting(&w->fake, "journal.pin.failures"), "3");
    assert_false(has(w, "Key 1"));
    assert_true(shows(&w->app, "Try again in 10 seconds"));
    text_input(w, "2468"); /* a keyboard cannot skip the wait either */
    key(w, KEY_RETURN);
    assert_int_equal(w->fake.pin_checks, 3);
    assert_screen(w, SCREEN_LOCKED);
    advance(w, 9000);
    assert_false(has(w, "Key 2"));
    advance(w, 400);
    assert_true(has(w, "Key 2"));
    wrong(w); /* the fourth: a longer wait */
    assert_true(shows(&w->app, "Try again in 30 seconds"));
    advance(w, 30000);
    type_keys(w, "2468");
    tap(w, "Unlock");
    assert_screen(w, SCREEN_JOURNAL);
    assert_string_equal(setting(&w->fake, "journal.pin.failures"), "0");
    /* Unlocked: Settings opens straight away... */
    tap(w, "Home");
    tap(w, "Settings");
    assert_screen(w, SCREEN_SETTINGS);
    /* ...until five minutes pass without a touch. */
    advance(w, PIN_RELOCK_MS - 1000);
    assert_screen(w, SCREEN_SETTINGS);
    advance(w, 2000);
    assert_screen(w, SCREEN_LOCKED);
    key(w, KEY_ESCAPE);
    assert_screen(w, SCREEN_HOME);
    free(w);
}

/* A PIN the store cannot check is not a wrong PIN: no failure is counted, no
 * wait begins, and the words say what happened. */
static void a_pin_that_cannot_be_checked_is_not_wrong(void **state)
{
    (void)state;
    World *w = world(with_pin);
    tap(w, "Journal");
    assert_screen(w, SCREEN_LOCKED);
    w->fake.pin_fails_with = STORE_ERROR;
    type_keys(w, "2468");
    tap(w, "Unlock");
    assert_screen(w, SCREEN_LOCKED);
    assert_int_equal(w->app.journal.pin_failures, 0);
    assert_string_equal(w->app.journal.pin_message,
                        "The PIN could not be checked: the journal could not be reached.");
    assert_true(shows(&w->app, "The PIN could not be checked"));
    assert_false(shows(&w->app, "That PIN does not match."));
    w->fake.pin_fails_with = STORE_OK;
    type_keys(w, "2468");
    tap(w, "Unlock");
    assert_screen(w, SCREEN_JOURNAL);
    free(w);
}

static void pin_survives_a_restart_of_the_count(void **state)
{
    (void)state;
    World *w = world(with_pin);
    fake_set(&w->fake, "journal.pin.failures", "4");
    w->app.journal.loaded = 0; /* as at a fresh start with four failures kept */
    advance(w, 16);
    tap(w, "Journal");
    assert_screen(w, SCREEN_LOCKED);
    assert_false(has(w, "Key 2"));
    assert_true(shows(&w->app, "Try again in"));
    free(w);
}

static void leaving_asks_for_the_pin(void **state)
{
    (void)state;
    World *w = world(NULL);
    assert_int_equal(lock_guard_quit(&w->app), 0); /* no PIN: leave at once */
    free(w);
    w = world(with_pin);
    tap(w, "Signals");
    assert_int_equal(lock_guard_quit(&w->app), 1);
    advance(w, 16);
    assert_screen(w, SCREEN_LOCKED);
    assert_true(shows(&w->app, "The PIN, to leave Lull"));
    tap(w, "Cancel"); /* back where they were, still running */
    assert_screen(w, SCREEN_SIGNALS);
    assert_false(w->app.quit);
    lock_guard_quit(&w->app);
    advance(w, 16);
    wrong(w);
    assert_false(w->app.quit);
    type_keys(w, "2468");
    tap(w, "Unlock");
    assert_true(w->app.quit);
    free(w);
}

static void setting_a_pin(void **state)
{
    (void)state;
    World *w = world(NULL);
    tap(w, "Settings");
    tap(w, "Set a PIN");
    assert_screen(w, SCREEN_LOCKED);
    assert_true(shows(&w->app, "Choose a PIN"));
    type_keys(w, "1357");
    tap(w, "Next");
    type_keys(w, "1358");
    tap(w, "Save PIN");
    assert_true(shows(&w->app, "The two did not match"));
    assert_string_equal(w->fake.pin_set_to, "");
    type_keys(w, "135790");
    tap(w, "Next");
    type_keys(w, "135790");
    tap(w, "Save PIN");
    assert_string_equal(w->fake.pin_set_to, "135790");
    assert_screen(w, SCREEN_SETTINGS);
    assert_true(shows(&w->app, "PIN set"));
    assert_true(has(w, "Change PIN"));
    tap(w, "Remove PIN");
    assert_int_equal(w->fake.pin_is_set, 0);
    assert_true(has(w, "Set a PIN"));
    free(w);
}

static void words_round_trip(void **state)
{
    (void)state;
    JournalWords words;
    words_defaults(&words);
    assert_string_equal(words.words[WORDS_TRIED][2].id, "massage");
    assert_string_equal(words.words[WORDS_HELPED][1].label, "Pillows for support");
    int at = words_add(&words, WORDS_TRIED, "  Back rub, slow!  ");
    assert_true(at >= 0);
    assert_string_equal(words.words[WORDS_TRIED][at].id, "back_rub_slow");
    assert_string_equal(words.words[WORDS_TRIED][at].label, "Back rub, slow!");
    at = words_add(&words, WORDS_TRIED, "Back rub slow");
    assert_string_equal(words.words[WORDS_TRIED][at].id, "back_rub_slow_2");
    at = words_add(&words, WORDS_TRIED, "Câlin ♥");
    assert_string_equal(words.words[WORDS_TRIED][at].id, "c_lin");
    assert_int_equal(words_add(&words, WORDS_TRIED, "   "), -1);
    words.words[WORDS_TRIED][0].hidden = 1;
    char text[WORDS_SETTING_MAX];
    words_format(&words, WORDS_TRIED, text, sizeof text);
    assert_non_null(strstr(text, "-holding=Holding\n"));
    JournalWords back;
    words_defaults(&back);
    assert_int_equal(words_parse(&back, WORDS_TRIED, text), 0);
    assert_int_equal(back.count[WORDS_TRIED], words.count[WORDS_TRIED]);
    assert_true(back.words[WORDS_TRIED][0].hidden);
    assert_string_equal(back.words[WORDS_TRIED][at].label, "Câlin ♥");
    assert_int_equal(words_parse(&back, WORDS_TRIED, "Bad Id=x"), -1);
    assert_int_equal(words_parse(&back, WORDS_TRIED, "a=1\na=2"), -1);
    char fallback[64];
    assert_string_equal(words_label(&words, WORDS_HELPED, "gone_word", fallback, sizeof fallback),
                        "Gone word");

    char chips[EVENT_CHIPS_MAX] = "";
    const JournalWord *order = words.words[WORDS_TRIED];
    int n = words.count[WORDS_TRIED];
    chips_toggle(chips, sizeof chips, "massage", order, n);
    chips_toggle(chips, sizeof chips, "holding", order, n);
    assert_string_equal(chips, "holding;massage");
    chips_toggle(chips, sizeof chips, "holding", order, n);
    assert_string_equal(chips, "massage");
    assert_true(chips_has("a;massage;b", "massage"));
    assert_false(chips_has("a;massages;b", "massage"));
    char labels[200];
    chips_labels(&words, WORDS_TRIED, "massage;gone_word", labels, sizeof labels);
    assert_string_equal(labels, "Massage, Gone word");
}

static void renaming_a_word_keeps_its_id(void **state)
{
    (void)state;
    World *w = world(NULL);
    tap(w, "Settings");
    tap(w, "Edit journal words");
    assert_screen(w, SCREEN_JOURNAL_WORDS);
    tap(w, "Massage / Rename");
    for (int i = 0; i < 7; i++)
        tap(w, "Backspace");
    type_keys(w, "Back rub");
    tap(w, "Done");
    assert_non_null(strstr(setting(&w->fake, "journal.words.tried"), "massage=Back rub"));
    tap(w, "Kissing / Hide");
    assert_non_null(strstr(setting(&w->fake, "journal.words.tried"), "-kissing=Kissing"));
    tap(w, "Helped");
    tap(w, "Add a word");
    type_keys(w, "Music");
    tap(w, "Done");
    assert_non_null(strstr(setting(&w->fake, "journal.words.helped"), "music=Music"));
    tap(w, "Home");
    tap(w, "Journal");
    tap(w, "New entry");
    assert_false(has(w, "Tried / Kissing"));
    tap(w, "Tried / Back rub");
    tap_step(w, "Helped / Music");
    tap(w, "Save");
    assert_string_equal(w->fake.entries[0].tried, "massage");
    assert_string_equal(w->fake.entries[0].helped, "music");
    /* A new start reads the words back from the settings. */
    w->app.journal.loaded = 0;
    advance(w, 16);
    assert_string_equal(w->app.journal.words.words[WORDS_TRIED][2].label, "Back rub");
    free(w);
}

static void with_insights(Fake *f)
{
    Insights *in = &f->insights;
    in->entries = 9;
    in->sessions = 7;
    in->pauses = 9;
    in->breathing = 5;
    in->breathing_s = 2880;
    InsightsChip massage = {"massage", 5, {4, 15.0}, {5, 12.0}};
    InsightsChip holding = {"holding", 2, {0, 0.0}, {1, 1.0}};
    InsightsChip slower = {"slower_pace", 4, {0, 0.0}, {0, 0.0}};
    in->tried[0] = massage;
    in->tried[1] = holding;
    in->tried_count = 2;
    in->helped[0] = slower;
    in->helped_count = 1;
    for (int w = 0; w < 12; w++) {
        in->week[w].closeness = (InsightsMean){2, 6.0 + w % 3};
        in->week[w].comfort = (InsightsMean){w % 4 ? 2 : 0, 7.0};
        in->week[w].pain = (InsightsMean){2, 4.0};
        in->week[w].sessions = w % 3;
        in->week[w].pauses = w % 2;
        in->week[w].breathing_s = w * 300;
    }
}

static void insights_show_the_figures(void **state)
{
    (void)state;
    World *w = world(with_insights);
    tap(w, "Journal");
    tap(w, "Insights");
    assert_screen(w, SCREEN_INSIGHTS);
    assert_true(shows(&w->app, "9 December 2025 to 5 January 2026"));
    assert_true(shows(&w->app, "9 entries"));
    assert_true(shows(&w->app, "7 signal sessions"));
    assert_true(shows(&w->app, "5 breathing sessions"));
    assert_true(shows(&w->app, "Massage"));
    assert_true(shows(&w->app, "5 times") && shows(&w->app, "comfort 3.8") &&
                shows(&w->app, "pain 2.4"));
    assert_true(shows(&w->app, "2 times · pain 1.0"));
    tap(w, "Helped");
    assert_true(shows(&w->app, "Slower pace"));
    assert_true(shows(&w->app, "4 times"));
    tap(w, "Charts");
    assert_true(shows(&w->app, "Closeness"));
    tap(w, "12 weeks");
    assert_true(shows(&w->app, "14 October 2025 to 5 January 2026"));
    free(w);
}

static void mean_rounding(void **state)
{
    (void)state;
    assert_int_equal(insights_mean_tenths((InsightsMean){4, 15.0}), 38); /* 3.75 up */
    assert_int_equal(insights_mean_tenths((InsightsMean){3, 10.0}), 33);
    assert_int_equal(insights_mean_tenths((InsightsMean){6, 17.0}), 28);
    assert_int_equal(insights_mean_tenths((InsightsMean){0, 0.0}), -1);
    char t[16];
    insights_mean_text((InsightsMean){1, 10.0}, t, sizeof t);
    assert_string_equal(t, "10.0");
    int64_t from, to;
    insights_period(4, NOW, 0, &from, &to);
    assert_int_equal(to, 1767657600000); /* 6 January 00:00 */
    assert_int_equal(from, to - (int64_t)28 * 86400000);
    insights_period(1, NOW, -6 * 3600, &from, &to); /* 15:00 local */
    assert_int_equal(to, 1767657600000 + 6 * 3600000);
}

static int problems;

#define report(...) (print_error(__VA_ARGS__), print_error("\n"), problems++)

static void check(const App *app, const char *what)
{
    const Metrics *m = &app->metrics;
    const Ui *ui = &app->ui;
    for (int i = 0; i < ui->last_target_count; i++) {
        const UiTarget *t = &ui->last_targets[i];
        const Rect v = t->visible;
        if (t->rect.w < m->target || t->rect.h < m->target)
            report("%s: \"%s\" is %dx%d, below %d px", what, t->label, t->rect.w, t->rect.h,
                   m->target);
        if (v.w == 0 || v.h == 0)
            continue;
        if (v.x < 0 || v.y < 0 || v.x + v.w > m->w || v.y + v.h > m->h)
            report("%s: \"%s\" leaves the screen", what, t->label);
        for (int j = i + 1; j < ui->last_target_count; j++) {
            const UiTarget *u = &ui->last_targets[j];
            if (u->visible.w && u->visible.h && rect_overlaps(v, u->visible))
                report("%s: \"%s\" overlaps \"%s\"", what, t->label, u->label);
            if (strcmp(t->label, u->label) == 0)
                report("%s: \"%s\" twice", what, t->label);
        }
    }
    const DrawList *d = &app->draw;
    for (int i = 0; i < d->count; i++) {
        const DrawCmd *c = &d->cmds[i];
        if (c->kind != DRAW_TEXT)
            continue;
        const char *text = draw_text(d, c);
        if (c->size < m->text_min)
            report("%s: \"%s\" at %d px is below %d px", what, text, c->size, m->text_min);
        int tw = fake_measure(NULL, text, c->size);
        if (tw > c->rect.w + 2)
            report("%s: \"%s\" (%d px) is wider than its box (%d px)", what, text, tw, c->rect.w);
        int clipped = 0;
        for (int k = i - 1; k >= 0; k--)
            if (d->cmds[k].kind == DRAW_CLIP) {
                clipped = d->cmds[k].rect.w > 0;
                break;
            }
        if (!clipped && (c->rect.x < 0 || c->rect.x + c->rect.w > m->w || c->rect.y < 0 ||
                         c->rect.y + c->rect.h > m->h))
            report("%s: \"%s\" leaves the screen", what, text);
    }
}

static void with_everything(Fake *f)
{
    with_insights(f);
    with_pin(f);
    f->generated = 300;
}

typedef enum {
    VIEW_TIMELINE,
    VIEW_TIMELINE_UNDO,
    VIEW_ENTRY,
    VIEW_ENTRY_FELT,
    VIEW_ENTRY_HELPED,
    VIEW_ENTRY_END,
    VIEW_NOTE,
    VIEW_INSIGHTS_TRIED,
    VIEW_INSIGHTS_CHARTS,
    VIEW_INSIGHTS_12,
    VIEW_PIN,
    VIEW_PIN_WAIT,
    VIEW_WORDS,
    VIEW_COUNT
} View;

static const char *const view_names[VIEW_COUNT] = {
    "timeline",        "timeline with undo", "entry",   "entry's ratings",
    "entry's help",    "entry's end",        "note",    "insights tried",
    "insights charts", "insights 12 weeks",  "pin pad", "pin pad waiting",
    "words",
};

static void open_view(World *w, View v)
{
    App *app = &w->app;
    JournalState *js = &app->journal;
    if (v == VIEW_PIN || v == VIEW_PIN_WAIT) {
        app_push(app, SCREEN_JOURNAL);
        advance(w, 16);
        if (v == VIEW_PIN_WAIT) {
            js->pin_failures = 5;
            js->pin_failed_mono = w->now.mono_ms;
            snprintf(js->pin_message, sizeof js->pin_message, "That PIN does not match.");
            snprintf(js->pin_digits, sizeof js->pin_digits, "12");
        }
        advance(w, 16);
        return;
    }
    js->pin_unlocked = 1;
    js->pin_active_mono = w->now.mono_ms;
    app_push(app, SCREEN_JOURNAL);
    advance(w, 16);
    switch (v) {
    case VIEW_TIMELINE:
        js->scroll.offset = 2000;
        break;
    case VIEW_TIMELINE_UNDO:
        js->undo_id = 5;
        js->undo_until = w->now.mono_ms + 10000;
        break;
    case VIEW_ENTRY:
    case VIEW_ENTRY_FELT:
    case VIEW_ENTRY_HELPED:
    case VIEW_ENTRY_END:
    case VIEW_NOTE: {
        JournalItem it = generated_item(2);
        it.ev.partner = 1;
        it.ev.closeness = 5;
        it.ev.pain = 10;
        it.ev.tiredness = 10;
        for (int l = 0; l < WORDS_LIST_COUNT; l++) {
            char *joined = l == 0 ? it.ev.tried : l == 1 ? it.ev.helped : it.ev.next;
            joined[0] = '\0';
            for (int i = 0; i < js->words.count[l]; i++)
                chips_toggle(joined, EVENT_CHIPS_MAX, js->words.words[l][i].id, NULL, 0);
        }
        snprintf(it.ev.note, sizeof it.ev.note, "%s",
                 "A long note that goes on and on about the evening, with words like "
                 "Unbelievablyverylongwordthatdoesnotfitanywhereatall and accents é à ü ♥ 😀, "
                 "so that it needs more than three lines wherever it is shown on the screen.");
        js->draft = it.ev;
        js->draft.session = 0;
        app_push(app, SCREEN_ENTRY);
        js->entry_step = v == VIEW_ENTRY_FELT     ? 1
                         : v == VIEW_ENTRY_HELPED ? 2
                         : v == VIEW_ENTRY        ? 0
                                                  : 3;
        if (v == VIEW_ENTRY_END)
            js->form_scroll.offset = 100000;
        if (v == VIEW_NOTE) {
            keyboard_init(&js->kb, it.ev.note, JOURNAL_NOTE_CHARS);
            js->note_open = 1;
        }
        snprintf(js->form_error, sizeof js->form_error,
                 "Not saved — the storage is full. Your entry is still here: try Save again.");
        break;
    }
    case VIEW_INSIGHTS_TRIED:
    case VIEW_INSIGHTS_CHARTS:
    case VIEW_INSIGHTS_12:
        js->insights_valid = 0;
        js->insights_page = v == VIEW_INSIGHTS_TRIED ? 0 : 2;
        js->insights_weeks = v == VIEW_INSIGHTS_12 ? 12 : 4;
        if (v != VIEW_INSIGHTS_TRIED)
            js->insights_scroll.offset = 300;
        app_push(app, SCREEN_INSIGHTS);
        break;
    case VIEW_WORDS:
        app_push(app, SCREEN_JOURNAL_WORDS);
        break;
    default:
        break;
    }
    advance(w, 16);
    advance(w, 16);
}

static void journal_screens_fit_every_size(void **state)
{
    (void)state;
    static const int sizes[][2] = {{800, 480}, {1280, 800}, {1920, 1080}, {720, 1280}};
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        for (int rot = 0; rot < 360; rot += 90) {
            int w = rot % 180 ? sizes[s][1] : sizes[s][0];
            int h = rot % 180 ? sizes[s][0] : sizes[s][1];
            for (int v = 0; v < VIEW_COUNT; v++) {
                World *wd = world_sized(w, h, with_everything);
                open_view(wd, (View)v);
                char what[128];
                snprintf(what, sizeof what, "%s at %dx%d", view_names[v], w, h);
                check(&wd->app, what);
                free(wd);
            }
        }
    }
    assert_int_equal(problems, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(add_to_journal_after_stop),
        cmocka_unit_test(entry_with_chips_ratings_and_note),
        cmocka_unit_test(pause_while_writing_keeps_the_words),
        cmocka_unit_test(failed_save_keeps_everything),
        cmocka_unit_test(refused_entry_is_retried),
        cmocka_unit_test(edit_delete_and_undo),
        cmocka_unit_test(physical_keyboard_in_the_note),
        cmocka_unit_test(timeline_pages_through_ten_thousand),
        cmocka_unit_test(timeline_jumps_and_filters),
        cmocka_unit_test(empty_insights_say_what_will_come),
        cmocka_unit_test(drafts_round_trip),
        cmocka_unit_test(drag_then_glide),
        cmocka_unit_test(pin_rules),
        cmocka_unit_test(pin_guards_journal_and_settings),
        cmocka_unit_test(a_pin_that_cannot_be_checked_is_not_wrong),
        cmocka_unit_test(pin_survives_a_restart_of_the_count),
        cmocka_unit_test(setting_a_pin),
        cmocka_unit_test(leaving_asks_for_the_pin),
        cmocka_unit_test(words_round_trip),
        cmocka_unit_test(renaming_a_word_keeps_its_id),
        cmocka_unit_test(insights_show_the_figures),
        cmocka_unit_test(mean_rounding),
        cmocka_unit_test(journal_screens_fit_every_size),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
