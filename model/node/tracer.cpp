// The Node model's trace events. See tracer.h.
#include "model/node/tracer.h"

#include "model/node/environment.h"
#include "sim/simulation.h"

#include <cstdio>
#include <string>

namespace loopsim::node {

namespace {
// Thread-pool job ids live in their own range so they never collide with async ids.
constexpr uint64_t k_work_id_base = uint64_t{1} << 48;
} // namespace

Tracer::Tracer(Environment& env, trace::TraceRecorder& recorder)
    : m_env(env), m_sim(env.simulation()), m_loop(env.loop()), m_recorder(recorder) {
    m_env.loop().set_observer(this);
    m_env.thread_pool().set_observer(this);
    m_recorder.record(event(trace::EventKind::RunStart));
}

trace::TraceEvent Tracer::event(trace::EventKind kind) const {
    trace::TraceEvent e;
    e.kind = kind;
    e.time = m_sim.now();
    e.loop_time_ms = m_loop.now_ms();
    e.actor = m_env.main_actor().value;
    e.iteration = m_iteration;
    e.phase = m_loop.is_in_phase() ? m_phase : trace::kNoPhase;
    return e;
}

void Tracer::created(uint64_t id, trace::Queue queue, trace::StringId label, trace::Reason reason) {
    trace::TraceEvent e = event(trace::EventKind::CallbackCreated);
    e.callback = id;
    e.creator = running();
    e.to_queue = queue;
    e.label = label;
    e.reason = reason;
    m_recorder.record(e);
}

void Tracer::started(uint64_t id, trace::Queue from, trace::StringId label, trace::Reason reason) {
    trace::TraceEvent e = event(trace::EventKind::CallbackStart);
    e.callback = id;
    e.from_queue = from;
    e.to_queue = trace::Queue::CallStack;
    e.label = label;
    e.reason = reason;
    m_recorder.record(e);
    m_running.push_back(id);
}

void Tracer::ended(uint64_t id, CallResult result) {
    if (!m_running.empty() && m_running.back() == id) m_running.pop_back();
    trace::TraceEvent e = event(trace::EventKind::CallbackEnd);
    e.callback = id;
    e.from_queue = trace::Queue::CallStack;
    if (result == CallResult::Threw) e.text = m_recorder.intern("threw");
    m_recorder.record(e);
}

void Tracer::cancelled(uint64_t id, trace::Queue from) {
    trace::TraceEvent e = event(trace::EventKind::CallbackCancelled);
    e.callback = id;
    e.from_queue = from;
    m_recorder.record(e);
}

void Tracer::drain(bool begin, trace::Queue queue) {
    trace::TraceEvent e = event(begin ? trace::EventKind::DrainBegin : trace::EventKind::DrainEnd);
    e.from_queue = queue;
    m_recorder.record(e);
}

void Tracer::console(trace::Stream stream, std::string_view text) {
    trace::TraceEvent e = event(trace::EventKind::Console);
    e.stream = stream;
    e.text = m_recorder.intern(text);
    e.callback = running();
    m_recorder.record(e);
}

void Tracer::note(std::string_view text) {
    trace::TraceEvent e = event(trace::EventKind::Note);
    e.text = m_recorder.intern(text);
    m_recorder.record(e);
}

void Tracer::note_paid_once(std::string_view what, int64_t cost_ns) {
    char took[32];
    std::snprintf(took, sizeof took, " (%.3f ms, once)", static_cast<double>(cost_ns) / 1e6);
    note("Node pays for " + std::string(what) + took);
}

void Tracer::error(std::string_view text) {
    trace::TraceEvent e = event(trace::EventKind::Error);
    e.text = m_recorder.intern(text);
    m_recorder.record(e);
}

// Iterations and phases: outside a phase, the event has no phase.
void Tracer::on_iteration_start(uint64_t iteration) {
    m_iteration = static_cast<uint32_t>(iteration);
    record_new_loop_event(trace::EventKind::IterationStart, trace::kNoPhase);
}

void Tracer::on_iteration_end(uint64_t) {
    record_loop_event(trace::EventKind::IterationEnd, trace::kNoPhase);
}

void Tracer::on_phase_enter(uv::Phase phase) {
    m_phase = static_cast<uint8_t>(phase);
    record_loop_event(trace::EventKind::PhaseEnter, m_phase);
}

void Tracer::on_phase_leave(uv::Phase phase) {
    record_loop_event(trace::EventKind::PhaseLeave, static_cast<uint8_t>(phase));
}

// An iteration or phase event right after another one (nothing recorded between them), at the
// same time and loop time, differs from it only in kind and phase: the first phase after the
// iteration starts, a phase with nothing to do, the next phase after it, the end of the
// iteration after the last phase. It is recorded as a copy of that one, which costs the log
// less. (The start of an iteration is never a copy: its iteration number is new.)
void Tracer::record_loop_event(trace::EventKind kind, uint8_t phase) {
    if (m_recorder.size() == m_after_loop_event && m_sim.now() == m_loop_event_time &&
        m_loop.now_ms() == m_loop_event_loop_ms && m_recorder.try_record_like_last(kind, phase)) {
        ++m_after_loop_event;
        return;
    }
    record_new_loop_event(kind, phase);
}

void Tracer::record_new_loop_event(trace::EventKind kind, uint8_t phase) {
    trace::TraceEvent e = event(kind);
    e.phase = phase;
    m_recorder.record(e);
    m_after_loop_event = m_recorder.size();
    m_loop_event_time = e.time;
    m_loop_event_loop_ms = e.loop_time_ms;
}

void Tracer::on_time_update(uv::TimeUpdate, int64_t old_ms, int64_t new_ms) {
    trace::TraceEvent e = event(trace::EventKind::LoopTimeUpdate);
    e.reason.code = trace::ReasonCode::LoopTimeRefreshed;
    e.reason.args = {old_ms, new_ms, 0};
    m_recorder.record(e);
}

void Tracer::on_queued(uv::WorkId id, const std::string& label, uv::WorkKind) {
    trace::TraceEvent e = event(trace::EventKind::CallbackCreated);
    e.callback = k_work_id_base + id.value;
    e.creator = running();
    e.to_queue = trace::Queue::ThreadPool;
    e.label = m_recorder.intern(label);
    m_recorder.record(e);
}

void Tracer::on_pick(uint32_t worker, uv::WorkId id, const std::string& label, sim::SimTime) {
    sim::Simulation& sim = m_env.simulation();
    trace::TraceEvent e = event(trace::EventKind::WorkerPick);
    e.time = sim.is_running_event() ? sim.actor_now() : sim.now();
    e.actor = sim.is_running_event() ? sim.current_actor().value : e.actor;
    e.phase = trace::kNoPhase;
    e.callback = k_work_id_base + id.value;
    e.label = m_recorder.intern(label);
    e.reason.code = trace::ReasonCode::WorkerPickedJob;
    e.reason.args = {worker, static_cast<int64_t>(m_env.thread_pool().queued()), 0};
    m_recorder.record(e);
}

void Tracer::on_finish(uint32_t, uv::WorkId id, const std::string& label) {
    sim::Simulation& sim = m_env.simulation();
    trace::TraceEvent e = event(trace::EventKind::WorkerDone);
    e.time = sim.is_running_event() ? sim.actor_now() : sim.now();
    e.actor = sim.is_running_event() ? sim.current_actor().value : e.actor;
    e.phase = trace::kNoPhase;
    e.callback = k_work_id_base + id.value;
    e.label = m_recorder.intern(label);
    m_recorder.record(e);
}

void Tracer::finish(const ProcessResult& result) {
    m_recorder.record(event(trace::EventKind::RunEnd));
    trace::TraceHeader& header = m_recorder.header();
    header.actors.clear();
    for (const sim::Actor& a : m_env.simulation().actors()) {
        trace::ActorKind kind = trace::ActorKind::Main;
        switch (a.kind) {
        case sim::ActorKind::MainThread:
            kind = trace::ActorKind::Main;
            break;
        case sim::ActorKind::Loop:
            kind = trace::ActorKind::Loop;
            break;
        case sim::ActorKind::Worker:
            kind = trace::ActorKind::Worker;
            break;
        case sim::ActorKind::Os:
            kind = trace::ActorKind::Os;
            break;
        }
        header.actors.push_back(trace::Actor{a.id.value, a.name, kind});
    }
    header.phases.clear();
    for (int p = 0; p < uv::k_phase_count; ++p)
        header.phases.emplace_back(uv::phase_name(static_cast<uv::Phase>(p)));
    trace::Outcome outcome;
    outcome.exit_code = result.exit_code;
    switch (result.how) {
    case ProcessResult::How::Natural:
    case ProcessResult::How::ExitCalled:
        outcome.status = trace::OutcomeStatus::Completed;
        break;
    case ProcessResult::How::UncaughtError:
        outcome.status = trace::OutcomeStatus::Error;
        break;
    case ProcessResult::How::Halted: {
        const auto& halt = m_env.simulation().halt_outcome();
        outcome.status = trace::OutcomeStatus::Aborted;
        if (halt) {
            outcome.message = sim::describe(*halt);
            if (const auto* budget = std::get_if<sim::BudgetExceeded>(&*halt)) {
                outcome.status = trace::OutcomeStatus::BudgetExceeded;
                outcome.budget = std::string(sim::budget_kind_name(budget->kind));
            }
        }
        break;
    }
    case ProcessResult::How::WaitsForever:
        outcome.status = trace::OutcomeStatus::Aborted;
        outcome.message = "the loop would wait forever: nothing can wake it";
        break;
    }
    m_recorder.set_outcome(outcome);
}

} // namespace loopsim::node
