/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: the config parser (src/core/config.c over inih) on any
 * bytes. Whatever the file says, the result is a usable config: every value
 * in its range, names whole UTF-8 within their limits, and a message for
 * every problem. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "lull/config.h"
#include "lull/keyboard.h"

static void check(const Config *c)
{
    FUZZ_ASSERT(c->rotation == 0 || c->rotation == 90 || c->rotation == 180 || c->rotation == 270);
    FUZZ_ASSERT(c->dpi == 0.0 || (c->dpi >= 50.0 && c->dpi <= 1000.0));
    FUZZ_ASSERT(c->min_target_mm >= 7.0 && c->min_target_mm <= 30.0);
    FUZZ_ASSERT(c->min_text_mm >= 2.0 && c->min_text_mm <= 10.0);
    FUZZ_ASSERT(c->night == NIGHT_AUTO || c->night == NIGHT_ON || c->night == NIGHT_OFF);
    FUZZ_ASSERT(c->night_start_min >= 0 && c->night_start_min < 24 * 60);
    FUZZ_ASSERT(c->night_end_min >= 0 && c->night_end_min < 24 * 60);
    FUZZ_ASSERT(c->brightness >= 10 && c->brightness <= 100);
    FUZZ_ASSERT(c->volume >= 0 && c->volume <= 100);
    FUZZ_ASSERT(c->session_idle_min >= 1 && c->session_idle_min <= 240);
    FUZZ_ASSERT(c->board == BOARD_AUTO || c->board == BOARD_FACING);
    FUZZ_ASSERT(c->idle_dim_s >= 0 && c->idle_dim_s <= 86400);
    const char *names[2] = {c->partner_first, c->partner_second};
    for (int i = 0; i < 2; i++) {
        size_t n = strnlen(names[i], CONFIG_NAME_MAX);
        FUZZ_ASSERT(n < CONFIG_NAME_MAX);
        FUZZ_ASSERT(fuzz_utf8_valid(names[i], n));
        FUZZ_ASSERT(utf8_length(names[i]) <= CONFIG_NAME_CHARS);
    }
}

static int same_config(const Config *a, const Config *b)
{
    return strcmp(a->partner_first, b->partner_first) == 0 &&
           strcmp(a->partner_second, b->partner_second) == 0 && a->rotation == b->rotation &&
           a->dpi == b->dpi && a->min_target_mm == b->min_target_mm &&
           a->min_text_mm == b->min_text_mm && a->night == b->night &&
           a->night_start_min == b->night_start_min && a->night_end_min == b->night_end_min &&
           a->brightness == b->brightness && a->volume == b->volume &&
           a->session_idle_min == b->session_idle_min && a->board == b->board &&
           a->idle_dim_s == b->idle_dim_s;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = fuzz_string(data, size);
    if (!text)
        return 0;
    Config config;
    char messages[CONFIG_MESSAGES_MAX];
    config_defaults(&config);
    int problems = config_parse(&config, text, "fuzz.conf", messages, sizeof messages);
    FUZZ_ASSERT(problems >= 0);
    FUZZ_ASSERT(strnlen(messages, sizeof messages) < sizeof messages);
    if (problems > 0)
        FUZZ_ASSERT(messages[0] != '\0');
    check(&config);

    /* The same text as one stored setting: section.name = value, split at the
     * first two newlines. */
    char *name = strchr(text, '\n');
    char *value = name ? strchr(name + 1, '\n') : NULL;
    if (name && value) {
        *name++ = '\0';
        *value++ = '\0';
        char why[256];
        Config before = config;
        if (config_set(&config, text, name, value, why, sizeof why) != 0)
            FUZZ_ASSERT(same_config(&before, &config));
        check(&config);
    }
    free(text);
    return 0;
}
