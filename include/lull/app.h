/* The app: screens, the screen stack, the signal session and the frame logic.
 * Owns all UI state; talks to the store and the speakers only through AppHost
 * and the sound queue. Pure C11: the platform passes time and input in and
 * renders the DrawList out. */
#ifndef LULL_APP_H
#define LULL_APP_H

#include <stdint.h>

#include "lull/breathe.h"
#include "lull/config.h"
#include "lull/draw.h"
#include "lull/durable.h"
#include "lull/event.h"
#include "lull/journal.h"
#include "lull/keyboard.h"
#include "lull/mixer.h"
#include "lull/session.h"
#include "lull/theme.h"
#include "lull/ui.h"

typedef enum {
    SCREEN_WELCOME,
    SCREEN_HOME,
    SCREEN_SIGNALS,
    SCREEN_PAUSED,
    SCREEN_STOPPED,
    SCREEN_BREATHE,
    SCREEN_BREATHE_RUN,
    SCREEN_BREATHE_DONE,
    SCREEN_JOURNAL,
    SCREEN_ENTRY,
    SCREEN_INSIGHTS,
    SCREEN_SETTINGS,
    SCREEN_SETTINGS_SIGNALS,
    SCREEN_NAME_EDIT,
    SCREEN_LOCKED,
    SCREEN_DIM,   /* idle: a faint clock; the first tap only wakes it */
    SCREEN_CLOCK, /* the device's clock is wrong: set the date and time */
    SCREEN_JOURNAL_WORDS, /* Settings: the journal's chip words */
    SCREEN_STORAGE, /* the journal could not be opened: why, and what can be done */
    SCREEN_COUNT
} ScreenId;

/* The automation id of a screen ("home", "breathe-run", ...). */
const char *screen_name(ScreenId id);

/* The durable side of the app, provided by the platform (the store) or a test.
 * Each returns 0 on success, or a non-zero status (StoreStatus values). */
typedef struct {
    void *ctx;
    int (*log_event)(void *ctx, LogEvent *ev);
    int (*session_begin)(void *ctx, int64_t time_ms, int32_t utc_offset_s, int64_t *id);
    int (*session_end)(void *ctx, int64_t id, int64_t time_ms);
    int (*setting_set)(void *ctx, const char *key, const char *value);
    /* Sets the wall clock to unix_ms (the system's, or an offset Lull keeps);
     * called with clock_ctx, which the clock's owner sets. */
    int (*clock_set)(void *clock_ctx, int64_t unix_ms);
    void *clock_ctx;
    JournalHost journal; /* the journal's queries (lull/journal.h), with ctx */
} AppHost;

typedef enum {
    APP_INPUT_PRESS,
    APP_INPUT_MOVE,
    APP_INPUT_RELEASE,
    APP_INPUT_CANCEL,
    APP_INPUT_KEY,
    APP_INPUT_TEXT,
} AppInputKind;

typedef enum {
    KEY_NONE,
    KEY_ESCAPE,
    KEY_RETURN,
    KEY_BACKSPACE,
    KEY_TAB,
    KEY_SPACE,
    KEY_UP,
    KEY_DOWN,
    KEY_LEFT,
    KEY_RIGHT,
    KEY_QUIT, /* Ctrl+Q */
} AppKey;

typedef struct {
    AppInputKind kind;
    int x, y;      /* logical pixels */
    AppKey key;
    char text[32]; /* UTF-8, APP_INPUT_TEXT */
} AppInput;

typedef struct {
    int64_t mono_ms;      /* monotonic, for animation and debouncing */
    int64_t wall_ms;      /* Unix ms, for what is logged and the clock */
    int32_t utc_offset_s; /* local offset */
} AppTime;

typedef struct {
    SignalId id;
    char label[40];
    Color color;
    Shape shape;
    SoundId sound;
    int visible;
} SignalDef;

enum { APP_STACK_MAX = 8, APP_SOUND_QUEUE = 32, APP_NOTE_MAX = 160, APP_MAX_VISIBLE_SIGNALS = 8 };

typedef struct App {
    Config config;
    AppHost host;
    Ui ui;
    DrawList draw;
    Metrics metrics;
    Theme theme;
    int night;
    double dpi;

    ScreenId stack[APP_STACK_MAX];
    int depth;
    AppTime time;
    int64_t screen_since_mono; /* when the current screen was entered */

    char names[2][CONFIG_NAME_MAX];
    char version[32];
    char data_path[1024];
    char sound_note[APP_NOTE_MAX];   /* "Sound is off: ..." */
    char store_note[APP_NOTE_MAX];   /* "Not saved — storage full" */
    char config_note[APP_NOTE_MAX];  /* the first config problem, shown in Settings */

    Session session;
    SignalDef signals[SIGNAL_COUNT];
    int signal_order[SIGNAL_COUNT];
    int64_t wash_until_mono;      /* the big feedback of the latest signal */
    SignalId wash_signal;
    int wash_partner;
    int64_t resume_wash_until;    /* the short "Resuming" wash */
    int facing;                   /* signals board: half turned for the other side */
    int64_t stopped_session;      /* the session Stop just ended, for "Add to journal" */
    int stopped_by;

    /* welcome / name editing */
    Keyboard keyboard;
    int editing_partner;          /* 0 or 1 */
    int welcome_step;

    /* settings */
    int settings_signal;          /* the signal being renamed */
    int editing_signal_label;     /* the name editor edits a signal's label */
    UiScroll settings_scroll;
    UiScroll signals_scroll;
    int sound_volume_sent;        /* the volume last queued for the mixer, -1 none */

    SoundRequest sounds[APP_SOUND_QUEUE];
    int sound_count;

    JournalState journal;         /* timeline, entries, insights, PIN (journal.c) */

    BreatheState breathe;         /* guided breathing: choices and the session (breathe.c) */

    Durable durable;              /* writes waiting for the storage; an unusable journal (durable.c) */

    int started;                  /* the first update decided the first screen */
    int64_t build_time_ms;        /* a clock earlier than this is wrong (0: unknown) */
    int64_t last_input_mono;      /* for dimming when idle */
    int64_t hold_start_mono;      /* a press held on the leaving corner, or 0 */
    int swallow_pointer;          /* the tap that woke the screen goes no further */
    int64_t clock_proposal;       /* SCREEN_CLOCK: the local time being set, Unix s */
    int quit;
    int animating;                /* the last frame had something moving */
} App;

/* Prepares the app; names from the config (or the welcome when none). */
void app_init(App *app, const Config *config, const AppHost *host, UiMeasureFn measure,
              void *measure_ctx, const AppTime *now);
/* Sets the logical screen size and the DPI (<= 0: config or default). */
void app_resize(App *app, int w, int h, double display_dpi);
/* Feeds input events and time; builds the next frame's DrawList. */
void app_update(App *app, const AppInput *inputs, int count, const AppTime *now);
/* Milliseconds until the app wants another frame without input; -1: only on input. */
int app_wake_in(const App *app);
ScreenId app_screen(const App *app);
void app_push(App *app, ScreenId id);
void app_pop(App *app);
void app_home(App *app);

/* Applies a setting (a stored key such as "partners.first") and keeps it. */
void app_apply_setting(App *app, const char *key, const char *value);
/* Restores a session that was open when the app last stopped. */
void app_restore_session(App *app, const LogEvent *events, int count);

/* The program is leaving: anything running is ended and logged. */
void app_shutdown(App *app);

/* Takes the sounds queued since the last call (returns how many copied). */
int app_take_sounds(App *app, SoundRequest *out, int max);

#endif
