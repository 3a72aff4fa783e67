#pragma once
// Environment: one Node.js process on the simulated loop (src/env.cc, src/api/embed_helpers.cc,
// src/api/callback.cc). It owns the libuv loop, the thread pool, the task queues, timers and
// immediates, and runs the process from the main script to its exit code.
//
// Callback scopes: every entry from "C++" into JavaScript (the main script, each I/O callback,
// the timers phase, the check phase, process events) is wrapped in enter_scope/leave_scope,
// Node's InternalCallbackScope. Only the outermost scope drains (TaskQueues::close_scope),
// and a scope whose callback threw does not drain.
//
// Uncaught exceptions: any JavaScript call that throws to the top is reported at once through
// the process hooks ('uncaughtException' and friends live in the interpreter's host). If a
// listener handled it, Node schedules setImmediate(noop) and the process goes on; otherwise the
// process exits with code 1 after emitting 'exit', and can_call_into_js() turns false so that
// every loop unwinds. process.exit() takes the same path with its own code.
#include "model/node/immediates.h"
#include "model/node/internal_frames.h"
#include "model/node/task.h"
#include "model/node/task_queues.h"
#include "model/node/timers.h"
#include "model/uv/loop.h"
#include "model/uv/profile.h"
#include "model/uv/thread_pool.h"
#include "sim/actor.h"
#include "sim/page_block.h"
#include "traces/queue.h"
#include "traces/reason.h"

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace loopsim::sim {
class Simulation;
}

namespace loopsim::node {

// The process-level events the interpreter's host implements with real listeners.
struct ProcessHooks {
    // An exception reached the top. True: an 'uncaughtException' listener handled it.
    std::function<bool(ExceptionOrigin)> uncaught;
    // Emits 'beforeExit'(code) / 'exit'(code); the calls are made inside callback scopes.
    std::function<CallResult(int code)> before_exit;
    std::function<CallResult(int code)> exit;
};

// How the process ended.
struct ProcessResult {
    int exit_code = 0;
    enum class How : uint8_t {
        Natural,       // the loop ran dry
        ExitCalled,    // process.exit()
        UncaughtError, // an exception or rejection nobody handled
        WaitsForever,  // alive, but nothing could ever wake the loop (real node would hang)
        Halted,        // the simulation stopped: a budget, or a replay that did not fit
    } how = How::Natural;
};

// What Node itself spends on the main thread to run one callback from each queue, besides
// the callback's own JavaScript (which the interpreter charges): the loop in
// processTicksAndRejections and its TickObject, V8's microtask loop, listOnTimeout's and
// processImmediate's bookkeeping. Calibrated against node 20 on chained programs (1 M chained
// nextTicks take 0.14 us each in node; loopsim's VM charges about 60 ns of that to the
// callback's own code); see docs/node-model.md, "Costs".
struct HostCosts {
    sim::SimTime tick = sim::SimTime::ns(100);
    sim::SimTime microtask = sim::SimTime::ns(40);
    sim::SimTime timer = sim::SimTime::ns(250);
    sim::SimTime immediate = sim::SimTime::ns(250);
};

// What Node spends the first time it does something: V8 compiles Node's own JavaScript
// lazily, so the first setTimeout call or the first timers phase that runs a callback costs
// hundreds of microseconds, and the next ones a fraction of one. In a short program these
// costs are most of its first milliseconds, and they decide which 1 ms timers are due at which
// iteration. Medians measured with real node by scripts/measure-warmup.js; see
// docs/node-model.md, "Warm-up".
enum class Warmup : uint8_t {
    TickDrain,      // the first processTicksAndRejections that runs a tick
    ImmediatePhase, // the first check phase that runs an immediate (processImmediate)
    TimerPhase,     // the first timers phase that runs a timer (processTimers, listOnTimeout)
    SetTimeoutCall, // the first setTimeout or setInterval call (Timeout, insert, the lists)
    SetImmediateCall,
    NextTickCall,
    FormatPrimitive, // the first console line that formats a number, boolean, null or undefined
    InspectObject,   // the first console line that inspects an object, array or function
    Count,
};

// Indexed by Warmup (std::to_array and the static_asserts keep one entry per kind): the
// medians, and what Node does then (for the trace's note).
inline constexpr auto k_warmup_medians = std::to_array<sim::SimTime>({
    sim::SimTime::us(540),  // TickDrain
    sim::SimTime::us(410),  // ImmediatePhase
    sim::SimTime::us(290),  // TimerPhase
    sim::SimTime::us(740),  // SetTimeoutCall
    sim::SimTime::us(250),  // SetImmediateCall
    sim::SimTime::us(90),   // NextTickCall
    sim::SimTime::us(540),  // FormatPrimitive
    sim::SimTime::us(1250), // InspectObject
});
inline constexpr auto k_warmup_what = std::to_array<std::string_view>({
    "its first drain of the nextTick queue: V8 compiles processTicksAndRejections",
    "its first check phase with an immediate: V8 compiles processImmediate",
    "its first timers phase with a timer: V8 compiles processTimers and listOnTimeout",
    "its first setTimeout or setInterval call: V8 compiles Node's timer code",
    "its first setImmediate call: V8 compiles Node's immediate code",
    "its first process.nextTick call: V8 compiles Node's nextTick code",
    "its first console line with a number, boolean, null or undefined: V8 compiles Node's "
    "formatting code",
    "its first console line with an object: V8 compiles util.inspect",
});
static_assert(k_warmup_medians.size() == static_cast<size_t>(Warmup::Count));
static_assert(k_warmup_what.size() == static_cast<size_t>(Warmup::Count));

struct WarmupCosts {
    std::array<sim::SimTime, static_cast<size_t>(Warmup::Count)> cost = k_warmup_medians;
    sim::SimTime of(Warmup which) const { return cost[static_cast<size_t>(which)]; }
};

// The choice point of the one-time costs: they are medians, and a run of node can be faster
// or slower (half or twice the median spans what scripts/measure-warmup.js sees here).
inline constexpr const char* k_choice_warmup_speed =
    "how long Node's first calls took (V8 compiling Node's own code): as measured | half as "
    "long (a fast run) | twice as long (a loaded machine)";

// The choice point of the wall clock: Date.now() counts whole milliseconds of a clock whose
// ticks are not aligned with anything in the program, so a busy-wait until `Date.now() + n`
// lasts anywhere from n - 1 to n milliseconds. Asked at the first reading.
inline constexpr const char* k_choice_date_phase =
    "where Date.now()'s millisecond clock stood when the program first read it: as modelled | "
    "just ticked, so a wait until the next millisecond lasts nearly a whole one | about to "
    "tick, so a wait until the next millisecond ends almost at once";

struct EnvironmentOptions {
    uv::UvProfile uv_profile = uv::k_libuv_1_46;
    uv::ThreadPoolOptions thread_pool = {};
    // Where the monotonic clock started within its millisecond (see uv::Loop).
    sim::SimTime clock_origin = {};
    // Make each timer's start a choice point of the clock
    // (uv::Loop::choose_clock_ticks_at_timer_starts).
    bool choose_clock_ticks = false;
    // Make the first one-time cost a choice point of how fast they all are
    // (k_choice_warmup_speed).
    bool choose_warmup_speed = false;
    // Make the first reading of Date.now() a choice point of its clock's phase
    // (k_choice_date_phase).
    bool choose_date_phase = false;
    HostCosts costs = {};
    WarmupCosts warmup = {};
};

class Tracer;

class Environment {
public:
    Environment(sim::Simulation& sim, EnvironmentOptions options);
    Environment(const Environment&) = delete;
    Environment& operator=(const Environment&) = delete;
    ~Environment();

    sim::Simulation& simulation() { return m_sim; }
    uv::Loop& loop() { return *m_loop; }
    uv::ThreadPool& thread_pool() { return *m_pool; }
    TaskQueues& queues() { return *m_queues; }
    // Where the queues, timers and immediates keep their records and queue blocks: one arena
    // for all of them, so that the last, partly used huge page is one, not three.
    sim::BlockArena& record_memory() { return m_record_memory; }
    Timers& timers() { return *m_timers; }
    Immediates& immediates() { return *m_immediates; }
    void set_hooks(ProcessHooks hooks) { m_hooks = std::move(hooks); }
    // The main thread's actor: the lane of every JavaScript callback.
    sim::ActorId main_actor() const { return m_main_actor; }
    // Records trace events when set (null: no trace).
    void set_tracer(Tracer* tracer) { m_tracer = tracer; }
    // Node's internal frames around the JavaScript it runs (set by the interpreter's host).
    frames::FrameHooks& frame_hooks() { return m_frame_hooks; }
    Tracer* tracer() const { return m_tracer; }
    // A Task's label: `text`'s id in the trace's string pool; kNoString without a trace.
    trace::StringId label(std::string_view text);

    uint64_t new_async_id() { return ++m_last_async_id; }
    int64_t timer_base() const { return m_timer_base; }
    // The wall clock behind Date.now(), in nanoseconds since the environment started: virtual
    // time plus an offset under 1 ms, chosen at the first reading (k_choice_date_phase).
    int64_t wall_clock_ns();
    // getLibuvNow: refreshes libuv's clock and returns ms since the environment started.
    int64_t get_libuv_now();

    // The one-time cost of `which` the first time it is asked for, zero afterwards.
    sim::SimTime first_time(Warmup which) {
        if (is_warm(which)) [[likely]]
            return {};
        return pay_first_time(which);
    }
    // Advances the main thread's clock by first_time(which).
    void warm_up(Warmup which) {
        if (!is_warm(which)) [[unlikely]]
            advance_first_time(which);
    }
    bool is_warm(Warmup which) const {
        return (m_warm & (uint32_t{1} << static_cast<unsigned>(which))) != 0;
    }

    // Calls a task that waited in `from`; a throw is reported as an uncaught exception
    // before this returns.
    CallResult invoke(Task& task, trace::Queue from, trace::Reason reason = {});
    // MakeCallback: a task in its own callback scope (drains after, unless it threw).
    CallResult make_callback(Task& task, trace::Queue from);
    void enter_scope() { ++m_scope_depth; }
    void leave_scope(ScopeEnd end);

    void report_uncaught(ExceptionOrigin origin);
    // The exit code of the next unhandled exception: 1, or 7 when the 'uncaughtException'
    // handler itself threw.
    void set_fatal_exit_code(int code) { m_fatal_exit_code = code; }
    // process.exit(code): 'exit' is emitted, nothing queued runs afterwards.
    void exit(int code);
    bool is_exiting() const { return m_exiting; }
    bool can_call_into_js() const { return !m_stopped; }
    // process.exitCode; nullopt when unset.
    std::optional<int> exit_code;
    // When the event loop started (performance.nodeTiming.loopStart); unset while the main
    // script runs.
    std::optional<sim::SimTime> loop_start() const { return m_loop_start; }

    // Runs the CommonJS main script, then the loop until the process ends.
    ProcessResult run(Task main_script);

private:
    sim::SimTime pay_first_time(Warmup which);
    void advance_first_time(Warmup which);
    void stop_with(ProcessResult::How how, int code);
    void spin_event_loop();

    sim::Simulation& m_sim;
    EnvironmentOptions m_options;
    std::unique_ptr<uv::Loop> m_loop;
    std::unique_ptr<uv::ThreadPool> m_pool;
    frames::FrameHooks m_frame_hooks;
    sim::BlockArena m_record_memory{size_t{64} << 10, 4}; // before its users, who go first
    std::unique_ptr<TaskQueues> m_queues;
    std::unique_ptr<Timers> m_timers;
    std::unique_ptr<Immediates> m_immediates;
    ProcessHooks m_hooks;
    Tracer* m_tracer = nullptr;
    sim::ActorId m_main_actor;
    ProcessResult m_result;
    uint64_t m_last_async_id = 1; // 1 is the main script's execution scope
    int64_t m_timer_base = 0;
    int m_scope_depth = 0;
    int m_fatal_exit_code = 1;
    uint32_t m_warm = 0;     // Warmup bits already paid
    int m_warmup_speed = -1; // the k_choice_warmup_speed option taken; -1: not asked yet
    bool m_wall_clock_read = false;
    int64_t m_wall_clock_offset_ns = 0;
    std::optional<sim::SimTime> m_loop_start;
    bool m_exiting = false;
    bool m_stopped = false;
};

} // namespace loopsim::node
