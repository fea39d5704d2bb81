# SPDX-License-Identifier: GPL-3.0-or-later
# Writes a file as a C header holding its bytes, NUL-terminated, so a core test
# can read a shipped data file without touching a file:
#   cmake -DFILE=assets/signals.ini -DNAME=shipped_signals_ini -DOUT=header.h -P embed.cmake
file(READ ${FILE} hex HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "((0x..,){12})" "\\1\n" bytes "${bytes}")
file(WRITE ${OUT}.tmp "/* ${FILE}, by cmake/embed.cmake. */\nstatic const char ${NAME}[] = {\n${bytes}0x00};\n")
file(RENAME ${OUT}.tmp ${OUT})
