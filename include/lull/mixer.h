/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Lull's own synthesiser and mixer: earcons, cue tones, a gong, ambient beds and
 * the couple's decoded sound files, mixed to 48 kHz stereo S16. The same code
 * feeds the speakers (through SDL's audio callback) and --audio-out.
 * Pure C11: no SDL, no clock, no I/O — time is the number of frames rendered. */
#ifndef LULL_MIXER_H
#define LULL_MIXER_H

#include <stdint.h>

#include "lull/stream.h"

enum {
    MIXER_RATE = 48000,
    MIXER_CHANNELS = 2,
    MIXER_VOICES = 16,
};

typedef enum {
    SOUND_NONE,
    /* earcons, one per signal (DESIGN.md's stable ids), each clearly distinct */
    SOUND_GOOD,
    SOUND_SLOWER,
    SOUND_CHECK_IN,
    SOUND_PAIN,
    SOUND_TIRED,
    SOUND_PAUSE,
    SOUND_STOP,
    /* the session's own */
    SOUND_READY,
    SOUND_RESUME,
    /* breathing */
    SOUND_CUE_IN,  /* soft rising tone at the start of an in-breath */
    SOUND_CUE_OUT, /* soft falling tone at the start of an out-breath */
    SOUND_GONG,    /* the end of a breathing session */
    SOUND_CHIME,   /* a gentle closing */
    SOUND_COUNT
} SoundId;

typedef enum {
    AMBIENT_SILENCE,
    AMBIENT_OCEAN,
    AMBIENT_RAIN,
    AMBIENT_BROWN,
    AMBIENT_DRONE,
    AMBIENT_FILE, /* the decoded user file set with mixer_set_file */
    AMBIENT_COUNT
} AmbientId;

typedef struct {
    int active;
    SoundId sound;
    uint32_t pos;    /* frames since start */
    uint32_t length; /* frames */
    float gain;
    /* a stolen voice's old sound, faded out over tail_left frames (no click) */
    SoundId tail_sound;
    uint32_t tail_pos, tail_left;
    float tail_gain;
} MixerVoice;

/* A smooth random value in -1..1 that glides (raised cosine) to a new random
 * target every few seconds: the never-repeating slow motion of the beds. */
typedef struct {
    float from, to;
    uint32_t pos, len; /* frames into the current glide, glide length */
} MixerWander;

/* One rain drop: a short, soft, slightly rising sine blip. */
typedef struct {
    float hz, amp, pan, phase;
    uint32_t pos, len; /* len 0: free */
} MixerDrop;

typedef struct {
    AmbientId id;
    float gain;   /* current, per-sample smoothed */
    float target; /* where the fade is heading */
    float step;   /* fade progress per frame (the fade runs 0..1) */
    float from;   /* gain when the fade started */
    float fade;   /* fade progress 0..1; 1 = settled at target */
    int fresh;    /* fading in from silence (equal-power curve) */
    /* generator state */
    uint32_t rng;
    float brown[2], pink[2][7], lp[2][4], phase[4];
    float hp[2][2]; /* DC-blocking high-pass: last input, last output */
    MixerWander wander[5];
    MixerDrop drops[4];
    uint32_t wave_pos, wave_len; /* ocean: the current swell */
    float wave_amp, wave_rise;
    uint64_t t;         /* frames rendered while this bed is live */
    Stream *file;       /* the couple's file, read as it plays; owned by the caller */
    float file_last[2]; /* its last frame, held when the ring runs dry */
    float file_level;   /* 0..1: falls while the ring is dry, rises when it is fed */
} MixerAmbient;

typedef struct {
    MixerVoice voices[MIXER_VOICES];
    MixerAmbient ambient;  /* the bed asked for last (fading in, playing or about to go) */
    MixerAmbient outgoing; /* the bed fading out under it during a crossfade */
    int pending;           /* a bed waits for `outgoing` to finish fading */
    AmbientId pending_id;
    float pending_gain;
    int pending_fade_ms;
    Stream *file;  /* what mixer_set_file gave, for the next AMBIENT_FILE */
    uint32_t seed; /* seeds each new bed: same calls, same samples */
    float master;  /* 0..1 volume, smoothed toward master_target; heard as master^2 */
    float master_target;
    float duck; /* ambient multiplier (paused breathing dims it), smoothed */
    float duck_target;
    float limiter;   /* limiter gain, 1 when the sum is below its threshold */
    uint64_t frames; /* total frames rendered */
} Mixer;

void mixer_init(Mixer *mixer);
/* Renders frames of interleaved stereo S16 into out (2 * frames values). */
void mixer_render(Mixer *mixer, int16_t *out, int frames);

void mixer_play(Mixer *mixer, SoundId sound, float gain);
/* Cross-fades to an ambient bed over fade_ms (about 2000 for Lull's fades; at least
 * 20 ms so nothing clicks); the same bed again only glides to the new gain. */
void mixer_set_ambient(Mixer *mixer, AmbientId id, float gain, int fade_ms);
/* The couple's file for AMBIENT_FILE, streamed (it loops inside the Stream); the
 * caller keeps it alive and fed while it plays (see mixer_uses_file). Playing
 * AMBIENT_FILE with another file cross-fades to this one over 2 s. A ring that runs
 * dry (a stalled disk) fades to quiet in a few ms and plays on when frames come. */
void mixer_set_file(Mixer *mixer, Stream *file);
void mixer_set_volume(Mixer *mixer, float volume); /* 0..1, smoothed */
void mixer_set_duck(Mixer *mixer, float level);    /* 0..1 ambient level, ~300 ms glide */
int mixer_busy(const Mixer *mixer);                /* 1 while anything can be heard */
/* Length of a sound in ms (for tests and for scheduling). */
int mixer_sound_ms(SoundId sound);
/* 1 while the mixer still reads frames (a bed playing or fading out, or the file
 * set for the next AMBIENT_FILE): the caller may free them only when this says 0. */
int mixer_uses_file(const Mixer *mixer, const Stream *file);
/* The stable name of a sound ("good", "cue_in", …) or of a bed ("ocean", …), for
 * logs and tools; "?" when out of range. */
const char *mixer_sound_name(SoundId sound);
const char *mixer_ambient_name(AmbientId id);

/* A request the app queues for the platform to apply under the audio lock. */
typedef enum { SOUND_REQ_PLAY, SOUND_REQ_AMBIENT, SOUND_REQ_VOLUME, SOUND_REQ_DUCK } SoundReqKind;
typedef struct {
    SoundReqKind kind;
    int id;      /* SoundId or AmbientId */
    float value; /* gain, volume or duck level */
    int fade_ms;
} SoundRequest;
void mixer_apply(Mixer *mixer, const SoundRequest *request);

#endif
