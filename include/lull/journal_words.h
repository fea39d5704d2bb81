/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The journal's chip vocabularies (what was tried, what helped, what next) and
 * the chips of one entry. Plain data and pure helpers. */
#ifndef LULL_JOURNAL_WORDS_H
#define LULL_JOURNAL_WORDS_H

#include <stddef.h>

#include "lull/setting_keys.h"

typedef enum { WORDS_TRIED, WORDS_HELPED, WORDS_NEXT, WORDS_LIST_COUNT } WordsList;

enum {
    WORDS_MAX = 16,      /* chips per list */
    WORD_ID_MAX = 32,    /* a stable snake_case id, ASCII */
    WORD_LABEL_MAX = 48, /* what the chip shows, UTF-8 */
    WORD_LABEL_CHARS = 24,
    WORDS_SETTING_MAX = 2048, /* one list as stored in a setting */
};

typedef struct {
    char id[WORD_ID_MAX];
    char label[WORD_LABEL_MAX];
    int hidden; /* kept for old entries and exports, not offered on new ones */
} JournalWord;

typedef struct {
    JournalWord words[WORDS_LIST_COUNT][WORDS_MAX];
    int count[WORDS_LIST_COUNT];
} JournalWords;

/* DESIGN.md's vocabularies. */
void words_defaults(JournalWords *words);
/* Reads a journal-words.ini (assets/) over words: sections [tried], [helped]
 * and [next], each word "id = Label" in the order shown. A list named in the
 * file is replaced by its words; one not named keeps what it had. A word that
 * cannot be used is left out, with a "FILE:LINE: ..." line in messages
 * (lull/ini_text.h). Returns the number of problems. */
int words_read(JournalWords *words, const char *text, const char *filename, char *messages,
               size_t messages_size);
/* The setting that keeps a list: KEY_WORDS_TRIED, _HELPED or _NEXT. */
SettingKey words_setting_key(WordsList list);
/* A list as a setting: "id=Label" lines, a leading '-' for a hidden word. */
void words_format(const JournalWords *words, WordsList list, char *out, size_t size);
/* Replaces a list from its setting; returns -1 (list unchanged) on nonsense. */
int words_parse(JournalWords *words, WordsList list, const char *text);
/* The label of an id in a list; an unknown id (a word removed since) is shown
 * as itself with spaces for underscores, written into fallback. */
const char *words_label(const JournalWords *words, WordsList list, const char *id, char *fallback,
                        size_t size);
/* A new word: its id made from the label (ASCII letters and digits, '_'),
 * unique in the list. Returns its index, or -1 when the list is full or the
 * label is empty. */
int words_add(JournalWords *words, WordsList list, const char *label);

/* Chip lists as stored in an entry: ids joined with ';'. */
int chips_has(const char *joined, const char *id);
/* Adds id when absent, removes it when present; keeps the vocabulary's order
 * when order is given (NULL: appends). */
void chips_toggle(char *joined, size_t size, const char *id, const JournalWord *order, int count);
/* Labels of a joined list, ", "-separated, into out. */
void chips_labels(const JournalWords *words, WordsList list, const char *joined, char *out,
                  size_t size);

#endif
