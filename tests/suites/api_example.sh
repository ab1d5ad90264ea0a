#!/bin/sh
# api_example.sh - the embedding example in docs/ against the shared library:
# events arrive in audio order, every sentence's byte offsets point at that
# sentence in the input, the PCM received matches the timeline, and
# cancelling from the PCM callback stops the render.
. "$TOP/tests/suites/lib.sh"

EX="$B/example"
t "example program is built against libnarrate.so" sh -c "ldd '$EX' | grep -q 'libnarrate.so.0'"
SEED="$TOP/samples/seed-article.txt"
LD_LIBRARY_PATH="$B" "$EX" "$SEED" >"$WORK/ev.tsv" 2>"$WORK/ev.err"
t "example exits 0" [ $? -eq 0 ]
"$PY" - "$SEED" "$WORK/ev.tsv" >"$WORK/py.log" 2>&1 <<'PY'
import sys
src = open(sys.argv[1], "rb").read()
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[2], encoding="utf-8")]
ev = [r for r in rows if r[0] != "samples"]
samples = int([r for r in rows if r[0] == "samples"][0][1])
bad = 0
def fail(msg):
    global bad
    bad += 1
    print("FAIL", msg)
sent = [r for r in ev if r[0] == "sentence"]
if len(sent) < 20: fail(f"only {len(sent)} sentence events")
starts = [int(r[1]) for r in ev]
if starts != sorted(starts): fail("events not in audio order")
norm = lambda b: b" ".join(b.split())
for r in sent:
    s, e = int(r[3]), int(r[4])
    if s < 0: continue  # the generated introduction
    if norm(src[s:e]) != norm(r[5].encode()):
        fail(f"offsets {s}:{e} give {src[s:e][:60]!r}, event says {r[5][:60]!r}")
    if int(r[2]) <= int(r[1]): fail(f"sentence with no duration at {r[1]}")
chap = [r for r in ev if r[0] == "chapter"]
if len(chap) != 5: fail(f"{len(chap)} chapter events")
last_end = max(int(r[2]) for r in sent)
if not (last_end <= samples * 1000 / 16000 <= last_end + 1000):
    fail(f"{samples} samples do not end just after the last sentence ({last_end} ms)")
print(f"{len(sent)} sentences checked, {bad} problems")
sys.exit(1 if bad else 0)
PY
st=$?
cat "$WORK/py.log"
t "events and offsets agree with the input and the audio" [ $st -eq 0 ]
LD_LIBRARY_PATH="$B" "$EX" "$SEED" 5000 >"$WORK/cancel.tsv" 2>/dev/null
t "cancel from the PCM callback: exit 4 (NR_ERR_CANCELLED)" [ $? -eq 4 ]
n=$(awk -F'\t' '$1=="samples"{print $2}' "$WORK/cancel.tsv")
t "cancel stops early ($n samples)" [ "${n:-0}" -lt 200000 ]
done_
