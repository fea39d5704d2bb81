/* What became of a read or a write of the journal: the store's status values,
 * which the core uses by name without knowing anything of the store. */
#ifndef LULL_STATUS_H
#define LULL_STATUS_H

typedef enum {
    STORE_OK = 0,
    STORE_ERROR,      /* anything else; store_error() says what */
    STORE_FULL,       /* SQLITE_FULL / ENOSPC */
    STORE_IO,         /* SQLITE_IOERR */
    STORE_READONLY,
    STORE_BUSY,
    STORE_CORRUPT,    /* not a database, or damaged */
    STORE_TOO_NEW,    /* schema version from a newer Lull */
    STORE_NOT_FOUND,
    STORE_FOREIGN,    /* a SQLite file that is not a Lull journal */
} StoreStatus;

/* The status in words, as the end of a sentence: "the storage is full". */
const char *status_words(int status);

#endif
