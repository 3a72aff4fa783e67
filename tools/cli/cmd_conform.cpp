// `loopsim conform`: real node against loopsim's explore, now, on this machine. For each
// scenario it runs real node N times (through scripts/record-expected.mjs --print, so node
// runs exactly as when recordings are made, and nothing is written) and explores the
// scenario. A node output that explore cannot produce is a model bug; explore outputs node
// never printed are listed as possible over-approximations. For a scenario where node and
// explore agree on one output, it also runs node once under the reference recorder
// (traces/reference/record-reference.mjs) and compares the order of callback types with
// loopsim's trace (traces/reference_order.h): the ORDER lines. docs/explore.md.
#include "model/node/explorer.h"
#include "model/node/scenario_runner.h"
#include "tools/cli/child_process.h"
#include "tools/cli/cli.h"
#include "tools/cli/commands.h"
#include "tools/cli/run_options.h"
#include "tools/cli/scenario_set.h"
#include "traces/node_recording.h"
#include "traces/reference_order.h"

#include <atomic>
#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <ostream>
#include <set>
#include <sstream>
#include <thread>
#include <tuple>
#include <unistd.h>

namespace loopsim::cli {

namespace {

namespace fs = std::filesystem;

using Printed = std::tuple<std::string, std::string, int>; // stdout, stderr, exit code

// "stdout: a, b, c" on one line, cut to a readable length.
std::string one_line(const Printed& p) {
    std::string text;
    for (char c : std::get<0>(p)) text += c == '\n' ? std::string(" / ") : std::string(1, c);
    if (text.size() > 100) text = text.substr(0, 97) + "...";
    std::string line = "stdout \"" + text + "\"";
    if (!std::get<1>(p).empty())
        line += ", stderr " + std::to_string(std::get<1>(p).size()) + " bytes";
    return line + ", exit " + std::to_string(std::get<2>(p));
}

// `name` as the shell finds it: itself when it holds a '/', else the first executable of
// that name in $PATH (run_child takes a path).
std::string find_program(const std::string& name) {
    if (name.find('/') != std::string::npos) return name;
    const char* path = std::getenv("PATH");
    std::istringstream dirs(path ? path : "");
    for (std::string dir; std::getline(dirs, dir, ':');) {
        const fs::path candidate = fs::path(dir.empty() ? "." : dir) / name;
        if (access(candidate.c_str(), X_OK) == 0) return candidate.string();
    }
    return name;
}

// True when any of `outputs` is among the outcomes recorded for the scenario (its
// NAME.expect.json); false when none is, or there is no readable recording.
bool recorded_outputs(const fs::path& scenario, const std::vector<Printed>& outputs) {
    fs::path expect = scenario;
    expect.replace_extension(".expect.json");
    std::ostringstream ignored;
    std::optional<std::string> text = read_file(expect.string(), ignored);
    if (!text) return false;
    sim::Result<trace::NodeRecording> recording =
        trace::parse_node_recording(*text, expect.string());
    if (!recording) return false;
    for (const trace::RecordedOutcome& o : recording.value().outcomes)
        for (const Printed& p : outputs)
            if (p == Printed{o.stdout_text, o.stderr_text, o.exit_code}) return true;
    return false;
}

std::set<std::string> read_names(const std::string& path, std::ostream& err, bool& ok) {
    std::set<std::string> names;
    std::optional<std::string> text = read_file(path, err);
    ok = text.has_value();
    if (!text) return names;
    std::istringstream in(*text);
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#') continue;
        names.insert(line.substr(0, line.find_first_of(" \t")));
    }
    return names;
}

// One scenario whose callback order is compared: its loopsim order, and what node's
// reference recorder printed.
struct OrderCheck {
    size_t report = 0; // index into the per-scenario reports
    std::string name;
    fs::path file;
    bool has_fixtures = false; // `// @file` lines: the recorder creates files beside it
    Printed output;            // the one output node and loopsim agree on
    std::vector<trace::OrderedCallback> loopsim;
    ChildResult recorded;
};

// Runs the reference recorder for every check, on up to `jobs` threads. Scenarios with
// `// @file` fixtures run one after another on one thread: the recorder creates each fixture
// beside its scenario for the run, and two scenarios of a folder may name the same file.
void record_references(const std::string& node, const fs::path& recorder,
                       std::vector<OrderCheck>& checks, size_t jobs) {
    std::vector<size_t> with_files, without;
    for (size_t i = 0; i < checks.size(); ++i)
        (checks[i].has_fixtures ? with_files : without).push_back(i);
    const auto record = [&](OrderCheck& c) {
        c.recorded = run_child({node, recorder.string(), c.file.string()}, 120);
    };
    std::atomic<size_t> next{0};
    const auto work = [&] {
        for (size_t i = next++; i < without.size(); i = next++) record(checks[without[i]]);
    };
    std::vector<std::thread> threads;
    threads.emplace_back([&] {
        for (size_t i : with_files) record(checks[i]);
        work();
    });
    for (size_t t = 2; t < std::min(jobs, checks.size()); ++t) threads.emplace_back(work);
    work();
    for (std::thread& t : threads) t.join();
}

} // namespace

int cmd_conform(std::span<const std::string> args, std::ostream& sink, std::ostream& err) {
    size_t runs = 20;
    bool warn_on_races = false;
    size_t max_paths = 10000;
    size_t jobs = std::max(1u, std::thread::hardware_concurrency());
    std::string node = "node";
    std::vector<std::string> known_paths, order_known_paths;
    bool check_order = true, fail_on_order = false;
    std::vector<std::string> inputs;
    const auto usage = [&](const std::string& what) {
        err << "loopsim conform: " << what << " (see 'loopsim conform --help')\n";
        return k_exit_usage;
    };
    const auto number = [](const std::string* v, size_t& into) {
        if (!v) return false;
        auto r = std::from_chars(v->data(), v->data() + v->size(), into);
        return r.ec == std::errc() && r.ptr == v->data() + v->size() && into > 0;
    };
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        const std::string* value = i + 1 < args.size() ? &args[i + 1] : nullptr;
        if (a == "--runs") {
            if (!number(value, runs)) return usage("--runs takes a whole number of at least 1");
            ++i;
        } else if (a == "--max-paths") {
            if (!number(value, max_paths))
                return usage("--max-paths takes a whole number of at least 1");
            ++i;
        } else if (a == "-j" || a == "--jobs") {
            if (!number(value, jobs)) return usage("-j takes a number of threads of at least 1");
            ++i;
        } else if (a == "--warn-on-races") {
            warn_on_races = true;
        } else if (a == "--node") {
            if (!value) return usage("--node needs the path of node");
            node = *value, ++i;
        } else if (a == "--known-gaps") {
            if (!value) return usage("--known-gaps needs a file name");
            known_paths.push_back(*value), ++i;
        } else if (a == "--order-known-gaps") {
            if (!value) return usage("--order-known-gaps needs a file name");
            order_known_paths.push_back(*value), ++i;
        } else if (a == "--fail-on-order") {
            fail_on_order = true;
        } else if (a == "--no-order") {
            check_order = false;
        } else if (a.starts_with("-")) {
            return usage("unknown option '" + a + "'");
        } else {
            inputs.push_back(a);
        }
    }
    if (inputs.empty()) return usage("give scenarios or folders");
    // The scenarios named in every list file; false when one cannot be read.
    const auto read_lists = [&](const std::vector<std::string>& paths,
                                std::set<std::string>& into) {
        for (const std::string& path : paths) {
            bool ok = false;
            std::set<std::string> names = read_names(path, err, ok);
            if (!ok) return false;
            into.insert(names.begin(), names.end());
        }
        return true;
    };
    std::set<std::string> known, order_known;
    if (!read_lists(known_paths, known) || !read_lists(order_known_paths, order_known))
        return k_exit_failure;
    std::optional<std::vector<ScenarioFile>> files = collect_scenarios("conform", inputs, err);
    if (!files) return k_exit_failure;
    if (files->empty()) {
        err << "loopsim conform: no scenarios (*.js or *.mjs files) found\n";
        return k_exit_failure;
    }

    // Real node, through the recorder of the repository the scenarios live in, once for all.
    const fs::path root = recording_root(files->front().absolute);
    const fs::path recorder = root / "scripts" / "record-expected.mjs";
    std::error_code ec;
    if (!fs::exists(recorder, ec)) {
        err << "loopsim conform: " << recorder.string()
            << " not found: conform runs node through the repository's recorder\n";
        return k_exit_failure;
    }
    std::vector<std::string> argv{find_program(node), recorder.string(), "--print",
                                  "--quiet",          "--runs",          std::to_string(runs)};
    for (const ScenarioFile& f : *files) argv.push_back(f.absolute.string());
    ChildResult recorded = run_child(argv, 3600);
    if (!recorded.started || recorded.exit_code != 0) {
        err << "loopsim conform: running node failed"
            << (recorded.error.empty() ? "" : ": " + recorded.error) << '\n'
            << recorded.err << "  (install Node.js 20, or give its path with --node PATH)\n";
        return k_exit_failure;
    }
    std::map<std::string, std::set<Printed>> node_outputs; // by path from the root
    std::istringstream lines(recorded.out);
    for (std::string line; std::getline(lines, line);) {
        if (line.empty() || line[0] != '{') continue;
        try {
            const nlohmann::json j = nlohmann::json::parse(line);
            auto& set = node_outputs[j.at("file").get<std::string>()];
            for (const auto& o : j.at("outcomes"))
                set.emplace(o.at("stdout").get<std::string>(), o.at("stderr").get<std::string>(),
                            o.at("exit_code").get<int>());
        } catch (const std::exception& e) {
            err << "loopsim conform: unreadable line from the recorder: " << e.what() << '\n';
            return k_exit_failure;
        }
    }

    const fs::path order_recorder = root / "traces" / "reference" / "record-reference.mjs";
    check_order = check_order && fs::exists(order_recorder, ec);
    std::vector<std::string> reports; // what is printed for each scenario, in order
    std::vector<OrderCheck> order_checks;
    size_t agree = 0, bugs = 0, known_bugs = 0, wider = 0, race_warnings = 0;
    for (const ScenarioFile& f : *files) {
        std::ostringstream out; // this scenario's report
        const std::string name = fs::relative(f.absolute, root).generic_string();
        auto it = node_outputs.find(name);
        if (it == node_outputs.end()) continue; // @skip-record
        RunOptions options;
        options.file = f.path;
        std::ostringstream errors;
        std::optional<node::ScenarioOptions> scenario = load_scenario(options, errors);
        if (!scenario) {
            out << "BUG   " << name << ": loopsim cannot load it: " << errors.str();
            ++bugs;
            reports.push_back(out.str());
            continue;
        }
        const node::Exploration e = node::explore(*scenario, max_paths, jobs);
        std::set<Printed> model;
        for (const node::ExploredOutput& o : e.outputs)
            model.emplace(trace::normalise_recorded_output(o.stdout_text, root.string()),
                          trace::normalise_recorded_output(o.stderr_text, root.string()),
                          o.exit_code);
        std::vector<Printed> missing, extra;
        for (const Printed& p : it->second)
            if (!model.contains(p)) missing.push_back(p);
        for (const Printed& p : model)
            if (!it->second.contains(p)) extra.push_back(p);
        const std::string counts = "node " + std::to_string(it->second.size()) + " in " +
                                   std::to_string(runs) + " runs, loopsim " +
                                   std::to_string(model.size()) +
                                   (e.complete ? "" : "+ (--max-paths cut the search)");
        // With --warn-on-races, a scenario marked `// @nondeterministic` that shows an output
        // none of its recorded runs shows is a warning: a race can always show a rarer order.
        const bool race_warning =
            warn_on_races && !known.contains(name) &&
            scenario->source.find("// @nondeterministic") != std::string::npos &&
            !recorded_outputs(f.absolute, missing);
        if (!missing.empty()) {
            const bool listed = known.contains(name);
            out << (listed         ? "KNOWN "
                    : race_warning ? "RACE  "
                                   : "BUG   ")
                << name << " (" << counts << "): node printed " << missing.size()
                << " output(s) loopsim cannot produce"
                << (race_warning ? " (a race; none of its recorded runs shows it: a warning)" : "")
                << '\n';
            for (const Printed& p : missing) out << "        node: " << one_line(p) << '\n';
            (listed ? known_bugs : race_warning ? race_warnings : bugs) += 1;
        } else {
            out << "OK    " << name << " (" << counts << ")\n";
            ++agree;
        }
        if (!extra.empty()) {
            ++wider;
            out << "        loopsim also allows " << extra.size()
                << " output(s) node did not print in these runs:\n";
            for (size_t i = 0; i < extra.size() && i < 3; ++i)
                out << "        loopsim: " << one_line(extra[i]) << '\n';
            if (extra.size() > 3) out << "        ... and " << extra.size() - 3 << " more\n";
        }
        // Deterministic and in agreement: compare the order of callback types too.
        if (check_order && missing.empty() && extra.empty() && it->second.size() == 1 &&
            model.size() == 1) {
            node::ScenarioOptions traced = *scenario;
            traced.record_trace = true;
            node::ScenarioResult run = node::run_scenario(traced);
            if (run.trace)
                order_checks.push_back(
                    OrderCheck{reports.size(),
                               name,
                               f.absolute,
                               scenario->source.find("// @file") != std::string::npos,
                               *it->second.begin(),
                               trace::loopsim_callback_order(*run.trace),
                               {}});
        }
        reports.push_back(out.str());
    }

    size_t order_agree = 0, order_differ = 0, order_known_count = 0, order_skipped = 0;
    if (!order_checks.empty())
        record_references(find_program(node), order_recorder, order_checks, jobs);
    for (OrderCheck& c : order_checks) {
        std::string& report = reports[c.report];
        const bool listed = order_known.contains(c.name);
        if (!c.recorded.started || c.recorded.exit_code != 0) {
            report += "ORDER  " + c.name + ": the reference recorder failed" +
                      (c.recorded.error.empty() ? "" : ": " + c.recorded.error) + "\n";
            std::istringstream lines(c.recorded.err);
            for (std::string line; std::getline(lines, line);) report += "        " + line + "\n";
            ++order_differ;
            continue;
        }
        sim::Result<trace::ReferenceTrace> reference =
            trace::parse_reference_trace(c.recorded.out, c.name + " (reference trace)");
        if (!reference) {
            report += "ORDER  " + reference.error().message + "\n";
            ++order_differ;
            continue;
        }
        const trace::ReferenceTrace& ref = reference.value();
        if (Printed{ref.stdout_text, ref.stderr_text, ref.exit_code} != c.output) {
            // Under async_hooks node printed something else: a timing the hooks' cost changed.
            report += "ORDER  " + c.name +
                      ": not compared: under the reference recorder node printed " +
                      one_line(Printed{ref.stdout_text, ref.stderr_text, ref.exit_code}) + "\n";
            ++order_skipped;
            continue;
        }
        const std::optional<trace::OrderDivergence> d =
            trace::first_order_divergence(ref.order, c.loopsim);
        if (!d) {
            ++order_agree;
            if (listed)
                report += "ORDER  " + c.name + ": listed as a known order gap, but node and " +
                          "loopsim now run the same " + std::to_string(ref.order.size()) +
                          " callback types in the same order\n";
            continue;
        }
        report += std::string(listed ? "ORDER KNOWN " : "ORDER  ") + c.name + ": " +
                  trace::describe_divergence(*d, ref.order.size(), c.loopsim.size()) + "\n";
        (listed ? order_known_count : order_differ) += 1;
    }

    std::ostream& out = sink;
    for (const std::string& report : reports) out << report;
    out << agree << " agree, " << bugs << " model bugs";
    if (known_bugs) out << ", " << known_bugs << " known";
    if (race_warnings) out << ", " << race_warnings << " race warnings";
    out << "; " << wider << " allow outputs node did not show";
    if (check_order) {
        out << "; callback order: " << order_agree << " agree, " << order_differ << " differ";
        if (order_known_count) out << ", " << order_known_count << " known";
        if (order_skipped) out << ", " << order_skipped << " not compared";
    }
    out << '\n';
    if (bugs > 0) return k_exit_failure;
    return fail_on_order && order_differ > 0 ? k_exit_failure : k_exit_ok;
}

} // namespace loopsim::cli
