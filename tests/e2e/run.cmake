# SPDX-License-Identifier: GPL-3.0-or-later
# Runs one end-to-end script against the real program, headless on the fake
# clock, then compares every screenshot with tests/reference/NAME/ and, where
# the test has one, the export with its expected file.
#   cmake -DLULL=... -DIMGDIFF=... -DSCRIPT=... -DNAME=... -DSRC=... -DWORK=...
#         [-DARGS="--size;720x1280"] [-DEXPECT_EXIT=1] [-DEXPECT_STDERR=regex]
#         [-DEXPORT=csv;json] -P run.cmake
# With LULL_UPDATE_REFERENCES=1 in the environment the references are rewritten.
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}/shots")
if(NOT DEFINED CLOCK)
  set(CLOCK fake)
endif()
if(NOT DEFINED EXPECT_EXIT)
  set(EXPECT_EXIT 0)
endif()
set(env_cmd ${CMAKE_COMMAND} -E env SDL_AUDIODRIVER=dummy LANG=C.UTF-8 TZ=UTC
    XDG_DATA_HOME=${WORK}/data XDG_CONFIG_HOME=${WORK}/config)
# Relative paths, so what the screens show does not depend on where the tree is.
execute_process(
  COMMAND ${env_cmd} ${LULL} --headless --clock ${CLOCK} --db lull.db
          --config ${SRC}/tests/e2e/couple.conf --screenshots shots
          --script ${SCRIPT} ${ARGS}
  WORKING_DIRECTORY ${WORK}
  RESULT_VARIABLE status OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("${out}")
message("${err}")
if(NOT "${status}" STREQUAL "${EXPECT_EXIT}")
  message(FATAL_ERROR "lull exited with ${status}, expected ${EXPECT_EXIT}")
endif()
if(DEFINED EXPECT_STDERR AND NOT err MATCHES "${EXPECT_STDERR}")
  message(FATAL_ERROR "stderr does not match: ${EXPECT_STDERR}")
endif()
if(DEFINED EXPECT_STDOUT AND NOT out MATCHES "${EXPECT_STDOUT}")
  message(FATAL_ERROR "stdout does not match: ${EXPECT_STDOUT}")
endif()

include(${CMAKE_CURRENT_LIST_DIR}/compare.cmake)
compare_screenshots()

foreach(format ${EXPORT})
  execute_process(COMMAND ${env_cmd} ${LULL} export --db ${WORK}/lull.db --format ${format}
                  RESULT_VARIABLE status OUTPUT_VARIABLE exported ERROR_VARIABLE err)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "lull export failed: ${err}")
  endif()
  # exported_at is the moment of export: everything else must match exactly.
  string(REGEX REPLACE "\"exported_at\": *\"[^\"]*\"" "\"exported_at\": \"*\"" exported "${exported}")
  set(expected_file "${SRC}/tests/e2e/${NAME}.${format}")
  if("$ENV{LULL_UPDATE_REFERENCES}" STREQUAL "1")
    file(WRITE "${expected_file}" "${exported}")
  else()
    file(READ "${expected_file}" expected)
    if(NOT exported STREQUAL expected)
      file(WRITE "${WORK}/export.${format}" "${exported}")
      message(FATAL_ERROR "the export differs from ${expected_file}: see ${WORK}/export.${format}")
    endif()
  endif()
endforeach()
