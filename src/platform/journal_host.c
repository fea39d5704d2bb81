/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The journal's side of the AppHost: the core's queries reach the store here,
 * and exports are written to a USB stick when one is mounted, else to the
 * data folder. Failures are logged once with the store's own message. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "host.h"
#include "paths.h"

static int logged(Store *store, StoreStatus status, const char *what)
{
    int failed = status != STORE_OK && status != STORE_NOT_FOUND;
    if (store_first_failure(store, failed ? (int)status : 0))
        fprintf(stderr, "lull: journal: %s: %s\n", what, store_error(store));
    return (int)status;
}

static int setting_get(void *ctx, const char *key, char *out, size_t size)
{
    if (!ctx)
        return (int)STORE_ERROR;
    StoreStatus status = store_setting_get(ctx, key, out, size);
    return status == STORE_NOT_FOUND ? (int)status : logged(ctx, status, "reading a setting");
}

static int timeline_page(void *ctx, const JournalKey *from, int newer, int kinds, JournalItem *out,
                         int max, int *count)
{
    *count = 0;
    if (!ctx)
        return (int)STORE_ERROR;
    return logged(ctx, store_timeline_page(ctx, from, newer, kinds, out, max, count), "timeline");
}

static int session_item(void *ctx, int64_t session, JournalItem *out)
{
    if (!ctx)
        return (int)STORE_ERROR;
    return logged(ctx, store_session_item(ctx, session, out), "session");
}

static int entry_save(void *ctx, LogEvent *ev)
{
    if (!ctx)
        return (int)STORE_ERROR;
    StoreStatus status = ev->id ? store_entry_update(ctx, ev) : store_log(ctx, ev);
    /* "Saved" is a promise: it waits until the words are on the storage itself. */
    if (status == STORE_OK)
        status = store_sync(ctx);
    return logged(ctx, status, "saving an entry");
}

static int event_delete(void *ctx, int64_t id, int64_t time_ms)
{
    if (!ctx)
        return (int)STORE_ERROR;
    return logged(ctx, store_event_delete(ctx, id, time_ms), "deleting an entry");
}

static int event_undelete(void *ctx, int64_t id)
{
    if (!ctx)
        return (int)STORE_ERROR;
    return logged(ctx, store_event_undelete(ctx, id), "undoing a delete");
}

static int insights(void *ctx, int weeks, int64_t now_ms, int32_t offset, Insights *out)
{
    if (!ctx)
        return (int)STORE_ERROR;
    return logged(ctx, store_insights(ctx, weeks, now_ms, offset, out), "insights");
}

static int pin_state(void *ctx)
{
    int set = 0;
    if (!ctx || logged(ctx, store_pin_state(ctx, &set), "reading the PIN") != 0)
        return -1;
    return set;
}

static int pin_set(void *ctx, const char *pin)
{
    if (!ctx)
        return (int)STORE_ERROR;
    return logged(ctx, store_pin_set(ctx, pin), "setting the PIN");
}

static int pin_verify(void *ctx, const char *pin, int *match)
{
    *match = 0;
    if (!ctx)
        return (int)STORE_ERROR;
    return logged(ctx, store_pin_verify(ctx, pin, match), "checking the PIN");
}

static int is_dir(const char *path, struct stat *st)
{
    return stat(path, st) == 0 && S_ISDIR(st->st_mode);
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The first (by name) writable folder in dir that is a mount point (a stick
 * under /media/LABEL or /media/USER/LABEL), or, with any_folder, any
 * writable folder. depth: how far down to look. */
static int find_mount(const char *dir, int depth, int any_folder, char *out, size_t size)
{
    struct stat parent;
    if (!is_dir(dir, &parent))
        return -1;
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    char *names[64];
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && n < 64) {
        if (e->d_name[0] == '.')
            continue;
        names[n] = strdup(e->d_name);
        if (names[n])
            n++;
    }
    closedir(d);
    qsort(names, (size_t)n, sizeof names[0], compare_names);
    int found = -1;
    for (int i = 0; i < n && found != 0; i++) {
        char path[1024];
        struct stat st;
        if (snprintf(path, sizeof path, "%s/%s", dir, names[i]) >= (int)sizeof path ||
            !is_dir(path, &st))
            continue;
        int mounted = st.st_dev != parent.st_dev;
        if ((mounted || any_folder) && access(path, W_OK) == 0) {
            snprintf(out, size, "%s", path);
            found = 0;
        } else if (depth > 1) {
            found = find_mount(path, depth - 1, any_folder, out, size);
        }
    }
    for (int i = 0; i < n; i++)
        free(names[i]);
    return found;
}

/* A mounted USB stick: under /media or /run/media. LULL_MEDIA_ROOTS (a
 * ':'-separated list, for tests) replaces those, and there every folder
 * counts as a stick, since a test cannot mount one. */
static int find_stick(char *out, size_t size)
{
    const char *roots = getenv("LULL_MEDIA_ROOTS");
    int any = roots && *roots;
    char list[1024];
    snprintf(list, sizeof list, "%s", any ? roots : "/media:/run/media");
    for (char *save = NULL, *root = strtok_r(list, ":", &save); root;
         root = strtok_r(NULL, ":", &save))
        if (find_mount(root, any ? 1 : 2, any, out, size) == 0)
            return 0;
    return -1;
}

static StoreStatus write_one(Store *store, const char *path, ExportFormat format, int64_t now_ms,
                             int32_t offset)
{
    /* Exports hold the couple's words: readable by their owner only, never
     * over a file that is already there. */
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        return errno == ENOSPC                     ? STORE_FULL
               : errno == EROFS || errno == EACCES ? STORE_READONLY
                                                   : STORE_IO;
    FILE *f = fdopen(fd, "wb");
    if (!f) {
        close(fd);
        unlink(path);
        return STORE_IO;
    }
    StoreStatus status = store_export(store, format, f, now_ms, offset);
    int error = errno;
    /* On disk, not only in a cache, before the screen says where it is: the
     * stick may be pulled out straight away. */
    if (status == STORE_OK && (fflush(f) != 0 || fsync(fileno(f)) != 0)) {
        error = errno;
        status = error == ENOSPC ? STORE_FULL : STORE_IO;
    }
    if (fclose(f) != 0 && status == STORE_OK) {
        error = errno;
        status = error == ENOSPC ? STORE_FULL : STORE_IO;
    }
    if (status != STORE_OK) {
        fprintf(stderr, "lull: export: %s\n", strerror(error));
        unlink(path);
    }
    return status;
}

static void sync_dir(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        (void)fsync(fd);
        close(fd);
    }
}

static int export_files(void *ctx, int64_t now_ms, int32_t offset, char *where, size_t size)
{
    Store *store = ctx;
    if (!store)
        return (int)STORE_ERROR;
    char dir[1024];
    int stick = find_stick(dir, sizeof dir) == 0;
    if (!stick) {
        const char *db = store_path(store);
        if (!db[0])
            return (int)STORE_ERROR;
        paths_dirname(db, dir, sizeof dir);
    }
    CivilTime c = civil_from_unix(now_ms / 1000 + offset);
    char base[64], csv[1200], json[1200];
    for (int n = 1; n < 100; n++) {
        if (n == 1)
            snprintf(base, sizeof base, "lull-%04d-%02d-%02d-%02d%02d", c.year, c.month, c.day,
                     c.hour, c.minute);
        else
            snprintf(base, sizeof base, "lull-%04d-%02d-%02d-%02d%02d-%d", c.year, c.month, c.day,
                     c.hour, c.minute, n);
        snprintf(csv, sizeof csv, "%s/%s.csv", dir, base);
        snprintf(json, sizeof json, "%s/%s.json", dir, base);
        struct stat st;
        if (stat(csv, &st) != 0 && stat(json, &st) != 0)
            break;
    }
    StoreStatus status = write_one(store, csv, EXPORT_CSV, now_ms, offset);
    if (status == STORE_OK) {
        status = write_one(store, json, EXPORT_JSON, now_ms, offset);
        if (status != STORE_OK)
            unlink(csv);
    }
    sync_dir(dir);
    if (status != STORE_OK) {
        snprintf(where, size, "%s", stick ? "The USB stick may be full or read-only." : "");
        return (int)status;
    }
    const char *label = strrchr(dir, '/');
    label = label ? label + 1 : dir;
    if (stick)
        snprintf(where, size, "Saved on the USB stick \"%s\": %s.csv and .json.", label, base);
    else
        snprintf(where, size,
                 "No USB stick found, so they are in the data folder %s: %s.csv and "
                 ".json.",
                 dir, base);
    return 0;
}

JournalHost journal_host(void)
{
    JournalHost h = {
        .setting_get = setting_get,
        .timeline_page = timeline_page,
        .session_item = session_item,
        .entry_save = entry_save,
        .event_delete = event_delete,
        .event_undelete = event_undelete,
        .insights = insights,
        .export_files = export_files,
        .pin_state = pin_state,
        .pin_set = pin_set,
        .pin_verify = pin_verify,
    };
    return h;
}
