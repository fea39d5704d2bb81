# SPDX-License-Identifier: GPL-3.0-or-later
# After the program stops (or is killed) while paused, it starts again paused,
# showing who paused; resuming then continues the same session.
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
file(WRITE ${WORK}/first.lull "tap \"Signals\"\ntap \"Sam / Slower\"\ntap \"Alex / Pause\"\nexpect screen paused\nquit\n")
file(WRITE ${WORK}/second.lull "expect screen paused\nexpect text \"Alex paused · 4 min ago\"\ntap \"Alex / I'm ready\"\ntap \"Sam / I'm ready\"\nwait 1500\nexpect screen signals\n")
# The second start is five minutes later on the virtual clock.
set(clock_first 2026-01-05T21:00)
set(clock_second 2026-01-05T21:05)
foreach(run first second)
  execute_process(
    COMMAND ${CMAKE_COMMAND} -E env SDL_AUDIODRIVER=dummy TZ=UTC
            ${LULL} --headless --clock fake=${clock_${run}} --db ${WORK}/lull.db
            --config ${SRC}/tests/e2e/couple.conf --script ${WORK}/${run}.lull
    RESULT_VARIABLE status ERROR_VARIABLE err)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "${run} run failed: ${err}")
  endif()
endforeach()
execute_process(COMMAND ${LULL} export --db ${WORK}/lull.db --format csv OUTPUT_VARIABLE csv)
string(REGEX MATCHALL "signal,[A-Za-z]*,[a-z_]+,[^,]*,[0-9]+" rows "${csv}")
set(want "signal,Sam,slower,Slower,1" "signal,Alex,pause,Pause,1" "signal,Alex,ready,I'm ready,1"
         "signal,Sam,ready,I'm ready,1" "signal,both,resume,Resuming,1")
if(NOT rows STREQUAL want)
  message(FATAL_ERROR "unexpected events: ${rows}")
endif()
