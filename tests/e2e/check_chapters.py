#!/usr/bin/python3
"""check_chapters.py FILE TITLE... - any format narrate writes: ffprobe lists
the chapters with these titles, contiguous, and after ffmpeg decodes the
file each chapter starts within 20 ms of the first sample of its audio.
Last line: "N passed, M failed"."""
import array, json, subprocess, sys

results = []


def check(cond, what):
    results.append(bool(cond))
    print(("ok   " if cond else "FAIL ") + what)


path, titles = sys.argv[1], sys.argv[2:]
info = json.loads(subprocess.run(["ffprobe", "-v", "error", "-show_chapters", "-show_streams",
                                  "-show_format", "-of", "json", path],
                                 capture_output=True, check=True).stdout)
ch = info.get("chapters", [])
check([c.get("tags", {}).get("title") for c in ch] == titles, f"{path}: chapter titles")
starts = [float(c["start_time"]) for c in ch]
ends = [float(c["end_time"]) for c in ch]
check(all(abs(ends[i] - starts[i + 1]) < 0.002 for i in range(len(ch) - 1)), "contiguous")
tags = {k.lower(): v for k, v in info["format"].get("tags", {}).items()}
tags.update({k.lower(): v for k, v in info["streams"][0].get("tags", {}).items()})
check(tags.get("title") == titles[0], f"title tag ({tags.get('title')!r})")
check(bool(tags.get("artist")), f"artist tag ({tags.get('artist')!r})")
check(bool(tags.get("date")), f"date tag ({tags.get('date')!r})")

rate = 16000
raw = subprocess.run(["ffmpeg", "-v", "error", "-i", path, "-f", "s16le", "-ac", "1", "-ar",
                      str(rate), "-"], capture_output=True, check=True).stdout
pcm = array.array("h")
pcm.frombytes(raw)
dur = len(pcm) / rate
check(abs(dur - ends[-1]) < 0.05, f"decoded length {dur:.3f} s = last chapter end {ends[-1]:.3f} s")
for t in starts[1:]:
    i0 = int((t - 0.3) * rate)
    quiet = max(abs(x) for x in pcm[i0:int((t - 0.02) * rate)])
    onset = next((i for i in range(i0, min(len(pcm), i0 + rate)) if abs(pcm[i]) > 100), None)
    ok = onset is not None and abs(onset / rate - t) <= 0.020
    check(quiet < 100 and ok, f"chapter at {t:.3f} s: silence before (peak {quiet}), speech at "
          f"{(onset or 0) / rate:.4f} s")
print(f"{sum(results)} passed, {len(results) - sum(results)} failed")
sys.exit(0 if all(results) else 1)
