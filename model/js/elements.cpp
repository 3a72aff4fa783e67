// Elements: dense vector with holes, sparse ordered map, and the switch between them.
#include "model/js/elements.h"

namespace loopsim::js {

bool Elements::lookup_sparse(uint32_t index, OwnProperty& out) const {
    auto it = m_sparse->find(index);
    if (it == m_sparse->end()) return false;
    out = it->second;
    return true;
}

void Elements::make_sparse() {
    m_sparse = std::make_unique<std::map<uint32_t, OwnProperty>>();
    for (uint32_t i = 0; i < m_dense.size(); ++i)
        if (!m_dense[i].is_empty()) m_sparse->emplace(i, OwnProperty{m_dense[i], attr::Default});
    m_dense.clear();
    m_dense.shrink_to_fit();
}

void Elements::put(uint32_t index, Value value, PropertyAttributes attributes) {
    LOOPSIM_ASSERT(!value.is_empty(), "an element's value is never the hole marker");
    if (!m_sparse) {
        bool plain = attributes == attr::Default;
        if (plain && index < m_dense.size()) {
            m_dense[index] = value;
            return;
        }
        if (plain && index - m_dense.size() <= kMaxDenseGap) {
            m_dense.resize(size_t{index} + 1, Value::empty());
            m_dense[index] = value;
            return;
        }
        make_sparse();
    }
    (*m_sparse)[index] = OwnProperty{value, attributes};
}

void Elements::remove(uint32_t index) {
    if (m_sparse) {
        m_sparse->erase(index);
        return;
    }
    if (index >= m_dense.size()) return;
    m_dense[index] = Value::empty();
    while (!m_dense.empty() && m_dense.back().is_empty()) m_dense.pop_back();
}

uint32_t Elements::truncate(uint32_t new_length) {
    if (!m_sparse) {
        if (new_length < m_dense.size()) m_dense.resize(new_length);
        while (!m_dense.empty() && m_dense.back().is_empty()) m_dense.pop_back();
        return new_length;
    }
    while (!m_sparse->empty()) {
        auto last = std::prev(m_sparse->end());
        if (last->first < new_length) break;
        if (!(last->second.attributes & attr::Configurable)) return last->first + 1;
        m_sparse->erase(last);
    }
    return new_length;
}

void Elements::collect_indices(std::vector<uint32_t>& out) const {
    if (m_sparse) {
        for (const auto& [index, property] : *m_sparse) out.push_back(index);
        return;
    }
    for (uint32_t i = 0; i < m_dense.size(); ++i)
        if (!m_dense[i].is_empty()) out.push_back(i);
}

uint32_t Elements::end_index() const {
    if (m_sparse) return m_sparse->empty() ? 0 : std::prev(m_sparse->end())->first + 1;
    return static_cast<uint32_t>(m_dense.size()); // trailing holes are always trimmed
}

size_t Elements::owned_bytes() const {
    // A std::map node is about 4 pointers of links plus the entry.
    return m_dense.capacity() * sizeof(Value) + (m_sparse ? m_sparse->size() * 56 : 0);
}

void Elements::visit(Visitor& visitor) const {
    if (m_sparse) {
        for (const auto& [index, property] : *m_sparse) visitor.visit(property.value);
        return;
    }
    for (Value v : m_dense) visitor.visit(v);
}

} // namespace loopsim::js
