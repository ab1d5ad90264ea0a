#!/bin/sh
# bad_inputs.sh - the bad input catalogue: each input gets a correct result
# (an MP3 or --script output) or a clear one-line error with exit 3, never a
# crash, a hang or garbled output; pathological inputs stay linear, counted
# in instructions (callgrind), not timed.
. "$TOP/tests/suites/lib.sh"
P="$PY"

# result NAME ARGS...: run narrate; print its exit code; stderr in $WORK/err
result() { name=$1; shift; "$NARRATE" "$@" >"$WORK/$name.out" 2>"$WORK/err"; echo $?; }
# accept NAME CODE: 0 with output, or 3 with one line of stderr
accept() {
    case $2 in
        0) t "$1: exit 0" [ -s "$WORK/$1.out" ] ;;
        3) t "$1: exit 3 with one line ($(cat "$WORK/err"))" [ "$(wc -l <"$WORK/err")" -eq 1 ] ;;
        *) bad "$1: exit $2: $(head -c 300 "$WORK/err")" ;;
    esac
}
ascii_only() { ! LC_ALL=C grep -q '[^ -~]' "$1"; }
# spoken text: valid UTF-8, no control or replacement characters, and
# nothing past ASCII but letters and their marks (clean.c keeps "Müller")
letters_only() {
    "$P" -c "
import sys, unicodedata
t = open(sys.argv[1], 'rb').read().decode('utf-8')
# Cn: letters newer than this Python's Unicode tables (utf8proc knows them)
bad = [c for c in t if c != '\\n' and (ord(c) < 32 or ord(c) == 127 or
       (ord(c) > 127 and unicodedata.category(c) != 'Cn' and
        unicodedata.category(c)[0] not in 'LM'))]
sys.exit(1 if bad else 0)" "$1"
}

printf 'Caf\xe9 society\n\nThe caf\xe9 sold \xff\xfe tea for \xa35 and \xc3\x28 more.\n' >"$WORK/badutf8.txt"
rc=$(result badutf8 --script "$WORK/badutf8.txt"); accept badutf8 "$rc"
t "  invalid UTF-8: output is ASCII words" ascii_only "$WORK/badutf8.out"

printf 'Title line\n\nIt cost \xc2\xa35.3m in 2014.\n' >"$WORK/u8.txt"
"$P" -c "import sys; d=open('$WORK/u8.txt','rb').read().decode(); open('$WORK/u16.txt','wb').write(b'\xff\xfe'+d.encode('utf-16-le')); open('$WORK/u16be.txt','wb').write(b'\xfe\xff'+d.encode('utf-16-be'))"
"$NARRATE" --script "$WORK/u8.txt" >"$WORK/u8.out"
rc=$(result u16 --script "$WORK/u16.txt"); accept u16 "$rc"
t "  UTF-16LE with BOM reads like UTF-8" cmp -s "$WORK/u8.out" "$WORK/u16.out"
"$NARRATE" --script "$WORK/u16be.txt" >"$WORK/u16be.out" 2>/dev/null
t "  UTF-16BE with BOM too" cmp -s "$WORK/u8.out" "$WORK/u16be.out"
# UTF-16 without a BOM (some tools write none): found by where its NUL
# bytes fall, so the seed reads as it does in UTF-8, byline and all
SEED="$TOP/samples/seed-article.txt"
"$P" -c "import sys; d=open('$SEED','rb').read().decode(); open('$WORK/s16le.txt','wb').write(d.encode('utf-16-le')); open('$WORK/s16be.txt','wb').write(d.encode('utf-16-be'))"
"$NARRATE" --script "$SEED" >"$WORK/s8.out"
for bo in le be; do
    rc=$(result s16$bo --script "$WORK/s16$bo.txt"); accept s16$bo "$rc"
    t "  UTF-16${bo} without a BOM reads like UTF-8" cmp -s "$WORK/s8.out" "$WORK/s16$bo.out"
done
t "  with the byline kept" grep -q "By Andrew Staniforth" "$WORK/s16le.out"

printf 'Title\000line\n\nSome\000text with NUL\000bytes.\n' >"$WORK/nul.txt"
rc=$(result nul --script "$WORK/nul.txt"); accept nul "$rc"

: >"$WORK/empty.txt"
rc=$(result empty -q "$WORK/empty.txt" -o "$WORK/empty.mp3"); t "empty file: exit 3" [ "$rc" -eq 3 ]
printf ' \n\t\n\r\n  \n' >"$WORK/ws.txt"
rc=$(result ws -q "$WORK/ws.txt" -o "$WORK/ws.mp3"); t "whitespace only: exit 3" [ "$rc" -eq 3 ]
printf 'Share this:\nTwitter\nFacebook\n\nLeave a Reply\n\nEnhanced by Zemanta\n\nCookie policy\n' >"$WORK/bp.txt"
rc=$(result bp -q "$WORK/bp.txt" -o "$WORK/bp.mp3"); t "boilerplate only: exit 3 ($(cat "$WORK/err"))" [ "$rc" -eq 3 ]
t "  no output file for those" [ ! -e "$WORK/empty.mp3" ] && [ ! -e "$WORK/ws.mp3" ]

# random bytes are not text: refused, never narrated as noise
head -c 300000 /dev/urandom >"$WORK/random.bin"
rc=$(result random --script "$WORK/random.bin")
t "random bytes: exit 3, one line saying so ($(cat "$WORK/err"))" \
    test "$rc" -eq 3 -a "$(wc -l <"$WORK/err")" -eq 1 -a -n "$(grep 'binary data' "$WORK/err")"
t "  and nothing printed" [ ! -s "$WORK/random.out" ]
# a text with a stray control byte or two is still text
printf 'A damaged note\n\nIt has one \001 stray byte and a bell \007 in it.\n' >"$WORK/stray.txt"
rc=$(result stray --script "$WORK/stray.txt"); accept stray "$rc"
t "  a stray control byte: still narrated" [ "$rc" -eq 0 ]

# control characters and colour escapes never reach the spoken text
printf 'Title \033[1mbold\033[0m here\n\nSome \033[31mred\033[0m text \033]0;x\007 and \302\205 C1.\n' >"$WORK/ctl.txt"
rc=$(result ctl --script "$WORK/ctl.txt"); accept ctl "$rc"
t "  control characters: spoken text is letters, words and punctuation" letters_only "$WORK/ctl.out"
t "  colour escapes are not read out" sh -c "! grep -q '31m\\|\\[0m' '$WORK/ctl.out'"

"$P" -c "print('Long token'); print(); print('x' * 100000)" >"$WORK/token.txt"
rc=$(result token --script "$WORK/token.txt"); accept token "$rc"
"$P" -c "print('Big number'); print(); print('It is ' + '7' * 500 + ' units.')" >"$WORK/digits.txt"
rc=$(result digits --script "$WORK/digits.txt"); accept digits "$rc"
t "  500-digit number read digit by digit" [ "$(grep -o seven "$WORK/digits.out" | wc -l)" -ge 500 ]

"$P" -c "
import random
random.seed(1)
print('A twenty megabyte line'); print()
words = ['alpha', 'beta', '1999', 'MI5', 'gamma,', 'delta', '£5m', 'and']
print(' '.join(random.choice(words) for _ in range(3000000)))" >"$WORK/huge.txt"
rc=$(result huge --script "$WORK/huge.txt"); accept huge "$rc"
"$P" -c "
print('A million paragraphs'); print()
for i in range(1000000): print('Word%d.' % (i % 7)); print()" >"$WORK/million.txt"
rc=$(result million --script "$WORK/million.txt"); accept million "$rc"

# more than 255 chapters: nested CTOCs that ffprobe and mutagen read
"$P" -c "
print('Many chapters'); print()
for i in range(300): print('Section number %d' % (i + 1)); print(); print('Text of section %d.' % (i + 1)); print()" >"$WORK/chap.txt"
"$NARRATE" -q --voice kal "$WORK/chap.txt" -o "$WORK/chap.mp3"
t "300 headings narrate" [ $? -eq 0 ]
n=$(ffprobe -v error -show_chapters -of csv "$WORK/chap.mp3" | grep -c '^chapter')
t "  ffprobe lists all 301 chapters ($n)" [ "$n" -eq 301 ]
"$P" -c "
from mutagen.id3 import ID3
t = ID3('$WORK/chap.mp3')
top = [c for c in t.getall('CTOC') if c.flags & 2]
assert len(top) == 1, top
kids = [t['CTOC:' + k] for k in top[0].child_element_ids]
ids = [i for k in kids for i in k.child_element_ids]
assert len(ids) == 301 and len(set(ids)) == 301, len(ids)
" 2>"$WORK/err"
t "  one top-level CTOC whose children list all 301 CHAPs ($(tail -n 1 "$WORK/err"))" [ ! -s "$WORK/err" ]
"$P" -c "
print('Ten thousand headings'); print()
for i in range(10000): print('Heading %d' % i); print(); print('The body text of part %d follows here.' % i); print()" >"$WORK/h10k.txt"
rc=$(result h10k --script "$WORK/h10k.txt"); accept h10k "$rc"
t "  10,000 headings give 10,001 chapters in --script" [ "$(grep -c '^# ' "$WORK/h10k.out")" -eq 10001 ]

"$P" -c "print('<html><body>' + '<div>' * 20000 + '<p>deep text</p>' + '<b><i>unclosed ' * 5000)" >"$WORK/deep.html"
rc=$(result deep --script "$WORK/deep.html"); accept deep "$rc"
"$P" -c "print('<html><body><p>' + '&amp;&lt;&#65;&#x1F600;&nbsp;&bogus;&#99999999;' * 50000 + '</p></body></html>')" >"$WORK/ent.html"
rc=$(result ent --script "$WORK/ent.html"); accept ent "$rc"
printf '# Title\n\n**unclosed *emphasis [link(\n\n```\nnever closed\n\n> > > >\n- - - -\n[x]: <\n' >"$WORK/bad.md"
rc=$(result badmd --script "$WORK/bad.md"); accept badmd "$rc"
printf 'Title\n\nSpeak %%s%%n%%x%%p now.\n' >"$WORK/fmt.txt"
rc=$(result fmt --script "$WORK/fmt.txt"); accept fmt "$rc"
printf '# lexicon with broken lines\nNATO\tnay toe\nno tab here\n\t\nGCHQ\n\tonly respelling\nOK\tokay\n' >"$WORK/lex.txt"
rc=$(result lex --lexicon "$WORK/lex.txt" --script "$WORK/fmt.txt"); t "lexicon with broken lines: exit 0" [ "$rc" -eq 0 ]
t "  and a warning naming the file ($(cat "$WORK/err"))" grep -q "lex.txt" "$WORK/err"

# linear work: doubling a pathological input must not quadruple the work
count() {  # instructions for narrate --script FILE, by callgrind
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$NARRATE" --script "$1" 2>&1 >/dev/null |
        sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
gen() {  # gen KIND N > file
    "$P" -c "
import sys
k, n = sys.argv[1], int(sys.argv[2])
if k == 'line': print('T'); print(); print(' '.join(['word'] * n))
if k == 'paras': print('T'); print(); print('\n\n'.join(['Word.'] * n))
if k == 'dots': print('T'); print(); print('a.' * n)
if k == 'digits': print('T'); print(); print('1' * n)
if k == 'numbers': print('T'); print(); print(' '.join(['100'] * n))
if k == 'repeat': print('T'); print(); print('\n'.join(['Share this'] * n))
if k == 'html': print('<div>' * n + 'x')
if k == 'htmlstray': print('<div>' * n + '<p>deep text</p>' + '</span>' * n)
if k == 'htmlnest': print('<div><b>' * n + '<p>deep text' + '</i>text' * n)
if k == 'headings': print('T'); print(); print('\n\n'.join('H %d\n\nb.' % i for i in range(n)))
" "$1" "$2"
}
for kind in line:20000 paras:4000 dots:20000 digits:20000 numbers:10000 repeat:4000 html:3000 \
        htmlstray:3000 htmlnest:3000 headings:1500; do
    k=${kind%%:*} n=${kind#*:}
    gen "$k" "$n" >"$WORK/l1.txt"
    gen "$k" $((n * 2)) >"$WORK/l2.txt"
    ext=txt
    case $k in html*) ext=html; mv "$WORK/l1.txt" "$WORK/l1.html"; mv "$WORK/l2.txt" "$WORK/l2.html" ;; esac
    c1=$(count "$WORK/l1.$ext") c2=$(count "$WORK/l2.$ext")
    # the fixed start-up cost is removed by differencing with a tiny input
    ratio=$(awk -v a="$c1" -v b="$c2" 'BEGIN { printf "%.2f", b / a }')
    t "linear: $k doubled costs ${ratio}x (< 3)" awk -v r="$ratio" 'BEGIN { exit !(r > 0 && r < 3) }'
done
done_
