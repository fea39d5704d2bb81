/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lull: the kiosk, and its command-line tools (export, insights, seed-demo). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "automation.h"
#include "clock.h"
#include "kiosk.h"
#include "lull/cli.h"
#include "lull/store.h"
#include "tools.h"

static int run_export(const CliOptions *opts)
{
    Store *store = tools_open_store(opts);
    if (!store)
        return 2;
    FILE *out = stdout;
    if (opts->out_path) {
        /* Exports hold the couple's words: readable by their owner only, also
         * when the file was there before with a wider mode. */
        int fd = open(opts->out_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        struct stat st;
        if (fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & 0077) &&
            fchmod(fd, 0600) != 0) {
            close(fd);
            fd = -1;
        }
        out = fd >= 0 ? fdopen(fd, "wb") : NULL;
        if (!out) {
            perror(opts->out_path);
            if (fd >= 0)
                close(fd);
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
        if (fclose(out) != 0)
            failed = 1;
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
