#pragma once
// TraceRecorder: the in-memory trace a model appends to while it runs.
// Contract: record() is amortised O(1) and allocation-free except once per EventLog chunk;
// it copies the event and checks only that time never goes backwards. Strings go through
// intern() first (deterministic ids). Identical call sequences produce identical traces.
// To stream, hand the recorder to a JsonTraceWriter now and then (write_new_events); the
// writer remembers how far it got, so a run that dies on a budget still leaves a valid file.
#include "sim/assert.h"
#include "traces/trace.h"

#include <limits>
#include <string_view>
#include <utility>

namespace loopsim::trace {

class TraceRecorder {
public:
    TraceRecorder() = default;
    explicit TraceRecorder(TraceHeader header);

    void record(const TraceEvent& event) {
        LOOPSIM_ASSERT(m_last_time <= event.time, "trace events must be recorded in time order");
        m_last_time = event.time;
        m_trace.events.push_back(event);
    }

    StringId intern(std::string_view text) { return m_trace.strings.intern(text); }

    const EventLog& events() const { return m_trace.events; }
    size_t size() const { return m_trace.events.size(); }
    const StringPool& strings() const { return m_trace.strings; }
    TraceHeader& header() { return m_trace.header; }
    const TraceHeader& header() const { return m_trace.header; }
    void set_outcome(Outcome outcome);
    const Trace& trace() const { return m_trace; }
    // Moves the trace out; the recorder is left empty, ready for another run.
    Trace take();

private:
    Trace m_trace;
    sim::SimTime m_last_time = sim::SimTime::ns(std::numeric_limits<int64_t>::min());
};

} // namespace loopsim::trace
