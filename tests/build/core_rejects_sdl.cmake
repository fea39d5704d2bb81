# SPDX-License-Identifier: GPL-3.0-or-later
cmake_minimum_required(VERSION 3.18)
# The ctest test build.core_rejects_sdl: each core layer, compiled as the build
# compiles it (its own include directories) with SDL's include directories added
# too, cannot include any SDL header, as <NAME.h> or as <SDL2/NAME.h>, and says
# why. The same source compiled without the poison must find the real headers,
# so a poison that went missing, or a header left out of it, fails the test.
#   cmake -DCC=... -DLAYERS="name=dir|dir;..." -DSDL_DIRS="dir|dir" -DHEADERS="a.h;b.h"
#         -DPOISON=dir -DMESSAGE=text -DWORK=dir -P core_rejects_sdl.cmake
foreach(var CC LAYERS SDL_DIRS HEADERS POISON MESSAGE WORK)
  if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
    message(FATAL_ERROR "core_rejects_sdl.cmake needs -D${var}")
  endif()
endforeach()
file(MAKE_DIRECTORY ${WORK})
string(REPLACE "|" ";" sdl_dirs "${SDL_DIRS}")
set(sdl_flags "")
foreach(dir ${sdl_dirs})
  list(APPEND sdl_flags -I${dir})
endforeach()
list(LENGTH HEADERS count)

# One source for each form: every header, each on its own line.
foreach(form plain prefixed)
  set(text "")
  foreach(name ${HEADERS})
    if(form STREQUAL "plain")
      string(APPEND text "#include <${name}>\n")
    else()
      string(APPEND text "#include <SDL2/${name}>\n")
    endif()
  endforeach()
  string(APPEND text "int main(void) { return 0; }\n")
  file(WRITE ${WORK}/${form}.c "${text}")
endforeach()

# The control: without the poison, SDL's own headers are found, in both forms.
file(WRITE ${WORK}/control.c "#include <SDL.h>\n#include <SDL_ttf.h>\n"
     "#include <SDL2/SDL_video.h>\nint main(void) { return 0; }\n")
execute_process(COMMAND ${CC} -std=c11 -fsyntax-only ${sdl_flags} ${WORK}/control.c
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "FAIL: the SDL headers do not compile even without the poison, "
                      "so this test would prove nothing:\n${out}")
endif()

foreach(layer ${LAYERS})
  string(REGEX REPLACE "=.*" "" name "${layer}")
  string(REGEX REPLACE "^[^=]*=" "" dirs "${layer}")
  string(REPLACE "|" ";" dirs "${dirs}")
  if(NOT "${POISON}" IN_LIST dirs)
    message(FATAL_ERROR "FAIL: ${name}'s include directories do not have the poison ${POISON}")
  endif()
  set(flags "")
  foreach(dir ${dirs})
    list(APPEND flags -I${dir})
  endforeach()
  foreach(form plain prefixed)
    # The layer's own directories first, as its compile line has them, then SDL's.
    execute_process(COMMAND ${CC} -std=c11 -fsyntax-only -fmax-errors=0 ${flags} ${sdl_flags}
                            ${WORK}/${form}.c
                    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
    if(rc EQUAL 0)
      message(FATAL_ERROR "FAIL: ${name} compiled every SDL header (${form}): "
                          "the poison is not on its line")
    endif()
    foreach(header ${HEADERS})
      string(FIND "${out}" "${header}: ${MESSAGE}" at)
      if(at LESS 0)
        message(FATAL_ERROR "FAIL: ${name} was not stopped with the poison's message at "
                            "${header} (${form}):\n${out}")
      endif()
    endforeach()
  endforeach()
  message(STATUS "ok: ${name} refuses all ${count} SDL headers, as <NAME.h> and <SDL2/NAME.h>")
endforeach()
