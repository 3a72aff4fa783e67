// `loopsim explore`: every output the model allows for a scenario. The scenario is re-run
// along every path of the model's choice points (stateless re-execution from a choice vector,
// sim/chooser.h), depth first; runs that print the same thing are one outcome. For each
// outcome: how many paths lead to it and, in plain words, the choices of the first one.
// See docs/explore.md.
#include "model/node/explorer.h"
#include "model/node/scenario_runner.h"
#include "tools/cli/cli.h"
#include "tools/cli/commands.h"
#include "tools/cli/run_options.h"

#include <algorithm>
#include <charconv>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string_view>
#include <thread>

namespace loopsim::cli {

namespace {

void print_block(std::ostream& out, std::string_view name, std::string_view text) {
    if (text.empty()) {
        out << "  " << name << ": (nothing)\n";
        return;
    }
    out << "  " << name << ":\n";
    while (!text.empty()) {
        const size_t nl = text.find('\n');
        out << "    " << text.substr(0, nl) << '\n';
        if (nl == std::string_view::npos) break;
        text.remove_prefix(nl + 1);
    }
}

} // namespace

int cmd_explore(std::span<const std::string> args, std::ostream& out, std::ostream& err) {
    bool json = false;
    size_t max_paths = 10000;
    size_t jobs = std::max(1u, std::thread::hardware_concurrency());
    std::vector<std::string> run_args;
    const auto usage = [&](const std::string& what) {
        err << "loopsim explore: " << what << " (see 'loopsim explore --help')\n";
        return k_exit_usage;
    };
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--json") {
            json = true;
        } else if (a == "--max-paths") {
            const std::string* v = i + 1 < args.size() ? &args[++i] : nullptr;
            auto r = v ? std::from_chars(v->data(), v->data() + v->size(), max_paths)
                       : std::from_chars_result{};
            if (!v || r.ec != std::errc() || r.ptr != v->data() + v->size() || max_paths == 0)
                return usage("--max-paths takes a whole number of at least 1");
        } else if (a == "-j" || a == "--jobs") {
            const std::string* v = i + 1 < args.size() ? &args[++i] : nullptr;
            auto r = v ? std::from_chars(v->data(), v->data() + v->size(), jobs)
                       : std::from_chars_result{};
            if (!v || r.ec != std::errc() || r.ptr != v->data() + v->size() || jobs == 0)
                return usage("-j takes a number of threads of at least 1");
        } else if (a == "--trace" || a == "--trace-memory" || a == "--trace-stats") {
            return usage(a + " is an option of `loopsim run`; explore runs many paths");
        } else {
            run_args.push_back(a);
        }
    }
    std::optional<RunOptions> parsed = parse_run_options("explore", run_args, err);
    if (!parsed) return k_exit_usage;
    std::optional<node::ScenarioOptions> scenario = load_scenario(*parsed, err);
    if (!scenario) return k_exit_failure;

    const node::Exploration found = node::explore(*scenario, max_paths, jobs);
    const std::vector<node::ExploredOutput>& outcomes = found.outputs;
    const size_t paths = found.paths;
    const bool complete = found.complete;
    const size_t most_points = found.most_choice_points;

    if (json) {
        nlohmann::ordered_json j;
        j["format"] = "loopsim-explore";
        j["version"] = 1;
        j["scenario"] = parsed->file;
        j["profile"] = parsed->profile;
        j["paths"] = paths;
        j["complete"] = complete;
        j["outputs"] = nlohmann::ordered_json::array();
        for (const node::ExploredOutput& o : outcomes) j["outputs"].push_back(o.stdout_text);
        j["outcomes"] = nlohmann::ordered_json::array();
        for (const node::ExploredOutput& o : outcomes) {
            nlohmann::ordered_json e;
            e["stdout"] = o.stdout_text;
            e["stderr"] = o.stderr_text;
            e["exit_code"] = o.exit_code;
            e["paths"] = o.paths;
            e["choices"] = nlohmann::ordered_json::array();
            for (const sim::ChoicePoint& c : o.choices)
                e["choices"].push_back({{"question", sim::choice_question(c)},
                                        {"chosen", c.chosen},
                                        {"options", c.n},
                                        {"answer", sim::choice_answer(c)}});
            j["outcomes"].push_back(std::move(e));
        }
        out << j.dump(2) << '\n';
        return complete ? k_exit_ok : k_exit_failure;
    }

    out << "loopsim explore " << parsed->file << "  (profile " << parsed->profile << ")\n";
    out << outcomes.size() << (outcomes.size() == 1 ? " possible output" : " possible outputs")
        << " over " << paths << (paths == 1 ? " path" : " paths") << " of the model's choices";
    if (most_points == 0) out << " (the run met no choice point: its order is fixed)";
    out << '\n';
    for (size_t i = 0; i < outcomes.size(); ++i) {
        const node::ExploredOutput& o = outcomes[i];
        out << "\noutput " << i + 1 << " of " << outcomes.size() << "  (" << o.paths
            << (o.paths == 1 ? " path" : " paths") << ")\n";
        if (outcomes.size() == 1 && paths > 1) {
            out << "  whatever the model chooses\n";
        } else if (!o.choices.empty()) {
            out << "  when:\n";
            for (const sim::ChoicePoint& c : o.choices)
                out << "    - " << sim::choice_question(c) << ": " << sim::choice_answer(c) << '\n';
        }
        print_block(out, "stdout", o.stdout_text);
        if (!o.stderr_text.empty()) print_block(out, "stderr", o.stderr_text);
        out << "  exit code " << o.exit_code << '\n';
    }
    if (!complete)
        out << "\nstopped after " << paths
            << " paths (--max-paths): the outputs above are some of the possible ones, not all\n";
    return complete ? k_exit_ok : k_exit_failure;
}

} // namespace loopsim::cli
