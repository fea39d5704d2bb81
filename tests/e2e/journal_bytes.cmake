# SPDX-License-Identifier: GPL-3.0-or-later
# The entry of journal.lull, byte for byte: its note (accented letters and
# emoji typed on the on-screen keyboard) and its whole CSV row, CRLF and all,
# in `lull export`'s CSV and JSON; then exporting from Settings to a USB stick
# (and, with none, to the data folder) writes exactly what `lull export` does.
#   cmake -DLULL=... -DSRC=... -DWORK=... -P journal_bytes.cmake
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}/media/LULL-STICK" "${WORK}/nothing-mounted")
set(env_cmd ${CMAKE_COMMAND} -E env SDL_AUDIODRIVER=dummy LANG=C.UTF-8 TZ=UTC
    XDG_DATA_HOME=${WORK}/data XDG_CONFIG_HOME=${WORK}/config)

function(run_lull)
  execute_process(COMMAND ${env_cmd} ${ARGN} WORKING_DIRECTORY ${WORK}
                  RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "${ARGN} failed (${status}):\n${out}\n${err}")
  endif()
endfunction()

# Hex of a file's bytes, and of a text's (CMake drops CR when it reads text).
function(hex_of_file path var)
  file(READ "${path}" hex HEX)
  set(${var} "${hex}" PARENT_SCOPE)
endfunction()
function(hex_of_text text var)
  string(HEX "${text}" hex)
  set(${var} "${hex}" PARENT_SCOPE)
endfunction()
function(expect_bytes what haystack_hex needle_text)
  hex_of_text("${needle_text}" needle)
  string(FIND "${haystack_hex}" "${needle}" at)
  if(at LESS 0)
    message(FATAL_ERROR "${what}: the bytes of [${needle_text}] are not there")
  endif()
endfunction()

run_lull(${LULL} --headless --clock fake --db lull.db --config ${SRC}/tests/e2e/couple.conf
         --script ${SRC}/tests/e2e/journal.lull --screenshots shots)
run_lull(${LULL} export --db lull.db --format csv --out cli.csv)
run_lull(${LULL} export --db lull.db --format json --out cli.json)
hex_of_file(${WORK}/cli.csv csv)
hex_of_file(${WORK}/cli.json json)

set(note "Café à deux, très doux ♥ 😀 ok")
string(ASCII 13 CR)
expect_bytes("CSV" "${csv}"
  "2026-01-05T21:08:04+00:00,entry,Sam,entry,Journal entry,1,,,,4,4,3,6,massage;mindful_touch,slower_pace;pillows,breathe_first,\"${note}\",,${CR}\n")
expect_bytes("JSON" "${json}"
  "\"closeness\": 4, \"comfort\": 4, \"pain\": 3, \"tiredness\": 6, \"tried\": \"massage;mindful_touch\", \"helped\": \"slower_pace;pillows\", \"next\": \"breathe_first\", \"note\": \"${note}\", \"stage\": null, \"via\": null}")
# The deleted-then-undone entry is there too, once.
expect_bytes("CSV" "${csv}" "entry,Alex,entry,Journal entry,1,,,,,5,,,holding,,,,,${CR}\n")

# Export from Settings: to the stick when one is mounted...
file(WRITE ${WORK}/export.lull "tap \"Settings\"\ntap \"Export\"\nexpect text \"Saved on the USB stick\"\nexpect text \"LULL-STICK\"\n")
run_lull(${CMAKE_COMMAND} -E env LULL_MEDIA_ROOTS=${WORK}/media
         ${LULL} --headless --clock fake --db lull.db --config ${SRC}/tests/e2e/couple.conf
         --script export.lull)
# ...and to the data folder (next to the database) when none is.
file(WRITE ${WORK}/export-here.lull "tap \"Settings\"\ntap \"Export\"\nexpect text \"No USB stick found\"\n")
run_lull(${CMAKE_COMMAND} -E env LULL_MEDIA_ROOTS=${WORK}/nothing-mounted
         ${LULL} --headless --clock fake --db lull.db --config ${SRC}/tests/e2e/couple.conf
         --script export-here.lull)

foreach(dir media/LULL-STICK .)
  file(GLOB made "${WORK}/${dir}/lull-2026-01-05-*.csv")
  list(LENGTH made n)
  if(NOT n EQUAL 1)
    message(FATAL_ERROR "expected one CSV export in ${dir}, found: ${made}")
  endif()
  string(REGEX REPLACE "\\.csv$" "" base "${made}")
  hex_of_file("${base}.csv" screen_csv)
  if(NOT screen_csv STREQUAL csv)
    message(FATAL_ERROR "${base}.csv differs from lull export")
  endif()
  # JSON: the same but for the moment of export.
  file(READ "${base}.json" screen_json)
  file(READ "${WORK}/cli.json" cli_json)
  string(REGEX REPLACE "\"exported_at\": *\"[^\"]*\"" "" screen_json "${screen_json}")
  string(REGEX REPLACE "\"exported_at\": *\"[^\"]*\"" "" cli_json "${cli_json}")
  if(NOT screen_json STREQUAL cli_json)
    message(FATAL_ERROR "${base}.json differs from lull export")
  endif()
  foreach(ext csv json)
    execute_process(COMMAND stat -c %a "${base}.${ext}" OUTPUT_VARIABLE mode
                    OUTPUT_STRIP_TRAILING_WHITESPACE)
    if(NOT mode STREQUAL "600")
      message(FATAL_ERROR "${base}.${ext} has mode ${mode}, not 600")
    endif()
  endforeach()
endforeach()
