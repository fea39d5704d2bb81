# SPDX-License-Identifier: GPL-3.0-or-later
# Checks of the sources themselves, labelled "lint" (ctest -L lint): the
# formatting of the C code (.clang-format), a licence line in every file
# (packaging/spdx.sh) and no test that can skip (no_skips.sh). They read the
# source folder, never the build.

# A missing clang-format fails lint.format rather than skipping it: ./dev test
# installs it, and a check that quietly does not run checks nothing.
find_program(LULL_CLANG_FORMAT NAMES clang-format-14 clang-format)
add_test(NAME lint.format
         COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/format.sh ${LULL_CLANG_FORMAT}
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
add_test(NAME lint.spdx
         COMMAND sh ${CMAKE_SOURCE_DIR}/packaging/spdx.sh --check
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
add_test(NAME lint.no_skips
         COMMAND sh ${CMAKE_CURRENT_LIST_DIR}/no_skips.sh
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(lint.format lint.spdx lint.no_skips PROPERTIES LABELS lint)
