/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "kiosk.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "audio.h"
#include "defaults_files.h"
#include "host.h"
#include "lull/config.h"
#include "lull/setting_keys.h"
#include "paths.h"
#include "render.h"
#include "sounds.h"
#include "text.h"
#include "wav.h"
#include "wait.h"

enum { CONFIG_MAX_BYTES = 1 << 20, IDLE_SLEEP_MS = 10 };

static int logical_w(const Kiosk *k)
{
    return k->rotation % 180 ? k->win_h : k->win_w;
}

static int logical_h(const Kiosk *k)
{
    return k->rotation % 180 ? k->win_w : k->win_h;
}

void kiosk_to_logical(const Kiosk *k, int wx, int wy, int *lx, int *ly)
{
    switch (k->rotation) {
    case 90:
        *lx = wy;
        *ly = k->win_w - 1 - wx;
        break;
    case 180:
        *lx = k->win_w - 1 - wx;
        *ly = k->win_h - 1 - wy;
        break;
    case 270:
        *lx = k->win_h - 1 - wy;
        *ly = wx;
        break;
    default:
        *lx = wx;
        *ly = wy;
    }
}

void kiosk_to_window(const Kiosk *k, int lx, int ly, int *wx, int *wy)
{
    switch (k->rotation) {
    case 90:
        *wx = k->win_w - 1 - ly;
        *wy = lx;
        break;
    case 180:
        *wx = k->win_w - 1 - lx;
        *wy = k->win_h - 1 - ly;
        break;
    case 270:
        *wx = ly;
        *wy = k->win_h - 1 - lx;
        break;
    default:
        *wx = lx;
        *wy = ly;
    }
}

Rect kiosk_rect_to_window(const Kiosk *k, Rect r)
{
    int x0, y0, x1, y1;
    kiosk_to_window(k, r.x, r.y, &x0, &y0);
    kiosk_to_window(k, r.x + r.w - 1, r.y + r.h - 1, &x1, &y1);
    Rect o = {x0 < x1 ? x0 : x1, y0 < y1 ? y0 : y1, abs(x1 - x0) + 1, abs(y1 - y0) + 1};
    return o;
}

AppKey kiosk_key_from_name(const char *name)
{
    switch (SDL_GetKeyFromName(name)) {
    case SDLK_ESCAPE:
        return KEY_ESCAPE;
    case SDLK_RETURN:
    case SDLK_KP_ENTER:
        return KEY_RETURN;
    case SDLK_BACKSPACE:
        return KEY_BACKSPACE;
    case SDLK_TAB:
        return KEY_TAB;
    case SDLK_SPACE:
        return KEY_SPACE;
    case SDLK_UP:
        return KEY_UP;
    case SDLK_DOWN:
        return KEY_DOWN;
    case SDLK_LEFT:
        return KEY_LEFT;
    case SDLK_RIGHT:
        return KEY_RIGHT;
    default:
        return KEY_NONE;
    }
}

static void load_config(Config *config, const CliOptions *opts, char *note, size_t note_size)
{
    char path[1024], err[512];
    config_defaults(config);
    note[0] = '\0';
    if (opts->config_path)
        snprintf(path, sizeof path, "%s", opts->config_path);
    else if (paths_default_config(path, sizeof path) != 0)
        return; /* no config file at all: the defaults */
    size_t length = 0;
    char *text = paths_read_file(path, CONFIG_MAX_BYTES, err, sizeof err, &length);
    if (!text) {
        fprintf(stderr, "lull: config %s; using the defaults\n", err);
        snprintf(note, note_size, "The settings file could not be read; using the defaults.");
        return;
    }
    char messages[CONFIG_MESSAGES_MAX];
    messages[0] = '\0';
    const char *base = strrchr(path, '/');
    int nul = paths_nul_line(text, length);
    int problems = config_parse(config, text, path, messages, sizeof messages);
    if (nul) {
        /* A NUL byte ends the text for the parser: what follows it is said, not lost unseen. */
        size_t used = strlen(messages);
        snprintf(messages + used, sizeof messages - used,
                 "%s%s:%d: a NUL byte: the rest of the file after it is not read\n",
                 used && messages[used - 1] != '\n' ? "\n" : "", path, nul);
        problems++;
    }
    if (problems > 0) {
        fprintf(stderr, "%s", messages);
        if (messages[0] && messages[strlen(messages) - 1] != '\n')
            fputc('\n', stderr);
        snprintf(note, note_size,
                 "Some settings in %.60s were not understood; the defaults are used.",
                 base ? base + 1 : path);
    }
    free(text);
}

static int have_display(void)
{
    const char *driver = getenv("SDL_VIDEODRIVER");
    if (driver && *driver)
        return 1;
    if (getenv("DISPLAY") || getenv("WAYLAND_DISPLAY"))
        return 1;
    /* A Pi without a desktop: KMSDRM draws straight to the screen. */
    if (access("/dev/dri/card0", R_OK | W_OK) == 0 || access("/dev/dri/card1", R_OK | W_OK) == 0) {
        setenv("SDL_VIDEODRIVER", "kmsdrm", 0);
        return 1;
    }
    return 0;
}

/* Headless, through a GPU renderer named in SDL_RENDER_DRIVER (which then
 * wins over the software hint: an environment variable beats a normal hint). */
static int accelerated_headless(void)
{
    const char *driver = getenv("SDL_RENDER_DRIVER");
    return driver && *driver && strcmp(driver, "software") != 0;
}

static int open_video(Kiosk *k)
{
    const CliOptions *o = k->opts;
    if (o->headless) {
        /* Off screen, software, no framebuffer acceleration: 16 MB and ~10 ms to
         * the first frame, against ~100 MB and ~300 ms through llvmpipe. An
         * SDL_RENDER_DRIVER of one's own (opengles2: the Pi's renderer, through
         * Mesa) is honoured, for the tests and the bench of that path. */
        setenv("SDL_VIDEODRIVER", "offscreen", 0);
        if (!accelerated_headless())
            SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
        SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
    } else if (!have_display()) {
        fprintf(stderr,
                "lull: no display found (neither DISPLAY nor WAYLAND_DISPLAY is set, and no "
                "/dev/dri).\n"
                "  To try Lull without a screen:  lull --headless --script FILE --screenshots DIR\n"
                "  In a virtual display:          xvfb-run -a -s '-screen 0 800x480x24' lull "
                "--windowed\n");
        return 2;
    }
    /* Touch makes its own events; SDL's synthetic mouse copies would count twice. */
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
    SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
    SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        fprintf(stderr, "lull: cannot start video: %s\n", SDL_GetError());
        return 2;
    }
    fprintf(stderr, "lull: video driver %s\n", SDL_GetCurrentVideoDriver());

    int w = o->width ? o->width : 800;
    int h = o->height ? o->height : 480;
    Uint32 flags = SDL_WINDOW_ALLOW_HIGHDPI;
    if (o->headless)
        flags |= SDL_WINDOW_HIDDEN;
    else if (o->windowed)
        flags |= SDL_WINDOW_RESIZABLE;
    else if (!o->width)
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    else
        flags |= SDL_WINDOW_FULLSCREEN;
    k->window = SDL_CreateWindow("Lull", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w, h,
                                 flags);
    if (!k->window) {
        fprintf(stderr, "lull: cannot open a window: %s\n", SDL_GetError());
        return 2;
    }
    Uint32 rflags = !o->headless             ? SDL_RENDERER_PRESENTVSYNC
                    : accelerated_headless() ? SDL_RENDERER_ACCELERATED
                                             : SDL_RENDERER_SOFTWARE;
    k->sdl = SDL_CreateRenderer(k->window, -1, rflags);
    if (!k->sdl && !o->headless)
        k->sdl = SDL_CreateRenderer(k->window, -1, SDL_RENDERER_SOFTWARE);
    if (!k->sdl) {
        fprintf(stderr, "lull: cannot create a renderer: %s\n", SDL_GetError());
        return 2;
    }
    SDL_RendererInfo info;
    if (SDL_GetRendererInfo(k->sdl, &info) == 0 && info.name)
        fprintf(stderr, "lull: renderer %s\n", info.name);
    SDL_SetRenderDrawBlendMode(k->sdl, SDL_BLENDMODE_BLEND);
    if (!o->headless && !o->windowed)
        SDL_ShowCursor(SDL_DISABLE);
    SDL_GetRendererOutputSize(k->sdl, &k->win_w, &k->win_h);
    SDL_StartTextInput();
    return 0;
}

/* What the display says of itself; 0 when it says nothing. */
static float display_dpi(void)
{
    float dpi = 0.0f;
    return SDL_GetDisplayDPI(0, &dpi, NULL, NULL) == 0 ? dpi : 0.0f;
}

static void apply_rotation(Kiosk *k, int rotation)
{
    k->rotation = rotation;
    SDL_DestroyTexture(k->target);
    k->target = NULL;
    if (rotation) {
        k->target = SDL_CreateTexture(k->sdl, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET,
                                      logical_w(k), logical_h(k));
        if (!k->target) {
            fprintf(stderr, "lull: rotation unavailable: %s\n", SDL_GetError());
            k->rotation = 0;
        }
    }
    float dpi = display_dpi();
    if (k->app)
        app_resize(k->app, logical_w(k), logical_h(k), dpi);
    k->presented_hash = 0;
}

static void open_audio(Kiosk *k)
{
    mixer_init(&k->mixer);
    if (k->opts->audio_out) {
        char err[256];
        k->wav = wav_open(k->opts->audio_out, MIXER_RATE, MIXER_CHANNELS, err, sizeof err);
        if (!k->wav)
            fprintf(stderr, "lull: --audio-out: %s\n", err);
        return;
    }
    /* The device opens once the first frame is up: finding it (PulseAudio,
     * ALSA) takes tens of ms that the screen should not wait for. */
    k->audio_pending = 1;
}

static void open_audio_device(Kiosk *k)
{
    char note[APP_NOTE_MAX] = "";
    k->audio_pending = 0;
    k->audio_quiet_since = -1;
    k->audio = audio_open(&k->mixer, note, sizeof note);
    if (!k->audio) {
        fprintf(stderr, "lull: %s\n", note[0] ? note : "sound is off");
        snprintf(k->app->sound_note, sizeof k->app->sound_note, "%s",
                 note[0] ? note : "Sound is off");
    }
}

static int set_clock(void *ctx, int64_t unix_ms)
{
    Kiosk *k = ctx;
    clock_set_wall(&k->clock, unix_ms);
    if (k->store && !k->clock.fake) {
        char value[32];
        snprintf(value, sizeof value, "%lld", (long long)k->clock.offset_ms);
        store_setting_set(k->store, setting_key(KEY_CLOCK_OFFSET), value);
    }
    return 0;
}

/* A correction made by hand earlier applies only while the system clock is
 * still plainly wrong; once network time arrives it is dropped. */
static void load_clock_offset(Kiosk *k)
{
    char value[32];
    if (k->clock.fake || !k->store)
        return;
    if (store_setting_get(k->store, setting_key(KEY_CLOCK_OFFSET), value, sizeof value) != STORE_OK)
        return;
    if (clock_system_ms() < (int64_t)LULL_RELEASE_DATE_UNIX * 1000)
        k->clock.offset_ms = strtoll(value, NULL, 10);
    else
        store_setting_set(k->store, setting_key(KEY_CLOCK_OFFSET), "0");
}

/* A screen too small for 12 mm buttons is refused, with the smallest that
 * holds them, before anything is opened: never buttons smaller than promised. */
static int refuse_small_screen(Kiosk *k)
{
    float dpi = display_dpi();
    app_resize(k->app, k->win_w, k->win_h, dpi);
    const Metrics *m = &k->app->metrics;
    if (metrics_room(m))
        return 0;
    double mm = 25.4 / k->app->dpi;
    int need_short = (m->target * 15 + 1) / 2, need_long = (m->target * 25 + 1) / 2;
    fprintf(stderr,
            "lull: this screen is %d×%d pixels (%.0f × %.0f mm at %.0f dpi), too small for "
            "Lull's %.0f mm buttons: it needs at least %d×%d pixels at this dpi (800×480 on a 7\" "
            "panel at 133 dpi); display.min_target_mm and display.dpi set what it assumes\n",
            k->win_w, k->win_h, k->win_w * mm, k->win_h * mm, k->app->dpi,
            k->app->config.min_target_mm, need_long, need_short);
    return 1;
}

int kiosk_open(Kiosk *k, const CliOptions *opts)
{
    memset(k, 0, sizeof *k);
    k->opts = opts;
    int status = open_video(k);
    if (status)
        return status;

    char err[512];
    k->text = text_open(k->sdl, NULL, err, sizeof err);
    if (!k->text) {
        fprintf(stderr, "lull: %s\n", err);
        return 2;
    }
    k->renderer = render_create(k->sdl, k->text);
    if (!k->renderer) {
        fprintf(stderr, "lull: cannot prepare drawing: %s\n", SDL_GetError());
        return 2;
    }
    if (clock_init(&k->clock, opts->fake_clock ? opts->fake_start : NULL) != 0) {
        fprintf(stderr, "lull: --clock fake=%s is not a valid local time\n", opts->fake_start);
        return 2;
    }

    Config config;
    char config_note[APP_NOTE_MAX];
    load_config(&config, opts, config_note, sizeof config_note);

    k->app = calloc(1, sizeof *k->app);
    if (!k->app) {
        fprintf(stderr, "lull: out of memory\n");
        return 2;
    }
    AppHost placeholder = {0};
    AppTime now = clock_now(&k->clock);
    app_init(k->app, &config, &placeholder, text_measure, k->text, &now);
    if (refuse_small_screen(k))
        return 2;
    snprintf(k->app->version, sizeof k->app->version, "%s", LULL_VERSION);
    snprintf(k->app->config_note, sizeof k->app->config_note, "%s", config_note);
    Defaults defaults;
    defaults_files_load(&defaults, k->app->assets_note, sizeof k->app->assets_note);
    app_use_defaults(k->app, &defaults);

    storage_open(k);
    if (k->in_use)
        return 1;
    k->app->host = host_for_store(k->store);
    /* The panel's own light, on a real screen (or a test's stand-in folder). */
    if (!opts->headless || getenv("LULL_BACKLIGHT_ROOT"))
        backlight_open(&k->backlight, getenv("LULL_BACKLIGHT_ROOT"));
    k->app->has_backlight = k->backlight.path[0] != '\0';
    k->app->host.clock_set = set_clock;
    k->app->host.clock_ctx = k;
    k->app->build_time_ms = (int64_t)LULL_RELEASE_DATE_UNIX * 1000;
    load_clock_offset(k);
    now = clock_now(&k->clock);
    k->app->time = now;
    snprintf(k->app->data_path, sizeof k->app->data_path, "%s", k->db_path);
    host_load_settings(k->store, k->app);
    int rotation = opts->rotation >= 0 ? opts->rotation : k->app->config.rotation;
    k->app->config.rotation = rotation;
    apply_rotation(k, rotation);
    host_restore_session(k->store, k->app);
    open_audio(k);
    k->sounds = sounds_open(k->db_path, &k->app->breathe, opts->fake_clock);
    k->audio_rendered_ms = now.mono_ms;
    return 0;
}

void kiosk_close(Kiosk *k)
{
    backlight_close(&k->backlight);
    if (k->app && k->app->host.log_event) {
        AppTime now = clock_now(&k->clock);
        k->app->time = now;
        app_shutdown(k->app);
    }
    audio_close(k->audio);
    sounds_close(k->sounds); /* the mixer reads its files until the audio is closed */
    if (k->wav && wav_close(k->wav) != 0)
        fprintf(stderr, "lull: --audio-out: the WAV could not be written completely\n");
    storage_close(k); /* the last writes, made durable */
    store_close(k->store);
    free(k->app);
    render_destroy(k->renderer);
    text_close(k->text);
    if (k->target)
        SDL_DestroyTexture(k->target);
    if (k->sdl)
        SDL_DestroyRenderer(k->sdl);
    if (k->window)
        SDL_DestroyWindow(k->window);
    SDL_Quit();
    memset(k, 0, sizeof *k);
}

void kiosk_input(Kiosk *k, const AppInput *in)
{
    if (k->input_count < KIOSK_MAX_INPUTS)
        k->inputs[k->input_count++] = *in;
}

static uint64_t list_hash(const DrawList *list)
{
    uint64_t h = 1469598103934665603ull;
    const unsigned char *p = (const unsigned char *)list->cmds;
    size_t n = sizeof(DrawCmd) * (size_t)list->count;
    for (size_t i = 0; i < n; i++)
        h = (h ^ p[i]) * 1099511628211ull;
    for (size_t i = 0; i < list->text_used; i++)
        h = (h ^ (unsigned char)list->text[i]) * 1099511628211ull;
    const unsigned char *c = (const unsigned char *)&list->clear;
    for (size_t i = 0; i < sizeof list->clear; i++)
        h = (h ^ c[i]) * 1099511628211ull;
    return h | 1;
}

void kiosk_draw(Kiosk *k)
{
    const DrawList *list = &k->app->draw;
    if (k->presented_hash == 0)
        render_invalidate(k->renderer); /* resized, rotated or shown anew */
    if (k->target)
        SDL_SetRenderTarget(k->sdl, k->target);
    render_frame(k->renderer, list, logical_w(k), logical_h(k));
    if (k->target) {
        SDL_SetRenderTarget(k->sdl, NULL);
        SDL_SetRenderDrawColor(k->sdl, 0, 0, 0, 255);
        SDL_RenderClear(k->sdl);
        int lw = logical_w(k), lh = logical_h(k);
        SDL_Rect dst = {(k->win_w - lw) / 2, (k->win_h - lh) / 2, lw, lh};
        SDL_RenderCopyEx(k->sdl, k->target, NULL, &dst, (double)k->rotation, NULL, SDL_FLIP_NONE);
    }
}

static void mix_audio(Kiosk *k, int64_t now_ms)
{
    SoundRequest req[APP_SOUND_QUEUE];
    int n;
    if (k->wav) {
        /* --audio-out: exactly the timeline, one second of sound a second of it. */
        int16_t buf[2 * 960];
        while (k->audio_rendered_ms < now_ms) {
            int64_t ms = now_ms - k->audio_rendered_ms;
            if (ms > 20)
                ms = 20;
            int frames = (int)ms * (MIXER_RATE / 1000);
            mixer_render(&k->mixer, buf, frames);
            wav_write(k->wav, buf, frames);
            k->audio_rendered_ms += ms;
        }
    }
    n = app_take_sounds(k->app, req, APP_SOUND_QUEUE);
    if (n == 0)
        return;
    audio_lock(k->audio);
    for (int i = 0; i < n; i++)
        mixer_apply(&k->mixer, &req[i]);
    audio_unlock(k->audio);
}

/* Silence costs nothing: a few seconds after the last sound fades the device is
 * closed (not while breathing), and the next sound opens it again, after the
 * frame that asked for it. */
static void rest_or_wake_audio(Kiosk *k, int64_t now_ms)
{
    if (!k->audio)
        return;
    audio_lock(k->audio);
    int busy = mixer_busy(&k->mixer);
    audio_unlock(k->audio);
    /* While breathing the cues come every few seconds, on time: the device
     * stays open between them. */
    if (busy || app_screen(k->app) == SCREEN_BREATHE_RUN) {
        k->audio_quiet_since = -1;
        if (audio_resting(k->audio))
            audio_wake(k->audio);
        return;
    }
    if (k->audio_quiet_since < 0)
        k->audio_quiet_since = now_ms;
    else if (now_ms - k->audio_quiet_since >= KIOSK_AUDIO_REST_MS)
        audio_rest(k->audio);
}

/* ms until the device may rest (a step must look then), 0 when it rests or
 * there is none. */
static int audio_rest_in(Kiosk *k)
{
    if (!k->audio || audio_resting(k->audio))
        return 0;
    if (k->audio_quiet_since < 0)
        return KIOSK_AUDIO_REST_MS;
    int64_t left = k->audio_quiet_since + KIOSK_AUDIO_REST_MS - clock_now(&k->clock).mono_ms;
    return left < 1 ? 1 : left > KIOSK_AUDIO_REST_MS ? KIOSK_AUDIO_REST_MS : (int)left;
}

void kiosk_step(Kiosk *k, int present)
{
    AppTime now = clock_now(&k->clock);
    storage_step(k, now.mono_ms);
    frame_update(k->app, k->inputs, k->input_count, &now);
    k->input_count = 0;
    if (sounds_update(k->sounds, &k->app->breathe, &k->mixer, k->audio))
        frame_update(k->app, NULL, 0, &now); /* a file taken up or refused: seen at once */
    mix_audio(k, now.mono_ms);
    if (k->app->config.rotation != k->rotation) {
        apply_rotation(k, k->app->config.rotation);
        frame_update(k->app, NULL, 0, &now);
    }
    /* Dimmed for idle; by night, the couple's night light; else as it was. */
    backlight_level(&k->backlight, app_screen(k->app) == SCREEN_DIM ? BACKLIGHT_DIM_PERCENT
                                   : k->app->night                  ? k->app->config.night_light
                                                                    : 100);
    if (present) {
        uint64_t h = list_hash(&k->app->draw);
        if (h != k->presented_hash) {
            kiosk_draw(k);
            SDL_RenderPresent(k->sdl);
            k->presented_hash = h;
            if (k->presented)
                k->presented(k->presented_ctx, k);
        }
    }
    /* Shown first, then on the storage: the card's fsync never holds the frame;
     * and a sound asked for opens a resting device after the frame, too. */
    storage_after_step(k);
    rest_or_wake_audio(k, now.mono_ms);
    if (k->audio_pending && k->presented_hash)
        open_audio_device(k);
}

static void pointer(Kiosk *k, AppInputKind kind, int wx, int wy)
{
    AppInput in = {0};
    in.kind = kind;
    kiosk_to_logical(k, wx, wy, &in.x, &in.y);
    kiosk_input(k, &in);
}

static void handle_event(Kiosk *k, const SDL_Event *e)
{
    AppInput in = {0};
    switch (e->type) {
    case SDL_QUIT:
        k->quit = 1;
        break;
    case SDL_WINDOWEVENT:
        if (e->window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
            SDL_GetRendererOutputSize(k->sdl, &k->win_w, &k->win_h);
            apply_rotation(k, k->rotation);
        } else if (e->window.event == SDL_WINDOWEVENT_FOCUS_LOST && k->active_finger == 0) {
            in.kind = APP_INPUT_CANCEL;
            kiosk_input(k, &in);
        }
        k->presented_hash = 0;
        break;
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
        if (e->button.which == SDL_TOUCH_MOUSEID || e->button.button != SDL_BUTTON_LEFT)
            break;
        pointer(k, e->type == SDL_MOUSEBUTTONDOWN ? APP_INPUT_PRESS : APP_INPUT_RELEASE,
                e->button.x, e->button.y);
        break;
    case SDL_MOUSEMOTION:
        if (e->motion.which == SDL_TOUCH_MOUSEID || !(e->motion.state & SDL_BUTTON_LMASK))
            break;
        pointer(k, APP_INPUT_MOVE, e->motion.x, e->motion.y);
        break;
    case SDL_FINGERDOWN:
    case SDL_FINGERUP:
    case SDL_FINGERMOTION: {
        int wx = (int)(e->tfinger.x * (float)k->win_w);
        int wy = (int)(e->tfinger.y * (float)k->win_h);
        if (e->type == SDL_FINGERDOWN) {
            if (k->active_finger) {
                /* A second hand: the first touch is let go without firing, so
                 * either partner's tap (Pause above all) is never lost. */
                in.kind = APP_INPUT_CANCEL;
                kiosk_input(k, &in);
            }
            k->active_finger = 1;
            k->finger = e->tfinger.fingerId;
            pointer(k, APP_INPUT_PRESS, wx, wy);
        } else if (k->active_finger && e->tfinger.fingerId == k->finger) {
            pointer(k, e->type == SDL_FINGERUP ? APP_INPUT_RELEASE : APP_INPUT_MOVE, wx, wy);
            if (e->type == SDL_FINGERUP)
                k->active_finger = 0;
        }
        break;
    }
    case SDL_KEYDOWN: {
        SDL_Keycode sym = e->key.keysym.sym;
        int ctrl = (e->key.keysym.mod & KMOD_CTRL) != 0;
        if ((sym == SDLK_ESCAPE || (ctrl && sym == SDLK_q)) &&
            (k->opts->windowed || k->opts->headless)) {
            k->quit = 1;
            break;
        }
        in.kind = APP_INPUT_KEY;
        in.key = kiosk_key_from_name(SDL_GetKeyName(sym));
        if (in.key != KEY_NONE && in.key != KEY_SPACE)
            kiosk_input(k, &in);
        break;
    }
    case SDL_TEXTINPUT:
        in.kind = APP_INPUT_TEXT;
        snprintf(in.text, sizeof in.text, "%s", e->text.text);
        kiosk_input(k, &in);
        break;
    default:
        break;
    }
}

static int driver_sleeps(void)
{
    /* SDL 2.26 really sleeps in SDL_WaitEventTimeout only on these; KMSDRM,
     * dummy and offscreen poll with SDL_Delay(1), a thousand wake-ups a second. */
    const char *d = SDL_GetCurrentVideoDriver();
    return d && (strcmp(d, "x11") == 0 || strcmp(d, "wayland") == 0);
}

/* Steps when an input arrives or the app asks to be woken, and sleeps between;
 * returns at quit or once until (SDL ticks) has passed. */
static void run_loop(Kiosk *k, uint64_t until)
{
    int sleeps = driver_sleeps();
    /* Elsewhere SDL polls every ms: sleep until a touch or the next frame instead. */
    InputWait *wait = sleeps ? NULL : input_wait_open();
    uint64_t next_step = 0;
    while (!k->quit && !k->app->quit) {
        SDL_Event e;
        int got = 0;
        while (SDL_PollEvent(&e)) {
            handle_event(k, &e);
            got = 1;
        }
        uint64_t now = SDL_GetTicks64();
        if (got || k->input_count || k->presented_hash == 0 || now >= next_step) {
            kiosk_step(k, 1);
            int wake = frame_wake_in(k->app);
            if (sounds_busy(k->sounds) && (wake <= 0 || wake > 50))
                wake = 50; /* a file decoding aside: its end is taken up within 50 ms */
            int rest = audio_rest_in(k);
            if (rest > 0 && (wake <= 0 || wake > rest))
                wake = rest; /* a step when the device may rest */
            /* From the frame's start: a present that waited for vsync counts, so an
             * animation asking for 16 ms runs at the display's rate, not every other frame. */
            next_step = now + (uint64_t)(wake > 0 ? wake : 1000);
            continue;
        }
        if (now >= until)
            break; /* through input_wait_close */
        uint64_t left = (next_step < until ? next_step : until) - now;
        if (sleeps) {
            if (SDL_WaitEventTimeout(&e, (int)left))
                handle_event(k, &e);
        } else {
            input_wait(wait, (int)left, IDLE_SLEEP_MS);
        }
    }
    input_wait_close(wait);
}

/* LULL_BENCH=first-frame: the end of the first present, then leave. */
static void bench_first_present(void *ctx, Kiosk *k)
{
    (void)ctx;
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    fprintf(stderr, "lull: bench: first present %lld\n",
            (long long)ts.tv_sec * 1000000000LL + (long long)ts.tv_nsec);
    k->quit = 1;
}

int kiosk_run(Kiosk *k)
{
    const char *bench = getenv("LULL_BENCH");
    if (bench && strcmp(bench, "first-frame") == 0 && !k->presented)
        k->presented = bench_first_present;
    run_loop(k, UINT64_MAX);
    return 0;
}

void kiosk_run_for(Kiosk *k, int64_t ms)
{
    run_loop(k, SDL_GetTicks64() + (uint64_t)(ms > 0 ? ms : 0));
}
