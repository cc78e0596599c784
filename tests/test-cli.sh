#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# `samling export` as a script would use it, with no display at all: each
# format written and recognisable, and each mistake refused with a message
# on stderr, a non-zero status and no output file left behind.
#
#   tests/test-cli.sh SAMLING_BINARY DEMO.samling
#
# TAP output.

set -u

samling=$1
demo=$2

# No display, as on a server: exporting must not need one.
unset DISPLAY WAYLAND_DISPLAY
export LC_ALL=C.UTF-8

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

n=0
failed=0

ok () {
  n=$((n + 1))
  echo "ok $n - $1"
}

not_ok () {
  n=$((n + 1))
  failed=1
  echo "not ok $n - $1"
  shift
  for line in "$@"; do
    echo "# $line"
  done
}

# expect_success NAME PREFIX FILE ARGS...: status 0, nothing on stdout, and
# FILE starts with PREFIX.
expect_success () {
  local name=$1 prefix=$2 file=$3
  shift 3
  "$samling" export "$@" >"$tmp/stdout" 2>"$tmp/stderr"
  local status=$?
  if [ $status -ne 0 ]; then
    not_ok "$name" "status $status" "$(cat "$tmp/stderr")"
  elif [ -s "$tmp/stdout" ]; then
    not_ok "$name" "wrote to stdout: $(head -c 200 "$tmp/stdout")"
  elif [ ! -s "$file" ]; then
    not_ok "$name" "no file $file"
  elif [ "$(head -c ${#prefix} "$file")" != "$prefix" ]; then
    not_ok "$name" "starts with: $(head -c 40 "$file")"
  else
    ok "$name"
  fi
}

# expect_failure NAME FILE PATTERN ARGS...: a non-zero status, PATTERN
# (a grep regular expression) on stderr, and no FILE afterwards.
expect_failure () {
  local name=$1 file=$2 pattern=$3
  shift 3
  "$samling" export "$@" >"$tmp/stdout" 2>"$tmp/stderr"
  local status=$?
  if [ $status -eq 0 ]; then
    not_ok "$name" "status 0"
  elif [ -n "$file" ] && [ -e "$file" ]; then
    not_ok "$name" "left $file behind"
  elif ! grep -q -- "$pattern" "$tmp/stderr"; then
    not_ok "$name" "stderr lacks '$pattern':" "$(cat "$tmp/stderr")"
  elif [ -s "$tmp/stdout" ]; then
    not_ok "$name" "wrote to stdout"
  else
    ok "$name"
  fi
}

# Each format.
expect_success "pdf" "%PDF" "$tmp/out.pdf" --format pdf --output "$tmp/out.pdf" "$demo"
expect_success "html" "<!DOCTYPE html" "$tmp/out.html" --format html --output "$tmp/out.html" "$demo"
expect_success "markdown" "#" "$tmp/out.md" --format md --output "$tmp/out.md" "$demo"
expect_success "markdown, long name" "#" "$tmp/long.md" --format markdown -o "$tmp/long.md" "$demo"
expect_success "json" "{" "$tmp/out.json" --format json --output "$tmp/out.json" "$demo"
expect_success "format from the extension" "%PDF" "$tmp/implied.pdf" -o "$tmp/implied.pdf" "$demo"
expect_success "sections" "#" "$tmp/agenda.md" --format md --sections agenda,dialogues \
  --output "$tmp/agenda.md" "$demo"

# The sections chosen are the ones written.
if grep -q "Agenda" "$tmp/agenda.md" && ! grep -q "Who Was There" "$tmp/agenda.md"; then
  ok "sections chosen"
else
  not_ok "sections chosen" "$(head -c 400 "$tmp/agenda.md")"
fi

# The JSON export is the session itself: it exports again.
expect_success "json round trip" "#" "$tmp/again.md" -o "$tmp/again.md" "$tmp/out.json"

# Replacing an existing file.
expect_success "replaces" "%PDF" "$tmp/out.pdf" --format pdf --output "$tmp/out.pdf" "$demo"

# "-" is the standard output, for a pipe.
"$samling" export --format md --output - "$demo" >"$tmp/piped.md" 2>"$tmp/stderr"
if [ $? -eq 0 ] && [ "$(head -c 2 "$tmp/piped.md")" = "# " ] && cmp -s "$tmp/piped.md" "$tmp/out.md"; then
  ok "standard output"
else
  not_ok "standard output" "$(cat "$tmp/stderr")" "$(head -c 200 "$tmp/piped.md")"
fi

# Mistakes.
printf '{"format": "samling", "version": 1, "title": ' >"$tmp/broken.samling"
echo '{"name": "not a session"}' >"$tmp/foreign.samling"
expect_failure "broken session" "$tmp/x.pdf" "broken.samling" -o "$tmp/x.pdf" "$tmp/broken.samling"
expect_failure "foreign file" "$tmp/x.pdf" "foreign.samling" -o "$tmp/x.pdf" "$tmp/foreign.samling"
expect_failure "missing session" "$tmp/x.pdf" "missing.samling" -o "$tmp/x.pdf" "$tmp/missing.samling"
expect_failure "unknown format" "$tmp/x.doc" "pdf" --format doc -o "$tmp/x.doc" "$demo"
expect_failure "unknown section" "$tmp/x.md" "walls" --sections agenda,votes -o "$tmp/x.md" "$demo"
expect_failure "no format" "$tmp/x" "--format" -o "$tmp/x" "$demo"
expect_failure "unwritable folder" "$tmp/missing/x.pdf" "x.pdf.*folder" -o "$tmp/missing/x.pdf" "$demo"
mkdir "$tmp/locked"
chmod 0555 "$tmp/locked"
if [ -w "$tmp/locked" ]; then
  # As root every folder is writable; the missing folder above stands in.
  ok "read-only folder # SKIP writable as this user"
else
  expect_failure "read-only folder" "$tmp/locked/x.pdf" "x.pdf" -o "$tmp/locked/x.pdf" "$demo"
fi
chmod 0755 "$tmp/locked"
mkdir "$tmp/folder.pdf"
expect_failure "output is a folder" "" "folder.pdf" -o "$tmp/folder.pdf" "$demo"
expect_failure "no output" "" "--output" "$demo"
expect_failure "format and name disagree" "$tmp/notes.pdf" "notes.pdf" --format md -o "$tmp/notes.pdf" "$demo"
cp "$demo" "$tmp/self.samling"
expect_failure "output is the session" "" "self.samling" --format json -o "$tmp/self.samling" "$tmp/self.samling"
if cmp -s "$demo" "$tmp/self.samling"; then
  ok "the session file is untouched"
else
  not_ok "the session file is untouched"
fi
expect_failure "output is a device" "" "/dev/null" --format md -o /dev/null "$demo"
if [ -c /dev/null ]; then
  ok "the device is still a device"
else
  not_ok "the device is still a device"
fi
expect_failure "no session" "$tmp/x.pdf" "Usage" -o "$tmp/x.pdf"
expect_failure "two sessions" "$tmp/x.pdf" "Usage" -o "$tmp/x.pdf" "$demo" "$demo"
expect_failure "unknown option" "$tmp/x.pdf" "Usage" --colour -o "$tmp/x.pdf" "$demo"

# The help documents the command.
"$samling" export --help >"$tmp/help" 2>&1
if [ $? -eq 0 ] && grep -q -- "--format" "$tmp/help" && grep -q -- "--sections" "$tmp/help" &&
   grep -q -- "--output" "$tmp/help"; then
  ok "help"
else
  not_ok "help" "$(cat "$tmp/help")"
fi

echo "1..$n"
exit $failed
