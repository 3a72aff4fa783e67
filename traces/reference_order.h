#pragma once
// Callback-type order: the sequence of callbacks a run made, each named by the async_hooks
// type real node gives it (Timeout, Immediate, TickObject, PROMISE, Microtask,
// FSREQCALLBACK, PBKDF2REQUEST, ...), from two sources that can then be compared:
//   - a reference trace of real node, written by traces/reference/record-reference.mjs
//     (format "loopsim-node-reference", version 1; traces/reference/README.md);
//   - a loopsim Trace, where each callback_start gets the type of the queue it came from
//     and, for microtasks and I/O, of the reason it was queued.
// Only callbacks both sides know are kept (k_compared_types). Dropped from node's side:
// callbacks node marks internal (the awaits inside fs.promises, fs.readFile's open, fstat
// and read steps, ticks Node queues for itself) except the afterWrite tick console output
// queues, which loopsim models; FSREQPROMISE and FILEHANDLECLOSEREQ (loopsim settles an
// fs.promises call without a callback of its own: the awaiting code shows as PROMISE);
// and every type loopsim does not model (PIPEWRAP, TTYWRAP, SIGNALWRAP, ...).
// From loopsim's side, the main script, an ES module's body and microtasks queued with reason
// node_internal are left out. `loopsim conform` reports the first index where the two
// sequences differ.
#include "sim/result.h"
#include "traces/trace.h"

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace loopsim::trace {

inline constexpr std::string_view kReferenceFormatName = "loopsim-node-reference";
inline constexpr int kReferenceFormatVersion = 1;

// The async_hooks types both real node's reference traces and loopsim's traces compare.
inline constexpr std::string_view k_compared_types[] = {
    "Timeout",           "Immediate",     "TickObject",
    "PROMISE",           "Microtask",     "FSREQCALLBACK",
    "PBKDF2REQUEST",     "SCRYPTREQUEST", "RANDOMBYTESREQUEST",
    "GETADDRINFOREQWRAP"};

struct OrderedCallback {
    std::string type;           // async_hooks type, or "loopsim:QUEUE" for one node has no name for
    std::string label;          // the function's name or first source line, for messages
    std::string printed_before; // the last line written (stdout or stderr) before it ran
    bool operator==(const OrderedCallback&) const = default;
};

struct ReferenceTrace {
    std::string node_version;
    std::string scenario; // its path from the repository root
    int exit_code = 0;
    std::string stdout_text;
    std::string stderr_text;
    std::vector<OrderedCallback> order; // the compared callbacks, in the order they ran
    size_t dropped = 0;                 // callbacks left out (internal or not compared)
};

// Reads a reference trace; `name` is used in messages. Never throws.
sim::Result<ReferenceTrace> parse_reference_trace(std::string_view text, std::string_view name);

// The callbacks a loopsim run started, in order, with node's type names (the main script is
// not a callback: node runs it outside any async resource).
std::vector<OrderedCallback> loopsim_callback_order(const Trace& trace);

// The async_hooks type loopsim's I/O completion named `what` (a reason's {s}: "fs.readFile
// a.txt", "crypto.pbkdf2", "dns.lookup localhost") corresponds to; empty when unknown.
std::string_view io_async_type(std::string_view what);

struct OrderDivergence {
    size_t index = 0;                       // 0-based position in both sequences
    std::optional<OrderedCallback> node;    // absent: node ran no more compared callbacks
    std::optional<OrderedCallback> loopsim; // absent: loopsim ran no more
};

// The first index where the two sequences differ in type; nullopt when they agree.
std::optional<OrderDivergence> first_order_divergence(std::span<const OrderedCallback> node,
                                                      std::span<const OrderedCallback> loopsim);

// "callback 12 of 30: node ran a Timeout (onTimeout), loopsim an Immediate (...); last line
// printed before it: \"b\"".
std::string describe_divergence(const OrderDivergence& d, size_t node_count, size_t loopsim_count);

} // namespace loopsim::trace
