/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The app's side of point 2 and 3 (src/core/durable.c), on a fake store that
 * refuses writes on demand: a refused write is kept, said on screen, retried
 * about once a second and lands in order; a session that could not be stored
 * at first gets its real id everywhere; Pause never waits; the storage screen
 * explains a journal that could not be opened, and a new one can be started. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lull/frame.h"
#include "screens/screens.h"
#include "../support/fakes.h"

enum { FULL = 2, IO = 3, CORRUPT = 6, TOO_NEW = 7, MAX_LOG = 256 };

typedef struct {
    int refuse; /* a StoreStatus to answer every write with, 0 = accept */
    LogEvent log[MAX_LOG];
    int count;
    int attempts;
    int64_t sessions, ended[16];
    int ended_count;
    char key[16][64], value[16][256];
    int settings;
    int resets;
} Disk;

static int disk_log(void *ctx, LogEvent *ev)
{
    Disk *d = ctx;
    d->attempts++;
    if (d->refuse)
        return d->refuse;
    assert_true(d->count < MAX_LOG);
    ev->id = d->count + 1;
    d->log[d->count++] = *ev;
    return 0;
}

static int disk_begin(void *ctx, int64_t t, int32_t off, int64_t *id)
{
    (void)t;
    (void)off;
    Disk *d = ctx;
    if (d->refuse)
        return d->refuse;
    *id = ++d->sessions;
    return 0;
}

static int disk_end(void *ctx, int64_t id, int64_t t)
{
    (void)t;
    Disk *d = ctx;
    if (d->refuse)
        return d->refuse;
    assert_true(id > 0 && id <= d->sessions); /* never a stand-in */
    d->ended[d->ended_count++] = id;
    return 0;
}

static int disk_set(void *ctx, const char *key, const char *value)
{
    Disk *d = ctx;
    if (d->refuse)
        return d->refuse;
    snprintf(d->key[d->settings], 64, "%s", key);
    snprintf(d->value[d->settings], 256, "%s", value);
    d->settings++;
    return 0;
}

static int disk_reset(void *ctx, char *aside, size_t size)
{
    Disk *d = ctx;
    d->resets++;
    snprintf(aside, size, "lull.db.damaged-20260105-210000");
    return 0;
}

typedef struct {
    App app;
    Disk disk;
    AppTime now;
} World;

static World *world(void)
{
    World *w = calloc(1, sizeof *w);
    assert_non_null(w);
    Config config;
    config_defaults(&config);
    snprintf(config.partner_first, sizeof config.partner_first, "Alex");
    snprintf(config.partner_second, sizeof config.partner_second, "Sam");
    config.idle_dim_s = 0;
    AppHost host = {
        .ctx = &w->disk,
        .log_event = disk_log,
        .session_begin = disk_begin,
        .session_end = disk_end,
        .setting_set = disk_set,
    };
    w->now.mono_ms = 10000;
    w->now.wall_ms = 1767646800000;
    app_init(&w->app, &config, &host, fake_measure, NULL, &w->now);
    app_resize(&w->app, 800, 480, 133.0);
    return w;
}

static void advance(World *w, int64_t ms)
{
    w->now.mono_ms += ms;
    w->now.wall_ms += ms;
    frame_update(&w->app, NULL, 0, &w->now);
}

static void press_release(World *w, const char *label, int release)
{
    const UiTarget *t = NULL;
    if (ui_find(&w->app.ui, label, &t) < 1 || !t)
        fail_msg("no target \"%s\" on %s", label, screen_name(app_screen(&w->app)));
    AppInput in = {0};
    in.kind = APP_INPUT_PRESS;
    in.x = t->visible.x + t->visible.w / 2;
    in.y = t->visible.y + t->visible.h / 2;
    frame_update(&w->app, &in, 1, &w->now);
    if (release) {
        w->now.mono_ms += 80;
        w->now.wall_ms += 80;
        in.kind = APP_INPUT_RELEASE;
        frame_update(&w->app, &in, 1, &w->now);
    }
}

static void tap(World *w, const char *label)
{
    press_release(w, label, 1);
    advance(w, 600); /* past the half-second that makes a repeat count once */
}

/* A tap on a signal's wash: it only ends the wash (the board is under it). */
static void dismiss(World *w)
{
    press_release(w, "Dismiss", 1);
    advance(w, 16);
}

static int shows(const App *app, const char *needle)
{
    for (int i = 0; i < app->draw.count; i++) {
        const DrawCmd *c = &app->draw.cmds[i];
        if (c->kind == DRAW_TEXT && strstr(draw_text(&app->draw, c), needle))
            return 1;
    }
    return 0;
}

static void refused_writes_wait_and_land_in_order(void **state)
{
    (void)state;
    World *w = world();
    advance(w, 16);
    tap(w, "Signals");
    tap(w, "Sam / Slower");
    assert_int_equal(w->disk.count, 1);
    assert_false(shows(&w->app, "Not saved"));

    w->disk.refuse = FULL;
    dismiss(w);
    tap(w, "Alex / Keep going");
    assert_true(shows(&w->app, "Not saved — storage full"));
    /* Pause is instant whatever the disk says, and waits its turn to land. */
    press_release(w, "Alex / Pause", 0);
    assert_int_equal(app_screen(&w->app), SCREEN_PAUSED);
    assert_true(shows(&w->app, "Not saved — storage full"));
    assert_int_equal(app_writes_waiting(&w->app), 2);

    int before = w->disk.attempts;
    advance(w, 100);
    assert_int_equal(w->disk.attempts, before); /* not every frame */
    advance(w, 1000);
    assert_true(w->disk.attempts > before); /* about once a second */
    assert_int_equal(frame_wake_in(&w->app) <= 1000, 1);

    w->disk.refuse = IO;
    advance(w, 1000);
    assert_true(shows(&w->app, "Not saved — the storage is failing"));

    w->disk.refuse = 0;
    advance(w, 1000);
    assert_int_equal(app_writes_waiting(&w->app), 0);
    assert_false(shows(&w->app, "Not saved"));
    assert_true(shows(&w->app, "Saved"));
    assert_int_equal(w->disk.count, 3);
    assert_string_equal(w->disk.log[1].name, "good");
    assert_string_equal(w->disk.log[2].name, "pause");
    advance(w, 4000);
    assert_false(shows(&w->app, "Saved"));
    free(w);
}

static void a_refused_session_gets_its_real_id(void **state)
{
    (void)state;
    World *w = world();
    advance(w, 16);
    w->disk.refuse = FULL;
    tap(w, "Signals");
    tap(w, "Sam / Slower");
    assert_true(w->app.session.id < 0); /* a stand-in */
    dismiss(w);
    tap(w, "Alex / Pain");
    dismiss(w);
    tap(w, "Alex / Stop for today");
    assert_int_equal(w->disk.sessions, 0);
    w->disk.refuse = 0;
    advance(w, 1100);
    assert_int_equal(app_writes_waiting(&w->app), 0);
    assert_int_equal(w->disk.sessions, 1);
    assert_int_equal(w->disk.count, 3);
    for (int i = 0; i < 3; i++)
        assert_int_equal(w->disk.log[i].session, 1);
    assert_int_equal(w->disk.ended_count, 1);
    assert_int_equal(w->disk.ended[0], 1);
    assert_int_equal(w->app.stopped_session, 1);
    free(w);
}

static void settings_wait_with_their_latest_value(void **state)
{
    (void)state;
    World *w = world();
    advance(w, 16);
    w->disk.refuse = FULL;
    assert_int_equal(app_save_setting(&w->app, "sound.volume", "40"), FULL);
    assert_int_equal(app_save_setting(&w->app, "sound.volume", "55"), FULL);
    assert_int_equal(app_save_setting(&w->app, "display.night", "on"), FULL);
    assert_int_equal(w->app.config.volume, 55); /* applied at once all the same */
    assert_int_equal(app_writes_waiting(&w->app), 2);
    w->disk.refuse = 0;
    assert_int_equal(app_flush_writes(&w->app), 0);
    assert_int_equal(w->disk.settings, 2);
    assert_string_equal(w->disk.value[0], "55");
    free(w);
}

static void a_full_queue_drops_only_the_newest(void **state)
{
    (void)state;
    World *w = world();
    advance(w, 16);
    tap(w, "Signals");
    w->disk.refuse = FULL;
    for (int i = 0; i < DURABLE_QUEUE_MAX + 10; i++) {
        LogEvent ev;
        event_init(&ev, EVENT_SIGNAL);
        snprintf(ev.name, sizeof ev.name, "n%d", i);
        assert_int_equal(app_log(&w->app, &ev), FULL);
    }
    assert_int_equal(app_writes_waiting(&w->app), DURABLE_QUEUE_MAX);
    assert_int_equal(app_writes_dropped(&w->app), 10);
    w->disk.refuse = 0;
    assert_int_equal(app_flush_writes(&w->app), 0);
    assert_int_equal(w->disk.count, DURABLE_QUEUE_MAX);
    assert_string_equal(w->disk.log[0].name, "n0");
    assert_string_equal(w->disk.log[DURABLE_QUEUE_MAX - 1].name, "n63");
    free(w);
}

static void a_damaged_journal_is_explained_and_replaced_on_request(void **state)
{
    (void)state;
    World *w = world();
    w->disk.refuse = CORRUPT; /* no store: every write refused */
    app_storage_problem(&w->app, CORRUPT, 0, disk_reset, &w->disk);
    advance(w, 16);
    assert_int_equal(app_screen(&w->app), SCREEN_STORAGE);
    assert_true(shows(&w->app, "damaged"));
    const UiTarget *t;
    assert_int_equal(ui_find(&w->app.ui, "Pause", &t), 1); /* Pause is here too */
    tap(w, "Not now");
    assert_int_equal(app_screen(&w->app), SCREEN_HOME);
    assert_true(shows(&w->app, "Nothing is saved"));
    tap(w, "Signals");
    tap(w, "Sam / Tired");
    assert_int_equal(w->disk.resets, 0); /* never without the couple asking */
    assert_int_equal(w->disk.count, 0);
    free(w);

    w = world();
    w->disk.refuse = CORRUPT;
    app_storage_problem(&w->app, CORRUPT, 0, disk_reset, &w->disk);
    advance(w, 16);
    w->disk.refuse = 0; /* the new journal accepts writes */
    tap(w, "Start a new journal");
    assert_int_equal(w->disk.resets, 1);
    assert_true(shows(&w->app, "lull.db.damaged-20260105-210000"));
    tap(w, "OK");
    tap(w, "Signals");
    tap(w, "Sam / Tired");
    assert_int_equal(w->disk.count, 1);
    assert_false(shows(&w->app, "Nothing"));
    free(w);
}

static void a_newer_journal_is_left_alone(void **state)
{
    (void)state;
    World *w = world();
    w->disk.refuse = TOO_NEW;
    app_storage_problem(&w->app, TOO_NEW, 0, NULL, NULL);
    advance(w, 16);
    assert_int_equal(app_screen(&w->app), SCREEN_STORAGE);
    const UiTarget *t;
    assert_int_equal(ui_find(&w->app.ui, "Start a new journal", &t), 0);
    assert_true(shows(&w->app, "newer version"));
    tap(w, "OK");
    assert_int_equal(app_screen(&w->app), SCREEN_HOME);
    free(w);
}

static void a_busy_journal_is_used_once_free(void **state)
{
    (void)state;
    World *w = world();
    w->disk.refuse = 5;
    app_storage_problem(&w->app, 5, 0, NULL, NULL);
    advance(w, 16);
    assert_int_equal(app_screen(&w->app), SCREEN_STORAGE);
    tap(w, "OK");
    tap(w, "Signals");
    tap(w, "Sam / Slower");
    w->disk.refuse = 0;
    app_storage_ready(&w->app);
    advance(w, 16);
    assert_int_equal(w->disk.count, 1);
    assert_false(shows(&w->app, "Nothing"));
    free(w);
}

static void the_storage_screen_fits_everywhere(void **state)
{
    (void)state;
    static const int sizes[][2] = {{800, 480}, {480, 800}, {1280, 800}, {720, 1280}, {1920, 1080}};
    static const int problems[] = {CORRUPT, 9, TOO_NEW, 4, 5, FULL, IO};
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        for (size_t p = 0; p < sizeof problems / sizeof problems[0]; p++) {
            World *w = world();
            app_resize(&w->app, sizes[s][0], sizes[s][1], 133.0);
            app_storage_problem(&w->app, problems[p], 0, disk_reset, &w->disk);
            advance(w, 16);
            assert_int_equal(app_screen(&w->app), SCREEN_STORAGE);
            for (int i = 0; i < w->app.ui.last_target_count; i++) {
                Rect r = w->app.ui.last_targets[i].rect;
                assert_true(r.x >= 0 && r.y >= 0 && r.x + r.w <= sizes[s][0] &&
                            r.y + r.h <= sizes[s][1]);
                assert_true(r.h >= w->app.metrics.target);
            }
            for (int i = 0; i < w->app.draw.count; i++) {
                const DrawCmd *c = &w->app.draw.cmds[i];
                if (c->kind == DRAW_TEXT)
                    assert_true(c->rect.y + c->rect.h <= sizes[s][1]);
            }
            free(w);
        }
    }
}

static void a_refused_entry_is_offered_again_while_unchanged(void **state)
{
    (void)state;
    World *w = world();
    advance(w, 16);
    LogEvent draft;
    event_init(&draft, EVENT_ENTRY);
    snprintf(draft.note, sizeof draft.note, "warm and slow");
    durable_entry_refused(&w->app, &draft);
    assert_false(durable_entry_due(&w->app, &draft));
    advance(w, 1000);
    assert_true(durable_entry_due(&w->app, &draft));
    assert_false(durable_entry_due(&w->app, &draft)); /* once a second */
    advance(w, 1000);
    snprintf(draft.note, sizeof draft.note, "warm and slow, then tired");
    assert_false(durable_entry_due(&w->app, &draft)); /* changed: theirs to save */
    advance(w, 1000);
    assert_false(durable_entry_due(&w->app, &draft));
    durable_entry_refused(&w->app, &draft);
    durable_entry_clear(&w->app);
    advance(w, 1000);
    assert_false(durable_entry_due(&w->app, &draft));
    free(w);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(refused_writes_wait_and_land_in_order),
        cmocka_unit_test(a_refused_session_gets_its_real_id),
        cmocka_unit_test(settings_wait_with_their_latest_value),
        cmocka_unit_test(a_full_queue_drops_only_the_newest),
        cmocka_unit_test(a_damaged_journal_is_explained_and_replaced_on_request),
        cmocka_unit_test(a_newer_journal_is_left_alone),
        cmocka_unit_test(a_busy_journal_is_used_once_free),
        cmocka_unit_test(the_storage_screen_fits_everywhere),
        cmocka_unit_test(a_refused_entry_is_offered_again_while_unchanged),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
