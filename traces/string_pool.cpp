#include "traces/string_pool.h"

#include "sim/assert.h"

#include <cstring>
#include <limits>

namespace loopsim::trace {

StringPool::StringPool() {
    m_views.emplace_back();
}

std::string_view StringPool::store(std::string_view text) {
    if (text.size() > kBlockSize / 4) {
        // Large text gets a block of its own so the shared block is not wasted. The new
        // block goes before the current one so the current one keeps filling.
        auto block = std::make_unique<char[]>(text.size());
        std::memcpy(block.get(), text.data(), text.size());
        std::string_view view(block.get(), text.size());
        if (m_blocks.empty()) {
            m_blocks.push_back(std::move(block));
            m_block_used = kBlockSize; // the big block is full: next small text opens a new one
        } else {
            m_blocks.insert(m_blocks.end() - 1, std::move(block));
        }
        return view;
    }
    if (kBlockSize - m_block_used < text.size()) {
        m_blocks.push_back(std::make_unique<char[]>(kBlockSize));
        m_block_used = 0;
    }
    char* at = m_blocks.back().get() + m_block_used;
    std::memcpy(at, text.data(), text.size());
    m_block_used += text.size();
    return {at, text.size()};
}

StringId StringPool::intern(std::string_view text) {
    if (text.empty()) return kNoString;
    if (auto it = m_ids.find(text); it != m_ids.end()) return it->second;
    LOOPSIM_ASSERT(m_views.size() < std::numeric_limits<StringId>::max(), "string pool is full");
    auto id = static_cast<StringId>(m_views.size());
    std::string_view stored = store(text);
    m_views.push_back(stored);
    m_ids.emplace(stored, id);
    m_text_bytes += text.size();
    return id;
}

bool StringPool::find(std::string_view text, StringId& id) const {
    if (text.empty()) {
        id = kNoString;
        return true;
    }
    auto it = m_ids.find(text);
    if (it == m_ids.end()) return false;
    id = it->second;
    return true;
}

std::string_view StringPool::get(StringId id) const {
    LOOPSIM_ASSERT(id < m_views.size(), "string id not from this pool");
    return m_views[id];
}

} // namespace loopsim::trace
