#pragma once
// Options shared by the commands that simulate a scenario (run, explain, ...), and loading a
// scenario file with its header directives (docs/scenarios.md).
#include "model/node/scenario_runner.h"

#include <iosfwd>
#include <map>
#include <optional>
#include <span>
#include <string>

namespace loopsim::cli {

struct RunOptions {
    std::string file;
    std::string trace_path;    // --trace FILE
    bool trace_memory = false; // --trace-memory: record the trace in memory, write nothing
    bool trace_stats = false;  // --trace-stats: also print the trace's size to stderr
    std::string profile = "node20";
    uint64_t seed = 0;
    std::optional<int64_t> max_time_ms;
    std::optional<uint64_t> max_events;
    std::optional<uint64_t> max_queue;
    std::map<std::string, std::string> env; // --env NAME=VALUE
};

// Parses the common options; prints a usage error naming `command` and returns nullopt.
std::optional<RunOptions> parse_run_options(std::string_view command,
                                            std::span<const std::string> args, std::ostream& err);
// Reads the file, resolves its absolute path (what node reports as __filename) and applies
// the header's directives (@env, @file, @latency; command-line --env wins).
std::optional<node::ScenarioOptions> load_scenario(const RunOptions& options, std::ostream& err);

} // namespace loopsim::cli
