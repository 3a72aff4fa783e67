// One Node process on the simulated loop: start-up, callback scopes, uncaught exceptions,
// SpinEventLoop and exit. See environment.h and docs/node-model.md.
#include "model/node/environment.h"

#include "model/node/tracer.h"
#include "sim/assert.h"
#include "sim/simulation.h"

#include <string>

namespace loopsim::node {

Environment::Environment(sim::Simulation& sim, EnvironmentOptions options)
    : m_sim(sim), m_options(std::move(options)) {
    m_main_actor = m_sim.add_actor("main", sim::ActorKind::MainThread);
    m_loop = std::make_unique<uv::Loop>(m_sim, m_options.uv_profile);
    m_loop->set_clock_origin(m_options.clock_origin);
    if (m_options.choose_clock_ticks) {
        m_loop->choose_clock_ticks_at_timer_starts();
        m_loop->choose_slow_start();
    }
    // uv_loop_init creates the thread pool's completion handle before anything else.
    m_pool = std::make_unique<uv::ThreadPool>(*m_loop, m_options.thread_pool);
    m_timer_base = m_loop->now_ms();
    m_queues = std::make_unique<TaskQueues>(*this);
    m_timers = std::make_unique<Timers>(*this);
    m_immediates = std::make_unique<Immediates>(*this);
}

Environment::~Environment() = default;

trace::StringId Environment::label(std::string_view text) {
    return m_tracer ? m_tracer->intern(text) : trace::kNoString;
}

int64_t Environment::get_libuv_now() {
    m_loop->update_time(uv::TimeUpdate::Explicit);
    return m_loop->now_ms() - m_timer_base;
}

int64_t Environment::wall_clock_ns() {
    const int64_t now = m_sim.now().count_ns();
    if (!m_wall_clock_read) {
        m_wall_clock_read = true;
        if (m_options.choose_date_phase) {
            const sim::MsPhase phase = sim::ms_phase(now);
            const size_t chosen = m_sim.choose(3, k_choice_date_phase);
            if (chosen == 1) m_wall_clock_offset_ns = phase.to_fresh_ms_ns();
            if (chosen == 2) m_wall_clock_offset_ns = phase.to_tick_ns();
        }
    }
    return now + m_wall_clock_offset_ns;
}

sim::SimTime Environment::pay_first_time(Warmup which) {
    m_warm |= uint32_t{1} << static_cast<unsigned>(which);
    if (m_warmup_speed < 0)
        m_warmup_speed = m_options.choose_warmup_speed
                             ? static_cast<int>(m_sim.choose(3, k_choice_warmup_speed))
                             : 0;
    int64_t cost = m_options.warmup.of(which).count_ns();
    if (m_warmup_speed == 1) cost /= 2;
    if (m_warmup_speed == 2) cost *= 2;
    if (m_tracer && cost > 0)
        m_tracer->note_paid_once(k_warmup_what[static_cast<size_t>(which)], cost);
    return sim::SimTime::ns(cost);
}

void Environment::advance_first_time(Warmup which) {
    m_sim.advance(pay_first_time(which));
}

CallResult Environment::invoke(Task& task, trace::Queue from, trace::Reason reason) {
    if (!can_call_into_js()) return CallResult::Returned;
    if (m_tracer) {
        if (reason.code == trace::ReasonCode::None) {
            if (from == trace::Queue::NextTick) reason.code = trace::ReasonCode::TickRuns;
            if (from == trace::Queue::Microtasks) reason.code = trace::ReasonCode::MicrotaskRuns;
            if (from == trace::Queue::None && task.id == 1)
                reason.code = trace::ReasonCode::MainScript;
        }
        m_tracer->started(task.id, from, task.label, reason);
    }
    sim::SimTime overhead;
    switch (from) {
    case trace::Queue::NextTick:
        overhead = m_options.costs.tick + first_time(Warmup::TickDrain);
        break;
    case trace::Queue::Microtasks:
        overhead = m_options.costs.microtask;
        break;
    case trace::Queue::Timers:
        overhead = m_options.costs.timer + first_time(Warmup::TimerPhase);
        break;
    case trace::Queue::Check:
        overhead = m_options.costs.immediate + first_time(Warmup::ImmediatePhase);
        break;
    default:
        break;
    }
    if (overhead > sim::SimTime()) m_sim.advance(overhead);
    const CallResult result = task.call ? task.call() : CallResult::Returned;
    if (m_tracer) m_tracer->ended(task.id, result);
    if (result == CallResult::Threw) report_uncaught(ExceptionOrigin::UncaughtException);
    return result;
}

CallResult Environment::make_callback(Task& task, trace::Queue from) {
    enter_scope();
    const CallResult result = invoke(task, from, {});
    leave_scope(result == CallResult::Threw ? ScopeEnd::Failed : ScopeEnd::Normal);
    return result;
}

void Environment::leave_scope(ScopeEnd end) {
    LOOPSIM_ASSERT(m_scope_depth > 0, "leave_scope without enter_scope");
    if (m_scope_depth == 1) m_queues->close_scope(end); // only the outermost scope drains
    --m_scope_depth;
}

void Environment::report_uncaught(ExceptionOrigin origin) {
    if (!can_call_into_js()) return;
    const bool handled = m_hooks.uncaught && m_hooks.uncaught(origin);
    if (handled) {
        // createOnGlobalUncaughtException: keep the loop turning once more.
        m_immediates->set_immediate(Task{.call = [] { return CallResult::Returned; },
                                         .label = label("(uncaught exception recovery)")});
        return;
    }
    // Not handled: process._exiting, exitCode 1, 'exit'(1) emitted synchronously from the
    // handler (no callback scope: what its listeners queue never runs), then the error is
    // printed (by the host, after this returns) and the process ends.
    m_exiting = true;
    exit_code = m_fatal_exit_code;
    if (m_hooks.exit) m_hooks.exit(*exit_code);
    stop_with(ProcessResult::How::UncaughtError, exit_code.value_or(1));
}

void Environment::exit(int code) {
    if (m_stopped) return;
    exit_code = code;
    if (!m_exiting) {
        m_exiting = true;
        if (m_hooks.exit) m_hooks.exit(code);
    }
    stop_with(ProcessResult::How::ExitCalled, exit_code.value_or(code));
}

void Environment::stop_with(ProcessResult::How how, int code) {
    if (m_stopped) return;
    m_stopped = true;
    m_result.how = how;
    m_result.exit_code = code;
    m_loop->stop();
}

ProcessResult Environment::run(Task main_script) {
    // StartExecution: the CJS main runs inside a callback scope; its close is the first drain.
    main_script.id = 1; // the main script's execution scope has async id 1
    if (m_tracer) m_tracer->created(main_script.id, trace::Queue::CallStack, main_script.label);
    make_callback(main_script, trace::Queue::None);
    if (!m_stopped) spin_event_loop();
    return m_result;
}

// SpinEventLoop (src/api/embed_helpers.cc): run the loop; when it runs dry emit 'beforeExit',
// which may revive it; then 'exit'.
void Environment::spin_event_loop() {
    m_loop_start = m_sim.now(); // the LOOP_START milestone, marked before uv_run
    bool alive = true;
    do {
        if (m_stopped) return;
        const uv::RunResult r = m_loop->run();
        if (m_stopped) return;
        if (r == uv::RunResult::Halted) return stop_with(ProcessResult::How::Halted, 1);
        if (r == uv::RunResult::WaitsForever) return stop_with(ProcessResult::How::WaitsForever, 0);
        if (m_loop->is_alive()) continue;
        if (m_hooks.before_exit) {
            enter_scope();
            m_hooks.before_exit(exit_code.value_or(0));
            leave_scope(ScopeEnd::Normal);
        }
        if (m_stopped) return;
        alive = m_loop->is_alive();
    } while (alive);
    // EmitProcessExitInternal: 'exit' with the code as it stands; listeners may change it.
    m_exiting = true;
    if (m_hooks.exit) {
        enter_scope();
        m_hooks.exit(exit_code.value_or(0));
        leave_scope(ScopeEnd::Normal);
    }
    if (!m_stopped) stop_with(ProcessResult::How::Natural, exit_code.value_or(0));
}

} // namespace loopsim::node
