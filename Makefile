# Thin wrapper over CMake. `make demo` and `make test` are the two commands a newcomer needs.
BUILD ?= build
BUILD_TYPE ?= Release
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=
SHARED ?= $(abspath ../shared)

.PHONY: all deps build demo test test-asan clean format

all: build

deps:
	@scripts/install-deps

build: deps
	@cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(BUILD) -j $(JOBS)

demo: build
	@scripts/demo $(BUILD)/server/copydesk

# The independent LSP client's packages, pinned by its lockfile.
tests/client/node_modules: tests/client/package-lock.json
	@cd tests/client && npm ci --no-audit --no-fund --silent
	@touch $@

# The official SARIF Multitool that validates `check --format sarif`, pinned by its lockfile.
# npm may skip the package's postinstall, which makes the Linux binary executable.
SARIF_MULTITOOL = node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
tests/sarif/node_modules: tests/sarif/package-lock.json
	@cd tests/sarif && npm ci --no-audit --no-fund --silent && \
	  { [ ! -f $(SARIF_MULTITOOL) ] || chmod u+x $(SARIF_MULTITOOL); }
	@touch $@

test: build tests/client/node_modules tests/sarif/node_modules
	@cd $(BUILD) && COPYDESK_SHARED=$(SHARED) ctest --output-on-failure -j $(JOBS)

# ASan + UBSan over the whole suite, built with clang at -O1 (line tables only, as OSS-Fuzz
# builds: quicker to compile and to run than -O0, assertions stay on) in its own folder. The same
# build holds the libFuzzer targets (docs/reliability.md): `make fuzz` builds them there and
# `make fuzz-run` runs each for FUZZ_SECONDS on its seed corpus, failing on any crash, leak or
# timeout. Sharing the build means CI compiles the sanitized code once.
ASAN_BUILD ?= build-asan
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= framing_fuzz analyze_fuzz edits_fuzz session_fuzz
.PHONY: asan-configure fuzz fuzz-run test-tsan test-valgrind

asan-configure: deps
	@scripts/install-deps fuzz
	@cmake -S . -B $(ASAN_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=None \
	  -DCMAKE_CXX_FLAGS="-O1 -gline-tables-only" -DCMAKE_CXX_COMPILER=clang++ \
	  -DCOPYDESK_FUZZ=ON >/dev/null

test-asan: asan-configure tests/client/node_modules tests/sarif/node_modules
	@cmake --build $(ASAN_BUILD) -j $(JOBS)
	@cd $(ASAN_BUILD) && COPYDESK_SHARED=$(SHARED) ctest --output-on-failure -j $(JOBS)

fuzz: asan-configure
	@cmake --build $(ASAN_BUILD) -j $(JOBS) --target $(FUZZ_TARGETS)

fuzz-run: fuzz
	@tests/fuzz/run $(ASAN_BUILD) $(FUZZ_SECONDS) $(FUZZ_TARGETS)

# ThreadSanitizer: the server built with TSan in build-tsan/, driven by the end-to-end, fault,
# independent-client and soak tests of the normal build (scripts/test-tsan).
TSAN_BUILD ?= build-tsan
test-tsan: build tests/client/node_modules
	@scripts/test-tsan $(BUILD) $(TSAN_BUILD) $(JOBS)

# Valgrind memcheck over an LSP session with the real binary: no memory errors, no leaks.
test-valgrind:
	@scripts/install-deps valgrind
	@$(MAKE) --no-print-directory build
	@cd $(BUILD) && ctest --output-on-failure --no-tests=error -L valgrind

# The soak test alone and longer than in `make test` (docs/reliability.md): the real server,
# 50 documents, SOAK_OPERATIONS random edits and requests; prints its figures.
SOAK_OPERATIONS ?= 500000
.PHONY: soak
soak: build
	@$(BUILD)/tests/soak/soak --operations $(SOAK_OPERATIONS)

format:
	@git ls-files '*.cpp' '*.hpp' | xargs clang-format -i

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(TSAN_BUILD)

# Editors: the VS Code extension and the tests in real editors (editors/README.md).
.PHONY: editor-deps package-vscode test-editors
VSIX = $(BUILD)/editors/copydesk.vsix

editor-deps:
	@scripts/install-editor-deps

# The editor tests' npm tooling (code-server, playwright-core), pinned by its lockfile.
# code-server's postinstall refuses root without unsafe-perm; node-pty's `npx node-gyp` needs
# yes=true (the machine's npmrc says yes=false); @vscode/ripgrep downloads rg from GitHub unless
# its cache already holds it, so seed-ripgrep-cache puts Debian's rg there first.
tests/editors/node_modules: tests/editors/package-lock.json
	@tests/editors/seed-ripgrep-cache
	@cd tests/editors && npm_config_unsafe_perm=true npm_config_yes=true \
	  npm ci --no-audit --no-fund --silent
	@touch $@

editors/vscode/node_modules: editors/vscode/package-lock.json
	@cd editors/vscode && npm ci --no-audit --no-fund --silent
	@touch $@

# Type-check, bundle with esbuild, package offline.
$(VSIX): editors/vscode/node_modules editors/vscode/package.json editors/vscode/tsconfig.json \
    editors/vscode/esbuild.mjs editors/vscode/README.md editors/vscode/LICENSE \
    $(wildcard editors/vscode/src/*.ts)
	@mkdir -p $(@D)
	@cd editors/vscode && npx --no-install tsc --noEmit -p . && node esbuild.mjs --minify && \
	  npx --no-install vsce package --no-dependencies --allow-missing-repository \
	    --out $(abspath $@) >/dev/null
	@echo "packaged $@"

package-vscode: $(VSIX)

# Installs the editors and the tooling, builds the .vsix, runs every editor (tests/editors/run).
test-editors: build
	@BUILD=$(BUILD) tests/editors/run

# Benchmarks (docs/performance.md): copydesk over the Reuters corpus (MB/s on one core and all,
# files/s, peak RSS, the 20 MB file, the per-stage table), then against its npm peers over
# Wikinews (installed by `npm ci` from bench/peers/package-lock.json). They print figures and
# never fail on them; without ../shared they say so and skip. Not part of `make test`.
.PHONY: bench
bench: build
	@bench/throughput $(SHARED) --build $(BUILD)
	@bench/peers/run $(SHARED) --copydesk $(BUILD)/server/copydesk
