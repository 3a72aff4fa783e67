// Object, Function, Symbol, Boolean and Error built-ins against cases recorded from node
// (data/object_cases.js), plus bound functions, errors and property layout.
#include "builtins_test_support.h"
#include "model/js/builtins/error_builtins.h"
#include "model/js/builtins/function_builtins.h"

using namespace loopsim::js;
using namespace loopsim::js::testing;

namespace {

std::vector<std::string> own_keys(BuiltinsFixture& f, Value object) {
    std::vector<std::string> names;
    for (PropertyKey k : object.as_object()->own_property_keys(f.rt))
        names.push_back(key_display(k));
    return names;
}

} // namespace

TEST_SUITE("object builtins") {
    TEST_CASE("every recorded Object case gives node's result or error") {
        BuiltinsFixture f;
        CHECK(check_recorded_cases(f, "object_cases") > 50);
    }

    TEST_CASE("constructors and prototypes list their properties in V8's order") {
        BuiltinsFixture f;
        CHECK(own_keys(f, f.resolve("Error.prototype")) ==
              std::vector<std::string>{"constructor", "name", "message", "toString"});
        CHECK(own_keys(f, f.resolve("Boolean.prototype")) ==
              std::vector<std::string>{"constructor", "toString", "valueOf"});
        auto map_keys = own_keys(f, f.resolve("Map.prototype"));
        CHECK(map_keys.front() == "constructor");
        CHECK(map_keys.back() == "Symbol(Symbol.iterator)");
    }

    TEST_CASE("a bound function is named 'bound f', calls with its bound this and arguments") {
        BuiltinsFixture f;
        Value target = f.named("to_pair");
        Value bind_args[2] = {Value::null(), Value(f.rt.string("first"))};
        Value bound = f.rt.call(f.resolve("Function.prototype.bind"), target, bind_args).value();
        CHECK(get_named(f.rt, *bound.as_object(), "name").value().as_string()->to_utf8() ==
              "bound to_pair");
        Value second(2);
        Value pair = f.rt.call(bound, Value(), {&second, 1}).value();
        CHECK(f.encode(pair) == json{{"$array", json::array({"first", 2})}});
        Value to_string = f.rt.call(f.resolve("Function.prototype.toString"), bound, {}).value();
        CHECK(to_string.as_string()->to_utf8() == "function () { [native code] }");
        Value max_source =
            f.rt.call(f.resolve("Function.prototype.toString"), f.resolve("Math.max"), {}).value();
        CHECK(max_source.as_string()->to_utf8() == "function max() { [native code] }");
    }

    TEST_CASE("errors get message, cause and a stack that starts with name and message") {
        BuiltinsFixture f;
        Object* options = create_plain_object(f.rt);
        options->put_direct(f.rt, f.rt.key("cause"), Value(7));
        Value args[2] = {Value(f.rt.string("bad")), Value(options)};
        Value error = f.rt.construct(f.resolve("RangeError"), args).value();
        CHECK(own_keys(f, error) == std::vector<std::string>{"stack", "message", "cause"});
        CHECK(get_named(f.rt, *error.as_object(), "stack").value().as_string()->to_utf8() ==
              "RangeError: bad");
        CHECK(instance_of(f.rt, error, f.resolve("Error")).value().as_bool());
        CHECK_FALSE(instance_of(f.rt, error, f.resolve("TypeError")).value().as_bool());
        // Errors the runtime itself throws use the installed prototypes.
        Value thrown(f.rt.make_error(ErrorType::TypeError, "x"));
        CHECK(f.describe_thrown(thrown) == "TypeError: x");
    }

    TEST_CASE("the Function constructor says that loopsim does not support it") {
        BuiltinsFixture f;
        Completion result = f.rt.call(f.resolve("Function"), Value(), {});
        REQUIRE(result.is_throw());
        CHECK(f.describe_thrown(result.thrown_value()).find("not supported by loopsim") !=
              std::string::npos);
    }

    TEST_CASE("Symbol.for returns one symbol per key and keyFor finds it") {
        BuiltinsFixture f;
        Value key(f.rt.string("app"));
        Value a = f.rt.call(f.resolve("Symbol.for"), Value(), {&key, 1}).value();
        Value b = f.rt.call(f.resolve("Symbol.for"), Value(), {&key, 1}).value();
        CHECK(a.is_same_bits(b));
        Value found = f.rt.call(f.resolve("Symbol.keyFor"), Value(), {&a, 1}).value();
        CHECK(found.as_string()->to_utf8() == "app");
        Value plain = f.rt.call(f.resolve("Symbol"), Value(), {&key, 1}).value();
        CHECK(f.rt.call(f.resolve("Symbol.keyFor"), Value(), {&plain, 1}).value().is_undefined());
    }
}
