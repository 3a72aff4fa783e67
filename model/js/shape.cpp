// Shape: transitions, lookup (a chain walk for small shapes, a lazily built table for
// larger ones) and insertion-order key listing.
#include "model/js/shape.h"

#include <algorithm>
#include <array>

namespace loopsim::js {

namespace {
// Up to this many properties, lookup walks the parent chain instead of building a table.
constexpr uint32_t kLinearLookup = 8;
} // namespace

Shape::Shape(Shape* parent, PropertyKey key, PropertyAttributes attributes)
    : Cell(CellKind::Shape), m_kind(Kind::Property), m_attributes(attributes),
      m_property_count(parent->m_property_count + 1), m_parent(parent), m_key(key) {
    LOOPSIM_ASSERT(!key.is_index(), "indices are elements, never shape keys");
}

namespace {

struct LookupCacheEntry {
    const Shape* shape = nullptr;
    uint64_t key = 0;
    PropertyLocation location{};
    bool found = false;
};

constexpr size_t kLookupCacheSize = 1024; // a power of two
thread_local std::array<LookupCacheEntry, kLookupCacheSize> t_lookup_cache;

size_t lookup_cache_index(const Shape* shape, uint64_t key) {
    uint64_t x = (reinterpret_cast<uintptr_t>(shape) >> 4) ^ (key * 0x9E3779B97F4A7C15ULL);
    return static_cast<size_t>((x ^ (x >> 29)) & (kLookupCacheSize - 1));
}

} // namespace

void Shape::clear_lookup_cache() {
    t_lookup_cache.fill(LookupCacheEntry{});
}

std::optional<PropertyLocation> Shape::lookup(PropertyKey key) const {
    LOOPSIM_ASSERT(!is_dictionary(), "lookup on the dictionary shape");
    LookupCacheEntry& entry = t_lookup_cache[lookup_cache_index(this, key.bits())];
    if (entry.shape == this && entry.key == key.bits()) {
        if (!entry.found) return std::nullopt;
        return entry.location;
    }
    std::optional<PropertyLocation> found = lookup_uncached(key);
    entry.shape = this;
    entry.key = key.bits();
    entry.found = found.has_value();
    if (found) entry.location = *found;
    return found;
}

std::optional<PropertyLocation> Shape::lookup_uncached(PropertyKey key) const {
    if (m_property_count <= kLinearLookup) {
        for (const Shape* s = this; s->m_kind == Kind::Property; s = s->m_parent)
            if (s->m_key == key) return PropertyLocation{s->m_property_count - 1, s->m_attributes};
        return std::nullopt;
    }
    const Table& t = table();
    auto it = t.find(key);
    if (it == t.end()) return std::nullopt;
    return it->second;
}

const Shape::Table& Shape::table() const {
    if (!m_table) {
        m_table = std::make_unique<Table>();
        m_table->reserve(m_property_count);
        for (const Shape* s = this; s->m_kind == Kind::Property; s = s->m_parent)
            m_table->emplace(s->m_key, PropertyLocation{s->m_property_count - 1, s->m_attributes});
    }
    return *m_table;
}

Shape* Shape::add_property(Heap& heap, PropertyKey key, PropertyAttributes attributes) {
    LOOPSIM_ASSERT(!is_dictionary(), "transition from the dictionary shape");
    TransitionKey tk{key.bits(), attributes};
    auto it = m_transitions.find(tk);
    if (it != m_transitions.end()) return it->second;
    Shape* child = heap.allocate<Shape>(this, key, attributes);
    m_transitions.emplace(tk, child);
    if (!m_registered_weak) {
        m_registered_weak = true;
        heap.register_weak_cell(this);
    }
    return child;
}

std::vector<PropertyKey> Shape::keys_in_order() const {
    std::vector<PropertyKey> keys(m_property_count);
    for (const Shape* s = this; s->m_kind == Kind::Property; s = s->m_parent)
        keys[s->m_property_count - 1] = s->m_key;
    return keys;
}

void Shape::visit_edges(Visitor& visitor) {
    visitor.visit(m_parent);
    visitor.visit(m_key.cell_or_null());
}

void Shape::clear_dead_weak_edges() {
    std::erase_if(m_transitions, [](const auto& entry) { return !entry.second->is_marked(); });
    // Stays registered: the heap drops the registration when this shape itself dies. A shape
    // whose table emptied stays registered too (cheap; it may gain transitions again).
}

} // namespace loopsim::js
