# SPDX-License-Identifier: GPL-3.0-or-later
# After a cross build links PROGRAM: the real program becomes PROGRAM${SUFFIX},
# and PROGRAM a script that runs it through EMULATOR (qemu), so every test,
# cmake -P script and helper can start it as if it were native.
#   cmake -DPROGRAM=... -DSUFFIX=.aarch64 -DEMULATOR=/usr/bin/qemu-aarch64-static -P cross-wrap.cmake
file(RENAME "${PROGRAM}" "${PROGRAM}${SUFFIX}")
file(WRITE "${PROGRAM}" "#!/bin/sh\nexec ${EMULATOR} \"${PROGRAM}${SUFFIX}\" \"$@\"\n")
file(CHMOD "${PROGRAM}" PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ
     GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
