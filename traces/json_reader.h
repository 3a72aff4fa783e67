#pragma once
// Trace reader: JSON text -> Trace, for the viewer, batch tools and CI diffs.
// Contract: never throws and never crashes on bad input. Every failure is one Error whose
// message starts "name:line:col: error: " — for malformed JSON at the byte where parsing
// stopped (a truncated file points at its end), for a well-formed file that breaks the
// format at the offending value (an event's error points at that event's line). Checked:
// format name and version (the message lists the supported versions), known event kinds,
// queues, reasons and actors, required fields per kind (event_kinds.def), field types,
// non-decreasing event times per actor, and the outcome's event_count. Keys a reader does not know
// are ignored. Events are converted one by one while parsing, so memory stays close to the
// size of the resulting Trace. Format reference: docs/trace-format.md.
#include "sim/result.h"
#include "traces/trace.h"

#include <string_view>

namespace loopsim::trace {

sim::Result<Trace> read_trace(std::string_view path);
// `name` is used in messages (usually the path the text came from).
sim::Result<Trace> parse_trace(std::string_view text, std::string_view name);

} // namespace loopsim::trace
