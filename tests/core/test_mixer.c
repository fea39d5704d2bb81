/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The mixer, heard by measuring: levels, lengths, pitch contours and rhythm of every
 * sound, the beds' loudness, DC and non-repetition, and that no start, stop, fade,
 * duck, crossfade or stolen voice jumps by more than the click bound. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lull/mixer.h"

/* A click is a jump. Lull's bound: through a sound's attack (its first 5 ms) and
 * its last 10 ms, and through every fade, duck and crossfade, one sample never
 * differs from the next by more than 0.02 of full scale (earcons at gain 1). Inside
 * a sound a steady tone may be steeper (a -12 dBFS 587 Hz note moves 0.029 per
 * sample) but never bent: a jump anywhere would show as a second difference far
 * above the 0.01 that smooth tones stay under. */
#define CLICK_BOUND 0.02
#define BEND_BOUND 0.01
#define MS(ms) ((ms) * (MIXER_RATE / 1000))
#define LSB (1.0 / 32768.0)
#define TEST_PI 3.14159265358979323846

static const SoundId earcons[] = {SOUND_GOOD, SOUND_SLOWER, SOUND_CHECK_IN,
                                  SOUND_PAIN, SOUND_TIRED,  SOUND_PAUSE,
                                  SOUND_STOP, SOUND_READY,  SOUND_RESUME};
enum { EARCON_COUNT = sizeof earcons / sizeof earcons[0] };

static const AmbientId beds[] = {AMBIENT_OCEAN, AMBIENT_RAIN, AMBIENT_BROWN, AMBIENT_DRONE};
enum { BED_COUNT = sizeof beds / sizeof beds[0] };

/* A sound file as the platform streams it: its frames fed into its Stream as
 * the ring makes room, looping (the Stream first, so the mixer's Stream * leads
 * back to it). */
typedef struct {
    Stream stream;
    int16_t *frames;
    uint32_t count, pos;
    int dry; /* 1: a stalled disk, nothing more is fed */
} FedFile;

static FedFile *fed_file(int16_t *frames, uint32_t count)
{
    FedFile *file = calloc(1, sizeof *file);
    assert_non_null(file);
    stream_init(&file->stream, count);
    file->frames = frames;
    file->count = count;
    return file;
}

static void fed_file_free(FedFile *file)
{
    free(file->frames);
    free(file);
}

static void feed(Stream *stream)
{
    FedFile *file = (FedFile *)(void *)stream;
    while (stream && !file->dry) {
        if (file->pos == file->count) {
            if (!stream_loop(stream))
                return;
            file->pos = 0;
            continue;
        }
        file->pos += stream_put(stream, file->frames + 2u * file->pos, file->count - file->pos);
        if (file->pos < file->count)
            return;
    }
}

/* Renders in the audio callback's pieces, the files fed between them. */
static int16_t *render(Mixer *mixer, int frames)
{
    int16_t *out = calloc((size_t)frames * 2u, sizeof *out);
    assert_non_null(out);
    for (int at = 0; at < frames; at += 1024) {
        feed(mixer->file);
        feed(mixer->ambient.file);
        feed(mixer->outgoing.file);
        mixer_render(mixer, out + 2 * at, frames - at < 1024 ? frames - at : 1024);
    }
    return out;
}

/* One channel as floats, full scale 1.0. */
static double *channel(const int16_t *frames, int count, int ch)
{
    double *out = calloc(count > 0 ? (size_t)count : 1u, sizeof *out);
    assert_non_null(out);
    for (int i = 0; i < count; i++)
        out[i] = (double)frames[2 * i + ch] / 32768.0;
    return out;
}

static double peak_of(const double *x, int n)
{
    double peak = 0.0;
    for (int i = 0; i < n; i++)
        peak = fmax(peak, fabs(x[i]));
    return peak;
}

static double rms_of(const double *x, int n)
{
    double sum = 0.0;
    for (int i = 0; i < n; i++)
        sum += x[i] * x[i];
    return sqrt(sum / (double)n);
}

static double mean_of(const double *x, int n)
{
    double sum = 0.0;
    for (int i = 0; i < n; i++)
        sum += x[i];
    return sum / (double)n;
}

static double db(double amplitude)
{
    return 20.0 * log10(amplitude + 1e-12);
}

/* Largest |x[i+1] - x[i]| for i in [from, to). */
static double max_step(const double *x, int from, int to)
{
    double most = 0.0;
    for (int i = from < 1 ? 1 : from; i < to; i++)
        most = fmax(most, fabs(x[i] - x[i - 1]));
    return most;
}

static double max_bend(const double *x, int from, int to)
{
    double most = 0.0;
    for (int i = from < 2 ? 2 : from; i < to; i++)
        most = fmax(most, fabs(x[i] - 2.0 * x[i - 1] + x[i - 2]));
    return most;
}

/* What a listener hears across render calls: the last two samples of the previous
 * buffer are carried in front of each new one, so a jump at a buffer boundary (where
 * the app's calls land) is caught like any other. */
typedef struct {
    double *x[2]; /* per channel: 2 carried samples, then `frames` new ones */
    int frames;
    double carry[2][2];
} Ear;

static void ear_listen(Ear *ear, Mixer *mixer, int frames)
{
    int16_t *out = render(mixer, frames);
    for (int ch = 0; ch < 2; ch++) {
        free(ear->x[ch]);
        ear->x[ch] = calloc((size_t)frames + 2u, sizeof(double));
        assert_non_null(ear->x[ch]);
        ear->x[ch][0] = ear->carry[ch][0];
        ear->x[ch][1] = ear->carry[ch][1];
        for (int i = 0; i < frames; i++)
            ear->x[ch][i + 2] = (double)out[2 * i + ch] / 32768.0;
        ear->carry[ch][0] = ear->x[ch][frames];
        ear->carry[ch][1] = ear->x[ch][frames + 1];
    }
    ear->frames = frames;
    free(out);
}

/* The i-th new sample of a channel. */
static double ear_at(const Ear *ear, int ch, int i)
{
    return ear->x[ch][i + 2];
}

/* Largest step or bend over both channels, the buffer boundary included. */
static double ear_step(const Ear *ear)
{
    return fmax(max_step(ear->x[0], 1, ear->frames + 2), max_step(ear->x[1], 1, ear->frames + 2));
}

static double ear_bend(const Ear *ear)
{
    return fmax(max_bend(ear->x[0], 2, ear->frames + 2), max_bend(ear->x[1], 2, ear->frames + 2));
}

static void ear_close(Ear *ear)
{
    free(ear->x[0]);
    free(ear->x[1]);
}

static double correlation(const double *a, const double *b, int n)
{
    double ab = 0.0, aa = 0.0, bb = 0.0;
    for (int i = 0; i < n; i++) {
        ab += a[i] * b[i];
        aa += a[i] * a[i];
        bb += b[i] * b[i];
    }
    return ab / sqrt(aa * bb + 1e-30);
}

/* Power at hz in a Hann-windowed stretch (Goertzel). */
static double power_at(const double *x, int n, double hz)
{
    double w = 2.0 * TEST_PI * hz / MIXER_RATE, c = 2.0 * cos(w), s1 = 0.0, s2 = 0.0;
    for (int i = 0; i < n; i++) {
        double hann = 0.5 - 0.5 * cos(2.0 * TEST_PI * i / (n - 1));
        double s = x[i] * hann + c * s1 - s2;
        s2 = s1;
        s1 = s;
    }
    return s1 * s1 + s2 * s2 - c * s1 * s2;
}

/* The strongest frequency (1 Hz steps) in 4096 frames from start. */
static double dominant_hz(const double *x, int start, double low, double high)
{
    double best = low, best_power = -1.0;
    for (double hz = low; hz <= high; hz += 1.0) {
        double power = power_at(x + start, 4096, hz);
        if (power > best_power) {
            best_power = power;
            best = hz;
        }
    }
    return best;
}

/* Note onsets: a 10 ms block at least 1.8x louder than the quietest of the three
 * before it, and at least a fifth of the loudest, 50 ms after the last onset. */
static int count_onsets(const double *x, int frames)
{
    enum { BLOCK = 480 };
    int blocks = frames / BLOCK, onsets = 0, last = -100;
    double level[256] = {0}, loudest = 0.0;
    assert_true(blocks <= 256);
    for (int b = 0; b < blocks; b++) {
        level[b] = rms_of(x + b * BLOCK, BLOCK);
        loudest = fmax(loudest, level[b]);
    }
    for (int b = 0; b < blocks; b++) {
        double quietest = b == 0 ? 0.0 : level[b - 1];
        for (int k = 2; k <= 3 && b - k >= 0; k++)
            quietest = fmin(quietest, level[b - k]);
        if (level[b] > 1.8 * quietest && level[b] > 0.2 * loudest && b - last >= 5) {
            onsets++;
            last = b;
        }
    }
    return onsets;
}

typedef struct {
    double *left; /* the sound alone, then 200 ms that must be silent */
    int length;   /* frames */
    int frames;   /* length + 200 ms */
} Heard;

static Heard hear(SoundId sound, float gain)
{
    Mixer mixer;
    mixer_init(&mixer);
    Heard heard;
    heard.length = MS(mixer_sound_ms(sound));
    heard.frames = heard.length + MS(200);
    mixer_play(&mixer, sound, gain);
    assert_true(mixer_busy(&mixer));
    int16_t *out = render(&mixer, heard.frames);
    assert_false(mixer_busy(&mixer));
    for (int i = 0; i < heard.frames; i++)
        assert_int_equal(out[2 * i], out[2 * i + 1]); /* one-shot sounds sit in the middle */
    heard.left = channel(out, heard.frames, 0);
    free(out);
    return heard;
}

static void test_sound_lengths(void **state)
{
    (void)state;
    assert_int_equal(mixer_sound_ms(SOUND_NONE), 0);
    assert_int_equal(mixer_sound_ms((SoundId)SOUND_COUNT), 0);
    for (int i = 0; i < EARCON_COUNT; i++) {
        int ms = mixer_sound_ms(earcons[i]);
        assert_true(ms >= 150 && ms <= 900);
    }
    assert_in_range(mixer_sound_ms(SOUND_CUE_IN), 500, 700);
    assert_in_range(mixer_sound_ms(SOUND_CUE_OUT), 500, 700);
    assert_true(mixer_sound_ms(SOUND_GONG) >= 4000);
    assert_true(mixer_sound_ms(SOUND_CHIME) > 0);
    assert_string_equal(mixer_sound_name(SOUND_CHECK_IN), "check_in");
    assert_string_equal(mixer_sound_name((SoundId)SOUND_COUNT), "?");
    assert_string_equal(mixer_ambient_name(AMBIENT_BROWN), "brown");
}

static void check_clean_edges(const Heard *heard)
{
    const double *x = heard->left;
    assert_true(fabs(x[0]) <= LSB);
    assert_true(max_step(x, 0, MS(5)) <= CLICK_BOUND);
    assert_true(max_step(x, heard->length - MS(10), heard->length + 1) <= CLICK_BOUND);
    assert_true(fabs(x[heard->length - 1]) <= 4 * LSB); /* the decay reaches zero */
    assert_true(max_bend(x, 0, heard->frames) <= BEND_BOUND);
    for (int i = heard->length; i < heard->frames; i++)
        assert_true(x[i] == 0.0);
}

static void test_earcons_soft_with_clean_edges(void **state)
{
    (void)state;
    for (int i = 0; i < EARCON_COUNT; i++) {
        Heard heard = hear(earcons[i], 1.0f);
        double peak = db(peak_of(heard.left, heard.length));
        assert_true(peak > -13.5 && peak < -10.5); /* about -12 dBFS */
        check_clean_edges(&heard);
        assert_true(max_step(heard.left, 0, heard.frames) <= 1.5 * CLICK_BOUND);
        /* at the start the attack is gentle: 5 ms in, still under half the peak */
        assert_true(peak_of(heard.left, MS(2)) < 0.5 * peak_of(heard.left, heard.length));
        free(heard.left);
    }
}

static void test_breathing_sounds_soft_with_clean_edges(void **state)
{
    (void)state;
    static const SoundId others[] = {SOUND_CUE_IN, SOUND_CUE_OUT, SOUND_GONG, SOUND_CHIME};
    for (int i = 0; i < 4; i++) {
        Heard heard = hear(others[i], 1.0f);
        double peak = db(peak_of(heard.left, heard.length));
        assert_true(peak > -20.0 && peak < -11.0);
        check_clean_edges(&heard);
        free(heard.left);
    }
}

static void test_gain_scales_sounds(void **state)
{
    (void)state;
    Heard full = hear(SOUND_PAUSE, 1.0f);
    Heard half = hear(SOUND_PAUSE, 0.5f);
    for (int i = 0; i < full.frames; i++)
        assert_true(fabs(half.left[i] - 0.5 * full.left[i]) <= 1.5 * LSB);
    free(full.left);
    free(half.left);
}

typedef enum { FLAT, RISING, FALLING } Contour;

/* What each earcon was designed to be: its contour and its number of notes. */
static const struct {
    SoundId sound;
    Contour contour;
    int notes;
} designed[] = {
    {SOUND_GOOD, RISING, 2},  {SOUND_SLOWER, FALLING, 2}, {SOUND_CHECK_IN, RISING, 2},
    {SOUND_PAIN, FLAT, 2},    {SOUND_TIRED, FALLING, 1},  {SOUND_PAUSE, FLAT, 1},
    {SOUND_STOP, FALLING, 3}, {SOUND_READY, FLAT, 1},     {SOUND_RESUME, RISING, 3},
};

static void test_earcons_distinct_in_pitch_contour_and_rhythm(void **state)
{
    (void)state;
    double first[EARCON_COUNT];
    for (int i = 0; i < EARCON_COUNT; i++) {
        Heard heard = hear(designed[i].sound, 1.0f);
        /* the first note, 10 ms in; the last, around 70% of the way */
        first[i] = dominant_hz(heard.left, MS(10), 80.0, 1200.0);
        int late_start = (int)(0.7 * heard.length) - 2048;
        double late = dominant_hz(heard.left, late_start, 80.0, 1200.0);
        switch (designed[i].contour) {
        case RISING:
            assert_true(late > first[i] * 1.08);
            break;
        case FALLING:
            assert_true(late < first[i] / 1.08);
            break;
        case FLAT:
            assert_true(fabs(late / first[i] - 1.0) < 0.02);
            break;
        }
        assert_int_equal(count_onsets(heard.left, heard.length), designed[i].notes);
        free(heard.left);
    }
    /* every first note at least about a semitone from every other */
    for (int i = 0; i < EARCON_COUNT; i++)
        for (int j = i + 1; j < EARCON_COUNT; j++) {
            double ratio = first[i] > first[j] ? first[i] / first[j] : first[j] / first[i];
            assert_true(ratio > 1.04);
        }
    /* pain is low and ready is high, as designed */
    assert_true(first[3] < 200.0);
    assert_true(first[7] > 500.0);
}

static void test_cues_in_rises_out_falls_lower(void **state)
{
    (void)state;
    Heard in = hear(SOUND_CUE_IN, 1.0f);
    Heard out = hear(SOUND_CUE_OUT, 1.0f);
    double in_early = dominant_hz(in.left, MS(60), 80.0, 1000.0);
    double in_late = dominant_hz(in.left, MS(420), 80.0, 1000.0);
    double out_early = dominant_hz(out.left, MS(60), 80.0, 1000.0);
    double out_late = dominant_hz(out.left, MS(420), 80.0, 1000.0);
    assert_true(in_late > in_early * 1.08);
    assert_true(out_late < out_early / 1.08);
    assert_true(out_early < in_early / 1.1); /* the out-breath lies wholly below */
    free(in.left);
    free(out.left);
}

static void test_gong_is_inharmonic_and_rings(void **state)
{
    (void)state;
    Heard gong = hear(SOUND_GONG, 1.0f);
    double f0 = dominant_hz(gong.left, MS(100), 60.0, 400.0);
    double inharmonic = power_at(gong.left + MS(100), 4096, 2.71 * f0);
    double octave = power_at(gong.left + MS(100), 4096, 2.0 * f0);
    double twelfth = power_at(gong.left + MS(100), 4096, 3.0 * f0);
    assert_true(inharmonic > 10.0 * octave);
    assert_true(inharmonic > 10.0 * twelfth);
    double first = rms_of(gong.left, MIXER_RATE);
    double fourth = rms_of(gong.left + 3 * MIXER_RATE, MIXER_RATE);
    assert_true(fourth < first / 4.0); /* it decays … */
    assert_true(db(fourth) > -50.0);   /* … and still rings four seconds in */
    free(gong.left);
}

static void test_beds_level_dc_width_and_never_repeat(void **state)
{
    (void)state;
    enum { SECONDS = 32 };
    for (int b = 0; b < BED_COUNT; b++) {
        Mixer mixer;
        mixer_init(&mixer);
        mixer_set_ambient(&mixer, beds[b], 1.0f, 2000);
        assert_true(mixer_busy(&mixer));
        int frames = SECONDS * MIXER_RATE;
        int16_t *out = render(&mixer, frames);
        double *left = channel(out, frames, 0);
        double *right = channel(out, frames, 1);
        const double *settled = left + 2 * MIXER_RATE;
        int count = frames - 2 * MIXER_RATE;
        double level = db(rms_of(settled, count));
        assert_true(level > -23.0 && level < -17.0); /* about -20 dBFS RMS */
        assert_true(db(rms_of(right + 2 * MIXER_RATE, count)) > -23.0);
        assert_true(peak_of(settled, count) < 0.7); /* below the limiter */
        for (int block = 2; block + 10 <= SECONDS; block += 10) {
            assert_true(fabs(mean_of(left + block * MIXER_RATE, 10 * MIXER_RATE)) < 0.002);
            assert_true(fabs(mean_of(right + block * MIXER_RATE, 10 * MIXER_RATE)) < 0.002);
        }
        /* a little stereo width: related channels, not the same */
        double width = correlation(settled, right + 2 * MIXER_RATE, count);
        assert_true(width > 0.3 && width < 0.97);
        /* Never a loop: one second compared with every later second, at quarter-second
         * steps. A looped buffer would correlate ~1.0; the noise beds stay near 0. The
         * drone is tonal (its sines line up now and then), so only a loop fails it. */
        double most = 0.0;
        for (int at = 2 * MIXER_RATE; at + MIXER_RATE <= frames; at += MIXER_RATE / 4)
            most = fmax(most, fabs(correlation(left + MIXER_RATE, left + at, MIXER_RATE)));
        assert_true(most < (beds[b] == AMBIENT_DRONE ? 0.9 : 0.3));
        free(out);
        free(left);
        free(right);
    }
}

static void test_silence_bed_is_silent(void **state)
{
    (void)state;
    Mixer mixer;
    mixer_init(&mixer);
    mixer_set_ambient(&mixer, AMBIENT_SILENCE, 1.0f, 100);
    assert_false(mixer_busy(&mixer));
    int16_t *out = render(&mixer, MIXER_RATE);
    for (int i = 0; i < 2 * MIXER_RATE; i++)
        assert_int_equal(out[i], 0);
    free(out);
    /* a file bed without a file is silent too */
    mixer_set_ambient(&mixer, AMBIENT_FILE, 1.0f, 100);
    assert_false(mixer_busy(&mixer));
}

/* A constant file is a probe: what comes out is exactly the gain curve. */
static FedFile *constant_file(int16_t value, uint32_t frames)
{
    int16_t *samples = malloc((size_t)frames * 2u * sizeof *samples);
    assert_non_null(samples);
    for (uint32_t i = 0; i < 2u * frames; i++)
        samples[i] = value;
    return fed_file(samples, frames);
}

static void test_fades_duck_and_volume_are_smooth(void **state)
{
    (void)state;
    /* 10 s: the probe must not reach its loop point (where its ends cross-fade) */
    FedFile *file = constant_file(16384, 10 * MIXER_RATE); /* 0.5 */
    Mixer mixer;
    mixer_init(&mixer);
    Ear ear = {{NULL, NULL}, 0, {{0}}};
    mixer_set_file(&mixer, &file->stream);
    mixer_set_ambient(&mixer, AMBIENT_FILE, 1.0f, 2000);
    ear_listen(&ear, &mixer, MS(2500));
    /* fade in: from silence, rising, never faster than a smooth 2 s curve, arriving */
    assert_true(fabs(ear_at(&ear, 0, 0)) <= 2 * LSB);
    for (int i = 1; i < ear.frames; i++)
        assert_true(ear_at(&ear, 0, i) >= ear_at(&ear, 0, i - 1));
    assert_true(ear_step(&ear) <= 0.001);
    assert_true(fabs(ear_at(&ear, 0, ear.frames - 1) - 0.5) <= 2 * LSB);
    double middle = ear_at(&ear, 0, MS(1000)); /* equal power: 0.5 * sin(pi/4) */
    assert_true(middle > 0.3 && middle < 0.4);

    /* duck to 0.3: gone smoothly to 0.15 within about 300 ms */
    mixer_set_duck(&mixer, 0.3f);
    ear_listen(&ear, &mixer, MS(1000));
    assert_true(ear_step(&ear) <= 0.0005);
    assert_true(fabs(ear_at(&ear, 0, MS(300)) - 0.15) < 0.03);
    assert_true(fabs(ear_at(&ear, 0, ear.frames - 1) - 0.15) <= 2 * LSB);

    /* volume 0.5 is heard as a quarter (square law), smoothly */
    mixer_set_duck(&mixer, 1.0f);
    mixer_set_volume(&mixer, 0.5f);
    ear_listen(&ear, &mixer, MS(1000));
    assert_true(ear_step(&ear) <= 0.001);
    assert_true(fabs(ear_at(&ear, 0, ear.frames - 1) - 0.125) <= 2 * LSB);

    /* fade out to silence: falling, smooth, to exact zero, and then not busy */
    mixer_set_volume(&mixer, 1.0f);
    ear_listen(&ear, &mixer, MS(500));
    assert_true(ear_step(&ear) <= 0.001);
    mixer_set_ambient(&mixer, AMBIENT_SILENCE, 1.0f, 2000);
    ear_listen(&ear, &mixer, MS(2200));
    for (int i = 1; i < ear.frames; i++)
        assert_true(ear_at(&ear, 0, i) <= ear_at(&ear, 0, i - 1));
    assert_true(ear_step(&ear) <= 0.001);
    assert_true(ear_at(&ear, 0, ear.frames - 1) == 0.0);
    assert_false(mixer_busy(&mixer));
    ear_close(&ear);
    fed_file_free(file);
}

static void test_rapid_bed_changes_stay_smooth(void **state)
{
    (void)state;
    FedFile *high = constant_file(16384, MIXER_RATE);
    FedFile *low = constant_file(-8192, MIXER_RATE);
    Mixer mixer;
    mixer_init(&mixer);
    Ear ear = {{NULL, NULL}, 0, {{0}}};
    mixer_set_file(&mixer, &high->stream);
    /* a restless hand: switching every 100 ms, back and forth, files swapped mid-fade */
    double worst = 0.0;
    for (int step = 0; step < 40; step++) {
        switch (step % 5) {
        case 0:
            mixer_set_ambient(&mixer, AMBIENT_FILE, 1.0f, 1000);
            break;
        case 1:
            mixer_set_ambient(&mixer, AMBIENT_SILENCE, 1.0f, 800);
            break;
        case 2:
            mixer_set_ambient(&mixer, AMBIENT_FILE, 0.6f, 1500);
            break;
        case 3:
            mixer_set_file(&mixer, step % 2 ? &low->stream : &high->stream);
            break;
        case 4:
            mixer_set_duck(&mixer, step % 3 ? 0.4f : 1.0f);
            break;
        }
        ear_listen(&ear, &mixer, MS(100));
        worst = fmax(worst, ear_step(&ear));
    }
    assert_true(worst <= 0.002);
    /* and it settles: silence asked last, within a few fades */
    mixer_set_ambient(&mixer, AMBIENT_SILENCE, 1.0f, 500);
    ear_listen(&ear, &mixer, 5 * MIXER_RATE);
    assert_true(ear_step(&ear) <= 0.002);
    assert_true(ear_at(&ear, 0, ear.frames - 1) == 0.0);
    assert_false(mixer_busy(&mixer));
    /* only the file set last is still held; the other may be freed */
    const Stream *other = mixer.file == &low->stream ? &high->stream : &low->stream;
    assert_true(mixer_uses_file(&mixer, mixer.file));
    assert_false(mixer_uses_file(&mixer, other));
    ear_close(&ear);
    fed_file_free(high);
    fed_file_free(low);
}

static void test_crossfades_between_beds_add_no_jump(void **state)
{
    (void)state;
    /* Each bed's own largest step when playing alone, over ten seconds … */
    double own = 0.0;
    for (int b = 0; b < BED_COUNT; b++) {
        Mixer alone;
        mixer_init(&alone);
        mixer_set_ambient(&alone, beds[b], 1.0f, 20);
        int16_t *out = render(&alone, 10 * MIXER_RATE);
        for (int ch = 0; ch < 2; ch++) {
            double *x = channel(out, 10 * MIXER_RATE, ch);
            own = fmax(own, max_step(x, 0, 10 * MIXER_RATE));
            free(x);
        }
        free(out);
    }
    /* … is not exceeded while they cross-fade into each other, fast and slow. */
    Mixer mixer;
    mixer_init(&mixer);
    Ear ear = {{NULL, NULL}, 0, {{0}}};
    static const int fades[] = {2000, 300, 2000, 50, 1200, 2000, 100, 2000};
    double worst = 0.0;
    for (int i = 0; i < 8; i++) {
        mixer_set_ambient(&mixer, beds[i % BED_COUNT], 1.0f, fades[i]);
        if (i == 5)
            mixer_set_ambient(&mixer, beds[(i + 2) % BED_COUNT], 1.0f, 700); /* mid-fade */
        ear_listen(&ear, &mixer, MS(1500));
        worst = fmax(worst, ear_step(&ear));
    }
    assert_true(worst <= own * 1.25 + 0.002);
    ear_close(&ear);
}

static void test_file_loops_without_a_jump(void **state)
{
    (void)state;
    /* a short ramp: wrapping it bare would jump from +0.5 to -0.5 */
    enum { FRAMES = MIXER_RATE };
    int16_t *ramp = malloc(2u * FRAMES * sizeof *ramp);
    assert_non_null(ramp);
    for (int i = 0; i < FRAMES; i++)
        ramp[2 * i] = ramp[2 * i + 1] = (int16_t)(-16384 + (32768 * i) / FRAMES);
    FedFile *file = fed_file(ramp, FRAMES);
    Mixer mixer;
    mixer_init(&mixer);
    mixer_set_file(&mixer, &file->stream);
    mixer_set_ambient(&mixer, AMBIENT_FILE, 1.0f, 20);
    int frames = 5 * MIXER_RATE;
    int16_t *out = render(&mixer, frames);
    double *x = channel(out, frames, 0);
    assert_true(max_step(x, MS(20), frames) <= 0.001);
    /* between loop points it plays the file exactly */
    for (int i = MS(100); i < MS(600); i++)
        assert_true(abs(out[2 * i] - ramp[2 * i]) <= 1);
    assert_true(mixer_uses_file(&mixer, &file->stream));
    free(out);
    free(x);
    fed_file_free(file);
}

/* A stalled disk: the ring runs dry mid-play. The bed falls quiet without a click
 * and comes back without one when the frames do. */
static void test_file_running_dry_fades_without_a_click(void **state)
{
    (void)state;
    FedFile *file = constant_file(16384, 10 * MIXER_RATE);
    Mixer mixer;
    mixer_init(&mixer);
    Ear ear = {{NULL, NULL}, 0, {{0}}};
    mixer_set_file(&mixer, &file->stream);
    mixer_set_ambient(&mixer, AMBIENT_FILE, 1.0f, 20);
    ear_listen(&ear, &mixer, MS(1000));
    file->dry = 1;
    ear_listen(&ear, &mixer, 8 * MIXER_RATE); /* the 5.5 s read ahead, then nothing */
    assert_true(ear_step(&ear) <= 0.001);
    assert_true(fabs(ear_at(&ear, 0, MS(4000)) - 0.5) <= 2 * LSB); /* still read ahead */
    assert_true(fabs(ear_at(&ear, 0, ear.frames - 1)) <= 2 * LSB); /* then quiet */
    assert_true(mixer_uses_file(&mixer, &file->stream));
    file->dry = 0;
    ear_listen(&ear, &mixer, MS(500));
    assert_true(ear_step(&ear) <= 0.01);
    assert_true(fabs(ear_at(&ear, 0, ear.frames - 1) - 0.5) <= 2 * LSB);
    ear_close(&ear);
    fed_file_free(file);
}

static void test_file_switch_keeps_old_frames_until_faded(void **state)
{
    (void)state;
    FedFile *first = constant_file(8000, 10 * MIXER_RATE);
    FedFile *second = constant_file(-8000, 10 * MIXER_RATE);
    Mixer mixer;
    mixer_init(&mixer);
    mixer_set_file(&mixer, &first->stream);
    mixer_set_ambient(&mixer, AMBIENT_FILE, 1.0f, 20);
    free(render(&mixer, MS(100)));
    mixer_set_file(&mixer, &second->stream);
    /* still fading out: not to be let go */
    assert_true(mixer_uses_file(&mixer, &first->stream));
    free(render(&mixer, MS(2100)));
    assert_false(mixer_uses_file(&mixer, &first->stream));
    assert_true(mixer_uses_file(&mixer, &second->stream));
    int16_t last[2];
    mixer_render(&mixer, last, 1);
    assert_int_equal(last[0], -8000);
    fed_file_free(first);
    fed_file_free(second);
}

static void test_volume_zero_is_silence(void **state)
{
    (void)state;
    Mixer mixer;
    mixer_init(&mixer);
    mixer_set_volume(&mixer, 0.0f);
    mixer_set_ambient(&mixer, AMBIENT_OCEAN, 1.0f, 20);
    free(render(&mixer, MS(1000))); /* the volume glides down, then is exactly 0 */
    for (int s = SOUND_GOOD; s < SOUND_COUNT; s++)
        mixer_play(&mixer, (SoundId)s, 1.0f);
    assert_false(mixer_busy(&mixer)); /* nothing can be heard */
    int16_t *out = render(&mixer, 2 * MIXER_RATE);
    for (int i = 0; i < 4 * MIXER_RATE; i++)
        assert_int_equal(out[i], 0);
    free(out);
}

typedef void (*Script)(Mixer *mixer, int step);

static void script_evening(Mixer *mixer, int step)
{
    switch (step) {
    case 0:
        mixer_set_ambient(mixer, AMBIENT_RAIN, 0.8f, 2000);
        break;
    case 3:
        mixer_play(mixer, SOUND_CUE_IN, 1.0f);
        break;
    case 5:
        mixer_set_duck(mixer, 0.3f);
        break;
    case 6:
        mixer_play(mixer, SOUND_PAUSE, 0.9f);
        break;
    case 8:
        mixer_set_ambient(mixer, AMBIENT_DRONE, 0.7f, 1500);
        break;
    case 9:
        mixer_set_volume(mixer, 0.6f);
        break;
    case 10:
        mixer_set_duck(mixer, 1.0f);
        break;
    case 12:
        mixer_play(mixer, SOUND_GONG, 1.0f);
        break;
    default:
        break;
    }
}

/* Runs the script for 16 steps of 250 ms, rendering in pieces of chunk frames. */
static int16_t *run_script(Script script, int chunk, int *frames_out)
{
    enum { STEP = MIXER_RATE / 4, STEPS = 16 };
    Mixer mixer;
    mixer_init(&mixer);
    int16_t *out = calloc(2u * STEP * STEPS, sizeof *out);
    assert_non_null(out);
    for (int step = 0; step < STEPS; step++) {
        script(&mixer, step);
        for (int done = 0; done < STEP; done += chunk) {
            int count = STEP - done < chunk ? STEP - done : chunk;
            mixer_render(&mixer, out + 2 * (step * STEP + done), count);
        }
    }
    *frames_out = STEP * STEPS;
    return out;
}

static void test_same_calls_same_samples(void **state)
{
    (void)state;
    int frames = 0;
    int16_t *reference = run_script(script_evening, 1024, &frames);
    int16_t *again = run_script(script_evening, 1024, &frames);
    int16_t *per_ms = run_script(script_evening, MS(1), &frames);
    int16_t *odd = run_script(script_evening, 333, &frames);
    size_t bytes = 2u * (size_t)frames * sizeof *reference;
    assert_memory_equal(reference, again, bytes);
    assert_memory_equal(reference, per_ms, bytes); /* headless per-ms == speaker callback */
    assert_memory_equal(reference, odd, bytes);
    double *x = channel(reference, frames, 0);
    assert_true(db(rms_of(x, frames)) > -40.0); /* and something was heard */
    free(x);
    free(reference);
    free(again);
    free(per_ms);
    free(odd);
}

static void test_apply_dispatches_requests(void **state)
{
    (void)state;
    Mixer direct, applied;
    mixer_init(&direct);
    mixer_init(&applied);
    mixer_set_ambient(&direct, AMBIENT_BROWN, 0.5f, 300);
    mixer_play(&direct, SOUND_STOP, 0.8f);
    mixer_set_volume(&direct, 0.7f);
    mixer_set_duck(&direct, 0.5f);
    const SoundRequest requests[] = {
        {SOUND_REQ_AMBIENT, AMBIENT_BROWN, 0.5f, 300},
        {SOUND_REQ_PLAY, SOUND_STOP, 0.8f, 0},
        {SOUND_REQ_VOLUME, 0, 0.7f, 0},
        {SOUND_REQ_DUCK, 0, 0.5f, 0},
    };
    for (size_t i = 0; i < sizeof requests / sizeof requests[0]; i++)
        mixer_apply(&applied, &requests[i]);
    assert_true(mixer_busy(&applied));
    int16_t *a = render(&direct, MIXER_RATE);
    int16_t *b = render(&applied, MIXER_RATE);
    assert_memory_equal(a, b, 2u * MIXER_RATE * sizeof *a);
    free(a);
    free(b);
}

static void test_limiter_never_wraps(void **state)
{
    (void)state;
    /* the same 16 voices and a bed, once far below the limiter and once at full gain */
    Mixer quiet, loud;
    mixer_init(&quiet);
    mixer_init(&loud);
    mixer_set_volume(&quiet, 0.1f); /* 0.01 in amplitude: linear */
    quiet.master = 0.1f;
    for (int v = 0; v < MIXER_VOICES; v++) {
        SoundId sound = (SoundId)(SOUND_GOOD + v % (SOUND_COUNT - 1));
        mixer_play(&quiet, sound, 1.0f);
        mixer_play(&loud, sound, 1.0f);
    }
    mixer_set_ambient(&quiet, AMBIENT_BROWN, 1.0f, 20);
    mixer_set_ambient(&loud, AMBIENT_BROWN, 1.0f, 20);
    int frames = MIXER_RATE;
    int16_t *q = render(&quiet, frames);
    int16_t *l = render(&loud, frames);
    double *reference = channel(q, frames, 0);
    double *heard = channel(l, frames, 0);
    double linear_peak = peak_of(reference, frames) * 100.0;
    assert_true(linear_peak > 1.5); /* the plain sum would be far past full scale */
    for (int i = 0; i < frames; i++) {
        if (fabs(reference[i]) * 100.0 > 0.05) /* a wrapped sample flips sign */
            assert_true((reference[i] > 0.0) == (heard[i] > 0.0));
        assert_true(l[2 * i] > -32768);
    }
    assert_true(peak_of(heard, frames) > 0.5); /* bent, not silenced */
    assert_true(peak_of(heard, frames) <= 1.0);
    assert_true(max_step(heard, 0, frames) < 0.25); /* and no jumps from the limiter */
    free(q);
    free(l);
    free(reference);
    free(heard);
}

static void test_stealing_a_voice_does_not_click(void **state)
{
    (void)state;
    Mixer mixer;
    mixer_init(&mixer);
    Ear ear = {{NULL, NULL}, 0, {{0}}};
    for (int v = 0; v < MIXER_VOICES; v++)
        mixer_play(&mixer, SOUND_PAIN, 0.15f);
    ear_listen(&ear, &mixer, MS(50));
    mixer_play(&mixer, SOUND_PAIN, 0.15f); /* a 17th: the oldest voice must yield */
    ear_listen(&ear, &mixer, MS(100));
    /* cutting a voice would bend the wave by ~0.02 in one sample */
    assert_true(ear_bend(&ear) <= 0.004);
    int active = 0;
    for (int v = 0; v < MIXER_VOICES; v++)
        active += mixer.voices[v].active;
    assert_int_equal(active, MIXER_VOICES);
    ear_close(&ear);
}

static void test_busy_follows_what_is_heard(void **state)
{
    (void)state;
    Mixer mixer;
    mixer_init(&mixer);
    assert_false(mixer_busy(&mixer));
    mixer_play(&mixer, SOUND_NONE, 1.0f);
    assert_false(mixer_busy(&mixer));
    mixer_play(&mixer, SOUND_READY, 1.0f);
    assert_true(mixer_busy(&mixer));
    free(render(&mixer, MS(mixer_sound_ms(SOUND_READY)) - 1));
    assert_true(mixer_busy(&mixer));
    free(render(&mixer, 1));
    assert_false(mixer_busy(&mixer));
    mixer_set_ambient(&mixer, AMBIENT_DRONE, 0.5f, 1000);
    assert_true(mixer_busy(&mixer));
    free(render(&mixer, MS(500)));
    mixer_set_ambient(&mixer, AMBIENT_SILENCE, 0.5f, 1000);
    assert_true(mixer_busy(&mixer)); /* the drone is still fading out */
    free(render(&mixer, MS(1001)));
    assert_false(mixer_busy(&mixer));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sound_lengths),
        cmocka_unit_test(test_earcons_soft_with_clean_edges),
        cmocka_unit_test(test_breathing_sounds_soft_with_clean_edges),
        cmocka_unit_test(test_gain_scales_sounds),
        cmocka_unit_test(test_earcons_distinct_in_pitch_contour_and_rhythm),
        cmocka_unit_test(test_cues_in_rises_out_falls_lower),
        cmocka_unit_test(test_gong_is_inharmonic_and_rings),
        cmocka_unit_test(test_beds_level_dc_width_and_never_repeat),
        cmocka_unit_test(test_silence_bed_is_silent),
        cmocka_unit_test(test_fades_duck_and_volume_are_smooth),
        cmocka_unit_test(test_rapid_bed_changes_stay_smooth),
        cmocka_unit_test(test_crossfades_between_beds_add_no_jump),
        cmocka_unit_test(test_file_loops_without_a_jump),
        cmocka_unit_test(test_file_running_dry_fades_without_a_click),
        cmocka_unit_test(test_file_switch_keeps_old_frames_until_faded),
        cmocka_unit_test(test_volume_zero_is_silence),
        cmocka_unit_test(test_same_calls_same_samples),
        cmocka_unit_test(test_apply_dispatches_requests),
        cmocka_unit_test(test_limiter_never_wraps),
        cmocka_unit_test(test_stealing_a_voice_does_not_click),
        cmocka_unit_test(test_busy_follows_what_is_heard),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
