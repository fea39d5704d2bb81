/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The sound queue: what the core asks the mixer for this frame (earcons, the
 * ambient bed, its dimming, the volume); the platform takes and plays it. */
#include "app/services.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void app_queue_sound(App *app, SoundId sound, float gain)
{
    if (app->sound_count >= APP_SOUND_QUEUE)
        return;
    SoundRequest *r = &app->sounds[app->sound_count++];
    memset(r, 0, sizeof *r);
    r->kind = SOUND_REQ_PLAY;
    r->id = (int)sound;
    r->value = gain;
}

static void queue_request(App *app, SoundReqKind kind, int id, float value, int fade_ms)
{
    if (app->sound_count >= APP_SOUND_QUEUE)
        return;
    SoundRequest *r = &app->sounds[app->sound_count++];
    memset(r, 0, sizeof *r);
    r->kind = kind;
    r->id = id;
    r->value = value;
    r->fade_ms = fade_ms;
}

void app_queue_ambient(App *app, AmbientId bed, float gain, int fade_ms)
{
    queue_request(app, SOUND_REQ_AMBIENT, (int)bed, gain, fade_ms);
}

void app_queue_duck(App *app, float level)
{
    queue_request(app, SOUND_REQ_DUCK, 0, level, 0);
}

int app_take_sounds(App *app, SoundRequest *out, int max)
{
    int n = app->sound_count < max ? app->sound_count : max;
    memcpy(out, app->sounds, sizeof(SoundRequest) * (size_t)n);
    memmove(app->sounds, app->sounds + n, sizeof(SoundRequest) * (size_t)(app->sound_count - n));
    app->sound_count -= n;
    return n;
}

void app_queue_volume(App *app)
{
    if (app->sound_count >= APP_SOUND_QUEUE)
        return;
    SoundRequest *r = &app->sounds[app->sound_count++];
    memset(r, 0, sizeof *r);
    r->kind = SOUND_REQ_VOLUME;
    r->value = (float)app->config.volume / 100.0f;
    app->sound_volume_sent = app->config.volume;
}
