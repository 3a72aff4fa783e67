// BlockArena and PageBlock: where the memory of the heap's cells and the timers' records
// comes from.
#include "sim/page_block.h"

#include <cstdint>
#include <cstring>
#include <doctest/doctest.h>
#include <utility>
#include <vector>

using loopsim::sim::allocate_page_block;
using loopsim::sim::BlockArena;
using loopsim::sim::kHugeBytes;

namespace {
uintptr_t address(const void* p) {
    return reinterpret_cast<uintptr_t>(p);
}
std::vector<std::pair<uintptr_t, uintptr_t>> blocks_of(const BlockArena& arena) {
    std::vector<std::pair<uintptr_t, uintptr_t>> out;
    arena.for_each_block(
        [&](std::byte* begin, std::byte* end) { out.emplace_back(address(begin), address(end)); });
    return out;
}
} // namespace

TEST_SUITE("page blocks") {
    TEST_CASE("a huge block starts on a huge page boundary and is all writable") {
        auto block = allocate_page_block(kHugeBytes);
        REQUIRE(block != nullptr);
        CHECK(address(block.get()) % kHugeBytes == 0);
        std::memset(block.get(), 0xab, kHugeBytes);
        CHECK(block[kHugeBytes - 1] == std::byte{0xab});
    }

    TEST_CASE("a block of more than one huge page is rounded up to whole huge pages") {
        auto block = allocate_page_block(kHugeBytes + 1);
        CHECK(address(block.get()) % kHugeBytes == 0);
        CHECK(block.get_deleter().bytes == 2 * kHugeBytes);
        std::memset(block.get(), 1, 2 * kHugeBytes);
    }

    TEST_CASE("a small block comes from the C++ allocator, at its own size") {
        auto block = allocate_page_block(4096);
        REQUIRE(block != nullptr);
        CHECK(block.get_deleter().bytes == 4096);
        std::memset(block.get(), 2, 4096);
    }

    TEST_CASE("the arena hands out back-to-back memory, then starts a new block") {
        BlockArena arena(1024, 2);
        auto* a = static_cast<std::byte*>(arena.allocate(16));
        auto* b = static_cast<std::byte*>(arena.allocate(1000));
        CHECK(b == a + 16);
        CHECK(arena.block_count() == 1);
        // 8 bytes left in the first block: a 16-byte allocation starts the second one.
        auto* c = static_cast<std::byte*>(arena.allocate(16));
        CHECK(arena.block_count() == 2);
        const auto blocks = blocks_of(arena);
        REQUIRE(blocks.size() == 2);
        CHECK(blocks[0] == std::pair{address(a), address(a) + 1016});
        CHECK(blocks[1] == std::pair{address(c), address(c) + 16});
    }

    TEST_CASE("after its small blocks the arena takes huge ones") {
        BlockArena arena(1024, 2);
        arena.allocate(1024);
        arena.allocate(1024);
        CHECK(arena.block_count() == 2);
        void* third = arena.allocate(8);
        CHECK(arena.block_count() == 3);
        CHECK(address(third) % kHugeBytes == 0);
        // The huge block holds 2 MiB: this fills it exactly, and the next one needs a fourth.
        arena.allocate(kHugeBytes - 8);
        CHECK(arena.block_count() == 3);
        arena.allocate(8);
        CHECK(arena.block_count() == 4);
        const auto blocks = blocks_of(arena);
        REQUIRE(blocks.size() == 4);
        CHECK(blocks[2].second - blocks[2].first == kHugeBytes);
        CHECK(blocks[3].second - blocks[3].first == 8);
    }

    TEST_CASE("an allocation larger than a small block gets a huge block at once") {
        BlockArena arena(1024, 4);
        void* big = arena.allocate(4096);
        CHECK(address(big) % kHugeBytes == 0);
        CHECK(arena.block_count() == 1);
        // The rest of that huge block serves what follows.
        auto* next = static_cast<std::byte*>(arena.allocate(8));
        CHECK(next == static_cast<std::byte*>(big) + 4096);
    }
}
