#pragma once
// Value: one JS value in 8 bytes (NaN boxing).
//
// Encoding, by the top 16 bits of the 64-bit word:
//   0x0000..0xFFF8  a double, stored as its own IEEE-754 bits. Every NaN is canonicalised to
//                   0x7FF8'0000'0000'0000 on the way in, so no double ever lands in the
//                   tagged range below (negative quiet NaNs would otherwise start 0xFFF8+).
//   0xFFF9          int32 in the low 32 bits (the fast path for indices, counters, bit ops)
//   0xFFFA          undefined        0xFFFB  null
//   0xFFFC          boolean (low bit)
//   0xFFFD          empty: the hole marker of arrays and of uninitialised bindings. Never a
//                   JS-visible value.
//   0xFFFE          a Cell* in the low 48 bits (strings, symbols, objects, internal cells)
//
// A number may be held either as int32 or as double; the two are the same JS value when
// they denote the same number. Equality of JS values is never bit equality: use
// is_strictly_equal / same_value (conversions.h). Value::number(double) picks int32 when the
// double is an int32 other than -0, so freshly computed integers take the fast path.
// No function here allocates, throws, or makes a virtual call.
#include "model/js/cell.h"
#include "sim/assert.h"

#include <bit>
#include <cmath>
#include <concepts>
#include <cstdint>
#include <cstring>

namespace loopsim::js {

class String;
class Symbol;
class Object;

class Value {
public:
    constexpr Value() : m_bits(tag_bits(kTagUndefined)) {}
    // Only a real bool converts (a pointer or an int must never become a boolean silently).
    template <std::same_as<bool> B>
    constexpr Value(B b) : m_bits(tag_bits(kTagBoolean) | (b ? 1 : 0)) {}
    constexpr Value(int32_t i) : m_bits(tag_bits(kTagInt32) | static_cast<uint32_t>(i)) {}
    explicit Value(double d) : m_bits(d != d ? kCanonicalNaN : std::bit_cast<uint64_t>(d)) {}
    Value(Cell* cell) : m_bits(tag_bits(kTagCell) | reinterpret_cast<uintptr_t>(cell)) {
        LOOPSIM_ASSERT(cell != nullptr, "a Value never holds a null cell pointer");
        LOOPSIM_ASSERT((reinterpret_cast<uintptr_t>(cell) >> 48) == 0,
                       "cell address above 48 bits");
    }

    static constexpr Value undefined() { return Value(); }
    static constexpr Value null() { return from_bits(tag_bits(kTagNull)); }
    static constexpr Value empty() { return from_bits(tag_bits(kTagEmpty)); }
    static constexpr Value from_bits(uint64_t bits) {
        Value v;
        v.m_bits = bits;
        return v;
    }
    // A number, as int32 when it is one (and not -0), otherwise as a double.
    static Value number(double d) {
        auto i = static_cast<int32_t>(d);
        if (d >= -2147483648.0 && d <= 2147483647.0 && static_cast<double>(i) == d &&
            !(i == 0 && std::signbit(d)))
            return Value(i);
        return Value(d);
    }

    // --- type predicates -----------------------------------------------------------------
    constexpr uint64_t bits() const { return m_bits; }
    constexpr bool is_double() const { return m_bits < tag_bits(kTagInt32); }
    constexpr bool is_int32() const { return tag() == kTagInt32; }
    constexpr bool is_number() const { return is_double() || is_int32(); }
    constexpr bool is_undefined() const { return tag() == kTagUndefined; }
    constexpr bool is_null() const { return tag() == kTagNull; }
    constexpr bool is_nullish() const { return is_undefined() || is_null(); }
    constexpr bool is_boolean() const { return tag() == kTagBoolean; }
    constexpr bool is_empty() const { return tag() == kTagEmpty; }
    constexpr bool is_cell() const { return tag() == kTagCell; }
    bool is_string() const { return is_cell() && as_cell()->kind() == CellKind::String; }
    bool is_symbol() const { return is_cell() && as_cell()->kind() == CellKind::Symbol; }
    bool is_object() const { return is_cell() && as_cell()->is_object(); }
    // A JS primitive: anything except an object (internal cells are never JS-visible).
    bool is_primitive() const { return !is_object(); }

    // --- accessors (assert the type) -----------------------------------------------------
    int32_t as_int32() const {
        LOOPSIM_ASSERT(is_int32(), "as_int32 of a non-int32 value");
        return static_cast<int32_t>(static_cast<uint32_t>(m_bits));
    }
    double as_double() const {
        LOOPSIM_ASSERT(is_double(), "as_double of a non-double value");
        return std::bit_cast<double>(m_bits);
    }
    // The number, whichever way it is stored.
    double as_number() const {
        if (is_int32()) return static_cast<double>(as_int32());
        LOOPSIM_ASSERT(is_double(), "as_number of a non-number value");
        return std::bit_cast<double>(m_bits);
    }
    bool as_bool() const {
        LOOPSIM_ASSERT(is_boolean(), "as_bool of a non-boolean value");
        return (m_bits & 1) != 0;
    }
    Cell* as_cell() const {
        LOOPSIM_ASSERT(is_cell(), "as_cell of a non-cell value");
        return reinterpret_cast<Cell*>(static_cast<uintptr_t>(m_bits & kPayloadMask));
    }
    String* as_string() const {
        LOOPSIM_ASSERT(is_string(), "as_string of a non-string value");
        return reinterpret_cast<String*>(as_cell());
    }
    Symbol* as_symbol() const {
        LOOPSIM_ASSERT(is_symbol(), "as_symbol of a non-symbol value");
        return reinterpret_cast<Symbol*>(as_cell());
    }
    Object* as_object() const {
        LOOPSIM_ASSERT(is_object(), "as_object of a non-object value");
        return reinterpret_cast<Object*>(as_cell());
    }

    // Representation identity (same bits). Not a JS equality.
    constexpr bool is_same_bits(Value other) const { return m_bits == other.m_bits; }

private:
    static constexpr uint64_t kTagInt32 = 0xFFF9;
    static constexpr uint64_t kTagUndefined = 0xFFFA;
    static constexpr uint64_t kTagNull = 0xFFFB;
    static constexpr uint64_t kTagBoolean = 0xFFFC;
    static constexpr uint64_t kTagEmpty = 0xFFFD;
    static constexpr uint64_t kTagCell = 0xFFFE;
    static constexpr uint64_t kPayloadMask = (uint64_t{1} << 48) - 1;
    static constexpr uint64_t kCanonicalNaN = 0x7FF8'0000'0000'0000;

    static constexpr uint64_t tag_bits(uint64_t tag) { return tag << 48; }
    constexpr uint64_t tag() const { return m_bits >> 48; }

    uint64_t m_bits;
};

static_assert(sizeof(Value) == 8);

} // namespace loopsim::js
