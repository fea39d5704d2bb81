/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Lull's benchmark driver (./dev bench; bench/README.md). Each command prints
 * "figure NAME VALUE" lines that bench/run.sh gathers into a table and
 * bench/results/latest.json. It times the real program from outside (start-up,
 * CPU, memory) and the real loop, renderer and store from inside, linked with
 * lull_platform. A measuring tool, not a test: it asserts no time. */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE /* wait4, setenv */
#endif
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <SDL.h>
#include <sqlite3.h>

#include "audio.h"
#include "kiosk.h"
#include "lull/cli.h"
#include "lull/store.h"

enum { MAX_SAMPLES = 20000, TAP_HOLD_MS = 60 };

static int64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* The q-quantile (0..1) of n samples, nearest rank; sorts them. */
static double quantile(double *v, int n, double q)
{
    if (n <= 0)
        return -1.0;
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    int rank = (int)(q * (double)n + 0.999999);
    if (rank < 1)
        rank = 1;
    if (rank > n)
        rank = n;
    return v[rank - 1];
}

static void figure(const char *name, double value)
{
    printf("figure %s %.4g\n", name, value);
    fflush(stdout);
}

/* NAME_median and NAME_p99, each followed by suffix ("" or "_fsync_50ms"). */
static void figure_spread_as(const char *name, const char *suffix, double *v, int n)
{
    char key[160];
    snprintf(key, sizeof key, "%s_median%s", name, suffix);
    figure(key, quantile(v, n, 0.5));
    snprintf(key, sizeof key, "%s_p99%s", name, suffix);
    figure(key, quantile(v, n, 0.99));
}

static void figure_spread(const char *name, double *v, int n)
{
    figure_spread_as(name, "", v, n);
}

typedef struct {
    double cpu_s;             /* user + system */
    double rss_mb;            /* ru_maxrss */
    int64_t first_present_ns; /* LULL_BENCH=first-frame; 0 when not reported */
    char renderer[32];        /* what it said it drew with ("lull: renderer NAME") */
    int status;
} ChildRun;

/* Runs argv with extra environment (NAME=VALUE, NULL-terminated), its stderr
 * read for the first-present line; the caller waits with child_wait. */
static pid_t child_start(char *const argv[], char *const env[], int *err_fd)
{
    int fds[2];
    if (pipe(fds) != 0)
        return -1;
    pid_t pid = fork();
    if (pid == 0) {
        for (int i = 0; env && env[i]; i++)
            putenv(env[i]);
        dup2(fds[1], 2);
        close(fds[0]);
        close(fds[1]);
        int null = open("/dev/null", O_WRONLY);
        if (null >= 0)
            dup2(null, 1);
        execv(argv[0], argv);
        _exit(127);
    }
    close(fds[1]);
    *err_fd = fds[0];
    return pid;
}

static ChildRun child_wait(pid_t pid, int err_fd)
{
    ChildRun r = {0};
    char buf[8192];
    size_t used = 0;
    ssize_t got;
    while ((got = read(err_fd, buf + used, sizeof buf - 1 - used)) > 0) {
        used += (size_t)got;
        if (used >= sizeof buf - 1) /* keep the tail only */
            used = 0;
    }
    buf[used] = '\0';
    close(err_fd);
    const char *mark = strstr(buf, "lull: bench: first present ");
    if (mark)
        r.first_present_ns = strtoll(mark + strlen("lull: bench: first present "), NULL, 10);
    const char *named = strstr(buf, "lull: renderer ");
    if (named)
        sscanf(named + strlen("lull: renderer "), "%31[a-z0-9_]", r.renderer);
    struct rusage ru;
    int status = 0;
    if (wait4(pid, &status, 0, &ru) < 0) {
        r.status = -1;
        return r;
    }
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.cpu_s = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
              (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
    r.rss_mb = (double)ru.ru_maxrss / 1024.0;
    if (r.status != 0)
        fprintf(stderr, "bench: %s exited with %d: %s\n", "lull", r.status, buf);
    return r;
}

/* "" for the software renderer, else "_NAME": the figures of a GPU renderer
 * (SDL_RENDER_DRIVER=opengles2) are named apart. */
static void renderer_suffix(const char *name, char *out, size_t size)
{
    if (!name || !*name || strcmp(name, "software") == 0)
        snprintf(out, size, "%s", "");
    else
        snprintf(out, size, "_%s", name);
}

/* first-frame LULL CONFIG DB RUNS: fork/exec to the end of the first present. */
static int cmd_first_frame(char **argv)
{
    const char *lull = argv[0];
    int runs = atoi(argv[3]);
    char *args[] = {(char *)lull, "--headless", "--size", "800x480", "--config",
                    argv[1],      "--db",       argv[2],  NULL};
    char *env[] = {"LULL_BENCH=first-frame", NULL};
    double ms[256], rss = 0.0;
    char suffix[40] = "";
    if (runs > 256)
        runs = 256;
    for (int i = -1; i < runs; i++) { /* one unmeasured run creates the journal */
        int fd;
        int64_t start = now_ns();
        pid_t pid = child_start(args, env, &fd);
        if (pid < 0)
            return 1;
        ChildRun r = child_wait(pid, fd);
        if (r.status != 0 || r.first_present_ns == 0) {
            fprintf(stderr, "bench: no first present reported\n");
            return 1;
        }
        if (i >= 0) {
            ms[i] = (double)(r.first_present_ns - start) / 1e6;
            rss = r.rss_mb > rss ? r.rss_mb : rss;
        }
        renderer_suffix(r.renderer, suffix, sizeof suffix);
    }
    char key[128];
    snprintf(key, sizeof key, "first_frame_ms_median%s", suffix);
    figure(key, quantile(ms, runs, 0.5));
    snprintf(key, sizeof key, "first_frame_ms_p90%s", suffix);
    figure(key, quantile(ms, runs, 0.9));
    snprintf(key, sizeof key, "first_frame_rss_mb%s", suffix);
    figure(key, rss);
    return 0;
}

static int write_script(const char *path, const char *prefix, int wait_ms)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    fprintf(f, "%swait %d\nquit\n", prefix, wait_ms);
    return fclose(f);
}

/* cpu NAME LULL CONFIG DIR SECONDS RUNS SOUND PREFIX: percent of one core over
 * SECONDS of real time, from the children's user + system time, less that of
 * the same run without the wait (start-up and the steps before it). The runs
 * go side by side: CPU time is the process's own, whatever else runs. */
static int cmd_cpu(char **argv)
{
    const char *name = argv[0], *lull = argv[1], *config = argv[2], *dir = argv[3];
    int seconds = atoi(argv[4]), runs = atoi(argv[5]), sound = atoi(argv[6]);
    char prefix[512];
    snprintf(prefix, sizeof prefix, "%s", argv[7]);
    for (char *p = prefix; *p; p++)
        if (*p == ';')
            *p = '\n';
    if (runs > 16)
        runs = 16;
    char script[2][1024];
    snprintf(script[0], sizeof script[0], "%s/%s-wait.lull", dir, name);
    snprintf(script[1], sizeof script[1], "%s/%s-base.lull", dir, name);
    if (write_script(script[0], prefix, seconds * 1000) != 0 ||
        write_script(script[1], prefix, 0) != 0)
        return 1;
    char *with_sound[] = {"SDL_AUDIODRIVER=dummy", NULL};
    char **env = sound ? with_sound : NULL;
    double cpu[2][16], rss = 0.0;
    for (int which = 0; which < 2; which++) {
        pid_t pid[16];
        int fd[16];
        char db[16][1100];
        for (int i = 0; i < runs; i++) {
            snprintf(db[i], sizeof db[i], "%s/%s-%d.db", dir, name, i);
            char *args[] = {(char *)lull, "--headless",   "--size", "800x480",
                            "--config",   (char *)config, "--db",   db[i],
                            "--script",   script[which],  NULL};
            pid[i] = child_start(args, env, &fd[i]);
            if (pid[i] < 0)
                return 1;
        }
        for (int i = 0; i < runs; i++) {
            ChildRun r = child_wait(pid[i], fd[i]);
            if (r.status != 0)
                return 1;
            cpu[which][i] = r.cpu_s;
            rss = r.rss_mb > rss ? r.rss_mb : rss;
        }
    }
    double base = quantile(cpu[1], runs, 0.5);
    double pct[16];
    for (int i = 0; i < runs; i++) /* below the start-up's own spread, it reads 0 */
        pct[i] = fmax(0.0, 100.0 * (cpu[0][i] - base) / (double)seconds);
    char key[128];
    snprintf(key, sizeof key, "%s_cpu_pct", name);
    figure(key, quantile(pct, runs, 0.5));
    snprintf(key, sizeof key, "%s_rss_mb", name);
    figure(key, rss);
    return 0;
}

static int open_kiosk(Kiosk *k, CliOptions *opts, const char *size, const char *config,
                      const char *db, int fake)
{
    char *args[] = {"lull", "--headless", "--size",  (char *)size, "--config", (char *)config,
                    "--db", (char *)db,   "--clock", "fake",       NULL};
    int argc = fake ? 10 : 8;
    char err[256];
    if (cli_parse(argc, args, opts, err, sizeof err) != 0) {
        fprintf(stderr, "bench: %s\n", err);
        return -1;
    }
    return kiosk_open(k, opts) == 0 ? 0 : -1;
}

/* The centre of the target labelled label, in logical pixels. */
static int target_centre(Kiosk *k, const char *label, int *x, int *y)
{
    const UiTarget *t = NULL;
    if (ui_find(&k->app->ui, label, &t) < 1 || !t) {
        fprintf(stderr, "bench: no \"%s\" on screen %s\n", label, screen_name(app_screen(k->app)));
        return -1;
    }
    *x = t->visible.x + t->visible.w / 2;
    *y = t->visible.y + t->visible.h / 2;
    return 0;
}

/* A tap from the bench's own thread: press, a step, release, a step. */
static int tap_now(Kiosk *k, const char *label)
{
    int x, y;
    if (target_centre(k, label, &x, &y) != 0)
        return -1;
    AppInput in = {0};
    in.kind = APP_INPUT_PRESS;
    in.x = x;
    in.y = y;
    kiosk_input(k, &in);
    kiosk_step(k, 1);
    if (k->clock.fake)
        clock_advance(&k->clock, 80);
    in.kind = APP_INPUT_RELEASE;
    kiosk_input(k, &in);
    kiosk_step(k, 1);
    return 0;
}

typedef enum { TRIAL_NONE, TRIAL_TAP, TRIAL_PAUSE } TrialKind;

enum { TAP_TARGETS = 4 };

typedef struct {
    Kiosk *k;
    int taps, pauses;
    float tap_x[TAP_TARGETS], tap_y[TAP_TARGETS];
    SignalId tap_signal[TAP_TARGETS];
    float pause_x, pause_y, ready_x[2], ready_y[2];
    /* The trial in flight: set by the injecting thread, closed by presented(). */
    SDL_atomic_t pending; /* TrialKind */
    Sint64 finger;
    SignalId signal;
    int64_t pushed_ns;
    int64_t shown_ns;
    double tap_ms[MAX_SAMPLES], pause_ms[MAX_SAMPLES];
    int tap_count, pause_count, missed;
    unsigned rng;
} Latency;

/* Main thread, after each present: is the pending input's feedback on screen? */
static void latency_presented(void *ctx, Kiosk *k)
{
    Latency *l = ctx;
    int kind = SDL_AtomicGet(&l->pending);
    if (kind == TRIAL_NONE || k->finger != l->finger)
        return;
    const App *app = k->app;
    int shown = 0;
    if (kind == TRIAL_TAP) /* released, and the signal's wash is up */
        shown = k->active_finger == 0 && app->wash_signal == l->signal &&
                app->wash_until_mono > app->time.mono_ms;
    else /* pressed, and the paused screen is up */
        shown = k->active_finger && app_screen(app) == SCREEN_PAUSED;
    if (shown) {
        l->shown_ns = now_ns();
        SDL_AtomicSet(&l->pending, TRIAL_NONE);
    }
}

static void push_touch(const Kiosk *k, Uint32 type, Sint64 finger, float x, float y)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = type;
    e.tfinger.touchId = 1;
    e.tfinger.fingerId = finger;
    e.tfinger.x = x / (float)k->win_w;
    e.tfinger.y = y / (float)k->win_h;
    e.tfinger.pressure = 1.0f;
    SDL_PushEvent(&e);
}

static void push_finger(Latency *l, Uint32 type, Sint64 finger, float x, float y)
{
    push_touch(l->k, type, finger, x, y);
}

static unsigned next_random(Latency *l)
{
    l->rng = l->rng * 1103515245u + 12345u;
    return (l->rng >> 8) & 0xffffu;
}

/* Sleeps a random 120..400 ms: the input lands anywhere in the loop's sleep. */
static void idle_gap(Latency *l)
{
    SDL_Delay(120 + next_random(l) % 280);
}

/* Pushes one event and waits for its feedback; returns ms, or -1 after 1 s. */
static double timed_push(Latency *l, TrialKind kind, Uint32 type, float x, float y)
{
    l->shown_ns = 0;
    SDL_AtomicSet(&l->pending, kind);
    l->pushed_ns = now_ns();
    push_finger(l, type, l->finger, x, y);
    while (SDL_AtomicGet(&l->pending) != TRIAL_NONE) {
        if (now_ns() - l->pushed_ns > 1000000000LL) {
            SDL_AtomicSet(&l->pending, TRIAL_NONE);
            l->missed++;
            return -1.0;
        }
        SDL_Delay(1);
    }
    return (double)(l->shown_ns - l->pushed_ns) / 1e6;
}

static void plain_tap(Latency *l, float x, float y)
{
    l->finger++;
    push_finger(l, SDL_FINGERDOWN, l->finger, x, y);
    SDL_Delay(TAP_HOLD_MS);
    push_finger(l, SDL_FINGERUP, l->finger, x, y);
}

static int injector(void *data)
{
    Latency *l = data;
    SDL_Delay(1500); /* past the "Resuming" wash of the both-ready that opened the board */
    for (int i = 0; i < l->taps; i++) {
        int t = i % TAP_TARGETS;
        idle_gap(l);
        l->finger++;
        l->signal = l->tap_signal[t];
        push_finger(l, SDL_FINGERDOWN, l->finger, l->tap_x[t], l->tap_y[t]);
        SDL_Delay(TAP_HOLD_MS);
        double ms = timed_push(l, TRIAL_TAP, SDL_FINGERUP, l->tap_x[t], l->tap_y[t]);
        if (ms >= 0.0)
            l->tap_ms[l->tap_count++] = ms;
        /* While a wash is up the board is inert (only Pause and Dismiss answer):
         * a tap on the same place dismisses it, as a person would. */
        SDL_Delay(80);
        plain_tap(l, l->tap_x[t], l->tap_y[t]);
    }
    for (int i = 0; i < l->pauses; i++) {
        idle_gap(l);
        l->finger++;
        double ms = timed_push(l, TRIAL_PAUSE, SDL_FINGERDOWN, l->pause_x, l->pause_y);
        if (ms >= 0.0)
            l->pause_ms[l->pause_count++] = ms;
        SDL_Delay(TAP_HOLD_MS);
        push_finger(l, SDL_FINGERUP, l->finger, l->pause_x, l->pause_y);
        /* Both ready: back on the board for the next one. */
        SDL_Delay(80);
        plain_tap(l, l->ready_x[0], l->ready_y[0]);
        SDL_Delay(80);
        plain_tap(l, l->ready_x[1], l->ready_y[1]);
    }
    SDL_Event quit;
    memset(&quit, 0, sizeof quit);
    quit.type = SDL_QUIT;
    SDL_PushEvent(&quit);
    return 0;
}

static int record_target(Kiosk *k, const char *label, float *x, float *y)
{
    int ix, iy;
    if (target_centre(k, label, &ix, &iy) != 0)
        return -1;
    *x = (float)ix + 0.5f;
    *y = (float)iy + 0.5f;
    return 0;
}

/* latency CONFIG DB TAPS PAUSES: input event to the end of the present that
 * shows its feedback, through the real loop (kiosk_run) in real time, the
 * events pushed from another thread at random moments. */
static int cmd_latency(char **argv)
{
    static Kiosk k;
    static Latency l;
    CliOptions opts;
    if (open_kiosk(&k, &opts, "800x480", argv[0], argv[1], 0) != 0)
        return 1;
    l.k = &k;
    l.taps = atoi(argv[2]);
    l.pauses = atoi(argv[3]);
    l.rng = 12345u;
    l.finger = 1000;
    static const char *const labels[TAP_TARGETS] = {"Sam / Slower", "Alex / Keep going",
                                                    "Sam / Check in", "Alex / Tired"};
    static const SignalId ids[TAP_TARGETS] = {SIGNAL_SLOWER, SIGNAL_GOOD, SIGNAL_CHECK_IN,
                                              SIGNAL_TIRED};
    int failed = 0;
    kiosk_step(&k, 1);
    /* "locked": another program holds the journal's write lock all along, as a
     * backup tool might; every signal's write finds it busy and waits in the
     * queue. One signal first, so the notes strip has its room before the
     * targets are measured. */
    sqlite3 *other = NULL;
    int locked = argv[4] && strcmp(argv[4], "locked") == 0;
    if (locked && (sqlite3_open_v2(argv[1], &other, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
                   sqlite3_exec(other, "BEGIN EXCLUSIVE", NULL, NULL, NULL) != SQLITE_OK)) {
        fprintf(stderr, "bench: could not lock the journal: %s\n", sqlite3_errmsg(other));
        sqlite3_close(other);
        kiosk_close(&k);
        return 1;
    }
    failed |= tap_now(&k, "Signals");
    if (locked) {
        kiosk_step(&k, 1);
        failed |= tap_now(&k, "Sam / Slower");
        failed |= tap_now(&k, "Dismiss");
        for (int i = 0; i < 30; i++) {
            SDL_Delay(20);
            kiosk_step(&k, 1);
        }
    }
    for (int i = 0; i < TAP_TARGETS && !failed; i++) {
        failed |= record_target(&k, labels[i], &l.tap_x[i], &l.tap_y[i]);
        l.tap_signal[i] = ids[i];
    }
    failed |= record_target(&k, "Alex / Pause", &l.pause_x, &l.pause_y);
    failed |= tap_now(&k, "Alex / Pause");
    failed |= record_target(&k, "Sam / I'm ready", &l.ready_x[0], &l.ready_y[0]);
    failed |= record_target(&k, "Alex / I'm ready", &l.ready_x[1], &l.ready_y[1]);
    failed |= tap_now(&k, "Sam / I'm ready");
    failed |= tap_now(&k, "Alex / I'm ready");
    if (failed || app_screen(k.app) != SCREEN_SIGNALS) {
        fprintf(stderr, "bench: could not reach the signal board\n");
        sqlite3_close(other);
        kiosk_close(&k);
        return 1;
    }
    k.presented = latency_presented;
    k.presented_ctx = &l;
    SDL_Thread *thread = SDL_CreateThread(injector, "bench-input", &l);
    if (!thread) {
        sqlite3_close(other);
        kiosk_close(&k);
        return 1;
    }
    kiosk_run(&k);
    SDL_WaitThread(thread, NULL);
    int queued = k.app->durable.count;
    if (other) {
        sqlite3_exec(other, "ROLLBACK", NULL, NULL, NULL);
        sqlite3_close(other);
    }
    kiosk_close(&k);
    if (l.missed)
        fprintf(stderr, "bench: %d inputs showed no feedback within 1 s\n", l.missed);
    if (locked && queued == 0) {
        fprintf(stderr, "bench: the lock was not felt (nothing waited in the queue)\n");
        return 1;
    }
    /* LULL_TEST_SLOW_SYNC_MS: every fsync as slow as an SD card's, named in the figure */
    char suffix[32] = "";
    const char *slow = getenv("LULL_TEST_SLOW_SYNC_MS");
    if (slow && atoi(slow) > 0)
        snprintf(suffix, sizeof suffix, "_fsync_%dms", atoi(slow));
    figure_spread_as(locked ? "locked_tap_to_present_ms" : "tap_to_present_ms", suffix, l.tap_ms,
                     l.tap_count);
    figure_spread_as(locked ? "locked_pause_to_present_ms" : "pause_to_present_ms", suffix,
                     l.pause_ms, l.pause_count);
    return l.missed ? 1 : 0;
}

typedef struct {
    int presents;
} PresentCount;

static void count_present(void *ctx, Kiosk *k)
{
    (void)k;
    ((PresentCount *)ctx)->presents++;
}

/* frames steps of 16 ms on the fake clock, each update + draw + present (when
 * the frame changed); ms[i]: its time, < 0 when nothing was drawn. */
static void run_frames(Kiosk *k, int frames, double *ms, int full)
{
    PresentCount *count = k->presented_ctx;
    for (int i = 0; i < frames; i++) {
        clock_advance(&k->clock, 16);
        int before = count->presents;
        if (full)
            k->presented_hash = 0; /* as after a screen change: everything drawn */
        int64_t t0 = now_ns();
        kiosk_step(k, 1);
        int64_t t1 = now_ns();
        if (ms)
            ms[i] = count->presents > before ? (double)(t1 - t0) / 1e6 : -1.0;
    }
}

/* The frames callgrind counts (--toggle-collect=breath_frames). */
__attribute__((noinline)) void breath_frames(Kiosk *k, int frames);
__attribute__((noinline)) void breath_frames(Kiosk *k, int frames)
{
    run_frames(k, frames, NULL, 0);
}

/* breath SIZE CONFIG DB FRAMES [callgrind]: the running breathing screen, one
 * 16 ms frame after another on the fake clock. */
static int cmd_breath(char **argv)
{
    static Kiosk k;
    CliOptions opts;
    const char *size = argv[0];
    int frames = atoi(argv[3]);
    int callgrind = argv[4] && strcmp(argv[4], "callgrind") == 0;
    if (frames > MAX_SAMPLES)
        frames = MAX_SAMPLES;
    if (open_kiosk(&k, &opts, size, argv[1], argv[2], 1) != 0)
        return 1;
    PresentCount count = {0};
    k.presented = count_present;
    k.presented_ctx = &count;
    kiosk_step(&k, 1);
    if (tap_now(&k, "Breathe") != 0 || tap_now(&k, "Start") != 0 ||
        app_screen(k.app) != SCREEN_BREATHE_RUN) {
        kiosk_close(&k);
        return 1;
    }
    /* Past the countdown, into the breathing. */
    run_frames(&k, 3200 / 16, NULL, 0);
    if (callgrind) {
        breath_frames(&k, frames);
        kiosk_close(&k);
        printf("frames %d\n", frames);
        return 0;
    }
    static double ms[MAX_SAMPLES], drawn[MAX_SAMPLES], full[MAX_SAMPLES];
    int n = 0;
    char suffix[40] = "";
    SDL_RendererInfo info;
    if (SDL_GetRendererInfo(k.sdl, &info) == 0)
        renderer_suffix(info.name, suffix, sizeof suffix);
    count.presents = 0;
    run_frames(&k, frames, ms, 0);
    for (int i = 0; i < frames; i++)
        if (ms[i] >= 0.0)
            drawn[n++] = ms[i];
    run_frames(&k, frames / 4, full, 1);
    kiosk_close(&k);
    char key[128];
    snprintf(key, sizeof key, "breath_frame_ms_p99_%s%s", size, suffix);
    figure(key, quantile(drawn, n, 0.99));
    snprintf(key, sizeof key, "breath_frame_ms_median_%s%s", size, suffix);
    figure(key, quantile(drawn, n, 0.5));
    snprintf(key, sizeof key, "breath_full_frame_ms_p99_%s%s", size, suffix);
    figure(key, quantile(full, frames / 4, 0.99));
    snprintf(key, sizeof key, "breath_presents_per_s_%s%s", size, suffix);
    figure(key, (double)n * 1000.0 / (16.0 * (double)frames));
    return 0;
}

/* steps CONFIG DB RUNS: what one step costs when it answers an input, on the
 * fake clock, the loop's sleep left out: a signal's release (its durable write,
 * the board and the wash drawn) and a Pause's press. */
/* sound-wake CONFIG DB TRIALS: a signal tapped after a silence long enough for the
 * sound device to rest (closed); the time from the release to the first audible
 * sample the device is given (SDL's dummy driver, which pulls in real time as a
 * sound card does). The device's own latency comes on top on real hardware. */
typedef struct {
    Kiosk *k;
    int trials;
    float x, y;
    SDL_atomic_t waiting; /* a release was pushed: the next audible buffer ends the trial */
    int64_t pushed_ns, heard_ns;
    double ms[MAX_SAMPLES];
    int count, rested, missed;
} Wake;

static void wake_heard(void *ctx, const int16_t *frames, int count)
{
    Wake *w = ctx;
    if (!SDL_AtomicGet(&w->waiting))
        return;
    for (int i = 0; i < 2 * count; i++)
        if (frames[i] > 32 || frames[i] < -32) { /* above -60 dBFS */
            w->heard_ns = now_ns();
            SDL_AtomicSet(&w->waiting, 0);
            return;
        }
}

static int wake_injector(void *data)
{
    Wake *w = data;
    for (int i = 0; i < w->trials; i++) {
        SDL_Delay(KIOSK_AUDIO_REST_MS + 1500); /* the earcon fades, then the device rests */
        w->rested += audio_resting(w->k->audio);
        push_touch(w->k, SDL_FINGERDOWN, 5000 + i, w->x, w->y);
        SDL_Delay(TAP_HOLD_MS);
        w->heard_ns = 0;
        SDL_AtomicSet(&w->waiting, 1);
        w->pushed_ns = now_ns();
        push_touch(w->k, SDL_FINGERUP, 5000 + i, w->x, w->y);
        while (SDL_AtomicGet(&w->waiting) && now_ns() - w->pushed_ns < 2000000000LL)
            SDL_Delay(1);
        if (SDL_AtomicGet(&w->waiting)) {
            SDL_AtomicSet(&w->waiting, 0);
            w->missed++;
        } else {
            w->ms[w->count++] = (double)(w->heard_ns - w->pushed_ns) / 1e6;
        }
    }
    SDL_Event quit;
    memset(&quit, 0, sizeof quit);
    quit.type = SDL_QUIT;
    SDL_PushEvent(&quit);
    return 0;
}

static int cmd_sound_wake(char **argv)
{
    static Kiosk k;
    static Wake w;
    CliOptions opts;
    if (open_kiosk(&k, &opts, "800x480", argv[0], argv[1], 0) != 0)
        return 1;
    w.k = &k;
    w.trials = atoi(argv[2]);
    int failed = 0;
    for (int i = 0; i < 3; i++)
        kiosk_step(&k, 1); /* the device opens after the first frame */
    failed |= tap_now(&k, "Signals");
    failed |= record_target(&k, "Sam / Slower", &w.x, &w.y);
    if (failed || !k.audio) {
        fprintf(stderr, "bench: no board, or no sound device (SDL_AUDIODRIVER=dummy?)\n");
        kiosk_close(&k);
        return 1;
    }
    audio_set_heard(k.audio, wake_heard, &w);
    SDL_Thread *thread = SDL_CreateThread(wake_injector, "bench-wake", &w);
    if (!thread) {
        kiosk_close(&k);
        return 1;
    }
    kiosk_run(&k);
    SDL_WaitThread(thread, NULL);
    audio_set_heard(k.audio, NULL, NULL);
    kiosk_close(&k);
    if (w.rested == 0 || w.missed) {
        fprintf(stderr, "bench: %d of %d trials found the device resting, %d heard nothing\n",
                w.rested, w.trials, w.missed);
        return 1;
    }
    figure_spread("sound_wake_ms", w.ms, w.count);
    return 0;
}

static int cmd_steps(char **argv)
{
    static Kiosk k;
    CliOptions opts;
    int runs = atoi(argv[2]);
    if (runs > MAX_SAMPLES)
        runs = MAX_SAMPLES;
    if (open_kiosk(&k, &opts, "800x480", argv[0], argv[1], 1) != 0)
        return 1;
    kiosk_step(&k, 1);
    static double tap[MAX_SAMPLES], pause[MAX_SAMPLES];
    static const char *const labels[TAP_TARGETS] = {"Sam / Slower", "Alex / Keep going",
                                                    "Sam / Check in", "Alex / Tired"};
    if (tap_now(&k, "Signals") != 0)
        return 1;
    for (int i = 0; i < runs; i++) {
        int x, y;
        if (target_centre(&k, labels[i % TAP_TARGETS], &x, &y) != 0)
            return 1;
        AppInput in = {0};
        in.kind = APP_INPUT_PRESS;
        in.x = x;
        in.y = y;
        kiosk_input(&k, &in);
        kiosk_step(&k, 1);
        clock_advance(&k.clock, 80);
        in.kind = APP_INPUT_RELEASE;
        kiosk_input(&k, &in);
        int64_t t0 = now_ns();
        kiosk_step(&k, 1);
        tap[i] = (double)(now_ns() - t0) / 1e6;
        for (int f = 0; f < 2100 / 16; f++) { /* the wash fades */
            clock_advance(&k.clock, 16);
            kiosk_step(&k, 0);
        }
        kiosk_step(&k, 1);
        if (target_centre(&k, "Alex / Pause", &x, &y) != 0)
            return 1;
        in.kind = APP_INPUT_PRESS;
        in.x = x;
        in.y = y;
        kiosk_input(&k, &in);
        t0 = now_ns();
        kiosk_step(&k, 1);
        pause[i] = (double)(now_ns() - t0) / 1e6;
        clock_advance(&k.clock, 80);
        in.kind = APP_INPUT_RELEASE;
        kiosk_input(&k, &in);
        kiosk_step(&k, 1);
        if (tap_now(&k, "Sam / I'm ready") != 0 || tap_now(&k, "Alex / I'm ready") != 0)
            return 1;
        for (int f = 0; f < 1300 / 16; f++) {
            clock_advance(&k.clock, 16);
            kiosk_step(&k, 0);
        }
        kiosk_step(&k, 1);
    }
    kiosk_close(&k);
    figure_spread("tap_step_ms", tap, runs);
    figure_spread("pause_step_ms", pause, runs);
    return 0;
}

/* The target's pixels, ARGB8888, into buf (w × h). */
static int read_pixels(Kiosk *k, Uint32 *buf)
{
    return SDL_RenderReadPixels(k->sdl, NULL, SDL_PIXELFORMAT_ARGB8888, buf, k->win_w * 4);
}

/* Draws the current frame as the loop would (only what changed), then again
 * whole, and counts the pixels that differ. */
static long compare_partial(Kiosk *k, Uint32 *a, Uint32 *b)
{
    kiosk_draw(k);
    if (read_pixels(k, a) != 0)
        return -1;
    uint64_t hash = k->presented_hash;
    k->presented_hash = 0;
    kiosk_draw(k);
    k->presented_hash = hash;
    if (read_pixels(k, b) != 0)
        return -1;
    long differ = 0;
    for (long i = 0; i < (long)k->win_w * k->win_h; i++) {
        /* SDL's blitters round a pixel differently in a narrower blit (a SIMD
         * body or a plain tail), once per blended layer over it: a few levels
         * either way is the same picture; a command left out is not. */
        int most = 0;
        for (int shift = 0; shift < 32; shift += 8) {
            int d = abs((int)((a[i] >> shift) & 255) - (int)((b[i] >> shift) & 255));
            most = d > most ? d : most;
        }
        if (most > 4 && differ++ == 0)
            fprintf(stderr, "verify: at %ld,%ld: %08x drawn in part, %08x whole (screen %s)\n",
                    i % k->win_w, i / k->win_w, (unsigned)a[i], (unsigned)b[i],
                    screen_name(app_screen(k->app)));
    }
    return differ;
}

/* verify CONFIG DB: drawing only what changed gives the same pixels as drawing
 * everything, frame after frame of the breathing screen and the signal board.
 * A check, not a measure: exits 1 on any difference. */
static int cmd_verify(char **argv)
{
    static Kiosk k;
    CliOptions opts;
    char path[1100];
    static const char *const suffix[3] = {"", "-wal", "-shm"};
    for (int i = 0; i < 3; i++) { /* a journal of its own: the same screens every run */
        snprintf(path, sizeof path, "%s%s", argv[1], suffix[i]);
        unlink(path);
    }
    if (open_kiosk(&k, &opts, "800x480", argv[0], argv[1], 1) != 0)
        return 1;
    Uint32 *a = malloc(sizeof *a * 800 * 480), *b = malloc(sizeof *b * 800 * 480);
    long differ = 0;
    int frames = 0;
    kiosk_step(&k, 1);
    if (!a || !b || tap_now(&k, "Breathe") != 0 || tap_now(&k, "Start") != 0)
        return 1;
    for (int i = 0; i < 900 && differ == 0; i++) { /* the countdown and two breaths */
        clock_advance(&k.clock, 16);
        kiosk_step(&k, 0);
        if (i % 3 == 0) {
            differ = compare_partial(&k, a, b);
            frames++;
        }
    }
    if (differ == 0 && (tap_now(&k, "End") != 0 || tap_now(&k, "Home") != 0 ||
                        tap_now(&k, "Signals") != 0 || tap_now(&k, "Sam / Slower") != 0))
        return 1;
    for (int i = 0; i < 160 && differ == 0; i++) { /* the wash, and its fade */
        clock_advance(&k.clock, 16);
        kiosk_step(&k, 0);
        if (i % 2 == 0) {
            differ = compare_partial(&k, a, b);
            frames++;
        }
    }
    kiosk_close(&k);
    free(a);
    free(b);
    printf("verify: %d frames drawn in part and whole, %ld pixels differ by more than 4 levels\n",
           frames, differ);
    return differ == 0 ? 0 : 1;
}

static int cmd_store(char **argv)
{
    const char *db = argv[0], *insert_db = argv[1];
    int64_t now_ms = strtoll(argv[2], NULL, 10);
    char err[256];
    StoreStatus status;
    Store *store = store_open(db, &status, err, sizeof err);
    if (!store) {
        fprintf(stderr, "bench: %s\n", err);
        return 1;
    }
    static double v[MAX_SAMPLES];
    static JournalItem items[JOURNAL_PAGE * 2];
    int count = 0;
    /* The journal screen's first fetch: two pages from the newest. */
    for (int i = 0; i < 300; i++) {
        int64_t t0 = now_ns();
        if (store_timeline_page(store, NULL, 0, TIMELINE_ALL, items, JOURNAL_PAGE * 2, &count) !=
                STORE_OK ||
            count != JOURNAL_PAGE * 2) {
            fprintf(stderr, "bench: timeline: %s\n", store_error(store));
            return 1;
        }
        v[i] = (double)(now_ns() - t0) / 1e6;
    }
    figure("timeline_ms_10y", quantile(v, 300, 0.5));
    figure("timeline_ms_10y_p99", quantile(v, 300, 0.99));
    static Insights in;
    for (int i = 0; i < 60; i++) {
        int64_t t0 = now_ns();
        if (store_insights(store, 12, now_ms, 0, &in) != STORE_OK || in.entries == 0) {
            fprintf(stderr, "bench: insights: %s\n", store_error(store));
            return 1;
        }
        v[i] = (double)(now_ns() - t0) / 1e6;
    }
    figure("insights_ms_10y", quantile(v, 60, 0.5));
    figure("insights_ms_10y_p99", quantile(v, 60, 0.99));
    figure("events_10y", (double)store_event_count(store));
    store_close(store);

    store = store_open(insert_db, &status, err, sizeof err);
    if (!store) {
        fprintf(stderr, "bench: %s\n", err);
        return 1;
    }
    enum { INSERTS = 300 };
    for (int i = 0; i < INSERTS; i++) {
        LogEvent ev;
        event_init(&ev, EVENT_SIGNAL);
        ev.time_ms = now_ms + i * 1000;
        ev.partner = 1 + i % 2;
        snprintf(ev.partner_name, sizeof ev.partner_name, "%s", i % 2 ? "Sam" : "Alex");
        snprintf(ev.name, sizeof ev.name, "slower");
        snprintf(ev.label, sizeof ev.label, "Slower");
        int64_t t0 = now_ns();
        if (store_log(store, &ev) != STORE_OK) {
            fprintf(stderr, "bench: insert: %s\n", store_error(store));
            return 1;
        }
        v[i] = (double)(now_ns() - t0) / 1e6;
    }
    store_close(store);
    figure("insert_ms_median", quantile(v, INSERTS, 0.5));
    figure("insert_ms_p99", quantile(v, INSERTS, 0.99));
    return 0;
}

static int usage(void)
{
    fprintf(stderr, "usage: bench first-frame LULL CONFIG DB RUNS\n"
                    "       bench cpu NAME LULL CONFIG DIR SECONDS RUNS SOUND PREFIX\n"
                    "       bench latency CONFIG DB TAPS PAUSES [locked]\n"
                    "       bench breath WxH CONFIG DB FRAMES [callgrind]\n"
                    "       bench steps CONFIG DB RUNS\n"
                    "       bench sound-wake CONFIG DB TRIALS\n"
                    "       bench verify CONFIG DB\n"
                    "       bench store DB INSERT_DB NOW_MS\n");
    return 2;
}

int main(int argc, char **argv)
{
    if (argc < 2)
        return usage();
    const char *cmd = argv[1];
    int n = argc - 2;
    char **a = argv + 2;
    if (strcmp(cmd, "first-frame") == 0 && n == 4)
        return cmd_first_frame(a);
    if (strcmp(cmd, "cpu") == 0 && n == 8)
        return cmd_cpu(a);
    if (strcmp(cmd, "latency") == 0 && (n == 4 || n == 5))
        return cmd_latency(a);
    if (strcmp(cmd, "breath") == 0 && (n == 4 || n == 5))
        return cmd_breath(a);
    if (strcmp(cmd, "verify") == 0 && n == 2)
        return cmd_verify(a);
    if (strcmp(cmd, "sound-wake") == 0 && n == 3)
        return cmd_sound_wake(a);
    if (strcmp(cmd, "steps") == 0 && n == 3)
        return cmd_steps(a);
    if (strcmp(cmd, "store") == 0 && n == 3)
        return cmd_store(a);
    return usage();
}
