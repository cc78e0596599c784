#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Fails unless the Swedish translation covers every user-visible string.
#
#   tests/check-translations.sh [SOURCE_ROOT]
#
# 1. Every source file that holds translatable strings is listed in
#    po/POTFILES.in, and every listed file exists.
# 2. A fresh template is extracted from those files with the same keywords
#    as meson's glib preset, po/<lang>.po is merged against it in a
#    temporary folder, and each untranslated or fuzzy string is listed.
# 3. The merged catalogue passes msgfmt --check (format strings match).
#
# po/ itself is never modified.

set -euo pipefail

srcdir=${1:-"$(dirname "$0")/.."}
cd "$srcdir"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

failed=0

# --- 1. POTFILES.in is complete --------------------------------------------

listed="$tmp/listed"
sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' po/POTFILES.in | sort -u > "$listed"

while read -r f; do
  if [ ! -f "$f" ]; then
    echo "po/POTFILES.in lists $f, which does not exist"
    failed=1
  fi
done < "$listed"

has_strings () {
  case "$1" in
    *.c|*.h)
      grep -Eq '(^|[^A-Za-z0-9_])(N|C|NC|Q)?_ ?\(|g_dngettext ?\(|g_dpgettext2 ?\(' "$1" ;;
    *.ui)
      grep -q 'translatable="yes"' "$1" ;;
    *.gschema.xml)
      grep -q 'gettext-domain=' "$1" ;;
    *.desktop.in|*.metainfo.xml.in)
      return 0 ;;
    *)
      return 1 ;;
  esac
}

candidates="$tmp/candidates"
find src ui data -type f \
     \( -name '*.c' -o -name '*.h' -o -name '*.ui' -o -name '*.gschema.xml' \
        -o -name '*.desktop.in' -o -name '*.metainfo.xml.in' \) 2>/dev/null \
  | LC_ALL=C sort > "$candidates"

while read -r f; do
  if has_strings "$f" && ! grep -qxF "$f" "$listed"; then
    echo "$f has translatable strings but is missing from po/POTFILES.in"
    failed=1
  fi
done < "$candidates"

# --- 2. Every string is translated ------------------------------------------

pot="$tmp/samling.pot"
existing="$tmp/existing"
while read -r f; do
  [ -f "$f" ] && echo "$f"
done < "$listed" > "$existing"

# The keywords of meson's i18n.gettext(preset: 'glib').
xgettext --from-code=UTF-8 --add-comments \
         --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
         --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 \
         --keyword=g_dpgettext2:2c,3 \
         --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format \
         --flag=NC_:2:pass-c-format --flag=g_dngettext:2:pass-c-format \
         --flag=g_strdup_printf:1:c-format --flag=g_string_printf:2:c-format \
         --flag=g_string_append_printf:2:c-format \
         --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
         --flag=g_markup_printf_escaped:1:c-format --flag=g_log:3:c-format \
         --flag=g_print:1:c-format --flag=g_printerr:1:c-format \
         --flag=g_printf:1:c-format --flag=g_fprintf:2:c-format \
         --flag=g_sprintf:2:c-format --flag=g_snprintf:3:c-format \
         --package-name=samling \
         --files-from="$existing" --output="$pot"

total=$(msgcat --no-wrap "$pot" | grep -c '^msgid "..*"' || true)

langs=$(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' po/LINGUAS)
for lang in $langs; do
  if [ ! -f "po/$lang.po" ]; then
    echo "po/LINGUAS lists $lang, but po/$lang.po does not exist"
    failed=1
    continue
  fi

  merged="$tmp/$lang.po"
  msgmerge --quiet --no-wrap --output-file="$merged" "po/$lang.po" "$pot"

  report () {
    # $1: label, rest: msgattrib selection
    local label=$1
    shift
    msgattrib --no-obsolete --no-wrap "$@" "$merged" \
      | awk -v label="$label" -v lang="$lang" '
          /^msgctxt / { ctxt = substr ($0, 9) " | "; next }
          /^msgid "/ {
            if ($0 != "msgid \"\"") {
              printf "%s: %s: %s%s\n", lang, label, ctxt, substr ($0, 7)
              n++
            }
            ctxt = ""
          }
          END { exit n > 0 }'
  }

  report untranslated --untranslated || failed=1
  report fuzzy --only-fuzzy || failed=1

  if ! msgfmt --check --output-file=/dev/null "$merged"; then
    echo "$lang: msgfmt --check fails on the merged catalogue"
    failed=1
  fi
done

if [ "$failed" -ne 0 ]; then
  echo "Translations are incomplete (template has $total strings)."
  exit 1
fi

echo "All $total strings are translated in: $langs"
