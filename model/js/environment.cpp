// Environment: creation, per-iteration copies and tracing.
#include "model/js/environment.h"

namespace loopsim::js {

Environment* Environment::create(Heap& heap, Environment* parent, uint32_t slot_count) {
    return heap.allocate_accounting<Environment>(slot_count * sizeof(Value), parent, slot_count);
}

Environment* Environment::copy(Heap& heap) const {
    Environment* e = create(heap, m_parent, slot_count());
    e->m_slots = m_slots;
    return e;
}

void Environment::visit_edges(Visitor& visitor) {
    visitor.visit(m_parent);
    for (Value v : m_slots) visitor.visit(v);
}

} // namespace loopsim::js
