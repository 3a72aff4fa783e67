// SmallPool and PoolAllocator: the memory of the tick and microtask queues.
#include "sim/small_pool.h"

#include <cstdint>
#include <deque>
#include <doctest/doctest.h>

using loopsim::sim::BlockArena;
using loopsim::sim::PoolAllocator;
using loopsim::sim::SmallPool;

TEST_SUITE("small pool") {
    TEST_CASE("a freed block is the next one handed out for its size class, last freed first") {
        BlockArena arena(64 << 10, 2);
        SmallPool pool(arena);
        void* a = pool.allocate(40);
        void* b = pool.allocate(40);
        void* c = pool.allocate(24);
        CHECK(a != b);
        pool.deallocate(a, 40);
        pool.deallocate(b, 40);
        CHECK(pool.allocate(40) == b);
        CHECK(pool.allocate(40) == a);
        // 33 to 40 bytes are one size class; 24 is another, and its freed block stays its own.
        pool.deallocate(c, 24);
        void* d = pool.allocate(36);
        CHECK(d != c);
        CHECK(pool.allocate(17) == c);
    }

    TEST_CASE("blocks are 8-byte aligned and do not overlap") {
        BlockArena arena(64 << 10, 2);
        SmallPool pool(arena);
        auto* a = static_cast<unsigned char*>(pool.allocate(12));
        auto* b = static_cast<unsigned char*>(pool.allocate(12));
        CHECK(reinterpret_cast<uintptr_t>(a) % 8 == 0);
        CHECK(reinterpret_cast<uintptr_t>(b) % 8 == 0);
        CHECK((b >= a + 16 || a >= b + 16));
    }

    TEST_CASE("a request above the pooled sizes goes to operator new and back") {
        BlockArena arena(64 << 10, 2);
        SmallPool pool(arena);
        const size_t before = arena.block_count();
        void* big = pool.allocate(SmallPool::kMaxPooledBytes + 8);
        CHECK(arena.block_count() == before);
        pool.deallocate(big, SmallPool::kMaxPooledBytes + 8);
    }

    TEST_CASE("a deque over the pool keeps its order, and a second burst reuses the first's "
              "memory") {
        BlockArena arena(64 << 10, 2);
        SmallPool pool(arena);
        std::deque<uint64_t, PoolAllocator<uint64_t>> queue{PoolAllocator<uint64_t>(pool)};
        for (uint64_t i = 0; i < 200'000; ++i) queue.push_back(i);
        const size_t blocks = arena.block_count();
        CHECK(blocks > 2); // past the two small blocks: huge pages
        for (uint64_t i = 0; i < 200'000; ++i) {
            REQUIRE(queue.front() == i);
            queue.pop_front();
        }
        for (uint64_t i = 0; i < 200'000; ++i) queue.push_back(i * 3);
        CHECK(arena.block_count() == blocks);
        CHECK(queue.back() == 599'997);
        CHECK(queue.size() == 200'000);
    }
}
