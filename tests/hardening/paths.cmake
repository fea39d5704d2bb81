# SPDX-License-Identifier: GPL-3.0-or-later
# The journal goes where the couple expects, and an export never cuts a file:
#   - export and insights on a mistyped --db say there is no journal there,
#     exit non-zero and create nothing (no file, no folder);
#   - with no $HOME the journal is looked for in the account's home, never in
#     a shared temporary folder;
#   - a path too long to keep whole is refused, never cut;
#   - `lull export --out` writes beside the final name and renames: a failing
#     export (a file-size limit here) leaves the previous good export whole and
#     no cut file under its name; a good one replaces it, 0600, nothing left.
#   cmake -DLULL=... -DWORK=... -P paths.cmake
include(${CMAKE_CURRENT_LIST_DIR}/common.cmake)
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})

foreach(tool "export;--format;csv" "insights")
  execute_process(COMMAND ${LULL} ${tool} --db ${WORK}/typo/lul.db RESULT_VARIABLE status
                  OUTPUT_QUIET ERROR_VARIABLE err)
  if(status EQUAL 0 OR NOT err MATCHES "there is no journal at ${WORK}/typo/lul.db")
    message(FATAL_ERROR "lull ${tool} on a mistyped --db: exit ${status}, said: ${err}")
  endif()
  if(EXISTS ${WORK}/typo)
    message(FATAL_ERROR "lull ${tool} created ${WORK}/typo")
  endif()
endforeach()
message("a mistyped --db: said, non-zero, nothing created")

execute_process(COMMAND ${CMAKE_COMMAND} -E env --unset=HOME --unset=XDG_DATA_HOME
                        ${LULL} export --format csv
                RESULT_VARIABLE status OUTPUT_QUIET ERROR_VARIABLE err)
if(err MATCHES "/tmp/")
  message(FATAL_ERROR "with no HOME the journal was looked for in /tmp: ${err}")
endif()
message("no HOME: ${err}")

string(REPEAT "d" 250 part)
set(long ${WORK})
foreach(i RANGE 8)
  string(APPEND long "/${part}")
endforeach()
execute_process(COMMAND ${LULL} export --format csv --db ${long}/lull.db RESULT_VARIABLE status
                OUTPUT_QUIET ERROR_VARIABLE err)
if(status EQUAL 0 OR NOT err MATCHES "too long")
  message(FATAL_ERROR "a path too long: exit ${status}, said: ${err}")
endif()
message("a path too long: refused")

execute_process(COMMAND ${LULL} seed-demo --db ${WORK}/lull.db --weeks 8 --seed 3
                RESULT_VARIABLE status OUTPUT_QUIET)
file(WRITE ${WORK}/out.csv "the good export from before\n")
file(CHMOD ${WORK}/out.csv PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
# A file-size limit of 512 bytes: the export cannot be written whole.
execute_process(COMMAND sh -c "trap '' XFSZ; ulimit -f 1; exec \"$0\" \"$@\"" ${LULL} export
                        --db ${WORK}/lull.db --format csv --out ${WORK}/out.csv
                RESULT_VARIABLE status OUTPUT_QUIET ERROR_VARIABLE err)
file(READ ${WORK}/out.csv kept)
if(status EQUAL 0 OR NOT kept STREQUAL "the good export from before\n")
  message(FATAL_ERROR "a failing export: exit ${status}, left: ${kept}")
endif()
file(GLOB left ${WORK}/.out.csv.partial-*)
if(left)
  message(FATAL_ERROR "a failing export left ${left}")
endif()
execute_process(COMMAND ${LULL} export --db ${WORK}/lull.db --format csv --out ${WORK}/out.csv
                RESULT_VARIABLE status)
file(READ ${WORK}/out.csv fresh)
hard_mode(mode ${WORK}/out.csv)
file(GLOB left ${WORK}/.out.csv.partial-*)
if(NOT status EQUAL 0 OR NOT fresh MATCHES "^time,kind," OR NOT mode STREQUAL "600" OR left)
  message(FATAL_ERROR "a good export: exit ${status}, mode ${mode}, left ${left}")
endif()
message("export --out: a failing one keeps the good one, a good one replaces it (0600)")
