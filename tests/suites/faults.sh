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

# WAV on a full disk: whichever write it strikes (header, audio, the sizes
# written at the end), the message is the real error
printf 'previous' >"$WORK/out.wav"
NARRATE_INJECT_LOG="$WORK/inject.log" LD_PRELOAD="$IO" "$NARRATE" -q -j1 "$WORK/in.txt" -o "$WORK/probe.wav"
nw=$(sed -n 's/^output writes: //p' "$WORK/inject.log")
for n in 1 2 3 $((nw - 1)) "$nw"; do
    NARRATE_FAIL=write:$n LD_PRELOAD="$IO" timeout 60 "$NARRATE" -q -j1 "$WORK/in.txt" -o "$WORK/out.wav" 2>"$WORK/err"
    rc=$?
    t "WAV, write $n of $nw fails: exit 4, one line, the real reason ($(cat "$WORK/err"))" \
        test "$rc" -eq 4 -a "$(wc -l <"$WORK/err")" -eq 1 -a -n "$(grep 'No space left on device' "$WORK/err")"
    t "  previous WAV intact, no temporary file" sh -c "[ \"\$(cat '$WORK/out.wav')\" = previous ] && [ -z \"\$(find '$WORK' -maxdepth 1 -name '.*.??????')\" ]"
done

# SIGINT/SIGTERM in the loudness and encoding pass of a format whose tags
# sit in its header (the whole file is written after synthesis): raised by
# the shim at the 20th write to the output, so it lands in that pass every
# time.  The run stops at once (a few writes at most, of hundreds left),
# exits 130/143, keeps the previous file and leaves no temporary file.
"$PY" "$TOP/tests/bench/make_text.py" "$TOP/samples/seed-article.txt" 3000 >"$WORK/mid.txt"
for f in flac:INT ogg:TERM opus:INT m4b:TERM; do
    ext=${f%%:*} sig=${f#*:}
    want=130; [ "$sig" = TERM ] && want=143
    sigl=$(echo "$sig" | tr A-Z a-z)
    printf 'previous' >"$WORK/sig.$ext"
    rm -f "$WORK/inject.log"
    # env after timeout: the shim in timeout itself would write the log last
    timeout 300 env NARRATE_FAIL=sig$sigl:20 NARRATE_INJECT_LOG="$WORK/inject.log" LD_PRELOAD="$IO" \
        "$NARRATE" -q -j2 --voice kal16 "$WORK/mid.txt" -o "$WORK/sig.$ext" 2>"$WORK/err"
    rc=$?
    after=$(sed -n 's/^writes after the signal: //p' "$WORK/inject.log" 2>/dev/null)
    t "SIG$sig while encoding .$ext: exit $want (got $rc)" [ "$rc" -eq "$want" ]
    t "  stopped within a block: ${after:-?} more writes" [ -n "$after" ] && [ "$after" -le 10 ]
    t "  previous .$ext intact" [ "$(cat "$WORK/sig.$ext")" = previous ]
    t "  no temporary file left" no_temp
done

# the audio and its sidecars replace the old ones together or not at all
old_set() {
    printf 'old audio' >"$WORK/g.mp3"; printf 'old vtt' >"$WORK/g.vtt"; printf 'old json' >"$WORK/g.json"
}
all_old() {
    [ "$(cat "$WORK/g.mp3")" = "old audio" ] && [ "$(cat "$WORK/g.vtt")" = "old vtt" ] &&
        [ "$(cat "$WORK/g.json")" = "old json" ]
}
group() { "$NARRATE" -q -j1 "$WORK/in.txt" -o "$WORK/g.mp3" --transcript "$@" --chapters-json "$WORK/g.json"; }
old_set
group "$WORK/nodir/g.vtt" 2>"$WORK/err"
rc=$?
t "transcript cannot be written: exit 4 ($rc), one line ($(cat "$WORK/err"))" \
    test "$rc" -eq 4 -a "$(wc -l <"$WORK/err")" -eq 1
t "  the old audio and chapters stay: nothing replaced" all_old
t "  no temporary file left" no_temp
for f in fsync:2 close:3 rename:1 rename:2 rename:3; do
    old_set
    NARRATE_FAIL=$f LD_PRELOAD="$IO" group "$WORK/g.vtt" 2>"$WORK/err"
    rc=$?
    t "group, $f fails: exit 4 ($rc), one line ($(cat "$WORK/err"))" test "$rc" -eq 4 -a "$(wc -l <"$WORK/err")" -eq 1
    t "  audio, transcript and chapters all still the old ones" all_old
    t "  no temporary file left" no_temp
done
group "$WORK/g.vtt"
t "the same group without a fault replaces all three" sh -c "[ \"\$(head -c 3 '$WORK/g.mp3')\" = ID3 ] && grep -q WEBVTT '$WORK/g.vtt' && grep -q chapters '$WORK/g.json'"

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
