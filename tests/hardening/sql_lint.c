/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Point 8: SQL only with bound parameters. A lint over C files that fails
 * when the SQL given to SQLite could have been built at run time. The SQL
 * argument of sqlite3_prepare*() and sqlite3_exec() — and of any function
 * that passes its own parameter on to them (a wrapper, found by itself) —
 * must be made only of:
 *   - string literals, and macros whose bodies are only string literals;
 *   - names declared const char (arrays or const pointer tables) whose
 *     initialisers are only those, and elements of such tables;
 *   - a choice between such things (cond ? "..." : "...");
 *   - a local const char * set only to such things;
 *   - inside a wrapper, the parameter it passes on.
 * sqlite3_mprintf, sqlite3_vmprintf, sqlite3_snprintf and sqlite3_str_*
 * (SQLite's own string builders) are refused wherever they appear.
 *   sql_lint FILE...          prints each finding as FILE:LINE: ...; exit 1 if any
 *   sql_lint --expect N FILE  exit 0 only when exactly N are found (the
 *                             lint's own test, on a fixture of bad SQL) */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { TOK_IDENT, TOK_STRING, TOK_NUMBER, TOK_PUNCT };
enum { MAX_NAMES = 4096, NAME_MAX_LEN = 64, MAX_WRAPPERS = 256 };

typedef struct {
    int kind;
    char text[NAME_MAX_LEN]; /* identifiers and punctuation; strings are not kept */
    int line;
} Token;

typedef struct {
    const char *path;
    Token *tok;
    int count, cap;
} File;

typedef struct {
    char name[NAME_MAX_LEN];
    int arg; /* the SQL argument's index */
} Sink;

static char safe_names[MAX_NAMES][NAME_MAX_LEN];
static int safe_count;
static Sink sinks[MAX_WRAPPERS];
static int sink_count;
static int findings;

static int is_safe_name(const char *name)
{
    for (int i = 0; i < safe_count; i++)
        if (strcmp(safe_names[i], name) == 0)
            return 1;
    return 0;
}

static void add_safe(const char *name)
{
    if (!is_safe_name(name) && safe_count < MAX_NAMES)
        snprintf(safe_names[safe_count++], NAME_MAX_LEN, "%s", name);
}

static int sink_arg(const char *name)
{
    for (int i = 0; i < sink_count; i++)
        if (strcmp(sinks[i].name, name) == 0)
            return sinks[i].arg;
    return -1;
}

static int add_sink(const char *name, int arg)
{
    if (sink_arg(name) >= 0 || sink_count >= MAX_WRAPPERS)
        return 0;
    snprintf(sinks[sink_count].name, NAME_MAX_LEN, "%s", name);
    sinks[sink_count++].arg = arg;
    return 1;
}

static void report(const File *f, int line, const char *what, const char *detail)
{
    printf("%s:%d: %s%s%s\n", f->path, line, what, detail ? ": " : "", detail ? detail : "");
    findings++;
}

static void push(File *f, int kind, const char *text, size_t len, int line)
{
    if (f->count == f->cap) {
        f->cap = f->cap ? f->cap * 2 : 4096;
        f->tok = realloc(f->tok, sizeof *f->tok * (size_t)f->cap);
        if (!f->tok) {
            perror("sql_lint");
            exit(2);
        }
    }
    Token *t = &f->tok[f->count++];
    t->kind = kind;
    t->line = line;
    if (len >= NAME_MAX_LEN)
        len = NAME_MAX_LEN - 1;
    memcpy(t->text, text, len);
    t->text[len] = '\0';
}

/* #defines, kept until every file is read: a macro may name one defined later. */
typedef struct {
    char *text; /* from the name to the end of the line(s) */
    int safe;
} Define;

static Define defines[MAX_NAMES];
static int define_count;

static void keep_define(const char *p, const char *end)
{
    if (define_count >= MAX_NAMES)
        return;
    size_t n = (size_t)(end - p);
    char *text = malloc(n + 1);
    if (!text)
        return;
    memcpy(text, p, n);
    text[n] = '\0';
    defines[define_count].text = text;
    defines[define_count++].safe = 0;
}

/* A #define whose body is only string literals and such macros is safe. */
static void read_define(const char *p, const char *end)
{
    while (p < end && (*p == ' ' || *p == '\t'))
        p++;
    const char *name = p;
    while (p < end && (isalnum((unsigned char)*p) || *p == '_'))
        p++;
    if (p == name || (p < end && *p == '('))
        return; /* function-like macros are never SQL text */
    char macro[NAME_MAX_LEN];
    snprintf(macro, sizeof macro, "%.*s", (int)(p - name), name);
    int strings = 0;
    while (p < end) {
        if (*p == ' ' || *p == '\t' || *p == '\\' || *p == '\n' || *p == '\r') {
            p++;
        } else if (*p == '"') {
            p++;
            while (p < end && *p != '"') {
                if (*p == '\\')
                    p++;
                p++;
            }
            p++;
            strings++;
        } else if (isalpha((unsigned char)*p) || *p == '_') {
            const char *id = p;
            while (p < end && (isalnum((unsigned char)*p) || *p == '_'))
                p++;
            char word[NAME_MAX_LEN];
            snprintf(word, sizeof word, "%.*s", (int)(p - id), id);
            if (!is_safe_name(word))
                return;
            strings++; /* an alias of safe text is safe text */
        } else {
            return;
        }
    }
    if (strings > 0)
        add_safe(macro);
}

static int read_file(File *f, const char *path)
{
    FILE *in = fopen(path, "rb");
    if (!in) {
        perror(path);
        return -1;
    }
    fseek(in, 0, SEEK_END);
    long size = ftell(in);
    fseek(in, 0, SEEK_SET);
    char *src = malloc((size_t)size + 1);
    if (!src || fread(src, 1, (size_t)size, in) != (size_t)size) {
        fclose(in);
        free(src);
        return -1;
    }
    fclose(in);
    src[size] = '\0';
    memset(f, 0, sizeof *f);
    f->path = path;
    const char *p = src, *end = src + size;
    int line = 1, at_line_start = 1;
    while (p < end) {
        char c = *p;
        if (c == '\n') {
            line++;
            at_line_start = 1;
            p++;
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\r') {
            p++;
            continue;
        }
        if (c == '#' && at_line_start) {
            /* A preprocessor line, with its continuations. */
            const char *start = p;
            while (p < end && !(*p == '\n' && p[-1] != '\\')) {
                if (*p == '\n')
                    line++;
                p++;
            }
            const char *d = start + 1;
            while (d < p && (*d == ' ' || *d == '\t'))
                d++;
            if ((size_t)(p - d) > 6 && strncmp(d, "define", 6) == 0)
                keep_define(d + 6, p);
            continue;
        }
        at_line_start = 0;
        if (c == '/' && p + 1 < end && p[1] == '/') {
            while (p < end && *p != '\n')
                p++;
            continue;
        }
        if (c == '/' && p + 1 < end && p[1] == '*') {
            p += 2;
            while (p + 1 < end && !(p[0] == '*' && p[1] == '/')) {
                if (*p == '\n')
                    line++;
                p++;
            }
            p += 2;
            continue;
        }
        if (c == '"' || c == '\'') {
            int start_line = line;
            p++;
            while (p < end && *p != c) {
                if (*p == '\\')
                    p++;
                else if (*p == '\n')
                    line++;
                p++;
            }
            p++;
            push(f, c == '"' ? TOK_STRING : TOK_NUMBER, "", 0, start_line);
            continue;
        }
        if (isalpha((unsigned char)c) || c == '_') {
            const char *s = p;
            while (p < end && (isalnum((unsigned char)*p) || *p == '_'))
                p++;
            push(f, TOK_IDENT, s, (size_t)(p - s), line);
            continue;
        }
        if (isdigit((unsigned char)c)) {
            const char *s = p;
            while (p < end && (isalnum((unsigned char)*p) || *p == '.'))
                p++;
            push(f, TOK_NUMBER, s, (size_t)(p - s), line);
            continue;
        }
        if (c == '-' && p + 1 < end && p[1] == '>') {
            push(f, TOK_PUNCT, "->", 2, line);
            p += 2;
            continue;
        }
        push(f, TOK_PUNCT, p, 1, line);
        p++;
    }
    free(src);
    return 0;
}

static int is(const Token *t, const char *text)
{
    return t->kind != TOK_STRING && strcmp(t->text, text) == 0;
}

/* The index just past the bracket matching the one at i. */
static int skip_group(const File *f, int i)
{
    const char *open = f->tok[i].text;
    const char *close = open[0] == '(' ? ")" : open[0] == '[' ? "]" : "}";
    int depth = 0;
    for (; i < f->count; i++) {
        if (f->tok[i].kind != TOK_PUNCT)
            continue;
        if (strcmp(f->tok[i].text, open) == 0)
            depth++;
        else if (strcmp(f->tok[i].text, close) == 0 && --depth == 0)
            return i + 1;
    }
    return f->count;
}

/* Is tokens [a, b) SQL text fixed when the program was built? */
static int safe_expr(const File *f, int a, int b, const char *locals_safe[], int nlocals)
{
    while (a < b && is(&f->tok[a], "(") && skip_group(f, a) == b) {
        a++;
        b--;
    }
    if (a >= b)
        return 0;
    /* cond ? x : y — only the branches are the SQL. */
    int depth = 0;
    for (int i = a; i < b; i++) {
        const Token *t = &f->tok[i];
        if (t->kind != TOK_PUNCT)
            continue;
        if (strchr("([{", t->text[0]))
            depth++;
        else if (strchr(")]}", t->text[0]))
            depth--;
        else if (depth == 0 && t->text[0] == '?') {
            int nested = 0;
            for (int k = i + 1; k < b; k++) {
                const Token *u = &f->tok[k];
                if (u->kind != TOK_PUNCT)
                    continue;
                if (strchr("([{", u->text[0]))
                    depth++;
                else if (strchr(")]}", u->text[0]))
                    depth--;
                else if (depth == 0 && u->text[0] == '?')
                    nested++;
                else if (depth == 0 && u->text[0] == ':' && nested-- == 0)
                    return safe_expr(f, i + 1, k, locals_safe, nlocals) &&
                           safe_expr(f, k + 1, b, locals_safe, nlocals);
            }
            return 0;
        }
    }
    for (int i = a; i < b; i++) {
        const Token *t = &f->tok[i];
        if (t->kind == TOK_STRING)
            continue;
        if (t->kind == TOK_IDENT) {
            int ok = is_safe_name(t->text);
            for (int k = 0; k < nlocals && !ok; k++)
                ok = strcmp(locals_safe[k], t->text) == 0;
            if (!ok)
                return 0;
            if (i + 1 < b && is(&f->tok[i + 1], "["))
                i = skip_group(f, i + 1) - 1; /* an element of a safe table */
            continue;
        }
        return 0;
    }
    return 1;
}

/* const char declarations with safe initialisers become safe names. Runs
 * until nothing new is learnt, as tables name other tables. */
static int learn_constants(const File *f)
{
    int learnt = 0;
    for (int i = 0; i + 2 < f->count; i++) {
        if (!is(&f->tok[i], "const") || !is(&f->tok[i + 1], "char"))
            continue;
        int j = i + 2, name = -1, pointer = 0;
        while (j < f->count && (is(&f->tok[j], "*") || is(&f->tok[j], "const")))
            pointer |= is(&f->tok[j++], "*");
        if (j < f->count && f->tok[j].kind == TOK_IDENT)
            name = j++;
        if (name < 0 || is_safe_name(f->tok[name].text))
            continue;
        /* Only what cannot change: an array of char, or a pointer that is
         * itself const (const char *const); a plain const char * can be
         * pointed elsewhere later (that is safe_locals' business). */
        int array = j < f->count && is(&f->tok[j], "[");
        if (pointer && !is(&f->tok[name - 1], "const"))
            continue;
        if (!pointer && !array)
            continue;
        while (j < f->count && is(&f->tok[j], "["))
            j = skip_group(f, j);
        if (j >= f->count || !is(&f->tok[j], "="))
            continue;
        int start = ++j;
        int end = start;
        while (end < f->count && !is(&f->tok[end], ";")) {
            if (is(&f->tok[end], "(") || is(&f->tok[end], "{") || is(&f->tok[end], "["))
                end = skip_group(f, end);
            else
                end++;
        }
        int ok = 1;
        if (is(&f->tok[start], "{")) {
            /* A table: each element, designators ([X] =) left out. */
            int k = start + 1, close = skip_group(f, start) - 1;
            while (k < close && ok) {
                if (is(&f->tok[k], "[")) {
                    k = skip_group(f, k);
                    if (k < close && is(&f->tok[k], "="))
                        k++;
                }
                int e = k, depth = 0;
                while (e < close) {
                    const Token *t = &f->tok[e];
                    if (t->kind == TOK_PUNCT && strchr("([{", t->text[0]))
                        depth++;
                    else if (t->kind == TOK_PUNCT && strchr(")]}", t->text[0]))
                        depth--;
                    else if (depth == 0 && is(t, ","))
                        break;
                    e++;
                }
                if (e > k)
                    ok = safe_expr(f, k, e, NULL, 0);
                k = e + 1;
            }
        } else {
            ok = safe_expr(f, start, end, NULL, 0);
        }
        if (ok) {
            add_safe(f->tok[name].text);
            learnt = 1;
        }
    }
    return learnt;
}

typedef struct {
    int name; /* token index of the function's name */
    int params, body, end;
} Function;

/* The next function definition at or after *i (file scope), or 0. */
static int next_function(const File *f, int *i, Function *fn)
{
    while (*i < f->count) {
        int k = *i;
        if (is(&f->tok[k], "{")) { /* a struct or initialiser at file scope */
            *i = skip_group(f, k);
            continue;
        }
        if (f->tok[k].kind == TOK_IDENT && k + 1 < f->count && is(&f->tok[k + 1], "(")) {
            int close = skip_group(f, k + 1);
            if (close < f->count && is(&f->tok[close], "{")) {
                fn->name = k;
                fn->params = k + 1;
                fn->body = close;
                fn->end = skip_group(f, close);
                *i = fn->end;
                return 1;
            }
            *i = close;
            continue;
        }
        (*i)++;
    }
    return 0;
}

/* The index of the parameter called name, or -1. */
static int param_index(const File *f, const Function *fn, const char *name)
{
    int index = 0, last_ident = -1;
    for (int k = fn->params + 1; k < fn->body; k++) {
        const Token *t = &f->tok[k];
        if (is(t, ",") || k == fn->body - 1) {
            if (last_ident >= 0 && strcmp(f->tok[last_ident].text, name) == 0)
                return index;
            index++;
            last_ident = -1;
        } else if (t->kind == TOK_IDENT) {
            last_ident = k;
        } else if (is(t, "(")) {
            k = skip_group(f, k) - 1;
        }
    }
    return -1;
}

/* The token range of argument n of the call whose '(' is at open. */
static int call_arg(const File *f, int open, int n, int *a, int *b)
{
    int close = skip_group(f, open) - 1;
    int start = open + 1, index = 0;
    for (int k = start; k <= close; k++) {
        if (k == close || is(&f->tok[k], ",")) {
            if (index == n) {
                *a = start;
                *b = k;
                return 1;
            }
            index++;
            start = k + 1;
        } else if (is(&f->tok[k], "(") || is(&f->tok[k], "[") || is(&f->tok[k], "{")) {
            k = skip_group(f, k) - 1;
        }
    }
    return 0;
}

/* Within fn: local const char * variables set only to safe SQL. */
static int safe_locals(const File *f, const Function *fn, const char *out[], int max)
{
    int n = 0;
    for (int k = fn->body; k + 1 < fn->end; k++) {
        if (f->tok[k].kind != TOK_IDENT || !is(&f->tok[k + 1], "="))
            continue;
        const char *var = f->tok[k].text;
        int ok = 1, seen = 0;
        for (int j = fn->body; j + 1 < fn->end && ok; j++) {
            if (f->tok[j].kind != TOK_IDENT || strcmp(f->tok[j].text, var) != 0)
                continue;
            if (j > 0 && (is(&f->tok[j - 1], ".") || is(&f->tok[j - 1], "->")))
                continue;
            if (is(&f->tok[j + 1], "=")) {
                int e = j + 2;
                while (e < fn->end && !is(&f->tok[e], ";") && !is(&f->tok[e], ",")) {
                    if (is(&f->tok[e], "(") || is(&f->tok[e], "["))
                        e = skip_group(f, e);
                    else
                        e++;
                }
                ok = safe_expr(f, j + 2, e, NULL, 0);
                seen = 1;
            } else if (j > 0 && is(&f->tok[j - 1], "&")) {
                ok = 0; /* written through a pointer: cannot tell */
            }
        }
        if (ok && seen && n < max)
            out[n++] = var;
    }
    return n;
}

/* Functions that pass a parameter of theirs as SQL are sinks too. */
static int learn_wrappers(const File *f)
{
    int learnt = 0, i = 0;
    Function fn;
    while (next_function(f, &i, &fn)) {
        for (int k = fn.body; k + 1 < fn.end; k++) {
            int arg = f->tok[k].kind == TOK_IDENT && is(&f->tok[k + 1], "(")
                          ? sink_arg(f->tok[k].text)
                          : -1;
            int a, b;
            if (arg < 0 || !call_arg(f, k + 1, arg, &a, &b) || b - a != 1 ||
                f->tok[a].kind != TOK_IDENT)
                continue;
            int p = param_index(f, &fn, f->tok[a].text);
            if (p >= 0)
                learnt |= add_sink(f->tok[fn.name].text, p);
        }
    }
    return learnt;
}

static void check(const File *f)
{
    static const char *const builders[] = {"sqlite3_mprintf", "sqlite3_vmprintf",
                                           "sqlite3_snprintf", "sqlite3_vsnprintf"};
    for (int k = 0; k < f->count; k++) {
        const Token *t = &f->tok[k];
        if (t->kind != TOK_IDENT)
            continue;
        for (size_t b = 0; b < sizeof builders / sizeof builders[0]; b++)
            if (strcmp(t->text, builders[b]) == 0)
                report(f, t->line, "SQLite's string builder used", t->text);
        if (strncmp(t->text, "sqlite3_str_", 12) == 0)
            report(f, t->line, "SQLite's string builder used", t->text);
    }
    int i = 0;
    Function fn;
    while (next_function(f, &i, &fn)) {
        const char *locals[64];
        int nlocals = safe_locals(f, &fn, locals, 64);
        for (int k = fn.body; k + 1 < fn.end; k++) {
            if (f->tok[k].kind != TOK_IDENT || !is(&f->tok[k + 1], "("))
                continue;
            int arg = sink_arg(f->tok[k].text);
            int a, b;
            if (arg < 0 || !call_arg(f, k + 1, arg, &a, &b))
                continue;
            /* A wrapper handing its own parameter on is checked at its callers. */
            if (b - a == 1 && f->tok[a].kind == TOK_IDENT &&
                param_index(f, &fn, f->tok[a].text) >= 0 &&
                sink_arg(f->tok[fn.name].text) == param_index(f, &fn, f->tok[a].text))
                continue;
            if (!safe_expr(f, a, b, locals, nlocals)) {
                char what[160];
                snprintf(what, sizeof what, "%s() in %s()", f->tok[k].text, f->tok[fn.name].text);
                report(f, f->tok[k].line,
                       "SQL that is not fixed text (use a literal and bind "
                       "parameters)",
                       what);
            }
        }
    }
}

int main(int argc, char **argv)
{
    int expect = -1;
    if (argc > 2 && strcmp(argv[1], "--expect") == 0) {
        expect = atoi(argv[2]);
        argv += 2;
        argc -= 2;
    }
    if (argc < 2) {
        fprintf(stderr, "usage: sql_lint [--expect N] FILE...\n");
        return 2;
    }
    static const char *const real_sinks[] = {"sqlite3_prepare",      "sqlite3_prepare_v2",
                                             "sqlite3_prepare_v3",   "sqlite3_prepare16",
                                             "sqlite3_prepare16_v2", "sqlite3_prepare16_v3",
                                             "sqlite3_exec"};
    for (size_t s = 0; s < sizeof real_sinks / sizeof real_sinks[0]; s++)
        add_sink(real_sinks[s], 1);
    int n = argc - 1;
    File *files = calloc((size_t)n, sizeof *files);
    if (!files)
        return 2;
    for (int i = 0; i < n; i++)
        if (read_file(&files[i], argv[i + 1]) != 0)
            return 2;
    for (int more = 1; more;) {
        int before = safe_count;
        for (int d = 0; d < define_count; d++)
            read_define(defines[d].text, defines[d].text + strlen(defines[d].text));
        more = safe_count != before;
        for (int i = 0; i < n; i++)
            more |= learn_constants(&files[i]) | learn_wrappers(&files[i]);
    }
    for (int i = 0; i < n; i++)
        check(&files[i]);
    int calls = 0;
    for (int s = 0; s < sink_count; s++)
        calls += s >= (int)(sizeof real_sinks / sizeof real_sinks[0]);
    if (findings == 0)
        printf("sql_lint: %d files, SQL only as fixed text (%d wrappers followed)\n", n, calls);
    for (int i = 0; i < n; i++)
        free(files[i].tok);
    free(files);
    for (int d = 0; d < define_count; d++)
        free(defines[d].text);
    if (expect >= 0) {
        printf("sql_lint: %d findings, %d expected\n", findings, expect);
        return findings == expect ? 0 : 1;
    }
    return findings ? 1 : 0;
}
