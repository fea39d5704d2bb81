/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The journal's command-line tools: `lull insights` and `lull seed-demo`, and
 * opening the journal for them and for `lull export`. */
#ifndef LULL_PLATFORM_TOOLS_H
#define LULL_PLATFORM_TOOLS_H

#include "lull/cli.h"
#include "lull/store.h"

/* Opens the journal of --db (else the default one) for a tool, saying on
 * stderr why not; NULL then. */
/* --db or the default journal; must_exist (export, insights): a missing one
 * is said and never created, and it is only read, beside a running Lull.
 * NULL after saying why on stderr. */
Store *tools_open_store(const CliOptions *opts, int must_exist);
/* Prints the Insights screen's figures (text or JSON); returns the exit status. */
int tools_insights(const CliOptions *opts);
/* Writes a reproducible demo history into an empty journal; returns the exit status. */
int tools_seed_demo(const CliOptions *opts);

#endif
