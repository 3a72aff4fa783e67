// `loopsim batch`: runs every scenario below some folders on a pool of worker threads and
// writes one output per scenario (a loopsim trace, a Chrome trace or the narration) under
// an output folder that mirrors the scenarios' layout. Each output is written atomically;
// one scenario that cannot run never stops the others; outputs, per-scenario lines and the
// summary are the same bytes whatever the number of workers.
#include "model/node/scenario_runner.h"
#include "tools/cli/atomic_file.h"
#include "tools/cli/batch_options.h"
#include "tools/cli/child_process.h"
#include "tools/cli/cli.h"
#include "tools/cli/commands.h"
#include "tools/cli/junit.h"
#include "tools/cli/parallel_runner.h"
#include "traces/batch_summary.h"
#include "traces/chrome_writer.h"
#include "traces/json_reader.h"
#include "traces/json_writer.h"
#include "traces/narration.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <filesystem>
#include <map>
#include <ostream>
#include <semaphore>
#include <set>
#include <sstream>
#include <unistd.h>

namespace loopsim::cli {

namespace {

namespace fs = std::filesystem;

enum class Format {
    Json,
    Chrome,
    Text
};

std::string_view format_name(Format f) {
    return f == Format::Json ? "json" : f == Format::Chrome ? "chrome" : "text";
}

std::string_view format_extension(Format f) {
    return f == Format::Json ? ".trace.json" : f == Format::Chrome ? ".chrome.json" : ".txt";
}

struct ScenarioRun {
    bool failed = false;
    int exit_code = -1;
    std::string note;   // shown on the line: why it failed, or how the run ended when unusual
    std::string output; // the file written
    uint64_t events = 0;
};

std::string first_line(std::string_view text) {
    const size_t nl = text.find('\n');
    return std::string(text.substr(0, nl));
}

std::string render(const trace::Trace& t, Format format) {
    switch (format) {
    case Format::Json:
        return trace::trace_to_json(t);
    case Format::Chrome:
        return trace::trace_to_chrome_json(t);
    case Format::Text:
        return trace::narrate(t);
    }
    return {};
}

// The scenario's trace, simulated in this process; nothing (and `run` says why) when it has none.
std::optional<trace::Trace> simulate_here(const ScenarioFile& file, const RunOptions& common,
                                          ScenarioRun& run) {
    RunOptions options = common;
    options.file = file.path;
    std::ostringstream load_errors;
    std::optional<node::ScenarioOptions> scenario = load_scenario(options, load_errors);
    if (!scenario) {
        run.failed = true;
        run.note = first_line(load_errors.str());
        return std::nullopt;
    }
    scenario->record_trace = true;
    node::ScenarioResult result = node::run_scenario(*scenario);
    run.exit_code = result.exit_code;
    if (!result.trace) { // outside the dialect: the diagnostic says why
        run.failed = true;
        run.note = first_line(result.stderr_text);
        return std::nullopt;
    }
    return std::move(result.trace);
}

// The same from a `loopsim run --trace TEMP` child process (--isolate): a crash or a hang
// of that process fails this scenario only.
std::optional<trace::Trace> simulate_in_child(const ScenarioFile& file, const BatchOptions& options,
                                              ScenarioRun& run) {
    std::string temp = (fs::temp_directory_path() / "loopsim-batch-XXXXXX.json").string();
    const int fd = mkstemps(temp.data(), 5);
    if (fd < 0) {
        run.failed = true;
        run.note = "cannot create a temporary trace file: " + std::string(std::strerror(errno));
        return std::nullopt;
    }
    ::close(fd);
    std::vector<std::string> argv{loopsim_executable(), "run", "--trace", temp};
    for (std::string& a : run_option_arguments(options.run)) argv.push_back(std::move(a));
    argv.push_back(file.path);
    const ChildResult child = run_child(argv, options.timeout_seconds);
    std::optional<trace::Trace> trace;
    run.exit_code = child.exit_code;
    if (std::string failure = child_failure(child, options.timeout_seconds); !failure.empty()) {
        run.failed = true;
        run.note = failure;
    } else if (sim::Result<trace::Trace> read = trace::read_trace(temp); read) {
        trace = std::move(read).value();
    } else { // no trace: the scenario could not be loaded or is outside the dialect
        run.failed = true;
        run.note = first_line(child.err);
    }
    ::unlink(temp.c_str());
    return trace;
}

// One scenario, start to finish, on whichever worker thread picked it. Touches only `run`.
// `simulating` bounds how many scenarios simulate at once (-j); the file is written after
// the slot is given back, so a worker waiting on the file system lets another simulate.
void run_one(const ScenarioFile& file, const BatchOptions& options, Format format,
             const std::string& output, std::counting_semaphore<>& simulating, ScenarioRun& run) {
    struct Slot {
        std::counting_semaphore<>& s;
        bool held = true;
        explicit Slot(std::counting_semaphore<>& sem) : s(sem) { s.acquire(); }
        void release() {
            if (held) s.release();
            held = false;
        }
        ~Slot() { release(); }
    } slot(simulating);
    try {
        std::optional<trace::Trace> t = options.isolate ? simulate_in_child(file, options, run)
                                                        : simulate_here(file, options.run, run);
        if (!t) return;
        t->header.scenario_path = file.path; // as given, not this machine's absolute path
        run.events = t->events.size();
        if (t->outcome.status == trace::OutcomeStatus::BudgetExceeded)
            run.note = "stopped by a budget: " + t->outcome.message;
        if (output.empty()) return; // --no-output: run and record, write nothing
        const std::string bytes = render(*t, format);
        t.reset();
        slot.release();
        if (std::optional<std::string> error = write_file_atomically(output, bytes)) {
            run.failed = true;
            run.note = *error;
            return;
        }
        run.output = output;
    } catch (const std::exception& e) {
        run.failed = true;
        run.note = std::string("loopsim could not run it: ") + e.what();
    }
}

} // namespace

int cmd_batch(std::span<const std::string> args, std::ostream& out, std::ostream& err) {
    std::string out_dir;
    Format format = Format::Json;
    bool no_output = false;
    const OptionHandler own = [&](std::span<const std::string> a, size_t& i, std::string& error) {
        const std::string* value = i + 1 < a.size() ? &a[i + 1] : nullptr;
        if (a[i] == "-o" || a[i] == "--output") {
            if (!value || value->empty()) error = a[i] + " needs an output folder";
            out_dir = value ? *value : "";
            ++i;
            return true;
        }
        if (a[i] == "--format") {
            if (value && *value == "json")
                format = Format::Json;
            else if (value && *value == "chrome")
                format = Format::Chrome;
            else if (value && *value == "text")
                format = Format::Text;
            else
                error = "--format takes json, chrome or text";
            ++i;
            return true;
        }
        if (a[i] == "--no-output") {
            no_output = true;
            return true;
        }
        return false;
    };
    std::optional<BatchOptions> options = parse_batch_options("batch", args, own, err);
    if (!options) return k_exit_usage;
    if (out_dir.empty() && !no_output) {
        err << "loopsim batch: no output folder: give -o OUTDIR, or --no-output to run without "
               "writing (see 'loopsim batch --help')\n";
        return k_exit_usage;
    }
    if (no_output) out_dir.clear();

    std::optional<std::vector<ScenarioFile>> all = collect_scenarios("batch", options->inputs, err);
    if (!all) return k_exit_failure;
    if (all->empty()) {
        err << "loopsim batch: no scenarios (*.js or *.mjs files) found in";
        for (const std::string& in : options->inputs) err << ' ' << in;
        err << '\n';
        return k_exit_failure;
    }
    const std::vector<ScenarioFile> files = select_shard(*all, options->shard);

    // Output paths, and every folder they need, made here before any worker starts.
    std::vector<std::string> outputs(files.size());
    if (!out_dir.empty()) {
        std::set<fs::path> folders;
        std::map<std::string, size_t> owner; // output -> the scenario that writes it
        for (size_t i = 0; i < files.size(); ++i) {
            fs::path rel(files[i].relative);
            rel.replace_extension();
            const fs::path target =
                fs::path(out_dir) / (rel.string() + std::string(format_extension(format)));
            outputs[i] = target.string();
            folders.insert(target.parent_path());
            auto [it, fresh] = owner.emplace(outputs[i], i);
            if (!fresh) { // x.js and x.mjs in one folder
                err << "loopsim batch: " << files[it->second].path << " and " << files[i].path
                    << " would both write " << outputs[i] << "; run them in separate batches\n";
                return k_exit_usage;
            }
        }
        folders.insert(out_dir);
        for (const fs::path& f : folders) {
            std::error_code ec;
            fs::create_directories(f, ec);
            if (ec) {
                err << "loopsim batch: cannot create the output folder " << f.string() << ": "
                    << ec.message() << '\n';
                return k_exit_failure;
            }
        }
    }

    std::vector<ScenarioRun> runs(files.size());
    Progress progress(out, err, files.size());
    size_t failed = 0, written = 0;
    const size_t width = std::to_string(files.size()).size();
    // -j N scenarios simulate at once; twice as many workers, so that file writes, which
    // mostly wait on the file system, overlap with simulation.
    const unsigned jobs = std::min(options->jobs ? options->jobs : default_jobs(), 4096u);
    std::counting_semaphore<> simulating(jobs);
    const auto work = [&](size_t i) {
        run_one(files[i], *options, format, outputs[i], simulating, runs[i]);
    };
    const auto done = [&](size_t i) {
        const ScenarioRun& r = runs[i];
        r.failed ? ++failed : ++written;
        std::string index = std::to_string(i + 1);
        std::string line = "[" + std::string(width - index.size(), ' ') + index + "/" +
                           std::to_string(files.size()) + "] " +
                           (r.failed ? "FAILED " : "ok     ") + files[i].path;
        if (r.failed) {
            line += ": " + r.note;
        } else {
            line += "  (exit " + std::to_string(r.exit_code) + ", " + std::to_string(r.events) +
                    " events";
            if (!r.note.empty()) line += "; " + r.note;
            line += ")";
        }
        progress.line(line, r.failed);
        progress.update(i + 1, failed, files[i].path);
    };
    run_parallel(files.size(), out_dir.empty() ? jobs : 2 * jobs, work, done, [](size_t) {});
    progress.finish();

    trace::BatchSummary summary;
    summary.command = "batch";
    summary.format = std::string(format_name(format));
    summary.shard_count = options->shard.count;
    summary.shards = {options->shard.index};
    for (size_t i = 0; i < files.size(); ++i) {
        trace::SummaryEntry e;
        e.name = files[i].path;
        e.status = runs[i].failed ? trace::ScenarioStatus::Failed : trace::ScenarioStatus::Written;
        e.exit_code = runs[i].exit_code;
        e.message = runs[i].note;
        e.output = runs[i].output;
        summary.scenarios.push_back(std::move(e));
    }

    out << "batch: " << files.size() << " scenario" << (files.size() == 1 ? "" : "s");
    if (options->sharded)
        out << " (shard " << options->shard.index << "/" << options->shard.count << " of "
            << all->size() << ")";
    out << ", " << written << (no_output ? " run" : " written") << ", " << failed << " failed";
    if (!out_dir.empty()) out << "; " << format_name(format) << " outputs in " << out_dir;
    out << '\n';

    int status = failed == 0 ? k_exit_ok : k_exit_failure;
    if (!options->summary_path.empty()) {
        if (std::optional<std::string> e =
                write_file_atomically(options->summary_path, trace::summary_to_json(summary))) {
            err << "loopsim batch: " << *e << '\n';
            status = k_exit_failure;
        }
    }
    if (!options->junit_path.empty()) {
        if (std::optional<std::string> e = write_file_atomically(
                options->junit_path, junit_from_summary(summary, "loopsim batch"))) {
            err << "loopsim batch: " << *e << '\n';
            status = k_exit_failure;
        }
    }
    return status;
}

} // namespace loopsim::cli
