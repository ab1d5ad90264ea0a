#!/bin/sh
# exports.sh - libnarrate.so exports its public API and nothing else: every
# defined dynamic symbol is a function narrate.h marks NR_API (or names as
# exported besides them), and every NR_API function is exported.  The list
# is read from narrate.h, so it cannot drift from the header.  Also: the
# library does not link what only the command uses.
. "$TOP/tests/suites/lib.sh"
SO="$B/libnarrate.so.0"
H="$TOP/src/narrate.h"

sed -n 's/^NR_API [^(]*[ *]\([A-Za-z_][A-Za-z_0-9]*\)(.*/\1/p' "$H" >"$WORK/api"
sed -n 's/^ \* Exported besides the NR_API functions: //p' "$H" | tr ' ' '\n' >>"$WORK/api"
sort -u -o "$WORK/api" "$WORK/api"
t "narrate.h marks the API ($(wc -l <"$WORK/api") names)" [ "$(wc -l <"$WORK/api")" -gt 40 ]
t "  and names rand and srand as exported besides it" \
    sh -c "grep -qx rand '$WORK/api' && grep -qx srand '$WORK/api'"

nm -D --defined-only "$SO" | awk 'NF >= 3 { print $3 }' | sort -u >"$WORK/exported"
t "nm lists the library's symbols" [ -s "$WORK/exported" ]
comm -23 "$WORK/exported" "$WORK/api" >"$WORK/leaked"
t "nothing outside the API leaves libnarrate.so ($(head -n 12 "$WORK/leaked" | tr '\n' ' '))" \
    [ ! -s "$WORK/leaked" ]
comm -13 "$WORK/exported" "$WORK/api" >"$WORK/missing"
t "every NR_API function is exported ($(tr '\n' ' ' <"$WORK/missing"))" [ ! -s "$WORK/missing" ]

# the command's rand must be narrate's too, or Flite would bind to libc's
t "the narrate program exports its rand and srand for libflite" \
    sh -c "nm -D --defined-only '$NARRATE' | grep -qw rand && nm -D --defined-only '$NARRATE' | grep -qw srand"

readelf -d "$SO" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' >"$WORK/needed"
t "libnarrate.so links libflite, LAME, libebur128" \
    sh -c "grep -q libflite.so '$WORK/needed' && grep -q libmp3lame '$WORK/needed' && grep -q libebur128 '$WORK/needed'"
t "  and no longer libsndfile (WAV is written by sink_wav.c itself)" \
    sh -c "! grep -q libsndfile '$WORK/needed'"
t "  and not the command's jansson and nettle ($(tr '\n' ' ' <"$WORK/needed"))" \
    sh -c "! grep -q -e jansson -e nettle '$WORK/needed'"
done_
