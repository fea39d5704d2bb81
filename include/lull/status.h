/* The store's status values, by name, for code that must not include the
 * store's header: the core passes them on as ints and chooses its words by
 * them. Depends on nothing; the numbers are fixed, so a new value goes last. */
#ifndef LULL_STATUS_H
#define LULL_STATUS_H

typedef enum {
    STORE_OK = 0,
    STORE_ERROR = 1,     /* anything else; store_error() says what */
    STORE_FULL = 2,      /* SQLITE_FULL / ENOSPC */
    STORE_IO = 3,        /* SQLITE_IOERR */
    STORE_READONLY = 4,
    STORE_BUSY = 5,
    STORE_CORRUPT = 6,   /* not a database, or damaged */
    STORE_TOO_NEW = 7,   /* schema version from a newer Lull */
    STORE_NOT_FOUND = 8,
    STORE_FOREIGN = 9,   /* a SQLite file that is not a Lull journal */
} StoreStatus;

#endif
