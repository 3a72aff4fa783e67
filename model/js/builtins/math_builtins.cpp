// Math (ECMA-262 §21.3). The exactly specified functions (floor, ceil, round, trunc, sign,
// abs, min, max, sqrt, fround, imul, clz32, hypot's summation) follow the spec and V8 bit
// for bit; the transcendental ones use the C library, which agrees with V8's fdlibm to
// within one unit in the last place. Math.random draws from the runtime's seeded stream.
#include "model/js/builtins/builtin_support.h"
#include "model/js/builtins/install.h"

#include <bit>
#include <cmath>
#include <numbers>

namespace loopsim::js {

double js_math_round(double x) {
    if (!std::isfinite(x) || x == 0) return x;
    if (x > 0 && x < 0.5) return 0.0;
    if (x < 0 && x >= -0.5) return -0.0;
    if (std::fabs(x) >= 4503599627370496.0) return x; // 2^52: already an integer
    double r = std::floor(x);
    if (x - r >= 0.5) r += 1;
    return r;
}

double js_math_pow(double base, double exponent) {
    if (std::isnan(exponent)) return NAN;
    if (exponent == 0) return 1;
    if ((base == 1 || base == -1) && std::isinf(exponent)) return NAN;
    return std::pow(base, exponent);
}

namespace {

using UnaryFn = double (*)(double);

template <UnaryFn F>
Completion unary(Runtime& rt, NativeFunction&, Value, std::span<const Value> args) {
    double x = LOOPSIM_TRY(to_number(rt, arg(args, 0)));
    return Value::number(F(x));
}

double js_abs(double x) {
    return std::fabs(x);
}
double js_acos(double x) {
    return std::acos(x);
}
double js_acosh(double x) {
    return std::acosh(x);
}
double js_asin(double x) {
    return std::asin(x);
}
double js_asinh(double x) {
    return std::asinh(x);
}
double js_atan(double x) {
    return std::atan(x);
}
double js_atanh(double x) {
    return std::atanh(x);
}
double js_ceil(double x) {
    return std::ceil(x);
}
// The C library's cbrt can be one unit off (cbrt(27) = 3.0000000000000004); pick the
// neighbour whose cube is closest to x, measured in extended precision.
double js_cbrt(double x) {
    double y = std::cbrt(x);
    if (!std::isfinite(y) || y == 0) return y;
    auto error = [x](double candidate) {
        long double c = candidate;
        return std::fabs(static_cast<long double>(c * c * c) - static_cast<long double>(x));
    };
    double best = y;
    for (double candidate : {std::nextafter(y, -INFINITY), std::nextafter(y, INFINITY)})
        if (error(candidate) < error(best)) best = candidate;
    return best;
}
double js_expm1(double x) {
    return std::expm1(x);
}
double js_cos(double x) {
    return std::cos(x);
}
double js_cosh(double x) {
    return std::cosh(x);
}
double js_exp(double x) {
    return std::exp(x);
}
double js_floor(double x) {
    return std::floor(x);
}
double js_fround(double x) {
    return static_cast<double>(static_cast<float>(x));
}
double js_log(double x) {
    return std::log(x);
}
double js_log1p(double x) {
    return std::log1p(x);
}
double js_log2(double x) {
    return std::log2(x);
}
double js_log10(double x) {
    return std::log10(x);
}
double js_sign(double x) {
    if (std::isnan(x) || x == 0) return x;
    return x > 0 ? 1 : -1;
}
double js_sin(double x) {
    return std::sin(x);
}
double js_sinh(double x) {
    return std::sinh(x);
}
double js_sqrt(double x) {
    return std::sqrt(x);
}
double js_tan(double x) {
    return std::tan(x);
}
double js_tanh(double x) {
    return std::tanh(x);
}
double js_trunc(double x) {
    return std::trunc(x);
}

Completion math_clz32(Runtime& rt, NativeFunction&, Value, std::span<const Value> args) {
    uint32_t n = to_uint32(LOOPSIM_TRY(to_number(rt, arg(args, 0))));
    return Value(static_cast<int32_t>(std::countl_zero(n)));
}

Completion math_imul(Runtime& rt, NativeFunction&, Value, std::span<const Value> args) {
    uint32_t a = to_uint32(LOOPSIM_TRY(to_number(rt, arg(args, 0))));
    uint32_t b = to_uint32(LOOPSIM_TRY(to_number(rt, arg(args, 1))));
    return Value(static_cast<int32_t>(a * b));
}

Completion math_atan2(Runtime& rt, NativeFunction&, Value, std::span<const Value> args) {
    double y = LOOPSIM_TRY(to_number(rt, arg(args, 0)));
    double x = LOOPSIM_TRY(to_number(rt, arg(args, 1)));
    return Value::number(std::atan2(y, x));
}

Completion math_pow(Runtime& rt, NativeFunction&, Value, std::span<const Value> args) {
    double base = LOOPSIM_TRY(to_number(rt, arg(args, 0)));
    double exponent = LOOPSIM_TRY(to_number(rt, arg(args, 1)));
    return Value::number(js_math_pow(base, exponent));
}

Completion math_round(Runtime& rt, NativeFunction&, Value, std::span<const Value> args) {
    return Value::number(js_math_round(LOOPSIM_TRY(to_number(rt, arg(args, 0)))));
}

// Every argument is converted first (their valueOf calls are observable), then compared.
ThrowCompletionOr<std::vector<double>> numbers_of(Runtime& rt, std::span<const Value> args) {
    std::vector<double> numbers;
    numbers.reserve(args.size());
    for (Value v : args) numbers.push_back(LOOPSIM_TRY(to_number(rt, v)));
    return numbers;
}

Completion math_max(Runtime& rt, NativeFunction&, Value, std::span<const Value> args) {
    std::vector<double> numbers = LOOPSIM_TRY(numbers_of(rt, args));
    double result = -INFINITY;
    for (double n : numbers) {
        if (std::isnan(n)) return Value(NAN);
        if (n > result || (n == 0 && result == 0 && !std::signbit(n))) result = n;
    }
    return Value::number(result);
}

Completion math_min(Runtime& rt, NativeFunction&, Value, std::span<const Value> args) {
    std::vector<double> numbers = LOOPSIM_TRY(numbers_of(rt, args));
    double result = INFINITY;
    for (double n : numbers) {
        if (std::isnan(n)) return Value(NAN);
        if (n < result || (n == 0 && result == 0 && std::signbit(n))) result = n;
    }
    return Value::number(result);
}

Completion math_hypot(Runtime& rt, NativeFunction&, Value, std::span<const Value> args) {
    std::vector<double> numbers = LOOPSIM_TRY(numbers_of(rt, args));
    double max = 0;
    bool saw_nan = false;
    for (double n : numbers) {
        double a = std::fabs(n);
        if (std::isinf(a)) return Value(INFINITY);
        if (std::isnan(a))
            saw_nan = true;
        else if (a > max)
            max = a;
    }
    if (saw_nan) return Value(NAN);
    if (max == 0) return Value(0);
    // Kahan summation of the squares, scaled by the largest magnitude.
    double sum = 0, compensation = 0;
    for (double n : numbers) {
        double scaled = std::fabs(n) / max;
        double summand = scaled * scaled - compensation;
        double preliminary = sum + summand;
        compensation = (preliminary - sum) - summand;
        sum = preliminary;
    }
    return Value::number(std::sqrt(sum) * max);
}

Completion math_random(Runtime& rt, NativeFunction&, Value, std::span<const Value>) {
    return Value(rt.random().next_unit());
}

} // namespace

void install_math(Runtime& rt, Object& global) {
    Object* math = create_plain_object(rt);
    define_method(rt, *math, "abs", 1, unary<js_abs>);
    define_method(rt, *math, "acos", 1, unary<js_acos>);
    define_method(rt, *math, "acosh", 1, unary<js_acosh>);
    define_method(rt, *math, "asin", 1, unary<js_asin>);
    define_method(rt, *math, "asinh", 1, unary<js_asinh>);
    define_method(rt, *math, "atan", 1, unary<js_atan>);
    define_method(rt, *math, "atanh", 1, unary<js_atanh>);
    define_method(rt, *math, "atan2", 2, math_atan2);
    define_method(rt, *math, "ceil", 1, unary<js_ceil>);
    define_method(rt, *math, "cbrt", 1, unary<js_cbrt>);
    define_method(rt, *math, "expm1", 1, unary<js_expm1>);
    define_method(rt, *math, "clz32", 1, math_clz32);
    define_method(rt, *math, "cos", 1, unary<js_cos>);
    define_method(rt, *math, "cosh", 1, unary<js_cosh>);
    define_method(rt, *math, "exp", 1, unary<js_exp>);
    define_method(rt, *math, "floor", 1, unary<js_floor>);
    define_method(rt, *math, "fround", 1, unary<js_fround>);
    define_method(rt, *math, "hypot", 2, math_hypot);
    define_method(rt, *math, "imul", 2, math_imul);
    define_method(rt, *math, "log", 1, unary<js_log>);
    define_method(rt, *math, "log1p", 1, unary<js_log1p>);
    define_method(rt, *math, "log2", 1, unary<js_log2>);
    define_method(rt, *math, "log10", 1, unary<js_log10>);
    define_method(rt, *math, "max", 2, math_max);
    define_method(rt, *math, "min", 2, math_min);
    define_method(rt, *math, "pow", 2, math_pow);
    define_method(rt, *math, "random", 0, math_random);
    define_method(rt, *math, "round", 1, math_round);
    define_method(rt, *math, "sign", 1, unary<js_sign>);
    define_method(rt, *math, "sin", 1, unary<js_sin>);
    define_method(rt, *math, "sinh", 1, unary<js_sinh>);
    define_method(rt, *math, "sqrt", 1, unary<js_sqrt>);
    define_method(rt, *math, "tan", 1, unary<js_tan>);
    define_method(rt, *math, "tanh", 1, unary<js_tanh>);
    define_method(rt, *math, "trunc", 1, unary<js_trunc>);
    define_value(rt, *math, "E", Value(std::numbers::e), attr::None);
    define_value(rt, *math, "LN10", Value(std::numbers::ln10), attr::None);
    define_value(rt, *math, "LN2", Value(std::numbers::ln2), attr::None);
    define_value(rt, *math, "LOG10E", Value(std::numbers::log10e), attr::None);
    define_value(rt, *math, "LOG2E", Value(std::numbers::log2e), attr::None);
    define_value(rt, *math, "PI", Value(std::numbers::pi), attr::None);
    define_value(rt, *math, "SQRT1_2", Value(std::numbers::sqrt2 / 2), attr::None);
    define_value(rt, *math, "SQRT2", Value(std::numbers::sqrt2), attr::None);
    math->put_direct(rt, PropertyKey::symbol(rt.well_known_symbol(WellKnownSymbol::ToStringTag)),
                     Value(rt.string("Math")), attr::Configurable);
    define_value(rt, global, "Math", Value(math));
}

} // namespace loopsim::js
