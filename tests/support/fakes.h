/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Test doubles shared by the unit tests. */
#ifndef LULL_TEST_FAKES_H
#define LULL_TEST_FAKES_H

/* A deterministic text measure: every byte that starts a UTF-8 character is
 * 0.55 of the pixel size wide. */
int fake_measure(void *ctx, const char *text, int size_px);

/* A fresh temporary path (under $TMPDIR or /tmp) for a test's files; out must hold 256 bytes. */
void fake_temp_path(const char *name, char *out, int size);

#endif
