#pragma once
// Memory for allocators that carve many small, long-lived objects out of a few big blocks
// (the JS heap's cells, the timers' and immediates' records).
//
// Why not just operator new: a run that creates 100 k timers touches tens of megabytes
// once, and every first touch of a 4 KiB page is a page fault. On the virtual machines
// loopsim is benchmarked on, a fault costs about 8 µs, so faults were half of the wall time
// of bench/programs/05_timeouts_zero.js (see docs/performance.md, "Page faults"). A block
// of kHugeBytes is mapped aligned to kHugeBytes and offered to the kernel for transparent
// huge pages (madvise MADV_HUGEPAGE), so one fault maps 2 MiB. Where the kernel has no
// huge pages, or they are turned off, such a block is ordinary memory.
//
// Small blocks come from operator new: a small scenario stays small, and in `explore`,
// which runs thousands of small simulations in one process, the C allocator hands the same
// memory back run after run, without a fault.
//
// Addresses are never observable, and nothing here depends on them.
#include <cstddef>
#include <memory>
#include <vector>

namespace loopsim::sim {

// The transparent huge page size of x86-64 (and of arm64 with 4 KiB pages).
inline constexpr size_t kHugeBytes = size_t{2} << 20;

struct PageBlockFree {
    size_t bytes = 0;
    void operator()(std::byte* block) const noexcept;
};
// A block of memory, contents unspecified. Of kHugeBytes or more: mapped and aligned for huge
// pages; smaller: from operator new.
using PageBlock = std::unique_ptr<std::byte[], PageBlockFree>;
PageBlock allocate_page_block(size_t bytes);

// Bump allocation from blocks that live as long as the arena: `small_blocks` blocks of
// `small_block_bytes` first, then blocks of kHugeBytes. Every allocation is 8-byte aligned
// and its size a multiple of 8; what is left at the end of a block too short for the next
// allocation stays unused.
class BlockArena {
public:
    static constexpr size_t kAlign = 8;

    BlockArena(size_t small_block_bytes, size_t small_blocks)
        : m_small_block_bytes(small_block_bytes), m_small_blocks(small_blocks) {}

    // `bytes` (a multiple of kAlign, at most kHugeBytes) of fresh memory.
    void* allocate(size_t bytes) {
        if (static_cast<size_t>(m_end - m_next) < bytes) [[unlikely]]
            start_block(bytes);
        void* memory = m_next;
        m_next += bytes;
        return memory;
    }

    // Calls fn(begin, end) for the allocated part of every block, in the order the blocks
    // were started; within a block, allocations lie back to back in the order they were made.
    template <typename Fn> void for_each_block(Fn&& fn) const {
        for (size_t b = 0; b < m_blocks.size(); ++b)
            fn(m_blocks[b].get(), b + 1 < m_blocks.size() ? m_used_ends[b] : m_next);
    }
    size_t block_count() const { return m_blocks.size(); }

private:
    void start_block(size_t bytes);

    size_t m_small_block_bytes;
    size_t m_small_blocks;
    std::vector<PageBlock> m_blocks;
    std::vector<std::byte*> m_used_ends; // where allocation stopped in each block but the newest
    std::byte* m_next = nullptr;         // the unused rest of the newest block
    std::byte* m_end = nullptr;
};

} // namespace loopsim::sim
