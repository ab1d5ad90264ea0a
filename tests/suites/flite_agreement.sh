#!/bin/sh
# flite_agreement.sh - Flite must say exactly what --script shows.  Every
# golden normalizer case (tests/golden/normalize/*.tsv, in its locale) is
# normalized by narrate, and Flite's text analysis alone (tokens to words,
# no sound: tests/tools/flite_words.c) runs on the result.  A case fails
# when Flite would say a token as other words than narrate wrote: then the
# transcript and --explain would show one thing and the listener hear
# another ("Elizabeth I" left for Flite to read "the first").  What Flite
# may still change (letter case, punctuation, its letter name for "A", a
# homograph's reading) is listed in flite_words.c.
. "$TOP/tests/suites/lib.sh"
TOOL=${FLITE_WORDS:-$B/tests/tools/flite_words}
if [ ! -x "$TOOL" ]; then bad "no $TOOL (make check builds it)"; done_; exit; fi
tab=$(printf '\t')
for f in "$TOP"/tests/golden/normalize/*.tsv; do
    # runs of one locale, as normalize_golden.sh splits them
    awk -F '\t' -v out="$WORK/c" '
        BEGIN { loc = "en-US"; n = 0; cur = -1 }
        /^# *locale=/ { sub(/^# *locale=/, ""); sub(/[ \t\r]+$/, ""); loc = $0; cur = -1; next }
        /^#/ || /^[ \t]*$/ { next }
        {
            if (cur < 0) { cur = n++; print loc > (out "." cur ".loc"); close(out "." cur ".loc") }
            print $1 > (out "." cur ".in")
        }' "$f"
    for loc in "$WORK"/c.*.loc; do
        [ -f "$loc" ] || continue
        base=${loc%.loc}
        "$NARRATE" --normalize --locale "$(cat "$loc")" <"$base.in" >"$base.said" 2>"$base.err" ||
            bad "$(basename "$f"): narrate failed"
        if ! "$TOOL" <"$base.said" >"$base.flite"; then
            bad "$(basename "$f"): flite_words failed"
        fi
        paste -d "$tab" "$base.in" "$base.said" "$base.flite" >"$base.all"
        while IFS="$tab" read -r in said changed; do
            if [ -z "$changed" ]; then
                pass=$((pass + 1))
            else
                bad "$(basename "$f"): $in"
                printf '  narrate: %s\n  Flite changes: %s\n' "$said" "$changed"
            fi
        done <"$base.all"
        rm -f "$base".*
    done
done
done_
