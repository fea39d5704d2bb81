/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The App context: every module's state in one struct, passed explicitly, and
 * what the platform calls on it. It talks to the store and the speakers only
 * through AppHost and the sound queue. Pure C11; it calls no screen (the router,
 * lull/frame.h, does). */
#ifndef LULL_APP_H
#define LULL_APP_H

#include <stdint.h>

#include "lull/breathe.h"
#include "lull/config.h"
#include "lull/defaults.h"
#include "lull/draw.h"
#include "lull/durable.h"
#include "lull/event.h"
#include "lull/input.h"
#include "lull/journal.h"
#include "lull/keyboard.h"
#include "lull/mixer.h"
#include "lull/session.h"
#include "lull/signal_set.h"
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
    SCREEN_DIM,           /* idle: a faint clock; the first tap only wakes it */
    SCREEN_CLOCK,         /* the device's clock is wrong: set the date and time */
    SCREEN_JOURNAL_WORDS, /* Settings: the journal's chip words */
    SCREEN_STORAGE,       /* the journal could not be opened: why, and what can be done */
    SCREEN_LEAVE,         /* the corner hold: leave Lull for the desktop, or stay */
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
    /* time_ms 0: the ended session goes on again (Carry on after a Stop). */
    int (*session_end)(void *ctx, int64_t id, int64_t time_ms);
    int (*setting_set)(void *ctx, const char *key, const char *value);
    /* Sets the wall clock to unix_ms (the system's, or an offset Lull keeps);
     * called with clock_ctx, which the clock's owner sets. */
    int (*clock_set)(void *clock_ctx, int64_t unix_ms);
    void *clock_ctx;
    JournalHost journal; /* the journal's queries (lull/journal.h), with ctx */
} AppHost;

typedef struct {
    int64_t mono_ms;      /* monotonic, for animation and debouncing */
    int64_t wall_ms;      /* Unix ms, for what is logged and the clock */
    int32_t utc_offset_s; /* local offset */
} AppTime;

/* The App's journal: the timeline's window, the entry being written, insights,
 * the word editor, export and the PIN lock (one field of App). */

typedef enum { PIN_MODE_UNLOCK, PIN_MODE_NEW, PIN_MODE_CONFIRM } PinMode;

/* An entry left before it was saved: its words and the session it is about. */
typedef struct {
    LogEvent ev;
    JournalItem session;
} EntryDraft;

enum { JOURNAL_DRAFTS = 4 };

typedef struct {
    int loaded; /* the vocabularies and the PIN state were read */
    JournalWords words;

    /* the timeline: a window of the store's items, paged in by key */
    JournalItem items[JOURNAL_WINDOW];
    int item_count;
    int item_h[JOURNAL_WINDOW]; /* each item's height when laid out item_h_width wide; 0: unknown */
    int item_h_width;
    int at_newest, at_oldest; /* the window holds the first / the last item */
    int entries_only;         /* the timeline shows the couple's entries alone */
    int stale;                /* reload from the newest before the next frame */
    int failed;               /* the store could not be read */
    UiScroll scroll;
    int was_dragging;
    int64_t drag_mono[4];
    int drag_offset[4];
    int drag_samples;
    float velocity; /* px per ms, while the list glides after a flick */
    float glide;    /* the sub-pixel part of the glide */
    int64_t glide_mono;
    int keep_place;                  /* coming back from an entry: stay where the list was */
    int64_t timeline_visit;          /* when the timeline was last arrived at */
    char toast[JOURNAL_MESSAGE_MAX]; /* "Saved", "Entry deleted" */
    int64_t toast_until;
    int64_t undo_id; /* a deleted entry that Undo brings back */
    int64_t undo_until;

    /* the entry being written or edited */
    LogEvent draft;
    JournalItem draft_session; /* the session it is linked to, when draft.session */
    LogEvent opened; /* the entry as saved (an empty one when new): left unlike it, it is kept */
    int entry_open;  /* the entry is on the stack, not saved or deleted yet */
    int entry_step;  /* the form's step (entry.c) */
    LogEvent last_entry;             /* the newest saved entry, for "Like last time" (id 0: none) */
    EntryDraft kept[JOURNAL_DRAFTS]; /* entries left unsaved, oldest first */
    int drafts_stored; /* journal.drafts held some at start: cleared when none are left */
    int kept_count;
    EntryDraft discarded; /* the draft Undo brings back */
    int64_t discarded_until;
    UiScroll form_scroll;
    char form_error[JOURNAL_MESSAGE_MAX];
    int note_open; /* the keyboard is up for the note */
    int confirm_delete;
    Keyboard kb; /* the note, or a word being edited */

    /* insights */
    Insights insights;
    int insights_weeks; /* 4 or 12 */
    int insights_page;  /* 0 tried, 1 helped, 2 charts */
    int insights_valid;
    UiScroll insights_scroll;

    /* the word editor in Settings */
    int words_list;
    int words_editing; /* the keyboard is up */
    int words_index;   /* the word renamed, -1 a new one */
    UiScroll words_scroll;

    /* export, from Settings */
    char export_note[JOURNAL_MESSAGE_MAX];
    int export_failed;
    int export_shown; /* the note was scrolled into view */

    /* the PIN */
    int pin_set;
    int pin_unlocked;
    int64_t pin_active_mono; /* the latest input while unlocked */
    int pin_failures;
    int64_t pin_failed_mono; /* the latest wrong attempt; 0: none since start */
    PinMode pin_mode;
    int pin_quitting; /* the pad asks before leaving the kiosk */
    int pin_after;    /* the screen (ScreenId) the pad opens onto */
    char pin_digits[PIN_MAX_DIGITS + 1];
    char pin_first[PIN_MAX_DIGITS + 1];
    char pin_message[JOURNAL_MESSAGE_MAX];
    char pin_note[JOURNAL_MESSAGE_MAX]; /* shown in Settings: "PIN set", ... */
} JournalState;

/* The breathing picker's own state (the choices are in BreatheState). */
typedef enum {
    BREATHE_SHEET_NONE, /* the picker itself: patterns, Length, Sound, Start */
    BREATHE_SHEET_LENGTH,
    BREATHE_SHEET_SOUND,   /* the sound, its volume and the cue tones */
    BREATHE_SHEET_PATTERN, /* Slowing's end rate; the couple's own patterns */
} BreatheSheet;

typedef struct {
    UiScroll scroll;
    BreatheSheet sheet; /* a choice opened over the picker */
    int naming;         /* the keyboard names a custom pattern */
    int naming_custom;
} BreathePicker;

enum {
    APP_STACK_MAX = 8,
    APP_SOUND_QUEUE = 32,
    APP_NOTE_MAX = 160,
    APP_CARRY_ON_MS = 3 * 60 * 1000, /* a Stop can be taken back this long */
};

typedef struct App {
    Config config;
    AppHost host;
    Ui ui;
    DrawList draw;
    Metrics metrics;
    Theme theme;
    int night;
    int has_backlight; /* the platform can set the screen's light: the night light applies */
    double dpi;

    ScreenId stack[APP_STACK_MAX];
    int depth;
    AppTime time;
    int64_t screen_since_mono; /* when the current screen was entered */

    char names[PARTNER_PEOPLE][CONFIG_NAME_MAX]; /* by partner_index */
    char version[32];
    char data_path[1024];
    char sound_note[APP_NOTE_MAX];  /* "Sound is off: ..." */
    char store_note[APP_NOTE_MAX];  /* "Not saved — storage full" */
    char config_note[APP_NOTE_MAX]; /* the first config problem, shown in Settings */
    char assets_note[APP_NOTE_MAX]; /* a data file of assets/ not read whole, too */
    /* The note strip's room, kept on the screen that showed a note until that
     * screen is left: a note going does not move the controls under a finger. */
    struct {
        ScreenId screen;
        int depth;
        int h; /* 0: none kept */
    } notes_kept;

    Session session;
    JournalWords words_start; /* the journal's words before the couple's own */
    SignalDef signals[SIGNAL_COUNT];
    int signal_order[SIGNAL_COUNT];
    int64_t wash_until_mono; /* the big feedback of the latest signal */
    SignalId wash_signal;
    Partner wash_partner;
    Rect wash_from;            /* the tile tapped, on screen; w 0: not from a tile (the centre) */
    int64_t resume_wash_until; /* the short "Resuming" wash */
    int facing;                /* signals board: half turned for the other side */
    int64_t stopped_session;   /* the session Stop just ended, for "Add to journal" */
    Partner stopped_by;
    int64_t stopped_at_mono; /* when, for Carry on */

    /* welcome / name editing */
    Keyboard keyboard;
    Partner editing_partner;
    int welcome_step;

    /* settings */
    int settings_signal;      /* the signal being renamed */
    int editing_signal_label; /* the name editor edits a signal's label */
    UiScroll settings_scroll;
    UiScroll signals_scroll;
    int sound_volume_sent; /* the volume last queued for the mixer, -1 none */

    SoundRequest sounds[APP_SOUND_QUEUE];
    int sound_count;

    JournalState journal; /* timeline, entries, insights, PIN (app/journal.c) */

    BreatheState breathe; /* guided breathing: choices and the session (app/breathing.c) */
    BreathePicker breathe_picker;

    Durable durable; /* writes waiting for the storage; an unusable journal (app/durable.c) */

    int started;             /* the first update decided the first screen */
    int64_t build_time_ms;   /* a clock earlier than this is wrong (0: unknown) */
    int64_t last_input_mono; /* for dimming when idle */
    int64_t touched_mono;    /* the last press or key, whatever runs */
    float chrome_calm;       /* 0..1: how far the quiet controls have faded (breathing) */
    int64_t hold_start_mono; /* a press held on the leaving corner, or 0 */
    int swallow_pointer;     /* the tap that woke the screen goes no further */
    int64_t clock_proposal;  /* SCREEN_CLOCK: the local time being set, Unix s */
    int quit;
    int animating; /* the last frame had something moving */
} App;

/* Prepares the app; names from the config (or the welcome when none). */
void app_init(App *app, const Config *config, const AppHost *host, UiMeasureFn measure,
              void *measure_ctx, const AppTime *now);
/* Starts from these signals and journal words in place of Lull's own (before
 * the couple's settings are applied). */
void app_use_defaults(App *app, const Defaults *defaults);
/* Sets the logical screen size and the DPI (<= 0: config or default). */
void app_resize(App *app, int w, int h, double display_dpi);
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
