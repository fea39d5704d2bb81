# SPDX-License-Identifier: GPL-3.0-or-later
# The benchmark driver (./dev bench, bench/README.md): built with everything so
# it keeps compiling, run only by ./dev bench. Not a test.
add_executable(lull_bench bench/bench.c)
# The platform's headers by quotes only: its png.h must not hide libpng's.
target_compile_options(lull_bench PRIVATE ${LULL_WARNINGS} -iquote ${CMAKE_SOURCE_DIR}/src/platform)
target_link_libraries(lull_bench PRIVATE lull_platform)

# Not a measure but a check, cheap enough for every run: drawing only what
# changed gives the picture that drawing everything gives.
add_test(NAME e2e.partial_redraw_matches_whole
         COMMAND lull_bench verify ${CMAKE_SOURCE_DIR}/tests/e2e/couple.conf
                 ${CMAKE_BINARY_DIR}/render-verify/lull.db)
set_tests_properties(e2e.partial_redraw_matches_whole PROPERTIES ENVIRONMENT SDL_AUDIODRIVER=none)
