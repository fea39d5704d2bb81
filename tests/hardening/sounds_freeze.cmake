# SPDX-License-Identifier: GPL-3.0-or-later
# Nothing in the sounds folder may freeze the kiosk: a file that turns into a
# FIFO after it was listed (nothing will ever write to it), and a track far
# too long to use, are refused at once with a calm word, on real time, and
# Pause answers right after choosing them. A run that hung would be stopped
# by the timeout and fail.
#   cmake -DLULL=... -DDBTOOL=... -DSRC=... -DWORK=... -P sounds_freeze.cmake
include(${CMAKE_CURRENT_LIST_DIR}/common.cmake)
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK}/sounds)
file(WRITE ${WORK}/sounds/stream.ogg "listed as a file")
# 40 MB: decoded whole, it would be hours of sound and gigabytes.
execute_process(COMMAND ${DBTOOL} noise ${WORK}/sounds/long.ogg 41943040 4)
# Twenty minutes of quiet, 9.6 MB on disk: its length is read from its header
# and it is refused before it is decoded (it would be 230 MB at 48 kHz stereo).
execute_process(COMMAND ${DBTOOL} wav ${WORK}/sounds/twenty.wav 1200)
file(WRITE ${WORK}/run.lull "wait 1500
tap \"Breathe\"
tap \"Sound\"
tap \"stream.ogg\"
wait 300
expect text \"stream.ogg cannot be played here\"
tap \"long.ogg\"
wait 300
expect text \"long.ogg cannot be played here\"
tap \"twenty.wav\"
wait 300
expect text \"twenty.wav cannot be played here\"
tap \"Done\"
tap \"Pause\"
expect screen paused
quit
")
file(WRITE ${WORK}/run.sh "
SDL_AUDIODRIVER=dummy \"$1\" --headless --db \"$2/lull.db\" --config \"$3\" --script \"$2/run.lull\" 2>\"$2/err\" &
pid=$!
sleep 0.5
rm -f \"$2/sounds/stream.ogg\" && mkfifo \"$2/sounds/stream.ogg\"
wait $pid
echo \"exit=$?\"
")
execute_process(COMMAND timeout 30 sh ${WORK}/run.sh ${LULL} ${WORK} ${SRC}/tests/e2e/couple.conf
                OUTPUT_VARIABLE out RESULT_VARIABLE status)
file(READ ${WORK}/err err)
if(NOT out MATCHES "exit=0")
  message(FATAL_ERROR "the kiosk hung or failed (${status}): ${out}\n${err}")
endif()
if(NOT err MATCHES "stream.ogg: not a regular file" OR NOT err MATCHES "long.ogg: too long to use"
   OR NOT err MATCHES "twenty.wav: too long to use \\(20 minutes")
  message(FATAL_ERROR "not said why: ${err}")
endif()
message("a FIFO and a track hours long: refused at once, Pause answered")
