// Callback-type order from real node's reference traces and from loopsim traces. See
// reference_order.h and traces/reference/README.md.
#include "traces/reference_order.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <unordered_map>

namespace loopsim::trace {

namespace {

bool compared(std::string_view type) {
    return std::find(std::begin(k_compared_types), std::end(k_compared_types), type) !=
           std::end(k_compared_types);
}

// The last non-empty line of what was written, cut to a readable length.
std::string last_line(std::string_view text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.remove_suffix(1);
    const size_t newline = text.rfind('\n');
    if (newline != std::string_view::npos) text.remove_prefix(newline + 1);
    std::string line(text);
    if (line.size() > 60) line = line.substr(0, 57) + "...";
    return line;
}

std::string short_label(std::string_view label) {
    std::string out(label.substr(0, label.find('\n')));
    if (out.size() > 50) out = out.substr(0, 47) + "...";
    return out;
}

// "a Timeout", "an Immediate".
std::string with_article(const OrderedCallback& c) {
    const char first = c.type.empty() ? 'x' : c.type[0];
    const bool vowel = std::string_view("AEIOUaeiou").find(first) != std::string_view::npos;
    std::string text = (vowel ? "an " : "a ") + c.type;
    if (!c.label.empty()) text += " (" + short_label(c.label) + ")";
    return text;
}

} // namespace

sim::Result<ReferenceTrace> parse_reference_trace(std::string_view text, std::string_view name) {
    using nlohmann::json;
    const json doc = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
    const auto fail = [&](const std::string& what) -> sim::Result<ReferenceTrace> {
        return sim::Error{std::string(name) + ": error: " + what +
                          " (reference traces are written by `node "
                          "traces/reference/record-reference.mjs`)"};
    };
    if (doc.is_discarded()) return fail("not valid JSON");
    if (!doc.is_object()) return fail("expected a JSON object");
    const auto format = doc.find("format");
    if (format == doc.end() || !format->is_string() ||
        format->get<std::string>() != kReferenceFormatName)
        return fail("\"format\" must be \"" + std::string(kReferenceFormatName) + "\"");
    const auto version = doc.find("version");
    if (version == doc.end() || !version->is_number_integer() ||
        version->get<int>() != kReferenceFormatVersion)
        return fail("unsupported \"version\" (this loopsim reads version " +
                    std::to_string(kReferenceFormatVersion) + ")");
    ReferenceTrace r;
    const auto string_field = [&](const char* key, std::string& into) {
        if (auto it = doc.find(key); it != doc.end() && it->is_string())
            into = it->get<std::string>();
    };
    string_field("node", r.node_version);
    string_field("scenario", r.scenario);
    string_field("stdout", r.stdout_text);
    string_field("stderr", r.stderr_text);
    if (auto it = doc.find("exit_code"); it != doc.end() && it->is_number_integer())
        r.exit_code = it->get<int>();
    const auto events = doc.find("events");
    if (events == doc.end() || !events->is_array()) return fail("\"events\" must be an array");
    std::string printed;
    for (size_t i = 0; i < events->size(); ++i) {
        const json& e = (*events)[i];
        const std::string where = "events[" + std::to_string(i) + "]";
        if (!e.is_object()) return fail(where + " must be an object");
        const auto kind = e.find("kind");
        if (kind == e.end() || !kind->is_string()) return fail(where + ".kind must be a string");
        const auto str = [&](const char* key) {
            auto it = e.find(key);
            return it != e.end() && it->is_string() ? it->get<std::string>() : std::string();
        };
        if (*kind == "write") {
            const std::string line = last_line(str("text"));
            if (!line.empty()) printed = line;
            continue;
        }
        if (*kind != "callback") continue; // a kind from a later version: not an ordering step
        const std::string type = str("type");
        if (type.empty()) return fail(where + ".type must be a non-empty string");
        const std::string label = str("label");
        const auto internal_it = e.find("internal");
        const bool internal =
            internal_it != e.end() && internal_it->is_boolean() && internal_it->get<bool>();
        // loopsim models the afterWrite tick a stream queues after console output; Node's
        // other own callbacks have no counterpart in loopsim's traces.
        const bool after_write = type == "TickObject" && label == "afterWriteTick";
        if (!compared(type) || (internal && !after_write)) {
            ++r.dropped;
            continue;
        }
        r.order.push_back(OrderedCallback{type, label, printed});
    }
    return r;
}

std::string_view io_async_type(std::string_view what) {
    if (what.starts_with("fs.")) return "FSREQCALLBACK";
    if (what.starts_with("crypto.pbkdf2")) return "PBKDF2REQUEST";
    if (what.starts_with("crypto.scrypt")) return "SCRYPTREQUEST";
    if (what.starts_with("crypto.random")) return "RANDOMBYTESREQUEST";
    if (what.starts_with("dns.lookup")) return "GETADDRINFOREQWRAP";
    return {};
}

std::vector<OrderedCallback> loopsim_callback_order(const Trace& trace) {
    std::vector<OrderedCallback> order;
    std::unordered_map<uint64_t, ReasonCode> queued_because; // microtasks: why they were queued
    std::string printed;
    for (const TraceEvent& e : trace.events) {
        switch (e.kind) {
        case EventKind::Console: {
            const std::string line = last_line(trace.strings.get(e.text));
            if (!line.empty()) printed = line;
            break;
        }
        case EventKind::CallbackCreated:
            if (e.to_queue == Queue::Microtasks) queued_because[e.callback] = e.reason.code;
            break;
        case EventKind::CallbackStart: {
            std::string type;
            switch (e.from_queue) {
            case Queue::None:
            case Queue::CallStack:
                continue; // the main script
            case Queue::Timers:
                type = "Timeout";
                break;
            case Queue::Check:
                type = "Immediate";
                break;
            case Queue::NextTick:
                type = "TickObject";
                break;
            case Queue::Microtasks: {
                // An ES module's body: node runs it inside its loader's own promise jobs,
                // which reference traces leave out; it is the main script, not a callback.
                if (trace.strings.get(e.label) == "(ES module body)") continue;
                auto it = queued_because.find(e.callback);
                // A promise job the model marks as Node's own: reference traces drop those.
                if (it != queued_because.end() && it->second == ReasonCode::NodeInternal) continue;
                type = it != queued_because.end() && it->second == ReasonCode::MicrotaskQueued
                           ? "Microtask"
                           : "PROMISE";
                break;
            }
            case Queue::Poll: {
                const std::string_view what = e.reason.code == ReasonCode::IoCompleted
                                                  ? trace.strings.get(e.reason.str)
                                                  : std::string_view();
                type = std::string(io_async_type(what));
                if (type.empty()) type = "loopsim:poll";
                break;
            }
            default:
                type = "loopsim:" + std::string(queue_name(e.from_queue));
                break;
            }
            order.push_back(
                OrderedCallback{type, std::string(trace.strings.get(e.label)), printed});
            break;
        }
        default:
            break;
        }
    }
    return order;
}

std::optional<OrderDivergence> first_order_divergence(std::span<const OrderedCallback> node,
                                                      std::span<const OrderedCallback> loopsim) {
    const size_t common = std::min(node.size(), loopsim.size());
    for (size_t i = 0; i < common; ++i)
        if (node[i].type != loopsim[i].type) return OrderDivergence{i, node[i], loopsim[i]};
    if (node.size() == loopsim.size()) return std::nullopt;
    OrderDivergence d;
    d.index = common;
    if (common < node.size()) d.node = node[common];
    if (common < loopsim.size()) d.loopsim = loopsim[common];
    return d;
}

std::string describe_divergence(const OrderDivergence& d, size_t node_count, size_t loopsim_count) {
    std::string text = "callback " + std::to_string(d.index + 1) + " (node ran " +
                       std::to_string(node_count) + ", loopsim " + std::to_string(loopsim_count) +
                       "): ";
    if (d.node && d.loopsim)
        text += "node ran " + with_article(*d.node) + ", loopsim " + with_article(*d.loopsim);
    else if (d.node)
        text += "node ran " + with_article(*d.node) + ", loopsim no more callbacks";
    else if (d.loopsim)
        text += "loopsim ran " + with_article(*d.loopsim) + ", node no more callbacks";
    const OrderedCallback& at = d.node ? *d.node : *d.loopsim;
    text += at.printed_before.empty()
                ? "; nothing was printed before it"
                : "; the last line printed before it: \"" + at.printed_before + "\"";
    if (d.node && d.loopsim && d.node->printed_before != d.loopsim->printed_before)
        text += " (in loopsim: \"" + d.loopsim->printed_before + "\")";
    return text;
}

} // namespace loopsim::trace
