/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The mixer: voices from synth.c, two ambient bed slots for true crossfades, a
 * smoothed duck and master volume, and a limiter, rendered to 48 kHz stereo S16.
 * Every gain moves a little each frame, so nothing the app asks for can click, and
 * all randomness comes from seeds in the struct, so the same calls give the same samples. */
#include "lull/mixer.h"

#include <assert.h>
#include <math.h>
#include <string.h>

#include "synth.h"

#define MIXER_PI 3.14159265358979f
#define MIXER_TAU (2.0f * MIXER_PI)

enum {
    FADE_MIN_MS = 20,           /* a shorter bed fade would be a click */
    FILE_SWITCH_FADE_MS = 2000, /* mixer_set_file while a file plays */
    TAIL_FRAMES = 480,          /* 10 ms: a stolen voice fades out this fast */
    FRAMES_PER_MS = MIXER_RATE / 1000,
};

/* One-pole smoothing per frame: 1 - exp(-1 / (tau * 48000)). */
static const float master_coef = 4.1658e-4f;     /* tau 50 ms: a dragged slider, no zipper */
static const float duck_coef = 2.0831e-4f;       /* tau 100 ms: settled within ~300 ms */
static const float limiter_attack = 2.0623e-2f;  /* tau 1 ms */
static const float limiter_release = 6.9442e-5f; /* tau 300 ms */
static const float limiter_threshold = 0.70f;    /* about -3 dBFS */
static const float clip_knee = 0.80f;            /* linear below, tanh to 1.0 above */

/* Normalises each generator to about -20 dBFS RMS at gain 1 (measured over minutes). */
static const float bed_level[AMBIENT_COUNT] = {
    [AMBIENT_SILENCE] = 0.0f, [AMBIENT_OCEAN] = 2.15f,  [AMBIENT_RAIN] = 0.78f,
    [AMBIENT_BROWN] = 0.72f,  [AMBIENT_DRONE] = 0.206f, [AMBIENT_FILE] = 1.0f,
};

static const char *const sound_names[SOUND_COUNT] = {
    "none", "good",  "slower", "check_in", "pain",    "tired", "pause",
    "stop", "ready", "resume", "cue_in",   "cue_out", "gong",  "chime",
};

static const char *const ambient_names[AMBIENT_COUNT] = {
    "silence", "ocean", "rain", "brown", "drone", "file",
};

static float clamp01(float value)
{
    if (!(value > 0.0f)) /* also catches NaN */
        return 0.0f;
    return value > 1.0f ? 1.0f : value;
}

static uint32_t rng_next(uint32_t *state)
{
    uint32_t x = *state; /* xorshift32: tiny, fast, and plenty for noise */
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    *state = x;
    return x;
}

/* Uniform in [0, 1). */
static float rng_unit(uint32_t *state)
{
    return (float)(rng_next(state) >> 8) * (1.0f / 16777216.0f);
}

/* Uniform in [-1, 1). */
static float rng_signed(uint32_t *state)
{
    return rng_unit(state) * 2.0f - 1.0f;
}

static uint32_t rng_range(uint32_t *state, uint32_t low, uint32_t high)
{
    return low + rng_next(state) % (high - low + 1u);
}

/* A shared and an own part per channel: correlated about 0.64, a gentle width. */
static void noise_pair(uint32_t *state, float out[2])
{
    float common = rng_signed(state);
    out[0] = 0.8f * common + 0.6f * rng_signed(state);
    out[1] = 0.8f * common + 0.6f * rng_signed(state);
}

static float one_pole(float *state, float input, float coef)
{
    *state += coef * (input - *state);
    return *state;
}

static float lowpass_coef(float hz)
{
    return 1.0f - expf(-MIXER_TAU * hz / (float)MIXER_RATE);
}

/* DC blocker y = x - x1 + r * y1; state[0] = x1, state[1] = y1. */
static float dc_block(float state[2], float input, float r)
{
    float output = input - state[0] + r * state[1];
    state[0] = input;
    state[1] = output;
    return output;
}

static float wander_next(MixerWander *wander, uint32_t *state, uint32_t min_frames,
                         uint32_t max_frames)
{
    if (wander->pos >= wander->len) {
        wander->from = wander->to;
        wander->to = rng_signed(state);
        wander->len = rng_range(state, min_frames, max_frames);
        wander->pos = 0;
    }
    float x = (float)wander->pos / (float)wander->len;
    wander->pos++;
    float shape = 0.5f - 0.5f * cosf(MIXER_PI * x);
    return wander->from + (wander->to - wander->from) * shape;
}

static void ocean_frame(MixerAmbient *bed, float out[2])
{
    if (bed->wave_pos >= bed->wave_len) {
        /* a new swell, 6 to 12 s, of its own height and shape */
        bed->wave_len = rng_range(&bed->rng, 6u * MIXER_RATE, 12u * MIXER_RATE);
        bed->wave_amp = 0.5f + 0.35f * rng_unit(&bed->rng);
        bed->wave_rise = 0.30f + 0.15f * rng_unit(&bed->rng);
        bed->wave_pos = 0;
    }
    float x = (float)bed->wave_pos / (float)bed->wave_len;
    bed->wave_pos++;
    float rise = bed->wave_rise;
    float swell = x < rise ? 0.5f - 0.5f * cosf(MIXER_PI * x / rise)
                           : 0.5f + 0.5f * cosf(MIXER_PI * (x - rise) / (1.0f - rise));
    swell *= bed->wave_amp;
    float base = 0.5f +
                 0.08f * wander_next(&bed->wander[0], &bed->rng, 4u * MIXER_RATE, 9u * MIXER_RATE);
    float low_coef = lowpass_coef(300.0f + 400.0f * swell);
    float high_coef = lowpass_coef(800.0f + 1400.0f * swell);
    float noise[2];
    noise_pair(&bed->rng, noise);
    for (int ch = 0; ch < 2; ch++) {
        float low = one_pole(&bed->lp[ch][0], noise[ch], low_coef);
        low = one_pole(&bed->lp[ch][1], low, low_coef);
        float high = one_pole(&bed->lp[ch][2], noise[ch], high_coef);
        high = one_pole(&bed->lp[ch][3], high, high_coef);
        /* the body follows the swell; the brighter wash only at its crest */
        float value = low * (base + 0.4f * swell) + 0.2f * (high - low) * swell * swell;
        out[ch] = dc_block(bed->hp[ch], value, 0.996f);
    }
}

static void rain_drop_start(MixerAmbient *bed)
{
    for (int i = 0; i < 4; i++) {
        MixerDrop *drop = &bed->drops[i];
        if (drop->len != 0)
            continue;
        drop->hz = 900.0f + 1900.0f * rng_unit(&bed->rng);
        drop->amp = 0.07f + 0.16f * rng_unit(&bed->rng); /* before bed_level */
        drop->pan = 0.25f + 0.5f * rng_unit(&bed->rng);
        drop->phase = 0.0f;
        drop->len = rng_range(&bed->rng, 15u * FRAMES_PER_MS, 45u * FRAMES_PER_MS);
        drop->pos = 0;
        return;
    }
}

static float rain_drop_frame(MixerDrop *drop)
{
    float x = (float)drop->pos / (float)drop->len;
    float attack = (float)drop->pos / (1.5f * (float)FRAMES_PER_MS);
    float rise = attack < 1.0f ? sinf(0.5f * MIXER_PI * attack) : 1.0f;
    /* decays by e^-4 over its length, shifted to end at exactly zero */
    float decay = (expf(-4.0f * x) - 0.0183156f) / (1.0f - 0.0183156f);
    float value = drop->amp * rise * rise * decay * sinf(MIXER_TAU * drop->phase);
    /* a water drop's pitch rises as its bubble closes */
    drop->phase += drop->hz * (1.0f + 0.35f * x) / (float)MIXER_RATE;
    drop->phase -= floorf(drop->phase);
    drop->pos++;
    if (drop->pos >= drop->len)
        drop->len = 0;
    return value;
}

static void rain_frame(MixerAmbient *bed, float out[2])
{
    float intensity = 1.0f + 0.2f * wander_next(&bed->wander[0], &bed->rng, 8u * MIXER_RATE,
                                                20u * MIXER_RATE);
    float soft = lowpass_coef(3200.0f);
    float noise[2];
    noise_pair(&bed->rng, noise);
    for (int ch = 0; ch < 2; ch++) {
        /* Paul Kellet's pink filter */
        float white = noise[ch];
        float *b = bed->pink[ch];
        b[0] = 0.99886f * b[0] + white * 0.0555179f;
        b[1] = 0.99332f * b[1] + white * 0.0750759f;
        b[2] = 0.96900f * b[2] + white * 0.1538520f;
        b[3] = 0.86650f * b[3] + white * 0.3104856f;
        b[4] = 0.55000f * b[4] + white * 0.5329522f;
        b[5] = -0.7616f * b[5] - white * 0.0168980f;
        float pink = b[0] + b[1] + b[2] + b[3] + b[4] + b[5] + b[6] + white * 0.5362f;
        b[6] = white * 0.115926f;
        pink = one_pole(&bed->lp[ch][0], pink * 0.11f, soft);
        out[ch] = intensity * dc_block(bed->hp[ch], pink, 0.99f);
    }
    /* about 10 soft drops a second, more when the rain swells */
    if (rng_unit(&bed->rng) < 10.0f * intensity / (float)MIXER_RATE)
        rain_drop_start(bed);
    for (int i = 0; i < 4; i++) {
        MixerDrop *drop = &bed->drops[i];
        if (drop->len == 0)
            continue;
        float pan = drop->pan;
        float value = rain_drop_frame(drop);
        out[0] += value * (1.0f - pan);
        out[1] += value * pan;
    }
}

static void brown_frame(MixerAmbient *bed, float out[2])
{
    float noise[2];
    noise_pair(&bed->rng, noise);
    for (int ch = 0; ch < 2; ch++) {
        /* a leaky integrator (-6 dB/octave from ~15 Hz), then a DC blocker so it never drifts */
        bed->brown[ch] = 0.998f * bed->brown[ch] + 0.02f * noise[ch];
        out[ch] = dc_block(bed->hp[ch], bed->brown[ch], 0.9985f);
    }
}

static void drone_frame(MixerAmbient *bed, float out[2])
{
    static const float hz[4] = {110.0f, 110.34f, 164.56f, 220.68f};
    static const float amp[4] = {0.50f, 0.40f, 0.28f, 0.16f};
    static const float width[4] = {0.25f, -0.25f, 0.2f, -0.2f};
    float pad[2] = {0.0f, 0.0f};
    for (int i = 0; i < 4; i++) {
        /* each partial drifts a few cents on its own: the beating never settles into a loop */
        float drift = wander_next(&bed->wander[i], &bed->rng, 3u * MIXER_RATE, 9u * MIXER_RATE);
        bed->phase[i] += hz[i] * (1.0f + 0.004f * drift) / (float)MIXER_RATE;
        bed->phase[i] -= floorf(bed->phase[i]);
        float value = amp[i] * sinf(MIXER_TAU * bed->phase[i]);
        pad[0] += value * (1.0f + width[i]);
        pad[1] += value * (1.0f - width[i]);
    }
    float breath = 0.85f + 0.15f * wander_next(&bed->wander[4], &bed->rng, 5u * MIXER_RATE,
                                               12u * MIXER_RATE);
    float noise[2];
    noise_pair(&bed->rng, noise);
    float coef = lowpass_coef(450.0f);
    for (int ch = 0; ch < 2; ch++) {
        float hush = one_pole(&bed->lp[ch][0], noise[ch], coef);
        hush = one_pole(&bed->lp[ch][1], hush, coef);
        out[ch] = dc_block(bed->hp[ch], breath * pad[ch] + 0.9f * hush, 0.999f);
    }
}

/* The couple's file. When the ring runs dry (a stalled disk) its last frame is held
 * and faded out over 20 ms; when frames come again they fade back in from wherever
 * that fade had got to: neither way a click. */
static void file_frame(MixerAmbient *bed, float out[2])
{
    const float scale = 1.0f / 32768.0f;
    const float glide = 1.0f / (20.0f * (float)FRAMES_PER_MS);
    int16_t frame[2];
    if (stream_take(bed->file, frame)) {
        bed->file_last[0] = (float)frame[0] * scale;
        bed->file_last[1] = (float)frame[1] * scale;
        bed->file_level = fminf(1.0f, bed->file_level + glide);
    } else {
        bed->file_level = fmaxf(0.0f, bed->file_level - glide);
    }
    out[0] = bed->file_last[0] * bed->file_level;
    out[1] = bed->file_last[1] * bed->file_level;
}

static void bed_frame(MixerAmbient *bed, float out[2])
{
    out[0] = 0.0f;
    out[1] = 0.0f;
    switch (bed->id) {
    case AMBIENT_OCEAN:
        ocean_frame(bed, out);
        break;
    case AMBIENT_RAIN:
        rain_frame(bed, out);
        break;
    case AMBIENT_BROWN:
        brown_frame(bed, out);
        break;
    case AMBIENT_DRONE:
        drone_frame(bed, out);
        break;
    case AMBIENT_FILE:
        if (bed->file)
            file_frame(bed, out);
        break;
    case AMBIENT_SILENCE:
    case AMBIENT_COUNT:
        break;
    }
    float level = bed_level[bed->id];
    out[0] *= level;
    out[1] *= level;
    bed->t++;
}

static void bed_start(Mixer *mixer, MixerAmbient *bed, AmbientId id)
{
    memset(bed, 0, sizeof *bed);
    bed->id = id;
    bed->fade = 1.0f;
    mixer->seed = mixer->seed * 1664525u + 1013904223u;
    bed->rng = (mixer->seed ^ 0x9E3779B9u) | 1u;
    if (id == AMBIENT_FILE) {
        bed->file = mixer->file;
        bed->file_level = 1.0f;
    }
}

static void bed_fade_to(MixerAmbient *bed, float target, int fade_ms, int fresh)
{
    int ms = fade_ms < FADE_MIN_MS ? FADE_MIN_MS : fade_ms;
    bed->from = bed->gain;
    bed->target = target;
    bed->fade = 0.0f;
    bed->fresh = fresh;
    bed->step = 1.0f / ((float)ms * (float)FRAMES_PER_MS);
}

/* The gain for this frame. A bed coming in from silence rises on a quarter sine and
 * one going out falls on a quarter cosine (equal power, so a crossfade of two
 * unrelated beds keeps its loudness); any other change follows a raised cosine. */
static float bed_gain_next(MixerAmbient *bed)
{
    if (bed->fade >= 1.0f)
        return bed->gain;
    bed->fade += bed->step;
    if (bed->fade >= 1.0f) {
        bed->fade = 1.0f;
        bed->gain = bed->target;
    } else if (bed->fresh) {
        bed->gain = bed->target * sinf(0.5f * MIXER_PI * bed->fade);
    } else if (bed->target == 0.0f) {
        bed->gain = bed->from * cosf(0.5f * MIXER_PI * bed->fade);
    } else {
        float shape = 0.5f - 0.5f * cosf(MIXER_PI * bed->fade);
        bed->gain = bed->from + (bed->target - bed->from) * shape;
    }
    return bed->gain;
}

static int bed_live(const MixerAmbient *bed)
{
    return bed->gain > 0.0f || bed->target > 0.0f;
}

static int bed_heard(const MixerAmbient *bed)
{
    if (!bed_live(bed) || bed->id == AMBIENT_SILENCE)
        return 0;
    return bed->id != AMBIENT_FILE || bed->file != NULL;
}

static int bed_is(const Mixer *mixer, const MixerAmbient *bed, AmbientId id)
{
    if (bed->id != id)
        return 0;
    return id != AMBIENT_FILE || bed->file == mixer->file;
}

static void crossfade_to(Mixer *mixer, AmbientId id, float gain, int fade_ms)
{
    mixer->outgoing = mixer->ambient;
    bed_fade_to(&mixer->outgoing, 0.0f, fade_ms, 0);
    bed_start(mixer, &mixer->ambient, id);
    bed_fade_to(&mixer->ambient, gain, fade_ms, 1);
}

void mixer_init(Mixer *mixer)
{
    assert(mixer && "mixer_init needs a mixer");
    memset(mixer, 0, sizeof *mixer);
    mixer->seed = 0x4C756C6Cu; /* "Lull" */
    mixer->ambient.id = AMBIENT_SILENCE;
    mixer->ambient.fade = 1.0f;
    mixer->outgoing = mixer->ambient;
    mixer->master = mixer->master_target = 1.0f;
    mixer->duck = mixer->duck_target = 1.0f;
    mixer->limiter = 1.0f;
}

void mixer_play(Mixer *mixer, SoundId sound, float gain)
{
    assert((int)sound >= 0 && (int)sound < (int)SOUND_COUNT && "mixer_play: no such sound");
    gain = clamp01(gain);
    if (synth_sound_frames(sound) == 0 || gain == 0.0f)
        return; /* SOUND_NONE, or (with NDEBUG) an id out of range */
    MixerVoice *voice = NULL;
    for (int i = 0; i < MIXER_VOICES && !voice; i++)
        if (!mixer->voices[i].active)
            voice = &mixer->voices[i];
    if (!voice) {
        /* All voices sound: steal the one furthest through its sound, and let its
         * old sound fade out over 10 ms beside the new one instead of cutting it. */
        float furthest = -1.0f;
        for (int i = 0; i < MIXER_VOICES; i++) {
            MixerVoice *candidate = &mixer->voices[i];
            float progress = (float)candidate->pos / (float)candidate->length;
            if (candidate->tail_left == 0 && progress > furthest) {
                furthest = progress;
                voice = candidate;
            }
        }
        if (!voice)
            return; /* 17 sounds inside 10 ms: dropping one is kinder than a click */
        voice->tail_sound = voice->sound;
        voice->tail_pos = voice->pos;
        voice->tail_gain = voice->gain;
        voice->tail_left = TAIL_FRAMES;
    }
    voice->active = 1;
    voice->sound = sound;
    voice->pos = 0;
    voice->length = synth_sound_frames(sound);
    voice->gain = gain;
}

void mixer_set_ambient(Mixer *mixer, AmbientId id, float gain, int fade_ms)
{
    assert((int)id >= 0 && (int)id < (int)AMBIENT_COUNT && "mixer_set_ambient: no such bed");
    if ((int)id < 0 || (int)id >= (int)AMBIENT_COUNT)
        return; /* builds with NDEBUG */
    gain = clamp01(gain);
    if (bed_is(mixer, &mixer->ambient, id)) {
        /* the same bed (perhaps on its way out): glide to the new gain */
        mixer->pending = 0;
        bed_fade_to(&mixer->ambient, gain, fade_ms, 0);
        return;
    }
    if (mixer->pending || bed_live(&mixer->outgoing)) {
        if (!mixer->pending && bed_is(mixer, &mixer->outgoing, id)) {
            /* back to the bed that is still fading out: turn both fades around */
            MixerAmbient back = mixer->outgoing;
            mixer->outgoing = mixer->ambient;
            mixer->ambient = back;
            bed_fade_to(&mixer->outgoing, 0.0f, fade_ms, 0);
            bed_fade_to(&mixer->ambient, gain, fade_ms, 0);
            return;
        }
        /* Both slots are sounding: the current bed fades out too, and the new one
         * starts as soon as the older fade has finished. */
        if (!mixer->pending)
            bed_fade_to(&mixer->ambient, 0.0f, fade_ms, 0);
        mixer->pending = 1;
        mixer->pending_id = id;
        mixer->pending_gain = gain;
        mixer->pending_fade_ms = fade_ms;
        return;
    }
    crossfade_to(mixer, id, gain, fade_ms);
}

void mixer_set_file(Mixer *mixer, Stream *file)
{
    assert(mixer && "mixer_set_file needs a mixer");
    mixer->file = file;
    if (mixer->ambient.id == AMBIENT_FILE && !mixer->pending && mixer->ambient.target > 0.0f &&
        !bed_is(mixer, &mixer->ambient, AMBIENT_FILE))
        mixer_set_ambient(mixer, AMBIENT_FILE, mixer->ambient.target, FILE_SWITCH_FADE_MS);
}

void mixer_set_volume(Mixer *mixer, float volume)
{
    mixer->master_target = clamp01(volume);
}

void mixer_set_duck(Mixer *mixer, float level)
{
    mixer->duck_target = clamp01(level);
}

static float smooth(float value, float target, float coef)
{
    float next = value + (target - value) * coef;
    /* snap when close, so a fade to 0 ends in true digital silence */
    return fabsf(target - next) < 1e-5f ? target : next;
}

static float voices_frame(Mixer *mixer)
{
    float sum = 0.0f;
    for (int i = 0; i < MIXER_VOICES; i++) {
        MixerVoice *voice = &mixer->voices[i];
        if (voice->active) {
            sum += voice->gain * synth_sound_sample(voice->sound, voice->pos);
            voice->pos++;
            if (voice->pos >= voice->length)
                voice->active = 0;
        }
        if (voice->tail_left > 0) {
            float x = (float)voice->tail_left / (float)TAIL_FRAMES;
            float fade = x * x * (3.0f - 2.0f * x);
            sum += voice->tail_gain * fade * synth_sound_sample(voice->tail_sound, voice->tail_pos);
            voice->tail_pos++;
            voice->tail_left--;
        }
    }
    return sum;
}

static void ambient_frame(Mixer *mixer, float out[2])
{
    out[0] = 0.0f;
    out[1] = 0.0f;
    MixerAmbient *slots[2] = {&mixer->outgoing, &mixer->ambient};
    for (int i = 0; i < 2; i++) {
        MixerAmbient *bed = slots[i];
        if (!bed_live(bed))
            continue;
        float gain = bed_gain_next(bed);
        float frame[2];
        bed_frame(bed, frame);
        out[0] += gain * frame[0];
        out[1] += gain * frame[1];
    }
    if (mixer->pending && !bed_live(&mixer->outgoing)) {
        mixer->pending = 0;
        crossfade_to(mixer, mixer->pending_id, mixer->pending_gain, mixer->pending_fade_ms);
    }
}

/* Linear up to the knee, then a tanh curve that meets it with the same slope and
 * never passes full scale: a loud sum bends instead of wrapping. */
static float soft_clip(float value)
{
    float magnitude = fabsf(value);
    if (magnitude <= clip_knee)
        return value;
    float room = 1.0f - clip_knee;
    float bent = clip_knee + room * tanhf((magnitude - clip_knee) / room);
    return value < 0.0f ? -bent : bent;
}

static int16_t to_s16(float value)
{
    float scaled = soft_clip(value) * 32767.0f;
    if (scaled > 32767.0f)
        scaled = 32767.0f;
    if (scaled < -32767.0f)
        scaled = -32767.0f;
    return (int16_t)lrintf(scaled);
}

void mixer_render(Mixer *mixer, int16_t *out, int frames)
{
    assert(mixer && (out || frames <= 0) && "mixer_render needs a mixer and a buffer");
    for (int n = 0; n < frames; n++) {
        mixer->master = smooth(mixer->master, mixer->master_target, master_coef);
        mixer->duck = smooth(mixer->duck, mixer->duck_target, duck_coef);
        float voice = voices_frame(mixer);
        float bed[2];
        ambient_frame(mixer, bed);
        float volume = mixer->master * mixer->master; /* loudness feels about square-law */
        float left = (voice + mixer->duck * bed[0]) * volume;
        float right = (voice + mixer->duck * bed[1]) * volume;
        float peak = fmaxf(fabsf(left), fabsf(right));
        float wanted = peak > limiter_threshold ? limiter_threshold / peak : 1.0f;
        float coef = wanted < mixer->limiter ? limiter_attack : limiter_release;
        mixer->limiter = smooth(mixer->limiter, wanted, coef);
        out[2 * n] = to_s16(left * mixer->limiter);
        out[2 * n + 1] = to_s16(right * mixer->limiter);
        mixer->frames++;
    }
}

int mixer_busy(const Mixer *mixer)
{
    if (mixer->master == 0.0f && mixer->master_target == 0.0f)
        return 0;
    for (int i = 0; i < MIXER_VOICES; i++)
        if (mixer->voices[i].active || mixer->voices[i].tail_left > 0)
            return 1;
    if (mixer->duck == 0.0f && mixer->duck_target == 0.0f)
        return 0;
    if (mixer->pending && mixer->pending_id != AMBIENT_SILENCE && mixer->pending_gain > 0.0f)
        return 1;
    return bed_heard(&mixer->ambient) || bed_heard(&mixer->outgoing);
}

int mixer_sound_ms(SoundId sound)
{
    return (int)(synth_sound_frames(sound) / (uint32_t)FRAMES_PER_MS);
}

int mixer_uses_file(const Mixer *mixer, const Stream *file)
{
    if (!file)
        return 0;
    if (mixer->file == file)
        return 1;
    const MixerAmbient *slots[2] = {&mixer->ambient, &mixer->outgoing};
    for (int i = 0; i < 2; i++)
        if (slots[i]->id == AMBIENT_FILE && slots[i]->file == file && bed_live(slots[i]))
            return 1;
    return 0;
}

const char *mixer_sound_name(SoundId sound)
{
    if ((int)sound < 0 || (int)sound >= (int)SOUND_COUNT)
        return "?";
    return sound_names[sound];
}

const char *mixer_ambient_name(AmbientId id)
{
    if ((int)id < 0 || (int)id >= (int)AMBIENT_COUNT)
        return "?";
    return ambient_names[id];
}

void mixer_apply(Mixer *mixer, const SoundRequest *request)
{
    assert(request && "mixer_apply needs a request");
    switch (request->kind) {
    case SOUND_REQ_PLAY:
        mixer_play(mixer, (SoundId)request->id, request->value);
        break;
    case SOUND_REQ_AMBIENT:
        mixer_set_ambient(mixer, (AmbientId)request->id, request->value, request->fade_ms);
        break;
    case SOUND_REQ_VOLUME:
        mixer_set_volume(mixer, request->value);
        break;
    case SOUND_REQ_DUCK:
        mixer_set_duck(mixer, request->value);
        break;
    }
}
