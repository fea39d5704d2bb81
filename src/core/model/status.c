/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The store's statuses in the words every screen uses. */
#include "lull/status.h"

const char *status_words(int status)
{
    switch (status) {
    case STORE_FULL:
        return "the storage is full";
    case STORE_IO:
        return "the storage is failing";
    case STORE_READONLY:
        return "the storage is read-only";
    case STORE_BUSY:
        return "the journal is busy";
    case STORE_CORRUPT:
        return "the journal file is damaged";
    case STORE_NOT_FOUND:
        return "it is no longer there";
    case STORE_IN_USE:
        return "another Lull is using the journal";
    default:
        return "the journal could not be reached";
    }
}
