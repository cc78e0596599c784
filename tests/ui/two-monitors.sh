#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# two-monitors.sh COMMAND [ARGUMENT …]
#
# Runs COMMAND on a private X server with two screens side by side, as a
# laptop (DUMMY0, 1920×1080 at 0,0) with a projector (DUMMY1, 1920×1080 at
# 1920,0), under the xfwm4 window manager (full screen on a chosen screen
# needs one) and on a private session bus. The X server is Xorg with the
# dummy driver (xserver-xorg-core, xserver-xorg-video-dummy, xfwm4,
# x11-xserver-utils, dbus).
#
# Exits with COMMAND's status, or with 77 (skipped) when such a server
# cannot be had here.

set -u

skip () {
  echo "two-monitors.sh: $* (skipped)" >&2
  exit 77
}

[ $# -ge 1 ] || { echo "usage: $0 COMMAND [ARGUMENT …]" >&2; exit 2; }

here=$(cd "$(dirname "$0")" && pwd)
conf="$here/xorg-dummy.conf"
xorg=${XORG:-/usr/lib/xorg/Xorg}

[ -x "$xorg" ] || skip "no Xorg at $xorg"
[ -r "$conf" ] || skip "no $conf"
ls /usr/lib/xorg/modules/drivers/dummy_drv.so >/dev/null 2>&1 || skip "no dummy video driver"
for tool in xrandr xfwm4 dbus-run-session; do
  command -v "$tool" >/dev/null 2>&1 || skip "no $tool"
done

# A display number nobody uses.
number=
for n in $(seq 40 99); do
  if [ ! -e "/tmp/.X$n-lock" ] && [ ! -e "/tmp/.X11-unix/X$n" ]; then
    number=$n
    break
  fi
done
[ -n "$number" ] || skip "no free display number"
display=":$number"

log=$(mktemp /tmp/two-monitors-xorg.XXXXXX)
xorg_pid=

cleanup () {
  if [ -n "$xorg_pid" ]; then
    kill "$xorg_pid" 2>/dev/null
    wait "$xorg_pid" 2>/dev/null
  fi
  rm -f "$log"
}
trap cleanup EXIT

"$xorg" "$display" -config "$conf" -noreset -nolisten tcp -novtswitch -sharevts \
  -logfile "$log" >/dev/null 2>&1 &
xorg_pid=$!

up=
for _ in $(seq 100); do
  if ! kill -0 "$xorg_pid" 2>/dev/null; then
    break
  fi
  if DISPLAY=$display xrandr >/dev/null 2>&1; then
    up=1
    break
  fi
  sleep 0.1
done
if [ -z "$up" ]; then
  tail -n 5 "$log" >&2
  skip "Xorg with the dummy driver did not start"
fi

export DISPLAY=$display
export GDK_BACKEND=x11
unset WAYLAND_DISPLAY

xrandr --output DUMMY0 --mode 1920x1080 --pos 0x0 >/dev/null 2>&1 || skip "no output DUMMY0"
xrandr --addmode DUMMY1 1920x1080 >/dev/null 2>&1
xrandr --output DUMMY1 --mode 1920x1080 --right-of DUMMY0 >/dev/null 2>&1 || skip "no output DUMMY1"
# A full query probes the outputs again; without it GTK, which reads the
# cached resources, may still find DUMMY1 disconnected.
xrandr >/dev/null 2>&1
[ "$(xrandr --listactivemonitors 2>/dev/null | head -n 1)" = "Monitors: 2" ] || skip "not two screens"

# The window manager runs on the same private bus as COMMAND, and ends with it.
dbus-run-session -- bash -c '
  xfwm4 --compositor=off --sm-client-disable >/dev/null 2>&1 &
  wm=$!
  # xfwm4 announces itself on the root window once it manages windows.
  for _ in $(seq 50); do
    xprop -root _NET_SUPPORTING_WM_CHECK 2>/dev/null | grep -q "window id" && break
    command -v xprop >/dev/null 2>&1 || { sleep 1; break; }
    sleep 0.1
  done
  "$@"
  status=$?
  kill $wm 2>/dev/null
  wait $wm 2>/dev/null
  exit $status
' two-monitors "$@"
