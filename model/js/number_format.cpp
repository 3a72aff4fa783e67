// Number formatting: Number::toString (§6.1.6.1.20), radix toString, toFixed,
// toExponential, toPrecision. Digits come from std::to_chars (shortest round trip) or
// from the exact decimal expansion printf gives for a double; rounding is half-up on that
// exact expansion ("if there are two such n, pick the larger n"), as the spec asks.
#include "model/js/conversions.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

namespace loopsim::js {

namespace {

constexpr char kDigitChars[] = "0123456789abcdefghijklmnopqrstuvwxyz";

// Shortest round-trip decimal digits of a positive finite x: x = 0.d1d2...dk * 10^n.
void shortest_digits(double x, std::string& digits, int& n) {
    char buffer[64];
    auto result = std::to_chars(buffer, buffer + sizeof buffer, x, std::chars_format::scientific);
    std::string_view text(buffer, static_cast<size_t>(result.ptr - buffer));
    size_t e = text.find('e');
    digits.clear();
    for (size_t i = 0; i < e; ++i)
        if (text[i] != '.') digits.push_back(text[i]);
    n = std::atoi(std::string(text.substr(e + 1)).c_str()) + 1;
}

std::string exponent_suffix(int e) {
    return std::string(e < 0 ? "e-" : "e+") + std::to_string(std::abs(e));
}

// The first `count` significant digits of positive finite x, rounded half-up on the exact
// value, and the decimal exponent e of the first digit (x ~ d.ddd * 10^e).
void rounded_digits(double x, int count, std::string& digits, int& e) {
    std::vector<char> buffer(1200);
    std::snprintf(buffer.data(), buffer.size(), "%.1100e", x); // exact for every double
    std::string_view text(buffer.data());
    size_t epos = text.find('e');
    e = std::atoi(text.data() + epos + 1);
    std::string all;
    for (size_t i = 0; i < epos; ++i)
        if (text[i] != '.') all.push_back(text[i]);
    digits = all.substr(0, static_cast<size_t>(count));
    bool round_up =
        static_cast<size_t>(count) < all.size() && all[static_cast<size_t>(count)] >= '5';
    if (!round_up) return;
    int i = count - 1;
    while (i >= 0 && digits[static_cast<size_t>(i)] == '9') digits[static_cast<size_t>(i--)] = '0';
    if (i >= 0) {
        digits[static_cast<size_t>(i)] += 1;
    } else {
        digits.insert(digits.begin(), '1'); // 9.99 -> 10.0: one more digit, drop the last
        digits.pop_back();
        e += 1;
    }
}

} // namespace

std::string number_to_string(double x) {
    if (std::isnan(x)) return "NaN";
    if (x == 0) return "0";
    if (x < 0) return "-" + number_to_string(-x);
    if (std::isinf(x)) return "Infinity";
    std::string d;
    int n = 0;
    shortest_digits(x, d, n);
    int k = static_cast<int>(d.size());
    if (k <= n && n <= 21) return d + std::string(static_cast<size_t>(n - k), '0');
    if (0 < n && n <= 21)
        return d.substr(0, static_cast<size_t>(n)) + "." + d.substr(static_cast<size_t>(n));
    if (-6 < n && n <= 0) return "0." + std::string(static_cast<size_t>(-n), '0') + d;
    std::string mantissa = k == 1 ? d : d.substr(0, 1) + "." + d.substr(1);
    return mantissa + exponent_suffix(n - 1);
}

std::string number_to_string_radix(double value, int radix) {
    LOOPSIM_ASSERT(radix >= 2 && radix <= 36, "radix out of range");
    if (radix == 10 || std::isnan(value) || std::isinf(value) || value == 0)
        return number_to_string(value);
    bool negative = value < 0;
    if (negative) value = -value;
    double integer = std::floor(value);
    double fraction = value - integer;
    // Half the distance to the next double: digits below it cannot be told apart.
    double delta =
        std::max(0.5 * (std::nextafter(value, INFINITY) - value), std::nextafter(0.0, 1.0));
    std::vector<int> fraction_digits;
    if (fraction >= delta) {
        do {
            fraction *= radix;
            delta *= radix;
            auto digit = static_cast<int>(fraction);
            fraction_digits.push_back(digit);
            fraction -= digit;
            // Round up when past half and the next digit could not matter anyway.
            if ((fraction > 0.5 || (fraction == 0.5 && (digit & 1))) && fraction + delta > 1) {
                while (true) {
                    if (fraction_digits.empty()) {
                        integer += 1;
                        break;
                    }
                    int last = fraction_digits.back() + 1;
                    if (last < radix) {
                        fraction_digits.back() = last;
                        break;
                    }
                    fraction_digits.pop_back();
                }
                break;
            }
        } while (fraction >= delta);
    }
    // Integer digits. Beyond 2^53 the low digits carry no information: emit zeros for them.
    std::string integer_text;
    while (integer / radix >= 9007199254740992.0) {
        integer /= radix;
        integer_text.push_back('0');
    }
    do {
        double remainder = std::fmod(integer, radix);
        integer_text.push_back(kDigitChars[static_cast<int>(remainder)]);
        integer = (integer - remainder) / radix;
    } while (integer > 0);
    std::reverse(integer_text.begin(), integer_text.end());
    std::string out = negative ? "-" : "";
    out += integer_text;
    if (!fraction_digits.empty()) {
        out.push_back('.');
        for (int d : fraction_digits) out.push_back(kDigitChars[d]);
    }
    return out;
}

std::string number_to_fixed(double x, int f) {
    LOOPSIM_ASSERT(f >= 0 && f <= 100, "toFixed digits out of range");
    if (!std::isfinite(x)) return number_to_string(x);
    if (std::fabs(x) >= 1e21) return number_to_string(x);
    std::string sign = x < 0 ? "-" : "";
    x = std::fabs(x);
    std::vector<char> buffer(1200);
    std::snprintf(buffer.data(), buffer.size(), "%.1100f", x); // exact
    std::string_view text(buffer.data());
    size_t point = text.find('.');
    std::string n(text.substr(0, point));
    n += text.substr(point + 1, static_cast<size_t>(f));
    if (text[point + 1 + static_cast<size_t>(f)] >= '5') {
        int i = static_cast<int>(n.size()) - 1;
        while (i >= 0 && n[static_cast<size_t>(i)] == '9') n[static_cast<size_t>(i--)] = '0';
        if (i >= 0)
            n[static_cast<size_t>(i)] += 1;
        else
            n.insert(n.begin(), '1');
    }
    // n now holds the integer n of the spec with f implied decimals; strip leading zeros.
    size_t first = n.find_first_not_of('0');
    std::string m = first == std::string::npos ? "0" : n.substr(first);
    if (f != 0) {
        auto k = static_cast<int>(m.size());
        if (k <= f) {
            m = std::string(static_cast<size_t>(f + 1 - k), '0') + m;
            k = f + 1;
        }
        m = m.substr(0, static_cast<size_t>(k - f)) + "." + m.substr(static_cast<size_t>(k - f));
    }
    return sign + m;
}

std::string number_to_exponential(double x, int f) {
    LOOPSIM_ASSERT(f >= -1 && f <= 100, "toExponential digits out of range");
    if (!std::isfinite(x)) return number_to_string(x);
    std::string sign = x < 0 ? "-" : "";
    x = std::fabs(x);
    std::string digits;
    int e = 0;
    if (x == 0) {
        digits = std::string(static_cast<size_t>(std::max(f, 0) + 1), '0');
    } else if (f < 0) {
        int n = 0;
        shortest_digits(x, digits, n);
        e = n - 1;
    } else {
        rounded_digits(x, f + 1, digits, e);
    }
    std::string m = digits.size() == 1 ? digits : digits.substr(0, 1) + "." + digits.substr(1);
    return sign + m + exponent_suffix(e);
}

std::string number_to_precision(double x, int p) {
    LOOPSIM_ASSERT(p >= 1 && p <= 100, "toPrecision precision out of range");
    if (!std::isfinite(x)) return number_to_string(x);
    std::string sign = x < 0 ? "-" : "";
    x = std::fabs(x);
    std::string m;
    int e = 0;
    if (x == 0)
        m = std::string(static_cast<size_t>(p), '0');
    else
        rounded_digits(x, p, m, e);
    if (e < -6 || e >= p) {
        std::string mantissa = p == 1 ? m : m.substr(0, 1) + "." + m.substr(1);
        return sign + mantissa + exponent_suffix(e);
    }
    if (e == p - 1) return sign + m;
    if (e >= 0)
        return sign + m.substr(0, static_cast<size_t>(e + 1)) + "." +
               m.substr(static_cast<size_t>(e + 1));
    return sign + "0." + std::string(static_cast<size_t>(-(e + 1)), '0') + m;
}

} // namespace loopsim::js
