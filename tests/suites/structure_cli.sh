#!/bin/sh
# structure_cli.sh - the article-structure features from the command line:
# --show-stripped names each cut with its rule, --keep and --drop fix a bad
# cut without code, Markdown and HTML samples give their chapters, and a
# date abbreviation does not end a sentence.
. "$TOP/tests/suites/lib.sh"
SEED="$TOP/samples/seed-article.txt"

"$NARRATE" --show-stripped --script "$SEED" >"$WORK/script" 2>"$WORK/stripped"
t "--show-stripped exits 0" [ $? -eq 0 ]
t "  lists the Zemanta widget with its rule" grep -q "^widget	Enhanced by Zemanta" "$WORK/stripped"
t "  lists the comment form" grep -q "^comment-form	Leave a Reply" "$WORK/stripped"
t "  lists the continue marker" grep -q "continue" "$WORK/stripped"
t "  every line is RULE<TAB>text" awk -F'\t' 'NF < 2 || $1 == "" { exit 1 }' "$WORK/stripped"
t "  stdout is still the script" grep -q '^# Security concerns$' "$WORK/script"

"$NARRATE" --keep 'Enhanced by Zemanta' --script "$SEED" >"$WORK/kept"
t "--keep brings back a cut line" grep -qi "zemanta" "$WORK/kept"
"$NARRATE" --drop '^For over a century' --script "$SEED" >"$WORK/dropped"
t "--drop removes a paragraph" sh -c "! grep -q 'For over a century' '$WORK/dropped'"
t "  and only that one" [ $(($(wc -l <"$WORK/script") - 1)) -eq "$(wc -l <"$WORK/dropped")" ]
"$NARRATE" --drop '(' --script "$SEED" >/dev/null 2>"$WORK/err"
t "a bad pattern: exit 2 with a message" test $? -eq 2 -a -s "$WORK/err"

"$NARRATE" --script "$TOP/samples/finance-budget-uk.md" >"$WORK/md"
t "Markdown sample: several chapters" [ "$(grep -c '^# ' "$WORK/md")" -ge 2 ]
"$NARRATE" --script "$TOP/samples/news-election-us.html" >"$WORK/html"
t "HTML sample: title chapter from the page" [ "$(head -n 1 "$WORK/html")" = "# County clerk certifies recount results after week of delays" ]
t "  its date is one sentence (no 'November.' break)" grep -q "November fifteenth" "$WORK/html"
t "  no markup spoken" sh -c "! grep -q '[<>]' '$WORK/html'"

mkdir "$WORK/crlf" "$WORK/lf"
printf 'A title line here\r\n\r\nA paragraph written\r\nover two lines.\r\n' >"$WORK/crlf/a.txt"
printf 'A title line here\n\nA paragraph written\nover two lines.\n' >"$WORK/lf/a.txt"
"$NARRATE" --script "$WORK/crlf/a.txt" >"$WORK/crlf.out"
"$NARRATE" --script "$WORK/lf/a.txt" >"$WORK/lf.out"
t "CRLF and LF give the same script, wrapped lines rejoined" cmp -s "$WORK/crlf.out" "$WORK/lf.out"
t "  the paragraph is one line" grep -q "^A paragraph written over two lines.$" "$WORK/lf.out"
done_
