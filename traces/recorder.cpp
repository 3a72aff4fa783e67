#include "traces/recorder.h"

namespace loopsim::trace {

TraceRecorder::TraceRecorder(TraceHeader header) {
    m_trace.header = std::move(header);
}

void TraceRecorder::set_outcome(Outcome outcome) {
    m_trace.outcome = std::move(outcome);
}

Trace TraceRecorder::take() {
    Trace out = std::move(m_trace);
    m_trace = Trace{};
    m_last_time.clear();
    return out;
}

} // namespace loopsim::trace
