# End-to-end tests: the real program, headless, driven by automation scripts.
add_executable(imgdiff tests/tools/imgdiff.c)
target_compile_options(imgdiff PRIVATE ${LULL_WARNINGS})
target_link_libraries(imgdiff PRIVATE PkgConfig::PNG)

# lull_e2e(NAME SCRIPT [ARGS ...] [EXIT n] [STDERR regex] [STDOUT regex] [EXPORT csv json])
function(lull_e2e name script)
  cmake_parse_arguments(E "" "EXIT;STDERR;STDOUT" "ARGS;EXPORT" ${ARGN})
  set(defs -DLULL=$<TARGET_FILE:lull> -DIMGDIFF=$<TARGET_FILE:imgdiff>
           -DSCRIPT=${CMAKE_SOURCE_DIR}/tests/e2e/${script} -DNAME=${name}
           -DSRC=${CMAKE_SOURCE_DIR} -DWORK=${CMAKE_BINARY_DIR}/e2e/${name})
  if(E_ARGS)
    string(REPLACE ";" "\\;" args "${E_ARGS}")
    list(APPEND defs "-DARGS=${args}")
  endif()
  if(DEFINED E_EXIT)
    list(APPEND defs -DEXPECT_EXIT=${E_EXIT})
  endif()
  if(DEFINED E_STDERR)
    list(APPEND defs "-DEXPECT_STDERR=${E_STDERR}")
  endif()
  if(DEFINED E_STDOUT)
    list(APPEND defs "-DEXPECT_STDOUT=${E_STDOUT}")
  endif()
  if(DEFINED E_EXPORT)
    string(REPLACE ";" "\\;" formats "${E_EXPORT}")
    list(APPEND defs "-DEXPORT=${formats}")
  endif()
  add_test(NAME e2e.${name} COMMAND ${CMAKE_COMMAND} ${defs} -P ${CMAKE_SOURCE_DIR}/tests/e2e/run.cmake)
endfunction()

lull_e2e(tour tour.lull)
lull_e2e(tour_portrait tour.lull ARGS --size 720x1280)
lull_e2e(tour_rotated tour.lull ARGS --size 480x800 --rotate 90)

# The automation interface itself: its errors and its dump.
lull_e2e(script_bad_line bad_line.lull EXIT 1 STDERR "script:3: ")
lull_e2e(script_failed_expect failed_expect.lull EXIT 1 STDERR "script:2: expected screen signals, but it is home")
lull_e2e(script_ambiguous ambiguous.lull EXIT 1 STDERR "script:3: \"/ Pause\" matches several targets: \"Alex / Pause\", \"Sam / Pause\"")
lull_e2e(script_dump dump.lull STDOUT "\"Pause\" [0-9]+ [0-9]+ [0-9]+ [0-9]+")

# The command line.
add_test(NAME cli.version COMMAND lull --version)
set_tests_properties(cli.version PROPERTIES PASS_REGULAR_EXPRESSION "^lull ${PROJECT_VERSION}")
add_test(NAME cli.help COMMAND lull --help)
set_tests_properties(cli.help PROPERTIES PASS_REGULAR_EXPRESSION "--headless")
add_test(NAME cli.bad_option COMMAND lull --no-such-option)
set_tests_properties(cli.bad_option PROPERTIES WILL_FAIL TRUE)
add_test(NAME cli.export_empty
         COMMAND ${CMAKE_COMMAND} -DLULL=$<TARGET_FILE:lull> -DWORK=${CMAKE_BINARY_DIR}/e2e/export_empty
                 -P ${CMAKE_SOURCE_DIR}/tests/e2e/export_empty.cmake)

add_executable(wavcheck tests/tools/wavcheck.c)
target_compile_options(wavcheck PRIVATE ${LULL_WARNINGS})
target_link_libraries(wavcheck PRIVATE m)

# The signal flow, its screens and its export, event by event.
lull_e2e(signals signals.lull EXPORT csv json)
lull_e2e(signals_portrait signals_portrait.lull ARGS --size 720x1280)
lull_e2e(signals_facing signals_facing.lull)
# Each earcon in the --audio-out WAV at the moment of its tap.
add_test(NAME e2e.signals_earcons
         COMMAND ${CMAKE_COMMAND} -DLULL=$<TARGET_FILE:lull> -DWAVCHECK=$<TARGET_FILE:wavcheck>
                 -DSRC=${CMAKE_SOURCE_DIR} -DWORK=${CMAKE_BINARY_DIR}/e2e/signals_earcons
                 -P ${CMAKE_SOURCE_DIR}/tests/e2e/signals_earcons.cmake)
# A paused session survives the program stopping: the second run starts paused.
add_test(NAME e2e.signals_restart
         COMMAND ${CMAKE_COMMAND} -DLULL=$<TARGET_FILE:lull> -DSRC=${CMAKE_SOURCE_DIR}
                 -DWORK=${CMAKE_BINARY_DIR}/e2e/signals_restart
                 -P ${CMAKE_SOURCE_DIR}/tests/e2e/signals_restart.cmake)
lull_e2e(night night.lull)
