#pragma once
// SlotPool<T>: the storage of the model's many short-lived records (Timeouts, Immediates).
// Records live in chunks of 1024 that never move, so a T* stays valid while its slot is
// taken; a slot given back is reused, the last given back first (deterministic: nothing
// depends on addresses). A record keeps its own `slot` and `in_use` (T has both members),
// which the pool sets; its owner gives a record back exactly once. The chunks are carved
// from the environment's arena for such records (Environment::record_memory): a program
// with 100 k pending timers gets huge pages for them.
#include "sim/page_block.h"

#include <cstdint>
#include <new>
#include <type_traits>
#include <vector>

namespace loopsim::node {

template <typename T> class SlotPool {
    static_assert(std::is_trivially_destructible_v<T> && alignof(T) <= sim::BlockArena::kAlign,
                  "records live in arena memory that is never destroyed record by record");

public:
    static constexpr uint32_t k_chunk = 1024;

    explicit SlotPool(sim::BlockArena& memory) : m_arena(&memory) {}

    // The record of a free slot, reset to T{} and marked in use.
    T& take() {
        uint32_t slot;
        if (!m_free.empty()) {
            slot = m_free.back();
            m_free.pop_back();
        } else {
            if (m_size % k_chunk == 0)
                m_chunks.push_back(static_cast<T*>(m_arena->allocate(k_chunk_bytes)));
            slot = m_size++;
        }
        T& record = *::new (&at(slot)) T{};
        record.slot = slot;
        record.in_use = true;
        return record;
    }
    void give_back(T& record) {
        record.in_use = false;
        m_free.push_back(record.slot);
    }

    T& at(uint32_t slot) { return m_chunks[slot / k_chunk][slot % k_chunk]; }
    // The record in `slot` if that slot is taken; null otherwise (or past the end).
    T* in_use_at(uint32_t slot) {
        if (slot >= m_size) return nullptr;
        T& record = at(slot);
        return record.in_use ? &record : nullptr;
    }
    // Calls fn(record) for every taken slot, in slot order.
    template <typename Fn> void for_each_in_use(Fn&& fn) const {
        for (uint32_t i = 0; i < m_size; ++i)
            if (const T& record = at(i); record.in_use) fn(record);
    }
    const T& at(uint32_t slot) const { return m_chunks[slot / k_chunk][slot % k_chunk]; }
    // Slots ever taken: every slot below is a record (taken now or given back).
    uint32_t size() const { return m_size; }

private:
    static constexpr size_t k_chunk_bytes = (k_chunk * sizeof(T) + sim::BlockArena::kAlign - 1) /
                                            sim::BlockArena::kAlign * sim::BlockArena::kAlign;
    sim::BlockArena* m_arena;
    std::vector<T*> m_chunks;
    uint32_t m_size = 0;
    std::vector<uint32_t> m_free;
};

} // namespace loopsim::node
