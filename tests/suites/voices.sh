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

# lexicon phones: two made-up words given the same Flite phones sound the
# same (and unlike Flite's own guesses for them), built-in voice and file
mkdir -p "$WORK/ph1" "$WORK/ph2"
printf 'Zorblax\t/b ae1 t/\nQuuxity\t/B AE2 T/\n' >"$WORK/phones.lex"
printf 'Zorblax is here, said Zorblax.\n' >"$WORK/ph1/x.txt"
printf 'Quuxity is here, said Quuxity.\n' >"$WORK/ph2/x.txt"
for d in ph1 ph2; do
    "$NARRATE" -q --lexicon "$WORK/phones.lex" "$WORK/$d/x.txt" -o "$WORK/$d/lex.wav"
    "$NARRATE" -q "$WORK/$d/x.txt" -o "$WORK/$d/own.wav"
    "$NARRATE" -q --jobs 2 --voice "$WORK/vp/dumped.flitevox" --lexicon "$WORK/phones.lex" \
        "$WORK/$d/x.txt" -o "$WORK/$d/file.wav"
done
t "lexicon phones: same phones, same audio" cmp -s "$WORK/ph1/lex.wav" "$WORK/ph2/lex.wav"
t "  without them the two words differ" sh -c "! cmp -s '$WORK/ph1/own.wav' '$WORK/ph2/own.wav'"
t "  and the phones changed what was said" sh -c "! cmp -s '$WORK/ph1/lex.wav' '$WORK/ph1/own.wav'"
t "  a voice from a file takes them too" cmp -s "$WORK/ph1/file.wav" "$WORK/ph2/file.wav"
