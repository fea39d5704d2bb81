/* The breathing screens' side of the app, for app.c; not a public interface. */
#ifndef LULL_BREATHE_INTERNAL_H
#define LULL_BREATHE_INTERNAL_H

#include "app_internal.h"

void screen_breathe(App *app);
void screen_breathe_run(App *app);
void screen_breathe_done(App *app);
/* Starts a session with the chosen pattern, length and sound; breathe-run shows. */
void breathe_start(App *app);
/* Once per pass, before the screen is built: the session's end and its cues; a
 * session whose screen has left the stack is ended and logged. */
void breathe_update(App *app);
/* Ends a running session now (logged as ended early); nothing when none runs. */
void breathe_end(App *app);
/* The persistent Pause: a running pacer pauses too, and stays paused after. */
void breathe_pause(App *app);
/* From the paused board: the picker, or back to a session still running. */
void breathe_together(App *app);
/* ms until the breathing screens want a frame (16 while the circle moves, sooner
 * at a phase boundary); -1 when they want none. */
int breathe_wake_in(const App *app);
/* Applies a breathe.* setting; returns 1 when the key is one of breathing's. */
int breathe_apply_setting(App *app, const char *key, const char *value);
/* A physical key or typed text while a custom pattern is being named; 1 when used. */
int breathe_handle_key(App *app, const AppInput *in);

#endif
