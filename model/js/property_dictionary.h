#pragma once
// PropertyDictionary: the named properties of an object in dictionary mode.
// Entries are kept in creation order (a deleted entry leaves a tombstone that compaction
// removes later), so own_property_keys stays in ECMAScript order; a hash index over the
// keys gives O(1) lookup. The index is never iterated into output.
#include "model/js/elements.h"
#include "model/js/property_key.h"

#include <unordered_map>
#include <vector>

namespace loopsim::js {

class PropertyDictionary {
public:
    struct Entry {
        PropertyKey key; // invalid: a tombstone
        OwnProperty property;
    };

    bool lookup(PropertyKey key, OwnProperty& out) const {
        auto it = m_index.find(key);
        if (it == m_index.end()) return false;
        out = m_entries[it->second].property;
        return true;
    }
    void put(PropertyKey key, OwnProperty property) {
        auto [it, inserted] = m_index.try_emplace(key, static_cast<uint32_t>(m_entries.size()));
        if (inserted)
            m_entries.push_back(Entry{key, property});
        else
            m_entries[it->second].property = property;
    }
    void remove(PropertyKey key) {
        auto it = m_index.find(key);
        if (it == m_index.end()) return;
        m_entries[it->second].key = PropertyKey();
        m_index.erase(it);
        if (m_entries.size() > 16 && m_index.size() * 2 < m_entries.size()) compact();
    }
    size_t size() const { return m_index.size(); }
    // Entries in creation order, tombstones included (skip !key.is_valid()).
    const std::vector<Entry>& entries() const { return m_entries; }
    size_t owned_bytes() const {
        return m_entries.capacity() * sizeof(Entry) + m_index.size() * 40;
    }

private:
    void compact() {
        std::vector<Entry> live;
        live.reserve(m_index.size());
        for (const Entry& e : m_entries)
            if (e.key.is_valid()) {
                m_index[e.key] = static_cast<uint32_t>(live.size());
                live.push_back(e);
            }
        m_entries = std::move(live);
    }

    std::vector<Entry> m_entries;
    std::unordered_map<PropertyKey, uint32_t, PropertyKeyHash> m_index;
};

} // namespace loopsim::js
