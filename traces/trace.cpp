#include "traces/trace.h"

#include <array>

namespace loopsim::trace {
namespace {

constexpr std::array<std::string_view, 4> kActorKinds = {"main", "loop", "worker", "os"};
constexpr std::array<std::string_view, 4> kStatuses = {"completed", "error", "budget_exceeded",
                                                       "aborted"};

template <typename Enum, size_t N>
std::optional<Enum> from_name(const std::array<std::string_view, N>& names, std::string_view name) {
    for (size_t i = 0; i < N; ++i) {
        if (names[i] == name) return static_cast<Enum>(i);
    }
    return std::nullopt;
}

} // namespace

std::string_view actor_kind_name(ActorKind kind) {
    return kActorKinds.at(static_cast<size_t>(kind));
}
std::optional<ActorKind> actor_kind_from_name(std::string_view name) {
    return from_name<ActorKind>(kActorKinds, name);
}

std::string_view outcome_status_name(OutcomeStatus status) {
    return kStatuses.at(static_cast<size_t>(status));
}
std::optional<OutcomeStatus> outcome_status_from_name(std::string_view name) {
    return from_name<OutcomeStatus>(kStatuses, name);
}

const Actor* TraceHeader::find_actor(uint32_t id) const {
    for (const Actor& actor : actors) {
        if (actor.id == id) return &actor;
    }
    return nullptr;
}

bool operator==(const Trace& a, const Trace& b) {
    if (!(a.header == b.header) || !(a.outcome == b.outcome) ||
        a.events.size() != b.events.size()) {
        return false;
    }
    for (auto ia = a.events.begin(), ib = b.events.begin(); ia != a.events.end(); ++ia, ++ib) {
        if (!same_event(*ia, a.strings, *ib, b.strings)) return false;
    }
    return true;
}

} // namespace loopsim::trace
