/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Runs DESIGN.md's automation script against a Kiosk: taps by label, waits on
 * the real or the virtual clock, checks screens and text, writes screenshots. */
#ifndef LULL_PLATFORM_AUTOMATION_H
#define LULL_PLATFORM_AUTOMATION_H

#include "kiosk.h"

/* Runs the script at path ("-": standard input). Returns the exit status:
 * 0 when it ran to the end or quit, 1 on a failed expect or a bad line
 * (reported on stderr as "script:LINE: ..."), 2 when it cannot be read. */
int automation_run(Kiosk *k, const char *path, const char *screenshots_dir);

#endif
