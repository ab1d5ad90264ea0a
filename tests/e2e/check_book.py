#!/usr/bin/python3
"""check_book.py epub BOOK.epub VTT [SOURCE] | daisy DIR VTT [SOURCE]

A talking book against its transcript (the same render's, one cue per
sentence heard) and its own audio.  Last line: "N passed, M failed".

EPUB: the container (mimetype first, stored, no extra field), the package
(identifier, modified, accessibility metadata, media:active-class in the
stylesheet, a duration per overlay and a total that is their exact sum and
the audio's length), one <par> per sentence span and one span per par, the
clips contiguous from 0 to the end of the audio, each clip starting on its
cue (the transcript's time) and on the sentence's speech in the decoded
audio (silence before it, sound within 20 ms), the spans' text the cues'
(the article as written).  SOURCE, when given, must contain the spans'
text (plain-text articles only).

DAISY: ncc.html and every SMIL well-formed, the NCC's metadata (format,
multimedia type, counts, total time) and headings, each linking to a par
of its SMIL; every text reference resolves into content.html; the clips
contiguous and inside the audio, starting on the cues and on speech.
"""
import array, io, os, re, subprocess, sys, tempfile, zipfile
import xml.etree.ElementTree as ET

results = []
XHTML = "{http://www.w3.org/1999/xhtml}"
OPF = "{http://www.idpf.org/2007/opf}"
SMIL3 = "{http://www.w3.org/ns/SMIL}"
DC = "{http://purl.org/dc/elements/1.1/}"
EPUBNS = "{http://www.idpf.org/2007/ops}"


def check(cond, what):
    results.append(bool(cond))
    print(("ok   " if cond else "FAIL ") + what)
    return bool(cond)


def clock_ms(v):
    """SMIL clock value (full, partial, npt=, or seconds) -> ms."""
    v = v.strip()
    if v.startswith("npt="):
        v = v[4:]
    if v.endswith("s") and ":" not in v:
        v = v[:-1]
    parts = v.split(":")
    secs = 0.0
    for p in parts:
        secs = secs * 60 + float(p)
    return round(secs * 1000)


def vtt_cues(path):
    text = open(path, encoding="utf-8").read()
    out = []
    for block in re.split(r"\n\n+", text.strip()):
        lines = block.split("\n")
        for i, l in enumerate(lines):
            if "-->" in l:
                a, b = [x.strip().split(" ")[0] for x in l.split("-->")]
                t = " ".join(lines[i + 1:])
                t = t.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
                out.append((clock_ms(a), clock_ms(b), t))
                break
    return out


def norm(s):
    """Spaces collapsed, and the characters XML cannot carry dropped (the
    book drops them; the transcript keeps them)."""
    s = re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]", "", s)
    return " ".join(s.split())


def decode(mp3_bytes):
    with tempfile.NamedTemporaryFile(suffix=".mp3") as f:
        f.write(mp3_bytes)
        f.flush()
        raw = subprocess.run(["ffmpeg", "-v", "error", "-i", f.name, "-f", "s16le", "-ac", "1", "-"],
                             capture_output=True, check=True).stdout
        rate = subprocess.run(["ffprobe", "-v", "error", "-show_entries", "stream=sample_rate",
                               "-of", "csv=p=0", f.name], capture_output=True, text=True,
                              check=True).stdout.strip()
    pcm = array.array("h")
    pcm.frombytes(raw)
    return pcm, int(rate)


def check_onsets(pcm, rate, begins, label):
    """Silence just before each clip's start, the sentence's sound within
    20 ms after it (the trimmer keeps 10 ms before the onset)."""
    bad = []
    for a in begins:
        i = a * rate // 1000
        before = max((abs(x) for x in pcm[max(0, i - rate * 150 // 1000):max(0, i - rate * 5 // 1000)]),
                     default=0)
        win = pcm[i:i + rate * 20 // 1000]
        onset = max((abs(x) for x in win), default=0)
        if (a > 0 and before >= 100) or onset < 300:
            bad.append((a, before, onset))
    check(not bad, f"{label}: every clip starts within 20 ms of its sentence's speech, "
                   f"after silence ({len(begins)} clips; bad: {bad[:3]})")


def spans_of(root):
    """(id, text) of every sentence span in document order."""
    return [(e.get("id"), norm("".join(e.itertext())))
            for e in root.iter(XHTML + "span") if re.fullmatch(r"s\d+", e.get("id") or "")]


def check_texts(spans, cues, source, label):
    """Spans carry the cues' sentences as written; the introduction's
    spans (title, byline, date) are the article's fields without the words
    narrate adds to speak them."""
    check(len(spans) == len(cues), f"{label}: one span per sentence heard ({len(spans)} spans, {len(cues)} cues)")
    head = 0
    while head < len(cues) and head < 4 and norm(cues[head][2]) != spans[head][1]:
        head += 1
    diff = [(i, s[1], c[2]) for i, (s, c) in enumerate(zip(spans, cues))
            if i >= head and norm(c[2]) != s[1]]
    check(not diff, f"{label}: each span's text is its cue's sentence as written ({diff[:2]})")
    cut = [(s[1], c[2]) for s, c in zip(spans[:head], cues[:head]) if s[1] not in norm(c[2])]
    check(not cut, f"{label}: the title page's spans are inside what was said ({cut[:2]})")
    if source:
        src = norm(open(source, encoding="utf-8").read())
        missing = [s[1] for s in spans[head:] if s[1] not in src]
        check(not missing, f"{label}: the text is the article as written ({missing[:2]})")


def check_clips(clips, cues, duration, label):
    check(clips and clips[0][1] == 0, f"{label}: the first clip starts the audio")
    check(all(b < e for _, b, e in clips), f"{label}: every clip ends after it starts")
    check(all(clips[i][2] == clips[i + 1][1] for i in range(len(clips) - 1)),
          f"{label}: clips are contiguous")
    check(clips[-1][2] == duration, f"{label}: the last clip ends with the audio ({clips[-1][2]} vs {duration} ms)")
    starts = [b for _, b, _ in clips]
    cue_starts = [c[0] for c in cues]
    check(starts[1:] == cue_starts[1:] and cue_starts[0] == 0,
          f"{label}: clips start where the transcript's cues do")


def epub(path, vtt, source):
    z = zipfile.ZipFile(path)
    infos = z.infolist()
    first = infos[0]
    check(first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
          and z.read("mimetype") == b"application/epub+zip",
          "mimetype is the first entry, stored, application/epub+zip")
    raw = open(path, "rb").read(100)
    check(raw[26:28] == b"\x08\x00" and raw[28:30] == b"\x00\x00" and raw[30:38] == b"mimetype",
          "no extra field in the mimetype entry (name at offset 30)")
    cont = ET.fromstring(z.read("META-INF/container.xml"))
    opf_path = cont.find(".//{urn:oasis:names:tc:opendocument:xmlns:container}rootfile").get("full-path")
    base = os.path.dirname(opf_path)
    opf = ET.fromstring(z.read(opf_path))
    md = opf.find(OPF + "metadata")
    metas = {}
    for m in md.findall(OPF + "meta"):
        metas.setdefault((m.get("property"), m.get("refines")), []).append((m.text or "").strip())
    ident = md.find(DC + "identifier").text
    check(re.fullmatch(r"urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", ident),
          f"dc:identifier is a UUID URN ({ident})")
    check(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", metas[("dcterms:modified", None)][0]),
          "dcterms:modified in UTC")
    g = lambda p: metas.get((p, None), [])
    check(set(g("schema:accessMode")) == {"textual", "auditory"}, "accessMode textual and auditory")
    check({"synchronizedAudioText", "structuralNavigation", "tableOfContents"} <= set(g("schema:accessibilityFeature")),
          "accessibilityFeature synchronizedAudioText, structuralNavigation, tableOfContents")
    check(g("schema:accessibilityHazard") == ["none"], "accessibilityHazard none")
    check(len(g("schema:accessibilitySummary")) == 1 and len(g("schema:accessibilitySummary")[0]) > 40,
          "an accessibility summary")
    check({"textual", "auditory", "textual,auditory"} <= set(g("schema:accessModeSufficient")),
          "accessModeSufficient")
    active = g("media:active-class")
    items = {i.get("id"): i for i in opf.find(OPF + "manifest")}
    css = [z.read(os.path.join(base, i.get("href"))).decode() for i in items.values()
           if i.get("media-type") == "text/css"]
    check(len(active) == 1 and any("." + active[0] + " " in c for c in css),
          f"media:active-class is styled ({active})")

    spine = [items[r.get("idref")] for r in opf.find(OPF + "spine")]
    total = clock_ms(g("media:duration")[0])
    per, clips, spans = [], [], []
    audio = None
    for item in spine:
        href = os.path.join(base, item.get("href"))
        doc = ET.fromstring(z.read(href))
        doc_spans = spans_of(doc)
        ids = {e.get("id") for e in doc.iter() if e.get("id")}
        spans += doc_spans
        mo = item.get("media-overlay")
        if not mo:
            check(not doc_spans, f"{item.get('href')}: no overlay, no sentence spans")
            continue
        dur = metas.get(("media:duration", "#" + mo))
        check(dur and len(dur) == 1, f"{mo}: one media:duration")
        smil = ET.fromstring(z.read(os.path.join(base, items[mo].get("href"))))
        pars = list(smil.iter(SMIL3 + "par"))
        doc_clips = []
        for p in pars:
            t = p.find(SMIL3 + "text").get("src")
            a = p.find(SMIL3 + "audio")
            audio = audio or os.path.join(base, a.get("src"))
            doc_clips.append((t, clock_ms(a.get("clipBegin")), clock_ms(a.get("clipEnd"))))
        name = os.path.basename(href)
        refs = [t.split("#", 1) for t, _, _ in doc_clips]
        check(all(f == name and i in ids for f, i in refs), f"{name}: every par's text is in it")
        check([i for _, i in refs] == [i for i, _ in doc_spans],
              f"{name}: exactly one par per sentence span, in order ({len(pars)} pars)")
        if dur:
            per.append(clock_ms(dur[0]))
            check(per[-1] == doc_clips[-1][2] - doc_clips[0][1], f"{mo}: duration = its clips")
        clips += doc_clips
    check(sum(per) == total, f"total media:duration is the exact sum of the overlays ({sum(per)} = {total} ms)")
    cues = vtt_cues(vtt)
    check_texts(spans, cues, source, "EPUB")
    mp3 = z.read(audio)
    from mutagen.id3 import ID3
    tlen = int(str(ID3(io.BytesIO(mp3))["TLEN"]))
    check(total == tlen, f"total duration is the MP3's length (TLEN {tlen} ms)")
    check_clips(clips, cues, tlen, "EPUB")
    pcm, rate = decode(mp3)
    check((len(pcm) * 1000 + rate // 2) // rate == tlen, "the MP3 decodes to its stated length")
    check_onsets(pcm, rate, [b for _, b, _ in clips], "EPUB")


def daisy(d, vtt, source):
    parse = lambda name: ET.parse(os.path.join(d, name)).getroot()
    ncc = parse("ncc.html")
    meta = {m.get("name"): m.get("content") for m in ncc.iter(XHTML + "meta") if m.get("name")}
    for k, v in [("dc:format", "Daisy 2.02"), ("ncc:multimediaType", "audioFullText"), ("ncc:charset", "utf-8")]:
        check(meta.get(k) == v, f"ncc.html {k} = {v}")
    for k in ["dc:title", "dc:creator", "dc:identifier", "dc:language", "dc:publisher", "dc:date",
              "ncc:generator", "ncc:depth", "ncc:pageNormal", "ncc:totalTime"]:
        check(meta.get(k), f"ncc.html has {k}")
    heads = [e for e in ncc.find(XHTML + "body") if re.fullmatch(XHTML.replace("{", r"\{").replace("}", r"\}") + r"h[1-6]", e.tag)]
    check(heads and heads[0].tag == XHTML + "h1" and heads[0].get("class") == "title",
          "the NCC starts with the title as h1 class=title")
    check(int(meta.get("ncc:tocItems", -1)) == len(heads), f"ncc:tocItems = {len(heads)} headings")
    files = os.listdir(d)
    check(int(meta.get("ncc:files", -1)) == len(files), f"ncc:files = the {len(files)} files")
    content = {}
    for f in files:
        if f.endswith(".html") and f != "ncc.html":
            content[f] = parse(f)
    ids = {f: {e.get("id") for e in r.iter() if e.get("id")} for f, r in content.items()}
    spans = []
    for f in sorted(content):
        spans += spans_of(content[f])
    smils = sorted(f for f in files if f.endswith(".smil"))
    clips, elapsed, audio = [], 0, set()
    bad_refs = []
    for s in smils:
        root = parse(s)
        m = {e.get("name"): e.get("content") for e in root.iter("meta")}
        check(m.get("ncc:totalElapsedTime") is not None and clock_ms(m["ncc:totalElapsedTime"]) == elapsed,
              f"{s}: ncc:totalElapsedTime")
        mine = []
        for p in root.iter("par"):
            t = p.find("text").get("src").split("#", 1)
            a = p.find(".//audio")
            audio.add(a.get("src"))
            if t[0] not in ids or t[1] not in ids[t[0]]:
                bad_refs.append(t)
            mine.append(("#".join(t), clock_ms(a.get("clip-begin")), clock_ms(a.get("clip-end"))))
        dur = mine[-1][2] - mine[0][1]
        check(clock_ms(m.get("ncc:timeInThisSmil", "-1")) == dur, f"{s}: ncc:timeInThisSmil = its clips")
        elapsed += dur
        clips += mine
    check(not bad_refs, f"every par's text resolves in the content ({bad_refs[:2]})")
    for h in heads:
        href = h.find(XHTML + "a").get("href")
        f, anchor = href.split("#")
        check(f in smils and anchor in {e.get("id") for e in parse(f).iter() if e.get("id")},
              f"NCC heading '{norm(''.join(h.itertext()))}' links into {f}")
    check(len(audio) == 1, f"one audio file ({audio})")
    mp3 = open(os.path.join(d, audio.pop()), "rb").read()
    from mutagen.id3 import ID3
    tlen = int(str(ID3(io.BytesIO(mp3))["TLEN"]))
    tt = meta.get("ncc:totalTime", "0:0:0").split(":")
    check(abs(int(tt[0]) * 3600 + int(tt[1]) * 60 + int(tt[2]) - tlen / 1000) <= 0.5, "ncc:totalTime")
    check(elapsed == tlen, f"the SMILs add up to the audio ({elapsed} vs {tlen} ms)")
    cues = vtt_cues(vtt)
    check([c[0].split("#")[1] for c in clips] == [i for i, _ in spans], "one par per sentence span, in order")
    check_texts(spans, cues, source, "DAISY")
    check_clips(clips, cues, tlen, "DAISY")
    pcm, rate = decode(mp3)
    # times are whole ms rounded half up from the sample counts, as
    # nr_stitch_ms does (Python's round() would round half to even)
    length = (len(pcm) * 1000 + rate // 2) // rate
    check(all(e <= length for _, _, e in clips), f"every clip lies inside the decoded audio ({length} ms)")
    check_onsets(pcm, rate, [b for _, b, _ in clips], "DAISY")


def main():
    kind, path, vtt = sys.argv[1:4]
    source = sys.argv[4] if len(sys.argv) > 4 else None
    (epub if kind == "epub" else daisy)(path, vtt, source)
    print(f"{sum(results)} passed, {len(results) - sum(results)} failed")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
