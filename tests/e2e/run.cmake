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

set(ref_dir "${SRC}/tests/reference/${NAME}")
file(GLOB shots RELATIVE "${WORK}/shots" "${WORK}/shots/*.png")
if("$ENV{LULL_UPDATE_REFERENCES}" STREQUAL "1")
  file(REMOVE_RECURSE "${ref_dir}")
  file(MAKE_DIRECTORY "${ref_dir}")
  foreach(shot ${shots})
    file(COPY "${WORK}/shots/${shot}" DESTINATION "${ref_dir}")
  endforeach()
else()
  file(GLOB refs RELATIVE "${ref_dir}" "${ref_dir}/*.png")
  foreach(ref ${refs})
    if(NOT EXISTS "${WORK}/shots/${ref}")
      message(FATAL_ERROR "the run made no ${ref}")
    endif()
  endforeach()
  set(failed "")
  foreach(shot ${shots})
    if(NOT EXISTS "${ref_dir}/${shot}")
      message(FATAL_ERROR "no reference for ${shot}: run ./dev references and look at it")
    endif()
    execute_process(COMMAND ${IMGDIFF} "${WORK}/shots/${shot}" "${ref_dir}/${shot}"
                    RESULT_VARIABLE diff OUTPUT_VARIABLE diff_out)
    message("${shot}: ${diff_out}")
    if(NOT diff EQUAL 0)
      list(APPEND failed ${shot})
    endif()
  endforeach()
  if(failed)
    message(FATAL_ERROR "screenshots differ from tests/reference/${NAME}: ${failed} (see ${WORK}/shots)")
  endif()
endif()

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
