/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Breathing [breathe-run] and its summary [breathe-done]: the circle that grows
 * and shrinks, the phase word, the time left, End. */
#include "screens/screens.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void format_clock(int64_t ms, char *out, size_t size)
{
    int64_t s = (ms + 999) / 1000;
    snprintf(out, size, "%d:%02d", (int)(s / 60), (int)(s % 60));
}

static const char *phase_word(const PacerState *s)
{
    if (s->paused)
        return "On hold"; /* the pacer's own hold: Pause means only the signal */
    switch (s->phase) {
    case PHASE_COUNTDOWN:
        return "Get ready";
    case PHASE_INHALE:
        return "Breathe in";
    case PHASE_HOLD_IN:
    case PHASE_HOLD_OUT:
        return "Hold";
    case PHASE_EXHALE:
        return "Breathe out";
    case PHASE_DONE:
        break;
    }
    return "";
}

void screen_breathe_run(App *app)
{
    BreatheState *b = &app->breathe;
    Ui *ui = &app->ui;
    const Metrics *m = &app->metrics;
    const Theme *t = &app->theme;
    if (!b->running) {
        app_pop(app); /* nothing runs: not a screen to stay on */
        app->ui.fired = 1;
        return;
    }
    PacerState s = pacer_at(&b->pacer, app->time.mono_ms);
    /* Untouched for a while and breathing, the chrome steps back over a second. */
    int64_t quiet_ms = app->time.mono_ms -
                       (app->touched_mono > b->pacer.start_ms ? app->touched_mono
                                                              : b->pacer.start_ms) -
                       BREATHE_CALM_AFTER_MS;
    app->chrome_calm = s.paused || quiet_ms <= 0          ? 0.0f
                       : quiet_ms >= BREATHE_CALM_FADE_MS ? 1.0f
                                                          : (float)quiet_ms / BREATHE_CALM_FADE_MS;

    /* A tap anywhere pauses or resumes, on touch-down: declared first, so the buttons
     * on top win; a shaky double tap within 0.5 s counts once. */
    if (ui_area(ui, "Tap anywhere", rect_make(0, 0, m->w, m->h), UI_FIRE_ON_PRESS | UI_DEBOUNCE))
        breathe_toggle_pause(app);
    app_header(app, NULL);

    int home_w = m->unit * 2 + m->unit / 4;
    Rect pause = app_pause_rect(app);
    int side = pause.w > home_w ? pause.w : home_w;
    Rect end = rect_make(m->w - m->margin - side, app_body_bottom(app) - m->unit, side, m->unit);
    UiStyle quiet = app_style_quiet(app);
    if (ui_button(ui, "End", NULL, end, SHAPE_SQUARE, &quiet, 0)) {
        breathe_end(app);
        return;
    }

    char left[48], hint[64];
    if (s.left_ms < 0) {
        char clock[16];
        format_clock(s.breathing_ms, clock, sizeof clock);
        snprintf(left, sizeof left, "%s so far", clock);
    } else if (s.left_ms == 0) {
        snprintf(left, sizeof left, "Last breath");
    } else {
        char clock[16];
        format_clock(s.left_ms, clock, sizeof clock);
        snprintf(left, sizeof left, "%s left", clock);
    }
    snprintf(hint, sizeof hint, "%s",
             s.paused ? "Tap anywhere to carry on" : "Tap anywhere to hold");
    Rect hint_r = rect_make(m->margin, end.y, end.x - m->gap - m->margin, m->unit);
    if (app->chrome_calm < 1.0f) /* the hint goes with the chrome; it is back at a touch */
        ui_text_box(ui, hint, hint_r, m->text_small, m->text_min,
                    color_alpha(t->text_dim, (uint8_t)(255.0f * (1.0f - app->chrome_calm))),
                    ALIGN_LEFT);

    /* The circle, its word and the time left, as large as the screen allows: beside
     * Home and Pause when it fits between them, else below them. */
    int word_px = m->text_huge * 2 / 3;
    int below = word_px + m->gap / 2 + m->text + m->gap;
    int bottom = end.y - m->gap;
    int top_a = m->margin, top_b = m->margin + m->unit + m->gap;
    int between = m->w - 2 * (m->margin + side + m->gap);
    int d_a = bottom - top_a - below < between ? bottom - top_a - below : between;
    int d_b = bottom - top_b - below < m->w - 2 * m->margin ? bottom - top_b - below
                                                            : m->w - 2 * m->margin;
    int top = d_a >= d_b ? top_a : top_b;
    int d = d_a >= d_b ? d_a : d_b;
    if (d < m->unit)
        d = m->unit;
    int block = d + below;
    int y0 = top + (bottom - top - block) / 2;
    int cx = m->w / 2, cy = y0 + d / 2;

    int ring_t = d / 60 > 3 ? d / 60 : 3;
    Rect ring = rect_make(cx - d / 2, cy - d / 2, d, d);
    float progress = s.phase == PHASE_COUNTDOWN ? 0.0f
                     : b->pacer.end_ms > 0      ? (float)s.breathing_ms / (float)b->pacer.end_ms
                                                : s.progress;
    /* In steps of half a pixel along the ring: a frame in which the arc would
     * not visibly move stays the same frame, and is not drawn again. */
    float steps = 3.14159265f * (float)d * 2.0f;
    progress = floorf(progress * steps) / steps;

    int max_r = d / 2 - ring_t - m->gap / 2;
    int min_r = max_r * 2 / 5;
    int r = min_r + (int)((float)(max_r - min_r) * s.size + 0.5f);
    /* Dark enough under the count that the palette's own text reads on it. */
    Color core = color_mix(t->bg, t->accent, app->night ? 0.3f : 0.42f);
    if (s.paused)
        core = color_mix(t->bg, core, 0.7f);
    /* Soft: a faint halo in two steps around the disc, and a lighter heart. Each
     * layer is the opaque colour it makes on the plain ground beneath (a faint
     * 11 %, then 24 % of the disc's colour, and 47 % of a lighter one in the
     * heart), and each knows its neighbours: the halo two rings, the disc and
     * the heart discs, every edge fading into the colour beside it. The same
     * picture as soft layers blended on the ground, drawn in one opaque pass
     * with each pixel of the halo painted once, which on a Pi's software path
     * costs a fraction as much for a circle that changes every few frames. */
    int halo = m->gap / 2 > 4 ? m->gap / 2 : 4;
    int outer = r + 2 * halo;
    Color faint = color_mix(t->bg, core, 28.0f / 255.0f);
    Color near = color_mix(faint, core, 60.0f / 255.0f);
    Color heart = color_mix(core, color_mix(core, t->text, 0.15f), 120.0f / 255.0f);
    Color ground = color_alpha(t->bg, 255);
    ui_ring(ui, rect_make(cx - outer, cy - outer, 2 * outer, 2 * outer), faint, halo, ground, near);
    ui_ring(ui, rect_make(cx - r - halo, cy - r - halo, 2 * (r + halo), 2 * (r + halo)), near, halo,
            faint, core);
    ui_circle_on(ui, rect_make(cx - r, cy - r, 2 * r, 2 * r), core, near);
    int inner = r * 3 / 5;
    ui_circle_on(ui, rect_make(cx - inner, cy - inner, 2 * inner, 2 * inner), heart, core);
    /* the ring of the time gone, over the halo's edge at its fullest */
    ui_ring(ui, ring, color_over(color_alpha(t->frame, 200), ground), ring_t, ground, ground);
    if (progress > 0.0f)
        ui_arc(ui, ring, app->night ? t->text_dim : t->accent, ring_t, 0.0f, progress);

    char count[16];
    if (s.phase == PHASE_COUNTDOWN)
        snprintf(count, sizeof count, "%d", s.countdown_s);
    else
        snprintf(count, sizeof count, "%d", (int)(s.phase_elapsed_ms / 1000) + 1);
    int count_px = min_r > m->text_large ? m->text_large : m->text;
    ui_text(ui, count, rect_make(cx - min_r, cy - count_px / 2 - count_px / 8, 2 * min_r, count_px),
            count_px, t->text, ALIGN_CENTER);

    int wy = y0 + d + m->gap / 2;
    ui_text_fit(ui, phase_word(&s), rect_make(m->margin, wy, m->w - 2 * m->margin, word_px),
                word_px, m->text_large, t->text, ALIGN_CENTER);
    wy += word_px + m->gap / 2;
    char line[BREATHE_NAME_MAX + 64];
    snprintf(line, sizeof line, "%s · %s", b->run_label, left);
    ui_text_box(ui, line, rect_make(m->margin, wy, m->w - 2 * m->margin, m->text), m->text,
                m->text_min, t->text_dim, ALIGN_CENTER);
}

static void format_length(int64_t ms, char *out, size_t size)
{
    int s = (int)((ms + 500) / 1000);
    if (s < 60)
        snprintf(out, size, "%d second%s", s, s == 1 ? "" : "s");
    else if (s % 60 == 0)
        snprintf(out, size, "%d minute%s", s / 60, s == 60 ? "" : "s");
    else
        snprintf(out, size, "%d min %d s", s / 60, s % 60);
}

void screen_breathe_done(App *app)
{
    BreatheState *b = &app->breathe;
    Ui *ui = &app->ui;
    const Metrics *m = &app->metrics;
    const Theme *t = &app->theme;
    Rect area = app_header(app, NULL);

    char length[48], summary[BREATHE_NAME_MAX + 96];
    format_length(b->done_ms, length, sizeof length);
    snprintf(summary, sizeof summary, "%s · %lld breath%s · %s", length, (long long)b->done_breaths,
             b->done_breaths == 1 ? "" : "s", b->done_label);
    /* A short session is not a lesser one: said kindly, not counted against. */
    int short_one = b->done_ms < BREATHE_SHORT_MS;
    const char *title = short_one ? "A short breath together" : "Breathing done";
    const char *gentle = short_one ? "A few slow breaths together count too."
                                   : "Stay here a moment, there is no hurry.";

    /* Add to journal and Breathe again side by side, or stacked where narrow. */
    int bw = ui_measure(ui, "Add to journal", m->text) + m->text * 4;
    int again_w = ui_measure(ui, "Breathe again", m->text) + m->text * 4;
    bw = bw > again_w ? bw : again_w;
    bw = bw < m->unit * 3 ? m->unit * 3 : bw;
    int side = 2 * bw + m->gap <= area.w;
    if (!side && bw > area.w)
        bw = area.w;
    int buttons_h = side ? m->unit : 2 * m->unit + m->gap;

    int title_px = m->text_huge / 2;
    int shape = m->unit;
    int block = title_px + m->gap + m->text * 2 + m->gap + m->text_small * 2 + m->gap * 2 +
                buttons_h;
    if (block + shape + m->gap > area.h)
        shape = 0; /* a short screen: the words and the buttons first */
    else
        block += shape + m->gap;
    int y = area.y + (area.h - block) / 2;
    if (y < area.y)
        y = area.y;
    if (shape) {
        ui_circle(ui, rect_make(area.x + (area.w - shape) / 2, y, shape, shape),
                  color_mix(t->bg, t->accent, 0.5f));
        y += shape + m->gap;
    }
    ui_text_box(ui, title, rect_make(area.x, y, area.w, title_px), title_px, m->text, t->text,
                ALIGN_CENTER);
    y += title_px + m->gap;
    ui_text_box(ui, summary, rect_make(area.x, y, area.w, m->text * 2), m->text, m->text_small,
                t->text, ALIGN_CENTER);
    y += m->text * 2 + m->gap;
    ui_text_box(ui, gentle, rect_make(area.x, y, area.w, m->text_small * 2), m->text_small,
                m->text_min, t->text_dim, ALIGN_CENTER);
    y += m->text_small * 2 + m->gap * 2;

    int x = side ? area.x + (area.w - 2 * bw - m->gap) / 2 : area.x + (area.w - bw) / 2;
    Rect add = rect_make(x, y, bw, m->unit);
    Rect again = side ? rect_make(x + bw + m->gap, y, bw, m->unit)
                      : rect_make(x, y + m->unit + m->gap, bw, m->unit);
    UiStyle quiet = app_style_button(app);
    if (ui_button(ui, "Add to journal", NULL, add, SHAPE_STAR, &quiet, 0)) {
        breathe_to_journal(app);
        return;
    }
    UiStyle st = app_style_button(app);
    st.bg = color_mix(t->surface, t->accent, 0.3f);
    if (ui_button(ui, "Again", "Breathe again", again, SHAPE_CIRCLE, &st, 0)) {
        if (app_screen_below(app) == SCREEN_BREATHE) {
            app_pop(app);
        } else {
            app_replace_top(app, SCREEN_BREATHE);
        }
    }
}
