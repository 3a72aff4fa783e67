// AtomTable: interning by content, and weak clearing after each collection.
#include "model/js/atom_table.h"

namespace loopsim::js {

AtomTable::AtomTable(Heap& heap) : m_heap(heap) {
    m_heap.add_weak_table(this);
}

AtomTable::~AtomTable() {
    m_heap.remove_weak_table(this);
}

bool AtomTable::Equal::operator()(std::u16string_view units, const String* s) const {
    if (s->length() != units.size()) return false;
    // Atoms are always flat.
    for (uint32_t i = 0; i < s->length(); ++i)
        if (s->code_unit_at(i) != units[i]) return false;
    return true;
}

bool AtomTable::Equal::operator()(std::string_view latin1, const String* s) const {
    if (s->length() != latin1.size()) return false;
    for (uint32_t i = 0; i < s->length(); ++i)
        if (s->code_unit_at(i) != static_cast<uint8_t>(latin1[i])) return false;
    return true;
}

String* AtomTable::intern(std::string_view utf8) {
    bool ascii = true;
    for (char c : utf8) ascii = ascii && static_cast<uint8_t>(c) < 0x80;
    if (!ascii) return intern(String::from_utf8(m_heap, utf8));
    // ASCII: its bytes are its code units; look up without allocating anything.
    auto it = m_atoms.find(utf8);
    if (it != m_atoms.end()) return *it;
    std::u16string units(utf8.begin(), utf8.end());
    return intern(std::u16string_view(units));
}

String* AtomTable::intern(std::u16string_view units) {
    auto it = m_atoms.find(units);
    if (it != m_atoms.end()) return *it;
    String* s = String::from_utf16(m_heap, units);
    s->m_atom = true;
    m_atoms.insert(s);
    return s;
}

String* AtomTable::intern(String* s) {
    if (s->is_atom()) return s;
    s->flatten(m_heap);
    auto it = m_atoms.find(s);
    if (it != m_atoms.end()) return *it;
    s->m_atom = true;
    m_atoms.insert(s);
    return s;
}

PropertyKey AtomTable::key(std::string_view utf8) {
    return key(intern(utf8));
}

PropertyKey AtomTable::key(String* s) {
    s->flatten(m_heap);
    if (auto index = s->as_array_index()) return PropertyKey::index(*index);
    return PropertyKey::atom(intern(s));
}

void AtomTable::clear_dead_entries() {
    // Erasing while iterating is order-independent: nothing is emitted.
    for (auto it = m_atoms.begin(); it != m_atoms.end();) {
        if (!(*it)->is_marked())
            it = m_atoms.erase(it);
        else
            ++it;
    }
}

} // namespace loopsim::js
