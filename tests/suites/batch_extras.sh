#!/bin/sh
# batch_extras.sh - the batch embeds the channel's local artwork
# (cover_file) in every episode and reports each episode's loudness.
. "$TOP/tests/suites/lib.sh"
mkdir -p "$WORK/in" "$WORK/out"
cp "$TOP/samples/finance-budget-uk.md" "$WORK/in/"
printf 'A short note on rain\n\nIt rained all day in the town, and the river rose by 2 metres.\n' >"$WORK/in/rain.txt"
ffmpeg -v error -f lavfi -i color=c=green:s=40x40 -frames:v 1 "$WORK/art.png"
printf 'title = Test show\ncover_file = %s\nvoice = kal16\n' "$WORK/art.png" >"$WORK/feed.conf"
SOURCE_DATE_EPOCH=1700000000 "$NARRATE" batch -q "$WORK/in" "$WORK/out" --config "$WORK/feed.conf" --report "$WORK/report.json"
t "batch with cover_file exits 0" [ $? -eq 0 ]
"$PY" - "$WORK" >"$WORK/py.log" 2>&1 <<'PY'
import glob, json, sys
from mutagen.id3 import ID3
w = sys.argv[1]
art = open(w + "/art.png", "rb").read()
mp3s = sorted(glob.glob(w + "/out/*.mp3"))
assert len(mp3s) == 2, mp3s
for m in mp3s:
    pics = ID3(m).getall("APIC")
    assert len(pics) == 1 and pics[0].data == art, m
rep = json.load(open(w + "/report.json"))
arts = rep.get("articles", rep.get("items", []))
for a in arts:
    l = a["loudness"]
    assert abs(l["output_lufs"] + 16) < 1.0, l
print("ok")
PY
st=$?; cat "$WORK/py.log"
t "every episode carries the cover and reports its loudness" [ $st -eq 0 ]
printf 'title = Test show\ncover_file = %s\n' "$TOP/README.md" >"$WORK/bad.conf"
"$NARRATE" batch -q "$WORK/in" "$WORK/out2" --config "$WORK/bad.conf" 2>"$WORK/err"
t "a cover_file that is not an image: a bad setting, exit 2, one line naming file, line and key ($(cat "$WORK/err"))" \
    test $? -eq 2 -a "$(wc -l <"$WORK/err")" -eq 1 -a -n "$(grep 'bad.conf:2: cover_file:' "$WORK/err")"
t "  before any work: no OUT_DIR made" [ ! -e "$WORK/out2" ]
done_
