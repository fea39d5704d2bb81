/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Strict readers for Lull's two export formats, written apart from the
 * exporter so that they check it rather than agree with it: RFC 8259 JSON and
 * RFC 4180 CSV. Used by the monkey and the export fuzz target. */
#ifndef LULL_HARDENING_FORMATS_H
#define LULL_HARDENING_FORMATS_H

#include <stddef.h>

/* Called for every string value inside an object, with its key (decoded,
 * NUL-terminated; values may hold no NUL because the exporter never writes
 * \u0000 — a \u0000 makes the text invalid here). depth: 1 for the top object. */
typedef void (*JsonStringFn)(void *ctx, int depth, const char *key, const char *value,
                             size_t value_len);

/* 0 when text[0..len) is exactly one valid JSON value (whitespace around it
 * allowed) whose strings are valid UTF-8; else -1 with a reason in err. */
int json_check(const char *text, size_t len, JsonStringFn fn, void *ctx, char *err,
               size_t err_size);

/* Called for every field; row and column count from 0. */
typedef void (*CsvFieldFn)(void *ctx, int row, int column, const char *field, size_t len);

/* Reads RFC 4180 CSV (CRLF line ends, quotes doubled inside quoted fields).
 * Returns the number of rows, or -1 with a reason in err when malformed, a
 * row's field count differs from the first row's, or a field is not UTF-8. */
int csv_read(const char *text, size_t len, CsvFieldFn fn, void *ctx, char *err, size_t err_size);

/* 1 when s[0..len) is valid UTF-8 (no overlongs, surrogates or > U+10FFFF). */
int utf8_valid(const char *s, size_t len);

#endif
