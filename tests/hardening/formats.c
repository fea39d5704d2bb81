/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "formats.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int utf8_valid(const char *text, size_t len)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0;
    while (i < len) {
        unsigned char c = s[i];
        size_t n;
        unsigned long cp;
        if (c < 0x80) {
            i++;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            n = 2;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            n = 3;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            n = 4;
            cp = c & 0x07;
        } else {
            return 0;
        }
        if (i + n > len)
            return 0;
        for (size_t k = 1; k < n; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return 0;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        static const unsigned long least[5] = {0, 0, 0x80, 0x800, 0x10000};
        if (cp < least[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return 0;
        i += n;
    }
    return 1;
}

typedef struct {
    const char *p, *end;
    JsonStringFn fn;
    void *ctx;
    char *err;
    size_t err_size;
    int failed;
    int depth;
} Json;

static int json_fail(Json *j, const char *why)
{
    if (!j->failed && j->err && j->err_size)
        snprintf(j->err, j->err_size, "%s at byte %ld", why, (long)(j->end - j->p));
    j->failed = 1;
    return -1;
}

static void skip_ws(Json *j)
{
    while (j->p < j->end && (*j->p == ' ' || *j->p == '\t' || *j->p == '\n' || *j->p == '\r'))
        j->p++;
}

static int hex4(const char *p, unsigned *out)
{
    unsigned v = 0;
    for (int i = 0; i < 4; i++) {
        char c = p[i];
        v <<= 4;
        if (c >= '0' && c <= '9')
            v |= (unsigned)(c - '0');
        else if (c >= 'a' && c <= 'f')
            v |= (unsigned)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            v |= (unsigned)(c - 'A' + 10);
        else
            return -1;
    }
    *out = v;
    return 0;
}

static size_t put_utf8(char *out, unsigned long cp)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* A string at p (the opening quote); decoded into a malloc'd buffer. */
static char *json_string(Json *j, size_t *len)
{
    j->p++;
    size_t cap = 64, n = 0;
    char *buf = malloc(cap);
    if (!buf) {
        json_fail(j, "out of memory");
        return NULL;
    }
    while (1) {
        if (j->p >= j->end) {
            json_fail(j, "unterminated string");
            break;
        }
        unsigned char c = (unsigned char)*j->p;
        if (n + 8 > cap) {
            char *bigger = realloc(buf, cap * 2);
            if (!bigger) {
                json_fail(j, "out of memory");
                break;
            }
            buf = bigger;
            cap *= 2;
        }
        if (c == '"') {
            j->p++;
            break;
        }
        if (c < 0x20) {
            json_fail(j, "control character in a string");
            break;
        }
        if (c != '\\') {
            buf[n++] = (char)c;
            j->p++;
            continue;
        }
        if (j->p + 1 >= j->end) {
            json_fail(j, "escape at the end");
            break;
        }
        char e = j->p[1];
        j->p += 2;
        const char *simple = strchr("\"\\/bfnrt", e);
        if (e && simple) {
            static const char decoded[] = "\"\\/\b\f\n\r\t";
            buf[n++] = decoded[simple - "\"\\/bfnrt"];
            continue;
        }
        unsigned u = 0;
        if (e != 'u' || j->p + 4 > j->end || hex4(j->p, &u) != 0) {
            json_fail(j, "bad escape");
            break;
        }
        j->p += 4;
        unsigned long cp = u;
        if (u >= 0xD800 && u <= 0xDBFF) {
            unsigned lo = 0;
            if (j->p + 6 > j->end || j->p[0] != '\\' || j->p[1] != 'u' ||
                hex4(j->p + 2, &lo) != 0 || lo < 0xDC00 || lo > 0xDFFF) {
                json_fail(j, "lone surrogate");
                break;
            }
            j->p += 6;
            cp = 0x10000 + (((unsigned long)u - 0xD800) << 10) + (lo - 0xDC00);
        } else if (u >= 0xDC00 && u <= 0xDFFF) {
            json_fail(j, "lone surrogate");
            break;
        }
        if (cp == 0) {
            json_fail(j, "\\u0000 in a string");
            break;
        }
        n += put_utf8(buf + n, cp);
    }
    if (j->failed) {
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    if (!utf8_valid(buf, n)) {
        json_fail(j, "a string is not UTF-8");
        free(buf);
        return NULL;
    }
    *len = n;
    return buf;
}

static int json_value(Json *j, const char *key);

static int json_number(Json *j)
{
    const char *p = j->p;
    if (p < j->end && *p == '-')
        p++;
    if (p >= j->end)
        return json_fail(j, "bad number");
    if (*p == '0') {
        p++;
    } else if (*p >= '1' && *p <= '9') {
        while (p < j->end && *p >= '0' && *p <= '9')
            p++;
    } else {
        return json_fail(j, "bad number");
    }
    if (p < j->end && *p == '.') {
        p++;
        if (p >= j->end || *p < '0' || *p > '9')
            return json_fail(j, "bad number");
        while (p < j->end && *p >= '0' && *p <= '9')
            p++;
    }
    if (p < j->end && (*p == 'e' || *p == 'E')) {
        p++;
        if (p < j->end && (*p == '+' || *p == '-'))
            p++;
        if (p >= j->end || *p < '0' || *p > '9')
            return json_fail(j, "bad number");
        while (p < j->end && *p >= '0' && *p <= '9')
            p++;
    }
    j->p = p;
    return 0;
}

static int json_literal(Json *j, const char *word)
{
    size_t n = strlen(word);
    if ((size_t)(j->end - j->p) < n || memcmp(j->p, word, n) != 0)
        return json_fail(j, "unexpected character");
    j->p += n;
    return 0;
}

static int json_object(Json *j)
{
    j->p++;
    j->depth++;
    skip_ws(j);
    if (j->p < j->end && *j->p == '}') {
        j->p++;
        j->depth--;
        return 0;
    }
    while (1) {
        skip_ws(j);
        if (j->p >= j->end || *j->p != '"')
            return json_fail(j, "expected a key");
        size_t len = 0;
        char *key = json_string(j, &len);
        if (!key)
            return -1;
        skip_ws(j);
        if (j->p >= j->end || *j->p != ':') {
            free(key);
            return json_fail(j, "expected ':'");
        }
        j->p++;
        int r = json_value(j, key);
        free(key);
        if (r != 0)
            return -1;
        skip_ws(j);
        if (j->p < j->end && *j->p == ',') {
            j->p++;
            continue;
        }
        if (j->p < j->end && *j->p == '}') {
            j->p++;
            j->depth--;
            return 0;
        }
        return json_fail(j, "expected ',' or '}'");
    }
}

static int json_array(Json *j, const char *key)
{
    j->p++;
    skip_ws(j);
    if (j->p < j->end && *j->p == ']') {
        j->p++;
        return 0;
    }
    while (1) {
        if (json_value(j, key) != 0)
            return -1;
        skip_ws(j);
        if (j->p < j->end && *j->p == ',') {
            j->p++;
            continue;
        }
        if (j->p < j->end && *j->p == ']') {
            j->p++;
            return 0;
        }
        return json_fail(j, "expected ',' or ']'");
    }
}

static int json_value(Json *j, const char *key)
{
    skip_ws(j);
    if (j->p >= j->end)
        return json_fail(j, "expected a value");
    if (j->depth > 64)
        return json_fail(j, "nested too deep");
    switch (*j->p) {
    case '{':
        return json_object(j);
    case '[':
        return json_array(j, key);
    case '"': {
        size_t len = 0;
        char *s = json_string(j, &len);
        if (!s)
            return -1;
        if (j->fn && key)
            j->fn(j->ctx, j->depth, key, s, len);
        free(s);
        return 0;
    }
    case 't':
        return json_literal(j, "true");
    case 'f':
        return json_literal(j, "false");
    case 'n':
        return json_literal(j, "null");
    default:
        return json_number(j);
    }
}

int json_check(const char *text, size_t len, JsonStringFn fn, void *ctx, char *err, size_t err_size)
{
    Json j = {text, text + len, fn, ctx, err, err_size, 0, 0};
    if (json_value(&j, NULL) != 0)
        return -1;
    skip_ws(&j);
    if (j.p != j.end)
        return json_fail(&j, "text after the value");
    return 0;
}

int csv_read(const char *text, size_t len, CsvFieldFn fn, void *ctx, char *err, size_t err_size)
{
    size_t i = 0;
    int row = 0, column = 0, first_columns = -1;
    char *field = malloc(len + 1);
    if (!field)
        return -1;
    while (i < len) {
        size_t n = 0;
        if (text[i] == '"') {
            i++;
            while (1) {
                if (i >= len) {
                    snprintf(err, err_size, "row %d: unterminated quotes", row + 1);
                    free(field);
                    return -1;
                }
                if (text[i] == '"') {
                    if (i + 1 < len && text[i + 1] == '"') {
                        field[n++] = '"';
                        i += 2;
                        continue;
                    }
                    i++;
                    break;
                }
                field[n++] = text[i++];
            }
        } else {
            while (i < len && text[i] != ',' && text[i] != '\r' && text[i] != '\n') {
                if (text[i] == '"') {
                    snprintf(err, err_size, "row %d: a quote inside an unquoted field", row + 1);
                    free(field);
                    return -1;
                }
                field[n++] = text[i++];
            }
        }
        field[n] = '\0';
        if (!utf8_valid(field, n)) {
            snprintf(err, err_size, "row %d column %d: not UTF-8", row + 1, column + 1);
            free(field);
            return -1;
        }
        if (fn)
            fn(ctx, row, column, field, n);
        column++;
        if (i < len && text[i] == ',') {
            i++;
            continue;
        }
        if (i + 1 < len && text[i] == '\r' && text[i + 1] == '\n') {
            i += 2;
        } else if (i < len) {
            snprintf(err, err_size, "row %d: a line must end with CRLF", row + 1);
            free(field);
            return -1;
        } else {
            snprintf(err, err_size, "row %d: the last line has no CRLF", row + 1);
            free(field);
            return -1;
        }
        if (first_columns < 0)
            first_columns = column;
        else if (column != first_columns) {
            snprintf(err, err_size, "row %d has %d fields, the header %d", row + 1, column,
                     first_columns);
            free(field);
            return -1;
        }
        row++;
        column = 0;
    }
    free(field);
    return row;
}
