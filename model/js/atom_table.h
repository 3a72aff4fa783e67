#pragma once
// AtomTable: the interned strings of one runtime, and the factory of property keys.
// intern() returns the one canonical String (an atom) with the given content. The table
// holds atoms weakly: an atom nothing else references is dropped at the next collection
// (property keys in shapes keep theirs alive), so scenarios that compute millions of
// distinct keys run in bounded memory. Lookups hash content, never addresses.
#include "model/js/heap.h"
#include "model/js/property_key.h"
#include "model/js/string.h"

#include <string_view>
#include <unordered_set>

namespace loopsim::js {

class AtomTable final : public WeakTable {
public:
    explicit AtomTable(Heap& heap);
    ~AtomTable();
    AtomTable(const AtomTable&) = delete;
    AtomTable& operator=(const AtomTable&) = delete;

    String* intern(std::string_view utf8);
    String* intern(std::u16string_view units);
    // The atom equal to `s`: `s` itself when it is flat and no atom exists yet.
    String* intern(String* s);

    // The key for a string: an array index when the string is the canonical form of one.
    PropertyKey key(std::string_view utf8);
    PropertyKey key(String* s);

    size_t size() const { return m_atoms.size(); }
    void clear_dead_entries() override;

private:
    struct Hash {
        using is_transparent = void;
        size_t operator()(const String* s) const { return s->hash(); }
        size_t operator()(std::u16string_view units) const { return String::hash_units(units); }
        size_t operator()(std::string_view latin1) const { return String::hash_units(latin1); }
    };
    struct Equal {
        using is_transparent = void;
        bool operator()(const String* a, const String* b) const { return String::equals(a, b); }
        bool operator()(std::u16string_view units, const String* s) const;
        bool operator()(const String* s, std::u16string_view units) const {
            return (*this)(units, s);
        }
        bool operator()(std::string_view latin1, const String* s) const;
        bool operator()(const String* s, std::string_view latin1) const {
            return (*this)(latin1, s);
        }
    };

    Heap& m_heap;
    std::unordered_set<String*, Hash, Equal> m_atoms;
};

} // namespace loopsim::js
