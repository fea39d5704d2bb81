# SPDX-License-Identifier: GPL-3.0-or-later
# The accelerated renderer, which a Pi gets through KMSDRM (OpenGL ES), where
# the software renderer's partial redraw does not apply: every frame is drawn
# whole. The same tour runs headless with SDL_RENDER_DRIVER=opengles2 (Mesa,
# on the processor) and with the software renderer, and every screenshot of the
# one must look like the other's: the same shapes in the same places in the same
# colours, only their anti-aliased edges differ.
#   cmake -DLULL=... -DIMGDIFF=... -DSRC=... -DWORK=... -P accelerated.cmake
file(REMOVE_RECURSE "${WORK}")
foreach(renderer software opengles2)
  file(MAKE_DIRECTORY "${WORK}/${renderer}")
  # Under AddressSanitizer, Mesa's driver (loaded by SDL, unloaded at exit) leaves
  # its own allocations behind, out of reach of a suppression once unloaded; the
  # software run, the same code but the renderer, keeps leak detection on.
  set(leaks "")
  if(renderer STREQUAL "opengles2")
    set(leaks ASAN_OPTIONS=detect_leaks=0:abort_on_error=1)
  endif()
  execute_process(
    COMMAND ${CMAKE_COMMAND} -E env SDL_AUDIODRIVER=dummy SDL_RENDER_DRIVER=${renderer}
            LANG=C.UTF-8 TZ=UTC ${leaks}
            ${LULL} --headless --clock fake=2026-01-05T21:00 --db ${WORK}/${renderer}/lull.db
            --config ${SRC}/tests/e2e/couple.conf --script ${SRC}/tests/e2e/accelerated.lull
            --screenshots ${WORK}/${renderer}
    RESULT_VARIABLE status ERROR_VARIABLE err TIMEOUT 300)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "FAIL: the ${renderer} run exited ${status}: ${err}")
  endif()
  # SDL falls back to another renderer without a word: the run must say which.
  if(NOT err MATCHES "lull: renderer ${renderer}\n")
    message(FATAL_ERROR "FAIL: the run did not draw with ${renderer} (Mesa's EGL and DRI "
                        "drivers, libegl-mesa0 and libgl1-mesa-dri, are in ./dev's test packages): ${err}")
  endif()
endforeach()
file(GLOB shots RELATIVE "${WORK}/software" "${WORK}/software/*.png")
list(LENGTH shots count)
if(count LESS 11)
  message(FATAL_ERROR "FAIL: the tour made ${count} screenshots, not 11")
endif()
set(failed "")
foreach(shot ${shots})
  if(NOT EXISTS "${WORK}/opengles2/${shot}")
    message(FATAL_ERROR "FAIL: the OpenGL ES run made no ${shot}")
  endif()
  execute_process(COMMAND ${IMGDIFF} --block 8 --layout 12 "${WORK}/opengles2/${shot}"
                          "${WORK}/software/${shot}" "${WORK}/software/${shot}.text"
                  RESULT_VARIABLE diff OUTPUT_VARIABLE out)
  message("${shot}: ${out}")
  if(NOT diff EQUAL 0)
    list(APPEND failed ${shot})
  endif()
endforeach()
if(failed)
  message(FATAL_ERROR "FAIL: OpenGL ES drew differently: ${failed} (see ${WORK})")
endif()
message(STATUS "ok: ${count} screens drawn alike by OpenGL ES and the software renderer")
