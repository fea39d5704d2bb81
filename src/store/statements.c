/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The store's one statement cache (statements.h). */
#include "statements.h"

#include <string.h>

void statements_init(Statements *cache, sqlite3 *db)
{
    memset(cache, 0, sizeof *cache);
    cache->db = db;
}

sqlite3_stmt *statements_get(Statements *cache, const char *sql, int *rc)
{
    int slot = -1;
    for (int i = 0; i < STATEMENTS_MAX; i++) {
        if (cache->kept[i].sql == sql) {
            if (!sqlite3_stmt_busy(cache->kept[i].stmt)) {
                *rc = SQLITE_OK;
                return cache->kept[i].stmt;
            }
            slot = STATEMENTS_MAX; /* in use further up the stack: a fresh one */
            break;
        }
        if (!cache->kept[i].sql && slot < 0)
            slot = i;
    }
    sqlite3_stmt *stmt = NULL;
    int keep = slot >= 0 && slot < STATEMENTS_MAX;
    *rc = sqlite3_prepare_v3(cache->db, sql, -1, keep ? SQLITE_PREPARE_PERSISTENT : 0, &stmt, NULL);
    if (*rc == SQLITE_OK && keep) {
        cache->kept[slot].sql = sql;
        cache->kept[slot].stmt = stmt;
    }
    return stmt;
}

void statements_done(Statements *cache, sqlite3_stmt *stmt)
{
    if (!stmt)
        return;
    for (int i = 0; i < STATEMENTS_MAX; i++) {
        if (cache->kept[i].stmt == stmt) {
            sqlite3_reset(stmt);
            sqlite3_clear_bindings(stmt);
            return;
        }
    }
    sqlite3_finalize(stmt);
}

int statements_keep(Statements *cache, const char *sql)
{
    int rc;
    sqlite3_stmt *stmt = statements_get(cache, sql, &rc);
    statements_done(cache, stmt);
    return rc;
}

void statements_clear(Statements *cache)
{
    for (int i = 0; i < STATEMENTS_MAX; i++) {
        sqlite3_finalize(cache->kept[i].stmt);
        cache->kept[i].sql = NULL;
        cache->kept[i].stmt = NULL;
    }
}
