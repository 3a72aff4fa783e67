// Whole programs printed through console.log -> format_log_args, compared line by line with
// what node printed for them (tests/js_inspect/data/*.expect.json, and the inspect programs
// of the differential corpus).
#include "tests/js_inspect/inspect_test_support.h"

#include <doctest/doctest.h>

using loopsim::js::inspect_testing::check_same_output;
using loopsim::js::inspect_testing::ConsoleMachine;
using loopsim::js::inspect_testing::recorded_stdout;

namespace {

// Runs the program and compares its output with node's, line by line (check_same_output
// CHECKs each line). A program whose recording is missing or empty would compare nothing,
// so that is a failure of its own.
void check_program(const std::string& path) {
    INFO("program: " << path);
    const auto expected = recorded_stdout(path);
    REQUIRE_FALSE(expected.empty());
    ConsoleMachine machine;
    check_same_output(machine.run_file(path), expected);
}

} // namespace

TEST_SUITE("inspect recorded programs") {

    TEST_CASE("number arrays are grouped into right-aligned columns as node groups them") {
        check_program("tests/js_inspect/data/grouping_numbers.js");
    }

    TEST_CASE("string and mixed arrays are grouped into left-aligned columns") {
        check_program("tests/js_inspect/data/grouping_strings.js");
    }

    TEST_CASE("entries share a line only within breakLength and three levels of nesting") {
        check_program("tests/js_inspect/data/line_breaking.js");
    }

    TEST_CASE("strings pick their quotes and escape control characters, keys quote when needed") {
        check_program("tests/js_inspect/data/quoting_keys.js");
    }

    TEST_CASE("objects past depth 2 collapse and circular references are numbered") {
        check_program("tests/js_inspect/data/depth_circular.js");
    }

    TEST_CASE("class instances, functions, classes, accessors and boxed primitives") {
        check_program("tests/js_inspect/data/classes_functions.js");
    }

    TEST_CASE("errors print their stack, extra keys and cause") {
        check_program("tests/js_inspect/data/errors.js");
    }

    // Fails while error objects compute `stack` when they are created: V8 formats it on first
    // read, after the constructor renamed the error (docs/inspect.md, known divergences).
    TEST_CASE("an error renamed after creation shows its new name" * doctest::may_fail()) {
        check_program("tests/js_inspect/data/errors_lazy_stack.js");
    }

    TEST_CASE("sparse arrays show empty items and long arrays stop after 100 entries") {
        check_program("tests/js_inspect/data/sparse_long.js");
    }

    TEST_CASE("format specifiers of the first argument are applied as util.format does") {
        check_program("tests/js_inspect/data/format_specifiers.js");
    }

    TEST_CASE("maps, sets and promises show their entries and state") {
        check_program("tests/js_inspect/data/collections_promises.js");
    }

    TEST_CASE("subclassed built-ins, borrowed prototypes, own tags and null prototypes") {
        check_program("tests/js_inspect/data/misc_kinds.js");
    }

    TEST_CASE("%o shows hidden keys in brackets and goes four levels deep") {
        check_program("tests/js_inspect/data/showhidden_o.js");
    }

    TEST_CASE("the inspect programs of the differential corpus print what node printed") {
        const char* programs[] = {
            "tests/corpus/sync/063_inspect_primitives.js",
            "tests/corpus/sync/064_inspect_strings_nested.js",
            "tests/corpus/sync/065_inspect_nested_objects.js",
            "tests/corpus/sync/066_inspect_deep_objects.js",
            "tests/corpus/sync/067_inspect_long_arrays_numbers.js",
            "tests/corpus/sync/068_inspect_long_arrays_strings.js",
            "tests/corpus/sync/069_inspect_array_grouping_mixed.js",
            "tests/corpus/sync/070_inspect_over_100_items.js",
            "tests/corpus/sync/071_inspect_class_instances.js",
            "tests/corpus/sync/072_inspect_functions.js",
            "tests/corpus/sync/073_inspect_symbols.js",
            "tests/corpus/sync/074_inspect_quoted_keys.js",
            "tests/corpus/sync/075_inspect_negative_zero.js",
            "tests/corpus/sync/142_object_getters_setters_inspect.js",
            "tests/corpus/sync/146_inspect_long_objects.js",
            "tests/corpus/sync/147_inspect_long_strings.js",
            "tests/corpus/sync/148_inspect_empty_values.js",
            "tests/corpus/sync/164_inspect_class_static_props.js",
            "tests/corpus/extended/004_inspect_map_set.js",
        };
        for (const char* program : programs) {
            CAPTURE(program);
            check_program(program);
        }
    }

} // TEST_SUITE
