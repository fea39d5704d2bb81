/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Point 7: a soak. The real program runs HOURS of virtual time (24 by
 * default): a third breathing (open-ended), a third on the signal board (a
 * signal every few minutes, a pause and both readies every hour), a third
 * left alone (the screen dims to its faint clock). It draws a frame every
 * two virtual minutes (a screenshot: on the fake clock nothing else renders), so
 * the renderer and its text caches work as on a real screen, and every
 * quarter of an hour this driver reads the program's resident memory (VmRSS).
 * Those caches are bounded (384 strings, 6 MB of textures) but fill slowly at
 * one frame in two minutes — a real screen fills them in minutes — so memory
 * may rise while breathing (a new elapsed time on every frame) up to that
 * bound. The checks:
 *   - the signal board and the dim clock are flat after their first two
 *     hours: their last two hours no more than LIMIT_KB above the two after;
 *   - the whole run, after its first hour, never rises more than the caches'
 *     bound (6 MB, and a quarter more for the allocator) and LIMIT_KB more.
 *   soak LULL CONFIG WORKDIR [HOURS] [LIMIT_KB] */
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "proc.h"

/* The text textures' bound (6 MB, src/platform/text.c) with what the allocator
 * keeps around a cache of large blocks churned for hours (a quarter more,
 * measured). */
enum { QUARTER_MS = 15 * 60 * 1000, MAX_SAMPLES = 4096, CACHES_KB = 6 * 1024 * 5 / 4 };

static void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

static void die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("soak: FAIL: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(1);
}

static long rss_kb(pid_t pid)
{
    char path[64], line[256];
    snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    long kb = -1;
    while (fgets(line, sizeof line, f))
        if (sscanf(line, "VmRSS: %ld kB", &kb) == 1)
            break;
    fclose(f);
    return kb;
}

static int shot = 0;

/* A quarter of an hour: a frame every two minutes or so, the last one a sample. */
static void quarter(FILE *s, int wait_ms)
{
    for (int m = 0; m < 7; m++)
        fprintf(s, "wait %d\nscreenshot frame\n", wait_ms / 8);
    fprintf(s, "wait %d\nscreenshot soak-%04d\n", wait_ms - 7 * (wait_ms / 8), shot++);
}

static long median(long *v, int n)
{
    for (int i = 1; i < n; i++)
        for (int k = i; k > 0 && v[k - 1] > v[k]; k--) {
            long t = v[k];
            v[k] = v[k - 1];
            v[k - 1] = t;
        }
    return n ? v[n / 2] : 0;
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: soak LULL CONFIG WORKDIR [HOURS] [LIMIT_KB]\n");
        return 2;
    }
    const char *lull = argv[1], *config = argv[2], *work = argv[3];
    int hours = argc > 4 ? atoi(argv[4]) : 24;
    long limit_kb = argc > 5 ? atol(argv[5]) : 4096; /* fonts, heap and the rest */
    if (hours < 3)
        hours = 3;
    char script_path[1024], shots[1024], db[1024], err_path[1024];
    proc_mkdirs(work);
    snprintf(script_path, sizeof script_path, "%s/soak.lull", work);
    snprintf(shots, sizeof shots, "%s/shots", work);
    snprintf(db, sizeof db, "%s/lull.db", work);
    snprintf(err_path, sizeof err_path, "%s/stderr.txt", work);
    unlink(db);

    FILE *s = fopen(script_path, "w");
    if (!s)
        die("cannot write %s", script_path);
    int third = hours * 4 / 3; /* quarters of an hour in each third */
    fprintf(s, "tap \"Breathe\"\ntap \"Length\"\ntap \"Open-ended\"\ntap \"Sound\"\n"
               "tap \"Ocean\"\ntap \"Done\"\ntap \"Start\"\n");
    for (int q = 0; q < third; q++)
        quarter(s, QUARTER_MS);
    fprintf(s, "expect screen breathe-run\ntap \"End\"\ntap \"Home\"\ntap \"Signals\"\n");
    for (int q = 0; q < third; q++) {
        static const char *const taps[] = {"Sam / Slower", "Alex / Keep going", "Sam / Check in",
                                           "Alex / Tired", "Sam / Keep going"};
        for (int k = 0; k < 3; k++)
            fprintf(s, "tap \"%s\"\nwait 2000\nscreenshot frame\n", taps[(q * 3 + k) % 5]);
        if (q % 4 == 3)
            fprintf(s, "tap \"Alex / Pause\"\ntap \"Alex / I'm ready\"\ntap \"Sam / I'm ready\"\n"
                       "wait 1500\nexpect screen signals\n");
        quarter(s, QUARTER_MS - 10000);
    }
    fprintf(s, "tap \"Sam / Stop for today\"\ntap \"Home\"\n");
    for (int q = 0; q < third; q++)
        quarter(s, QUARTER_MS);
    fprintf(s, "expect screen dim\nquit\n");
    if (fclose(s) != 0)
        die("cannot write %s", script_path);

    char *args[] = {(char *)lull, "--headless",   "--clock",  "fake",      "--db",          db,
                    "--config",   (char *)config, "--script", script_path, "--screenshots", shots,
                    NULL};
    long long started = proc_now_ms();
    pid_t pid = proc_start(args, NULL, err_path);
    if (pid < 0)
        die("cannot start %s: %s", lull, strerror(errno));
    static long rss[MAX_SAMPLES];
    int seen = 0, status = 0;
    for (;;) {
        char name[1200];
        snprintf(name, sizeof name, "%s/soak-%04d.png", shots, seen);
        struct stat st;
        if (seen < shot && stat(name, &st) == 0) {
            /* The next file appears only once this one is complete. */
            long kb = rss_kb(pid);
            if (kb > 0 && seen < MAX_SAMPLES)
                rss[seen] = kb;
            if (seen > 0) {
                char old[1200];
                snprintf(old, sizeof old, "%s/soak-%04d.png", shots, seen - 1);
                unlink(old);
            }
            seen++;
            continue;
        }
        pid_t done = waitpid(pid, &status, WNOHANG);
        if (done == pid)
            break;
        if (proc_now_ms() - started > 600000) {
            kill(pid, SIGKILL);
            die("the soak took more than ten minutes");
        }
        struct timespec ts = {0, 2000000};
        nanosleep(&ts, NULL);
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        char *err = proc_slurp(err_path, NULL);
        die("lull ended with status %d:\n%s", status, err ? err : "");
    }
    /* Per third: skip its first two hours, then compare the two hours after
     * that with its last two. */
    int n = seen < MAX_SAMPLES ? seen : MAX_SAMPLES;
    if (n < 3 * third - 1)
        die("only %d memory samples of %d", n, 3 * third);
    static const char *const names[3] = {"breathing", "signals", "dim clock"};
    int failed = 0;
    for (int phase = 0; phase < 3; phase++) {
        int begin = phase * third + 8, end = phase * third + third;
        if (end > n)
            end = n;
        if (end - begin < 16)
            die("the %s third is too short to judge", names[phase]);
        long early[8], late[8];
        memcpy(early, rss + begin, sizeof early);
        memcpy(late, rss + end - 8, sizeof late);
        long a = median(early, 8), b = median(late, 8);
        printf("soak: %-9s resident %ld kB after its warm-up, %ld kB at its end (%+ld kB)\n",
               names[phase], a, b, b - a);
        if (phase > 0 && b - a > limit_kb)
            failed = 1;
    }
    long base = rss[3], high = 0;
    for (int i = 4; i < n; i++)
        high = rss[i] > high ? rss[i] : high;
    printf("soak: after the first hour %ld kB, the most %ld kB (%+ld kB; the caches may take %d)\n",
           base, high, high - base, CACHES_KB);
    if (high - base > CACHES_KB + limit_kb)
        failed = 1;
    if (getenv("LULL_SOAK_VERBOSE"))
        for (int i = 0; i < n; i++)
            printf("soak: %5.2f h %ld kB\n", (i + 1) / 4.0, rss[i]);
    printf("soak: %d virtual hours in %.1f s, %d samples\n", hours,
           (double)(proc_now_ms() - started) / 1000.0, n);
    if (failed)
        die("memory grew more than the caches' bound allows (limit %ld kB)", limit_kb);
    return 0;
}
