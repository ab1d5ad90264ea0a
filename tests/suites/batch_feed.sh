#!/bin/sh
# batch_feed.sh - narrate batch and narrate feed (issue 6): the feed read by
# podcastparser and xmllint, chapters JSON against the MP3's ID3 chapters,
# incremental reruns counted in the run report, failure isolation, a killed
# run completed by a rerun, sharding with GNU parallel, the lock, safe slugs,
# configuration errors and --prune.
. "$TOP/tests/suites/lib.sh"

# everything run-dependent pinned: lastBuildDate and first-seen times
SOURCE_DATE_EPOCH=1780000000
export SOURCE_DATE_EPOCH

IN="$WORK/in"
mkdir -p "$IN"
cat >"$IN/alpha.txt" <<'X'
The Alpha Report

By Ada Writer

Published 2026-03-04

The alpha story starts with a short sentence. It has another one.
X
cat >"$IN/bravo.md" <<'X'
# Bravo: a story in parts

Published 2026-03-05

The standfirst of bravo says what it is about.

## First part

Some words in the first part.

## Second part

More words in the second part.
X
cat >"$IN/charlie.html" <<'X'
<html><head><title>Charlie</title></head><body><article>
<h1>Charlie on the web</h1><p>Published 2026-03-06</p>
<p>Charlie is an HTML article with one paragraph.</p></article></body></html>
X
# hostile title; no date (pubDate = first seen = SOURCE_DATE_EPOCH)
cat >"$IN/delta.md" <<'X'
# ../../etc/passwd / "Quotes" <b>bold</b> & Ünïcødé Café Ωmega

Delta has a hostile title but a harmless body.
X
cat >"$IN/echo.txt" <<'X'
Echo

Published 2026-03-01

Echo is the oldest story here.
X
cat >"$IN/foxtrot.html" <<'X'
<html><head><title>x/../y &lt;z&gt; &amp; "q" Ærø</title></head>
<body><p>Published 2026-02-01</p><p>Foxtrot has markup in its title.</p></body></html>
X
NGOOD=6

CONF="$WORK/feed.conf"
cat >"$CONF" <<'X'
# test channel
title = Test "Show" & Friends
link = https://example.org/
base_url = https://cdn.example.org/pod/
description = A show <for> tests & checks
author = Test Author
owner_name = Test Owner
owner_email = owner@example.org
image = https://example.org/art.png
language = en-us
category = Technology > Tech News
explicit = false
voice = kal16
X

# check.py OUT_DIR: the feed against podcastparser, the files, mutagen and
# the chapters JSON; prints one line per problem, "ok N" when all is well
cat >"$WORK/check.py" <<'X'
import json, os, sys, uuid, xml.etree.ElementTree as ET
import podcastparser
from mutagen.mp3 import MP3
from mutagen.id3 import ID3
out, base = sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else ""
bad = []
with open(os.path.join(out, "feed.xml"), "rb") as f:
    feed = podcastparser.parse("https://cdn.example.org/pod/feed.xml", f)
eps = feed["episodes"]
root = ET.parse(os.path.join(out, "feed.xml")).getroot()
NS = {"podcast": "https://podcastindex.org/namespace/1.0",
      "itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd"}
ch = root.find("channel")
items = ch.findall("item")
if len(items) != len(eps):
    bad.append("podcastparser dropped items: %d of %d" % (len(eps), len(items)))
for tag in ("title", "link", "description", "language", "lastBuildDate",
            "itunes:author", "itunes:image", "itunes:category",
            "itunes:explicit", "itunes:owner", "podcast:guid"):
    if ch.find(tag, NS) is None:
        bad.append("channel has no " + tag)
if base:
    want = str(uuid.uuid5(uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6"),
                          base.split("://", 1)[1].rstrip("/") + "/feed.xml"))
    if ch.find("podcast:guid", NS).text != want:
        bad.append("podcast:guid %s, want %s" % (ch.find("podcast:guid", NS).text, want))
if base:
    if feed.get("title") != 'Test "Show" & Friends':
        bad.append("channel title %r" % feed.get("title"))
    if feed.get("itunes_categories") != [["Technology", "Tech News"]]:
        bad.append("categories %r" % feed.get("itunes_categories"))
    if feed.get("explicit") is not False:
        bad.append("explicit %r" % feed.get("explicit"))
    if feed.get("cover_url") != "https://example.org/art.png":
        bad.append("cover %r" % feed.get("cover_url"))
pub = [e["published"] for e in eps]
if pub != sorted(pub, reverse=True):
    bad.append("not newest first")
for e, it in zip(eps, items):
    enc = e["enclosures"][0]
    name = enc["url"].rsplit("/", 1)[1]
    path = os.path.join(out, name)
    if not os.path.isfile(path):
        bad.append("missing " + name); continue
    if enc["file_size"] != os.path.getsize(path):
        bad.append("%s: length %d, file %d" % (name, enc["file_size"], os.path.getsize(path)))
    if enc["mime_type"] != "audio/mpeg":
        bad.append(name + ": type " + enc["mime_type"])
    secs = MP3(path).info.length
    if abs(e["total_time"] - secs) > 1.0:
        bad.append("%s: duration %d, MP3 %.2f" % (name, e["total_time"], secs))
    if it.find("guid").get("isPermaLink") != "false" or not e["guid"]:
        bad.append(name + ": guid")
    if not e["published"]:
        bad.append(name + ": pubDate unparsed")
    if not e["description"]:
        bad.append(name + ": no description")
    pc = it.find("podcast:chapters", NS)
    if pc is None or pc.get("type") != "application/json+chapters":
        bad.append(name + ": no podcast:chapters"); continue
    cj = json.load(open(os.path.join(out, pc.get("url").rsplit("/", 1)[1])))
    chaps = sorted(ID3(path).getall("CHAP"), key=lambda c: c.start_time)
    if cj.get("version") != "1.2.0" or len(cj["chapters"]) != len(chaps) or not chaps:
        bad.append("%s: %d JSON chapters, %d in the MP3" % (name, len(cj["chapters"]), len(chaps)))
        continue
    for j, c in zip(cj["chapters"], chaps):
        t = str(c.sub_frames.get("TIT2", ""))
        if abs(j["startTime"] * 1000 - c.start_time) > 1 or j.get("title") != t:
            bad.append("%s: chapter %r at %s vs %r at %d" % (name, j.get("title"), j["startTime"], t, c.start_time))
for b in bad:
    print(b)
if not bad:
    print("ok %d" % len(eps))
X
check() {  # check OUT_DIR [BASE]: prints "ok N" or the problems
    "$PY" "$WORK/check.py" "$@" 2>&1
}
count() {  # count REPORT STATUS
    "$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["counts"][sys.argv[2]])' "$1" "$2"
}
nofeed_date() { grep -v '<lastBuildDate>' "$1"; }

OUT="$WORK/out"
"$NARRATE" batch "$IN" "$OUT" --config "$CONF" -q 2>"$WORK/err"
t "batch over $NGOOD articles exits 0" [ $? -eq 0 ]
t "  feed.xml is well-formed (xmllint)" xmllint --noout "$OUT/feed.xml"
r=$(check "$OUT" https://cdn.example.org/pod/)
t "  podcastparser: every episode, enclosure length, duration, chapters ($r)" [ "$r" = "ok $NGOOD" ]
t "  a sectioned article has its 3 chapters in MP3 and JSON" \
    [ "$(cat "$OUT"/bravo-a-story-in-parts-*.chapters.json | grep -c startTime)" -eq 3 ]
t "  report: $NGOOD synthesized" [ "$(count "$OUT/report.json" synthesized)" -eq $NGOOD ]
t "  enclosures are absolute under base_url" grep -q 'url="https://cdn.example.org/pod/the-alpha-report-' "$OUT/feed.xml"
t "  channel podcast:guid of the feed URL" grep -q '<podcast:guid>' "$OUT/feed.xml"
t "  pubDate from the article's date" grep -q 'Wed, 04 Mar 2026 12:00:00 +0000' "$OUT/feed.xml"
t "  undated article: pubDate is first seen (SOURCE_DATE_EPOCH)" \
    grep -q '<pubDate>Thu, 28 May 2026 20:26:40 +0000</pubDate>' "$OUT/feed.xml"
t "  lastBuildDate pinned by SOURCE_DATE_EPOCH" \
    grep -q '<lastBuildDate>Thu, 28 May 2026 20:26:40 +0000</lastBuildDate>' "$OUT/feed.xml"

# safe names: only [a-z0-9-] stems, nothing outside OUT_DIR
bad_names=$(ls "$OUT" | grep -Ev '^([a-z0-9-]+\.(mp3|chapters\.json|episode\.json|vtt)|feed\.xml|report\.json)$')
t "file names are safe slugs (odd: '$bad_names')" [ -z "$bad_names" ]
t "  hostile title slug stays in OUT_DIR" sh -c "ls '$OUT' | grep -Eq '^etc-passwd-quotes-bold-unicode-cafe-mega-[0-9a-f]{6}\.mp3$'"
t "  markup title slug" sh -c "ls '$OUT' | grep -Eq '^x-y-z-q-aero-[0-9a-f]{6}\.mp3$'"
t "  nothing written beside OUT_DIR" [ "$(ls "$WORK" | sort | tr '\n' ' ')" = "check.py err feed.conf in out " ]
t "  hostile title escaped in the feed" grep -q '&quot;Quotes&quot; bold &amp; Ünïcødé' "$OUT/feed.xml"
t "  markup title escaped in the feed" grep -q '<title>x/../y &lt;z&gt; &amp; &quot;q&quot; Ærø</title>' "$OUT/feed.xml"

# rerun: nothing synthesized, files untouched
cp "$OUT/feed.xml" "$WORK/feed.before"
ls -l --time-style=+%s.%N "$OUT"/*.mp3 >"$WORK/mp3.before"
"$NARRATE" batch "$IN" "$OUT" --config "$CONF" -q
t "rerun exits 0" [ $? -eq 0 ]
t "  synthesizes nothing (report: 0 synthesized)" [ "$(count "$OUT/report.json" synthesized)" -eq 0 ]
t "  reuses all $NGOOD" [ "$(count "$OUT/report.json" reused)" -eq $NGOOD ]
ls -l --time-style=+%s.%N "$OUT"/*.mp3 >"$WORK/mp3.after"
t "  MP3 files untouched" cmp -s "$WORK/mp3.before" "$WORK/mp3.after"
t "  identical feed" cmp -s "$WORK/feed.before" "$OUT/feed.xml"

# a corrected article: re-synthesized alone, keeps guid, slug and pubDate
guid_of() { "$PY" -c 'import json,glob,sys; print([json.load(open(f))["guid"] for f in glob.glob(sys.argv[1]+"/*.episode.json") if json.load(open(f))["source"]==sys.argv[2]][0])' "$1" "$2"; }
g1=$(guid_of "$OUT" delta.md)
printf '\nA corrected sentence was added.\n' >>"$IN/delta.md"
"$NARRATE" batch "$IN" "$OUT" --config "$CONF" -q
t "changed article: exit 0" [ $? -eq 0 ]
t "  exactly one synthesized" [ "$(count "$OUT/report.json" synthesized)" -eq 1 ]
t "  the others reused" [ "$(count "$OUT/report.json" reused)" -eq $((NGOOD - 1)) ]
t "  guid kept" [ "$(guid_of "$OUT" delta.md)" = "$g1" ]
t "  pubDate kept" grep -q '<pubDate>Thu, 28 May 2026 20:26:40 +0000</pubDate>' "$OUT/feed.xml"
r=$(check "$OUT" https://cdn.example.org/pod/)
t "  feed still right ($r)" [ "$r" = "ok $NGOOD" ]
# a new title keeps the file name
sed -i '1s/.*/Echo renamed/' "$IN/echo.txt"
before=$(ls "$OUT" | grep '^echo-' | sort | tr '\n' ' ')
"$NARRATE" batch "$IN" "$OUT" --config "$CONF" -q
after=$(ls "$OUT" | grep '^echo-' | sort | tr '\n' ' ')
t "retitled article keeps its files ($after)" [ -n "$before" ] && [ "$before" = "$after" ]
t "  and shows the new title" grep -q '<title>Echo renamed</title>' "$OUT/feed.xml"

# failure isolation: empty, blank, unreadable (not as root: root reads
# anything); a directory named like an article is no article at all
F="$WORK/fin"; FO="$WORK/fout"
cp -r "$IN" "$F"
: >"$F/empty.txt"
printf '  \n\n' >"$F/blank.md"
mkdir "$F/folder.txt"
nfail=2
if [ "$(id -u)" -ne 0 ]; then
    cp "$IN/alpha.txt" "$F/secret.txt"; chmod 000 "$F/secret.txt"; nfail=3
fi
"$NARRATE" batch "$F" "$FO" --config "$CONF" 2>"$WORK/ferr"
t "failing articles: exit 6" [ $? -eq 6 ]
t "  each reported on stderr, and the directory skipped" [ "$(grep -c 'skipped$' "$WORK/ferr")" -eq $((nfail + 1)) ]
t "  the directory named as one, not counted as an article" \
    sh -c "grep -q \"folder.txt' is a directory\" '$WORK/ferr' && ! grep -q folder.txt '$FO/report.json'"
t "  report counts $nfail failed" [ "$(count "$FO/report.json" failed)" -eq $nfail ]
t "  report gives the reason" grep -q '"error": ".*nothing to speak' "$FO/report.json"
r=$(check "$FO" https://cdn.example.org/pod/)
t "  feed lists the $NGOOD good episodes ($r)" [ "$r" = "ok $NGOOD" ]

# a run killed midway (SIGKILL) leaves the previous feed and episodes; a
# rerun completes the work
K="$WORK/kin"; KO="$WORK/kout"
mkdir "$K"
story() {  # story N: a dated article long enough to take a moment
    { printf 'Story number %s\n\nPublished 2026-01-%02d\n\n' $1 $1
      j=0; while [ $j -lt 12 ]; do
          printf 'Paragraph %s of story %s has a few words to say aloud.\n\n' $j $1; j=$((j + 1))
      done; } >"$K/s$1.txt"
}
for i in 1 2 3; do story $i; done
"$NARRATE" batch "$K" "$KO" --config "$CONF" -q
cp "$KO/feed.xml" "$WORK/kfeed.before"
for i in 4 5 6 7 8 9; do story $i; done
"$NARRATE" batch "$K" "$KO" --config "$CONF" -q -j 1 &
pid=$!
wait_episodes "$KO" 4 400
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
if cmp -s "$WORK/kfeed.before" "$KO/feed.xml"; then
    ok "killed run: previous feed intact"
else
    r=$(check "$KO" https://cdn.example.org/pod/)
    t "killed run finished before the kill; its feed is complete ($r)" [ "$r" = "ok 9" ]
fi
r=$(check "$KO" https://cdn.example.org/pod/)
t "  previous episodes intact, feed valid ($r)" [ "$r" = "ok 3" ] || [ "$r" = "ok 9" ]
"$NARRATE" batch "$K" "$KO" --config "$CONF" -q
t "  rerun after the kill exits 0" [ $? -eq 0 ]
r=$(check "$KO" https://cdn.example.org/pod/)
t "  and the feed is complete ($r)" [ "$r" = "ok 9" ]
t "  no temporary file left" [ -z "$(find "$KO" -name '.*.??????')" ]
t "  only the unfinished articles synthesized" [ "$(count "$KO/report.json" reused)" -ge 4 ]

# three shards under GNU parallel, then narrate feed == one unsharded run
S="$WORK/sout"
parallel --halt now,fail=1 "$NARRATE" batch "$IN" "$S" --config "$CONF" -q --shard {}/3 ::: 1 2 3
t "3 shards under GNU parallel exit 0" [ $? -eq 0 ]
t "  no feed.xml from shard runs" [ ! -e "$S/feed.xml" ]
t "  each shard wrote its report" [ -e "$S/report-1-of-3.json" ] && [ -e "$S/report-3-of-3.json" ]
"$NARRATE" feed "$S" --config "$CONF" -q
t "  narrate feed exits 0" [ $? -eq 0 ]
U="$WORK/uout"
"$NARRATE" batch "$IN" "$U" --config "$CONF" -q
nofeed_date "$S/feed.xml" >"$WORK/s.xml"
nofeed_date "$U/feed.xml" >"$WORK/u.xml"
t "  sharded feed = unsharded feed, build date aside" cmp -s "$WORK/s.xml" "$WORK/u.xml" || diff "$WORK/s.xml" "$WORK/u.xml" | head -5
t "  shard partition covers each article once" \
    [ "$("$PY" -c 'import json,sys; print(sum(json.load(open(f))["counts"]["total"] for f in sys.argv[1:]))' "$S"/report-*-of-3.json)" -eq $NGOOD ]

# the lock: a second run on the same OUT_DIR fails fast with exit 4
# (python holds the lock itself: a killed flock(1) would leave its child
# holding the descriptor)
"$PY" -c 'import fcntl,sys,time; f=open(sys.argv[1],"a"); fcntl.flock(f,fcntl.LOCK_EX); print(flush=True); time.sleep(30)' "$OUT/.narrate.lock" >"$WORK/lockready" &
lp=$!
n=0; while [ ! -s "$WORK/lockready" ] && [ $n -lt 100 ]; do sleep 0.05; n=$((n + 1)); done
"$NARRATE" batch "$IN" "$OUT" --config "$CONF" 2>"$WORK/lerr"
t "locked OUT_DIR: exit 4" [ $? -eq 4 ]
t "  message says another run holds it" grep -q 'another narrate run' "$WORK/lerr"
"$NARRATE" feed "$OUT" --config "$CONF" 2>/dev/null
t "  narrate feed too: exit 4" [ $? -eq 4 ]
kill $lp 2>/dev/null; wait $lp 2>/dev/null

# two real runs at once on a fresh OUT_DIR: one works, the other is refused
# (exit 4) or runs after it; never a corrupt result
C2="$WORK/cc"
"$NARRATE" batch "$IN" "$C2" --config "$CONF" -q 2>"$WORK/c1err" & p1=$!
"$NARRATE" batch "$IN" "$C2" --config "$CONF" -q 2>"$WORK/c2err" & p2=$!
wait $p1; r1=$?
wait $p2; r2=$?
t "two runs at once: exits $r1 and $r2 (0 or 4, one 0)" sh -c \
    "{ [ $r1 -eq 0 ] || [ $r1 -eq 4 ]; } && { [ $r2 -eq 0 ] || [ $r2 -eq 4 ]; } && [ $((r1 * r2)) -eq 0 ]"
r=$(check "$C2" https://cdn.example.org/pod/)
t "  the feed is complete and valid ($r)" [ "$r" = "ok $NGOOD" ]

# configuration errors name file, line and key
printf 'title = T\n\nexplicit = maybe\n' >"$WORK/bad.conf"
"$NARRATE" batch "$IN" "$WORK/cout" --config "$WORK/bad.conf" 2>"$WORK/cerr"
t "bad config value: exit 2" [ $? -eq 2 ]
t "  message names file:line: key ($(cat "$WORK/cerr"))" grep -q 'bad.conf:3: explicit: expected true or false' "$WORK/cerr"
printf 'titel = T\n' >"$WORK/bad2.conf"
"$NARRATE" feed "$OUT" --config "$WORK/bad2.conf" 2>"$WORK/cerr"
t "unknown config key: exit 2, named" sh -c "[ $? -eq 2 ] && grep -q 'bad2.conf:1: titel: unknown key' '$WORK/cerr'"
"$NARRATE" batch "$IN" "$WORK/cout" --config "$WORK/nope.conf" 2>"$WORK/cerr"
t "missing config: exit 3" [ $? -eq 3 ]
"$NARRATE" batch "$IN" "$WORK/cout" --shard 4/3 2>/dev/null
t "bad --shard: exit 2" [ $? -eq 2 ]
printf 'title = T\nvoice = robot\n' >"$WORK/bad3.conf"
"$NARRATE" batch "$IN" "$WORK/cout" --config "$WORK/bad3.conf" 2>"$WORK/cerr"
t "unknown voice in config: exit 2, file:line named" sh -c "[ $? -eq 2 ] && grep -q 'bad3.conf:2: voice: unknown voice' '$WORK/cerr'"
t "  nothing narrated" [ -z "$(ls "$WORK/cout" 2>/dev/null | grep mp3)" ]
"$NARRATE" batch "$WORK/no-such-dir" "$WORK/cout" --config "$CONF" 2>"$WORK/cerr"
t "missing IN_DIR: exit 3" sh -c "[ $? -eq 3 ] && grep -q 'no-such-dir' '$WORK/cerr'"
"$NARRATE" batch "$IN" 2>/dev/null
t "missing OUT_DIR argument: exit 2" [ $? -eq 2 ]
"$NARRATE" batch --help >"$WORK/help"
t "batch --help on stdout, exit 0" sh -c "[ $? -eq 0 ] && grep -q 'Usage: narrate batch' '$WORK/help'"

# without a configuration: a warning and documented defaults
N="$WORK/Plain Show"
"$NARRATE" batch "$IN" "$N" --voice kal16 2>"$WORK/nerr"
t "no config: works" [ $? -eq 0 ]
t "  with a warning" grep -q 'warning: no --config' "$WORK/nerr"
t "  title from the folder name" grep -q '<title>Plain Show</title>' "$N/feed.xml"
t "  relative enclosure URLs" grep -q '<enclosure url="the-alpha-report-' "$N/feed.xml"

# --prune
rm "$IN/charlie.html"
"$NARRATE" batch "$IN" "$OUT" --config "$CONF" -q
t "article gone, no --prune: episode kept" grep -q 'Charlie on the web' "$OUT/feed.xml"
"$NARRATE" batch "$IN" "$OUT" --config "$CONF" -q --prune
t "--prune: episode dropped from the feed" sh -c "! grep -q 'Charlie on the web' '$OUT/feed.xml'"
t "  and its files removed" [ -z "$(ls "$OUT" | grep '^charlie-')" ]
t "  counted in the report" [ "$(count "$OUT/report.json" pruned)" -eq 1 ]

# SIGTERM: the current article stops, the rest is skipped, exit 130
for i in 10 11 12 13 14 15; do story $i; done
"$NARRATE" batch "$K" "$KO" --config "$CONF" -q -j 1 &
pid=$!
wait_episodes "$KO" 10 400
kill -TERM $pid 2>/dev/null
wait $pid
rc=$?
if [ $rc -eq 130 ]; then
    ok "SIGTERM: exit 130"
    t "  report says interrupted" grep -q '"interrupted": true' "$KO/report.json"
    t "  feed still valid" xmllint --noout "$KO/feed.xml"
else
    t "SIGTERM after the run finished: exit 0 ($rc)" [ $rc -eq 0 ]
fi

# a corrupt sidecar: feed leaves the episode out with a warning; batch
# redoes the episode under the same name
side=$(ls "$FO" | grep '^the-alpha-report-.*episode.json$')
printf '{ broken' >"$FO/$side"
"$NARRATE" feed "$FO" --config "$CONF" 2>"$WORK/serr"
t "corrupt sidecar: feed still exits 0" [ $? -eq 0 ]
t "  with a warning naming it" grep -q "skipping episode sidecar .*$side" "$WORK/serr"
r=$(check "$FO" https://cdn.example.org/pod/)
t "  and the other episodes ($r)" [ "$r" = "ok $((NGOOD - 1))" ]
"$NARRATE" batch "$F" "$FO" --config "$CONF" -q 2>/dev/null
r=$(check "$FO" https://cdn.example.org/pod/)
t "  batch redoes it ($r)" [ "$r" = "ok $NGOOD" ] && [ -e "$FO/$side" ]

# the sample configuration is valid
"$NARRATE" feed "$S" --config "$TOP/samples/feed.conf" -q
t "samples/feed.conf is accepted" [ $? -eq 0 ]
t "  and its values reach the feed" grep -q '<itunes:category text="News">' "$S/feed.xml"

done_
