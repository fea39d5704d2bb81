/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The journal file [storage]: why it could not be opened or written, and what
 * can be done (keep it aside and start anew). */
#include "screens/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Why the damaged file could not be moved aside, as the end of a sentence. */
static const char *reason(int status)
{
    if (status == STORE_FULL || status == STORE_IO || status == STORE_READONLY)
        return status_words(status);
    return "it could not be moved";
}

static int can_start_new(const Durable *d)
{
    return d->reset && (d->problem == STORE_CORRUPT || d->problem == STORE_FOREIGN);
}

static const char *explanation(const Durable *d)
{
    if (d->aside[0] && !d->problem)
        return NULL; /* a new journal was started: said below */
    if (d->read_only && !d->problem)
        return "The journal can be read but not written: the file or the storage is read-only. "
               "Everything written before is here; nothing new is saved until it can be written.";
    switch (d->problem) {
    case 0:
        return "The journal is fine: everything is saved.";
    case STORE_CORRUPT:
        return "Lull cannot read the journal file on this device: it is damaged. It has not been "
               "changed in any way. You can keep it aside, under a new name next to it so that it "
               "can be recovered later, and start a new, empty journal. Until then nothing you do "
               "here is saved.";
    case STORE_FOREIGN:
        return "The file where Lull keeps its journal belongs to another program, so Lull has not "
               "touched it. You can keep it aside, under a new name next to it, and start a new, "
               "empty journal. Until then nothing you do here is saved.";
    case STORE_TOO_NEW:
        return "The journal was written by a newer version of Lull. It has been left exactly as it "
               "is: update Lull to carry on with it. Until then nothing you do here is saved.";
    case STORE_READONLY:
        return "The journal is read-only and cannot be brought up to date, so it has been left as "
               "it is. Until it can be written, nothing you do here is saved.";
    case STORE_BUSY:
        return "Another program is using the journal file. Lull keeps trying, and saves what you "
               "do as soon as it can.";
    case STORE_FULL:
        return "The storage is full, so the journal could not be opened. Lull keeps trying; make "
               "some room and what you do is saved.";
    default:
        return "The journal could not be opened: the storage may be missing or failing. It has "
               "not been changed. Nothing you do here is saved for now.";
    }
}

void screen_storage(App *app)
{
    Ui *ui = &app->ui;
    const Metrics *m = &app->metrics;
    const Theme *t = &app->theme;
    Durable *d = &app->durable;
    Rect area = app_header(app, "Your journal");
    int bar_h = m->unit;
    Rect body = rect_make(area.x, area.y, area.w, area.h - bar_h - m->gap);

    char said[600];
    const char *text = explanation(d);
    if (!text) {
        snprintf(said, sizeof said,
                 "A new journal was started. The old file is kept, unchanged, next to it as %s.",
                 d->aside);
        text = said;
    } else if (d->reset_status) {
        snprintf(said, sizeof said,
                 "%s The old file could not be kept aside (%s), so nothing "
                 "was changed.",
                 text, reason(d->reset_status));
        text = said;
    }
    int size = m->text;
    if (ui_text_wrap(ui, text, body, size, t->text, ALIGN_LEFT, 0) > body.h)
        size = m->text_small;
    if (ui_text_wrap(ui, text, body, size, t->text, ALIGN_LEFT, 0) > body.h)
        size = m->text_min;
    ui_text_wrap(ui, text, body, size, t->text, ALIGN_LEFT, 1);

    int y = area.y + area.h - bar_h;
    UiStyle quiet = app_style_quiet(app);
    if (can_start_new(d)) {
        int w = (area.w - m->gap) / 3;
        if (ui_button(ui, "Not now", NULL, rect_make(area.x, y, w, bar_h), SHAPE_NONE, &quiet, 0)) {
            app_pop(app);
            return;
        }
        UiStyle go = app_style_primary(app);
        if (ui_button(ui, "Start a new journal", "Keep it aside, start a new journal",
                      rect_make(area.x + w + m->gap, y, area.w - w - m->gap, bar_h), SHAPE_CHECK,
                      &go, 0)) {
            char aside[DURABLE_ASIDE_MAX] = "";
            int status = d->reset(d->reset_ctx, aside, sizeof aside);
            d->reset_status = status;
            if (status == 0) {
                snprintf(d->aside, sizeof d->aside, "%s", aside);
                d->problem = 0;
                d->read_only = 0;
                d->retry_mono = 0; /* what waited lands in the new journal */
            }
        }
        return;
    }
    if (ui_button(ui, "OK", d->problem ? "Carry on without saving" : "OK",
                  rect_make(area.x, y, area.w, bar_h), SHAPE_NONE, &quiet, 0))
        app_pop(app);
}
