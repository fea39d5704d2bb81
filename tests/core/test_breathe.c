/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Guided breathing through the app, without SDL: the picker and what it remembers,
 * the running screen's words at the right moments, tap-pause, the persistent Pause,
 * breathing together from the paused board, the sounds queued, and the log. */
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
#include "fakes.h"

typedef struct {
    LogEvent events[32];
    int count;
    int64_t next_session;
    char keys[64][40], values[64][128];
    int settings;
} FakeStore;

static int fake_log(void *ctx, LogEvent *ev)
{
    FakeStore *s = ctx;
    if (s->count < 32)
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
    (void)ctx;
    (void)id;
    (void)t;
    return 0;
}

static int fake_set(void *ctx, const char *key, const char *value)
{
    FakeStore *s = ctx;
    if (s->settings < 64) {
        snprintf(s->keys[s->settings], sizeof s->keys[0], "%s", key);
        snprintf(s->values[s->settings], sizeof s->values[0], "%s", value);
        s->settings++;
    }
    return 0;
}

/* The latest value stored for key, or NULL. */
static const char *stored(const FakeStore *s, const char *key)
{
    for (int i = s->settings - 1; i >= 0; i--)
        if (strcmp(s->keys[i], key) == 0)
            return s->values[i];
    return NULL;
}

typedef struct {
    int64_t at_ms; /* breathing-relative: mono time of the request */
    SoundRequest req;
} Heard;

typedef struct {
    App app;
    FakeStore store;
    AppTime now;
    Heard heard[512];
    int heard_count;
} World;

static void collect(World *w)
{
    SoundRequest req[APP_SOUND_QUEUE];
    int n = app_take_sounds(&w->app, req, APP_SOUND_QUEUE);
    for (int i = 0; i < n && w->heard_count < 512; i++) {
        w->heard[w->heard_count].at_ms = w->now.mono_ms;
        w->heard[w->heard_count++].req = req[i];
    }
}

static World *world(void)
{
    World *w = calloc(1, sizeof *w);
    Config config;
    config_defaults(&config);
    snprintf(config.partner_first, sizeof config.partner_first, "%s", "Alex");
    snprintf(config.partner_second, sizeof config.partner_second, "%s", "Sam");
    AppHost host = {.ctx = &w->store,
                    .log_event = fake_log,
                    .session_begin = fake_begin,
                    .session_end = fake_end,
                    .setting_set = fake_set};
    w->now.mono_ms = 10000;
    w->now.wall_ms = 1767646800000; /* 2026-01-05 21:00 UTC */
    app_init(&w->app, &config, &host, fake_measure, NULL, &w->now);
    app_resize(&w->app, 800, 480, 133.0);
    frame_update(&w->app, NULL, 0, &w->now);
    collect(w);
    return w;
}

/* Lets ms pass the way the platform does: a frame whenever the app asks for one. */
static void advance(World *w, int64_t ms)
{
    int64_t end = w->now.mono_ms + ms;
    while (w->now.mono_ms < end) {
        int wake = frame_wake_in(&w->app);
        int64_t step = wake > 0 ? wake : 16;
        if (step > end - w->now.mono_ms)
            step = end - w->now.mono_ms;
        w->now.mono_ms += step;
        w->now.wall_ms += step;
        frame_update(&w->app, NULL, 0, &w->now);
        collect(w);
    }
}

static void input(World *w, AppInputKind kind, int x, int y)
{
    AppInput in = {0};
    in.kind = kind;
    in.x = x;
    in.y = y;
    frame_update(&w->app, &in, 1, &w->now);
    collect(w);
}

static int has(World *w, const char *label)
{
    const UiTarget *t;
    return ui_find(&w->app.ui, label, &t) >= 1 && t && strcmp(t->label, label) == 0;
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
        ui_find(&w->app.ui, label, &t);
    }
    *x = t->visible.x + t->visible.w / 2;
    *y = t->visible.y + t->visible.h / 2;
}

static void tap_at(World *w, int x, int y)
{
    input(w, APP_INPUT_PRESS, x, y);
    advance(w, 80);
    input(w, APP_INPUT_RELEASE, x, y);
}

static void tap(World *w, const char *label)
{
    int x, y;
    centre_of(w, label, &x, &y);
    tap_at(w, x, y);
    advance(w, 600);
}

static void press(World *w, const char *label)
{
    int x, y;
    centre_of(w, label, &x, &y);
    input(w, APP_INPUT_PRESS, x, y);
    input(w, APP_INPUT_RELEASE, x, y);
}

static int shows(const App *app, const char *text)
{
    for (int i = 0; i < app->draw.count; i++)
        if (app->draw.cmds[i].kind == DRAW_TEXT &&
            strstr(draw_text(&app->draw, &app->draw.cmds[i]), text))
            return 1;
    return 0;
}

static void expect_screen(World *w, ScreenId id)
{
    if (app_screen(&w->app) != id)
        fail_msg("on %s, expected %s", screen_name(app_screen(&w->app)), screen_name(id));
}

/* The time of the first request like this one at or after from_ms, or -1. */
static int64_t heard_at(const World *w, SoundReqKind kind, int id, int64_t from_ms)
{
    for (int i = 0; i < w->heard_count; i++)
        if (w->heard[i].req.kind == kind && w->heard[i].req.id == id &&
            w->heard[i].at_ms >= from_ms)
            return w->heard[i].at_ms;
    return -1;
}

static int count_heard(const World *w, SoundReqKind kind, int id, int64_t from_ms, int64_t to_ms)
{
    int n = 0;
    for (int i = 0; i < w->heard_count; i++)
        n += w->heard[i].req.kind == kind && w->heard[i].req.id == id &&
             w->heard[i].at_ms >= from_ms && w->heard[i].at_ms < to_ms;
    return n;
}

static const LogEvent *last_breathing(const FakeStore *s)
{
    for (int i = s->count - 1; i >= 0; i--)
        if (s->events[i].kind == EVENT_BREATHING)
            return &s->events[i];
    return NULL;
}

static void picker_offers_every_choice_and_remembers(void **state)
{
    (void)state;
    World *w = world();
    tap(w, "Breathe");
    expect_screen(w, SCREEN_BREATHE);
    /* The picker itself, and each of its two choices opened over it. */
    static const char *const labels[] = {
        "Calm 5·5", "Longer out 4·6", "Box 4·4·4·4", "4·7·8", "Slowing", "New custom",
        "Length",   "Sound",          "Start",       "Home",  "Pause",
    };
    static const char *const lengths[] = {"2 min",  "5 min",  "8 min",     "10 min",
                                          "15 min", "20 min", "Open-ended"};
    static const char *const sounds[] = {"Ocean",    "Rain",        "Brown noise", "Soft drone",
                                         "Silence",  "Volume down", "Volume up",   "Cues on",
                                         "Cues off", "Done"};
    for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
        if (!has(w, labels[i]))
            fail_msg("no \"%s\" on the picker", labels[i]);
    assert_true(shows(&w->app, "in 5 · out 5"));
    assert_true(shows(&w->app, "hold 7"));
    assert_true(shows(&w->app, "5 min"));
    assert_true(shows(&w->app, "Ocean"));
    tap(w, "Length");
    for (size_t i = 0; i < sizeof lengths / sizeof lengths[0]; i++)
        if (!has(w, lengths[i]))
            fail_msg("no \"%s\" for the length", lengths[i]);
    tap(w, "Done");
    tap(w, "Sound");
    for (size_t i = 0; i < sizeof sounds / sizeof sounds[0]; i++)
        if (!has(w, sounds[i]))
            fail_msg("no \"%s\" for the sound", sounds[i]);
    tap(w, "Done");

    tap(w, "4·7·8");
    tap(w, "Length");
    tap(w, "10 min"); /* one choice: back to the picker */
    assert_true(has(w, "Start"));
    tap(w, "Sound");
    tap(w, "Rain");
    tap(w, "Cues off");
    tap(w, "Volume down");
    tap(w, "Done");
    assert_string_equal(stored(&w->store, "breathe.pattern"), "relax_4_7_8");
    assert_string_equal(stored(&w->store, "breathe.length"), "10");
    assert_string_equal(stored(&w->store, "breathe.sound"), "rain");
    assert_string_equal(stored(&w->store, "breathe.cues"), "0");
    assert_string_equal(stored(&w->store, "breathe.volume"), "60");
    assert_true(shows(&w->app, "10 min"));
    assert_true(shows(&w->app, "Rain"));
    assert_true(shows(&w->app, "volume 60%"));
    tap(w, "Length");
    tap(w, "Open-ended");
    assert_string_equal(stored(&w->store, "breathe.length"), "0");
    assert_false(has(w, "Adjust pattern"));
    tap(w, "Slowing");
    assert_true(shows(&w->app, "11 to 6"));
    tap(w, "Adjust pattern");
    assert_true(has(w, "End rate down"));
    assert_true(shows(&w->app, "6 a minute"));
    tap(w, "End rate down");
    assert_string_equal(stored(&w->store, "breathe.slowing_end"), "5");

    /* A fresh start with the stored settings comes back to the same choices. */
    World *again = world();
    for (int i = 0; i < w->store.settings; i++)
        app_apply_setting(&again->app, w->store.keys[i], w->store.values[i]);
    const BreatheState *b = &again->app.breathe;
    assert_int_equal(b->kind, PATTERN_SLOWING);
    assert_int_equal(b->length_min, 0);
    assert_string_equal(b->sound, "rain");
    assert_int_equal(b->cues, 0);
    assert_int_equal(b->volume, 60);
    assert_int_equal(b->slowing_end_x10, 50);
    /* nonsense is ignored */
    app_apply_setting(&again->app, "breathe.length", "7");
    app_apply_setting(&again->app, "breathe.volume", "300");
    app_apply_setting(&again->app, "breathe.pattern", "custom");
    app_apply_setting(&again->app, "breathe.sound", "thunder");
    assert_int_equal(b->length_min, 0);
    assert_int_equal(b->volume, 60);
    assert_int_equal(b->kind, PATTERN_SLOWING);
    assert_string_equal(b->sound, "rain");
    free(again);
    free(w);
}

static void countdown_phases_cues_and_the_end(void **state)
{
    (void)state;
    World *w = world();
    tap(w, "Breathe");
    tap(w, "Length");
    tap(w, "2 min");
    int x, y;
    centre_of(w, "Start", &x, &y);
    input(w, APP_INPUT_PRESS, x, y);
    advance(w, 80);
    input(w, APP_INPUT_RELEASE, x, y);
    int64_t t0 = w->now.mono_ms;
    expect_screen(w, SCREEN_BREATHE_RUN);
    assert_true(shows(&w->app, "Get ready"));
    assert_true(shows(&w->app, "3"));
    assert_true(shows(&w->app, "Calm 5·5 · 2:00 left"));
    assert_true(has(w, "End") && has(w, "Home") && has(w, "Pause") && has(w, "Tap anywhere"));
    /* the bed fades in over 2 s as the countdown begins */
    assert_int_equal(heard_at(w, SOUND_REQ_AMBIENT, AMBIENT_OCEAN, t0), t0);
    for (int i = 0; i < w->heard_count; i++)
        if (w->heard[i].req.kind == SOUND_REQ_AMBIENT && w->heard[i].req.id == AMBIENT_OCEAN) {
            assert_int_equal(w->heard[i].req.fade_ms, 2000);
            assert_true(w->heard[i].req.value > 0.69f && w->heard[i].req.value < 0.71f);
        }
    advance(w, 1000);
    assert_true(shows(&w->app, "2"));
    advance(w, 1999);
    assert_true(shows(&w->app, "Get ready"));
    advance(w, 1);
    assert_true(shows(&w->app, "Breathe in"));
    assert_true(shows(&w->app, "1"));
    advance(w, 4999);
    assert_true(shows(&w->app, "Breathe in"));
    assert_true(shows(&w->app, "5"));
    advance(w, 1);
    assert_true(shows(&w->app, "Breathe out"));
    /* cue tones exactly at the boundaries: in at 3 s, out at 8 s, in again at 13 s */
    assert_int_equal(heard_at(w, SOUND_REQ_PLAY, SOUND_CUE_IN, t0), t0 + 3000);
    assert_int_equal(heard_at(w, SOUND_REQ_PLAY, SOUND_CUE_OUT, t0), t0 + 8000);
    advance(w, 60000);
    assert_true(shows(&w->app, "Calm 5·5 · 0:55 left"));
    advance(w, 120000 + 3000 - 68000 - 1);
    expect_screen(w, SCREEN_BREATHE_RUN);
    advance(w, 1);
    expect_screen(w, SCREEN_BREATHE_DONE);
    assert_int_equal(count_heard(w, SOUND_REQ_PLAY, SOUND_CUE_IN, t0, t0 + 200000), 12);
    assert_int_equal(count_heard(w, SOUND_REQ_PLAY, SOUND_CUE_OUT, t0, t0 + 200000), 12);
    assert_int_equal(heard_at(w, SOUND_REQ_PLAY, SOUND_GONG, t0), t0 + 123000);
    assert_int_equal(heard_at(w, SOUND_REQ_AMBIENT, AMBIENT_SILENCE, t0 + 1), t0 + 123000);
    assert_true(shows(&w->app, "Breathing done"));
    assert_true(shows(&w->app, "2 minutes · 12 breaths · Calm 5·5"));
    const LogEvent *ev = last_breathing(&w->store);
    assert_non_null(ev);
    assert_string_equal(ev->name, "calm_5_5");
    assert_string_equal(ev->label, "Calm 5·5");
    assert_int_equal(ev->partner, 3);
    assert_string_equal(ev->partner_name, "both");
    assert_int_equal(ev->planned_s, 120);
    assert_int_equal(ev->actual_s, 120);
    assert_int_equal(ev->pauses, 0);
    assert_int_equal(ev->time_ms, 1767646800000 + (t0 - 10000)); /* when it began */
    /* nothing moves once the summary has come in: the app sleeps */
    advance(w, APP_SCREEN_FADE_MS);
    assert_true(frame_wake_in(&w->app) > 16);
    tap(w, "Again");
    expect_screen(w, SCREEN_BREATHE);
    assert_int_equal(w->app.depth, 2);
    free(w);
}

/* Left to breathe, the chrome steps back: the hint goes, Home and End lose
 * their boxes but stay where they were; Pause stays as it is; a touch (which
 * holds the pacer) brings it all back. */
static void the_chrome_steps_back_while_breathing(void **state)
{
    (void)state;
    World *w = world();
    tap(w, "Breathe");
    tap(w, "Start");
    advance(w, 4000);
    assert_true(shows(&w->app, "Tap anywhere to hold"));
    assert_true(w->app.chrome_calm == 0.0f);
    advance(w, 6500 - (w->now.mono_ms - w->app.breathe.pacer.start_ms)); /* 6.5 s since Start */
    assert_true(w->app.chrome_calm > 0.0f && w->app.chrome_calm < 1.0f);
    advance(w, 1000);
    assert_true(w->app.chrome_calm == 1.0f);
    assert_false(shows(&w->app, "Tap anywhere to hold"));
    assert_true(has(w, "Home"));
    assert_true(has(w, "End"));
    assert_true(has(w, "Pause"));
    const DrawList *d = &w->app.draw;
    for (int i = 0; i < d->count; i++)
        if (d->cmds[i].kind == DRAW_FRAME && d->cmds[i].color.a == 255 &&
            d->cmds[i].rect.w < w->app.metrics.w / 3)
            assert_true(rect_overlaps(d->cmds[i].rect, app_pause_rect(&w->app)));
    tap_at(w, 400, 240);
    assert_true(w->app.chrome_calm == 0.0f);
    assert_true(shows(&w->app, "Tap anywhere to carry on"));
    free(w);
}

static void tap_anywhere_pauses_for_any_length(void **state)
{
    (void)state;
    World *w = world();
    tap(w, "Breathe");
    tap(w, "Box 4·4·4·4");
    tap(w, "Length");
    tap(w, "5 min");
    tap(w, "Start");
    /* Start fired 680 ms ago; 3 s countdown: 5.32 s into the in-breath is 2.32 s in */
    advance(w, 4000);
    assert_true(shows(&w->app, "Breathe in"));
    int64_t before = pacer_at(&w->app.breathe.pacer, w->now.mono_ms).phase_elapsed_ms;
    assert_true(frame_wake_in(&w->app) <= 16);
    int64_t tapped = w->now.mono_ms;
    tap_at(w, 400, 240); /* the circle: a tap anywhere */
    assert_true(shows(&w->app, "On hold"));
    assert_true(shows(&w->app, "Tap anywhere to carry on"));
    int64_t dimmed = heard_at(w, SOUND_REQ_DUCK, 0, tapped);
    assert_int_equal(dimmed, tapped); /* on touch-down */
    assert_true(dimmed > 0);
    for (int i = 0; i < w->heard_count; i++)
        if (w->heard[i].req.kind == SOUND_REQ_DUCK && w->heard[i].at_ms == dimmed)
            assert_true(w->heard[i].req.value < 0.5f);
    PacerState held = pacer_at(&w->app.breathe.pacer, w->now.mono_ms);
    assert_int_equal(held.phase_elapsed_ms, before); /* paused on touch-down */
    assert_true(frame_wake_in(&w->app) > 16);        /* the circle holds: no frames */
    advance(w, 37 * 60000);                          /* longer than the session itself */
    expect_screen(w, SCREEN_BREATHE_RUN);
    PacerState later = pacer_at(&w->app.breathe.pacer, w->now.mono_ms);
    assert_int_equal(later.phase, held.phase);
    assert_int_equal(later.phase_elapsed_ms, held.phase_elapsed_ms);
    assert_int_equal(count_heard(w, SOUND_REQ_PLAY, SOUND_CUE_OUT, 0, w->now.mono_ms + 1), 0);
    tap_at(w, 400, 240);
    assert_false(shows(&w->app, "On hold"));
    assert_true(shows(&w->app, "Breathe in"));
    /* the rest of the in-breath, then the hold */
    advance(w, 4000 - held.phase_elapsed_ms - 80 + 10);
    assert_true(shows(&w->app, "Hold"));
    tap(w, "End");
    expect_screen(w, SCREEN_BREATHE_DONE);
    const LogEvent *ev = last_breathing(&w->store);
    assert_non_null(ev);
    assert_string_equal(ev->name, "box_4");
    assert_int_equal(ev->planned_s, 300);
    assert_int_equal(ev->pauses, 1);
    assert_true(ev->actual_s >= 4 && ev->actual_s <= 5);
    free(w);
}

static void persistent_pause_holds_the_pacer(void **state)
{
    (void)state;
    World *w = world();
    tap(w, "Breathe");
    tap(w, "Start");
    advance(w, 5000);
    press(w, "Pause");
    expect_screen(w, SCREEN_PAUSED);
    assert_true(pacer_paused(&w->app.breathe.pacer));
    assert_string_equal(w->store.events[0].name, "pause");
    PacerState held = pacer_at(&w->app.breathe.pacer, w->now.mono_ms);
    advance(w, 10 * 60000);
    /* back from the board: still paused until tapped */
    tap(w, "Breathe together");
    expect_screen(w, SCREEN_BREATHE_RUN);
    assert_true(shows(&w->app, "On hold"));
    PacerState s = pacer_at(&w->app.breathe.pacer, w->now.mono_ms);
    assert_int_equal(s.phase_elapsed_ms, held.phase_elapsed_ms);
    tap_at(w, 400, 240);
    assert_false(pacer_paused(&w->app.breathe.pacer));
    /* Home ends it first, logged */
    tap(w, "Home");
    expect_screen(w, SCREEN_HOME);
    assert_false(w->app.breathe.running);
    const LogEvent *ev = last_breathing(&w->store);
    assert_non_null(ev);
    assert_int_equal(ev->pauses, 1);
    assert_int_equal(ev->planned_s, 300);
    assert_true(ev->actual_s < 10);
    assert_true(heard_at(w, SOUND_REQ_AMBIENT, AMBIENT_SILENCE, 10001) > 0);
    free(w);
}

static void breathing_together_returns_to_the_paused_board(void **state)
{
    (void)state;
    World *w = world();
    /* The pattern last chosen: two minutes. */
    tap(w, "Breathe");
    tap(w, "Length");
    tap(w, "2 min");
    tap(w, "Home");
    tap(w, "Signals");
    press(w, "Sam / Pause");
    input(w, APP_INPUT_RELEASE, 0, 0);
    expect_screen(w, SCREEN_PAUSED);
    /* From the pause it starts at once, with no choosing. */
    tap(w, "Breathe together");
    expect_screen(w, SCREEN_BREATHE_RUN);
    advance(w, 123000);
    expect_screen(w, SCREEN_PAUSED);
    const LogEvent *ev = last_breathing(&w->store);
    assert_non_null(ev);
    assert_int_equal(ev->session, 1); /* within the paused signal session */
    assert_int_equal(ev->actual_s, 120);
    /* and an early End goes back there too */
    tap(w, "Breathe together");
    advance(w, 9000);
    tap(w, "End");
    expect_screen(w, SCREEN_PAUSED);
    assert_int_equal(w->store.events[w->store.count - 1].kind, EVENT_BREATHING);
    free(w);
}

/* Both ready: back to where the couple was, not to the board. */
static void resuming_returns_to_where_the_couple_was(void **state)
{
    (void)state;
    World *w = world();
    /* Breathing: still on hold, as it was left. */
    tap(w, "Breathe");
    tap(w, "Start");
    advance(w, 6000);
    press(w, "Pause");
    input(w, APP_INPUT_RELEASE, 0, 0);
    expect_screen(w, SCREEN_PAUSED);
    PacerState held = pacer_at(&w->app.breathe.pacer, w->now.mono_ms);
    tap(w, "Alex / I'm ready");
    tap(w, "Sam / I'm ready");
    expect_screen(w, SCREEN_BREATHE_RUN);
    assert_true(w->app.breathe.running);
    assert_true(pacer_paused(&w->app.breathe.pacer));
    assert_true(shows(&w->app, "On hold"));
    PacerState s = pacer_at(&w->app.breathe.pacer, w->now.mono_ms);
    assert_int_equal(s.phase_elapsed_ms, held.phase_elapsed_ms);
    /* Its end, later, is the summary: the pause is over. */
    tap(w, "End");
    expect_screen(w, SCREEN_BREATHE_DONE);
    /* Settings: back to Settings. */
    tap(w, "Home");
    tap(w, "Settings");
    press(w, "Pause");
    input(w, APP_INPUT_RELEASE, 0, 0);
    expect_screen(w, SCREEN_PAUSED);
    tap(w, "Alex / I'm ready");
    tap(w, "Sam / I'm ready");
    expect_screen(w, SCREEN_SETTINGS);
    free(w);
}

static void custom_patterns_are_named_edited_and_kept(void **state)
{
    (void)state;
    World *w = world();
    tap(w, "Breathe");
    tap(w, "New custom");
    assert_true(w->app.breathe_picker.naming);
    assert_true(shows(&w->app, "Name your pattern"));
    assert_true(has(w, "Done"));
    static const char *const letters[] = {"E", "v", "e"};
    for (int i = 0; i < 3; i++) {
        AppInput in = {0};
        in.kind = APP_INPUT_TEXT;
        snprintf(in.text, sizeof in.text, "%s", letters[i]);
        frame_update(&w->app, &in, 1, &w->now);
    }
    tap(w, "Done");
    assert_false(w->app.breathe_picker.naming);
    assert_string_equal(stored(&w->store, "breathe.custom.0"), "4,0,6,0,Eve");
    assert_string_equal(stored(&w->store, "breathe.pattern"), "custom.0");
    assert_true(has(w, "Custom: Eve"));
    assert_true(shows(&w->app, "in 4 · out 6"));
    tap(w, "Adjust pattern");
    tap(w, "Hold in longer");
    tap(w, "Hold in longer");
    tap(w, "Out longer");
    assert_string_equal(stored(&w->store, "breathe.custom.0"), "4,2,7,0,Eve");
    tap(w, "Done");
    assert_true(shows(&w->app, "hold 2"));
    tap(w, "Start");
    advance(w, 3000 + 4000);
    assert_true(shows(&w->app, "Hold"));
    advance(w, 2000);
    assert_true(shows(&w->app, "Breathe out"));
    tap(w, "End");
    const LogEvent *ev = last_breathing(&w->store);
    assert_string_equal(ev->name, "custom");
    assert_string_equal(ev->label, "Eve");
    /* a second one, then delete the first */
    tap(w, "Home");
    tap(w, "Breathe");
    assert_false(has(w, "New custom")); /* the picker shows the one of their own... */
    tap(w, "Adjust pattern");           /* ...and a new one is made among them */
    tap(w, "New custom");
    tap(w, "Done");
    assert_string_equal(stored(&w->store, "breathe.custom.1"), "4,0,6,0,My pattern 2");
    tap(w, "Custom: Eve");
    tap(w, "Delete pattern");
    assert_true(has(w, "Start")); /* nothing left to adjust: back to the picker */
    assert_string_equal(stored(&w->store, "breathe.custom.0"), "");
    assert_false(has(w, "Custom: Eve"));
    assert_true(has(w, "Custom: My pattern 2"));
    assert_string_equal(stored(&w->store, "breathe.pattern"), "calm_5_5");
    free(w);
}

static void sound_files_are_offered_and_asked_for(void **state)
{
    (void)state;
    World *w = world();
    static const char *const files[] = {"rainforest.ogg", "fire.mp3"};
    breathe_set_files(&w->app.breathe, files, 2);
    tap(w, "Breathe");
    tap(w, "Sound");
    assert_true(has(w, "rainforest.ogg"));
    assert_true(shows(&w->app, "rainforest"));
    assert_null(breathe_wanted_file(&w->app.breathe));
    tap(w, "fire.mp3");
    tap(w, "Done");
    assert_string_equal(stored(&w->store, "breathe.sound"), "file:fire.mp3");
    assert_string_equal(breathe_wanted_file(&w->app.breathe), "fire.mp3");
    tap(w, "Start");
    assert_true(heard_at(w, SOUND_REQ_AMBIENT, AMBIENT_FILE, 0) > 0);
    tap(w, "End");
    tap(w, "Again");
    /* a file the platform cannot decode: said so, not asked for again, silence */
    breathe_file_failed(&w->app.breathe, "fire.mp3");
    advance(w, 16);
    assert_null(breathe_wanted_file(&w->app.breathe));
    assert_true(shows(&w->app, "won't play")); /* on the picker itself */
    tap(w, "Sound");
    assert_true(shows(&w->app, "fire.mp3 cannot be played here"));
    tap(w, "Done");
    int64_t from = w->now.mono_ms;
    tap(w, "Start");
    assert_true(heard_at(w, SOUND_REQ_AMBIENT, AMBIENT_SILENCE, from) > 0);
    assert_int_equal(heard_at(w, SOUND_REQ_AMBIENT, AMBIENT_FILE, from), -1);
    free(w);
}

static void night_colours_stay_warm_and_dim(void **state)
{
    (void)state;
    World *w = world();
    app_apply_setting(&w->app, "display.night", "on");
    tap(w, "Breathe");
    tap(w, "Start");
    advance(w, 5000);
    int checked = 0;
    const Theme *t = &w->app.theme;
    int brightest = t->text.r > t->accent.r ? t->text.r : t->accent.r;
    for (int i = 0; i < w->app.draw.count; i++) {
        const DrawCmd *c = &w->app.draw.cmds[i];
        if (c->kind != DRAW_CIRCLE && c->kind != DRAW_ARC && c->kind != DRAW_TEXT)
            continue;
        /* no blue-white at night: red leads, nothing brighter than the palette */
        assert_true(c->color.r >= c->color.b);
        assert_true(c->color.r <= brightest && c->color.g <= brightest);
        checked++;
    }
    assert_true(checked >= 6);
    free(w);
}

static void frames_follow_the_animation(void **state)
{
    (void)state;
    World *w = world();
    assert_true(frame_wake_in(&w->app) > 16); /* home: the clock only */
    tap(w, "Breathe");
    assert_true(frame_wake_in(&w->app) > 16);
    tap(w, "Start");
    assert_true(frame_wake_in(&w->app) <= 16);
    /* a phase boundary gets its own frame */
    PacerState s = pacer_at(&w->app.breathe.pacer, w->now.mono_ms);
    int64_t to_go = 3000 - s.active_ms;
    advance(w, to_go - 5);
    assert_int_equal(frame_wake_in(&w->app), 5);
    free(w);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(picker_offers_every_choice_and_remembers),
        cmocka_unit_test(countdown_phases_cues_and_the_end),
        cmocka_unit_test(tap_anywhere_pauses_for_any_length),
        cmocka_unit_test(the_chrome_steps_back_while_breathing),
        cmocka_unit_test(persistent_pause_holds_the_pacer),
        cmocka_unit_test(breathing_together_returns_to_the_paused_board),
        cmocka_unit_test(resuming_returns_to_where_the_couple_was),
        cmocka_unit_test(custom_patterns_are_named_edited_and_kept),
        cmocka_unit_test(sound_files_are_offered_and_asked_for),
        cmocka_unit_test(night_colours_stay_warm_and_dim),
        cmocka_unit_test(frames_follow_the_animation),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
