# SPDX-License-Identifier: GPL-3.0-or-later
# The core's layers, each a static library that links only what it may use:
#   lull_model <- lull_ui <- lull_app <- lull_screens <- lull_core (frame.c)
# and lull_store links lull_model alone. Two things enforce the direction:
# a layer's compile line finds a poisoned copy (an #error) of every header of
# the layers above it, and build.layers_link links each layer whole, with only
# the layers below it, so a call upwards is an undefined reference.

set(LULL_HEADERS_UI lull/draw.h lull/ui.h lull/theme.h lull/keyboard.h lull/widgets.h
    lull/layout.h lull/geometry.h lull/damage.h)
set(LULL_HEADERS_APP lull/app.h lull/durable.h app/services.h)
set(LULL_HEADERS_SCREENS screens/screens.h)
set(LULL_HEADERS_FRAME lull/frame.h)
set(LULL_HEADERS_STORE lull/store.h)

# The core must never see SDL: every header SDL2 and SDL2_ttf
# install here gets a poisoned copy, as <NAME.h> and as <SDL2/NAME.h>, found
# before the real ones on every core layer's compile line (build.core_rejects_sdl
# proves it, header by header).
set(LULL_POISON ${CMAKE_BINARY_DIR}/poison)
set(LULL_SDL_HEADERS "")
foreach(dir ${SDL2_INCLUDE_DIRS})
  file(GLOB found ${dir}/SDL2/*.h)
  if(dir MATCHES "/SDL2/?$")
    file(GLOB here ${dir}/*.h)
    list(APPEND found ${here})
  endif()
  foreach(header ${found})
    get_filename_component(name ${header} NAME)
    list(APPEND LULL_SDL_HEADERS ${name})
  endforeach()
endforeach()
list(REMOVE_DUPLICATES LULL_SDL_HEADERS)
list(SORT LULL_SDL_HEADERS)
if(NOT "SDL.h" IN_LIST LULL_SDL_HEADERS OR NOT "SDL_ttf.h" IN_LIST LULL_SDL_HEADERS)
  message(FATAL_ERROR "SDL2's headers were not found in ${SDL2_INCLUDE_DIRS}")
endif()
set(LULL_POISON_MESSAGE "the core is pure C11: it must not include SDL (STYLE.md)")
foreach(name ${LULL_SDL_HEADERS})
  foreach(path ${LULL_POISON}/${name} ${LULL_POISON}/SDL2/${name})
    file(WRITE ${path} "#error \"${name}: ${LULL_POISON_MESSAGE}\"\n")
  endforeach()
endforeach()

# Headers target may not include, as #error stand-ins found before the real ones.
function(lull_forbid_headers target)
  set(dir ${CMAKE_BINARY_DIR}/forbidden/${target})
  foreach(header ${ARGN})
    file(WRITE ${dir}/${header}
         "#error \"${target} may not include ${header}: it belongs to a layer above (docs/ARCHITECTURE.md)\"\n")
  endforeach()
  target_include_directories(${target} BEFORE PRIVATE ${dir})
endfunction()

function(lull_core_layer target folder)
  file(GLOB sources CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/${folder}/*.c)
  add_library(${target} STATIC ${sources})
  target_include_directories(${target} PUBLIC ${CMAKE_SOURCE_DIR}/include ${CMAKE_SOURCE_DIR}/src/core)
  target_compile_options(${target} PRIVATE ${LULL_WARNINGS} -Wconversion)
  target_include_directories(${target} BEFORE PRIVATE ${LULL_POISON})
endfunction()

lull_core_layer(lull_model src/core/model)
target_link_libraries(lull_model PUBLIC PkgConfig::INIH m)
lull_forbid_headers(lull_model ${LULL_HEADERS_UI} ${LULL_HEADERS_APP} ${LULL_HEADERS_SCREENS}
                    ${LULL_HEADERS_FRAME} ${LULL_HEADERS_STORE})

lull_core_layer(lull_ui src/core/ui)
target_link_libraries(lull_ui PUBLIC lull_model)
lull_forbid_headers(lull_ui ${LULL_HEADERS_APP} ${LULL_HEADERS_SCREENS} ${LULL_HEADERS_FRAME}
                    ${LULL_HEADERS_STORE})

lull_core_layer(lull_app src/core/app)
target_link_libraries(lull_app PUBLIC lull_ui lull_model)
lull_forbid_headers(lull_app ${LULL_HEADERS_SCREENS} ${LULL_HEADERS_FRAME} ${LULL_HEADERS_STORE})

lull_core_layer(lull_screens src/core/screens)
target_link_libraries(lull_screens PUBLIC lull_app)
lull_forbid_headers(lull_screens ${LULL_HEADERS_FRAME} ${LULL_HEADERS_STORE})

add_library(lull_core STATIC ${CMAKE_SOURCE_DIR}/src/core/frame.c)
target_include_directories(lull_core PUBLIC ${CMAKE_SOURCE_DIR}/include ${CMAKE_SOURCE_DIR}/src/core)
target_compile_options(lull_core PRIVATE ${LULL_WARNINGS} -Wconversion)
target_include_directories(lull_core BEFORE PRIVATE ${LULL_POISON})
target_link_libraries(lull_core PUBLIC lull_screens)
lull_forbid_headers(lull_core ${LULL_HEADERS_STORE})

# Each layer linked whole with only the layers below it: a call to a layer
# above is an undefined reference, and the build fails.
set(LULL_LAYER_BELOW_lull_model "")
set(LULL_LAYER_BELOW_lull_ui lull_model)
set(LULL_LAYER_BELOW_lull_app lull_ui lull_model)
set(LULL_LAYER_BELOW_lull_screens lull_app lull_ui lull_model)
foreach(layer lull_model lull_ui lull_app lull_screens)
  add_executable(${layer}_links_alone ${CMAKE_SOURCE_DIR}/tests/build/layer_main.c)
  target_link_libraries(${layer}_links_alone PRIVATE
                        "$<LINK_LIBRARY:WHOLE_ARCHIVE,${layer}>" ${LULL_LAYER_BELOW_${layer}}
                        PkgConfig::INIH m)
endforeach()
