#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds the libFuzzer targets in _build-fuzz and fuzzes each for a bounded
# time, starting from a copy of its seeds: the session loader (fuzz-load,
# tests/fuzz/corpus/), then the map's places and the participant list
# (fuzz-import, seeded with the built-in map and the CSV test files). A
# crash, a leak, a sanitizer report or a timeout fails the run; the input
# that caused it is kept in _build-fuzz/artifacts/.
#
#   build-aux/fuzz.sh [SECONDS]        default 60, for each target

set -euo pipefail
# shellcheck source=SCRIPTDIR/common.sh
source "$(dirname "$0")/common.sh"
cd "$srcdir"

seconds=${1:-60}
case "$seconds" in
  ''|*[!0-9]*) echo "usage: $0 [SECONDS]" >&2; exit 2 ;;
esac

"$srcdir/build-aux/install-deps.sh" build sanitize

builddir=_build-fuzz
export CC=clang
configure "$builddir" -Dfuzzing=true \
  -Db_sanitize=address,undefined -Db_lundef=false -Dgui=disabled
build "$builddir" tests/fuzz/fuzz-load tests/fuzz/fuzz-import

fuzzdir=$srcdir/tests/fuzz
corpus=$(mktemp -d)
import_corpus=$(mktemp -d)
trap 'rm -rf "$corpus" "$import_corpus"' EXIT
# The fuzzer adds what it finds to its corpus: work on copies so the
# checked-in seeds stay as they are.
if [ -d "$fuzzdir/corpus" ]; then
  cp -R "$fuzzdir/corpus/." "$corpus/"
fi
cp "$srcdir/data/map/blekinge.svg" "$srcdir"/tests/data/*.csv "$import_corpus/"

args=(
  -max_total_time="$seconds"
  -timeout=10
  -rss_limit_mb=2048
  -print_final_stats=1
  -artifact_prefix="$srcdir/$builddir/artifacts/"
)
load_args=()
for dict in "$fuzzdir"/*.dict; do
  [ -f "$dict" ] && load_args+=(-dict="$dict")
  break
done
mkdir -p "$builddir/artifacts"

sanitizer_environment
echo "Fuzzing the loader for $seconds s from $(find "$corpus" -type f | wc -l) seed files"
"$builddir/tests/fuzz/fuzz-load" "${args[@]}" "${load_args[@]}" "$corpus"
echo "Fuzzing the map's places and the participant list for $seconds s from $(find "$import_corpus" -type f | wc -l) seed files"
"$builddir/tests/fuzz/fuzz-import" "${args[@]}" "$import_corpus"
