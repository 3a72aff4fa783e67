#pragma once
// EventLog: the append-only event sequence of one trace, kept compact in memory.
//
// Contract:
// - push_back is amortised O(1). The newest events (at most kChunkSize) wait as plain
//   TraceEvents in the open chunk (those appended by push_back_like_last as their kind and
//   phase until the chunk is read); when it is full it is sealed: encoded as deltas (each
//   field against the previous event, or the previous event of the same kind and queues,
//   and only when it differs; a run of copies as their kinds and phases) and then
//   compressed with a small LZ77 coder, which folds the repetitions of a loop (the same
//   phases, the same callbacks, iteration after iteration) into a few bytes. A
//   million-callback trace takes a few megabytes instead of 96 bytes an event.
// - Events are read back by value. Each sealed chunk decodes on its own (its encoder
//   starts from a blank state: a checkpoint every kChunkSize events), so random access
//   decodes one chunk; the log keeps the last few decoded chunks, so walking by index is
//   as cheap as iterating. Iterators carry their own decoded chunk.
// - A log is not safe for concurrent reads through operator[] or iterators (the decoded-chunk
//   cache is shared, and reading the open chunk first completes the copies appended by
//   push_back_like_last); separate logs on separate threads are independent (no global
//   state).
// - Encoding is lossless for every value of every field, including values no model
//   produces (tests/traces/test_event_log.cpp round-trips random and extreme events).
#include "sim/assert.h"
#include "traces/trace_event.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <memory>
#include <vector>

namespace loopsim::trace {

// `base` with another kind and phase: what EventLog::push_back_like_last appends, and what a
// run of such events decodes to.
inline TraceEvent like(TraceEvent base, EventKind kind, uint8_t phase) {
    base.kind = kind;
    base.phase = phase;
    return base;
}

class EventLog {
public:
    static constexpr size_t kChunkShift = 12;
    static constexpr size_t kChunkSize = size_t{1} << kChunkShift; // events per sealed chunk

    EventLog();
    ~EventLog();
    // A moved-from log is empty and can be filled again.
    EventLog(EventLog&& other) noexcept;
    EventLog& operator=(EventLog&& other) noexcept;
    EventLog(const EventLog&) = delete;
    EventLog& operator=(const EventLog&) = delete;

    void push_back(const TraceEvent& event) {
        if (m_open_size == m_open_capacity) [[unlikely]]
            make_room();
        m_open[m_open_size++] = event;
        ++m_size;
    }
    // Appends a copy of the last event with another kind and phase: what a loop records when
    // it passes through a phase with nothing to do (phase_leave just after phase_enter, then
    // the next phase_enter at the same time). Only the kind and phase are written now; the
    // rest of the copy is filled in when the open chunk is first read, and never when the
    // chunk is sealed first: the sealed chunk folds such events into the record of the event
    // before them. The log must not be empty.
    void push_back_like_last(EventKind kind, uint8_t phase) {
        if (!try_push_back_like_last(kind, phase)) [[unlikely]] {
            LOOPSIM_ASSERT(m_open_size != 0, "push_back_like_last on an empty event log");
            push_back(like(back(), kind, phase)); // the first event of a chunk stands alone
        }
    }
    // push_back_like_last when there is room in the open chunk, without growing or sealing it
    // (no calls: a caller's fast path stays a leaf); false, appending nothing, otherwise.
    bool try_push_back_like_last(EventKind kind, uint8_t phase) {
        const size_t i = m_open_size;
        if (i == m_open_capacity || i == 0) [[unlikely]]
            return false;
        m_open[i].kind = kind;
        m_open[i].phase = phase;
        m_like_last[i >> 6] |= uint64_t{1} << (i & 63);
        m_open_size = i + 1;
        ++m_size;
        return true;
    }

    size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    TraceEvent operator[](size_t i) const;
    TraceEvent back() const { return open_event(m_open_size - 1); }

    // Bytes the log holds: sealed chunks, the open chunk and the encoder's scratch space.
    size_t memory_bytes() const;
    // Bytes of the sealed chunks alone, and how many events they hold.
    size_t sealed_bytes() const { return m_sealed_bytes; }
    // Bytes the sealed chunks' delta records took before LZ77.
    size_t sealed_record_bytes() const { return m_sealed_record_bytes; }
    size_t sealed_events() const { return m_chunks.size() * kChunkSize; }

    // One decoded chunk, shared by the iterators and the index cache that read it.
    struct Decoded;

    // Reads events in order, decoding one chunk at a time. Dereferencing gives a value.
    class Iterator {
    public:
        using iterator_category = std::input_iterator_tag;
        using value_type = TraceEvent;
        using difference_type = std::ptrdiff_t;
        using pointer = const TraceEvent*;
        using reference = const TraceEvent&;

        Iterator() = default;
        Iterator(const EventLog* log, size_t index) : m_log(log), m_index(index) {}
        // Valid until this iterator moves or the log changes.
        const TraceEvent& operator*() const;
        const TraceEvent* operator->() const { return &**this; }
        Iterator& operator++() {
            ++m_index;
            return *this;
        }
        Iterator operator++(int) {
            Iterator old = *this;
            ++m_index;
            return old;
        }
        bool operator==(const Iterator& o) const { return m_index == o.m_index; }
        size_t index() const { return m_index; }

    private:
        const EventLog* m_log = nullptr;
        size_t m_index = 0;
        mutable std::shared_ptr<const Decoded> m_chunk;
    };

    Iterator begin() const { return {this, 0}; }
    Iterator end() const { return {this, m_size}; }
    // An iterator at event `index` (end() when index == size()).
    Iterator at(size_t index) const { return {this, index}; }

private:
    struct Chunk {
        std::unique_ptr<uint8_t[]> bytes; // compressed delta records
        uint32_t size = 0;                // compressed bytes
        uint32_t raw_size = 0;            // bytes of the delta records before compression
    };
    struct Scratch; // the encoder's reusable buffers

    // Event i of the open chunk, its copies completed first.
    const TraceEvent& open_event(size_t i) const {
        if (m_complete < m_open_size) [[unlikely]]
            complete_copies();
        return m_open[i];
    }
    // Fills in the copies appended since the last call from the events before them.
    void complete_copies() const;
    // Grows the open chunk, or seals it when it holds kChunkSize events.
    void make_room();
    void seal_open_chunk();
    std::shared_ptr<const Decoded> decoded(size_t chunk) const;

    std::vector<Chunk> m_chunks;
    // The events after the last sealed chunk: m_open_size of them, in room for
    // m_open_capacity (growing by doubling up to kChunkSize, then reused chunk after chunk).
    std::unique_ptr<TraceEvent[]> m_open;
    size_t m_open_size = 0;
    size_t m_open_capacity = 0;
    // Bit i: m_open[i] was appended by push_back_like_last (only its kind and phase are
    // written until complete_copies()).
    std::array<uint64_t, kChunkSize / 64> m_like_last{};
    mutable size_t m_complete = 0; // the open chunk's events before this one are whole
    size_t m_size = 0;
    size_t m_sealed_bytes = 0;
    size_t m_sealed_record_bytes = 0;
    std::unique_ptr<Scratch> m_scratch;
    static constexpr size_t kCacheSlots = 4;
    mutable std::array<std::shared_ptr<const Decoded>, kCacheSlots> m_cache;
    mutable size_t m_cache_next = 0; // the slot the next decoded chunk replaces
};

struct EventLog::Decoded {
    size_t chunk = 0;
    std::vector<TraceEvent> events;
};

// The chunk codec, exposed for tests and benchmarks. encode_events appends the delta
// records of `count` events to `out` (from a blank state); decode_events reads them back.
// Bit i of `like_last` (one bit an event, when given) says that event i repeats event i - 1
// but for its kind and phase, as push_back_like_last would have appended it: only its kind
// and phase are read, and decode_events gives it the other fields of event i - 1.
void encode_events(const TraceEvent* events, size_t count, std::vector<uint8_t>& out,
                   const uint64_t* like_last = nullptr);
void decode_events(const uint8_t* data, size_t size, size_t count, std::vector<TraceEvent>& out);
// LZ77: lz_compress appends the compressed form of [data, data + size) to `out`;
// lz_decompress writes exactly `raw_size` bytes to `out`.
void lz_compress(const uint8_t* data, size_t size, std::vector<uint8_t>& out);
void lz_decompress(const uint8_t* data, size_t size, size_t raw_size, uint8_t* out);

} // namespace loopsim::trace
