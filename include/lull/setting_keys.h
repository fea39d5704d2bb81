/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Every key of the store's settings table, named once. The App, the store and
 * the platform all spell a key through here, so a key cannot be misspelled in
 * one place, and the list of what is read back at start is this file's. */
#ifndef LULL_SETTING_KEYS_H
#define LULL_SETTING_KEYS_H

#include <stddef.h>

#include "lull/event.h"
#include "lull/session.h"

typedef enum {
    KEY_PARTNER_FIRST,       /* partners.first: the first partner's name */
    KEY_PARTNER_SECOND,      /* partners.second */
    KEY_DISPLAY_NIGHT,       /* display.night: auto, on or off */
    KEY_DISPLAY_BRIGHTNESS,  /* display.brightness */
    KEY_DISPLAY_NIGHT_LIGHT, /* display.night_light: the backlight by night, percent */
    KEY_DISPLAY_ROTATION,    /* display.rotation */
    KEY_SOUND_VOLUME,        /* sound.volume */
    KEY_SIGNALS_LAYOUT,      /* signals.layout: auto or facing */
    KEY_SIGNALS_ORDER,       /* signals.order: "5,0,1,..." */
    KEY_BREATHE_PATTERN,     /* breathe.pattern: a pattern id or custom.N */
    KEY_BREATHE_LENGTH,      /* breathe.length, minutes */
    KEY_BREATHE_SOUND,       /* breathe.sound */
    KEY_BREATHE_VOLUME,      /* breathe.volume */
    KEY_BREATHE_CUES,        /* breathe.cues */
    KEY_BREATHE_SLOWING_END, /* breathe.slowing_end */
    KEY_BREATHE_RUNNING,     /* breathe.running: the checkpoint a crash leaves */
    KEY_WORDS_TRIED,         /* journal.words.tried: the couple's chip words */
    KEY_WORDS_HELPED,        /* journal.words.helped */
    KEY_WORDS_NEXT,          /* journal.words.next */
    KEY_PIN_FAILURES,        /* journal.pin.failures: wrong PINs in a row */
    KEY_PIN_HASH,            /* pin.hash: kept by the store alone */
    KEY_CLOCK_OFFSET,        /* clock.offset_ms: kept by the platform alone */
    KEY_JOURNAL_DRAFTS,      /* journal.drafts: entries left unsaved when Lull stopped */
    SETTING_KEY_COUNT
} SettingKey;

/* A signal's own settings: signal.<id>.<field>. */
typedef enum {
    SIGNAL_FIELD_LABEL,
    SIGNAL_FIELD_VISIBLE,
    SIGNAL_FIELD_COLOR,
    SIGNAL_FIELD_SOUND,
    SIGNAL_FIELD_COUNT
} SignalField;

enum { SETTING_KEY_MAX = 64 };

const char *setting_key(SettingKey key);
/* "signal.pain.label" into out (at least SETTING_KEY_MAX bytes). */
void setting_signal_key(char *out, size_t size, SignalId id, SignalField field);
/* partners.first or partners.second: a person's name. */
SettingKey setting_partner_key(Partner p);
/* "breathe.custom.2": a custom breathing pattern's slot. */
void setting_custom_key(char *out, size_t size, int slot);
/* Reads a signal key back: 0 and its id and field, or -1 when key is not one. */
int setting_parse_signal_key(const char *key, SignalId *id, SignalField *field);
/* The breathing choice a breathe.* key holds ("pattern", "custom.2"), or NULL. */
const char *setting_breathe_choice(const char *key);
/* Whether key is the one named. */
int setting_key_is(const char *key, SettingKey which);

/* The keys the App applies at start, in the order it applies them: index runs
 * from 0 until this returns -1. The checkpoint, the PIN and the clock are not
 * among them (their owners read them once). */
int setting_start_key(int index, char *out, size_t size);

#endif
