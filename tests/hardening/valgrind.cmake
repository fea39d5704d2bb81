# SPDX-License-Identifier: GPL-3.0-or-later
# Point 7: valgrind memcheck is clean on an end-to-end run: the script that
# visits every screen (signals, a pause, an entry, insights, breathing with
# its sound written to --audio-out, a PIN, an export) — no invalid access, no
# use of uninitialised memory, no definite or indirect leak.
#   cmake -DLULL=... -DSRC=... -DWORK=... -P valgrind.cmake
find_program(VALGRIND valgrind)
if(NOT VALGRIND)
  message(FATAL_ERROR "FAIL: valgrind is not installed (./dev test installs it)")
endif()
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
execute_process(
  COMMAND ${CMAKE_COMMAND} -E env SDL_AUDIODRIVER=dummy LANG=C.UTF-8 TZ=UTC
          XDG_DATA_HOME=${WORK}/data XDG_CONFIG_HOME=${WORK}/config
          ${VALGRIND} -q --error-exitcode=99 --leak-check=full
          --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect
          ${LULL} --headless --clock fake --db ${WORK}/lull.db
          --config ${SRC}/tests/e2e/couple.conf --script ${SRC}/tests/hardening/everywhere.lull
          --audio-out ${WORK}/out.wav
  WORKING_DIRECTORY ${WORK} RESULT_VARIABLE status ERROR_VARIABLE err)
message("${err}")
if(NOT status EQUAL 0)
  message(FATAL_ERROR "valgrind memcheck: exit ${status}")
endif()
