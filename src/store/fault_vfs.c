/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A SQLite VFS shim: everything goes to the default VFS, except
 * - while a fault is set (tests), writes fail the way a full disk
 *   (SQLITE_FULL, ENOSPC) or a failing one (SQLITE_IOERR, EIO) makes them
 *   fail. SQLite takes its real error paths (the transaction rolls back, the
 *   WAL stays consistent), so the store and the app are tested against the
 *   real thing;
 * - with a sync delay (tests, the bench), every sync first sleeps: a slow card;
 * - with the -wal's header left to the syncer (the kiosk), the journal file
 *   says its writes reach the disk in order (SQLITE_IOCAP_SEQUENTIAL). That is
 *   the one thing SQLite asks of it: the first write after a checkpoint
 *   restarted the -wal no longer fsyncs the new header inside the frame.
 *   Nothing is lost by it: until store_sync_file runs, a -wal whose header did
 *   not reach the card is read as empty (its frames' salts do not match the
 *   old header), which is the same as those commits not being synced, and the
 *   journal file itself already holds everything checkpointed.
 * Registered per store, under a name of its own, never as the default. */
#include "fault_vfs.h"

#include <stdio.h>
#include <string.h>

struct FaultVfs {
    sqlite3_vfs base;
    sqlite3_vfs *real;
    char name[48];
    int fault; /* 0, SQLITE_FULL or SQLITE_IOERR */
    int sync_delay_ms;
    int sequential; /* the main journal file reports SQLITE_IOCAP_SEQUENTIAL */
    long long syncs;
};

typedef struct {
    sqlite3_file base;
    FaultVfs *vfs;
    int main_db;        /* opened as SQLITE_OPEN_MAIN_DB */
    sqlite3_file *real; /* follows this struct in the same allocation */
} FaultFile;

static int fault_close(sqlite3_file *file)
{
    FaultFile *f = (FaultFile *)file;
    int rc = f->real->pMethods ? f->real->pMethods->xClose(f->real) : SQLITE_OK;
    f->base.pMethods = NULL;
    return rc;
}

static int fault_read(sqlite3_file *file, void *buf, int amount, sqlite3_int64 offset)
{
    FaultFile *f = (FaultFile *)file;
    return f->real->pMethods->xRead(f->real, buf, amount, offset);
}

static int fault_write(sqlite3_file *file, const void *buf, int amount, sqlite3_int64 offset)
{
    FaultFile *f = (FaultFile *)file;
    if (f->vfs->fault == SQLITE_FULL)
        return SQLITE_FULL;
    if (f->vfs->fault == SQLITE_IOERR)
        return SQLITE_IOERR_WRITE;
    return f->real->pMethods->xWrite(f->real, buf, amount, offset);
}

static int fault_truncate(sqlite3_file *file, sqlite3_int64 size)
{
    FaultFile *f = (FaultFile *)file;
    if (f->vfs->fault == SQLITE_IOERR)
        return SQLITE_IOERR_TRUNCATE;
    return f->real->pMethods->xTruncate(f->real, size);
}

static int fault_sync(sqlite3_file *file, int flags)
{
    FaultFile *f = (FaultFile *)file;
    f->vfs->syncs++;
    if (f->vfs->fault == SQLITE_IOERR)
        return SQLITE_IOERR_FSYNC;
    if (f->vfs->sync_delay_ms > 0)
        f->vfs->real->xSleep(f->vfs->real, f->vfs->sync_delay_ms * 1000);
    return f->real->pMethods->xSync(f->real, flags);
}

static int fault_file_size(sqlite3_file *file, sqlite3_int64 *size)
{
    FaultFile *f = (FaultFile *)file;
    return f->real->pMethods->xFileSize(f->real, size);
}

static int fault_lock(sqlite3_file *file, int lock)
{
    FaultFile *f = (FaultFile *)file;
    return f->real->pMethods->xLock(f->real, lock);
}

static int fault_unlock(sqlite3_file *file, int lock)
{
    FaultFile *f = (FaultFile *)file;
    return f->real->pMethods->xUnlock(f->real, lock);
}

static int fault_check_reserved(sqlite3_file *file, int *out)
{
    FaultFile *f = (FaultFile *)file;
    return f->real->pMethods->xCheckReservedLock(f->real, out);
}

static int fault_file_control(sqlite3_file *file, int op, void *arg)
{
    FaultFile *f = (FaultFile *)file;
    return f->real->pMethods->xFileControl(f->real, op, arg);
}

static int fault_sector_size(sqlite3_file *file)
{
    FaultFile *f = (FaultFile *)file;
    return f->real->pMethods->xSectorSize(f->real);
}

static int fault_device_characteristics(sqlite3_file *file)
{
    FaultFile *f = (FaultFile *)file;
    int characteristics = f->real->pMethods->xDeviceCharacteristics(f->real);
    /* SQLite reads this of the main file when it opens the -wal. */
    if (f->main_db && f->vfs->sequential)
        characteristics |= SQLITE_IOCAP_SEQUENTIAL;
    return characteristics;
}

static int fault_shm_map(sqlite3_file *file, int page, int page_size, int extend,
                         void volatile **out)
{
    FaultFile *f = (FaultFile *)file;
    return f->real->pMethods->xShmMap(f->real, page, page_size, extend, out);
}

static int fault_shm_lock(sqlite3_file *file, int offset, int n, int flags)
{
    FaultFile *f = (FaultFile *)file;
    return f->real->pMethods->xShmLock(f->real, offset, n, flags);
}

static void fault_shm_barrier(sqlite3_file *file)
{
    FaultFile *f = (FaultFile *)file;
    f->real->pMethods->xShmBarrier(f->real);
}

static int fault_shm_unmap(sqlite3_file *file, int delete_flag)
{
    FaultFile *f = (FaultFile *)file;
    return f->real->pMethods->xShmUnmap(f->real, delete_flag);
}

static int fault_fetch(sqlite3_file *file, sqlite3_int64 offset, int amount, void **out)
{
    FaultFile *f = (FaultFile *)file;
    return f->real->pMethods->xFetch(f->real, offset, amount, out);
}

static int fault_unfetch(sqlite3_file *file, sqlite3_int64 offset, void *page)
{
    FaultFile *f = (FaultFile *)file;
    return f->real->pMethods->xUnfetch(f->real, offset, page);
}

/* Version 3 methods; the shared-memory and fetch ones are offered only when
 * the real file has them (the unix VFS does). */
static const sqlite3_io_methods fault_methods = {
    3,
    fault_close,
    fault_read,
    fault_write,
    fault_truncate,
    fault_sync,
    fault_file_size,
    fault_lock,
    fault_unlock,
    fault_check_reserved,
    fault_file_control,
    fault_sector_size,
    fault_device_characteristics,
    fault_shm_map,
    fault_shm_lock,
    fault_shm_barrier,
    fault_shm_unmap,
    fault_fetch,
    fault_unfetch,
};

static const sqlite3_io_methods fault_methods_v1 = {
    1,
    fault_close,
    fault_read,
    fault_write,
    fault_truncate,
    fault_sync,
    fault_file_size,
    fault_lock,
    fault_unlock,
    fault_check_reserved,
    fault_file_control,
    fault_sector_size,
    fault_device_characteristics,
    NULL,
    NULL,
    NULL,
    NULL,
    NULL,
    NULL,
};

static int fault_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *file, int flags,
                      int *out_flags)
{
    FaultVfs *fv = (FaultVfs *)vfs;
    FaultFile *f = (FaultFile *)file;
    memset(f, 0, sizeof *f);
    f->vfs = fv;
    f->main_db = (flags & SQLITE_OPEN_MAIN_DB) != 0;
    f->real = (sqlite3_file *)(f + 1);
    int rc = fv->real->xOpen(fv->real, name, f->real, flags, out_flags);
    if (rc != SQLITE_OK || !f->real->pMethods) {
        /* SQLite calls xClose only when pMethods is set. */
        if (f->real->pMethods)
            f->real->pMethods->xClose(f->real);
        return rc == SQLITE_OK ? SQLITE_CANTOPEN : rc;
    }
    f->base.pMethods = f->real->pMethods->iVersion >= 3 ? &fault_methods : &fault_methods_v1;
    return SQLITE_OK;
}

static int fault_delete(sqlite3_vfs *vfs, const char *name, int sync_dir)
{
    FaultVfs *fv = (FaultVfs *)vfs;
    if (fv->fault == SQLITE_IOERR)
        return SQLITE_IOERR_DELETE;
    return fv->real->xDelete(fv->real, name, sync_dir);
}

static int fault_access(sqlite3_vfs *vfs, const char *name, int flags, int *out)
{
    FaultVfs *fv = (FaultVfs *)vfs;
    return fv->real->xAccess(fv->real, name, flags, out);
}

static int fault_full_pathname(sqlite3_vfs *vfs, const char *name, int size, char *out)
{
    FaultVfs *fv = (FaultVfs *)vfs;
    return fv->real->xFullPathname(fv->real, name, size, out);
}

static int fault_randomness(sqlite3_vfs *vfs, int size, char *out)
{
    FaultVfs *fv = (FaultVfs *)vfs;
    return fv->real->xRandomness(fv->real, size, out);
}

static int fault_sleep(sqlite3_vfs *vfs, int microseconds)
{
    FaultVfs *fv = (FaultVfs *)vfs;
    return fv->real->xSleep(fv->real, microseconds);
}

static int fault_current_time(sqlite3_vfs *vfs, double *out)
{
    FaultVfs *fv = (FaultVfs *)vfs;
    return fv->real->xCurrentTime(fv->real, out);
}

static int fault_last_error(sqlite3_vfs *vfs, int size, char *out)
{
    FaultVfs *fv = (FaultVfs *)vfs;
    return fv->real->xGetLastError ? fv->real->xGetLastError(fv->real, size, out) : 0;
}

static int fault_current_time_int64(sqlite3_vfs *vfs, sqlite3_int64 *out)
{
    FaultVfs *fv = (FaultVfs *)vfs;
    if (fv->real->iVersion >= 2 && fv->real->xCurrentTimeInt64)
        return fv->real->xCurrentTimeInt64(fv->real, out);
    double days = 0.0;
    int rc = fv->real->xCurrentTime(fv->real, &days);
    *out = (sqlite3_int64)(days * 86400000.0);
    return rc;
}

FaultVfs *fault_vfs_create(void)
{
    sqlite3_vfs *real = sqlite3_vfs_find(NULL);
    if (!real)
        return NULL;
    FaultVfs *fv = sqlite3_malloc64(sizeof *fv);
    if (!fv)
        return NULL;
    memset(fv, 0, sizeof *fv);
    fv->real = real;
    snprintf(fv->name, sizeof fv->name, "lull-fault-%p", (void *)fv);
    fv->base.iVersion = 2;
    fv->base.szOsFile = (int)sizeof(FaultFile) + real->szOsFile;
    fv->base.mxPathname = real->mxPathname;
    fv->base.zName = fv->name;
    fv->base.pAppData = fv;
    fv->base.xOpen = fault_open;
    fv->base.xDelete = fault_delete;
    fv->base.xAccess = fault_access;
    fv->base.xFullPathname = fault_full_pathname;
    fv->base.xRandomness = fault_randomness;
    fv->base.xSleep = fault_sleep;
    fv->base.xCurrentTime = fault_current_time;
    fv->base.xGetLastError = fault_last_error;
    fv->base.xCurrentTimeInt64 = fault_current_time_int64;
    if (sqlite3_vfs_register(&fv->base, 0) != SQLITE_OK) {
        sqlite3_free(fv);
        return NULL;
    }
    return fv;
}

const char *fault_vfs_name(const FaultVfs *fv)
{
    return fv ? fv->name : NULL;
}

void fault_vfs_set(FaultVfs *fv, int fault)
{
    if (fv)
        fv->fault = fault == SQLITE_FULL || fault == SQLITE_IOERR ? fault : 0;
}

void fault_vfs_set_sync_delay(FaultVfs *fv, int ms)
{
    if (fv)
        fv->sync_delay_ms = ms > 0 ? ms : 0;
}

void fault_vfs_set_sequential(FaultVfs *fv, int on)
{
    if (fv)
        fv->sequential = on != 0;
}

long long fault_vfs_syncs(const FaultVfs *fv)
{
    return fv ? fv->syncs : 0;
}

void fault_vfs_destroy(FaultVfs *fv)
{
    if (!fv)
        return;
    sqlite3_vfs_unregister(&fv->base);
    sqlite3_free(fv);
}
