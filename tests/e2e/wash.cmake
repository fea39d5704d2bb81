# SPDX-License-Identifier: GPL-3.0-or-later
# Nothing hidden under a signal's wash fires: a tap where Stop for today and
# Tired lie under the wash only ends it, and each partner's Pause stays on top
# of it, acting at once. The places are taken from the board's own dump, at
# each size and layout, so the taps land exactly where the hidden tiles are.
#   cmake -DLULL=... -DSRC=... -DWORK=... -P wash.cmake
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
file(READ ${SRC}/tests/e2e/couple.conf couple)
file(WRITE ${WORK}/couple.conf "${couple}")
file(WRITE ${WORK}/facing.conf "${couple}\n[signals]\nlayout = facing\n")

# run(NAME CONFIG SIZE LINE...): the script's lines, joined.
function(run name config size)
  string(JOIN "" script ${ARGN})
  file(WRITE ${WORK}/${name}.lull "${script}")
  file(REMOVE ${WORK}/${name}.db ${WORK}/${name}.db-wal ${WORK}/${name}.db-shm)
  execute_process(COMMAND ${CMAKE_COMMAND} -E env SDL_AUDIODRIVER=dummy LANG=C.UTF-8 TZ=UTC
                          ${LULL} --headless --clock fake --size ${size} --db ${WORK}/${name}.db
                          --config ${WORK}/${config} --script ${WORK}/${name}.lull
                  RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 120)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "FAIL: ${name}: exit ${status}\n${out}${err}")
  endif()
  set(out "${out}" PARENT_SCOPE)
endfunction()

# The centre of a target in a dump: "Label" x y w h.
function(centre dump label var)
  string(REGEX MATCH "\"${label}\" ([0-9]+) ([0-9]+) ([0-9]+) ([0-9]+)" line "${dump}")
  if(NOT line)
    message(FATAL_ERROR "FAIL: no ${label} in the dump:\n${dump}")
  endif()
  math(EXPR x "${CMAKE_MATCH_1} + ${CMAKE_MATCH_3} / 2")
  math(EXPR y "${CMAKE_MATCH_2} + ${CMAKE_MATCH_4} / 2")
  set(${var} "${x} ${y}" PARENT_SCOPE)
endfunction()

foreach(layout "couple.conf;800x480" "couple.conf;720x1280" "couple.conf;1920x1080"
               "facing.conf;800x480")
  list(GET layout 0 config)
  list(GET layout 1 size)
  string(REPLACE ".conf" "" name "${config}-${size}")
  run(${name}-dump ${config} ${size} "tap \"Signals\"\ndump\nquit\n")
  centre("${out}" "Alex / Stop for today" stop)
  centre("${out}" "Sam / Tired" tired)
  run(${name} ${config} ${size}
      "tap \"Signals\"\n"
      "tap \"Sam / Pain\"\n"
      "expect text \"Pain\"\n"
      "# Where Alex's Stop for today is, under the wash: it only ends the wash.\n"
      "tap ${stop}\n"
      "expect screen signals\n"
      "expect no-text \"Stopped\"\n"
      "tap \"Sam / Slower\"\n"
      "tap ${tired}\n"
      "expect screen signals\n"
      "wait 2500\n"
      "expect text \"Sam · Slower\"\n"
      "tap \"Alex / Keep going\"\n"
      "# Pause is on top of the wash for both, and acts at once.\n"
      "tap \"Sam / Pause\"\n"
      "expect screen paused\n"
      "quit\n")
  execute_process(COMMAND ${LULL} export --db ${WORK}/${name}.db --format csv
                  RESULT_VARIABLE status OUTPUT_VARIABLE csv)
  # time,kind,partner,name,...: the names of the signals, in order.
  string(REGEX MATCHALL ",signal,[^,]*,[a-z_]+," rows "${csv}")
  string(REGEX REPLACE ",signal,[^,]*,([a-z_]+)," "\\1" names "${rows}")
  if(NOT status EQUAL 0 OR NOT names STREQUAL "pain;slower;good;pause")
    message(FATAL_ERROR "FAIL: ${name}: the signals sent were [${names}], not pain, slower, good, pause\n${csv}")
  endif()
  message(STATUS "ok: ${name}: the wash let nothing hidden through, and Pause was on top")
endforeach()
