# SPDX-License-Identifier: GPL-3.0-or-later
# Every test belongs to one tier, named by the first part of its name and given
# to ctest as a label, so `ctest -L core` runs just that tier:
#   core       the pure core: links no SQLite, touches no file, runs in milliseconds
#   store      the store on real SQLite files
#   e2e        the real program, headless, driven by the automation script
#   hardening  crashes, damaged and full storage, hostile input, the kiosk's units
#   fuzz       the parsers' corpora
#   package    the .deb, the installed tree, the man page
#   build      the build's own rules (the layers, no SDL in the core)
#   lint       the sources themselves (format, licence lines)
# A test named outside these stops the configuration.
set(LULL_TIERS core store e2e hardening fuzz package build lint)

function(lull_label_tiers)
  get_property(tests DIRECTORY ${CMAKE_SOURCE_DIR} PROPERTY TESTS)
  foreach(test ${tests})
    string(REGEX MATCH "^[a-z0-9]+" tier "${test}")
    if(NOT tier IN_LIST LULL_TIERS)
      message(FATAL_ERROR "test ${test}: a test's name begins with its tier, one of: ${LULL_TIERS}")
    endif()
    get_test_property(${test} LABELS labels)
    if(NOT labels)
      set(labels "")
    endif()
    list(APPEND labels ${tier})
    list(REMOVE_DUPLICATES labels)
    set_tests_properties(${test} PROPERTIES LABELS "${labels}")
  endforeach()
endfunction()
