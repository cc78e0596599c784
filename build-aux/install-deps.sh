#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs the Debian 12 packages that Samling needs and that are missing.
# A machine that has them all is left alone: no apt-get update, no root.
#
#   build-aux/install-deps.sh [GROUP...]
#
# Groups (default: build):
#   build     compile and run the app, validate its data files
#   test      run the whole test suite under a virtual display
#   sanitize  AddressSanitizer, UndefinedBehaviorSanitizer and libFuzzer builds
#   bench     the first-frame meter (X11 and XDamage headers) and the wall's
#             drag benchmark (XTest, a real pointer)

set -euo pipefail

build_packages=(
  build-essential meson ninja-build pkg-config gettext
  libglib2.0-dev libgtk-4-dev libadwaita-1-dev libjson-glib-dev libsqlite3-dev
  desktop-file-utils appstream libxml2-utils shared-mime-info
  librsvg2-common python3
  libgtk-4-media-gstreamer gstreamer1.0-plugins-base gstreamer1.0-plugins-good
  gstreamer1.0-pulseaudio
)
test_packages=(
  xvfb xauth dbus dbus-x11 at-spi2-core x11-xserver-utils
  python3-gi gir1.2-gtk-4.0 gir1.2-adw-1 gir1.2-atspi-2.0 python3-pyatspi
  imagemagick poppler-utils
  xserver-xorg-core xserver-xorg-video-dummy xfwm4 x11-utils
)
sanitize_packages=(
  clang libclang-rt-14-dev
)
bench_packages=(
  libx11-dev libxdamage-dev libxtst-dev
)

groups=("$@")
[ ${#groups[@]} -eq 0 ] && groups=(build)

wanted=()
for group in "${groups[@]}"; do
  case "$group" in
    build)    wanted+=("${build_packages[@]}") ;;
    test)     wanted+=("${test_packages[@]}") ;;
    sanitize) wanted+=("${sanitize_packages[@]}") ;;
    bench)    wanted+=("${bench_packages[@]}") ;;
    *)
      echo "install-deps.sh: unknown group '$group' (build, test, sanitize, bench)" >&2
      exit 2 ;;
  esac
done

missing=()
for pkg in "${wanted[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
  if [ "$status" != installed ]; then
    missing+=("$pkg")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "All required packages are installed (${groups[*]})."
  exit 0
fi

echo "Missing packages: ${missing[*]}"

if ! command -v apt-get > /dev/null; then
  echo "apt-get is not available: install the packages above by hand." >&2
  exit 1
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if ! command -v sudo > /dev/null; then
    echo "Installing packages needs root, and sudo is not installed." >&2
    echo "Run this script as root, or install the packages above." >&2
    exit 1
  fi
  echo "Installing packages needs root: using sudo (it may ask for your password)."
  sudo=(sudo)
fi

export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y --no-install-recommends "${missing[@]}"
