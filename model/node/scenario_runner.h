#pragma once
// run_scenario: one scenario file from source text to what the process printed, its exit
// code and, when asked, its trace. This is `loopsim run`; tests and the viewer call it too.
//
// The scenario runs as node runs a CommonJS main module: __filename is the absolute path,
// the body gets (exports, require, module, __filename, __dirname), and the process ends as
// Node's does (natural end, process.exit, uncaught exception, unhandled rejection). A path
// ending in .mjs is an ES module main instead (esm_main.h). A source outside loopsim's
// dialect prints the diagnostic and exits 1 without running anything.
#include "model/io/file_spec.h"
#include "model/io/latency_model.h"
#include "model/uv/profile.h"
#include "sim/budget.h"
#include "sim/chooser.h"
#include "sim/sim_time.h"
#include "traces/trace.h"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace loopsim::node {

struct ScenarioResult;

struct ScenarioOptions {
    std::string path;   // absolute, as node reports __filename
    std::string source; // the file's text
    uv::UvProfile profile = uv::k_libuv_1_46;
    std::string profile_name = "node20";
    uint64_t seed = 0;
    sim::Budgets budgets;
    std::map<std::string, std::string> env; // process.env
    bool record_trace = false;
    // The virtual file system and the OS (docs/io.md); apply_scenario_header fills them.
    std::vector<io::FileSpec> files; // @file: names relative to the scenario's folder
    io::LatencyModel latency;        // defaults, then the @latency overrides
    std::string cwd = "/";           // the working directory relative fs paths start from
    // How the model answers its choice points (sim/chooser.h): Default is `loopsim run`'s one
    // order; `loopsim explore` replays every path.
    sim::ChoiceStrategy choices{};
    // Testing aid: the JavaScript heap collects at every safepoint (js::HeapOptions), so a
    // value the model keeps without rooting it shows up at once.
    bool collect_at_every_safepoint = false;
    // Called with the finished result while the model still exists, before run_scenario
    // takes it apart. A process that ends with the run may finish its work and exit from
    // here: tearing down a model of 100 k timers (every cell's destructor, every block given
    // back) is a few milliseconds the operating system does at once on exit.
    std::function<void(const ScenarioResult&)> on_result;
};

struct ScenarioResult {
    std::string stdout_text;
    std::string stderr_text;
    int exit_code = 0;
    std::optional<trace::Trace> trace;
    // The choice points the run met, in order, with the option taken at each (docs/explore.md).
    std::vector<sim::ChoicePoint> choices;
};

ScenarioResult run_scenario(const ScenarioOptions& options);

} // namespace loopsim::node
