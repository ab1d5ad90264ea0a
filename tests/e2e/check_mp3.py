#!/usr/bin/python3
"""check_mp3.py MP3 TITLE... - check a narrate MP3 with independent readers.

Each check prints "ok ..." or "FAIL ..."; the last line is "N passed, M failed".
Readers: ffprobe (chapters, format), mutagen (ID3 frames), mp3val (stream),
ffmpeg (decoded audio: gapless length, chapter alignment).
"""
import array, json, struct, subprocess, sys

results = []


def check(cond, what):
    results.append(bool(cond))
    print(("ok   " if cond else "FAIL ") + what)
    return cond


def ffprobe(path):
    out = subprocess.run(["ffprobe", "-v", "error", "-show_chapters", "-show_format",
                          "-show_streams", "-of", "json", path],
                         capture_output=True, check=True).stdout
    return json.loads(out)


def decode(path, rate):
    raw = subprocess.run(["ffmpeg", "-v", "error", "-i", path, "-f", "s16le", "-ac", "1",
                          "-ar", str(rate), "-"], capture_output=True, check=True).stdout
    a = array.array("h")
    a.frombytes(raw)
    return a


def raw_id3_frames(path):
    """(id, body) of the top-level frames, parsed by hand (v2.3 sizes)."""
    with open(path, "rb") as f:
        head = f.read(10)
        size = (head[6] << 21) | (head[7] << 14) | (head[8] << 7) | head[9]
        body = f.read(size)
    frames, i = [], 0
    while i + 10 <= len(body) and body[i:i + 4] != b"\0\0\0\0":
        fid = body[i:i + 4].decode("latin-1")
        n = struct.unpack(">I", body[i + 4:i + 8])[0]
        frames.append((fid, body[i + 10:i + 10 + n]))
        i += 10 + n
    return head, frames


def main():
    path, titles = sys.argv[1], sys.argv[2:]
    info = ffprobe(path)
    chapters = info.get("chapters", [])
    got = [c.get("tags", {}).get("title") for c in chapters]
    check(got == titles, f"ffprobe chapter titles {got!r}")
    st = info["streams"][0]
    rate = int(st["sample_rate"])
    check(st["codec_name"] == "mp3" and st["channels"] == 1, "mono mp3 stream")
    br = int(info["format"].get("bit_rate", 0))
    check(60000 <= br <= 70000, f"about 64 kbit/s ({br})")

    starts = [float(c["start_time"]) for c in chapters]
    ends = [float(c["end_time"]) for c in chapters]
    check(starts and starts[0] == 0.0, "first chapter starts at 0")
    check(all(abs(ends[i] - starts[i + 1]) < 1e-6 for i in range(len(starts) - 1)),
          "chapters are contiguous")
    check(starts == sorted(starts), "chapters in order")

    # ID3 structure: version, CTOC, CHAP, TIT2 first, unique ids
    head, frames = raw_id3_frames(path)
    check(head[:3] == b"ID3" and head[3] == 3, "ID3v2.3 tag")
    ids = [f for f, _ in frames]
    check(ids.count("CTOC") >= 1, "CTOC present")
    chaps = [b for f, b in frames if f == "CHAP"]
    check(len(chaps) == len(titles), f"{len(chaps)} CHAP frames")
    eids, tit2_first = [], True
    for b in chaps:
        z = b.index(b"\0")
        eids.append(b[:z])
        sub = b[z + 1 + 16:z + 1 + 16 + 4]
        tit2_first &= sub == b"TIT2"
    check(len(set(eids)) == len(eids), "CHAP element ids unique")
    check(tit2_first, "TIT2 is the first sub-frame of every CHAP")

    from mutagen.id3 import ID3
    from mutagen.mp3 import MP3
    tag = ID3(path)
    toc = [f for f in tag.getall("CTOC")]
    top = [t for t in toc if t.flags & 2]
    check(len(top) == 1 and (top[0].flags & 1), "one top-level ordered CTOC (mutagen)")
    mchap = sorted(tag.getall("CHAP"), key=lambda c: c.start_time)
    mtitles = [str(c.sub_frames["TIT2"]) for c in mchap]
    check(mtitles == titles, "mutagen CHAP titles")
    tlen = int(str(tag["TLEN"])) if "TLEN" in tag else -1
    mdur = MP3(path).info.length * 1000
    check(abs(tlen - mdur) <= 2, f"TLEN {tlen} ms matches mutagen length {mdur:.0f} ms")
    check(mchap and mchap[-1].end_time == tlen, "last chapter ends at the duration")

    mv = subprocess.run(["mp3val", path], capture_output=True, text=True).stdout
    check("WARNING" not in mv and "PROBLEM" not in mv, "mp3val reports no problem")

    # Decoded audio: gapless length and chapter alignment
    pcm = decode(path, rate)
    dec_ms = len(pcm) * 1000 / rate
    check(abs(dec_ms - tlen) <= 2, f"decoded length {dec_ms:.1f} ms = TLEN (gapless)")
    # The pause before a chapter is digital silence, so the chapter's first
    # audio sample is the first one clearly above the codec's noise.
    thr = 100
    for c in mchap[1:]:
        t = c.start_time
        lo = int((t - 300) * rate / 1000)
        quiet = max(abs(x) for x in pcm[lo:int((t - 20) * rate / 1000)])
        check(quiet < thr, f"chapter at {t} ms: silence before it (peak {quiet})")
        onset = next((i for i in range(lo, min(len(pcm), lo + rate)) if abs(pcm[i]) > thr), None)
        if onset is None:
            check(False, f"chapter at {t} ms: no speech found")
            continue
        on_ms = onset * 1000 / rate
        check(abs(on_ms - t) <= 20, f"chapter at {t} ms starts with speech at {on_ms:.1f} ms")
    print(f"{sum(results)} passed, {len(results) - sum(results)} failed")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
