#!/bin/sh
# batch_source.sh - narrate batch with a site's feed, an Atom file and a URL
# list as SOURCE, and `narrate URL -o OUT` (issue 18): pages and feeds come
# from tests/http_server.py on 127.0.0.1 (a slow page, a 404, a redirect
# loop, a huge response, malformed items); conditional GET on reruns; the
# feed read by podcastparser with a podcast:transcript per item whose cues
# lie inside the audio; the episode model of issue 14 (title, description,
# date from the extracted article); lanes give the same bytes as one
# article at a time.  Nothing leaves the machine.
. "$TOP/tests/suites/lib.sh"

SOURCE_DATE_EPOCH=1780000000
export SOURCE_DATE_EPOCH
SITE="$WORK/site"
mkdir -p "$SITE"

# ---- the site: whole pages with furniture around the article ----
page() {  # page FILE TITLE STANDFIRST DATE_ISO BODY...
    f=$1 title=$2 stand=$3 date=$4; shift 4
    {
        printf '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>%s | The Northfield Gazette</title></head><body>\n' "$title"
        printf '<header><a href="/">The Northfield Gazette</a><nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav></header>\n'
        printf '<main><article><h1>%s</h1>\n' "$title"
        [ -n "$stand" ] && printf '<p class="standfirst">%s</p>\n' "$stand"
        printf '<p class="byline">By Mary Holt</p>\n'
        [ -n "$date" ] && printf '<p><time datetime="%s">%s</time></p>\n' "$date" "$date"
        for p in "$@"; do printf '<p>%s</p>\n' "$p"; done
        printf '</article></main>\n<aside><h2>Most read</h2><ul><li><a href="/a">Bus timetable changes</a></li><li><a href="/b">School wins award</a></li></ul></aside>\n'
        printf '<footer><p>Copyright 2026 The Northfield Gazette. All rights reserved.</p><p><a href="/privacy">Privacy Policy</a></p></footer></body></html>\n'
    } >"$SITE/$f"
}
page story1.html "Harbour wall to be rebuilt after winter storms" \
    "The council will spend two million pounds on the old harbour wall." 2026-03-04 \
    "Work on the harbour wall will start in May and should take six months." \
    "Fishing boats will moor at the north quay while the work goes on."
page story2.html "Library opens on Sundays" "" "" \
    "The town library will open on Sunday afternoons from next month." \
    "Volunteers will staff the desk, the library trust said."
page story5.html "Bridge repairs finished early" "The old footbridge reopened a week ahead of plan." 2026-02-20 \
    "Walkers can cross the river again from Monday morning."
page story4.html "Market square festival planned" "" 2026-02-10 \
    "A summer festival will fill the market square in July."
cp "$SITE/story1.html" "$SITE/story1b.html"
cat >"$SITE/story3.md" <<'X'
# Cycle lanes study published

Published 2026-01-15

A study of the town's cycle lanes was published on Thursday.

It found that most lanes are too narrow.
X

cat >"$WORK/feed.conf" <<'X'
title = Gazette audio
base_url = https://cdn.example.org/pod/
language = en-us
voice = kal16
X

# ---- the server ----
SLOW_SECONDS=6 LIFETIME=900 python3 "$TOP/tests/http_server.py" "$SITE" "$WORK/port" "$WORK/http.log" &
SRV=$!
trap 'kill $SRV 2>/dev/null; wait $SRV 2>/dev/null; rm -rf "$WORK"' EXIT INT TERM
n=0
while [ ! -s "$WORK/port" ] && [ $n -lt 400 ]; do sleep 0.05; n=$((n + 1)); done
PORT=$(cat "$WORK/port" 2>/dev/null)
t "the test server listens on 127.0.0.1 (port $PORT)" [ -n "$PORT" ]
U="http://127.0.0.1:$PORT"
: >"$WORK/http.log"

# ---- the site's RSS feed: three good items and seven that cannot be ----
cat >"$SITE/feed.xml" <<X
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>The Northfield Gazette</title><link>$U/</link>
<description>News</description>
<item><title>Item title one</title><link>$U/story1.html</link>
  <guid isPermaLink="false">gazette-1001</guid><pubDate>Wed, 04 Mar 2026 09:30:00 GMT</pubDate></item>
<item><title>Item title two</title><link>$U/moved/story2.html</link>
  <pubDate>Thu, 05 Mar 2026 08:00:00 +0100</pubDate>
  <description>&lt;p&gt;Second &amp;amp; story &lt;b&gt;summary&lt;/b&gt;&lt;/p&gt;</description></item>
<item><title>Gone</title><link>$U/missing.html</link><guid>gazette-1003</guid></item>
<item><title>Loop</title><link>$U/loop/0</link><guid>gazette-1004</guid></item>
<item><title>Slow</title><link>$U/slow/story1b.html</link><guid>gazette-1005</guid></item>
<item><title>Huge</title><link>$U/huge</link><guid>gazette-1006</guid></item>
<item><title>No link at all</title><guid>gazette-1007</guid></item>
<item><title>Script</title><link>javascript:alert(1)</link><guid>gazette-1008</guid></item>
<item><title>Twice</title><link>$U/story4.html</link><guid isPermaLink="false">gazette-1001</guid></item>
<item><title>Bad date</title><link>$U/story5.html</link><guid>gazette-1010</guid><pubDate>yesterday</pubDate></item>
</channel></rss>
X

# check.py OUT_DIR N: podcastparser reads the feed with N items, enclosure
# lengths equal to the files, a podcast:transcript per item whose file
# exists and whose cues lie inside the audio; prints "ok N" or problems
cat >"$WORK/check.py" <<'X'
import os, re, sys, xml.etree.ElementTree as ET
import podcastparser
from mutagen.mp3 import MP3
out, want = sys.argv[1], int(sys.argv[2])
bad = []
with open(os.path.join(out, "feed.xml"), "rb") as f:
    feed = podcastparser.parse("https://cdn.example.org/pod/feed.xml", f)
eps = feed["episodes"]
NS = {"podcast": "https://podcastindex.org/namespace/1.0"}
items = ET.parse(os.path.join(out, "feed.xml")).getroot().find("channel").findall("item")
if len(eps) != want or len(items) != want:
    bad.append("%d episodes, %d items, want %d" % (len(eps), len(items), want))
def secs(t):
    h, m, s = t.split(":")
    return int(h) * 3600 + int(m) * 60 + float(s)
for e, it in zip(eps, items):
    enc = it.find("enclosure")
    name = enc.get("url").rsplit("/", 1)[1]
    path = os.path.join(out, name)
    if e["enclosures"][0]["file_size"] != os.path.getsize(path):
        bad.append(name + ": podcastparser's enclosure length differs from the file")
    dur = MP3(path).info.length
    tr = it.find("podcast:transcript", NS)
    if tr is None:
        bad.append(name + ": no podcast:transcript"); continue
    if (tr.get("type"), tr.get("language"), tr.get("rel")) != ("text/vtt", "en-us", "captions"):
        bad.append(name + ": transcript attributes %r" % tr.attrib)
    vtt = os.path.join(out, tr.get("url").rsplit("/", 1)[1])
    if not os.path.isfile(vtt):
        bad.append(name + ": transcript file missing"); continue
    text = open(vtt, encoding="utf-8").read()
    cues = re.findall(r"^(\d+:\d\d:\d\d\.\d{3}) --> (\d+:\d\d:\d\d\.\d{3})", text, re.M)
    if not text.startswith("WEBVTT") or not cues:
        bad.append(name + ": not WebVTT with cues")
    for a, b in cues:
        if not (0 <= secs(a) <= secs(b) <= dur + 0.05):
            bad.append("%s: cue %s --> %s outside the %.2f s of audio" % (name, a, b, dur))
for b in bad:
    print(b)
if not bad:
    print("ok %d" % want)
X
check() { "$PY" "$WORK/check.py" "$@" 2>&1; }
count() { "$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["counts"][sys.argv[2]])' "$1" "$2"; }
# field OUT_DIR SOURCE KEY: a sidecar's field
field() { "$PY" -c '
import glob, json, sys
for f in glob.glob(sys.argv[1] + "/*.episode.json"):
    d = json.load(open(f))
    if d["source"] == sys.argv[2]:
        print(d.get(sys.argv[3]))' "$@"; }
# item FEED TITLE-START KEY: a podcastparser field of the episode so titled
item() { "$PY" -c '
import sys, podcastparser
eps = podcastparser.parse("x", open(sys.argv[1], "rb"))["episodes"]
print([e for e in eps if e["title"].startswith(sys.argv[2])][0][sys.argv[3]])' "$@"; }

# ---- a feed by URL ----
OUT="$WORK/out"
"$NARRATE" batch "$U/feed.xml" "$OUT" --config "$WORK/feed.conf" --fetch-timeout 2 2>"$WORK/err"
t "feed by URL: exit 6 (some items failed, the others done)" [ $? -eq 6 ]
t "  3 synthesized" [ "$(count "$OUT/report.json" synthesized)" -eq 3 ]
t "  7 failed" [ "$(count "$OUT/report.json" failed)" -eq 7 ]
for why in "HTTP 404 Not Found" "more than 5 redirects" "timed out after 2 s" \
           "larger than 16 MiB" "no link to its page" "is not an http:// or https:// URL" \
           "same guid or link"; do
    t "  report gives the reason: $why" grep -q "\"error\": \".*$why" "$OUT/report.json"
done
t "  each failure on stderr" [ "$(grep -c 'skipped$' "$WORK/err")" -eq 7 ]
t "  report names the page fetched" grep -q "\"url\": \"$U/story1.html\"" "$OUT/report.json"
r=$(check "$OUT" 3)
t "  podcastparser: 3 items, lengths, transcripts inside the audio ($r)" [ "$r" = "ok 3" ]
t "  title from the article, not the item" [ "$(item "$OUT/feed.xml" Harbour title)" = "Harbour wall to be rebuilt after winter storms" ]
t "  pubDate from the item (09:30 UTC)" [ "$(item "$OUT/feed.xml" Harbour published)" = 1772616600 ]
t "  pubDate from the item's zone (+0100)" [ "$(item "$OUT/feed.xml" Library published)" = 1772694000 ]
t "  an unreadable item date: the article's (noon)" [ "$(item "$OUT/feed.xml" Bridge published)" = 1771588800 ]
t "  description from the standfirst" [ "$(item "$OUT/feed.xml" Harbour description)" = "The council will spend two million pounds on the old harbour wall." ]
t "  description from the item, as text" [ "$(item "$OUT/feed.xml" Library description)" = "Second & story summary" ]
want=$("$PY" -c 'import uuid; ch = uuid.uuid5(uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6"), "cdn.example.org/pod/feed.xml"); print(uuid.uuid5(ch, "gazette-1001"))')
g1=$(field "$OUT" gazette-1001 guid)
t "  guid: UUIDv5 of the item's guid in the channel ($g1)" [ "$g1" = "$want" ]
t "  identity from the link when there is no guid" [ -n "$(field "$OUT" "$U/moved/story2.html" slug)" ]
t "  the validators are kept in OUT_DIR" [ -n "$(field "$OUT" gazette-1001 etag)" ]
t "  User-Agent names narrate" grep -q 'GET /story1.html 200 UA=narrate/' "$WORK/http.log"
t "  a slug without the item's title" sh -c "ls '$OUT' | grep -q '^harbour-wall-to-be-rebuilt-after-winter-storms-[0-9a-f]*\.vtt$'"

# ---- rerun: conditional GET, nothing fetched again, nothing synthesized ----
ls -l --time-style=+%s.%N "$OUT"/*.mp3 "$OUT"/*.vtt >"$WORK/files.before"
: >"$WORK/http.log"
"$NARRATE" batch "$U/feed.xml" "$OUT" --config "$WORK/feed.conf" --fetch-timeout 2 -q 2>/dev/null
t "rerun: exit 6 again (the same 7 items fail)" [ $? -eq 6 ]
t "  nothing synthesized" [ "$(count "$OUT/report.json" synthesized)" -eq 0 ]
t "  3 reused" [ "$(count "$OUT/report.json" reused)" -eq 3 ]
t "  pages asked with If-None-Match, answered 304" [ "$(grep -c '^GET /story[125].html 304 .*INM="' "$WORK/http.log")" -eq 3 ]
t "  no page sent again" [ "$(grep -c '^GET /story[125].html 200' "$WORK/http.log")" -eq 0 ]
ls -l --time-style=+%s.%N "$OUT"/*.mp3 "$OUT"/*.vtt >"$WORK/files.after"
t "  audio and transcripts untouched" cmp -s "$WORK/files.before" "$WORK/files.after"
r=$(check "$OUT" 3)
t "  feed still right ($r)" [ "$r" = "ok 3" ]

# a page that changed is fetched whole and narrated again, alone
page story1.html "Harbour wall to be rebuilt after winter storms" \
    "The council will spend two million pounds on the old harbour wall." 2026-03-04 \
    "Work on the harbour wall will start in June and should take seven months." \
    "Fishing boats will moor at the north quay while the work goes on."
: >"$WORK/http.log"
"$NARRATE" batch "$U/feed.xml" "$OUT" --config "$WORK/feed.conf" --fetch-timeout 2 -q 2>/dev/null
t "changed page: synthesized again, alone" [ "$(count "$OUT/report.json" synthesized)" -eq 1 ]
t "  fetched whole (200)" grep -q '^GET /story1.html 200' "$WORK/http.log"
t "  guid kept" [ "$(field "$OUT" gazette-1001 guid)" = "$g1" ]
r=$(check "$OUT" 3)
t "  feed right ($r)" [ "$r" = "ok 3" ]

# ---- an Atom file; a feed with nothing in it; a source that is neither ----
cat >"$WORK/site.atom" <<X
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Gazette</title><id>urn:gazette</id>
<updated>2026-03-06T00:00:00Z</updated>
<entry><title>One</title><id>urn:gazette:1</id><link rel="alternate" href="$U/story1.html"/>
  <link rel="enclosure" href="$U/none.mp3"/><published>2026-03-06T10:15:00+02:00</published>
  <summary type="html">&lt;p&gt;Atom summary&lt;/p&gt;</summary></entry>
<entry><title>Three</title><id>urn:gazette:3</id><link href="$U/story3.md"/>
  <updated>2026-01-16T00:00:00Z</updated></entry>
</feed>
X
AO="$WORK/atom-out"
"$NARRATE" batch "$WORK/site.atom" "$AO" --config "$WORK/feed.conf" -q
t "Atom file: exit 0" [ $? -eq 0 ]
r=$(check "$AO" 2)
t "  2 items with transcripts ($r)" [ "$r" = "ok 2" ]
t "  published with its zone" [ "$(item "$AO/feed.xml" Harbour published)" = 1772784900 ]
t "  summary as description" [ "$(item "$AO/feed.xml" Harbour description)" = "Atom summary" ]
t "  a Markdown page read as Markdown" [ "$(item "$AO/feed.xml" Cycle title)" = "Cycle lanes study published" ]
printf 'Just some words.\nNo links here.\n' >"$WORK/words.txt"
"$NARRATE" batch "$WORK/words.txt" "$WORK/w-out" -q 2>"$WORK/werr"
t "a file that is neither feed nor URL list: exit 3" [ $? -eq 3 ]
t "  saying so ($(cat "$WORK/werr"))" grep -q 'neither a feed nor a list of URLs' "$WORK/werr"
"$NARRATE" batch "$U/nofeed.xml" "$WORK/n-out" -q 2>"$WORK/nerr"
t "a feed URL that answers 404: exit 3" [ $? -eq 3 ]
t "  with the status" grep -q 'HTTP 404' "$WORK/nerr"

# ---- a URL list; credentials never reach a log or a published file ----
cat >"$WORK/urls.txt" <<X
# tonight's pages
$U/story4.html

http://reader:s3cr3tpw@127.0.0.1:$PORT/story5.html
ftp://127.0.0.1/story1.html
X
LO="$WORK/list-out"
"$NARRATE" batch "$WORK/urls.txt" "$LO" --config "$WORK/feed.conf" -v 2>"$WORK/lerr"
t "URL list: exit 6 (one line is not an http URL)" [ $? -eq 6 ]
t "  2 synthesized" [ "$(count "$LO/report.json" synthesized)" -eq 2 ]
t "  the bad line named" grep -q '"source": "line 5"' "$LO/report.json"
r=$(check "$LO" 2)
t "  feed right ($r)" [ "$r" = "ok 2" ]
t "  no password in messages, report, sidecars or feed" sh -c "! grep -rq s3cr3tpw '$WORK/lerr' '$LO'"
t "  the page still fetched with it" grep -q '^GET /story5.html 200' "$WORK/http.log"

# ---- one page: narrate URL -o OUT ----
"$NARRATE" -q "$U/story4.html" -o "$WORK/one.mp3"
t "narrate URL -o x.mp3: exit 0" [ $? -eq 0 ]
"$NARRATE" -q "$SITE/story4.html" -o "$WORK/one-file.mp3"
t "  the same MP3 as from the file" cmp -s "$WORK/one.mp3" "$WORK/one-file.mp3"
"$NARRATE" --script "$U/story3.md" >"$WORK/s3.txt"
t "  --script of a Markdown page" grep -q '^# Cycle lanes study published' "$WORK/s3.txt"
printf '<html><body><article><h1>Caf\351 society returns</h1><p>The caf\351 on the square opens again on Monday.</p></article></body></html>\n' >"$SITE/cafe-latin1.html"
"$NARRATE" --script "$U/cafe-latin1.html" >"$WORK/cafe.txt"
t "  a page in the charset its server names (ISO-8859-1) reads as UTF-8" grep -q '^# Café society returns' "$WORK/cafe.txt"
"$NARRATE" -q "$U/missing.html" -o "$WORK/none.mp3" 2>"$WORK/oerr"
t "a page that answers 404: exit 3" [ $? -eq 3 ]
t "  saying so ($(cat "$WORK/oerr"))" grep -q "cannot fetch '$U/missing.html': HTTP 404" "$WORK/oerr"
t "  nothing written" [ ! -e "$WORK/none.mp3" ]
"$NARRATE" -q "$U/loop/0" -o "$WORK/none.mp3" 2>"$WORK/oerr"
t "a redirect loop: exit 3, bounded" sh -c "[ $? -eq 3 ] && grep -q 'more than 5 redirects' '$WORK/oerr'"

# ---- a folder: the episode model of issue 14, lanes = one at a time ----
F="$WORK/folder"
mkdir -p "$F"
cp "$SITE/story1.html" "$SITE/story5.html" "$F/"
cp "$SITE/story3.md" "$F/"
printf 'Rain\n\nPublished 2026-03-09\n\nIt rained all day, and the river rose by two metres.\n' >"$F/rain.txt"
"$NARRATE" batch "$F" "$WORK/f2" --config "$WORK/feed.conf" -q -j 2
t "folder with two lanes: exit 0" [ $? -eq 0 ]
"$NARRATE" batch "$F" "$WORK/f1" --config "$WORK/feed.conf" -q -j 1
t "  and one article at a time: exit 0" [ $? -eq 0 ]
same=0
for f in "$WORK/f1"/*.mp3 "$WORK/f1"/*.vtt "$WORK/f1"/*.chapters.json; do
    cmp -s "$f" "$WORK/f2/$(basename "$f")" && same=$((same + 1))
done
t "  bit-identical audio, transcripts and chapters ($same of 12)" [ $same -eq 12 ]
t "  title from the article's headline, not <title>" [ "$(field "$WORK/f2" story1.html title)" = "Harbour wall to be rebuilt after winter storms" ]
t "  description from the standfirst" [ "$(field "$WORK/f2" story1.html description)" = "The council will spend two million pounds on the old harbour wall." ]
t "  pubDate from the article's date" [ "$(field "$WORK/f2" story1.html pub_date)" = 1772625600 ]
r=$(check "$WORK/f2" 4)
t "  every episode has its transcript in the feed ($r)" [ "$r" = "ok 4" ]

# SIGTERM with two lanes: both renders stop, nothing half-written
i=1
while [ $i -le 6 ]; do
    { printf 'Story %s\n\nPublished 2026-01-%02d\n\n' $i $i
      j=0; while [ $j -lt 10 ]; do
          printf 'Paragraph %s of story %s has a few words to say aloud.\n\n' $j $i; j=$((j + 1))
      done; } >"$F/story-$i.txt"
    i=$((i + 1))
done
"$NARRATE" batch "$F" "$WORK/sig" --config "$WORK/feed.conf" -q --lanes 2 &
pid=$!
wait_episodes "$WORK/sig" 1 600
kill -TERM $pid 2>/dev/null
wait $pid
rc=$?
if [ $rc -eq 130 ]; then
    ok "SIGTERM with two lanes: exit 130"
    t "  report says interrupted" grep -q '"interrupted": true' "$WORK/sig/report.json"
else
    t "SIGTERM after the run finished: exit 0 ($rc)" [ $rc -eq 0 ]
fi
t "  no temporary file left" [ -z "$(find "$WORK/sig" -name '.*.??????')" ]
"$NARRATE" batch "$F" "$WORK/sig" --config "$WORK/feed.conf" -q
t "  a rerun completes the work" [ $? -eq 0 ]
r=$(check "$WORK/sig" 10)
t "  and the feed is whole ($r)" [ "$r" = "ok 10" ]

done_
