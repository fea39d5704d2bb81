/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The journal's command-line tools: `lull insights` and `lull seed-demo`. */
#ifndef LULL_PLATFORM_TOOLS_H
#define LULL_PLATFORM_TOOLS_H

#include "lull/cli.h"

/* Prints the Insights screen's figures (text or JSON); returns the exit status. */
int tools_insights(const CliOptions *opts);
/* Writes a reproducible demo history into an empty journal; returns the exit status. */
int tools_seed_demo(const CliOptions *opts);

#endif
