#!/bin/sh
# faults.sh - injected failures: write, fsync, close and rename errors (an
# LD_PRELOAD shim), and the Nth allocation failing for every N of a text run
# and for a sample of N along a synthesis run.  Each must end with the
# documented exit code and one line of explanation, never a crash, with no
# temporary file left and any previous output intact.
. "$TOP/tests/suites/lib.sh"

if [ -n "${NR_SANITIZED:-}" ]; then
    # an LD_PRELOAD shim cannot go before the sanitizer runtime; the normal
    # build (make check) runs these
    echo "faults: not run under sanitizers"
    done_
    exit 0
fi
IO="$B/tests/inject_io.so"
AL="$B/tests/inject_alloc.so"
printf 'A short title\n\nHello there. A second sentence follows.\n\nA heading here\n\nAnd a last paragraph, with 3 numbers: 1, 2 and 40%%.\n' >"$WORK/in.txt"
no_temp() { [ -z "$(find "$WORK" -maxdepth 1 -name '.*.??????')" ]; }

for f in write:1 write:2 write:3 write:20 fsync:1 close:1 rename:1; do
    printf 'previous' >"$WORK/out.mp3"
    NARRATE_FAIL=$f LD_PRELOAD="$IO" timeout 60 "$NARRATE" -q -j1 "$WORK/in.txt" -o "$WORK/out.mp3" 2>"$WORK/err"
    rc=$?
    lines=$(wc -l <"$WORK/err")
    t "$f fails with exit 4 and one line ($(cat "$WORK/err"))" test "$rc" -eq 4 -a "$lines" -eq 1
    t "  $f: previous output intact" [ "$(cat "$WORK/out.mp3")" = previous ]
    t "  $f: no temporary file left" no_temp
done
# FFmpeg is loaded only for FLAC/Ogg/Opus/M4B: without it those fail at
# once with a reason, and MP3 never needs it
printf 'previous' >"$WORK/out.opus"
NARRATE_FAIL=dlopen:1 LD_PRELOAD="$IO" timeout 60 "$NARRATE" -q -j1 "$WORK/in.txt" -o "$WORK/out.opus" 2>"$WORK/err"
rc=$?
t "no FFmpeg: Opus fails with exit 4 and one line ($(cat "$WORK/err"))" \
    test "$rc" -eq 4 -a "$(wc -l <"$WORK/err")" -eq 1 -a -n "$(grep -i ffmpeg "$WORK/err")"
t "  no FFmpeg: previous Opus output intact" [ "$(cat "$WORK/out.opus")" = previous ]
t "  no FFmpeg: no temporary file left" no_temp
rm -f "$WORK/out.mp3"
NARRATE_FAIL=dlopen:1 LD_PRELOAD="$IO" timeout 60 "$NARRATE" -q -j1 "$WORK/in.txt" -o "$WORK/out.mp3"
t "no FFmpeg: MP3 still works" test $? -eq 0 -a -s "$WORK/out.mp3"
t "  an MP3 run does not map FFmpeg at all" sh -c "! ldd '$NARRATE' | grep -q libavformat"
NARRATE_FAIL=write:2 LD_PRELOAD="$IO" "$NARRATE" -q "$WORK/in.txt" -o "$WORK/out.mp3" \
    --transcript "$WORK/t.vtt" 2>/dev/null
t "a failed audio write leaves no transcript either" [ ! -e "$WORK/t.vtt" ]

# allocation failures: every N of a --script run
total=$(NARRATE_COUNT_ALLOC=1 LD_PRELOAD="$AL" "$NARRATE" --script "$WORK/in.txt" 2>&1 >/dev/null | sed -n 's/^allocations: //p')
crashes=0 noisy=0 n=1
while [ "$n" -le "${total:-0}" ]; do
    NARRATE_FAIL_ALLOC=$n LD_PRELOAD="$AL" timeout 60 "$NARRATE" --script "$WORK/in.txt" >/dev/null 2>"$WORK/err"
    rc=$?
    if [ $rc -gt 5 ]; then crashes=$((crashes + 1)); echo "  N=$n: exit $rc"; fi
    if [ $rc -ne 0 ] && [ "$(wc -l <"$WORK/err")" -ne 1 ]; then noisy=$((noisy + 1)); fi
    n=$((n + 1))
done
t "--script with allocation N failing, N = 1..$total: no crash ($crashes)" test "$crashes" -eq 0 -a "${total:-0}" -gt 50
t "  each failure explained in one line ($noisy without)" [ "$noisy" -eq 0 ]

# a synthesis run: a sample of N across all its allocations
total=$(NARRATE_COUNT_ALLOC=1 LD_PRELOAD="$AL" "$NARRATE" -q -j1 --voice kal16 "$WORK/in.txt" -o "$WORK/a.mp3" 2>&1 | sed -n 's/^allocations: //p')
crashes=0 runs=0 failed_ok=0
for k in $(seq 1 120); do
    n=$((k * ${total:-0} / 120))
    [ $k -le 40 ] && n=$((k * 7))
    printf 'previous' >"$WORK/m.mp3"
    NARRATE_FAIL_ALLOC=$n LD_PRELOAD="$AL" timeout 60 "$NARRATE" -q -j1 --voice kal16 "$WORK/in.txt" -o "$WORK/m.mp3" 2>"$WORK/err"
    rc=$?
    runs=$((runs + 1))
    if [ $rc -gt 5 ]; then crashes=$((crashes + 1)); echo "  N=$n: exit $rc: $(head -c 200 "$WORK/err")"; fi
    if [ $rc -ne 0 ] && [ "$(cat "$WORK/m.mp3")" = previous ]; then failed_ok=$((failed_ok + 1)); fi
    if [ $rc -ne 0 ] && [ "$(cat "$WORK/m.mp3")" != previous ]; then echo "  N=$n: output replaced after a failure"; crashes=$((crashes + 1)); fi
done
t "synthesis with allocation N failing ($runs values of N up to $total): no crash, no lost output ($crashes)" test "$crashes" -eq 0 -a "${total:-0}" -gt 1000
t "  some of those runs did fail cleanly ($failed_ok)" [ "$failed_ok" -gt 10 ]
t "  no temporary file left" no_temp
done_
