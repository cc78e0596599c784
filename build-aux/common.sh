# SPDX-License-Identifier: GPL-3.0-or-later
# shellcheck shell=bash
#
# Shared by the scripts in build-aux/: source it, then call the functions.

# The source root, whatever the current directory was.
srcdir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# configure BUILDDIR [MESON_OPTION...]
# Sets up BUILDDIR, or reconfigures it with the given options when it exists.
configure () {
  local builddir=$1
  shift
  if [ -f "$builddir/meson-private/coredata.dat" ]; then
    meson setup --reconfigure "$builddir" "$srcdir" "$@"
  else
    meson setup "$builddir" "$srcdir" "$@"
  fi
}

# build BUILDDIR [TARGET...]
build () {
  local builddir=$1
  shift
  ninja -C "$builddir" "$@"
}

# The sanitizers stop at the first report, with a stack trace, and the leak
# checker ignores one-off allocations of system libraries only.
sanitizer_environment () {
  export ASAN_OPTIONS=halt_on_error=1:print_stacktrace=1:detect_leaks=1:detect_stack_use_after_return=1
  export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:report_error_type=1
  export LSAN_OPTIONS=suppressions=$srcdir/build-aux/lsan.supp:print_suppressions=0
  # GLib 2.74 still has its slice allocator; plain malloc lets ASan see
  # every block.
  export G_SLICE=always-malloc
  export G_DEBUG=gc-friendly
}
