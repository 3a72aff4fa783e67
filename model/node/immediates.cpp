// setImmediate and the check phase. See immediates.h and docs/node-model.md.
#include "model/node/immediates.h"

#include "model/node/environment.h"
#include "model/node/tracer.h"
#include "sim/simulation.h"

#include <algorithm>

namespace loopsim::node {

Immediates::Immediates(Environment& env) : m_env(env), m_pool(env.record_memory()) {
    // Environment::InitializeLibuv: the check handle runs CheckImmediate every iteration but
    // never keeps the loop alive; the idle handle is started only while needed.
    m_check = std::make_unique<uv::WatcherHandle>(
        uv::HandleType::Check, "Node's immediate check handle", [this] { check_immediate(); });
    m_idle = std::make_unique<uv::WatcherHandle>(uv::HandleType::Idle,
                                                 "Node's immediate idle handle", [] {});
    m_env.loop().register_handle(*m_check);
    m_env.loop().register_handle(*m_idle);
    m_env.loop().watcher_start(*m_check);
    m_env.loop().unref(*m_check);
}

Immediates::~Immediates() = default; // the pool holds every Immediate

void Immediates::release(Immediate& immediate) {
    if (immediate.has_call) m_calls.erase(immediate.slot); // its values may be collected
    m_pool.give_back(immediate);
}

void Immediates::toggle_ref(bool on) {
    // ToggleImmediateRef
    if (on)
        m_env.loop().watcher_start(*m_idle);
    else
        m_env.loop().watcher_stop(*m_idle);
}

Immediate* Immediates::set_immediate(Task callback) {
    Immediate* immediate = &m_pool.take();
    immediate->label = callback.label;
    immediate->internal = callback.internal;
    if (callback.call) {
        m_calls[immediate->slot] = std::move(callback.call);
        immediate->has_call = true;
    }
    immediate->id = m_env.new_async_id();
    if (Tracer* t = m_env.tracer()) {
        trace::Reason reason;
        reason.code = trace::ReasonCode::ImmediateQueued;
        reason.args = {static_cast<int64_t>(m_queue.size() + 1), 0, 0};
        t->created(immediate->id, trace::Queue::Check, immediate->label, reason);
    }
    ref(*immediate);
    ++m_count;
    m_queue.push_back(immediate);
    m_env.simulation().note_queue_length("immediate queue", m_queue.size());
    return immediate;
}

void Immediates::ref(Immediate& immediate) {
    if (immediate.referenced || immediate.ran || immediate.destroyed) return;
    immediate.referenced = true;
    if (m_ref_count++ == 0) toggle_ref(true);
}

void Immediates::unref(Immediate& immediate) {
    if (!immediate.referenced) return;
    immediate.referenced = false;
    if (--m_ref_count == 0) toggle_ref(false);
}

void Immediates::clear(Immediate& immediate) {
    // clearImmediate
    if (!immediate.has_callback || immediate.destroyed) return;
    if (Tracer* t = m_env.tracer()) t->cancelled(immediate.id, trace::Queue::Check);
    --m_count;
    immediate.destroyed = true;
    if (immediate.referenced && --m_ref_count == 0) toggle_ref(false);
    immediate.referenced = false;
    immediate.has_callback = false;
    if (immediate.in_batch) return; // the batch skips it, then lets it go
    std::erase(m_queue, &immediate);
    release(immediate);
}

// CheckImmediate (src/env.cc): the native-immediates scope drains first, even when empty;
// then processImmediate, again while a throw left part of the batch outstanding.
void Immediates::check_immediate() {
    m_env.enter_scope();
    m_env.leave_scope(ScopeEnd::Normal);
    if (m_count == 0 || !m_env.can_call_into_js()) return;
    do {
        m_env.enter_scope();
        const CallResult result = process_immediate();
        m_env.leave_scope(result == CallResult::Threw ? ScopeEnd::Failed : ScopeEnd::Normal);
    } while (m_has_outstanding && m_env.can_call_into_js());
    if (m_ref_count == 0) toggle_ref(false);
}

// processImmediate (lib/internal/timers.js): the queue is detached as one batch before any
// callback runs; ticks and microtasks drain before every immediate but the first of a call.
CallResult Immediates::process_immediate() {
    if (!m_has_outstanding) {
        m_outstanding.swap(m_queue); // m_outstanding was empty: the queue keeps its capacity
        m_queue.clear();
        for (Immediate* immediate : m_outstanding) immediate->in_batch = true;
        m_outstanding_next = 0;
        m_has_outstanding = true;
    }
    bool ran_at_least_one = false;
    while (m_outstanding_next < m_outstanding.size()) {
        if (ran_at_least_one) {
            frames::Scope scope(m_env.frame_hooks(), frames::k_process_immediate_ticks);
            if (m_env.queues().run_next_ticks() == CallResult::Threw) return CallResult::Threw;
            if (!m_env.can_call_into_js()) return CallResult::Returned;
        } else {
            ran_at_least_one = true;
        }
        Immediate* immediate = m_outstanding[m_outstanding_next];
        if (immediate->destroyed) { // cleared while this batch ran
            ++m_outstanding_next;
            release(*immediate);
            continue;
        }
        immediate->destroyed = true;
        --m_count;
        if (immediate->referenced) --m_ref_count; // not toggled here: CheckImmediate does it
        immediate->referenced = false;
        immediate->ran = true;
        trace::Reason reason;
        reason.code = trace::ReasonCode::ImmediateRuns;
        reason.args = {static_cast<int64_t>(m_outstanding_next + 1),
                       static_cast<int64_t>(m_outstanding.size()), 0};
        CallResult result;
        {
            frames::Scope scope(m_env.frame_hooks(), frames::k_process_immediate_call);
            // The Task the environment runs: the immediate's own call, or its host's.
            Task task{
                .id = immediate->id, .label = immediate->label, .internal = immediate->internal};
            if (immediate->has_call) {
                task.call = std::move(m_calls.extract(immediate->slot).mapped());
                immediate->has_call = false;
            } else if (immediate->host_object != nullptr && m_host_call) {
                task.call = [this, immediate] { return m_host_call(*immediate); };
            }
            result = m_env.invoke(task, trace::Queue::Check, reason);
        }
        immediate->has_callback = false; // the `finally`; _onImmediate = null
        release(*immediate);
        ++m_outstanding_next;
        if (result == CallResult::Threw) return CallResult::Threw;
        if (!m_env.can_call_into_js()) return CallResult::Returned;
    }
    m_outstanding.clear();
    m_outstanding_next = 0;
    m_has_outstanding = false;
    return CallResult::Returned;
}

} // namespace loopsim::node
