#pragma once
// Number parsing and formatting the built-ins share: parseInt (§19.2.5), parseFloat
// (§19.2.4), and the en-US formatting of Number.prototype.toLocaleString. JS white space is
// is_js_whitespace in conversions.h.
#include "model/js/conversions.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace loopsim::js {

// parseInt(text, radix) once radix is ToInt32'd (0 = detect).
double parse_int(std::u16string_view text, int32_t radix);
double parse_float(std::u16string_view text);
// (x).toLocaleString() in Node's default locale, en-US: grouping commas, at most three
// fraction digits rounded half away from zero, "∞", "NaN", "-0".
std::string format_number_en_us(double x);

} // namespace loopsim::js
