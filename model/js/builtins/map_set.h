#pragma once
// Map and Set objects (ECMA-262 §24.1, §24.2).
//
// OrderedTable keeps entries in insertion order in a vector; a deleted entry becomes a
// tombstone (its key is Value::empty()), so positions are stable and an iterator is just
// a position: entries added during iteration are visited, deleted ones skipped, as the spec
// requires. Keys compare with SameValueZero; -0 is stored as +0. A hash index (content hash
// for strings, normalised bits for numbers, identity for the rest) finds keys; nothing ever
// iterates it. When tombstones outnumber live entries the vector is compacted; each
// compaction bumps the table's epoch and logs the removed positions as ranges, and an
// iterator created in an earlier epoch remaps its position through the log (remap()).
// `clear()` is a compaction that removes everything.
#include "model/js/builtins/iteration.h"
#include "model/js/object.h"

#include <unordered_map>
#include <utility>
#include <vector>

namespace loopsim::js {

class OrderedTable {
public:
    struct Entry {
        Value key;   // Value::empty() for a deleted entry
        Value value; // undefined for a Set
    };

    // The position of `key`, or -1.
    int64_t find(Value key) const;
    Value get(Value key) const;
    bool has(Value key) const { return find(key) >= 0; }
    // Adds or overwrites; returns the number of bytes the table grew by.
    size_t set(Value key, Value value);
    bool remove(Value key);
    void clear();

    uint32_t size() const { return m_live; }
    // Entries by position, tombstones included (for iteration).
    const std::vector<Entry>& entries() const { return m_entries; }
    uint32_t epoch() const { return m_epoch; }
    // Maps a position from `epoch` to the current epoch.
    uint64_t remap(uint64_t position, uint32_t epoch) const;
    // Drops tombstones if they outnumber live entries (only between iterator steps).
    void maybe_compact();

    void visit(Visitor& visitor) const;

private:
    static Value normalise(Value key);
    static uint64_t hash(Value key);
    void compact();

    std::vector<Entry> m_entries;
    std::unordered_multimap<uint64_t, uint32_t> m_index;
    // For each past compaction, the removed position ranges [begin, end), ascending.
    std::vector<std::vector<std::pair<uint64_t, uint64_t>>> m_compactions;
    uint32_t m_live = 0;
    uint32_t m_epoch = 0;
};

// A Map or a Set: the object plus its table. kind() is MapObject or SetObject.
class CollectionObject final : public Object {
public:
    CollectionObject(Runtime& runtime, Object* prototype, CellKind kind);

    OrderedTable& table() { return m_table; }
    void visit_edges(Visitor& visitor) override;

private:
    OrderedTable m_table;
};

} // namespace loopsim::js
