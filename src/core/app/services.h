/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The App's services, for the screens and the router: the stack, the chrome,
 * sounds, settings, the signal session, breathing, the journal, the lock and
 * idling. Nothing here calls a screen; a screen calls these. */
#ifndef LULL_APP_SERVICES_H
#define LULL_APP_SERVICES_H

#include "lull/app.h"
#include "lull/setting_keys.h"
#include "lull/widgets.h"

/* app.c */
void app_set_note(char *note, const char *text);
/* The local time now, broken down. */
CivilTime app_local_time(const App *app);
/* Logs an event durably; on failure sets the storage note and returns non-zero. */
int app_log(App *app, LogEvent *ev);
/* A partner's name as shown (PARTNER_BOTH: "both"; PARTNER_NONE: ""). */
const char *app_partner_name(const App *app, Partner partner);
/* Home, leaving whatever runs (a breathing session ends first). */
void app_leave_to_home(App *app);
/* Night by the clock or by hand: the theme for now. */
void app_update_theme(App *app);
/* At the first frame: a clock earlier than this version's day opens the clock screen. */
void app_check_clock(App *app);

/* stack.c */
/* The screen under the current one (SCREEN_COUNT when none). */
ScreenId app_screen_below(const App *app);
/* The current screen becomes id, the ones below it stay. */
void app_replace_top(App *app, ScreenId id);
/* Pops down to the highest id on the stack (it stays on top); 0 when it is not there. */
int app_unwind_to(App *app, ScreenId id);
/* A screen id kept as a number, checked (a broken one stops Lull with a message). */
ScreenId app_screen_id(int id);
/* The index of the highest id on the stack, or -1. */
int app_stack_find(const App *app, ScreenId id);

/* How long a signal's wash and the "Resuming" wash last, ms; by night a wash
 * rises over its first APP_NIGHT_RISE_MS. */
enum { APP_WASH_MS = 2000, APP_RESUME_WASH_MS = 1200, APP_NIGHT_RISE_MS = 300 };
/* A new screen comes in over this, from the ground up (display.fades). */
enum { APP_SCREEN_FADE_MS = 250 };

/* chrome.c */
/* The header bar: a Home button (unless on Home), the title; returns the area below.
 * The persistent Pause sits at the top right of every screen. */
Rect app_header(App *app, const char *title);
/* The header's room for a title, between Home and Pause. */
Rect app_title_rect(const App *app);
/* The rectangle the persistent Pause occupies. */
Rect app_pause_rect(const App *app);
/* The height a lasting note's strip keeps free at the bottom (with its gap),
 * 0 when there is none; and where a screen's controls must end. */
int app_notes_h(const App *app);
int app_body_bottom(const App *app);
/* The persistent Pause, the note strip and the corner hold's feedback, over the screen. */
void chrome_overlay(App *app);
/* 16 while a screen fades in, else -1. */
int chrome_wake_in(const App *app);
/* The widget kit's view of the App (its UI, metrics and theme), as an argument:
 * widget_flow(APP_KIT(app), ...). */
#define APP_KIT(app) (&(Kit){&(app)->ui, &(app)->metrics, &(app)->theme})
UiStyle app_style_button(const App *app);
UiStyle app_style_primary(const App *app);
UiStyle app_style_tile(const App *app);
UiStyle app_style_quiet(const App *app);

/* sound.c */
void app_queue_sound(App *app, SoundId sound, float gain);
/* The ambient bed for breathing: fades to bed at gain over fade_ms. */
void app_queue_ambient(App *app, AmbientId bed, float gain, int fade_ms);
/* The bed's level under everything else, 0..1 (a paused pacer dims it). */
void app_queue_duck(App *app, float level);
void app_queue_volume(App *app);

/* settings.c */
/* Applies a setting and stores it durably (it wins over the config file). The
 * key is spelled by lull/setting_keys.h: app_save for a named key,
 * app_save_setting for a composed one (a signal's field, a custom pattern). */
int app_save(App *app, SettingKey key, const char *value);
int app_save_int(App *app, SettingKey key, int value);
int app_save_setting(App *app, const char *key, const char *value);
/* Stores a setting through the host without applying it; 0 or a StoreStatus. */
int app_store_setting(App *app, SettingKey key, const char *value);

/* signals.c */
/* Pause from anywhere: PARTNER_NONE is the persistent Pause. */
void app_pause(App *app, Partner partner);
/* Records a signal: session bookkeeping, durable log, sound, feedback. */
void app_signal(App *app, Partner partner, SignalId id);
/* A partner's "I'm ready" (or, a second time, not ready) while paused. */
void app_ready(App *app, Partner partner);
/* Whether the Stop just made can still be undone (for APP_CARRY_ON_MS). */
int app_may_carry_on(const App *app);
/* Carry on after a Stop: the same session goes on, back on the board. */
void app_carry_on(App *app);
/* "Sam paused · 3 min ago": who paused the session, and when. */
void app_paused_words(const App *app, char *out, size_t size);
/* Ends a signal session that has been idle for the configured time. */
void app_check_session_idle(App *app);
/* A signal's colour as shown now: dimmed at night and by the app's brightness. */
Color app_signal_color(const App *app, SignalId id);

/* breathing.c */
/* Starts a session with the chosen pattern, length and sound; breathe-run shows. */
void breathe_start(App *app);
/* Once per pass, before the screen is built: the session's end and its cues; a
 * session whose screen has left the stack is ended and logged. */
void breathe_update(App *app);
/* Ends a running session now (logged as ended early); nothing when none runs. */
void breathe_end(App *app);
/* The persistent Pause: a running pacer pauses too, and stays paused after. */
void breathe_pause(App *app);
/* A tap on the running screen: pauses or resumes the pacer. */
void breathe_toggle_pause(App *app);
/* From the paused board: the picker, or back to a session still running. */
void breathe_together(App *app);
/* ms until the breathing screens want a frame (16 while the circle moves, sooner
 * at a phase boundary); -1 when they want none. */
int breathe_wake_in(const App *app);
/* Applies a breathe.* setting; returns 1 when the key is one of breathing's. */
int breathe_apply_setting(App *app, const char *key, const char *value);
/* Before the first frame: a session cut off by a crash (its checkpoint is
 * still stored) is logged as interrupted. */
void breathe_recover(App *app);
/* Saves the choice of pattern, and a custom pattern's slot. */
void breathe_choose_pattern(App *app, PatternKind kind, int custom);
void breathe_save_custom(App *app, int slot);
/* From the summary: a new journal entry about the evening, "Breathing first"
 * already chosen among what helped (it can be taken off). */
void breathe_to_journal(App *app);

/* journal.c */
/* Reads the vocabularies and the PIN state (once). */
void journal_load(App *app);
/* A new entry, linked to session (0: the latest one, if recent); opens on the
 * entry screen over the timeline. */
void journal_new_entry(App *app, int64_t session);
/* An entry of the timeline, opened to be read or edited. */
void journal_open_entry(App *app, const JournalItem *it);
/* Saves the draft durably; on success back to the timeline with "Saved". */
void journal_save_entry(App *app);
/* After a frame: an entry left unsaved (Cancel, Home) with anything written
 * or chosen in it is kept as a draft, which opening it again continues. */
void journal_entry_left(App *app);
/* Lull stops: the open entry and the kept drafts, into journal.drafts. */
void journal_drafts_save(App *app);
/* At start: the drafts Lull kept when it stopped. */
void journal_drafts_restore(App *app);
/* The newest kept draft is set aside; Undo brings it back for a while. */
void journal_discard_draft(App *app);
void journal_undo_discard(App *app);
/* The newest kept draft, opened again. */
void journal_continue_draft(App *app);
/* Who, what was tried, what helped and next time as in the newest entry. */
void journal_like_last_time(App *app);
/* Two entries with the same words, choices and ratings. */
int journal_same_words(const LogEvent *a, const LogEvent *b);
/* A short note on the timeline's bar ("Saved") for ms. */
void journal_toast(App *app, const char *text, int64_t ms);
/* Writes the CSV and JSON exports; the note says where, or why not. */
void journal_export(App *app);
/* Insights for the chosen weeks, read from the store once until invalidated. */
void journal_load_insights(App *app);

/* lock.c */
enum { PIN_RELOCK_MS = 5 * 60 * 1000 };
/* Once a frame before anything is built: reads the PIN state the first time,
 * and relocks after PIN_RELOCK_MS without input. */
void lock_tick(App *app, int had_input);
/* Before a screen is built: a guarded screen (journal, settings, ...) becomes
 * the PIN pad while a PIN is set and the app is locked. */
void lock_gate(App *app);
/* Leaving the kiosk (the corner hold): with a PIN set, opens the pad, which
 * sets app->quit once the PIN is right, and returns 1; without one returns 0. */
int lock_guard_quit(App *app);
/* Opens the pad to choose a new PIN (from Settings, already unlocked). */
void lock_choose_new(App *app);
/* The digits typed so far are checked (unlock) or kept (a new PIN). */
void lock_submit(App *app);
/* Leaves the pad without a PIN: home, or back where it was opened from. */
void lock_leave(App *app);
/* ms still to wait after wrong attempts before another, 0: none. */
int64_t lock_wait_left(const App *app);

/* idle.c */
enum { IDLE_HOLD_TO_LEAVE_MS = 3000 };
/* Returns 1 when the input is used up here (the tap that wakes a dim screen). */
int idle_filter_input(App *app, const AppInput *in);
/* Once a frame: dims when idle, leaves after the corner hold. */
void idle_tick(App *app);
/* ms until idle_tick has something to do (dimming, the hold), -1: nothing. */
int idle_wake_in(const App *app);
/* How long the corner has been held, ms (0: not held). */
int64_t idle_hold_ms(const App *app);

/* durable.c (lull/durable.h has the rest) */
/* The note's words for a refused write: "Not saved — storage full". */
const char *durable_words(int status);
/* 1 while the store's note warns (a refused write waits, or nothing can be
 * saved), 0 while it says "Saved". */
int durable_note_warns(const App *app);

#endif
