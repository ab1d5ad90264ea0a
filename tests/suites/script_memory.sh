#!/bin/sh
# script_memory.sh - `narrate --script` holds a few copies of its input at
# most (issue 15: it peaked at 12 times the input).  Peak RSS on an 8 MB
# article, less the peak on the seed article in the same run (the program,
# its libraries and tables), divided by the input's size, stays under a
# bound for text, Markdown, one paragraph without line breaks, and HTML.
# Measured when written: 2.6-2.9 for text and Markdown, 6.0 for HTML
# (libxml2's tree and our per-node records, see docs/DESIGN.md, "Memory of
# the text path"); before: 11.6-12.4 and 13.9.
. "$TOP/tests/suites/lib.sh"

if [ -n "${NR_SANITIZED:-}" ]; then
    # shadow memory and quarantine are no measure of ours
    ok "skipped under sanitizers"
    done_
    exit $?
fi

SEED="$TOP/samples/seed-article.txt"
"$PY" "$TOP/tests/bench/make_text.py" "$SEED" 8000000 >"$WORK/big.txt"
# the same article as Markdown (headings marked) and as HTML paragraphs
awk 'NR == 1 { print "# " $0; next } /^Part [0-9]+$/ { print "## " $0; next } { print }' \
    "$WORK/big.txt" >"$WORK/big.md"
awk 'BEGIN { print "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Big</title></head><body><article>" }
     NR == 1 { print "<h1>" $0 "</h1>"; next }
     /^Part [0-9]+$/ { print "<h2>" $0 "</h2>"; next }
     NF { print "<p>" $0 "</p>" }
     END { print "</article></body></html>" }' "$WORK/big.txt" >"$WORK/big.html"
# one paragraph: every line joined, no line break until the end
grep -v '^Part [0-9]*$' "$WORK/big.txt" | tr '\n' ' ' >"$WORK/flat.txt"
echo >>"$WORK/flat.txt"

peak() {   # peak FILE: peak RSS in KB of --script on FILE (output checked)
    /usr/bin/time -f %M -o "$WORK/rss" "$NARRATE" --script "$1" >"$WORK/out" 2>"$WORK/err" &&
        [ -s "$WORK/out" ] && tail -n 1 "$WORK/rss"
}

base=$(peak "$SEED")
t "a baseline on the seed article (${base:-?} KB)" test -n "$base"

# ratio FILE BOUND_TENTHS: (peak - baseline) / input size, in tenths
check() {
    f=$1 bound=$2
    kb=$(( $(wc -c <"$f") / 1024 ))
    p=$(peak "$f")
    if [ -z "$p" ] || [ -z "$base" ]; then
        bad "$(basename "$f"): --script failed"
        sed 's/^/    /' "$WORK/err" | head -n 5
        return
    fi
    r=$(( (p - base) * 10 / kb ))
    t "$(basename "$f") ($kb KB): peak $p KB, $((r / 10)).$((r % 10)) x the input above the seed's (bound $((bound / 10)).$((bound % 10)))" \
        test "$r" -le "$bound"
}
check "$WORK/big.txt" 35
check "$WORK/big.md" 35
check "$WORK/flat.txt" 35
check "$WORK/big.html" 70

done_
