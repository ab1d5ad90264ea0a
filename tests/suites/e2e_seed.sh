#!/bin/sh
# e2e_seed.sh - narrate the seed article end to end and check the MP3 with
# independent readers (ffprobe, mutagen, mp3val, ffmpeg-decoded audio), and
# its --script with the words a person would say.
. "$TOP/tests/suites/lib.sh"

SEED="$TOP/samples/seed-article.txt"
TITLES="The crucial world of counter terror collaboration|Defending the realm|Senior support|Local focus|Security concerns"

# --script: chapters, spoken forms, nothing from the comment-form tail
"$NARRATE" --script "$SEED" >"$WORK/script.txt" 2>"$WORK/script.err"
t "--script exits 0" [ $? -eq 0 ]
got=$(grep '^# ' "$WORK/script.txt" | sed 's/^# //' | paste -sd'|' -)
t "--script chapters are the five expected" [ "$got" = "$TITLES" ]
# letters of an initialism may be joined by hyphens for Flite ("M-I five")
t "--script says MI5 as 'M I five'" grep -Eqi '\bM[ -]I five\b' "$WORK/script.txt"
for phrase in "nine eleven" "seven seven" \
    "two thousand nine to two thousand thirteen" \
    "thirteenth of May twenty fourteen" "eighteen eighty three" \
    "Doctor Andrew Staniforth" "By Andrew Staniforth, Police Oracle"; do
    t "--script says '$phrase'" grep -qi "$phrase" "$WORK/script.txt"
done
t "--script says MPs as letters" grep -Eqi "\\bM[ -]P'?s\\b" "$WORK/script.txt"
for junk in Zemanta "Leave a Reply" commenting "Connecting to" "Log Out" \
    "more at" continue "9/11" "MI5" "2009" "%s"; do
    t "--script does not say '$junk'" sh -c "! grep -qiw -- '$junk' '$WORK/script.txt'"
done
t "--script has no non-ASCII bytes" sh -c "! LC_ALL=C grep -q '[^ -~]' '$WORK/script.txt'"
t "--script prints nothing on stderr" [ ! -s "$WORK/script.err" ]

# the MP3
"$NARRATE" -q "$SEED" -o "$WORK/seed.mp3"
t "narrate seed -> mp3 exits 0" [ $? -eq 0 ]
t "no temporary file left" sh -c "[ \$(ls -A '$WORK' | grep -c '^\.') -eq 0 ]"
old_ifs=$IFS; IFS='|'; set -- $TITLES; IFS=$old_ifs
if "$PY" "$TOP/tests/e2e/check_mp3.py" "$WORK/seed.mp3" "$@" >"$WORK/check.log" 2>&1; then
    ok "MP3 checks: $(tail -n 1 "$WORK/check.log")"
else
    cat "$WORK/check.log"
    bad "MP3 checks"
fi

# WAV through libsndfile: same duration as the MP3's TLEN
"$NARRATE" -q "$SEED" -o "$WORK/seed.wav"
t "narrate seed -> wav exits 0" [ $? -eq 0 ]
wav_ms=$(ffprobe -v error -show_entries stream=duration -of csv=p=0 "$WORK/seed.wav" | awk '{printf "%d", $1*1000+0.5}')
tlen=$("$PY" -c "from mutagen.id3 import ID3; print(ID3('$WORK/seed.mp3')['TLEN'])")
diff=$((wav_ms - tlen))
t "WAV duration ($wav_ms ms) equals MP3 TLEN ($tlen ms)" [ "${diff#-}" -le 1 ]

done_
