/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What every screen shares: the header with Home and a title, the persistent
 * Pause, the note strip at the bottom, the corner hold's feedback, and the
 * control styles. */
#include "app/services.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { HOLD_FEEDBACK_MS = 600 };

/* The styles only read the UI's sizes and colours; a Kit holds the UI itself. */
static Kit const_kit(const App *app)
{
    Kit k = {(Ui *)&app->ui, &app->metrics, &app->theme};
    return k;
}

UiStyle app_style_button(const App *app)
{
    Kit k = const_kit(app);
    return widget_style_button(&k);
}

UiStyle app_style_tile(const App *app)
{
    Kit k = const_kit(app);
    return widget_style_tile(&k);
}

UiStyle app_style_primary(const App *app)
{
    Kit k = const_kit(app);
    return widget_style_primary(&k);
}

UiStyle app_style_quiet(const App *app)
{
    Kit k = const_kit(app);
    UiStyle s = widget_style_quiet(&k);
    /* While the pacer runs untouched, the quiet controls lose their boxes:
     * their words stay, the breath is what is seen. */
    float keep = 1.0f - app->chrome_calm;
    s.bg = color_alpha(s.bg, (uint8_t)((float)s.bg.a * keep));
    s.frame = color_alpha(s.frame, (uint8_t)((float)s.frame.a * keep));
    return s;
}

Rect app_pause_rect(const App *app)
{
    const Metrics *m = &app->metrics;
    int w = m->unit * 2 + m->unit / 2;
    return rect_make(m->w - m->margin - w, m->margin, w, m->unit);
}

static Rect home_rect(const Metrics *m)
{
    return rect_make(m->margin, m->margin, m->unit * 2 + m->unit / 4, m->unit);
}

Rect app_title_rect(const App *app)
{
    const Metrics *m = &app->metrics;
    Rect pause = app_pause_rect(app);
    Rect home = home_rect(m);
    int left = app_screen(app) != SCREEN_HOME ? home.x + home.w + m->gap : m->margin;
    return rect_make(left, m->margin, pause.x - m->gap - left, m->unit);
}

Rect app_header(App *app, const char *title)
{
    const Metrics *m = &app->metrics;
    if (app_screen(app) != SCREEN_HOME) {
        UiStyle st = app_style_quiet(app);
        if (ui_button(&app->ui, "Home", NULL, home_rect(m), SHAPE_HOUSE, &st, 0))
            app_leave_to_home(app);
    }
    int top = m->margin + m->unit + m->gap;
    int bottom = app_body_bottom(app);
    if (title) {
        Rect t = app_title_rect(app);
        if (ui_measure(&app->ui, title, m->text) <= t.w) {
            ui_text_fit(&app->ui, title, t, m->text_large, m->text, app->theme.text, ALIGN_CENTER);
        } else {
            /* A narrow screen: the title gets a line of its own below the bar. */
            t = rect_make(m->margin, top, m->w - 2 * m->margin, m->text_large);
            ui_text_box(&app->ui, title, t, m->text_large, m->text, app->theme.text, ALIGN_CENTER);
            top += m->text_large + m->gap;
        }
    }
    return rect_make(m->margin, top, m->w - 2 * m->margin, bottom - top);
}

static void persistent_pause(App *app)
{
    ScreenId s = app_screen(app);
    /* Already paused there; and the board has each partner's own Pause. */
    if (s == SCREEN_PAUSED || s == SCREEN_SIGNALS)
        return;
    UiStyle st = app_style_button(app);
    Color pause = app_signal_color(app, SIGNAL_PAUSE);
    st.bg = color_mix(app->theme.surface, pause, 0.35f);
    st.accent = app->theme.text;
    st.frame = color_alpha(pause, 200);
    if (ui_button(&app->ui, "Pause", NULL, app_pause_rect(app), SHAPE_BARS, &st,
                  UI_FIRE_ON_PRESS)) {
        breathe_pause(app); /* the pacer holds under the paused board */
        app_pause(app, PARTNER_NONE);
    }
}

/* The note this screen shows, if any, and whether it warns: nothing can be
 * saved, no sound on the breathing picker; or "Saved" once what waited has
 * landed. A note has its strip kept: every screen lays out above it. */
static const char *screen_note(const App *app, int *warns)
{
    ScreenId s = app_screen(app);
    *warns = 1;
    if (s == SCREEN_STORAGE || s == SCREEN_DIM)
        return NULL; /* the storage screen says it in full; the dim screen is dark */
    if (app->store_note[0]) {
        *warns = durable_note_warns(app);
        return app->store_note;
    }
    if (app->sound_note[0] && s == SCREEN_BREATHE && !app->breathe_picker.naming)
        return app->sound_note;
    return NULL;
}

/* The strip's height for a note: one line of small text, or two where one
 * does not hold it. */
static int strip_h(const App *app, const char *note)
{
    const Metrics *m = &app->metrics;
    int line_h = m->text_small * 27 / 20;
    int one = ui_measure(&app->ui, note, m->text_small) <= m->w - 2 * m->margin - 2 * m->gap;
    return (one ? line_h : 2 * line_h) + m->gap / 2;
}

/* The strip's height on this screen: the note's, or what is kept for it. */
static int kept_strip_h(const App *app)
{
    int warns;
    const char *note = screen_note(app, &warns);
    int h = note ? strip_h(app, note) : 0;
    if (app->notes_kept.h > h && app->notes_kept.screen == app_screen(app) &&
        app->notes_kept.depth == app->depth)
        h = app->notes_kept.h;
    return h;
}

int app_notes_h(const App *app)
{
    int h = kept_strip_h(app);
    return h ? h + app->metrics.gap : 0;
}

int app_body_bottom(const App *app)
{
    return app->metrics.h - app->metrics.margin - app_notes_h(app);
}

static void notes_line(App *app)
{
    int warns;
    const char *note = screen_note(app, &warns);
    int h = kept_strip_h(app);
    app->notes_kept.screen = app_screen(app);
    app->notes_kept.depth = app->depth;
    app->notes_kept.h = h;
    if (!note)
        return; /* the room stays until the screen is left; nothing in it */
    const Metrics *m = &app->metrics;
    Rect r = rect_make(m->margin, m->h - m->margin - h, m->w - 2 * m->margin, h);
    ui_rect(&app->ui, r, app->theme.surface_hi, m->radius);
    ui_text_box(&app->ui, note, rect_make(r.x + m->gap, r.y, r.w - 2 * m->gap, r.h), m->text_small,
                m->text_min, warns ? app->theme.danger_free_warn : app->theme.text, ALIGN_CENTER);
}

static void hold_feedback(App *app)
{
    int64_t held = idle_hold_ms(app);
    if (held < HOLD_FEEDBACK_MS)
        return;
    const Metrics *m = &app->metrics;
    Ui *ui = &app->ui;
    int w = m->w * 3 / 5, h = m->unit * 3;
    Rect box = rect_make((m->w - w) / 2, (m->h - h) / 2, w, h);
    ui_rect(ui, box, color_alpha(app->theme.surface_hi, 240), m->radius * 2);
    int ring = m->unit;
    Rect r = rect_make(box.x + (box.w - ring) / 2, box.y + m->gap, ring, ring);
    ui_arc(ui, r, app->theme.frame, ring / 10, 0.0f, 1.0f);
    float done = (float)held / (float)IDLE_HOLD_TO_LEAVE_MS;
    ui_arc(ui, r, app->theme.accent, ring / 10, 0.0f, done > 1.0f ? 1.0f : done);
    ui_text_box(ui, "Keep holding to leave Lull",
                rect_make(box.x + m->gap, r.y + ring + m->gap / 2, box.w - 2 * m->gap,
                          box.y + box.h - (r.y + ring + m->gap / 2) - m->gap / 2),
                m->text, m->text_min, app->theme.text, ALIGN_CENTER);
}

/* A new screen comes in from the ground over a quarter second; it takes taps
 * at once, and Pause and the notes are drawn over the fade. */
static void screen_fade(App *app)
{
    int64_t since = app->time.mono_ms - app->screen_since_mono;
    if (!app->config.fades || since < 0 || since >= APP_SCREEN_FADE_MS)
        return;
    float left = 1.0f - (float)since / (float)APP_SCREEN_FADE_MS;
    ui_rect(&app->ui, rect_make(0, 0, app->metrics.w, app->metrics.h),
            color_alpha(app->theme.bg, (uint8_t)(255.0f * left * left)), 0);
}

int chrome_wake_in(const App *app)
{
    int64_t since = app->time.mono_ms - app->screen_since_mono;
    return app->config.fades && since >= 0 && since < APP_SCREEN_FADE_MS ? 16 : -1;
}

void chrome_overlay(App *app)
{
    screen_fade(app);
    if (app_screen(app) == SCREEN_DIM)
        return;
    notes_line(app);
    persistent_pause(app);
    hold_feedback(app);
}
