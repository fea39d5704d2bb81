# SPDX-License-Identifier: GPL-3.0-or-later
# SIGTERM while an entry is being written (a shutdown, systemd stopping the
# kiosk): what was typed and chosen is kept, and after the restart it waits
# as a draft, the note with it, hostile characters and all.
#   cmake -DLULL=... -DSRC=... -DWORK=... -P drafts_sigterm.cmake
include(${CMAKE_CURRENT_LIST_DIR}/common.cmake)
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
file(WRITE ${WORK}/write.lull "tap \"Journal\"
tap \"New entry\"
tap \"Who / Together\"
tap \"Tried / Massage\"
tap \"Next\"
tap \"Next\"
tap \"Next\"
tap \"Note\"
type \"Warm hands, \\\\ and tea ♥\"
wait 60000
")
file(WRITE ${WORK}/term.sh "
SDL_AUDIODRIVER=dummy TZ=UTC \"$1\" --headless --db \"$2/lull.db\" --config \"$3\" --script \"$2/write.lull\" 2>\"$2/err\" &
pid=$!
sleep 3
kill -TERM $pid
wait $pid
echo \"exit=$?\"
")
execute_process(COMMAND sh ${WORK}/term.sh ${LULL} ${WORK} ${SRC}/tests/e2e/couple.conf
                OUTPUT_VARIABLE out TIMEOUT 60)
file(READ ${WORK}/err err)
file(WRITE ${WORK}/again.lull "expect text \"A journal entry is kept as a draft\"
tap \"Journal\"
expect text \"Draft kept\"
tap \"Continue\"
expect screen entry
tap \"Next\"
tap \"Next\"
tap \"Next\"
expect text \"Warm hands\"
quit
")
execute_process(COMMAND ${CMAKE_COMMAND} -E env SDL_AUDIODRIVER=dummy TZ=UTC ${LULL} --headless --clock fake=2026-01-05T12:00
                        --db ${WORK}/lull.db --config ${SRC}/tests/e2e/couple.conf
                        --script ${WORK}/again.lull
                RESULT_VARIABLE status ERROR_VARIABLE again_err)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "after SIGTERM (${out}) the draft is not there: ${again_err}\n${err}")
endif()
message("SIGTERM while writing: the draft and its note were there after the restart")
