#pragma once
// Shape: a hidden class. It maps the named own properties of an object (strings and
// symbols; indices live in the object's elements) to slot numbers and attributes.
//
// Shapes form a tree: each non-root shape is its parent plus one property, stored in the
// next slot (slot = parent's property count). Adding a property follows a cached
// transition, so objects that gain the same keys in the same order share one Shape, and
// the VM's inline caches can key on the Shape pointer: same shape => same slot for a key.
// Transitions are weak (a parent does not keep its children alive; dead children are pruned
// after marking); the parent link and the key are strong.
// Insertion order of keys is the walk from the root to this shape: own_property_keys uses it.
//
// The dictionary shape is a unique sentinel of a Runtime, set on objects that moved to
// dictionary mode (many properties, deletions, attribute changes). An inline cache must
// never cache it; such objects keep their properties in their own PropertyDictionary.
#include "model/js/cell.h"
#include "model/js/heap.h"
#include "model/js/property_attributes.h"
#include "model/js/property_key.h"

#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

namespace loopsim::js {

struct PropertyLocation {
    uint32_t slot;
    PropertyAttributes attributes;
};

class Shape final : public Cell {
public:
    // Objects with more named properties than this move to dictionary mode.
    static constexpr uint32_t kMaxFastProperties = 128;

    enum class Kind : uint8_t {
        Root,
        Property,
        Dictionary
    };

    explicit Shape(Kind kind) : Cell(CellKind::Shape), m_kind(kind) {}
    Shape(Shape* parent, PropertyKey key, PropertyAttributes attributes);

    bool is_dictionary() const { return m_kind == Kind::Dictionary; }
    uint32_t property_count() const { return m_property_count; }
    Shape* parent() const { return m_parent; }
    PropertyKey key() const { return m_key; }
    PropertyAttributes attributes() const { return m_attributes; }

    std::optional<PropertyLocation> lookup(PropertyKey key) const;
    // lookup() remembers recent answers in a small per-thread cache keyed by (shape, key):
    // a shape never changes the properties it describes, so an answer stays right while the
    // shape lives. The heap clears the cache whenever it frees cells (sweep, destruction),
    // before a freed shape's address can be reused.
    static void clear_lookup_cache();
    // The shape with `key` added (asserted absent): the cached transition if one exists.
    Shape* add_property(Heap& heap, PropertyKey key, PropertyAttributes attributes);
    // Keys in insertion order (slot order).
    std::vector<PropertyKey> keys_in_order() const;
    size_t transition_count() const { return m_transitions.size(); }

    void visit_edges(Visitor& visitor) override;
    void clear_dead_weak_edges() override;

private:
    struct TransitionKey {
        uint64_t key_bits;
        PropertyAttributes attributes;
        bool operator==(const TransitionKey&) const = default;
    };
    struct TransitionKeyHash {
        size_t operator()(const TransitionKey& k) const {
            uint64_t x = k.key_bits ^ (uint64_t{k.attributes} << 59);
            x ^= x >> 33;
            x *= 0xff51afd7ed558ccdULL;
            return static_cast<size_t>(x ^ (x >> 33));
        }
    };
    using Table = std::unordered_map<PropertyKey, PropertyLocation, PropertyKeyHash>;

    const Table& table() const;
    std::optional<PropertyLocation> lookup_uncached(PropertyKey key) const;

    Kind m_kind;
    PropertyAttributes m_attributes = 0;
    uint32_t m_property_count = 0;
    Shape* m_parent = nullptr;
    PropertyKey m_key;
    bool m_registered_weak = false;
    // Weak: pruned by clear_dead_weak_edges. Lookups only; never iterated into output.
    std::unordered_map<TransitionKey, Shape*, TransitionKeyHash> m_transitions;
    // Built on first lookup when the chain is longer than kLinearLookup.
    mutable std::unique_ptr<Table> m_table;
};

} // namespace loopsim::js
