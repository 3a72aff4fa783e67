// JSON.stringify (ECMA-262 §25.5.2): replacer function or property list, indentation,
// toJSON, wrapper unwrapping, V8's string escaping (lone surrogates as \udXXX) and V8's
// multi-line message for circular structures.
#include "model/js/builtins/builtin_support.h"
#include "model/js/builtins/json.h"
#include "model/js/builtins/to_object.h"

#include <cmath>

namespace loopsim::js {

void json_quote(std::u16string& out, std::u16string_view text) {
    static constexpr char hex[] = "0123456789abcdef";
    auto escape_unit = [&](char16_t c) {
        out += u"\\u";
        for (int shift = 12; shift >= 0; shift -= 4) out.push_back(hex[(c >> shift) & 0xF]);
    };
    out.push_back('"');
    for (size_t i = 0; i < text.size(); ++i) {
        char16_t c = text[i];
        switch (c) {
        case '\b':
            out += u"\\b";
            continue;
        case '\t':
            out += u"\\t";
            continue;
        case '\n':
            out += u"\\n";
            continue;
        case '\f':
            out += u"\\f";
            continue;
        case '\r':
            out += u"\\r";
            continue;
        case '"':
            out += u"\\\"";
            continue;
        case '\\':
            out += u"\\\\";
            continue;
        default:
            break;
        }
        if (c < 0x20) {
            escape_unit(c);
        } else if (c >= 0xD800 && c <= 0xDBFF) {
            if (i + 1 < text.size() && text[i + 1] >= 0xDC00 && text[i + 1] <= 0xDFFF) {
                out.push_back(c);
                out.push_back(text[++i]);
            } else {
                escape_unit(c);
            }
        } else if (c >= 0xDC00 && c <= 0xDFFF) {
            escape_unit(c);
        } else {
            out.push_back(c);
        }
    }
    out.push_back('"');
}

namespace {

class JsonSerializer {
public:
    JsonSerializer(Runtime& rt) : m_rt(rt), m_stack(rt.heap()), m_property_list(rt.heap()) {}

    Value replacer_function = Value();
    bool has_property_list = false;
    std::u16string gap;

    RootedVector& property_list() { return m_property_list; }

    // SerializeJSONProperty(key, holder): appends to `out`; false when the result is
    // undefined (nothing appended).
    ThrowCompletionOr<bool> serialize_property(PropertyKey key, Object& holder) {
        Value value = LOOPSIM_TRY(holder.get(m_rt, key));
        return serialize_value(key, holder, value);
    }

    ThrowCompletionOr<bool> serialize_value(PropertyKey key, Object& holder, Value value) {
        RootedValue rooted(m_rt.heap(), value);
        RootedValue rooted_holder(m_rt.heap(), Value(&holder));
        if (value.is_object()) {
            Value to_json = LOOPSIM_TRY(value.as_object()->get(m_rt, m_rt.key("toJSON")));
            if (Runtime::is_callable(to_json)) {
                Value key_arg = key_to_value(m_rt, key);
                rooted.set(LOOPSIM_TRY(m_rt.call(to_json, rooted.get(), {&key_arg, 1})));
            }
        }
        if (!replacer_function.is_undefined()) {
            Value call_args[2] = {key_to_value(m_rt, key), rooted.get()};
            rooted.set(LOOPSIM_TRY(m_rt.call(replacer_function, Value(&holder), call_args)));
        }
        value = rooted.get();
        if (value.is_cell() && value.as_cell()->kind() == CellKind::PrimitiveWrapper) {
            Value primitive = static_cast<PrimitiveWrapper*>(value.as_cell())->primitive();
            if (primitive.is_number())
                value = Value::number(LOOPSIM_TRY(to_number(m_rt, value)));
            else if (primitive.is_string())
                value = Value(LOOPSIM_TRY(to_string(m_rt, value)));
            else if (primitive.is_boolean())
                value = primitive;
            rooted.set(value);
        }
        if (value.is_null()) {
            out += u"null";
            return true;
        }
        if (value.is_boolean()) {
            out += value.as_bool() ? u"true" : u"false";
            return true;
        }
        if (value.is_string()) {
            json_quote(out, value.as_string()->to_utf16());
            return true;
        }
        if (value.is_number()) {
            double d = value.as_number();
            if (!std::isfinite(d)) {
                out += u"null";
            } else {
                std::string text = number_to_string(d);
                out.append(text.begin(), text.end());
            }
            return true;
        }
        if (value.is_object() && !Runtime::is_callable(value)) {
            if (is_array(value))
                LOOPSIM_TRY(serialize_array(*value.as_object(), key));
            else
                LOOPSIM_TRY(serialize_object(*value.as_object(), key));
            return true;
        }
        return false;
    }

    std::u16string out;

private:
    ThrowCompletionOr<void> enter(Object& object, PropertyKey key) {
        for (size_t i = 0; i < m_stack.size(); ++i)
            if (m_stack[i].is_same_bits(Value(&object))) return throw_circular(i, key);
        m_stack.push_back(Value(&object));
        m_keys.push_back(key);
        return {};
    }
    void leave() {
        m_stack.values().pop_back();
        m_keys.pop_back();
    }

    static std::string edge(PropertyKey key) {
        if (key.is_index()) return "index " + std::to_string(key.as_index());
        return "property '" + key_display(key) + "'";
    }

    ThrowCompletion throw_circular(size_t start, PropertyKey closing_key) {
        std::string message = "Converting circular structure to JSON\n    --> starting at object "
                              "with constructor '" +
                              constructor_name(m_rt, *m_stack[start].as_object()) + "'";
        std::vector<std::string> lines;
        for (size_t i = start + 1; i < m_stack.size(); ++i)
            lines.push_back("\n    |     " + edge(m_keys[i]) + " -> object with constructor '" +
                            constructor_name(m_rt, *m_stack[i].as_object()) + "'");
        static constexpr size_t kPrefix = 2, kPostfix = 1;
        if (lines.size() > kPrefix + kPostfix) {
            for (size_t i = 0; i < kPrefix; ++i) message += lines[i];
            message += "\n    |     ...";
            for (size_t i = lines.size() - kPostfix; i < lines.size(); ++i) message += lines[i];
        } else {
            for (const std::string& line : lines) message += line;
        }
        message += "\n    --- " + edge(closing_key) + " closes the circle";
        return m_rt.throw_error(ErrorType::TypeError, message);
    }

    void newline_indent() {
        out.push_back('\n');
        for (size_t i = 0; i < m_indent_level; ++i) out += gap;
    }

    ThrowCompletionOr<void> serialize_object(Object& object, PropertyKey key) {
        LOOPSIM_TRY(enter(object, key));
        ++m_indent_level;
        std::vector<PropertyKey> keys;
        if (has_property_list) {
            for (Value v : m_property_list.values())
                keys.push_back(m_rt.atoms().key(v.as_string()));
        } else {
            for (PropertyKey k : object.own_property_keys(m_rt)) {
                if (k.is_symbol()) continue;
                OwnProperty property;
                if (object.lookup_own(k, property) && (property.attributes & attr::Enumerable) != 0)
                    keys.push_back(k);
            }
        }
        RootedVector key_roots(m_rt.heap());
        for (PropertyKey k : keys)
            if (Cell* cell = k.cell_or_null()) key_roots.push_back(Value(cell));
        out.push_back('{');
        bool any = false;
        for (PropertyKey k : keys) {
            size_t mark = out.size();
            if (any) out.push_back(',');
            if (!gap.empty()) newline_indent();
            json_quote(out, key_to_value(m_rt, k).as_string()->to_utf16());
            out += gap.empty() ? u":" : u": ";
            bool wrote = LOOPSIM_TRY(serialize_property(k, object));
            if (!wrote)
                out.resize(mark);
            else
                any = true;
        }
        --m_indent_level;
        if (any && !gap.empty()) newline_indent();
        out.push_back('}');
        leave();
        return {};
    }

    ThrowCompletionOr<void> serialize_array(Object& array, PropertyKey key) {
        LOOPSIM_TRY(enter(array, key));
        ++m_indent_level;
        double length = LOOPSIM_TRY(length_of_array_like(m_rt, array));
        out.push_back('[');
        for (double i = 0; i < length; ++i) {
            if (i > 0) out.push_back(',');
            if (!gap.empty()) newline_indent();
            bool wrote = LOOPSIM_TRY(serialize_property(index_key(m_rt, i), array));
            if (!wrote) out += u"null";
        }
        --m_indent_level;
        if (length > 0 && !gap.empty()) newline_indent();
        out.push_back(']');
        leave();
        return {};
    }

    Runtime& m_rt;
    RootedVector m_stack;
    std::vector<PropertyKey> m_keys;
    RootedVector m_property_list;
    size_t m_indent_level = 0;
};

} // namespace

Completion json_stringify(Runtime& rt, Value value, Value replacer, Value space) {
    JsonSerializer serializer(rt);
    if (Runtime::is_callable(replacer)) {
        serializer.replacer_function = replacer;
    } else if (is_array(replacer)) {
        serializer.has_property_list = true;
        Object& list = *replacer.as_object();
        double length = LOOPSIM_TRY(length_of_array_like(rt, list));
        for (double i = 0; i < length; ++i) {
            Value v = LOOPSIM_TRY(get_index(rt, list, i));
            String* item = nullptr;
            if (v.is_string()) {
                item = v.as_string();
            } else if (v.is_number()) {
                item = number_to_js_string(rt, v.as_number());
            } else if (v.is_cell() && v.as_cell()->kind() == CellKind::PrimitiveWrapper) {
                Value primitive = static_cast<PrimitiveWrapper*>(v.as_cell())->primitive();
                if (primitive.is_string() || primitive.is_number())
                    item = LOOPSIM_TRY(to_string(rt, v));
            }
            if (item == nullptr) continue;
            item = rt.atoms().intern(item);
            bool seen = false;
            for (Value existing : serializer.property_list().values())
                if (existing.as_string() == item) seen = true;
            if (!seen) serializer.property_list().push_back(Value(item));
        }
    }
    if (space.is_cell() && space.as_cell()->kind() == CellKind::PrimitiveWrapper) {
        Value primitive = static_cast<PrimitiveWrapper*>(space.as_cell())->primitive();
        if (primitive.is_number()) space = Value::number(LOOPSIM_TRY(to_number(rt, space)));
        if (primitive.is_string()) space = Value(LOOPSIM_TRY(to_string(rt, space)));
    }
    if (space.is_number()) {
        double n = std::min(10.0, to_integer_or_infinity(space.as_number()));
        if (n >= 1) serializer.gap.assign(static_cast<size_t>(n), u' ');
    } else if (space.is_string()) {
        std::u16string text = space.as_string()->to_utf16();
        serializer.gap = text.substr(0, 10);
    }
    RootedValue rooted_value(rt.heap(), value);
    Root<Object> wrapper(rt.heap(), create_plain_object(rt));
    wrapper->put_direct(rt, PropertyKey::atom(rt.empty_string()), value);
    bool wrote = LOOPSIM_TRY(
        serializer.serialize_value(PropertyKey::atom(rt.empty_string()), *wrapper, value));
    if (!wrote) return Value();
    if (serializer.out.size() > String::kMaxLength)
        return rt.throw_error(ErrorType::RangeError, "Invalid string length");
    return Value(String::from_utf16(rt.heap(), serializer.out));
}

} // namespace loopsim::js
