/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: export of arbitrary text, CSV and JSON, as a round trip.
 * The input's pieces become an entry's partner name, label and note and its
 * chip lists; the entry goes into a store (in memory) and out through
 * store_export. Read back by readers written apart from the exporter
 * (tests/hardening/formats.c), every field must come back exactly: the same
 * text with each byte that is not UTF-8 replaced by U+FFFD, and in CSV a
 * leading ' before =, +, -, @, tab or CR (formula defusing). */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "../hardening/formats.h"
#include "fuzz.h"
#include "lull/store.h"

enum { FIELDS = 7, F_PARTNER, F_LABEL, F_NOTE, F_TRIED, F_HELPED, F_NEXT, F_NAME };

typedef struct {
    const char *key;
    int csv_column;
    char *expected; /* sanitized */
    int json_seen, csv_seen;
} Field;

/* The exporter's promise, written again: well-formed sequences kept, any
 * other byte becomes U+FFFD. */
static char *sanitized(const char *s)
{
    size_t n = strlen(s);
    char *out = malloc(n * 3 + 1);
    if (!out)
        abort();
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        size_t len = 0;
        for (size_t k = 1; k <= 4 && i + k <= n; k++) {
            if (fuzz_utf8_valid(s + i, k)) {
                len = k;
                break;
            }
        }
        if (len == 0) {
            memcpy(out + o, "\xEF\xBF\xBD", 3);
            o += 3;
            i++;
        } else {
            memcpy(out + o, s + i, len);
            o += len;
            i += len;
        }
    }
    out[o] = '\0';
    return out;
}

static Field fields[FIELDS];

static void on_json(void *ctx, int depth, const char *key, const char *value, size_t len)
{
    (void)ctx;
    if (depth != 2)
        return;
    for (int i = 0; i < FIELDS; i++) {
        if (strcmp(key, fields[i].key) == 0) {
            FUZZ_ASSERT(len == strlen(fields[i].expected));
            FUZZ_ASSERT(memcmp(value, fields[i].expected, len) == 0);
            fields[i].json_seen++;
        }
    }
}

static void on_csv(void *ctx, int row, int column, const char *value, size_t len)
{
    (void)ctx;
    if (row != 1)
        return;
    for (int i = 0; i < FIELDS; i++) {
        if (column != fields[i].csv_column)
            continue;
        const char *want = fields[i].expected;
        if (strchr("=+-@\t\r", want[0]) && want[0]) {
            FUZZ_ASSERT(len >= 1 && value[0] == '\'');
            value++;
            len--;
        }
        FUZZ_ASSERT(len == strlen(want) && memcmp(value, want, len) == 0);
        fields[i].csv_seen++;
    }
}

static char *export_to_memory(Store *store, ExportFormat format, size_t *len)
{
    char *text = NULL;
    FILE *out = open_memstream(&text, len);
    FUZZ_ASSERT(out != NULL);
    FUZZ_ASSERT(store_export(store, format, out, 1767646800000, 3600) == STORE_OK);
    fclose(out);
    return text;
}

static void copy_piece(char *out, size_t size, const char *in)
{
    size_t n = strlen(in);
    if (n >= size)
        n = size - 1; /* may cut a character: the export must cope */
    memcpy(out, in, n);
    out[n] = '\0';
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* Pieces are separated by 0x1F (unit separator); the input may hold NULs,
     * which end a piece early, as C strings do. */
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    const char *piece[FIELDS] = {"", "", "", "", "", "", ""};
    char *p = text;
    for (int i = 0; i < FIELDS && p; i++) {
        piece[i] = p;
        char *sep = memchr(p, 0x1F, (size_t)(text + size - p));
        if (sep)
            *sep = '\0';
        p = sep ? sep + 1 : NULL;
    }

    LogEvent ev;
    event_init(&ev, EVENT_ENTRY);
    ev.time_ms = 1767646800000;
    ev.partner = 3;
    copy_piece(ev.partner_name, sizeof ev.partner_name, piece[0]);
    copy_piece(ev.label, sizeof ev.label, piece[1]);
    copy_piece(ev.note, sizeof ev.note, piece[2]);
    copy_piece(ev.tried, sizeof ev.tried, piece[3]);
    copy_piece(ev.helped, sizeof ev.helped, piece[4]);
    copy_piece(ev.next, sizeof ev.next, piece[5]);
    copy_piece(ev.name, sizeof ev.name, piece[6]);
    const char *keys[FIELDS] = {"partner", "label", "note", "tried", "helped", "next", "name"};
    const int columns[FIELDS] = {2, 4, 16, 13, 14, 15, 3};
    const char *values[FIELDS] = {ev.partner_name, ev.label, ev.note, ev.tried,
                                  ev.helped,       ev.next,  ev.name};
    for (int i = 0; i < FIELDS; i++) {
        fields[i].key = keys[i];
        fields[i].csv_column = columns[i];
        fields[i].expected = sanitized(values[i]);
        fields[i].json_seen = fields[i].csv_seen = 0;
    }

    Store *store = store_open(":memory:", NULL, NULL, 0);
    FUZZ_ASSERT(store != NULL);
    FUZZ_ASSERT(store_log(store, &ev) == STORE_OK);
    char why[200];
    size_t len = 0;
    char *json = export_to_memory(store, EXPORT_JSON, &len);
    if (json_check(json, len, on_json, NULL, why, sizeof why) != 0) {
        fprintf(stderr, "invalid JSON: %s\n", why);
        abort();
    }
    free(json);
    char *csv = export_to_memory(store, EXPORT_CSV, &len);
    int rows = csv_read(csv, len, on_csv, NULL, why, sizeof why);
    if (rows != 2) {
        fprintf(stderr, "invalid CSV (%d rows): %s\n", rows, why);
        abort();
    }
    free(csv);
    store_close(store);
    for (int i = 0; i < FIELDS; i++) {
        FUZZ_ASSERT(fields[i].json_seen == 1 && fields[i].csv_seen == 1);
        free(fields[i].expected);
    }

    /* The escaping functions alone, with room to spare and with too little. */
    size_t cap = size * 6 + 16;
    char *out = malloc(cap);
    if (out) {
        char *whole = sanitized(text);
        int n = export_json_string(text, out, cap);
        FUZZ_ASSERT(n >= 2 && out[0] == '"' && out[n - 1] == '"');
        FUZZ_ASSERT(json_check(out, (size_t)n, NULL, NULL, why, sizeof why) == 0);
        n = export_csv_field(text, out, cap);
        FUZZ_ASSERT(n >= 0 && fuzz_utf8_valid(out, (size_t)n));
        size_t small = size % 7;
        n = export_csv_field(text, out, small);
        FUZZ_ASSERT(n < 0 || (size_t)n < small);
        free(whole);
        free(out);
    }
    free(text);
    return 0;
}
