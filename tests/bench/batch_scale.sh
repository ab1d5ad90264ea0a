#!/bin/sh
# batch_scale.sh BUILD_DIR - narrate batch over 100, 300 and 1000 short
# articles (voice kal16; not part of make check or make bench: it takes
# minutes): wall time should grow linearly with the articles and peak RSS
# stay flat.  Prints one line per size.
#
#   SIZES="100 300 1000" tests/bench/batch_scale.sh build-bench
set -eu
B=$1
TOP=$(cd "$(dirname "$0")/../.." && pwd)
N="$B/narrate"
case "$N" in /*) ;; *) N="$TOP/$N" ;; esac
SIZES=${SIZES:-100 300 1000}
W=$(mktemp -d "${TMPDIR:-/tmp}/narrate-bench-scale.XXXXXX")
trap 'rm -rf "$W"' EXIT INT TERM
export NARRATE_LEXICON="$TOP/voices/lexicon.txt"
printf 'title = Scale\nvoice = kal16\n' >"$W/feed.conf"
echo "machine: $(nproc) cores; voice kal16; articles of about 160 words"
printf '%8s %9s %8s %8s %11s %12s %9s\n' articles audio_s wall_s cpu_s cores_busy wall_ms/art rss_MiB
for n in $SIZES; do
    rm -rf "$W/in" "$W/out"
    /usr/bin/python3 "$TOP/tests/bench/make_shorts.py" "$W/in" "$n"
    /usr/bin/time -f "%e %U %S %M" -o "$W/t" "$N" batch -q "$W/in" "$W/out" --config "$W/feed.conf"
    audio=$(/usr/bin/python3 -c 'import glob,json,sys; print(sum(json.load(open(f))["duration_ms"] for f in glob.glob(sys.argv[1] + "/*.episode.json")) // 1000)' "$W/out")
    read -r wall user sys rss <"$W/t"
    awk -v n="$n" -v a="$audio" -v w="$wall" -v u="$user" -v s="$sys" -v m="$rss" \
        'BEGIN {printf "%8d %9d %8.1f %8.1f %11.2f %12.0f %9.1f\n", n, a, w, u + s, (u + s) / w, w * 1000 / n, m / 1024}'
done
