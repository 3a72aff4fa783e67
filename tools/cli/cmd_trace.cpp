// `loopsim trace`: reads trace files, rejects malformed or truncated ones with
// path:line:col, and summarises the valid ones.
#include "tools/cli/cli.h"
#include "tools/cli/commands.h"
#include "traces/json_reader.h"

#include <algorithm>
#include <array>
#include <ostream>
#include <vector>

namespace loopsim::cli {

namespace {

void summarise(const std::string& path, const trace::Trace& t, bool by_kind, std::ostream& out) {
    std::array<uint64_t, trace::kEventKindCount> counts{};
    int64_t last_ns = 0;
    uint32_t iterations = 0;
    for (const trace::TraceEvent& e : t.events) {
        ++counts[static_cast<size_t>(e.kind)];
        last_ns = std::max(last_ns, e.time.count_ns());
        iterations = std::max(iterations, e.iteration);
    }
    out << path << ": " << t.events.size() << " events, " << t.header.actors.size() << " actors, "
        << iterations << " loop iterations, " << last_ns / 1'000'000 << "." << (last_ns / 1000) % 1000 / 100
        << " ms of virtual time; " << trace::outcome_status_name(t.outcome.status) << ", exit code "
        << t.outcome.exit_code;
    if (!t.outcome.message.empty()) out << " (" << t.outcome.message << ")";
    out << '\n';
    if (!by_kind) return;
    for (size_t k = 0; k < counts.size(); ++k)
        if (counts[k] != 0)
            out << "  " << trace::event_kind_name(static_cast<trace::EventKind>(k)) << ": " << counts[k] << '\n';
}

} // namespace

int cmd_trace(std::span<const std::string> args, std::ostream& out, std::ostream& err) {
    bool by_kind = false;
    std::vector<std::string> files;
    for (const std::string& a : args) {
        if (a == "--kinds")
            by_kind = true;
        else if (a.starts_with("-")) {
            err << "loopsim trace: unknown option '" << a << "' (options: --kinds)\n";
            return k_exit_usage;
        } else
            files.push_back(a);
    }
    if (files.empty()) {
        err << "loopsim trace: no trace file given (usage: loopsim trace [--kinds] FILE...)\n";
        return k_exit_usage;
    }
    int status = k_exit_ok;
    for (const std::string& path : files) {
        std::optional<std::string> text = read_file(path, err);
        if (!text) {
            status = k_exit_failure;
            continue;
        }
        sim::Result<trace::Trace> parsed = trace::parse_trace(*text, path);
        if (!parsed) {
            err << parsed.error().message << (parsed.error().message.ends_with('\n') ? "" : "\n");
            status = k_exit_failure;
            continue;
        }
        summarise(path, parsed.value(), by_kind, out);
    }
    return status;
}

} // namespace loopsim::cli
