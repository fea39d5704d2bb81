/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The signal session as the App runs it: a signal, a pause, a partner's ready,
 * resuming, stopping, idling out and restoring after a restart. Every
 * transition is logged durably (app_log) before the frame that shows it. */
#include "app/services.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void fill_event(App *app, LogEvent *ev, Partner partner, const char *name, const char *label)
{
    event_init(ev, EVENT_SIGNAL);
    ev->time_ms = app->time.wall_ms;
    ev->utc_offset_s = app->time.utc_offset_s;
    ev->partner = (int)partner;
    snprintf(ev->partner_name, sizeof ev->partner_name, "%s", app_partner_name(app, partner));
    snprintf(ev->name, sizeof ev->name, "%s", name);
    snprintf(ev->label, sizeof ev->label, "%s", label);
    ev->session = app->session.id;
    snprintf(ev->via, sizeof ev->via, "touch");
}

static void ensure_session(App *app)
{
    if (app->session.id || !app->host.session_begin)
        return;
    /* A session the storage refuses for now gets a stand-in id that its
     * events carry until it lands (durable.c). */
    int64_t id = 0;
    durable_session_begin(app, app->time.wall_ms, app->time.utc_offset_s, &id);
    app->session.id = id;
}

static void log_simple(App *app, Partner partner, const char *name, const char *label)
{
    LogEvent ev;
    fill_event(app, &ev, partner, name, label);
    app_log(app, &ev);
}

static void end_session(App *app, int64_t at_ms)
{
    if (app->session.id)
        durable_session_end(app, app->session.id, at_ms);
}

Color app_signal_color(const App *app, SignalId id)
{
    /* At night the colours step back, and the app's brightness applies to them too. */
    float k = (float)app->config.brightness / 100.0f * (app->night ? 0.65f : 1.0f);
    return color_scale(app->signals[id].color, k);
}

void app_pause(App *app, Partner partner)
{
    int was_none = app->session.state == SESSION_NONE;
    SessionResult r = session_signal(&app->session, partner, SIGNAL_PAUSE, app->time.mono_ms,
                                     app->time.wall_ms);
    if (r == SESSION_PAUSE) {
        if (was_none)
            app->session.id = 0;
        ensure_session(app);
        LogEvent ev;
        fill_event(app, &ev, partner, "pause", app->signals[SIGNAL_PAUSE].label);
        app_log(app, &ev);
        app_queue_sound(app, app->signals[SIGNAL_PAUSE].sound, 1.0f);
    }
    /* Even an ignored repeat lands on the paused screen: pause is sacred. */
    if (app->session.state == SESSION_PAUSED && app_screen(app) != SCREEN_PAUSED) {
        app->wash_until_mono = 0;
        app_push(app, SCREEN_PAUSED);
    }
}

void app_signal(App *app, Partner partner, SignalId id)
{
    if (id == SIGNAL_PAUSE) {
        app_pause(app, partner);
        return;
    }
    int had_session = app->session.state != SESSION_NONE;
    int64_t previous = app->session.id;
    SessionResult r = session_signal(&app->session, partner, id, app->time.mono_ms,
                                     app->time.wall_ms);
    if (r == SESSION_IGNORED)
        return;
    if (r == SESSION_STOP) {
        /* A Stop with no session still ends the evening: log it in a session of its own. */
        app->session.id = had_session ? previous : 0;
        ensure_session(app);
        LogEvent ev;
        fill_event(app, &ev, partner, "stop", app->signals[SIGNAL_STOP].label);
        app_log(app, &ev);
        end_session(app, app->time.wall_ms);
        app->stopped_session = app->session.id;
        app->stopped_by = partner;
        app->stopped_at_mono = app->time.mono_ms;
        app->session.id = 0;
        app_queue_sound(app, app->signals[SIGNAL_STOP].sound, 1.0f);
        app->wash_until_mono = 0;
        app_home(app);
        app_push(app, SCREEN_STOPPED);
        return;
    }
    if (!had_session)
        app->session.id = 0;
    ensure_session(app);
    LogEvent ev;
    fill_event(app, &ev, partner, signal_id_name(id), app->signals[id].label);
    app_log(app, &ev);
    app_queue_sound(app, app->signals[id].sound, 1.0f);
    app->wash_signal = id;
    app->wash_partner = partner;
    app->wash_from = rect_make(0, 0, 0, 0); /* the board says where, when a tile sent it */
    app->wash_until_mono = app->time.mono_ms + APP_WASH_MS;
}

void app_ready(App *app, Partner partner)
{
    SessionResult r = session_ready(&app->session, partner, app->time.wall_ms);
    if (r == SESSION_IGNORED)
        return;
    if (r == SESSION_NOT_READY) {
        log_simple(app, partner, "not_ready", "Not ready");
        return;
    }
    log_simple(app, partner, "ready", "I'm ready");
    if (r == SESSION_RESUME) {
        log_simple(app, PARTNER_BOTH, "resume", "Resuming");
        app_queue_sound(app, SOUND_RESUME, 1.0f);
        app->resume_wash_until = app->time.mono_ms + APP_RESUME_WASH_MS;
        /* Back to where the couple was: the board, an entry and its words, a
         * breathing session still on hold, Settings, the PIN pad. */
        app_pop(app);
    } else {
        app_queue_sound(app, SOUND_READY, 0.8f);
    }
}

void app_check_session_idle(App *app)
{
    int64_t idle = (int64_t)app->config.session_idle_min * 60000;
    if (session_expired(&app->session, app->time.wall_ms, idle)) {
        end_session(app, app->session.last_ms);
        session_stop(&app->session, app->session.last_ms);
    }
}

void app_restore_session(App *app, const LogEvent *events, int count)
{
    for (int i = 0; i < count; i++)
        session_replay(&app->session, &events[i]);
    if (app->session.state == SESSION_PAUSED) {
        /* The board under the pause: resuming carries on the session there. */
        app_home(app);
        app_push(app, SCREEN_SIGNALS);
        app_push(app, SCREEN_PAUSED);
    }
}

void app_paused_words(const App *app, char *out, size_t size)
{
    int64_t s = (app->time.wall_ms - app->session.paused_at_ms) / 1000;
    char ago[48];
    if (s < 60)
        snprintf(ago, sizeof ago, "just now");
    else if (s < 3600)
        snprintf(ago, sizeof ago, "%d min ago", (int)(s / 60));
    else
        snprintf(ago, sizeof ago, "%d h %d min ago", (int)(s / 3600), (int)(s % 3600 / 60));
    if (app->session.paused_by != PARTNER_NONE)
        snprintf(out, size, "%s paused · %s", app_partner_name(app, app->session.paused_by), ago);
    else
        snprintf(out, size, "Paused · %s", ago);
}

int app_may_carry_on(const App *app)
{
    return app->stopped_session != 0 &&
           app->time.mono_ms - app->stopped_at_mono < APP_CARRY_ON_MS &&
           app->session.state == SESSION_NONE;
}

void app_carry_on(App *app)
{
    if (!app_may_carry_on(app))
        return;
    /* The same session goes on: opened again, and "carry_on" in its log. */
    session_carry_on(&app->session, app->stopped_session, app->time.wall_ms);
    durable_session_end(app, app->session.id, 0);
    log_simple(app, PARTNER_BOTH, "carry_on", "Carrying on");
    app->stopped_session = 0;
    app_queue_sound(app, SOUND_RESUME, 1.0f);
    app->resume_wash_until = app->time.mono_ms + APP_RESUME_WASH_MS;
    app_home(app);
    app_push(app, SCREEN_SIGNALS);
}
