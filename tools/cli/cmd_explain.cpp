// `loopsim explain`: simulates a scenario and narrates it tick by tick (traces/narration.h).
#include "model/node/scenario_runner.h"
#include "tools/cli/cli.h"
#include "tools/cli/commands.h"
#include "tools/cli/run_options.h"
#include "traces/narration.h"

#include <ostream>

namespace loopsim::cli {

int cmd_explain(std::span<const std::string> args, std::ostream& out, std::ostream& err) {
    // --show-internal is explain's own; the rest are `loopsim run`'s options.
    trace::NarrationOptions narration;
    std::vector<std::string> run_args;
    for (const std::string& a : args) {
        if (a == "--show-internal")
            narration.show_internal = true;
        else
            run_args.push_back(a);
    }
    std::optional<RunOptions> parsed = parse_run_options("explain", run_args, err);
    if (!parsed) return k_exit_usage;
    std::optional<node::ScenarioOptions> scenario = load_scenario(*parsed, err);
    if (!scenario) return k_exit_failure;
    scenario->record_trace = true;
    node::ScenarioResult result = node::run_scenario(*scenario);
    if (!result.trace) { // the scenario did not compile: the diagnostic says why
        err << result.stderr_text;
        return result.exit_code;
    }
    result.trace->header.scenario_path = parsed->file;
    out << trace::narrate(*result.trace, narration);
    if (!result.stderr_text.empty()) out << "\nwhat the process printed on stderr:\n" << result.stderr_text;
    return k_exit_ok;
}

} // namespace loopsim::cli
