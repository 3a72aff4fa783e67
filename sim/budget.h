#pragma once
// Budgets: the limits that turn a runaway scenario into a clear error instead of a hang.
// A run that exceeds one stops and returns BudgetExceeded (never an abort): the trace up to
// that point stays valid. Its message names the budget, what was observed, the likely cause
// and the command-line option that raises the limit. The checks, made by Simulation:
//   max_time          an event due after it, or advance() past it (virtual time, ns);
//   max_events        running one more event when max_events have run;
//   max_queue_length  more pending events than this in the kernel's queue, or a model queue
//                     reported longer through Simulation::note_queue_length().
// `limit` and `observed` are in the budget's unit: nanoseconds for Time, counts otherwise.
#include "sim/sim_time.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace loopsim::sim {

enum class BudgetKind : uint8_t {
#define LOOPSIM_BUDGET_KIND(name, text, option, cause) name,
#include "sim/budget_kinds.def"
#undef LOOPSIM_BUDGET_KIND
};

std::string_view budget_kind_name(BudgetKind kind);   // "virtual time", ...
std::string_view budget_kind_option(BudgetKind kind); // "--max-time MS", ...

struct Budgets {
    SimTime max_time = SimTime::seconds(3600); // one hour of virtual time
    uint64_t max_events = 50'000'000;          // events run
    uint64_t max_queue_length = 10'000'000;    // entries in any one queue
};

struct BudgetExceeded {
    BudgetKind kind;
    uint64_t limit;
    uint64_t observed;
    std::string message;
};

BudgetExceeded time_budget_exceeded(SimTime limit, SimTime observed);
BudgetExceeded event_budget_exceeded(uint64_t limit, uint64_t observed);
// `queue` names the queue in the message: "nextTick queue", "event queue", ...
BudgetExceeded queue_budget_exceeded(std::string_view queue, uint64_t limit, uint64_t observed);

// "1.5 ms", "3600000 ms", "0.000001 ms": nanoseconds as exact decimal milliseconds.
std::string format_ms(SimTime time);

} // namespace loopsim::sim
