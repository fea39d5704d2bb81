/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The store's VFS shim (fault_vfs.c) over the default SQLite VFS: it can make
 * writes fail and syncs slow (tests), and can leave a restarted -wal's header
 * to the syncer (the kiosk). Not a public interface. */
#ifndef LULL_STORE_FAULT_VFS_H
#define LULL_STORE_FAULT_VFS_H

#include <sqlite3.h>

typedef struct FaultVfs FaultVfs;

/* Registers a new shim (not as the default); NULL when out of memory. */
FaultVfs *fault_vfs_create(void);
/* The name to give sqlite3_open_v2. */
const char *fault_vfs_name(const FaultVfs *fv);
/* From now on writes fail with fault: SQLITE_FULL or SQLITE_IOERR; 0 heals. */
void fault_vfs_set(FaultVfs *fv, int fault);
/* From now on every sync first sleeps ms (a slow SD card); 0 for none. */
void fault_vfs_set_sync_delay(FaultVfs *fv, int ms);
/* For files opened from now on, the main journal file reports
 * SQLITE_IOCAP_SEQUENTIAL, so a restarted -wal's header is not synced inside
 * the write (the caller syncs the -wal itself); 0 for SQLite's default. */
void fault_vfs_set_sequential(FaultVfs *fv, int on);
/* The syncs asked of files opened through it so far. */
long long fault_vfs_syncs(const FaultVfs *fv);
/* Unregisters and frees; only after every connection using it closed. Accepts NULL. */
void fault_vfs_destroy(FaultVfs *fv);

#endif
