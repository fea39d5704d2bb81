#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The asset folder is found from the program's own place: installed, unpacked
# into any folder, moved, or started through a symlink.
#   assets.sh PROBE [EMULATOR...]
set -eu
probe=$1
shift
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
root=$(cd "$tmp" && pwd -P)
fail() { echo "FAIL: $*" >&2; exit 1; }
expect() { # expect WANT PROGRAM
  got=$("$@" 2>&1) || true
  [ "$got" = "$want" ] || fail "$* found '$got', expected '$want'"
  echo "ok: $* -> $got"
}

mkdir -p "$root/usr/bin" "$root/usr/share/lull"
cp "$probe" "$root/usr/bin/lull"
want="$root/usr/share/lull"; expect "$@" "$root/usr/bin/lull"
ln -s usr/bin/lull "$root/lull-link"
want="$root/usr/share/lull"; expect "$@" "$root/lull-link"
(cd "$root/usr" && want="$root/usr/share/lull" && expect "$@" ./bin/lull)
mv "$root/usr" "$root/moved"
want="$root/moved/share/lull"; expect "$@" "$root/moved/bin/lull"
rmdir "$root/moved/share/lull"
want=none; expect "$@" "$root/moved/bin/lull"
echo "assets: all found where expected"
