// Environment: creation, per-iteration copies and tracing.
#include "model/js/environment.h"

#include "sim/assert.h"

#include <algorithm>

namespace loopsim::js {

Environment* Environment::create(Heap& heap, Environment* parent, uint32_t slot_count) {
    Environment* e = heap.allocate_sized<Environment>(
        sizeof(Environment) + slot_count * sizeof(Value), parent, slot_count);
    LOOPSIM_ASSERT(e->slot_count() == slot_count, "an environment's byte count gives its slots");
    return e;
}

Environment* Environment::copy(Heap& heap) const {
    Environment* e = create(heap, m_parent, slot_count());
    std::copy_n(slots(), slot_count(), e->slots());
    return e;
}

void Environment::visit_edges(Visitor& visitor) {
    visitor.visit(m_parent);
    const uint32_t count = slot_count();
    for (uint32_t i = 0; i < count; ++i) visitor.visit(slots()[i]);
}

} // namespace loopsim::js
