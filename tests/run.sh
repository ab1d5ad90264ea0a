#!/bin/sh
# run.sh BUILD_DIR - run every test: the unit test programs in BUILD_DIR/tests
# and the suites in tests/suites/*.sh.  Prints each suite's result and a last
# line "N passed, M failed" over all test cases; exits non-zero on a failure.
#
# Environment for the suites: NARRATE (the program), B (the build dir),
# TOP (the source tree), PY (Python with mutagen/podcastparser), SHARED.
# ONLY="formats loudness" runs just those suites and no unit test program
# (for working on one part; `make check` always runs everything).
set -u
B=${1:-build}
TOP=$(cd "$(dirname "$0")/.." && pwd)
case "$B" in /*) ;; *) B="$TOP/$B" ;; esac
export B TOP
export NARRATE="$B/narrate"
export ARTICLE_DUMP="$B/tests/tools/article_dump"
export PY=/usr/bin/python3
if [ -z "${SHARED:-}" ]; then
    for d in "$TOP/../shared" "$TOP/../../shared" /work/shared; do
        [ -d "$d/data" ] && { SHARED=$(cd "$d" && pwd); break; }
    done
fi
export SHARED="${SHARED:-}"
export LC_ALL=C.UTF-8
# the suites' narrate runs use a fixed lexicon location and no terminal
export NARRATE_LEXICON="$TOP/voices/lexicon.txt"

passed=0 failed=0 bad_suites=""
log=$(mktemp -d "${TMPDIR:-/tmp}/narrate-tests.XXXXXX")
trap 'rm -rf "$log"' EXIT INT TERM

tally() {   # tally NAME STATUS LOGFILE: add the suite's counts
    name=$1 st=$2 f=$3
    line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$f" | tail -n 1)
    p=0 q=0
    if [ -n "$line" ]; then
        p=${line%% passed*}
        q=${line#*passed, }; q=${q%% failed*}
    else
        # cmocka: "[  PASSED  ] N test(s)." / "[  FAILED  ] N test(s)"
        p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$f" | tail -n 1)
        q=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$f" | tail -n 1)
        p=${p:-0} q=${q:-0}
    fi
    if [ "$st" -ne 0 ] && [ "$q" -eq 0 ]; then q=1; fi
    passed=$((passed + p)) failed=$((failed + q))
    if [ "$st" -ne 0 ]; then
        bad_suites="$bad_suites $name"
        echo "FAIL $name ($p passed, $q failed)"
        tail -n 40 "$f" | sed 's/^/    /'
    else
        echo "ok   $name ($p passed)"
    fi
}

ONLY=${ONLY:-}
selected() { [ -z "$ONLY" ] || case " $ONLY " in *" $1 "*) true ;; *) false ;; esac; }

for t in "$B"/tests/test_*; do
    [ -x "$t" ] || continue
    selected "$(basename "$t")" || continue
    name=$(basename "$t")
    "$t" >"$log/$name.log" 2>&1
    tally "$name" $? "$log/$name.log"
done

for s in "$TOP"/tests/suites/*.sh; do
    [ -e "$s" ] || continue
    name=$(basename "$s" .sh)
    [ "$name" = lib ] && continue  # sourced by the suites, not one itself
    selected "$name" || continue
    sh "$s" >"$log/$name.log" 2>&1
    tally "$name" $? "$log/$name.log"
done

[ -z "$bad_suites" ] || echo "failing:$bad_suites"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ -z "$bad_suites" ]
