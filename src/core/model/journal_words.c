/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The chip vocabularies: DESIGN.md's words, how a list is kept as a setting,
 * and the ';'-joined chip ids an entry stores. Pure C11. */
#include "lull/journal_words.h"
#include "lull/ini_text.h"
#include "lull/utf8.h"

#include <stdio.h>
#include <string.h>

typedef struct {
    const char *id;
    const char *label;
} WordDefault;

static const WordDefault tried_defaults[] = {
    {"holding", "Holding"},
    {"cuddling", "Cuddling"},
    {"massage", "Massage"},
    {"mindful_touch", "Mindful touch"},
    {"kissing", "Kissing"},
    {"bath_together", "A bath together"},
    {"intimate_touch", "Intimate touch"},
    {"sex", "Sex"},
};

static const WordDefault helped_defaults[] = {
    {"slower_pace", "Slower pace"},
    {"pillows", "Pillows for support"},
    {"lubricant", "Lubricant"},
    {"different_position", "A different position"},
    {"breathing_first", "Breathing first"},
    {"warmth", "Warmth"},
    {"medication_timing", "Timing around medication"},
    {"humour", "Humour"},
    {"talking", "Talking it through"},
};

static const WordDefault next_defaults[] = {
    {"go_slower", "Go slower"},
    {"more_pillows", "More pillows"},
    {"earlier_in_day", "Earlier in the day"},
    {"rest_first", "Rest first"},
    {"breathe_first", "Breathe together first"},
    {"more_time", "More time to warm up"},
    {"ask_clinician", "Ask our clinician"},
};

static void load_defaults(JournalWords *words, WordsList list, const WordDefault *d, int n)
{
    words->count[list] = 0;
    for (int i = 0; i < n && i < WORDS_MAX; i++) {
        JournalWord *w = &words->words[list][i];
        snprintf(w->id, sizeof w->id, "%s", d[i].id);
        snprintf(w->label, sizeof w->label, "%s", d[i].label);
        w->hidden = 0;
        words->count[list]++;
    }
}

void words_defaults(JournalWords *words)
{
    memset(words, 0, sizeof *words);
    load_defaults(words, WORDS_TRIED, tried_defaults,
                  (int)(sizeof tried_defaults / sizeof tried_defaults[0]));
    load_defaults(words, WORDS_HELPED, helped_defaults,
                  (int)(sizeof helped_defaults / sizeof helped_defaults[0]));
    load_defaults(words, WORDS_NEXT, next_defaults,
                  (int)(sizeof next_defaults / sizeof next_defaults[0]));
}

SettingKey words_setting_key(WordsList list)
{
    return (SettingKey)(KEY_WORDS_TRIED + (int)list);
}

void words_format(const JournalWords *words, WordsList list, char *out, size_t size)
{
    size_t used = 0;
    if (size == 0)
        return;
    out[0] = '\0';
    for (int i = 0; i < words->count[list]; i++) {
        const JournalWord *w = &words->words[list][i];
        int n = snprintf(out + used, size - used, "%s%s%s=%s", i ? "\n" : "", w->hidden ? "-" : "",
                         w->id, w->label);
        if (n < 0 || (size_t)n >= size - used) {
            out[used] = '\0'; /* a word that does not fit is left out whole */
            return;
        }
        used += (size_t)n;
    }
}

static int id_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

static int valid_id(const char *id, size_t len)
{
    if (len == 0 || len >= WORD_ID_MAX)
        return 0;
    for (size_t i = 0; i < len; i++)
        if (!id_char(id[i]))
            return 0;
    return 1;
}

int words_parse(JournalWords *words, WordsList list, const char *text)
{
    JournalWord parsed[WORDS_MAX];
    int n = 0;
    const char *p = text;
    while (*p) {
        const char *end = strchr(p, '\n');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        const char *eq = memchr(p, '=', len);
        if (len > 0) {
            if (!eq || n >= WORDS_MAX)
                return -1;
            JournalWord *w = &parsed[n];
            memset(w, 0, sizeof *w);
            const char *id = p;
            if (*id == '-') {
                w->hidden = 1;
                id++;
            }
            size_t id_len = (size_t)(eq - id);
            size_t label_len = len - (size_t)(eq + 1 - p);
            if (!valid_id(id, id_len) || label_len == 0)
                return -1;
            memcpy(w->id, id, id_len);
            char label[WORD_LABEL_MAX * 2];
            if (label_len >= sizeof label)
                label_len = sizeof label - 1;
            memcpy(label, eq + 1, label_len);
            label[label_len] = '\0';
            utf8_copy(w->label, sizeof w->label, label);
            if (!w->label[0])
                return -1;
            for (int i = 0; i < n; i++)
                if (strcmp(parsed[i].id, w->id) == 0)
                    return -1;
            n++;
        }
        p = end ? end + 1 : p + len;
    }
    memcpy(words->words[list], parsed, sizeof(JournalWord) * (size_t)n);
    words->count[list] = n;
    return 0;
}

const char *words_label(const JournalWords *words, WordsList list, const char *id, char *fallback,
                        size_t size)
{
    for (int i = 0; i < words->count[list]; i++)
        if (strcmp(words->words[list][i].id, id) == 0)
            return words->words[list][i].label;
    snprintf(fallback, size, "%s", id);
    for (char *c = fallback; *c; c++)
        if (*c == '_')
            *c = ' ';
    if (fallback[0] >= 'a' && fallback[0] <= 'z')
        fallback[0] = (char)(fallback[0] - 32);
    return fallback;
}

static int id_taken(const JournalWords *words, WordsList list, const char *id)
{
    for (int i = 0; i < words->count[list]; i++)
        if (strcmp(words->words[list][i].id, id) == 0)
            return 1;
    return 0;
}

int words_add(JournalWords *words, WordsList list, const char *label)
{
    if (words->count[list] >= WORDS_MAX)
        return -1;
    char clean[WORD_LABEL_MAX];
    /* Tabs and line breaks would break the stored list: they become spaces. */
    char spaced[WORD_LABEL_MAX];
    utf8_copy(spaced, sizeof spaced, label);
    for (char *c = spaced; *c; c++)
        if (*c == '\n' || *c == '\t' || *c == '\r')
            *c = ' ';
    const char *s = spaced;
    while (*s == ' ')
        s++;
    snprintf(clean, sizeof clean, "%s", s);
    size_t len = strlen(clean);
    while (len > 0 && clean[len - 1] == ' ')
        clean[--len] = '\0';
    if (len == 0)
        return -1;

    char id[WORD_ID_MAX];
    size_t n = 0;
    int underscore = 0;
    for (const unsigned char *c = (const unsigned char *)clean; *c && n < WORD_ID_MAX - 8; c++) {
        char ch = (char)*c;
        if (ch >= 'A' && ch <= 'Z')
            ch = (char)(ch + 32);
        if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
            if (underscore && n > 0)
                id[n++] = '_';
            underscore = 0;
            id[n++] = ch;
        } else {
            underscore = 1;
        }
    }
    id[n] = '\0';
    if (n == 0)
        snprintf(id, sizeof id, "word");
    char unique[WORD_ID_MAX];
    snprintf(unique, sizeof unique, "%s", id);
    for (int k = 2; id_taken(words, list, unique) && k < 100; k++)
        snprintf(unique, sizeof unique, "%.20s_%d", id, k);
    if (id_taken(words, list, unique))
        return -1;
    int at = words->count[list]++;
    JournalWord *w = &words->words[list][at];
    memset(w, 0, sizeof *w);
    snprintf(w->id, sizeof w->id, "%s", unique);
    utf8_copy(w->label, sizeof w->label, clean);
    return at;
}

int chips_has(const char *joined, const char *id)
{
    size_t n = strlen(id);
    const char *p = joined;
    if (n == 0)
        return 0;
    while (*p) {
        const char *end = strchr(p, ';');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len == n && memcmp(p, id, n) == 0)
            return 1;
        if (!end)
            break;
        p = end + 1;
    }
    return 0;
}

static void chips_append(char *out, size_t size, const char *id)
{
    size_t used = strlen(out);
    size_t n = strlen(id);
    size_t need = (used ? 1 : 0) + n + 1;
    if (used + need > size)
        return; /* full: the chip is not added rather than cut */
    if (used)
        out[used++] = ';';
    memcpy(out + used, id, n + 1);
}

void chips_toggle(char *joined, size_t size, const char *id, const JournalWord *order, int count)
{
    char result[EVENT_CHIPS_MAX];
    int present = chips_has(joined, id);
    result[0] = '\0';
    if (order) {
        /* The vocabulary's order first, then ids it no longer has. */
        for (int i = 0; i < count; i++) {
            int want = strcmp(order[i].id, id) == 0 ? !present : chips_has(joined, order[i].id);
            if (want)
                chips_append(result, sizeof result, order[i].id);
        }
    }
    const char *p = joined;
    while (*p) {
        const char *end = strchr(p, ';');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        char one[WORD_ID_MAX * 2];
        if (len > 0 && len < sizeof one) {
            memcpy(one, p, len);
            one[len] = '\0';
            int known = 0;
            for (int i = 0; order && i < count; i++)
                known |= strcmp(order[i].id, one) == 0;
            if (!known && strcmp(one, id) != 0)
                chips_append(result, sizeof result, one);
        }
        if (!end)
            break;
        p = end + 1;
    }
    if (!order && !present)
        chips_append(result, sizeof result, id);
    snprintf(joined, size, "%s", result);
}

void chips_labels(const JournalWords *words, WordsList list, const char *joined, char *out,
                  size_t size)
{
    size_t used = 0;
    if (size == 0)
        return;
    out[0] = '\0';
    const char *p = joined;
    while (*p) {
        const char *end = strchr(p, ';');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        char id[WORD_ID_MAX * 2], fallback[WORD_ID_MAX * 2];
        if (len > 0 && len < sizeof id) {
            memcpy(id, p, len);
            id[len] = '\0';
            const char *label = words_label(words, list, id, fallback, sizeof fallback);
            int n = snprintf(out + used, size - used, "%s%s", used ? ", " : "", label);
            if (n < 0 || (size_t)n >= size - used) {
                out[used] = '\0';
                return;
            }
            used += (size_t)n;
        }
        if (!end)
            break;
        p = end + 1;
    }
}

static const char *const list_sections[WORDS_LIST_COUNT] = {"tried", "helped", "next"};

typedef struct {
    JournalWords *words;
    JournalWords before; /* a list the file empties entirely comes back from here */
    int started[WORDS_LIST_COUNT];
} WordsRead;

static void on_word_key(IniRead *read, void *user, const char *section, const char *name,
                        const char *value)
{
    WordsRead *wr = user;
    char why[INI_MESSAGE_MAX];
    int list = -1;
    for (int l = 0; l < WORDS_LIST_COUNT; l++)
        if (ini_equal_nocase(section, list_sections[l]))
            list = l;
    if (list < 0) {
        char printable[80];
        ini_printable(section[0] ? section : "(none)", printable, sizeof printable);
        snprintf(why, sizeof why, "[%s] is not a list (tried, helped or next); ignored", printable);
        ini_report(read, why);
        return;
    }
    /* The first word of a list in the file replaces the whole list. */
    if (!wr->started[list]) {
        wr->started[list] = 1;
        wr->words->count[list] = 0;
    }
    int *count = &wr->words->count[list];
    if (!valid_id(name, strlen(name))) {
        snprintf(why, sizeof why,
                 "an id is 1 to %d lowercase letters, digits and _ (like mindful_touch); ignored",
                 WORD_ID_MAX - 1);
        ini_report_key(read, section, name, why);
        return;
    }
    int chars = utf8_length(value);
    if (chars < 1 || chars > WORD_LABEL_CHARS || strlen(value) >= WORD_LABEL_MAX) {
        snprintf(why, sizeof why, "a word is 1 to %d characters; ignored", WORD_LABEL_CHARS);
        ini_report_key(read, section, name, why);
        return;
    }
    for (int i = 0; i < *count; i++)
        if (strcmp(wr->words->words[list][i].id, name) == 0) {
            ini_report_key(read, section, name, "is already in this list; ignored");
            return;
        }
    if (*count >= WORDS_MAX) {
        snprintf(why, sizeof why, "a list holds %d words; ignored", WORDS_MAX);
        ini_report_key(read, section, name, why);
        return;
    }
    JournalWord *w = &wr->words->words[list][(*count)++];
    memset(w, 0, sizeof *w);
    snprintf(w->id, sizeof w->id, "%s", name);
    utf8_copy(w->label, sizeof w->label, value);
}

int words_read(JournalWords *words, const char *text, const char *filename, char *messages,
               size_t messages_size)
{
    WordsRead wr;
    memset(&wr, 0, sizeof wr);
    wr.words = words;
    wr.before = *words;
    int problems = ini_read(text, filename, on_word_key, &wr, messages, messages_size);
    for (int l = 0; l < WORDS_LIST_COUNT; l++)
        if (wr.started[l] && words->count[l] == 0) {
            memcpy(words->words[l], wr.before.words[l], sizeof words->words[l]);
            words->count[l] = wr.before.count[l];
        }
    return problems;
}
