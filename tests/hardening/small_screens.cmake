# SPDX-License-Identifier: GPL-3.0-or-later
# Small screens, honest sizes: 480×320 and 320×480 (small Pi panels) would need
# buttons under 12 mm, so Lull refuses them, names the smallest size that
# holds its buttons, and creates nothing; 800×480 and 720×1280 start.
#   cmake -DLULL=... -DWORK=... -P small_screens.cmake
include(${CMAKE_CURRENT_LIST_DIR}/common.cmake)
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
file(WRITE ${WORK}/quit.lull "quit\n")
foreach(size 480x320 320x480)
  execute_process(COMMAND ${CMAKE_COMMAND} -E env SDL_AUDIODRIVER=dummy ${LULL} --headless
                          --clock fake --size ${size} --db ${WORK}/${size}/lull.db
                          --script ${WORK}/quit.lull
                  RESULT_VARIABLE status ERROR_VARIABLE err)
  if(status EQUAL 0 OR NOT err MATCHES "too small for Lull's 12 mm buttons: it needs at least")
    message(FATAL_ERROR "${size}: exit ${status}: ${err}")
  endif()
  if(EXISTS ${WORK}/${size})
    message(FATAL_ERROR "${size}: refused, but made ${WORK}/${size}")
  endif()
  message("${size}: refused, and said why")
endforeach()
foreach(size 800x480 720x1280)
  execute_process(COMMAND ${CMAKE_COMMAND} -E env SDL_AUDIODRIVER=dummy ${LULL} --headless
                          --clock fake --size ${size} --db ${WORK}/${size}/lull.db
                          --script ${WORK}/quit.lull
                  RESULT_VARIABLE status ERROR_VARIABLE err)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "${size}: exit ${status}: ${err}")
  endif()
endforeach()
