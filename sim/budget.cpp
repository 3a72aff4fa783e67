#include "sim/budget.h"

#include <string>

namespace loopsim::sim {

namespace {

struct BudgetText {
    std::string_view name;
    std::string_view option;
    std::string_view cause;
};

BudgetText text_of(BudgetKind kind) {
    switch (kind) {
#define LOOPSIM_BUDGET_KIND(name, text, option, cause)                                             \
    case BudgetKind::name:                                                                         \
        return BudgetText{text, option, cause};
#include "sim/budget_kinds.def"
#undef LOOPSIM_BUDGET_KIND
    }
    return BudgetText{"?", "?", "?"};
}

// "<name> budget exceeded: <what>. Likely cause: <cause>. If the scenario really needs
// more, raise the limit with <option>."
std::string compose(BudgetKind kind, const std::string& what) {
    const BudgetText text = text_of(kind);
    std::string message(text.name);
    message += " budget exceeded: ";
    message += what;
    message += ". Likely cause: ";
    message += text.cause;
    message += ". If the scenario really needs more, raise the limit with ";
    message += text.option;
    message += '.';
    return message;
}

} // namespace

std::string_view budget_kind_name(BudgetKind kind) {
    return text_of(kind).name;
}
std::string_view budget_kind_option(BudgetKind kind) {
    return text_of(kind).option;
}

std::string format_ms(SimTime time) {
    const int64_t ns = time.count_ns();
    // Work on the magnitude as unsigned so that INT64_MIN does not overflow.
    const uint64_t magnitude = ns < 0 ? 0 - static_cast<uint64_t>(ns) : static_cast<uint64_t>(ns);
    std::string text = ns < 0 ? "-" : "";
    text += std::to_string(magnitude / 1'000'000);
    uint64_t fraction = magnitude % 1'000'000;
    if (fraction != 0) {
        std::string digits = std::to_string(fraction);
        digits.insert(0, 6 - digits.size(), '0');
        while (digits.back() == '0') digits.pop_back();
        text += '.';
        text += digits;
    }
    return text + " ms";
}

BudgetExceeded time_budget_exceeded(SimTime limit, SimTime observed) {
    const std::string what =
        "virtual time reached " + format_ms(observed) + ", past the limit of " + format_ms(limit);
    return BudgetExceeded{BudgetKind::Time, static_cast<uint64_t>(limit.count_ns()),
                          static_cast<uint64_t>(observed.count_ns()),
                          compose(BudgetKind::Time, what)};
}

BudgetExceeded event_budget_exceeded(uint64_t limit, uint64_t observed) {
    const std::string what = std::to_string(limit) +
                             " events ran and more were still pending (limit " +
                             std::to_string(limit) + ")";
    return BudgetExceeded{BudgetKind::Events, limit, observed, compose(BudgetKind::Events, what)};
}

BudgetExceeded queue_budget_exceeded(std::string_view queue, uint64_t limit, uint64_t observed) {
    const std::string what = "the " + std::string(queue) + " holds " + std::to_string(observed) +
                             " entries (limit " + std::to_string(limit) + ")";
    return BudgetExceeded{BudgetKind::QueueLength, limit, observed,
                          compose(BudgetKind::QueueLength, what)};
}

} // namespace loopsim::sim
