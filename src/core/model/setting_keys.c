/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The settings table's keys, spelled once (lull/setting_keys.h). */
#include "lull/setting_keys.h"

#include <stdio.h>
#include <string.h>

#include "lull/breathe.h"

static const char *const names[SETTING_KEY_COUNT] = {
    [KEY_PARTNER_FIRST] = "partners.first",
    [KEY_PARTNER_SECOND] = "partners.second",
    [KEY_DISPLAY_NIGHT] = "display.night",
    [KEY_DISPLAY_BRIGHTNESS] = "display.brightness",
    [KEY_DISPLAY_ROTATION] = "display.rotation",
    [KEY_SOUND_VOLUME] = "sound.volume",
    [KEY_DISPLAY_NIGHT_LIGHT] = "display.night_light",
    [KEY_SIGNALS_LAYOUT] = "signals.layout",
    [KEY_SIGNALS_ORDER] = "signals.order",
    [KEY_BREATHE_PATTERN] = "breathe.pattern",
    [KEY_BREATHE_LENGTH] = "breathe.length",
    [KEY_BREATHE_SOUND] = "breathe.sound",
    [KEY_BREATHE_VOLUME] = "breathe.volume",
    [KEY_BREATHE_CUES] = "breathe.cues",
    [KEY_BREATHE_SLOWING_END] = "breathe.slowing_end",
    [KEY_BREATHE_RUNNING] = "breathe.running",
    [KEY_WORDS_TRIED] = "journal.words.tried",
    [KEY_WORDS_HELPED] = "journal.words.helped",
    [KEY_WORDS_NEXT] = "journal.words.next",
    [KEY_PIN_FAILURES] = "journal.pin.failures",
    [KEY_PIN_HASH] = "pin.hash",
    [KEY_CLOCK_OFFSET] = "clock.offset_ms",
    [KEY_JOURNAL_DRAFTS] = "journal.drafts",
};

static const char *const field_names[SIGNAL_FIELD_COUNT] = {
    [SIGNAL_FIELD_LABEL] = "label",
    [SIGNAL_FIELD_VISIBLE] = "visible",
    [SIGNAL_FIELD_COLOR] = "color",
    [SIGNAL_FIELD_SOUND] = "sound",
};

/* Applied at start, before the signals' and the custom patterns' own keys. */
static const SettingKey start_keys[] = {
    KEY_PARTNER_FIRST,       KEY_PARTNER_SECOND,   KEY_DISPLAY_NIGHT,       KEY_DISPLAY_BRIGHTNESS,
    KEY_DISPLAY_NIGHT_LIGHT, KEY_DISPLAY_ROTATION, KEY_SOUND_VOLUME,        KEY_SIGNALS_LAYOUT,
    KEY_SIGNALS_ORDER,       KEY_BREATHE_PATTERN,  KEY_BREATHE_LENGTH,      KEY_BREATHE_SOUND,
    KEY_BREATHE_VOLUME,      KEY_BREATHE_CUES,     KEY_BREATHE_SLOWING_END,
};
enum { START_KEYS = (int)(sizeof start_keys / sizeof start_keys[0]) };

const char *setting_key(SettingKey key)
{
    return key >= 0 && key < SETTING_KEY_COUNT ? names[key] : "";
}

void setting_signal_key(char *out, size_t size, SignalId id, SignalField field)
{
    snprintf(out, size, "signal.%s.%s", signal_id_name(id),
             field >= 0 && field < SIGNAL_FIELD_COUNT ? field_names[field] : "");
}

SettingKey setting_partner_key(Partner p)
{
    return p == PARTNER_SECOND ? KEY_PARTNER_SECOND : KEY_PARTNER_FIRST;
}

void setting_custom_key(char *out, size_t size, int slot)
{
    snprintf(out, size, "breathe.custom.%d", slot);
}

int setting_parse_signal_key(const char *key, SignalId *id, SignalField *field)
{
    static const char prefix[] = "signal.";
    if (strncmp(key, prefix, sizeof prefix - 1) != 0)
        return -1;
    const char *name = key + sizeof prefix - 1;
    const char *dot = strchr(name, '.');
    char id_name[SETTING_KEY_MAX];
    if (!dot || (size_t)(dot - name) >= sizeof id_name)
        return -1;
    memcpy(id_name, name, (size_t)(dot - name));
    id_name[dot - name] = '\0';
    int s = signal_from_name(id_name);
    if (s < 0)
        return -1;
    for (int f = 0; f < SIGNAL_FIELD_COUNT; f++) {
        if (strcmp(dot + 1, field_names[f]) == 0) {
            *id = (SignalId)s;
            *field = (SignalField)f;
            return 0;
        }
    }
    return -1;
}

const char *setting_breathe_choice(const char *key)
{
    static const char prefix[] = "breathe.";
    return strncmp(key, prefix, sizeof prefix - 1) == 0 ? key + sizeof prefix - 1 : NULL;
}

int setting_key_is(const char *key, SettingKey which)
{
    return strcmp(key, setting_key(which)) == 0;
}

int setting_start_key(int index, char *out, size_t size)
{
    if (index < 0)
        return -1;
    if (index < START_KEYS) {
        snprintf(out, size, "%s", names[start_keys[index]]);
        return 0;
    }
    index -= START_KEYS;
    if (index < SIGNAL_COUNT * SIGNAL_FIELD_COUNT) {
        setting_signal_key(out, size, (SignalId)(index / SIGNAL_FIELD_COUNT),
                           (SignalField)(index % SIGNAL_FIELD_COUNT));
        return 0;
    }
    index -= SIGNAL_COUNT * SIGNAL_FIELD_COUNT;
    if (index < BREATHE_MAX_CUSTOM) {
        setting_custom_key(out, size, index);
        return 0;
    }
    return -1;
}
