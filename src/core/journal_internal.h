/* Shared between the journal's screen files (journal.c, insights.c,
 * journal_settings.c, pinpad.c) and the hooks app.c and screens.c call. */
#ifndef LULL_JOURNAL_INTERNAL_H
#define LULL_JOURNAL_INTERNAL_H

#include "app_internal.h"

enum { PIN_RELOCK_MS = 5 * 60 * 1000 };

/* ---- hooks for app.c and screens.c ---- */

/* Once a frame before anything is built: reads the vocabularies and the PIN
 * state the first time, and relocks after PIN_RELOCK_MS without input. */
void journal_tick(App *app, int had_input);
/* Before a screen is built: a guarded screen (journal, settings, ...) becomes
 * the PIN pad while a PIN is set and the app is locked. */
void journal_gate(App *app);
/* Keys and typed text for the journal's editors and the PIN pad; returns 1
 * when the input was theirs. */
int journal_handle_key(App *app, const AppInput *in);
/* 1 while the timeline glides after a flick (frames wanted). */
int journal_animating(const App *app);
/* Leaving the kiosk (the corner hold): with a PIN set, opens the pad, which
 * sets app->quit once the PIN is right, and returns 1; without one returns 0
 * and the caller leaves. */
int journal_guard_quit(App *app);
/* A new entry, linked to session (0: the latest one, if recent); opens on the
 * entry screen over the timeline. */
void journal_new_entry(App *app, int64_t session);
/* Settings' rows for the journal: its words, the PIN and export. Lays them
 * out from y within view (as screens.c's rows do); returns the y after them. */
int journal_settings_rows(App *app, Rect view, int y);

void screen_journal(App *app);
void screen_entry(App *app);
void screen_insights(App *app);
void screen_pinpad(App *app);
void screen_journal_words(App *app);

/* ---- shared between the journal's files ---- */

/* Reads the vocabularies and the PIN state (once). */
void journal_load(App *app);
/* text cut (whole characters, with "…") to fit width at size_px. */
void journal_fit_line(Ui *ui, const char *text, int width, int size_px, char *out, size_t size);
/* Lines of text that fit width at px: broken at spaces, and inside a word
 * too long for a line (never inside a character); '\n' breaks too. Returns
 * how many (at most max), each a byte range of text. */
typedef struct {
    int start, len;
} JournalLine;
int journal_wrap(Ui *ui, const char *text, int width, int px, JournalLine *lines, int max);
/* Text made of parts joined by sep (" · ", ", "): as many whole parts on a
 * line as fit r's width, each line one text, so a figure is never split.
 * Returns the height; with draw 0 only measures. */
int journal_parts(App *app, const char *text, const char *sep, Rect r, int px, Color c, int draw);
/* Big up/down buttons beside a scrolling view. */
void journal_scroll_arrows(App *app, UiScroll *sc, Rect column, int can_up, int can_down);
/* A text editor over the screen: a title, the text with a counter, and the
 * on-screen keyboard. Returns 1 when Done was tapped. */
int journal_editor(App *app, const char *title, Keyboard *kb);
/* The words shown for a StoreStatus. */
const char *journal_store_words(int status);
/* Saves a setting through the host; 0 or a StoreStatus. */
int journal_setting_set(App *app, const char *key, const char *value);
/* A wrapping row of buttons: each at least the minimum target wide, wrapping
 * when needed. Returns the height used. */
typedef struct {
    const char *label;
    const char *text;
    int selected;
    int disabled;
} JournalButton;
int journal_button_flow(App *app, Rect area, JournalButton *buttons, int count, int *tapped,
                        const UiStyle *style, int equal_width);
/* The height journal_button_flow would use. */
int journal_button_flow_height(App *app, int width, const JournalButton *buttons, int count,
                               const UiStyle *style, int equal_width);

/* Keys for the PIN pad and for the word editor (1: used). */
int pin_handle_key(App *app, const AppInput *in);
int words_handle_key(App *app, const AppInput *in);
/* A physical keyboard in an editor: text, Backspace, Return (*done), Escape (*cancel). */
int journal_editor_key(Keyboard *kb, const AppInput *in, int *done, int *cancel);
/* Settings' PIN row: Set a PIN, or Change and Remove. */
void pin_settings_row(App *app, Rect r);

#endif
