#!/usr/bin/python3
"""check_transcript.py INPUT MP3 VTT SRT JSON - transcripts and chapters JSON
against the audio they describe.

Cues: monotonic, inside the audio, text as written in INPUT (the generated
introduction aside), silence just before each cue's start and speech just
after it in the decoded audio.  SRT has the same cues.  The chapters JSON
matches the MP3's ID3 chapters.  Last line: "N passed, M failed".
"""
import array, json, re, subprocess, sys

results = []


def check(cond, what):
    results.append(bool(cond))
    print(("ok   " if cond else "FAIL ") + what)


def ms(ts):
    h, m, s = ts.replace(",", ".").split(":")
    return round((int(h) * 3600 + int(m) * 60 + float(s)) * 1000)


def cues(path):
    text = open(path, encoding="utf-8").read()
    out = []
    for block in re.split(r"\n\n+", text.strip()):
        lines = block.split("\n")
        for i, l in enumerate(lines):
            if "-->" in l:
                a, b = [x.strip().split(" ")[0] for x in l.split("-->")]
                out.append((ms(a), ms(b), " ".join(lines[i + 1:])))
                break
    return out


def main():
    src, mp3, vtt, srt, js = sys.argv[1:6]
    source = " ".join(open(src, encoding="utf-8").read().split())
    v, s = cues(vtt), cues(srt)
    check(open(vtt, encoding="utf-8").read().startswith("WEBVTT\n\n"), "WebVTT header")
    check(len(v) >= 20 and len(v) == len(s), f"{len(v)} VTT cues, {len(s)} SRT cues")
    check(all(a < b for a, b, _ in v), "every cue ends after it starts")
    check(all(v[i][1] <= v[i + 1][0] for i in range(len(v) - 1)), "cues monotonic, not overlapping")
    check([(a, b) for a, b, _ in v] == [(a, b) for a, b, _ in s], "SRT times equal VTT times")
    unescape = lambda t: t.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    missing = [t for _, _, t in v[3:] if " ".join(unescape(t).split()) not in source]
    check(not missing, f"cue texts are the sentences as written ({len(missing)} not found: {missing[:2]})")
    for f in (vtt, srt):
        # converting to the other format makes ffmpeg parse every cue
        r = subprocess.run(["ffmpeg", "-v", "error", "-i", f, "-f", "webvtt", "-"], capture_output=True)
        n = r.stdout.decode("utf-8", "replace").count("-->")
        check(r.returncode == 0 and n == len(v), f"ffmpeg reads {f.rsplit('.', 1)[1]}: {n} cues")

    from mutagen.id3 import ID3
    tag = ID3(mp3)
    dur = int(str(tag["TLEN"]))
    check(v[-1][1] <= dur, "cues inside the audio")
    raw = subprocess.run(["ffmpeg", "-v", "error", "-i", mp3, "-f", "s16le", "-ac", "1", "-"],
                         capture_output=True, check=True).stdout
    pcm = array.array("h")
    pcm.frombytes(raw)
    rate = len(pcm) * 1000 / dur
    bad = []
    for a, b, t in v:
        i = int(a * rate / 1000)
        before = max((abs(x) for x in pcm[max(0, i - int(rate * 0.15)):max(0, i - int(rate * 0.005))]), default=0)
        after = max(abs(x) for x in pcm[i:i + int(rate * 0.15)])
        if a > 0 and before >= 100 or after < 1000:
            bad.append((a, before, after))
    check(not bad, f"silence before and speech after every cue start ({bad[:3]})")

    chap = sorted(tag.getall("CHAP"), key=lambda c: c.start_time)
    j = json.load(open(js, encoding="utf-8"))
    check(j.get("version") == "1.2.0", "chapters JSON version 1.2.0")
    got = [(round(c["startTime"] * 1000), c["title"]) for c in j["chapters"]]
    want = [(c.start_time, str(c.sub_frames["TIT2"])) for c in chap]
    check(got == want, "chapters JSON matches the ID3 chapters")
    print(f"{sum(results)} passed, {len(results) - sum(results)} failed")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
