#pragma once
// Inspection: how Node 20 turns JS values into text for console.log and util.inspect.
//
// Contract.
//   - inspect() is util.inspect(value, options); format_log_args() is util.format(...args),
//     i.e. what console.log writes before its '\n'. Both follow Node's lib/internal/util/
//     inspect.js rule by rule (formatValue, formatRaw, formatProperty, reduceToSingleString,
//     groupArrayElements, formatError, formatWithOptionsInternal); docs/inspect.md maps each
//     function here to the one it follows and lists what is not modelled.
//   - Output is UTF-8. Lengths in the line-breaking rules are counted as Node counts them:
//     UTF-16 code units for breakLength, display columns for array grouping.
//   - Inspection may run JS (getters of `name`, `stack`, Symbol.toStringTag, a toString or
//     valueOf for %s / %d). A throw from such code aborts the whole call, as in Node: the
//     *_or_throw forms return it; the plain forms print "[inspection threw]" instead.
//     Garbage collection is deferred for the duration of a call, so nothing the inspector
//     holds needs rooting; the caller keeps the inspected values alive.
//   - Deterministic: output depends only on the values (insertion order of keys and
//     collection entries), never on addresses.
#include "model/js/completion.h"

#include <climits>
#include <cstdint>
#include <span>
#include <string>

namespace loopsim::js {

class Runtime;

// util.inspect's options; the defaults are inspectDefaultOptions (console.log uses them too:
// breakLength 80, compact 3, depth 2).
struct InspectOptions {
    static constexpr int kUnlimitedDepth = INT_MAX; // depth: null / Infinity

    int depth = 2;
    bool show_hidden = false;           // non-enumerable keys as [key], arrays' [length]
    uint32_t max_array_length = 100;    // entries shown before "... N more items"
    uint32_t max_string_length = 10000; // code units shown before "... N more characters"
    int break_length = 80;
    // compact: entries of up to this many inner levels may share one line; 0 is `false`
    // (every entry on its own line). `compact: true` is not modelled.
    int compact = 3;
};

// util.inspect(value, options).
ThrowCompletionOr<std::string> inspect_or_throw(Runtime& runtime, Value value,
                                                const InspectOptions& options = {});
std::string inspect(Runtime& runtime, Value value, const InspectOptions& options = {});

// util.format(...args): the first argument's %s %d %i %f %j %o %O %c %% specifiers, then
// the remaining arguments joined by spaces (strings as they are, the rest inspected).
ThrowCompletionOr<std::string> format_log_args_or_throw(Runtime& runtime,
                                                        std::span<const Value> args);
std::string format_log_args(Runtime& runtime, std::span<const Value> args);

} // namespace loopsim::js
