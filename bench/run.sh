#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs every benchmark of bench/README.md against a Release build (./dev bench
# builds it first), prints a table and writes bench/results/latest.json: one flat
# JSON object, figure name -> number.
#   bench/run.sh BUILD_DIR          (LULL_BENCH_CPU_S=10 for shorter CPU runs)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$root/build-release}" && pwd)
lull=$build/lull
bench=$build/lull_bench
config=$root/tests/e2e/couple.conf
cpu_s=${LULL_BENCH_CPU_S:-30}
# Local disk beside the build, not /tmp (which may be tmpfs): fsync must be real.
work=$build/bench-work
rm -rf "$work"
mkdir -p "$work" "$root/bench/results"
figures=$work/figures.txt
: >"$figures"
export TZ=UTC

say() { printf '\033[1mbench:\033[0m %s\n' "$*" >&2; }
run() { # run WHAT...: the figures go to the list, the program's chatter to a log
  "$@" 2>>"$work/log.txt" | tee -a "$figures" | sed 's/^figure /  /' >&2
}

say "first frame: 21 starts of the real program, headless, 800x480"
# With the machine's own sound set-up: finding it is part of a real start.
run "$bench" first-frame "$lull" "$config" "$work/first.db" 21
# From here on no sound device, the same on every machine (the *_sound runs use
# SDL's dummy driver, which mixes in real time as a sound card would).
export SDL_AUDIODRIVER=none

say "the store: ten years of seeded history (lull seed-demo --weeks 520)"
now_local=2026-01-05T21:00
"$lull" seed-demo --weeks 520 --seed 1 --now "$now_local" --db "$work/10y.db" >>"$work/log.txt"
cp "$work/10y.db" "$work/insert.db"
sync # what seeding left unwritten would otherwise be flushed by the first fsyncs
now_ms=$(( $(date -u -d "$now_local" +%s) * 1000 ))
run "$bench" store "$work/10y.db" "$work/insert.db" "$now_ms"

say "the breathing screen, 16 ms frames on the fake clock"
run "$bench" breath 800x480 "$config" "$work/breath.db" 1200
run "$bench" breath 1920x1080 "$config" "$work/breath-hd.db" 600
"$bench" verify "$config" "$work/verify.db" 2>>"$work/log.txt" >&2

say "input to present, through the real loop in real time (about a minute)"
run "$bench" latency "$config" "$work/latency.db" 120 80
say "the same on a slow SD card: every fsync 50 ms, then 200 ms, longer"
LULL_TEST_SLOW_SYNC_MS=50 run "$bench" latency "$config" "$work/latency-50.db" 120 80
LULL_TEST_SLOW_SYNC_MS=200 run "$bench" latency "$config" "$work/latency-200.db" 120 80
say "a sound after a silence long enough for the device to rest (12 trials, about 80 s)"
SDL_AUDIODRIVER=dummy run "$bench" sound-wake "$config" "$work/wake.db" 12
say "the same with the journal locked by another program all along"
run "$bench" latency "$config" "$work/latency-locked.db" 60 40 locked
run "$bench" steps "$config" "$work/steps.db" 40

if command -v valgrind >/dev/null; then
  say "instructions per breathing frame (callgrind, 600 frames)"
  valgrind --tool=callgrind --collect-atstart=no --toggle-collect=breath_frames \
    --callgrind-out-file="$work/callgrind.out" \
    "$bench" breath 800x480 "$config" "$work/callgrind.db" 600 callgrind >>"$work/log.txt" 2>&1
  total=$(awk '/^(summary|totals):/ {print $2; exit}' "$work/callgrind.out")
  echo "figure breath_frame_instructions_800x480 $((total / 600))" | tee -a "$figures" \
    | sed 's/^figure /  /' >&2
else
  say "no valgrind: breath_frame_instructions_800x480 left out"
fi

say "CPU: home and breathing, ${cpu_s} s each in real time, three runs side by side"
prefix_breathe='tap "Breathe";tap "Start";'
run "$bench" cpu idle "$lull" "$config" "$work" "$cpu_s" 3 0 "" &
run "$bench" cpu idle_sound "$lull" "$config" "$work" "$cpu_s" 3 1 "" &
wait
run "$bench" cpu breath "$lull" "$config" "$work" "$cpu_s" 3 0 "$prefix_breathe" &
run "$bench" cpu breath_sound "$lull" "$config" "$work" "$cpu_s" 3 1 "$prefix_breathe" &
wait

say "the accelerated renderer: OpenGL ES through Mesa (llvmpipe, on the processor)"
# A Pi's KMSDRM gives SDL's OpenGL ES renderer, whose GPU does the pixel work
# llvmpipe does here on the CPU, with its own threads and its LLVM: these
# figures bound that path from above and are kept out of peak_rss_mb.
export SDL_RENDER_DRIVER=opengles2
run "$bench" first-frame "$lull" "$config" "$work/first-gl.db" 11
run "$bench" breath 800x480 "$config" "$work/breath-gl.db" 1200
run "$bench" cpu breath_opengles2 "$lull" "$config" "$work" "$cpu_s" 3 0 "$prefix_breathe"
unset SDL_RENDER_DRIVER

peak=$(awk '$2 ~ /rss_mb$/ && $2 !~ /opengles2/ && $3 > m {m = $3} END {print m + 0}' "$figures")
echo "figure peak_rss_mb $peak" >>"$figures"
# Every feature Lull has, loaded: today the board, breathing with sound and the
# journal (the plan, the report and the voice join these runs as they land;
# peak_rss_mb_listening comes with the safe word).
echo "figure peak_rss_mb_all_features $peak" >>"$figures"
echo "figure machine_nproc $(nproc)" >>"$figures"

# The table: each figure, its target where the issue sets one, and the verdict.
targets="first_frame_ms_median <= 30
tap_to_present_ms_p99 <= 16.7
pause_to_present_ms_p99 <= 16.7
pause_to_present_ms_p99_fsync_50ms <= 16.7
pause_to_present_ms_p99_fsync_200ms <= 16.7
tap_to_present_ms_p99_fsync_50ms <= 25
tap_to_present_ms_p99_fsync_200ms <= 25
locked_tap_to_present_ms_p99 <= 16.7
locked_pause_to_present_ms_p99 <= 16.7
breath_frame_ms_p99_800x480 <= 4
breath_frame_ms_p99_1920x1080 <= 12
idle_cpu_pct <= 0.3
breath_cpu_pct <= 1.5
idle_sound_cpu_pct <= 0.3
sound_wake_ms_p99 <= 60
breath_frame_instructions_800x480 <= 1500000
peak_rss_mb <= 30
peak_rss_mb_all_features <= 40
insert_ms_p99 <= 10
timeline_ms_10y <= 2
insights_ms_10y <= 50"
model=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)
printf '\n%s\n' "Lull benchmarks — $(nproc) cores, ${model:-unknown CPU}, $(uname -m)"
awk -v targets="$targets" '
  BEGIN { n = split(targets, t, "\n"); for (i = 1; i <= n; i++) { split(t[i], p, " "); goal[p[1]] = p[3] } }
  $1 == "figure" { name[++count] = $2; value[$2] = $3 }
  END {
    printf "%-34s %12s %10s  %s\n", "figure", "value", "target", ""
    for (i = 1; i <= count; i++) {
      k = name[i]
      if (k in goal)
        printf "%-34s %12s %10s  %s\n", k, value[k], "<= " goal[k], (value[k] + 0 >= 0 && value[k] + 0 <= goal[k] + 0) ? "ok" : "MISSED"
      else
        printf "%-34s %12s\n", k, value[k]
    }
  }' "$figures"

awk 'BEGIN { printf "{" } $1 == "figure" { printf "%s\n  \"%s\": %s", (n++ ? "," : ""), $2, $3 }
     END { printf "\n}\n" }' "$figures" >"$root/bench/results/latest.json"
say "written: bench/results/latest.json (the programs' output: $work/log.txt)"
