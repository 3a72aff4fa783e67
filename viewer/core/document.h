#pragma once
// Document: what the viewer has open — a trace read from a file, or a built-in sample — and
// the one way to open either, so the command line, drag-and-drop and the File menu agree.
// Contract: open_document() never throws and never crashes; a bad file comes back as an
// Error whose message carries path:line:col (from the trace reader), shown in the window.
#include "model/node/explorer.h"
#include "model/node/scenario_runner.h"
#include "sim/result.h"
#include "viewer/core/trace_index.h"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace loopsim::viewer {

struct Document {
    std::string name; // the path, or "sample:NAME"
    std::unique_ptr<TraceIndex> index;
    double load_seconds = 0; // filled by the caller, for the status line (never in output)
    // A scenario (not a trace or a sample): what it ran with, so it can run again along
    // another path of the model's choice points (the outcome selector).
    std::optional<node::ScenarioOptions> scenario;
    std::vector<size_t> path; // the choices this run took (empty: option 0 everywhere)
};

// The outputs `loopsim explore` finds for the document's scenario (at most `max_paths`
// runs), each with the choices of one run that prints it. An Error for a trace or a sample.
sim::Result<node::Exploration> explore_document(const Document& doc, size_t max_paths = 2000);

// The document's scenario with its source replaced by `source` (live edit), run again from
// the start, header included: a new Document, or the Error (file:line:col and a code frame
// for a source outside the dialect) while the old one stays open.
sim::Result<Document> rerun_with_source(const Document& doc, std::string source);

// The same scenario run along `choices` (an outcome's path): a new Document to view.
sim::Result<Document> open_outcome(const Document& doc,
                                   const std::vector<sim::ChoicePoint>& choices);

// A trace file (.json), a sample ("sample:NAME"), or a scenario (.js, .mjs), simulated here
// as `loopsim run --trace` would (profile node20, seed 0).
sim::Result<Document> open_document(std::string_view what);

} // namespace loopsim::viewer
