#pragma once
// Elements: the integer-indexed own properties of an object (indices 0 .. 2^32-2).
//
// Two representations:
//   dense  - a vector of Values; element i is a data property with default attributes
//            (writable, enumerable, configurable), or a hole when it holds Value::empty().
//   sparse - an ordered map index -> (value, attributes), used as soon as one element has
//            other attributes or is an accessor, or an index lands more than kMaxDenseGap
//            past the dense end (a[1e9] = 1 must not allocate 8 GB).
// Once sparse, always sparse. Iteration is in ascending index order in both, which is
// exactly what OrdinaryOwnPropertyKeys asks for integer indices. Array `length` is not
// stored here (Array keeps it); an element vector may be shorter than the length.
#include "model/js/heap.h"
#include "model/js/property_attributes.h"
#include "model/js/value.h"

#include <cstdint>
#include <map>
#include <memory>
#include <vector>

namespace loopsim::js {

// An own property as stored: the data value, or the Accessor cell when the attributes
// have attr::Accessor.
struct OwnProperty {
    Value value;
    PropertyAttributes attributes = attr::None;
};

class Elements {
public:
    static constexpr uint32_t kMaxDenseGap = 1024;

    bool is_sparse() const { return m_sparse != nullptr; }
    bool is_empty() const { return m_dense.empty() && (!m_sparse || m_sparse->empty()); }

    bool lookup(uint32_t index, OwnProperty& out) const {
        if (!m_sparse) {
            if (index < m_dense.size() && !m_dense[index].is_empty()) {
                out = OwnProperty{m_dense[index], attr::Default};
                return true;
            }
            return false;
        }
        return lookup_sparse(index, out);
    }
    // Adds or replaces element `index`.
    void put(uint32_t index, Value value, PropertyAttributes attributes);
    // Removes element `index` if present (the caller checked [[Configurable]]).
    void remove(uint32_t index);
    // Removes every element >= new_length, from the highest down, stopping at the first
    // non-configurable one. Returns the length that results: new_length, or one past the
    // element that could not be deleted (ArraySetLength, steps 16-17).
    uint32_t truncate(uint32_t new_length);
    // Appends the present indices in ascending order.
    void collect_indices(std::vector<uint32_t>& out) const;
    // One past the highest present index (0 when empty).
    uint32_t end_index() const;

    // Fast paths for the VM: the dense vector (empty() entries are holes).
    bool is_dense() const { return !m_sparse; }
    std::vector<Value>& dense() { return m_dense; }
    const std::vector<Value>& dense() const { return m_dense; }

    size_t owned_bytes() const;
    void visit(Visitor& visitor) const;

private:
    bool lookup_sparse(uint32_t index, OwnProperty& out) const;
    void make_sparse();

    std::vector<Value> m_dense;
    std::unique_ptr<std::map<uint32_t, OwnProperty>> m_sparse;
};

} // namespace loopsim::js
