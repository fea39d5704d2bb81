#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The ctest test lint.format: every C source and header in src include tests
# bench is as clang-format (the .clang-format at the root) would write it.
#   format.sh CLANG_FORMAT    (run from the source folder; CMake finds the program)
# `./dev format` rewrites the files that fail.
set -eu
clang_format=${1:-}
case $clang_format in
'' | *-NOTFOUND)
  echo "FAIL: clang-format is not installed (apt-get install clang-format; ./dev test installs it)" >&2
  exit 1 ;;
esac
version=$("$clang_format" --version)
case $version in
*" version 14."*) ;;
*) echo "note: the style is tuned for clang-format 14; this is: $version" ;;
esac

dirs=
for d in src include tests bench; do
  [ -d "$d" ] && dirs="$dirs $d"
done
list=$(mktemp) out=$(mktemp)
trap 'rm -f "$list" "$out"' EXIT
# shellcheck disable=SC2086
find $dirs -type f \( -name '*.c' -o -name '*.h' \) | LC_ALL=C sort > "$list"
[ -s "$list" ] || { echo "FAIL: no C files under$dirs (run from the source folder)" >&2; exit 1; }

if tr '\n' '\0' < "$list" | xargs -0 "$clang_format" --dry-run --Werror > "$out" 2>&1; then
  echo "ok: $(wc -l < "$list") files formatted as .clang-format says ($version)"
  exit 0
fi
# One line a file, with how many of its lines would change, then the first few details.
echo "FAIL: these files are not formatted as .clang-format says (./dev format fixes them):"
sed -n 's/^\([^:]*\):[0-9]*:[0-9]*: error: code should be clang-formatted.*/\1/p' "$out" |
  uniq -c | awk '{ printf "  %s (%d places)\n", $2, $1 }'
echo "The first of them:"
head -n 30 "$out"
exit 1
