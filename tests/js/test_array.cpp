// Tests for model/js/array.h and elements.h: length semantics, holes, sparse elements.
#include "js_test_support.h"
#include "model/js/array.h"
#include "model/js/function.h"
#include "model/js/runtime.h"

#include <doctest/doctest.h>

using namespace loopsim::js;
using loopsim::js::testing::key_names;

namespace {

Value get(Runtime& rt, Object* o, const char* name) {
    Completion c = o->get(rt, rt.key(name));
    REQUIRE_FALSE(c.is_throw());
    return c.value();
}

bool set_length(Runtime& rt, Array* a, Value length) {
    auto r = a->set(rt, rt.key("length"), length, Value(a));
    REQUIRE_FALSE(r.is_throw());
    return r.value();
}

Completion returns_seven(Runtime&, NativeFunction&, Value, std::span<const Value>) {
    return Value(7);
}

} // namespace

TEST_SUITE("array") {

    TEST_CASE("assigning past the end grows length and leaves holes") {
        Runtime rt;
        Array* a = Array::create(rt);
        CHECK(a->length() == 0);
        CHECK(a->set(rt, rt.key("0"), Value(1), Value(a)).value());
        CHECK(a->set(rt, rt.key("5"), Value(2), Value(a)).value());
        CHECK(a->length() == 6);
        CHECK(get(rt, a, "length").as_number() == 6);
        CHECK_FALSE(a->has_own_property(rt.key("3")));
        CHECK(get(rt, a, "3").is_undefined());
        CHECK(key_names(a->own_property_keys(rt)) == std::vector<std::string>{"0", "5", "length"});
    }

    TEST_CASE("setting length lower deletes the elements at and above it") {
        Runtime rt;
        Value values[] = {Value(0), Value(1), Value(2), Value(3), Value(4)};
        Array* a = Array::create_from(rt, values);
        CHECK(set_length(rt, a, Value(2)));
        CHECK(a->length() == 2);
        CHECK_FALSE(a->has_own_property(rt.key("2")));
        CHECK(set_length(rt, a, Value(4))); // growing again brings holes, not the old values
        CHECK(get(rt, a, "3").is_undefined());
        CHECK(key_names(a->own_property_keys(rt)) == std::vector<std::string>{"0", "1", "length"});
    }

    TEST_CASE("length accepts only values that are valid uint32 numbers") {
        Runtime rt;
        Array* a = Array::create(rt, 3);
        for (Value bad : {Value(-1), Value(1.5), Value(4294967296.0), Value(rt.string("x"))}) {
            auto r = a->set(rt, rt.key("length"), bad, Value(a));
            REQUIRE(r.is_throw());
            CHECK(get(rt, r.thrown_value().as_object(), "name").as_string()->to_utf8() ==
                  "RangeError");
        }
        CHECK(set_length(rt, a, Value(rt.string("  10 "))));
        CHECK(a->length() == 10);
        CHECK(set_length(rt, a, Value(4294967295.0)));
        CHECK(a->length() == 4294967295u);
    }

    TEST_CASE("length is writable, not enumerable, not configurable, and cannot be deleted") {
        Runtime rt;
        Array* a = Array::create(rt, 2);
        auto d = a->get_own_property(rt.key("length"));
        REQUIRE(d);
        CHECK(*d->writable);
        CHECK_FALSE(*d->enumerable);
        CHECK_FALSE(*d->configurable);
        CHECK(d->value->as_number() == 2);
        CHECK_FALSE(a->delete_property(rt, rt.key("length")));
        PropertyDescriptor enumerable;
        enumerable.enumerable = true;
        CHECK_FALSE(a->define_own_property(rt, rt.key("length"), enumerable).value());
    }

    TEST_CASE("a read-only length blocks growth but allows writes below it") {
        Runtime rt;
        Value values[] = {Value(1), Value(2)};
        Array* a = Array::create_from(rt, values);
        PropertyDescriptor freeze_length;
        freeze_length.writable = false;
        CHECK(a->define_own_property(rt, rt.key("length"), freeze_length).value());
        CHECK_FALSE(a->set(rt, rt.key("2"), Value(3), Value(a)).value());
        CHECK(a->length() == 2);
        CHECK(a->set(rt, rt.key("0"), Value(9), Value(a)).value());
        CHECK(get(rt, a, "0").as_int32() == 9);
        CHECK_FALSE(set_length(rt, a, Value(1)));
        CHECK(a->length() == 2);
    }

    TEST_CASE("truncation stops at a non-configurable element") {
        Runtime rt;
        Array* a = Array::create(rt);
        for (uint32_t i = 0; i < 6; ++i) a->push(rt, Value::number(i));
        PropertyDescriptor pin;
        pin.configurable = false;
        CHECK(a->define_own_property(rt, PropertyKey::index(3), pin).value());
        CHECK(a->elements().is_sparse());
        CHECK_FALSE(set_length(rt, a, Value(1)));
        CHECK(a->length() == 4);
        CHECK(get(rt, a, "3").as_number() == 3);
        CHECK_FALSE(a->has_own_property(rt.key("4")));
        CHECK(a->has_own_property(rt.key("2")));
    }

    TEST_CASE("a huge index makes the elements sparse instead of allocating up to it") {
        Runtime rt;
        Array* a = Array::create(rt);
        a->push(rt, Value(1));
        CHECK(a->set(rt, rt.key("1000000000"), Value(2), Value(a)).value());
        CHECK(a->elements().is_sparse());
        CHECK(a->length() == 1'000'000'001u);
        CHECK(a->elements().owned_bytes() < 1024);
        CHECK(key_names(a->own_property_keys(rt)) ==
              std::vector<std::string>{"0", "1000000000", "length"});
        CHECK(set_length(rt, a, Value(1)));
        CHECK(key_names(a->own_property_keys(rt)) == std::vector<std::string>{"0", "length"});
    }

    TEST_CASE("named properties of an array come after length in key order") {
        Runtime rt;
        Array* a = Array::create(rt, 1);
        a->put_direct(rt, rt.key("extra"), Value(1));
        a->put_direct(rt, PropertyKey::symbol(rt.make_symbol(rt.string("tag"))), Value(2));
        a->put_direct(rt, rt.key("0"), Value(3));
        CHECK(key_names(a->own_property_keys(rt)) ==
              std::vector<std::string>{"0", "length", "extra", "Symbol(tag)"});
    }

    TEST_CASE("an accessor element is allowed and is called on get") {
        Runtime rt;
        Array* a = Array::create(rt);
        a->put_accessor(rt, PropertyKey::index(2),
                        Value(NativeFunction::create(rt, "g", 0, returns_seven)), Value());
        CHECK(a->length() == 0); // put_accessor bypasses [[DefineOwnProperty]]
        PropertyDescriptor d;
        d.get = Value(NativeFunction::create(rt, "g", 0, returns_seven));
        CHECK(a->define_own_property(rt, PropertyKey::index(4), d).value());
        CHECK(a->length() == 5);
        CHECK(get(rt, a, "4").as_int32() == 7);
    }

    TEST_CASE("elements survive collection and a deleted element leaves a hole") {
        Runtime rt;
        Root<Array> a(rt.heap(), Array::create(rt));
        for (int i = 0; i < 100; ++i) a->push(rt, Value(rt.string("s" + std::to_string(i))));
        rt.heap().collect();
        CHECK(get(rt, a.get(), "99").as_string()->to_utf8() == "s99");
        CHECK(a->delete_property(rt, rt.key("50")));
        CHECK(a->length() == 100);
        CHECK_FALSE(a->has_own_property(rt.key("50")));
        CHECK(a->own_property_keys(rt).size() == 100); // 99 elements + length
    }

} // TEST_SUITE
