// Array built-ins against cases recorded from node (data/array_cases.js), plus the
// properties V8 gives Array and Array.prototype.
#include "builtins_test_support.h"

using namespace loopsim::js;
using namespace loopsim::js::testing;

TEST_SUITE("array builtins") {
    TEST_CASE("every recorded Array case gives node's result or error") {
        BuiltinsFixture f;
        CHECK(check_recorded_cases(f, "array_cases") > 70);
    }

    TEST_CASE("sort stays stable and correct when the heap collects at every safepoint") {
        HeapOptions stress;
        stress.collect_at_every_safepoint = true;
        BuiltinsFixture f(stress);
        std::vector<json> cases = recorded_cases("array_cases");
        for (const json& line : cases) {
            if (line["case"]["fn"] != "Array.prototype.sort") continue;
            json got = f.run_case(line["case"]);
            f.rt.heap().collect();
            CHECK(got == line["out"]);
        }
    }

    TEST_CASE("Array.prototype methods have V8's length and name") {
        BuiltinsFixture f;
        Object& proto = *f.rt.array_prototype();
        const std::pair<const char*, int> expected[] = {{"push", 1},   {"slice", 2},  {"splice", 2},
                                                        {"concat", 1}, {"reduce", 1}, {"flat", 0}};
        for (auto [name, length] : expected) {
            Value fn = get_named(f.rt, proto, name).value();
            CHECK(get_named(f.rt, *fn.as_object(), "length").value().as_number() == length);
            CHECK(get_named(f.rt, *fn.as_object(), "name").value().as_string()->to_utf8() == name);
        }
        Value values = get_named(f.rt, proto, "values").value();
        Value iterator =
            proto.get(f.rt, PropertyKey::symbol(f.rt.well_known_symbol(WellKnownSymbol::Iterator)))
                .value();
        CHECK(values.is_same_bits(iterator));
    }

    TEST_CASE("join of an array that contains itself leaves the cycle empty") {
        BuiltinsFixture f;
        Array* a = Array::create(f.rt);
        a->push(f.rt, Value(1));
        a->push(f.rt, Value(a));
        Value joined = f.rt.call(f.resolve("Array.prototype.join"), Value(a), {}).value();
        CHECK(joined.as_string()->to_utf8() == "1,");
    }
}
