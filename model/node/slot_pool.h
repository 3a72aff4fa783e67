#pragma once
// SlotPool<T>: the storage of the model's many short-lived records (Timeouts, Immediates).
// Records live in chunks of 1024 that never move, so a T* stays valid while its slot is
// taken; a slot given back is reused, the last given back first (deterministic: nothing
// depends on addresses). A record keeps its own `slot` and `in_use` (T has both members),
// which the pool sets; its owner gives a record back exactly once.
#include <cstdint>
#include <memory>
#include <vector>

namespace loopsim::node {

template <typename T> class SlotPool {
public:
    static constexpr uint32_t k_chunk = 1024;

    // The record of a free slot, reset to T{} and marked in use.
    T& take() {
        uint32_t slot;
        if (!m_free.empty()) {
            slot = m_free.back();
            m_free.pop_back();
        } else {
            if (m_size % k_chunk == 0) m_chunks.push_back(std::make_unique<T[]>(k_chunk));
            slot = m_size++;
        }
        T& record = at(slot);
        record = T{};
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
    std::vector<std::unique_ptr<T[]>> m_chunks;
    uint32_t m_size = 0;
    std::vector<uint32_t> m_free;
};

} // namespace loopsim::node
