#!/bin/sh
# listening.sh - what listeners and accessibility tools rely on: sentence
# transcripts with exact times, chapters JSON, speech rate with chapters still
# aligned, raw and WAV streaming.
. "$TOP/tests/suites/lib.sh"

SEED="$TOP/samples/seed-article.txt"
TITLES="The crucial world of counter terror collaboration|Defending the realm|Senior support|Local focus|Security concerns"
old_ifs=$IFS; IFS='|'; set -- $TITLES; IFS=$old_ifs

"$NARRATE" -q "$SEED" -o "$WORK/s.mp3" --transcript "$WORK/s.vtt" --chapters-json "$WORK/s.json"
t "narrate with --transcript and --chapters-json exits 0" [ $? -eq 0 ]
"$NARRATE" -q "$SEED" -o "$WORK/s2.mp3" --transcript "$WORK/s.srt"
t "same audio whatever sidecars are asked for" cmp -s "$WORK/s.mp3" "$WORK/s2.mp3"
if "$PY" "$TOP/tests/e2e/check_transcript.py" "$SEED" "$WORK/s.mp3" "$WORK/s.vtt" "$WORK/s.srt" "$WORK/s.json" >"$WORK/tr.log" 2>&1; then
    ok "transcript checks: $(tail -n 1 "$WORK/tr.log")"
else
    cat "$WORK/tr.log"; bad "transcript checks"
fi

# --rate 2: Flite's own duration control, pauses scaled, chapters exact
"$NARRATE" -q --rate 2 "$SEED" -o "$WORK/fast.mp3"
t "--rate 2 exits 0" [ $? -eq 0 ]
d1=$("$PY" -c "from mutagen.id3 import ID3; print(ID3('$WORK/s.mp3')['TLEN'])")
d2=$("$PY" -c "from mutagen.id3 import ID3; print(ID3('$WORK/fast.mp3')['TLEN'])")
pct=$((d2 * 100 / d1))
t "--rate 2 lasts $pct % of --rate 1 (45 to 65)" test "$pct" -ge 45 -a "$pct" -le 65
if "$PY" "$TOP/tests/e2e/check_mp3.py" "$WORK/fast.mp3" "$@" >"$WORK/fast.log" 2>&1; then
    ok "--rate 2 MP3 checks, chapters aligned: $(tail -n 1 "$WORK/fast.log")"
else
    cat "$WORK/fast.log"; bad "--rate 2 MP3 checks"
fi
"$NARRATE" -q --rate 0.7 "$SEED" --format raw -o - >"$WORK/slow.raw"
n=$(wc -c <"$WORK/slow.raw")
t "--rate 0.7 raw output is longer than rate 1 ($n bytes)" [ "$n" -gt $((d1 * 32)) ]

# WAV and raw on a pipe
"$NARRATE" -q "$SEED" --format wav -o - | ffmpeg -v error -i - -f null - 2>"$WORK/wav.err"
t "WAV streamed to a pipe decodes" [ ! -s "$WORK/wav.err" ]
"$NARRATE" -q "$SEED" --format raw -o - >"$WORK/s.raw"
n=$(wc -c <"$WORK/s.raw")
diff=$((n / 32 - d1))
t "raw PCM length matches the MP3 duration ($n bytes, $d1 ms)" [ "${diff#-}" -le 1 ]
done_
