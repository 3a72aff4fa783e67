// Tests for model/js/object.h and shape.h: shapes, key order, attributes, accessors,
// prototype chains and dictionary mode.
#include "js_test_support.h"
#include "model/js/function.h"
#include "model/js/object.h"
#include "model/js/promise.h"
#include "model/js/promise_jobs.h"
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

// A getter that returns 10 times the receiver's "base", counting its calls in data().
Completion times_ten_getter(Runtime& rt, NativeFunction& self, Value this_value,
                            std::span<const Value>) {
    self.set_data(Value::number(self.data().as_number() + 1));
    Value base = LOOPSIM_TRY(this_value.as_object()->get(rt, rt.key("base")));
    return Value::number(base.as_number() * 10);
}

// A setter that stores its argument into the receiver's "seen".
Completion recording_setter(Runtime& rt, NativeFunction&, Value this_value,
                            std::span<const Value> args) {
    LOOPSIM_TRY(this_value.as_object()->set_or_throw(rt, rt.key("seen"), args[0]));
    return Value();
}

Completion throwing_getter(Runtime& rt, NativeFunction&, Value, std::span<const Value>) {
    return rt.throw_error(ErrorType::RangeError, "getter failed");
}

} // namespace

TEST_SUITE("object") {

    TEST_CASE(
        "own keys come as indices ascending, then strings, then symbols, each in creation order") {
        Runtime rt;
        Object* o = Object::create(rt, nullptr);
        Symbol* s1 = rt.make_symbol(rt.string("s1"));
        Symbol* s2 = rt.make_symbol(rt.string("s2"));
        o->put_direct(rt, rt.key("b"), Value(1));
        o->put_direct(rt, PropertyKey::symbol(s2), Value(2));
        o->put_direct(rt, rt.key("10"), Value(3));
        o->put_direct(rt, rt.key("a"), Value(4));
        o->put_direct(rt, rt.key("2"), Value(5));
        o->put_direct(rt, PropertyKey::symbol(s1), Value(6));
        o->put_direct(rt, rt.key("01"), Value(7));
        o->put_direct(rt, rt.key("4294967295"), Value(8));
        auto names = key_names(o->own_property_keys(rt));
        std::vector<std::string> expected{"2",  "10",         "b",          "a",
                                          "01", "4294967295", "Symbol(s2)", "Symbol(s1)"};
        CHECK(names == expected);
    }

    TEST_CASE("objects built with the same keys in the same order share one shape") {
        Runtime rt;
        auto build = [&](std::initializer_list<const char*> keys) {
            Object* o = Object::create(rt, nullptr);
            int i = 0;
            for (const char* k : keys) o->put_direct(rt, rt.key(k), Value(i++));
            return o;
        };
        Object* p1 = build({"x", "y"});
        Object* p2 = build({"x", "y"});
        Object* q = build({"y", "x"});
        CHECK(p1->shape() == p2->shape());
        CHECK(p1->shape() != q->shape());
        CHECK(p1->shape()->property_count() == 2);
        auto location = p1->shape()->lookup(rt.key("y"));
        REQUIRE(location);
        CHECK(location->slot == 1);
        CHECK(p2->slot(location->slot).as_int32() == 1);
        // Same keys with different attributes is a different shape.
        Object* r = Object::create(rt, nullptr);
        r->put_direct(rt, rt.key("x"), Value(0), attr::Builtin);
        CHECK(r->shape() != build({"x"})->shape());
    }

    TEST_CASE("deleting the last added property steps back to the shared parent shape") {
        Runtime rt;
        Object* a = Object::create(rt, nullptr);
        a->put_direct(rt, rt.key("x"), Value(1));
        Shape* after_x = a->shape();
        a->put_direct(rt, rt.key("y"), Value(2));
        CHECK(a->delete_property(rt, rt.key("y")));
        CHECK(a->shape() == after_x);
        CHECK_FALSE(a->is_dictionary());
        CHECK(get(rt, a, "y").is_undefined());
    }

    TEST_CASE("deleting a middle property moves to dictionary mode and keeps the order") {
        Runtime rt;
        Root<Object> o(rt.heap(), Object::create(rt, nullptr));
        for (const char* k : {"a", "b", "c", "d"})
            o->put_direct(rt, rt.key(k), Value(rt.string(k)));
        CHECK(o->delete_property(rt, rt.key("b")));
        CHECK(o->is_dictionary());
        CHECK(o->shape()->is_dictionary());
        CHECK(key_names(o->own_property_keys(rt)) == std::vector<std::string>{"a", "c", "d"});
        o->put_direct(rt, rt.key("b"), Value(9)); // re-created: goes last
        CHECK(key_names(o->own_property_keys(rt)) == std::vector<std::string>{"a", "c", "d", "b"});
        CHECK(get(rt, o, "c").as_string()->to_utf8() == "c");
        CHECK(get(rt, o, "b").as_int32() == 9);
        rt.heap().collect(); // the dictionary's keys and values are traced
        CHECK(get(rt, o, "d").as_string()->to_utf8() == "d");
        CHECK(key_names(o->own_property_keys(rt)) == std::vector<std::string>{"a", "c", "d", "b"});
    }

    TEST_CASE(
        "an object past the fast-property limit becomes a dictionary with every value intact") {
        Runtime rt;
        Root<Object> o(rt.heap(), Object::create(rt, nullptr));
        for (uint32_t i = 0; i < Shape::kMaxFastProperties + 50; ++i)
            o->put_direct(rt, rt.key("p" + std::to_string(i)), Value::number(i));
        CHECK(o->is_dictionary());
        rt.heap().collect();
        for (uint32_t i = 0; i < Shape::kMaxFastProperties + 50; i += 17)
            CHECK(get(rt, o.get(), ("p" + std::to_string(i)).c_str()).as_number() == i);
        auto keys = o->own_property_keys(rt);
        REQUIRE(keys.size() == Shape::kMaxFastProperties + 50);
        CHECK(keys.front().as_string()->to_utf8() == "p0");
        CHECK(keys.back().as_string()->to_utf8() == "p177");
    }

    TEST_CASE("get follows the prototype chain and set creates an own property on the receiver") {
        Runtime rt;
        Object* proto = Object::create(rt, nullptr);
        proto->put_direct(rt, rt.key("shared"), Value(1));
        Object* child = Object::create(rt, proto);
        CHECK(get(rt, child, "shared").as_int32() == 1);
        CHECK(child->has_property(rt.key("shared")));
        CHECK_FALSE(child->has_own_property(rt.key("shared")));
        auto ok = child->set(rt, rt.key("shared"), Value(2), Value(child));
        REQUIRE_FALSE(ok.is_throw());
        CHECK(ok.value());
        CHECK(get(rt, child, "shared").as_int32() == 2);
        CHECK(get(rt, proto, "shared").as_int32() == 1);
    }

    TEST_CASE("a read-only property, own or inherited, refuses assignment") {
        Runtime rt;
        Object* proto = Object::create(rt, nullptr);
        proto->put_direct(rt, rt.key("fixed"), Value(1), attr::Enumerable);
        Object* child = Object::create(rt, proto);
        auto result = child->set(rt, rt.key("fixed"), Value(2), Value(child));
        CHECK_FALSE(result.value());
        CHECK_FALSE(child->has_own_property(rt.key("fixed")));
        auto thrown = proto->set_or_throw(rt, rt.key("fixed"), Value(3));
        REQUIRE(thrown.is_throw());
        Object* error = thrown.thrown_value().as_object();
        CHECK(get(rt, error, "name").as_string()->to_utf8() == "TypeError");
        CHECK(get(rt, proto, "fixed").as_int32() == 1);
    }

    TEST_CASE("accessors call native getters and setters with the receiver as this") {
        Runtime rt;
        NativeFunction* getter = NativeFunction::create(rt, "get v", 0, times_ten_getter, Value(0));
        NativeFunction* setter = NativeFunction::create(rt, "set v", 1, recording_setter);
        Object* proto = Object::create(rt, nullptr);
        proto->put_accessor(rt, rt.key("v"), Value(getter), Value(setter));
        Object* child = Object::create(rt, proto);
        child->put_direct(rt, rt.key("base"), Value(4));
        CHECK(get(rt, child, "v").as_number() == 40);
        CHECK(getter->data().as_number() == 1);
        auto set = child->set(rt, rt.key("v"), Value(rt.string("hello")), Value(child));
        REQUIRE_FALSE(set.is_throw());
        CHECK(get(rt, child, "seen").as_string()->to_utf8() == "hello");
        CHECK_FALSE(child->has_own_property(rt.key("v"))); // the setter ran; no own "v" appeared
        auto descriptor = proto->get_own_property(rt.key("v"));
        REQUIRE(descriptor);
        CHECK(descriptor->is_accessor_descriptor());
        CHECK(descriptor->get->as_cell() == getter);
        CHECK_FALSE(*descriptor->enumerable);
    }

    TEST_CASE("an exception thrown by a getter comes back as a throw completion") {
        Runtime rt;
        Object* o = Object::create(rt, nullptr);
        o->put_accessor(rt, rt.key("bad"),
                        Value(NativeFunction::create(rt, "bad", 0, throwing_getter)), Value());
        Completion c = o->get(rt, rt.key("bad"));
        REQUIRE(c.is_throw());
        CHECK(get(rt, c.thrown_value().as_object(), "message").as_string()->to_utf8() ==
              "getter failed");
        // An accessor without a setter makes assignment fail, without throwing.
        auto set = o->set(rt, rt.key("bad"), Value(1), Value(o));
        CHECK_FALSE(set.is_throw());
        CHECK_FALSE(set.value());
    }

    TEST_CASE("define_own_property enforces non-configurable and non-writable invariants") {
        Runtime rt;
        Object* o = Object::create(rt, nullptr);
        auto define = [&](const PropertyDescriptor& d) {
            return o->define_own_property(rt, rt.key("p"), d).value();
        };
        PropertyDescriptor frozen;
        frozen.value = Value(1);
        CHECK(define(frozen)); // absent fields default to false
        auto got = o->get_own_property(rt.key("p"));
        CHECK_FALSE(*got->writable);
        CHECK_FALSE(*got->enumerable);
        CHECK_FALSE(*got->configurable);
        PropertyDescriptor same_value;
        same_value.value = Value(1.0); // the same number, stored as a double
        CHECK(define(same_value));
        PropertyDescriptor other_value;
        other_value.value = Value(2);
        CHECK_FALSE(define(other_value));
        PropertyDescriptor make_configurable;
        make_configurable.configurable = true;
        CHECK_FALSE(define(make_configurable));
        PropertyDescriptor to_accessor;
        to_accessor.get = Value();
        CHECK_FALSE(define(to_accessor));
        CHECK_FALSE(o->delete_property(rt, rt.key("p")));
        CHECK(get(rt, o, "p").as_number() == 1);
    }

    TEST_CASE("a configurable data property can become an accessor and back") {
        Runtime rt;
        Object* o = Object::create(rt, nullptr);
        o->put_direct(rt, rt.key("p"), Value(1));
        PropertyDescriptor to_accessor;
        to_accessor.get = Value(NativeFunction::create(rt, "g", 0, throwing_getter));
        CHECK(o->define_own_property(rt, rt.key("p"), to_accessor).value());
        auto d = o->get_own_property(rt.key("p"));
        CHECK(d->is_accessor_descriptor());
        CHECK(d->set->is_undefined());
        CHECK(*d->enumerable); // kept from the data property
        PropertyDescriptor to_data;
        to_data.value = Value(5);
        CHECK(o->define_own_property(rt, rt.key("p"), to_data).value());
        d = o->get_own_property(rt.key("p"));
        CHECK(d->is_data_descriptor());
        CHECK_FALSE(*d->writable); // writable defaults to false on conversion
        CHECK(get(rt, o, "p").as_int32() == 5);
    }

    TEST_CASE("a non-extensible object rejects new properties but keeps existing ones") {
        Runtime rt;
        Object* o = Object::create(rt, nullptr);
        o->put_direct(rt, rt.key("a"), Value(1));
        CHECK(o->prevent_extensions());
        CHECK_FALSE(o->create_data_property(rt, rt.key("b"), Value(2)).value());
        CHECK_FALSE(o->create_data_property(rt, rt.key("7"), Value(2)).value());
        CHECK(o->set(rt, rt.key("a"), Value(3), Value(o)).value());
        CHECK(get(rt, o, "a").as_int32() == 3);
        CHECK_FALSE(o->set_prototype(Object::create(rt, nullptr)));
    }

    TEST_CASE("set_prototype refuses to create a cycle") {
        Runtime rt;
        Object* a = Object::create(rt, nullptr);
        Object* b = Object::create(rt, a);
        Object* c = Object::create(rt, b);
        CHECK_FALSE(a->set_prototype(c));
        CHECK_FALSE(a->set_prototype(a));
        CHECK(a->prototype() == nullptr);
        CHECK(c->set_prototype(nullptr));
        CHECK(a->set_prototype(c));
    }

    TEST_CASE("objects and their properties survive collection when rooted and go when not") {
        Runtime rt;
        size_t baseline = (rt.heap().collect(), rt.heap().stats().heap_cells);
        {
            Root<Object> o(rt.heap(), Object::create(rt, nullptr));
            o->put_direct(rt, rt.key("child"), Value(Object::create(rt, nullptr)));
            o->put_direct(rt, rt.key("3"), Value(rt.string("element")));
            rt.heap().collect();
            Object* child = get(rt, o.get(), "child").as_object();
            child->put_direct(rt, rt.key("back"), Value(o.get())); // a cycle
            rt.heap().collect();
            CHECK(get(rt, o.get(), "3").as_string()->to_utf8() == "element");
            CHECK(get(rt, child, "back").as_object() == o.get());
        }
        rt.heap().collect();
        CHECK(rt.heap().stats().heap_cells == baseline);
    }

    TEST_CASE("an object made with inline slots keeps every value when it outgrows them") {
        Runtime rt;
        Root<Object> o(rt.heap(), Object::create_with_slots(rt, nullptr, 2));
        const size_t inline_bytes = o->heap_bytes();
        CHECK(inline_bytes == sizeof(Object) + 2 * sizeof(Value)); // one allocation
        std::vector<std::string> expected;
        for (int i = 0; i < 10; ++i) {
            const std::string k = "k" + std::to_string(i);
            o->put_direct(rt, rt.key(k), Value(rt.string("v" + std::to_string(i))));
            expected.push_back(k);
            if (i == 1) CHECK(o->heap_bytes() == inline_bytes); // still inline
        }
        CHECK(o->heap_bytes() > inline_bytes); // the slots moved to a buffer, counted
        rt.heap().collect();
        CHECK(key_names(o->own_property_keys(rt)) == expected);
        for (int i = 0; i < 10; ++i)
            CHECK(loopsim::js::testing::utf8(get(rt, o.get(), ("k" + std::to_string(i)).c_str())) ==
                  "v" + std::to_string(i));
        // Deleting a middle property moves it to dictionary mode; the values go along.
        CHECK(o->delete_property(rt, rt.key("k4")));
        CHECK(o->is_dictionary());
        rt.heap().collect();
        expected.erase(expected.begin() + 4);
        CHECK(key_names(o->own_property_keys(rt)) == expected);
        CHECK(loopsim::js::testing::utf8(get(rt, o.get(), "k9")) == "v9");
        // Elements on an object that had none: the extras record appears, reads see them.
        CHECK(o->elements().is_empty());
        o->put_direct(rt, rt.key("7"), Value(rt.string("seven")));
        rt.heap().collect();
        CHECK(loopsim::js::testing::utf8(get(rt, o.get(), "7")) == "seven");
    }

    TEST_CASE("the cells there are millions of stay small") {
        // The memory targets of bench/programs rest on these sizes (docs/runtime.md).
        CHECK(sizeof(Cell) == 16);
        CHECK(sizeof(Object) == 56);
        CHECK(sizeof(Closure) == 72);
        CHECK(sizeof(loopsim::js::Promise) == 88);
        CHECK(sizeof(loopsim::js::PromiseReaction) == 48);
        CHECK(sizeof(loopsim::js::PromiseReactionJob) == 48);
    }

} // TEST_SUITE
