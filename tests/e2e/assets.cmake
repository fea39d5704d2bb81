# SPDX-License-Identifier: GPL-3.0-or-later
# The replaceable data files, as a person who edits them meets them: a copy of
# the program beside its own share/lull, whose signals.ini renames a signal and
# has a damaged line, and whose journal-words.ini is missing. The renamed
# signal is on the board, the damaged line is named with its file and line,
# and Settings says which file Lull stood in for.
#   cmake -DLULL=... -DREAL=... [-DEMULATOR=qemu|args] -DSRC=... -DWORK=... -P assets.cmake
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK}/bin ${WORK}/share/lull)
# Cross-compiled, REAL is the program itself and LULL a script running it
# through qemu from where it was built; the copy must be the program.
file(COPY ${REAL} DESTINATION ${WORK}/bin)
string(REPLACE "|" ";" emulator "${EMULATOR}")
get_filename_component(exe ${REAL} NAME)
file(WRITE ${WORK}/share/lull/signals.ini
     "; ours\n[pain]\nlabel = Ouch\ncolour = crimson\n[board]\norder = pain, pause\n")
file(WRITE ${WORK}/look.lull
     "tap \"Signals\"\n"
     "expect text \"Ouch\"\n"
     "expect no-text \"Pain\"\n"
     "tap \"Home\"\n"
     "tap \"Settings\"\n"
     # The notes are at the foot of Settings: three pages down at 800x480.
     "tap \"Scroll down\"\ntap \"Scroll down\"\ntap \"Scroll down\"\n"
     "expect text \"Part of signals.ini could not be used\"\n"
     "quit\n")
execute_process(COMMAND ${CMAKE_COMMAND} -E env SDL_AUDIODRIVER=dummy LANG=C.UTF-8 TZ=UTC
                        XDG_DATA_HOME=${WORK}/xdg-data XDG_CONFIG_HOME=${WORK}/xdg-config
                        ${emulator} ${WORK}/bin/${exe} --headless --clock fake
                        --db ${WORK}/lull.db --config ${SRC}/tests/e2e/couple.conf
                        --script ${WORK}/look.lull
                RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 120)
message("${out}${err}")
if(NOT status EQUAL 0)
  message(FATAL_ERROR "FAIL: exit ${status} with the replaced and damaged data files")
endif()
set(share ${WORK}/share/lull)
file(REAL_PATH ${share} share)
foreach(want
    "lull: ${share}/signals.ini:4: pain.colour: \"crimson\" is not a colour like #0072B2; keeping #D55E00\n"
    "lull: ${share}/signals.ini:6: board.order: leaves out good, slower, check_in, tired, stop; they follow in the order before\n"
    "lull: ${share}/journal-words.ini: No such file or directory; Lull's own journal words are used\n")
  string(FIND "${err}" "${want}" at)
  if(at LESS 0)
    message(FATAL_ERROR "FAIL: standard error lacks the line\n${want}")
  endif()
endforeach()
message(STATUS "ok: the replaced signal shows, the damaged line and the missing file are named")
