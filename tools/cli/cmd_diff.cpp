// `loopsim diff`: where two runs first disagree about the order callbacks ran in. The two
// sides are trace files, scenarios (run here), or one scenario under two profiles
// (--profile A --vs B). The callback order is the sequence of callback_start events, each
// compared by label and the queue it left; the first position where they differ is shown
// side by side, with the reason each side gives and a few callbacks of context.
// Exit status: 0 same order, 1 the orders differ, 2 usage error or unreadable input.
#include "model/node/scenario_runner.h"
#include "tools/cli/cli.h"
#include "tools/cli/commands.h"
#include "tools/cli/run_options.h"
#include "traces/json_reader.h"
#include "traces/reason.h"

#include <algorithm>
#include <charconv>
#include <ostream>
#include <set>
#include <sstream>

namespace loopsim::cli {

namespace {

struct Step {
    std::string label;
    std::string queue; // the queue it left ("main" for the main script)
    std::string reason;
    uint32_t iteration = 0;
    std::string phase;
    bool operator==(const Step& o) const { return label == o.label && queue == o.queue; }
};

struct Side {
    std::string title;
    std::vector<Step> steps;
    std::string stdout_text, stderr_text;
    int exit_code = 0;
};

// Node's bookkeeping callbacks (reason node_internal, e.g. the afterWrite tick a
// console.log queues) print nothing; they are left out unless `show_internal`.
Side describe(const trace::Trace& t, std::string title, bool show_internal) {
    Side side;
    std::set<uint64_t> hidden;
    side.title = std::move(title);
    side.exit_code = t.outcome.exit_code;
    for (const trace::TraceEvent& e : t.events) {
        if (e.kind == trace::EventKind::Console) {
            (e.stream == trace::Stream::Stderr ? side.stderr_text : side.stdout_text) +=
                t.strings.get(e.text);
            continue;
        }
        if (e.kind == trace::EventKind::CallbackCreated && !show_internal &&
            e.reason.code == trace::ReasonCode::NodeInternal)
            hidden.insert(e.callback);
        if (e.kind != trace::EventKind::CallbackStart || hidden.contains(e.callback)) continue;
        Step s;
        s.label = std::string(t.strings.get(e.label));
        if (s.label.empty()) s.label = "callback " + std::to_string(e.callback);
        s.queue = e.from_queue == trace::Queue::None ? "main"
                                                     : std::string(trace::queue_name(e.from_queue));
        if (e.reason.code != trace::ReasonCode::None) s.reason = trace::render_reason(e, t.strings);
        s.iteration = e.iteration;
        if (e.phase < t.header.phases.size()) s.phase = t.header.phases[e.phase];
        side.steps.push_back(std::move(s));
    }
    return side;
}

// Display width of UTF-8 text (code points; control characters shown as spaces).
size_t width_of(std::string_view text) {
    size_t n = 0;
    for (unsigned char c : text)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

// `text` on one line, cut (with "...") or padded to exactly `width` code points.
std::string fit(std::string_view text, size_t width) {
    std::string one_line;
    for (char c : text) one_line += (static_cast<unsigned char>(c) < 0x20) ? ' ' : c;
    if (width_of(one_line) <= width) return one_line + std::string(width - width_of(one_line), ' ');
    std::string cut;
    size_t n = 0;
    for (size_t i = 0; i < one_line.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(one_line[i]);
        if ((c & 0xC0) != 0x80) {
            if (n == width - 3) break;
            ++n;
        }
        cut += one_line[i];
    }
    return cut + "..." + std::string(width - n - 3, ' ');
}

constexpr size_t kColumn = 54;

// The row of callback i: its label and the queue it left.
std::string cell(const Side& side, size_t i, size_t rows) {
    if (i >= side.steps.size())
        return fit(i == side.steps.size() && i < rows ? "(no more callbacks)" : "", kColumn);
    const Step& s = side.steps[i];
    const std::string queue = " (" + s.queue + ")";
    const size_t label_width = kColumn - std::min(kColumn / 2, queue.size());
    std::string label = fit(s.label, label_width);
    while (!label.empty() && label.back() == ' ') label.pop_back();
    return fit(label + queue, kColumn);
}

// Lines under a differing row: where it ran, then its reason, word-wrapped.
std::vector<std::string> details(const Side& side, size_t i) {
    std::vector<std::string> lines;
    if (i >= side.steps.size()) return lines;
    const Step& s = side.steps[i];
    lines.push_back("  iteration " + std::to_string(s.iteration) +
                    (s.phase.empty() ? "" : ", " + s.phase + " phase"));
    if (s.reason.empty()) return lines;
    std::string line = "  why:";
    std::istringstream words(s.reason);
    for (std::string w; words >> w;) {
        if (width_of(line) + 1 + width_of(w) > kColumn && line.size() > 6) {
            lines.push_back(line);
            line = "      ";
        }
        line += " " + w;
    }
    lines.push_back(line);
    return lines;
}

std::string trim_right(std::string s) {
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s;
}

// The side-by-side report; returns whether the orders differ.
bool report(const Side& a, const Side& b, size_t context, std::ostream& out) {
    const size_t common = std::min(a.steps.size(), b.steps.size());
    const size_t rows = std::max(a.steps.size(), b.steps.size());
    size_t first = 0;
    while (first < common && a.steps[first] == b.steps[first]) ++first;
    const bool differ = first < common || a.steps.size() != b.steps.size();
    if (!differ) {
        out << "same callback order: " << a.steps.size() << " callbacks\n  a: " << a.title
            << "\n  b: " << b.title << '\n';
    } else {
        out << "callback order differs at callback " << first + 1 << " (a ran " << a.steps.size()
            << ", b ran " << b.steps.size() << ")\n  a: " << a.title << "\n  b: " << b.title
            << "\n\n";
        const size_t from = first > context ? first - context : 0;
        const size_t to = std::min(rows, first + context + 1);
        const size_t number_width = std::to_string(to).size();
        const std::string indent(number_width + 2, ' ');
        out << indent << fit("a", kColumn) << " | b\n";
        for (size_t i = from; i < to; ++i) {
            const bool same = i < common && a.steps[i] == b.steps[i];
            const std::string n = std::to_string(i + 1);
            out << (i == first ? '>'
                    : same     ? ' '
                               : '*')
                << std::string(number_width - n.size(), ' ') << n << ' ' << cell(a, i, rows)
                << " | " << trim_right(cell(b, i, rows)) << '\n';
            if (same) continue;
            const std::vector<std::string> left = details(a, i), right = details(b, i);
            for (size_t k = 0; k < std::max(left.size(), right.size()); ++k)
                out << trim_right(indent + fit(k < left.size() ? left[k] : "", kColumn) + " | " +
                                  (k < right.size() ? right[k] : ""))
                    << '\n';
        }
    }
    const auto lines = [](const std::string& s) { return std::count(s.begin(), s.end(), '\n'); };
    out << "\nprinted output: stdout " << (a.stdout_text == b.stdout_text ? "same" : "differs")
        << " (" << lines(a.stdout_text) << " / " << lines(b.stdout_text) << " lines), stderr "
        << (a.stderr_text == b.stderr_text ? "same" : "differs") << ", exit code " << a.exit_code
        << " / " << b.exit_code << '\n';
    return differ;
}

// A trace file (*.json) is read; anything else is a scenario, run with `options`.
std::optional<Side> load_side(const std::string& input, const RunOptions& options,
                              bool show_internal, std::ostream& err) {
    if (input.ends_with(".json")) {
        sim::Result<trace::Trace> t = trace::read_trace(input);
        if (!t) {
            err << "loopsim diff: " << t.error().message
                << (t.error().message.ends_with('\n') ? "" : "\n");
            return std::nullopt;
        }
        const trace::TraceHeader& h = t.value().header;
        return describe(t.value(),
                        input + " (trace of " + h.scenario_path + ", profile " + h.profile +
                            ", seed " + std::to_string(h.seed) + ")",
                        show_internal);
    }
    RunOptions o = options;
    o.file = input;
    std::optional<node::ScenarioOptions> scenario = load_scenario(o, err);
    if (!scenario) return std::nullopt;
    scenario->record_trace = true;
    node::ScenarioResult r = node::run_scenario(*scenario);
    if (!r.trace) {
        err << r.stderr_text;
        return std::nullopt;
    }
    return describe(*r.trace,
                    input + " (profile " + o.profile + ", seed " + std::to_string(o.seed) + ")",
                    show_internal);
}

} // namespace

int cmd_diff(std::span<const std::string> args, std::ostream& out, std::ostream& err) {
    std::vector<std::string> inputs, run_args;
    std::string vs;
    size_t context = 3;
    bool show_internal = false;
    const auto usage = [&](const std::string& what) {
        err << "loopsim diff: " << what << " (see 'loopsim diff --help')\n";
        return k_exit_usage;
    };
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        const std::string* value = i + 1 < args.size() ? &args[i + 1] : nullptr;
        if (a == "--vs") {
            if (!value || (*value != "node18" && *value != "node20"))
                return usage("--vs takes node18 or node20");
            vs = *value;
            ++i;
        } else if (a == "--show-internal") {
            show_internal = true;
        } else if (a == "--context") {
            auto r = value ? std::from_chars(value->data(), value->data() + value->size(), context)
                           : std::from_chars_result{};
            if (!value || r.ec != std::errc() || r.ptr != value->data() + value->size())
                return usage("--context takes a number of callbacks");
            ++i;
        } else if (a == "--profile" || a == "--seed" || a == "--env" || a == "--max-time" ||
                   a == "--max-events" || a == "--max-queue") {
            run_args.push_back(a);
            if (value) run_args.push_back(*value), ++i;
        } else if (a.starts_with("-")) {
            return usage("unknown option '" + a + "'");
        } else {
            inputs.push_back(a);
        }
    }
    if (!vs.empty() && inputs.size() != 1)
        return usage("--vs compares one scenario under two profiles: give one FILE");
    if (vs.empty() && inputs.size() != 2)
        return usage("give two traces or scenarios, or one scenario and --vs PROFILE");
    if (!vs.empty() && inputs[0].ends_with(".json"))
        return usage("--vs runs a scenario; " + inputs[0] + " looks like a trace");
    run_args.push_back("scenario.js");
    std::optional<RunOptions> options = parse_run_options("diff", run_args, err);
    if (!options) return k_exit_usage;

    std::optional<Side> a = load_side(inputs[0], *options, show_internal, err);
    if (!a) return k_exit_usage;
    RunOptions right = *options;
    if (!vs.empty()) right.profile = vs;
    std::optional<Side> b =
        load_side(vs.empty() ? inputs[1] : inputs[0], right, show_internal, err);
    if (!b) return k_exit_usage;
    return report(*a, *b, context, out) ? k_exit_failure : k_exit_ok;
}

} // namespace loopsim::cli
