// `loopsim explore`: every output the model allows for a scenario. The scenario is re-run
// along every path of the model's choice points (stateless re-execution from a choice vector,
// sim/chooser.h), depth first; runs that print the same thing are one outcome. For each
// outcome: how many paths lead to it and, in plain words, the choices of the first one.
// See docs/explore.md.
#include "model/node/scenario_runner.h"
#include "tools/cli/cli.h"
#include "tools/cli/commands.h"
#include "tools/cli/run_options.h"

#include <algorithm>
#include <charconv>
#include <condition_variable>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <ostream>
#include <set>
#include <string_view>
#include <thread>
#include <tuple>

namespace loopsim::cli {

namespace {

struct Outcome {
    std::string stdout_text, stderr_text;
    int exit_code = 0;
    size_t paths = 0;                      // how many explored paths printed this
    std::vector<sim::ChoicePoint> choices; // the first such path's choices
};

// A choice point's `why` is "QUESTION: OPTION 0 | OPTION 1 | ...".
std::string question_of(const sim::ChoicePoint& c) {
    const size_t colon = c.why.find(": ");
    return colon == std::string::npos ? c.why : c.why.substr(0, colon);
}

std::string option_text(const sim::ChoicePoint& c) {
    const size_t colon = c.why.find(": ");
    if (colon == std::string::npos)
        return "option " + std::to_string(c.chosen + 1) + " of " + std::to_string(c.n);
    std::string_view options = std::string_view(c.why).substr(colon + 2);
    for (size_t i = 0; i < c.chosen; ++i) {
        const size_t bar = options.find(" | ");
        if (bar == std::string_view::npos) return "option " + std::to_string(c.chosen + 1);
        options.remove_prefix(bar + 3);
    }
    return std::string(options.substr(0, options.find(" | ")));
}

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

// One explored path: the run and the choices it made (its full path).
struct Leaf {
    std::vector<size_t> path;
    node::ScenarioResult result;
};

// Every path of the choice tree, in depth-first order (lexicographic by path), run on `jobs`
// threads. Stateless: a run with prefix P reports its whole log L; the subtrees it did not
// take are P's siblings' business, and below P, for each later point d, the prefixes L[0..d)
// + [o] for every option o after the one taken (0). Pending prefixes are taken smallest
// first. With more than `max_paths` paths, it stops once the first `max_paths + 1` in
// depth-first order are known (every leaf smaller than the smallest pending prefix is), so
// the result is the same for any `jobs`.
std::vector<Leaf> explore_paths(const node::ScenarioOptions& scenario, size_t max_paths,
                                size_t jobs) {
    std::mutex mutex;
    std::condition_variable changed;
    std::set<std::vector<size_t>> pending{{}};
    std::map<std::vector<size_t>, node::ScenarioResult> done;
    size_t running = 0;
    // The number of known leaves that come before every pending prefix.
    const auto settled = [&] {
        if (pending.empty() || done.size() <= max_paths) return done.size();
        const std::vector<size_t>& first = *pending.begin();
        size_t n = 0;
        for (const auto& [path, result] : done) {
            if (!(path < first)) break;
            ++n;
        }
        return n;
    };
    const auto worker = [&] {
        std::unique_lock lock(mutex);
        for (;;) {
            changed.wait(lock, [&] { return !pending.empty() || running == 0; });
            if (pending.empty() || settled() > max_paths) {
                changed.notify_all();
                return;
            }
            std::vector<size_t> prefix = *pending.begin();
            pending.erase(pending.begin());
            ++running;
            lock.unlock();
            node::ScenarioOptions options = scenario;
            options.choices = sim::ChoiceStrategy::replay(prefix);
            node::ScenarioResult r = node::run_scenario(options);
            std::vector<size_t> path;
            for (const sim::ChoicePoint& c : r.choices) path.push_back(c.chosen);
            lock.lock();
            for (size_t d = prefix.size(); d < r.choices.size(); ++d)
                for (size_t o = r.choices[d].chosen + 1; o < r.choices[d].n; ++o) {
                    std::vector<size_t> next(path.begin(), path.begin() + static_cast<long>(d));
                    next.push_back(o);
                    pending.insert(std::move(next));
                }
            done.emplace(std::move(path), std::move(r));
            --running;
            changed.notify_all();
        }
    };
    std::vector<std::thread> threads;
    for (size_t i = 1; i < jobs; ++i) threads.emplace_back(worker);
    worker();
    for (std::thread& t : threads) t.join();
    std::vector<Leaf> leaves;
    const size_t keep = std::min(settled(), max_paths + 1);
    for (auto& [path, result] : done) {
        if (leaves.size() == keep) break;
        leaves.push_back(Leaf{path, std::move(result)});
    }
    return leaves;
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

    const std::vector<Leaf> leaves = explore_paths(*scenario, max_paths, jobs);
    // Outcomes keyed by what was printed, in depth-first order of the paths (the order is the
    // same whatever the number of threads).
    std::map<std::tuple<std::string, std::string, int>, size_t> index;
    std::vector<Outcome> outcomes;
    size_t most_points = 0;
    const size_t paths = std::min(leaves.size(), max_paths);
    bool complete = leaves.size() <= max_paths;
    for (size_t i = 0; i < paths; ++i) {
        const node::ScenarioResult& r = leaves[i].result;
        most_points = std::max(most_points, r.choices.size());
        auto key = std::make_tuple(r.stdout_text, r.stderr_text, r.exit_code);
        auto [it, fresh] = index.emplace(key, outcomes.size());
        if (fresh)
            outcomes.push_back(Outcome{r.stdout_text, r.stderr_text, r.exit_code, 0, r.choices});
        ++outcomes[it->second].paths;
    }

    if (json) {
        nlohmann::ordered_json j;
        j["format"] = "loopsim-explore";
        j["version"] = 1;
        j["scenario"] = parsed->file;
        j["profile"] = parsed->profile;
        j["paths"] = paths;
        j["complete"] = complete;
        j["outputs"] = nlohmann::ordered_json::array();
        for (const Outcome& o : outcomes) j["outputs"].push_back(o.stdout_text);
        j["outcomes"] = nlohmann::ordered_json::array();
        for (const Outcome& o : outcomes) {
            nlohmann::ordered_json e;
            e["stdout"] = o.stdout_text;
            e["stderr"] = o.stderr_text;
            e["exit_code"] = o.exit_code;
            e["paths"] = o.paths;
            e["choices"] = nlohmann::ordered_json::array();
            for (const sim::ChoicePoint& c : o.choices)
                e["choices"].push_back({{"question", question_of(c)},
                                        {"chosen", c.chosen},
                                        {"options", c.n},
                                        {"answer", option_text(c)}});
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
        const Outcome& o = outcomes[i];
        out << "\noutput " << i + 1 << " of " << outcomes.size() << "  (" << o.paths
            << (o.paths == 1 ? " path" : " paths") << ")\n";
        if (outcomes.size() == 1 && paths > 1) {
            out << "  whatever the model chooses\n";
        } else if (!o.choices.empty()) {
            out << "  when:\n";
            for (const sim::ChoicePoint& c : o.choices)
                out << "    - " << question_of(c) << ": " << option_text(c) << '\n';
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
