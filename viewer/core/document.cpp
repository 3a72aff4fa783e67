// Opening traces and samples. See document.h.
#include "viewer/core/document.h"

#include "model/node/scenario_header.h"
#include "model/node/scenario_runner.h"
#include "traces/fast_reader.h"
#include "viewer/core/sample_traces.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace loopsim::viewer {

namespace {

// A scenario, run as `loopsim run --trace` runs it (default profile and seed), to its trace.
// A scenario that cannot run (unreadable, a bad header, outside the dialect) is an Error with
// the message `loopsim run` would print.
sim::Result<trace::Trace> run_scenario_file(std::string_view what) {
    const std::filesystem::path path(what);
    std::ifstream in(path, std::ios::binary);
    if (!in) return sim::Error{std::string(what) + ": error: cannot read the file"};
    std::ostringstream text;
    text << in.rdbuf();
    node::ScenarioOptions options;
    options.path = std::filesystem::absolute(path).lexically_normal().string();
    options.source = text.str();
    std::error_code cwd_error;
    options.cwd = std::filesystem::current_path(cwd_error).string();
    if (cwd_error) options.cwd = "/";
    if (sim::Result<void> header = node::apply_scenario_header(options); !header)
        return sim::Error{header.error().message};
    options.record_trace = true;
    node::ScenarioResult result = node::run_scenario(options);
    if (!result.trace) return sim::Error{result.stderr_text};
    result.trace->header.scenario_path = std::string(what);
    return std::move(*result.trace);
}

} // namespace

sim::Result<Document> open_document(std::string_view what) {
    constexpr std::string_view kSample = "sample:";
    sim::Result<trace::Trace> trace = sim::Error{};
    if (what.starts_with(kSample)) {
        trace = make_sample(what.substr(kSample.size()));
    } else if (what.ends_with(".js") || what.ends_with(".mjs")) {
        trace = run_scenario_file(what);
    } else {
        trace = trace::read_trace_fast(what);
    }
    if (!trace) return trace.error();
    Document doc;
    doc.name = std::string(what);
    doc.index = std::make_unique<TraceIndex>(std::move(trace).value());
    return doc;
}

} // namespace loopsim::viewer
