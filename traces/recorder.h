#pragma once
// TraceRecorder: the in-memory trace a model appends to while it runs.
// Contract: record() is amortised O(1) and allocation-free except once per EventLog chunk;
// it copies the event and checks only that each actor's time never goes backwards (another
// actor's events may be recorded late: a worker's completion at 3 ms is only seen when the
// main thread yields at 50 ms; file order is the order the simulation observed). Strings go through
// intern() first (deterministic ids). Identical call sequences produce identical traces.
// To stream, hand the recorder to a JsonTraceWriter now and then (write_new_events); the
// writer remembers how far it got, so a run that dies on a budget still leaves a valid file.
#include "sim/assert.h"
#include "traces/trace.h"

#include <limits>
#include <string_view>
#include <utility>
#include <vector>

namespace loopsim::trace {

class TraceRecorder {
public:
    TraceRecorder() = default;
    explicit TraceRecorder(TraceHeader header);

    void record(const TraceEvent& event) {
        if (m_last_time.size() <= event.actor) m_last_time.resize(event.actor + 1, k_never);
        LOOPSIM_ASSERT(m_last_time[event.actor] <= event.time,
                       "an actor's trace events must be recorded in time order");
        m_last_time[event.actor] = event.time;
        m_trace.events.push_back(event);
    }
    // Records a copy of the last event with another kind and phase (same actor, same time:
    // nothing to check) when the log has room for it without growing or sealing a chunk;
    // false, recording nothing, otherwise. See EventLog::push_back_like_last.
    bool try_record_like_last(EventKind kind, uint8_t phase) {
        return m_trace.events.try_push_back_like_last(kind, phase);
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
    static constexpr sim::SimTime k_never = sim::SimTime::ns(std::numeric_limits<int64_t>::min());
    std::vector<sim::SimTime> m_last_time; // per actor
};

} // namespace loopsim::trace
