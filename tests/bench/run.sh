#!/bin/sh
# run.sh BUILD_DIR - narrate against the plain Flite + LAME pipeline, side by
# side in one run, on the same text; medians of RUNS runs.  Prints wall time,
# CPU time, peak RSS and real-time factor for each, and the ratios.
#
#   RUNS=3 LONG_CHARS=180000 tests/bench/run.sh build-bench
#   BENCH=batch tests/bench/run.sh build-bench    (the batch figure alone)
set -eu
B=$1
TOP=$(cd "$(dirname "$0")/../.." && pwd)
if [ "${BENCH:-}" = batch ]; then
    exec "$TOP/tests/bench/batch.sh" "$B"
fi
N="$B/narrate"
RUNS=${RUNS:-3}
W=$(mktemp -d "${TMPDIR:-/tmp}/narrate-bench.XXXXXX")
trap 'rm -rf "$W"' EXIT INT TERM
export NARRATE_LEXICON="$TOP/voices/lexicon.txt"

py=/usr/bin/python3
$py "$TOP/tests/bench/make_text.py" "$TOP/samples/seed-article.txt" 50000 >"$W/article.txt"
# The baseline speaks exactly what narrate speaks, so both do the same work.
"$N" --script "$W/article.txt" | grep -v '^# ' >"$W/spoken.txt"

. "$TOP/tests/bench/lib.sh"
: >"$W/times"
i=0
while [ $i -lt "$RUNS" ]; do
    measure baseline "flite -voice slt -f '$W/spoken.txt' -o '$W/T.wav' && lame --silent -m m -b 64 '$W/T.wav' '$W/T.mp3'"
    measure narrate_j1 "'$N' -q -j 1 '$W/article.txt' -o '$W/n1.mp3'"
    measure narrate "'$N' -q '$W/article.txt' -o '$W/n.mp3'"
    i=$((i + 1))
done
audio=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$W/n.mp3")

# ttfb: seconds until the first MP3 audio frame (after the ID3 tag) leaves
# on -o -
ttfb() {
    $py - "$N" "$1" <<'PY'
import subprocess, sys, time
t = time.monotonic()
p = subprocess.Popen([sys.argv[1], "-q", sys.argv[2], "-o", "-"], stdout=subprocess.PIPE)
head = p.stdout.read(10)
size = ((head[6] << 21) | (head[7] << 14) | (head[8] << 7) | head[9]) + 10
got = len(head)
while got < size + 4:
    got += len(p.stdout.read(1))
print(f"{time.monotonic() - t:.3f}")
p.kill(); p.wait()
PY
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -m), $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n 1)"
echo "text: $(wc -c <"$W/article.txt") characters, $(printf '%.0f' "$audio") s of audio; $RUNS runs, medians"
printf '%-12s %8s %8s %9s %8s\n' what wall_s cpu_s rss_MiB x_realtime
medians baseline narrate_j1 narrate >"$W/med"
awk -v a="$audio" '{printf "%-12s %8.2f %8.2f %9.1f %8.1f\n", $1, $2, $3, $4/1024, a/$2}' "$W/med"
awk '
    {w[$1]=$2; c[$1]=$3; m[$1]=$4}
    END {
        printf "ratio narrate/baseline: wall %.2f (target <= 0.60), cpu %.2f (target <= 1.05)\n", w["narrate"]/w["baseline"], c["narrate"]/c["baseline"]
        printf "ratio narrate -j1/baseline: wall %.2f, cpu %.2f\n", w["narrate_j1"]/w["baseline"], c["narrate_j1"]/c["baseline"]
    }' "$W/med"

# memory does not grow with length: about 3 hours of audio
long=${LONG_CHARS:-180000}
$py "$TOP/tests/bench/make_text.py" "$TOP/samples/seed-article.txt" "$long" >"$W/long.txt"
/usr/bin/time -f "%e %M" -o "$W/tl" "$N" -q "$W/long.txt" -o "$W/long.mp3"
long_audio=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$W/long.mp3")
read -r lw lm <"$W/tl"
short_rss=$(awk '$1=="narrate"{print $4}' "$W/med")
printf 'long text: %s characters, %.0f s of audio (%.1f h), wall %.1f s, peak RSS %.1f MiB (%.2f x the 50k-text peak; target < 64 MiB and within 10%%)\n' \
    "$(wc -c <"$W/long.txt")" "$long_audio" "$(echo "$long_audio/3600" | bc -l)" "$lw" "$(echo "$lm/1024" | bc -l)" "$(echo "$lm/$short_rss" | bc -l)"

# time to first byte on -o -, seed and a text 20 times longer
$py "$TOP/tests/bench/make_text.py" "$TOP/samples/seed-article.txt" 110000 >"$W/x20.txt"
t1=$(ttfb "$TOP/samples/seed-article.txt"); t1b=$(ttfb "$TOP/samples/seed-article.txt"); t1c=$(ttfb "$TOP/samples/seed-article.txt")
t2=$(ttfb "$W/x20.txt"); t2b=$(ttfb "$W/x20.txt"); t2c=$(ttfb "$W/x20.txt")
m1=$(printf '%s\n' "$t1" "$t1b" "$t1c" | sort -n | sed -n 2p)
m2=$(printf '%s\n' "$t2" "$t2b" "$t2c" | sort -n | sed -n 2p)
echo "time to the first MP3 audio frame on -o - (median of 3): seed ${m1} s, 20x text ${m2} s (ratio $(echo "$m2/$m1" | bc -l | cut -c1-4); target < 0.3 s)"

# normalizer speed on one core (issue target: at least 5 MB/s), and the whole
# text path (reader, structure, normalizer: --script) on the same 5 MB
$py "$TOP/tests/bench/make_text.py" "$TOP/samples/seed-article.txt" 5000000 >"$W/big.txt"
big=$(wc -c <"$W/big.txt")
for mode in normalize script; do
    : >"$W/tn"
    i=0
    while [ $i -lt "$RUNS" ]; do
        if [ $mode = normalize ]; then
            /usr/bin/time -f "%U %S %M" -o "$W/t" "$N" --normalize --locale en-US <"$W/big.txt" >/dev/null
        else
            /usr/bin/time -f "%U %S %M" -o "$W/t" "$N" --script "$W/big.txt" >/dev/null
        fi
        awk '{print $1 + $2, $3}' "$W/t" >>"$W/tn"
        i=$((i + 1))
    done
    sort -n "$W/tn" | awk -v r="$RUNS" -v b="$big" -v m=$mode '{c[NR]=$1; k[NR]=$2}
        END {x=int((r+1)/2); printf "text path (%s): %.1f MB in %.2f s CPU = %.1f MB/s on one core, peak RSS %.1f MiB%s\n",
             m, b/1e6, c[x], b/1e6/c[x], k[x]/1024, m=="normalize" ? " (target >= 5 MB/s)" : ""}'
done

# the batch figure: thirty short articles, narrate batch against the same
# files narrated by parallel -j2 (tests/bench/batch.sh)
"$TOP/tests/bench/batch.sh" "$B"
