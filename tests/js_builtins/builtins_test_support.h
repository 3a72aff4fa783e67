#pragma once
// Helpers for the tests/js_builtins suites: a runtime with the built-ins installed, and the
// C++ half of the recorded-case protocol of tests/js_builtins/data/harness.js: decode a case
// (built-in path, receiver, arguments), call loopsim's built-in, encode the result the way
// the harness encodes node's, and compare with the recorded line.
#include "model/js/builtins/builtin_support.h"
#include "model/js/builtins/builtins.h"
#include "model/js/builtins/map_set.h"
#include "model/js/conversions.h"
#include "model/js/runtime.h"

#include <cmath>
#include <doctest/doctest.h>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

namespace loopsim::js::testing {

using nlohmann::json;

// --- the named functions of harness.js, as natives
// ------------------------------------------------

inline Completion named_num_asc(Runtime& rt, NativeFunction&, Value, std::span<const Value> a) {
    double x = LOOPSIM_TRY(to_number(rt, arg(a, 0))), y = LOOPSIM_TRY(to_number(rt, arg(a, 1)));
    return Value::number(x - y);
}
inline Completion named_num_desc(Runtime& rt, NativeFunction&, Value, std::span<const Value> a) {
    double x = LOOPSIM_TRY(to_number(rt, arg(a, 0))), y = LOOPSIM_TRY(to_number(rt, arg(a, 1)));
    return Value::number(y - x);
}
inline Completion named_by_k(Runtime& rt, NativeFunction&, Value, std::span<const Value> a) {
    Value x = LOOPSIM_TRY(get_named(rt, *arg(a, 0).as_object(), "k"));
    Value y = LOOPSIM_TRY(get_named(rt, *arg(a, 1).as_object(), "k"));
    return Value::number(x.as_number() - y.as_number());
}
inline Completion named_double(Runtime& rt, NativeFunction&, Value, std::span<const Value> a) {
    return Value::number(LOOPSIM_TRY(to_number(rt, arg(a, 0))) * 2);
}
inline Completion named_is_even(Runtime& rt, NativeFunction&, Value, std::span<const Value> a) {
    return Value(std::fmod(LOOPSIM_TRY(to_number(rt, arg(a, 0))), 2.0) == 0);
}
inline Completion named_gt2(Runtime& rt, NativeFunction&, Value, std::span<const Value> a) {
    return Value(LOOPSIM_TRY(to_number(rt, arg(a, 0))) > 2);
}
inline Completion named_sum(Runtime& rt, NativeFunction&, Value, std::span<const Value> a) {
    Value x = LOOPSIM_TRY(to_primitive(rt, arg(a, 0)));
    Value y = LOOPSIM_TRY(to_primitive(rt, arg(a, 1)));
    if (x.is_string() || y.is_string()) {
        String* sx = LOOPSIM_TRY(to_string(rt, x));
        String* sy = LOOPSIM_TRY(to_string(rt, y));
        return Value(String::concat(rt.heap(), sx, sy));
    }
    return Value::number(LOOPSIM_TRY(to_number(rt, x)) + LOOPSIM_TRY(to_number(rt, y)));
}
inline Completion named_to_pair(Runtime& rt, NativeFunction&, Value, std::span<const Value> a) {
    Value pair[2] = {arg(a, 0), arg(a, 1)};
    return Value(create_array(rt, pair));
}
inline Completion named_mark_match(Runtime& rt, NativeFunction&, Value, std::span<const Value> a) {
    std::string text = "[" + arg(a, 0).as_string()->to_utf8() + "@" +
                       number_to_string(arg(a, 1).as_number()) + ":" +
                       std::to_string(arg(a, 2).as_string()->length()) + "]";
    return Value(rt.string(text));
}
inline Completion named_times10(Runtime&, NativeFunction&, Value, std::span<const Value> a) {
    Value v = arg(a, 1);
    return v.is_number() ? Value::number(v.as_number() * 10) : v;
}
inline Completion named_drop_b(Runtime&, NativeFunction&, Value, std::span<const Value> a) {
    Value k = arg(a, 0);
    return k.is_string() && k.as_string()->equals_ascii("b") ? Value() : arg(a, 1);
}
inline Completion named_throws(Runtime& rt, NativeFunction&, Value, std::span<const Value>) {
    return rt.throw_error(ErrorType::TypeError, "boom");
}
inline Completion named_const_zero(Runtime&, NativeFunction&, Value, std::span<const Value>) {
    return Value(0);
}

class BuiltinsFixture {
public:
    explicit BuiltinsFixture(HeapOptions options = {}) : rt(options), global_root(rt.heap()) {
        Object* global = Object::create(rt, nullptr);
        global_root.set(global);
        install_builtins(rt, *global);
    }

    Object& global() { return *global_root.get(); }

    // "Array.prototype.sort" -> the value, from the global object.
    Value resolve(const std::string& path) {
        Value target(&global());
        std::stringstream parts(path);
        std::string part;
        while (std::getline(parts, part, '.'))
            target = target.as_object()->get(rt, rt.key(part)).value();
        return target;
    }

    Value named(const std::string& name) {
        static const std::pair<const char*, NativeFn> table[] = {
            {"num_asc", named_num_asc},
            {"num_desc", named_num_desc},
            {"by_k", named_by_k},
            {"double", named_double},
            {"is_even", named_is_even},
            {"gt2", named_gt2},
            {"sum", named_sum},
            {"to_pair", named_to_pair},
            {"mark_match", named_mark_match},
            {"times10", named_times10},
            {"drop_b", named_drop_b},
            {"throws", named_throws},
            {"const_zero", named_const_zero},
        };
        for (auto& [n, fn] : table)
            if (name == n) return Value(NativeFunction::create(rt, name, 0, fn));
        FAIL("unknown named function " << name);
        return Value();
    }

    Value decode(const json& v) {
        if (v.is_null()) return Value::null();
        if (v.is_boolean()) return Value(v.get<bool>());
        if (v.is_number()) return Value::number(v.get<double>());
        if (v.is_string()) return Value(rt.string(v.get<std::string>()));
        if (v.is_array()) {
            std::vector<Value> items;
            for (const auto& x : v) items.push_back(decode(x));
            return Value(create_array(rt, items));
        }
        if (v.contains("$")) {
            std::string tag = v["$"];
            if (tag == "undefined") return Value();
            if (tag == "NaN") return Value(NAN);
            if (tag == "-0") return Value(-0.0);
            if (tag == "Infinity") return Value(INFINITY);
            if (tag == "-Infinity") return Value(-INFINITY);
        }
        if (v.contains("$array")) {
            Array* array = Array::create(rt, static_cast<uint32_t>(v["$array"].size()));
            uint32_t i = 0;
            for (const auto& x : v["$array"]) {
                if (!(x.is_object() && x.contains("$") && x["$"] == "hole"))
                    (void)array->create_data_property(rt, PropertyKey::index(i), decode(x));
                ++i;
            }
            return Value(array);
        }
        if (v.contains("$object")) {
            Object* object = create_plain_object(rt);
            for (const auto& kv : v["$object"])
                (void)object->create_data_property(rt, rt.key(kv[0].get<std::string>()),
                                                   decode(kv[1]));
            return Value(object);
        }
        if (v.contains("$map") || v.contains("$set")) {
            bool is_map = v.contains("$map");
            Value items = decode(is_map ? v["$map"] : v["$set"]);
            return rt.construct(resolve(is_map ? "Map" : "Set"), {&items, 1}).value();
        }
        if (v.contains("$fn")) return named(v["$fn"]);
        if (v.contains("$u16")) {
            std::u16string units;
            for (const auto& u : v["$u16"]) units.push_back(static_cast<char16_t>(u.get<int>()));
            return Value(String::from_utf16(rt.heap(), units));
        }
        FAIL("cannot decode " << v.dump());
        return Value();
    }

    json encode(Value v, int depth = 0) {
        if (depth > 8) return "...";
        if (v.is_undefined()) return json{{"$", "undefined"}};
        if (v.is_number()) {
            double d = v.as_number();
            if (std::isnan(d)) return json{{"$", "NaN"}};
            if (d == 0 && std::signbit(d)) return json{{"$", "-0"}};
            if (std::isinf(d)) return json{{"$", d > 0 ? "Infinity" : "-Infinity"}};
            if (v.is_int32()) return v.as_int32();
            return d;
        }
        if (v.is_null()) return nullptr;
        if (v.is_boolean()) return v.as_bool();
        if (v.is_string()) {
            std::u16string units = v.as_string()->to_utf16();
            bool well_formed = true;
            for (size_t i = 0; i < units.size(); ++i) {
                char16_t c = units[i];
                if (c >= 0xD800 && c <= 0xDBFF && i + 1 < units.size() && units[i + 1] >= 0xDC00 &&
                    units[i + 1] <= 0xDFFF)
                    ++i;
                else if (c >= 0xD800 && c <= 0xDFFF)
                    well_formed = false;
            }
            if (well_formed) return v.as_string()->to_utf8();
            json list = json::array();
            for (char16_t c : units) list.push_back(static_cast<int>(c));
            return json{{"$u16", list}};
        }
        if (v.is_symbol()) {
            String* d = v.as_symbol()->description();
            return json{{"$", "symbol"}, {"description", d ? json(d->to_utf8()) : json(nullptr)}};
        }
        Object& object = *v.as_object();
        if (Runtime::is_callable(v))
            return json{{"$", "function"},
                        {"name", get_named(rt, object, "name").value().as_string()->to_utf8()}};
        if (is_array(v)) {
            json items = json::array();
            auto& array = static_cast<Array&>(object);
            for (uint32_t i = 0; i < array.length(); ++i) {
                if (!array.has_property(PropertyKey::index(i)))
                    items.push_back(json{{"$", "hole"}});
                else
                    items.push_back(
                        encode(array.get(rt, PropertyKey::index(i)).value(), depth + 1));
            }
            return json{{"$array", items}};
        }
        if (object.kind() == CellKind::MapObject || object.kind() == CellKind::SetObject) {
            bool is_map = object.kind() == CellKind::MapObject;
            json items = json::array();
            for (const auto& entry : static_cast<CollectionObject&>(object).table().entries()) {
                if (entry.key.is_empty()) continue;
                if (is_map)
                    items.push_back(json::array(
                        {encode(entry.key, depth + 1), encode(entry.value, depth + 1)}));
                else
                    items.push_back(encode(entry.key, depth + 1));
            }
            return json{{is_map ? "$map" : "$set", items}};
        }
        json pairs = json::array();
        for (PropertyKey key : object.own_property_keys(rt)) {
            if (key.is_symbol()) continue;
            OwnProperty property;
            if (!object.lookup_own(key, property) || (property.attributes & attr::Enumerable) == 0)
                continue;
            pairs.push_back(json::array({key_to_value(rt, key).as_string()->to_utf8(),
                                         encode(object.get(rt, key).value(), depth + 1)}));
        }
        return json{{"$object", pairs}};
    }

    std::string describe_thrown(Value thrown) {
        if (!thrown.is_object()) return "non-object thrown";
        Object& error = *thrown.as_object();
        return get_named(rt, error, "name").value().as_string()->to_utf8() + ": " +
               get_named(rt, error, "message").value().as_string()->to_utf8();
    }

    json run_case(const json& c) {
        Value fn = resolve(c["fn"]);
        RootedValue self(rt.heap(), c.contains("this") ? decode(c["this"]) : Value());
        RootedVector args(rt.heap());
        if (c.contains("args"))
            for (const auto& a : c["args"]) args.push_back(decode(a));
        Completion result = c.value("construct", false) ? rt.construct(fn, args.values())
                                                        : rt.call(fn, self.get(), args.values());
        if (result.is_throw()) return json{{"error", describe_thrown(result.thrown_value())}};
        json out{{"ok", encode(result.value())}};
        if (c.value("show_this", false)) out["this"] = encode(self.get());
        return out;
    }

    Runtime rt;
    Root<Object> global_root;
};

// The recorded stdout lines of tests/js_builtins/data/<name>.expect.json.
inline std::vector<json> recorded_cases(const std::string& name) {
    std::ifstream in(LOOPSIM_SOURCE_DIR "/tests/js_builtins/data/" + name + ".expect.json");
    REQUIRE(in.good());
    json doc = json::parse(in);
    REQUIRE(doc["outcomes"].size() == 1);
    REQUIRE(doc["outcomes"][0]["exit_code"] == 0);
    std::vector<json> lines;
    std::stringstream stdout_text(doc["outcomes"][0]["stdout"].get<std::string>());
    std::string line;
    while (std::getline(stdout_text, line))
        if (!line.empty()) lines.push_back(json::parse(line));
    return lines;
}

// Runs every recorded case and checks each result; returns the number of cases.
inline size_t check_recorded_cases(BuiltinsFixture& fixture, const std::string& name) {
    std::vector<json> cases = recorded_cases(name);
    for (const json& line : cases) {
        json got = fixture.run_case(line["case"]);
        INFO("case: " << line["case"].dump());
        INFO("got:  " << got.dump());
        INFO("node: " << line["out"].dump());
        CHECK(got == line["out"]);
    }
    return cases.size();
}

} // namespace loopsim::js::testing
