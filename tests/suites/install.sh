#!/bin/sh
# install.sh - `make install` honours PREFIX and DESTDIR: program, library
# with its soname, header, pkg-config file, man page and lexicon land under
# DESTDIR/PREFIX; the installed program runs and finds its lexicon; a user's
# program builds against the installed library through pkg-config.
. "$TOP/tests/suites/lib.sh"
R="$WORK/root"
# the build's own flags (a sanitizer build must not be relinked without them)
make -s -C "$TOP" install B="$B" ${NR_MAKE_OPT:+OPT="$NR_MAKE_OPT"} DESTDIR="$R" PREFIX=/opt/nr >"$WORK/log" 2>&1
t "make install exits 0" [ $? -eq 0 ]
for f in bin/narrate lib/libnarrate.so.0 lib/libnarrate.a include/narrate.h \
    lib/pkgconfig/narrate.pc share/man/man1/narrate.1 share/narrate/lexicon.txt; do
    t "  installs /opt/nr/$f" [ -e "$R/opt/nr/$f" ]
done
t "  nothing outside DESTDIR/PREFIX" [ "$(ls "$R")" = opt ]
t "  soname is libnarrate.so.0" sh -c "objdump -p '$R/opt/nr/lib/libnarrate.so.0' | grep -q 'SONAME.*libnarrate.so.0'"
t "  the man page renders" sh -c "man -l '$R/opt/nr/share/man/man1/narrate.1' 2>/dev/null | grep -q 'EXIT STATUS'"
t "  pkg-config names the prefix" grep -q '^prefix=/opt/nr$' "$R/opt/nr/lib/pkgconfig/narrate.pc"
# one version, narrate.h's, everywhere it is shown
V=$(awk '$2 ~ /^NR_VERSION_(MAJOR|MINOR|PATCH)$/ { v = v (v == "" ? "" : ".") $3 } END { print v }' "$TOP/src/narrate.h")
t "  pkg-config's version is narrate.h's ($V)" grep -qx "Version: $V" "$R/opt/nr/lib/pkgconfig/narrate.pc"
t "  so is the man page's" sh -c "head -n 1 '$R/opt/nr/share/man/man1/narrate.1' | grep -qF '\"narrate $V\"'"
t "  and narrate --version's" [ "$("$R/opt/nr/bin/narrate" --version)" = "narrate $V" ]
t "  pkg-config lists the library's own dependencies" \
    sh -c "grep -q '^Requires.private: .*libebur128' '$R/opt/nr/lib/pkgconfig/narrate.pc' && grep -q '^Libs.private: .*-lflite ' '$R/opt/nr/lib/pkgconfig/narrate.pc'"
echo "MI5" | NARRATE_LEXICON= "$R/opt/nr/bin/narrate" --normalize >"$WORK/n1"
t "installed program runs" grep -qi "five" "$WORK/n1"
printf 'ZQXW\tzed quicks\n' >>"$R/opt/nr/share/narrate/lexicon.txt"
echo "ZQXW" | env -u NARRATE_LEXICON "$R/opt/nr/bin/narrate" --normalize >"$WORK/n2"
t "  and reads its installed lexicon ($(cat "$WORK/n2"))" grep -q "zed quicks" "$WORK/n2"
PKG_CONFIG_PATH="$R/opt/nr/lib/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$R" \
    sh -c "cc -o '$WORK/example' '$TOP/docs/example.c' \$(pkg-config --cflags --libs narrate)" 2>"$WORK/cc.err"
t "docs/example.c builds against the installed library ($(head -c 200 "$WORK/cc.err"))" [ -x "$WORK/example" ]
done_
