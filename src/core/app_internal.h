/* Shared between the app's screen files; not a public interface. */
#ifndef LULL_APP_INTERNAL_H
#define LULL_APP_INTERNAL_H

#include "lull/app.h"

/* The header bar: a Home button (unless on Home), the title; returns the area below.
 * The persistent Pause sits at the top right of every screen (see app.c). */
Rect app_header(App *app, const char *title);
/* The rectangle the persistent Pause occupies. */
Rect app_pause_rect(const App *app);
void app_queue_sound(App *app, SoundId sound, float gain);
/* The ambient bed for breathing: fades to bed at gain over fade_ms. */
void app_queue_ambient(App *app, AmbientId bed, float gain, int fade_ms);
/* The bed's level under everything else, 0..1 (a paused pacer dims it). */
void app_queue_duck(App *app, float level);
void app_set_note(char *note, const char *text);
/* The local time now, broken down. */
CivilTime app_local_time(const App *app);
/* Logs an event durably; on failure sets the storage note and returns non-zero. */
int app_log(App *app, LogEvent *ev);
/* Pause from anywhere: partner 0 is the persistent Pause. */
void app_pause(App *app, int partner);
const char *app_partner_name(const App *app, int partner);

UiStyle app_style_button(const App *app);
UiStyle app_style_tile(const App *app);
UiStyle app_style_quiet(const App *app);

void screen_home(App *app);
void screen_welcome(App *app);
void screen_name_edit(App *app);
void screen_settings(App *app);
void screen_settings_signals(App *app);
void screen_signals(App *app);
void screen_paused(App *app);
void screen_stopped(App *app);
void screen_not_yet(App *app, const char *title, const char *what);

/* Applies a setting and stores it durably (it wins over the config file). */
int app_save_setting(App *app, const char *key, const char *value);
/* Home, leaving whatever runs (a breathing session ends first). */
void app_leave_to_home(App *app);
/* The screen under the current one (SCREEN_COUNT when none). */
ScreenId app_screen_below(const App *app);
void app_queue_volume(App *app);
/* From the paused board: the pacer, returning to the paused board. */
void app_breathe_together(App *app);
/* After Stop: a journal entry for the session that just ended. */
void app_add_to_journal(App *app);
void app_name_edit_done(App *app);
/* Ends a signal session that has been idle for the configured time. */
void app_check_session_idle(App *app);
/* "3,1,0,..." → a permutation of signal ids (invalid text leaves order alone). */
void signals_parse_order(int order[SIGNAL_COUNT], const char *text);
void signals_format_order(const int order[SIGNAL_COUNT], char *out, int size);

/* A signal's colour as shown now: dimmed at night and by the app's brightness. */
Color app_signal_color(const App *app, SignalId id);

/* Kiosk behaviour (kiosk.c): dimming when idle, the leaving corner, a wrong clock. */
void screen_dim(App *app);
void screen_clock(App *app);
/* Returns 1 when the input is used up here (the tap that wakes a dim screen). */
int kiosk_filter_input(App *app, const AppInput *in);
/* Once a frame: dims when idle, leaves after the corner hold. */
void kiosk_tick(App *app);
void kiosk_hold_feedback(App *app);
/* ms until kiosk_tick has something to do (dimming, the hold), -1: nothing. */
int kiosk_wake_in(const App *app);
void kiosk_check_clock(App *app);

void signals_defaults(SignalDef signals[SIGNAL_COUNT], int order[SIGNAL_COUNT]);
/* Records a signal: session bookkeeping, durable log, sound, feedback. */
void app_signal(App *app, int partner, SignalId id);

#endif
