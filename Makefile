# loopsim: the two front-door commands, and a few helpers. A thin wrapper over CMake presets.
#   make demo   install missing Debian packages, build, run the main job on a bundled scenario
#   make test   the same set-up, then every test (ctest)
.PHONY: all setup build demo test test-asan bench bench-programs format clean
PRESET ?= release
BUILD := build/$(PRESET)
DEMO_SCENARIO ?= scenarios/basics/01_sync_order.js

all: build

setup:
	@bash scripts/setup-deps.sh

build: setup
	@cmake --preset $(PRESET) >/dev/null
	@cmake --build --preset $(PRESET)

demo: build
	@bash scripts/demo.sh $(BUILD) $(DEMO_SCENARIO)

test: build
	@ctest --preset $(PRESET)

test-asan: setup
	@cmake --preset asan >/dev/null
	@cmake --build --preset asan
	@ctest --preset asan

bench: build
	@bash scripts/run-bench.sh $(BUILD)

# Whole programs (bench/programs/*.js): loopsim with its trace recorded vs real node.
bench-programs: build
	@bash bench/whole_program.sh $(BUILD)/loopsim

format:
	@git ls-files '*.cpp' '*.h' | xargs clang-format -i

clean:
	rm -rf build
