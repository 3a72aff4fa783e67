#pragma once
// Sample traces: real runs of the Node model, built in, so the viewer can be shown, tested
// and screenshotted without a trace file.
// Contract: each sample drives the Node model (model/node) with C++ tasks that do what a small
// JavaScript scenario from scenarios/ does — same console output, same queues, same labels
// ("() => console.log('timeout')") — and carries that scenario's source and line numbers, so
// the source panel can follow along. A sample is deterministic: the same name gives the same
// trace, byte for byte. make_stress_trace() grows a long run for performance measurements.
#include "sim/result.h"
#include "traces/trace.h"

#include <cstddef>
#include <span>
#include <string_view>

namespace loopsim::viewer {

struct SampleInfo {
    std::string_view name;     // what --sample takes
    std::string_view scenario; // the scenario it mimics, under scenarios/
    std::string_view title;
};

std::span<const SampleInfo> samples();
// The trace of sample `name`; an error listing the known names if there is none.
sim::Result<trace::Trace> make_sample(std::string_view name);
// A run of at least `min_events` events: a chain of immediates that each log, queue a tick
// and a promise job, and now and then a timer or a thread-pool job.
trace::Trace make_stress_trace(size_t min_events);

} // namespace loopsim::viewer
