#pragma once
// JsonTraceWriter: streams a trace as versioned JSON, one event per line.
// Contract: the output is
//   {"format":"loopsim-trace","version":1,"header":{...},"events":[
//   {...},
//   {...}
//   ],"outcome":{...}}
// with keys in one fixed order and absent fields left out, so diffs stay readable and two
// identical runs give byte-identical files. Calls go begin() -> write_event()* -> finish();
// a model may write events as they happen (write_new_events catches up with a recorder).
// If the writer is destroyed before finish(), it finishes with status "aborted", so a run
// that dies still leaves a complete, readable file. Reasons are rendered into "text" here.
// Format reference: docs/trace-format.md; schema: traces/schema.json.
#include "sim/result.h"
#include "traces/json_output.h"
#include "traces/trace.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace loopsim::trace {

class JsonTraceWriter {
public:
    // `out` must outlive the writer (the destructor may still write the outcome).
    explicit JsonTraceWriter(JsonOutput& out) : m_out(out) {}
    JsonTraceWriter(const JsonTraceWriter&) = delete;
    JsonTraceWriter& operator=(const JsonTraceWriter&) = delete;
    ~JsonTraceWriter();

    void begin(const TraceHeader& header);
    void write_event(const TraceEvent& event, const StringPool& strings);
    // Writes events[events_written() ..] : the ones recorded since the last call.
    void write_new_events(const EventLog& events, const StringPool& strings);
    // Writes the outcome (with the event count) and flushes. Returns the first I/O error.
    sim::Result<void> finish(const Outcome& outcome);

    uint64_t events_written() const { return m_events_written; }
    bool is_finished() const { return m_finished; }

private:
    JsonOutput& m_out;
    uint64_t m_events_written = 0;
    bool m_begun = false;
    bool m_finished = false;
};

// Whole-trace conveniences.
sim::Result<void> write_trace(const Trace& trace, JsonOutput& out);
std::string trace_to_json(const Trace& trace);
sim::Result<void> write_trace_file(const Trace& trace, const std::string& path);

} // namespace loopsim::trace
