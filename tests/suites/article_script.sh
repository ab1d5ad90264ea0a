#!/bin/sh
# article_script.sh - each golden article (tests/golden/articles/NAME.{txt,md,
# html}) read by `narrate --script` must give exactly NAME.script: chapters
# in order, boilerplate not spoken, body kept, hard tokens spoken right.
# The .model files check the reader alone (article_golden.sh); these check
# reader and normalizer together, as a listener hears them.
. "$TOP/tests/suites/lib.sh"
for want in "$TOP"/tests/golden/articles/*.script; do
    base=${want%.script}
    name=$(basename "$base")
    src=
    for ext in txt md html; do [ -e "$base.$ext" ] && src="$base.$ext"; done
    if [ -z "$src" ]; then bad "$name: no source article"; continue; fi
    "$NARRATE" --script "$src" >"$WORK/got" 2>"$WORK/err"
    if [ $? -eq 0 ] && cmp -s "$want" "$WORK/got"; then
        ok "$name"
    else
        bad "$name"
        diff "$want" "$WORK/got" | head -n 10
    fi
done
done_
