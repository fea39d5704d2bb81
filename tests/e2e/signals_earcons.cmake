# SPDX-License-Identifier: GPL-3.0-or-later
# Each earcon is in the --audio-out WAV at the moment of its tap, and the
# timeline is silent in between.
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
execute_process(
  COMMAND ${CMAKE_COMMAND} -E env SDL_AUDIODRIVER=dummy TZ=UTC
          ${LULL} --headless --clock fake --db ${WORK}/lull.db
          --config ${SRC}/tests/e2e/couple.conf --audio-out ${WORK}/out.wav
          --script ${SRC}/tests/e2e/earcons.lull
  RESULT_VARIABLE status ERROR_VARIABLE err)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "lull failed: ${err}")
endif()

function(measure what from to out)
  execute_process(COMMAND ${WAVCHECK} ${WORK}/out.wav ${what} ${from} ${to}
                  OUTPUT_VARIABLE line RESULT_VARIABLE s OUTPUT_STRIP_TRAILING_WHITESPACE)
  if(NOT s EQUAL 0)
    message(FATAL_ERROR "wavcheck ${what} failed")
  endif()
  string(REGEX REPLACE "^[a-z_]+=([-0-9.]+).*" "\\1" value "${line}")
  set(${out} ${value} PARENT_SCOPE)
endfunction()

# The timeline: the first tap at 1000 ms after the first frame.
# name:the moment it should sound (ms)
set(expected good:1080 slower:4080 check_in:7080 pain:10080 tired:13080
             pause:16000 ready:19080 resume:22080 stop:25000)
measure(length 0 0 length)
if(length LESS 28000)
  message(FATAL_ERROR "the WAV holds ${length} ms, not the whole virtual timeline")
endif()
foreach(item ${expected})
  string(REGEX REPLACE "^[a-z_]+:" "" at "${item}")
  string(REGEX REPLACE ":.*" "" name "${item}")
  math(EXPR before "${at} - 400")
  math(EXPR after "${at} + 600")
  measure(onset ${before} ${after} onset)
  math(EXPR early "${at} - 5")
  math(EXPR late "${at} + 40")
  if(onset LESS early OR onset GREATER late)
    message(FATAL_ERROR "${name}: expected to start at ${at} ms, started at ${onset} ms")
  endif()
  measure(rms ${at} ${after} level)
  if(level LESS -45)
    message(FATAL_ERROR "${name}: too quiet (${level} dBFS)")
  endif()
  math(EXPR gap_from "${at} + 1900")
  math(EXPR gap_to "${at} + 2800")
  measure(rms ${gap_from} ${gap_to} quiet)
  if(quiet GREATER -70)
    message(FATAL_ERROR "${name}: not silent afterwards (${quiet} dBFS)")
  endif()
  message("${name}: starts at ${onset} ms, ${level} dBFS")
endforeach()
measure(jump 0 0 jump)
if(jump GREATER 0.05)
  message(FATAL_ERROR "a click: a sample-to-sample step of ${jump} of full scale")
endif()
