/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The PIN lock: the gate in front of the journal and settings, checking and
 * choosing a PIN through the store, the growing waits after wrong attempts,
 * and relocking after idle. */
#include "app/services.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int guarded(const App *app, ScreenId s)
{
    switch (s) {
    case SCREEN_JOURNAL:
    case SCREEN_ENTRY:
    case SCREEN_INSIGHTS:
    case SCREEN_SETTINGS:
    case SCREEN_SETTINGS_SIGNALS:
    case SCREEN_JOURNAL_WORDS:
        return 1;
    case SCREEN_NAME_EDIT:
        /* Naming each other at the first start comes before any PIN. */
        return app_screen_below(app) != SCREEN_WELCOME;
    default:
        return 0;
    }
}

static void clear_digits(JournalState *js)
{
    memset(js->pin_digits, 0, sizeof js->pin_digits);
}

void lock_tick(App *app, int had_input)
{
    JournalState *js = &app->journal;
    journal_load(app);
    if (!js->pin_set)
        return;
    if (js->pin_unlocked) {
        if (had_input)
            js->pin_active_mono = app->time.mono_ms;
        if (app->time.mono_ms - js->pin_active_mono >= PIN_RELOCK_MS) {
            js->pin_unlocked = 0;
            clear_digits(js);
        }
    }
}

void lock_gate(App *app)
{
    JournalState *js = &app->journal;
    journal_load(app);
    ScreenId s = app_screen(app);
    if (!js->pin_set || js->pin_unlocked || !guarded(app, s))
        return;
    js->pin_mode = PIN_MODE_UNLOCK;
    js->pin_after = (int)s;
    clear_digits(js);
    js->pin_message[0] = '\0';
    /* The pad takes the guarded screen's place; unlocking puts it back. */
    app_replace_top(app, SCREEN_LOCKED);
}

/* Opens the pad to choose a new PIN (from Settings, already unlocked). */
void lock_choose_new(App *app)
{
    JournalState *js = &app->journal;
    js->pin_mode = PIN_MODE_NEW;
    js->pin_after = (int)app_screen(app);
    clear_digits(js);
    js->pin_first[0] = '\0';
    js->pin_message[0] = '\0';
    app_push(app, SCREEN_LOCKED);
}

int64_t lock_wait_left(const App *app)
{
    const JournalState *js = &app->journal;
    int64_t wait = pin_wait_ms(js->pin_failures);
    if (wait <= 0 || js->pin_mode != PIN_MODE_UNLOCK)
        return 0;
    int64_t since = js->pin_failed_mono ? js->pin_failed_mono : app->screen_since_mono;
    int64_t left = since + wait - app->time.mono_ms;
    return left > 0 ? left : 0;
}

static void save_failures(App *app)
{
    char value[16];
    snprintf(value, sizeof value, "%d", app->journal.pin_failures);
    app_store_setting(app, KEY_PIN_FAILURES, value);
}

void lock_leave(App *app)
{
    JournalState *js = &app->journal;
    clear_digits(js);
    if (js->pin_mode == PIN_MODE_UNLOCK && !js->pin_quitting)
        app_home(app);
    else
        app_pop(app);
    js->pin_quitting = 0;
}

int lock_guard_quit(App *app)
{
    JournalState *js = &app->journal;
    journal_load(app);
    if (!js->pin_set)
        return 0;
    js->pin_mode = PIN_MODE_UNLOCK;
    js->pin_quitting = 1;
    js->pin_after = (int)app_screen(app);
    clear_digits(js);
    js->pin_message[0] = '\0';
    app_push(app, SCREEN_LOCKED);
    return 1;
}

static void pin_unlocked_to(App *app)
{
    JournalState *js = &app->journal;
    if (js->pin_quitting) {
        /* Leaving the kiosk: the PIN was right. */
        js->pin_quitting = 0;
        clear_digits(js);
        app_pop(app);
        app->quit = 1;
        return;
    }
    js->pin_unlocked = 1;
    js->pin_active_mono = app->time.mono_ms;
    clear_digits(js);
    js->pin_message[0] = '\0';
    app_replace_top(app, app_screen_id(js->pin_after));
}

void lock_submit(App *app)
{
    JournalState *js = &app->journal;
    const JournalHost *h = &app->host.journal;
    if (!pin_valid(js->pin_digits)) {
        snprintf(js->pin_message, sizeof js->pin_message, "A PIN has 4 to 6 digits.");
        return;
    }
    switch (js->pin_mode) {
    case PIN_MODE_UNLOCK: {
        if (lock_wait_left(app) > 0)
            return;
        int match = 0;
        int r = h->pin_verify ? h->pin_verify(app->host.ctx, js->pin_digits, &match) : STORE_ERROR;
        if (r == STORE_OK && match) {
            if (js->pin_failures) {
                js->pin_failures = 0;
                save_failures(app);
            }
            js->pin_failed_mono = 0;
            pin_unlocked_to(app);
        } else if (r == STORE_OK) {
            js->pin_failures++;
            js->pin_failed_mono = app->time.mono_ms;
            save_failures(app);
            clear_digits(js);
            snprintf(js->pin_message, sizeof js->pin_message, "That PIN does not match.");
        } else {
            clear_digits(js);
            snprintf(js->pin_message, sizeof js->pin_message, "The PIN could not be checked: %s.",
                     status_words(r));
        }
        break;
    }
    case PIN_MODE_NEW:
        snprintf(js->pin_first, sizeof js->pin_first, "%s", js->pin_digits);
        clear_digits(js);
        js->pin_mode = PIN_MODE_CONFIRM;
        js->pin_message[0] = '\0';
        break;
    case PIN_MODE_CONFIRM: {
        if (strcmp(js->pin_first, js->pin_digits) != 0) {
            clear_digits(js);
            js->pin_first[0] = '\0';
            js->pin_mode = PIN_MODE_NEW;
            snprintf(js->pin_message, sizeof js->pin_message,
                     "The two did not match. Choose a PIN again.");
            break;
        }
        int r = h->pin_set ? h->pin_set(app->host.ctx, js->pin_digits) : STORE_ERROR;
        clear_digits(js);
        memset(js->pin_first, 0, sizeof js->pin_first);
        if (r != 0) {
            js->pin_mode = PIN_MODE_NEW;
            snprintf(js->pin_message, sizeof js->pin_message, "The PIN was not saved: %s.",
                     status_words(r));
            break;
        }
        js->pin_set = 1;
        js->pin_unlocked = 1;
        js->pin_active_mono = app->time.mono_ms;
        js->pin_failures = 0;
        snprintf(js->pin_note, sizeof js->pin_note,
                 "PIN set. The journal and settings lock after 5 minutes without a touch.");
        app_pop(app);
        break;
    }
    }
}
