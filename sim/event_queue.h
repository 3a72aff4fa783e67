#pragma once
// EventQueue: the future-event list of one Simulation.
// Order is total: earlier `at` first; equal `at` -> lower sequence number first. Sequence
// numbers come from one counter per queue, starting at 1 and never reused, so events with
// equal times pop in the order they were pushed, on every machine and in every run. An
// event pushed while another runs, for the same time, pops after everything already queued
// for that time.
//
// Cancelling is O(1): the event's callback is destroyed at once and its slot reused; the
// heap keeps a stale key that is dropped when it reaches the top (and all stale keys are
// swept out once they outnumber the live ones). A cancelled event never pops. cancel()
// returns false for an id that already popped, was already cancelled, or never existed.
//
// Structure, chosen by measurement: a d-ary min-heap of 16-byte keys
// {at, seq << k_slot_bits | slot}, and the callbacks in a slab indexed by `slot` with a
// free list. Sifting moves only the small keys; a callback is written once on push and
// moved once on pop. bench_sim_event_queue (hold model, N pending, GCC 12 -O2, shared
// 2-core machine) measured, in M events/s, std::priority_queue of {time, seq,
// std::function} vs this 4-ary heap: N=1k 9.6 vs 14.5, 100k 1.14 vs 2.74, 1M 0.46 vs 1.01
// (1.5x, 2.4x, 2.2x). Arity 4 beat 2 at every size and 8 at 1k and 100k (8 led by ~20% at
// 1M only). Floyd's sift-down with branch-free child selection, cache-line-aligned child
// groups and a prefetch of the next top's slot each gave a measured gain (docs/kernel.md).
//
// Limits: at most 2^26 (67 M) pending events and 2^38 pushes over the queue's life;
// exceeding them is a broken invariant. EventQueue is the 4-ary heap; arities 2 and 8 are
// kept for the benchmark and run the same test suite.
#include "sim/actor.h"
#include "sim/callback.h"
#include "sim/sim_time.h"

#include <cstddef>
#include <cstdint>
#include <new>
#include <vector>

namespace loopsim::sim {

// A std::allocator that aligns to 64 bytes (one cache line).
template <typename T> struct CacheLineAllocator {
    using value_type = T;
    static constexpr std::align_val_t k_alignment{64};
    CacheLineAllocator() = default;
    template <typename U> CacheLineAllocator(const CacheLineAllocator<U>&) {}
    T* allocate(std::size_t n) {
        return static_cast<T*>(::operator new(n * sizeof(T), k_alignment));
    }
    void deallocate(T* p, std::size_t) { ::operator delete(p, k_alignment); }
    friend bool operator==(const CacheLineAllocator&, const CacheLineAllocator&) { return true; }
};

// Names one pushed event. Its value is the event's heap tag; 0 is never a valid id.
struct EventId {
    uint64_t value = 0;
    bool is_valid() const { return value != 0; }
    friend constexpr bool operator==(EventId, EventId) = default;
};

struct PoppedEvent {
    SimTime at;    // the time the event was scheduled for
    uint64_t seq;  // its sequence number: the tie-break among equal `at`
    EventId id;    // the id push() returned
    ActorId actor; // the actor passed to push()
    Callback fn;   // the callback, moved out of the queue: the caller runs it
};

template <unsigned Arity> class DaryEventQueue {
    static_assert(Arity >= 2);

public:
    static constexpr unsigned k_slot_bits = 26;
    static constexpr uint64_t k_max_pending = uint64_t{1} << k_slot_bits;
    static constexpr uint64_t k_max_seq = (uint64_t{1} << (64 - k_slot_bits)) - 1;

    DaryEventQueue();

    EventId push(SimTime at, Callback fn, ActorId actor = {});
    // True if the event was pending and is now cancelled.
    bool cancel(EventId id);
    // True while the event is pending (pushed, not yet popped or cancelled).
    bool contains(EventId id) const;

    bool empty() const { return m_live == 0; }
    // Pending events (cancelled ones are not counted).
    std::size_t size() const { return m_live; }
    // The time of the event pop() would return. The queue must not be empty.
    SimTime next_time() const;
    // Removes and returns the earliest event. The queue must not be empty.
    PoppedEvent pop();

    // Every push() so far, including events that were later cancelled.
    uint64_t pushed_count() const { return m_next_seq - 1; }

private:
    struct Key {
        int64_t at;   // SimTime in ns
        uint64_t tag; // seq << k_slot_bits | slot
    };
    struct Slot {
        Callback fn;
        uint64_t seq = 0; // 0 while the slot is free
        ActorId actor;
    };
    static constexpr uint64_t k_slot_mask = k_max_pending - 1;

    // (at, tag) as one unsigned 128-bit number (sign bit of `at` flipped), so that one
    // comparison orders two keys and compiles without branches.
    using Rank = unsigned __int128;
    static Rank rank(const Key& key) {
        const uint64_t biased = static_cast<uint64_t>(key.at) ^ (uint64_t{1} << 63);
        return (static_cast<Rank>(biased) << 64) | key.tag;
    }
    static bool before(const Key& a, const Key& b) { return rank(a) < rank(b); }
    bool is_stale(const Key& key) const {
        return m_slots[key.tag & k_slot_mask].seq != (key.tag >> k_slot_bits);
    }
    // The heap array starts with Arity - 1 unused keys, so that the children of every node
    // (Arity consecutive keys) start on a multiple of Arity * 16 bytes: with the 64-byte
    // aligned allocation, the 4-ary heap reads exactly one cache line per level.
    static constexpr std::size_t k_padding = Arity - 1;
    Key* keys() { return m_heap.data() + k_padding; }
    const Key* keys() const { return m_heap.data() + k_padding; }
    std::size_t key_count() const { return m_heap.size() - k_padding; }

    void release(uint32_t slot);
    void sift_up(Key key);
    void sift_down(std::size_t hole, Key key);
    void remove_top();
    void drop_stale_top();
    void sweep_stale();

    std::vector<Key, CacheLineAllocator<Key>> m_heap; // padding, live keys, m_stale cancelled
    std::vector<Slot> m_slots;                        // indexed by the tag's low bits
    std::vector<uint32_t> m_free;                     // free slots, reused last-freed first
    std::size_t m_live = 0;
    std::size_t m_stale = 0;
    uint64_t m_next_seq = 1;
};

extern template class DaryEventQueue<2>;
extern template class DaryEventQueue<4>;
extern template class DaryEventQueue<8>;

using EventQueue = DaryEventQueue<4>;

} // namespace loopsim::sim
