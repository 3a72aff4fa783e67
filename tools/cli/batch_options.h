#pragma once
// Options shared by the commands that run many scenarios (batch, check): the inputs, the
// worker count, the shard, the report files and the options of `loopsim run` that apply to
// every scenario (--profile, --seed, --env, --max-time, --max-events, --max-queue).
#include "tools/cli/child_process.h"
#include "tools/cli/run_options.h"
#include "tools/cli/scenario_set.h"

#include <functional>
#include <iosfwd>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace loopsim::cli {

struct BatchOptions {
    std::vector<std::string> inputs; // folders and files
    unsigned jobs = 0;               // -j N; 0 = one per hardware thread
    Shard shard;
    bool sharded = false;
    std::string summary_path; // --summary FILE
    std::string junit_path;   // --junit FILE
    RunOptions run;           // applied to every scenario (run.file is unset)
    bool isolate = false;     // --isolate: each scenario in its own `loopsim run` process
    int timeout_seconds = 60; // --timeout S: with --isolate, a process is killed after S
};

// `run` as `loopsim run` options (--profile, --seed, --env, --max-*), for a child process.
std::vector<std::string> run_option_arguments(const RunOptions& run);

// Describes how an isolated child ended when it did not end normally ("killed after 60 s",
// "loopsim crashed (signal 11): <first line of its stderr>"); empty when it exited.
std::string child_failure(const ChildResult& child, int timeout_seconds);

// A command's own option: given the argument at args[i], consume it (advancing i past any
// value) and return true, or return false to leave it to the common parser. Set `error` to
// reject it.
using OptionHandler =
    std::function<bool(std::span<const std::string> args, size_t& i, std::string& error)>;

// Prints "loopsim COMMAND: what (see 'loopsim COMMAND --help')" and returns nullopt on a
// usage error.
std::optional<BatchOptions> parse_batch_options(std::string_view command,
                                                std::span<const std::string> args,
                                                const OptionHandler& own, std::ostream& err);

} // namespace loopsim::cli
