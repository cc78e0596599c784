#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Start-up benchmark: time to the first frame and memory of `samling --demo`
# against a minimal libadwaita window, both under the same virtual display
# with the renderer Samling uses by default (cairo). Prints the medians and
# the difference.
#
#   tests/bench/first-frame.sh [BUILDDIR] [RUNS]     default: _build 5
#
# Needs the build's tests/bench/launchmeter and tests/bench/minimal-window
# (built when the X11 and XDamage headers are installed) and src/samling.
# Without a display it runs itself under xvfb-run and dbus-run-session.
# The target: samling's first frame at most 100 ms after the minimal window's.

set -euo pipefail

srcdir=$(cd "$(dirname "$0")/../.." && pwd)
builddir=${1:-$srcdir/_build}
runs=${2:-5}
idle=3
target_ms=100

case "$runs" in
  ''|*[!0-9]*|0) echo "usage: $0 [BUILDDIR] [RUNS]" >&2; exit 2 ;;
esac
builddir=$(cd "$builddir" && pwd)

launchmeter=$builddir/tests/bench/launchmeter
minimal=$builddir/tests/bench/minimal-window
samling=$builddir/src/samling
for program in "$launchmeter" "$minimal" "$samling"; do
  if [ ! -x "$program" ]; then
    echo "$program is missing: build $builddir first (launchmeter needs libx11-dev and libxdamage-dev)." >&2
    exit 2
  fi
done

if [ -z "${SAMLING_BENCH_DISPLAY:-}" ]; then
  export SAMLING_BENCH_DISPLAY=1
  exec xvfb-run -a -s '-screen 0 1920x1080x24 -noreset' \
    dbus-run-session -- "$0" "$builddir" "$runs"
fi

# The renderer samling picks when none is set (src/main.c), for both; set
# GSK_RENDERER to compare under another.
export GSK_RENDERER=${GSK_RENDERER:-cairo}
# Keep away from the user's settings, store and caches.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export XDG_DATA_HOME=$scratch/data XDG_CONFIG_HOME=$scratch/config \
       XDG_CACHE_HOME=$scratch/cache XDG_STATE_HOME=$scratch/state
export GSETTINGS_BACKEND=memory
export GSETTINGS_SCHEMA_DIR=$builddir/data

# measure NAME COMMAND... : one warm-up run, then RUNS measured runs, each
# line "map_ms=… frame_ms=… rss_kib=… peak_rss_kib=…" appended to NAME.
measure () {
  local name=$1
  shift
  local out=$scratch/$name
  : > "$out"
  "$launchmeter" --idle 0 "$@" > /dev/null 2>&1 || true
  for ((i = 1; i <= runs; i++)); do
    "$launchmeter" --idle "$idle" "$@" 2> "$scratch/stderr" | grep '^map_ms=' >> "$out" || {
      echo "$name: run $i failed:" >&2
      cat "$scratch/stderr" >&2
      exit 1
    }
  done
}

# median NAME KEY
median () {
  sed -n "s/.*\\b$2=\\([0-9-]*\\).*/\\1/p" "$scratch/$1" \
    | sort -n \
    | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print int ((v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}

measure minimal "$minimal"
measure samling "$samling" --demo

printf '%-18s %12s %12s %10s %14s\n' "median of $runs" "first frame" "mapped" "RSS" "peak RSS"
for name in minimal samling; do
  label=$name
  [ "$name" = minimal ] && label="minimal window"
  [ "$name" = samling ] && label="samling --demo"
  printf '%-18s %9s ms %9s ms %6s MiB %10s MiB\n' "$label" \
    "$(median "$name" frame_ms)" "$(median "$name" map_ms)" \
    "$(( $(median "$name" rss_kib) / 1024 ))" "$(( $(median "$name" peak_rss_kib) / 1024 ))"
done

diff_ms=$(( $(median samling frame_ms) - $(median minimal frame_ms) ))
diff_mib=$(( ($(median samling rss_kib) - $(median minimal rss_kib)) / 1024 ))
printf '%-18s %+9d ms %12s %+6d MiB\n' "difference" "$diff_ms" "" "$diff_mib"

if [ "$diff_ms" -le "$target_ms" ]; then
  echo "Within the target: first frame at most $target_ms ms after the minimal window."
else
  echo "Over the target by $((diff_ms - target_ms)) ms (allowed: minimal window + $target_ms ms)."
fi
