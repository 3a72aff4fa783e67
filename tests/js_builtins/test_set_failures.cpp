// set_failure_message / throw_set_failure: the TypeError a built-in throws when a [[Set]]
// with throw = true fails, worded as V8 words it (messages printed by node 20).
#include "builtins_test_support.h"

using namespace loopsim::js;
using namespace loopsim::js::testing;

namespace {

// The message of the TypeError `path` throws when called on `receiver` with `args`.
std::string thrown_message(BuiltinsFixture& f, const std::string& path, Value receiver,
                           std::vector<Value> args) {
    Completion c = f.rt.call(f.resolve(path), receiver, args);
    if (!c.is_throw()) return "no error";
    Value e = c.thrown_value();
    Value message = e.as_object()->get(f.rt, f.rt.common_key(CommonAtom::Message)).value();
    return message.as_string()->to_utf8();
}

Value frozen(BuiltinsFixture& f, Value object) {
    Value args[] = {object};
    return f.rt.call(f.resolve("Object.freeze"), Value(), args).value();
}

} // namespace

TEST_SUITE("set failures") {
    TEST_CASE("push on a frozen array cannot add the new index") {
        BuiltinsFixture f;
        Value values[] = {Value(1), Value(2), Value(3)};
        Value array = frozen(f, Value(create_array(f.rt, values)));
        CHECK(thrown_message(f, "Array.prototype.push", array, {Value(4)}) ==
              "Cannot add property 3, object is not extensible");
        CHECK(thrown_message(f, "Array.prototype.fill", array, {Value(0)}) ==
              "Cannot assign to read only property '0' of object '[object Array]'");
    }

    TEST_CASE("a read-only property names the receiver by typeof and its V8 description") {
        BuiltinsFixture f;
        Object* plain = create_plain_object(f.rt);
        plain->put_direct(f.rt, f.rt.key("a"), Value(1));
        Value object = frozen(f, Value(plain));
        Object* source = create_plain_object(f.rt);
        source->put_direct(f.rt, f.rt.key("a"), Value(2));
        CHECK(thrown_message(f, "Object.assign", Value(), {object, Value(source)}) ==
              "Cannot assign to read only property 'a' of object '#<Object>'");
        Object* extra = create_plain_object(f.rt);
        extra->put_direct(f.rt, f.rt.key("b"), Value(2));
        CHECK(thrown_message(f, "Object.assign", Value(), {object, Value(extra)}) ==
              "Cannot add property b, object is not extensible");
    }

    TEST_CASE("an accessor without a setter, and an array past its read-only length") {
        BuiltinsFixture f;
        Object* holder = create_plain_object(f.rt);
        PropertyDescriptor getter_only;
        getter_only.get = f.resolve("Object.keys");
        getter_only.configurable = true;
        REQUIRE(holder->define_own_property(f.rt, f.rt.key("g"), getter_only).value());
        CHECK(set_failure_message(f.rt, *holder, f.rt.key("g"), Value(holder)) ==
              "Cannot set property g of #<Object> which has only a getter");
        Array* array = create_array(f.rt, {});
        PropertyDescriptor read_only_length;
        read_only_length.writable = false;
        REQUIRE(array->define_own_property(f.rt, f.rt.key("length"), read_only_length).value());
        CHECK(thrown_message(f, "Array.prototype.push", Value(array), {Value(1)}) ==
              "Cannot assign to read only property 'length' of object '[object Array]'");
    }
}
