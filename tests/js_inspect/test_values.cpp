// Values built through the runtime's C++ API (no interpreter involved in building them),
// inspected with inspect() and format_log_args(), against what node printed for the same
// values (data/cpp_values.js, one console.log per CHECK below, in order).
#include "model/js/builtins/map_set.h"
#include "model/js/inspect.h"
#include "tests/js_inspect/inspect_test_support.h"

#include <cmath>
#include <doctest/doctest.h>
#include <initializer_list>
#include <limits>
#include <utility>

using namespace loopsim::js;
using loopsim::js::inspect_testing::ConsoleMachine;
using loopsim::js::inspect_testing::recorded_stdout;
using loopsim::js::inspect_testing::split_lines;

namespace {

// Hands out the recorded stdout one console.log at a time: as many lines as the output it
// is compared with.
class RecordedLines {
public:
    explicit RecordedLines(const std::string& program)
        : m_lines(split_lines(recorded_stdout(program))) {}

    std::string next_like(const std::string& actual) {
        size_t count = split_lines(actual).size();
        std::string out;
        for (size_t i = 0; i < count && m_next < m_lines.size(); ++i) {
            if (i) out += "\n";
            out += m_lines[m_next++];
        }
        return out;
    }
    bool at_end() const { return m_next == m_lines.size(); }

private:
    std::vector<std::string> m_lines;
    size_t m_next = 0;
};

struct Builder {
    Runtime& rt;

    Object* object(std::initializer_list<std::pair<const char*, Value>> properties) {
        Object* o = Object::create(rt, rt.object_prototype());
        for (const auto& [key, value] : properties) o->put_direct(rt, rt.key(key), value);
        return o;
    }
    Array* array(std::initializer_list<Value> values) {
        std::vector<Value> list(values);
        return Array::create_from(rt, list);
    }
    Array* range(int from, int to) {
        Array* a = Array::create(rt);
        for (int i = from; i <= to; ++i) a->push(rt, Value(i));
        return a;
    }
    Value str(const char* text) { return Value(rt.string(text)); }
    CollectionObject* collection(CellKind kind) {
        Intrinsic prototype =
            kind == CellKind::MapObject ? Intrinsic::MapPrototype : Intrinsic::SetPrototype;
        return rt.heap().allocate<CollectionObject>(rt, rt.intrinsic(prototype), kind);
    }
};

} // namespace

TEST_SUITE("inspect values built in C++") {

    TEST_CASE("values built through the object API print as node prints them") {
        ConsoleMachine m;
        Runtime& rt = m.runtime;
        DeferGC no_collection(rt.heap());
        Builder b{rt};
        RecordedLines node("tests/js_inspect/data/cpp_values.js");
        auto check = [&](const std::string& actual) { CHECK(actual == node.next_like(actual)); };
        auto log = [&](Value v) { return format_log_args(rt, std::span<const Value>(&v, 1)); };

        check(log(Value(b.object({{"a", Value(1)},
                                  {"b", b.str("two")},
                                  {"c", Value(b.array({Value(1), Value(2), Value(3)}))}}))));
        Array* thirty = b.range(1, 30);
        check(log(Value(thirty)));
        Object* bottom = b.object({{"bottom", Value(1)}});
        Object* deepest = b.object({{"deepest", Value(bottom)}});
        Object* deeper = b.object({{"deeper", Value(deepest)}});
        check(log(Value(b.object({{"nested", Value(deeper)}}))));
        Object* loop = b.object({{"name", b.str("loop")}});
        loop->put_direct(rt, rt.key("self"), Value(loop));
        check(log(Value(loop)));
        check(log(Value(
            b.array({Value(-0.0), Value(0), b.str("it's"), Value(), Value::null(), Value(true)}))));
        CollectionObject* map = b.collection(CellKind::MapObject);
        map->table().set(b.str("a"), Value(1));
        map->table().set(b.str("b"), Value(2));
        check(log(Value(map)));
        CollectionObject* set = b.collection(CellKind::SetObject);
        set->table().set(Value(1), Value());
        check(log(Value(set)));
        Array* sparse = b.array({Value(1)});
        (void)sparse->set(rt, PropertyKey::index(3), Value(4), Value(sparse));
        check(log(Value(sparse)));
        check(log(Value(Object::create(rt, nullptr))));

        InspectOptions depth0;
        depth0.depth = 0;
        check(inspect(rt, Value(b.object({{"nested", Value(b.object({{"deeper", Value(1)}}))}})),
                      depth0));
        InspectOptions narrow;
        narrow.break_length = 40;
        check(inspect(rt, Value(thirty), narrow));
        InspectOptions not_compact;
        not_compact.compact = 0;
        check(inspect(rt, Value(b.object({{"a", Value(1)}, {"b", Value(2)}})), not_compact));
        check(inspect(rt, b.str("top-level string")));
        InspectOptions two_items;
        two_items.max_array_length = 2;
        check(inspect(rt, Value(b.range(1, 5)), two_items));
        InspectOptions ten_chars;
        ten_chars.max_string_length = 10;
        check(inspect(rt, b.str("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"), ten_chars));
        Value args[] = {b.str("%s=%d"), b.str("n"), Value(5), Value(b.object({{"k", Value(1)}}))};
        check(format_log_args(rt, args));
        InspectOptions unlimited;
        unlimited.depth = InspectOptions::kUnlimitedDepth;
        unlimited.break_length = std::numeric_limits<int>::max();
        check(
            inspect(rt, Value(b.object({{"a", Value(b.array({Value(1), Value(2)}))}})), unlimited));
        CHECK(node.at_end());
    }

    TEST_CASE("a string argument alone is printed as it is, without quotes or escapes") {
        ConsoleMachine m;
        Value text(m.runtime.string("it's\tnot\nquoted"));
        CHECK(format_log_args(m.runtime, std::span<const Value>(&text, 1)) == "it's\tnot\nquoted");
        CHECK(format_log_args(m.runtime, {}) == "");
    }

} // TEST_SUITE
