#pragma once
// Fast trace reader: the same result as read_trace() for the files loopsim writes, at the
// speed of a hand-written scanner (the viewer opens 1 M-event traces interactively).
// Contract: for any input, the result equals what read_trace()/parse_trace() return — the
// same Trace, or the same error message. The fast path handles well-formed traces in the
// layout docs/trace-format.md describes (top-level keys in order, integer numbers); it checks
// everything the reference reader checks (kinds, queues, reasons, actors, phases, required
// fields, per-actor time order, event_count). Whenever it meets anything else — a syntax
// error, a semantic error, an unusual layout — it hands the whole text to parse_trace(), which
// produces the positioned error (path:line:col) or reads the unusual file. The header is
// converted by parse_trace() itself, so the two readers cannot disagree on it.
#include "sim/result.h"
#include "traces/trace.h"

#include <string_view>

namespace loopsim::trace {

sim::Result<Trace> read_trace_fast(std::string_view path);
// `name` is used in messages (usually the path the text came from).
sim::Result<Trace> parse_trace_fast(std::string_view text, std::string_view name);

} // namespace loopsim::trace
