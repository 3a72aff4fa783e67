#pragma once
// Simulation: one run of the discrete-event kernel — the virtual clock, the EventQueue,
// the actors, the Chooser, a seeded Rng and the Budgets. Nothing is global: two
// Simulations in one process never interact.
//
// Time contract. now() never goes backward. Events run in EventQueue order (time, then
// scheduling order). Running an event sets now() to its time, unless now() is already
// later: main-thread work is modelled by advance(cost), which moves the clock forward even
// past pending events. Those events then run "late": when popped, now() stays where it is,
// and the callback reads the time it was due from current_event_time(). This is how the
// model expresses that other actors' completions falling inside a span of JavaScript work
// only become visible when the main thread yields. An event keeps its own time line even
// when it runs late: inside a callback, schedule_at() takes any time >= the event's own time
// (actor_now()) and schedule_after() counts from it, so a worker that finished at 3 ms and
// takes its next 5 ms job finishes at 8 ms even if the kernel only got to it at 50 ms; such
// events run late too, still in (time, sequence) order. Outside a callback (the main thread)
// actor_now() is now().
//
// Run contract. step() runs one event; run() runs until the queue is empty or the run
// halts; run_until(t) runs every event due at or before t, then moves the clock to t.
// A run halts, for good, on stop(), on a breached budget, or on a replay that does not fit
// its scenario; the event that caused it finishes first (the model should check
// is_halted() in long loops and unwind). The outcome is a typed RunOutcome, never an
// abort. When a run completes, check_invariants() confirms that every scheduled event ran
// or was cancelled (ns-3's habit).
#include "sim/actor.h"
#include "sim/budget.h"
#include "sim/callback.h"
#include "sim/chooser.h"
#include "sim/event_queue.h"
#include "sim/rng.h"
#include "sim/sim_time.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace loopsim::sim {

struct SimulationOptions {
    Budgets budgets{};
    ChoiceStrategy choices{};
    uint64_t seed = 0; // seeds rng(), the stream the model draws latencies from
};

struct Completed {}; // the queue ran empty
struct Paused {};    // run_until() reached its time with events still pending
struct Stopped {};   // stop() was called

using RunOutcome = std::variant<Completed, Paused, Stopped, BudgetExceeded, ReplayMismatch>;

// "completed", "paused", "stopped", or the error's message.
std::string describe(const RunOutcome& outcome);

struct EventCounts {
    uint64_t scheduled = 0; // schedule_at/after calls
    uint64_t executed = 0;  // events that ran
    uint64_t cancelled = 0; // successful cancel() calls
    uint64_t pending = 0;   // still queued
};

class Simulation {
public:
    explicit Simulation(SimulationOptions options = {});
    Simulation(const Simulation&) = delete;
    Simulation& operator=(const Simulation&) = delete;

    SimTime now() const { return m_now; }

    // Actors are numbered in creation order; that order is the trace's lane order.
    ActorId add_actor(std::string name, ActorKind kind);
    const std::vector<Actor>& actors() const { return m_actors; }
    const Actor& actor(ActorId id) const;

    // The time the running code stands at: inside a callback, the event's time plus the work
    // it has done so far (advance); outside one, now().
    SimTime actor_now() const;
    EventId schedule_at(SimTime at, ActorId actor, Callback fn);
    EventId schedule_after(SimTime delay, ActorId actor, Callback fn);
    // True if the event was pending; it will never run.
    bool cancel(EventId id);
    bool is_pending(EventId id) const { return m_queue.contains(id); }
    // Moves the clock forward by `cost` (work on the current actor), past pending events.
    void advance(SimTime cost);

    // Runs the next event. False when nothing ran: the queue is empty or the run halted.
    bool step();
    RunOutcome run();
    RunOutcome run_until(SimTime until);
    // Halts the run after the current event; later step()/run() calls do nothing.
    void stop();
    bool is_halted() const { return m_halt.has_value(); }
    // Why the run halted (Stopped, BudgetExceeded or ReplayMismatch), if it did.
    const std::optional<RunOutcome>& halt_outcome() const { return m_halt; }

    // A choice point (see Chooser). A replay that does not fit halts the run.
    size_t choose(size_t n, std::string_view why);
    const Chooser& chooser() const { return m_chooser; }
    Rng& rng() { return m_rng; }

    const Budgets& budgets() const { return m_budgets; }
    // The model reports the length of one of its queues; beyond max_queue_length, or beyond
    // `capacity` when the queue holds fewer, the run halts with BudgetExceeded naming
    // `queue_name` ("nextTick queue").
    void note_queue_length(std::string_view queue_name, uint64_t length,
                           uint64_t capacity = UINT64_MAX);

    // About the event being run; only valid inside a callback.
    bool is_running_event() const { return m_running; }
    SimTime current_event_time() const; // when it was due (<= now() when it runs late)
    ActorId current_actor() const;
    EventId current_event() const;

    std::size_t pending_events() const { return m_queue.size(); }
    // The time of the next event, if any.
    std::optional<SimTime> next_event_time() const;
    EventCounts counts() const;
    // Asserts the event accounting: scheduled == executed + cancelled + pending.
    void check_invariants() const;

private:
    void halt(RunOutcome reason);
    [[gnu::noinline, gnu::cold]] void halt_past_max_time();
    RunOutcome outcome_when_idle();

    SimTime m_now;
    EventQueue m_queue;
    std::vector<Actor> m_actors;
    Chooser m_chooser;
    Rng m_rng;
    Budgets m_budgets;
    std::optional<RunOutcome> m_halt; // Stopped, BudgetExceeded or ReplayMismatch
    uint64_t m_executed = 0;
    uint64_t m_cancelled = 0;
    bool m_running = false;
    SimTime m_event_time;
    SimTime m_actor_time; // the running event's time plus the work it has done (advance)
    ActorId m_event_actor;
    EventId m_event_id;
};

} // namespace loopsim::sim
