# SPDX-License-Identifier: GPL-3.0-or-later
# lull export on a new journal: a CSV header alone, and valid JSON with no events,
# on standard output and into a file readable by its owner only. (Export never
# makes a journal: the one here is made by a first start that does nothing.)
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
file(WRITE ${WORK}/quit.lull "quit\n")
execute_process(COMMAND ${CMAKE_COMMAND} -E env SDL_AUDIODRIVER=dummy ${LULL} --headless --clock fake
                        --db ${WORK}/new/lull.db --script ${WORK}/quit.lull
                RESULT_VARIABLE status ERROR_VARIABLE err)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "the first start failed: ${err}")
endif()
# execute_process would turn CRLF into LF: the file keeps the bytes as written.
execute_process(COMMAND ${LULL} export --db ${WORK}/new/lull.db --format csv --out ${WORK}/out.csv
                RESULT_VARIABLE status ERROR_VARIABLE err)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "export csv failed: ${err}")
endif()
file(READ ${WORK}/out.csv csv_hex HEX)
file(READ ${WORK}/out.csv csv)
execute_process(COMMAND ${LULL} export --db ${WORK}/new/lull.db --format csv
                RESULT_VARIABLE status OUTPUT_VARIABLE stdout_csv)
if(NOT status EQUAL 0 OR NOT stdout_csv STREQUAL csv)
  message(FATAL_ERROR "export to standard output differs from --out: [${stdout_csv}]")
endif()
set(header "time,kind,partner,name,label,session,planned_s,actual_s,pauses,closeness,comfort,pain,tiredness,tried,helped,next,note,stage,via\r\n")
# CMake drops CR when it reads text, so the bytes are compared in hex.
string(HEX "${header}" header_hex)
if(NOT csv_hex STREQUAL header_hex)
  message(FATAL_ERROR "unexpected CSV: [${csv}]")
endif()
execute_process(COMMAND ${LULL} export --db ${WORK}/new/lull.db --format json --out ${WORK}/out.json
                RESULT_VARIABLE status ERROR_VARIABLE err)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "export json failed: ${err}")
endif()
file(READ ${WORK}/out.json json)
string(JSON events GET "${json}" events)
string(JSON count LENGTH "${json}" events)
string(JSON at GET "${json}" exported_at)
if(NOT count EQUAL 0 OR NOT at MATCHES "^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9:]+[+-][0-9][0-9]:[0-9][0-9]$")
  message(FATAL_ERROR "unexpected JSON: ${json}")
endif()
execute_process(COMMAND stat -c %a ${WORK}/out.json OUTPUT_VARIABLE mode OUTPUT_STRIP_TRAILING_WHITESPACE)
execute_process(COMMAND stat -c %a ${WORK}/new OUTPUT_VARIABLE dir_mode OUTPUT_STRIP_TRAILING_WHITESPACE)
execute_process(COMMAND stat -c %a ${WORK}/new/lull.db OUTPUT_VARIABLE db_mode OUTPUT_STRIP_TRAILING_WHITESPACE)
if(NOT mode STREQUAL "600" OR NOT dir_mode STREQUAL "700" OR NOT db_mode STREQUAL "600")
  message(FATAL_ERROR "modes: export ${mode}, folder ${dir_mode}, database ${db_mode}")
endif()
