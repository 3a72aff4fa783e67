// `loopsim run`: simulates a scenario and prints exactly what `node x.js` prints, exiting
// with its exit code. --trace writes the run's trace as JSON; --trace-memory records it as the
// viewer would and writes nothing (what the recording alone costs); --trace-stats also prints
// the recorded trace's size to stderr.
#include "model/node/scenario_runner.h"
#include "tools/cli/cli.h"
#include "tools/cli/commands.h"
#include "tools/cli/run_options.h"
#include "traces/json_writer.h"

#include <cstdio>
#include <cstdlib>
#include <ostream>

namespace loopsim::cli {

namespace {

// Prints what the scenario printed, then the trace's size or file as asked; returns the
// exit status.
int finish(const node::ScenarioResult& result, const RunOptions& options, std::ostream& out,
           std::ostream& err) {
    out << result.stdout_text;
    err << result.stderr_text;
    out.flush();
    if (result.trace && options.trace_stats) {
        const trace::EventLog& log = result.trace->events;
        const size_t sealed = log.sealed_events();
        err << "loopsim: trace of " << log.size() << " events, " << log.memory_bytes()
            << " bytes in memory; sealed chunks " << log.sealed_bytes() << " bytes for " << sealed
            << " events";
        if (sealed > 0)
            err << " (" << static_cast<double>(log.sealed_bytes()) / static_cast<double>(sealed)
                << " bytes an event; " << log.sealed_record_bytes() << " bytes before LZ77)";
        err << '\n';
    }
    if (result.trace && !options.trace_path.empty()) {
        sim::Result<void> written = trace::write_trace_file(*result.trace, options.trace_path);
        if (!written) {
            err << "loopsim: " << written.error().message << '\n';
            return k_exit_failure;
        }
    }
    return result.exit_code;
}

} // namespace

int cmd_run(std::span<const std::string> args, std::ostream& out, std::ostream& err) {
    std::optional<RunOptions> parsed = parse_run_options("run", args, err);
    if (!parsed) return k_exit_usage;
    std::optional<node::ScenarioOptions> scenario = load_scenario(*parsed, err);
    if (!scenario) return k_exit_failure;
    scenario->record_trace = !parsed->trace_path.empty() || parsed->trace_memory;
#if !defined(__SANITIZE_ADDRESS__) // there, the leak checker still sees the whole teardown
    if (process_ends_with_command()) {
        // Everything is written before the model is taken apart; then the process ends, and
        // the operating system takes its memory back at once.
        scenario->on_result = [&](const node::ScenarioResult& result) {
            const int status = finish(result, *parsed, out, err);
            out.flush();
            err.flush();
            std::fflush(nullptr);
            std::_Exit(status);
        };
    }
#endif
    return finish(node::run_scenario(*scenario), *parsed, out, err);
}

} // namespace loopsim::cli
