#pragma once
// SmallPool and PoolAllocator: memory for the nodes of standard containers that grow and
// shrink by many small blocks, such as the std::deque behind a queue of 100 k ticks.
//
// The C allocator hands such a queue fresh pages as it grows, one page fault per 4 KiB
// (about 8 µs on the machines loopsim is measured on: 2,000 faults for the ticks and jobs
// of bench/programs/07). A SmallPool carves blocks of up to kMaxPooledBytes, in 8-byte size
// classes, from a sim::BlockArena, whose big blocks are huge pages, and keeps freed blocks
// on a free list per size class (last freed, first reused). The memory goes back only when
// the pool dies. Larger requests go to operator new. Addresses are never observable.
#include "sim/page_block.h"

#include <array>
#include <cstddef>
#include <new>

namespace loopsim::sim {

class SmallPool {
public:
    static constexpr size_t kMaxPooledBytes = 512;

    explicit SmallPool(BlockArena& memory) : m_arena(&memory) {}
    SmallPool(const SmallPool&) = delete;
    SmallPool& operator=(const SmallPool&) = delete;

    void* allocate(size_t bytes) {
        if (bytes > kMaxPooledBytes || bytes == 0) return ::operator new(bytes);
        const size_t size_class = (bytes + BlockArena::kAlign - 1) / BlockArena::kAlign;
        if (FreeBlock* block = m_free[size_class]) {
            m_free[size_class] = block->next;
            return block;
        }
        return m_arena->allocate(size_class * BlockArena::kAlign);
    }
    void deallocate(void* memory, size_t bytes) noexcept {
        if (bytes > kMaxPooledBytes || bytes == 0) return ::operator delete(memory);
        const size_t size_class = (bytes + BlockArena::kAlign - 1) / BlockArena::kAlign;
        auto* block = ::new (memory) FreeBlock{m_free[size_class]};
        m_free[size_class] = block;
    }

private:
    struct FreeBlock {
        FreeBlock* next;
    };
    BlockArena* m_arena;
    std::array<FreeBlock*, kMaxPooledBytes / BlockArena::kAlign + 1> m_free{};
};

// A standard allocator over a SmallPool, for containers that live no longer than it.
template <typename T> class PoolAllocator {
public:
    using value_type = T;

    explicit PoolAllocator(SmallPool& pool) noexcept : m_pool(&pool) {}
    template <typename U>
    PoolAllocator(const PoolAllocator<U>& other) noexcept : m_pool(other.pool()) {} // NOLINT

    T* allocate(size_t n) {
        static_assert(alignof(T) <= BlockArena::kAlign, "the pool aligns to 8 bytes");
        return static_cast<T*>(m_pool->allocate(n * sizeof(T)));
    }
    void deallocate(T* p, size_t n) noexcept { m_pool->deallocate(p, n * sizeof(T)); }

    SmallPool* pool() const noexcept { return m_pool; }
    template <typename U> bool operator==(const PoolAllocator<U>& other) const noexcept {
        return m_pool == other.pool();
    }

private:
    SmallPool* m_pool;
};

} // namespace loopsim::sim
