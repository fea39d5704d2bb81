# SPDX-License-Identifier: GPL-3.0-or-later
# Issue 8, hardening: nothing lost under crashes, full disks and bad input; no
# way in for anyone else. Each guarantee in the README's "Reliability and
# privacy" is one or more of these tests (names hardening.* and fuzz.*).
# Slow ones carry the label "slow"; ./dev test (and CI) runs them all.
set(HARD ${CMAKE_SOURCE_DIR}/tests/hardening)
set(HARD_WORK ${CMAKE_BINARY_DIR}/hardening)
set(HARD_CONF ${CMAKE_SOURCE_DIR}/tests/e2e/couple.conf)
# Cross-built (./dev test-arm64), every program runs through qemu: tests that
# look at the process itself (its memory, its system calls, valgrind, the
# binary's imports, namespaces) say nothing there and are left out, and the
# long ones are shortened.
set(HARD_NATIVE ON)
if(CMAKE_CROSSCOMPILING)
  set(HARD_NATIVE OFF)
endif()

function(lull_hard_tool name)
  add_executable(${name} ${ARGN})
  target_compile_options(${name} PRIVATE ${LULL_WARNINGS})
  target_compile_definitions(${name} PRIVATE ${LULL_POSIX})
endfunction()

lull_hard_tool(hard_dbtool ${HARD}/dbtool.c ${HARD}/proc.c)
target_link_libraries(hard_dbtool PRIVATE PkgConfig::SQLITE3)

# A cmake -P script of tests/hardening with the usual variables.
function(lull_hard_script name script)
  add_test(NAME hardening.${name}
           COMMAND ${CMAKE_COMMAND} -DLULL=$<TARGET_FILE:lull> -DDBTOOL=$<TARGET_FILE:hard_dbtool>
                   -DSRC=${CMAKE_SOURCE_DIR} -DWORK=${HARD_WORK}/${name} ${ARGN}
                   -P ${HARD}/${script})
endfunction()

# ---- 1. Crashes: SIGKILL at random moments, 60 times on one journal. ----------
lull_hard_tool(hard_crashtest ${HARD}/crashtest.c ${HARD}/proc.c)
target_link_libraries(hard_crashtest PRIVATE PkgConfig::SQLITE3)
if(HARD_NATIVE)
  set(HARD_KILLS 60)
else()
  set(HARD_KILLS 10)
endif()
add_test(NAME hardening.crash_sigkill
         COMMAND hard_crashtest $<TARGET_FILE:lull> ${HARD_CONF} ${HARD_WORK}/crash ${HARD_KILLS})
set_tests_properties(hardening.crash_sigkill PROPERTIES LABELS slow TIMEOUT 600)

# ---- 2. A full or failing disk. -------------------------------------------------
lull_hard_script(storage_full_injected storage_full.cmake -DFAULT=full)
lull_hard_script(storage_failing_injected storage_full.cmake -DFAULT=io)
lull_hard_tool(hard_tmpfsfull ${HARD}/tmpfsfull.c ${HARD}/ns.c ${HARD}/proc.c)
target_link_libraries(hard_tmpfsfull PRIVATE PkgConfig::SQLITE3)
if(HARD_NATIVE)
  add_test(NAME hardening.storage_full_tmpfs
           COMMAND hard_tmpfsfull $<TARGET_FILE:lull> ${HARD_CONF} ${HARD_WORK}/tmpfs)
  set_tests_properties(hardening.storage_full_tmpfs PROPERTIES TIMEOUT 120)
endif()

# ---- 3. A damaged or foreign journal. -------------------------------------------
foreach(case random truncated damaged_page foreign future readonly locked)
  lull_hard_script(damaged_${case} damaged.cmake -DCASE=${case})
endforeach()
# Issue 13.3: a file that is not Lull's is never touched (bytes, mode, time, neighbours).
lull_hard_script(foreign_untouched untouched.cmake)
# Issue 13.4 and 13.6: where the journal is, and exports that are never cut.
lull_hard_script(paths paths.cmake)
# Issue 13.1: nothing in the sounds folder freezes the kiosk.
lull_hard_script(sounds_freeze sounds_freeze.cmake -DSANITIZED=${LULL_SANITIZE})
# Issue 14.2: a silent sound device is closed, and opened again for the next sound.
lull_hard_script(sound_rests sound_rests.cmake)
# Issue 13.9: thousands of sound files; SIGTERM while an entry is written.
lull_hard_script(many_sounds many_sounds.cmake)
lull_hard_script(drafts_sigterm drafts_sigterm.cmake)
# Issue 13.4: the journal or its -wal deleted, or replaced, while Lull runs.
lull_hard_script(files_changed files_changed.cmake)
# Issue 13.5: one journal, one Lull.
lull_hard_script(one_lull one_lull.cmake)
# Issue 13.7: figures right in every season.
lull_hard_script(seasons seasons.cmake)
# Issue 13.8: a screen too small for 12 mm buttons is refused.
lull_hard_script(small_screens small_screens.cmake)
# Issue 13.9: screenshots and audio 0600, no core dumps.
lull_hard_script(private_files private_files.cmake)

# The store's refusals and faults, and the app's waiting writes, as unit tests.
if(CMOCKA_FOUND)
  foreach(name test_store_hardening test_durable)
    add_executable(hard_${name} ${HARD}/${name}.c ${CMAKE_SOURCE_DIR}/tests/support/fakes.c)
    target_compile_options(hard_${name} PRIVATE ${LULL_WARNINGS})
    target_compile_definitions(hard_${name} PRIVATE ${LULL_POSIX})
    target_link_libraries(hard_${name} PRIVATE lull_store lull_core PkgConfig::CMOCKA)
    add_test(NAME hardening.${name} COMMAND hard_${name})
  endforeach()
endif()

# ---- 6. A monkey: 100,000 random inputs over every screen (ASan in build-asan). --
add_executable(hard_monkey ${HARD}/monkey.c ${HARD}/formats.c ${CMAKE_SOURCE_DIR}/tests/support/fakes.c
               ${CMAKE_SOURCE_DIR}/src/platform/host.c ${CMAKE_SOURCE_DIR}/src/platform/journal_host.c
               ${CMAKE_SOURCE_DIR}/src/platform/paths.c)
target_compile_options(hard_monkey PRIVATE ${LULL_WARNINGS})
target_compile_definitions(hard_monkey PRIVATE ${LULL_POSIX})
target_link_libraries(hard_monkey PRIVATE lull_store lull_core)
if(HARD_NATIVE)
  add_test(NAME hardening.monkey COMMAND hard_monkey 100000)
else()
  add_test(NAME hardening.monkey COMMAND hard_monkey 10000)
endif()
set_tests_properties(hardening.monkey PROPERTIES LABELS slow TIMEOUT 600)

# ---- 5. Fuzzing: config, script, CLI, export round trip, UTF-8 editing. ------
# With clang and -DLULL_FUZZ=ON (./dev test does this in build-fuzz) they are
# libFuzzer targets under ASan+UBSan, each run for LULL_FUZZ_SECONDS; in every
# other build the same targets replay their corpus and 2000 fixed mutations.
option(LULL_FUZZ "Build the libFuzzer targets (needs clang)" OFF)
set(LULL_FUZZ_SECONDS 15 CACHE STRING "How long each fuzz.* test fuzzes")
set(LULL_FUZZ_TARGETS config script cli export utf8)
set(FUZZ ${CMAKE_SOURCE_DIR}/tests/fuzz)
if(LULL_FUZZ)
  if(NOT CMAKE_C_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "LULL_FUZZ needs clang: -DCMAKE_C_COMPILER=clang")
  endif()
  # Coverage for the code under test, so libFuzzer is guided by it.
  target_compile_options(lull_core PRIVATE -fsanitize=fuzzer-no-link)
  target_compile_options(lull_store PRIVATE -fsanitize=fuzzer-no-link)
  add_custom_target(fuzz_all)
endif()
foreach(t ${LULL_FUZZ_TARGETS})
  set(sources ${FUZZ}/fuzz_${t}.c)
  if(t STREQUAL "export")
    list(APPEND sources ${HARD}/formats.c)
  endif()
  set(corpus ${FUZZ}/corpus/${t})
  if(t STREQUAL "script")
    list(APPEND corpus ${CMAKE_SOURCE_DIR}/tests/e2e)
  endif()
  if(LULL_FUZZ)
    add_executable(fuzz_${t} ${sources})
    target_compile_options(fuzz_${t} PRIVATE ${LULL_WARNINGS} -fsanitize=fuzzer)
    target_link_options(fuzz_${t} PRIVATE -fsanitize=fuzzer)
    target_compile_definitions(fuzz_${t} PRIVATE ${LULL_POSIX})
    target_link_libraries(fuzz_${t} PRIVATE lull_store lull_core)
    add_dependencies(fuzz_all fuzz_${t})
    # New inputs go to the build's corpus (the first folder); crashes to artifacts.
    file(MAKE_DIRECTORY ${HARD_WORK}/fuzz-corpus/${t} ${HARD_WORK}/fuzz-artifacts)
    add_test(NAME fuzz.${t}
             COMMAND fuzz_${t} -max_total_time=${LULL_FUZZ_SECONDS} -timeout=10
                     -rss_limit_mb=2048 -print_final_stats=1
                     -artifact_prefix=${HARD_WORK}/fuzz-artifacts/${t}-
                     ${HARD_WORK}/fuzz-corpus/${t} ${corpus})
    set_tests_properties(fuzz.${t} PROPERTIES LABELS fuzz TIMEOUT 300)
  else()
    add_executable(fuzz_replay_${t} ${sources} ${FUZZ}/replay.c)
    target_compile_options(fuzz_replay_${t} PRIVATE ${LULL_WARNINGS})
    target_compile_definitions(fuzz_replay_${t} PRIVATE ${LULL_POSIX})
    target_link_libraries(fuzz_replay_${t} PRIVATE lull_store lull_core)
    add_test(NAME fuzz.replay_${t} COMMAND fuzz_replay_${t} -mutations=2000 ${corpus})
  endif()
endforeach()

# ---- 8. Privacy and security. ----------------------------------------------------
# SQL only with bound parameters: a lint over every source file (headers first,
# for their macros), and the lint's own test on a fixture of bad SQL.
lull_hard_tool(hard_sql_lint ${HARD}/sql_lint.c)
file(GLOB HARD_SQL_HEADERS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/*/*.h ${CMAKE_SOURCE_DIR}/include/lull/*.h)
file(GLOB HARD_SQL_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/*/*.c)
add_test(NAME hardening.sql_lint COMMAND hard_sql_lint ${HARD_SQL_HEADERS} ${HARD_SQL_SOURCES})
add_test(NAME hardening.sql_lint_catches
         COMMAND hard_sql_lint --expect 7 ${HARD}/sql_lint/bad.c.txt)
add_test(NAME hardening.sql_lint_allows COMMAND hard_sql_lint ${HARD}/sql_lint/good.c.txt)
# No network: a seccomp filter that kills at the first non-local socket, strace,
# and the program's own imports.
lull_hard_tool(hard_nonet ${HARD}/nonet.c)
set(HARD_NETWORK_MODES seccomp strace symbols)
if(NOT HARD_NATIVE)
  set(HARD_NETWORK_MODES symbols) # the others would see qemu's system calls, not Lull's
endif()
if(NOT DEFINED LULL_BINARY)
  set(LULL_BINARY $<TARGET_FILE:lull>)
endif()
foreach(mode ${HARD_NETWORK_MODES})
  add_test(NAME hardening.no_network_${mode}
           COMMAND ${CMAKE_COMMAND} -DLULL=$<TARGET_FILE:lull> -DNONET=$<TARGET_FILE:hard_nonet>
                   -DBINARY=${LULL_BINARY} -DNM=${CMAKE_NM}
                   -DSRC=${CMAKE_SOURCE_DIR} -DWORK=${HARD_WORK}/no_network_${mode} -DMODE=${mode}
                   -P ${HARD}/network.cmake)
endforeach()
foreach(mode modes logs formulas)
  lull_hard_script(privacy_${mode} privacy.cmake -DMODE=${mode})
endforeach()
# The kiosk units: unprivileged and sandboxed (written with the package).
foreach(unit lull-kiosk lull-cage)
  add_test(NAME hardening.unit_${unit}
           COMMAND ${CMAKE_COMMAND} -DSRC=${CMAKE_SOURCE_DIR} -DUNIT=${unit}.service
                   -P ${HARD}/kiosk_unit.cmake)
endforeach()

# ---- 4. Bad input everywhere. ------------------------------------------------------
lull_hard_tool(hard_nsrun ${HARD}/nsrun.c ${HARD}/ns.c)
set(HARD_INPUT_CASES config script sounds assets cli)
if(HARD_NATIVE)
  list(APPEND HARD_INPUT_CASES font)
endif()
foreach(case ${HARD_INPUT_CASES})
  lull_hard_script(bad_input_${case} bad_input.cmake -DCASE=${case}
                   -DNSRUN=$<TARGET_FILE:hard_nsrun> -DSANITIZED=${LULL_SANITIZE})
endforeach()
# Issue 13.2: a journal on read-only storage is read whole.
lull_hard_script(read_only_storage read_only.cmake -DNSRUN=$<TARGET_FILE:hard_nsrun>)

# ---- 7. Leaks and soak. -------------------------------------------------------------
if(NOT LULL_SANITIZE AND HARD_NATIVE) # valgrind and the sanitizers do not mix
  add_test(NAME hardening.valgrind_memcheck
           COMMAND ${CMAKE_COMMAND} -DLULL=$<TARGET_FILE:lull> -DSRC=${CMAKE_SOURCE_DIR}
                   -DWORK=${HARD_WORK}/valgrind -P ${HARD}/valgrind.cmake)
  set_tests_properties(hardening.valgrind_memcheck PROPERTIES LABELS slow TIMEOUT 600)
endif()
lull_hard_tool(hard_soak ${HARD}/soak.c ${HARD}/proc.c)
if(NOT HARD_NATIVE)
  # (the resident memory would be qemu's)
elseif(LULL_SANITIZE)
  # Under ASan the point is leaks and errors over a long run; its allocator's
  # quarantine would blur the memory curve, so it is turned off here, and its
  # redzones take more room (hence 16 MB for the rest).
  add_test(NAME hardening.soak COMMAND hard_soak $<TARGET_FILE:lull> ${HARD_CONF} ${HARD_WORK}/soak 18 16384)
  set_tests_properties(hardening.soak PROPERTIES
                       ENVIRONMENT "SDL_AUDIODRIVER=dummy;ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:quarantine_size_mb=0")
else()
  add_test(NAME hardening.soak COMMAND hard_soak $<TARGET_FILE:lull> ${HARD_CONF} ${HARD_WORK}/soak 24)
  set_tests_properties(hardening.soak PROPERTIES ENVIRONMENT "SDL_AUDIODRIVER=dummy")
endif()
if(HARD_NATIVE)
  set_tests_properties(hardening.soak PROPERTIES LABELS slow TIMEOUT 900)
endif()
