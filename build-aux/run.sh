#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs what is missing, builds Samling in _build and opens it on the
# bundled demo session, straight from the build tree.
#
#   build-aux/run.sh [ARGUMENT...]     extra arguments go to samling

set -euo pipefail
# shellcheck source=SCRIPTDIR/common.sh
source "$(dirname "$0")/common.sh"
cd "$srcdir"

"$srcdir/build-aux/install-deps.sh" build

builddir=_build
configure "$builddir" -Dgui=enabled
build "$builddir"

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "Samling is built in $builddir, but there is no display to open it on."
  echo "Run this again from a graphical session."
  exit 1
fi

# Uninstalled: settings and translations come from the build tree.
export GSETTINGS_SCHEMA_DIR="$srcdir/$builddir/data"
export SAMLING_LOCALEDIR="$srcdir/$builddir/po"
exec "$srcdir/$builddir/src/samling" --demo "$@"
