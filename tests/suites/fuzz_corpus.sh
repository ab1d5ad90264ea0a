#!/bin/sh
# fuzz_corpus.sh - every fuzz target over its corpus (tests/fuzz/corpus/NAME),
# without libFuzzer: crashes found by `make fuzz` stay fixed.
. "$TOP/tests/suites/lib.sh"
for d in "$TOP"/tests/fuzz/corpus/*/; do
    name=$(basename "$d")
    bin="$B/fuzz/regress_$name"
    if [ ! -x "$bin" ]; then
        bad "$name: no regression driver built ($bin)"
        continue
    fi
    if out=$("$bin" "$d" 2>&1); then
        ok "$name: $(echo "$out" | tail -n 1 | cut -d, -f1) inputs"
    else
        echo "$out" | tail -n 20
        bad "$name"
    fi
done
done_
