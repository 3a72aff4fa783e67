#include "sim/event_queue.h"

#include "sim/assert.h"

#include <algorithm>
#include <utility>

namespace loopsim::sim {

template <unsigned Arity> DaryEventQueue<Arity>::DaryEventQueue() : m_heap(k_padding) {}

template <unsigned Arity>
EventId DaryEventQueue<Arity>::push(SimTime at, Callback fn, ActorId actor) {
    LOOPSIM_ASSERT(static_cast<bool>(fn), "pushing an empty Callback");
    LOOPSIM_ASSERT(m_next_seq <= k_max_seq, "event sequence numbers exhausted");
    uint32_t slot;
    if (!m_free.empty()) {
        slot = m_free.back();
        m_free.pop_back();
    } else {
        LOOPSIM_ASSERT(m_slots.size() < k_max_pending, "too many pending events");
        slot = static_cast<uint32_t>(m_slots.size());
        m_slots.emplace_back();
    }
    const uint64_t seq = m_next_seq++;
    Slot& entry = m_slots[slot];
    entry.fn = std::move(fn);
    entry.seq = seq;
    entry.actor = actor;
    const uint64_t tag = (seq << k_slot_bits) | slot;
    sift_up(Key{at.count_ns(), tag});
    ++m_live;
    return EventId{tag};
}

template <unsigned Arity> bool DaryEventQueue<Arity>::contains(EventId id) const {
    const uint64_t slot = id.value & k_slot_mask;
    const uint64_t seq = id.value >> k_slot_bits;
    return seq != 0 && slot < m_slots.size() && m_slots[slot].seq == seq;
}

template <unsigned Arity> bool DaryEventQueue<Arity>::cancel(EventId id) {
    if (!contains(id)) return false;
    release(static_cast<uint32_t>(id.value & k_slot_mask));
    ++m_stale;
    drop_stale_top();
    // Sweeping when stale keys outnumber live ones keeps the heap at most about twice the
    // pending count, at O(1) amortised cost per cancel.
    if (m_stale > 64 && m_stale > m_live) sweep_stale();
    return true;
}

template <unsigned Arity> SimTime DaryEventQueue<Arity>::next_time() const {
    LOOPSIM_ASSERT(m_live > 0, "next_time() of an empty EventQueue");
    return SimTime::ns(keys()[0].at);
}

template <unsigned Arity> PoppedEvent DaryEventQueue<Arity>::pop() {
    LOOPSIM_ASSERT(m_live > 0, "pop() of an empty EventQueue");
    // Invariant: the top key is live (drop_stale_top runs after every removal).
    const Key top = keys()[0];
    const auto slot = static_cast<uint32_t>(top.tag & k_slot_mask);
    Slot& entry = m_slots[slot];
    PoppedEvent event{SimTime::ns(top.at), entry.seq, EventId{top.tag}, entry.actor,
                      std::move(entry.fn)};
    entry.seq = 0;
    m_free.push_back(slot);
    --m_live;
    remove_top();
    drop_stale_top();
    // The next pop will read the new top's slot, a likely cache miss in a large queue:
    // start loading it while the caller runs this event.
    if (m_live > 0) __builtin_prefetch(&m_slots[keys()[0].tag & k_slot_mask]);
    return event;
}

template <unsigned Arity> void DaryEventQueue<Arity>::release(uint32_t slot) {
    Slot& entry = m_slots[slot];
    entry.fn.reset();
    entry.seq = 0;
    m_free.push_back(slot);
    --m_live;
}

template <unsigned Arity> void DaryEventQueue<Arity>::sift_up(Key key) {
    std::size_t hole = key_count();
    m_heap.push_back(key);
    Key* heap = keys();
    const Rank key_rank = rank(key);
    while (hole > 0) {
        const std::size_t parent = (hole - 1) / Arity;
        if (!(key_rank < rank(heap[parent]))) break;
        heap[hole] = heap[parent];
        hole = parent;
    }
    heap[hole] = key;
}

template <unsigned Arity> void DaryEventQueue<Arity>::sift_down(std::size_t hole, Key key) {
    // Floyd's variant: walk the hole down to a leaf along the smallest children without
    // comparing against `key` (which usually belongs near the bottom: it was the last
    // leaf), then sift `key` up from there. The smallest child of a full group is picked
    // with conditional moves rather than branches, which mispredict half the time.
    const std::size_t count = key_count();
    Key* heap = keys();
    const std::size_t start = hole;
    for (;;) {
        const std::size_t first = hole * Arity + 1;
        std::size_t best = first;
        if (first + Arity <= count) {
            Rank best_rank = rank(heap[first]);
            for (std::size_t child = first + 1; child < first + Arity; ++child) {
                const Rank child_rank = rank(heap[child]);
                const bool smaller = child_rank < best_rank;
                best = smaller ? child : best;
                best_rank = smaller ? child_rank : best_rank;
            }
        } else if (first < count) {
            for (std::size_t child = first + 1; child < count; ++child) {
                if (before(heap[child], heap[best])) best = child;
            }
        } else {
            break;
        }
        heap[hole] = heap[best];
        hole = best;
    }
    const Rank key_rank = rank(key);
    while (hole > start) {
        const std::size_t parent = (hole - 1) / Arity;
        if (!(key_rank < rank(heap[parent]))) break;
        heap[hole] = heap[parent];
        hole = parent;
    }
    heap[hole] = key;
}

template <unsigned Arity> void DaryEventQueue<Arity>::remove_top() {
    const Key last = m_heap.back();
    m_heap.pop_back();
    if (key_count() > 0) sift_down(0, last);
}

template <unsigned Arity> void DaryEventQueue<Arity>::drop_stale_top() {
    while (m_stale > 0 && key_count() > 0 && is_stale(keys()[0])) {
        remove_top();
        --m_stale;
    }
}

template <unsigned Arity> void DaryEventQueue<Arity>::sweep_stale() {
    auto stale = std::remove_if(m_heap.begin() + k_padding, m_heap.end(),
                                [this](const Key& key) { return is_stale(key); });
    m_heap.erase(stale, m_heap.end());
    m_stale = 0;
    const std::size_t count = key_count();
    if (count < 2) return;
    // Bottom-up heap construction: sift down every inner node, last first.
    for (std::size_t i = (count - 2) / Arity + 1; i-- > 0;) sift_down(i, keys()[i]);
}

template class DaryEventQueue<2>;
template class DaryEventQueue<4>;
template class DaryEventQueue<8>;

} // namespace loopsim::sim
