/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "automation.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "lull/script.h"
#include "paths.h"
#include "png.h"
#include "text.h"

enum { TAP_MS = 80, FRAME_MS = 16, SCRIPT_MAX_BYTES = 1 << 22 };

typedef struct {
    Kiosk *k;
    const char *shots;
    int line;
} Runner;

static int fail(const Runner *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int fail(const Runner *r, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "script:%d: ", r->line);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    return 1;
}

/* Lets ms pass: instantly on the fake clock (stepping the app as time moves so
 * timers and sound land when they should), in real time otherwise. */
static void pass_time(Runner *r, int64_t ms)
{
    Kiosk *k = r->k;
    if (!k->clock.fake) {
        kiosk_run_for(k, ms);
        return;
    }
    while (ms > 0 && !k->app->quit) {
        int wake = frame_wake_in(k->app);
        int64_t step = wake > 0 ? wake : FRAME_MS;
        if (step > 1000)
            step = 1000;
        if (step > ms)
            step = ms;
        clock_advance(&k->clock, step);
        kiosk_step(k, 0);
        ms -= step;
    }
}

static void send(Runner *r, AppInputKind kind, int lx, int ly)
{
    AppInput in = {0};
    in.kind = kind;
    in.x = lx;
    in.y = ly;
    kiosk_input(r->k, &in);
    kiosk_step(r->k, !r->k->clock.fake);
}

static const UiTarget *find_target(Runner *r, const char *label, int *status)
{
    App *app = r->k->app;
    const UiTarget *t = NULL;
    int n = ui_find(&app->ui, label, &t);
    *status = 0;
    if (n == 1 || t) {
        UiScroll *sc = ui_target_scroll(&app->ui, t);
        if (sc && (t->rect.y < sc->view.y || t->rect.y + t->rect.h > sc->view.y + sc->view.h)) {
            /* Off the visible part of a scrolling list: scroll it into view first. */
            sc->offset += t->rect.y - sc->view.y - (sc->view.h - t->rect.h) / 2;
            kiosk_step(r->k, !r->k->clock.fake);
            n = ui_find(&app->ui, label, &t);
        }
        if (t)
            return t;
    }
    if (n == 0) {
        *status = fail(r, "no target labelled \"%s\" on screen %s", label,
                       screen_name(app_screen(app)));
        return NULL;
    }
    char list[2048];
    size_t used = 0;
    list[0] = '\0';
    for (int i = 0; i < app->ui.last_target_count && used < sizeof list; i++) {
        if (ui_contains_nocase(app->ui.last_targets[i].label, label)) {
            int w = snprintf(list + used, sizeof list - used, "%s\"%s\"", used ? ", " : "",
                             app->ui.last_targets[i].label);
            if (w > 0)
                used += (size_t)w;
        }
    }
    *status = fail(r, "\"%s\" matches several targets: %s", label, list);
    return NULL;
}

static void centre(const UiTarget *t, int *x, int *y)
{
    *x = t->visible.x + t->visible.w / 2;
    *y = t->visible.y + t->visible.h / 2;
}

static int do_tap_label(Runner *r, const char *label, int64_t hold_ms)
{
    int status;
    const UiTarget *t = find_target(r, label, &status);
    if (!t)
        return status;
    int x, y;
    centre(t, &x, &y);
    send(r, APP_INPUT_PRESS, x, y);
    pass_time(r, hold_ms);
    if (!r->k->app->quit) /* a long hold on the corner leaves: nothing to release */
        send(r, APP_INPUT_RELEASE, x, y);
    return 0;
}

static void do_tap_xy(Runner *r, int wx, int wy)
{
    int x, y;
    kiosk_to_logical(r->k, wx, wy, &x, &y);
    send(r, APP_INPUT_PRESS, x, y);
    pass_time(r, TAP_MS);
    send(r, APP_INPUT_RELEASE, x, y);
}

static void do_drag(Runner *r, const ScriptCommand *c)
{
    int x0, y0, x1, y1;
    kiosk_to_logical(r->k, c->x, c->y, &x0, &y0);
    kiosk_to_logical(r->k, c->x2, c->y2, &x1, &y1);
    send(r, APP_INPUT_PRESS, x0, y0);
    long steps = c->ms / FRAME_MS;
    if (steps < 1)
        steps = 1;
    for (long i = 1; i <= steps; i++) {
        pass_time(r, c->ms / steps);
        send(r, APP_INPUT_MOVE, x0 + (int)((x1 - x0) * i / steps),
             y0 + (int)((y1 - y0) * i / steps));
    }
    send(r, APP_INPUT_RELEASE, x1, y1);
}

static void do_type(Runner *r, const char *text)
{
    const char *p = text;
    while (*p) {
        int n = utf8_char_bytes(p);
        char ch[8] = {0};
        if (n <= 0) {
            p++;
            continue;
        }
        memcpy(ch, p, (size_t)n);
        p += n;
        char label[32];
        snprintf(label, sizeof label, "%s", strcmp(ch, " ") == 0 ? "Space" : "");
        if (!label[0])
            snprintf(label, sizeof label, "Key %s", ch);
        /* The on-screen key when there is one; text input for the rest. */
        const UiTarget *t = NULL;
        App *app = r->k->app;
        for (int i = 0; i < app->ui.last_target_count; i++)
            if (strcmp(app->ui.last_targets[i].label, label) == 0)
                t = &app->ui.last_targets[i];
        if (t) {
            int x, y;
            centre(t, &x, &y);
            send(r, APP_INPUT_PRESS, x, y);
            pass_time(r, 40);
            send(r, APP_INPUT_RELEASE, x, y);
            pass_time(r, 40);
        } else {
            AppInput in = {0};
            in.kind = APP_INPUT_TEXT;
            snprintf(in.text, sizeof in.text, "%s", ch);
            kiosk_input(r->k, &in);
            kiosk_step(r->k, !r->k->clock.fake);
        }
    }
}

static int visible_text_contains(const App *app, const char *needle)
{
    const DrawList *list = &app->draw;
    Rect screen = {0, 0, app->metrics.w, app->metrics.h};
    for (int i = 0; i < list->count; i++) {
        const DrawCmd *c = &list->cmds[i];
        if (c->kind == DRAW_TEXT && c->color.a > 0 && rect_overlaps(c->rect, screen) &&
            strstr(draw_text(list, c), needle))
            return 1;
    }
    return 0;
}

static Rect intersect(Rect a, Rect b)
{
    int x0 = a.x > b.x ? a.x : b.x, y0 = a.y > b.y ? a.y : b.y;
    int x1 = a.x + a.w < b.x + b.w ? a.x + a.w : b.x + b.w;
    int y1 = a.y + a.h < b.y + b.h ? a.y + a.h : b.y + b.h;
    return rect_make(x0, y0, x1 > x0 ? x1 - x0 : 0, y1 > y0 ? y1 - y0 : 0);
}

/* Beside a screenshot, where its text landed (window pixels, one "x y w h" a
 * line): the comparison holds text loosely (fonts differ between machines) and
 * everything else strictly. */
static int save_text_boxes(Runner *r, const char *png_path)
{
    char path[4096 + 8];
    snprintf(path, sizeof path, "%s.text", png_path);
    FILE *f = paths_create_private(path);
    if (!f)
        return -1;
    const DrawList *list = &r->k->app->draw;
    Rect clip = {0, 0, 0, 0};
    for (int i = 0; i < list->count; i++) {
        const DrawCmd *c = &list->cmds[i];
        if (c->kind == DRAW_CLIP) {
            clip = c->rect;
            continue;
        }
        if (c->kind != DRAW_TEXT)
            continue;
        Rect box = text_bounds(r->k->text, TEXT_REGULAR, draw_text(list, c), c->rect, c->size,
                               c->align, c->turned);
        if (clip.w > 0)
            box = intersect(box, clip);
        Rect w = kiosk_rect_to_window(r->k, box);
        if (w.w > 0 && w.h > 0)
            fprintf(f, "%d %d %d %d\n", w.x, w.y, w.w, w.h);
    }
    return fclose(f) == 0 ? 0 : -1;
}

static int do_screenshot(Runner *r, const char *name)
{
    if (!r->shots)
        return fail(r, "screenshot %s needs --screenshots DIR", name);
    if (paths_make_dirs(r->shots) != 0)
        return fail(r, "cannot create %s: %s", r->shots, strerror(errno));
    char path[4096], err[512];
    snprintf(path, sizeof path, "%s/%s.png", r->shots, name);
    kiosk_draw(r->k);
    if (screenshot_save(r->k->sdl, path, err, sizeof err) != 0)
        return fail(r, "screenshot: %s", err);
    if (save_text_boxes(r, path) != 0)
        return fail(r, "cannot write %s.text: %s", path, strerror(errno));
    if (!r->k->clock.fake)
        SDL_RenderPresent(r->k->sdl);
    return 0;
}

static void do_dump(Runner *r)
{
    const App *app = r->k->app;
    for (int i = 0; i < app->ui.last_target_count; i++) {
        const UiTarget *t = &app->ui.last_targets[i];
        Rect w = kiosk_rect_to_window(r->k, t->visible);
        if (w.w <= 0 || w.h <= 0)
            continue;
        printf("\"%s\" %d %d %d %d\n", t->label, w.x, w.y, w.w, w.h);
    }
    fflush(stdout);
}

static int run_command(Runner *r, const ScriptCommand *c)
{
    App *app = r->k->app;
    switch (c->kind) {
    case SCRIPT_EMPTY:
        return 0;
    case SCRIPT_TAP_LABEL:
        return do_tap_label(r, c->text, TAP_MS);
    case SCRIPT_TAP_XY:
        if (c->x < 0 || c->y < 0 || c->x >= r->k->win_w || c->y >= r->k->win_h) {
            return fail(r, "tap %d %d is outside the %dx%d screen", c->x, c->y, r->k->win_w,
                        r->k->win_h);
        }
        do_tap_xy(r, c->x, c->y);
        return 0;
    case SCRIPT_HOLD:
        return do_tap_label(r, c->text, c->ms);
    case SCRIPT_DRAG:
        do_drag(r, c);
        return 0;
    case SCRIPT_TYPE:
        do_type(r, c->text);
        return 0;
    case SCRIPT_KEY: {
        AppKey key = kiosk_key_from_name(c->text);
        if (key == KEY_NONE && SDL_GetKeyFromName(c->text) == SDLK_UNKNOWN)
            return fail(r, "unknown key %s", c->text);
        if (key == KEY_ESCAPE) {
            r->k->quit = 1; /* as in a window: Escape leaves */
            return 0;
        }
        AppInput in = {0};
        in.kind = APP_INPUT_KEY;
        in.key = key;
        kiosk_input(r->k, &in);
        kiosk_step(r->k, !r->k->clock.fake);
        return 0;
    }
    case SCRIPT_WAIT:
        pass_time(r, c->ms);
        return 0;
    case SCRIPT_SCREENSHOT:
        return do_screenshot(r, c->text);
    case SCRIPT_EXPECT_SCREEN:
        if (strcmp(screen_name(app_screen(app)), c->text) != 0)
            return fail(r, "expected screen %s, but it is %s", c->text,
                        screen_name(app_screen(app)));
        return 0;
    case SCRIPT_EXPECT_TEXT:
        if (!visible_text_contains(app, c->text))
            return fail(r, "expected text \"%s\" on screen %s", c->text,
                        screen_name(app_screen(app)));
        return 0;
    case SCRIPT_EXPECT_NO_TEXT:
        if (visible_text_contains(app, c->text))
            return fail(r, "unexpected text \"%s\" on screen %s", c->text,
                        screen_name(app_screen(app)));
        return 0;
    case SCRIPT_DUMP:
        do_dump(r);
        return 0;
    case SCRIPT_QUIT:
        r->k->quit = 1;
        return 0;
    }
    return 0;
}

static char *read_script(const char *path, size_t *length)
{
    char err[512];
    if (strcmp(path, "-") != 0) {
        char *text = paths_read_file(path, SCRIPT_MAX_BYTES, err, sizeof err, length);
        if (!text)
            fprintf(stderr, "lull: script %s\n", err);
        return text;
    }
    size_t cap = 4096, len = 0;
    char *buf = malloc(cap);
    while (buf) {
        size_t got = fread(buf + len, 1, cap - len - 1, stdin);
        len += got;
        if (got == 0)
            break;
        if (len + 1 == cap) {
            char *bigger = cap < SCRIPT_MAX_BYTES ? realloc(buf, cap * 2) : NULL;
            if (!bigger) {
                free(buf);
                return NULL;
            }
            buf = bigger;
            cap *= 2;
        }
    }
    if (buf) {
        buf[len] = '\0';
        *length = len;
    }
    return buf;
}

/* The next line of the script from *p, cut in place (its \r too); NULL at the end. */
static char *next_line(char **p, const char *end)
{
    if (*p >= end)
        return NULL;
    char *line = *p;
    char *nl = memchr(line, '\n', (size_t)(end - line));
    if (nl) {
        *nl = '\0';
        *p = nl + 1;
    } else {
        *p = (char *)end;
    }
    size_t len = strlen(line);
    if (len && line[len - 1] == '\r')
        line[len - 1] = '\0';
    return line;
}

int automation_run(Kiosk *k, const char *path, const char *screenshots_dir)
{
    size_t length = 0;
    char *text = read_script(path, &length);
    if (!text)
        return 2;
    Runner r = {k, screenshots_dir, 0};
    const char *end = text + length;
    int status = 0;
    int nul = paths_nul_line(text, length);
    if (nul) {
        /* A NUL byte would end the script there as if it were done. */
        r.line = nul;
        status = fail(&r, "a NUL byte; a script is text");
        free(text);
        return status;
    }
    /* The first frame, so the first command sees what a person would. */
    kiosk_step(k, 1);

    /* Every line is checked first (a typo on line 40 should not cost a long
     * run), one at a time: the script is held once, as its text, never as a
     * command per line. */
    char *copy = malloc(length + 1);
    if (!copy) {
        free(text);
        return 2;
    }
    memcpy(copy, text, length + 1);
    ScriptCommand cmd;
    char *p = copy, *line;
    for (r.line = 1; status == 0 && (line = next_line(&p, copy + length)); r.line++) {
        char err[256];
        if (script_parse_line(line, &cmd, err, sizeof err) != 0)
            status = fail(&r, "%s", err);
    }
    free(copy);
    p = text;
    for (r.line = 1; status == 0 && (line = next_line(&p, end)); r.line++) {
        char err[256];
        script_parse_line(line, &cmd, err, sizeof err);
        if (k->quit || k->app->quit) {
            /* Lull left (Escape, the corner) with commands still to run: they
             * would pass unseen, so the script fails there. */
            if (cmd.kind != SCRIPT_EMPTY && cmd.kind != SCRIPT_QUIT)
                status = fail(&r, "Lull has left already; this line would never run");
            continue;
        }
        status = run_command(&r, &cmd);
    }
    free(text);
    return status;
}
