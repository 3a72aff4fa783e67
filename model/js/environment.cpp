// Environment: creation, per-iteration copies and tracing.
#include "model/js/environment.h"

#include <algorithm>

namespace loopsim::js {

Environment* Environment::create(Heap& heap, Environment* parent, uint32_t slot_count) {
    return heap.allocate_sized<Environment>(sizeof(Environment) + slot_count * sizeof(Value),
                                            parent, slot_count);
}

Environment* Environment::copy(Heap& heap) const {
    Environment* e = create(heap, m_parent, slot_count());
    std::copy_n(slots(), m_slot_count, e->slots());
    return e;
}

void Environment::visit_edges(Visitor& visitor) {
    visitor.visit(m_parent);
    for (uint32_t i = 0; i < m_slot_count; ++i) visitor.visit(slots()[i]);
}

} // namespace loopsim::js
