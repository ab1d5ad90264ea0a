#!/bin/sh
# extract_cli.sh - `narrate --extract`: the article as found, as Markdown
# with front matter, from text, Markdown and HTML; and the rules for inputs
# that are all header or have no title (issue 15): one line is spoken, a
# sentence is spoken once, a file name is never spoken.
. "$TOP/tests/suites/lib.sh"
SEED="$TOP/samples/seed-article.txt"
G="$TOP/tests/golden/articles"

"$NARRATE" --extract "$SEED" >"$WORK/seed.md"
t "--extract exits 0" [ $? -eq 0 ]
t "  front matter opens and closes" sh -c "[ \"\$(sed -n 1p '$WORK/seed.md')\" = --- ] && [ \"\$(sed -n 5p '$WORK/seed.md')\" = --- ]"
t "  the seed's title" grep -qx 'title: The crucial world of counter terror collaboration' "$WORK/seed.md"
t "  its byline" grep -qx 'byline: Andrew Staniforth, Police Oracle' "$WORK/seed.md"
t "  its date in ISO 8601" grep -qx 'date: 2014-05-13' "$WORK/seed.md"
t "  four section headings" [ "$(grep -c '^## ' "$WORK/seed.md")" -eq 4 ]
t "  text as written, not as spoken" grep -q 'post-9/11' "$WORK/seed.md"
t "  no furniture" sh -c "! grep -qi -e zemanta -e 'leave a reply' -e 'UK : ' '$WORK/seed.md'"

"$NARRATE" --extract "$G/pagedump-news-us.txt" >"$WORK/page.md"
t "a whole-page dump: the headline, not the menu" grep -qx 'title: City approves \$40 million plan to rebuild the Fourth Street bridge' "$WORK/page.md"
t "  no menu, comments or teasers" sh -c "! grep -q -e 'Markets Earnings' -e 'About time' -e 'robotics team' -e 'All rights' '$WORK/page.md'"

"$NARRATE" --extract "$TOP/samples/finance-budget-uk.md" >"$WORK/md.md"
t "Markdown in, Markdown out: headings kept" [ "$(grep -c '^## ' "$WORK/md.md")" -ge 2 ]
"$NARRATE" --extract "$TOP/samples/news-election-us.html" >"$WORK/html.md"
t "HTML: the headline" grep -qx 'title: County clerk certifies recount results after week of delays' "$WORK/html.md"
t "  no markup" sh -c "! grep -q '<' '$WORK/html.md'"

"$NARRATE" --extract --script "$SEED" >/dev/null 2>"$WORK/err"
t "--extract with --script: usage error" sh -c "[ $? -eq 2 ] && grep -q -- '--extract' '$WORK/err'"
"$NARRATE" --show-stripped --extract "$SEED" >"$WORK/x.md" 2>"$WORK/stripped"
t "--show-stripped with --extract lists the cuts" grep -q '^comment-form	Leave a Reply' "$WORK/stripped"

# one line: spoken, not taken for a title (issue 15)
for line in "Hello world" "Buy milk and eggs" "on 13th May 2014."; do
    printf '%s\n' "$line" | "$NARRATE" --script - >"$WORK/one" 2>"$WORK/err"
    t "'$line' on stdin is spoken" sh -c "[ $? -eq 0 ] && grep -qxF '$(printf '%s' "$line" | sed 's/13th May 2014/the thirteenth of May twenty fourteen/')' '$WORK/one'"
    printf '%s\n' "$line" >"$WORK/one.txt"
    "$NARRATE" --extract "$WORK/one.txt" >"$WORK/one.md"
    t "  in a file: the text, no title" sh -c "grep -qxF '$line' '$WORK/one.md' && ! grep -q '^title:' '$WORK/one.md'"
done
printf 'The meeting moved to Friday.\n' | "$NARRATE" --script - >"$WORK/once"
t "a sentence on stdin is spoken once" [ "$(grep -v '^# ' "$WORK/once" | grep -c 'The meeting moved to Friday')" -eq 1 ]
mkdir -p "$WORK/n"
cp "$TOP/tests/golden/articles/history-canal-wiki.txt" "$WORK/n/article.txt"
sed '1d' "$WORK/n/article.txt" >"$WORK/n/untitled-notes.txt"
"$NARRATE" --script "$WORK/n/untitled-notes.txt" >"$WORK/untitled"
t "no title: the file name is never spoken" sh -c "! grep -v '^# ' '$WORK/untitled' | grep -qi 'untitled notes'"
t "  but names the chapter" grep -qx '# untitled notes' "$WORK/untitled"
# a document type declaration with entity declarations is never spoken,
# whether the page names itself html or not, with an extension or without
printf '<!DOCTYPE html [\n<!ENTITY secret "Declared words">\n]>\n<html><body><p>The only text of this page is this sentence, which is long enough.</p></body></html>\n' >"$WORK/subset.html"
printf '<!DOCTYPE article [\n<!ENTITY secret "Declared words">\n<!ENTITY other "More declared words">\n]>\n<html><body><p>The only text of this page is this sentence, which is long enough.</p></body></html>\n' >"$WORK/subset"
for f in subset.html subset; do
    "$NARRATE" --script "$WORK/$f" >"$WORK/subset.out" 2>&1
    t "DOCTYPE internal subset ($f): exit 0" [ $? -eq 0 ]
    t "  its declarations are not spoken" sh -c "! grep -qi -e declared -e entity -e 'greater than' '$WORK/subset.out'"
    t "  the page's text is" grep -q 'The only text of this page' "$WORK/subset.out"
done
done_
