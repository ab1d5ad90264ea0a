#!/bin/sh
# batch.sh BUILD_DIR - the batch figure of `make bench`: thirty short
# articles (about a minute of audio each, written by make_shorts.py) through
#   narrate batch                       (two lanes, the default)
#   narrate batch --lanes 1             (one article at a time)
#   parallel -j2 narrate FILE -o MP3    (the same files as separate runs)
# in one run, RUNS times each, medians.  Prints wall and CPU seconds, the
# cores kept busy (CPU / wall), peak RSS, and batch's wall against the
# parallel singles'.  Targets (issue 18): >= 1.8 cores busy, wall <= 0.8 x
# the parallel singles.
#
#   RUNS=3 SHORTS=30 tests/bench/batch.sh build-bench
set -eu
B=$1
TOP=$(cd "$(dirname "$0")/../.." && pwd)
N="$B/narrate"
case "$N" in /*) ;; *) N="$TOP/$N" ;; esac
RUNS=${RUNS:-3}
SHORTS=${SHORTS:-30}
W=$(mktemp -d "${TMPDIR:-/tmp}/narrate-bench-batch.XXXXXX")
trap 'rm -rf "$W"' EXIT INT TERM
export NARRATE_LEXICON="$TOP/voices/lexicon.txt"
py=/usr/bin/python3
$py "$TOP/tests/bench/make_shorts.py" "$W/in" "$SHORTS"
printf 'title = Bench\nvoice = slt\n' >"$W/feed.conf"

. "$TOP/tests/bench/lib.sh"
# each run writes into an empty output folder
fresh() { rm -rf "$W/out"; mkdir -p "$W/out"; measure "$@"; }
: >"$W/times"
i=0
while [ $i -lt "$RUNS" ]; do
    fresh batch "'$N' batch -q '$W/in' '$W/out' --config '$W/feed.conf'"
    fresh batch_1lane "'$N' batch -q --lanes 1 '$W/in' '$W/out' --config '$W/feed.conf'"
    fresh singles "parallel -j2 '$N' -q {} -o '$W/out/{/.}.mp3' ::: '$W'/in/*.txt"
    i=$((i + 1))
done
audio=$(for f in "$W"/out/*.mp3; do ffprobe -v error -show_entries format=duration -of csv=p=0 "$f"; done |
        awk '{s += $1} END {printf "%.0f", s}')

echo "batch: $SHORTS short articles, $audio s of audio in all ($(awk "BEGIN{printf \"%.0f\", $audio/$SHORTS}") s each); $RUNS runs, medians"
printf '%-24s %8s %8s %11s %9s\n' what wall_s cpu_s cores_busy rss_MiB
medians batch batch_1lane singles >"$W/med"
awk '{
    label = $1 == "batch" ? "narrate batch" : $1 == "batch_1lane" ? "narrate batch --lanes 1" : "parallel -j2 narrate"
    printf "%-24s %8.2f %8.2f %11.2f %9.1f\n", label, $2, $3, $3 / $2, $4 / 1024
}' "$W/med"
awk '{w[$1]=$2; c[$1]=$3}
    END {
        printf "batch: %.2f cores busy (target >= 1.8); wall %.2f x the parallel singles (target <= 0.8), CPU %.2f x\n", c["batch"]/w["batch"], w["batch"]/w["singles"], c["batch"]/c["singles"]
        printf "batch --lanes 1: %.2f cores busy, wall %.2f x the parallel singles\n", c["batch_1lane"]/w["batch_1lane"], w["batch_1lane"]/w["singles"]
    }' "$W/med"
