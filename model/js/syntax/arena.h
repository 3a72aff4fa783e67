#pragma once
// Arena: the bump allocator behind one Program's AST. Nodes, node lists and the bytes of
// every identifier and string value live in it and are freed together when the Program is
// destroyed; nothing is freed one by one. Everything allocated here must therefore be
// trivially destructible (checked at compile time). Pointers into an Arena stay valid until
// it is destroyed, also when the owning Program is moved (the Arena itself is on the heap).
#include "sim/assert.h"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <new>
#include <string_view>
#include <type_traits>
#include <vector>

namespace loopsim::js::syntax {

class Arena {
public:
    Arena() = default;
    Arena(const Arena&) = delete;
    Arena& operator=(const Arena&) = delete;

    void* allocate(size_t size, size_t align) {
        uintptr_t at = (m_cursor + align - 1) & ~(uintptr_t(align) - 1);
        if (m_cursor == 0 || at + size > m_limit) {
            grow(size + align);
            at = (m_cursor + align - 1) & ~(uintptr_t(align) - 1);
        }
        m_cursor = at + size;
        return reinterpret_cast<void*>(at);
    }

    // A value-initialised T (all pointers null, all numbers zero, enums at their first value).
    template <typename T> T* make() {
        static_assert(std::is_trivially_destructible_v<T>, "arena objects are never destroyed");
        return new (allocate(sizeof(T), alignof(T))) T{};
    }

    template <typename T> T* make_array(size_t count) {
        static_assert(std::is_trivially_destructible_v<T>, "arena objects are never destroyed");
        if (count == 0) return nullptr;
        T* items = static_cast<T*>(allocate(sizeof(T) * count, alignof(T)));
        for (size_t i = 0; i < count; ++i) new (&items[i]) T{};
        return items;
    }

    // A copy of `text` owned by the arena.
    std::string_view copy_string(std::string_view text) {
        if (text.empty()) return {};
        char* bytes = static_cast<char*>(allocate(text.size(), 1));
        std::memcpy(bytes, text.data(), text.size());
        return {bytes, text.size()};
    }

    // Bytes obtained from the system so far (for tests and benchmarks).
    size_t bytes_reserved() const { return m_reserved; }

private:
    static constexpr size_t chunk_size = 64 * 1024;

    void grow(size_t at_least) {
        size_t size = at_least > chunk_size ? at_least : chunk_size;
        m_chunks.push_back(
            std::unique_ptr<std::byte[]>(new std::byte[size])); // not zeroed: make<> initialises
        m_cursor = reinterpret_cast<uintptr_t>(m_chunks.back().get());
        m_limit = m_cursor + size;
        m_reserved += size;
    }

    std::vector<std::unique_ptr<std::byte[]>> m_chunks;
    uintptr_t m_cursor = 0;
    uintptr_t m_limit = 0;
    size_t m_reserved = 0;
};

} // namespace loopsim::js::syntax
