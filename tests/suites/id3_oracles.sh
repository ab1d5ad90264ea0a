#!/bin/sh
# id3_oracles.sh - the ID3v2.3 writer (src/audio/id3.c) judged by real
# readers rather than by our own parser: ffprobe (FFmpeg's chapter reader),
# mutagen (CTOC tree, CHAP ids, frame contents) and mp3val (the stream and
# its Info frame).  The MP3s come from tests/tools/id3_fixture.c: 3 chapters
# with a 200-byte and a non-ASCII title, and 300 chapters (nested CTOCs).
#
# Environment: B (build dir; the fixture is $B/tests/id3_fixture, built
# into the suite's temporary dir when missing), TOP (source tree; defaults
# to this script's tree), PY (Python with mutagen; default /usr/bin/python3).
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
B=${B:-$TOP/build}
PY=${PY:-/usr/bin/python3}
. "$TOP/tests/suites/lib.sh"

# built by `make check` with the other test tools
FIX="$B/tests/tools/id3_fixture"
if [ ! -x "$FIX" ]; then
    bad "id3_fixture not built ($FIX): run make check"
    done_
    exit 1
fi

t "fixture writes the 3-chapter MP3" "$FIX" "$WORK/c3.mp3"
t "fixture writes the 300-chapter MP3" "$FIX" "$WORK/c300.mp3" 300
[ -s "$WORK/c3.mp3" ] && [ -s "$WORK/c300.mp3" ] || { done_; exit 1; }

# The expected chapters, as the fixture writes them (kept in one place).
cat >"$WORK/expect.py" <<'EOF'
def expected(n):
    if n == 3:
        head = "Chapter two, with a title long enough to pass 128 bytes "
        long = head + "".join(chr(ord('a') + i % 26)
                              for i in range(len(head), 199)) + "!"
        assert len(long.encode()) == 200
        titles = ["Intro", long, "Caf\u00e9 \u4e2d\u6587 \U0001F3A7 fin"]
    else:
        titles = ["Chapter %d" % (i + 1) for i in range(n)]
    return [(t, i * 3000 // n, (i + 1) * 3000 // n)
            for i, t in enumerate(titles)]
EOF

# ---- ffprobe: titles, order, start and end times -------------------------
cat >"$WORK/ffprobe.py" <<'EOF'
import json, sys
sys.path.insert(0, sys.argv[1])
from expect import expected
n = int(sys.argv[2])
got = json.load(sys.stdin)["chapters"]
exp = expected(n)
if len(got) != len(exp):
    sys.exit("ffprobe sees %d chapters, want %d" % (len(got), len(exp)))
for i, (c, (title, s, e)) in enumerate(zip(got, exp)):
    if c.get("tags", {}).get("title") != title:
        sys.exit("chapter %d title %r, want %r" % (i, c.get("tags"), title))
    if c["time_base"] != "1/1000" or c["start"] != s or c["end"] != e:
        sys.exit("chapter %d times %s..%s (%s), want %d..%d ms"
                 % (i, c["start"], c["end"], c["time_base"], s, e))
EOF
for n in 3 300; do
    if ffprobe -v error -show_chapters -of json "$WORK/c$n.mp3" >"$WORK/ff$n.json" 2>"$WORK/ff$n.err" \
        && [ ! -s "$WORK/ff$n.err" ] \
        && "$PY" "$WORK/ffprobe.py" "$WORK" "$n" <"$WORK/ff$n.json" 2>"$WORK/ffc$n.err"; then
        ok "ffprobe: $n chapters, titles, order, times"
    else
        bad "ffprobe ($n chapters): $(cat "$WORK/ff$n.err" "$WORK/ffc$n.err" 2>/dev/null)"
    fi
done

# ---- mutagen: tag fields, CTOC tree, CHAP ids and times; raw TIT2-first ---
cat >"$WORK/mut.py" <<'EOF'
import struct, sys
sys.path.insert(0, sys.argv[1])
from expect import expected
from mutagen.id3 import ID3, CTOCFlags
path, n = sys.argv[2], int(sys.argv[3])
exp = expected(n)
checks = []
def check(name, cond, detail=""):
    checks.append(name)
    print(("ok   " if cond else "FAIL ") + "mutagen %d: %s" % (n, name)
          + ("" if cond else " (%s)" % (detail,)))

t = ID3(path)
check("version 2.3", t.version == (2, 3, 0), t.version)
check("TIT2", str(t.get("TIT2")) == "Fixture episode", t.get("TIT2"))
check("TPE1/TALB/TCON", (str(t["TPE1"]), str(t["TALB"]), str(t["TCON"]))
      == ("narrate tests", "Fixture show", "Podcast"))
check("TLEN", str(t.get("TLEN")) == "3000", t.get("TLEN"))
check("COMM (UTF-16)", str(t.get("COMM::eng")) == "Comment \u2014 with a dash"
      and t["COMM::eng"].encoding == 1, t.getall("COMM"))

tops = [c for c in t.getall("CTOC") if c.flags & CTOCFlags.TOP_LEVEL]
check("one top-level CTOC", len(tops) == 1, t.getall("CTOC"))
top = tops[0]
check("top CTOC flags top-level|ordered",
      top.flags == CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED, top.flags)
chap_ids = ["chp%d" % i for i in range(n)]
if n <= 255:
    check("CTOC children in order", top.child_element_ids == chap_ids,
          top.child_element_ids[:5])
else:
    groups = ["toc%d" % g for g in range((n + 254) // 255)]
    check("top CTOC lists child CTOCs", top.child_element_ids == groups,
          top.child_element_ids)
    flat = []
    for g in groups:
        c = t.get("CTOC:" + g)
        check(g + " ordered, not top-level",
              c is not None and c.flags == CTOCFlags.ORDERED,
              c and c.flags)
        check(g + " has <= 255 entries",
              c is not None and len(c.child_element_ids) <= 255)
        flat += c.child_element_ids if c else []
    check("nested CTOCs list every chapter in order", flat == chap_ids)
chaps = t.getall("CHAP")
check("CHAP ids unique (none collapsed)", len(chaps) == n
      and sorted(c.element_id for c in chaps) == sorted(chap_ids), len(chaps))
bad = []
for i, (title, s, e) in enumerate(exp):
    c = t.get("CHAP:chp%d" % i)
    if c is None or (c.start_time, c.end_time) != (s, e) \
            or (c.start_offset, c.end_offset) != (0xFFFFFFFF, 0xFFFFFFFF) \
            or str(c.sub_frames.get("TIT2")) != title:
        bad.append(i)
check("CHAP times, offsets FFFFFFFF, titles", not bad, bad[:5])

# Raw bytes: mutagen keeps sub-frames in a dict, so "TIT2 first" (what
# VLC needs) and file order are checked on the bytes themselves.
data = open(path, "rb").read()
size = (data[6] << 21) | (data[7] << 14) | (data[8] << 7) | data[9]
pos, end, order, first = 10, 10 + size, [], []
while pos + 10 <= end and data[pos] != 0:
    fid = data[pos:pos + 4].decode("latin-1")
    fsz = struct.unpack(">I", data[pos + 4:pos + 8])[0]
    body = data[pos + 10:pos + 10 + fsz]
    if fid == "CHAP":
        z = body.index(b"\0")
        order.append(body[:z].decode("latin-1"))
        first.append(body[z + 17:z + 21])
    pos += 10 + fsz
check("frames fill the tag exactly, then zero padding",
      pos <= end and not any(data[pos:end]), (pos, end))
check("CHAP frames in file order", order == chap_ids, order[:5])
check("TIT2 is every CHAP's first sub-frame",
      first == [b"TIT2"] * n, set(first))
EOF
for n in 3 300; do
    "$PY" "$WORK/mut.py" "$WORK" "$WORK/c$n.mp3" "$n" >"$WORK/mut$n.out" 2>&1
    rc=$?
    while IFS= read -r line; do
        case "$line" in
            "ok   "*) ok "${line#ok   }" ;;
            "FAIL "*) bad "${line#FAIL }" ;;
            *) bad "mutagen $n: $line" ;;
        esac
    done <"$WORK/mut$n.out"
    [ "$rc" -eq 0 ] || bad "mutagen $n: python exited $rc"
done

# ---- mp3val: the stream after our tag is sound ------------------------------
# mp3val exits 0 even when it reports problems, so its WARNING/ERROR lines
# are what count.
for n in 3 300; do
    if mp3val "$WORK/c$n.mp3" >"$WORK/mv$n.out" 2>&1 \
        && ! grep -Eq '^(WARNING|ERROR)' "$WORK/mv$n.out" \
        && grep -q '+ID3v2' "$WORK/mv$n.out"; then
        ok "mp3val: no problems ($n chapters)"
    else
        bad "mp3val ($n chapters): $(cat "$WORK/mv$n.out")"
    fi
done

done_
