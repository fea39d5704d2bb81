/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading the INI text Lull is given (lull.conf, the data files of assets/)
 * through inih, one way for all of them: the file's own line numbers, messages
 * "FILE:LINE: what" one a line, values trimmed with their "; note" and
 * "# note" comments cut, and lines that cannot be read reported and skipped.
 * Pure C11. */
#ifndef LULL_INI_TEXT_H
#define LULL_INI_TEXT_H

#include <stddef.h>

enum {
    INI_MESSAGE_MAX = 320, /* one message line, before "FILE:LINE: " */
    INI_VALUE_MAX = 1024,  /* longer values cannot come from inih's line buffer */
};

typedef struct IniRead IniRead;

/* One key of the text: section ("" before any) and value trimmed and free of
 * comments, name never empty. A problem with it goes to ini_report. */
typedef void (*IniKeyFn)(IniRead *read, void *user, const char *section, const char *name,
                         const char *value);

/* Reads text (NULL: nothing) and calls on_key for each key, in order. Messages
 * replace messages' content (may be NULL; when it fills up, the last line says
 * more were not shown). Returns the number of problems. */
int ini_read(const char *text, const char *filename, IniKeyFn on_key, void *user, char *messages,
             size_t messages_size);

/* Reports a problem of the current line: "FILE:LINE: what". */
void ini_report(IniRead *read, const char *what);
/* The same, with "section.name: " (printable) before what. */
void ini_report_key(IniRead *read, const char *section, const char *name, const char *what);

/* A value as a message may show it: quoted, cut after 32 characters, control
 * characters and stray bytes escaped. */
void ini_quote(const char *value, char *out, size_t out_size);
/* A section or key name safe to print: the same escaping, without quotes. */
void ini_printable(const char *name, char *out, size_t out_size);
/* Copies text without surrounding whitespace; -1 when it does not fit. */
int ini_trim(char *out, size_t out_size, const char *text);
/* ASCII case-insensitive equality. */
int ini_equal_nocase(const char *a, const char *b);

#endif
