#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks the shared-mime-info package file the way the desktop will read it:
# it must be well-formed XML, and update-mime-database must map *.samling to
# application/x-samling as a kind of application/json.
#
#   data/check-mime.sh MIME_XML

set -euo pipefail

xml=$1
type=application/x-samling

xmllint --noout "$xml"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mime="$tmp/share/mime"
mkdir -p "$mime/packages"
cp "$xml" "$mime/packages/"

# update-mime-database reports problems on stderr but still exits 0 for
# many of them; treat any message as a failure. XDG_DATA_HOME points at the
# scratch folder so that it does not warn about a folder outside its path.
XDG_DATA_HOME="$tmp/share" update-mime-database "$mime" > "$tmp/errors" 2>&1
if [ -s "$tmp/errors" ]; then
  cat "$tmp/errors"
  exit 1
fi

fail () {
  echo "$*"
  exit 1
}

grep -q ":$type:\*\.samling$" "$mime/globs2" \
  || fail "no glob *.samling for $type"
grep -qx "$type application/json" "$mime/subclasses" \
  || fail "$type is not a sub-class of application/json"
[ -f "$mime/application/x-samling.xml" ] \
  || fail "$type was not registered"
grep -q '<comment>' "$mime/application/x-samling.xml" \
  || fail "$type has no comment"

echo "ok: *.samling is $type, a kind of application/json"
