# SPDX-License-Identifier: GPL-3.0-or-later
# Silence costs nothing: a few seconds after the last sound the sound device is
# closed (SDL's audio thread goes), even on a screen that otherwise steps once a
# minute; the next sound opens it again. Real time, SDL's dummy driver. The
# script dumps its targets at each point to look at; the shell looks at the
# program's threads when it sees a dump, and the script waits for it.
#   cmake -DLULL=... -DSRC=... -DWORK=... -P sound_rests.cmake
include(${CMAKE_CURRENT_LIST_DIR}/common.cmake)
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
# After its first frame the device opens; 8 s of silence at home, which steps
# only for its clock; then a signal sounds.
file(WRITE ${WORK}/run.lull "wait 8000
dump
wait 3000
tap \"Signals\"
tap \"Sam / Keep going\"
wait 300
dump
wait 3000
quit
")
file(WRITE ${WORK}/run.sh "
dir=\"$2\"
SDL_AUDIODRIVER=dummy \"$1\" --headless --db \"$dir/lull.db\" --config \"$3\" --script \"$dir/run.lull\" >\"$dir/out\" 2>\"$dir/err\" &
pid=$!
look() { # look NAME LABEL: once a dump shows LABEL, which threads the program has
  n=0
  until grep -q \"$2\" \"$dir/out\" 2>/dev/null || [ $n -ge 400 ]; do sleep 0.05; n=$((n + 1)); done
  printf '%s:' \"$1\"; cat /proc/$pid/task/*/comm 2>/dev/null | tr '\\n' ' '; echo
}
look silent '\"Signals\"'
look sounding '\"Dismiss\"'
wait $pid
echo \"exit=$?\"
")
execute_process(COMMAND timeout 60 sh ${WORK}/run.sh ${LULL} ${WORK} ${SRC}/tests/e2e/couple.conf
                OUTPUT_VARIABLE out RESULT_VARIABLE status)
file(READ ${WORK}/err err)
message("${out}")
if(NOT out MATCHES "exit=0")
  message(FATAL_ERROR "the run failed (${status}): ${out}\n${err}")
endif()
string(REGEX MATCH "silent:[^\n]*" silent "${out}")
string(REGEX MATCH "sounding:[^\n]*" sounding "${out}")
if(NOT silent MATCHES "lull" OR silent MATCHES "SDLAudio")
  message(FATAL_ERROR "after 8 s of silence the sound device is still open: ${silent}")
endif()
if(NOT sounding MATCHES "SDLAudio")
  message(FATAL_ERROR "the next sound did not open the device again: ${sounding}")
endif()
message("the device rested in the silence and woke for the next sound")
