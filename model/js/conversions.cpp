// Conversions (§7.1) and equality (§7.2) for values; StringToNumber.
#include "model/js/conversions.h"

#include "model/js/object.h"
#include "model/js/runtime.h"
#include "model/js/string.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>

namespace loopsim::js {

// WhiteSpace and LineTerminator code points (§12.2, §12.3): what StringToNumber trims.
bool is_js_whitespace(char16_t c) {
    switch (c) {
    case 0x09:
    case 0x0A:
    case 0x0B:
    case 0x0C:
    case 0x0D:
    case 0x20:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
    case 0xFEFF:
        return true;
    default:
        return c >= 0x2000 && c <= 0x200A;
    }
}

namespace {

int digit_value(char16_t c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

// Digits in a power-of-two radix, correctly rounded (round half to even) to a double.
double parse_power_of_two(std::u16string_view digits, int radix) {
    int bits_per_digit = radix == 16 ? 4 : (radix == 8 ? 3 : 1);
    std::vector<uint8_t> bits;
    for (char16_t c : digits) {
        int v = digit_value(c);
        if (v >= radix) return NAN;
        for (int b = bits_per_digit - 1; b >= 0; --b) {
            uint8_t bit = (v >> b) & 1;
            if (bits.empty() && bit == 0) continue; // leading zeros
            bits.push_back(bit);
        }
    }
    if (digits.empty()) return NAN;
    if (bits.empty()) return 0;
    uint64_t mantissa = 0;
    size_t take = std::min<size_t>(bits.size(), 53);
    for (size_t i = 0; i < take; ++i) mantissa = (mantissa << 1) | bits[i];
    if (bits.size() <= 53) return static_cast<double>(mantissa);
    bool round_bit = bits[53] != 0;
    bool sticky = false;
    for (size_t i = 54; i < bits.size() && !sticky; ++i) sticky = bits[i] != 0;
    if (round_bit && (sticky || (mantissa & 1))) mantissa += 1;
    return std::ldexp(static_cast<double>(mantissa), static_cast<int>(bits.size() - 53));
}

// StrDecimalLiteral without "Infinity": [+-] (digits [. digits] | . digits) [eE [+-] digits]
double parse_decimal(std::u16string_view s) {
    std::string ascii;
    size_t i = 0;
    bool negative = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';
    size_t mantissa_digits = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9')
        ascii.push_back(static_cast<char>(s[i++])), ++mantissa_digits;
    if (i < s.size() && s[i] == '.') {
        ascii.push_back('.');
        ++i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9')
            ascii.push_back(static_cast<char>(s[i++])), ++mantissa_digits;
    }
    if (mantissa_digits == 0) return NAN;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ascii.push_back('e');
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-'))
            ascii.push_back(static_cast<char>(s[i++]));
        size_t exponent_digits = 0;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9')
            ascii.push_back(static_cast<char>(s[i++])), ++exponent_digits;
        if (exponent_digits == 0) return NAN;
    }
    if (i != s.size()) return NAN;
    double value = 0;
    auto result = std::from_chars(ascii.data(), ascii.data() + ascii.size(), value,
                                  std::chars_format::general);
    if (result.ec == std::errc::result_out_of_range || result.ptr != ascii.data() + ascii.size())
        value = std::strtod(ascii.c_str(), nullptr); // overflow -> HUGE_VAL, underflow -> 0
    return negative ? -value : value;
}

} // namespace

bool to_boolean(Value v) {
    if (v.is_boolean()) return v.as_bool();
    if (v.is_int32()) return v.as_int32() != 0;
    if (v.is_double()) {
        double d = v.as_double();
        return !(d == 0 || std::isnan(d));
    }
    if (v.is_nullish()) return false;
    if (v.is_string()) return !v.as_string()->is_empty();
    return true; // symbols and objects
}

const char* typeof_string(Value v) {
    if (v.is_undefined()) return "undefined";
    if (v.is_null()) return "object";
    if (v.is_boolean()) return "boolean";
    if (v.is_number()) return "number";
    if (v.is_string()) return "string";
    if (v.is_symbol()) return "symbol";
    if (Runtime::is_callable(v)) return "function";
    return "object";
}

double to_integer_or_infinity(double number) {
    if (std::isnan(number) || number == 0) return 0;
    if (std::isinf(number)) return number;
    return std::trunc(number);
}

uint32_t to_uint32(double number) {
    // Below 2^63 in magnitude (NaN fails the test), the int64 cast truncates exactly and its
    // low 32 bits are the value modulo 2^32.
    if (number > -9.2e18 && number < 9.2e18)
        return static_cast<uint32_t>(static_cast<uint64_t>(static_cast<int64_t>(number)));
    if (!std::isfinite(number)) return 0;
    double modulo = std::fmod(std::trunc(number), 4294967296.0);
    if (modulo < 0) modulo += 4294967296.0;
    return static_cast<uint32_t>(modulo);
}

int32_t to_int32(double number) {
    return static_cast<int32_t>(to_uint32(number));
}

bool is_strictly_equal(Value a, Value b) {
    if (a.is_number() && b.is_number()) return a.as_number() == b.as_number();
    if (a.is_string() && b.is_string()) return String::equals(a.as_string(), b.as_string());
    return a.is_same_bits(b);
}

bool same_value_zero(Value a, Value b) {
    if (a.is_number() && b.is_number()) {
        double x = a.as_number(), y = b.as_number();
        return x == y || (std::isnan(x) && std::isnan(y));
    }
    return is_strictly_equal(a, b);
}

bool same_value(Value a, Value b) {
    if (a.is_number() && b.is_number()) {
        double x = a.as_number(), y = b.as_number();
        if (std::isnan(x) && std::isnan(y)) return true;
        return x == y && std::signbit(x) == std::signbit(y);
    }
    return is_strictly_equal(a, b);
}

double string_to_number(std::u16string_view s) {
    size_t begin = 0, end = s.size();
    while (begin < end && is_js_whitespace(s[begin])) ++begin;
    while (end > begin && is_js_whitespace(s[end - 1])) --end;
    s = s.substr(begin, end - begin);
    if (s.empty()) return 0;
    if (s.size() >= 2 && s[0] == '0') {
        char16_t p = s[1];
        if (p == 'x' || p == 'X') return parse_power_of_two(s.substr(2), 16);
        if (p == 'o' || p == 'O') return parse_power_of_two(s.substr(2), 8);
        if (p == 'b' || p == 'B') return parse_power_of_two(s.substr(2), 2);
    }
    if (s == u"Infinity" || s == u"+Infinity") return INFINITY;
    if (s == u"-Infinity") return -INFINITY;
    return parse_decimal(s);
}

double string_to_number(const String* s) {
    return string_to_number(s->to_utf16());
}

String* number_to_js_string(Runtime& runtime, double number) {
    return String::from_latin1(runtime.heap(), number_to_string(number));
}

Completion to_primitive(Runtime& runtime, Value value, PreferredType preferred) {
    // ToPrimitive (§7.1.1)
    if (!value.is_object()) return value;
    Object* object = value.as_object();
    PropertyKey to_prim =
        PropertyKey::symbol(runtime.well_known_symbol(WellKnownSymbol::ToPrimitive));
    Value exotic = LOOPSIM_TRY(object->get(runtime, to_prim));
    if (!exotic.is_nullish()) {
        if (!Runtime::is_callable(exotic))
            return runtime.throw_error(ErrorType::TypeError,
                                       "Symbol.toPrimitive is not a function");
        const char* hint = preferred == PreferredType::String   ? "string"
                           : preferred == PreferredType::Number ? "number"
                                                                : "default";
        Value args[] = {Value(runtime.atoms().intern(std::string_view(hint)))};
        Value result = LOOPSIM_TRY(runtime.call(exotic, value, args));
        if (result.is_object())
            return runtime.throw_error(ErrorType::TypeError,
                                       "Cannot convert object to primitive value");
        return result;
    }
    // OrdinaryToPrimitive (§7.1.1.1)
    CommonAtom order[2] = {CommonAtom::ValueOf, CommonAtom::ToString};
    if (preferred == PreferredType::String) std::swap(order[0], order[1]);
    for (CommonAtom name : order) {
        Value method = LOOPSIM_TRY(object->get(runtime, runtime.common_key(name)));
        if (!Runtime::is_callable(method)) continue;
        Value result = LOOPSIM_TRY(runtime.call(method, value, {}));
        if (!result.is_object()) return result;
    }
    return runtime.throw_error(ErrorType::TypeError, "Cannot convert object to primitive value");
}

ThrowCompletionOr<double> to_number(Runtime& runtime, Value value) {
    // ToNumber (§7.1.4)
    if (value.is_number()) return value.as_number();
    if (value.is_undefined()) return NAN;
    if (value.is_null()) return 0.0;
    if (value.is_boolean()) return value.as_bool() ? 1.0 : 0.0;
    if (value.is_string()) return string_to_number(value.as_string());
    if (value.is_symbol())
        return runtime.throw_error(ErrorType::TypeError,
                                   "Cannot convert a Symbol value to a number");
    Value primitive = LOOPSIM_TRY(to_primitive(runtime, value, PreferredType::Number));
    return to_number(runtime, primitive);
}

ThrowCompletionOr<String*> to_string(Runtime& runtime, Value value) {
    // ToString (§7.1.17)
    if (value.is_string()) return value.as_string();
    if (value.is_number()) return number_to_js_string(runtime, value.as_number());
    if (value.is_undefined()) return runtime.atoms().intern(std::string_view("undefined"));
    if (value.is_null()) return runtime.atoms().intern(std::string_view("null"));
    if (value.is_boolean())
        return runtime.atoms().intern(std::string_view(value.as_bool() ? "true" : "false"));
    if (value.is_symbol())
        return runtime.throw_error(ErrorType::TypeError,
                                   "Cannot convert a Symbol value to a string");
    Value primitive = LOOPSIM_TRY(to_primitive(runtime, value, PreferredType::String));
    return to_string(runtime, primitive);
}

ThrowCompletionOr<PropertyKey> to_property_key(Runtime& runtime, Value value) {
    // ToPropertyKey (§7.1.19), with the common integer case first.
    if (value.is_int32() && value.as_int32() >= 0)
        return PropertyKey::index(static_cast<uint32_t>(value.as_int32()));
    Value key = LOOPSIM_TRY(to_primitive(runtime, value, PreferredType::String));
    if (key.is_symbol()) return PropertyKey::symbol(key.as_symbol());
    String* s = LOOPSIM_TRY(to_string(runtime, key));
    return runtime.atoms().key(s);
}

ThrowCompletionOr<bool> is_loosely_equal(Runtime& runtime, Value x, Value y) {
    // IsLooselyEqual (§7.2.14). Numbers are one type whatever their representation.
    auto same_type = [](Value a, Value b) {
        if (a.is_number() || b.is_number()) return a.is_number() && b.is_number();
        if (a.is_cell() && b.is_cell())
            return a.as_cell()->kind() == b.as_cell()->kind() || (a.is_object() && b.is_object());
        return (a.bits() >> 48) == (b.bits() >> 48);
    };
    while (true) {
        if (same_type(x, y)) return is_strictly_equal(x, y);
        if (x.is_nullish() && y.is_nullish()) return true;
        if (x.is_number() && y.is_string()) return x.as_number() == string_to_number(y.as_string());
        if (x.is_string() && y.is_number()) return string_to_number(x.as_string()) == y.as_number();
        if (x.is_boolean()) {
            x = Value(x.as_bool() ? 1 : 0);
            continue;
        }
        if (y.is_boolean()) {
            y = Value(y.as_bool() ? 1 : 0);
            continue;
        }
        bool x_prim_ok = x.is_string() || x.is_number() || x.is_symbol();
        bool y_prim_ok = y.is_string() || y.is_number() || y.is_symbol();
        if (x_prim_ok && y.is_object()) {
            y = LOOPSIM_TRY(to_primitive(runtime, y));
            continue;
        }
        if (x.is_object() && y_prim_ok) {
            x = LOOPSIM_TRY(to_primitive(runtime, x));
            continue;
        }
        return false;
    }
}

} // namespace loopsim::js
