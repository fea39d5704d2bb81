/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The timeline's order: newest first by (time, kind, id), so paging by key
 * never skips or repeats an item that shares a millisecond with another. */
#include "lull/timeline.h"

JournalKey journal_item_key(const JournalItem *item)
{
    JournalKey k = {item->time_ms, (int)item->kind, item->id};
    return k;
}

int journal_key_compare(const JournalKey *a, const JournalKey *b)
{
    /* Newest first: a larger key comes first. */
    if (a->time_ms != b->time_ms)
        return a->time_ms > b->time_ms ? -1 : 1;
    if (a->kind != b->kind)
        return a->kind > b->kind ? -1 : 1;
    if (a->id != b->id)
        return a->id > b->id ? -1 : 1;
    return 0;
}
