/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `lull seed-demo`: a plausible, reproducible history for demos, screenshots
 * and benchmarks. Evenings with a signal session (signals, a pause or two,
 * Stop) and often an entry after it; breathing sessions on other evenings;
 * ratings that drift gently better over the weeks. The same seed and the same
 * "now" always write the same rows. */
#include <stdio.h>
#include <string.h>

#include "store_internal.h"

enum { DAY_MS_SEED = 86400 * 1000, MINUTE_MS = 60 * 1000 };

typedef struct {
    uint64_t state;
} Rng;

/* splitmix64: small, fast and the same everywhere. */
static uint64_t rng_next(Rng *r)
{
    uint64_t z = (r->state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/* A whole number in [lo, hi]. */
static int rng_int(Rng *r, int lo, int hi)
{
    return lo + (int)(rng_next(r) % (uint64_t)(hi - lo + 1));
}

/* 1 with probability percent/100. */
static int rng_chance(Rng *r, int percent)
{
    return rng_int(r, 0, 99) < percent;
}

typedef struct {
    Store *store;
    const SeedOptions *o;
    Rng rng;
    int64_t written;
} Seeder;

/* Either partner, at random. */
static Partner one_of_them(Rng *r)
{
    return (Partner)rng_int(r, PARTNER_FIRST, PARTNER_SECOND);
}

static const char *partner_name(const Seeder *s, Partner partner)
{
    return partner == PARTNER_FIRST    ? s->o->first
           : partner == PARTNER_SECOND ? s->o->second
           : partner == PARTNER_BOTH   ? "both"
                                       : "";
}

/* The UTC offset the clock had at t: each event carries its own, as the app's do. */
static int32_t offset_at(const Seeder *s, int64_t t_ms)
{
    int64_t sec = t_ms / 1000 - (t_ms % 1000 < 0 ? 1 : 0);
    return s->o->offset_at ? s->o->offset_at(sec) : s->o->utc_offset_s;
}

static StoreStatus log_signal(Seeder *s, int64_t t, int64_t session, Partner partner,
                              const char *name, const char *label)
{
    LogEvent ev;
    event_init(&ev, EVENT_SIGNAL);
    ev.time_ms = t;
    ev.utc_offset_s = offset_at(s, ev.time_ms);
    ev.partner = partner;
    snprintf(ev.partner_name, sizeof ev.partner_name, "%s", partner_name(s, partner));
    snprintf(ev.name, sizeof ev.name, "%s", name);
    snprintf(ev.label, sizeof ev.label, "%s", label);
    ev.session = session;
    snprintf(ev.via, sizeof ev.via, "touch");
    s->written++;
    return store_log(s->store, &ev);
}

static const struct {
    const char *name, *label;
    int weight;
} signal_mix[] = {
    {"good", "Keep going", 35}, {"slower", "Slower", 25}, {"check_in", "Check in", 15},
    {"pain", "Pain", 12},       {"tired", "Tired", 13},
};

/* One evening on the signal board; returns when it ended in *end. */
static StoreStatus seed_session(Seeder *s, int64_t start, int64_t *session, int64_t *end)
{
    Rng *r = &s->rng;
    StoreStatus st = store_session_begin(s->store, start, offset_at(s, start), session);
    int64_t t = start;
    int signals = rng_int(r, 2, 8);
    int pauses_left = rng_chance(r, 55) ? rng_int(r, 1, 2) : 0;
    for (int i = 0; i < signals && st == STORE_OK; i++) {
        int pick = rng_int(r, 0, 99);
        size_t k = 0;
        while (k + 1 < sizeof signal_mix / sizeof signal_mix[0] && pick >= signal_mix[k].weight) {
            pick -= signal_mix[k].weight;
            k++;
        }
        st = log_signal(s, t, *session, one_of_them(r), signal_mix[k].name, signal_mix[k].label);
        t += (int64_t)rng_int(r, 1, 6) * MINUTE_MS + rng_int(r, 0, 59) * 1000;
        if (st == STORE_OK && pauses_left > 0 && rng_chance(r, 40)) {
            Partner who = one_of_them(r);
            pauses_left--;
            st = log_signal(s, t, *session, who, "pause", "Pause");
            t += (int64_t)rng_int(r, 1, 4) * MINUTE_MS;
            if (st == STORE_OK)
                st = log_signal(s, t, *session,
                                who == PARTNER_FIRST ? PARTNER_SECOND : PARTNER_FIRST, "ready",
                                "I'm ready");
            t += rng_int(r, 10, 50) * 1000;
            if (st == STORE_OK)
                st = log_signal(s, t, *session, who, "ready", "I'm ready");
            if (st == STORE_OK)
                st = log_signal(s, t, *session, PARTNER_BOTH, "resume", "Resuming");
            t += rng_int(r, 20, 90) * 1000;
        }
    }
    if (st == STORE_OK)
        st = log_signal(s, t, *session, one_of_them(r), "stop", "Stop for today");
    if (st == STORE_OK)
        st = store_session_end(s->store, *session, t);
    *end = t;
    return st;
}

static void pick_chips(Seeder *s, const JournalWords *w, WordsList list, int lo, int hi, char *out,
                       size_t size)
{
    int n = rng_int(&s->rng, lo, hi);
    out[0] = '\0';
    for (int i = 0; i < n; i++) {
        /* The first words of a list come up more often, as favourites do. */
        int a = rng_int(&s->rng, 0, w->count[list] - 1);
        int b = rng_int(&s->rng, 0, w->count[list] - 1);
        const char *id = w->words[list][a < b ? a : b].id;
        if (!chips_has(out, id))
            chips_toggle(out, size, id, w->words[list], w->count[list]);
    }
}

static int clamp(int v, int lo, int hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

static const char *const notes[] = {
    "Went slowly and it was lovely.",
    "Tired after the treatment, so we just held each other.",
    "The pillows under the knees made a real difference.",
    "Laughed a lot tonight.",
    "Some pain after ten minutes; we stopped and cuddled instead.",
    "Breathing together first helped me relax.",
    "Felt close. We want more evenings like this.",
    "Took the tablets an hour before; much easier.",
    "Café and a film first, then bed ♥",
    "Warm room, warm hands. Good idea.",
    "Not much energy, but it was nice to be close.",
    "Talked it through afterwards — glad we did.",
};

static StoreStatus seed_entry(Seeder *s, const JournalWords *w, int64_t t, int64_t session,
                              double progress)
{
    Rng *r = &s->rng;
    LogEvent ev;
    event_init(&ev, EVENT_ENTRY);
    ev.time_ms = t;
    ev.utc_offset_s = offset_at(s, ev.time_ms);
    int who = rng_int(r, 0, 9);
    ev.partner = who < 3 ? PARTNER_FIRST : who < 6 ? PARTNER_SECOND : PARTNER_BOTH;
    snprintf(ev.partner_name, sizeof ev.partner_name, "%s", partner_name(s, ev.partner));
    snprintf(ev.name, sizeof ev.name, "entry");
    snprintf(ev.label, sizeof ev.label, "Journal entry");
    ev.session = session;
    /* Gently better over the weeks, never a straight line. */
    int lift = (int)(progress * 10.0);
    if (rng_chance(r, 90))
        ev.closeness = clamp(3 + (lift + rng_int(r, -8, 8)) / 6, 1, 5);
    if (rng_chance(r, 90))
        ev.comfort = clamp(2 + (lift * 2 + rng_int(r, -8, 10)) / 7, 1, 5);
    if (rng_chance(r, 85))
        ev.pain = clamp(5 - (lift * 3 + rng_int(r, -10, 10)) / 7, 0, 10);
    if (rng_chance(r, 70))
        ev.tiredness = clamp(rng_int(r, 2, 7) - lift / 5, 0, 10);
    pick_chips(s, w, WORDS_TRIED, 1, 3, ev.tried, sizeof ev.tried);
    pick_chips(s, w, WORDS_HELPED, 1, 2, ev.helped, sizeof ev.helped);
    pick_chips(s, w, WORDS_NEXT, 0, 1, ev.next, sizeof ev.next);
    if (rng_chance(r, 55))
        snprintf(ev.note, sizeof ev.note, "%s",
                 notes[rng_int(r, 0, (int)(sizeof notes / sizeof notes[0]) - 1)]);
    s->written++;
    return store_log(s->store, &ev);
}

static const struct {
    const char *id, *label;
} patterns[] = {
    {"calm_5_5", "Calm 5·5"}, {"longer_out_4_6", "Longer out 4·6"},
    {"box_4", "Box 4·4·4·4"}, {"relax_4_7_8", "4·7·8"},
    {"slowing", "Slowing"},
};

static StoreStatus seed_breathing(Seeder *s, int64_t t)
{
    Rng *r = &s->rng;
    static const int lengths[] = {120, 300, 480, 600, 900};
    LogEvent ev;
    event_init(&ev, EVENT_BREATHING);
    ev.time_ms = t;
    ev.utc_offset_s = offset_at(s, ev.time_ms);
    ev.partner = PARTNER_BOTH;
    snprintf(ev.partner_name, sizeof ev.partner_name, "both");
    int p = rng_int(r, 0, (int)(sizeof patterns / sizeof patterns[0]) - 1);
    snprintf(ev.name, sizeof ev.name, "%s", patterns[p].id);
    snprintf(ev.label, sizeof ev.label, "%s", patterns[p].label);
    ev.planned_s = lengths[rng_int(r, 0, 4)];
    ev.actual_s = rng_chance(r, 80) ? ev.planned_s : rng_int(r, 60, ev.planned_s);
    ev.pauses = rng_chance(r, 15) ? 1 : 0;
    s->written++;
    return store_log(s->store, &ev);
}

static StoreStatus seed_days(Seeder *s)
{
    const SeedOptions *o = s->o;
    JournalWords words;
    words_defaults(&words);
    int64_t off_ms = (int64_t)o->utc_offset_s * 1000;
    int64_t local_now = o->now_ms + off_ms;
    int64_t today = local_now / DAY_MS_SEED - (local_now % DAY_MS_SEED < 0 ? 1 : 0);
    int days = o->weeks * 7;
    StoreStatus st = STORE_OK;
    for (int d = days - 1; d >= 0 && st == STORE_OK; d--) {
        /* Unix ms of that day's local midnight, at the offset of that day. */
        int64_t guess = (today - d) * DAY_MS_SEED - off_ms;
        int64_t midnight = (today - d) * DAY_MS_SEED - (int64_t)offset_at(s, guess) * 1000;
        double progress = (double)(days - 1 - d) / (double)(days > 1 ? days - 1 : 1);
        Rng *r = &s->rng;
        int64_t evening = midnight + (int64_t)rng_int(r, 20 * 60 + 30, 22 * 60 + 30) * MINUTE_MS;
        int session_day = rng_chance(r, 40);
        int breathing_day = rng_chance(r, session_day ? 30 : 35);
        int lone_entry = !session_day && rng_chance(r, 10);
        if (breathing_day) {
            int64_t t = session_day ? evening - 20 * MINUTE_MS : evening;
            if (t < o->now_ms)
                st = seed_breathing(s, t);
        }
        if (st == STORE_OK && session_day && evening + 90 * MINUTE_MS < o->now_ms) {
            int64_t session = 0, end = 0;
            st = seed_session(s, evening, &session, &end);
            if (st == STORE_OK && rng_chance(r, 75))
                st = seed_entry(s, &words, end + (int64_t)rng_int(r, 2, 15) * MINUTE_MS, session,
                                progress);
        }
        if (st == STORE_OK && lone_entry && evening < o->now_ms)
            st = seed_entry(s, &words, evening, 0, progress);
    }
    return st;
}

StoreStatus store_seed_demo(Store *store, const SeedOptions *options, int64_t *events)
{
    *events = 0;
    int64_t existing = store_event_count(store);
    if (existing < 0)
        return STORE_ERROR;
    if (existing > 0)
        return store_fail_message(store, STORE_ERROR,
                                  "the journal already holds events; seed-demo fills only an "
                                  "empty one");
    Seeder s = {store, options, {(uint64_t)options->seed * 0x2545F4914F6CDD1Dull + 1}, 0};
    StoreStatus st = store_begin(store);
    if (st != STORE_OK)
        return st;
    st = seed_days(&s);
    if (st == STORE_OK)
        st = store_commit(store);
    if (st != STORE_OK) {
        store_rollback(store);
        return st;
    }
    *events = s.written;
    return STORE_OK;
}
