/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lull: the kiosk, and its command-line tools (export, insights, seed-demo). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "automation.h"
#include "clock.h"
#include "kiosk.h"
#include "lull/cli.h"
#include "lull/store.h"
#include "paths.h"
#include "tools.h"

static int run_export(const CliOptions *opts)
{
    Store *store = tools_open_store(opts, 1);
    if (!store)
        return 2;
    FILE *out = stdout;
    char part[4096] = "";
    if (opts->out_path) {
        /* Written beside its final name, synced, then renamed over it: a cut
         * export never takes that name, and a good one before stays until the
         * new one is whole. 0600: exports hold the couple's words. */
        char dir[4096];
        paths_dirname(opts->out_path, dir, sizeof dir);
        const char *base = strrchr(opts->out_path, '/');
        base = base ? base + 1 : opts->out_path;
        int n = snprintf(part, sizeof part, "%s/.%s.partial-XXXXXX", dir, base);
        int fd = n > 0 && (size_t)n < sizeof part ? mkstemp(part) : -1;
        if (fd >= 0) {
            (void)fcntl(fd, F_SETFD, FD_CLOEXEC);
            (void)fchmod(fd, 0600);
        }
        out = fd >= 0 ? fdopen(fd, "wb") : NULL;
        if (!out) {
            perror(opts->out_path);
            if (fd >= 0) {
                close(fd);
                unlink(part);
            }
            store_close(store);
            return 2;
        }
    }
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    int64_t now_ms = (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
    ExportFormat format = strcmp(opts->format, "json") == 0 ? EXPORT_JSON : EXPORT_CSV;
    StoreStatus status = store_export(store, format, out, now_ms, clock_local_offset(ts.tv_sec));
    int failed = status != STORE_OK;
    if (out != stdout) {
        if (fflush(out) != 0 || fsync(fileno(out)) != 0)
            failed = 1;
        if (fclose(out) != 0)
            failed = 1;
        if (!failed && rename(part, opts->out_path) != 0) {
            perror(opts->out_path);
            failed = 1;
        }
        if (failed) {
            unlink(part);
        } else {
            char dir[4096];
            paths_dirname(opts->out_path, dir, sizeof dir);
            int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
            if (dfd >= 0) {
                (void)fsync(dfd);
                close(dfd);
            }
        }
    } else if (fflush(out) != 0) {
        failed = 1;
    }
    if (failed)
        fprintf(stderr, "lull: export failed: %s\n",
                status == STORE_FULL ? "storage full" : store_error(store));
    store_close(store);
    return failed ? 1 : 0;
}

static int run_kiosk(const CliOptions *opts)
{
    Kiosk k;
    int status = kiosk_open(&k, opts);
    if (status == 0) {
        if (opts->script_path)
            status = automation_run(&k, opts->script_path, opts->screenshots_dir);
        else
            status = kiosk_run(&k);
    }
    kiosk_close(&k);
    return status;
}

int main(int argc, char **argv)
{
    /* A core dump would hold the couple's notes and names: none, ever. */
    struct rlimit no_core = {0, 0};
    (void)setrlimit(RLIMIT_CORE, &no_core);
    CliOptions opts;
    char err[512];
    if (cli_parse(argc, argv, &opts, err, sizeof err) != 0) {
        fprintf(stderr, "lull: %s\nTry 'lull --help'.\n", err);
        return 2;
    }
    switch (opts.command) {
    case CLI_VERSION:
        printf("lull %s\n", LULL_VERSION);
        return 0;
    case CLI_HELP:
        fputs(cli_usage(), stdout);
        return 0;
    case CLI_EXPORT:
        return run_export(&opts);
    case CLI_INSIGHTS:
        return tools_insights(&opts);
    case CLI_SEED_DEMO:
        return tools_seed_demo(&opts);
    case CLI_RUN:
        break;
    }
    return run_kiosk(&opts);
}
