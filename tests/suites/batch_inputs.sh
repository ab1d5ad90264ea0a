#!/bin/sh
# batch_inputs.sh - whatever a batch folder holds: only regular files are
# articles (a FIFO, a socket, a device or a directory named *.txt is
# skipped with a warning, never waited on); a symbolic link is followed
# only when the configuration says so; a file name that is not UTF-8
# fails with a message and never reaches the feed; control characters in
# a title never reach feed.xml, JSON, tags or file names; a broken voice
# file is a bad setting (exit 2) before any work.
. "$TOP/tests/suites/lib.sh"
SOURCE_DATE_EPOCH=1780000000
export SOURCE_DATE_EPOCH
# a hang must fail the suite, not stall make check
guard() { timeout 600 "$@"; }
no_temp() { [ -z "$(find "$1" -maxdepth 1 -name '.*.??????')" ]; }

IN="$WORK/in"
mkdir -p "$IN" "$WORK/outside"
printf 'A short note on rain\n\nIt rained all day in the town, and the river rose.\n' >"$IN/rain.txt"
printf 'Outside words\n\nThese secret outside words must not be published.\n' >"$WORK/outside/secret.txt"
mkfifo "$IN/pipe.txt"
"$PY" -c "import socket, sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])" "$IN/sock.txt"
mkdir "$IN/folder.txt"
ln -s "$WORK/outside/secret.txt" "$IN/link.txt"
ln -s /etc/passwd "$IN/passwd.md"
ndev=0
if [ "$(id -u)" -eq 0 ] && mknod "$IN/null.txt" c 1 3 2>/dev/null; then ndev=1; fi
printf 'title = Inputs\nvoice = kal16\n' >"$WORK/feed.conf"

guard "$NARRATE" batch "$IN" "$WORK/out" --config "$WORK/feed.conf" 2>"$WORK/err"
rc=$?
t "a folder with a FIFO, socket, directory and links: exit 0, no hang ($rc)" [ "$rc" -eq 0 ]
for k in "pipe.txt:a FIFO" "sock.txt:a socket" "folder.txt:a directory" "link.txt:a symbolic link" \
         "passwd.md:a symbolic link"; do
    f=${k%%:*} what=${k#*:}
    t "  '$f' skipped with a warning saying it is $what" \
        grep -q "warning: '.*/$f' is $what.*skipped" "$WORK/err"
done
if [ "$ndev" -eq 1 ]; then
    t "  a device named null.txt skipped too" grep -q "null.txt' is a device, not a regular file; skipped" "$WORK/err"
fi
t "  only the regular file is an article (report: 1)" \
    [ "$("$PY" -c "import json,sys; print(len(json.load(open(sys.argv[1]))['articles']))" "$WORK/out/report.json")" -eq 1 ]
t "  links not followed: neither text reached the feed" \
    sh -c "! grep -q -e 'outside words' -e 'root:' '$WORK/out/feed.xml' '$WORK/out/'*.json"

# follow_symlinks = true: a link is an article like its target
printf 'title = Inputs\nvoice = kal16\nfollow_symlinks = true\n' >"$WORK/follow.conf"
rm "$IN/passwd.md" "$IN/pipe.txt" "$IN/sock.txt"
guard "$NARRATE" batch -q "$IN" "$WORK/out2" --config "$WORK/follow.conf" 2>"$WORK/err"
t "follow_symlinks = true: the link is narrated ($?)" grep -q '<title>Outside words</title>' "$WORK/out2/feed.xml"
rm "$IN/link.txt"
ln -s "$WORK/outside" "$IN/dirlink.txt"
guard "$NARRATE" batch "$IN" "$WORK/out3" --config "$WORK/follow.conf" 2>"$WORK/err"
t "  a followed link to a directory is still skipped" grep -q "dirlink.txt' is a directory" "$WORK/err"
rm "$IN/dirlink.txt"
rmdir "$IN/folder.txt"
[ "$ndev" -eq 1 ] && rm "$IN/null.txt"

# a file name that is not UTF-8: failed with a message, never in the feed,
# and the same on every run (never reported done and redone)
L1=$(printf "$IN/caf\351.txt")
printf 'Cafe news\n\nThe cafe opened a second room this week.\n' >"$L1"
for run in 1 2; do
    guard "$NARRATE" batch "$IN" "$WORK/lat" --config "$WORK/feed.conf" 2>"$WORK/err"
    rc=$?
    t "Latin-1 file name, run $run: exit 6 ($rc)" [ "$rc" -eq 6 ]
    t "  one message naming the problem" [ "$(grep -c 'not valid UTF-8' "$WORK/err")" -eq 1 ]
    "$PY" - "$WORK/lat/report.json" >"$WORK/py.log" 2>&1 <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
bad = [a for a in r["articles"] if "caf" in a["source"]]
assert len(bad) == 1 and bad[0]["status"] == "failed", bad
assert "UTF-8" in bad[0]["error"], bad
assert r["counts"]["synthesized"] + r["counts"]["reused"] == 1, r["counts"]
PY
    t "  the report lists it failed, with the reason ($(tail -n 1 "$WORK/py.log"))" [ ! -s "$WORK/py.log" ]
    t "  not in the feed" sh -c "! grep -qi 'cafe' '$WORK/lat/feed.xml'"
done
rm "$L1"

# control characters in a title: nowhere in what is published; in a file
# name (the episode's identity in JSON): failed with a message, like above
printf 'Breaking \033[31mred\033[0m news \007 today\n\nBody text with an \033 escape and a \001 byte. More words follow.\n' \
    >"$IN/ctl.txt"
printf 'one long sentence with no title line at all and plenty of words in it, then more\n' \
    >"$(printf "$IN/tab\tand\033name.txt")"
guard "$NARRATE" batch "$IN" "$WORK/ctl" --config "$WORK/feed.conf" 2>"$WORK/err"
rc=$?
t "control characters in a title and a file name: exit 6 ($rc), feed written" \
    test "$rc" -eq 6 -a -s "$WORK/ctl/feed.xml"
t "  the name refused with a message" grep -q "file name holds a control character" "$WORK/err"
"$PY" - "$WORK/ctl" >"$WORK/py.log" 2>&1 <<'PY'
import glob, json, os, re, sys
import xml.dom.minidom
from mutagen.id3 import ID3
d = sys.argv[1]
ctl = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
doc = xml.dom.minidom.parse(d + "/feed.xml")          # well-formed, or this raises
titles = [t.firstChild.data for t in doc.getElementsByTagName("title")]
assert any("Breaking" in t for t in titles), titles
for t in titles:
    assert not ctl.search(t), repr(t)
for f in glob.glob(d + "/*.json") + [d + "/feed.xml"]:
    raw = open(f, "rb").read().decode("utf-8")
    assert not ctl.search(raw), (f, repr(ctl.search(raw).group()))
    assert not re.search(r"\\u00[01][0-9a-fA-F]|\\u007[fF]", raw), f   # nor escaped
mp3s = glob.glob(d + "/*.mp3")
assert len(mp3s) == 2, mp3s
for m in mp3s:
    assert re.fullmatch(r"[a-z0-9-]+\.mp3", os.path.basename(m)), m
    for fr in ID3(m).values():
        for v in getattr(fr, "text", []):
            assert not ctl.search(str(v)), (m, fr.FrameID, repr(v))
print("clean")
PY
t "  feed.xml well-formed; feed, report, sidecars, chapters and ID3 tags free of control characters; file names [a-z0-9-] ($(tail -n 1 "$WORK/py.log"))" \
    grep -qx clean "$WORK/py.log"
t "  no temporary file left" no_temp "$WORK/ctl"

# a voice file that is not a voice: a bad setting, before any work
printf 'not a voice' >"$WORK/broken.flitevox"
printf 'title = Inputs\nvoice = %s\n' "$WORK/broken.flitevox" >"$WORK/badvoice.conf"
printf 'title = Inputs\nvoice = %s\n' "$WORK/missing.flitevox" >"$WORK/novoice.conf"
for c in badvoice novoice; do
    guard "$NARRATE" batch -q "$IN" "$WORK/$c" --config "$WORK/$c.conf" 2>"$WORK/err"
    rc=$?
    t "voice = a $c file: exit 2 ($rc), one line naming file, line and key ($(cat "$WORK/err"))" \
        test "$rc" -eq 2 -a "$(wc -l <"$WORK/err")" -eq 1 -a -n "$(grep "$c.conf:2: voice:" "$WORK/err")"
    t "  no work done, no feed written" [ ! -e "$WORK/$c" ]
done
done_
