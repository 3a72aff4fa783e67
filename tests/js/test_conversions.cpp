// Tests for model/js/conversions.h. Number <-> string cases are compared against strings
// recorded from node (tests/js/data/record_number_strings.js -> number_strings.json).
#include "js_test_support.h"
#include "model/js/conversions.h"
#include "model/js/function.h"
#include "model/js/runtime.h"

#include <bit>
#include <cmath>
#include <doctest/doctest.h>
#include <fstream>
#include <nlohmann/json.hpp>

using namespace loopsim::js;

namespace {

const nlohmann::json& recorded() {
    static const nlohmann::json data = [] {
        std::ifstream in(LOOPSIM_SOURCE_DIR "/tests/js/data/number_strings.json");
        REQUIRE(in.good());
        return nlohmann::json::parse(in);
    }();
    return data;
}

double from_bits(const nlohmann::json& hex) {
    return std::bit_cast<double>(std::stoull(hex.get<std::string>(), nullptr, 16));
}

std::string bits_of(double d) {
    char buffer[17];
    std::snprintf(buffer, sizeof buffer, "%016llx",
                  static_cast<unsigned long long>(std::bit_cast<uint64_t>(d)));
    return buffer;
}

Completion return_data(Runtime&, NativeFunction& self, Value, std::span<const Value>) {
    return self.data();
}

// Returns "hint:<the hint>" so the test can see which hint ToPrimitive passed.
Completion echo_hint(Runtime& rt, NativeFunction&, Value, std::span<const Value> args) {
    return Value(rt.string("hint:" + args[0].as_string()->to_utf8()));
}

} // namespace

TEST_SUITE("conversions") {

    TEST_CASE("Number::toString matches node for every recorded double") {
        const auto& cases = recorded()["toString"];
        REQUIRE(cases.size() > 200);
        int mismatches = 0;
        for (const auto& c : cases) {
            double x = from_bits(c["bits"]);
            std::string expected = c["text"];
            std::string got = number_to_string(x);
            if (got != expected) {
                ++mismatches;
                MESSAGE("bits " << c["bits"] << ": node " << expected << ", loopsim " << got);
            }
        }
        CHECK(mismatches == 0);
    }

    TEST_CASE("toString with a radix matches node, fractions included") {
        int mismatches = 0;
        for (const auto& c : recorded()["radix"]) {
            std::string got = number_to_string_radix(from_bits(c["bits"]), c["radix"].get<int>());
            if (got != c["text"].get<std::string>()) {
                ++mismatches;
                MESSAGE("bits " << c["bits"] << " radix " << c["radix"] << ": node " << c["text"]
                                << ", loopsim " << got);
            }
        }
        CHECK(mismatches == 0);
    }

    TEST_CASE("toFixed, toPrecision and toExponential match node") {
        int mismatches = 0;
        for (const auto& c : recorded()["format"]) {
            double x = from_bits(c["bits"]);
            int digits = c["digits"];
            std::string op = c["op"];
            std::string got = op == "toFixed"       ? number_to_fixed(x, digits)
                              : op == "toPrecision" ? number_to_precision(x, digits)
                                                    : number_to_exponential(x, digits);
            if (got != c["text"].get<std::string>()) {
                ++mismatches;
                MESSAGE(op << "(" << digits << ") of bits " << c["bits"] << ": node " << c["text"]
                           << ", loopsim " << got);
            }
        }
        CHECK(mismatches == 0);
    }

    TEST_CASE("StringToNumber matches node for every recorded string") {
        Runtime rt;
        const auto& cases = recorded()["stringToNumber"];
        REQUIRE(cases.size() > 80);
        int mismatches = 0;
        for (const auto& c : cases) {
            String* input = rt.string(c["input"].get<std::string>());
            double got = string_to_number(input);
            double expected = from_bits(c["bits"]);
            bool same =
                (std::isnan(got) && std::isnan(expected)) || bits_of(got) == bits_of(expected);
            if (!same) {
                ++mismatches;
                MESSAGE("input " << c["input"] << ": node " << c["bits"] << ", loopsim "
                                 << bits_of(got));
            }
        }
        CHECK(mismatches == 0);
    }

    TEST_CASE("ToInt32 and ToUint32 wrap modulo 2^32") {
        CHECK(to_int32(2147483648.0) == -2147483647 - 1);
        CHECK(to_int32(4294967295.0) == -1);
        CHECK(to_int32(-1.9) == -1);
        CHECK(to_int32(1e20) == 1661992960);
        CHECK(to_int32(NAN) == 0);
        CHECK(to_int32(INFINITY) == 0);
        CHECK(to_uint32(-1.0) == 4294967295u);
        CHECK(to_uint32(4294967296.5) == 0u);
        CHECK(to_uint32(-0.0) == 0u);
        // Values node 20 gives for `x >>> 0`, on both sides of 2^53 and of 2^63.
        CHECK(to_uint32(-1.5) == 4294967295u);
        CHECK(to_uint32(-4294967297.5) == 4294967295u);
        CHECK(to_uint32(9007199254740994.0) == 2u);
        CHECK(to_uint32(-9007199254740992.0) == 0u);
        CHECK(to_uint32(9.2e18) == 2643984384u);
        CHECK(to_uint32(-9.2e18) == 1650982912u);
        CHECK(to_uint32(9.3e18) == 4213309440u);
        CHECK(to_uint32(9223372036854775808.0) == 0u);
        CHECK(to_uint32(1e19) == 2313682944u);
        CHECK(to_int32(-2147483648.5) == -2147483647 - 1);
        CHECK(to_int32(2147483648.7) == -2147483647 - 1);
    }

    TEST_CASE("ToBoolean and typeof cover every kind of value") {
        Runtime rt;
        CHECK_FALSE(to_boolean(Value(0)));
        CHECK_FALSE(to_boolean(Value(-0.0)));
        CHECK_FALSE(to_boolean(Value(NAN)));
        CHECK_FALSE(to_boolean(Value(rt.empty_string())));
        CHECK_FALSE(to_boolean(Value::null()));
        CHECK(to_boolean(Value(rt.string("0"))));
        CHECK(to_boolean(Value(Object::create(rt, nullptr))));
        CHECK(to_boolean(Value(rt.make_symbol(nullptr))));
        CHECK(std::string(typeof_string(Value::null())) == "object");
        CHECK(std::string(typeof_string(Value(1.5))) == "number");
        CHECK(std::string(typeof_string(Value(rt.string("s")))) == "string");
        CHECK(std::string(typeof_string(Value(rt.make_symbol(nullptr)))) == "symbol");
        CHECK(std::string(typeof_string(Value(NativeFunction::create(rt, "f", 0, return_data)))) ==
              "function");
        CHECK(std::string(typeof_string(Value(Object::create(rt, nullptr)))) == "object");
        CHECK(std::string(typeof_string(Value())) == "undefined");
    }

    TEST_CASE("strict equality, SameValue and SameValueZero differ only on NaN and zeros") {
        Runtime rt;
        Value nan(NAN), zero(0), minus_zero(-0.0), one_double(1.0), one_int(1);
        CHECK_FALSE(is_strictly_equal(nan, nan));
        CHECK(same_value(nan, nan));
        CHECK(same_value_zero(nan, nan));
        CHECK(is_strictly_equal(zero, minus_zero));
        CHECK_FALSE(same_value(zero, minus_zero));
        CHECK(same_value_zero(zero, minus_zero));
        CHECK(is_strictly_equal(one_double, one_int));
        CHECK(same_value(one_double, one_int));
        CHECK(is_strictly_equal(Value(rt.string("ab")), Value(rt.string("ab"))));
        CHECK_FALSE(is_strictly_equal(Value(rt.string("1")), Value(1)));
        CHECK_FALSE(is_strictly_equal(Value(Object::create(rt, nullptr)),
                                      Value(Object::create(rt, nullptr))));
        CHECK_FALSE(is_strictly_equal(Value(), Value::null()));
    }

    TEST_CASE("loose equality follows the coercion table") {
        Runtime rt;
        auto eq = [&](Value a, Value b) {
            auto r = is_loosely_equal(rt, a, b);
            REQUIRE_FALSE(r.is_throw());
            return r.value();
        };
        CHECK(eq(Value(), Value::null()));
        CHECK_FALSE(eq(Value::null(), Value(0)));
        CHECK_FALSE(eq(Value(), Value(false)));
        CHECK(eq(Value(rt.string(" 1 ")), Value(1)));
        CHECK(eq(Value(true), Value(rt.string("1"))));
        CHECK(eq(Value(false), Value(rt.empty_string())));
        CHECK_FALSE(eq(Value(NAN), Value(NAN)));
        CHECK(eq(Value(rt.string("0x10")), Value(16)));
        Object* boxed = Object::create(rt, nullptr);
        boxed->put_direct(rt, rt.common_key(CommonAtom::ValueOf),
                          Value(NativeFunction::create(rt, "valueOf", 0, return_data, Value(42))));
        CHECK(eq(Value(boxed), Value(42)));
        CHECK(eq(Value(rt.string("42")), Value(boxed)));
        CHECK_FALSE(eq(Value(boxed), Value::null()));
        CHECK(eq(Value(boxed), Value(boxed)));
    }

    TEST_CASE("ToPrimitive prefers Symbol.toPrimitive, then valueOf or toString by hint") {
        Runtime rt;
        Object* o = Object::create(rt, nullptr);
        o->put_direct(rt, rt.common_key(CommonAtom::ValueOf),
                      Value(NativeFunction::create(rt, "valueOf", 0, return_data, Value(5))));
        o->put_direct(rt, rt.common_key(CommonAtom::ToString),
                      Value(NativeFunction::create(rt, "toString", 0, return_data,
                                                   Value(rt.string("five")))));
        CHECK(to_primitive(rt, Value(o)).value().as_int32() == 5);
        CHECK(to_primitive(rt, Value(o), PreferredType::String).value().as_string()->to_utf8() ==
              "five");
        CHECK(to_number(rt, Value(o)).value() == 5);
        CHECK(to_string(rt, Value(o)).value()->to_utf8() == "five");
        o->put_direct(rt, PropertyKey::symbol(rt.well_known_symbol(WellKnownSymbol::ToPrimitive)),
                      Value(NativeFunction::create(rt, "toPrimitive", 1, echo_hint)));
        CHECK(to_primitive(rt, Value(o)).value().as_string()->to_utf8() == "hint:default");
        CHECK(to_primitive(rt, Value(o), PreferredType::Number).value().as_string()->to_utf8() ==
              "hint:number");
        CHECK(to_string(rt, Value(o)).value()->to_utf8() == "hint:string");
    }

    TEST_CASE("ToPrimitive throws a TypeError when no method gives a primitive") {
        Runtime rt;
        Object* bare = Object::create(rt, nullptr);
        auto r = to_primitive(rt, Value(bare));
        REQUIRE(r.is_throw());
        Completion name = r.thrown_value().as_object()->get(rt, rt.key("name"));
        CHECK(name.value().as_string()->to_utf8() == "TypeError");
        CHECK(to_number(rt, Value(rt.make_symbol(nullptr))).is_throw());
        CHECK(to_string(rt, Value(rt.make_symbol(nullptr))).is_throw());
    }

    TEST_CASE("ToString and ToPropertyKey of primitives") {
        Runtime rt;
        CHECK(to_string(rt, Value()).value()->to_utf8() == "undefined");
        CHECK(to_string(rt, Value(true)).value()->to_utf8() == "true");
        CHECK(to_string(rt, Value(-0.0)).value()->to_utf8() == "0");
        CHECK(to_string(rt, Value(1e21)).value()->to_utf8() == "1e+21");
        CHECK(to_property_key(rt, Value(3)).value() == PropertyKey::index(3));
        CHECK(to_property_key(rt, Value(3.0)).value() == PropertyKey::index(3));
        CHECK(to_property_key(rt, Value(-1)).value().is_string());
        CHECK(to_property_key(rt, Value(1.5)).value() == rt.key("1.5"));
        Symbol* s = rt.make_symbol(nullptr);
        CHECK(to_property_key(rt, Value(s)).value() == PropertyKey::symbol(s));
    }

} // TEST_SUITE
