/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The store's fault-injection VFS (fault_vfs.c): a test-only shim over the
 * default SQLite VFS that can make writes fail. Not a public interface. */
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
/* Unregisters and frees; only after every connection using it closed. Accepts NULL. */
void fault_vfs_destroy(FaultVfs *fv);

#endif
