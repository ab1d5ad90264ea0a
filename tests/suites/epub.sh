#!/bin/sh
# epub.sh - EPUB 3 talking books (#17): epubcheck (Debian) passes the seed's,
# a Markdown and an HTML sample's with no error and no warning; each
# sentence has exactly one par and each clip starts on its sentence's
# speech (tests/e2e/check_book.py against the same render's transcript
# and the decoded audio); the text is the article as written while the
# audio says the spoken form; cover art; the same input makes the same
# bytes; refused and failed outputs leave nothing; memory stays flat with
# the article's length; the library API (tests/tools/book_api.c).
. "$TOP/tests/suites/lib.sh"
SEED="$TOP/samples/seed-article.txt"
MD="$TOP/samples/finance-budget-uk.md"
HTML="$TOP/samples/news-election-us.html"
EPUBCHECK="java -jar /usr/share/java/epubcheck.jar"
export TMPDIR="$WORK/tmp"
mkdir -p "$TMPDIR"
# a short article for the runs that test what happens around the book
TINY="$WORK/tiny.txt"
printf 'A short title\n\nHello there. A second sentence & a third.\n\nA heading here\n\nAnd a last paragraph.\n' >"$TINY"

# epubcheck: exit 0 and not one ERROR or WARNING line
epubcheck_clean() {
    $EPUBCHECK "$1" >"$WORK/ec.log" 2>&1
    rc=$?
    if [ $rc -eq 0 ] && ! grep -qE '^(ERROR|WARNING|FATAL)' "$WORK/ec.log"; then
        return 0
    fi
    cat "$WORK/ec.log"
    return 1
}

"$NARRATE" -q --voice kal16 "$SEED" -o "$WORK/seed.epub" --transcript "$WORK/seed.vtt"
t "seed: narrate -o seed.epub exits 0" [ $? -eq 0 ]
t "seed: epubcheck, no error, no warning" epubcheck_clean "$WORK/seed.epub"
if "$PY" "$TOP/tests/e2e/check_book.py" epub "$WORK/seed.epub" "$WORK/seed.vtt" "$SEED" >"$WORK/seed.log" 2>&1; then
    ok "seed: pars, clips, durations, text, onsets: $(tail -n 1 "$WORK/seed.log")"
else
    cat "$WORK/seed.log"; bad "seed: pars, clips, durations, text, onsets"
fi

ffmpeg -v error -f lavfi -i color=c=red:s=64x48 -frames:v 1 "$WORK/cover.jpg"
"$NARRATE" -q --voice kal16 --cover "$WORK/cover.jpg" "$MD" --format epub -o "$WORK/md.book" \
    --transcript "$WORK/md.vtt"
t "Markdown: --format epub with a cover exits 0" [ $? -eq 0 ]
cp "$WORK/md.book" "$WORK/md.epub"   # epubcheck goes by the extension
t "Markdown: epubcheck, no error, no warning" epubcheck_clean "$WORK/md.epub"
"$PY" - "$WORK/md.book" "$WORK/cover.jpg" <<'PY' >"$WORK/cov.log" 2>&1
import sys, zipfile, re
z = zipfile.ZipFile(sys.argv[1])
opf = z.read("EPUB/package.opf").decode()
item = re.search(r'<item id="cover" href="([^"]+)" media-type="image/jpeg" properties="cover-image"/>', opf)
sys.exit(0 if item and z.read("EPUB/" + item.group(1)) == open(sys.argv[2], "rb").read() else 1)
PY
t "Markdown: the cover is the cover-image, byte for byte" [ $? -eq 0 ]
if "$PY" "$TOP/tests/e2e/check_book.py" epub "$WORK/md.book" "$WORK/md.vtt" >"$WORK/md.log" 2>&1; then
    ok "Markdown: pars, clips, durations, text, onsets: $(tail -n 1 "$WORK/md.log")"
else
    cat "$WORK/md.log"; bad "Markdown: pars, clips, durations, text, onsets"
fi
unzip -p "$WORK/md.book" EPUB/c001.xhtml | grep -q '<li><span id="s[0-9]*">Petrol: 52.95p per litre duty, unchanged</span></li>'
t "Markdown: the list is a list, as written" [ $? -eq 0 ]

"$NARRATE" -q --voice kal16 "$HTML" -o "$WORK/html.epub" --transcript "$WORK/html.vtt"
t "HTML: exits 0" [ $? -eq 0 ]
t "HTML: epubcheck, no error, no warning" epubcheck_clean "$WORK/html.epub"
if "$PY" "$TOP/tests/e2e/check_book.py" epub "$WORK/html.epub" "$WORK/html.vtt" >"$WORK/html.log" 2>&1; then
    ok "HTML: pars, clips, durations, text, onsets: $(tail -n 1 "$WORK/html.log")"
else
    cat "$WORK/html.log"; bad "HTML: pars, clips, durations, text, onsets"
fi

# structure and characters that need care: nested lists, a heading two
# levels down, quotations, '&', quotes, a tab and control characters
printf '# Edge cases & more\n\nA paragraph with a tab\tand odd chars \001\177 here. Fish & "chips".\n\n## Lists\n\n- Top item one.\n  - Nested item.\n    - Deeper item.\n- Top item two.\n\n#### Two levels down\n\n> A quote here.\n> Still the quote.\n\n> Another quote paragraph.\n\nThe end.\n' >"$WORK/edge.md"
"$NARRATE" -q --voice kal16 "$WORK/edge.md" -o "$WORK/edge.epub" --transcript "$WORK/edge.vtt"
t "edge cases: exits 0" [ $? -eq 0 ]
t "edge cases: epubcheck, no error, no warning" epubcheck_clean "$WORK/edge.epub"
if "$PY" "$TOP/tests/e2e/check_book.py" epub "$WORK/edge.epub" "$WORK/edge.vtt" >"$WORK/edge.log" 2>&1; then
    ok "edge cases: pars, clips, durations, text, onsets: $(tail -n 1 "$WORK/edge.log")"
else
    cat "$WORK/edge.log"; bad "edge cases: pars, clips, durations, text, onsets"
fi
unzip -p "$WORK/edge.epub" EPUB/c001.xhtml EPUB/c002.xhtml | tr -d '\n' >"$WORK/edge.xhtml"
t "  lists nest inside their items" grep -q 'Top item one.</span><ul><li><span id="s[0-9]*">Nested item.</span><ul><li>' "$WORK/edge.xhtml"
t "  a heading two levels down is one level down" grep -q '<h3 id="h2">' "$WORK/edge.xhtml"
t "  both quotations in one blockquote" test "$(grep -o '<blockquote>' "$WORK/edge.xhtml" | wc -l)" -eq 1
unzip -p "$WORK/edge.epub" 'EPUB/*.xhtml' >"$WORK/edge.all"
t "  no control character in the book" sh -c "! grep -qP '[\\x01\\x7f\\t]' '$WORK/edge.all'"
t "  (the check would see one: the article has them)" grep -qP '[\x01\x7f]' "$WORK/edge.md"

# the text as written, the audio as said
unzip -p "$WORK/seed.epub" 'EPUB/c*.xhtml' >"$WORK/seed.xhtml"
t "the book says 'Dr Andrew Staniforth' as the article does" grep -q '>Dr Andrew Staniforth is' "$WORK/seed.xhtml"
t "  and never 'Doctor'" sh -c "! grep -q Doctor '$WORK/seed.xhtml'"
t "  while the audio says 'Doctor Andrew Staniforth'" sh -c "'$NARRATE' --script '$SEED' | grep -q 'Doctor Andrew Staniforth'"
t "the XHTML escapes markup: no raw '&' in the text" sh -c "! grep -q '&[^a-z#]' '$WORK/seed.xhtml'"

# the same input makes the same book, whatever the number of workers
SOURCE_DATE_EPOCH=1700000000 "$NARRATE" -q -j 1 --voice kal16 "$TINY" -o "$WORK/r1.epub"
SOURCE_DATE_EPOCH=1700000000 "$NARRATE" -q -j 2 --voice kal16 "$TINY" -o "$WORK/r2.epub"
t "SOURCE_DATE_EPOCH: the same bytes from -j 1 and -j 2" cmp -s "$WORK/r1.epub" "$WORK/r2.epub"
unzip -p "$WORK/r1.epub" EPUB/package.opf | grep -q '<meta property="dcterms:modified">2023-11-14T22:13:20Z</meta>'
t "  dcterms:modified is SOURCE_DATE_EPOCH" [ $? -eq 0 ]

# refusals and failures leave nothing behind
"$NARRATE" -q --voice kal16 --format epub "$TINY" -o - >"$WORK/stdout" 2>"$WORK/err"
t "EPUB to standard output: exit 2, one line ($(cat "$WORK/err"))" \
    test $? -eq 2 -a "$(wc -l <"$WORK/err")" -eq 1 -a ! -s "$WORK/stdout"
mkdir "$WORK/adir.epub"
"$NARRATE" -q --voice kal16 "$TINY" -o "$WORK/adir.epub" 2>"$WORK/err"
t "EPUB onto a directory: exit 4 ($(cat "$WORK/err"))" test $? -eq 4
no_temp() {
    [ -z "$(find "$WORK" -maxdepth 1 -name '.*.??????')" ] && [ -z "$(ls -A "$TMPDIR")" ]
}
if [ -z "${NR_SANITIZED:-}" ]; then
    # write:1 the MP3 in the scratch directory, rename:1 libzip's own,
    # rename:2 the book's into place, fsync:1 the book's
    for f in write:1 rename:1 rename:2 fsync:1; do
        printf 'previous' >"$WORK/out.epub"
        NARRATE_FAIL=$f LD_PRELOAD="$B/tests/inject_io.so" "$NARRATE" -q -j1 --voice kal16 \
            "$TINY" -o "$WORK/out.epub" 2>"$WORK/err"
        rc=$?
        t "$f: exit 4 and one line ($(cat "$WORK/err"))" test $rc -eq 4 -a "$(wc -l <"$WORK/err")" -eq 1
        t "  $f: the previous book intact" [ "$(cat "$WORK/out.epub")" = previous ]
        t "  $f: no temporary file or scratch directory left" no_temp
    done
fi
t "after every book: no temporary file or scratch directory left" no_temp

# memory does not grow with the article (as for MP3): an article 6 times
# the seed's length against the seed, fast voice and rate
# (not under sanitizers, whose shadow memory and quarantine are no measure)
if [ -z "${NR_SANITIZED:-}" ]; then
    "$PY" "$TOP/tests/bench/make_text.py" "$SEED" 30000 >"$WORK/long.txt"
    rss() { /usr/bin/time -f %M -o "$WORK/rss" "$NARRATE" -q --voice kal --rate 3 "$1" -o "$2" && cat "$WORK/rss"; }
    short=$(rss "$SEED" "$WORK/short.epub")
    long=$(rss "$WORK/long.txt" "$WORK/long.epub")
    mp3=$(rss "$WORK/long.txt" "$WORK/long.mp3")
    t "peak memory flat: seed ${short} KB, 6x longer ${long} KB (MP3 alone ${mp3} KB)" \
        test -n "$short" -a -n "$long" -a "$long" -le $((short * 115 / 100)) -a "$long" -le $((mp3 + 4096))
fi

if "$B/tests/tools/book_api" "$TINY" "$WORK" >"$WORK/api.log" 2>&1; then
    ok "library API: $(tail -n 1 "$WORK/api.log")"
else
    cat "$WORK/api.log"; bad "library API"
fi
t "  nr_write_book's EPUB passes epubcheck" epubcheck_clean "$WORK/api-from-mp3.epub"
unzip -p "$WORK/api-from-mp3.epub" EPUB/audio.mp3 | cmp -s - "$WORK/api.mp3"
t "  it holds the render's MP3 byte for byte" [ $? -eq 0 ]
# batch: books beside the episodes, from the episode's own render
mkdir -p "$WORK/in"
cp "$MD" "$HTML" "$WORK/in/"
printf 'title = Books\nvoice = kal16\nformats = mp3, epub, daisy\n' >"$WORK/books.conf"
"$NARRATE" batch -q -j 2 "$WORK/in" "$WORK/out" --config "$WORK/books.conf"
t "batch with formats = mp3, epub, daisy exits 0" [ $? -eq 0 ]
e=$(ls "$WORK"/out/chancellor-*.epub 2>/dev/null)
m=$(ls "$WORK"/out/chancellor-*.mp3 2>/dev/null)
dz=$(ls -d "$WORK"/out/chancellor-*.daisy 2>/dev/null)
t "  an EPUB and a DAISY book beside each episode" \
    test "$(ls "$WORK"/out/*.epub | wc -l)" -eq 2 -a "$(ls -d "$WORK"/out/*.daisy | wc -l)" -eq 2
t "  the EPUB passes epubcheck" epubcheck_clean "$e"
unzip -p "$e" EPUB/audio.mp3 | cmp -s - "$m"
t "  the EPUB's audio is the episode, byte for byte (one synthesis)" [ $? -eq 0 ]
t "  the DAISY book's audio is the episode's file" [ "$(stat -c %i "$dz/audio.mp3")" = "$(stat -c %i "$m")" ]
rm "$e"
mkdir "$WORK/out/.stale.daisy.abcdef" && : >"$WORK/out/.stale.daisy.abcdef/ncc.html"
: >"$WORK/out/.stale.epub.abcdef"
"$NARRATE" batch -v -j 2 "$WORK/in" "$WORK/out" --config "$WORK/books.conf" 2>"$WORK/err"
t "a missing book is made again ($(grep -c synthesized "$WORK/err") synthesized)" \
    sh -c "[ -s '$e' ] && grep -q 'finance-budget-uk.md: synthesized' '$WORK/err' && grep -q 'news-election-us.html: reused' '$WORK/err'"
t "  what a killed run left is removed" \
    test ! -e "$WORK/out/.stale.daisy.abcdef" -a ! -e "$WORK/out/.stale.epub.abcdef"
rm "$WORK/in/news-election-us.html"
"$NARRATE" batch -q -j 2 "$WORK/in" "$WORK/out" --formats mp3,epub --prune --config "$WORK/books.conf"
t "--prune removes a gone article's books too" \
    test "$(ls "$WORK"/out/*.epub | wc -l)" -eq 1 -a "$(ls -d "$WORK"/out/*.daisy | wc -l)" -eq 1
printf 'formats = mp3, pdf\n' >"$WORK/bad.conf"
"$NARRATE" batch -q "$WORK/in" "$WORK/out2" --config "$WORK/bad.conf" 2>"$WORK/err"
rc=$?
t "formats = mp3, pdf: exit 2 naming the line ($(cat "$WORK/err"))" \
    test $rc -eq 2 -a -n "$(grep 'bad.conf:1: formats:' "$WORK/err")"
"$NARRATE" batch -q "$WORK/in" "$WORK/out2" --formats epub,wav 2>"$WORK/err"
t "--formats epub,wav: exit 2 ($(cat "$WORK/err"))" test $? -eq 2
done_
