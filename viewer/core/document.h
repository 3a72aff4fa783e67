#pragma once
// Document: what the viewer has open — a trace read from a file, or a built-in sample — and
// the one way to open either, so the command line, drag-and-drop and the File menu agree.
// Contract: open_document() never throws and never crashes; a bad file comes back as an
// Error whose message carries path:line:col (from the trace reader), shown in the window.
#include "sim/result.h"
#include "viewer/core/trace_index.h"

#include <memory>
#include <string>
#include <string_view>

namespace loopsim::viewer {

struct Document {
    std::string name; // the path, or "sample:NAME"
    std::unique_ptr<TraceIndex> index;
    double load_seconds = 0; // filled by the caller, for the status line (never in output)
};

// A trace file (.json), a sample ("sample:NAME"), or a scenario (.js, .mjs), simulated here
// as `loopsim run --trace` would (profile node20, seed 0).
sim::Result<Document> open_document(std::string_view what);

} // namespace loopsim::viewer
