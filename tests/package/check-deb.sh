#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Checks the .deb that cpack made, as ctest's "package" tests (see package.cmake).
#   check-deb.sh CHECK DEB VERSION ARCH SOURCE_DIR [EMULATOR...]
# CHECK is contents, lintian, desktop, appstream, systemd or run. A check whose
# tool is not installed fails: a check that does not run checks nothing.
set -eu
check=$1 deb=$2 version=$3 arch=$4 src=$5
shift 5

fail() { echo "FAIL: $*" >&2; exit 1; }
missing() { fail "$* is not installed (./dev package installs it)"; }
ok() { echo "ok: $*"; }

[ -f "$deb" ] || fail "no $deb: build it with cpack in this folder first (./dev package does)"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
root=$tmp/root
dpkg-deb -x "$deb" "$root"

case $check in
contents)
  [ "$(basename "$deb")" = "lull_${version}_${arch}.deb" ] || fail "named $(basename "$deb")"
  field() { dpkg-deb -f "$deb" "$1"; }
  [ "$(field Package)" = lull ] || fail "Package: $(field Package)"
  [ "$(field Version)" = "$version" ] || fail "Version: $(field Version)"
  [ "$(field Architecture)" = "$arch" ] || fail "Architecture: $(field Architecture)"
  [ "$(field Section)" = misc ] || fail "Section: $(field Section)"
  [ -n "$(field Maintainer)" ] || fail "no Maintainer"
  [ -z "$(field Homepage)" ] || fail "a Homepage: $(field Homepage)"
  field Description | head -1 | grep -qx 'calm bedside touch app for couples' ||
    fail "synopsis: $(field Description | head -1)"
  [ "$(field Description | wc -l)" -gt 5 ] || fail "no long description"
  depends=$(field Depends)
  for lib in libc6 libsdl2-2.0-0 libsdl2-ttf-2.0-0 libsqlite3-0 libinih1 \
             libpng16-16 fonts-dejavu-core fonts-symbola adduser; do
    echo "$depends" | grep -q "$lib" || fail "Depends lacks $lib: $depends"
  done
  # SDL_mixer and the forty libraries it loads would cost every start ~10 ms.
  case $depends in *mixer*) fail "Depends names SDL_mixer: $depends" ;; esac
  ok "control: $(field Package) $(field Version) $(field Architecture), Depends: $depends"

  for f in usr/bin/lull usr/share/man/man1/lull.1.gz usr/share/doc/lull/copyright \
           usr/share/doc/lull/changelog.gz usr/share/applications/lull.desktop \
           usr/share/metainfo/org.example.lull.metainfo.xml \
           usr/share/icons/hicolor/scalable/apps/lull.svg \
           usr/share/icons/hicolor/256x256/apps/lull.png \
           lib/systemd/system/lull-kiosk.service lib/systemd/system/lull-cage.service \
           etc/lull/lull.conf etc/pam.d/lull-cage; do
    [ -f "$root/$f" ] || fail "the package lacks /$f"
  done
  [ -x "$root/usr/bin/lull" ] || fail "/usr/bin/lull is not executable"
  ok "every file is there"
  # The data files a person may replace go to /usr/share/lull, each byte for
  # byte; the icon's source goes to the icon theme (checked above) instead.
  n=0
  for f in $(cd "$src/assets" && find . -type f ! -path './icons/*' | sort); do
    [ -f "$root/usr/share/lull/$f" ] || fail "asset $f is not in /usr/share/lull"
    cmp -s "$src/assets/$f" "$root/usr/share/lull/$f" || fail "/usr/share/lull/$f differs from assets/$f"
    n=$((n + 1))
  done
  [ "$n" -gt 0 ] || fail "no data files in assets/"
  [ ! -e "$root/usr/share/lull/icons" ] || fail "the icons are in /usr/share/lull too"
  ok "$n data files in /usr/share/lull"
  case $arch in
    amd64) machine=x86-64 ;;
    arm64) machine=aarch64 ;;
    *) machine=. ;;
  esac
  if command -v file >/dev/null; then
    info=$(file -b "$root/usr/bin/lull")
    echo "$info" | grep -q "$machine" || fail "/usr/bin/lull is not $machine: $info"
    echo "$info" | grep -q ", stripped" || fail "/usr/bin/lull is not stripped: $info"
    ok "/usr/bin/lull: $info"
  fi

  control=$tmp/control
  dpkg-deb -e "$deb" "$control"
  for script in postinst prerm postrm; do
    [ -x "$control/$script" ] || fail "no executable $script"
  done
  grep -qx /etc/lull/lull.conf "$control/conffiles" || fail "lull.conf is not a conffile"
  grep -qx /etc/pam.d/lull-cage "$control/conffiles" || fail "pam.d/lull-cage is not a conffile"
  grep -q 'adduser --system' "$control/postinst" || fail "postinst makes no system user"
  if grep -q 'systemctl.* enable\|deb-systemd-helper enable' "$control/postinst"; then
    fail "postinst enables a service"
  fi
  ok "maintainer scripts and conffiles"

  # gzip -9n: no file name and no time stamp in the header.
  for gz in usr/share/man/man1/lull.1.gz usr/share/doc/lull/changelog.gz; do
    header=$(od -An -tx1 -N8 "$root/$gz" | tr -d ' \n')
    [ "$header" = 1f8b080000000000 ] || fail "/$gz is not made with gzip -n: $header"
  done
  top=$(gzip -dc "$root/usr/share/doc/lull/changelog.gz" | head -1)
  echo "$top" | grep -q "^lull ($version) " || fail "the changelog starts with '$top', not $version"
  ok "changelog and man page compressed reproducibly; changelog at $version"
  ;;

lintian)
  command -v lintian >/dev/null || missing lintian
  # As root lintian says it should not be; that notice is not about the package.
  out=$(lintian --display-info --fail-on error,warning "$deb" 2>&1) ||
    { echo "$out"; fail "lintian"; }
  echo "$out" | grep -v 'running with root privileges' || true
  ok "lintian: no errors, no warnings"
  ;;

desktop)
  command -v desktop-file-validate >/dev/null || missing desktop-file-validate
  out=$(desktop-file-validate "$root/usr/share/applications/lull.desktop" 2>&1) ||
    { echo "$out"; fail "desktop-file-validate"; }
  [ -z "$out" ] || { echo "$out"; fail "desktop-file-validate has remarks"; }
  ok "desktop-file-validate: clean"
  ;;

appstream)
  command -v appstreamcli >/dev/null || missing appstreamcli
  appstreamcli validate --no-net --pedantic "$root/usr/share/metainfo/org.example.lull.metainfo.xml" ||
    fail "appstreamcli validate"
  # The whole tree: the metadata, its desktop entry and its icon together.
  appstreamcli validate-tree --no-net "$root" || fail "appstreamcli validate-tree"
  ok "appstreamcli: clean"
  ;;

systemd)
  command -v systemd-analyze >/dev/null || missing systemd-analyze
  # Verified as installed, but with the program where it was unpacked (verify
  # wants every ExecStart program to exist). cage is started through env.
  mkdir -p "$tmp/units"
  for unit in lull-kiosk.service lull-cage.service; do
    sed "s|/usr/bin/lull|$root/usr/bin/lull|g" "$root/lib/systemd/system/$unit" > "$tmp/units/$unit"
  done
  # man:lull(1) must resolve, against the unpacked man page; cage's may be absent.
  out=$(cd "$tmp/units" && MANPATH="$root/usr/share/man:" systemd-analyze verify lull-kiosk.service 2>&1 &&
        systemd-analyze verify --man=no lull-cage.service 2>&1) ||
    { echo "$out"; fail "systemd-analyze verify"; }
  [ -z "$out" ] || { echo "$out"; fail "systemd-analyze verify has remarks"; }
  # The sandbox stays tight: systemd's own exposure score at most 2.0 ("OK").
  out=$(cd "$tmp/units" && systemd-analyze security --offline=yes --threshold=20 \
        lull-kiosk.service lull-cage.service 2>&1) || { echo "$out"; fail "systemd-analyze security"; }
  echo "$out" | grep 'Overall exposure'
  ok "systemd-analyze verify: clean"
  ;;

run)
  # The unpacked program runs from where it lies (through qemu for arm64).
  lull=$root/usr/bin/lull
  got=$("$@" "$lull" --version) || fail "lull --version failed"
  [ "$got" = "lull $version" ] || fail "lull --version says '$got'"
  ok "$got"
  cat > "$tmp/script.lull" <<'SCRIPT'
expect screen home
tap "Signals"
expect screen signals
tap "Sam / Pause"
expect screen paused
screenshot paused
quit
SCRIPT
  mkdir -p "$tmp/shots"
  (cd "$tmp" && SDL_AUDIODRIVER=dummy TZ=UTC HOME="$tmp" XDG_DATA_HOME="$tmp/data" \
     XDG_CONFIG_HOME="$tmp/config" "$@" "$lull" --headless --clock fake --db lull.db \
     --config "$src/tests/e2e/couple.conf" --script script.lull --screenshots shots) ||
    fail "the headless script failed"
  [ -s "$tmp/shots/paused.png" ] || fail "no screenshot"
  csv=$(cd "$tmp" && "$@" "$lull" export --db lull.db --format csv) || fail "lull export failed"
  echo "$csv" | grep -q ',pause,' || fail "the export has no pause: $csv"
  ok "a headless run (home, signals, pause, screenshot) and its export"
  # Its data files, found beside it in /usr/share/lull, are read without a complaint.
  err=$(cd "$tmp" && SDL_AUDIODRIVER=dummy "$@" "$lull" --headless --clock fake --db assets.db \
        --config "$src/tests/e2e/couple.conf" --script - 2>&1 <<'SCRIPT'
tap "Signals"
expect text "Slower"
quit
SCRIPT
) || { echo "$err"; fail "the run with the packaged data files failed"; }
  case $err in
  *.ini*) echo "$err"; fail "the packaged data files are not read cleanly" ;;
  esac
  ok "the packaged data files read cleanly"
  # The packaged example configuration is read without a complaint.
  err=$(cd "$tmp" && SDL_AUDIODRIVER=dummy "$@" "$lull" --headless --clock fake --db conf.db \
        --config "$root/etc/lull/lull.conf" --script - 2>&1 <<'SCRIPT'
expect screen welcome
quit
SCRIPT
) || { echo "$err"; fail "the packaged lull.conf: a run failed"; }
  if echo "$err" | grep -q 'lull.conf'; then
    echo "$err"; fail "lull.conf has complaints"
  fi
  ok "/etc/lull/lull.conf is read cleanly"
  ;;

*)
  fail "unknown check $check"
  ;;
esac
