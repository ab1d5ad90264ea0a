#!/bin/sh
# article_golden.sh - golden test of the article readers.  For every input
# tests/golden/articles/NAME.{txt,md,html} the expected article model is
# NAME.model (reviewed by hand); the model printed by article_dump must match
# it line for line.
#
#   ARTICLE_DUMP=build/tests/article_dump tests/suites/article_golden.sh
#
# Prints a diff for each failure and ends with "N passed, M failed".
set -u

# Under tests/run.sh (which exports B, the build dir) the tool is looked for
# in $B/tests/article_dump.  Until it is built there the suite says so and
# counts nothing, rather than failing every "make check".
dump=${ARTICLE_DUMP:-}
if [ -z "$dump" ] && [ -n "${B:-}" ]; then
    dump=$B/tests/article_dump
    if [ ! -x "$dump" ]; then
        echo "article_golden: SKIPPED, $dump not built (set ARTICLE_DUMP)"
        echo "0 passed, 0 failed"
        exit 0
    fi
fi
if [ -z "$dump" ] || [ ! -x "$dump" ]; then
    echo "article_golden: set ARTICLE_DUMP to the article_dump binary" >&2
    exit 2
fi
here=$(cd "$(dirname "$0")/.." && pwd)
dir=$here/golden/articles
tmp=$(mktemp) || exit 2
trap 'rm -f "$tmp"' EXIT INT TERM

pass=0
fail=0
for input in "$dir"/*.txt "$dir"/*.md "$dir"/*.html; do
    [ -e "$input" ] || continue
    name=${input%.*}
    model=$name.model
    if [ ! -f "$model" ]; then
        echo "FAIL $(basename "$input"): no $(basename "$model")"
        fail=$((fail + 1))
        continue
    fi
    if "$dump" "$input" >"$tmp" 2>/dev/null && diff -u "$model" "$tmp" >/dev/null; then
        pass=$((pass + 1))
    else
        echo "FAIL $(basename "$input")"
        diff -u "$model" "$tmp" | sed 's/^/    /'
        fail=$((fail + 1))
    fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
