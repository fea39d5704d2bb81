/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The journal as the App keeps it: its words and PIN state read once, a new or
 * opened entry, saving one durably, deleting with undo, insights and export. */
#include "app/services.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    DAY_MS = 86400 * 1000,
    TOAST_MS = 3000,
    LINK_RECENT_MS = 12 * 3600 * 1000, /* "the latest session" when it is this recent */
};

void journal_load(App *app)
{
    JournalState *js = &app->journal;
    if (js->loaded)
        return;
    js->loaded = 1;
    js->words = app->words_start;
    js->insights_weeks = 4;
    js->stale = 1;
    js->words_index = -1;
    const JournalHost *h = &app->host.journal;
    char value[WORDS_SETTING_MAX];
    if (h->setting_get) {
        for (int l = 0; l < WORDS_LIST_COUNT; l++)
            if (h->setting_get(app->host.ctx, setting_key(words_setting_key((WordsList)l)), value,
                               sizeof value) == 0)
                words_parse(&js->words, (WordsList)l, value);
        if (h->setting_get(app->host.ctx, setting_key(KEY_PIN_FAILURES), value, sizeof value) ==
            0) {
            long n = strtol(value, NULL, 10);
            js->pin_failures = n > 0 && n < 1000 ? (int)n : 0;
        }
    }
    /* A PIN whose state cannot be read cannot be checked either: treated as none. */
    if (h->pin_state)
        js->pin_set = h->pin_state(app->host.ctx) == 1;
}

void journal_open_entry(App *app, const JournalItem *it)
{
    JournalState *js = &app->journal;
    js->draft = it->ev;
    memset(&js->draft_session, 0, sizeof js->draft_session);
    const JournalHost *h = &app->host.journal;
    if (it->ev.session && h->session_item &&
        h->session_item(app->host.ctx, it->ev.session, &js->draft_session) != 0)
        memset(&js->draft_session, 0, sizeof js->draft_session);
    js->form_error[0] = '\0';
    js->note_open = 0;
    js->form_scroll.offset = 0;
    js->keep_place = 1;
    app_push(app, SCREEN_ENTRY);
}

void journal_new_entry(App *app, int64_t session)
{
    JournalState *js = &app->journal;
    journal_load(app);
    event_init(&js->draft, EVENT_ENTRY);
    js->draft.partner = PARTNER_BOTH;
    memset(&js->draft_session, 0, sizeof js->draft_session);
    const JournalHost *h = &app->host.journal;
    JournalItem it;
    if (session < 0) {
        /* A session the storage has not taken yet: its stand-in id, which
         * durable.c replaces when it lands. */
        js->draft.session = session;
    } else if (h->session_item && h->session_item(app->host.ctx, session, &it) == 0 && it.id) {
        int64_t last = it.end_ms > it.time_ms ? it.end_ms : it.time_ms;
        /* "The latest session" only while it is still this evening's. */
        if (session != 0 || app->time.wall_ms - last <= LINK_RECENT_MS) {
            js->draft.session = it.id;
            js->draft_session = it;
        }
    }
    js->form_error[0] = '\0';
    js->note_open = 0;
    js->form_scroll.offset = 0;
    if (app_screen(app) != SCREEN_JOURNAL) {
        app_home(app);
        app_push(app, SCREEN_JOURNAL);
        js->keep_place = 0;
    } else {
        js->keep_place = 1;
    }
    app_push(app, SCREEN_ENTRY);
}

void journal_toast(App *app, const char *text, int64_t ms)
{
    JournalState *js = &app->journal;
    snprintf(js->toast, sizeof js->toast, "%s", text);
    js->toast_until = app->time.mono_ms + ms;
}

void journal_save_entry(App *app)
{
    JournalState *js = &app->journal;
    const JournalHost *h = &app->host.journal;
    LogEvent ev = js->draft;
    ev.kind = EVENT_ENTRY;
    int is_new = ev.id == 0;
    if (is_new) {
        ev.time_ms = app->time.wall_ms;
        ev.utc_offset_s = app->time.utc_offset_s;
    }
    snprintf(ev.name, sizeof ev.name, "entry");
    snprintf(ev.label, sizeof ev.label, "Journal entry");
    snprintf(ev.partner_name, sizeof ev.partner_name, "%s",
             app_partner_name(app, (Partner)ev.partner));
    int status = h->entry_save ? h->entry_save(app->host.ctx, &ev) : 1;
    if (status != 0) {
        /* Everything stays on screen, and is tried again about once a second
         * while it is left as it is (durable.c); Save again retries too. */
        durable_entry_refused(app, &js->draft);
        snprintf(js->form_error, sizeof js->form_error,
                 "Not saved — %s. Your entry is still here, and is saved as soon as it can be.",
                 status_words(status));
        return;
    }
    durable_entry_clear(app);
    js->draft = ev;
    js->form_error[0] = '\0';
    journal_toast(app, "Saved", TOAST_MS);
    js->stale = 1;
    js->undo_id = 0;
    if (is_new)
        js->scroll.offset = 0;
    js->keep_place = !is_new;
    if (app_screen_below(app) == SCREEN_JOURNAL) {
        app_pop(app);
    } else {
        app_replace_top(app, SCREEN_JOURNAL);
    }
    if (is_new)
        js->keep_place = 0;
}

void journal_export(App *app)
{
    JournalState *js = &app->journal;
    const JournalHost *h = &app->host.journal;
    char where[JOURNAL_MESSAGE_MAX - 80];
    where[0] = '\0';
    int status = h->export_files ? h->export_files(app->host.ctx, app->time.wall_ms,
                                                   app->time.utc_offset_s, where, sizeof where)
                                 : 1;
    js->export_failed = status != 0;
    if (status == 0)
        snprintf(js->export_note, sizeof js->export_note, "%s", where);
    else
        snprintf(js->export_note, sizeof js->export_note, "Not exported: %s.%s%s",
                 status_words(status), where[0] ? " " : "", where);
}

void journal_load_insights(App *app)
{
    JournalState *js = &app->journal;
    if (js->insights_valid)
        return;
    js->insights_valid = 1;
    const JournalHost *h = &app->host.journal;
    Insights *in = &js->insights;
    memset(in, 0, sizeof *in);
    in->weeks = js->insights_weeks;
    in->utc_offset_s = app->time.utc_offset_s;
    insights_period(in->weeks, app->time.wall_ms, app->time.utc_offset_s, &in->from_ms, &in->to_ms);
    for (int w = 0; w < in->weeks; w++)
        in->week[w].start_ms = in->from_ms + (int64_t)w * 7 * DAY_MS;
    if (h->insights && h->insights(app->host.ctx, js->insights_weeks, app->time.wall_ms,
                                   app->time.utc_offset_s, in) != 0) {
        memset(in, 0, sizeof *in);
        in->weeks = 0;
    }
}
