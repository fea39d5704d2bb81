# SPDX-License-Identifier: GPL-3.0-or-later
# Never a file that is not Lull's: a --db (straight, or through a link) that
# leads to another program's SQLite file (in WAL mode, readable by all), or to
# a file that is no database at all, is refused by the kiosk and by every
# tool, and nothing about it changes: not its bytes, its mode or its time, and
# no -wal, -shm or -journal appears beside it.
#   cmake -DLULL=... -DDBTOOL=... -DWORK=... -DSRC=... -P untouched.cmake
include(${CMAKE_CURRENT_LIST_DIR}/common.cmake)
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK}/theirs)

function(snapshot file out)
  file(SHA256 ${file} sum)
  execute_process(COMMAND stat -c "%a %s %Y %U" ${file} OUTPUT_VARIABLE meta
                  OUTPUT_STRIP_TRAILING_WHITESPACE)
  file(GLOB beside ${WORK}/theirs/*)
  set(${out} "${sum} ${meta} ${beside}" PARENT_SCOPE)
endfunction()

foreach(kind foreign-wal foreign notdb)
  set(target ${WORK}/theirs/places.sqlite)
  file(REMOVE ${target})
  if(kind STREQUAL "notdb")
    file(WRITE ${target} "a letter, not a database\n")
  else()
    execute_process(COMMAND ${DBTOOL} ${kind} ${target} RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR "dbtool ${kind} failed")
    endif()
  endif()
  file(CHMOD ${target} PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
  file(CREATE_LINK ${target} ${WORK}/link.db SYMBOLIC)
  # An hour ago, so a touch shows.
  execute_process(COMMAND touch -d "1 hour ago" ${target})
  snapshot(${target} before)
  foreach(db ${target} ${WORK}/link.db)
    foreach(tool "export;--format;csv" "insights" "seed-demo;--weeks;2")
      execute_process(COMMAND ${LULL} ${tool} --db ${db} RESULT_VARIABLE status
                      OUTPUT_QUIET ERROR_VARIABLE err)
      if(status EQUAL 0)
        message(FATAL_ERROR "${kind}: lull ${tool} --db ${db} succeeded on another program's file")
      endif()
    endforeach()
    file(WRITE ${WORK}/quit.lull "quit\n")
    execute_process(COMMAND ${CMAKE_COMMAND} -E env SDL_AUDIODRIVER=dummy ${LULL} --headless
                            --clock fake --db ${db} --config ${SRC}/tests/e2e/couple.conf
                            --script ${WORK}/quit.lull
                    RESULT_VARIABLE status OUTPUT_QUIET ERROR_QUIET)
    snapshot(${target} after)
    if(NOT before STREQUAL after)
      message(FATAL_ERROR "${kind} through ${db}: changed\n  before: ${before}\n  after:  ${after}")
    endif()
  endforeach()
  file(REMOVE ${WORK}/link.db)
  message("${kind}: refused by every tool and left exactly as it was")
endforeach()
