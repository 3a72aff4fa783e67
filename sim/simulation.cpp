#include "sim/simulation.h"

#include "sim/assert.h"

#include <algorithm>
#include <type_traits>
#include <utility>

namespace loopsim::sim {

std::string describe(const RunOutcome& outcome) {
    return std::visit(
        [](const auto& value) -> std::string {
            using T = std::decay_t<decltype(value)>;
            if constexpr (std::is_same_v<T, Completed>) {
                return "completed";
            } else if constexpr (std::is_same_v<T, Paused>) {
                return "paused";
            } else if constexpr (std::is_same_v<T, Stopped>) {
                return "stopped";
            } else {
                return value.message;
            }
        },
        outcome);
}

Simulation::Simulation(SimulationOptions options)
    : m_chooser(std::move(options.choices)), m_rng(options.seed), m_budgets(options.budgets) {}

ActorId Simulation::add_actor(std::string name, ActorKind kind) {
    const ActorId id{static_cast<uint32_t>(m_actors.size())};
    m_actors.push_back(Actor{id, std::move(name), kind});
    return id;
}

const Actor& Simulation::actor(ActorId id) const {
    LOOPSIM_ASSERT(id.value < m_actors.size(), "unknown actor");
    return m_actors[id.value];
}

SimTime Simulation::actor_now() const {
    return m_running ? m_actor_time : m_now;
}

EventId Simulation::schedule_at(SimTime at, ActorId actor, Callback fn) {
    LOOPSIM_ASSERT(at >= actor_now(), "scheduling an event in the past");
    LOOPSIM_ASSERT(actor.value < m_actors.size(), "scheduling an event for an unknown actor");
    const EventId id = m_queue.push(at, std::move(fn), actor);
    // The kernel's own queue cannot hold more than EventQueue::k_max_pending events,
    // whatever the budget says.
    const uint64_t limit =
        std::min<uint64_t>(m_budgets.max_queue_length, EventQueue::k_max_pending - 1);
    if (m_queue.size() > limit) {
        halt(queue_budget_exceeded("event queue", limit, m_queue.size()));
    }
    return id;
}

EventId Simulation::schedule_after(SimTime delay, ActorId actor, Callback fn) {
    LOOPSIM_ASSERT(delay >= SimTime::zero(), "negative delay");
    return schedule_at(actor_now() + delay, actor, std::move(fn));
}

bool Simulation::cancel(EventId id) {
    if (!m_queue.cancel(id)) return false;
    ++m_cancelled;
    return true;
}

void Simulation::advance(SimTime cost) {
    LOOPSIM_ASSERT(cost >= SimTime::zero(), "negative cost");
    if (m_running) {
        // Work inside an event moves that actor's own time line; the clock follows it only
        // where it gets ahead of the clock.
        m_actor_time += cost;
        m_now = std::max(m_now, m_actor_time);
    } else {
        m_now += cost;
    }
    if (m_now > m_budgets.max_time) [[unlikely]]
        halt_past_max_time();
}

// Out of line, so that advance() (called for every callback) saves no registers.
void Simulation::halt_past_max_time() {
    halt(time_budget_exceeded(m_budgets.max_time, m_now));
}

bool Simulation::step() {
    LOOPSIM_ASSERT(!m_running, "step() from inside an event");
    if (m_halt || m_queue.empty()) return false;
    const SimTime due = m_queue.next_time();
    if (due > m_budgets.max_time) {
        halt(time_budget_exceeded(m_budgets.max_time, due));
        return false;
    }
    if (m_executed >= m_budgets.max_events) {
        halt(event_budget_exceeded(m_budgets.max_events, m_executed + 1));
        return false;
    }
    PoppedEvent event = m_queue.pop();
    // A late event (due before now) runs at now: time never goes backward.
    m_now = std::max(m_now, event.at);
    m_running = true;
    m_event_time = event.at;
    m_actor_time = event.at;
    m_event_actor = event.actor;
    m_event_id = event.id;
    ++m_executed;
    event.fn();
    m_running = false;
    return true;
}

RunOutcome Simulation::run() {
    while (step()) {
    }
    return outcome_when_idle();
}

RunOutcome Simulation::run_until(SimTime until) {
    while (!m_halt && !m_queue.empty() && m_queue.next_time() <= until) step();
    if (!m_halt && m_now < until) m_now = until;
    if (!m_halt && !m_queue.empty()) return Paused{};
    return outcome_when_idle();
}

RunOutcome Simulation::outcome_when_idle() {
    if (m_halt) return *m_halt;
    check_invariants();
    LOOPSIM_ASSERT(m_queue.empty(), "a completed run left events pending");
    return Completed{};
}

void Simulation::stop() {
    halt(Stopped{});
}

void Simulation::halt(RunOutcome reason) {
    if (!m_halt) m_halt = std::move(reason); // the first reason is the one reported
}

size_t Simulation::choose(size_t n, std::string_view why) {
    const size_t chosen = m_chooser.choose(n, why);
    if (m_chooser.mismatch()) halt(*m_chooser.mismatch());
    return chosen;
}

void Simulation::note_queue_length(std::string_view queue_name, uint64_t length,
                                   uint64_t capacity) {
    const uint64_t limit = std::min(m_budgets.max_queue_length, capacity);
    if (length > limit) halt(queue_budget_exceeded(queue_name, limit, length));
}

SimTime Simulation::current_event_time() const {
    LOOPSIM_ASSERT(m_running, "current_event_time() outside an event");
    return m_event_time;
}

ActorId Simulation::current_actor() const {
    LOOPSIM_ASSERT(m_running, "current_actor() outside an event");
    return m_event_actor;
}

EventId Simulation::current_event() const {
    LOOPSIM_ASSERT(m_running, "current_event() outside an event");
    return m_event_id;
}

std::optional<SimTime> Simulation::next_event_time() const {
    if (m_queue.empty()) return std::nullopt;
    return m_queue.next_time();
}

EventCounts Simulation::counts() const {
    return EventCounts{m_queue.pushed_count(), m_executed, m_cancelled, m_queue.size()};
}

void Simulation::check_invariants() const {
    const EventCounts c = counts();
    LOOPSIM_ASSERT(c.scheduled == c.executed + c.cancelled + c.pending,
                   "an event was lost: neither run, cancelled nor pending");
    LOOPSIM_ASSERT(!m_running || m_event_time <= m_now, "an event ran before it was due");
}

} // namespace loopsim::sim
