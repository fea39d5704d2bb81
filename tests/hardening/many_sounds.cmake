# SPDX-License-Identifier: GPL-3.0-or-later
# Thousands of sound files: the picker offers the first 200 by name (the list
# scrolls to each of them) and says how many more the folder holds.
#   cmake -DLULL=... -DSRC=... -DWORK=... -P many_sounds.cmake
include(${CMAKE_CURRENT_LIST_DIR}/common.cmake)
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK}/sounds)
execute_process(COMMAND sh -c "cd '${WORK}/sounds' && i=0; while [ $i -lt 2000 ]; do n=$(printf %04d $i); : > track-$n.ogg; i=$((i + 1)); done")
file(WRITE ${WORK}/run.lull "tap \"Breathe\"
tap \"Sound\"
expect text \"1800 more\"
tap \"track-0199.ogg\"
tap \"Done\"
expect text \"track-0199\"
tap \"Sound\"
tap \"track-0000.ogg\"
quit
")
execute_process(COMMAND ${CMAKE_COMMAND} -E env SDL_AUDIODRIVER=dummy ${LULL} --headless --clock fake
                        --db ${WORK}/lull.db --config ${SRC}/tests/e2e/couple.conf
                        --script ${WORK}/run.lull
                RESULT_VARIABLE status ERROR_VARIABLE err TIMEOUT 60)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "two thousand sound files: exit ${status}: ${err}")
endif()
file(WRITE ${WORK}/past.lull "tap \"Breathe\"\ntap \"Sound\"\ntap \"track-0200.ogg\"\nquit\n")
execute_process(COMMAND ${CMAKE_COMMAND} -E env SDL_AUDIODRIVER=dummy ${LULL} --headless --clock fake
                        --db ${WORK}/lull.db --config ${SRC}/tests/e2e/couple.conf
                        --script ${WORK}/past.lull
                RESULT_VARIABLE status ERROR_VARIABLE err TIMEOUT 60)
if(status EQUAL 0 OR NOT err MATCHES "no target labelled \"track-0200.ogg\"")
  message(FATAL_ERROR "the 201st file by name should not be offered: ${err}")
endif()
message("two thousand sound files: the first 200 by name offered, the rest counted")
