// Opening traces and samples. See document.h.
#include "viewer/core/document.h"

#include "model/node/scenario_header.h"
#include "model/node/scenario_runner.h"
#include "traces/fast_reader.h"
#include "viewer/core/sample_traces.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

namespace loopsim::viewer {

namespace {

// A scenario, run as `loopsim run --trace` runs it (default profile and seed), to its trace.
// A scenario that cannot run (unreadable, a bad header, outside the dialect) is an Error with
// the message `loopsim run` would print.
sim::Result<node::ScenarioOptions> load_scenario_file(std::string_view what) {
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
    return options;
}

// One run of the scenario along `path` (Replay; empty: option 0 everywhere), to its trace.
sim::Result<trace::Trace> run_to_trace(node::ScenarioOptions options, std::string_view name,
                                       const std::vector<size_t>& path) {
    options.record_trace = true;
    if (!path.empty()) options.choices = sim::ChoiceStrategy::replay(path);
    node::ScenarioResult result = node::run_scenario(options);
    if (!result.trace) return sim::Error{result.stderr_text};
    result.trace->header.scenario_path = std::string(name);
    return std::move(*result.trace);
}

} // namespace

sim::Result<Document> open_document(std::string_view what) {
    constexpr std::string_view kSample = "sample:";
    sim::Result<trace::Trace> trace = sim::Error{};
    std::optional<node::ScenarioOptions> scenario;
    if (what.starts_with(kSample)) {
        trace = make_sample(what.substr(kSample.size()));
    } else if (what.ends_with(".js") || what.ends_with(".mjs")) {
        sim::Result<node::ScenarioOptions> loaded = load_scenario_file(what);
        if (!loaded) return loaded.error();
        scenario = std::move(loaded).value();
        trace = run_to_trace(*scenario, what, {});
    } else {
        trace = trace::read_trace_fast(what);
    }
    if (!trace) return trace.error();
    Document doc;
    doc.name = std::string(what);
    doc.index = std::make_unique<TraceIndex>(std::move(trace).value());
    doc.scenario = std::move(scenario);
    return doc;
}

sim::Result<node::Exploration> explore_document(const Document& doc, size_t max_paths) {
    if (!doc.scenario)
        return sim::Error{"only a scenario (.js) has other outcomes; this is a trace or a sample"};
    const size_t jobs = std::max(1u, std::thread::hardware_concurrency());
    return node::explore(*doc.scenario, max_paths, jobs);
}

sim::Result<Document> rerun_with_source(const Document& doc, std::string source) {
    if (!doc.scenario) return sim::Error{"only a scenario (.js) can be edited; this is a trace"};
    node::ScenarioOptions options = *doc.scenario;
    // The header is read again: what it declared before the edit goes.
    options.source = std::move(source);
    options.files.clear();
    options.latency = io::LatencyModel{};
    options.env.clear();
    if (sim::Result<void> header = node::apply_scenario_header(options); !header)
        return sim::Error{header.error().message};
    sim::Result<trace::Trace> trace = run_to_trace(options, doc.name, {});
    if (!trace) return trace.error();
    Document next;
    next.name = doc.name;
    next.index = std::make_unique<TraceIndex>(std::move(trace).value());
    next.scenario = std::move(options);
    return next;
}

sim::Result<Document> open_outcome(const Document& doc,
                                   const std::vector<sim::ChoicePoint>& choices) {
    if (!doc.scenario) return sim::Error{"only a scenario (.js) can run along other choices"};
    std::vector<size_t> path;
    for (const sim::ChoicePoint& c : choices) path.push_back(c.chosen);
    sim::Result<trace::Trace> trace = run_to_trace(*doc.scenario, doc.name, path);
    if (!trace) return trace.error();
    Document next;
    next.name = doc.name;
    next.index = std::make_unique<TraceIndex>(std::move(trace).value());
    next.scenario = doc.scenario;
    next.path = std::move(path);
    return next;
}

} // namespace loopsim::viewer
