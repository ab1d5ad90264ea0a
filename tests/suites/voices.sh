#!/bin/sh
# voices.sh - voices from files: a built-in voice dumped by Flite itself
# narrates by path, by name through NARRATE_VOICE_PATH, is listed with where
# it comes from, and sounds like the built-in it came from.
. "$TOP/tests/suites/lib.sh"
SEED="$TOP/samples/seed-article.txt"
mkdir -p "$WORK/vp"
flite -voice rms -voicedump "$WORK/vp/dumped.flitevox" >/dev/null 2>&1
t "flite dumps the rms voice" [ -s "$WORK/vp/dumped.flitevox" ]

NARRATE_VOICE_PATH="$WORK/vp" "$NARRATE" --list-voices >"$WORK/list"
t "--list-voices shows the dumped voice and its file" grep -q "^dumped .*file .*$WORK/vp/dumped.flitevox" "$WORK/list"
t "--list-voices still shows the five built-ins" [ "$(grep -c ' built-in ' "$WORK/list")" -eq 5 ]

"$NARRATE" -q --voice "$WORK/vp/dumped.flitevox" "$SEED" -o "$WORK/path.mp3"
t "narrate with the voice file by path" [ $? -eq 0 ]
NARRATE_VOICE_PATH="$WORK/vp" "$NARRATE" -q --voice dumped "$SEED" -o "$WORK/name.mp3"
t "narrate with the voice by name through NARRATE_VOICE_PATH" [ $? -eq 0 ]
t "  same audio either way" cmp -s "$WORK/path.mp3" "$WORK/name.mp3"
"$NARRATE" -q --voice rms "$SEED" -o "$WORK/builtin.mp3"
d1=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$WORK/path.mp3")
d2=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$WORK/builtin.mp3")
t "  as long as the built-in rms ($d1 s vs $d2 s, within 2 %)" awk -v a="$d1" -v b="$d2" 'BEGIN { r = a / b; exit !(r > 0.98 && r < 1.02) }'
n=$(ffprobe -v error -show_chapters -of csv "$WORK/path.mp3" | grep -c '^chapter')
t "  with its five chapters" [ "$n" -eq 5 ]

printf 'not a voice' >"$WORK/vp/broken.flitevox"
"$NARRATE" -q --voice "$WORK/vp/broken.flitevox" "$SEED" -o "$WORK/b.mp3" 2>"$WORK/err"
rc=$?
t "a broken voice file: an error, not a crash (exit $rc: $(cat "$WORK/err"))" test "$rc" -ge 1 -a "$rc" -le 5
t "  and no output" [ ! -e "$WORK/b.mp3" ]
"$NARRATE" -q --voice nosuchvoice "$SEED" -o "$WORK/n.mp3" 2>"$WORK/err"
t "unknown voice name: exit 2" [ $? -eq 2 ]
done_
