#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The ctest test lint.no_skips: no test may skip. A test that cannot run where
# it is started fails and says why; one that cannot run in a kind of build (under
# qemu, under a sanitizer) is not registered there. This finds the ways a test
# could skip quietly: cmocka's skip(), ctest's SKIP_RETURN_CODE and
# SKIP_REGULAR_EXPRESSION, and the exit status 77 they use.
#   no_skips.sh    (run from the source folder)
set -eu
found=$(grep -rnE '\bskip\(\)|SKIP_RETURN_CODE|SKIP_REGULAR_EXPRESSION|(exit|return|_exit\() ?77\b' \
  tests bench cmake CMakeLists.txt --include='*.c' --include='*.h' --include='*.cmake' \
  --include='*.sh' --include=CMakeLists.txt | grep -v '^tests/lint/no_skips.sh:' || true)
if [ -n "$found" ]; then
  echo "FAIL: a test may not skip (fail with the reason instead):"
  echo "$found" | sed 's/^/  /'
  exit 1
fi
echo "ok: no test can skip"
