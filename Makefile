# narrate - articles into audio editions.
#
# The README's two commands:  make demo   and   make check.
# `make list` shows every target with its one-line description.

PREFIX  ?= /usr/local
DESTDIR ?=
BINDIR   = $(PREFIX)/bin
LIBDIR   = $(PREFIX)/lib
INCDIR   = $(PREFIX)/include
MANDIR   = $(PREFIX)/share/man/man1
DATADIR  = $(PREFIX)/share/narrate

# The version has one source, narrate.h's NR_VERSION_MAJOR/MINOR/PATCH:
# nr_version() is made from them by the compiler, narrate.pc and the
# installed man page from this.  SOVER is the ABI's number, not the release's.
VERSION := $(shell awk '$$2 ~ /^NR_VERSION_(MAJOR|MINOR|PATCH)$$/ \
                        { v = v (v == "" ? "" : ".") $$3 } END { print v }' src/narrate.h)
ifeq ($(VERSION),)
$(error cannot read the version from src/narrate.h)
endif
SOVER    = 0

CC      ?= cc
OPT     ?= -O2 -g
WARN     = -Wall -Wextra -Werror -Wformat=2 -Wshadow -Wstrict-prototypes -Wmissing-prototypes
CFLAGS  ?=
# what the library links (narrate.pc's Requires.private is made from it)
PKGS     = libutf8proc libxml-2.0 libebur128 libzip
# what only the command's batch/feed front end uses (JSON reports, ids,
# fetching pages and feeds): the library never links these
CLI_PKGS = jansson nettle libcurl
# FFmpeg: headers only; av_api.c loads the libraries when FLAC/Ogg/M4B is
# asked for, so other runs do not pay for its ~130 dependencies
AV_PKGS  = libavformat libavcodec libavutil
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) $(CLI_PKGS) $(AV_PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CLI_LIBS   := $(shell pkg-config --libs $(CLI_PKGS) 2>/dev/null)
FLITE_LIBS = -lflite_cmu_us_kal -lflite_cmu_us_kal16 -lflite_cmu_us_awb \
             -lflite_cmu_us_rms -lflite_cmu_us_slt -lflite_cmulex \
             -lflite_usenglish -lflite
LIB_LIBS = $(FLITE_LIBS) -lmp3lame -lpthread -lm
LIBS     = $(LIB_LIBS) $(PKG_LIBS)
# hidden by default: only what narrate.h marks NR_API leaves libnarrate.so
ALL_CFLAGS = -std=c11 -D_GNU_SOURCE \
             -DNR_DATADIR='"$(DATADIR)"' -fPIC -fvisibility=hidden -Isrc \
             -isystem /usr/include/flite $(PKG_CFLAGS) $(OPT) $(WARN) $(CFLAGS)

B       ?= build
# quiet rules; `make V=1` shows the commands
ifeq ($(V),1)
Q =
else
Q = @
endif
LIB_SRC  = $(sort $(wildcard src/*.c src/norm/*.c src/article/*.c src/audio/*.c src/book/*.c))
CLI_SRC  = $(sort $(wildcard src/cli/*.c))
LIB_OBJ  = $(LIB_SRC:%.c=$(B)/%.o)
CLI_OBJ  = $(CLI_SRC:%.c=$(B)/%.o)
UNIT_SRC = $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(B)/tests/%)

TOOL_SRC = $(sort $(wildcard tests/tools/*.c))
TOOL_BIN = $(TOOL_SRC:tests/tools/%.c=$(B)/tests/tools/%) $(B)/example
FUZZ_SRC = $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_REG = $(FUZZ_SRC:tests/fuzz/fuzz_%.c=$(B)/fuzz/regress_%)
INJECT_SO = $(B)/tests/inject_io.so $(B)/tests/inject_alloc.so $(B)/tests/inject_asound.so
TEST_BIN = $(UNIT_BIN) $(TOOL_BIN) $(FUZZ_REG) $(INJECT_SO)

NARRATE  = $(B)/narrate
LIBA     = $(B)/libnarrate.a
LIBSO    = $(B)/libnarrate.so.$(SOVER)

.PHONY: memcheck tsan fuzz asan-tests all deps deps-build deps-test demo check unit golden e2e asan install \
        uninstall clean list bench tn-score extract-score

## all: build the narrate program and libnarrate (static and shared)
all: $(NARRATE) $(LIBSO)

$(B)/%.o: %.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

$(LIBA): $(LIB_OBJ)
	@rm -f $@
	$(Q)ar rcs $@ $^

$(LIBSO): $(LIB_OBJ)
	$(Q)$(CC) -shared -Wl,-soname,libnarrate.so.$(SOVER) $(OPT) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LIBS)
	$(Q)ln -sf libnarrate.so.$(SOVER) $(B)/libnarrate.so

$(NARRATE): $(CLI_OBJ) $(LIBA)
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(OPT) $(CFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJ) $(LIBA) $(LIBS) $(CLI_LIBS)

# unit tests may include the command's modules (test_batch.c), so they link
# what the command links
$(B)/tests/%: tests/unit/%.c $(LIBA)
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(ALL_CFLAGS) -Wno-missing-prototypes -o $@ $< $(LIBA) $(LIBS) $(CLI_LIBS) -lcmocka

# helper programs for the suites, linked like the unit tests
$(B)/tests/tools/%: tests/tools/%.c $(LIBA)
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(ALL_CFLAGS) -Wno-missing-prototypes -o $@ $< $(LIBA) $(LIBS)

# LD_PRELOAD fault injection (tests/inject/): never sanitized, they wrap libc
$(B)/tests/inject_%.so: tests/inject/inject_%.c
	@mkdir -p $(dir $@)
	$(Q)$(CC) -shared -fPIC -O1 -g $(WARN) -Wno-missing-prototypes -o $@ $< -ldl

# the command's modules (batch, feed, config) without main(), for the
# tests and fuzz targets that call them
CLIA = $(B)/libnarrate-cli.a
$(CLIA): $(filter-out $(B)/src/cli/main.o,$(CLI_OBJ))
	@rm -f $@
	$(Q)ar rcs $@ $^

# test_batch and test_source test those modules: linked like a fuzz target,
# not the library
$(B)/tests/test_batch $(B)/tests/test_source: $(B)/tests/test_%: tests/unit/test_%.c $(CLIA) $(LIBA)
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(ALL_CFLAGS) -Wno-missing-prototypes -o $@ $< $(CLIA) $(LIBA) $(LIBS) $(CLI_LIBS) -lcmocka

# each fuzz target also runs over its corpus as a plain test (make check)
$(B)/fuzz/regress_%: tests/fuzz/fuzz_%.c tests/fuzz/regression_driver.c $(LIBA) $(CLIA)
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(ALL_CFLAGS) -Isrc -Wno-missing-prototypes -o $@ $< tests/fuzz/regression_driver.c \
	    $(CLIA) $(LIBA) $(LIBS) $(CLI_LIBS)

## fuzz: libFuzzer (clang) on FUZZ_TARGETS (default all) for FUZZ_SECONDS each (default 60)
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= $(FUZZ_SRC:tests/fuzz/fuzz_%.c=%)
FUZZ_FLAGS = -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all
fuzz: deps-test
	@command -v clang >/dev/null || tools/deps.sh fuzz
	@$(MAKE) --no-print-directory B=build-fuzz CC=clang WARN="-Wall -Wextra" \
	    OPT="$(FUZZ_FLAGS) -fsanitize=fuzzer-no-link" build-fuzz/libnarrate.a build-fuzz/libnarrate-cli.a
	@set -e; bad=0; for t in $(FUZZ_TARGETS); do \
	    clang $(filter-out -Werror,$(ALL_CFLAGS)) $(FUZZ_FLAGS) -fsanitize=fuzzer -Wno-missing-prototypes \
	        -o build-fuzz/fuzz_$$t tests/fuzz/fuzz_$$t.c build-fuzz/libnarrate-cli.a \
	        build-fuzz/libnarrate.a $(LIBS) $(CLI_LIBS); \
	    mkdir -p build-fuzz/corpus/$$t build-fuzz/crash/$$t; \
	    cp -n tests/fuzz/corpus/$$t/* build-fuzz/corpus/$$t/ 2>/dev/null || true; \
	    echo "fuzz: $$t for $(FUZZ_SECONDS) s (log: build-fuzz/fuzz_$$t.log)"; \
	    rc=0; build-fuzz/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=20 \
	        -artifact_prefix=build-fuzz/crash/$$t/ -print_final_stats=1 build-fuzz/corpus/$$t \
	        >build-fuzz/fuzz_$$t.log 2>&1 || rc=$$?; \
	    grep -a -E 'stat::number_of_executed_units|stat::peak_rss_mb|^SUMMARY' build-fuzz/fuzz_$$t.log || true; \
	    if [ $$rc -ne 0 ]; then echo "fuzz: $$t FAILED (exit $$rc), input in build-fuzz/crash/$$t/"; bad=1; fi; \
	done; exit $$bad

# the embedding example, built as a user would: public header, shared library
$(B)/example: docs/example.c $(LIBSO) src/narrate.h
	$(Q)$(CC) -std=c11 $(OPT) $(WARN) $(CFLAGS) -Isrc -o $@ $< -L$(B) -lnarrate

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d)

## deps: install missing Debian packages (idempotent; quick when all present)
deps:
	@tools/deps.sh all

deps-build:
	@tools/deps.sh build

deps-test:
	@tools/deps.sh test

## demo: install what is missing, build, narrate samples/ into out/demo/
demo: deps-build
	@$(MAKE) --no-print-directory all
	@mkdir -p out/demo
	@for f in samples/*.txt samples/*.md samples/*.html; do \
	    [ -e "$$f" ] || continue; \
	    o=out/demo/$$(basename "$${f%.*}").mp3; \
	    $(NARRATE) -q "$$f" -o "$$o" || exit 1; \
	    echo "demo: $$f -> $$o"; \
	done
	@echo "demo: the MP3s are in $(CURDIR)/out/demo/"

## check: install what is missing, build, run every test (unit, golden, e2e)
check: deps-test
	@$(MAKE) --no-print-directory all $(TEST_BIN)
	@tests/run.sh $(B)

ASAN_OPT = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

## asan: build with AddressSanitizer+UBSan in build-asan/ and run the tests
asan: deps-test
	@$(MAKE) --no-print-directory B=build-asan OPT="$(ASAN_OPT)" all asan-tests
	@ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp \
	    UBSAN_OPTIONS=print_stacktrace=1 NR_SANITIZED=1 NR_MAKE_OPT="$(ASAN_OPT)" \
	    tests/run.sh build-asan

asan-tests: $(TEST_BIN)

## memcheck: the end-to-end path under valgrind (no errors, no definite leaks)
VG = valgrind -q --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite --show-leak-kinds=definite \
     --suppressions=$(CURDIR)/tests/valgrind.supp
memcheck: deps-test
	@$(MAKE) --no-print-directory all
	@set -e; d=$$(mktemp -d); trap 'rm -rf "$$d"' EXIT; \
	$(VG) $(NARRATE) --script samples/seed-article.txt >/dev/null; \
	$(VG) $(NARRATE) --script samples/news-election-us.html >/dev/null; \
	$(VG) $(NARRATE) -q -j 2 --voice kal16 samples/seed-article.txt -o $$d/s.mp3 --transcript $$d/s.vtt; \
	$(VG) $(NARRATE) -q -j 1 --voice kal16 samples/finance-budget-uk.md -o $$d/s.opus; \
	$(VG) $(NARRATE) -q -j 1 --voice kal16 samples/finance-budget-uk.md -o $$d/s.epub; \
	$(VG) $(NARRATE) -q -j 1 --voice kal16 samples/finance-budget-uk.md --format daisy -o $$d/daisy; \
	mkdir $$d/in && cp samples/news-election-us.html samples/finance-budget-uk.md $$d/in/; \
	sed 's/^voice = slt/voice = kal16/' samples/feed.conf >$$d/feed.conf; \
	$(VG) $(NARRATE) batch -q $$d/in $$d/out --config $$d/feed.conf; \
	$(VG) $(NARRATE) feed -q $$d/out --config $$d/feed.conf; \
	test -s $$d/out/feed.xml; \
	echo "memcheck: 8 passed, 0 failed"

## tsan: ThreadSanitizer build (build-tsan/); narrates the seed on 4 workers
tsan: deps-test
	@$(MAKE) --no-print-directory B=build-tsan OPT="-O1 -g -fsanitize=thread" build-tsan/narrate
	@TSAN_OPTIONS="halt_on_error=1 suppressions=$(CURDIR)/tests/tsan.supp" \
	    build-tsan/narrate -q -j 4 --voice kal16 samples/seed-article.txt -o build-tsan/seed.mp3 \
	    && TSAN_OPTIONS="halt_on_error=1 suppressions=$(CURDIR)/tests/tsan.supp" \
	    build-tsan/narrate -q -j 4 samples/seed-article.txt -o build-tsan/seed-slt.mp3 \
	    && echo "tsan: 2 passed, 0 failed"

## tn-score: score the normalizer on ../shared/data/tn (NeMo and Google TN)
tn-score: $(NARRATE)
	@tests/tn_score.sh $(NARRATE)

## extract-score: score --extract on ../shared/data/web/readability (HTML and text; EXTRACT_MODE=html|text, EXTRACT_VERBOSE=1)
extract-score: $(NARRATE)
	@tests/extract_score.sh $(NARRATE)

## bench: optimized build; narrate against flite+lame, side by side
bench: deps-test
	@$(MAKE) --no-print-directory B=build-bench OPT="-O2 -DNDEBUG" all
	@tests/bench/run.sh build-bench

## install: install program, library, header, pkg-config file, man page
install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR)/pkgconfig $(DESTDIR)$(INCDIR) \
	    $(DESTDIR)$(MANDIR) $(DESTDIR)$(DATADIR)
	install -m 755 $(NARRATE) $(DESTDIR)$(BINDIR)/narrate
	install -m 644 $(LIBA) $(DESTDIR)$(LIBDIR)/libnarrate.a
	install -m 755 $(LIBSO) $(DESTDIR)$(LIBDIR)/libnarrate.so.$(SOVER)
	ln -sf libnarrate.so.$(SOVER) $(DESTDIR)$(LIBDIR)/libnarrate.so
	install -m 644 src/narrate.h $(DESTDIR)$(INCDIR)/narrate.h
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@VERSION@|$(VERSION)|' \
	    -e 's|@REQUIRES@|$(PKGS)|' -e 's|@LIBS@|$(LIB_LIBS)|' \
	    src/narrate.pc.in > $(DESTDIR)$(LIBDIR)/pkgconfig/narrate.pc
	sed '1s/"narrate [^"]*"/"narrate $(VERSION)"/' docs/narrate.1 > $(DESTDIR)$(MANDIR)/narrate.1
	chmod 644 $(DESTDIR)$(MANDIR)/narrate.1
	install -m 644 voices/lexicon.txt $(DESTDIR)$(DATADIR)/lexicon.txt
	install -d $(DESTDIR)$(DATADIR)/voices
	install -m 644 voices/README.md $(DESTDIR)$(DATADIR)/voices/README.md

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/narrate $(DESTDIR)$(LIBDIR)/libnarrate.* \
	    $(DESTDIR)$(LIBDIR)/pkgconfig/narrate.pc $(DESTDIR)$(INCDIR)/narrate.h \
	    $(DESTDIR)$(MANDIR)/narrate.1
	rm -rf $(DESTDIR)$(DATADIR)

## clean: remove build products
clean:
	rm -rf build build-asan build-bench build-tsan build-fuzz out

## list: show the targets
list:
	@sed -n 's/^## //p' Makefile
