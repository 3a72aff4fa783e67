#pragma once
// StringPool: interned strings of one trace (labels, console text, reason arguments).
// Contract: intern() returns the same StringId for equal text, and ids are handed out in
// first-intern order starting at 1, so identical call sequences give identical ids on every
// machine. Id 0 is the empty string and means "no string" in a TraceEvent. Views returned
// by get() stay valid for the pool's lifetime (text lives in stable blocks, never moved).
#include <cstdint>
#include <memory>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace loopsim::trace {

using StringId = uint32_t;
inline constexpr StringId kNoString = 0;

class StringPool {
public:
    StringPool();
    StringPool(StringPool&&) noexcept = default;
    StringPool& operator=(StringPool&&) noexcept = default;
    StringPool(const StringPool&) = delete;
    StringPool& operator=(const StringPool&) = delete;

    // Id of `text`, adding it if new. The empty string is always kNoString.
    StringId intern(std::string_view text);
    // Id of `text` if interned already.
    bool find(std::string_view text, StringId& id) const;
    std::string_view get(StringId id) const;
    // Number of ids handed out, including kNoString.
    size_t size() const { return m_views.size(); }
    // Bytes of text stored.
    size_t text_bytes() const { return m_text_bytes; }

private:
    std::string_view store(std::string_view text);

    static constexpr size_t kBlockSize = 64 * 1024;
    std::vector<std::unique_ptr<char[]>> m_blocks;
    size_t m_block_used = kBlockSize; // bytes used in m_blocks.back()
    size_t m_text_bytes = 0;
    std::vector<std::string_view> m_views;                // by id
    std::unordered_map<std::string_view, StringId> m_ids; // lookup only, never iterated
};

} // namespace loopsim::trace
