# SPDX-License-Identifier: GPL-3.0-or-later
# A command-line test: runs the program with ARGS ("|"-separated) and checks
# its exit status and what it wrote, so a refusal is checked for its words and
# not only for failing.
#   cmake -DLULL=... -DARGS="--no-such-option" -DEXIT=2 [-DSTDOUT=regex]
#         [-DSTDERR=regex] -P cli.cmake
string(REPLACE "|" ";" args "${ARGS}")
execute_process(COMMAND ${LULL} ${args} RESULT_VARIABLE rc OUTPUT_VARIABLE out
                ERROR_VARIABLE err)
if(NOT rc STREQUAL "${EXIT}")
  message(FATAL_ERROR "FAIL: lull ${ARGS} exited with ${rc}, not ${EXIT}\nstdout: ${out}\nstderr: ${err}")
endif()
foreach(stream STDOUT STDERR)
  if(stream STREQUAL "STDOUT")
    set(text "${out}")
  else()
    set(text "${err}")
  endif()
  if(DEFINED ${stream} AND NOT text MATCHES "${${stream}}")
    message(FATAL_ERROR "FAIL: lull ${ARGS}: its ${stream} does not match \"${${stream}}\":\n${text}")
  endif()
endforeach()
message(STATUS "ok: lull ${ARGS} exited with ${rc}")
