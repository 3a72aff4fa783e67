#pragma once
// Trace: everything one run leaves behind — header (what ran, with which options, on which
// lanes), the ordered events with their string pool, and the outcome (how the run ended).
// Contract: the recorder builds one, the JSON writer writes one, the JSON reader returns
// one, and operator== compares them by content (strings by text, not by id), so
// write -> read gives back an equal Trace. The format is documented in docs/trace-format.md.
#include "traces/event_log.h"
#include "traces/string_pool.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace loopsim::trace {

inline constexpr std::string_view kFormatName = "loopsim-trace";
inline constexpr int kFormatVersion = 1;

enum class ActorKind : uint8_t {
    Main,
    Loop,
    Worker,
    Os
};
std::string_view actor_kind_name(ActorKind kind);
std::optional<ActorKind> actor_kind_from_name(std::string_view name);

// A lane of the timeline: the JS main thread, the loop, a thread-pool worker, the OS.
struct Actor {
    uint32_t id = 0; // what TraceEvent::actor refers to; unique within a trace
    std::string name;
    ActorKind kind = ActorKind::Main;
    bool operator==(const Actor&) const = default;
};

// Limits the run was given; 0 means "no limit".
struct Budgets {
    int64_t max_time_ns = 0;
    uint64_t max_instructions = 0;
    uint64_t max_queue_length = 0;
    bool operator==(const Budgets&) const = default;
};

struct TraceHeader {
    std::string scenario_path;   // as given by the user (may be relative)
    std::string scenario_source; // the full source text that ran
    uint64_t seed = 0;
    std::string profile = "node20";
    Budgets budgets;
    std::vector<Actor> actors;
    std::vector<std::string> phases; // TraceEvent::phase indexes this; names from the loop model
    bool operator==(const TraceHeader&) const = default;

    const Actor* find_actor(uint32_t id) const;
};

enum class OutcomeStatus : uint8_t {
    Completed,      // the loop ran out of work or the program exited (exit_code says how)
    Error,          // an uncaught exception or unhandled rejection ended the run
    BudgetExceeded, // a budget stopped the run (budget names it)
    Aborted,        // the run stopped for another reason, or the writer closed before the end
};
std::string_view outcome_status_name(OutcomeStatus status);
std::optional<OutcomeStatus> outcome_status_from_name(std::string_view name);

struct Outcome {
    OutcomeStatus status = OutcomeStatus::Completed;
    int exit_code = 0;
    std::string message; // error text or budget explanation; empty = absent
    std::string budget;  // the budget that ran out (e.g. "max_time"); empty = absent
    bool operator==(const Outcome&) const = default;
};

struct Trace {
    TraceHeader header;
    EventLog events;
    StringPool strings;
    Outcome outcome;
};

bool operator==(const Trace& a, const Trace& b);

} // namespace loopsim::trace
