# SPDX-License-Identifier: GPL-3.0-or-later
# Shared by the hardening scripts (cmake -P): running the real program
# headless on a script, and checking what it left.
#   Needs LULL, SRC and WORK set by the caller.

# hard_run(NAME "script text" [DB path] [ARGS ...] [ENV VAR=value ...] [REAL_CLOCK]
#          [EXIT n])  →  sets NAME_out, NAME_err, NAME_status in the caller.
# The run fails the test unless it exits with EXIT (default 0) — a crash
# (a signal) never matches.
function(hard_run name text)
  cmake_parse_arguments(R "REAL_CLOCK" "DB;EXIT" "ARGS;ENV" ${ARGN})
  if(NOT DEFINED R_DB)
    set(R_DB ${WORK}/lull.db)
  endif()
  if(NOT DEFINED R_EXIT)
    set(R_EXIT 0)
  endif()
  file(WRITE ${WORK}/${name}.lull "${text}")
  set(clock --clock fake)
  if(R_REAL_CLOCK)
    set(clock)
  endif()
  execute_process(
    COMMAND ${CMAKE_COMMAND} -E env SDL_AUDIODRIVER=dummy LANG=C.UTF-8 TZ=UTC
            XDG_DATA_HOME=${WORK}/xdg-data XDG_CONFIG_HOME=${WORK}/xdg-config ${R_ENV}
            ${LULL} --headless ${clock} --db ${R_DB} --config ${SRC}/tests/e2e/couple.conf
            --script ${WORK}/${name}.lull ${R_ARGS}
    WORKING_DIRECTORY ${WORK}
    RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
  message("---- ${name}: exit ${status}\n${err}")
  if(NOT "${status}" STREQUAL "${R_EXIT}")
    message(FATAL_ERROR "${name}: lull exited with '${status}', expected ${R_EXIT}")
  endif()
  set(${name}_out "${out}" PARENT_SCOPE)
  set(${name}_err "${err}" PARENT_SCOPE)
  set(${name}_status "${status}" PARENT_SCOPE)
endfunction()

# hard_events(VAR db): the live events, one "kind|partner|name|note" a line.
function(hard_events var db)
  execute_process(COMMAND ${DBTOOL} events ${db} RESULT_VARIABLE status OUTPUT_VARIABLE out
                  ERROR_VARIABLE err)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "dbtool events ${db}: ${err}")
  endif()
  set(${var} "${out}" PARENT_SCOPE)
endfunction()

function(hard_integrity db)
  execute_process(COMMAND ${DBTOOL} integrity ${db} RESULT_VARIABLE status OUTPUT_VARIABLE out
                  ERROR_VARIABLE err)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "PRAGMA integrity_check on ${db}: ${out}${err}")
  endif()
endfunction()

function(hard_expect_match what text regex)
  if(NOT "${text}" MATCHES "${regex}")
    message(FATAL_ERROR "${what}: expected to match [${regex}], got:\n${text}")
  endif()
endfunction()

function(hard_expect_no_match what text regex)
  if("${text}" MATCHES "${regex}")
    message(FATAL_ERROR "${what}: must not match [${regex}], got:\n${text}")
  endif()
endfunction()

# hard_mode(VAR path): the permission bits as octal text ("600").
function(hard_mode var path)
  execute_process(COMMAND stat -c %a ${path} OUTPUT_VARIABLE mode
                  OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "stat ${path} failed")
  endif()
  set(${var} "${mode}" PARENT_SCOPE)
endfunction()
