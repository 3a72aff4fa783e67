#include "traces/event_log.h"

#include <utility>

namespace loopsim::trace {

void EventLog::add_chunk() {
    m_chunks.push_back(std::make_unique_for_overwrite<Slot[]>(kChunkSize));
    m_next = reinterpret_cast<TraceEvent*>(m_chunks.back().get());
    m_end = m_next + kChunkSize;
}

EventLog& EventLog::operator=(EventLog&& other) noexcept {
    if (this != &other) {
        m_chunks = std::move(other.m_chunks);
        m_next = std::exchange(other.m_next, nullptr);
        m_end = std::exchange(other.m_end, nullptr);
        m_size = std::exchange(other.m_size, 0);
        other.m_chunks.clear();
    }
    return *this;
}

} // namespace loopsim::trace
