// Options of batch and check. See batch_options.h.
#include "tools/cli/batch_options.h"

#include "tools/cli/child_process.h"

#include <charconv>
#include <csignal>
#include <cstring>
#include <ostream>

namespace loopsim::cli {

std::optional<BatchOptions> parse_batch_options(std::string_view command,
                                                std::span<const std::string> args,
                                                const OptionHandler& own, std::ostream& err) {
    BatchOptions o;
    std::vector<std::string> run_args; // checked by parse_run_options, as `loopsim run` checks them
    const auto usage = [&](const std::string& what) {
        err << "loopsim " << command << ": " << what << " (see 'loopsim " << command
            << " --help')\n";
        return std::nullopt;
    };
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        std::string error;
        if (own && own(args, i, error)) {
            if (!error.empty()) return usage(error);
            continue;
        }
        if (!error.empty()) return usage(error);
        const std::string* value = i + 1 < args.size() ? &args[i + 1] : nullptr;
        if (a == "-j" || a == "--jobs") {
            unsigned n = 0;
            auto r = value ? std::from_chars(value->data(), value->data() + value->size(), n)
                           : std::from_chars_result{};
            if (!value || r.ec != std::errc() || r.ptr != value->data() + value->size() || n == 0)
                return usage(a + " takes a number of worker threads >= 1");
            o.jobs = n;
            ++i;
        } else if (a.starts_with("-j") && a.size() > 2 && a[2] >= '0' && a[2] <= '9') {
            unsigned n = 0;
            auto r = std::from_chars(a.data() + 2, a.data() + a.size(), n);
            if (r.ec != std::errc() || r.ptr != a.data() + a.size() || n == 0)
                return usage("-j takes a number of worker threads >= 1");
            o.jobs = n;
        } else if (a == "--shard") {
            if (!value) return usage("--shard takes K/N");
            std::optional<Shard> s = parse_shard(*value, error);
            if (!s) return usage(error);
            o.shard = *s;
            o.sharded = true;
            ++i;
        } else if (a == "--isolate") {
            o.isolate = true;
        } else if (a == "--timeout") {
            int n = 0;
            auto r = value ? std::from_chars(value->data(), value->data() + value->size(), n)
                           : std::from_chars_result{};
            if (!value || r.ec != std::errc() || r.ptr != value->data() + value->size() || n <= 0)
                return usage("--timeout takes whole seconds > 0");
            o.timeout_seconds = n;
            ++i;
        } else if (a == "--summary" || a == "--junit") {
            if (!value || value->empty()) return usage(a + " needs a file name");
            (a == "--summary" ? o.summary_path : o.junit_path) = *value;
            ++i;
        } else if (a == "--profile" || a == "--seed" || a == "--env" || a == "--max-time" ||
                   a == "--max-events" || a == "--max-queue") {
            run_args.push_back(a);
            if (value) run_args.push_back(*value), ++i;
        } else if (a.starts_with("-") && a != "-") {
            return usage("unknown option '" + a + "'");
        } else {
            o.inputs.push_back(a);
        }
    }
    if (o.inputs.empty()) return usage("no scenario folder or file given");
    run_args.push_back(
        "scenario.js"); // parse_run_options wants one file; each scenario replaces it
    std::optional<RunOptions> run = parse_run_options(command, run_args, err);
    if (!run) return std::nullopt;
    o.run = std::move(*run);
    o.run.file.clear();
    return o;
}

std::vector<std::string> run_option_arguments(const RunOptions& run) {
    std::vector<std::string> args{"--profile", run.profile, "--seed", std::to_string(run.seed)};
    for (const auto& [k, v] : run.env) args.insert(args.end(), {"--env", k + "=" + v});
    if (run.max_time_ms) args.insert(args.end(), {"--max-time", std::to_string(*run.max_time_ms)});
    if (run.max_events) args.insert(args.end(), {"--max-events", std::to_string(*run.max_events)});
    if (run.max_queue) args.insert(args.end(), {"--max-queue", std::to_string(*run.max_queue)});
    return args;
}

std::string child_failure(const ChildResult& child, int timeout_seconds) {
    if (!child.started) return "cannot start loopsim: " + child.error;
    if (child.timed_out)
        return "killed after " + std::to_string(timeout_seconds) + " s (--timeout)";
    if (child.signal == 0) return {};
    std::string what = "loopsim crashed (signal " + std::to_string(child.signal) + ", " +
                       strsignal(child.signal) + ")";
    const std::string first = child.err.substr(0, child.err.find('\n'));
    if (!first.empty()) what += ": " + first;
    return what;
}

} // namespace loopsim::cli
