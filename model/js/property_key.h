#pragma once
// PropertyKey: the key of a JS property, in 8 bytes: an array index (0 .. 2^32-2), an
// interned String (an atom) or a Symbol. Because strings are interned, two keys are equal
// exactly when their bits are equal; hashing the bits is fine for lookups, but nothing may
// iterate a hash container of keys into output (use insertion order from the shape).
// Make keys from arbitrary strings with AtomTable::key(), which canonicalises "7" to the
// index 7 and interns everything else.
#include "model/js/cell.h"
#include "model/js/string.h"
#include "model/js/symbol.h"
#include "sim/assert.h"

#include <cstdint>
#include <functional>

namespace loopsim::js {

class PropertyKey {
public:
    static constexpr uint32_t kMaxIndex = 0xFFFFFFFEu; // 2^32 - 2

    PropertyKey() = default; // an invalid key (is_valid() false)
    static PropertyKey index(uint32_t i) {
        LOOPSIM_ASSERT(i <= kMaxIndex, "array index out of range");
        return PropertyKey((uint64_t{i} << 1) | 1);
    }
    static PropertyKey atom(String* s) {
        LOOPSIM_ASSERT(s->is_atom(), "a string property key must be interned");
        return PropertyKey(reinterpret_cast<uintptr_t>(s));
    }
    static PropertyKey symbol(Symbol* s) { return PropertyKey(reinterpret_cast<uintptr_t>(s)); }

    bool is_valid() const { return m_bits != 0; }
    bool is_index() const { return (m_bits & 1) != 0; }
    bool is_string() const {
        return !is_index() && is_valid() && cell()->kind() == CellKind::String;
    }
    bool is_symbol() const {
        return !is_index() && is_valid() && cell()->kind() == CellKind::Symbol;
    }

    uint32_t as_index() const {
        LOOPSIM_ASSERT(is_index(), "as_index of a non-index key");
        return static_cast<uint32_t>(m_bits >> 1);
    }
    String* as_string() const {
        LOOPSIM_ASSERT(is_string(), "as_string of a non-string key");
        return static_cast<String*>(cell());
    }
    Symbol* as_symbol() const {
        LOOPSIM_ASSERT(is_symbol(), "as_symbol of a non-symbol key");
        return static_cast<Symbol*>(cell());
    }
    // The cell this key keeps alive (an atom or a symbol), or null for an index.
    Cell* cell_or_null() const { return is_index() || !is_valid() ? nullptr : cell(); }

    uint64_t bits() const { return m_bits; }
    bool operator==(const PropertyKey& other) const = default;

private:
    explicit PropertyKey(uint64_t bits) : m_bits(bits) {}
    Cell* cell() const { return reinterpret_cast<Cell*>(static_cast<uintptr_t>(m_bits)); }

    uint64_t m_bits = 0;
};

struct PropertyKeyHash {
    size_t operator()(PropertyKey key) const {
        uint64_t x = key.bits();
        x ^= x >> 33;
        x *= 0xff51afd7ed558ccdULL;
        x ^= x >> 33;
        return static_cast<size_t>(x);
    }
};

} // namespace loopsim::js
