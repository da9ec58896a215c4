#!/usr/bin/env bash
# Brings translations/tokendesk_<lang>.ts up to date with the sources, then lists what is left to translate.
#
#   scripts/update-translations.sh            # every translations/tokendesk_*.ts
#   scripts/update-translations.sh FILE.ts…   # only these (tests/i18n runs it on temporary copies)
#
# lupdate scans app/ (the core and the CLI), models/ and ui/. Strings no longer in the sources are dropped
# (-no-obsolete); new or changed ones are added as unfinished, and this script prints each of them as
# "file: context: source [disambiguation]". Translate them in Qt Linguist (`linguist translations/tokendesk_de.ts`)
# or in the XML, mark them finished (remove type="unfinished"), and run tests/i18n
# (`scripts/test.sh -R tst_translationfiles`). translations/tokendesk_en.ts is special: lupdate keeps only the
# plural (%n) messages in it (-pluralonly), and each needs its English singular and plural form. Add a
# language by creating translations/tokendesk_<lang>.ts with `lupdate … -ts` (this script, given the new file
# name) and reconfiguring.
#
# No locations are written (-locations none): line numbers would change with every edit and make every merge
# of the .ts conflict. LUPDATE=path picks the lupdate binary.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

lupdate="${LUPDATE:-}"
if [[ -z "$lupdate" ]]; then
    for candidate in /usr/lib/qt6/bin/lupdate "$(command -v lupdate6 || true)" "$(command -v lupdate || true)"; do
        if [[ -n "$candidate" && -x "$candidate" ]]; then
            lupdate="$candidate"
            break
        fi
    done
fi
if [[ -z "$lupdate" ]]; then
    echo "update-translations: lupdate not found (Debian: qt6-l10n-tools); set LUPDATE=path" >&2
    exit 1
fi

if (($# > 0)); then
    ts_files=("$@")
else
    ts_files=(translations/tokendesk_*.ts)
fi

# English is the source language: tokendesk_en.ts holds only the messages with a %n (-pluralonly), so that
# English reads "1 account" / "2 accounts" instead of the source's "%n account(s)".
english=()
others=()
for ts in "${ts_files[@]}"; do
    if [[ "$(basename "$ts")" == tokendesk_en.ts ]]; then
        english+=("$ts")
    else
        others+=("$ts")
    fi
done
lupdate_args=(-silent -locations none -no-obsolete -extensions cpp,h app models ui)
if ((${#others[@]} > 0)); then
    "$lupdate" "${lupdate_args[@]}" -ts "${others[@]}"
fi
if ((${#english[@]} > 0)); then
    "$lupdate" "${lupdate_args[@]}" -pluralonly -source-language en -target-language en -ts "${english[@]}"
fi

# lupdate writes one element per line; a source with a line break in it is printed up to the break.
unfinished=0
for ts in "${ts_files[@]}"; do
    while IFS= read -r line; do
        echo "$line"
        unfinished=$((unfinished + 1))
    done < <(awk -v file="$ts" '
        function text(s) {
            sub(/^[ \t]*<[a-z]+>/, "", s); sub(/<\/[a-z]+>[ \t]*$/, "", s)
            gsub(/&quot;/, "\"", s); gsub(/&apos;/, "'\''", s); gsub(/&lt;/, "<", s); gsub(/&gt;/, ">", s)
            gsub(/&amp;/, "\\&", s)
            return s
        }
        /<name>/ { context = text($0) }
        /<message/ { source = ""; comment = "" }
        /<source>/ { source = text($0) }
        /<comment>/ { comment = " [" text($0) "]" }
        /<translation type="unfinished"/ { print file ": " context ": " source comment }
    ' "$ts")
done
if ((unfinished > 0)); then
    echo "update-translations: $unfinished entries to translate (listed above)" >&2
else
    echo "update-translations: every entry is translated" >&2
fi
