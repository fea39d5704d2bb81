#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Every source file of Lull says its licence in its first lines, as packaging/copyright does:
#   C sources and headers    /* SPDX-License-Identifier: GPL-3.0-or-later */ as the first line
#   CMakeLists.txt, *.cmake,  # SPDX-License-Identifier: GPL-3.0-or-later at the top, or
#   shell scripts             under the #! line
#
#   spdx.sh --check   list the files without an SPDX-License-Identifier line; fail if any
#   spdx.sh --add     give those files the line (the files' other lines are left alone)
#
# A file that names another licence in its own SPDX line keeps it. The files are
# git's (tracked and new, not ignored) or, outside a git checkout, those found
# under the source folder less .git, dist and build folders (any with a CMakeCache.txt).
set -eu
cd "$(dirname "$0")/.."

LICENCE=GPL-3.0-or-later
C_LINE="/* SPDX-License-Identifier: $LICENCE */"
HASH_LINE="# SPDX-License-Identifier: $LICENCE"

mode=${1:-}
case $mode in
--check | --add) ;;
*) sed -n '3,9p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

list_files() { # every file of the source tree, one a line, as ./path
  if command -v git >/dev/null && [ "$(git rev-parse --show-toplevel 2>/dev/null)" = "$(pwd -P)" ]
  then
    git ls-files --cached --others --exclude-standard | sed 's|^|./|'
    return
  fi
  find . -name CMakeCache.txt -type f | sed 's|/CMakeCache.txt$||' > "$tmp/builds"
  find . -type d \( -name .git -o -name dist -o -name 'build*' -o -name _CPack_Packages \) -prune \
    -o -type f -print |
    while IFS= read -r f; do
      skip=
      while IFS= read -r b; do
        case $f in "$b"/*) skip=1; break ;; esac
      done < "$tmp/builds"
      [ -n "$skip" ] || printf '%s\n' "$f"
    done
}

kind() { # kind FILE: c, hash (a # comment at the top), shebang, or nothing
  case $1 in
  *.c | *.h) echo c; return ;;
  */CMakeLists.txt | *.cmake) echo hash; return ;;
  esac
  case $(head -n 1 "$1" 2>/dev/null || true) in
  '#!'*sh | '#!'*sh' '* | '#!'*'env bash'* | '#!'*'env sh'*) echo shebang ;;
  esac
}

has_spdx() { # has_spdx FILE: an SPDX line among the first three
  head -n 3 "$1" | grep -q 'SPDX-License-Identifier:'
}

add() { # add FILE KIND: the line, keeping the file's mode
  case $2 in
  c) { printf '%s\n' "$C_LINE"; cat "$1"; } > "$tmp/new" ;;
  hash) { printf '%s\n' "$HASH_LINE"; cat "$1"; } > "$tmp/new" ;;
  shebang) { head -n 1 "$1"; printf '%s\n' "$HASH_LINE"; tail -n +2 "$1"; } > "$tmp/new" ;;
  esac
  cat "$tmp/new" > "$1"
}

list_files | LC_ALL=C sort > "$tmp/files"
missing=0 checked=0
while IFS= read -r f; do
  [ -f "$f" ] || continue # deleted but still in git's index
  k=$(kind "$f")
  [ -n "$k" ] || continue
  checked=$((checked + 1))
  has_spdx "$f" && continue
  f=${f#./}
  if [ "$mode" = --add ]; then
    add "$f" "$k"
    echo "added: $f"
  else
    echo "no SPDX-License-Identifier: $f"
    missing=$((missing + 1))
  fi
done < "$tmp/files"

if [ "$mode" = --check ]; then
  if [ "$missing" -gt 0 ]; then
    echo "FAIL: $missing of $checked files lack an SPDX line (sh packaging/spdx.sh --add gives them one)"
    exit 1
  fi
  echo "ok: all $checked source files have an SPDX-License-Identifier line"
fi
