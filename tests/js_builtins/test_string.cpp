// String built-ins against cases recorded from node (data/string_cases.js), and string
// wrappers (ToObject of a primitive).
#include "builtins_test_support.h"
#include "model/js/builtins/to_object.h"

using namespace loopsim::js;
using namespace loopsim::js::testing;

namespace {
std::vector<std::string> testing_keys(BuiltinsFixture& f, Object& o) {
    std::vector<std::string> names;
    for (PropertyKey k : o.own_property_keys(f.rt)) names.push_back(key_display(k));
    return names;
}
} // namespace

TEST_SUITE("string builtins") {
    TEST_CASE("every recorded String case gives node's result or error") {
        BuiltinsFixture f;
        CHECK(check_recorded_cases(f, "string_cases") > 80);
    }

    TEST_CASE("a string wrapper shows length and its code units as read-only own properties") {
        BuiltinsFixture f;
        Object* wrapper = to_object(f.rt, Value(f.rt.string("ab"))).value();
        CHECK(wrapper->prototype() == f.rt.intrinsic(Intrinsic::StringPrototype));
        CHECK(testing_keys(f, *wrapper) == std::vector<std::string>{"0", "1", "length"});
        CHECK(get_named(f.rt, *wrapper, "length").value().as_number() == 2);
        CHECK(wrapper->get(f.rt, PropertyKey::index(1)).value().as_string()->to_utf8() == "b");
        CHECK_FALSE(wrapper->delete_property(f.rt, f.rt.key("length")));
    }

    TEST_CASE("a method looked up through prototype_for_primitive runs on the primitive") {
        BuiltinsFixture f;
        Value s(f.rt.string("abc"));
        Object* proto = prototype_for_primitive(f.rt, s);
        REQUIRE(proto != nullptr);
        Value upper = get_named(f.rt, *proto, "toUpperCase").value();
        CHECK(f.rt.call(upper, s, {}).value().as_string()->to_utf8() == "ABC");
        CHECK(primitive_own_property(f.rt, s, f.rt.key("length"))->as_number() == 3);
        CHECK(prototype_for_primitive(f.rt, Value()) == nullptr);
    }

    TEST_CASE("the string iterator walks code points, not code units") {
        BuiltinsFixture f;
        Value s(f.rt.string("a\xF0\x9F\x98\x80"
                            "b"));
        Value from = f.rt.call(f.resolve("Array.from"), Value(), {&s, 1}).value();
        CHECK(static_cast<Array*>(from.as_object())->length() == 3);
    }
}
