# SPDX-License-Identifier: GPL-3.0-or-later
# End-to-end tests: the real program, headless, driven by automation scripts.

# The programs the scripts run. Cross-compiling, these are small scripts that
# run the real ones through qemu (see "installing and the .deb" in CMakeLists.txt).
set(LULL_RUN $<TARGET_FILE:lull>)
set(IMGDIFF_RUN $<TARGET_FILE:imgdiff>)
set(WAVCHECK_RUN $<TARGET_FILE:wavcheck>)

add_executable(imgdiff tests/tools/imgdiff.c)
target_compile_options(imgdiff PRIVATE ${LULL_WARNINGS})
target_link_libraries(imgdiff PRIVATE PkgConfig::PNG)

# lull_e2e(NAME SCRIPT [ARGS ...] [EXIT n] [STDERR regex] [STDOUT regex] [EXPORT csv json])
function(lull_e2e name script)
  cmake_parse_arguments(E "" "EXIT;STDERR;STDOUT;CLOCK" "ARGS;EXPORT" ${ARGN})
  set(defs "-DLULL=${LULL_RUN}" "-DIMGDIFF=${IMGDIFF_RUN}"
           -DSCRIPT=${CMAKE_SOURCE_DIR}/tests/e2e/${script} -DNAME=${name}
           -DSRC=${CMAKE_SOURCE_DIR} -DWORK=${CMAKE_BINARY_DIR}/e2e/${name})
  if(E_ARGS)
    string(REPLACE ";" "\\;" args "${E_ARGS}")
    list(APPEND defs "-DARGS=${args}")
  endif()
  if(DEFINED E_EXIT)
    list(APPEND defs -DEXPECT_EXIT=${E_EXIT})
  endif()
  if(DEFINED E_CLOCK)
    list(APPEND defs -DCLOCK=${E_CLOCK})
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
add_test(NAME e2e.cli_version COMMAND lull --version)
set_tests_properties(e2e.cli_version PROPERTIES PASS_REGULAR_EXPRESSION "^lull ${PROJECT_VERSION}")
add_test(NAME e2e.cli_help COMMAND lull --help)
set_tests_properties(e2e.cli_help PROPERTIES PASS_REGULAR_EXPRESSION "--headless")
add_test(NAME e2e.cli_bad_option
         COMMAND ${CMAKE_COMMAND} -DLULL=${LULL_RUN} -DARGS=--no-such-option -DEXIT=2
                 "-DSTDERR=^lull: unknown option --no-such-option\nTry 'lull --help'\.\n$"
                 -P ${CMAKE_SOURCE_DIR}/tests/e2e/cli.cmake)
add_test(NAME e2e.cli_export_empty
         COMMAND ${CMAKE_COMMAND} -DLULL=${LULL_RUN} -DWORK=${CMAKE_BINARY_DIR}/e2e/export_empty
                 -P ${CMAKE_SOURCE_DIR}/tests/e2e/export_empty.cmake)

# The replaceable data files of assets/: replaced, damaged and missing.
# Cross-compiled (see CMakeLists.txt), the copy is the real program, run through qemu.
set(LULL_REAL $<TARGET_FILE:lull>)
set(LULL_EMULATOR_DEF "")
if(CMAKE_CROSSCOMPILING AND CMAKE_CROSSCOMPILING_EMULATOR)
  set(LULL_REAL $<TARGET_FILE:lull>.${CMAKE_SYSTEM_PROCESSOR})
  list(JOIN CMAKE_CROSSCOMPILING_EMULATOR "|" emulator)
  set(LULL_EMULATOR_DEF "-DEMULATOR=${emulator}")
endif()
add_test(NAME e2e.assets_replaced_and_damaged
         COMMAND ${CMAKE_COMMAND} -DLULL=${LULL_RUN} -DREAL=${LULL_REAL}
                 ${LULL_EMULATOR_DEF} -DSRC=${CMAKE_SOURCE_DIR}
                 -DWORK=${CMAKE_BINARY_DIR}/e2e/assets -P ${CMAKE_SOURCE_DIR}/tests/e2e/assets.cmake)

# The accelerated renderer (a Pi's OpenGL ES, here Mesa's) draws what the
# software renderer draws, screen by screen.
add_test(NAME e2e.accelerated
         COMMAND ${CMAKE_COMMAND} -DLULL=${LULL_RUN} -DIMGDIFF=${IMGDIFF_RUN}
                 -DSRC=${CMAKE_SOURCE_DIR} -DWORK=${CMAKE_BINARY_DIR}/e2e/accelerated
                 -P ${CMAKE_SOURCE_DIR}/tests/e2e/accelerated.cmake)

add_executable(wavcheck tests/tools/wavcheck.c)
target_compile_options(wavcheck PRIVATE ${LULL_WARNINGS})
target_link_libraries(wavcheck PRIVATE m PkgConfig::SNDFILE)

# The signal flow, its screens and its export, event by event.
lull_e2e(signals signals.lull EXPORT csv json)
lull_e2e(signals_portrait signals_portrait.lull ARGS --size 720x1280)
lull_e2e(signals_facing signals_facing.lull)
lull_e2e(home_paused home_paused.lull)
lull_e2e(carry_on carry_on.lull EXPORT csv)
lull_e2e(home_paused_portrait home_paused.lull ARGS --size 720x1280)
# Under a signal's wash nothing hidden fires; Pause is on top of it.
add_test(NAME e2e.wash_lets_nothing_through
         COMMAND ${CMAKE_COMMAND} -DLULL=${LULL_RUN} -DSRC=${CMAKE_SOURCE_DIR}
                 -DWORK=${CMAKE_BINARY_DIR}/e2e/wash -P ${CMAKE_SOURCE_DIR}/tests/e2e/wash.cmake)
# Each earcon in the --audio-out WAV at the moment of its tap.
add_test(NAME e2e.signals_earcons
         COMMAND ${CMAKE_COMMAND} -DLULL=${LULL_RUN} -DWAVCHECK=${WAVCHECK_RUN}
                 -DSRC=${CMAKE_SOURCE_DIR} -DWORK=${CMAKE_BINARY_DIR}/e2e/signals_earcons
                 -P ${CMAKE_SOURCE_DIR}/tests/e2e/signals_earcons.cmake)
# A paused session survives the program stopping: the second run starts paused.
add_test(NAME e2e.signals_restart
         COMMAND ${CMAKE_COMMAND} -DLULL=${LULL_RUN} -DSRC=${CMAKE_SOURCE_DIR}
                 -DWORK=${CMAKE_BINARY_DIR}/e2e/signals_restart
                 -P ${CMAKE_SOURCE_DIR}/tests/e2e/signals_restart.cmake)
lull_e2e(night night.lull)
# Guided breathing: the screens and the export; holds, a tap-pause of any length and
# an early end; breathing together from the paused board; night colours.
lull_e2e(breathe breathe.lull EXPORT csv json)
lull_e2e(breathe_portrait breathe.lull ARGS --size 720x1280)
lull_e2e(breathe_hold breathe_hold.lull EXPORT csv)
lull_e2e(breathe_together breathe_together.lull EXPORT csv)
lull_e2e(breathe_night breathe_night.lull)
lull_e2e(breathe_short breathe_short.lull EXPORT csv)
# What breathing sounds like in --audio-out: the bed, the dim while paused, each cue
# tone at its boundary, the gong, silence after, no clicks, and the couple's own file.
add_test(NAME e2e.breathe_audio
         COMMAND ${CMAKE_COMMAND} -DLULL=${LULL_RUN} -DWAVCHECK=${WAVCHECK_RUN}
                 -DSRC=${CMAKE_SOURCE_DIR} -DWORK=${CMAKE_BINARY_DIR}/e2e/breathe_audio
                 -P ${CMAKE_SOURCE_DIR}/tests/e2e/breathe_audio.cmake)

# Kiosk behaviour: a clock that is plainly wrong is set by hand; idle dims to a
# faint clock that the first tap only wakes; a 3-second hold on the corner leaves.
lull_e2e(kiosk_clock kiosk_clock.lull CLOCK fake=1970-01-01T00:00)
lull_e2e(kiosk_leave kiosk_leave.lull EXIT 1
         STDERR "script:20: Lull has left already")

# The journal: an entry with chips, ratings and a note typed with accented letters
# and emoji, found in the timeline, edited, deleted and undone, and in both exports
# (journal_bytes checks the bytes, CRLF and all, and exporting from Settings to a
# USB stick or the data folder); a tall screen; the PIN lock.
lull_e2e(journal journal.lull EXPORT csv json)
lull_e2e(journal_portrait journal_portrait.lull ARGS --size 720x1280)
lull_e2e(entry_drafts entry_drafts.lull EXPORT csv)
lull_e2e(typed_survives_pause typed_survives_pause.lull)
lull_e2e(keyboard_tired keyboard_tired.lull)
lull_e2e(journal_pin journal_pin.lull)
add_test(NAME e2e.journal_bytes
         COMMAND ${CMAKE_COMMAND} -DLULL=${LULL_RUN} -DSRC=${CMAKE_SOURCE_DIR}
                 -DWORK=${CMAKE_BINARY_DIR}/e2e/journal_bytes
                 -P ${CMAKE_SOURCE_DIR}/tests/e2e/journal_bytes.cmake)
# lull seed-demo's journal: the timeline dragged and flicked, Insights, and every
# figure of `lull insights` (text and JSON) found on the Insights screen.
add_test(NAME e2e.journal_seeded
         COMMAND ${CMAKE_COMMAND} -DLULL=${LULL_RUN} -DIMGDIFF=${IMGDIFF_RUN}
                 -DSRC=${CMAKE_SOURCE_DIR} -DNAME=journal_seeded
                 -DWORK=${CMAKE_BINARY_DIR}/e2e/journal_seeded
                 -P ${CMAKE_SOURCE_DIR}/tests/e2e/journal_seeded.cmake)

# A breathing session that was running when the power went is logged as interrupted.
add_test(NAME e2e.night_light
         COMMAND ${CMAKE_COMMAND} -DLULL=$<TARGET_FILE:lull> -DSRC=${CMAKE_SOURCE_DIR}
                 -DWORK=${CMAKE_BINARY_DIR}/e2e/night_light
                 -P ${CMAKE_SOURCE_DIR}/tests/e2e/night_light.cmake)
add_test(NAME e2e.breathe_interrupted
         COMMAND ${CMAKE_COMMAND} -DLULL=$<TARGET_FILE:lull> -DSRC=${CMAKE_SOURCE_DIR}
                 -DWORK=${CMAKE_BINARY_DIR}/e2e/breathe_interrupted
                 -P ${CMAKE_SOURCE_DIR}/tests/e2e/breathe_interrupted.cmake)

# The panel's backlight goes down with the dim screen and comes back on waking.
if(CMOCKA_FOUND)
  add_executable(test_backlight tests/tools/test_backlight.c src/platform/backlight.c)
  target_compile_options(test_backlight PRIVATE ${LULL_WARNINGS})
  target_compile_definitions(test_backlight PRIVATE ${LULL_POSIX})
  target_link_libraries(test_backlight PRIVATE PkgConfig::CMOCKA)
  add_test(NAME hardening.backlight COMMAND test_backlight)
  # Emoji in a name or a note are drawn by the symbol face, not as boxes.
  add_executable(test_text tests/tools/test_text.c)
  target_compile_options(test_text PRIVATE ${LULL_WARNINGS})
  target_link_libraries(test_text PRIVATE lull_platform PkgConfig::CMOCKA)
  add_test(NAME e2e.text_symbols COMMAND test_text)
  set_tests_properties(e2e.text_symbols PROPERTIES ENVIRONMENT "SDL_VIDEODRIVER=offscreen")
endif()
