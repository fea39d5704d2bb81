# SPDX-License-Identifier: GPL-3.0-or-later
# A seeded journal (lull seed-demo, 12 weeks, seed 7, ending 2026-01-05 21:00):
#  1. the timeline and Insights screens at 800x480 against tests/reference/NAME/
#     (LULL_UPDATE_REFERENCES=1 rewrites them);
#  2. Insights on screen agreeing with `lull insights`: every figure the text
#     output prints is found on the screen (a tall virtual screen, so nothing
#     needs scrolling), and the JSON output says the same as the text.
#   cmake -DLULL=... -DIMGDIFF=... -DSRC=... -DWORK=... -DNAME=... -P journal_seeded.cmake
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}/shots")
set(now 2026-01-05T21:00)
set(env_cmd ${CMAKE_COMMAND} -E env SDL_AUDIODRIVER=dummy LANG=C.UTF-8 TZ=UTC
    XDG_DATA_HOME=${WORK}/data XDG_CONFIG_HOME=${WORK}/config)

function(run_lull)
  execute_process(COMMAND ${env_cmd} ${LULL} ${ARGN}
                  WORKING_DIRECTORY ${WORK}
                  RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "lull ${ARGN} failed (${status}):\n${out}\n${err}")
  endif()
  set(out "${out}" PARENT_SCOPE)
endfunction()

run_lull(seed-demo --db lull.db --weeks 12 --seed 7 --now ${now})
if(NOT out MATCHES "wrote [0-9]+ events over 12 weeks")
  message(FATAL_ERROR "seed-demo said: ${out}")
endif()
# The same seed again is refused: seed-demo never mixes into a journal.
execute_process(COMMAND ${env_cmd} ${LULL} seed-demo --db ${WORK}/lull.db --weeks 12 --seed 7
                RESULT_VARIABLE status ERROR_VARIABLE err)
if(status EQUAL 0 OR NOT err MATCHES "already holds events")
  message(FATAL_ERROR "seed-demo into a full journal: ${status} ${err}")
endif()

# --- 1. the screens --------------------------------------------------------
run_lull(--headless --clock fake=${now} --db lull.db --config ${SRC}/tests/e2e/couple.conf
         --screenshots shots --script ${SRC}/tests/e2e/journal_seeded.lull)
include(${CMAKE_CURRENT_LIST_DIR}/compare.cmake)
compare_screenshots()

# --- 2. the screen agrees with `lull insights` -----------------------------
foreach(weeks 4 12)
  run_lull(insights --db lull.db --weeks ${weeks} --now ${now} --format text)
  set(text "${out}")
  run_lull(insights --db lull.db --weeks ${weeks} --now ${now} --format json)
  set(json "${out}")

  # The JSON and the text carry the same figures.
  string(JSON entries GET "${json}" entries)
  string(JSON sessions GET "${json}" signal_sessions)
  if(NOT text MATCHES "\n${entries} entr[a-z]+ · ${sessions} signal session")
    message(FATAL_ERROR "JSON totals (${entries}, ${sessions}) are not the text's:\n${text}")
  endif()
  foreach(list tried helped)
    string(JSON count LENGTH "${json}" ${list})
    if(count EQUAL 0)
      message(FATAL_ERROR "the seeded ${weeks} weeks have nothing in ${list}")
    endif()
    math(EXPR last "${count} - 1")
    foreach(i RANGE ${last})
      string(JSON label GET "${json}" ${list} ${i} label)
      string(JSON times GET "${json}" ${list} ${i} times)
      string(FIND "${text}" "\n  ${label}: ${times} time" at)
      if(at LESS 0)
        message(FATAL_ERROR "${list} ${label} ${times} times is not in the text output:\n${text}")
      endif()
    endforeach()
  endforeach()

  # A script that looks for each figure of the text output on the screen.
  string(REPLACE "\n" ";" lines "${text}")
  set(script "tap \"Journal\"\ntap \"Insights\"\ntap \"${weeks} weeks\"\ntap \"Tried\"\n")
  set(section "")
  set(checks 0)
  foreach(line ${lines})
    if(line MATCHES "^Insights for the last [0-9]+ weeks?: (.*)$")
      string(APPEND script "expect text \"${CMAKE_MATCH_1}\"\n")
    elseif(line MATCHES "^[0-9]+ entr")
      string(REPLACE " · " ";" parts "${line}")
      foreach(part ${parts})
        string(APPEND script "expect text \"${part}\"\n")
      endforeach()
    elseif(line STREQUAL "What we tried")
      set(section tried)
    elseif(line STREQUAL "What helped")
      set(section helped)
      string(APPEND script "tap \"Helped\"\n")
    elseif(line STREQUAL "Week by week")
      set(section charts)
      string(APPEND script "tap \"Charts\"\n")
    elseif(line MATCHES "^  Week of")
      set(section table)
    elseif(line MATCHES "^  ([^:]+): (.+)$" AND NOT section STREQUAL "table")
      set(label "${CMAKE_MATCH_1}")
      set(figures "${CMAKE_MATCH_2}")
      string(APPEND script "expect text \"${label}\"\n")
      if(section STREQUAL "charts")
        # A summary may wrap between its parts on screen; each part is whole.
        string(REPLACE " · " ";" parts "${figures}")
        foreach(part ${parts})
          string(APPEND script "expect text \"${part}\"\n")
        endforeach()
      else()
        string(APPEND script "expect text \"${figures}\"\n")
      endif()
      math(EXPR checks "${checks} + 1")
    endif()
  endforeach()
  if(checks LESS 8)
    message(FATAL_ERROR "too few figures found in the text output (${checks}):\n${text}")
  endif()
  file(WRITE "${WORK}/agree-${weeks}.lull" "${script}")
  # Tall enough that every figure is on screen without scrolling.
  run_lull(--headless --clock fake=${now} --size 800x4000 --db lull.db
           --config ${SRC}/tests/e2e/couple.conf --script agree-${weeks}.lull)
  message("${weeks} weeks: ${checks} figures agree")
endforeach()
