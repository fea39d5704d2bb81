/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Point 2 on a real full disk: the journal on a small tmpfs, in a private
 * mount namespace of this process (nothing outside sees it, and it goes away
 * with us). While the app runs, this driver fills the tmpfs to the last byte,
 * so SQLite gets a real ENOSPC; the app must say "Not saved — storage full",
 * keep the entry on screen, and save everything once the filler is removed.
 * Fails where no tmpfs can be mounted (no CAP_SYS_ADMIN and no user
 * namespaces): the test cannot be done there, and says so.
 *   tmpfsfull LULL CONFIG WORKDIR */
#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ns.h"
#include "proc.h"

enum { OUT_MAX = 1 << 20 };

static void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

static void die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("tmpfsfull: FAIL: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(1);
}

static int write_text(const char *path, const char *text)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        return -1;
    ssize_t n = write(fd, text, strlen(text));
    close(fd);
    return n == (ssize_t)strlen(text) ? 0 : -1;
}

/* Fills the file system holding path until it refuses even one byte. */
static long long fill(const char *path)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        die("cannot create %s: %s", path, strerror(errno));
    static char block[65536];
    memset(block, 0x5A, sizeof block);
    long long total = 0;
    for (size_t chunk = sizeof block; chunk >= 1; chunk /= 2) {
        ssize_t n;
        while ((n = write(fd, block, chunk)) > 0)
            total += n;
        if (n < 0 && errno != ENOSPC)
            die("filling: %s", strerror(errno));
    }
    fsync(fd);
    close(fd);
    return total;
}

static void run_lull(const char *lull, const char *config, const char *db, const char *script,
                     const char *err_path, const char *filler)
{
    char *args[] = {(char *)lull,   "--headless", "--db",         (char *)db, "--config",
                    (char *)config, "--script",   (char *)script, NULL};
    int fd = -1;
    pid_t pid = proc_start(args, filler ? &fd : NULL, err_path);
    if (pid < 0)
        die("cannot start %s", lull);
    if (filler) {
        /* The first dump: fill the disk. The second: make room again. */
        static char out[OUT_MAX];
        size_t len = 0;
        int seen = 0;
        long long started = proc_now_ms();
        while (seen < 2 && proc_now_ms() - started < 60000) {
            long got = proc_read(fd, out, sizeof out, &len, 100);
            if (got == 0)
                break;
            int dumps = 0;
            for (const char *p = out; (p = strstr(p, "\"Pause\" ")) != NULL; p++)
                dumps++;
            while (seen < dumps && seen < 2) {
                if (seen == 0) {
                    long long bytes = fill(filler);
                    printf("tmpfsfull: the disk is full (%lld bytes of filler)\n", bytes);
                } else {
                    unlink(filler);
                    printf("tmpfsfull: room again\n");
                }
                fflush(stdout);
                seen++;
            }
        }
        close(fd);
    }
    int status = 0;
    if (waitpid(pid, &status, 0) != pid)
        die("waitpid: %s", strerror(errno));
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        char *err = proc_slurp(err_path, NULL);
        die("lull %s ended with status %d:\n%s", script, status, err ? err : "");
    }
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: tmpfsfull LULL CONFIG WORKDIR\n");
        return 2;
    }
    const char *lull = argv[1], *config = argv[2], *work = argv[3];
    char mnt[1024], db[1200], filler[1200], script1[1200], script2[1200], err_path[1200];
    snprintf(mnt, sizeof mnt, "%s/mnt", work);
    snprintf(db, sizeof db, "%s/lull.db", mnt);
    snprintf(filler, sizeof filler, "%s/filler", mnt);
    snprintf(script1, sizeof script1, "%s/first.lull", work);
    snprintf(script2, sizeof script2, "%s/second.lull", work);
    snprintf(err_path, sizeof err_path, "%s/stderr.txt", work);
    proc_mkdirs(work);
    mkdir(mnt, 0700);
    if (ns_private_mounts() != 0 || ns_tmpfs(mnt, 2048) != 0) {
        printf("tmpfsfull: FAIL: no tmpfs can be mounted here (%s): run the tests as root, as "
               "CI does\n",
               strerror(errno));
        return 1;
    }
    setenv("SDL_AUDIODRIVER", "dummy", 1);
    setenv("TZ", "UTC", 1);
    setenv("LANG", "C.UTF-8", 1);

    if (write_text(script1, "tap \"Signals\"\ntap \"Sam / Slower\"\nquit\n") != 0)
        die("cannot write %s", script1);
    run_lull(lull, config, db, script1, err_path, NULL);

    /* Real time: the driver fills and empties the disk between the dumps. */
    if (write_text(script2, "tap \"Signals\"\n"
                            "tap \"Alex / Check in\"\n"
                            "expect no-text \"Not saved\"\n"
                            "tap \"Dismiss\"\n"
                            "tap \"Home\"\n"
                            "dump\n"
                            "wait 1500\n"
                            "tap \"Signals\"\n"
                            "tap \"Alex / Keep going\"\n"
                            "expect text \"Not saved — storage full\"\n"
                            "tap \"Dismiss\"\n"
                            "tap \"Home\"\n"
                            "tap \"Journal\"\n"
                            "tap \"New entry\"\n"
                            "tap \"Next\"\n"
                            "tap \"Next\"\n"
                            "tap \"Next\"\n"
                            "tap \"Note\"\n"
                            "type \"warm\"\n"
                            "tap \"Done\"\n"
                            "tap \"Save\"\n"
                            "expect screen entry\n"
                            "expect text \"the storage is full\"\n"
                            "expect text \"warm\"\n"
                            "dump\n"
                            "wait 4000\n"
                            "expect screen journal\n"
                            "expect no-text \"Not saved\"\n"
                            "quit\n") != 0)
        die("cannot write %s", script2);
    run_lull(lull, config, db, script2, err_path, filler);

    sqlite3 *sql = NULL;
    if (sqlite3_open_v2(db, &sql, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
        die("cannot open %s", db);
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v2(sql, "PRAGMA integrity_check", -1, &stmt, NULL) != SQLITE_OK ||
        sqlite3_step(stmt) != SQLITE_ROW ||
        strcmp((const char *)sqlite3_column_text(stmt, 0), "ok") != 0)
        die("integrity_check is not ok");
    sqlite3_finalize(stmt);
    const char *want = "slower,check_in,good,entry:warm,";
    char got[512] = "";
    size_t used = 0;
    if (sqlite3_prepare_v2(sql, "SELECT name, coalesce(note, '') FROM events ORDER BY id", -1,
                           &stmt, NULL) != SQLITE_OK)
        die("reading events: %s", sqlite3_errmsg(sql));
    while (sqlite3_step(stmt) == SQLITE_ROW && used < sizeof got) {
        const char *note = (const char *)sqlite3_column_text(stmt, 1);
        int n = snprintf(got + used, sizeof got - used, "%s%s%s,", sqlite3_column_text(stmt, 0),
                         note[0] ? ":" : "", note);
        if (n > 0)
            used += (size_t)n;
    }
    sqlite3_finalize(stmt);
    sqlite3_close(sql);
    if (strcmp(got, want) != 0)
        die("events %s, expected %s", got, want);
    printf("tmpfsfull: a real ENOSPC was survived; events: %s\n", got);
    return 0;
}
