/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Configuration: DESIGN.md's INI keys parsed with inih from text the platform
 * has read. A bad value is reported with file, line and key, and the default kept.
 * Pure: no file access here. */
#ifndef LULL_CONFIG_H
#define LULL_CONFIG_H

#include <stddef.h>

/* A partner name is at most CONFIG_NAME_CHARS characters and CONFIG_NAME_MAX - 1
 * bytes of UTF-8. */
enum { CONFIG_NAME_MAX = 64, CONFIG_NAME_CHARS = 40, CONFIG_MESSAGES_MAX = 4096 };

typedef enum { NIGHT_AUTO, NIGHT_ON, NIGHT_OFF } NightMode;
typedef enum { BOARD_AUTO, BOARD_FACING } BoardLayout;

typedef struct {
    char partner_first[CONFIG_NAME_MAX]; /* UTF-8, trimmed; "" when not set */
    char partner_second[CONFIG_NAME_MAX];
    int rotation;         /* 0, 90, 180, 270 */
    double dpi;           /* 0: ask the display */
    double min_target_mm; /* default 12 */
    double min_text_mm;   /* default 4 */
    NightMode night;
    int night_start_min;  /* minutes after midnight, default 21:00 */
    int night_end_min;    /* default 07:00 */
    int brightness;       /* app brightness 10..100, default 100 */
    int night_light;      /* the screen's light by night, percent of its day level, default 40 */
    int fades;            /* 1: screens fade into each other (default); 0: they change at once */
    int volume;           /* 0..100, default 70 */
    int session_idle_min; /* a signal session ends after this idle time, default 30 */
    BoardLayout board;    /* signals board: auto (by orientation) or facing */
    int idle_dim_s;       /* dim to a faint clock after this, 0 = never; default 300
                             (keys display.idle_dim_s or display.idle_dim_minutes) */
} Config;

void config_defaults(Config *config);

/* Parses INI text over config (NULL text: nothing to parse). Messages
 * ("lull.conf:4: display.dpi: ...; using 133") replace messages' content, one a
 * line, each ending in '\n' (messages may be NULL; when it fills up, the last line
 * says more were not shown). Unknown keys and unreadable lines are reported and
 * ignored. Returns the number of problems found; the config always holds usable
 * values afterwards. Keys (section.name, case-insensitive):
 *   partners.first, partners.second    names, at most 40 characters (63 bytes)
 *   display.rotation 0|90|180|270      display.dpi 50..1000 or auto
 *   display.min_target_mm 7..30        display.min_text_mm 2..10
 *   display.night auto|on|off          display.night_start, night_end HH:MM
 *   display.brightness 10..100         display.idle_dim_s 0..86400, idle_dim_minutes 0..1440
 *   display.night_light 10..100 (the backlight by night, % of its day level)
 *   display.fades on|off (screens fade into each other in a quarter second)
 *   sound.volume 0..100                signals.idle_minutes 1..240, signals.layout auto|facing */
int config_parse(Config *config, const char *text, const char *filename, char *messages,
                 size_t messages_size);

/* Applies one key (section.name) from a stored setting, validated as config_parse
 * does; returns 0 when valid, else -1 with "section.name: why" in why (may be NULL)
 * and config unchanged. */
int config_set(Config *config, const char *section, const char *name, const char *value, char *why,
               size_t why_size);

#endif
