#include "sim/actor.h"

namespace loopsim::sim {

std::string_view actor_kind_name(ActorKind kind) {
    switch (kind) {
#define LOOPSIM_ACTOR_KIND(name, text, description)                                                \
    case ActorKind::name:                                                                          \
        return text;
#include "sim/actor_kinds.def"
#undef LOOPSIM_ACTOR_KIND
    }
    return "?";
}

} // namespace loopsim::sim
