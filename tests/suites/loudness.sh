#!/bin/sh
# loudness.sh - every built-in voice's seed MP3 lands within 1 LU of the
# -16 LUFS target with true peaks at or under -1 dBTP, as measured by an
# independent meter (ffmpeg's ebur128 filter); --loudness changes the target
# and off leaves Flite's level; a pipe gets the per-voice calibrated gain.
. "$TOP/tests/suites/lib.sh"
SEED="$TOP/samples/seed-article.txt"

measure() {  # measure FILE -> "I TP"
    ffmpeg -nostats -i "$1" -af ebur128=peak=true -f null - 2>&1 |
        awk '/^ +I:/ {i=$2} /^ +Peak:/ {p=$2} END {print i, p}'
}
within() {  # within VALUE TARGET TOLERANCE
    awk -v v="$1" -v t="$2" -v d="$3" 'BEGIN { x = v - t; if (x < 0) x = -x; exit !(x <= d) }'
}
le() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a <= b) }'; }

for v in slt kal kal16 awb rms; do
    "$NARRATE" -q -j 2 --voice "$v" "$SEED" -o "$WORK/$v.mp3"
    set -- $(measure "$WORK/$v.mp3")
    t "$v: $1 LUFS within 1 LU of -16" within "$1" -16 1
    t "$v: true peak $2 dBTP <= -1" le "$2" -1.0
done

"$NARRATE" -q --voice kal16 --loudness -23 "$SEED" -o "$WORK/ebu.mp3"
set -- $(measure "$WORK/ebu.mp3")
t "--loudness -23: $1 LUFS within 1 LU" within "$1" -23 1
"$NARRATE" -q --voice kal16 --loudness off "$SEED" -o "$WORK/off.mp3"
set -- $(measure "$WORK/off.mp3")
t "--loudness off keeps kal16's own level ($1 LUFS, about -29)" within "$1" -29 1.5
"$NARRATE" -q --voice kal16 "$SEED" -o - | cat >"$WORK/pipe.mp3"
set -- $(measure "$WORK/pipe.mp3")
t "a pipe (calibrated gain, no spool): $1 LUFS within 1.5 LU" within "$1" -16 1.5
t "  and true peak $2 <= -1 dBTP" le "$2" -1.0
"$NARRATE" --loudness loud "$SEED" -o "$WORK/x.mp3" 2>/dev/null
t "--loudness with a bad value: exit 2" [ $? -eq 2 ]
done_
