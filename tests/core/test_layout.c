/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Every screen at 800x480, 1280x800, 1920x1080 and 720x1280, in every rotation:
 * every target on screen, none overlapping, none below the minimum size, and no
 * text smaller than the minimum or wider than its box. */
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
    const char *name;
    ScreenId screen;
    int facing;
    int paused;
} Case;

/* How the breathing screens are set up, by case name. */
enum {
    BREATHING_NONE,
    BREATHING_RUN,            /* a session 2 s into its first in-breath */
    BREATHING_PAUSED,         /* ...tapped to pause */
    BREATHING_DONE,           /* ended: the summary */
    BREATHING_SLOWING,        /* the picker with Slowing's end rate */
    BREATHING_CUSTOM,         /* the picker with a custom pattern's steppers, and sound files */
    BREATHING_NAMING,         /* naming a custom pattern */
    BREATHING_LENGTH,         /* the picker's length sheet */
    BREATHING_SOUND,          /* ...its sound sheet, with sound files */
    BREATHING_ADJUST,         /* ...the couple's own patterns, their steppers */
    BREATHING_SLOWING_ADJUST, /* ...Slowing's end rate */
};

static int breathing_of(const Case *c)
{
    static const struct {
        const char *name;
        int setup;
    } setups[] = {
        {"breathe slowing", BREATHING_SLOWING},
        {"breathe custom", BREATHING_CUSTOM},
        {"breathe naming", BREATHING_NAMING},
        {"breathe-run", BREATHING_RUN},
        {"breathe length", BREATHING_LENGTH},
        {"breathe sound", BREATHING_SOUND},
        {"breathe adjust", BREATHING_ADJUST},
        {"breathe slowing adjust", BREATHING_SLOWING_ADJUST},
        {"breathe-run paused", BREATHING_PAUSED},
        {"breathe-done", BREATHING_DONE},
    };
    for (size_t i = 0; i < sizeof setups / sizeof setups[0]; i++)
        if (strcmp(c->name, setups[i].name) == 0)
            return setups[i].setup;
    return BREATHING_NONE;
}

static const Case cases[] = {
    {"welcome", SCREEN_WELCOME, 0, 0},
    {"home", SCREEN_HOME, 0, 0},
    {"signals", SCREEN_SIGNALS, 0, 0},
    {"signals facing", SCREEN_SIGNALS, 1, 0},
    {"paused", SCREEN_PAUSED, 0, 1},
    {"paused facing", SCREEN_PAUSED, 1, 1},
    {"stopped", SCREEN_STOPPED, 0, 0},
    {"home paused", SCREEN_HOME, 0, 1},
    {"settings", SCREEN_SETTINGS, 0, 0},
    {"settings-signals", SCREEN_SETTINGS_SIGNALS, 0, 0},
    {"name", SCREEN_NAME_EDIT, 0, 0},
    {"breathe", SCREEN_BREATHE, 0, 0},
    {"breathe slowing", SCREEN_BREATHE, 0, 0},
    {"breathe custom", SCREEN_BREATHE, 0, 0},
    {"breathe naming", SCREEN_BREATHE, 0, 0},
    {"breathe length", SCREEN_BREATHE, 0, 0},
    {"breathe sound", SCREEN_BREATHE, 0, 0},
    {"breathe adjust", SCREEN_BREATHE, 0, 0},
    {"breathe slowing adjust", SCREEN_BREATHE, 0, 0},
    {"breathe-run", SCREEN_BREATHE_RUN, 0, 0},
    {"breathe-run paused", SCREEN_BREATHE_RUN, 0, 0},
    {"breathe-done", SCREEN_BREATHE_DONE, 0, 0},
    {"journal", SCREEN_JOURNAL, 0, 0},
    {"entry", SCREEN_ENTRY, 0, 0},
    {"entry felt", SCREEN_ENTRY, 0, 0},
    {"entry helped", SCREEN_ENTRY, 0, 0},
    {"entry next", SCREEN_ENTRY, 0, 0},
    {"entry note", SCREEN_ENTRY, 0, 0},
    {"note", SCREEN_ENTRY, 0, 0},
    {"rename", SCREEN_NAME_EDIT, 0, 0},
    {"journal-words editing", SCREEN_JOURNAL_WORDS, 0, 0},
    {"insights", SCREEN_INSIGHTS, 0, 0},
    {"locked", SCREEN_LOCKED, 0, 0},
    {"journal-words", SCREEN_JOURNAL_WORDS, 0, 0},
    {"dim", SCREEN_DIM, 0, 0},
    {"clock", SCREEN_CLOCK, 0, 0},
    {"leave", SCREEN_LEAVE, 0, 0},
};

static const int sizes[][2] = {{800, 480}, {1280, 800}, {1920, 1080}, {720, 1280}};

/* The n-th of every size in every rotation; 0 past the last. */
static int screen_shape(int n, int *w, int *h, int *rot)
{
    int count = (int)(sizeof sizes / sizeof sizes[0]);
    if (n < 0 || n >= count * 4)
        return 0;
    int s = n / 4;
    *rot = (n % 4) * 90;
    *w = *rot % 180 ? sizes[s][1] : sizes[s][0];
    *h = *rot % 180 ? sizes[s][0] : sizes[s][1];
    return 1;
}

static int night_mode; /* make_app's palette: 0 day, 1 night */

static App *make_app(int w, int h, const Case *c)
{
    App *app = calloc(1, sizeof *app);
    Config config;
    config_defaults(&config);
    config.night = night_mode ? NIGHT_ON : NIGHT_OFF;
    snprintf(config.partner_first, sizeof config.partner_first, "%s", "Alexandra");
    snprintf(config.partner_second, sizeof config.partner_second, "%s", "Sam");
    AppHost host = {0};
    AppTime now = {100000, 1767646800000, 0}; /* 2026-01-05 21:00 UTC */
    int breathing = breathing_of(c);
    app_init(app, &config, &host, fake_measure, NULL, &now);
    app_resize(app, w, h, 0.0);
    app->facing = c->facing;
    app->has_backlight = 1; /* Settings shows the night light */
    frame_update(app, NULL, 0, &now);
    if (c->paused) {
        app->session.state = SESSION_PAUSED;
        app->session.paused_by = 1;
        app->session.paused_at_ms = now.wall_ms - 120000;
    }
    if (c->screen == SCREEN_NAME_EDIT)
        keyboard_init(&app->keyboard, "Alexandra", 24);
    if (strcmp(c->name, "rename") == 0) {
        app->editing_signal_label = 1;
        app->settings_signal = SIGNAL_SLOWER;
        keyboard_init(&app->keyboard, "Nachfragen, wie es geht", SIGNAL_LABEL_CHARS);
    }
    if (strcmp(c->name, "note") == 0) {
        app->journal.note_open = 1;
        keyboard_init(&app->journal.kb,
                      "Slow morning, warm hands. Thank you for waiting for me, and for the tea "
                      "and the music while the rain came down on the window.",
                      JOURNAL_NOTE_CHARS);
    }
    if (strcmp(c->name, "journal-words editing") == 0) {
        app->journal.words_editing = 1;
        app->journal.words_index = -1;
        keyboard_init(&app->journal.kb, "Reading aloud", WORD_LABEL_CHARS);
    }
    if (breathing == BREATHING_SLOWING || breathing == BREATHING_SLOWING_ADJUST)
        app_apply_setting(app, "breathe.pattern", "slowing");
    if (breathing == BREATHING_LENGTH)
        app->breathe_picker.sheet = BREATHE_SHEET_LENGTH;
    if (breathing == BREATHING_SOUND)
        app->breathe_picker.sheet = BREATHE_SHEET_SOUND;
    if (breathing == BREATHING_ADJUST || breathing == BREATHING_SLOWING_ADJUST)
        app->breathe_picker.sheet = BREATHE_SHEET_PATTERN;
    if (breathing == BREATHING_CUSTOM || breathing == BREATHING_NAMING ||
        breathing == BREATHING_SOUND || breathing == BREATHING_ADJUST) {
        static const char *const files[] = {"Our evening playlist track.ogg", "waves.wav"};
        breathe_set_files(&app->breathe, files, 2);
        app_apply_setting(app, "breathe.custom.0", "4,2,6,2,Evening slow");
        app_apply_setting(app, "breathe.custom.3", "3,0,5,0,Morning");
        app_apply_setting(app, "breathe.pattern", "custom.0");
        app_apply_setting(app, "breathe.sound", "file:waves.wav");
    }
    if (breathing == BREATHING_NAMING) {
        app->breathe_picker.naming = 1;
        keyboard_init(&app->keyboard, "Evening slow", BREATHE_NAME_CHARS);
    }
    if (c->screen >= SCREEN_BREATHE_RUN && c->screen <= SCREEN_BREATHE_DONE) {
        app_push(app, SCREEN_BREATHE);
        breathe_start(app);
    }
    if (c->screen == SCREEN_ENTRY) {
        static const char *const steps[] = {"entry", "entry felt", "entry helped", "entry next",
                                            "entry note"};
        for (int i = 0; i < 5; i++)
            if (strcmp(c->name, steps[i]) == 0)
                app->journal.entry_step = i;
        app->journal.draft.closeness = app->journal.draft.pain = EVENT_UNSET;
        app->journal.draft.comfort = app->journal.draft.tiredness = EVENT_UNSET;
        app->journal.draft.partner = PARTNER_BOTH;
    }
    if (c->screen != SCREEN_HOME)
        app_push(app, c->screen);
    now.mono_ms += 5000; /* past any wash; 2 s into the first in-breath */
    frame_update(app, NULL, 0, &now);
    if (breathing == BREATHING_PAUSED)
        breathe_pause(app);
    if (breathing == BREATHING_DONE)
        breathe_end(app);
    if (breathing == BREATHING_PAUSED || breathing == BREATHING_DONE)
        frame_update(app, NULL, 0, &now);
    return app;
}

static int problems;

#define report(...) (print_error(__VA_ARGS__), print_error("\n"), problems++)

static int full_screen(const App *app, Rect r)
{
    return r.x == 0 && r.y == 0 && r.w == app->metrics.w && r.h == app->metrics.h;
}

/* A key of the on-screen keyboard. */
static int is_key(const char *label)
{
    static const char *const keys[] = {"Shift", "Caps",       "Space", "Backspace",
                                       "Clear", "Undo clear", "Done"};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        if (strcmp(label, keys[i]) == 0)
            return 1;
    return strncmp(label, "Key ", 4) == 0 || strncmp(label, "Keys ", 5) == 0;
}

/* Two values of one rating scale ("Pain 3", "Pain 4"): a value one off is seen
 * and tapped again, so they may close up as keys do (entry.c). */
static int same_scale(const char *a, const char *b)
{
    static const char *const scales[] = {"Closeness ", "Comfort ", "Pain ", "Tiredness "};
    for (size_t i = 0; i < sizeof scales / sizeof scales[0]; i++) {
        size_t n = strlen(scales[i]);
        if (strncmp(a, scales[i], n) == 0 && strncmp(b, scales[i], n) == 0)
            return 1;
    }
    return 0;
}

/* The signal that ends the night ("Sam / Stop for today"), not the editor's
 * controls for it ("Stop for today / Rename"). */
static int ends_night(const char *label)
{
    static const char stop[] = "Stop for today";
    size_t n = strlen(label), k = sizeof stop - 1;
    return n >= k && strcmp(label + n - k, stop) == 0;
}

/* The gap between two rects that do not overlap: along x or y, the larger. */
static int apart(Rect a, Rect b)
{
    int dx = b.x - (a.x + a.w) > a.x - (b.x + b.w) ? b.x - (a.x + a.w) : a.x - (b.x + b.w);
    int dy = b.y - (a.y + a.h) > a.y - (b.y + b.h) ? b.y - (a.y + a.h) : a.y - (b.y + b.h);
    return dx > dy ? dx : dy;
}

static void check(const App *app, const char *what)
{
    const Metrics *m = &app->metrics;
    const Ui *ui = &app->ui;
    assert_true(ui->last_target_count > 0);
    for (int i = 0; i < ui->last_target_count; i++) {
        const UiTarget *t = &ui->last_targets[i];
        const Rect v = t->visible;
        if (t->rect.w < m->target || t->rect.h < m->target)
            report("%s: \"%s\" is %dx%d, below the %d px minimum", what, t->label, t->rect.w,
                   t->rect.h, m->target);
        if (v.w == 0 || v.h == 0)
            continue; /* scrolled out of view */
        if (v.x < 0 || v.y < 0 || v.x + v.w > m->w || v.y + v.h > m->h)
            report("%s: \"%s\" (%d,%d %dx%d) leaves the %dx%d screen", what, t->label, v.x, v.y,
                   v.w, v.h, m->w, m->h);
        for (int j = i + 1; j < ui->last_target_count; j++) {
            const UiTarget *u = &ui->last_targets[j];
            /* A transparent area over the whole screen (breathe-run's "tap anywhere
             * pauses") may lie under the controls declared after it, which win the
             * hit test; one declared after them would swallow them, and is reported. */
            if (full_screen(app, v))
                continue;
            if (!u->visible.w || !u->visible.h || full_screen(app, u->visible))
                continue;
            if (rect_overlaps(v, u->visible)) {
                report("%s: \"%s\" overlaps \"%s\"", what, t->label, u->label);
                continue;
            }
            /* 3 mm between any two targets; 8 mm around what ends the night. */
            int d = apart(v, u->visible);
            int far = ends_night(t->label) || ends_night(u->label);
            /* A keyboard's keys keep the minimum size first: where ten across do
             * not fit with 3 mm between, they close up to 1 mm (keyboard.c). */
            int keys = (is_key(t->label) && is_key(u->label)) || same_scale(t->label, u->label);
            int mm = far ? 8 : keys ? 1 : 3;
            int need = (int)((float)mm * m->px_per_mm);
            if (d < need)
                report("%s: \"%s\" and \"%s\" are %d px apart, under %d mm (%d px)", what, t->label,
                       u->label, d, mm, need);
        }
    }
    const DrawList *d = &app->draw;
    for (int i = 0; i < d->count; i++) {
        const DrawCmd *c = &d->cmds[i];
        if (c->kind != DRAW_TEXT)
            continue;
        const char *text = draw_text(d, c);
        if (c->size < m->text_min)
            report("%s: text \"%s\" at %d px is below the %d px minimum", what, text, c->size,
                   m->text_min);
        int w = fake_measure(NULL, text, c->size);
        if (w > c->rect.w + 2)
            report("%s: text \"%s\" (%d px) is wider than its box (%d px)", what, text, w,
                   c->rect.w);
        if (c->rect.x < 0 || c->rect.x + c->rect.w > m->w || c->rect.y < 0 ||
            c->rect.y + c->rect.h > m->h)
            if (!(c->rect.y + c->rect.h <= 0 || c->rect.y >= m->h)) {
                /* Text in a scrolled list may leave the screen; it is clipped by its view. */
                int clipped = 0;
                for (int k = i - 1; k >= 0; k--)
                    if (d->cmds[k].kind == DRAW_CLIP) {
                        clipped = d->cmds[k].rect.w > 0;
                        break;
                    }
                if (!clipped)
                    report("%s: text \"%s\" leaves the screen", what, text);
            }
    }
}

/* By day and by night, whose words are larger. */
static void every_screen_every_size_every_rotation(void **state)
{
    (void)state;
    int w, h, rot;
    for (night_mode = 0; night_mode <= 1; night_mode++) {
        for (int shape = 0; screen_shape(shape, &w, &h, &rot); shape++) {
            for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
                App *app = make_app(w, h, &cases[c]);
                char what[128];
                snprintf(what, sizeof what, "%s at %dx%d (rotation %d) by %s", cases[c].name, w, h,
                         rot, night_mode ? "night" : "day");
                assert_string_equal(screen_name(app_screen(app)), screen_name(cases[c].screen));
                check(app, what);
                free(app);
            }
        }
    }
    night_mode = 0;
    assert_int_equal(problems, 0);
}

static void pause_is_on_every_screen_but_paused(void **state)
{
    (void)state;
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        App *app = make_app(800, 480, &cases[c]);
        const UiTarget *t = NULL;
        int n = ui_find(&app->ui, "Pause", &t);
        if (cases[c].screen == SCREEN_PAUSED) {
            assert_int_equal(n, 0);
        } else if (cases[c].screen == SCREEN_SIGNALS) {
            /* Each partner's own Pause. */
            assert_int_equal(ui_find(&app->ui, "Alexandra / Pause", &t), 1);
            assert_int_equal(ui_find(&app->ui, "Sam / Pause", &t), 1);
        } else {
            assert_non_null(t);
            assert_string_equal(t->label, "Pause");
        }
        /* Every screen but Home has Home; the dim screen wakes at any tap instead. */
        if (cases[c].screen != SCREEN_HOME && cases[c].screen != SCREEN_DIM)
            assert_int_equal(ui_find(&app->ui, "Home", &t) >= 1, 1);
        free(app);
    }
}

/* Under a signal's wash only the two Pauses (in their board places) and the
 * tap that ends the wash are targets, at every size and in both layouts. */
static void a_wash_leaves_only_pause(void **state)
{
    (void)state;
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        for (int facing = 0; facing <= 1; facing++) {
            Case c = {"signals", SCREEN_SIGNALS, facing, 0};
            App *app = make_app(sizes[s][0], sizes[s][1], &c);
            const UiTarget *before = NULL;
            assert_int_equal(ui_find(&app->ui, "Sam / Pause", &before), 1);
            Rect place = before->rect;
            AppTime now = app->time;
            app_signal(app, PARTNER_SECOND, SIGNAL_PAIN);
            now.mono_ms += 100;
            frame_update(app, NULL, 0, &now);
            const Ui *ui = &app->ui;
            assert_int_equal(ui->last_target_count, 3);
            const UiTarget *t = NULL;
            assert_int_equal(ui_find(ui, "Dismiss", &t), 1);
            assert_int_equal(ui_find(ui, "Alexandra / Pause", &t), 1);
            assert_int_equal(ui_find(ui, "Sam / Pause", &t), 1);
            assert_memory_equal(&t->rect, &place, sizeof place);
            now.mono_ms += 2000;
            frame_update(app, NULL, 0, &now);
            assert_int_equal(ui_find(ui, "Dismiss", &t), 0);
            assert_int_equal(ui_find(ui, "Sam / Stop for today", &t), 1);
            free(app);
        }
    }
}

/* Pause is never an ordinary tile: whatever is hidden, it is at least as
 * large as every tile in both directions and larger in one. */
static void pause_keeps_its_place_whatever_is_hidden(void **state)
{
    (void)state;
    static const SignalId hide[] = {SIGNAL_GOOD, SIGNAL_SLOWER, SIGNAL_CHECK_IN,
                                    SIGNAL_PAIN, SIGNAL_TIRED,  SIGNAL_STOP};
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        for (int facing = 0; facing <= 1; facing++) {
            for (size_t hidden = 0; hidden <= sizeof hide / sizeof hide[0]; hidden++) {
                Case c = {"signals", SCREEN_SIGNALS, facing, 0};
                App *app = make_app(sizes[s][0], sizes[s][1], &c);
                for (size_t k = 0; k < hidden; k++)
                    app->signals[hide[k]].visible = 0;
                AppTime now = app->time;
                now.mono_ms += 16;
                frame_update(app, NULL, 0, &now);
                const UiTarget *pause = NULL;
                assert_int_equal(ui_find(&app->ui, "Sam / Pause", &pause), 1);
                int bigger = 0;
                for (int i = 0; i < app->ui.last_target_count; i++) {
                    const UiTarget *t = &app->ui.last_targets[i];
                    if (strncmp(t->label, "Sam / ", 6) != 0 || t == pause)
                        continue;
                    assert_true(pause->rect.w >= t->rect.w && pause->rect.h >= t->rect.h);
                    bigger += pause->rect.w > t->rect.w || pause->rect.h > t->rect.h;
                }
                assert_int_equal(bigger, (int)(sizeof hide / sizeof hide[0] - hidden));
                free(app);
            }
        }
    }
}

/* Each of the entry's steps fits its screen without scrolling, at every size
 * and rotation, with the words Lull ships. */
static void entry_steps_fit_without_scrolling(void **state)
{
    (void)state;
    static const char *const steps[] = {"entry", "entry felt", "entry helped", "entry next",
                                        "entry note"};
    int w, h, rot;
    for (int shape = 0; screen_shape(shape, &w, &h, &rot); shape++) {
        for (size_t i = 0; i < 5; i++) {
            Case c = {steps[i], SCREEN_ENTRY, 0, 0};
            App *app = make_app(w, h, &c);
            const UiScroll *sc = &app->journal.form_scroll;
            if (sc->content_h > sc->view.h)
                report("%s at %dx%d: %d px of content in a %d px view", steps[i], w, h,
                       sc->content_h, sc->view.h);
            free(app);
        }
    }
    assert_int_equal(problems, 0);
}

/* Runs another pass at the same moment, after a test changed the state. */
static void rebuild(App *app)
{
    AppTime now = app->time;
    frame_update(app, NULL, 0, &now);
}

static int draws_text(const App *app, const char *text)
{
    const DrawList *d = &app->draw;
    for (int i = 0; i < d->count; i++)
        if (d->cmds[i].kind == DRAW_TEXT && strcmp(draw_text(d, &d->cmds[i]), text) == 0)
            return 1;
    return 0;
}

/* The breathing picker is one screen at every size, by day and by night, with
 * a note or without: every pattern with its rhythm, Length, Sound and Start,
 * nothing that scrolls. */
static void breathe_picker_fits_on_one_screen(void **state)
{
    (void)state;
    static const char *const pickers[] = {"breathe", "breathe slowing", "breathe custom"};
    int w, h, rot;
    for (night_mode = 0; night_mode <= 1; night_mode++) {
        for (int shape = 0; screen_shape(shape, &w, &h, &rot); shape++) {
            for (size_t i = 0; i < sizeof pickers / sizeof pickers[0]; i++) {
                for (int noted = 0; noted <= 1; noted++) {
                    Case c = {pickers[i], SCREEN_BREATHE, 0, 0};
                    App *app = make_app(w, h, &c);
                    if (noted) {
                        app_set_note(app->sound_note, "Sound is off: no audio device");
                        rebuild(app);
                    }
                    char what[160];
                    snprintf(what, sizeof what, "%s%s at %dx%d by %s", pickers[i],
                             noted ? " with a note" : "", w, h, night_mode ? "night" : "day");
                    if (app->ui.last_scroll_count != 0)
                        report("%s: the picker scrolls", what);
                    static const char *const controls[] = {"Calm 5·5", "4·7·8", "Slowing",
                                                           "Length",   "Sound", "Start"};
                    const UiTarget *t = NULL;
                    for (size_t k = 0; k < sizeof controls / sizeof controls[0]; k++)
                        if (ui_find(&app->ui, controls[k], &t) != 1)
                            report("%s: no \"%s\"", what, controls[k]);
                    if (!draws_text(app, "in 5 · out 5") || !draws_text(app, "in 4 · out 6"))
                        report("%s: the rhythms are not shown", what);
                    int adjust = strcmp(pickers[i], "breathe") != 0;
                    if ((ui_find(&app->ui, "Adjust pattern", &t) == 1) != adjust)
                        report("%s: Adjust pattern %s", what, adjust ? "missing" : "shown");
                    check(app, what);
                    free(app);
                }
            }
        }
    }
    night_mode = 0;
    assert_int_equal(problems, 0);
}

/* Every layer of the keyboard, with Shift and without, on every screen that
 * types, at every size and rotation: every key on screen, apart, full size. */
static void every_keyboard_layer_fits(void **state)
{
    (void)state;
    static const char *const typing[] = {"name", "rename", "breathe naming", "note",
                                         "journal-words editing"};
    int w, h, rot;
    for (int shape = 0; screen_shape(shape, &w, &h, &rot); shape++) {
        for (size_t i = 0; i < sizeof typing / sizeof typing[0]; i++) {
            const Case *c = NULL;
            for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++)
                if (strcmp(cases[k].name, typing[i]) == 0)
                    c = &cases[k];
            assert_non_null(c);
            App *app = make_app(w, h, c);
            for (int layer = 0; layer < KB_LAYER_COUNT; layer++) {
                for (int shift = 0; shift <= 1; shift++) {
                    Keyboard *kb[] = {&app->keyboard, &app->journal.kb};
                    for (int k = 0; k < 2; k++) {
                        kb[k]->layer = (KeyboardLayer)layer;
                        kb[k]->shift = shift;
                    }
                    rebuild(app);
                    char what[160];
                    snprintf(what, sizeof what, "%s, keys %d%s, at %dx%d (rotation %d)", typing[i],
                             layer, shift ? " shifted" : "", w, h, rot);
                    const UiTarget *t = NULL;
                    if (ui_find(&app->ui, "Backspace", &t) != 1)
                        report("%s: no Backspace", what);
                    /* Capitals where the layer has them: É, À, Ö too. */
                    int capitals = layer == KB_LETTERS || layer == KB_ACCENTS;
                    if ((ui_find(&app->ui, "Shift", &t) == 1) != capitals)
                        report("%s: Shift %s", what,
                               capitals ? "missing" : "where nothing has capitals");
                    if (layer == KB_ACCENTS && shift && ui_find(&app->ui, "Key \u00c9", &t) != 1)
                        report("%s: no É", what);
                    check(app, what);
                }
            }
            free(app);
        }
    }
    assert_int_equal(problems, 0);
}

/* Every screen that scrolls, at every scroll position half a view apart down
 * to its end: what is in view is on screen and apart, and the last control
 * can be reached. */
static void every_scroll_position_fits(void **state)
{
    (void)state;
    int scrolled = 0;
    int w, h, rot;
    for (int shape = 0; screen_shape(shape, &w, &h, &rot); shape++) {
        for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
            App *app = make_app(w, h, &cases[c]);
            for (int r = 0; r < app->ui.last_scroll_count; r++) {
                UiScroll *sc = app->ui.last_scrolls[r];
                int end = sc->content_h - sc->view.h;
                if (end <= 0)
                    continue;
                int step = sc->view.h / 2 > 0 ? sc->view.h / 2 : 1;
                for (int at = step;; at += step) {
                    sc->offset = at < end ? at : end;
                    rebuild(app);
                    /* The pass may have put the region in a new place. */
                    sc = app->ui.last_scrolls[r];
                    char what[160];
                    snprintf(what, sizeof what, "%s scrolled %d of %d px at %dx%d (rotation %d)",
                             cases[c].name, sc->offset, end, w, h, rot);
                    check(app, what);
                    scrolled++;
                    if (at >= end)
                        break;
                }
                /* At the end, the last control of the region lies wholly in its view. */
                const UiTarget *last = NULL;
                for (int i = 0; i < app->ui.last_target_count; i++)
                    if (app->ui.last_targets[i].scroll == r + 1)
                        last = &app->ui.last_targets[i];
                if (last && (last->visible.h < last->rect.h || last->visible.w < last->rect.w))
                    report("%s at %dx%d (rotation %d): \"%s\" is cut at the end of its list",
                           cases[c].name, w, h, rot, last->label);
            }
            free(app);
        }
    }
    assert_true(scrolled > 0);
    assert_int_equal(problems, 0);
}

/* A lasting note (nothing can be saved; no sound on the breathing picker) has
 * a strip of its own: on every screen, at every size and rotation, its words
 * are drawn and no control lies under them. */
static void a_note_never_covers_a_control(void **state)
{
    (void)state;
    int w, h, rot;
    for (int shape = 0; screen_shape(shape, &w, &h, &rot); shape++) {
        for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
            ScreenId s = cases[c].screen;
            if (s == SCREEN_DIM)
                continue; /* dark: no note, no controls but the wake */
            App *app = make_app(w, h, &cases[c]);
            const char *words = "Nothing is saved yet: another program is using the journal";
            if (s == SCREEN_BREATHE && strcmp(cases[c].name, "breathe naming") != 0) {
                app_set_note(app->sound_note, "Sound is off: no audio device was found");
                words = app->sound_note;
            } else {
                app_storage_problem(app, STORE_BUSY, 0, NULL, NULL);
            }
            rebuild(app);
            rebuild(app);
            char what[160];
            snprintf(what, sizeof what, "%s with a note at %dx%d (rotation %d)", cases[c].name, w,
                     h, rot);
            int bottom = app_body_bottom(app);
            if (app_notes_h(app) <= 0)
                report("%s: no strip kept for the note", what);
            int shown = 0;
            const DrawList *d = &app->draw;
            for (int i = 0; i < d->count; i++)
                if (d->cmds[i].kind == DRAW_TEXT &&
                    strncmp(draw_text(d, &d->cmds[i]), words, 12) == 0 &&
                    d->cmds[i].rect.y >= bottom)
                    shown = 1;
            if (!shown)
                report("%s: the note is not drawn in its strip", what);
            for (int i = 0; i < app->ui.last_target_count; i++) {
                Rect v = app->ui.last_targets[i].visible;
                if (v.w && v.h && !full_screen(app, v) && v.y + v.h > bottom)
                    report("%s: \"%s\" reaches into the note's strip (%d > %d)", what,
                           app->ui.last_targets[i].label, v.y + v.h, bottom);
            }
            check(app, what);
            free(app);
        }
    }
    assert_int_equal(problems, 0);
}

/* The colour under (x, y) once the commands before upto are painted. */
static Color under(const DrawList *d, int upto, int x, int y)
{
    Color bg = color_alpha(d->clear, 255);
    for (int k = 0; k < upto; k++) {
        const DrawCmd *c = &d->cmds[k];
        int in = 0;
        if (c->kind == DRAW_RECT) {
            in = rect_contains(c->rect, x, y);
        } else if (c->kind == DRAW_CIRCLE) {
            int cx = c->rect.x + c->rect.w / 2, cy = c->rect.y + c->rect.h / 2, r = c->rect.w / 2;
            in = (x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r;
        }
        if (in)
            bg = color_over(c->color, bg);
    }
    return bg;
}

/* Every word and every glyph on screen, against what it is drawn on. */
static void check_contrast(const App *app, const char *what)
{
    const DrawList *d = &app->draw;
    const Metrics *m = &app->metrics;
    for (int i = 0; i < d->count; i++) {
        const DrawCmd *c = &d->cmds[i];
        if (c->kind != DRAW_TEXT && c->kind != DRAW_SHAPE)
            continue;
        Rect r = c->rect;
        int x = r.x + r.w / 2, y = r.y + r.h / 2;
        const char *text = c->kind == DRAW_TEXT ? draw_text(d, c) : "(a shape)";
        if (c->kind == DRAW_TEXT) {
            int w = fake_measure(NULL, text, c->size);
            w = w < r.w ? w : r.w;
            x = c->align == ALIGN_LEFT    ? r.x + w / 2
                : c->align == ALIGN_RIGHT ? r.x + r.w - w / 2
                                          : x;
        }
        if (x < 0 || y < 0 || x >= m->w || y >= m->h || c->color.a == 0)
            continue;
        if (c->kind == DRAW_SHAPE) {
            const UiTarget *t = ui_hit(&app->ui, x, y);
            text = t ? t->label : "a shape";
        }
        Color bg = under(d, i, x, y);
        double ratio = color_contrast(color_over(c->color, bg), bg);
        if (ratio < 4.5)
            report("%s: \"%s\" at %d,%d is %.2f:1 against its background (#%02x%02x%02x%02x on "
                   "#%02x%02x%02x)",
                   what, text, x, y, ratio, c->color.r, c->color.g, c->color.b, c->color.a, bg.r,
                   bg.g, bg.b);
    }
}

/* At least 4.5:1 for every word and glyph of every screen, by day and by
 * night, read from the colours the draw list holds. */
static void every_word_and_glyph_stands_out(void **state)
{
    (void)state;
    static const int shapes[][2] = {{800, 480}, {720, 1280}};
    for (night_mode = 0; night_mode <= 1; night_mode++) {
        for (size_t s = 0; s < sizeof shapes / sizeof shapes[0]; s++) {
            for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
                App *app = make_app(shapes[s][0], shapes[s][1], &cases[c]);
                char what[160];
                snprintf(what, sizeof what, "%s at %dx%d by %s", cases[c].name, shapes[s][0],
                         shapes[s][1], night_mode ? "night" : "day");
                assert_int_equal(app->night, night_mode);
                check_contrast(app, what);
                free(app);
            }
        }
    }
    night_mode = 0;
    assert_int_equal(problems, 0);
}

/* How bright a frame is: the mean luminance of the draw list's colours over
 * a grid of points, each word counted as a third of its box lit. */
static double frame_light(const App *app)
{
    const DrawList *d = &app->draw;
    const Metrics *m = &app->metrics;
    double sum = 0.0;
    int n = 0;
    for (int y = 4; y < m->h; y += 12) {
        for (int x = 4; x < m->w; x += 12) {
            Color c = under(d, d->count, x, y);
            double l = color_luminance(c);
            for (int i = 0; i < d->count; i++) {
                const DrawCmd *t = &d->cmds[i];
                if (t->kind != DRAW_TEXT)
                    continue;
                int w = fake_measure(NULL, draw_text(d, t), t->size);
                Rect box = rect_make(t->rect.x + (t->rect.w - w) / 2, t->rect.y, w, t->size);
                if (rect_contains(box, x, y)) {
                    double lit = (double)t->color.a / 255.0 / 3.0;
                    l = l * (1.0 - lit) + color_luminance(t->color) * lit;
                }
            }
            sum += l;
            n++;
        }
    }
    return sum / n;
}

/* By night a signal is a glow, never a flood: no frame of the wash, from the
 * tap to its end, is more than 1.2 times as bright as the frame before it. */
static void a_night_signal_never_floods(void **state)
{
    (void)state;
    night_mode = 1;
    static const SignalId sent[] = {SIGNAL_PAIN, SIGNAL_GOOD, SIGNAL_CHECK_IN, SIGNAL_TIRED};
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        for (size_t k = 0; k < sizeof sent / sizeof sent[0]; k++) {
            Case c = {"signals", SCREEN_SIGNALS, (int)(k % 2), 0};
            App *app = make_app(sizes[s][0], sizes[s][1], &c);
            char label[64];
            snprintf(label, sizeof label, "Sam / %s", app->signals[sent[k]].label);
            const UiTarget *t = NULL;
            assert_int_equal(ui_find(&app->ui, label, &t), 1);
            AppInput tap[2] = {{APP_INPUT_PRESS, t->rect.x + t->rect.w / 2,
                                t->rect.y + t->rect.h / 2, KEY_NONE, ""},
                               {APP_INPUT_RELEASE, t->rect.x + t->rect.w / 2,
                                t->rect.y + t->rect.h / 2, KEY_NONE, ""}};
            double before = frame_light(app);
            AppTime now = app->time;
            int washed = 0;
            for (int frame = 0; frame < 160; frame++) {
                now.mono_ms += 16;
                if (frame == 0)
                    frame_update(app, &tap[0], 1, &now);
                else if (frame == 5)
                    frame_update(app, &tap[1], 1, &now);
                else
                    frame_update(app, NULL, 0, &now);
                washed += app->wash_until_mono > now.mono_ms;
                double light = frame_light(app);
                if (light > before * 1.2 + 1e-4)
                    report("%s at %dx%d by night: frame %d is %.2f times the one before", label,
                           sizes[s][0], sizes[s][1], frame, light / before);
                before = light;
            }
            if (!washed)
                report("%s at %dx%d: no wash", label, sizes[s][0], sizes[s][1]);
            free(app);
        }
    }
    night_mode = 0;
    assert_int_equal(problems, 0);
}

/* By night the secondary words (in the palette's dim text) are 5 mm tall,
 * on every screen at every size. */
static void night_words_are_five_mm(void **state)
{
    (void)state;
    night_mode = 1;
    int w, h, rot;
    for (int shape = 0; screen_shape(shape, &w, &h, &rot); shape += 4) {
        for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
            App *app = make_app(w, h, &cases[c]);
            int five = (int)(5.0f * app->metrics.px_per_mm);
            const DrawList *d = &app->draw;
            for (int i = 0; i < d->count; i++) {
                const DrawCmd *cmd = &d->cmds[i];
                Color dim = app->theme.text_dim;
                if (cmd->kind != DRAW_TEXT || cmd->color.r != dim.r || cmd->color.g != dim.g ||
                    cmd->color.b != dim.b)
                    continue;
                if (cmd->size < five)
                    report("%s at %dx%d by night: \"%s\" at %d px, under 5 mm (%d px)",
                           cases[c].name, w, h, draw_text(d, cmd), cmd->size, five);
            }
            free(app);
        }
    }
    night_mode = 0;
    assert_int_equal(problems, 0);
}

/* The alpha of a full-screen fill in the ground colour drawn before Pause:
 * the fade a new screen comes in under; -1 when there is none. */
static int fade_alpha(const App *app)
{
    const DrawList *d = &app->draw;
    int alpha = -1;
    for (int i = 0; i < d->count; i++) {
        const DrawCmd *c = &d->cmds[i];
        if (c->kind == DRAW_TEXT && strcmp(draw_text(d, c), "Pause") == 0)
            break;
        if (c->kind == DRAW_RECT && full_screen(app, c->rect) && c->color.r == app->theme.bg.r &&
            c->color.g == app->theme.bg.g && c->color.b == app->theme.bg.b)
            alpha = c->color.a;
    }
    return alpha;
}

/* A new screen comes in from the ground over a quarter of a second, under
 * Pause, and takes a tap at once; with display.fades off it is there at once. */
static void screens_fade_in(void **state)
{
    (void)state;
    Case c = {"home", SCREEN_HOME, 0, 0};
    App *app = make_app(800, 480, &c);
    assert_int_equal(fade_alpha(app), -1);
    const UiTarget *t = NULL;
    assert_int_equal(ui_find(&app->ui, "Breathe", &t), 1);
    AppInput tap[2] = {{APP_INPUT_PRESS, t->rect.x + 10, t->rect.y + 10, KEY_NONE, ""},
                       {APP_INPUT_RELEASE, t->rect.x + 10, t->rect.y + 10, KEY_NONE, ""}};
    AppTime now = app->time;
    now.mono_ms += 16;
    frame_update(app, &tap[0], 1, &now);
    now.mono_ms += 80;
    frame_update(app, &tap[1], 1, &now);
    assert_string_equal(screen_name(app_screen(app)), "breathe");
    int first = fade_alpha(app);
    assert_true(first > 200);
    assert_int_equal(frame_wake_in(app), 16);
    now.mono_ms += 125;
    frame_update(app, NULL, 0, &now);
    int half = fade_alpha(app);
    assert_true(half > 0 && half < first / 2);
    /* Under the fade the new screen's controls answer already. */
    assert_int_equal(ui_find(&app->ui, "Length", &t), 1);
    AppInput len[2] = {{APP_INPUT_PRESS, t->rect.x + 10, t->rect.y + 10, KEY_NONE, ""},
                       {APP_INPUT_RELEASE, t->rect.x + 10, t->rect.y + 10, KEY_NONE, ""}};
    frame_update(app, &len[0], 1, &now);
    frame_update(app, &len[1], 1, &now);
    assert_int_equal(app->breathe_picker.sheet, BREATHE_SHEET_LENGTH);
    now.mono_ms += 130;
    frame_update(app, NULL, 0, &now);
    assert_int_equal(fade_alpha(app), -1);
    /* Off: at once. */
    app_apply_setting(app, "display.fades", "off");
    app_push(app, SCREEN_SETTINGS);
    frame_update(app, NULL, 0, &now);
    assert_int_equal(fade_alpha(app), -1);
    free(app);
}

static Rect target_rect(const App *app, const char *label)
{
    const UiTarget *t = NULL;
    assert_int_equal(ui_find(&app->ui, label, &t), 1);
    return t->rect;
}

/* A note that goes leaves its room on the screen that showed it: nothing
 * moves under a finger; the screen after gets the room back. */
static void a_note_going_moves_nothing(void **state)
{
    (void)state;
    Case c = {"signals", SCREEN_SIGNALS, 0, 0};
    App *app = make_app(800, 480, &c);
    Rect before = target_rect(app, "Sam / Stop for today");
    app_storage_problem(app, STORE_BUSY, 0, NULL, NULL);
    rebuild(app);
    rebuild(app);
    Rect noted = target_rect(app, "Sam / Stop for today");
    assert_true(noted.y + noted.h < before.y + before.h);
    app_storage_ready(app);
    rebuild(app);
    assert_int_equal(app->store_note[0], '\0');
    Rect after = target_rect(app, "Sam / Stop for today");
    assert_memory_equal(&after, &noted, sizeof noted);
    app_push(app, SCREEN_SETTINGS);
    rebuild(app);
    app_pop(app);
    rebuild(app);
    after = target_rect(app, "Sam / Stop for today");
    assert_memory_equal(&after, &before, sizeof before);
    free(app);
}

static void metrics_follow_dpi(void **state)
{
    (void)state;
    Metrics m;
    metrics_compute(&m, 800, 480, 133.0, 12.0, 4.0);
    assert_int_equal(m.target, 63); /* 12 mm at 133 dpi */
    assert_int_equal(m.text_min, 21);
    assert_true(m.unit >= m.target);
    metrics_compute(&m, 720, 1280, 210.0, 12.0, 4.0);
    assert_int_equal(m.target, 100);
    assert_true(m.portrait);
    metrics_compute(&m, 3840, 2160, 163.0, 15.0, 4.0);
    assert_int_equal(m.target, 97);
    assert_true(m.unit >= 2160 * 2 / 15);
    /* The smallest the layouts hold at full size: 800×480 at 133 dpi. */
    static const struct {
        int w, h, room;
    } screens[] = {{800, 480, 1}, {480, 800, 1}, {720, 1280, 1}, {1024, 600, 1},
                   {480, 320, 0}, {320, 480, 0}, {760, 480, 0},  {800, 460, 0}};
    for (size_t i = 0; i < sizeof screens / sizeof screens[0]; i++) {
        metrics_compute(&m, screens[i].w, screens[i].h, 133.0, 12.0, 4.0);
        assert_int_equal(metrics_room(&m), screens[i].room);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(metrics_follow_dpi),
        cmocka_unit_test(every_screen_every_size_every_rotation),
        cmocka_unit_test(entry_steps_fit_without_scrolling),
        cmocka_unit_test(every_keyboard_layer_fits),
        cmocka_unit_test(breathe_picker_fits_on_one_screen),
        cmocka_unit_test(every_scroll_position_fits),
        cmocka_unit_test(a_note_never_covers_a_control),
        cmocka_unit_test(a_note_going_moves_nothing),
        cmocka_unit_test(every_word_and_glyph_stands_out),
        cmocka_unit_test(night_words_are_five_mm),
        cmocka_unit_test(a_night_signal_never_floods),
        cmocka_unit_test(screens_fade_in),
        cmocka_unit_test(pause_is_on_every_screen_but_paused),
        cmocka_unit_test(a_wash_leaves_only_pause),
        cmocka_unit_test(pause_keeps_its_place_whatever_is_hidden),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
