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

# ASan + UBSan over the whole suite, in its own build folder.
test-asan:
	@$(MAKE) --no-print-directory test BUILD=build-asan BUILD_TYPE=Debug \
	  CMAKE_FLAGS="-DCOPYDESK_SANITIZE=address,undefined"

format:
	@git ls-files '*.cpp' '*.hpp' | xargs clang-format -i

clean:
	rm -rf build build-asan
