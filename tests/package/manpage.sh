#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The man page describes every option and command that lull --help lists.
#   manpage.sh MANPAGE LULL...
set -eu
page=$1
shift
help=$("$@" --help) || { echo "FAIL: lull --help failed" >&2; exit 1; }
text=$(sed 's/\\-/-/g' "$page")
missing=""
options=$(echo "$help" | grep -o -- '--[a-z][a-z0-9-]*' | sort -u)
commands=$(echo "$help" | sed -n 's/^  lull \([a-z][a-z-]*\).*/\1/p' | sort -u)
# An option counts as described where a macro introduces it (.B, .BI, .OP),
# not where it is merely mentioned (as in "systemctl enable --now").
for word in $options; do
  echo "$text" | grep -Eq -- "^\.(B|BI|OP) (-[a-z], )?$word( |\"|=|\$)" || missing="$missing $word"
done
for word in $commands; do
  echo "$text" | grep -q "^\.B $word\$" || missing="$missing $word"
done
if [ -n "$missing" ]; then
  echo "FAIL: lull --help lists$missing, which $page does not describe: add them there" >&2
  exit 1
fi
echo "ok: the man page describes" $options $commands
