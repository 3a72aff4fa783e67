#pragma once
// narrate(): a trace as a readable lesson, tick by tick: each loop iteration, each phase in
// which something happened, every callback that runs with the reason it runs, what it
// queues, what it prints, and what each queue holds after it. This is `loopsim explain`
// and the batch runner's `--format text`. Pure: it reads the trace only.
#include "traces/trace.h"

#include <string>

namespace loopsim::trace {

struct NarrationOptions {
    bool show_queues = true;      // after each callback, the queues that hold something
    bool show_loop_time = true;   // the loop's clock on each phase line
    bool show_internal = false;   // Node's own bookkeeping callbacks (reason node_internal)
};

std::string narrate(const Trace& trace, const NarrationOptions& options = {});

} // namespace loopsim::trace
