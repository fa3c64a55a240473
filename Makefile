# coopgen: see README.md. `make` builds the program and the example report;
# `make check` runs every test; `make install` installs the command.

VERSION   = 0.1.0
PREFIX   ?= /usr/local
BINDIR    = $(PREFIX)/bin
MANDIR    = $(PREFIX)/share/man/man1
DATADIR   = $(PREFIX)/share/coopgen
DESTDIR  ?=

CC       ?= cc
CXX      ?= c++
CFLAGS   ?= -O2 -g
CXXFLAGS ?= -O2 -g
WARN      = -std=c17 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
            -Wmissing-prototypes -Wformat=2 -Wno-format-nonliteral
SANITIZE  = -fsanitize=address,undefined -fno-sanitize-recover=undefined \
            -fno-omit-frame-pointer

# Debian packages: the libraries, and what the tests use.
BUILD_DEPS = pkg-config libcmark-dev libyaml-dev libjansson-dev libutf8proc-dev \
             libxlsxwriter-dev libctemplate-dev libxxhash-dev libminizip-dev \
             libmicrohttpd-dev
TEST_DEPS  = libcriterion-dev valgrind python3-openpyxl openjdk-17-jre-headless \
             clang libclang-rt-14-dev python3-docx python3-yaml chromium
OFFICE_DEPS = libreoffice-calc libreoffice-writer fonts-liberation fonts-liberation2 \
              poppler-utils
PKGS       = libcmark yaml-0.1 jansson xlsxwriter libctemplate libutf8proc \
             libxxhash minizip libmicrohttpd

# Evaluated on first use only, after `deps` has run: the packages may have
# been installed by this very make.
PKG_CFLAGS = $(eval PKG_CFLAGS := $$(shell pkg-config --cflags $(PKGS)))$(PKG_CFLAGS)
PKG_LIBS   = $(eval PKG_LIBS := $$(shell pkg-config --libs $(PKGS)) -pthread)$(PKG_LIBS)
CRIT_LIBS  = $(eval CRIT_LIBS := $$(shell pkg-config --libs criterion))$(CRIT_LIBS)

ALL_CPPFLAGS = -pthread -D_GNU_SOURCE -DCOOPGEN_VERSION='"$(VERSION)"' \
               -DCOOPGEN_TEMPLATES='"$(DATADIR)/templates"' -Igen \
               $(PKG_CFLAGS) $(CPPFLAGS)

SRCS = gen/arena.c gen/buf.c gen/build.c gen/check.c gen/date.c gen/diag.c \
       gen/fields.c gen/figures.c gen/format.c gen/frontmatter.c gen/fsx.c \
       gen/json.c gen/load.c gen/markdown.c gen/publish.c gen/slug.c \
       gen/strmap.c gen/utf8.c gen/xalloc.c gen/ynode.c gen/labels.c gen/xlsx.c \
       gen/html.c gen/pages.c gen/article.c gen/svg.c gen/directive.c \
       gen/hash.c gen/reuse.c gen/names.c gen/docx.c gen/wml.c gen/stats.c \
       gen/template.c gen/scaffold.c gen/serve.c gen/watch.c gen/page.c \
       gen/years.c gen/xlsx_form.c gen/xlsx_years.c gen/dossiers.c \
       gen/prose.c gen/workq.c gen/cache.c
# The one C++ file: the bridge to ctemplate.
CXXSRCS = gen/tpl.cc
UNIT = $(wildcard tests/unit/*.c)

OBJS      = $(SRCS:gen/%.c=build/obj/%.o) $(CXXSRCS:gen/%.cc=build/obj/%.o)
ASAN_OBJS = $(SRCS:gen/%.c=build/asan/%.o) $(CXXSRCS:gen/%.cc=build/asan/%.o)
TSAN_OBJS = $(SRCS:gen/%.c=build/tsan/%.o) $(CXXSRCS:gen/%.cc=build/tsan/%.o)
TSAN      = -fsanitize=thread -O1 -g
CXXWARN   = -std=c++17 -Wall -Wextra -Wpedantic

# The W3C Nu HTML checker, from the npm registry, into an ignored folder.
# The jar ships in the package: its download script is not run.
VNU_VERSION = 26.9.27
VNU = tests/tools/node_modules/vnu-jar/build/dist/vnu.jar

# libFuzzer harnesses (tests/fuzz/), built with clang, ASan and UBSan.
FUZZERS      = record markdown build
FUZZ_SECONDS = 60
# The differential test of rebuilds (tests/differential.py): make check
# runs seeds 1-8; make fuzz these.
DIFF_SEEDS   = 1-200
DIFF_STEPS   = 12
FUZZ_FLAGS   = -g -O1 -fsanitize=address,undefined -fno-sanitize-recover=undefined
FUZZ_OBJS    = $(SRCS:gen/%.c=build/fuzz/%.o) $(CXXSRCS:gen/%.cc=build/fuzz/%.o)
FUZZ_BINS    = $(FUZZERS:%=build/fuzz/fuzz_%)

.PHONY: all deps test-deps example check check-office install uninstall clean \
        fuzz fuzz-bins bench bench-hugo bench-serve
.SUFFIXES:

all: coopgen example

deps:
	@tools/ensure-deps $(BUILD_DEPS)

test-deps: deps
	@tools/ensure-deps $(TEST_DEPS)

example: coopgen
	./coopgen build

coopgen: $(OBJS) build/obj/main.o
	$(CXX) $(CXXFLAGS) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

build/obj/%.o: gen/%.c | deps
	@mkdir -p $(@D)
	$(CC) $(WARN) $(CFLAGS) $(ALL_CPPFLAGS) -MMD -MP -c -o $@ $<

build/obj/%.o: gen/%.cc | deps
	@mkdir -p $(@D)
	$(CXX) $(CXXWARN) $(CXXFLAGS) $(ALL_CPPFLAGS) -MMD -MP -c -o $@ $<

build/asan/%.o: gen/%.cc | deps
	@mkdir -p $(@D)
	$(CXX) $(CXXWARN) -O1 -g $(SANITIZE) $(ALL_CPPFLAGS) -MMD -MP -c -o $@ $<

build/asan/%.o: gen/%.c | deps
	@mkdir -p $(@D)
	$(CC) $(WARN) -O1 -g $(SANITIZE) $(ALL_CPPFLAGS) -MMD -MP -c -o $@ $<

build/tsan/%.o: gen/%.c | deps
	@mkdir -p $(@D)
	$(CC) $(WARN) $(TSAN) $(ALL_CPPFLAGS) -MMD -MP -c -o $@ $<

build/tsan/%.o: gen/%.cc | deps
	@mkdir -p $(@D)
	$(CXX) $(CXXWARN) $(TSAN) $(ALL_CPPFLAGS) -MMD -MP -c -o $@ $<

build/tsan/coopgen: $(TSAN_OBJS) build/tsan/main.o
	$(CXX) $(TSAN) -o $@ $^ $(PKG_LIBS)

build/asan/coopgen: $(ASAN_OBJS) build/asan/main.o
	$(CXX) $(SANITIZE) -o $@ $^ $(PKG_LIBS)

build/unit-tests: $(OBJS) $(UNIT) | test-deps
	$(CC) $(WARN) $(CFLAGS) $(ALL_CPPFLAGS) -o $@ $(UNIT) $(OBJS) \
	    $(PKG_LIBS) $(CRIT_LIBS) -lstdc++

build/asan/unit-tests: $(ASAN_OBJS) $(UNIT) | test-deps
	$(CC) $(WARN) -O1 -g $(SANITIZE) $(ALL_CPPFLAGS) -o $@ $(UNIT) \
	    $(ASAN_OBJS) $(PKG_LIBS) $(CRIT_LIBS) -lstdc++

# Every test, plain and under AddressSanitizer + UndefinedBehaviorSanitizer,
# then valgrind; the last line says "N passed, N failed".
check: coopgen build/unit-tests build/asan/coopgen build/asan/unit-tests $(VNU) \
       $(FUZZ_BINS) build/tsan/coopgen
	@VNU_JAR=$(VNU) tests/run-all

$(VNU):
	@command -v npm >/dev/null || { echo "make check needs npm (Node.js)"; exit 1; }
	@mkdir -p tests/tools
	npm install --prefix tests/tools --no-audit --no-fund --ignore-scripts \
	    --loglevel=error vnu-jar@$(VNU_VERSION) >/dev/null

build/fuzz/%.o: gen/%.c | test-deps
	@mkdir -p $(@D)
	clang $(WARN) $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link $(ALL_CPPFLAGS) \
	    -MMD -MP -c -o $@ $<

build/fuzz/%.o: gen/%.cc | test-deps
	@mkdir -p $(@D)
	clang++ $(CXXWARN) $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link \
	    $(ALL_CPPFLAGS) -MMD -MP -c -o $@ $<

build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(FUZZ_OBJS) | test-deps
	clang++ $(FUZZ_FLAGS) -fsanitize=fuzzer $(ALL_CPPFLAGS) \
	    -DTOP='"$(CURDIR)"' -x c $< -x none $(FUZZ_OBJS) -o $@ $(PKG_LIBS)

fuzz-bins: $(FUZZ_BINS)

# Made by a pattern rule for a pattern rule: without this, make deletes
# them as intermediate files after each link.
.SECONDARY: $(FUZZ_OBJS)

# Each harness for FUZZ_SECONDS, from its seeds; what it learns is kept in
# build/fuzz/corpus-NAME, a crash in build/fuzz/ (copy it to
# tests/fuzz/regressions/NAME/ to keep it as a test).
fuzz: $(FUZZ_BINS) coopgen
	@echo "differential: seeds $(DIFF_SEEDS), $(DIFF_STEPS) steps each"
	@python3 tests/differential.py ./coopgen $(CURDIR) $(DIFF_SEEDS) \
	    $(DIFF_STEPS) >/dev/null
	@for f in $(FUZZERS); do \
	    mkdir -p build/fuzz/corpus-$$f; \
	    echo "fuzz_$$f for $(FUZZ_SECONDS) s"; \
	    build/fuzz/fuzz_$$f -max_total_time=$(FUZZ_SECONDS) \
	        -close_fd_mask=3 -artifact_prefix=build/fuzz/$$f- \
	        build/fuzz/corpus-$$f tests/fuzz/corpus/$$f || exit 1; \
	done

# The benchmark (not part of make check): see tools/bench.py and README.md
# "Performance". BENCH_DIR holds the generated trees and outputs on the
# disk; BENCH_TMPFS the same on a tmpfs, for coopgen against Hugo, which
# runs on both (BENCH_HUGO_SIZES: by default the BENCH_SIZES of at least
# 10,000). `make bench-hugo` runs coopgen against Hugo alone.
BENCH_SIZES = 1000 10000 50000
BENCH_RUNS  = 3
BENCH_DIR   = build/bench
BENCH_TMPFS = /dev/shm/coopgen-bench
BENCH_HUGO_SIZES =
BENCH_DEPS  = cmark hugo time python3-yaml
BENCH       = /usr/bin/python3 tools/bench.py ./coopgen $(BENCH_DIR) \
              "$(BENCH_SIZES)" $(BENCH_RUNS) --tmpfs $(BENCH_TMPFS) \
              --hugo-sizes "$(BENCH_HUGO_SIZES)"
bench: coopgen
	@tools/ensure-deps $(BENCH_DEPS)
	@$(BENCH)
	@$(BENCH_SERVE)

# coopgen serve alone: from a save to the reload event, for the example and
# a year of BENCH_SERVE_N activities; BENCH_AGAINST=path/to/coopgen times
# another build of the program in the same run, beside this one.
BENCH_SERVE_N = 10000
BENCH_AGAINST =
BENCH_SERVE = /usr/bin/python3 tools/bench-serve.py ./coopgen $(BENCH_DIR) \
              $(BENCH_SERVE_N) 21 $(if $(BENCH_AGAINST),--against $(BENCH_AGAINST))
bench-serve: coopgen
	@$(BENCH_SERVE)

bench-hugo: coopgen
	@tools/ensure-deps $(BENCH_DEPS)
	@$(BENCH) --only hugo

# For a reviewer, not for CI: LibreOffice opens each workbook of out/ and
# prints it to PDF beside it (out/<YEAR>/statistics.pdf), and converts each
# report.docx (out/<YEAR>/report.pdf, checked by tests/office-docx: A4,
# Times New Roman or Liberation Serif, page numbers from page 2; with PNGs
# of its first page and its appendix).
check-office: coopgen example
	@tools/ensure-deps $(OFFICE_DEPS)
	@for x in out/*/statistics.xlsx; do \
	    libreoffice --headless --convert-to pdf --outdir "$${x%/*}" "$$x" \
	        >/dev/null 2>&1 || { echo "LibreOffice failed on $$x"; exit 1; }; \
	    echo "$${x%.xlsx}.pdf"; \
	done
	@for x in out/*/report.docx; do tests/office-docx "$$x" || exit 1; done

install: coopgen
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR) \
	    $(DESTDIR)$(DATADIR)/templates/docx
	install -m 755 coopgen $(DESTDIR)$(BINDIR)/coopgen
	install -m 644 coopgen.1 $(DESTDIR)$(MANDIR)/coopgen.1
	install -m 644 templates/*.tpl templates/labels.*.yaml templates/style.css \
	    $(DESTDIR)$(DATADIR)/templates/
	install -m 644 templates/docx/*.tpl $(DESTDIR)$(DATADIR)/templates/docx/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/coopgen $(DESTDIR)$(MANDIR)/coopgen.1
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build coopgen out

-include $(OBJS:.o=.d) $(ASAN_OBJS:.o=.d) $(TSAN_OBJS:.o=.d) \
    $(FUZZ_OBJS:.o=.d) build/obj/main.d \
    build/asan/main.d build/tsan/main.d
