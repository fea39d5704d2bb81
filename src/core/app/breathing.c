/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A breathing session as the App runs it: start, pause, the cue tones, the
 * end and its durable log, the checkpoint a crash leaves, and recovering from it. */
#include "app/services.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lull/utf8.h"

enum {
    CUE_LATE_MS = 250,     /* a cue more than this late (a stalled frame) is skipped */
    PAUSED_DUCK_X100 = 30, /* the bed while paused, percent of its level */
};

int breathe_apply_setting(App *app, const char *key, const char *value)
{
    const char *choice = setting_breathe_choice(key);
    if (!choice)
        return 0;
    /* The checkpoint is not a choice: breathe_recover reads it once. */
    breathe_apply(&app->breathe, choice, value);
    return 1;
}

/* A running session leaves a checkpoint ("breathe.running") every half minute;
 * the Lull that starts after a crash or a power cut finds it and logs the
 * session as interrupted, with what had been breathed by the last checkpoint. */
enum { CHECKPOINT_MS = 30000 };

static void checkpoint(App *app, const PacerState *s)
{
    BreatheState *b = &app->breathe;
    char value[64 + BREATHE_NAME_MAX];
    snprintf(value, sizeof value, "%s|%lld|%ld|%d|%d|%d|%s", b->run_id,
             (long long)b->started_wall_ms, (long)b->started_offset_s,
             (int)(b->pacer.length_ms / 1000), (int)((s->breathing_ms + 500) / 1000),
             b->pacer.pauses_total, b->run_label);
    app_save(app, KEY_BREATHE_RUNNING, value);
    b->checkpoint_mono = app->time.mono_ms;
}

void breathe_recover(App *app)
{
    char value[64 + BREATHE_NAME_MAX];
    const JournalHost *h = &app->host.journal;
    if (!h->setting_get ||
        h->setting_get(app->host.ctx, setting_key(KEY_BREATHE_RUNNING), value, sizeof value) != 0)
        return;
    /* id|started_wall_ms|offset_s|planned_s|actual_s|pauses|label */
    char id[32];
    const char *p = strchr(value, '|');
    if (!value[0] || !p || (size_t)(p - value) >= sizeof id)
        return;
    memcpy(id, value, (size_t)(p - value));
    id[p - value] = '\0';
    long long numbers[5];
    for (int i = 0; i < 5; i++) {
        char *end;
        numbers[i] = strtoll(p + 1, &end, 10);
        if (*end != '|')
            return;
        p = end;
    }
    LogEvent ev;
    event_init(&ev, EVENT_BREATHING);
    ev.time_ms = numbers[0];
    ev.utc_offset_s = (int32_t)numbers[1];
    ev.partner = PARTNER_BOTH;
    snprintf(ev.partner_name, sizeof ev.partner_name, "%s", app_partner_name(app, PARTNER_BOTH));
    snprintf(ev.name, sizeof ev.name, "%s", id);
    char label[EVENT_LABEL_MAX - 16];
    utf8_copy(label, sizeof label, p + 1);
    snprintf(ev.label, sizeof ev.label, "%s (interrupted)", label);
    ev.planned_s = (int)numbers[2];
    ev.actual_s = (int)numbers[3];
    ev.pauses = (int)numbers[4];
    app_log(app, &ev);
    app_save(app, KEY_BREATHE_RUNNING, "");
}

void breathe_save_custom(App *app, int slot)
{
    const BreatheCustom *c = &app->breathe.customs[slot];
    char key[SETTING_KEY_MAX], value[BREATHE_NAME_MAX + 64];
    setting_custom_key(key, sizeof key, slot);
    if (c->used)
        snprintf(value, sizeof value, "%d,%d,%d,%d,%s", c->pattern.phase_ms[0] / 1000,
                 c->pattern.phase_ms[1] / 1000, c->pattern.phase_ms[2] / 1000,
                 c->pattern.phase_ms[3] / 1000, c->name);
    else
        value[0] = '\0';
    app_save_setting(app, key, value);
}

void breathe_choose_pattern(App *app, PatternKind kind, int custom)
{
    char value[32];
    if (kind == PATTERN_CUSTOM)
        snprintf(value, sizeof value, "custom.%d", custom);
    else
        snprintf(value, sizeof value, "%s", pacer_pattern_id(kind));
    app_save(app, KEY_BREATHE_PATTERN, value);
}

static float level(const BreatheState *b)
{
    return (float)b->volume / 100.0f;
}

void breathe_start(App *app)
{
    BreatheState *b = &app->breathe;
    PacerPattern pattern = breathe_chosen_pattern(b);
    pacer_start(&b->pacer, &pattern, app->time.mono_ms, (int64_t)b->length_min * 60000);
    b->running = 1;
    b->started_wall_ms = app->time.wall_ms;
    b->started_offset_s = app->time.utc_offset_s;
    snprintf(b->run_id, sizeof b->run_id, "%s", pacer_pattern_id(pattern.kind));
    snprintf(b->run_label, sizeof b->run_label, "%s", breathe_pattern_words(b));
    b->cue_phase = PHASE_COUNTDOWN;
    b->cue_breath = 0;
    b->run_ambient = (int)breathe_chosen_bed(b);
    PacerState first = pacer_at(&b->pacer, app->time.mono_ms);
    checkpoint(app, &first);
    /* A bed left dimmed by a session that ended paused is silent by now: undo the dim first. */
    app_queue_duck(app, 1.0f);
    app_queue_ambient(app, (AmbientId)b->run_ambient, level(b), BREATHE_FADE_MS);
    app_push(app, SCREEN_BREATHE_RUN);
}

static void finish(App *app, int early)
{
    BreatheState *b = &app->breathe;
    PacerState s = pacer_at(&b->pacer, app->time.mono_ms);
    b->running = 0;
    b->done_ms = s.breathing_ms;
    b->done_breaths = s.breaths;
    b->done_early = early;
    snprintf(b->done_label, sizeof b->done_label, "%s", b->run_label);

    LogEvent ev;
    event_init(&ev, EVENT_BREATHING);
    ev.time_ms = b->started_wall_ms;
    ev.utc_offset_s = b->started_offset_s;
    ev.partner = PARTNER_BOTH;
    snprintf(ev.partner_name, sizeof ev.partner_name, "%s", app_partner_name(app, PARTNER_BOTH));
    snprintf(ev.name, sizeof ev.name, "%s", b->run_id);
    utf8_copy(ev.label, sizeof ev.label, b->run_label);
    ev.session = app->session.state != SESSION_NONE ? app->session.id : 0;
    ev.planned_s = (int)(b->pacer.length_ms / 1000);
    ev.actual_s = (int)((s.breathing_ms + 500) / 1000);
    ev.pauses = b->pacer.pauses_total;
    app_log(app, &ev);
    app_save(app, KEY_BREATHE_RUNNING, "");

    app_queue_ambient(app, AMBIENT_SILENCE, 0.0f, BREATHE_FADE_MS);
    if (b->volume > 0)
        app_queue_sound(app, SOUND_GONG, level(b));

    int run = app_stack_find(app, SCREEN_BREATHE_RUN);
    if (run < 0)
        return; /* left already (Home, or the board resumed): only logged */
    int paused = app_stack_find(app, SCREEN_PAUSED);
    if (paused >= 0 && paused < run && app->session.state == SESSION_PAUSED) {
        /* Breathing together from the paused board: back to it. */
        app_unwind_to(app, SCREEN_PAUSED);
    } else {
        app_unwind_to(app, SCREEN_BREATHE_RUN);
        app_replace_top(app, SCREEN_BREATHE_DONE);
    }
    app->ui.fired = 1; /* the screen changed under this pass: frame_update builds again */
}

void breathe_end(App *app)
{
    if (app->breathe.running)
        finish(app, 1);
}

static void set_paused(App *app, int paused)
{
    BreatheState *b = &app->breathe;
    if (paused ? pacer_pause(&b->pacer, app->time.mono_ms)
               : pacer_resume(&b->pacer, app->time.mono_ms))
        app_queue_duck(app, paused ? (float)PAUSED_DUCK_X100 / 100.0f : 1.0f);
}

void breathe_toggle_pause(App *app)
{
    if (app->breathe.running)
        set_paused(app, !pacer_paused(&app->breathe.pacer));
}

void breathe_pause(App *app)
{
    if (app->breathe.running)
        set_paused(app, 1);
}

void breathe_together(App *app)
{
    if (app->breathe.running && app_unwind_to(app, SCREEN_BREATHE_RUN)) {
        /* Back to the session under the board; it stays on hold until tapped. */
        return;
    }
    /* The last pattern, at once: no choosing while paused. Its End (or its
     * end) comes back to the paused board. */
    breathe_start(app);
}

void breathe_update(App *app)
{
    BreatheState *b = &app->breathe;
    if (app->breathe_picker.naming && app_stack_find(app, SCREEN_BREATHE) < 0)
        app->breathe_picker.naming = 0; /* left while naming (a pause keeps it): not saved */
    if (app->breathe_picker.sheet && app_stack_find(app, SCREEN_BREATHE) < 0)
        app->breathe_picker.sheet = BREATHE_SHEET_NONE; /* left: the picker itself next time */
    if (!b->running)
        return;
    /* A session is activity: the screen never dims under it, nor right after. */
    app->last_input_mono = app->time.mono_ms;
    if (app_stack_find(app, SCREEN_BREATHE_RUN) < 0) {
        finish(app, 1); /* its screen is gone: end it, logged */
        return;
    }
    PacerState s = pacer_at(&b->pacer, app->time.mono_ms);
    if (s.phase == PHASE_DONE) {
        finish(app, 0);
        return;
    }
    if (app->time.mono_ms - b->checkpoint_mono >= CHECKPOINT_MS)
        checkpoint(app, &s);
    if (s.paused || (s.phase == b->cue_phase && s.breath == b->cue_breath))
        return;
    b->cue_phase = s.phase;
    b->cue_breath = s.breath;
    if (!b->cues || b->volume == 0 || s.phase_elapsed_ms > CUE_LATE_MS)
        return;
    if (s.phase == PHASE_INHALE)
        app_queue_sound(app, SOUND_CUE_IN, level(b));
    else if (s.phase == PHASE_EXHALE)
        app_queue_sound(app, SOUND_CUE_OUT, level(b));
}

int breathe_wake_in(const App *app)
{
    const BreatheState *b = &app->breathe;
    if (!b->running || app_screen(app) != SCREEN_BREATHE_RUN)
        return -1;
    int64_t next = pacer_next_change_ms(&b->pacer, app->time.mono_ms);
    if (next < 0)
        return -1; /* paused: the circle holds and nothing moves */
    /* the circle moves every frame; a phase boundary gets a frame of its own */
    return next < 16 ? (int)next : 16;
}

void breathe_to_journal(App *app)
{
    journal_new_entry(app, 0);
    JournalState *js = &app->journal;
    const JournalWords *w = &js->words;
    LogEvent *d = &js->draft;
    for (int i = 0; i < w->count[WORDS_HELPED]; i++) {
        const JournalWord *word = &w->words[WORDS_HELPED][i];
        if (strcmp(word->id, "breathing_first") == 0 && !word->hidden &&
            !chips_has(d->helped, word->id))
            chips_toggle(d->helped, sizeof d->helped, word->id, w->words[WORDS_HELPED],
                         w->count[WORDS_HELPED]);
    }
}
