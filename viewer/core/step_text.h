#pragma once
// Step text: one trace step in plain words, for the reason panel and the status line.
// Contract: pure functions of the index and the step. step_title() says what happened
// ("() => console.log('timeout') leaves the timers queue and runs"); step_reason() says why:
// the event's own reason (render_reason) when the model recorded one, else the rule of the
// loop that makes this step happen, in words a learner can follow.
#include "viewer/core/trace_index.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace loopsim::viewer {

std::string step_title(const TraceIndex& index, size_t step);
std::string step_reason(const TraceIndex& index, size_t step);

// "1.250 ms", "12 µs", "300 ns": virtual time for people, from integer nanoseconds.
std::string format_time(int64_t ns);
// The queue whose callbacks the named loop phase runs (Queue::None for unknown names).
trace::Queue queue_of_phase(std::string_view phase_name);
// "the timers queue", "the call stack", "worker 2".
std::string place_name(PlaceId place);

} // namespace loopsim::viewer
