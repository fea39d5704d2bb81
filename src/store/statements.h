/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The store's one statement cache: each SQL text the store runs is prepared
 * once per connection and kept, keyed by the text's address, until the cache
 * is cleared. Depends on sqlite3 only: it holds no SQL and knows no Store. */
#ifndef LULL_STORE_STATEMENTS_H
#define LULL_STORE_STATEMENTS_H

#include <sqlite3.h>

/* Room for every statement the store's files keep (31 today); past it a
 * statement is prepared afresh at each use: still correct, only slower. */
enum { STATEMENTS_MAX = 48 };

typedef struct {
    sqlite3 *db;
    struct {
        const char *sql; /* the key: the statement's text, by address */
        sqlite3_stmt *stmt;
    } kept[STATEMENTS_MAX];
} Statements;

/* An empty cache for db, which must stay open until statements_clear. */
void statements_init(Statements *cache, sqlite3 *db);
/* The statement for sql (a string that lives as long as the program),
 * prepared on first use and kept; a fresh one when the kept one is in use (a
 * callback of store_each_event calling back into the store) or the cache is
 * full. Hand it back with statements_done. NULL with *rc set on failure. */
sqlite3_stmt *statements_get(Statements *cache, const char *sql, int *rc);
/* Resets a kept statement and its bindings for the next use, or finalizes a
 * fresh one. Accepts NULL. */
void statements_done(Statements *cache, sqlite3_stmt *stmt);
/* Prepares sql now and keeps it, so that SQL which cannot be prepared fails
 * the open instead of a later write. Returns the SQLite result code. */
int statements_keep(Statements *cache, const char *sql);
/* Finalizes every kept statement (before the connection closes); accepts a
 * zeroed cache. */
void statements_clear(Statements *cache);

#endif
