#pragma once
// Environment: the heap record of the captured variables of one scope.
//
// Scope analysis (scope.h) decides which variables a nested function captures; only those
// live here, every other variable lives in a register of its frame. A scope with at least
// one captured variable gets one Environment per entry (per iteration for the let bindings
// of a for loop, via copy()), chained to the environment of the enclosing scope. A closure
// keeps the environment it was created in. Slots start uninitialised (Value::empty()), the
// marker the VM's TDZ checks look for.
#include "model/js/cell.h"
#include "model/js/heap.h"

#include <vector>

namespace loopsim::js {

class Environment final : public Cell {
public:
    Environment(Environment* parent, uint32_t slot_count)
        : Cell(CellKind::Internal), m_parent(parent), m_slots(slot_count, Value::empty()) {}

    static Environment* create(Heap& heap, Environment* parent, uint32_t slot_count);
    // A new environment with the same parent and the same slot values.
    Environment* copy(Heap& heap) const;

    Environment* parent() const { return m_parent; }
    // The environment `depth` levels up (0: this one).
    Environment* up(uint32_t depth) {
        Environment* e = this;
        while (depth-- > 0) e = e->m_parent;
        return e;
    }
    Value slot(uint32_t index) const { return m_slots[index]; }
    void set_slot(uint32_t index, Value value) { m_slots[index] = value; }
    uint32_t slot_count() const { return static_cast<uint32_t>(m_slots.size()); }

    void visit_edges(Visitor& visitor) override;

private:
    Environment* m_parent;
    std::vector<Value> m_slots;
};

} // namespace loopsim::js
