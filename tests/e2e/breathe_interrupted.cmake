# SPDX-License-Identifier: GPL-3.0-or-later
# A breathing session cut off by a crash or a power cut (SIGKILL here) is logged
# as interrupted by the next start, with what was breathed by its last checkpoint.
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
file(WRITE ${WORK}/breathe.lull "tap \"Breathe\"\ntap \"Start\"\nwait 20000\n")
file(WRITE ${WORK}/again.lull "expect screen home\nquit\n")
set(env ${CMAKE_COMMAND} -E env SDL_AUDIODRIVER=dummy TZ=UTC)
# Real time, so the process is still breathing when it is killed.
execute_process(COMMAND timeout -s KILL 3 ${LULL} --headless --db ${WORK}/lull.db
                        --config ${SRC}/tests/e2e/couple.conf --script ${WORK}/breathe.lull
                RESULT_VARIABLE killed ERROR_QUIET)
if(NOT killed MATCHES "137|killed")
  message(FATAL_ERROR "expected the run to be killed (137), got ${killed}")
endif()
execute_process(COMMAND ${LULL} export --db ${WORK}/lull.db --format csv OUTPUT_VARIABLE before)
if(before MATCHES "breathing")
  message(FATAL_ERROR "nothing should be logged as finished yet: ${before}")
endif()
execute_process(COMMAND ${env} ${LULL} --headless --db ${WORK}/lull.db
                        --config ${SRC}/tests/e2e/couple.conf --script ${WORK}/again.lull
                RESULT_VARIABLE status ERROR_VARIABLE err)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "the second start failed: ${err}")
endif()
execute_process(COMMAND ${LULL} export --db ${WORK}/lull.db --format csv OUTPUT_VARIABLE after)
if(NOT after MATCHES ",breathing,both,calm_5_5,Calm 5·5 \\(interrupted\\),,300,[0-9]+,0,")
  message(FATAL_ERROR "no interrupted session in: ${after}")
endif()
# Logged once: a third start adds nothing.
execute_process(COMMAND ${env} ${LULL} --headless --db ${WORK}/lull.db
                        --config ${SRC}/tests/e2e/couple.conf --script ${WORK}/again.lull)
execute_process(COMMAND ${LULL} export --db ${WORK}/lull.db --format csv OUTPUT_VARIABLE third)
if(NOT third STREQUAL after)
  message(FATAL_ERROR "logged again on the third start: ${third}")
endif()
