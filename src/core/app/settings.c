/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Settings as the App keeps them: applying a stored key to the App, saving a
 * change durably (it wins over the config file). The keys are lull/setting_keys.h's. */
#include "app/services.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void app_apply_setting(App *app, const char *key, const char *value)
{
    if (breathe_apply_setting(app, key, value))
        return;
    if (setting_key_is(key, KEY_PARTNER_FIRST) || setting_key_is(key, KEY_PARTNER_SECOND)) {
        int p = setting_key_is(key, KEY_PARTNER_SECOND);
        utf8_copy(app->names[p], sizeof app->names[p], value); /* never half a character */
        return;
    }
    SignalId id;
    SignalField field;
    if (setting_parse_signal_key(key, &id, &field) == 0) {
        SignalDef *def = &app->signals[id];
        if (field == SIGNAL_FIELD_LABEL && value[0])
            utf8_copy(def->label, sizeof def->label, value);
        else if (field == SIGNAL_FIELD_VISIBLE)
            def->visible = value[0] == '1';
        else if (field == SIGNAL_FIELD_COLOR)
            def->color = color_rgb((uint32_t)strtoul(value, NULL, 16));
        else if (field == SIGNAL_FIELD_SOUND) {
            int snd = signal_from_name(value);
            if (snd >= 0)
                def->sound = (SoundId)(SOUND_GOOD + snd);
        }
        return;
    }
    if (setting_key_is(key, KEY_SIGNALS_ORDER)) {
        signal_set_parse_order(app->signal_order, value);
        return;
    }
    char section[32], name[64], why[160];
    const char *dot = strchr(key, '.');
    if (!dot || (size_t)(dot - key) >= sizeof section)
        return;
    memcpy(section, key, (size_t)(dot - key));
    section[dot - key] = '\0';
    snprintf(name, sizeof name, "%s", dot + 1);
    if (config_set(&app->config, section, name, value, why, sizeof why) == 0) {
        if (setting_key_is(key, KEY_SIGNALS_LAYOUT))
            app->facing = app->config.board == BOARD_FACING;
        app_update_theme(app);
        app_resize(app, app->metrics.w, app->metrics.h, app->dpi);
    }
}

static int setting_changed(App *app, const char *key, const char *given)
{
    /* The value may be the app's own field (a name): copy it before it changes. */
    char value[256];
    snprintf(value, sizeof value, "%s", given);
    app_apply_setting(app, key, value);
    return durable_setting(app, key, value);
}

int app_save_setting(App *app, const char *key, const char *value)
{
    return setting_changed(app, key, value);
}

int app_save(App *app, SettingKey key, const char *value)
{
    return setting_changed(app, setting_key(key), value);
}

int app_store_setting(App *app, SettingKey key, const char *value)
{
    if (!app->host.setting_set)
        return STORE_ERROR;
    return app->host.setting_set(app->host.ctx, setting_key(key), value);
}

int app_save_int(App *app, SettingKey key, int value)
{
    char text[16];
    snprintf(text, sizeof text, "%d", value);
    return app_save(app, key, text);
}
