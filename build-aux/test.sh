#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs what is missing, builds Samling in _build and runs the whole test
# suite under a virtual display. Ends with meson's summary and its exit code.
#
#   build-aux/test.sh [MESON_TEST_ARGUMENT...]   e.g. --suite data

set -euo pipefail
# shellcheck source=SCRIPTDIR/common.sh
source "$(dirname "$0")/common.sh"
cd "$srcdir"

"$srcdir/build-aux/install-deps.sh" build test bench

builddir=_build
configure "$builddir" -Dgui=enabled
build "$builddir"

# -noreset: otherwise Xvfb resets when a client disconnects, and the next
# test finds a half-dead server. dbus-run-session: GTK and the accessibility
# tests need a session bus of their own.
status=0
xvfb-run -a -s '-screen 0 1920x1080x24 -noreset' \
  dbus-run-session -- \
  meson test -C "$builddir" --print-errorlogs "$@" || status=$?
exit $status
