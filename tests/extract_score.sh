#!/bin/sh
# extract_score.sh NARRATE - scores `narrate --extract` on the shared real
# pages (../shared/data/web/readability: each page as served and as copied
# from a browser as text) with ../shared/tools/score_extract.py, in both
# modes: body F1 (word 4-gram shingles), pages under F1 0.5, titles right,
# bylines found.  Used by `make extract-score`; not part of `make check`.
set -u
narrate=${1:?usage: extract_score.sh NARRATE}
here=$(cd "$(dirname "$0")" && pwd)
shared=
for d in "$here/../../shared" "$here/../../../shared" "../shared"; do
    [ -d "$d/data/web/readability" ] && { shared=$(cd "$d" && pwd); break; }
done
if [ -z "$shared" ]; then
    echo "extract_score.sh: cannot find shared/data/web/readability" >&2
    exit 2
fi
case "$narrate" in /*) ;; *) narrate=$(pwd)/$narrate ;; esac
exec python3 "$shared/tools/score_extract.py" "$shared/data/web/readability" \
    ${EXTRACT_MODE:+--mode "$EXTRACT_MODE"} ${EXTRACT_VERBOSE:+-v} \
    -- "$narrate" --extract {}
