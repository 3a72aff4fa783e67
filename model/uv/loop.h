#pragma once
// Loop: libuv's uv_loop_t and uv_run (src/unix/core.c) as a simulated actor.
//
// The loop runs on the main thread, as ordinary C++ driving the kernel: every callback it
// calls runs at once and may advance virtual time by its cost (Simulation::advance). Other
// actors (thread-pool workers, the OS) are kernel events; they never run callbacks, they
// only post readiness to the loop (post_ready, send on an AsyncHandle). Those events are
// executed when the main thread waits in the poll phase, or when the main thread catches up
// before touching state it shares with them (catch_up).
//
// Loop time is libuv's cached millisecond clock: the monotonic clock (the kernel's virtual
// time plus the clock's origin, see set_clock_origin) truncated to whole milliseconds, and
// refreshed only where libuv refreshes it (LoopObserver's TimeUpdate lists the sites). Long
// synchronous work therefore leaves it stale, exactly as in real libuv.
//
// Iteration order (libuv >= 1.45; UvProfile flags select 1.44's order):
//   timers (once, before the first iteration, if alive)
//   while alive and not stopped:
//     pending, idle, prepare, poll, pending (up to 8 more times), check, close, timers
// run_one_iteration() in loop.cpp lists them one call per line, in the order of
// docs/event-loop.md.
#include "model/uv/handle.h"
#include "model/uv/loop_observer.h"
#include "model/uv/phase.h"
#include "model/uv/profile.h"
#include "sim/sim_time.h"

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace loopsim::sim {
class Simulation;
}

namespace loopsim::uv {

enum class RunResult : uint8_t {
    Drained,      // no ref'd handle, request, pending or closing work was left
    Stopped,      // stop() was called
    WaitsForever, // alive, but poll would block with no event that can ever arrive
    Halted,       // the simulation halted (a budget, or a replay that did not fit)
};

// What poll delivers: a callback the OS made ready (socket readable, file event, ...), in
// the order the events were posted.
struct ReadyEvent {
    std::string label;
    HandleCallback callback;
};

// The choice point behind the setTimeout(0) vs setImmediate races, as "QUESTION: OPTION 0 |
// OPTION 1" (sim/chooser.h; `loopsim explore` prints the options).
inline constexpr const char* k_choice_clock_tick =
    "how close the loop's millisecond clock was to its next tick when a timer was set: not "
    "close, so the timer waits its whole delay | about to tick, so the timer's first "
    "millisecond is nearly over and it can be due almost a millisecond sooner (a 1 ms timer "
    "is due at the next timers phase)";

// The same choice where the modelled clock is already part-way into its millisecond when the
// timer is set (by at least k_clock_partly_over_ns): the first option keeps that, and the
// third moves the clock to the start of a fresh millisecond, as a process whose clock ticked
// just before would have it.
inline constexpr const char* k_choice_clock_phase =
    "how close the loop's millisecond clock was to its next tick when a timer was set: as "
    "modelled, part of its millisecond over | about to tick, so the timer's first "
    "millisecond is nearly over and it can be due almost a millisecond sooner (a 1 ms timer "
    "is due at the next timers phase) | not close, so the timer waits its whole delay";
inline constexpr int64_t k_clock_partly_over_ns = 100'000;

// The choice point at the loop's refresh before a timers phase, when a timer is due at the
// very next millisecond: the clock's tick may fall anywhere, so also between two refreshes
// after the timer was set.
inline constexpr const char* k_choice_clock_ticked_before_timers =
    "whether the loop's millisecond clock ticked just before this timers phase: not yet | "
    "yes, so a timer due at the next millisecond is due now";
// How many timers phases in a row, within one millisecond of the loop's clock, offer that
// choice: a loop turning faster than that (a chain of immediates) has the tick at a later
// phase only in the model's own timing.
inline constexpr int k_tick_offers_per_window = 4;
// How far the clock choices may put the loop's clock ahead of the model's own timing, in
// all: one millisecond at timer starts in the main script, two once the loop runs (at timer
// starts and before timers phases). Node's first loop iterations pay every first-call cost
// at once (V8 compiling Node's code and the program's), and in fuzzed programs node's clock
// ticked twice where the model runs well under a millisecond: a 1 ms timer due at one timers
// phase and another, set after that tick, due two iterations later; or a timeout and an
// interval set in one drain of microtasks both due in that same timers phase.
inline constexpr int64_t k_clock_lead_in_script_ns = 1'000'000;
inline constexpr int64_t k_clock_lead_in_loop_ns = 2'000'000;

// The choice point of a slow start: how long the process took, after the main script, to
// reach the loop's first look at the timers. A loaded machine stretches it by milliseconds,
// so a short timer can already be due there (node ran a 3 ms timer before the first
// immediate in 6 of 50 runs of probe d01).
inline constexpr const char* k_choice_slow_start =
    "how long start-up took between the end of the main script and the loop's first look at "
    "the timers: as modelled | slower (a loaded machine), so that the first timer, due "
    "within a few milliseconds, is already due";
// How far ahead a timer may be due and still be offered by that choice (from 2 ms: a timer
// due at the next millisecond is already the clock-tick choice's).
inline constexpr int64_t k_slow_start_window_ms = 5;

class Loop {
public:
    Loop(sim::Simulation& sim, const UvProfile& profile);
    Loop(const Loop&) = delete;
    Loop& operator=(const Loop&) = delete;
    ~Loop();

    const UvProfile& profile() const { return m_profile; }
    sim::Simulation& simulation() { return m_sim; }
    void set_observer(LoopObserver* observer) { m_observer = observer; }

    // The monotonic clock's reading at virtual time zero. Real clocks are not aligned to
    // millisecond boundaries; where a process starts within its millisecond decides whether
    // a 1 ms timer is already due when the loop first looks (the classic timeout-vs-immediate
    // race). The model chooses it; tests set it.
    void set_clock_origin(sim::SimTime origin);
    // Make every refresh for a timer's start (TimeUpdate::Explicit, Node's getLibuvNow) a
    // choice point (k_choice_clock_tick): option 1 moves the origin forward so that this
    // moment is 1 ns before a millisecond boundary. Where this moment is already at least
    // k_clock_partly_over_ns into its millisecond, the point has a third option
    // (k_choice_clock_phase): the origin moves forward to the next boundary, so that the
    // timer waits its whole delay. The origin only moves forward, so readings never go
    // back; it stays under k_clock_lead_in_script_ns until run() is first entered and under
    // k_clock_lead_in_loop_ns after, and an option that would break that bound is not
    // offered.
    void choose_clock_ticks_at_timer_starts() { m_choose_ticks = true; }
    // Make the first run() a choice point (k_choice_slow_start) when a timer is due within
    // k_slow_start_window_ms: option 1 spends main-thread time until it is due.
    void choose_slow_start() { m_choose_slow_start = true; }
    // Called as the poll phase begins with a bounded timeout (the thread pool offers its
    // "already done" choice point there, ThreadPool::on_poll_entry).
    void set_poll_entry_hook(std::function<void()> hook) { m_poll_entry_hook = std::move(hook); }
    // Called when poll's wait is ended by an async send (a thread-pool job done), before the
    // completions are taken: the main thread is only now waking up, and work that finishes
    // meanwhile is taken with them (the thread pool notes the time, ThreadPool::on_async_wake,
    // and offers that choice point once the completions' callbacks have run).
    void set_async_wake_hook(std::function<void()> hook) { m_async_wake_hook = std::move(hook); }

    // uv_now: the cached loop time in milliseconds. update_time is uv_update_time.
    int64_t now_ms() const { return m_time_ms; }
    // uv_metrics_idle_time: how long poll has blocked in all, from entering its waiting
    // epoll_wait (one with a timeout other than 0) to being woken or timing out. Node reads
    // it for performance.nodeTiming.idleTime and eventLoopUtilization().
    sim::SimTime idle_time() const { return m_idle_time; }
    void update_time(TimeUpdate site = TimeUpdate::Explicit);
    // The loop time a refresh at virtual time `at` would give.
    int64_t loop_time_at(sim::SimTime at) const;

    // Handles. register_handle gives a handle its id; every other call needs a registered one.
    void register_handle(Handle& handle);
    void timer_start(TimerHandle& timer, int64_t timeout_ms, int64_t repeat_ms);
    void timer_stop(TimerHandle& timer);
    void watcher_start(WatcherHandle& watcher);
    void watcher_stop(WatcherHandle& watcher);
    void async_send(AsyncHandle& async);
    void ref(Handle& handle);
    void unref(Handle& handle);
    // uv_close: stops the handle and schedules `callback` for the close phase. Close callbacks
    // of one iteration run in reverse order of their close() calls (libuv keeps a stack).
    void close(Handle& handle, HandleCallback callback);

    // Active requests (fs, dns, work...) keep the loop alive while in flight.
    void request_started() { ++m_active_requests; }
    void request_finished();
    uint64_t active_requests() const { return m_active_requests; }

    // uv__io_feed: a callback for the next pending phase.
    void feed_pending(std::string label, HandleCallback callback);
    // The OS (another actor) made something ready; poll delivers it.
    void post_ready(ReadyEvent event);

    // Runs kernel events (other actors) whose time has come, without moving the clock. The
    // main thread calls it before touching state shared with other actors.
    void catch_up();

    bool is_alive() const;
    // uv__backend_timeout: how long poll may block, in ms; -1 means until an event arrives.
    int64_t backend_timeout() const;
    RunResult run();
    void stop() { m_stop = true; }

    Phase phase() const { return m_phase; }
    // How many phases have begun so far: two calls in the same phase see the same count.
    uint64_t phases_entered() const { return m_phases_entered; }
    bool is_in_phase() const { return m_in_phase; }
    uint64_t iteration() const { return m_iteration; }
    // Handles that keep the loop alive, by label in id order: for "waits forever" messages.
    std::vector<std::string> live_handle_labels() const;

private:
    using TimerKey = std::pair<int64_t, uint64_t>; // (due ms, start id)

    void run_one_iteration();
    void offer_slow_start();
    void run_timers();
    void run_pending();
    void run_watchers(Phase phase, std::vector<WatcherHandle*>& list);
    void poll(int64_t timeout_ms);
    void deliver_ready();
    void run_closing_handles();

    void enter(Phase phase);
    void leave(Phase phase);
    void activate(Handle& handle);
    void deactivate(Handle& handle);
    std::vector<WatcherHandle*>& watchers_of(HandleType type);

    sim::Simulation& m_sim;
    UvProfile m_profile;
    LoopObserver* m_observer = nullptr;
    sim::SimTime m_clock_origin;
    bool m_choose_ticks = false;
    bool m_choose_slow_start = false;
    bool m_entered_run = false; // run() was entered: the clock's lead may reach 2 ms
    std::function<void()> m_poll_entry_hook;
    std::function<void()> m_async_wake_hook;
    int64_t m_time_ms = 0;
    sim::SimTime m_idle_time{};
    bool m_stop = false;
    bool m_waits_forever = false;
    Phase m_phase = Phase::Timers;
    bool m_in_phase = false;
    uint64_t m_phases_entered = 0;
    // The clock-tick choice before timers phases (k_choice_clock_ticked_before_timers) is
    // offered at most k_tick_offers_per_window times while the loop time reads
    // m_tick_window_reading and the first timer is due at m_tick_window_due.
    int64_t m_tick_window_due = -1;
    int64_t m_tick_window_reading = -1;
    int m_tick_offers_left = 0;
    uint64_t m_iteration = 0;

    uint64_t m_next_handle_id = 1;
    uint64_t m_timer_counter = 0;      // libuv's loop->timer_counter: start ids
    uint64_t m_active_ref_handles = 0; // active and referenced
    uint64_t m_active_requests = 0;

    std::map<TimerKey, TimerHandle*> m_timers; // the timer heap, ordered by (due, start id)
    std::vector<WatcherHandle*> m_idle;        // most recently started first, as uv_*_start
    std::vector<WatcherHandle*> m_prepare;
    std::vector<WatcherHandle*> m_check;
    uint64_t m_watcher_generation = 0;
    std::vector<AsyncHandle*> m_asyncs; // in creation order (uv__async_io walks them so)
    bool m_async_fd_ready = false;      // the loop's eventfd has been written
    std::deque<ReadyEvent> m_pending;
    std::deque<ReadyEvent> m_ready;
    std::vector<Handle*> m_closing; // a stack: back() was closed last
    std::vector<Handle*> m_handles; // every registered handle, in id order
};

} // namespace loopsim::uv
