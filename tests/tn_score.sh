#!/bin/sh
# tn_score.sh NARRATE_PATH - lenient text-normalization scores of the
# normalizer on the shared evaluation data (used by `make tn-score`).
#
# Both data sets use US conventions (see shared/data/tn/SOURCE.md), so the
# normalizer runs with --locale en-US.  Lenient = --join-letters (spelled
# letters compare equal however they are spaced) and --ignore-words and
# ("one hundred and five" == "one hundred five").
set -u
NARRATE=${1:?usage: tests/tn_score.sh NARRATE_PATH}
here=$(cd "$(dirname "$0")" && pwd)
SHARED=""
for d in "$here/../../shared" "$here/../../../shared" "../shared" "$here/../shared"; do
    if [ -f "$d/tools/score_tn.py" ]; then SHARED=$d; break; fi
done
if [ -z "$SHARED" ]; then
    echo "tn_score.sh: cannot find shared/ (tried \$(dirname \$0)/../../shared and ../shared)" >&2
    exit 2
fi
score="python3 $SHARED/tools/score_tn.py --join-letters --ignore-words and --batch"
echo "== NeMo English test cases (nemo_en.tsv) =="
$score "$SHARED/data/tn/nemo_en.tsv" -- "$NARRATE" --normalize --locale en-US || exit 1
echo
echo "== Google TN sentences that need verbalising (googletn_changed) =="
$score --class googletn_changed "$SHARED/data/tn/googletn_dev.tsv" -- \
    "$NARRATE" --normalize --locale en-US || exit 1
