#pragma once
// Environment: the heap record of the captured variables of one scope.
//
// Scope analysis (scope.h) decides which variables a nested function captures; only those
// live here, every other variable lives in a register of its frame. A scope with at least
// one captured variable gets one Environment per entry (per iteration for the let bindings
// of a for loop, via copy()), chained to the environment of the enclosing scope. A closure
// keeps the environment it was created in. Slots start uninitialised (Value::empty()), the
// marker the VM's TDZ checks look for.
// Memory: the slots follow the cell in the same allocation (an environment never changes
// its slot count), so an environment of one variable is 40 bytes and one allocation. The
// count is not stored: it is what the cell's byte count leaves after the header.
#include "model/js/cell.h"
#include "model/js/heap.h"

#include <memory>

namespace loopsim::js {

class Environment final : public Cell {
public:
    Environment(Environment* parent, uint32_t slot_count)
        : Cell(CellKind::Internal), m_parent(parent) {
        std::uninitialized_fill_n(slots(), slot_count, Value::empty());
    }

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
    Value slot(uint32_t index) const { return slots()[index]; }
    void set_slot(uint32_t index, Value value) { slots()[index] = value; }
    uint32_t slot_count() const {
        return static_cast<uint32_t>((heap_bytes() - sizeof(Environment)) / sizeof(Value));
    }

    void visit_edges(Visitor& visitor) override;

private:
    Value* slots() { return reinterpret_cast<Value*>(this + 1); }
    const Value* slots() const { return reinterpret_cast<const Value*>(this + 1); }

    Environment* m_parent;
};
static_assert(sizeof(Environment) % alignof(Value) == 0, "inline slots follow the cell");

} // namespace loopsim::js
