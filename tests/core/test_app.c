/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The app's flows without SDL: taps by label through the same UI the platform
 * drives, a fake durable store, and checks of what was logged and shown. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lull/frame.h"
#include "lull/setting_keys.h"
#include "screens/screens.h"
#include "fakes.h"

typedef struct {
    LogEvent events[64];
    int count;
    int fail_with; /* a StoreStatus to return from log_event, 0 = succeed */
    int64_t next_session;
    int64_t ended[8];
    int ended_count;
    char keys[16][64], values[16][64];
    int settings;
    ScreenId screen_at_log[64];
    App *app;
} FakeStore;

static int fake_log(void *ctx, LogEvent *ev)
{
    FakeStore *s = ctx;
    if (s->fail_with)
        return s->fail_with;
    s->screen_at_log[s->count] = app_screen(s->app);
    s->events[s->count++] = *ev;
    return 0;
}

static int fake_begin(void *ctx, int64_t t, int32_t off, int64_t *id)
{
    (void)t;
    (void)off;
    FakeStore *s = ctx;
    *id = ++s->next_session;
    return 0;
}

static int fake_end(void *ctx, int64_t id, int64_t t)
{
    (void)t;
    FakeStore *s = ctx;
    s->ended[s->ended_count++] = id;
    return 0;
}

static int fake_set(void *ctx, const char *key, const char *value)
{
    FakeStore *s = ctx;
    snprintf(s->keys[s->settings], 64, "%s", key);
    snprintf(s->values[s->settings], 64, "%s", value);
    s->settings++;
    return 0;
}

typedef struct {
    App app;
    FakeStore store;
    AppTime now;
} World;

static World *world(const char *first, const char *second)
{
    World *w = calloc(1, sizeof *w);
    Config config;
    config_defaults(&config);
    snprintf(config.partner_first, sizeof config.partner_first, "%s", first);
    snprintf(config.partner_second, sizeof config.partner_second, "%s", second);
    AppHost host = {
        .ctx = &w->store,
        .log_event = fake_log,
        .session_begin = fake_begin,
        .session_end = fake_end,
        .setting_set = fake_set,
    };
    w->now.mono_ms = 10000;
    w->now.wall_ms = 1767646800000; /* 2026-01-05 21:00 UTC */
    w->store.app = &w->app;
    app_init(&w->app, &config, &host, fake_measure, NULL, &w->now);
    app_resize(&w->app, 800, 480, 133.0);
    frame_update(&w->app, NULL, 0, &w->now);
    return w;
}

static void advance(World *w, int64_t ms)
{
    w->now.mono_ms += ms;
    w->now.wall_ms += ms;
    frame_update(&w->app, NULL, 0, &w->now);
}

static void input(World *w, AppInputKind kind, int x, int y)
{
    AppInput in = {0};
    in.kind = kind;
    in.x = x;
    in.y = y;
    frame_update(&w->app, &in, 1, &w->now);
}

static void centre_of(World *w, const char *label, int *x, int *y)
{
    const UiTarget *t;
    if (ui_find(&w->app.ui, label, &t) != 1 || !t)
        fail_msg("no single target \"%s\" on %s", label, screen_name(app_screen(&w->app)));
    UiScroll *sc = ui_target_scroll(&w->app.ui, t);
    if (sc && (t->rect.y < sc->view.y || t->rect.y + t->rect.h > sc->view.y + sc->view.h)) {
        /* Scrolled out of view: bring it in, as a person would. */
        sc->offset += t->rect.y - sc->view.y;
        frame_update(&w->app, NULL, 0, &w->now);
        ui_find(&w->app.ui, label, &t);
    }
    *x = t->visible.x + t->visible.w / 2;
    *y = t->visible.y + t->visible.h / 2;
}

static void press(World *w, const char *label)
{
    int x, y;
    centre_of(w, label, &x, &y);
    input(w, APP_INPUT_PRESS, x, y);
}

static void tap(World *w, const char *label)
{
    int x, y;
    centre_of(w, label, &x, &y);
    input(w, APP_INPUT_PRESS, x, y);
    advance(w, 80);
    input(w, APP_INPUT_RELEASE, x, y);
    advance(w, 600); /* a person's pace: no debounce between separate taps */
}

static int shows(const App *app, const char *text)
{
    for (int i = 0; i < app->draw.count; i++)
        if (app->draw.cmds[i].kind == DRAW_TEXT &&
            strstr(draw_text(&app->draw, &app->draw.cmds[i]), text))
            return 1;
    return 0;
}

static void assert_event(const FakeStore *s, int i, const char *name, int partner, const char *who)
{
    assert_true(i < s->count);
    assert_string_equal(s->events[i].name, name);
    assert_int_equal(s->events[i].partner, partner);
    assert_string_equal(s->events[i].partner_name, who);
    assert_int_equal(s->events[i].kind, EVENT_SIGNAL);
}

static void signal_is_logged_and_shown(void **state)
{
    (void)state;
    World *w = world("Alex", "Sam");
    tap(w, "Signals");
    assert_int_equal(app_screen(&w->app), SCREEN_SIGNALS);
    int x, y;
    centre_of(w, "Sam / Slower", &x, &y);
    input(w, APP_INPUT_PRESS, x, y);
    assert_int_equal(w->store.count, 0); /* a signal acts on release */
    input(w, APP_INPUT_RELEASE, x, y);
    assert_int_equal(w->store.count, 1);
    assert_event(&w->store, 0, "slower", 2, "Sam");
    assert_string_equal(w->store.events[0].label, "Slower");
    assert_int_equal(w->store.events[0].session, 1);
    assert_int_equal(w->store.events[0].time_ms, w->now.wall_ms);
    /* The big wash, then the status line. */
    assert_true(shows(&w->app, "Slower"));
    assert_int_equal(w->app.sound_count >= 1, 1);
    SoundRequest req[8];
    int n = app_take_sounds(&w->app, req, 8);
    int found = 0;
    for (int i = 0; i < n; i++)
        found |= req[i].kind == SOUND_REQ_PLAY && req[i].id == SOUND_SLOWER;
    assert_true(found);
    advance(w, 2500);
    assert_true(shows(&w->app, "Sam · Slower · 21:00"));
    free(w);
}

static void double_tap_counts_once(void **state)
{
    (void)state;
    World *w = world("Alex", "Sam");
    tap(w, "Signals");
    int x, y;
    centre_of(w, "Alex / Keep going", &x, &y);
    for (int i = 0; i < 2; i++) {
        input(w, APP_INPUT_PRESS, x, y);
        advance(w, 60);
        input(w, APP_INPUT_RELEASE, x, y);
        advance(w, 100);
    }
    assert_int_equal(w->store.count, 1);
    free(w);
}

static void pause_on_touch_down_and_resume_together(void **state)
{
    (void)state;
    World *w = world("Alex", "Sam");
    tap(w, "Signals");
    tap(w, "Alex / Keep going");
    press(w, "Sam / Pause"); /* no release */
    assert_int_equal(app_screen(&w->app), SCREEN_PAUSED);
    assert_int_equal(w->store.count, 2);
    assert_event(&w->store, 1, "pause", 2, "Sam");
    assert_true(shows(&w->app, "Sam paused"));
    input(w, APP_INPUT_RELEASE, 0, 0);
    advance(w, 3 * 60000);
    assert_true(shows(&w->app, "3 min ago"));

    tap(w, "Alex / I'm ready");
    assert_event(&w->store, 2, "ready", 1, "Alex");
    assert_int_equal(app_screen(&w->app), SCREEN_PAUSED);
    tap(w, "Alex / I'm ready"); /* withdrawn */
    assert_event(&w->store, 3, "not_ready", 1, "Alex");
    tap(w, "Sam / I'm ready");
    assert_event(&w->store, 4, "ready", 2, "Sam");
    assert_int_equal(app_screen(&w->app), SCREEN_PAUSED);
    tap(w, "Alex / I'm ready");
    assert_event(&w->store, 5, "ready", 1, "Alex");
    assert_event(&w->store, 6, "resume", 3, "both");
    assert_int_equal(app_screen(&w->app), SCREEN_SIGNALS);
    for (int i = 0; i < w->store.count; i++)
        assert_int_equal(w->store.events[i].session, 1);
    free(w);
}

static void resuming_wash_then_board(void **state)
{
    (void)state;
    World *w = world("Alex", "Sam");
    tap(w, "Signals");
    press(w, "Alex / Pause");
    input(w, APP_INPUT_RELEASE, 0, 0);
    tap(w, "Sam / I'm ready");
    int x, y;
    centre_of(w, "Alex / I'm ready", &x, &y);
    input(w, APP_INPUT_PRESS, x, y);
    input(w, APP_INPUT_RELEASE, x, y);
    assert_true(shows(&w->app, "Resuming"));
    advance(w, 1500);
    assert_false(shows(&w->app, "Resuming"));
    assert_int_equal(app_screen(&w->app), SCREEN_SIGNALS);
    free(w);
}

static void persistent_pause_from_home_and_settings(void **state)
{
    (void)state;
    ScreenId from[] = {SCREEN_HOME, SCREEN_SETTINGS, SCREEN_BREATHE, SCREEN_JOURNAL};
    for (size_t i = 0; i < sizeof from / sizeof from[0]; i++) {
        World *w = world("Alex", "Sam");
        if (from[i] != SCREEN_HOME)
            app_push(&w->app, from[i]);
        advance(w, 16);
        press(w, "Pause");
        assert_int_equal(app_screen(&w->app), SCREEN_PAUSED);
        assert_int_equal(w->store.count, 1);
        assert_event(&w->store, 0, "pause", 0, "");
        assert_true(shows(&w->app, "Paused · just now"));
        free(w);
    }
}

static void stop_ends_the_session(void **state)
{
    (void)state;
    World *w = world("Alex", "Sam");
    tap(w, "Signals");
    tap(w, "Sam / Tired");
    press(w, "Alex / Pause");
    input(w, APP_INPUT_RELEASE, 0, 0);
    press(w, "Stop for today"); /* on touch-down */
    assert_int_equal(app_screen(&w->app), SCREEN_STOPPED);
    assert_event(&w->store, 2, "stop", 1, "Alex");
    assert_int_equal(w->store.ended_count, 1);
    assert_int_equal(w->store.ended[0], 1);
    assert_true(shows(&w->app, "Done for today"));
    input(w, APP_INPUT_RELEASE, 0, 0);
    advance(w, 100);
    const UiTarget *t;
    assert_int_equal(ui_find(&w->app.ui, "Add to journal", &t), 1);
    /* The next signal starts a new session. */
    tap(w, "Home");
    tap(w, "Signals");
    tap(w, "Alex / Check in");
    assert_int_equal(w->store.events[3].session, 2);
    free(w);
}

static void failed_write_still_pauses_and_says_so(void **state)
{
    (void)state;
    World *w = world("Alex", "Sam");
    tap(w, "Signals");
    w->store.fail_with = 2; /* STORE_FULL */
    press(w, "Sam / Pause");
    assert_int_equal(app_screen(&w->app), SCREEN_PAUSED);
    assert_true(shows(&w->app, "Not saved — storage full"));
    free(w);
}

static void idle_session_ends(void **state)
{
    (void)state;
    World *w = world("Alex", "Sam");
    tap(w, "Signals");
    tap(w, "Alex / Keep going");
    advance(w, 29 * 60000);
    assert_int_equal(w->store.ended_count, 0);
    advance(w, 2 * 60000);
    assert_int_equal(w->store.ended_count, 1);
    assert_int_equal(w->app.session.state, SESSION_NONE);
    free(w);
}

static void restore_a_paused_session(void **state)
{
    (void)state;
    World *w = world("Alex", "Sam");
    LogEvent evs[2];
    event_init(&evs[0], EVENT_SIGNAL);
    snprintf(evs[0].name, sizeof evs[0].name, "good");
    evs[0].partner = 1;
    evs[0].session = 7;
    event_init(&evs[1], EVENT_SIGNAL);
    snprintf(evs[1].name, sizeof evs[1].name, "pause");
    evs[1].partner = 2;
    evs[1].session = 7;
    evs[1].time_ms = w->now.wall_ms - 5 * 60000;
    app_restore_session(&w->app, evs, 2);
    advance(w, 16);
    assert_int_equal(app_screen(&w->app), SCREEN_PAUSED);
    assert_true(shows(&w->app, "Sam paused · 5 min ago"));
    free(w);
}

static void welcome_asks_for_names(void **state)
{
    (void)state;
    World *w = world("", "");
    assert_int_equal(app_screen(&w->app), SCREEN_WELCOME);
    tap(w, "Partner 1 name");
    assert_int_equal(app_screen(&w->app), SCREEN_NAME_EDIT);
    tap(w, "Key j"); /* the first letter is a capital */
    tap(w, "Key o");
    AppInput text = {0};
    text.kind = APP_INPUT_TEXT;
    snprintf(text.text, sizeof text.text, "é");
    frame_update(&w->app, &text, 1, &w->now);
    tap(w, "Done");
    assert_int_equal(app_screen(&w->app), SCREEN_WELCOME);
    assert_string_equal(w->app.names[0], "Joé");
    tap(w, "Continue");
    assert_int_equal(app_screen(&w->app), SCREEN_HOME);
    assert_string_equal(w->app.names[1], "Partner 2");
    assert_int_equal(w->store.settings, 2);
    assert_string_equal(w->store.keys[0], "partners.first");
    assert_string_equal(w->store.values[0], "Joé");
    free(w);

    w = world("", "");
    tap(w, "Skip");
    assert_int_equal(app_screen(&w->app), SCREEN_HOME);
    assert_string_equal(w->app.names[0], "Partner 1");
    free(w);
}

static void settings_change_and_persist(void **state)
{
    (void)state;
    World *w = world("Alex", "Sam");
    tap(w, "Settings");
    tap(w, "Night on");
    assert_int_equal(w->app.config.night, NIGHT_ON);
    assert_int_equal(w->app.night, 1);
    tap(w, "Volume down");
    assert_int_equal(w->app.config.volume, 60);
    tap(w, "Board facing");
    assert_int_equal(w->app.facing, 1);
    int found = 0;
    for (int i = 0; i < w->store.settings; i++)
        found += strcmp(w->store.keys[i], "sound.volume") == 0 &&
                 strcmp(w->store.values[i], "60") == 0;
    assert_int_equal(found, 1);
    free(w);
}

static void signal_editor_renames_hides_and_reorders(void **state)
{
    (void)state;
    World *w = world("Alex", "Sam");
    app_push(&w->app, SCREEN_SETTINGS_SIGNALS);
    advance(w, 16);
    tap(w, "Tired / Hide");
    assert_int_equal(w->app.signals[SIGNAL_TIRED].visible, 0);
    tap(w, "Slower / Move up");
    assert_int_equal(w->app.signal_order[1], SIGNAL_SLOWER);
    tap(w, "Check in / Rename");
    assert_int_equal(app_screen(&w->app), SCREEN_NAME_EDIT);
    for (int i = 0; i < 8; i++)
        tap(w, "Backspace");
    tap(w, "Key h");
    tap(w, "Key u");
    tap(w, "Key g");
    tap(w, "Done");
    assert_string_equal(w->app.signals[SIGNAL_CHECK_IN].label, "Hug");
    tap(w, "Home");
    tap(w, "Signals");
    const UiTarget *t;
    assert_int_equal(ui_find(&w->app.ui, "Alex / Tired", &t), 0);
    tap(w, "Alex / Hug");
    assert_string_equal(w->store.events[0].name, "check_in"); /* the id never changes */
    assert_string_equal(w->store.events[0].label, "Hug");
    free(w);
}

/* Whether key is among those the platform reads back and applies at start. */
static int read_at_start(const char *key)
{
    char k[SETTING_KEY_MAX];
    for (int i = 0; setting_start_key(i, k, sizeof k) == 0; i++)
        if (strcmp(k, key) == 0)
            return 1;
    return 0;
}

/* What the couple changes on the device is there again after a restart: every
 * key saved is one the start reads, and applying them gives the same App. */
static void changed_settings_come_back_after_a_restart(void **state)
{
    (void)state;
    World *w = world("Alex", "Sam");
    tap(w, "Settings");
    tap(w, "Night on");
    tap(w, "Volume down");
    tap(w, "Board facing");
    app_push(&w->app, SCREEN_SETTINGS_SIGNALS);
    advance(w, 16);
    tap(w, "Tired / Hide");
    tap(w, "Slower / Move up");
    tap(w, "Pain / Colour");
    assert_true(w->store.settings >= 6);
    World *again = world("Alex", "Sam");
    for (int i = 0; i < w->store.settings; i++) {
        if (!read_at_start(w->store.keys[i]))
            fail_msg("%s is saved but never read back at start", w->store.keys[i]);
        app_apply_setting(&again->app, w->store.keys[i], w->store.values[i]);
    }
    assert_int_equal(again->app.config.night, NIGHT_ON);
    assert_int_equal(again->app.config.volume, 60);
    assert_int_equal(again->app.facing, 1);
    assert_int_equal(again->app.signals[SIGNAL_TIRED].visible, 0);
    assert_int_equal(again->app.signal_order[1], SIGNAL_SLOWER);
    assert_memory_equal(&again->app.signals[SIGNAL_PAIN].color, &w->app.signals[SIGNAL_PAIN].color,
                        sizeof(Color));
    assert_memory_not_equal(&again->app.signals[SIGNAL_PAIN].color,
                            &again->app.signals[SIGNAL_GOOD].color, sizeof(Color));
    free(again);
    free(w);
}

/* The registry's keys are distinct, a signal's key reads back as itself, and the
 * checkpoint, the PIN and the clock are left to their owners at start. */
static void every_setting_key_is_spelled_once(void **state)
{
    (void)state;
    for (int a = 0; a < SETTING_KEY_COUNT; a++) {
        assert_true(strchr(setting_key((SettingKey)a), '.') != NULL);
        for (int b = a + 1; b < SETTING_KEY_COUNT; b++)
            assert_string_not_equal(setting_key((SettingKey)a), setting_key((SettingKey)b));
    }
    char key[SETTING_KEY_MAX];
    for (int s = 0; s < SIGNAL_COUNT; s++) {
        for (int f = 0; f < SIGNAL_FIELD_COUNT; f++) {
            SignalId id;
            SignalField field;
            setting_signal_key(key, sizeof key, (SignalId)s, (SignalField)f);
            assert_int_equal(setting_parse_signal_key(key, &id, &field), 0);
            assert_int_equal(id, s);
            assert_int_equal(field, f);
            assert_true(read_at_start(key));
        }
    }
    SignalId id;
    SignalField field;
    assert_int_equal(setting_parse_signal_key("signal.pain.shape", &id, &field), -1);
    assert_int_equal(setting_parse_signal_key("signal.nobody.label", &id, &field), -1);
    assert_int_equal(setting_parse_signal_key("signals.order", &id, &field), -1);
    setting_custom_key(key, sizeof key, BREATHE_MAX_CUSTOM - 1);
    assert_string_equal(key, "breathe.custom.5");
    assert_true(read_at_start(key));
    assert_false(read_at_start(setting_key(KEY_BREATHE_RUNNING)));
    assert_false(read_at_start(setting_key(KEY_PIN_HASH)));
    assert_false(read_at_start(setting_key(KEY_CLOCK_OFFSET)));
    assert_string_equal(setting_breathe_choice("breathe.custom.2"), "custom.2");
    assert_null(setting_breathe_choice("breathing.length"));
}

static void dims_when_idle_and_wakes_on_first_tap(void **state)
{
    (void)state;
    World *w = world("Alex", "Sam");
    advance(w, 299000);
    assert_int_equal(app_screen(&w->app), SCREEN_HOME);
    advance(w, 2000);
    assert_int_equal(app_screen(&w->app), SCREEN_DIM);
    assert_true(shows(&w->app, "21:05"));
    /* The first tap only wakes: the Journal tile under it is not opened. */
    int x = w->app.metrics.w / 2, y = w->app.metrics.h - w->app.metrics.unit;
    input(w, APP_INPUT_PRESS, x, y);
    input(w, APP_INPUT_RELEASE, x, y);
    assert_int_equal(app_screen(&w->app), SCREEN_HOME);
    free(w);
}

static void pause_works_on_the_dim_screen(void **state)
{
    (void)state;
    World *w = world("Alex", "Sam");
    advance(w, 301000);
    assert_int_equal(app_screen(&w->app), SCREEN_DIM);
    press(w, "Pause");
    assert_int_equal(app_screen(&w->app), SCREEN_PAUSED);
    assert_event(&w->store, 0, "pause", 0, "");
    free(w);
}

static void never_dims_during_a_session(void **state)
{
    (void)state;
    World *w = world("Alex", "Sam");
    tap(w, "Signals");
    tap(w, "Alex / Keep going");
    advance(w, 20 * 60000);
    assert_int_equal(app_screen(&w->app), SCREEN_SIGNALS);
    press(w, "Sam / Pause");
    input(w, APP_INPUT_RELEASE, 0, 0);
    advance(w, 60 * 60000);
    assert_int_equal(app_screen(&w->app), SCREEN_PAUSED);
    free(w);
}

static void holding_the_corner_leaves(void **state)
{
    (void)state;
    World *w = world("Alex", "Sam");
    input(w, APP_INPUT_PRESS, 5, 5);
    advance(w, 1000);
    assert_true(shows(&w->app, "Keep holding to leave Lull"));
    assert_false(w->app.quit);
    input(w, APP_INPUT_RELEASE, 5, 5); /* let go early: stays */
    advance(w, 3000);
    assert_false(w->app.quit);
    input(w, APP_INPUT_PRESS, 5, 5);
    advance(w, 3100);
    /* No PIN: a question first, so nobody lands at a console by accident. */
    assert_false(w->app.quit);
    assert_int_equal(app_screen(&w->app), SCREEN_LEAVE);
    input(w, APP_INPUT_RELEASE, 5, 5);
    advance(w, 16);
    tap(w, "Leave Lull");
    assert_true(w->app.quit);
    free(w);
}

static int64_t set_to;

static int fake_clock_set(void *ctx, int64_t unix_ms)
{
    (void)ctx;
    set_to = unix_ms;
    return 0;
}

static void a_wrong_clock_is_set_by_hand(void **state)
{
    (void)state;
    World *w = calloc(1, sizeof *w);
    Config config;
    config_defaults(&config);
    snprintf(config.partner_first, sizeof config.partner_first, "Alex");
    snprintf(config.partner_second, sizeof config.partner_second, "Sam");
    AppHost host = {.ctx = &w->store, .log_event = fake_log, .clock_set = fake_clock_set};
    w->now.mono_ms = 1000;
    w->now.wall_ms = 0; /* 1970 */
    w->store.app = &w->app;
    app_init(&w->app, &config, &host, fake_measure, NULL, &w->now);
    w->app.build_time_ms = 1767225600000; /* 2026-01-01 */
    app_resize(&w->app, 800, 480, 133.0);
    frame_update(&w->app, NULL, 0, &w->now);
    assert_int_equal(app_screen(&w->app), SCREEN_CLOCK);
    assert_true(shows(&w->app, "1 January 2026  12:00"));
    tap(w, "Day up");
    tap(w, "Hour up");
    tap(w, "Minute down");
    tap(w, "Set the time");
    assert_int_equal(app_screen(&w->app), SCREEN_HOME);
    assert_int_equal(set_to, (1767225600LL + 86400 + 13 * 3600 - 5 * 60) * 1000);
    free(w);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(signal_is_logged_and_shown),
        cmocka_unit_test(double_tap_counts_once),
        cmocka_unit_test(pause_on_touch_down_and_resume_together),
        cmocka_unit_test(resuming_wash_then_board),
        cmocka_unit_test(persistent_pause_from_home_and_settings),
        cmocka_unit_test(stop_ends_the_session),
        cmocka_unit_test(failed_write_still_pauses_and_says_so),
        cmocka_unit_test(idle_session_ends),
        cmocka_unit_test(restore_a_paused_session),
        cmocka_unit_test(welcome_asks_for_names),
        cmocka_unit_test(settings_change_and_persist),
        cmocka_unit_test(signal_editor_renames_hides_and_reorders),
        cmocka_unit_test(changed_settings_come_back_after_a_restart),
        cmocka_unit_test(every_setting_key_is_spelled_once),
        cmocka_unit_test(dims_when_idle_and_wakes_on_first_tap),
        cmocka_unit_test(pause_works_on_the_dim_screen),
        cmocka_unit_test(never_dims_during_a_session),
        cmocka_unit_test(holding_the_corner_leaves),
        cmocka_unit_test(a_wrong_clock_is_set_by_hand),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
