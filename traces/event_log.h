#pragma once
// EventLog: the append-only, chunked event array of one trace.
// Contract: push_back is amortised O(1) and allocates only when a chunk of kChunkSize
// events fills up; events never move once stored, so 10 M events are never copied by a
// reallocation, and references stay valid until the log is destroyed. Index access is two
// shifts away; iteration is in insertion order.
#include "traces/trace_event.h"

#include <cstddef>
#include <iterator>
#include <memory>
#include <new>
#include <type_traits>
#include <utility>
#include <vector>

namespace loopsim::trace {

class EventLog {
public:
    static constexpr size_t kChunkShift = 12;
    static constexpr size_t kChunkSize = size_t{1} << kChunkShift; // events per chunk

    EventLog() = default;
    // A moved-from log is empty (its chunk pointers must not alias the new owner's chunks).
    EventLog(EventLog&& other) noexcept { *this = std::move(other); }
    EventLog& operator=(EventLog&& other) noexcept;
    EventLog(const EventLog&) = delete;
    EventLog& operator=(const EventLog&) = delete;

    void push_back(const TraceEvent& event) {
        if (m_next == m_end) [[unlikely]]
            add_chunk();
        new (m_next++) TraceEvent(event);
        ++m_size;
    }

    size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    const TraceEvent& operator[](size_t i) const {
        return *std::launder(
            reinterpret_cast<const TraceEvent*>(&m_chunks[i >> kChunkShift][i & (kChunkSize - 1)]));
    }
    const TraceEvent& back() const { return (*this)[m_size - 1]; }

    class Iterator {
    public:
        using iterator_category = std::forward_iterator_tag;
        using value_type = TraceEvent;
        using difference_type = std::ptrdiff_t;
        using pointer = const TraceEvent*;
        using reference = const TraceEvent&;

        Iterator() = default;
        Iterator(const EventLog* log, size_t index) : m_log(log), m_index(index) {}
        reference operator*() const { return (*m_log)[m_index]; }
        pointer operator->() const { return &(*m_log)[m_index]; }
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

    private:
        const EventLog* m_log = nullptr;
        size_t m_index = 0;
    };

    Iterator begin() const { return {this, 0}; }
    Iterator end() const { return {this, m_size}; }

private:
    void add_chunk();

    // Raw, uninitialised storage for one event: a chunk is not constructed up front (that
    // would write every byte twice); push_back constructs each event in place.
    struct Slot {
        alignas(TraceEvent) unsigned char bytes[sizeof(TraceEvent)];
    };
    static_assert(std::is_trivially_copyable_v<TraceEvent> &&
                      std::is_trivially_destructible_v<TraceEvent>,
                  "EventLog never runs TraceEvent destructors");

    std::vector<std::unique_ptr<Slot[]>> m_chunks;
    TraceEvent* m_next = nullptr; // next free slot in the last chunk
    TraceEvent* m_end = nullptr;  // one past the last chunk
    size_t m_size = 0;
};

} // namespace loopsim::trace
