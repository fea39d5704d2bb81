# SPDX-License-Identifier: GPL-3.0-or-later
# Nothing in the sounds folder may freeze the kiosk, and no track is too long:
# a file that turns into a FIFO after it was listed (nothing will ever write to
# it) and 40 MB that is no sound are refused at once with a calm word; an hour's
# track is streamed, not decoded whole (691 MB at 48 kHz stereo; the run is held
# to 400 MB of address space), and plays. On real time, Pause right after each.
# A run that hung would be stopped by the timeout and fail.
#   cmake -DLULL=... -DDBTOOL=... -DSRC=... -DWORK=... [-DSANITIZED=ON] -P sounds_freeze.cmake
include(${CMAKE_CURRENT_LIST_DIR}/common.cmake)
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK}/sounds)
file(WRITE ${WORK}/sounds/stream.ogg "listed as a file")
execute_process(COMMAND ${DBTOOL} noise ${WORK}/sounds/long.ogg 41943040 4)
# An hour of quiet, 28.8 MB on disk (8 kHz mono).
execute_process(COMMAND ${DBTOOL} wav ${WORK}/sounds/hour.wav 3600)
# The script opens the list and dumps its targets for a few seconds (the shell
# waits to see stream.ogg listed), then gives the shell time to turn it into a
# FIFO before it is tapped.
string(REPEAT "wait 500\ndump\n" 8 dumps)
file(WRITE ${WORK}/run.lull "wait 500
tap \"Breathe\"
tap \"Sound\"
${dumps}wait 2000
tap \"stream.ogg\"
wait 300
expect text \"stream.ogg cannot be played here\"
tap \"long.ogg\"
wait 300
expect text \"long.ogg cannot be played here\"
tap \"hour.wav\"
wait 1500
expect no-text \"cannot be played here\"
tap \"Done\"
tap \"Start\"
wait 3000
expect screen breathe-run
tap \"Pause\"
expect screen paused
quit
")
if(SANITIZED)
  set(limit "")
else()
  set(limit "ulimit -v 400000;")
endif()
file(WRITE ${WORK}/run.sh "
${limit}
SDL_AUDIODRIVER=dummy \"$1\" --headless --db \"$2/lull.db\" --config \"$3\" --script \"$2/run.lull\" >\"$2/out\" 2>\"$2/err\" &
pid=$!
n=0
until grep -q stream.ogg \"$2/out\" 2>/dev/null || [ $n -ge 600 ]; do sleep 0.05; n=$((n + 1)); done
rm -f \"$2/sounds/stream.ogg\" && mkfifo \"$2/sounds/stream.ogg\"
wait $pid
echo \"exit=$?\"
")
execute_process(COMMAND timeout 60 sh ${WORK}/run.sh ${LULL} ${WORK} ${SRC}/tests/e2e/couple.conf
                OUTPUT_VARIABLE out RESULT_VARIABLE status)
file(READ ${WORK}/err err)
if(NOT out MATCHES "exit=0")
  message(FATAL_ERROR "the kiosk hung or failed (${status}): ${out}\n${err}")
endif()
if(NOT err MATCHES "stream.ogg: not a regular file" OR NOT err MATCHES "long.ogg: ")
  message(FATAL_ERROR "not said why: ${err}")
endif()
if(err MATCHES "hour.wav")
  message(FATAL_ERROR "the hour's track was not played: ${err}")
endif()
message("a FIFO and 40 MB of no sound refused at once; an hour's track played; Pause answered")
