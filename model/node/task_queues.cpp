// The nextTick queue, the microtask queue and Node's drain rules. See task_queues.h.
#include "model/node/task_queues.h"

#include "model/node/environment.h"
#include "model/node/tracer.h"
#include "sim/simulation.h"

namespace loopsim::node {

TaskQueues::TaskQueues(Environment& env) : m_env(env), m_pool(env.record_memory()) {}

void TaskQueues::next_tick(Task task) {
    if (m_env.is_exiting()) return; // ticks queued in 'exit' listeners are dropped
    if (task.id == 0) task.id = m_env.new_async_id();
    if (Tracer* t = m_env.tracer()) {
        trace::Reason reason;
        reason.code =
            task.internal ? trace::ReasonCode::NodeInternal : trace::ReasonCode::NextTickQueued;
        t->created(task.id, trace::Queue::NextTick, task.label, reason);
    }
    m_ticks.push_back(std::move(task));
    m_env.simulation().note_queue_length("nextTick queue", m_ticks.size());
}

void TaskQueues::enqueue_microtask(Task task, trace::ReasonCode why) {
    if (task.id == 0) task.id = m_env.new_async_id();
    if (Tracer* t = m_env.tracer()) {
        trace::Reason reason;
        reason.code = why;
        t->created(task.id, trace::Queue::Microtasks, task.label, reason);
    }
    m_microtasks.push_back(std::move(task));
    m_env.simulation().note_queue_length("microtask queue", m_microtasks.size());
}

void TaskQueues::set_rejection_hooks(std::function<bool()> has_pending,
                                     std::function<bool()> process_rejections) {
    m_has_pending_rejection = std::move(has_pending);
    m_process_rejections = std::move(process_rejections);
}

void TaskQueues::run_microtasks() {
    if (m_in_checkpoint) return; // V8 ignores a nested checkpoint
    m_in_checkpoint = true;
    Tracer* tracer = m_microtasks.empty() ? nullptr : m_env.tracer();
    if (tracer) tracer->drain(true, trace::Queue::Microtasks);
    while (!m_microtasks.empty() && m_env.can_call_into_js()) {
        Task job = std::move(m_microtasks.front());
        m_microtasks.pop_front();
        if (on_run) on_run(job, false);
        m_env.invoke(job, trace::Queue::Microtasks); // a throw is reported; the checkpoint goes on
    }
    if (tracer) tracer->drain(false, trace::Queue::Microtasks);
    m_in_checkpoint = false;
}

// processTicksAndRejections (lib/internal/process/task_queues.js).
CallResult TaskQueues::process_ticks_and_rejections(bool from_native) {
    const frames::FrameHooks& hooks = m_env.frame_hooks();
    do {
        while (!m_ticks.empty()) {
            if (!m_env.can_call_into_js()) return CallResult::Returned;
            Task tick = std::move(m_ticks.front());
            m_ticks.pop_front();
            if (on_run) on_run(tick, true);
            frames::Scope scope(hooks, frames::process_ticks_tick(from_native, tick.arg_count));
            if (m_env.invoke(tick, trace::Queue::NextTick) == CallResult::Threw)
                return CallResult::Threw; // the rest stays queued
        }
        {
            frames::Scope scope(hooks, frames::process_ticks_microtasks(from_native));
            run_microtasks();
        }
        if (!m_env.can_call_into_js()) return CallResult::Returned;
    } while (!m_ticks.empty() || process_rejections_in(from_native));
    return CallResult::Returned;
}

bool TaskQueues::process_rejections_in(bool from_native) {
    if (!m_process_rejections) return false;
    frames::Scope scope(m_env.frame_hooks(), frames::process_ticks_rejections(from_native));
    return m_process_rejections();
}

// runNextTicks (lib/internal/process/task_queues.js): between timers and between immediates.
CallResult TaskQueues::run_next_ticks() {
    if (!has_tick_scheduled() && !has_rejection_to_warn()) {
        frames::Scope scope(m_env.frame_hooks(), frames::k_run_next_ticks_microtasks);
        run_microtasks();
    }
    if (!has_tick_scheduled() && !has_rejection_to_warn()) return CallResult::Returned;
    frames::Scope scope(m_env.frame_hooks(), frames::k_run_next_ticks_ticks);
    return process_ticks_and_rejections(false);
}

// InternalCallbackScope::Close (src/api/callback.cc): a failed scope does not drain; with no
// tick scheduled, a microtask checkpoint runs first; then ticks (and rejections) if any.
CallResult TaskQueues::close_scope(ScopeEnd end) {
    if (!m_env.can_call_into_js() || end == ScopeEnd::Failed) return CallResult::Returned;
    if (!has_tick_scheduled()) run_microtasks();
    if (!m_env.can_call_into_js()) return CallResult::Returned;
    if (has_tick_scheduled() || has_rejection_to_warn()) return process_ticks_and_rejections(true);
    return CallResult::Returned;
}

} // namespace loopsim::node
