// Heap: allocation accounting, root marking, iterative tracing and sweeping.
#include "model/js/heap.h"

#include "model/js/shape.h"

#include <algorithm>

namespace loopsim::js {

const char* cell_kind_name(CellKind kind) {
    switch (kind) {
#define LOOPSIM_CELL_KIND(name, text)                                                              \
    case CellKind::name:                                                                           \
        return text;
#include "model/js/cell_kinds.def"
#undef LOOPSIM_CELL_KIND
    }
    return "?";
}

Heap::Heap(HeapOptions options) : m_options(options) {
    m_stats.trigger_bytes = m_options.min_trigger_bytes;
}

template <typename Fn> void Heap::for_each_block_cell(Fn&& fn) {
    m_arena.for_each_block([&](std::byte* p, std::byte* end) {
        while (p < end) {
            // Read before fn may destroy the cell.
            const auto kind = static_cast<CellKind>(p[kKindOffset]);
            const auto size = size_t{static_cast<uint8_t>(p[kSizeClassOffset])} * kGranule;
            LOOPSIM_ASSERT(size > 0, "a block slot without a size class");
            if (kind != kFreeKind) fn(reinterpret_cast<Cell*>(p));
            p += size;
        }
    });
}

Heap::~Heap() {
    Shape::clear_lookup_cache();
    LOOPSIM_ASSERT(m_handles == nullptr, "a RootedValue outlives its heap");
    // The blocks go with m_arena; cells allocated on their own are freed here.
    for_each_block_cell([](Cell* cell) { cell->~Cell(); });
    for (Cell* cell : m_own_cells) {
        cell->~Cell();
        ::operator delete(cell);
    }
}

void Heap::free_memory(void* cell, uint8_t size_class) {
    if (size_class == 0) {
        ::operator delete(cell);
        return;
    }
    auto* free_cell = ::new (cell) FreeCell{m_free[size_class], 0, kFreeKind, false, size_class, 0};
    m_free[size_class] = free_cell;
}

void Heap::link(Cell* cell, size_t bytes, uint8_t size_class) {
    LOOPSIM_ASSERT(!m_collecting, "allocation during a collection");
    cell->m_heap_bytes = static_cast<uint32_t>(std::min<size_t>(bytes, UINT32_MAX));
    if (size_class == 0) [[unlikely]]
        link_own(cell);
    m_stats.heap_bytes += cell->m_heap_bytes;
    m_stats.heap_cells += 1;
    m_stats.allocated_cells += 1;
    m_stats.peak_heap_bytes = std::max(m_stats.peak_heap_bytes, m_stats.heap_bytes);
}

// Out of line, so that linking a block cell (nearly every allocation) saves no registers.
void Heap::link_own(Cell* cell) {
    m_own_cells.push_back(cell);
}

void Heap::account_external(Cell* cell, int64_t delta) {
    int64_t now = static_cast<int64_t>(cell->m_heap_bytes) + delta;
    LOOPSIM_ASSERT(now >= 0, "a cell released more external bytes than it accounted");
    now = std::min<int64_t>(now, UINT32_MAX);
    m_stats.heap_bytes = m_stats.heap_bytes - cell->m_heap_bytes + static_cast<size_t>(now);
    cell->m_heap_bytes = static_cast<uint32_t>(now);
    m_stats.peak_heap_bytes = std::max(m_stats.peak_heap_bytes, m_stats.heap_bytes);
}

bool Heap::safepoint() {
    if (m_defer_depth > 0) return false;
    if (!m_options.collect_at_every_safepoint && !is_collection_due()) return false;
    collect();
    return true;
}

void Heap::add_root_source(RootSource* source) {
    m_root_sources.push_back(source);
}

void Heap::remove_root_source(RootSource* source) {
    auto it = std::find(m_root_sources.begin(), m_root_sources.end(), source);
    LOOPSIM_ASSERT(it != m_root_sources.end(), "removing a root source that was never added");
    m_root_sources.erase(it);
}

void Heap::register_weak_cell(Cell* cell) {
    m_weak_cells.push_back(cell);
}

void Heap::add_weak_table(WeakTable* table) {
    m_weak_tables.push_back(table);
}

void Heap::remove_weak_table(WeakTable* table) {
    auto it = std::find(m_weak_tables.begin(), m_weak_tables.end(), table);
    LOOPSIM_ASSERT(it != m_weak_tables.end(), "removing a weak table that was never added");
    m_weak_tables.erase(it);
}

void Heap::mark_roots(Visitor& visitor) {
    for (RootedValue* handle = m_handles; handle != nullptr; handle = handle->m_next) {
        visitor.visit(handle->m_value);
        visitor.drain_if_long();
    }
    // By index: a root source may not add or remove sources while visiting, but be robust.
    for (size_t i = 0; i < m_root_sources.size(); ++i) {
        m_root_sources[i]->visit_roots(visitor);
        visitor.drain();
    }
}

void Heap::collect() {
    LOOPSIM_ASSERT(m_defer_depth == 0, "collect() inside a DeferGC scope");
    LOOPSIM_ASSERT(!m_collecting, "collect() re-entered");
    m_collecting = true;

    // Mark: roots first, then drain the gray stack. Each cell is pushed once (the mark bit
    // is set on push), so the stack never holds more than the number of live cells.
    Visitor visitor;
    visitor.m_gray = std::move(m_gray);
    visitor.m_gray.clear();
    mark_roots(visitor);
    visitor.drain();

    // Weak edges: live registered cells drop their pointers to cells about to die.
    size_t kept = 0;
    for (Cell* cell : m_weak_cells) {
        if (!cell->m_marked) continue;
        cell->clear_dead_weak_edges();
        m_weak_cells[kept++] = cell;
    }
    m_weak_cells.resize(kept);
    for (WeakTable* table : m_weak_tables) table->clear_dead_entries();
    m_gray = std::move(visitor.m_gray);

    const size_t before_sweep = m_stats.heap_bytes;
    sweep();

    m_stats.collections += 1;
    m_stats.live_bytes = m_stats.heap_bytes;
    m_stats.live_cells = m_stats.heap_cells;
    // A collection that found most of the heap alive met a program building up data, not
    // garbage: marking it all again at twice its size would repeat the same work for little.
    const bool mostly_live =
        m_stats.live_bytes * 100 >= before_sweep * m_options.mostly_live_percent;
    const uint32_t growth =
        mostly_live ? m_options.mostly_live_growth_percent : m_options.growth_percent;
    size_t grown = m_stats.live_bytes / 100 * growth;
    m_stats.trigger_bytes = std::max(m_options.min_trigger_bytes, grown);
    m_collecting = false;
}

void Heap::sweep() {
    Shape::clear_lookup_cache(); // freed shapes' addresses may be reused
    // A live cell is unmarked; a dead one is destroyed and its memory goes back (returns true).
    const auto sweep_cell = [this](Cell* cell) {
        if (cell->m_marked) {
            cell->m_marked = false;
            return false;
        }
        m_stats.heap_bytes -= cell->m_heap_bytes;
        m_stats.heap_cells -= 1;
        m_stats.freed_cells += 1;
        const uint8_t size_class = cell->m_size_class; // read before the cell is destroyed
        cell->~Cell();
        free_memory(cell, size_class);
        return true;
    };
    for_each_block_cell(sweep_cell);
    std::erase_if(m_own_cells, sweep_cell); // in the order they were allocated
}

} // namespace loopsim::js
