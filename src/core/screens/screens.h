/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The screens, for the router (frame.c), and what the journal's screens share.
 * A screen draws and takes taps; what a tap does is an App service
 * (app/services.h). */
#ifndef LULL_SCREENS_H
#define LULL_SCREENS_H

#include "app/services.h"

void screen_welcome(App *app);
void screen_home(App *app);
void screen_name_edit(App *app);
void screen_settings(App *app);
void screen_settings_signals(App *app);
void screen_signals(App *app);
/* Whether label shows whole (no "…") on signal id's tile of the board as it is now. */
int board_label_fits(App *app, SignalId id, const char *label);
void screen_paused(App *app);
void screen_stopped(App *app);
void screen_breathe(App *app);
void screen_breathe_run(App *app);
void screen_breathe_done(App *app);
void screen_journal(App *app);
void screen_entry(App *app);
void screen_insights(App *app);
void screen_journal_words(App *app);
void screen_storage(App *app);
void screen_leave(App *app);
void screen_dim(App *app);
void screen_clock(App *app);
void screen_pinpad(App *app);

/* Keys and typed text for a screen's editor (1: used). */
int name_edit_handle_key(App *app, const AppInput *in);
int breathe_handle_key(App *app, const AppInput *in);
int entry_handle_key(App *app, const AppInput *in);
int pin_handle_key(App *app, const AppInput *in);
int words_handle_key(App *app, const AppInput *in);

/* The name editor is done: the name (or a signal's word) is saved. */
void name_edit_done(App *app);

/* timeline_words.c: the timeline's words. */
void timeline_day_words(const App *app, const JournalItem *it, char *out, size_t size);
void timeline_session_figures(const JournalItem *it, char *out, size_t size);
void timeline_session_words(const JournalItem *it, char *out, size_t size);
void timeline_breathing_words(const JournalItem *it, char *out, size_t size);
void timeline_ratings_words(const LogEvent *ev, char *out, size_t size);
const char *timeline_who_words(const App *app, Partner partner);

/* timeline_items.c: items laid out and drawn. */
/* The height of a line of text at px. */
int timeline_line_h(const App *app, int px);
/* Up to max lines of an entry's note in r, the last cut with "…"; returns the height. */
int timeline_note_lines(App *app, const char *note, Rect r, int max, Color c, int draw);
/* Where each item starts (its day heading included); tops[count] is the end. */
int timeline_layout(App *app, int *tops);
/* The height of a day's heading. */
int timeline_header_height(const App *app);
void timeline_draw_item(App *app, const JournalItem *it, Rect r);

/* timeline_window.c: the window of items, and the timeline_glide. */
void timeline_reload_newest(App *app);
/* Reloads around the first item held, keeping the place in the list. */
void timeline_reload_here(App *app);
/* Pages items in (and out) as the view nears either end of the window. */
void timeline_follow(App *app);
/* The window moved to what was before the top item by weeks or months (one
 * of them 0); returns 0 when there is nothing earlier (the window stays). */
int timeline_jump(App *app, int weeks, int months);
/* Drag samples, and the timeline_glide that follows a flick. */
void timeline_glide(App *app);
/* 1 while the timeline glides after a flick (frames wanted). */
int timeline_animating(const App *app);

/* settings.c: Settings' rows for the journal (its words, the PIN, export). */
int settings_journal_rows(App *app, Rect view, int y);

#endif
