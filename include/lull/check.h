/* SPDX-License-Identifier: GPL-3.0-or-later */
/* An assert that stays in every build: a broken invariant stops the program
 * with a message naming the file and line, in release builds too. */
#ifndef LULL_CHECK_H
#define LULL_CHECK_H

/* Prints "file:line: invariant broken: message" to standard error and aborts. */
#if defined(__GNUC__) || defined(__clang__)
__attribute__((format(printf, 3, 4), noreturn))
#endif
void lull_check_failed(const char *file, int line, const char *format, ...);

#define LULL_ASSERT(cond, ...)                                  \
    do {                                                        \
        if (!(cond))                                            \
            lull_check_failed(__FILE__, __LINE__, __VA_ARGS__); \
    } while (0)

#endif
