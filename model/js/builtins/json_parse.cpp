// JSON.parse (ECMA-262 §25.5.1) with the reviver walk, and V8 11's SyntaxError messages
// ("Unexpected token ']', "[1,]" is not valid JSON", "Expected property name or '}' in JSON
// at position 1", ...).
#include "model/js/builtins/builtin_support.h"
#include "model/js/builtins/json.h"

#include <cstdlib>

namespace loopsim::js {

namespace {

class JsonParser {
public:
    JsonParser(Runtime& rt, std::u16string source) : m_rt(rt), m_source(std::move(source)) {}

    Completion parse() {
        skip_whitespace();
        Value value = LOOPSIM_TRY(parse_value(0));
        skip_whitespace();
        if (m_pos < m_source.size())
            return m_rt.throw_error(ErrorType::SyntaxError,
                                    "Unexpected non-whitespace character after JSON at position " +
                                        std::to_string(m_pos));
        return value;
    }

private:
    static constexpr size_t kMaxDepth = 5000;

    bool at_end() const { return m_pos >= m_source.size(); }
    char16_t peek() const { return m_source[m_pos]; }

    void skip_whitespace() {
        while (!at_end() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r'))
            ++m_pos;
    }

    ThrowCompletion fail_at(const std::string& message, size_t position) {
        return m_rt.throw_error(ErrorType::SyntaxError,
                                message + " in JSON at position " + std::to_string(position));
    }

    // A token no rule names a message for (V8's ReportUnexpectedToken without one).
    ThrowCompletion unexpected(size_t position) {
        if (position >= m_source.size())
            return m_rt.throw_error(ErrorType::SyntaxError, "Unexpected end of JSON input");
        char16_t c = m_source[position];
        if (c == '"') return fail_at("Unexpected string", position);
        if ((c >= '0' && c <= '9') || c == '-') return fail_at("Unexpected number", position);
        std::u16string_view whole(m_source);
        if (whole == u"undefined" || whole == u"NaN" || whole == u"Infinity" ||
            whole == u"[object Object]")
            return m_rt.throw_error(ErrorType::SyntaxError,
                                    "\"" + utf8(whole) + "\" is not valid JSON");
        std::string token = "Unexpected token '" + utf8(whole.substr(position, 1)) + "', ";
        static constexpr size_t kContext = 10;
        size_t length = m_source.size();
        std::string context;
        if (length <= 2 * kContext + 1) {
            context = "\"" + utf8(whole) + "\"";
        } else if (position < kContext) {
            context = "\"" + utf8(whole.substr(0, position + kContext)) + "\"...";
        } else if (position < length - kContext) {
            context = "...\"" + utf8(whole.substr(position - kContext, 2 * kContext)) + "\"...";
        } else {
            context = "...\"" + utf8(whole.substr(position - kContext)) + "\"";
        }
        return m_rt.throw_error(ErrorType::SyntaxError, token + context + " is not valid JSON");
    }

    std::string utf8(std::u16string_view units) {
        return String::from_utf16(m_rt.heap(), units)->to_utf8();
    }

    Completion parse_value(size_t depth) {
        if (depth > kMaxDepth)
            return m_rt.throw_error(ErrorType::RangeError, "Maximum call stack size exceeded");
        if (at_end()) return unexpected(m_pos);
        char16_t c = peek();
        switch (c) {
        case '{':
            return parse_object(depth);
        case '[':
            return parse_array(depth);
        case '"':
            return Value(LOOPSIM_TRY(parse_string()));
        case 't':
            LOOPSIM_TRY(expect_literal(u"true"));
            return Value(true);
        case 'f':
            LOOPSIM_TRY(expect_literal(u"false"));
            return Value(false);
        case 'n':
            LOOPSIM_TRY(expect_literal(u"null"));
            return Value::null();
        default:
            if (c == '-' || (c >= '0' && c <= '9')) return parse_number();
            return unexpected(m_pos);
        }
    }

    ThrowCompletionOr<void> expect_literal(std::u16string_view literal) {
        for (char16_t expected : literal) {
            if (at_end() || peek() != expected) return unexpected(m_pos);
            ++m_pos;
        }
        return {};
    }

    Completion parse_number() {
        size_t start = m_pos;
        if (peek() == '-') {
            ++m_pos;
            if (at_end() || peek() < '0' || peek() > '9')
                return fail_at("No number after minus sign", m_pos);
        }
        if (peek() == '0') {
            ++m_pos;
            if (!at_end() && peek() >= '0' && peek() <= '9') return unexpected(m_pos);
        } else {
            while (!at_end() && peek() >= '0' && peek() <= '9') ++m_pos;
        }
        if (!at_end() && peek() == '.') {
            ++m_pos;
            if (at_end() || peek() < '0' || peek() > '9')
                return fail_at("Unterminated fractional number", m_pos);
            while (!at_end() && peek() >= '0' && peek() <= '9') ++m_pos;
        }
        if (!at_end() && (peek() == 'e' || peek() == 'E')) {
            ++m_pos;
            if (!at_end() && (peek() == '+' || peek() == '-')) ++m_pos;
            if (at_end() || peek() < '0' || peek() > '9')
                return fail_at("Exponent part is missing a number", m_pos);
            while (!at_end() && peek() >= '0' && peek() <= '9') ++m_pos;
        }
        std::string literal(m_source.begin() + start, m_source.begin() + m_pos);
        return Value::number(std::strtod(literal.c_str(), nullptr));
    }

    static int hex_value(char16_t c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    ThrowCompletionOr<String*> parse_string() {
        ++m_pos; // the opening quote
        std::u16string text;
        while (true) {
            if (at_end()) return fail_at("Unterminated string", m_pos);
            char16_t c = peek();
            if (c == '"') {
                ++m_pos;
                break;
            }
            if (c < 0x20) return fail_at("Bad control character in string literal", m_pos);
            if (c != '\\') {
                text.push_back(c);
                ++m_pos;
                continue;
            }
            ++m_pos;
            if (at_end()) return fail_at("Unterminated string", m_pos);
            char16_t e = peek();
            switch (e) {
            case '"':
                text.push_back('"');
                break;
            case '\\':
                text.push_back('\\');
                break;
            case '/':
                text.push_back('/');
                break;
            case 'b':
                text.push_back('\b');
                break;
            case 'f':
                text.push_back('\f');
                break;
            case 'n':
                text.push_back('\n');
                break;
            case 'r':
                text.push_back('\r');
                break;
            case 't':
                text.push_back('\t');
                break;
            case 'u': {
                char16_t unit = 0;
                for (int i = 1; i <= 4; ++i) {
                    if (m_pos + i >= m_source.size())
                        return fail_at("Bad Unicode escape", m_pos + i);
                    int h = hex_value(m_source[m_pos + i]);
                    if (h < 0) return fail_at("Bad Unicode escape", m_pos + i);
                    unit = static_cast<char16_t>(unit * 16 + h);
                }
                text.push_back(unit);
                m_pos += 4;
                break;
            }
            default:
                return fail_at("Bad escaped character", m_pos);
            }
            ++m_pos;
        }
        return String::from_utf16(m_rt.heap(), text);
    }

    Completion parse_array(size_t depth) {
        ++m_pos;
        Root<Array> array(m_rt.heap(), Array::create(m_rt));
        skip_whitespace();
        if (!at_end() && peek() == ']') {
            ++m_pos;
            return Value(array.get());
        }
        while (true) {
            skip_whitespace();
            Value element = LOOPSIM_TRY(parse_value(depth + 1));
            array->push(m_rt, element);
            skip_whitespace();
            if (!at_end() && peek() == ',') {
                ++m_pos;
                continue;
            }
            if (!at_end() && peek() == ']') {
                ++m_pos;
                return Value(array.get());
            }
            return fail_at("Expected ',' or ']' after array element", m_pos);
        }
    }

    Completion parse_object(size_t depth) {
        ++m_pos;
        Root<Object> object(m_rt.heap(), create_plain_object(m_rt));
        skip_whitespace();
        if (!at_end() && peek() == '}') {
            ++m_pos;
            return Value(object.get());
        }
        if (at_end() || peek() != '"') return fail_at("Expected property name or '}'", m_pos);
        for (bool first = true;; first = false) {
            String* name = LOOPSIM_TRY(parse_string());
            PropertyKey key = m_rt.atoms().key(name);
            skip_whitespace();
            // V8 names the missing colon only after the first property name.
            if (at_end() || peek() != ':')
                return first ? fail_at("Expected ':' after property name", m_pos)
                             : unexpected(m_pos);
            ++m_pos;
            skip_whitespace();
            Value value = LOOPSIM_TRY(parse_value(depth + 1));
            (void)object->create_data_property(m_rt, key, value);
            skip_whitespace();
            if (!at_end() && peek() == ',') {
                ++m_pos;
                skip_whitespace();
                if (at_end() || peek() != '"')
                    return fail_at("Expected double-quoted property name", m_pos);
                continue;
            }
            if (!at_end() && peek() == '}') {
                ++m_pos;
                return Value(object.get());
            }
            return fail_at("Expected ',' or '}' after property value", m_pos);
        }
    }

    Runtime& m_rt;
    std::u16string m_source;
    size_t m_pos = 0;
};

// InternalizeJSONProperty (§25.5.1.1).
Completion internalize(Runtime& rt, Object& holder, PropertyKey key, Value reviver) {
    Root<Object> rooted_holder(rt.heap(), &holder);
    Value value = LOOPSIM_TRY(holder.get(rt, key));
    RootedValue rooted(rt.heap(), value);
    if (value.is_object()) {
        Object& object = *value.as_object();
        std::vector<PropertyKey> keys;
        if (is_array(value)) {
            double length = LOOPSIM_TRY(length_of_array_like(rt, object));
            for (double i = 0; i < length; ++i) keys.push_back(index_key(rt, i));
        } else {
            for (PropertyKey k : object.own_property_keys(rt)) {
                if (k.is_symbol()) continue;
                OwnProperty property;
                if (object.lookup_own(k, property) && (property.attributes & attr::Enumerable) != 0)
                    keys.push_back(k);
            }
        }
        RootedVector key_roots(rt.heap());
        for (PropertyKey k : keys)
            if (Cell* cell = k.cell_or_null()) key_roots.push_back(Value(cell));
        for (PropertyKey k : keys) {
            Value element = LOOPSIM_TRY(internalize(rt, object, k, reviver));
            if (element.is_undefined())
                (void)object.delete_property(rt, k);
            else
                (void)object.create_data_property(rt, k, element);
        }
    }
    Value call_args[2] = {key_to_value(rt, key), rooted.get()};
    return rt.call(reviver, Value(&holder), call_args);
}

} // namespace

Completion json_parse(Runtime& rt, Value text, Value reviver) {
    String* source = LOOPSIM_TRY(to_string(rt, text));
    JsonParser parser(rt, source->to_utf16());
    Value result = LOOPSIM_TRY(parser.parse());
    if (!Runtime::is_callable(reviver)) return result;
    Root<Object> root(rt.heap(), create_plain_object(rt));
    root->put_direct(rt, PropertyKey::atom(rt.empty_string()), result);
    return internalize(rt, *root, PropertyKey::atom(rt.empty_string()), reviver);
}

} // namespace loopsim::js
