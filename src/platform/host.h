/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The AppHost over the store: how the core's durable writes reach SQLite. */
#ifndef LULL_PLATFORM_HOST_H
#define LULL_PLATFORM_HOST_H

#include "lull/app.h"
#include "lull/store.h"

/* A host writing to store (NULL: every write fails as "not saved"). */
AppHost host_for_store(Store *store);
/* Applies the settings stored on the device to the app. */
void host_load_settings(Store *store, App *app);
/* Restores the signal session that was open when Lull last stopped. */
void host_restore_session(Store *store, App *app);
/* The journal's queries over the store passed as AppHost.ctx (journal_host.c). */
JournalHost journal_host(void);

#endif
