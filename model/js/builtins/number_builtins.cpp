// Number, Boolean (ECMA-262 §21.1, §20.3) and the global value properties and functions:
// NaN, Infinity, undefined, globalThis, parseInt, parseFloat, isNaN, isFinite; and Date,
// of which loopsim has only Date.now().
#include "model/js/builtins/builtin_support.h"
#include "model/js/builtins/install.h"
#include "model/js/builtins/number_parsing.h"
#include "model/js/builtins/to_object.h"
#include "model/js/host.h"

#include <cmath>
#include <cstdlib>
#include <limits>
#include <vector>

namespace loopsim::js {

double parse_int(std::u16string_view text, int32_t radix) {
    size_t i = 0;
    while (i < text.size() && is_js_whitespace(text[i])) ++i;
    double sign = 1;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
        if (text[i] == '-') sign = -1;
        ++i;
    }
    bool strip_prefix = true;
    if (radix != 0) {
        if (radix < 2 || radix > 36) return NAN;
        if (radix != 16) strip_prefix = false;
    } else {
        radix = 10;
    }
    if (strip_prefix && i + 1 < text.size() && text[i] == '0' &&
        (text[i + 1] == 'x' || text[i + 1] == 'X')) {
        i += 2;
        radix = 16;
    }
    auto digit_of = [](char16_t c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'z') return c - 'a' + 10;
        if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
        return 99;
    };
    size_t start = i;
    while (i < text.size() && digit_of(text[i]) < radix) ++i;
    if (i == start) return NAN;
    if (radix == 10) {
        // Correctly rounded, as V8 does for decimal digits.
        std::string digits(text.begin() + start, text.begin() + i);
        return sign * std::strtod(digits.c_str(), nullptr);
    }
    if ((radix & (radix - 1)) == 0) {
        // A power of two: exact up to 53 significant bits, then round half to even.
        int bits_per_digit = 0;
        while ((1 << bits_per_digit) < radix) ++bits_per_digit;
        size_t j = start;
        while (j < i && text[j] == '0') ++j;
        uint64_t mantissa = 0;
        int bits = 0;
        int exponent = 0;
        bool sticky = false;
        bool round_bit = false;
        for (; j < i; ++j) {
            int d = digit_of(text[j]);
            for (int b = bits_per_digit - 1; b >= 0; --b) {
                int bit = (d >> b) & 1;
                if (bits == 0 && bit == 0) continue;
                if (bits < 53) {
                    mantissa = (mantissa << 1) | static_cast<uint64_t>(bit);
                    ++bits;
                } else {
                    if (bits == 53 && exponent == 0)
                        round_bit = bit != 0;
                    else if (bit)
                        sticky = true;
                    ++exponent;
                }
            }
        }
        if (round_bit && (sticky || (mantissa & 1))) ++mantissa;
        return sign * std::ldexp(static_cast<double>(mantissa), exponent);
    }
    double result = 0;
    for (size_t j = start; j < i; ++j) result = result * radix + digit_of(text[j]);
    return sign * result;
}

double parse_float(std::u16string_view text) {
    size_t i = 0;
    while (i < text.size() && is_js_whitespace(text[i])) ++i;
    size_t start = i;
    std::string literal;
    if (i < text.size() && (text[i] == '+' || text[i] == '-'))
        literal += static_cast<char>(text[i++]);
    static constexpr std::u16string_view infinity = u"Infinity";
    if (text.substr(i, infinity.size()) == infinity) return literal == "-" ? -INFINITY : INFINITY;
    size_t digits = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
        literal += static_cast<char>(text[i++]);
        ++digits;
    }
    if (i < text.size() && text[i] == '.') {
        literal += '.';
        ++i;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
            literal += static_cast<char>(text[i++]);
            ++digits;
        }
    }
    if (digits == 0) return NAN;
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        std::string exponent = "e";
        size_t j = i + 1;
        if (j < text.size() && (text[j] == '+' || text[j] == '-'))
            exponent += static_cast<char>(text[j++]);
        size_t exponent_digits = 0;
        while (j < text.size() && text[j] >= '0' && text[j] <= '9') {
            exponent += static_cast<char>(text[j++]);
            ++exponent_digits;
        }
        if (exponent_digits > 0) literal += exponent;
    }
    (void)start;
    return std::strtod(literal.c_str(), nullptr);
}

namespace {

// --- Number -------------------------------------------------------------------------------------

ThrowCompletionOr<double> this_number(Runtime& rt, Value self, const char* method) {
    auto number = unwrap_primitive(self, [](Value v) { return v.is_number(); });
    if (!number)
        return rt.throw_error(ErrorType::TypeError,
                              std::string(method) + " requires that 'this' be a Number");
    return number->as_number();
}

Completion number_call(Runtime& rt, NativeFunction&, Value, std::span<const Value> args) {
    if (args.empty()) return Value(0);
    return Value::number(LOOPSIM_TRY(to_number(rt, args[0])));
}

Completion number_construct(Runtime& rt, NativeFunction&, std::span<const Value> args,
                            Object& new_target) {
    double n = args.empty() ? 0.0 : LOOPSIM_TRY(to_number(rt, args[0]));
    Object* proto = LOOPSIM_TRY(
        rt.prototype_from_constructor(new_target, rt.intrinsic(Intrinsic::NumberPrototype)));
    return Value(PrimitiveWrapper::create(rt, Value::number(n), proto));
}

Completion number_is_finite(Runtime&, NativeFunction&, Value, std::span<const Value> args) {
    Value v = arg(args, 0);
    return Value(v.is_number() && std::isfinite(v.as_number()));
}
Completion number_is_integer(Runtime&, NativeFunction&, Value, std::span<const Value> args) {
    Value v = arg(args, 0);
    return Value(v.is_number() && std::isfinite(v.as_number()) &&
                 std::trunc(v.as_number()) == v.as_number());
}
Completion number_is_nan(Runtime&, NativeFunction&, Value, std::span<const Value> args) {
    Value v = arg(args, 0);
    return Value(v.is_number() && std::isnan(v.as_number()));
}
Completion number_is_safe_integer(Runtime&, NativeFunction&, Value, std::span<const Value> args) {
    Value v = arg(args, 0);
    if (!v.is_number()) return Value(false);
    double d = v.as_number();
    return Value(std::isfinite(d) && std::trunc(d) == d && std::fabs(d) <= 9007199254740991.0);
}

Completion global_parse_int(Runtime& rt, NativeFunction&, Value, std::span<const Value> args) {
    String* text = LOOPSIM_TRY(to_string(rt, arg(args, 0)));
    RootedValue rooted(rt.heap(), Value(text));
    double radix = LOOPSIM_TRY(to_number(rt, arg(args, 1)));
    return Value::number(parse_int(text->to_utf16(), to_int32(radix)));
}
Completion global_parse_float(Runtime& rt, NativeFunction&, Value, std::span<const Value> args) {
    String* text = LOOPSIM_TRY(to_string(rt, arg(args, 0)));
    return Value::number(parse_float(text->to_utf16()));
}
Completion global_is_nan(Runtime& rt, NativeFunction&, Value, std::span<const Value> args) {
    return Value(std::isnan(LOOPSIM_TRY(to_number(rt, arg(args, 0)))));
}
Completion global_is_finite(Runtime& rt, NativeFunction&, Value, std::span<const Value> args) {
    return Value(std::isfinite(LOOPSIM_TRY(to_number(rt, arg(args, 0)))));
}

Completion number_to_string_native(Runtime& rt, NativeFunction&, Value self,
                                   std::span<const Value> args) {
    double x = LOOPSIM_TRY(this_number(rt, self, "Number.prototype.toString"));
    double radix = 10;
    if (!arg(args, 0).is_undefined()) radix = LOOPSIM_TRY(to_integer_or_infinity(rt, args[0]));
    if (radix < 2 || radix > 36)
        return rt.throw_error(ErrorType::RangeError,
                              "toString() radix argument must be between 2 and 36");
    if (radix == 10) return Value(number_to_js_string(rt, x));
    return Value(rt.string(number_to_string_radix(x, static_cast<int>(radix))));
}

Completion number_to_fixed_native(Runtime& rt, NativeFunction&, Value self,
                                  std::span<const Value> args) {
    double x = LOOPSIM_TRY(this_number(rt, self, "Number.prototype.toFixed"));
    double digits = LOOPSIM_TRY(to_integer_or_infinity(rt, arg(args, 0)));
    if (digits < 0 || digits > 100)
        return rt.throw_error(ErrorType::RangeError,
                              "toFixed() digits argument must be between 0 and 100");
    if (!std::isfinite(x) || std::fabs(x) >= 1e21) return Value(number_to_js_string(rt, x));
    return Value(rt.string(number_to_fixed(x, static_cast<int>(digits))));
}

Completion number_to_exponential_native(Runtime& rt, NativeFunction&, Value self,
                                        std::span<const Value> args) {
    double x = LOOPSIM_TRY(this_number(rt, self, "Number.prototype.toExponential"));
    double digits = LOOPSIM_TRY(to_integer_or_infinity(rt, arg(args, 0)));
    if (!std::isfinite(x)) return Value(number_to_js_string(rt, x));
    if (digits < 0 || digits > 100)
        return rt.throw_error(ErrorType::RangeError,
                              "toExponential() argument must be between 0 and 100");
    int fraction = arg(args, 0).is_undefined() ? -1 : static_cast<int>(digits);
    return Value(rt.string(number_to_exponential(x, fraction)));
}

Completion number_to_precision_native(Runtime& rt, NativeFunction&, Value self,
                                      std::span<const Value> args) {
    double x = LOOPSIM_TRY(this_number(rt, self, "Number.prototype.toPrecision"));
    if (arg(args, 0).is_undefined()) return Value(number_to_js_string(rt, x));
    double precision = LOOPSIM_TRY(to_integer_or_infinity(rt, args[0]));
    if (!std::isfinite(x)) return Value(number_to_js_string(rt, x));
    if (precision < 1 || precision > 100)
        return rt.throw_error(ErrorType::RangeError,
                              "toPrecision() argument must be between 1 and 100");
    return Value(rt.string(number_to_precision(x, static_cast<int>(precision))));
}

Completion number_value_of(Runtime& rt, NativeFunction&, Value self, std::span<const Value>) {
    return Value::number(LOOPSIM_TRY(this_number(rt, self, "Number.prototype.valueOf")));
}

Completion number_to_locale_string(Runtime& rt, NativeFunction&, Value self,
                                   std::span<const Value>) {
    double x = LOOPSIM_TRY(this_number(rt, self, "Number.prototype.toLocaleString"));
    return Value(rt.string(format_number_en_us(x)));
}

// --- Boolean ------------------------------------------------------------------------------------

ThrowCompletionOr<bool> this_boolean(Runtime& rt, Value self, const char* method) {
    auto boolean = unwrap_primitive(self, [](Value v) { return v.is_boolean(); });
    if (!boolean)
        return rt.throw_error(ErrorType::TypeError,
                              std::string(method) + " requires that 'this' be a Boolean");
    return boolean->as_bool();
}

Completion boolean_call(Runtime&, NativeFunction&, Value, std::span<const Value> args) {
    return Value(to_boolean(arg(args, 0)));
}
Completion boolean_construct(Runtime& rt, NativeFunction&, std::span<const Value> args,
                             Object& new_target) {
    bool b = to_boolean(arg(args, 0));
    Object* proto = LOOPSIM_TRY(
        rt.prototype_from_constructor(new_target, rt.intrinsic(Intrinsic::BooleanPrototype)));
    return Value(PrimitiveWrapper::create(rt, Value(b), proto));
}
Completion boolean_to_string(Runtime& rt, NativeFunction&, Value self, std::span<const Value>) {
    bool b = LOOPSIM_TRY(this_boolean(rt, self, "Boolean.prototype.toString"));
    return Value(rt.string(b ? "true" : "false"));
}
Completion boolean_value_of(Runtime& rt, NativeFunction&, Value self, std::span<const Value>) {
    return Value(LOOPSIM_TRY(this_boolean(rt, self, "Boolean.prototype.valueOf")));
}

// --- Date ---------------------------------------------------------------------------------------

Completion date_now(Runtime& rt, NativeFunction&, Value, std::span<const Value>) {
    Host* host = rt.host();
    return Value::number(host ? std::floor(host->now_ms()) : 0.0);
}
Completion date_call(Runtime& rt, NativeFunction&, Value, std::span<const Value>) {
    return rt.throw_error(ErrorType::TypeError,
                          "Date objects are not supported by loopsim; use Date.now()");
}
Completion date_construct(Runtime& rt, NativeFunction& callee, std::span<const Value> args,
                          Object&) {
    return date_call(rt, callee, Value(), args);
}

} // namespace

namespace {

// The exact decimal digits of an integral double (any magnitude): mantissa * 2^exponent in
// base 10^9 limbs.
std::string exact_integer_digits(double integral) {
    int exponent = 0;
    double mantissa = std::frexp(integral, &exponent);
    auto bits = static_cast<uint64_t>(std::ldexp(mantissa, 53));
    exponent -= 53;
    std::vector<uint32_t> limbs; // little-endian base 1e9
    for (uint64_t v = bits; v > 0; v /= 1000000000)
        limbs.push_back(static_cast<uint32_t>(v % 1000000000));
    for (int i = 0; i < exponent; ++i) {
        uint64_t carry = 0;
        for (uint32_t& limb : limbs) {
            uint64_t product = static_cast<uint64_t>(limb) * 2 + carry;
            limb = static_cast<uint32_t>(product % 1000000000);
            carry = product / 1000000000;
        }
        if (carry) limbs.push_back(static_cast<uint32_t>(carry));
    }
    std::string digits = std::to_string(limbs.back());
    for (size_t i = limbs.size() - 1; i-- > 0;) {
        std::string part = std::to_string(limbs[i]);
        digits += std::string(9 - part.size(), '0') + part;
    }
    return digits;
}

} // namespace

std::string format_number_en_us(double x) {
    if (std::isnan(x)) return "NaN";
    if (std::isinf(x)) return x < 0 ? "-∞" : "∞";
    std::string fixed = std::fabs(x) >= 1e21 ? exact_integer_digits(std::fabs(x))
                                             : number_to_fixed(std::fabs(x), 3);
    if (fixed.find('.') == std::string::npos) fixed += ".";
    while (fixed.back() == '0') fixed.pop_back();
    if (fixed.back() == '.') fixed.pop_back();
    size_t dot = fixed.find('.');
    std::string integer = fixed.substr(0, dot);
    std::string fraction = dot == std::string::npos ? "" : fixed.substr(dot);
    std::string grouped;
    for (size_t i = 0; i < integer.size(); ++i) {
        if (i > 0 && (integer.size() - i) % 3 == 0) grouped += ',';
        grouped += integer[i];
    }
    return (std::signbit(x) ? "-" : "") + grouped + fraction;
}

void install_number_and_boolean(Runtime& rt, Object& global) {
    Object* number_proto = PrimitiveWrapper::create(rt, Value(0), rt.object_prototype());
    rt.set_intrinsic(Intrinsic::NumberPrototype, number_proto);
    NativeFunction* number =
        define_constructor(rt, "Number", 1, number_call, number_construct, *number_proto);
    define_method(rt, *number, "isFinite", 1, number_is_finite);
    define_method(rt, *number, "isInteger", 1, number_is_integer);
    define_method(rt, *number, "isNaN", 1, number_is_nan);
    define_method(rt, *number, "isSafeInteger", 1, number_is_safe_integer);
    NativeFunction* parse_float_fn =
        define_method(rt, *number, "parseFloat", 1, global_parse_float);
    NativeFunction* parse_int_fn = define_method(rt, *number, "parseInt", 2, global_parse_int);
    define_value(rt, *number, "MAX_VALUE", Value(std::numeric_limits<double>::max()), attr::None);
    define_value(rt, *number, "MIN_VALUE", Value(std::numeric_limits<double>::denorm_min()),
                 attr::None);
    define_value(rt, *number, "NaN", Value(NAN), attr::None);
    define_value(rt, *number, "NEGATIVE_INFINITY", Value(-INFINITY), attr::None);
    define_value(rt, *number, "POSITIVE_INFINITY", Value(INFINITY), attr::None);
    define_value(rt, *number, "MAX_SAFE_INTEGER", Value(9007199254740991.0), attr::None);
    define_value(rt, *number, "MIN_SAFE_INTEGER", Value(-9007199254740991.0), attr::None);
    define_value(rt, *number, "EPSILON", Value(std::numeric_limits<double>::epsilon()), attr::None);
    define_method(rt, *number_proto, "toExponential", 1, number_to_exponential_native);
    define_method(rt, *number_proto, "toFixed", 1, number_to_fixed_native);
    define_method(rt, *number_proto, "toPrecision", 1, number_to_precision_native);
    define_method(rt, *number_proto, "toString", 1, number_to_string_native);
    define_method(rt, *number_proto, "valueOf", 0, number_value_of);
    define_method(rt, *number_proto, "toLocaleString", 0, number_to_locale_string);

    Object* boolean_proto = PrimitiveWrapper::create(rt, Value(false), rt.object_prototype());
    rt.set_intrinsic(Intrinsic::BooleanPrototype, boolean_proto);
    NativeFunction* boolean =
        define_constructor(rt, "Boolean", 1, boolean_call, boolean_construct, *boolean_proto);
    define_method(rt, *boolean_proto, "toString", 0, boolean_to_string);
    define_method(rt, *boolean_proto, "valueOf", 0, boolean_value_of);

    define_value(rt, global, "globalThis", Value(&global));
    define_value(rt, global, "NaN", Value(NAN), attr::None);
    define_value(rt, global, "Infinity", Value(INFINITY), attr::None);
    define_value(rt, global, "undefined", Value(), attr::None);
    define_method(rt, global, "isFinite", 1, global_is_finite);
    define_method(rt, global, "isNaN", 1, global_is_nan);
    define_value(rt, global, "parseFloat", Value(parse_float_fn));
    define_value(rt, global, "parseInt", Value(parse_int_fn));
    define_value(rt, global, "Number", Value(number));
    define_value(rt, global, "Boolean", Value(boolean));

    Object* date_proto = create_plain_object(rt);
    NativeFunction* date =
        define_constructor(rt, "Date", 7, date_call, date_construct, *date_proto);
    define_method(rt, *date, "now", 0, date_now);
    define_value(rt, global, "Date", Value(date));
}

} // namespace loopsim::js
