#pragma once
// uv::UvProfile: the libuv behaviours that differ between the versions Node bundles.
// node20 bundles libuv 1.46.0, node18 (final 18.x) libuv 1.44.2. Each flag names the libuv
// change it stands for, so a user comparing profiles can look it up.
#include <string_view>

namespace loopsim::uv {

struct UvProfile {
    std::string_view version;
    // libuv 6600954 "change execution order of timers" (1.45.0): timers run at the end of
    // each iteration and once before the first, instead of at the top of each iteration.
    bool timers_at_iteration_end = true;
    // libuv 24d1d08 (1.46.0): the pre-loop timers run only if the loop is alive.
    bool guard_prerun_timers = true;
    // libuv ee3718d (1.44.2): after poll, the pending queue is flushed up to 8 more times.
    bool flush_pending_after_poll = true;
};

inline constexpr UvProfile k_libuv_1_46{"1.46.0", true, true, true};
inline constexpr UvProfile k_libuv_1_44{"1.44.2", false, false, true};

} // namespace loopsim::uv
