/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Point 1 of the hardening: the real program, on a script that sends
 * signals, pauses, resumes, stops and writes journal entries, is killed with
 * SIGKILL at random moments, again and again on the same database. After
 * every kill: PRAGMA integrity_check is ok, every write the app had
 * acknowledged is there (and nothing that was never asked for), and the next
 * start is where the last one was (a paused session is still paused, by the
 * same partner). The journal and its -wal and -shm are 0600 whenever it stops.
 *
 * "Acknowledged": the script prints a dump after each command that writes;
 * the app commits before it builds the frame the dump reads, so a dump that
 * reached this driver means the write before it was committed. Its fsync comes
 * after the frame, on a thread: every third run makes each fsync take 200 ms
 * (LULL_TEST_SLOW_SYNC_MS) and most kills land right after a dump, inside that
 * moment; a killed process loses nothing the system has, so the write is there.
 *
 *   crashtest LULL CONFIG WORKDIR [KILLS] [SEED]
 * SEED defaults to the time (printed, so a failure can be replayed). */
#include <errno.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "proc.h"

enum { MAX_EVENTS = 20000, MAX_CMDS = 400, OUT_MAX = 1 << 20, FIELD = 96 };

typedef struct {
    char kind[16];
    int partner;
    char name[32];
    char note[FIELD];
} Ev;

typedef struct {
    Ev ev[MAX_EVENTS];
    int count;
} Events;

/* The session as the last committed events leave it. */
typedef struct {
    int state; /* 0 none, 1 active, 2 paused */
    int paused_by;
    int ready[2];
} Model;

typedef struct {
    char *text; /* the script */
    size_t len, cap;
    int cmds;            /* commands that write, each followed by a dump */
    int after[MAX_CMDS]; /* expected events committed once dump i was read */
} Script;

static unsigned long long rng_state;

static unsigned rnd(unsigned n)
{
    rng_state = rng_state * 6364136223846793005ull + 1442695040888963407ull;
    return n ? (unsigned)((rng_state >> 33) % n) : 0;
}

static void pause_us(unsigned us)
{
    struct timespec ts = {0, (long)us * 1000L};
    nanosleep(&ts, NULL);
}

static void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

static void die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("crashtest: FAIL: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(1);
}

static void say(Script *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void say(Script *s, const char *fmt, ...)
{
    char line[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= sizeof line)
        die("script line too long");
    if (s->len + (size_t)n + 2 > s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 8192;
        char *bigger = realloc(s->text, cap);
        if (!bigger)
            die("out of memory");
        s->text = bigger;
        s->cap = cap;
    }
    memcpy(s->text + s->len, line, (size_t)n);
    s->len += (size_t)n;
    s->text[s->len++] = '\n';
    s->text[s->len] = '\0';
}

static void expect_event(Events *e, const char *kind, int partner, const char *name,
                         const char *note)
{
    if (e->count >= MAX_EVENTS)
        die("too many events");
    Ev *ev = &e->ev[e->count++];
    snprintf(ev->kind, sizeof ev->kind, "%s", kind);
    ev->partner = partner;
    snprintf(ev->name, sizeof ev->name, "%s", name);
    snprintf(ev->note, sizeof ev->note, "%s", note ? note : "");
}

/* A command that wrote: the dump after it acknowledges everything so far. */
static void acknowledge(Script *s, const Events *e)
{
    if (s->cmds >= MAX_CMDS)
        die("script too long");
    say(s, "dump");
    s->after[s->cmds++] = e->count;
    say(s, "wait 600"); /* a repeat within half a second counts once */
}

static const char *const names[2] = {"Alex", "Sam"};
static const struct {
    const char *label, *id;
} signals[] = {
    {"Keep going", "good"}, {"Slower", "slower"}, {"Check in", "check_in"},
    {"Pain", "pain"},       {"Tired", "tired"},
};

/* Writes one run's script from the model; e gets the events it will log. */
static void make_script(Script *s, Model m, Events *e, int run, int steps)
{
    s->len = 0;
    s->cmds = 0;
    if (s->text)
        s->text[0] = '\0';
    /* Where the last run left off. */
    if (m.state == 2) {
        say(s, "expect screen paused");
        say(s, "expect text \"%s paused\"", names[m.paused_by - 1]);
    } else {
        say(s, "expect screen home");
    }
    int screen = m.state == 2 ? 2 : 0; /* 0 home, 1 board, 2 paused */
    for (int step = 0; step < steps; step++) {
        if (screen == 2) {
            int p = (int)rnd(2);
            if (rnd(12) == 0) {
                say(s, "tap \"Stop for today\"");
                expect_event(e, "signal", m.paused_by, "stop", NULL);
                acknowledge(s, e);
                m.state = 0;
                say(s, "tap \"Home\"");
                screen = 0;
                continue;
            }
            say(s, "tap \"%s / I'm ready\"", names[p]);
            if (m.ready[p]) {
                m.ready[p] = 0;
                expect_event(e, "signal", p + 1, "not_ready", NULL);
            } else if (m.ready[1 - p]) {
                expect_event(e, "signal", p + 1, "ready", NULL);
                expect_event(e, "signal", 3, "resume", NULL);
                m.state = 1;
                m.ready[0] = m.ready[1] = 0;
                screen = 1;
                say(s, "wait 1500");
            } else {
                m.ready[p] = 1;
                expect_event(e, "signal", p + 1, "ready", NULL);
            }
            acknowledge(s, e);
            continue;
        }
        if (screen == 0) {
            if (m.state != 2 && rnd(6) == 0) {
                /* A journal entry, its note unique to find it again. */
                char note[FIELD];
                snprintf(note, sizeof note, "run %d step %d, gentle and warm", run, step);
                int who = (int)rnd(3);
                say(s, "tap \"Journal\"");
                say(s, "tap \"New entry\"");
                say(s, "tap \"Who / %s\"", who == 2 ? "Together" : names[who]);
                for (int k = 0; k < 3; k++)
                    say(s, "tap \"Next\"");
                say(s, "tap \"Note\"");
                say(s, "type \"%s\"", note);
                say(s, "tap \"Done\"");
                say(s, "tap \"Save\"");
                expect_event(e, "entry", who == 2 ? 3 : who + 1, "entry", note);
                say(s, "expect screen journal");
                acknowledge(s, e);
                say(s, "tap \"Home\"");
                continue;
            }
            say(s, "tap \"Signals\"");
            screen = 1;
            continue;
        }
        /* the board */
        int p = (int)rnd(2);
        unsigned pick = rnd(10);
        if (pick == 0) {
            say(s, "tap \"%s / Pause\"", names[p]);
            expect_event(e, "signal", p + 1, "pause", NULL);
            acknowledge(s, e);
            m.state = 2;
            m.paused_by = p + 1;
            m.ready[0] = m.ready[1] = 0;
            screen = 2;
        } else if (pick == 1) {
            say(s, "tap \"%s / Stop for today\"", names[p]);
            expect_event(e, "signal", p + 1, "stop", NULL);
            acknowledge(s, e);
            m.state = 0;
            say(s, "tap \"Home\"");
            screen = 0;
        } else if (pick == 2) {
            say(s, "tap \"Home\"");
            screen = 0;
        } else {
            int which = (int)rnd(sizeof signals / sizeof signals[0]);
            say(s, "tap \"%s / %s\"", names[p], signals[which].label);
            expect_event(e, "signal", p + 1, signals[which].id, NULL);
            acknowledge(s, e);
            say(s, "tap \"Dismiss\""); /* the wash over the board */
            m.state = 1;
        }
    }
    say(s, "quit");
}

static sqlite3 *open_db(const char *path)
{
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
        die("cannot open %s: %s", path, db ? sqlite3_errmsg(db) : "?");
    sqlite3_busy_timeout(db, 2000);
    return db;
}

static void check_integrity(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return; /* killed before the file was made */
    sqlite3 *db = open_db(path);
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &stmt, NULL) != SQLITE_OK)
        die("integrity_check: %s", sqlite3_errmsg(db));
    int rc = sqlite3_step(stmt);
    const char *verdict = rc == SQLITE_ROW ? (const char *)sqlite3_column_text(stmt, 0) : NULL;
    if (!verdict || strcmp(verdict, "ok") != 0)
        die("PRAGMA integrity_check says: %s", verdict ? verdict : sqlite3_errmsg(db));
    sqlite3_finalize(stmt);
    sqlite3_close(db);
}

/* The journal and the files SQLite keeps beside it mid-run (-wal, -shm)
 * are readable by their owner only, whatever the moment of the kill. */
static void check_modes(const char *db)
{
    static const char *const sides[] = {"", "-wal", "-shm", "-journal"};
    for (size_t i = 0; i < sizeof sides / sizeof sides[0]; i++) {
        char name[1100];
        struct stat st;
        snprintf(name, sizeof name, "%s%s", db, sides[i]);
        if (stat(name, &st) == 0 && (st.st_mode & 0777) != 0600)
            die("%s has mode %o, not 600", name, (unsigned)(st.st_mode & 0777));
    }
}

/* The events table, oldest first; 0 events when there is no table yet. */
static void read_events(const char *path, Events *out)
{
    out->count = 0;
    struct stat st;
    if (stat(path, &st) != 0)
        return;
    sqlite3 *db = open_db(path);
    sqlite3_stmt *stmt = NULL;
    int rc = sqlite3_prepare_v2(db,
                                "SELECT kind, partner, name, coalesce(note, '') FROM events "
                                "WHERE deleted_ms IS NULL ORDER BY id",
                                -1, &stmt, NULL);
    if (rc != SQLITE_OK) {
        if (strstr(sqlite3_errmsg(db), "no such table")) {
            sqlite3_close(db);
            return;
        }
        die("reading events: %s", sqlite3_errmsg(db));
    }
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        if (out->count >= MAX_EVENTS)
            die("too many events in the database");
        Ev *ev = &out->ev[out->count++];
        snprintf(ev->kind, sizeof ev->kind, "%s", (const char *)sqlite3_column_text(stmt, 0));
        ev->partner = sqlite3_column_int(stmt, 1);
        snprintf(ev->name, sizeof ev->name, "%s", (const char *)sqlite3_column_text(stmt, 2));
        snprintf(ev->note, sizeof ev->note, "%s", (const char *)sqlite3_column_text(stmt, 3));
    }
    if (rc != SQLITE_DONE)
        die("reading events: %s", sqlite3_errmsg(db));
    sqlite3_finalize(stmt);
    sqlite3_close(db);
}

static int same(const Ev *a, const Ev *b)
{
    return strcmp(a->kind, b->kind) == 0 && a->partner == b->partner &&
           strcmp(a->name, b->name) == 0 && strcmp(a->note, b->note) == 0;
}

/* The session state the committed signal events leave. */
static Model model_from(const Events *e)
{
    Model m = {0, 0, {0, 0}};
    for (int i = 0; i < e->count; i++) {
        const Ev *ev = &e->ev[i];
        if (strcmp(ev->kind, "signal") != 0)
            continue;
        int p = ev->partner == 1 || ev->partner == 2 ? ev->partner - 1 : -1;
        if (strcmp(ev->name, "pause") == 0) {
            if (m.state != 2) {
                m.state = 2;
                m.paused_by = p + 1;
                m.ready[0] = m.ready[1] = 0;
            }
        } else if (strcmp(ev->name, "ready") == 0 && p >= 0) {
            m.ready[p] = 1;
        } else if (strcmp(ev->name, "not_ready") == 0 && p >= 0) {
            m.ready[p] = 0;
        } else if (strcmp(ev->name, "resume") == 0) {
            m.state = 1;
            m.ready[0] = m.ready[1] = 0;
        } else if (strcmp(ev->name, "stop") == 0) {
            m = (Model){0, 0, {0, 0}};
        } else if (m.state != 2) {
            m.state = 1;
        }
    }
    return m;
}

/* Counts the dumps in the complete lines of buf (one "Home" target each:
 * every screen a write leaves on has it), keeping a partial last line. */
static int take_lines(char *buf, size_t *len)
{
    int n = 0;
    char *line = buf, *nl;
    while ((nl = memchr(line, '\n', (size_t)(buf + *len - line))) != NULL) {
        if (strncmp(line, "\"Home\" ", 7) == 0)
            n++;
        line = nl + 1;
    }
    size_t rest = (size_t)(buf + *len - line);
    memmove(buf, line, rest);
    *len = rest;
    buf[rest] = '\0';
    return n;
}

static void show_file(const char *path)
{
    char *text = proc_slurp(path, NULL);
    if (text) {
        fprintf(stderr, "---- %s\n%s----\n", path, text);
        free(text);
    }
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: crashtest LULL CONFIG WORKDIR [KILLS] [SEED]\n");
        return 2;
    }
    const char *lull = argv[1], *config = argv[2], *work = argv[3];
    int kills_wanted = argc > 4 ? atoi(argv[4]) : 60;
    unsigned long long seed = (unsigned long long)time(NULL) ^ (unsigned long long)getpid();
    if (argc > 5)
        seed = strtoull(argv[5], NULL, 10);
    rng_state = seed;
    printf("crashtest: seed %llu (replay: crashtest ... %d %llu)\n", seed, kills_wanted, seed);
    fflush(stdout);

    char db[1024], script_path[1024], err_path[1024], data[1024];
    snprintf(db, sizeof db, "%s/lull.db", work);
    snprintf(script_path, sizeof script_path, "%s/run.lull", work);
    snprintf(err_path, sizeof err_path, "%s/stderr.txt", work);
    snprintf(data, sizeof data, "%s/data", work);
    /* A fresh journal: the model starts from nothing. The folder and its
     * parents may not exist yet in a new build tree. */
    proc_mkdirs(work);
    static const char *const leftovers[] = {"", "-wal", "-shm", "-journal"};
    for (size_t i = 0; i < sizeof leftovers / sizeof leftovers[0]; i++) {
        char name[1100];
        snprintf(name, sizeof name, "%s%s", db, leftovers[i]);
        unlink(name);
    }
    setenv("SDL_AUDIODRIVER", "dummy", 1);
    setenv("TZ", "UTC", 1);
    setenv("LANG", "C.UTF-8", 1);
    setenv("XDG_DATA_HOME", data, 1);
    setenv("XDG_CONFIG_HOME", data, 1);

    static Events expected, found, planned;
    Script script = {0};
    char *out = malloc(OUT_MAX);
    if (!out)
        die("out of memory");
    int kills = 0, clean = 0, acked_total = 0, lost_total = 0, run = 0;
    long long started = proc_now_ms();
    for (run = 0; kills < kills_wanted || run < kills_wanted; run++) {
        if (run > 4 * kills_wanted)
            die("only %d of %d runs were killed before they ended", kills, run);
        int last = kills >= kills_wanted; /* a last run, not killed, to check the end state */
        read_events(db, &found);
        Model m = model_from(&found);
        planned = expected;
        make_script(&script, m, &planned, run, 6 + (int)rnd(40));
        FILE *f = fopen(script_path, "w");
        if (!f || fputs(script.text, f) < 0 || fclose(f) != 0)
            die("cannot write %s", script_path);
        /* Each run starts a minute after the one before, on the virtual clock
         * (at most 4 × KILLS runs: from noon on, within the day). */
        char clock[64];
        snprintf(clock, sizeof clock, "--clock=fake=2026-01-05T%02d:%02d", 12 + run / 60 % 12,
                 run % 60);
        char *args[] = {(char *)lull, "--headless",   clock,      "--db",      db,
                        "--config",   (char *)config, "--script", script_path, NULL};
        /* Every third run on a slow card (each fsync 200 ms): a kill after a
         * dump lands between the frame that showed a write and its fsync. */
        if (run % 3 == 2)
            setenv("LULL_TEST_SLOW_SYNC_MS", "200", 1);
        else
            unsetenv("LULL_TEST_SLOW_SYNC_MS");
        int fd = -1;
        pid_t pid = proc_start(args, &fd, err_path);
        if (pid < 0)
            die("cannot start %s: %s", lull, strerror(errno));
        /* When to kill: during start-up now and then, else after some dumps
         * plus a few microseconds, so that kills land inside writes. */
        int target = -1;
        long long kill_at = -1;
        if (!last) {
            if (rnd(5) == 0)
                kill_at = proc_now_ms() + (long long)rnd(250);
            else
                target = (int)rnd((unsigned)script.cmds + 1);
        }
        size_t len = 0;
        int markers = 0, eof = 0;
        out[0] = '\0';
        while (!eof) {
            if (target >= 0 && markers >= target)
                break;
            if (kill_at >= 0 && proc_now_ms() >= kill_at)
                break;
            long got = proc_read(fd, out, OUT_MAX, &len, 5);
            if (got == 0)
                eof = 1;
            markers += take_lines(out, &len);
        }
        if (!eof) {
            /* Now and then at once: the write is shown and committed, its
             * fsync (200 ms on the slow runs) still to come. */
            if (target >= 0 && rnd(3) != 0)
                pause_us(rnd(3000));
            kill(pid, SIGKILL);
        }
        /* Only what reached us before the kill counts as acknowledged. */
        close(fd);
        int status = 0;
        if (waitpid(pid, &status, 0) != pid)
            die("waitpid: %s", strerror(errno));
        if (WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) {
            kills++;
        } else if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
            clean++;
        } else {
            show_file(script_path);
            show_file(err_path);
            die("run %d ended with status %d (not killed): see its script and stderr above", run,
                status);
        }
        if (markers > script.cmds)
            die("run %d: %d dumps for %d writes", run, markers, script.cmds);
        int acked = markers > 0 ? script.after[markers - 1] : expected.count;

        check_integrity(db);
        check_modes(db);
        read_events(db, &found);
        /* Everything acknowledged is there; anything more is only what the
         * script went on to write (never an event it did not ask for). */
        if (found.count < acked) {
            show_file(script_path);
            die("run %d: %d events acknowledged, only %d in the database", run, acked, found.count);
        }
        if (found.count > planned.count)
            die("run %d: %d events in the database, the script asked for %d", run, found.count,
                planned.count);
        for (int i = 0; i < found.count; i++) {
            if (!same(&found.ev[i], &planned.ev[i])) {
                show_file(script_path);
                die("run %d: event %d is %s/%d/%s/\"%s\", expected %s/%d/%s/\"%s\"", run, i + 1,
                    found.ev[i].kind, found.ev[i].partner, found.ev[i].name, found.ev[i].note,
                    planned.ev[i].kind, planned.ev[i].partner, planned.ev[i].name,
                    planned.ev[i].note);
            }
        }
        acked_total += acked - expected.count > 0 ? acked - expected.count : 0;
        lost_total += planned.count - found.count;
        expected = found; /* what was not acknowledged and not written is gone, rightly */
        if (last && WIFEXITED(status))
            break;
    }
    printf("crashtest: %d runs, %d killed, %d ended by themselves; %d writes acknowledged, "
           "%d events in the end (%d unacknowledged writes lost to kills), %.1f s\n",
           run + 1, kills, clean, acked_total, expected.count, lost_total,
           (double)(proc_now_ms() - started) / 1000.0);
    if (kills < kills_wanted)
        die("only %d kills", kills);
    if (acked_total < kills_wanted)
        die("too few acknowledged writes (%d) for the test to mean much", acked_total);
    free(out);
    free(script.text);
    return 0;
}
