/* Guided breathing: the picker [breathe], the pacer's screen [breathe-run] and the
 * summary [breathe-done]. Where the session is comes from the pacer (a pure
 * function of the start, the pauses and now); this file turns it into a circle,
 * words, cue tones and one durable log event. */
#include "breathe_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    CUE_LATE_MS = 250,     /* a cue more than this late (a stalled frame) is skipped */
    PAUSED_DUCK_X100 = 30, /* the bed while paused, percent of its level */
    MAX_CHIPS = 24,
};

static const struct {
    PatternKind kind;
    const char *label;
} patterns[] = {
    {PATTERN_CALM, "Calm 5·5"},   {PATTERN_LONGER_OUT, "Longer out 4·6"},
    {PATTERN_BOX, "Box 4·4·4·4"}, {PATTERN_RELAX, "4·7·8"},
    {PATTERN_SLOWING, "Slowing"},
};
enum { PRESET_COUNT = sizeof patterns / sizeof patterns[0] };

static const int lengths[] = {2, 5, 8, 10, 15, 20, 0};
enum { LENGTH_COUNT = sizeof lengths / sizeof lengths[0] };

static const struct {
    const char *id;
    const char *label;
    AmbientId bed;
} beds[] = {
    {"ocean", "Ocean", AMBIENT_OCEAN},       {"rain", "Rain", AMBIENT_RAIN},
    {"brown", "Brown noise", AMBIENT_BROWN}, {"drone", "Soft drone", AMBIENT_DRONE},
    {"silence", "Silence", AMBIENT_SILENCE},
};
enum { BED_COUNT = sizeof beds / sizeof beds[0] };

static const char *const custom_phase_names[4] = {"In", "Hold in", "Out", "Hold out"};

/* ---- choices ---- */

void breathe_init(BreatheState *b)
{
    memset(b, 0, sizeof *b);
    b->kind = PATTERN_CALM;
    b->length_min = 5;
    snprintf(b->sound, sizeof b->sound, "%s", "ocean");
    b->volume = BREATHE_DEFAULT_VOLUME;
    b->cues = 1;
    b->slowing_end_x10 = PACER_SLOWING_END_DEFAULT_X10;
    b->cue_phase = PHASE_DONE;
}

void breathe_set_files(BreatheState *b, const char *const *names, int count)
{
    b->file_count = 0;
    for (int i = 0; i < count && b->file_count < BREATHE_MAX_FILES; i++) {
        if (!names[i] || !names[i][0] || strlen(names[i]) >= BREATHE_FILE_MAX)
            continue;
        snprintf(b->files[b->file_count++], BREATHE_FILE_MAX, "%s", names[i]);
    }
}

static const char *chosen_file(const BreatheState *b)
{
    if (strncmp(b->sound, "file:", 5) != 0)
        return NULL;
    for (int i = 0; i < b->file_count; i++)
        if (strcmp(b->files[i], b->sound + 5) == 0)
            return b->files[i];
    return NULL; /* gone from the folder */
}

const char *breathe_wanted_file(const BreatheState *b)
{
    const char *file = chosen_file(b);
    return file && strcmp(file, b->file_failed) != 0 ? file : NULL;
}

void breathe_file_failed(BreatheState *b, const char *name)
{
    snprintf(b->file_failed, sizeof b->file_failed, "%s", name ? name : "");
}

/* The bed the chosen sound plays (a missing or unplayable file is silence). */
static AmbientId chosen_bed(const BreatheState *b)
{
    if (strncmp(b->sound, "file:", 5) == 0)
        return breathe_wanted_file(b) ? AMBIENT_FILE : AMBIENT_SILENCE;
    for (int i = 0; i < BED_COUNT; i++)
        if (strcmp(b->sound, beds[i].id) == 0)
            return beds[i].bed;
    return AMBIENT_SILENCE;
}

static void sound_words(const BreatheState *b, char *out, size_t size)
{
    const char *file = chosen_file(b);
    if (file) {
        snprintf(out, size, "%s", file);
        char *dot = strrchr(out, '.');
        if (dot && dot != out)
            *dot = '\0';
        return;
    }
    AmbientId bed = chosen_bed(b);
    for (int i = 0; i < BED_COUNT; i++)
        if (beds[i].bed == bed)
            snprintf(out, size, "%s", beds[i].label);
}

static int custom_valid(const BreatheState *b, int i)
{
    return i >= 0 && i < BREATHE_MAX_CUSTOM && b->customs[i].used;
}

static PacerPattern chosen_pattern(const BreatheState *b)
{
    if (b->kind == PATTERN_CUSTOM && custom_valid(b, b->custom))
        return b->customs[b->custom].pattern;
    if (b->kind == PATTERN_SLOWING)
        return pacer_slowing(b->slowing_end_x10);
    return pacer_pattern(b->kind == PATTERN_CUSTOM ? PATTERN_CALM : b->kind);
}

static const char *pattern_words(const BreatheState *b)
{
    if (b->kind == PATTERN_CUSTOM && custom_valid(b, b->custom))
        return b->customs[b->custom].name;
    for (int i = 0; i < PRESET_COUNT; i++)
        if (patterns[i].kind == b->kind)
            return patterns[i].label;
    return patterns[0].label;
}

static int parse_int(const char *text, int lo, int hi, int *out)
{
    char *end;
    long v = strtol(text, &end, 10);
    if (end == text || *end || v < lo || v > hi)
        return -1;
    *out = (int)v;
    return 0;
}

/* "in,hold,out,hold,name" in whole seconds; "" deletes. */
static void apply_custom(BreatheState *b, int slot, const char *value)
{
    BreatheCustom *c = &b->customs[slot];
    if (!value[0]) {
        memset(c, 0, sizeof *c);
        return;
    }
    int s[4];
    const char *p = value;
    for (int i = 0; i < 4; i++) {
        char *end;
        long v = strtol(p, &end, 10);
        if (end == p || *end != ',' || v < 0 || v > 12)
            return;
        s[i] = (int)v;
        p = end + 1;
    }
    if (!*p)
        return;
    c->used = 1;
    utf8_copy(c->name, sizeof c->name, p);
    c->pattern = pacer_custom(s[0] * 1000, s[1] * 1000, s[2] * 1000, s[3] * 1000);
}

static void log_interrupted(App *app, const char *value);

int breathe_apply_setting(App *app, const char *key, const char *value)
{
    BreatheState *b = &app->breathe;
    if (strncmp(key, "breathe.", 8) != 0)
        return 0;
    const char *name = key + 8;
    int v;
    if (strcmp(name, "pattern") == 0) {
        int kind = pacer_pattern_from_id(value);
        if (strncmp(value, "custom.", 7) == 0 &&
            parse_int(value + 7, 0, BREATHE_MAX_CUSTOM - 1, &v) == 0) {
            b->kind = PATTERN_CUSTOM;
            b->custom = v;
        } else if (kind >= 0 && kind != PATTERN_CUSTOM) {
            b->kind = (PatternKind)kind;
        }
    } else if (strcmp(name, "length") == 0) {
        for (int i = 0; i < LENGTH_COUNT; i++)
            if (parse_int(value, 0, 20, &v) == 0 && v == lengths[i])
                b->length_min = v;
    } else if (strcmp(name, "sound") == 0) {
        int known = strncmp(value, "file:", 5) == 0 && value[5];
        for (int i = 0; i < BED_COUNT; i++)
            known |= strcmp(value, beds[i].id) == 0;
        if (known && strlen(value) < sizeof b->sound)
            snprintf(b->sound, sizeof b->sound, "%s", value);
    } else if (strcmp(name, "volume") == 0) {
        if (parse_int(value, 0, 100, &v) == 0)
            b->volume = v;
    } else if (strcmp(name, "cues") == 0) {
        if (parse_int(value, 0, 1, &v) == 0)
            b->cues = v;
    } else if (strcmp(name, "slowing_end") == 0) {
        int lo = PACER_SLOWING_END_MIN_X10 / 10, hi = PACER_SLOWING_END_MAX_X10 / 10;
        if (parse_int(value, lo, hi, &v) == 0)
            b->slowing_end_x10 = v * 10;
    } else if (strncmp(name, "custom.", 7) == 0) {
        if (parse_int(name + 7, 0, BREATHE_MAX_CUSTOM - 1, &v) == 0)
            apply_custom(b, v, value);
    } else if (strcmp(name, "running") == 0) {
        log_interrupted(app, value);
    }
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
    snprintf(value, sizeof value, "%s|%lld|%ld|%d|%d|%d|%s", b->run_id, (long long)b->started_wall_ms,
             (long)b->started_offset_s, (int)(b->pacer.length_ms / 1000),
             (int)((s->breathing_ms + 500) / 1000), b->pacer.pauses_total, b->run_label);
    app_save_setting(app, "breathe.running", value);
    b->checkpoint_mono = app->time.mono_ms;
}

static void log_interrupted(App *app, const char *value)
{
    /* id|started_wall_ms|offset_s|planned_s|actual_s|pauses|label */
    char id[32];
    const char *p = strchr(value, '|');
    if (!value[0] || !p || (size_t)(p - value) >= sizeof id || app->started)
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
    ev.partner = 3;
    snprintf(ev.partner_name, sizeof ev.partner_name, "%s", app_partner_name(app, 3));
    snprintf(ev.name, sizeof ev.name, "%s", id);
    char label[EVENT_LABEL_MAX - 16];
    utf8_copy(label, sizeof label, p + 1);
    snprintf(ev.label, sizeof ev.label, "%s (interrupted)", label);
    ev.planned_s = (int)numbers[2];
    ev.actual_s = (int)numbers[3];
    ev.pauses = (int)numbers[4];
    app_log(app, &ev);
    app_save_setting(app, "breathe.running", "");
}

static void save_int(App *app, const char *key, int value)
{
    char text[16];
    snprintf(text, sizeof text, "%d", value);
    app_save_setting(app, key, text);
}

static void save_custom(App *app, int slot)
{
    const BreatheCustom *c = &app->breathe.customs[slot];
    char key[32], value[BREATHE_NAME_MAX + 64];
    snprintf(key, sizeof key, "breathe.custom.%d", slot);
    if (c->used)
        snprintf(value, sizeof value, "%d,%d,%d,%d,%s", c->pattern.phase_ms[0] / 1000,
                 c->pattern.phase_ms[1] / 1000, c->pattern.phase_ms[2] / 1000,
                 c->pattern.phase_ms[3] / 1000, c->name);
    else
        value[0] = '\0';
    app_save_setting(app, key, value);
}

static void choose_pattern(App *app, PatternKind kind, int custom)
{
    char value[32];
    if (kind == PATTERN_CUSTOM)
        snprintf(value, sizeof value, "custom.%d", custom);
    else
        snprintf(value, sizeof value, "%s", pacer_pattern_id(kind));
    app_save_setting(app, "breathe.pattern", value);
}

/* ---- the session ---- */

static int stack_index(const App *app, ScreenId id)
{
    for (int i = app->depth - 1; i >= 0; i--)
        if (app->stack[i] == id)
            return i;
    return -1;
}

static float level(const BreatheState *b)
{
    return (float)b->volume / 100.0f;
}

void breathe_start(App *app)
{
    BreatheState *b = &app->breathe;
    PacerPattern pattern = chosen_pattern(b);
    pacer_start(&b->pacer, &pattern, app->time.mono_ms, (int64_t)b->length_min * 60000);
    b->running = 1;
    b->started_wall_ms = app->time.wall_ms;
    b->started_offset_s = app->time.utc_offset_s;
    snprintf(b->run_id, sizeof b->run_id, "%s", pacer_pattern_id(pattern.kind));
    snprintf(b->run_label, sizeof b->run_label, "%s", pattern_words(b));
    b->cue_phase = PHASE_COUNTDOWN;
    b->cue_breath = 0;
    b->run_ambient = (int)chosen_bed(b);
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
    ev.partner = 3;
    snprintf(ev.partner_name, sizeof ev.partner_name, "%s", app_partner_name(app, 3));
    snprintf(ev.name, sizeof ev.name, "%s", b->run_id);
    utf8_copy(ev.label, sizeof ev.label, b->run_label);
    ev.session = app->session.state != SESSION_NONE ? app->session.id : 0;
    ev.planned_s = (int)(b->pacer.length_ms / 1000);
    ev.actual_s = (int)((s.breathing_ms + 500) / 1000);
    ev.pauses = b->pacer.pauses_total;
    app_log(app, &ev);
    app_save_setting(app, "breathe.running", "");

    app_queue_ambient(app, AMBIENT_SILENCE, 0.0f, BREATHE_FADE_MS);
    if (b->volume > 0)
        app_queue_sound(app, SOUND_GONG, level(b));

    int run = stack_index(app, SCREEN_BREATHE_RUN);
    if (run < 0)
        return; /* left already (Home, or the board resumed): only logged */
    int paused = stack_index(app, SCREEN_PAUSED);
    if (paused >= 0 && paused < run) {
        /* Breathing together from the paused board: back to it. */
        app->depth = paused + 1;
    } else {
        app->stack[run] = SCREEN_BREATHE_DONE;
        app->depth = run + 1;
    }
    app->screen_since_mono = app->time.mono_ms;
    app->ui.fired = 1; /* the screen changed under this pass: app_update builds again */
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

void breathe_pause(App *app)
{
    if (app->breathe.running)
        set_paused(app, 1);
}

void breathe_together(App *app)
{
    int run = stack_index(app, SCREEN_BREATHE_RUN);
    if (app->breathe.running && run >= 0) {
        /* Back to the session under the board; it stays paused until tapped. */
        app->depth = run + 1;
        app->screen_since_mono = app->time.mono_ms;
        return;
    }
    app_push(app, SCREEN_BREATHE);
}

void breathe_update(App *app)
{
    BreatheState *b = &app->breathe;
    if (b->naming && app_screen(app) != SCREEN_BREATHE)
        b->naming = 0; /* left while naming: nothing was saved */
    if (!b->running)
        return;
    /* A session is activity: the screen never dims under it, nor right after. */
    app->last_input_mono = app->time.mono_ms;
    if (stack_index(app, SCREEN_BREATHE_RUN) < 0) {
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

/* ---- naming a custom pattern ---- */

static void naming_done(App *app)
{
    BreatheState *b = &app->breathe;
    BreatheCustom *c = &b->customs[b->naming_custom];
    char name[BREATHE_NAME_MAX];
    const char *s = app->keyboard.text;
    while (*s == ' ')
        s++;
    utf8_copy(name, sizeof name, s);
    size_t len = strlen(name);
    while (len > 0 && name[len - 1] == ' ')
        name[--len] = '\0';
    if (len > 0)
        snprintf(c->name, sizeof c->name, "%s", name);
    else if (!c->name[0])
        snprintf(c->name, sizeof c->name, "My pattern %d", b->naming_custom + 1);
    if (!c->used) {
        c->used = 1;
        c->pattern = pacer_pattern(PATTERN_CUSTOM);
    }
    b->naming = 0;
    save_custom(app, b->naming_custom);
    choose_pattern(app, PATTERN_CUSTOM, b->naming_custom);
}

int breathe_handle_key(App *app, const AppInput *in)
{
    BreatheState *b = &app->breathe;
    if (!b->naming)
        return 0;
    if (in->kind == APP_INPUT_TEXT)
        keyboard_insert(&app->keyboard, in->text);
    else if (in->key == KEY_BACKSPACE)
        keyboard_backspace(&app->keyboard);
    else if (in->key == KEY_RETURN)
        naming_done(app);
    else if (in->key == KEY_ESCAPE)
        b->naming = 0;
    return 1;
}

static void start_naming(App *app, int slot)
{
    BreatheState *b = &app->breathe;
    b->naming = 1;
    b->naming_custom = slot;
    keyboard_init(&app->keyboard, b->customs[slot].used ? b->customs[slot].name : "",
                  BREATHE_NAME_CHARS);
}

static void screen_naming(App *app)
{
    Ui *ui = &app->ui;
    const Metrics *m = &app->metrics;
    const Theme *t = &app->theme;
    Rect area = app_header(app, "Name your pattern");
    int kb_h = keyboard_height(m, area.w);
    Rect kb = rect_make(area.x, area.y + area.h - kb_h, area.w, kb_h);
    int field_h = kb.y - m->gap / 2 - area.y;
    if (field_h > m->unit * 3 / 2)
        field_h = m->unit * 3 / 2;
    Rect field = rect_make(area.x, area.y, area.w, field_h);
    ui_rect(ui, field, t->surface, m->radius);
    ui_frame(ui, field, t->accent, m->radius, 2);
    char shown[KEYBOARD_BYTES + 8];
    snprintf(shown, sizeof shown, "%s|", app->keyboard.text);
    ui_text_fit(ui, shown, rect_inset(field, m->gap / 2), m->text_large, m->text_small, t->text,
                ALIGN_LEFT);
    if (keyboard_ui(&app->keyboard, ui, kb, t, m) == KEYBOARD_DONE)
        naming_done(app);
}

/* ---- the picker ---- */

typedef struct {
    char label[UI_LABEL_MAX];
    char text[UI_LABEL_MAX];
    int selected;
    int disabled;
} Chip;

static int chip_width(App *app, const Chip *chip, int text_px)
{
    return ui_measure(&app->ui, chip->text, text_px) + text_px * 2;
}

/* Chips in rows of equal width, as many to a row as the widest allows. Returns
 * the index tapped or -1; *y moves past them. */
static int chip_grid(App *app, const UiScroll *sc, int *y, const Chip *chips, int count)
{
    const Metrics *m = &app->metrics;
    int gap = m->gap / 2;
    int widest = m->unit * 2;
    for (int i = 0; i < count; i++) {
        int w = chip_width(app, &chips[i], m->text);
        widest = w > widest ? w : widest;
    }
    int cols = (sc->view.w + gap) / (widest + gap);
    if (cols < 1)
        cols = 1;
    if (cols > count)
        cols = count;
    int w = (sc->view.w - (cols - 1) * gap) / cols;
    UiStyle st = app_style_button(app);
    int tapped = -1;
    for (int i = 0; i < count; i++) {
        Rect r = rect_make(sc->view.x + (i % cols) * (w + gap), *y + (i / cols) * (m->unit + gap),
                           w, m->unit);
        UiStyle s = st;
        if (chips[i].selected)
            s.bg = color_mix(app->theme.surface, app->theme.accent, 0.3f);
        int flags = chips[i].selected ? UI_SELECTED : 0;
        if (chips[i].disabled)
            flags |= UI_DISABLED;
        if (ui_button(&app->ui, chips[i].label, chips[i].text, r, SHAPE_NONE, &s, flags))
            tapped = i;
    }
    *y += ((count + cols - 1) / cols) * (m->unit + gap) - gap + m->gap;
    return tapped;
}

/* Chips at their own widths (at least min_w), as many to a row as fit, each row
 * stretched to the full width. Returns the index tapped or -1; *y moves past them. */
static int chip_flow(App *app, const UiScroll *sc, int *y, const Chip *chips, int count, int min_w)
{
    const Metrics *m = &app->metrics;
    int gap = m->gap / 2;
    int widths[MAX_CHIPS];
    for (int i = 0; i < count; i++) {
        int w = chip_width(app, &chips[i], m->text);
        w = w > min_w ? w : min_w;
        widths[i] = w < sc->view.w ? w : sc->view.w;
    }
    UiStyle st = app_style_button(app);
    int tapped = -1;
    int row_y = *y;
    for (int first = 0; first < count;) {
        int used = widths[first], last = first + 1;
        while (last < count && used + gap + widths[last] <= sc->view.w)
            used += gap + widths[last++];
        int n = last - first;
        int extra = (sc->view.w - used) / n;
        int x = sc->view.x;
        for (int i = first; i < last; i++) {
            int w = i == last - 1 ? sc->view.x + sc->view.w - x : widths[i] + extra;
            UiStyle s = st;
            if (chips[i].selected)
                s.bg = color_mix(app->theme.surface, app->theme.accent, 0.3f);
            if (ui_button(&app->ui, chips[i].label, chips[i].text, rect_make(x, row_y, w, m->unit),
                          SHAPE_NONE, &s, chips[i].selected ? UI_SELECTED : 0))
                tapped = i;
            x += w + gap;
        }
        row_y += m->unit + gap;
        first = last;
    }
    *y = row_y - gap + m->gap;
    return tapped;
}

static void heading(App *app, const UiScroll *sc, int *y, const char *text)
{
    const Metrics *m = &app->metrics;
    int h = m->text_small * 3 / 2;
    ui_text_fit(&app->ui, text, rect_make(sc->view.x, *y, sc->view.w, h), m->text_small,
                m->text_min, app->theme.text_dim, ALIGN_LEFT);
    *y += h + m->gap / 4;
}

/* A caption cap_w wide (0: none), then [−] value [+] with the value value_w wide.
 * Returns -1, 0 or +1. */
static int stepper(App *app, Rect r, const char *caption, int cap_w, const char *value, int value_w,
                   const char *less, const char *more, int can_less, int can_more)
{
    const Metrics *m = &app->metrics;
    UiStyle st = app_style_button(app);
    int bw = m->unit;
    int x = r.x;
    if (caption && cap_w > 0) {
        ui_text_box(&app->ui, caption, rect_make(x, r.y, cap_w, r.h), m->text, m->text_small,
                    app->theme.text_dim, ALIGN_LEFT);
        x += cap_w + m->gap / 2;
    }
    int step = 0;
    if (ui_button(&app->ui, less, "−", rect_make(x, r.y, bw, r.h), SHAPE_NONE, &st,
                  can_less ? 0 : UI_DISABLED))
        step = -1;
    ui_text_fit(&app->ui, value, rect_make(x + bw, r.y, value_w, r.h), m->text, m->text_min,
                app->theme.text, ALIGN_CENTER);
    if (ui_button(&app->ui, more, "+", rect_make(x + bw + value_w, r.y, bw, r.h), SHAPE_NONE, &st,
                  can_more ? 0 : UI_DISABLED))
        step = 1;
    return step;
}

/* The width a value needs beside its stepper's buttons. */
static int value_width(App *app, const char *widest)
{
    return ui_measure(&app->ui, widest, app->metrics.text) + app->metrics.gap;
}

/* Stepper cells of cell_w, two to a row where they fit. Returns the rectangle of item i. */
static Rect stepper_cell(App *app, const UiScroll *sc, int y, int i, int count, int cell_w,
                         int *height)
{
    const Metrics *m = &app->metrics;
    int cols = sc->view.w >= 2 * cell_w + m->gap * 2 ? 2 : 1;
    int w = (sc->view.w - (cols - 1) * m->gap * 2) / cols;
    int rows = (count + cols - 1) / cols;
    *height = rows * (m->unit + m->gap / 2) - m->gap / 2 + m->gap;
    return rect_make(sc->view.x + (i % cols) * (w + m->gap * 2),
                     y + (i / cols) * (m->unit + m->gap / 2), w, m->unit);
}

static void pattern_section(App *app, const UiScroll *sc, int *y)
{
    BreatheState *b = &app->breathe;
    Chip chips[MAX_CHIPS];
    int slot[MAX_CHIPS];
    int n = 0;
    memset(chips, 0, sizeof chips);
    for (int i = 0; i < PRESET_COUNT; i++, n++) {
        snprintf(chips[n].label, sizeof chips[n].label, "%s", patterns[i].label);
        snprintf(chips[n].text, sizeof chips[n].text, "%s", patterns[i].label);
        chips[n].selected = b->kind == patterns[i].kind;
        slot[n] = -1;
    }
    int free_slot = -1;
    for (int i = 0; i < BREATHE_MAX_CUSTOM; i++) {
        if (!b->customs[i].used) {
            if (free_slot < 0)
                free_slot = i;
            continue;
        }
        /* a name is at most 20 characters, 80 bytes: the label always has room */
        snprintf(chips[n].label, sizeof chips[n].label, "Custom: %.80s", b->customs[i].name);
        snprintf(chips[n].text, sizeof chips[n].text, "%s", b->customs[i].name);
        chips[n].selected = b->kind == PATTERN_CUSTOM && b->custom == i;
        slot[n++] = i;
    }
    int new_at = -1;
    if (free_slot >= 0) {
        new_at = n;
        snprintf(chips[n].label, sizeof chips[n].label, "New custom");
        snprintf(chips[n].text, sizeof chips[n].text, "+ Your own");
        slot[n++] = free_slot;
    }
    heading(app, sc, y, "Pattern");
    int tapped = chip_grid(app, sc, y, chips, n);
    if (tapped >= 0 && tapped == new_at)
        start_naming(app, free_slot);
    else if (tapped >= 0 && slot[tapped] >= 0)
        choose_pattern(app, PATTERN_CUSTOM, slot[tapped]);
    else if (tapped >= 0)
        choose_pattern(app, patterns[tapped].kind, 0);

    if (b->kind == PATTERN_SLOWING) {
        char value[32];
        int end = b->slowing_end_x10 / 10;
        snprintf(value, sizeof value, "%d a minute", end);
        heading(app, sc, y, "Slowing from 11 a minute to");
        Rect r = rect_make(sc->view.x, *y, sc->view.w, app->metrics.unit);
        int step = stepper(app, r, NULL, 0, value, value_width(app, "10 a minute"), "End rate down",
                           "End rate up", end * 10 > PACER_SLOWING_END_MIN_X10,
                           end * 10 < PACER_SLOWING_END_MAX_X10);
        if (step)
            save_int(app, "breathe.slowing_end", end + step);
        *y += app->metrics.unit + app->metrics.gap;
    } else if (b->kind == PATTERN_CUSTOM && custom_valid(b, b->custom)) {
        BreatheCustom *c = &b->customs[b->custom];
        int h = 0;
        int cap_w = 0;
        for (int i = 0; i < 4; i++) {
            int w = ui_measure(&app->ui, custom_phase_names[i], app->metrics.text);
            cap_w = w > cap_w ? w : cap_w;
        }
        int value_w = value_width(app, "12 s");
        int cell_w = cap_w + app->metrics.gap / 2 + 2 * app->metrics.unit + value_w;
        for (int i = 0; i < 4; i++) {
            char value[16], less[32], more[32];
            int s = c->pattern.phase_ms[i] / 1000;
            int lo = i % 2 ? 0 : 1;
            snprintf(value, sizeof value, "%d s", s);
            snprintf(less, sizeof less, "%s shorter", custom_phase_names[i]);
            snprintf(more, sizeof more, "%s longer", custom_phase_names[i]);
            Rect r = stepper_cell(app, sc, *y, i, 4, cell_w, &h);
            int step = stepper(app, r, custom_phase_names[i], cap_w, value, value_w, less, more,
                               s > lo, s < 12);
            if (step) {
                int32_t ms[4];
                memcpy(ms, c->pattern.phase_ms, sizeof ms);
                ms[i] += step * 1000;
                c->pattern = pacer_custom(ms[0], ms[1], ms[2], ms[3]);
                save_custom(app, b->custom);
            }
        }
        *y += h;
        Chip edit[2];
        memset(edit, 0, sizeof edit);
        snprintf(edit[0].label, sizeof edit[0].label, "Rename pattern");
        snprintf(edit[0].text, sizeof edit[0].text, "Rename");
        snprintf(edit[1].label, sizeof edit[1].label, "Delete pattern");
        snprintf(edit[1].text, sizeof edit[1].text, "Delete");
        int e = chip_grid(app, sc, y, edit, 2);
        if (e == 0) {
            start_naming(app, b->custom);
        } else if (e == 1) {
            memset(c, 0, sizeof *c);
            save_custom(app, b->custom);
            choose_pattern(app, PATTERN_CALM, 0);
        }
    }
}

static void length_section(App *app, const UiScroll *sc, int *y)
{
    BreatheState *b = &app->breathe;
    Chip chips[LENGTH_COUNT];
    memset(chips, 0, sizeof chips);
    for (int i = 0; i < LENGTH_COUNT; i++) {
        if (lengths[i]) {
            snprintf(chips[i].label, sizeof chips[i].label, "%d min", lengths[i]);
            snprintf(chips[i].text, sizeof chips[i].text, "%d", lengths[i]);
        } else {
            snprintf(chips[i].label, sizeof chips[i].label, "Open-ended");
            snprintf(chips[i].text, sizeof chips[i].text, "Open-ended");
        }
        chips[i].selected = b->length_min == lengths[i];
    }
    heading(app, sc, y, "Length in minutes");
    int tapped = chip_flow(app, sc, y, chips, LENGTH_COUNT, app->metrics.unit);
    if (tapped >= 0)
        save_int(app, "breathe.length", lengths[tapped]);
}

static void sound_section(App *app, const UiScroll *sc, int *y)
{
    BreatheState *b = &app->breathe;
    Chip chips[MAX_CHIPS];
    char ids[MAX_CHIPS][BREATHE_SOUND_MAX];
    int n = 0;
    memset(chips, 0, sizeof chips);
    for (int i = 0; i < BED_COUNT - 1; i++, n++) {
        snprintf(chips[n].label, sizeof chips[n].label, "%s", beds[i].label);
        snprintf(chips[n].text, sizeof chips[n].text, "%s", beds[i].label);
        snprintf(ids[n], sizeof ids[n], "%s", beds[i].id);
    }
    for (int i = 0; i < b->file_count && n < MAX_CHIPS - 1; i++, n++) {
        /* The file's name is its label; shown without its extension. */
        snprintf(chips[n].label, sizeof chips[n].label, "%s", b->files[i]);
        snprintf(chips[n].text, sizeof chips[n].text, "%s", b->files[i]);
        char *dot = strrchr(chips[n].text, '.');
        if (dot && dot != chips[n].text)
            *dot = '\0';
        chips[n].disabled = strcmp(b->files[i], b->file_failed) == 0;
        snprintf(ids[n], sizeof ids[n], "file:%s", b->files[i]);
    }
    snprintf(chips[n].label, sizeof chips[n].label, "%s", beds[BED_COUNT - 1].label);
    snprintf(chips[n].text, sizeof chips[n].text, "%s", beds[BED_COUNT - 1].label);
    snprintf(ids[n++], sizeof ids[0], "%s", beds[BED_COUNT - 1].id);
    for (int i = 0; i < n; i++)
        chips[i].selected = strcmp(ids[i], b->sound) == 0;
    heading(app, sc, y, "Sound");
    int tapped = chip_grid(app, sc, y, chips, n);
    if (tapped >= 0)
        app_save_setting(app, "breathe.sound", ids[tapped]);
    if (b->file_failed[0] && strncmp(b->sound, "file:", 5) == 0 &&
        strcmp(b->sound + 5, b->file_failed) == 0) {
        const Metrics *m = &app->metrics;
        char note[BREATHE_FILE_MAX + 64];
        snprintf(note, sizeof note, "%s cannot be played here", b->file_failed);
        ui_text_box(&app->ui, note, rect_make(sc->view.x, *y, sc->view.w, m->text_small * 2),
                    m->text_small, m->text_min, app->theme.danger_free_warn, ALIGN_LEFT);
        *y += m->text_small * 2 + m->gap;
    }
}

static void volume_section(App *app, const UiScroll *sc, int *y)
{
    BreatheState *b = &app->breathe;
    const Metrics *m = &app->metrics;
    heading(app, sc, y, "Volume and cue tones");
    char value[16];
    snprintf(value, sizeof value, "%d%%", b->volume);
    int value_w = value_width(app, "100%");
    int stepper_w = 2 * m->unit + value_w;
    Chip cues[2];
    memset(cues, 0, sizeof cues);
    snprintf(cues[0].label, sizeof cues[0].label, "Cues on");
    snprintf(cues[0].text, sizeof cues[0].text, "Cues on");
    snprintf(cues[1].label, sizeof cues[1].label, "Cues off");
    snprintf(cues[1].text, sizeof cues[1].text, "Cues off");
    cues[0].selected = b->cues;
    cues[1].selected = !b->cues;
    int cue_w = chip_width(app, &cues[1], m->text);
    cue_w = cue_w > m->unit * 2 ? cue_w : m->unit * 2;
    int beside = stepper_w + m->gap + 2 * cue_w + m->gap / 2 <= sc->view.w;
    Rect r = rect_make(sc->view.x, *y, beside ? stepper_w : sc->view.w, m->unit);
    int step = stepper(app, r, NULL, 0, value, value_w, "Volume down", "Volume up", b->volume > 0,
                       b->volume < 100);
    if (step) {
        int volume = b->volume + step * 10;
        save_int(app, "breathe.volume", volume < 0 ? 0 : volume > 100 ? 100 : volume);
    }
    UiScroll part = *sc;
    if (beside) {
        part.view.x += stepper_w + m->gap;
        part.view.w -= stepper_w + m->gap;
    } else {
        *y += m->unit + m->gap / 2;
    }
    int tapped = chip_grid(app, &part, y, cues, 2);
    if (tapped >= 0)
        save_int(app, "breathe.cues", tapped == 0);
}

void screen_breathe(App *app)
{
    BreatheState *b = &app->breathe;
    if (b->naming) {
        screen_naming(app);
        return;
    }
    Ui *ui = &app->ui;
    const Metrics *m = &app->metrics;
    const Theme *t = &app->theme;
    Rect area = app_header(app, "Breathe");

    /* Start stays in view at the bottom; the choices scroll above it. */
    int start_w = m->unit * 3;
    if (start_w > area.w)
        start_w = area.w;
    Rect start = rect_make(area.x + area.w - start_w, area.y + area.h - m->unit, start_w, m->unit);
    char summary[BREATHE_NAME_MAX * 2 + 64], sound[BREATHE_FILE_MAX];
    sound_words(b, sound, sizeof sound);
    if (b->length_min)
        snprintf(summary, sizeof summary, "%s · %d min · %s", pattern_words(b), b->length_min,
                 sound);
    else
        snprintf(summary, sizeof summary, "%s · open-ended · %s", pattern_words(b), sound);
    Rect words = rect_make(area.x, start.y, start.x - m->gap - area.x, m->unit);
    if (words.w >= m->unit * 2)
        ui_text_box(ui, summary, words, m->text_small, m->text_min, t->text_dim, ALIGN_LEFT);

    int arrows = m->unit + m->gap;
    UiScroll *sc = &b->scroll;
    sc->view = rect_make(area.x, area.y, area.w - arrows, start.y - m->gap - area.y);
    ui_scroll_begin(ui, sc);
    int y = sc->view.y;
    if (app->sound_note[0]) {
        /* No audio device: the pacer still works, silently, and says so. */
        int h = m->text_small * 2;
        ui_text_box(ui, app->sound_note, rect_make(sc->view.x, y, sc->view.w, h), m->text_small,
                    m->text_min, t->danger_free_warn, ALIGN_LEFT);
        y += h + m->gap / 2;
    }
    pattern_section(app, sc, &y);
    length_section(app, sc, &y);
    sound_section(app, sc, &y);
    volume_section(app, sc, &y);
    /* The content's height is known once laid out: kept for the next pass. */
    sc->content_h = y - sc->view.y;
    ui_scroll_end(ui, sc);

    UiStyle arrow = app_style_button(app);
    int ah = (sc->view.h - m->gap) / 2;
    Rect up = rect_make(area.x + area.w - m->unit, sc->view.y, m->unit, ah);
    Rect down = rect_make(up.x, sc->view.y + ah + m->gap, m->unit, ah);
    if (ui_button(ui, "Scroll up", "", up, SHAPE_ARROW_UP, &arrow,
                  sc->offset <= 0 ? UI_DISABLED : 0))
        sc->offset -= sc->view.h * 2 / 3;
    if (ui_button(ui, "Scroll down", "", down, SHAPE_ARROW_DOWN, &arrow,
                  sc->offset >= sc->content_h - sc->view.h ? UI_DISABLED : 0))
        sc->offset += sc->view.h * 2 / 3;

    UiStyle go = app_style_button(app);
    go.bg = t->accent;
    go.fg = t->bg;
    go.accent = t->bg;
    go.text_px = m->text_large;
    if (ui_button(ui, "Start", NULL, start, SHAPE_CIRCLE, &go, 0))
        breathe_start(app);
}

/* ---- running ---- */

static void format_clock(int64_t ms, char *out, size_t size)
{
    int64_t s = (ms + 999) / 1000;
    snprintf(out, size, "%d:%02d", (int)(s / 60), (int)(s % 60));
}

static const char *phase_word(const PacerState *s)
{
    if (s->paused)
        return "Paused";
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

    /* A tap anywhere pauses or resumes, on touch-down: declared first, so the buttons
     * on top win; a shaky double tap within 0.5 s counts once. */
    if (ui_area(ui, "Tap anywhere", rect_make(0, 0, m->w, m->h), UI_FIRE_ON_PRESS | UI_DEBOUNCE))
        set_paused(app, !s.paused);
    app_header(app, NULL);

    int home_w = m->unit * 2 + m->unit / 4;
    Rect pause = app_pause_rect(app);
    int side = pause.w > home_w ? pause.w : home_w;
    Rect end = rect_make(m->w - m->margin - side, m->h - m->margin - m->unit, side, m->unit);
    UiStyle quiet = app_style_quiet(app);
    if (ui_button(ui, "End", NULL, end, SHAPE_SQUARE, &quiet, 0)) {
        finish(app, 1);
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
             s.paused ? "Tap anywhere to carry on" : "Tap anywhere to pause");
    Rect hint_r = rect_make(m->margin, end.y, end.x - m->gap - m->margin, m->unit);
    ui_text_box(ui, hint, hint_r, m->text_small, m->text_min, t->text_dim, ALIGN_LEFT);

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
    ui_arc(ui, ring, color_alpha(t->frame, 200), ring_t, 0.0f, 1.0f);
    if (progress > 0.0f)
        ui_arc(ui, ring, app->night ? t->text_dim : t->accent, ring_t, 0.0f, progress);

    int max_r = d / 2 - ring_t - m->gap / 2;
    int min_r = max_r * 2 / 5;
    int r = min_r + (int)((float)(max_r - min_r) * s.size + 0.5f);
    Color core = color_mix(t->bg, t->accent, app->night ? 0.45f : 0.55f);
    if (s.paused)
        core = color_mix(t->bg, core, 0.7f);
    /* soft: a faint halo in two steps around the disc */
    int halo = m->gap / 2 > 4 ? m->gap / 2 : 4;
    int outer = r + 2 * halo;
    ui_circle(ui, rect_make(cx - outer, cy - outer, 2 * outer, 2 * outer), color_alpha(core, 28));
    ui_circle(ui, rect_make(cx - r - halo, cy - r - halo, 2 * (r + halo), 2 * (r + halo)),
              color_alpha(core, 60));
    ui_circle(ui, rect_make(cx - r, cy - r, 2 * r, 2 * r), core);
    int inner = r * 3 / 5;
    ui_circle(ui, rect_make(cx - inner, cy - inner, 2 * inner, 2 * inner),
              color_alpha(color_mix(core, t->text, 0.15f), 120));

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

/* ---- done ---- */

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
    const char *gentle = "Stay here a moment, there is no hurry.";

    int title_px = m->text_huge / 2;
    int shape = m->unit;
    int block = shape + m->gap + title_px + m->gap + m->text * 2 + m->gap + m->text_small * 2 +
                m->gap * 2 + m->unit;
    int y = area.y + (area.h - block) / 2;
    if (y < area.y)
        y = area.y;
    ui_circle(ui, rect_make(area.x + (area.w - shape) / 2, y, shape, shape),
              color_mix(t->bg, t->accent, 0.5f));
    y += shape + m->gap;
    ui_text_fit(ui, "Breathing done", rect_make(area.x, y, area.w, title_px), title_px,
                m->text_large, t->text, ALIGN_CENTER);
    y += title_px + m->gap;
    ui_text_box(ui, summary, rect_make(area.x, y, area.w, m->text * 2), m->text, m->text_small,
                t->text, ALIGN_CENTER);
    y += m->text * 2 + m->gap;
    ui_text_box(ui, gentle, rect_make(area.x, y, area.w, m->text_small * 2), m->text_small,
                m->text_min, t->text_dim, ALIGN_CENTER);
    y += m->text_small * 2 + m->gap * 2;

    int w = ui_measure(ui, "Breathe again", m->text) + m->text * 4;
    w = w < m->unit * 3 ? m->unit * 3 : w > area.w ? area.w : w;
    UiStyle st = app_style_button(app);
    st.bg = color_mix(t->surface, t->accent, 0.3f);
    if (ui_button(ui, "Again", "Breathe again", rect_make(area.x + (area.w - w) / 2, y, w, m->unit),
                  SHAPE_CIRCLE, &st, 0)) {
        if (app_screen_below(app) == SCREEN_BREATHE) {
            app_pop(app);
        } else {
            app->stack[app->depth - 1] = SCREEN_BREATHE;
            app->screen_since_mono = app->time.mono_ms;
        }
    }
}
