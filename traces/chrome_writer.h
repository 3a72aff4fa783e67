#pragma once
// Chrome trace-event export: a loopsim trace as the JSON that Perfetto (ui.perfetto.dev) and
// chrome://tracing open. Contract: the output is one object
//   {"traceEvents":[ ... ],"displayTimeUnit":"ns","otherData":{...}}
// with process id 1 and one thread id per lane: the main thread (tid 1), then each other
// actor of the header in order (the loop, thread-pool workers), then the OS. Metadata events
// (ph "M": process_name, thread_name, thread_sort_index) come first; then each lane's events
// sorted by timestamp, a lane at a time. The run, each loop iteration, each phase, each
// nextTick/microtask drain, each callback and each thread-pool job is a complete slice
// (ph "X", dur >= 0) and slices on one lane nest strictly: a slice left open by the trace
// (a run that stopped mid-callback) is closed at the trace's last timestamp, and a slice
// still open inside one that closes is closed with it. Console output, errors, choices, OS
// readiness and cancellations are instant events (ph "i", scope "t"); the loop's cached
// clock is a counter (ph "C"). A callback that runs gets a flow arrow (ph "s" at its
// creation, ph "f" with "bp":"e" at its start, one id per arrow) from the lane that created
// it; a thread-pool job gets a second arrow from the worker that finished it to the
// callback that takes its result. Timestamps and durations are microseconds written as exact
// decimals of the trace's integer nanoseconds (1000331 ns -> 1000.331). Same trace, same
// bytes. Reference: docs/batch.md ("Formats").
#include "sim/result.h"
#include "traces/json_output.h"
#include "traces/trace.h"

#include <string>

namespace loopsim::trace {

sim::Result<void> write_chrome_trace(const Trace& trace, JsonOutput& out);
std::string trace_to_chrome_json(const Trace& trace);

} // namespace loopsim::trace
