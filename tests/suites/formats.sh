#!/bin/sh
# formats.sh - every output format carries title, author, date and chapters
# in its own convention, exact after decoding (ffprobe/ffmpeg), and the
# cover art given with --cover (mutagen); bad covers and impossible outputs
# are refused with the documented codes.
. "$TOP/tests/suites/lib.sh"
SEED="$TOP/samples/seed-article.txt"
TITLES="The crucial world of counter terror collaboration|Defending the realm|Senior support|Local focus|Security concerns"
old_ifs=$IFS; IFS='|'; set -- $TITLES; IFS=$old_ifs

ffmpeg -v error -f lavfi -i color=c=red:s=64x48 -frames:v 1 "$WORK/cover.jpg"
ffmpeg -v error -f lavfi -i color=c=blue:s=32x32 -frames:v 1 "$WORK/cover.png"
for e in flac ogg opus m4b; do
    cover=$WORK/cover.jpg; [ $e = ogg ] && cover=$WORK/cover.png
    "$NARRATE" -q --voice kal16 --cover "$cover" "$SEED" -o "$WORK/s.$e"
    t "$e: narrate exits 0" [ $? -eq 0 ]
    if "$PY" "$TOP/tests/e2e/check_chapters.py" "$WORK/s.$e" "$@" >"$WORK/$e.log" 2>&1; then
        ok "$e: chapters, tags, alignment: $(tail -n 1 "$WORK/$e.log")"
    else
        cat "$WORK/$e.log"; bad "$e: chapters, tags, alignment"
    fi
done
"$NARRATE" -q --voice kal16 --cover "$WORK/cover.png" "$SEED" -o "$WORK/s.mp3"
"$PY" - "$WORK" >"$WORK/cov.log" 2>&1 <<'PY'
import sys
from mutagen import File
w = sys.argv[1]
want = {"mp3": open(w + "/cover.png", "rb").read(), "flac": open(w + "/cover.jpg", "rb").read(),
        "m4b": open(w + "/cover.jpg", "rb").read()}
bad = 0
for e in ["mp3", "flac", "ogg", "opus", "m4b"]:
    f = File(f"{w}/s.{e}")
    if e == "mp3":
        pics = [p.data for p in f.tags.getall("APIC") if p.type == 3]
    elif e == "flac":
        pics = [p.data for p in f.pictures if p.type == 3]
    elif e == "m4b":
        pics = [bytes(p) for p in f.tags.get("covr", [])]
    else:
        import base64
        from mutagen.flac import Picture
        pics = [Picture(base64.b64decode(v)).data for v in f.tags.get("metadata_block_picture", [])]
    exp = want.get(e, open(w + ("/cover.png" if e == "ogg" else "/cover.jpg"), "rb").read())
    good = len(pics) == 1 and pics[0] == exp
    print(("ok   " if good else "FAIL ") + f"{e}: cover art read back byte for byte")
    bad += not good
sys.exit(bad)
PY
st=$?; cat "$WORK/cov.log"
t "cover art in all five formats (mutagen)" [ $st -eq 0 ]
n=$(ffprobe -v error -show_entries stream_disposition=attached_pic -of csv=p=0 "$WORK/s.flac" | grep -c '^1')
t "ffprobe sees the FLAC cover as an attached picture" [ "$n" -eq 1 ]

"$NARRATE" -q --cover "$TOP/README.md" "$SEED" -o "$WORK/x.mp3" 2>"$WORK/err"
t "a cover that is not JPEG/PNG: exit 3, one line ($(cat "$WORK/err"))" test $? -eq 3 -a "$(wc -l <"$WORK/err")" -eq 1
"$NARRATE" -q --voice kal16 "$SEED" --format m4b -o - 2>"$WORK/err" | cat >/dev/null
t "M4B to a pipe is refused with a message" [ -s "$WORK/err" ]
"$NARRATE" -q --voice kal16 "$SEED" --format opus -o - | ffmpeg -v error -i - -f null - 2>"$WORK/err"
t "Opus streams to a pipe and decodes" [ ! -s "$WORK/err" ]
done_
