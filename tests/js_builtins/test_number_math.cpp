// Number, Math and the global number functions against cases recorded from node
// (data/number_cases.js); Math.random's determinism.
#include "builtins_test_support.h"

using namespace loopsim::js;
using namespace loopsim::js::testing;

TEST_SUITE("number and math builtins") {
    TEST_CASE("every recorded Number and Math case gives node's result or error") {
        BuiltinsFixture f;
        CHECK(check_recorded_cases(f, "number_cases") > 140);
    }

    TEST_CASE("Math.random repeats its stream for the same seed and differs for another") {
        auto draw = [](uint64_t seed) {
            BuiltinsFixture f;
            f.rt.set_random_seed(seed);
            Value random = f.resolve("Math.random");
            std::vector<double> values;
            for (int i = 0; i < 5; ++i)
                values.push_back(f.rt.call(random, Value(), {}).value().as_number());
            return values;
        };
        std::vector<double> a = draw(7), b = draw(7), c = draw(8);
        CHECK(a == b);
        CHECK(a != c);
        for (double x : a) {
            CHECK(x >= 0);
            CHECK(x < 1);
        }
    }

    TEST_CASE("Number.parseFloat and the global parseFloat are one function") {
        BuiltinsFixture f;
        CHECK(f.resolve("Number.parseFloat").is_same_bits(f.resolve("parseFloat")));
        CHECK(f.resolve("Number.parseInt").is_same_bits(f.resolve("parseInt")));
    }

    TEST_CASE("Date.now reads 0 without a host and new Date is rejected with a clear message") {
        BuiltinsFixture f;
        CHECK(f.rt.call(f.resolve("Date.now"), Value(), {}).value().as_number() == 0);
        Completion constructed = f.rt.construct(f.resolve("Date"), {});
        REQUIRE(constructed.is_throw());
        CHECK(f.describe_thrown(constructed.thrown_value()) ==
              "TypeError: Date objects are not supported by loopsim; use Date.now()");
    }
}
