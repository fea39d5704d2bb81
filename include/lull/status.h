/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What became of a read or a write of the journal: the store's status values,
 * which the core uses by name without knowing anything of the store. Depends on
 * nothing; the numbers are fixed, so a new value goes last. */
#ifndef LULL_STATUS_H
#define LULL_STATUS_H

typedef enum {
    STORE_OK = 0,
    STORE_ERROR = 1, /* anything else; store_error() says what */
    STORE_FULL = 2,  /* SQLITE_FULL / ENOSPC */
    STORE_IO = 3,    /* SQLITE_IOERR */
    STORE_READONLY = 4,
    STORE_BUSY = 5,
    STORE_CORRUPT = 6, /* not a database, or damaged */
    STORE_TOO_NEW = 7, /* schema version from a newer Lull */
    STORE_NOT_FOUND = 8,
    STORE_FOREIGN = 9, /* a SQLite file that is not a Lull journal */
    STORE_IN_USE = 10, /* another Lull keeps this journal open for writing */
} StoreStatus;

/* The status in words, as the end of a sentence: "the storage is full". */
const char *status_words(int status);

#endif
