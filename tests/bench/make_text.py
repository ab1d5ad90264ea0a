#!/usr/bin/python3
"""make_text.py SEED CHARS - an article of about CHARS characters built from
the seed's body: a title, then sections "Part N" whose paragraphs are the
seed's, each opened with "In part N," so no line repeats (a reader would
otherwise drop repeated lines as boilerplate and do less work)."""
import sys

seed, want = sys.argv[1], int(sys.argv[2])
lines = open(seed, encoding="utf-8").read().split("\n")
# the seed's body: from the first long paragraph to the biography line
paras = [l.strip() for l in lines if len(l.strip()) > 120 and "commenting" not in l]
out = ["Benchmark article built from the seed", ""]
n, size = 0, 0
while size < want:
    n += 1
    out += [f"Part {n}", ""]
    for p in paras:
        out += [f"In part {n}, {p[0].lower()}{p[1:]}", ""]
    size = sum(len(l) + 1 for l in out)
sys.stdout.write("\n".join(out) + "\n")
