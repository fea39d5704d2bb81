/* SPDX-License-Identifier: GPL-3.0-or-later */
/* wavcheck: measures a 16-bit PCM WAV written by --audio-out, so a test can
 * check what was heard and when.
 *   wavcheck FILE.wav rms FROM_MS TO_MS    RMS and peak of the window, in dBFS
 *   wavcheck FILE.wav onset FROM_MS TO_MS  the first ms in the window where the
 *                                          level rises 12 dB above the window's start
 *   wavcheck FILE.wav jump                 the largest sample-to-sample step (of full scale)
 *   wavcheck FILE.wav length               length in ms
 *   wavcheck FILE.wav pitch FROM_MS TO_MS  the strongest frequency from 80 to 1200 Hz
 *   wavcheck FILE.wav tone HZ MS           writes a soft stereo sine (a couple's "own" sound)
 *   wavcheck FILE song HZ1 HZ2 SECONDS     writes 44.1 kHz Ogg Vorbis (FILE.ogg) or MP3 (FILE.mp3):
 *                                          HZ1 for 20 s, then HZ2 to the end
 * Prints one line "name=value"; exit 2 on a bad file. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sndfile.h>

typedef struct {
    int16_t *samples; /* interleaved */
    long frames;
    int channels, rate;
} Wav;

static uint32_t le32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static int wav_load(const char *path, Wav *w)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    unsigned char h[12];
    if (fread(h, 1, 12, f) != 12 || memcmp(h, "RIFF", 4) || memcmp(h + 8, "WAVE", 4)) {
        fclose(f);
        return -1;
    }
    int ok = 0;
    unsigned char ch[8];
    while (fread(ch, 1, 8, f) == 8) {
        uint32_t size = le32(ch + 4);
        if (!memcmp(ch, "fmt ", 4)) {
            unsigned char fmt[16];
            if (size < 16 || fread(fmt, 1, 16, f) != 16)
                break;
            w->channels = fmt[2] | fmt[3] << 8;
            w->rate = (int)le32(fmt + 4);
            if ((fmt[14] | fmt[15] << 8) != 16)
                break;
            fseek(f, (long)size - 16, SEEK_CUR);
        } else if (!memcmp(ch, "data", 4)) {
            if (w->channels <= 0)
                break;
            w->samples = malloc(size ? size : 1);
            if (!w->samples)
                break;
            size_t got = fread(w->samples, 1, size, f);
            w->frames = (long)(got / 2 / (size_t)w->channels);
            ok = 1;
            break;
        } else {
            fseek(f, (long)(size + (size & 1)), SEEK_CUR);
        }
    }
    fclose(f);
    return ok ? 0 : -1;
}

/* Mono level of one frame, 0..1. */
static double frame_value(const Wav *w, long i)
{
    double sum = 0;
    for (int c = 0; c < w->channels; c++)
        sum += w->samples[i * w->channels + c];
    return sum / w->channels / 32768.0;
}

static double db(double v)
{
    return v > 1e-9 ? 20.0 * log10(v) : -180.0;
}

static void window(const Wav *w, double from_ms, double to_ms, long *a, long *b)
{
    *a = (long)(from_ms * w->rate / 1000.0);
    *b = (long)(to_ms * w->rate / 1000.0);
    if (*a < 0)
        *a = 0;
    if (*b > w->frames)
        *b = w->frames;
}

static double rms(const Wav *w, long a, long b)
{
    double sum = 0;
    for (long i = a; i < b; i++) {
        double v = frame_value(w, i);
        sum += v * v;
    }
    return b > a ? sqrt(sum / (double)(b - a)) : 0.0;
}

/* The strongest of 80..1200 Hz in 5 Hz steps (Goertzel over the window). */
static double pitch(const Wav *w, long a, long b)
{
    double best = 0, best_hz = 0;
    for (double hz = 80; hz <= 1200; hz += 5) {
        double k = 2.0 * cos(2.0 * 3.14159265358979 * hz / w->rate), s1 = 0, s2 = 0;
        for (long i = a; i < b; i++) {
            double s0 = frame_value(w, i) + k * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        double power = s1 * s1 + s2 * s2 - k * s1 * s2;
        if (power > best) {
            best = power;
            best_hz = hz;
        }
    }
    return best_hz;
}

static void put32(unsigned char *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

/* A 48 kHz stereo sine at -12 dBFS with 20 ms ramps at both ends. */
static int write_tone(const char *path, double hz, double ms)
{
    const int rate = 48000;
    long frames = (long)(ms * rate / 1000.0);
    unsigned char h[44] = "RIFF----WAVEfmt ";
    put32(h + 16, 16);
    h[20] = 1, h[22] = 2;
    put32(h + 24, (uint32_t)rate);
    put32(h + 28, (uint32_t)rate * 4);
    h[32] = 4, h[34] = 16;
    memcpy(h + 36, "data", 4);
    put32(h + 40, (uint32_t)frames * 4);
    put32(h + 4, 36 + (uint32_t)frames * 4);
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(h, 1, 44, f) != 44) {
        if (f)
            fclose(f);
        return -1;
    }
    for (long i = 0; i < frames; i++) {
        double ramp = fmin(1.0, fmin((double)i, (double)(frames - 1 - i)) / (0.02 * rate));
        int v = (int)lrint(0.25 * ramp * sin(2.0 * 3.14159265358979 * hz * (double)i / rate) *
                           32767.0);
        unsigned char s[4] = {(unsigned char)(v & 255), (unsigned char)((v >> 8) & 255),
                              (unsigned char)(v & 255), (unsigned char)((v >> 8) & 255)};
        if (fwrite(s, 1, 4, f) != 4) {
            fclose(f);
            return -1;
        }
    }
    return fclose(f) == 0 ? 0 : -1;
}

/* A long compressed track at another rate than Lull's, as a couple would bring:
 * what it holds changes at 20 s, so it shows which part of it is heard. */
static int write_song(const char *path, double hz1, double hz2, int seconds)
{
    enum { RATE = 44100 };
    const char *dot = strrchr(path, '.');
    SF_INFO info = {.samplerate = RATE, .channels = 2};
    info.format = dot && !strcmp(dot, ".mp3") ? SF_FORMAT_MPEG | SF_FORMAT_MPEG_LAYER_III
                                              : SF_FORMAT_OGG | SF_FORMAT_VORBIS;
    SNDFILE *out = sf_open(path, SFM_WRITE, &info);
    if (!out)
        return -1;
    static float second[2 * RATE];
    double phase = 0.0;
    for (int s = 0; s < seconds; s++) {
        double hz = s < 20 ? hz1 : hz2;
        for (int i = 0; i < RATE; i++) {
            phase += 2.0 * 3.14159265358979 * hz / RATE;
            second[2 * i] = second[2 * i + 1] = (float)(0.25 * sin(phase));
        }
        if (sf_writef_float(out, second, RATE) != RATE) {
            sf_close(out);
            return -1;
        }
    }
    return sf_close(out) == 0 ? 0 : -1;
}

int main(int argc, char **argv)
{
    Wav w = {0};
    if (argc >= 5 && !strcmp(argv[2], "tone"))
        return write_tone(argv[1], atof(argv[3]), atof(argv[4])) == 0 ? 0 : 2;
    if (argc >= 6 && !strcmp(argv[2], "song"))
        return write_song(argv[1], atof(argv[3]), atof(argv[4]), atoi(argv[5])) == 0 ? 0 : 2;
    if (argc < 3 || wav_load(argv[1], &w) != 0) {
        fprintf(stderr, "usage: wavcheck FILE.wav rms|onset|pitch FROM_MS TO_MS | jump | length"
                        " | tone HZ MS | song HZ1 HZ2 SECONDS\n");
        return 2;
    }
    const char *what = argv[2];
    if (!strcmp(what, "length")) {
        printf("length_ms=%.0f\n", (double)w.frames * 1000.0 / w.rate);
    } else if (!strcmp(what, "jump")) {
        double worst = 0;
        for (long i = 1; i < w.frames; i++)
            for (int c = 0; c < w.channels; c++) {
                double d = fabs((double)w.samples[i * w.channels + c] -
                                (double)w.samples[(i - 1) * w.channels + c]) /
                           32768.0;
                if (d > worst)
                    worst = d;
            }
        printf("jump=%.4f\n", worst);
    } else if ((!strcmp(what, "rms") || !strcmp(what, "onset") || !strcmp(what, "pitch")) &&
               argc >= 5) {
        long a, b;
        window(&w, atof(argv[3]), atof(argv[4]), &a, &b);
        if (!strcmp(what, "pitch")) {
            printf("pitch_hz=%.0f\n", pitch(&w, a, b));
        } else if (!strcmp(what, "rms")) {
            double peak = 0;
            for (long i = a; i < b; i++)
                if (fabs(frame_value(&w, i)) > peak)
                    peak = fabs(frame_value(&w, i));
            printf("rms_db=%.1f peak_db=%.1f\n", db(rms(&w, a, b)), db(peak));
        } else {
            long step = w.rate / 200; /* 5 ms */
            double base = rms(&w, a, a + step);
            double onset = -1;
            for (long i = a; i + step <= b; i += step)
                if (rms(&w, i, i + step) > base * 4.0 + 1e-4) {
                    onset = (double)i * 1000.0 / w.rate;
                    break;
                }
            printf("onset_ms=%.0f\n", onset);
        }
    } else {
        fprintf(stderr, "wavcheck: unknown measure %s\n", what);
        free(w.samples);
        return 2;
    }
    free(w.samples);
    return 0;
}
