/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What a failure becomes: SQLite's result codes and the file system's errno
 * mapped to a StoreStatus, the last message kept for store_error(), and a run
 * of the same failure told apart from its first. */
#include <errno.h>
#include <string.h>

#include "store_internal.h"

static void copy_text(char *out, size_t size, const char *in)
{
    if (!out || size == 0)
        return;
    size_t n = in ? strlen(in) : 0;
    if (n >= size)
        n = size - 1;
    if (n > 0)
        memcpy(out, in, n);
    out[n] = '\0';
}

StoreStatus store_status_from_sqlite(int rc)
{
    switch (rc & 0xFF) {
    case SQLITE_OK:
    case SQLITE_DONE:
    case SQLITE_ROW:
        return STORE_OK;
    case SQLITE_FULL:
        return STORE_FULL;
    case SQLITE_IOERR:
        return STORE_IO;
    case SQLITE_READONLY:
        return STORE_READONLY;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return STORE_BUSY;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return STORE_CORRUPT;
    case SQLITE_CANTOPEN:
        return STORE_IO;
    default:
        return STORE_ERROR;
    }
}

StoreStatus store_status_from_errno(int error)
{
    switch (error) {
    case ENOSPC:
    case EDQUOT:
        return STORE_FULL;
    case EROFS:
    case EACCES:
    case EPERM:
        return STORE_READONLY;
    default:
        return STORE_IO;
    }
}

StoreStatus store_fail(Store *store, int rc)
{
    copy_text(store->error, sizeof store->error, sqlite3_errmsg(store->db));
    return store_status_from_sqlite(rc);
}

StoreStatus store_fail_message(Store *store, StoreStatus status, const char *message)
{
    copy_text(store->error, sizeof store->error, message);
    return status;
}

const char *store_error(const Store *store)
{
    return store ? store->error : "no store";
}

int store_first_failure(Store *store, int status)
{
    if (!store)
        return status != 0;
    int first = status != 0 && status != store->failing;
    store->failing = status;
    return first;
}
