# SPDX-License-Identifier: GPL-3.0-or-later
# What holds the couple's words stays theirs: screenshots (and the text boxes
# beside them) and --audio-out are written 0600 under a permissive umask, also
# over a file that was readable by all; core dumps are off in the program
# (its own limit is 0, whatever the shell allowed) and in both kiosk units.
#   cmake -DLULL=... -DSRC=... -DWORK=... -P private_files.cmake
include(${CMAKE_CURRENT_LIST_DIR}/common.cmake)
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK}/shots)
file(WRITE ${WORK}/shots/home.png "an old picture")
file(CHMOD ${WORK}/shots/home.png PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
file(WRITE ${WORK}/run.lull "screenshot home\ntap \"Breathe\"\ntap \"Start\"\nwait 4000\nquit\n")
execute_process(COMMAND sh -c "umask 022 && exec \"$0\" \"$@\"" ${LULL} --headless --clock fake
                        --db ${WORK}/lull.db --config ${SRC}/tests/e2e/couple.conf
                        --script ${WORK}/run.lull --screenshots ${WORK}/shots
                        --audio-out ${WORK}/out.wav
                RESULT_VARIABLE status ERROR_VARIABLE err)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "the run failed: ${err}")
endif()
foreach(f ${WORK}/shots/home.png ${WORK}/shots/home.png.text ${WORK}/out.wav)
  hard_mode(mode ${f})
  if(NOT mode STREQUAL "600")
    message(FATAL_ERROR "${f} is ${mode}, not 600")
  endif()
endforeach()
message("screenshots, their text boxes and the audio: 0600")

# The program's own core limit, read while it runs (real time, four seconds).
file(WRITE ${WORK}/wait.lull "wait 4000\nquit\n")
file(WRITE ${WORK}/limits.sh "
ulimit -c unlimited 2>/dev/null || ulimit -c 1000
SDL_AUDIODRIVER=dummy \"$1\" --headless --db \"$2/lull.db\" --config \"$3\" --script \"$2/wait.lull\" 2>/dev/null &
pid=$!
sleep 2
grep 'Max core file size' /proc/$pid/limits
wait $pid
")
execute_process(COMMAND sh ${WORK}/limits.sh ${LULL} ${WORK} ${SRC}/tests/e2e/couple.conf
                OUTPUT_VARIABLE limits TIMEOUT 30)
if(NOT limits MATCHES "Max core file size +0 +0")
  message(FATAL_ERROR "core dumps are not off in the program: ${limits}")
endif()
foreach(unit lull-kiosk.service lull-cage.service)
  file(READ ${SRC}/packaging/${unit} text)
  if(NOT text MATCHES "\nLimitCORE=0\n")
    message(FATAL_ERROR "${unit} does not turn core dumps off")
  endif()
endforeach()
message("core dumps: off in the program and in both units")
