/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Settings as the App keeps them: applying a stored key to the App, saving a
 * change durably (it wins over the config file), and the one list of keys. */
#include "app/services.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void app_apply_setting(App *app, const char *key, const char *value)
{
    if (breathe_apply_setting(app, key, value))
        return;
    if (strcmp(key, "partners.first") == 0) {
        utf8_copy(app->names[0], sizeof app->names[0], value); /* never half a character */
        return;
    }
    if (strcmp(key, "partners.second") == 0) {
        utf8_copy(app->names[1], sizeof app->names[1], value);
        return;
    }
    if (strncmp(key, "signal.", 7) == 0) {
        /* signal.<id>.<field> */
        char id[EVENT_NAME_MAX];
        const char *dot = strchr(key + 7, '.');
        if (!dot || (size_t)(dot - (key + 7)) >= sizeof id)
            return;
        memcpy(id, key + 7, (size_t)(dot - (key + 7)));
        id[dot - (key + 7)] = '\0';
        int s = signal_from_name(id);
        if (s < 0)
            return;
        SignalDef *def = &app->signals[s];
        const char *field = dot + 1;
        if (strcmp(field, "label") == 0 && value[0])
            utf8_copy(def->label, sizeof def->label, value);
        else if (strcmp(field, "visible") == 0)
            def->visible = value[0] == '1';
        else if (strcmp(field, "color") == 0)
            def->color = color_rgb((uint32_t)strtoul(value, NULL, 16));
        else if (strcmp(field, "sound") == 0) {
            int snd = signal_from_name(value);
            if (snd >= 0)
                def->sound = (SoundId)(SOUND_GOOD + snd);
        }
        return;
    }
    if (strcmp(key, "signals.order") == 0) {
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
        if (strcmp(key, "signals.layout") == 0)
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

int app_store_setting(App *app, const char *key, const char *value)
{
    if (!app->host.setting_set)
        return 1;
    return app->host.setting_set(app->host.ctx, key, value);
}

int app_save_int(App *app, const char *key, int value)
{
    char text[16];
    snprintf(text, sizeof text, "%d", value);
    return app_save_setting(app, key, text);
}
