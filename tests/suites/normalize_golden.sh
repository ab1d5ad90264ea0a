#!/bin/sh
# normalize_golden.sh - golden tests of the text normalizer.
#
# Every tests/golden/normalize/*.tsv holds cases "input<TAB>expected spoken
# form", one per line; lines starting with # are comments.  A header comment
# "# locale=en-GB" (or en-US) selects the locale for the cases after it in
# that file (default en-US).  Inputs are fed, one per line, to
# "$NARRATE --normalize --locale L" and each output line is compared with the
# expected form after collapsing runs of white space.  Each failure is shown
# with input, expected and got; the last line is "N passed, M failed" and the
# exit status is non-zero when M > 0.
set -u
: "${NARRATE:?set NARRATE to the narrate program}"
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
dir="$TOP/tests/golden/normalize"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/nrgold.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
tab=$(printf '\t')
pass=0 fail=0
for f in "$dir"/*.tsv; do
    [ -f "$f" ] || continue
    # split the file into runs of one locale: chunk.N.in / .exp / .loc
    awk -F '\t' -v out="$tmp/c" '
        BEGIN { loc = "en-US"; n = 0; cur = -1 }
        /^# *locale=/ { sub(/^# *locale=/, ""); sub(/[ \t\r]+$/, ""); loc = $0; cur = -1; next }
        /^#/ || /^[ \t]*$/ { next }
        {
            if (cur < 0) { cur = n++; print loc > (out "." cur ".loc"); close(out "." cur ".loc") }
            print $1 > (out "." cur ".in"); print $2 > (out "." cur ".exp")
        }' "$f"
    for loc in "$tmp"/c.*.loc; do
        [ -f "$loc" ] || continue
        base=${loc%.loc}
        L=$(cat "$loc")
        "$NARRATE" --normalize --locale "$L" < "$base.in" > "$base.got" 2> "$base.err"
        paste -d "$tab" "$base.in" "$base.exp" "$base.got" > "$base.all"
        while IFS="$tab" read -r in exp got; do
            e=$(printf '%s' "$exp" | tr -s ' \t' '  ' | sed 's/^ //; s/ $//')
            g=$(printf '%s' "$got" | tr -s ' \t' '  ' | sed 's/^ //; s/ $//')
            if [ "$e" = "$g" ]; then
                pass=$((pass + 1))
            else
                fail=$((fail + 1))
                printf 'FAIL %s [%s]\n  input:    %s\n  expected: %s\n  got:      %s\n' \
                    "$(basename "$f")" "$L" "$in" "$e" "$g"
            fi
        done < "$base.all"
        rm -f "$base".*
    done
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
