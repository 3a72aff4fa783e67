// `loopsim check`: runs every scenario that has a recording of real node's output
// (NAME.expect.json, written by scripts/record-expected.mjs) and compares what loopsim
// prints with it: stdout, stderr and exit code, normalised as the recorder normalises
// node's. One line per scenario, a closing "N passed, N failed" line, JUnit XML on request.
// --update re-records the expectations by running real node (never from loopsim's output).
#include "model/node/scenario_runner.h"
#include "tools/cli/atomic_file.h"
#include "tools/cli/batch_options.h"
#include "tools/cli/child_process.h"
#include "tools/cli/cli.h"
#include "tools/cli/commands.h"
#include "tools/cli/junit.h"
#include "tools/cli/parallel_runner.h"
#include "traces/batch_summary.h"
#include "traces/node_recording.h"

#include <cerrno>
#include <cstring>
#include <exception>
#include <filesystem>
#include <map>
#include <ostream>
#include <poll.h>
#include <set>
#include <spawn.h>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

extern "C" char** environ;

namespace loopsim::cli {

namespace {

namespace fs = std::filesystem;

struct Scenario {
    ScenarioFile file;
    std::string name;   // relative to its recording root: what node printed, what lists name
    fs::path root;      // the folder the recording was made from
    std::string expect; // path of NAME.expect.json
};

struct Verdict {
    bool passed = false;
    int exit_code = -1;
    std::string difference; // the first difference, or why it could not be compared
};

// A string for a one-line message: quoted, escaped, cut to `limit` bytes.
std::string quoted(std::string_view text, size_t limit = 60) {
    std::string out = "\"";
    size_t i = 0;
    for (; i < text.size() && i < limit; ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == '\n')
            out += "\\n";
        else if (c == '\t')
            out += "\\t";
        else if (c == '"' || c == '\\')
            out += std::string("\\") + static_cast<char>(c);
        else if (c < 0x20 || c == 0x7F) {
            static constexpr char kHex[] = "0123456789abcdef";
            out += "\\x";
            out += kHex[c >> 4];
            out += kHex[c & 15];
        } else
            out += static_cast<char>(c);
    }
    out += "\"";
    if (i < text.size()) out += "...";
    return out;
}

// "stdout line 3: loopsim "x" node "y"" for the first line that differs.
std::string first_difference(std::string_view stream, const std::string& got,
                             const std::string& want) {
    size_t at = 0, line = 1;
    while (at < got.size() && at < want.size() && got[at] == want[at]) {
        if (got[at] == '\n') ++line;
        ++at;
    }
    const size_t line_start = got.rfind('\n', at == 0 ? 0 : at - 1);
    const size_t from = (line_start == std::string::npos || at == 0) ? 0 : line_start + 1;
    const auto rest_of_line = [&](const std::string& s) {
        if (from >= s.size()) return std::string_view();
        const std::string_view v(s.data() + from, s.size() - from);
        const size_t nl = v.find('\n');
        return nl == std::string_view::npos ? v : v.substr(0, nl + 1);
    };
    std::string_view g = rest_of_line(got), w = rest_of_line(want);
    if (from >= got.size() && from >= want.size()) return std::string(stream) + " differs";
    std::string what = std::string(stream) + " line " + std::to_string(line) + ": loopsim ";
    what += from >= got.size() ? "printed nothing more" : quoted(g);
    what += ", node ";
    what += from >= want.size() ? "printed nothing more" : quoted(w);
    return what;
}

// What a run printed: stdout, stderr, exit code.
struct Printed {
    std::string out, err;
    int exit_code = 0;
};

// Runs the scenario in this process, or (--isolate) in a `loopsim run` child process, so a
// crash or a hang fails this scenario only. Returns an error message, or nothing.
std::optional<std::string> run_scenario_for_check(const RunOptions& options,
                                                  const BatchOptions& batch, Printed& printed) {
    if (batch.isolate) {
        std::vector<std::string> argv{loopsim_executable(), "run"};
        for (std::string& a : run_option_arguments(options)) argv.push_back(std::move(a));
        argv.push_back(options.file);
        ChildResult child = run_child(argv, batch.timeout_seconds);
        if (std::string failure = child_failure(child, batch.timeout_seconds); !failure.empty())
            return failure;
        printed = {std::move(child.out), std::move(child.err), child.exit_code};
        return std::nullopt;
    }
    std::ostringstream errors;
    std::optional<node::ScenarioOptions> scenario = load_scenario(options, errors);
    if (!scenario) {
        const std::string e = errors.str();
        return e.substr(0, e.find('\n'));
    }
    node::ScenarioResult r = node::run_scenario(*scenario);
    printed = {std::move(r.stdout_text), std::move(r.stderr_text), r.exit_code};
    return std::nullopt;
}

Verdict check_one(const Scenario& s, const BatchOptions& batch) {
    Verdict v;
    try {
        std::ostringstream errors;
        std::optional<std::string> text = read_file(s.expect, errors);
        if (!text) {
            const std::string e = errors.str();
            v.difference = e.substr(0, e.find('\n'));
            return v;
        }
        sim::Result<trace::NodeRecording> recording = trace::parse_node_recording(*text, s.expect);
        if (!recording) {
            v.difference = recording.error().message;
            return v;
        }
        RunOptions options = batch.run;
        options.file = s.file.path;
        for (const auto& [k, value] : recording.value().env)
            if (!options.env.count(k)) options.env[k] = value;
        Printed r;
        if (std::optional<std::string> failure = run_scenario_for_check(options, batch, r)) {
            v.difference = *failure;
            return v;
        }
        const std::string root = s.root.string();
        const std::string out = trace::normalise_recorded_output(r.out, root);
        const std::string errs = trace::normalise_recorded_output(r.err, root);
        v.exit_code = r.exit_code;
        for (const trace::RecordedOutcome& o : recording.value().outcomes) {
            if (o.exit_code == r.exit_code && o.stdout_text == out && o.stderr_text == errs) {
                v.passed = true;
                return v;
            }
        }
        // Against node's most frequent outcome (the first one recorded).
        const trace::RecordedOutcome& first = recording.value().outcomes.front();
        std::vector<std::string> parts;
        if (first.exit_code != r.exit_code)
            parts.push_back("exit code " + std::to_string(r.exit_code) + ", node " +
                            std::to_string(first.exit_code));
        if (first.stdout_text != out)
            parts.push_back(first_difference("stdout", out, first.stdout_text));
        if (first.stderr_text != errs)
            parts.push_back(first_difference("stderr", errs, first.stderr_text));
        if (recording.value().outcomes.size() > 1)
            parts.push_back("(matches none of node's " +
                            std::to_string(recording.value().outcomes.size()) +
                            " recorded outcomes; compared with the most frequent)");
        for (size_t i = 0; i < parts.size(); ++i) v.difference += (i ? "; " : "") + parts[i];
    } catch (const std::exception& e) {
        v.difference = std::string("loopsim could not run it: ") + e.what();
    }
    return v;
}

// Names listed in a known-failures file: the first word of each line that is not blank or
// a # comment (the format of tests/conformance/known_failures.txt).
std::optional<std::set<std::string>> read_known_failures(const std::string& path,
                                                         std::ostream& err) {
    std::optional<std::string> text = read_file(path, err);
    if (!text) return std::nullopt;
    std::set<std::string> names;
    std::istringstream in(*text);
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#') continue;
        const size_t end = line.find_first_of(" \t\r");
        names.insert(line.substr(0, end));
    }
    return names;
}

// Runs `node RECORDER --quiet FILE...` from `root`, forwarding what it prints. Returns its
// exit code, or -1 with a message when node cannot be started.
int run_recorder(const std::string& node, const fs::path& recorder, const fs::path& root,
                 const std::vector<std::string>& files, std::ostream& out, std::ostream& err) {
    std::vector<std::string> argv{node, recorder.string()};
    argv.insert(argv.end(), files.begin(), files.end());
    std::vector<char*> c_argv;
    for (std::string& a : argv) c_argv.push_back(a.data());
    c_argv.push_back(nullptr);
    int pipe_fds[2];
    if (pipe(pipe_fds) != 0) {
        err << "loopsim check: cannot start node: " << std::strerror(errno) << '\n';
        return -1;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], 1);
    posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], 2);
    posix_spawn_file_actions_addclose(&actions, pipe_fds[0]);
    posix_spawn_file_actions_addchdir_np(&actions, root.c_str());
    pid_t pid = 0;
    const int rc = posix_spawnp(&pid, node.c_str(), &actions, nullptr, c_argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(pipe_fds[1]);
    if (rc != 0) {
        close(pipe_fds[0]);
        err << "loopsim check: --update records expectations with real node, but '" << node
            << "' could not be started: " << std::strerror(rc)
            << "\n  (install Node.js 20, or give its path with --node PATH)\n";
        return -1;
    }
    char buffer[4096];
    for (;;) {
        const ssize_t n = read(pipe_fds[0], buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        out.write(buffer, n);
        out.flush();
    }
    close(pipe_fds[0]);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// --update: re-records every scenario of the run (those without a recording too).
bool update_recordings(const std::vector<ScenarioFile>& files, const std::string& node,
                       std::ostream& out, std::ostream& err) {
    std::map<fs::path, std::vector<std::string>> by_root; // one recorder run per root
    for (const ScenarioFile& f : files)
        by_root[recording_root(f.absolute)].push_back(f.absolute.string());
    for (const auto& [root, list] : by_root) {
        const fs::path recorder = root / "scripts" / "record-expected.mjs";
        std::error_code ec;
        if (!fs::exists(recorder, ec)) {
            err << "loopsim check: --update needs the recorder scripts/record-expected.mjs in a "
                   "folder above "
                << list.front() << " (none found up to /)\n";
            return false;
        }
        out << "recording with node: " << list.size() << " scenario"
            << (list.size() == 1 ? "" : "s") << " (" << recorder.string() << ")\n";
        const int code = run_recorder(node, recorder, root, list, out, err);
        if (code != 0) {
            if (code > 0) err << "loopsim check: the recorder failed (exit " << code << ")\n";
            return false;
        }
    }
    return true;
}

} // namespace

int cmd_check(std::span<const std::string> args, std::ostream& out, std::ostream& err) {
    std::string known_path, root_override, node = "node";
    bool update = false;
    const OptionHandler own = [&](std::span<const std::string> a, size_t& i, std::string& error) {
        const std::string* value = i + 1 < a.size() ? &a[i + 1] : nullptr;
        const auto take = [&](std::string& into, const char* what) {
            if (!value || value->empty()) error = a[i] + " needs " + what;
            into = value ? *value : "";
            ++i;
            return true;
        };
        if (a[i] == "--known-failures") return take(known_path, "a file name");
        if (a[i] == "--root") return take(root_override, "a folder");
        if (a[i] == "--node") return take(node, "the path of node");
        if (a[i] == "--update") return update = true;
        return false;
    };
    std::optional<BatchOptions> options = parse_batch_options("check", args, own, err);
    if (!options) return k_exit_usage;

    std::optional<std::set<std::string>> known;
    if (!known_path.empty()) {
        known = read_known_failures(known_path, err);
        if (!known) return k_exit_failure;
    }
    std::optional<std::vector<ScenarioFile>> all = collect_scenarios("check", options->inputs, err);
    if (!all) return k_exit_failure;
    // Shard the whole sorted list (recorded or not), so every job slices it the same way
    // even while --update adds recordings.
    std::vector<ScenarioFile> selected = select_shard(*all, options->shard);
    if (update && !update_recordings(selected, node, out, err)) return k_exit_failure;

    // The selected scenarios that have a recording, each with the root it was made from.
    std::vector<Scenario> mine;
    size_t unrecorded = 0;
    std::map<fs::path, fs::path> root_of_folder;
    for (ScenarioFile& f : selected) {
        fs::path expect = f.absolute;
        expect.replace_extension(".expect.json");
        std::error_code ec;
        if (!fs::exists(expect, ec)) {
            ++unrecorded;
            continue;
        }
        fs::path root;
        if (!root_override.empty()) {
            root = fs::absolute(root_override).lexically_normal();
            if (!root.has_filename()) root = root.parent_path();
        } else {
            auto [it, inserted] = root_of_folder.emplace(f.absolute.parent_path(), fs::path());
            if (inserted) it->second = recording_root(f.absolute);
            root = it->second;
        }
        Scenario s{std::move(f), "", root, expect.string()};
        s.name = path_below(s.file.absolute, root);
        mine.push_back(std::move(s));
    }
    if (mine.empty() && !options->sharded) {
        err << "loopsim check: no scenario with a recording (NAME.expect.json beside NAME.js) in";
        for (const std::string& in : options->inputs) err << ' ' << in;
        err << "\n  (record one with: node scripts/record-expected.mjs PATH, or loopsim check "
               "--update)\n";
        return k_exit_failure;
    }

    std::vector<Verdict> verdicts(mine.size());
    Progress progress(out, err, mine.size());
    trace::BatchSummary summary;
    summary.command = "check";
    summary.shard_count = options->shard.count;
    summary.shards = {options->shard.index};
    size_t failed_so_far = 0;
    const auto work = [&](size_t i) { verdicts[i] = check_one(mine[i], *options); };
    const auto done = [&](size_t i) {
        const Verdict& v = verdicts[i];
        const bool listed = known && known->count(mine[i].name);
        trace::SummaryEntry e;
        e.name = mine[i].name;
        e.exit_code = v.exit_code;
        std::string line;
        if (v.passed && !listed) {
            e.status = trace::ScenarioStatus::Passed;
            line = "PASS  " + e.name;
        } else if (v.passed) {
            e.status = trace::ScenarioStatus::Fixed;
            e.message =
                "listed in " + known_path + " but matches node now: remove it from the list";
            line = "FIXED " + e.name + ": " + e.message;
        } else if (listed) {
            e.status = trace::ScenarioStatus::Known;
            e.message = v.difference;
            line = "KNOWN " + e.name + ": " + v.difference;
        } else {
            e.status = trace::ScenarioStatus::Failed;
            e.message = v.difference;
            line = "FAIL  " + e.name + ": " + v.difference;
            ++failed_so_far;
        }
        progress.line(line, e.status == trace::ScenarioStatus::Failed ||
                                e.status == trace::ScenarioStatus::Fixed);
        progress.update(i + 1, failed_so_far, e.name);
        summary.scenarios.push_back(std::move(e));
    };
    run_parallel(mine.size(), options->jobs ? options->jobs : default_jobs(), work, done,
                 [](size_t) {});
    progress.finish();

    const size_t fixed = summary.count(trace::ScenarioStatus::Fixed);
    const size_t passed = summary.count(trace::ScenarioStatus::Passed) + fixed;
    const size_t failed = summary.count(trace::ScenarioStatus::Failed);
    out << passed << " passed, " << failed << " failed";
    if (known) out << ", " << summary.count(trace::ScenarioStatus::Known) << " known";
    if (options->sharded)
        out << " (shard " << options->shard.index << "/" << options->shard.count << " of "
            << all->size() << " scenarios)";
    if (unrecorded > 0) out << "; " << unrecorded << " without a recording, not checked";
    out << '\n';
    if (fixed > 0)
        out << fixed << (fixed == 1 ? " scenario listed in " : " scenarios listed in ")
            << known_path
            << (fixed == 1 ? " now matches node: remove it from the list\n"
                           : " now match node: remove them from the list\n");

    int status = failed == 0 ? k_exit_ok : k_exit_failure;
    if (!options->summary_path.empty()) {
        if (auto e =
                write_file_atomically(options->summary_path, trace::summary_to_json(summary))) {
            err << "loopsim check: " << *e << '\n';
            status = k_exit_failure;
        }
    }
    if (!options->junit_path.empty()) {
        if (auto e = write_file_atomically(options->junit_path,
                                           junit_from_summary(summary, "loopsim check"))) {
            err << "loopsim check: " << *e << '\n';
            status = k_exit_failure;
        }
    }
    return status;
}

} // namespace loopsim::cli
