#pragma once
// uv::Phase: the phases of a libuv loop iteration, expanded from phases.def.
#include <cstdint>
#include <string_view>

namespace loopsim::uv {

enum class Phase : uint8_t {
#define LOOPSIM_PHASE(name, text, description) name,
#include "model/uv/phases.def"
#undef LOOPSIM_PHASE
};

inline constexpr int k_phase_count = 0
#define LOOPSIM_PHASE(name, text, description) +1
#include "model/uv/phases.def"
#undef LOOPSIM_PHASE
    ;

constexpr std::string_view phase_name(Phase p) {
    switch (p) {
#define LOOPSIM_PHASE(name, text, description) \
    case Phase::name: return text;
#include "model/uv/phases.def"
#undef LOOPSIM_PHASE
    }
    return "?";
}

constexpr std::string_view phase_description(Phase p) {
    switch (p) {
#define LOOPSIM_PHASE(name, text, description) \
    case Phase::name: return description;
#include "model/uv/phases.def"
#undef LOOPSIM_PHASE
    }
    return "?";
}

} // namespace loopsim::uv
