#!/bin/sh
# plain_mode.sh - narrate --plain, for tools that hand narrate text a person
# already chose: every paragraph is spoken as it stands (no boilerplate
# removal, no title or byline taken out), nothing is said before it, and
# --normalize still works a line at a time.
. "$TOP/tests/suites/lib.sh"
cat >"$WORK/sel.txt" <<'X'
Share this:

The selected words I want read aloud.

By Jane Doe

Published 2026-03-04

Cookie policy
X
"$NARRATE" --plain --script "$WORK/sel.txt" >"$WORK/plain.out" 2>"$WORK/err"
t "--plain --script exits 0" [ $? -eq 0 ]
"$NARRATE" --script "$WORK/sel.txt" >"$WORK/article.out" 2>/dev/null
t "  without --plain, 'Share this:' is boilerplate (not spoken)" sh -c "! grep -q '^Share this' '$WORK/article.out'"
t "  with --plain it is spoken" grep -q '^Share this:$' "$WORK/plain.out"
t "  and so is 'Cookie policy'" grep -q '^Cookie policy$' "$WORK/plain.out"
t "  the byline is a paragraph like any other" grep -q '^By Jane Doe$' "$WORK/plain.out"
t "  the date line too" grep -q '^Published' "$WORK/plain.out"
# no introduction: the chapter line, then the first paragraph, nothing between
t "  no spoken introduction: the first paragraph comes first" \
    [ "$(sed -n 2p "$WORK/plain.out")" = "Share this:" ]
t "  one chapter, named after the file" [ "$(grep '^# ' "$WORK/plain.out")" = "# sel" ]
t "  every paragraph, in order (6 lines)" [ "$(wc -l <"$WORK/plain.out")" -eq 6 ]

# from standard input the title is the opening words
"$NARRATE" --plain --script - <"$WORK/sel.txt" >"$WORK/stdin.out"
t "--plain from stdin: the title is the opening words" [ "$(head -n 1 "$WORK/stdin.out")" = "# Share this:" ]

# audio: the same, and a title tag for players
"$NARRATE" -q --plain --voice kal16 "$WORK/sel.txt" -o "$WORK/sel.mp3"
t "--plain narrates to MP3" [ $? -eq 0 ]
n=$(ffprobe -v error -show_chapters -of csv "$WORK/sel.mp3" | grep -c '^chapter')
t "  with one chapter ($n)" [ "$n" -eq 1 ]
t "  titled after the file" [ "$(ffprobe -v error -show_entries format_tags=title -of csv=p=0 "$WORK/sel.mp3")" = sel ]
"$NARRATE" -q --voice kal16 "$WORK/sel.txt" -o "$WORK/art.mp3"
d1=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$WORK/sel.mp3")
d2=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$WORK/art.mp3")
t "  and differs from the article reading ($d1 s vs $d2 s)" [ "$d1" != "$d2" ]

# --normalize is line by line, --plain or not
printf 'Dr. Smith paid $5 on 3 May.\nShare this:\n' >"$WORK/lines.txt"
"$NARRATE" --normalize "$WORK/lines.txt" >"$WORK/n1"
"$NARRATE" --plain --normalize "$WORK/lines.txt" >"$WORK/n2"
t "--plain --normalize: same lines as --normalize" cmp -s "$WORK/n1" "$WORK/n2"
t "  two lines, one per input line" [ "$(wc -l <"$WORK/n2")" -eq 2 ]
done_
