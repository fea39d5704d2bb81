/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The frame: what the platform calls once a frame. It turns this frame's input
 * into UI passes over the screen on top of the stack and leaves the draw list
 * in app->draw. The only code that names every screen (src/core/frame.c). */
#ifndef LULL_FRAME_H
#define LULL_FRAME_H

#include "lull/app.h"

/* Feeds input events and time; builds the next frame's DrawList. */
void frame_update(App *app, const AppInput *inputs, int count, const AppTime *now);
/* Milliseconds until the app wants another frame without input; -1: only on input. */
int frame_wake_in(const App *app);

#endif
