/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The journal as the App keeps it: its words and PIN state read once, a new or
 * opened entry, saving one durably, deleting with undo, insights and export. */
#include "app/services.h"

#include "lull/drafts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    DAY_MS = 86400 * 1000,
    TOAST_MS = 3000,
    UNDO_MS = 30000,                   /* a discarded draft can be brought back this long */
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

/* What a person wrote or chose in an entry, compared. */
int journal_same_words(const LogEvent *a, const LogEvent *b)
{
    return a->partner == b->partner && a->closeness == b->closeness && a->comfort == b->comfort &&
           a->pain == b->pain && a->tiredness == b->tiredness && a->session == b->session &&
           strcmp(a->tried, b->tried) == 0 && strcmp(a->helped, b->helped) == 0 &&
           strcmp(a->next, b->next) == 0 && strcmp(a->note, b->note) == 0;
}

/* The kept draft of entry id (0: the new one), or -1. */
static int kept_find(const JournalState *js, int64_t id)
{
    for (int i = 0; i < js->kept_count; i++)
        if (js->kept[i].ev.id == id)
            return i;
    return -1;
}

static void kept_remove(JournalState *js, int at)
{
    memmove(&js->kept[at], &js->kept[at + 1],
            (size_t)(js->kept_count - at - 1) * sizeof js->kept[0]);
    js->kept_count--;
}

/* Takes the kept draft of entry id back into the form; 0 when there is none. */
static int kept_take(JournalState *js, int64_t id)
{
    int at = kept_find(js, id);
    if (at < 0)
        return 0;
    js->draft = js->kept[at].ev;
    js->draft_session = js->kept[at].session;
    kept_remove(js, at);
    return 1;
}

/* The newest saved entry but the one open, for "Like last time". */
static void find_last_entry(App *app)
{
    JournalState *js = &app->journal;
    const JournalHost *h = &app->host.journal;
    memset(&js->last_entry, 0, sizeof js->last_entry);
    if (!h->timeline_page)
        return;
    enum { PAGE = 16, PAGES = 8 };
    JournalItem page[PAGE];
    JournalKey from;
    for (int p = 0; p < PAGES; p++) {
        int count = 0;
        if (h->timeline_page(app->host.ctx, p ? &from : NULL, 0, TIMELINE_ENTRIES, page, PAGE,
                             &count) != 0)
            return;
        for (int i = 0; i < count; i++)
            if (page[i].kind == JOURNAL_ITEM_ENTRY && page[i].ev.id != js->draft.id) {
                js->last_entry = page[i].ev;
                return;
            }
        if (count < PAGE)
            return;
        from = journal_item_key(&page[count - 1]);
    }
}

static void entry_opened(App *app)
{
    JournalState *js = &app->journal;
    js->form_error[0] = '\0';
    js->note_open = 0;
    js->form_scroll.offset = 0;
    js->entry_step = 0;
    js->entry_open = 1;
    find_last_entry(app);
}

void journal_open_entry(App *app, const JournalItem *it)
{
    JournalState *js = &app->journal;
    js->opened = it->ev;
    if (!kept_take(js, it->ev.id)) {
        js->draft = it->ev;
        memset(&js->draft_session, 0, sizeof js->draft_session);
        const JournalHost *h = &app->host.journal;
        if (it->ev.session && h->session_item &&
            h->session_item(app->host.ctx, it->ev.session, &js->draft_session) != 0)
            memset(&js->draft_session, 0, sizeof js->draft_session);
    }
    entry_opened(app);
    js->keep_place = 1;
    app_push(app, SCREEN_ENTRY);
}

/* The open entry, kept as a draft when anything in it was written or chosen. */
static void keep_open_entry(App *app)
{
    JournalState *js = &app->journal;
    if (js->note_open) /* the note half-typed on its keyboard is part of it */
        utf8_copy(js->draft.note, sizeof js->draft.note, js->kb.text);
    js->entry_open = 0;
    js->note_open = 0;
    durable_entry_clear(app);
    if (journal_same_words(&js->draft, &js->opened))
        return; /* nothing written or chosen */
    int at = kept_find(js, js->draft.id);
    if (at >= 0)
        kept_remove(js, at);
    if (js->kept_count == JOURNAL_DRAFTS)
        kept_remove(js, 0); /* the oldest of four */
    js->kept[js->kept_count].ev = js->draft;
    js->kept[js->kept_count].session = js->draft_session;
    js->kept_count++;
    js->stale = 1;
}

void journal_entry_left(App *app)
{
    JournalState *js = &app->journal;
    if (!js->entry_open || app_stack_find(app, SCREEN_ENTRY) >= 0)
        return;
    keep_open_entry(app);
}

enum { DRAFTS_TEXT_MAX = JOURNAL_DRAFTS * (EVENT_NOTE_MAX * 2 + 2048) };

void journal_drafts_save(App *app)
{
    JournalState *js = &app->journal;
    if (js->entry_open)
        keep_open_entry(app); /* stopped while typing: the words are kept too */
    if (!app->host.setting_set || (!js->kept_count && !js->drafts_stored))
        return;
    LogEvent drafts[JOURNAL_DRAFTS];
    for (int i = 0; i < js->kept_count; i++)
        drafts[i] = js->kept[i].ev;
    char *text = malloc(DRAFTS_TEXT_MAX);
    if (!text)
        return;
    if (drafts_format(drafts, js->kept_count, text, DRAFTS_TEXT_MAX) < 0)
        text[0] = '\0';
    /* Straight to the store, past the queue (whose values are short): Lull is
     * stopping, and this is its last write. */
    app->host.setting_set(app->host.ctx, setting_key(KEY_JOURNAL_DRAFTS),
                          js->kept_count ? text : "");
    free(text);
}

void journal_drafts_restore(App *app)
{
    JournalState *js = &app->journal;
    const JournalHost *h = &app->host.journal;
    if (!h->setting_get)
        return;
    char *text = malloc(DRAFTS_TEXT_MAX);
    if (!text)
        return;
    LogEvent drafts[JOURNAL_DRAFTS];
    int n = 0;
    if (h->setting_get(app->host.ctx, setting_key(KEY_JOURNAL_DRAFTS), text, DRAFTS_TEXT_MAX) == 0)
        n = drafts_parse(text, drafts, JOURNAL_DRAFTS);
    free(text);
    for (int i = 0; i < n && js->kept_count < JOURNAL_DRAFTS; i++) {
        EntryDraft *d = &js->kept[js->kept_count++];
        memset(d, 0, sizeof *d);
        d->ev = drafts[i];
        if (d->ev.session > 0 && h->session_item)
            h->session_item(app->host.ctx, d->ev.session, &d->session);
    }
    js->drafts_stored = n > 0;
}

void journal_discard_draft(App *app)
{
    JournalState *js = &app->journal;
    if (js->kept_count == 0)
        return;
    js->discarded = js->kept[js->kept_count - 1];
    js->discarded_until = app->time.mono_ms + UNDO_MS;
    js->kept_count--;
    js->toast_until = 0;
}

void journal_undo_discard(App *app)
{
    JournalState *js = &app->journal;
    if (js->discarded_until <= app->time.mono_ms || js->kept_count == JOURNAL_DRAFTS)
        return;
    js->kept[js->kept_count++] = js->discarded;
    js->discarded_until = 0;
}

void journal_continue_draft(App *app)
{
    JournalState *js = &app->journal;
    if (js->kept_count == 0)
        return;
    const EntryDraft *d = &js->kept[js->kept_count - 1];
    if (d->ev.id == 0) {
        journal_new_entry(app, d->ev.session);
        return;
    }
    JournalItem it;
    memset(&it, 0, sizeof it);
    it.kind = JOURNAL_ITEM_ENTRY;
    it.id = d->ev.id;
    it.ev = d->ev;
    /* What the entry says now is what leaving it is compared with. */
    for (int i = 0; i < js->item_count; i++)
        if (js->items[i].kind == JOURNAL_ITEM_ENTRY && js->items[i].ev.id == d->ev.id)
            it = js->items[i];
    journal_open_entry(app, &it);
}

void journal_like_last_time(App *app)
{
    JournalState *js = &app->journal;
    const LogEvent *l = &js->last_entry;
    if (!l->id)
        return;
    js->draft.partner = l->partner;
    snprintf(js->draft.tried, sizeof js->draft.tried, "%s", l->tried);
    snprintf(js->draft.helped, sizeof js->draft.helped, "%s", l->helped);
    snprintf(js->draft.next, sizeof js->draft.next, "%s", l->next);
}

/* Links the draft to session: 0 the latest one while it is this evening's, a
 * negative id a stand-in for one the storage has not taken yet (durable.c
 * replaces it when it lands). */
static void link_session(App *app, int64_t session)
{
    JournalState *js = &app->journal;
    const JournalHost *h = &app->host.journal;
    JournalItem it;
    if (session < 0) {
        js->draft.session = session;
    } else if (h->session_item && h->session_item(app->host.ctx, session, &it) == 0 && it.id) {
        int64_t last = it.end_ms > it.time_ms ? it.end_ms : it.time_ms;
        if (session != 0 || app->time.wall_ms - last <= LINK_RECENT_MS) {
            js->draft.session = it.id;
            js->draft_session = it;
        }
    }
}

void journal_new_entry(App *app, int64_t session)
{
    JournalState *js = &app->journal;
    journal_load(app);
    event_init(&js->opened, EVENT_ENTRY);
    js->opened.partner = PARTNER_BOTH;
    if (!kept_take(js, 0)) {
        event_init(&js->draft, EVENT_ENTRY);
        js->draft.partner = PARTNER_BOTH;
        memset(&js->draft_session, 0, sizeof js->draft_session);
        link_session(app, session);
    } else if (!js->draft.session && session) {
        link_session(app, session); /* a draft left before, now about this session */
    }
    /* Only a session linked is not yet anything written. */
    js->opened.session = js->draft.session;
    entry_opened(app);
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
    js->entry_open = 0;
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
