// PageBlock and BlockArena: see page_block.h.
#include "sim/page_block.h"

#include "sim/assert.h"

#include <cstdint>
#include <new>
#include <sys/mman.h>

namespace loopsim::sim {

void PageBlockFree::operator()(std::byte* block) const noexcept {
    if (block == nullptr) return;
    if (bytes < kHugeBytes)
        ::operator delete(block);
    else
        munmap(block, bytes);
}

PageBlock allocate_page_block(size_t bytes) {
    if (bytes < kHugeBytes)
        return PageBlock(static_cast<std::byte*>(::operator new(bytes)), PageBlockFree{bytes});
    bytes = (bytes + kHugeBytes - 1) / kHugeBytes * kHugeBytes;
    // Map one huge page more than asked, then unmap the unaligned head and the tail, so the
    // block starts on a huge page boundary and the kernel can back all of it with huge pages.
    const size_t mapped = bytes + kHugeBytes;
    void* memory =
        mmap(nullptr, mapped, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (memory == MAP_FAILED) throw std::bad_alloc();
    auto* raw = static_cast<std::byte*>(memory);
    const auto address = reinterpret_cast<uintptr_t>(raw);
    const size_t head = (kHugeBytes - address % kHugeBytes) % kHugeBytes;
    if (head > 0) munmap(raw, head);
    const size_t tail = mapped - head - bytes;
    if (tail > 0) munmap(raw + head + bytes, tail);
    std::byte* block = raw + head;
#if defined(MADV_HUGEPAGE)
    // Advice only: a kernel without transparent huge pages refuses it, and the block is
    // ordinary memory.
    (void)madvise(block, bytes, MADV_HUGEPAGE);
#endif
    return PageBlock(block, PageBlockFree{bytes});
}

void BlockArena::start_block(size_t bytes) {
    LOOPSIM_ASSERT(bytes % kAlign == 0 && bytes <= kHugeBytes,
                   "a block arena allocation of a whole number of 8-byte units, at most 2 MiB");
    if (!m_blocks.empty()) m_used_ends.push_back(m_next);
    size_t block_bytes = m_blocks.size() < m_small_blocks ? m_small_block_bytes : kHugeBytes;
    if (block_bytes < bytes) block_bytes = kHugeBytes;
    m_blocks.push_back(allocate_page_block(block_bytes));
    m_next = m_blocks.back().get();
    m_end = m_next + block_bytes;
}

} // namespace loopsim::sim
