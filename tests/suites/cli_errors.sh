#!/bin/sh
# cli_errors.sh - every error path of the command line: one-line message on
# stderr naming the problem, the documented exit code, and no output file
# (or temporary file) left behind; an existing output stays intact.
. "$TOP/tests/suites/lib.sh"

# expect CODE PATTERN DESCRIPTION -- ARGS...: run narrate, check exit code,
# that stderr is one line matching PATTERN
expect() {
    code=$1 pat=$2 desc=$3; shift 4
    "$NARRATE" "$@" >"$WORK/out" 2>"$WORK/err" </dev/null
    rc=$?
    lines=$(wc -l <"$WORK/err")
    if [ "$rc" -eq "$code" ] && [ "$lines" -eq 1 ] && grep -Eq -- "$pat" "$WORK/err"; then
        ok "$desc (exit $rc: $(cat "$WORK/err"))"
    else
        bad "$desc: exit $rc (want $code), stderr: $(cat "$WORK/err")"
    fi
}
no_temp() { [ -z "$(find "$1" -maxdepth 1 -name '.*.??????' 2>/dev/null)" ]; }

SEED="$TOP/samples/seed-article.txt"
printf 'A short title\n\nA sentence to speak.\n' >"$WORK/ok.txt"
: >"$WORK/empty.txt"
printf '   \n\n\t\n' >"$WORK/blank.txt"
mkdir "$WORK/dir"

expect 3 "nope.txt.*No such file" "missing input" -- "$WORK/nope.txt" -o "$WORK/a.mp3"
t "  no output for missing input" [ ! -e "$WORK/a.mp3" ]
expect 3 "is a directory" "directory as input" -- "$WORK/dir" -o "$WORK/a.mp3"
expect 3 "nothing to speak" "empty article" -- "$WORK/empty.txt" -o "$WORK/a.mp3"
expect 3 "nothing to speak" "whitespace-only article" -- "$WORK/blank.txt" -o "$WORK/a.mp3"
t "  no output for empty article" [ ! -e "$WORK/a.mp3" ]
if [ "$(id -u)" -ne 0 ]; then
    cp "$WORK/ok.txt" "$WORK/noread.txt"; chmod 000 "$WORK/noread.txt"
    expect 3 "Permission denied" "unreadable input" -- "$WORK/noread.txt" -o "$WORK/a.mp3"
fi
expect 2 "unknown voice 'robot'" "unknown voice" -- --voice robot "$WORK/ok.txt" -o "$WORK/a.mp3"
expect 2 "unknown option" "unknown option" -- --frobnicate "$WORK/ok.txt"
expect 2 "no output" "no -o and no --script" -- "$WORK/ok.txt"
expect 2 "rate" "rate out of range" -- --rate 9 "$WORK/ok.txt" -o "$WORK/a.mp3"
expect 2 "bitrate" "bad bitrate" -- --bitrate 65 "$WORK/ok.txt" -o "$WORK/a.mp3"
expect 2 "locale" "bad locale" -- --locale fr-FR "$WORK/ok.txt" -o "$WORK/a.mp3"
expect 4 "No such file or directory" "output directory missing" -- "$WORK/ok.txt" -o "$WORK/missing/a.mp3"
expect 4 "is a directory" "output is a directory" -- "$WORK/ok.txt" -o "$WORK/dir"
t "  no temporary file in the directory" no_temp "$WORK/dir"
expect 4 "No space left" "disk full (/dev/full)" -- "$WORK/ok.txt" -o /dev/full
t "  /dev/full is still a character device" [ -c /dev/full ]
"$NARRATE" -q "$WORK/ok.txt" -o /dev/null
t "/dev/null output works and stays a device" sh -c "[ \$? -eq 0 ] && [ -c /dev/null ]"

# an existing output survives a failed run, byte for byte
printf 'precious' >"$WORK/keep.mp3"
expect 3 "nothing to speak" "failing run over an existing output" -- "$WORK/empty.txt" -o "$WORK/keep.mp3"
t "  existing output intact" [ "$(cat "$WORK/keep.mp3")" = precious ]
t "  no temporary file left" no_temp "$WORK"
if [ "$(id -u)" -ne 0 ]; then
    mkdir "$WORK/ro"; chmod 555 "$WORK/ro"
    expect 4 "Permission denied" "unwritable output directory" -- "$WORK/ok.txt" -o "$WORK/ro/a.mp3"
fi

# not text at all: refused before decoding, named by what it looks like,
# exit 3, nothing written
gzip -c "$WORK/ok.txt" >"$WORK/in.gz"
printf '%%PDF-1.4\n%%\342\343\317\323\n1 0 obj\n<< /Type /Catalog >>\nendobj\n' >"$WORK/in.pdf"
ffmpeg -v error -f lavfi -i color=c=red:s=8x8 -frames:v 1 "$WORK/in.png"
head -c 200000 /dev/urandom >"$WORK/in.bin"
cp "$WORK/in.pdf" "$WORK/pdf.txt"   # the name does not make it text
for k in "gz:a gzip archive" "pdf:a PDF file" "png:a PNG image" "bin:binary data" \
         "txt:a PDF file"; do
    ext=${k%%:*} what=${k#*:}
    f="$WORK/in.$ext"; [ "$ext" = txt ] && f="$WORK/pdf.txt"
    expect 3 "is $what.*narrate reads text, Markdown or HTML" "$what as input" -- \
        "$f" -o "$WORK/bin.mp3"
    t "  no output for $what" [ ! -e "$WORK/bin.mp3" ]
    expect 3 "is $what" "  and --script refuses it too" -- --script "$f"
    t "  --script printed nothing" [ ! -s "$WORK/out" ]
done
t "  no temporary file left by binary inputs" no_temp "$WORK"

# an extension narrate does not write: a usage error naming the ones it
# does, unless --format says what to write; no file under a misleading name
expect 2 "out.docx.*\.mp3, \.wav.*\.m4b.*--format" "-o out.docx" -- "$WORK/ok.txt" -o "$WORK/out.docx"
t "  no out.docx written" [ ! -e "$WORK/out.docx" ]
expect 2 "\.xyz.*known extensions" "-o a.xyz" -- "$WORK/ok.txt" -o "$WORK/a.xyz"
"$NARRATE" -q --format wav "$WORK/ok.txt" -o "$WORK/out.docx"
t "  --format wav -o out.docx writes a WAV by that name" [ "$(head -c 4 "$WORK/out.docx")" = RIFF ]
"$NARRATE" -q "$WORK/ok.txt" -o "$WORK/noext"
t "  a name with no extension is MP3" [ "$(head -c 3 "$WORK/noext")" = ID3 ]
expect 2 "unknown --format 'aac' \(mp3, wav, raw, flac, ogg, opus, m4b" "unknown --format lists the formats" -- \
    --format aac "$WORK/ok.txt" -o "$WORK/x.aac"

# M4B cannot go to a pipe: an output error with the reason, before any work
{ "$NARRATE" -q --format m4b "$WORK/ok.txt" -o - 2>"$WORK/err"; echo $? >"$WORK/rc"; } | cat >"$WORK/m4b.out"
t "-o - --format m4b: exit 4 ($(cat "$WORK/rc")), one line naming why ($(cat "$WORK/err"))" \
    test "$(cat "$WORK/rc")" -eq 4 -a "$(wc -l <"$WORK/err")" -eq 1 -a -n "$(grep 'seekable file' "$WORK/err")"
t "  nothing went down the pipe" [ ! -s "$WORK/m4b.out" ]

# --show-stripped on an input with nothing left: the removals, then the
# input error (exit 3), never "no article loaded"
printf 'Share this:\nTwitter\nFacebook\n\nLeave a Reply\n\nCookie policy\n' >"$WORK/bp.txt"
for extra in "" "--script" "-o $WORK/bp.mp3"; do
    # shellcheck disable=SC2086
    "$NARRATE" --show-stripped $extra "$WORK/bp.txt" >/dev/null 2>"$WORK/err"
    rc=$?
    t "--show-stripped $extra with nothing to speak: exit 3 ($rc), ends with the input error" \
        test "$rc" -eq 3 -a -n "$(tail -n 1 "$WORK/err" | grep 'nothing to speak')"
    t "  and never 'no article loaded'" sh -c "! grep -q 'no article loaded' '$WORK/err'"
done
t "  no output for it" [ ! -e "$WORK/bp.mp3" ]

# text is never a format string
printf 'Title %%s%%n\n\nSpeak %%s%%n%%x%%p and %%d percent.\n' >"$WORK/fmt.txt"
"$NARRATE" --script "$WORK/fmt.txt" >"$WORK/fmt.out" 2>"$WORK/fmt.err"
t "format-string text: --script exits 0" [ $? -eq 0 ]
t "format-string text: title kept as written" grep -q '^# Title %s%n$' "$WORK/fmt.out"
"$NARRATE" -q "$WORK/fmt.txt" -o "$WORK/fmt.mp3"
t "format-string text narrates" [ -s "$WORK/fmt.mp3" ]

# a successful run replaces an existing file atomically and keeps its mode
printf 'old' >"$WORK/replace.mp3"; chmod 640 "$WORK/replace.mp3"
"$NARRATE" -q "$WORK/ok.txt" -o "$WORK/replace.mp3"
t "existing output replaced on success" [ "$(head -c 3 "$WORK/replace.mp3")" = ID3 ]
t "  its mode kept" [ "$(stat -c %a "$WORK/replace.mp3")" = 640 ]

# help, version, voices
"$NARRATE" --help >"$WORK/help" 2>&1
t "--help exits 0 and shows usage" sh -c "[ \$? -eq 0 ] && grep -q '^Usage: narrate' '$WORK/help'"
t "--version" sh -c "'$NARRATE' --version | grep -Eq '^narrate [0-9]+\.[0-9]+\.[0-9]+$'"
t "--list-voices lists the five built-ins" [ "$("$NARRATE" --list-voices | awk '{print $1}' | paste -sd, -)" = "kal,kal16,awb,rms,slt" ]

# stdin in, stdout out (a pipe: MP3 frames without the gapless tag)
"$NARRATE" -q - -o - <"$WORK/ok.txt" | cat >"$WORK/pipe.mp3"
t "stdin to stdout pipe gives MP3" sh -c "[ \"\$(head -c 3 '$WORK/pipe.mp3')\" = ID3 ] && ffprobe -v error '$WORK/pipe.mp3'"
# a listener that quits early: quiet exit, no error text
"$NARRATE" -q "$SEED" -o - 2>"$WORK/pipe.err" | head -c 100 >/dev/null
t "closed pipe: no error spam" [ ! -s "$WORK/pipe.err" ]

# SIGINT and SIGTERM mid-run: documented code, no output, no temporary file,
# an existing output untouched
"$PY" "$TOP/tests/bench/make_text.py" "$SEED" 60000 >"$WORK/long.txt"
for sig in INT TERM; do
    printf 'previous' >"$WORK/sig.mp3"
    "$NARRATE" -q -j 1 "$WORK/long.txt" -o "$WORK/sig.mp3" 2>"$WORK/sig.err" &
    pid=$!
    # wait until the temporary file exists: the run is under way
    i=0
    while [ $i -lt 100 ] && [ -z "$(find "$WORK" -maxdepth 1 -name '.sig.mp3.*')" ]; do
        sleep 0.05; i=$((i + 1))
    done
    kill -$sig $pid
    wait $pid
    rc=$?
    want=130; [ $sig = TERM ] && want=143
    t "SIG$sig mid-run exits $want (got $rc)" [ $rc -eq $want ]
    t "  previous output intact" [ "$(cat "$WORK/sig.mp3")" = previous ]
    t "  no temporary file left" no_temp "$WORK"
done

# same bits for every number of workers
"$NARRATE" -q --voice kal16 -j 1 "$SEED" -o "$WORK/j1.mp3"
"$NARRATE" -q --voice kal16 -j 4 "$SEED" -o "$WORK/j4.mp3"
t "--jobs 1 and --jobs 4 give identical files" cmp -s "$WORK/j1.mp3" "$WORK/j4.mp3"
"$NARRATE" -q --voice kal16 -j 3 "$SEED" -o "$WORK/j3.mp3"
t "--jobs 3 identical too" cmp -s "$WORK/j1.mp3" "$WORK/j3.mp3"

done_
