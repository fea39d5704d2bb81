# SPDX-License-Identifier: GPL-3.0-or-later
# Checks of the .deb that cpack made in this build folder, labelled "package":
# ./dev package and ./dev test-arm64 run cpack, then ctest (-L package). A check
# whose tool (lintian, desktop-file-validate, appstreamcli, systemd-analyze) is
# not installed is reported as skipped.
if(CPACK_DEBIAN_PACKAGE_ARCHITECTURE)
  set(LULL_DEB_ARCH ${CPACK_DEBIAN_PACKAGE_ARCHITECTURE})
else()
  execute_process(COMMAND dpkg --print-architecture OUTPUT_VARIABLE LULL_DEB_ARCH
                  OUTPUT_STRIP_TRAILING_WHITESPACE)
endif()
set(LULL_DEB ${CMAKE_BINARY_DIR}/lull_${PROJECT_VERSION}_${LULL_DEB_ARCH}.deb)

foreach(check contents lintian desktop appstream systemd run)
  add_test(NAME package.${check}
           COMMAND sh ${CMAKE_SOURCE_DIR}/tests/package/check-deb.sh ${check} ${LULL_DEB}
                   ${PROJECT_VERSION} ${LULL_DEB_ARCH} ${CMAKE_SOURCE_DIR} ${LULL_EMULATOR_ARGS})
  set_tests_properties(package.${check} PROPERTIES LABELS package)
endforeach()
