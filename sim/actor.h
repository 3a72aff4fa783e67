#pragma once
// Actors: who does the work an event stands for. A Simulation numbers its actors 0, 1, ...
// in creation order, and that order is the order of the trace's lanes. The kernel gives
// actors no behaviour: model/uv decides what a worker or the OS does; the kernel only
// labels every event with the actor it belongs to.
#include <cstdint>
#include <string>
#include <string_view>

namespace loopsim::sim {

enum class ActorKind : uint8_t {
#define LOOPSIM_ACTOR_KIND(name, text, description) name,
#include "sim/actor_kinds.def"
#undef LOOPSIM_ACTOR_KIND
};

// "main-thread", "loop", "worker", "os".
std::string_view actor_kind_name(ActorKind kind);

struct ActorId {
    uint32_t value = 0; // index into Simulation::actors()
    friend constexpr bool operator==(ActorId, ActorId) = default;
};

struct Actor {
    ActorId id;
    std::string name; // e.g. "main", "worker 2"; shown as the lane title
    ActorKind kind;
};

} // namespace loopsim::sim
