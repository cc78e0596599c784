#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds the core with AddressSanitizer and UndefinedBehaviorSanitizer in
# _build-asan and runs the core tests. Any report fails the run.
#
#   build-aux/sanitize.sh [MESON_TEST_ARGUMENT...]

set -euo pipefail
# shellcheck source=SCRIPTDIR/common.sh
source "$(dirname "$0")/common.sh"
cd "$srcdir"

"$srcdir/build-aux/install-deps.sh" build sanitize

builddir=_build-asan
export CC=clang
configure "$builddir" \
  -Db_sanitize=address,undefined -Db_lundef=false -Dgui=disabled
build "$builddir"

sanitizer_environment
# Full stacks through the system libraries, so that a leak report names the
# code that made the allocation (too slow for the fuzzer, fine here).
export ASAN_OPTIONS=$ASAN_OPTIONS:fast_unwind_on_malloc=0
meson test -C "$builddir" --suite core --print-errorlogs "$@"
