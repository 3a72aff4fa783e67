// Common options of the simulating commands, and loading a scenario with its header.
#include "tools/cli/run_options.h"

#include "model/node/scenario_header.h"
#include "tools/cli/commands.h"

#include <charconv>
#include <filesystem>
#include <ostream>

namespace loopsim::cli {

namespace {

template <typename T> bool parse_number(const std::string& text, T& value) {
    auto r = std::from_chars(text.data(), text.data() + text.size(), value);
    return r.ec == std::errc() && r.ptr == text.data() + text.size();
}

} // namespace

std::optional<RunOptions> parse_run_options(std::string_view command,
                                            std::span<const std::string> args, std::ostream& err) {
    RunOptions o;
    const auto usage = [&](const std::string& what) {
        err << "loopsim " << command << ": " << what << " (see 'loopsim " << command
            << " --help')\n";
        return std::nullopt;
    };
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        const auto value = [&]() -> const std::string* {
            return i + 1 < args.size() ? &args[++i] : nullptr;
        };
        if (a == "--trace") {
            const std::string* v = value();
            if (!v) return usage("--trace needs a file name");
            o.trace_path = *v;
        } else if (a == "--trace-memory") {
            o.trace_memory = true;
        } else if (a == "--trace-stats") {
            o.trace_memory = true;
            o.trace_stats = true;
        } else if (a == "--profile") {
            const std::string* v = value();
            if (!v || (*v != "node18" && *v != "node20"))
                return usage("--profile takes node18 or node20");
            o.profile = *v;
        } else if (a == "--seed") {
            const std::string* v = value();
            if (!v || !parse_number(*v, o.seed)) return usage("--seed takes a whole number");
        } else if (a == "--max-time") {
            const std::string* v = value();
            int64_t ms = 0;
            if (!v || !parse_number(*v, ms) || ms <= 0)
                return usage("--max-time takes milliseconds > 0");
            o.max_time_ms = ms;
        } else if (a == "--max-events") {
            const std::string* v = value();
            uint64_t n = 0;
            if (!v || !parse_number(*v, n) || n == 0)
                return usage("--max-events takes a whole number > 0");
            o.max_events = n;
        } else if (a == "--max-queue") {
            const std::string* v = value();
            uint64_t n = 0;
            if (!v || !parse_number(*v, n) || n == 0)
                return usage("--max-queue takes a whole number > 0");
            o.max_queue = n;
        } else if (a == "--env") {
            const std::string* v = value();
            size_t eq = v ? v->find('=') : std::string::npos;
            if (!v || eq == 0 || eq == std::string::npos) return usage("--env takes NAME=VALUE");
            o.env[v->substr(0, eq)] = v->substr(eq + 1);
        } else if (a.starts_with("-")) {
            return usage("unknown option '" + a + "'");
        } else if (o.file.empty()) {
            o.file = a;
        } else {
            return usage("one scenario at a time (got '" + o.file + "' and '" + a + "')");
        }
    }
    if (o.file.empty()) return usage("no scenario given");
    return o;
}

std::optional<node::ScenarioOptions> load_scenario(const RunOptions& options, std::ostream& err) {
    std::optional<std::string> text = read_file(options.file, err);
    if (!text) return std::nullopt;
    node::ScenarioOptions s;
    s.path = std::filesystem::absolute(options.file).lexically_normal().string();
    s.source = std::move(*text);
    s.seed = options.seed;
    s.profile_name = options.profile;
    s.profile = options.profile == "node18" ? uv::k_libuv_1_44 : uv::k_libuv_1_46;
    if (options.max_time_ms) s.budgets.max_time = sim::SimTime::ms(*options.max_time_ms);
    if (options.max_events) s.budgets.max_events = *options.max_events;
    if (options.max_queue) s.budgets.max_queue_length = *options.max_queue;
    // The working directory relative fs paths start from, as node's process.cwd().
    std::error_code cwd_error;
    s.cwd = std::filesystem::current_path(cwd_error).string();
    if (cwd_error)
        s.cwd = std::string("/"); // not = "/": GCC 12 warns -Wrestrict on it (bug 105329)
    // Header lines: @env, @file, @latency (model/node/scenario_header.h).
    sim::Result<void> header = node::apply_scenario_header(s);
    if (!header) {
        err << "loopsim: " << header.error().message << '\n';
        return std::nullopt;
    }
    for (const auto& [k, v] : options.env) s.env[k] = v;
    return s;
}

} // namespace loopsim::cli
