# SPDX-License-Identifier: GPL-3.0-or-later
# One journal, one Lull: while a kiosk has the journal, a second kiosk and
# seed-demo (the tool that writes) refuse, saying why, and write nothing;
# export and insights still read it beside the running one. Once the first
# has gone, the next starts as usual.
#   cmake -DLULL=... -DSRC=... -DWORK=... -P one_lull.cmake
include(${CMAKE_CURRENT_LIST_DIR}/common.cmake)
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
set(db ${WORK}/lull.db)
set(conf ${SRC}/tests/e2e/couple.conf)
file(WRITE ${WORK}/first.lull "tap \"Signals\"\ntap \"Sam / Pause\"\nwait 6000\nquit\n")
file(WRITE ${WORK}/second.lull "tap \"Signals\"\ntap \"Alex / Keep going\"\nquit\n")
# The first one's pause is still there: the next starts on it.
file(WRITE ${WORK}/again.lull "expect screen paused\nquit\n")
# The first runs on real time for six seconds; the rest happens meanwhile.
file(WRITE ${WORK}/both.sh "
export SDL_AUDIODRIVER=dummy TZ=UTC
\"$1\" --headless --db \"$2\" --config \"$3\" --script \"$4/first.lull\" 2>\"$4/first.err\" &
first=$!
sleep 2
\"$1\" --headless --clock fake --db \"$2\" --config \"$3\" --script \"$4/second.lull\" 2>\"$4/second.err\"
echo \"second=$?\"
\"$1\" seed-demo --db \"$2\" --weeks 2 2>\"$4/seed.err\" >/dev/null
echo \"seed=$?\"
\"$1\" export --db \"$2\" --format csv >\"$4/export.csv\" 2>\"$4/export.err\"
echo \"export=$?\"
\"$1\" insights --db \"$2\" >/dev/null 2>\"$4/insights.err\"
echo \"insights=$?\"
wait $first
echo \"first=$?\"
")
execute_process(COMMAND sh ${WORK}/both.sh ${LULL} ${db} ${conf} ${WORK}
                OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 60)
message("${out}")
file(READ ${WORK}/second.err second_err)
file(READ ${WORK}/seed.err seed_err)
foreach(want "second=[1-9]" "seed=[1-9]" "export=0" "insights=0" "first=0")
  if(NOT out MATCHES "${want}")
    message(FATAL_ERROR "expected ${want}: ${out}\nsecond: ${second_err}\nseed: ${seed_err}")
  endif()
endforeach()
foreach(said second_err seed_err)
  if(NOT ${said} MATCHES "another Lull is (already )?using the journal")
    message(FATAL_ERROR "${said} does not say why: ${${said}}")
  endif()
endforeach()
execute_process(COMMAND ${LULL} export --db ${db} --format csv OUTPUT_VARIABLE csv)
if(csv MATCHES "good" OR csv MATCHES "demo")
  message(FATAL_ERROR "the second Lull or seed-demo wrote into the first one's journal:\n${csv}")
endif()
if(NOT csv MATCHES "Sam,pause")
  message(FATAL_ERROR "the first Lull's pause is not in the journal:\n${csv}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E env SDL_AUDIODRIVER=dummy ${LULL} --headless --clock fake
                        --db ${db} --config ${conf} --script ${WORK}/again.lull
                RESULT_VARIABLE status ERROR_VARIABLE err)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "after the first has gone, the next did not start: ${err}")
endif()
message("one journal, one Lull: the second refused, readers read, the next one started")
