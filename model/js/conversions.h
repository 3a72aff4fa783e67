#pragma once
// Conversions and comparisons of ECMA-262 §7.1 and §7.2, and the number formatting of
// §6.1.6.1.20 Number::toString and §21.1.3 (toFixed, toExponential, toPrecision).
//
// The pure functions work on primitives and never allocate. The functions taking a Runtime
// may call into JS (ToPrimitive calls @@toPrimitive, valueOf, toString through
// Runtime::call), so they return completions. Output matches V8 (Node 20) exactly; the
// tests compare against strings recorded from node.
#include "model/js/completion.h"
#include "model/js/property_key.h"
#include "model/js/value.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace loopsim::js {

class Runtime;
class String;

// --- on primitives ---------------------------------------------------------------------------
bool to_boolean(Value value);
// The result of `typeof`.
const char* typeof_string(Value value);
// WhiteSpace and LineTerminator code points (ECMA-262 12.2, 12.3): what StringToNumber,
// trim() and parseInt/parseFloat skip.
bool is_js_whitespace(char16_t c);
double to_integer_or_infinity(double number);
int32_t to_int32(double number);
uint32_t to_uint32(double number);
bool is_strictly_equal(Value a, Value b);
bool same_value(Value a, Value b);
bool same_value_zero(Value a, Value b);

// --- numbers to strings ---------------------------------------------------------------------
// Number::toString(x, 10): shortest round-trip digits, JS layout ("1e+21", "1e-7", "-0" ->
// "0").
std::string number_to_string(double number);
// Number.prototype.toString(radix), radix 2..36, fractions included, as V8 prints them.
std::string number_to_string_radix(double number, int radix);
// Number.prototype.toFixed(digits), digits 0..100 (the caller range-checks and throws).
std::string number_to_fixed(double number, int fraction_digits);
// Number.prototype.toExponential(digits), digits 0..100, or -1 for "as many as needed".
std::string number_to_exponential(double number, int fraction_digits);
// Number.prototype.toPrecision(precision), precision 1..100.
std::string number_to_precision(double number, int precision);

// --- strings to numbers ---------------------------------------------------------------------
// StringToNumber (§7.1.4.1.1): trims JS white space and line terminators; empty -> 0;
// 0x/0o/0b prefixes (unsigned); [+-]Infinity; decimal literals; anything else -> NaN.
// Numeric separators are not accepted, as the spec says for strings.
double string_to_number(std::u16string_view text);
double string_to_number(const String* text);

// --- with the runtime (may call into JS) ------------------------------------------------------
enum class PreferredType : uint8_t {
    Default,
    Number,
    String
};
// ToPrimitive (§7.1.1): calls @@toPrimitive, else OrdinaryToPrimitive (valueOf/toString).
Completion to_primitive(Runtime& runtime, Value value,
                        PreferredType preferred = PreferredType::Default);
ThrowCompletionOr<double> to_number(Runtime& runtime, Value value);
ThrowCompletionOr<String*> to_string(Runtime& runtime, Value value);
ThrowCompletionOr<PropertyKey> to_property_key(Runtime& runtime, Value value);
// IsLooselyEqual (§7.2.14), `==`.
ThrowCompletionOr<bool> is_loosely_equal(Runtime& runtime, Value a, Value b);
// The JS string of a number (Number::toString), as a heap String.
String* number_to_js_string(Runtime& runtime, double number);

} // namespace loopsim::js
