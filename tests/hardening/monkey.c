/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Point 6: a monkey. 100,000 random taps, drags, holds, keys and typed text
 * (valid and invalid UTF-8) across every screen, with jumps of time, screen
 * sizes and rotations, and now and then a storage that refuses writes — over
 * the real core, the platform's real host code (host.c, journal_host.c) and a
 * real store in memory. After every step:
 *   - the screen and its stack are sane, and all text on screen is UTF-8;
 *   - a press on a Pause control lands on the paused screen;
 *   - the signal session never resumes without both partners ready: the
 *     events logged so far (stored or waiting) replay to the app's own state,
 *     and every "resume" follows a "ready" from each partner;
 * and every few thousand steps the CSV and JSON exports are valid, with one
 * row per event. Run under ASan + UBSan by ./dev test: no crash, no leak, no
 * failed assertion.
 *   monkey [STEPS] [SEED]        (LULL_MONKEY_STEPS, LULL_MONKEY_SEED too) */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lull/frame.h"
#include "screens/screens.h"
#include "../../src/platform/host.h"
#include "../support/fakes.h"
#include "formats.h"
#include "lull/store.h"

enum { EXPORT_EVERY = 5000, MAX_SEEN = 1 << 16 };

/* A session as its logged events leave it, by the two-partner rule. */
typedef struct {
    SessionState state;
    int ready[2];
} Model;

typedef struct {
    Store *store;
    AppHost real;
    Model *models; /* by session id, as events land in the store */
    int64_t model_count;
    int refuse; /* a StoreStatus every write gets now, 0 = the store decides */
    int pin_set;
    char pin[8];
    long writes, refused;
} Monkey;

static unsigned long long rng;

static unsigned rnd(unsigned n)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return n ? (unsigned)(rng % n) : 0;
}

static long step_no;

static void fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "monkey: FAIL at step %ld: ", step_no);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(1);
}

static void apply(Model *model, const LogEvent *ev);

static int m_log(void *ctx, LogEvent *ev)
{
    Monkey *m = ctx;
    m->writes++;
    if (m->refuse) {
        m->refused++;
        return m->refuse;
    }
    int status = m->real.log_event(m->store, ev);
    if (status == 0 && ev->kind == EVENT_SIGNAL && ev->session > 0) {
        if (ev->session >= m->model_count) {
            int64_t count = ev->session * 2 + 16;
            Model *bigger = realloc(m->models, sizeof *bigger * (size_t)count);
            if (!bigger)
                fail("out of memory");
            memset(bigger + m->model_count, 0, sizeof *bigger * (size_t)(count - m->model_count));
            m->models = bigger;
            m->model_count = count;
        }
        apply(&m->models[ev->session], ev);
    }
    return status;
}

static int m_begin(void *ctx, int64_t t, int32_t off, int64_t *id)
{
    Monkey *m = ctx;
    if (m->refuse)
        return m->refuse;
    return m->real.session_begin(m->store, t, off, id);
}

static int m_end(void *ctx, int64_t id, int64_t t)
{
    Monkey *m = ctx;
    if (m->refuse)
        return m->refuse;
    return m->real.session_end(m->store, id, t);
}

static int m_set(void *ctx, const char *key, const char *value)
{
    Monkey *m = ctx;
    if (m->refuse)
        return m->refuse;
    return m->real.setting_set(m->store, key, value);
}

static int m_setting_get(void *ctx, const char *key, char *out, size_t size)
{
    Monkey *m = ctx;
    return m->real.journal.setting_get(m->store, key, out, size);
}

static int m_timeline(void *ctx, const JournalKey *from, int newer, int kinds, JournalItem *out,
                      int max, int *count)
{
    Monkey *m = ctx;
    return m->real.journal.timeline_page(m->store, from, newer, kinds, out, max, count);
}

static int m_session_item(void *ctx, int64_t session, JournalItem *out)
{
    Monkey *m = ctx;
    return m->real.journal.session_item(m->store, session, out);
}

static int m_entry_save(void *ctx, LogEvent *ev)
{
    Monkey *m = ctx;
    if (m->refuse)
        return m->refuse;
    return m->real.journal.entry_save(m->store, ev);
}

static int m_delete(void *ctx, int64_t id, int64_t t)
{
    Monkey *m = ctx;
    if (m->refuse)
        return m->refuse;
    return m->real.journal.event_delete(m->store, id, t);
}

static int m_undelete(void *ctx, int64_t id)
{
    Monkey *m = ctx;
    if (m->refuse)
        return m->refuse;
    return m->real.journal.event_undelete(m->store, id);
}

static int m_insights(void *ctx, int weeks, int64_t now_ms, int32_t off, Insights *out)
{
    Monkey *m = ctx;
    return m->real.journal.insights(m->store, weeks, now_ms, off, out);
}

static void check_exports(Monkey *m);

/* Exports go to memory and are checked instead of written to a folder. */
static int m_export(void *ctx, int64_t now_ms, int32_t off, char *where, size_t size)
{
    (void)now_ms;
    (void)off;
    Monkey *m = ctx;
    check_exports(m);
    snprintf(where, size, "checked in memory");
    return 0;
}

/* The PIN in memory: Argon2id takes a tenth of a second a try, too slow here
 * (the store's PIN is tested with the store). */
static int m_pin_state(void *ctx)
{
    return ((Monkey *)ctx)->pin_set;
}

static int m_pin_set(void *ctx, const char *pin)
{
    Monkey *m = ctx;
    if (m->refuse)
        return m->refuse;
    snprintf(m->pin, sizeof m->pin, "%s", pin);
    m->pin_set = pin[0] != '\0';
    return 0;
}

static int m_pin_verify(void *ctx, const char *pin, int *match)
{
    Monkey *m = ctx;
    *match = m->pin_set && strcmp(pin, m->pin) == 0;
    return 0;
}

/* "Keep it aside and start a new journal": the store is fine again. */
static int m_reset(void *ctx, char *aside, size_t size)
{
    Monkey *m = ctx;
    m->refuse = 0;
    snprintf(aside, size, "lull.db.damaged-monkey");
    return 0;
}

typedef struct {
    int rows;
    int fields;
} CsvCount;

static void count_csv(void *ctx, int row, int column, const char *field, size_t len)
{
    (void)field;
    (void)len;
    CsvCount *c = ctx;
    if (column == 0)
        c->rows = row + 1;
    c->fields++;
}

static void count_kinds(void *ctx, int depth, const char *key, const char *value, size_t len)
{
    (void)value;
    (void)len;
    if (depth == 2 && strcmp(key, "kind") == 0)
        (*(long *)ctx)++;
}

static void check_exports(Monkey *m)
{
    int64_t events = store_event_count(m->store);
    for (int format = 0; format < 2; format++) {
        char *text = NULL;
        size_t len = 0;
        FILE *out = open_memstream(&text, &len);
        if (!out)
            fail("open_memstream");
        StoreStatus status = store_export(m->store, format ? EXPORT_JSON : EXPORT_CSV, out,
                                          1767646800000, 3600);
        fclose(out);
        if (status != STORE_OK)
            fail("export %s: status %d", format ? "json" : "csv", (int)status);
        char err[200] = "";
        if (format) {
            /* Valid, with one "kind" member per event. */
            long kinds = 0;
            if (json_check(text, len, count_kinds, &kinds, err, sizeof err) != 0)
                fail("the JSON export is not valid: %s", err);
            if (kinds != events)
                fail("the JSON export has %ld events, the store %lld", kinds, (long long)events);
        } else {
            CsvCount c = {0, 0};
            int rows = csv_read(text, len, count_csv, &c, err, sizeof err);
            if (rows < 0)
                fail("the CSV export is not valid: %s", err);
            if (rows != events + 1)
                fail("the CSV export has %d rows for %lld events", rows, (long long)events);
        }
        free(text);
    }
}

/* One signal event on a session's model, failing on anything the rule
 * forbids: above all a resume without both partners ready. */
static void apply(Model *model, const LogEvent *ev)
{
    if (ev->kind != EVENT_SIGNAL)
        return;
    int p = ev->partner == 1 || ev->partner == 2 ? ev->partner - 1 : -1;
    if (strcmp(ev->name, "pause") == 0) {
        if (model->state == SESSION_PAUSED)
            fail("a second pause while paused was logged");
        model->state = SESSION_PAUSED;
        model->ready[0] = model->ready[1] = 0;
    } else if (strcmp(ev->name, "ready") == 0 || strcmp(ev->name, "not_ready") == 0) {
        if (model->state != SESSION_PAUSED || p < 0)
            fail("%s logged while not paused", ev->name);
        model->ready[p] = strcmp(ev->name, "ready") == 0;
    } else if (strcmp(ev->name, "resume") == 0) {
        if (model->state != SESSION_PAUSED || !model->ready[0] || !model->ready[1])
            fail("the session resumed without both partners ready");
        model->state = SESSION_ACTIVE;
        model->ready[0] = model->ready[1] = 0;
    } else if (strcmp(ev->name, "stop") == 0) {
        model->state = SESSION_NONE;
    } else if (strcmp(ev->name, "carry_on") == 0) {
        /* Only a stopped session carries on: a Stop taken back. */
        if (model->state != SESSION_NONE)
            fail("a session carried on that had not stopped");
        model->state = SESSION_ACTIVE;
    } else {
        if (model->state == SESSION_PAUSED)
            fail("a signal (%s) was logged while paused", ev->name);
        model->state = SESSION_ACTIVE;
    }
}

/* The current session's events, stored and still waiting, must leave it in
 * the state the app shows. */
static void check_session(Monkey *m, const App *app)
{
    int64_t id = app->session.id;
    if (app->session.state == SESSION_NONE || id == 0)
        return;
    Model model = {SESSION_NONE, {0, 0}};
    if (id > 0 && id < m->model_count)
        model = m->models[id];
    const Durable *d = &app->durable;
    for (int i = 0; i < d->count; i++)
        if (d->queue[i].kind == DURABLE_LOG && d->queue[i].ev.session == id)
            apply(&model, &d->queue[i].ev);
    if (model.state != app->session.state)
        fail("the session is %d in the app but its events say %d", (int)app->session.state,
             (int)model.state);
}

static void check_frame(const App *app)
{
    if (app->depth < 1 || app->depth > APP_STACK_MAX)
        fail("screen stack depth %d", app->depth);
    for (int i = 0; i < app->depth; i++)
        if ((unsigned)app->stack[i] >= SCREEN_COUNT)
            fail("screen id %d on the stack", (int)app->stack[i]);
    for (int i = 0; i < app->draw.count; i++) {
        const DrawCmd *c = &app->draw.cmds[i];
        if (c->kind == DRAW_TEXT) {
            const char *t = draw_text(&app->draw, c);
            if (!utf8_valid(t, strlen(t))) {
                char hex[200] = "";
                for (size_t k = 0, n = strlen(t); k < n && k < 60; k++)
                    snprintf(hex + strlen(hex), sizeof hex - strlen(hex), "%02x",
                             (unsigned char)t[k]);
                fail("text on %s is not UTF-8: %s", screen_name(app_screen(app)), hex);
            }
        }
    }
}

static void update(App *app, AppTime *now, const AppInput *in, int64_t ms)
{
    now->mono_ms += ms;
    now->wall_ms += ms;
    frame_update(app, in, in ? 1 : 0, now);
}

static void pointer(App *app, AppTime *now, AppInputKind kind, int x, int y, int64_t ms)
{
    AppInput in = {0};
    in.kind = kind;
    in.x = x;
    in.y = y;
    update(app, now, &in, ms);
}

static const char *const texts[] = {
    "a",
    "Z",
    " ",
    "é",
    "ß",
    "心",
    "🙂",
    "👩‍❤️‍👨",
    "\xC3",
    "\xE2\x82",
    "\xF0\x9F\x98",
    "\xFF",
    "\xC0\xAF",
    "\xED\xA0\x80",
    "=cmd|' /C calc'!A0",
    "\"quoted\", comma",
    "\t",
    "\n",
    "1234",
    "0000",
    "Robert'); DROP TABLE events;--",
};

static int is_pause_label(const char *label)
{
    size_t n = strlen(label);
    return strcmp(label, "Pause") == 0 || (n > 8 && strcmp(label + n - 8, " / Pause") == 0);
}

int main(int argc, char **argv)
{
    const char *env_steps = getenv("LULL_MONKEY_STEPS");
    const char *env_seed = getenv("LULL_MONKEY_SEED");
    long steps = argc > 1 ? atol(argv[1]) : env_steps ? atol(env_steps) : 100000;
    unsigned long long seed = argc > 2   ? strtoull(argv[2], NULL, 10)
                              : env_seed ? strtoull(env_seed, NULL, 10)
                                         : 20260105;
    rng = seed * 0x9E3779B97F4A7C15ull + 1;
    printf("monkey: %ld steps, seed %llu\n", steps, seed);

    Monkey *m = calloc(1, sizeof *m);
    App *app = calloc(1, sizeof *app);
    if (!m || !app)
        fail("out of memory");
    StoreStatus status;
    m->store = store_open(":memory:", &status, NULL, 0);
    if (!m->store)
        fail("store_open: %d", (int)status);
    m->real = host_for_store(m->store);
    AppHost host = {
        .ctx = m,
        .log_event = m_log,
        .session_begin = m_begin,
        .session_end = m_end,
        .setting_set = m_set,
        .journal =
            {
                .setting_get = m_setting_get,
                .timeline_page = m_timeline,
                .session_item = m_session_item,
                .entry_save = m_entry_save,
                .event_delete = m_delete,
                .event_undelete = m_undelete,
                .insights = m_insights,
                .export_files = m_export,
                .pin_state = m_pin_state,
                .pin_set = m_pin_set,
                .pin_verify = m_pin_verify,
            },
    };
    Config config;
    config_defaults(&config);
    /* A clock a Pi without network time might have: the clock screen first. */
    AppTime now = {10000, 86400000, 3600};
    app_init(app, &config, &host, fake_measure, NULL, &now);
    app->build_time_ms = 1767225600000;
    app_resize(app, 800, 480, 133.0);
    frame_update(app, NULL, 0, &now);

    static const int sizes[][2] = {{800, 480}, {480, 800}, {1280, 800}, {720, 1280}, {1920, 1080}};
    int screens_seen[SCREEN_COUNT] = {0};
    for (int i = 0; i < app->depth; i++)
        screens_seen[app->stack[i]]++;
    long refuse_until = -1, problem_until = -1, pauses = 0, resumes = 0, last_signature = -1;
    for (step_no = 0; step_no < steps; step_no++) {
        /* Now and then the storage refuses writes for a while. */
        if (refuse_until < 0 && problem_until < 0 && rnd(400) == 0) {
            m->refuse = rnd(2) ? 2 : 3;
            refuse_until = step_no + 5 + rnd(40);
        } else if (refuse_until >= 0 && step_no >= refuse_until) {
            m->refuse = 0;
            refuse_until = -1;
        }
        /* More rarely, the journal as if it could not be opened. */
        if (refuse_until < 0 && problem_until < 0 && rnd(4000) == 0) {
            static const int problems[] = {4, 5, 6, 7, 9};
            int problem = problems[rnd(sizeof problems / sizeof problems[0])];
            m->refuse = problem;
            app_storage_problem(app, problem, 0, problem == 6 || problem == 9 ? m_reset : NULL, m);
            durable_start(app);
            problem_until = step_no + 20 + rnd(60);
        } else if (problem_until >= 0 && step_no >= problem_until) {
            m->refuse = 0;
            app_storage_ready(app);
            problem_until = -1;
        }
        SessionState before = app->session.state;
        unsigned what = rnd(100);
        int pressed_pause = 0;
        const Metrics *mt = &app->metrics;
        if (what < 45 && app->ui.last_target_count > 0) {
            /* A visible control, as a person would tap it. */
            const UiTarget *t = &app->ui.last_targets[rnd((unsigned)app->ui.last_target_count)];
            /* Anywhere inside but its very edge. */
            Rect v = t->visible;
            int x = v.x + (v.w > 2 ? 1 + (int)rnd((unsigned)v.w - 1) : 0);
            int y = v.y + (v.h > 2 ? 1 + (int)rnd((unsigned)v.h - 1) : 0);
            pressed_pause = is_pause_label(t->label) && t->visible.w > 2 && t->visible.h > 2 &&
                            app_screen(app) != SCREEN_DIM;
            pointer(app, &now, APP_INPUT_PRESS, x, y, 1 + rnd(30));
            if (pressed_pause && app->session.state != SESSION_PAUSED &&
                app_screen(app) != SCREEN_PAUSED) {
                const UiTarget *hit = ui_hit(&app->ui, x, y);
                fail("a press on \"%s\" at %d,%d did not pause (on %s; the target there is "
                     "\"%s\"; %d targets)",
                     t->label, x, y, screen_name(app_screen(app)), hit ? hit->label : "none",
                     app->ui.last_target_count);
            }
            pointer(app, &now, APP_INPUT_RELEASE, x, y, 20 + rnd(200));
        } else if (what < 60) {
            int x = (int)rnd((unsigned)mt->w), y = (int)rnd((unsigned)mt->h);
            pointer(app, &now, APP_INPUT_PRESS, x, y, 1 + rnd(30));
            pointer(app, &now, APP_INPUT_RELEASE, x, y, 20 + rnd(200));
        } else if (what < 68) {
            /* A drag, sometimes sliding off what it started on. */
            int x = (int)rnd((unsigned)mt->w), y = (int)rnd((unsigned)mt->h);
            pointer(app, &now, APP_INPUT_PRESS, x, y, 5);
            int moves = 1 + (int)rnd(8);
            for (int i = 0; i < moves; i++) {
                x += (int)rnd(121) - 60;
                y += (int)rnd(161) - 80;
                pointer(app, &now, APP_INPUT_MOVE, x, y, 16);
            }
            pointer(app, &now, rnd(10) ? APP_INPUT_RELEASE : APP_INPUT_CANCEL, x, y, 16);
        } else if (what < 71) {
            /* A long hold: corners leave the kiosk, which the monkey ignores. */
            int corner = rnd(2) == 0;
            int x = corner ? (rnd(2) ? 2 : mt->w - 3) : (int)rnd((unsigned)mt->w);
            int y = corner ? (rnd(2) ? 2 : mt->h - 3) : (int)rnd((unsigned)mt->h);
            pointer(app, &now, APP_INPUT_PRESS, x, y, 5);
            for (int i = 0; i < 8; i++)
                update(app, &now, NULL, 500);
            pointer(app, &now, APP_INPUT_RELEASE, x, y, 16);
            app->quit = 0;
        } else if (what < 80) {
            AppInput in = {0};
            in.kind = APP_INPUT_KEY;
            in.key = (AppKey)rnd(KEY_QUIT + 1);
            update(app, &now, &in, 10);
            app->quit = 0;
        } else if (what < 88) {
            AppInput in = {0};
            in.kind = APP_INPUT_TEXT;
            snprintf(in.text, sizeof in.text, "%s", texts[rnd(sizeof texts / sizeof texts[0])]);
            update(app, &now, &in, 10);
        } else if (what < 98) {
            /* Time: mostly a moment, sometimes minutes, now and then hours. */
            unsigned r = rnd(100);
            int64_t ms = r < 70   ? 16 + rnd(2000)
                         : r < 95 ? 1000 * (int64_t)rnd(600)
                                  : 3600000 * (int64_t)(1 + rnd(30));
            update(app, &now, NULL, ms);
        } else {
            int s = (int)rnd(sizeof sizes / sizeof sizes[0]);
            app_resize(app, sizes[s][0], sizes[s][1], 100.0 + rnd(200));
            update(app, &now, NULL, 16);
        }
        if (before == SESSION_PAUSED && app->session.state == SESSION_ACTIVE)
            resumes++;
        if (before != SESSION_PAUSED && app->session.state == SESSION_PAUSED)
            pauses++;
        screens_seen[app_screen(app)]++;
        check_frame(app);
        /* The session is replayed whenever anything could have changed it. */
        long signature = m->writes * 31 + app->durable.count * 7 + (long)app->session.state +
                         (long)app->session.id * 3 + (long)app->session.ready[0] * 5 +
                         (long)app->session.ready[1] * 11;
        if (signature != last_signature)
            check_session(m, app);
        last_signature = signature;
        if (step_no % EXPORT_EVERY == EXPORT_EVERY - 1)
            check_exports(m);
    }

    /* The storage back for good: everything waiting lands. */
    m->refuse = 0;
    if (app_flush_writes(app) != 0)
        fail("%d writes still wait with a working store", app_writes_waiting(app));
    check_session(m, app);
    check_exports(m);
    int reached = 0;
    printf("monkey: screens reached:");
    for (int s = 0; s < SCREEN_COUNT; s++) {
        if (screens_seen[s]) {
            reached++;
            printf(" %s", screen_name((ScreenId)s));
        }
    }
    printf("\nmonkey: %d screens, %lld events, %ld writes (%ld refused), %ld pauses, %ld "
           "resumes, %d writes lost to a full queue\n",
           reached, (long long)store_event_count(m->store), m->writes, m->refused, pauses, resumes,
           app_writes_dropped(app));
    if (steps >= 10000 && (pauses == 0 || resumes == 0 || reached < 12))
        fail("the monkey did not get around enough to mean much");
    store_close(m->store);
    free(m->models);
    free(app);
    free(m);
    return 0;
}
