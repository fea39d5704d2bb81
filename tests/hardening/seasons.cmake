# SPDX-License-Identifier: GPL-3.0-or-later
# Figures right in every season: in zones whose clocks change (the UK, central
# Europe, the US east, south-east Australia, written as POSIX TZ rules so no
# zone files are needed), seed-demo stamps each event with the offset its
# moment had, and `lull insights` counts every entry, session and breathing
# session on the calendar day it was lived: its totals are what the export's
# own local dates say, for 4 and 12 weeks, with the period's bounds ending on
# each side of a change.
#   cmake -DLULL=... -DWORK=... -P seasons.cmake
include(${CMAKE_CURRENT_LIST_DIR}/common.cmake)
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
set(zones "GMT0BST,M3.5.0/1,M10.5.0" "CET-1CEST,M3.5.0,M10.5.0/3" "EST5EDT,M3.2.0,M11.1.0"
          "AEST-10AEDT,M10.1.0,M4.1.0/3")
set(nows 2026-11-07T23:30 2026-04-04T00:30)
set(i 0)
foreach(tz ${zones})
  foreach(now ${nows})
    math(EXPR i "${i} + 1")
    set(db ${WORK}/z${i}.db)
    execute_process(COMMAND ${CMAKE_COMMAND} -E env TZ=${tz} ${LULL} seed-demo --db ${db}
                            --weeks 30 --seed ${i} --now ${now}
                    RESULT_VARIABLE status OUTPUT_QUIET ERROR_VARIABLE err)
    if(NOT status EQUAL 0)
      message(FATAL_ERROR "seed-demo in ${tz}: ${err}")
    endif()
    execute_process(COMMAND ${LULL} export --db ${db} --format csv OUTPUT_VARIABLE csv)
    string(REGEX MATCHALL "\n[0-9-]+T[0-9:]+[+-][0-9:]+," stamps "${csv}")
    set(offsets)
    foreach(s ${stamps})
      string(REGEX REPLACE ".*T[0-9:]+([+-][0-9:]+),$" "\\1" off "${s}")
      list(APPEND offsets ${off})
    endforeach()
    list(REMOVE_DUPLICATES offsets)
    list(LENGTH offsets n_offsets)
    if(NOT n_offsets EQUAL 2)
      message(FATAL_ERROR "${tz}: thirty weeks of events carry offsets ${offsets}, not two")
    endif()
    foreach(weeks 4 12)
      execute_process(COMMAND ${CMAKE_COMMAND} -E env TZ=${tz} ${LULL} insights --db ${db}
                              --weeks ${weeks} --now ${now} --format json
                      OUTPUT_VARIABLE json RESULT_VARIABLE status)
      string(JSON from GET "${json}" from)
      string(JSON to GET "${json}" to)
      foreach(pair "entry;entries" "breathing;breathing_sessions")
        list(GET pair 0 kind)
        list(GET pair 1 key)
        string(JSON said GET "${json}" ${key})
        string(REGEX MATCHALL "\n[0-9-]+T[^,]*,${kind}," rows "${csv}")
        set(count 0)
        foreach(row ${rows})
          string(SUBSTRING "${row}" 1 10 day)
          if(NOT day STRLESS from AND NOT day STRGREATER to)
            math(EXPR count "${count} + 1")
          endif()
        endforeach()
        if(NOT said EQUAL count)
          message(FATAL_ERROR "${tz}, ${weeks} weeks to ${now}: insights says ${said} ${key} "
                              "from ${from} to ${to}; the export's local dates say ${count}")
        endif()
      endforeach()
      message("${tz}, ${weeks} weeks to ${now} (${from} to ${to}): ${said} breathing, entries too, "
              "as the days they were lived")
    endforeach()
  endforeach()
endforeach()
