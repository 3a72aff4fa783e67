#pragma once
// LoopObserver: what the loop reports as it runs, for traces and narration. The Node model
// implements it to record trace events; tests implement it to log the phase sequence.
// Every method has an empty default, so an observer overrides only what it needs.
#include "model/uv/phase.h"
#include "sim/sim_time.h"

#include <cstdint>

namespace loopsim::uv {

// Where libuv refreshed its cached clock. Each is one call site of uv_update_time in libuv
// (or of Node's getLibuvNow), so a narration can say why the loop time moved.
enum class TimeUpdate : uint8_t {
    LoopInit,      // uv_loop_init
    RunEntry,      // uv_run found the loop not alive and refreshed before returning
    BeforeTimers,  // just before a timers phase
    PollProbe,     // after the zero-timeout epoll that idle-time metrics add before blocking
    AfterPoll,     // after epoll returned
    Explicit,      // a caller refreshed it (Node's getLibuvNow on every timer creation)
};

class LoopObserver {
public:
    virtual ~LoopObserver() = default;
    // iteration counts from 1; the timers run before the first iteration report 0.
    virtual void on_iteration_start(uint64_t iteration) {}
    virtual void on_iteration_end(uint64_t iteration) {}
    virtual void on_phase_enter(Phase phase) {}
    virtual void on_phase_leave(Phase phase) {}
    virtual void on_time_update(TimeUpdate site, int64_t old_ms, int64_t new_ms) {}
    // The poll phase computed `timeout_ms` (-1: block until an event) and waited `waited`
    // of virtual time before returning.
    virtual void on_poll(int64_t timeout_ms, sim::SimTime waited) {}
};

} // namespace loopsim::uv
