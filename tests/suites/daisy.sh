#!/bin/sh
# daisy.sh - DAISY 2.02 talking books (#17): daisy-player (Debian), run in
# tmux, lists the seed's five chapters; ncc.html and every SMIL are
# well-formed, every clip lies inside the audio and starts on its
# sentence's speech, one par per sentence (tests/e2e/check_book.py against
# the same render's transcript); the fileset appears whole or not at all:
# an earlier book is replaced, a directory of other files is refused, and
# a failure leaves neither a half book nor a temporary directory.
. "$TOP/tests/suites/lib.sh"
SEED="$TOP/samples/seed-article.txt"
MD="$TOP/samples/finance-budget-uk.md"
TITLES="The crucial world of counter terror collaboration|Defending the realm|Senior support|Local focus|Security concerns"

"$NARRATE" -q --voice kal16 --format daisy "$SEED" -o "$WORK/seed" --transcript "$WORK/seed.vtt"
t "seed: --format daisy -o DIR exits 0" [ $? -eq 0 ]
t "seed: ncc.html and every SMIL well-formed (xmllint)" \
    xmllint --noout "$WORK/seed/ncc.html" "$WORK/seed/content.html" "$WORK"/seed/*.smil
if "$PY" "$TOP/tests/e2e/check_book.py" daisy "$WORK/seed" "$WORK/seed.vtt" "$SEED" >"$WORK/seed.log" 2>&1; then
    ok "seed: NCC, SMIL, clips inside the audio, text, onsets: $(tail -n 1 "$WORK/seed.log")"
else
    cat "$WORK/seed.log"; bad "seed: NCC, SMIL, clips inside the audio, text, onsets"
fi
t "seed: the text says 'Dr', as written" grep -q '>Dr Andrew Staniforth is' "$WORK/seed/content.html"

# nested lists, a heading two levels down (depth 3), quotations, '&'
printf '# Edge cases & more\n\nFish & "chips".\n\n## Lists\n\n- Top item one.\n  - Nested item.\n\n#### Two levels down\n\n> A quote here.\n\nThe end.\n' >"$WORK/edge.md"
"$NARRATE" -q --voice kal16 --format daisy "$WORK/edge.md" -o "$WORK/edge" --transcript "$WORK/edge.vtt"
t "edge cases: exits 0" [ $? -eq 0 ]
if "$PY" "$TOP/tests/e2e/check_book.py" daisy "$WORK/edge" "$WORK/edge.vtt" >"$WORK/edge.log" 2>&1; then
    ok "edge cases: NCC, SMIL, clips, text, onsets: $(tail -n 1 "$WORK/edge.log")"
else
    cat "$WORK/edge.log"; bad "edge cases: NCC, SMIL, clips, text, onsets"
fi
t "  ncc:depth 3, the deepest heading h3" \
    sh -c "grep -q 'ncc:depth\" content=\"3' '$WORK/edge/ncc.html' && grep -q '<h3 id=' '$WORK/edge/ncc.html'"

# daisy-player, the console player blind readers use.  It lists the sound
# cards from /proc/asound/cards before anything else and stops without
# it: where there is no sound card (CI) a shim hands it an empty list.
# On its first run it asks for a sound card (Enter takes the default);
# then it shows the book's sections.  Nothing is played.
if [ -r /proc/asound/cards ]; then PRELOAD=""; else PRELOAD="$B/tests/inject_asound.so"; fi
: >"$WORK/cards"
mkdir -p "$WORK/home"
SOCK="narrate-daisy-$$"
tmux -L "$SOCK" -f /dev/null new-session -d -s dp -x 100 -y 30 \
    "HOME='$WORK/home' TERM=xterm FAKE_ASOUND_CARDS='$WORK/cards' LD_PRELOAD='$PRELOAD' daisy-player -i '$WORK/seed'; sleep 60"
screen=""
i=0
while [ $i -lt 40 ]; do   # up to 20 s for it to start
    sleep 0.5
    screen=$(tmux -L "$SOCK" capture-pane -p -t dp 2>/dev/null)
    case "$screen" in
    *"Select a soundcard"*) tmux -L "$SOCK" send-keys -t dp Enter ;;
    *"total length"*) break ;;
    esac
    i=$((i + 1))
done
sleep 1
screen=$(tmux -L "$SOCK" capture-pane -p -t dp 2>/dev/null)
tmux -L "$SOCK" send-keys -t dp q 2>/dev/null
sleep 0.5
tmux -L "$SOCK" kill-server 2>/dev/null
echo "$screen" | grep -v '^$' | sed 's/^/    | /'
old_ifs=$IFS; IFS='|'; set -- $TITLES; IFS=$old_ifs
n=0
for title in "$@"; do
    echo "$screen" | grep -qF "$title" && n=$((n + 1))
done
t "daisy-player lists the five chapters ($n found)" [ $n -eq 5 ]
t "daisy-player reads two levels and the total time" \
    sh -c "echo \"\$1\" | grep -q 'level: 1 of 2' && echo \"\$1\" | grep -q 'total length: 00:04:'" _ "$screen"

# replaced whole, refused when it is not a book, nothing left on failure
"$NARRATE" -q --voice kal16 --format daisy "$MD" -o "$WORK/seed" 2>"$WORK/err"
t "an earlier DAISY book is replaced ($(cat "$WORK/err"))" \
    sh -c "[ \$? -eq 0 ] && grep -q 'Chancellor freezes' '$WORK/seed/ncc.html' && [ ! -e '$WORK/seed/s004.smil' ]"
mkdir "$WORK/mine" && printf 'keep me' >"$WORK/mine/notes.txt"
"$NARRATE" -q --voice kal16 --format daisy "$MD" -o "$WORK/mine" 2>"$WORK/err"
t "a directory of other files is refused: exit 4, one line ($(cat "$WORK/err"))" \
    test $? -eq 4 -a "$(wc -l <"$WORK/err")" -eq 1
t "  and left as it was" [ "$(ls "$WORK/mine")" = notes.txt ]
no_temp() { [ -z "$(find "$WORK" -maxdepth 1 -name '.*.??????')" ]; }
if [ -z "${NR_SANITIZED:-}" ]; then
    # rename:1 puts a new book in place; fsync:1 syncs its first file
    rm -rf "$WORK/new"
    NARRATE_FAIL=rename:1 LD_PRELOAD="$B/tests/inject_io.so" "$NARRATE" -q -j1 --voice kal16 \
        --format daisy "$MD" -o "$WORK/new" 2>"$WORK/err"
    t "rename:1: exit 4, one line ($(cat "$WORK/err"))" test $? -eq 4 -a "$(wc -l <"$WORK/err")" -eq 1
    t "  rename:1: no book, not half of one" [ ! -e "$WORK/new" ]
    t "  rename:1: no temporary directory left" no_temp
    for f in write:1 fsync:1; do
        NARRATE_FAIL=$f LD_PRELOAD="$B/tests/inject_io.so" "$NARRATE" -q -j1 --voice kal16 \
            --format daisy "$SEED" -o "$WORK/seed" 2>"$WORK/err"
        t "$f: exit 4, one line ($(cat "$WORK/err"))" test $? -eq 4 -a "$(wc -l <"$WORK/err")" -eq 1
        t "  $f: the earlier book intact" grep -q 'Chancellor freezes' "$WORK/seed/ncc.html"
        t "  $f: no temporary directory left" no_temp
    done
fi
printf 'x' >"$WORK/afile"
"$NARRATE" -q --voice kal16 --format daisy "$MD" -o "$WORK/afile" 2>"$WORK/err"
t "a DAISY book onto a regular file: exit 4 ($(cat "$WORK/err"))" test $? -eq 4 -a "$(cat "$WORK/afile")" = x
done_
