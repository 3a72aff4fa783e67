// The libuv loop: uv_run and its phases (libuv src/unix/core.c, timer.c, loop-watcher.c,
// async.c), with the facts in docs/event-loop.md.
#include "model/uv/loop.h"

#include "sim/assert.h"
#include "sim/simulation.h"

#include <algorithm>
#include <array>
#include <optional>
#include <span>

namespace loopsim::uv {

Loop::Loop(sim::Simulation& sim, const UvProfile& profile) : m_sim(sim), m_profile(profile) {
    update_time(TimeUpdate::LoopInit); // uv_loop_init refreshes once
}

Loop::~Loop() = default;

void Loop::set_clock_origin(sim::SimTime origin) {
    m_clock_origin = origin;
    m_time_ms = loop_time_at(m_sim.now());
}

int64_t Loop::loop_time_at(sim::SimTime at) const {
    return (at + m_clock_origin).whole_ms();
}

void Loop::update_time(TimeUpdate site) {
    if (m_choose_ticks && site == TimeUpdate::Explicit) {
        const int64_t origin = m_clock_origin.count_ns();
        const sim::MsPhase phase = sim::ms_phase(m_sim.now().count_ns() + origin);
        const int64_t to_tick = phase.to_tick_ns();
        const int64_t to_fresh_ms = phase.to_fresh_ms_ns();
        const int64_t lead = m_entered_run ? k_clock_lead_in_loop_ns : k_clock_lead_in_script_ns;
        const bool can_tick = to_tick > 0 && origin + to_tick < lead;
        const bool can_restart =
            phase.into_ns >= k_clock_partly_over_ns && origin + to_fresh_ms < lead;
        int64_t shift = 0;
        if (can_tick && can_restart) {
            const size_t chosen = m_sim.choose(3, k_choice_clock_phase);
            shift = chosen == 1 ? to_tick : chosen == 2 ? to_fresh_ms : 0;
        } else if (can_tick) {
            shift = m_sim.choose(2, k_choice_clock_tick) == 1 ? to_tick : 0;
        }
        if (shift > 0) m_clock_origin = sim::SimTime::ns(origin + shift);
    }
    if (m_choose_ticks && site == TimeUpdate::BeforeTimers && !m_timers.empty()) {
        const int64_t origin = m_clock_origin.count_ns();
        const sim::MsPhase phase = sim::ms_phase(m_sim.now().count_ns() + origin);
        const int64_t shift = phase.to_fresh_ms_ns();
        const int64_t reading = loop_time_at(m_sim.now());
        const int64_t due = m_timers.begin()->first.first;
        if (due != m_tick_window_due || reading != m_tick_window_reading) {
            m_tick_window_due = due;
            m_tick_window_reading = reading;
            m_tick_offers_left = k_tick_offers_per_window;
        }
        if (shift > 0 && origin + shift < k_clock_lead_in_loop_ns && due == reading + 1 &&
            m_tick_offers_left > 0) {
            --m_tick_offers_left;
            if (m_sim.choose(2, k_choice_clock_ticked_before_timers) == 1)
                m_clock_origin = sim::SimTime::ns(origin + shift);
        }
    }
    int64_t old_ms = m_time_ms;
    m_time_ms = loop_time_at(m_sim.now());
    if (m_observer && old_ms != m_time_ms) m_observer->on_time_update(site, old_ms, m_time_ms);
}

// --- handles -----------------------------------------------------------------------------

void Loop::register_handle(Handle& handle) {
    LOOPSIM_ASSERT(handle.m_id == 0, "a handle is registered once");
    handle.m_id = m_next_handle_id++;
    m_handles.push_back(&handle);
    if (handle.type() == HandleType::Async) {
        // uv_async_init starts the handle at once.
        m_asyncs.push_back(static_cast<AsyncHandle*>(&handle));
        activate(handle);
    }
}

void Loop::activate(Handle& handle) {
    if (handle.m_active) return;
    handle.m_active = true;
    if (handle.m_referenced) ++m_active_ref_handles;
}

void Loop::deactivate(Handle& handle) {
    if (!handle.m_active) return;
    handle.m_active = false;
    if (handle.m_referenced) --m_active_ref_handles;
}

void Loop::ref(Handle& handle) {
    if (handle.m_referenced) return;
    handle.m_referenced = true;
    if (handle.m_active) ++m_active_ref_handles;
}

void Loop::unref(Handle& handle) {
    if (!handle.m_referenced) return;
    handle.m_referenced = false;
    if (handle.m_active) --m_active_ref_handles;
}

void Loop::timer_start(TimerHandle& timer, int64_t timeout_ms, int64_t repeat_ms) {
    LOOPSIM_ASSERT(timer.m_id != 0, "timer registered before start");
    LOOPSIM_ASSERT(!timer.m_closing, "uv_timer_start on a closing handle");
    timer_stop(timer);
    // uv_timer_start: due = loop time + timeout, clamped on overflow; a fresh start id.
    timer.m_due_ms = timeout_ms > INT64_MAX - m_time_ms ? INT64_MAX : m_time_ms + timeout_ms;
    timer.m_repeat_ms = repeat_ms;
    timer.m_start_id = m_timer_counter++;
    m_timers.emplace(TimerKey{timer.m_due_ms, timer.m_start_id}, &timer);
    activate(timer);
}

void Loop::timer_stop(TimerHandle& timer) {
    if (!timer.m_active) return;
    m_timers.erase(TimerKey{timer.m_due_ms, timer.m_start_id});
    deactivate(timer);
}

std::vector<WatcherHandle*>& Loop::watchers_of(HandleType type) {
    switch (type) {
    case HandleType::Idle:
        return m_idle;
    case HandleType::Prepare:
        return m_prepare;
    case HandleType::Check:
        return m_check;
    default:
        break;
    }
    LOOPSIM_ASSERT(false, "not a watcher handle type");
    return m_idle;
}

void Loop::watcher_start(WatcherHandle& watcher) {
    LOOPSIM_ASSERT(watcher.m_id != 0, "watcher registered before start");
    if (watcher.m_active) return;
    auto& list = watchers_of(watcher.type());
    list.insert(list.begin(), &watcher); // uv_*_start inserts at the head
    watcher.m_start_generation = ++m_watcher_generation;
    activate(watcher);
}

void Loop::watcher_stop(WatcherHandle& watcher) {
    if (!watcher.m_active) return;
    auto& list = watchers_of(watcher.type());
    list.erase(std::find(list.begin(), list.end(), &watcher));
    deactivate(watcher);
}

void Loop::async_send(AsyncHandle& async) {
    // uv_async_send coalesces: one pending flag per handle, one eventfd for the loop.
    if (async.m_pending || async.m_closing) return;
    async.m_pending = true;
    m_async_fd_ready = true;
}

void Loop::close(Handle& handle, HandleCallback callback) {
    LOOPSIM_ASSERT(!handle.m_closing && !handle.m_closed, "uv_close called twice");
    switch (handle.type()) {
    case HandleType::Timer:
        timer_stop(static_cast<TimerHandle&>(handle));
        break;
    case HandleType::Idle:
    case HandleType::Prepare:
    case HandleType::Check:
        watcher_stop(static_cast<WatcherHandle&>(handle));
        break;
    case HandleType::Async:
        deactivate(handle);
        std::erase(m_asyncs, static_cast<AsyncHandle*>(&handle));
        break;
    }
    handle.m_closing = true;
    handle.m_close_callback = std::move(callback);
    m_closing.push_back(&handle);
}

void Loop::request_finished() {
    LOOPSIM_ASSERT(m_active_requests > 0, "request finished that never started");
    --m_active_requests;
}

void Loop::feed_pending(std::string label, HandleCallback callback) {
    m_pending.push_back({std::move(label), std::move(callback)});
}

void Loop::post_ready(ReadyEvent event) {
    m_ready.push_back(std::move(event));
}

void Loop::catch_up() {
    (void)m_sim.run_until(m_sim.now()); // a halt is seen by run() through is_halted()
}

std::vector<std::string> Loop::live_handle_labels() const {
    std::vector<std::string> labels;
    for (const Handle* h : m_handles)
        if (h->m_active && h->m_referenced) labels.push_back(h->m_label);
    return labels;
}

// --- liveness and timeout ---------------------------------------------------------------

bool Loop::is_alive() const {
    // uv__loop_alive
    return m_active_ref_handles > 0 || m_active_requests > 0 || !m_pending.empty() ||
           !m_closing.empty();
}

int64_t Loop::backend_timeout() const {
    // uv__backend_timeout: poll must not block when there is work it would delay.
    if (m_stop) return 0;
    if (m_active_ref_handles == 0 && m_active_requests == 0) return 0;
    if (!m_pending.empty() || !m_idle.empty() || !m_closing.empty()) return 0;
    if (m_timers.empty()) return -1; // uv__next_timeout: nothing to wake for but I/O
    int64_t due = m_timers.begin()->first.first;
    if (due <= m_time_ms) return 0;
    return std::min<int64_t>(due - m_time_ms, INT32_MAX);
}

// --- uv_run -------------------------------------------------------------------------------

RunResult Loop::run() {
    m_entered_run = true;
    if (m_choose_slow_start && m_iteration == 0) {
        m_choose_slow_start = false; // the first run only (beforeExit may run the loop again)
        offer_slow_start();
    }
    bool alive = is_alive();
    if (!alive) update_time(TimeUpdate::RunEntry);
    if (m_profile.timers_at_iteration_end &&
        (!m_profile.guard_prerun_timers || (alive && !m_stop))) {
        // libuv >= 1.45 runs due timers once before the first iteration.
        update_time(TimeUpdate::BeforeTimers);
        run_timers();
    }
    while (alive && !m_stop && !m_waits_forever && !m_sim.is_halted()) {
        run_one_iteration();
        alive = is_alive();
    }
    if (m_sim.is_halted()) return RunResult::Halted;
    if (m_waits_forever) return RunResult::WaitsForever;
    if (m_stop) {
        m_stop = false;
        return RunResult::Stopped;
    }
    return RunResult::Drained;
}

void Loop::offer_slow_start() {
    if (m_timers.empty()) return;
    const int64_t due = m_timers.begin()->first.first;
    const int64_t now_ms = loop_time_at(m_sim.now());
    // A timer due at the next millisecond is the clock-tick choice's (a 1 ms timer against
    // setImmediate has that explanation); this one covers the longer ones.
    if (due - now_ms < 2 || due - now_ms > k_slow_start_window_ms) return;
    if (m_sim.choose(2, k_choice_slow_start) != 1) return;
    // The first instant the monotonic clock reads `due` milliseconds.
    const sim::SimTime at = sim::SimTime::ns(due * 1'000'000 - m_clock_origin.count_ns());
    if (at > m_sim.now()) m_sim.advance(at - m_sim.now());
}

// One iteration, one call per phase, in the order of docs/event-loop.md.
void Loop::run_one_iteration() {
    ++m_iteration;
    if (m_observer) m_observer->on_iteration_start(m_iteration);
    if (!m_profile.timers_at_iteration_end) {
        update_time(TimeUpdate::BeforeTimers); // libuv 1.44: timers at the top
        run_timers();
    }
    run_pending();
    run_watchers(Phase::Idle, m_idle);
    run_watchers(Phase::Prepare, m_prepare);
    poll(backend_timeout());
    if (m_profile.flush_pending_after_poll)
        for (int i = 0; i < 8 && !m_pending.empty(); ++i) run_pending();
    run_watchers(Phase::Check, m_check);
    run_closing_handles();
    if (m_profile.timers_at_iteration_end) {
        update_time(TimeUpdate::BeforeTimers);
        run_timers();
    }
    if (m_observer) m_observer->on_iteration_end(m_iteration);
}

void Loop::enter(Phase phase) {
    ++m_phases_entered;
    m_phase = phase;
    m_in_phase = true;
    if (m_observer) m_observer->on_phase_enter(phase);
}

void Loop::leave(Phase phase) {
    m_in_phase = false;
    if (m_observer) m_observer->on_phase_leave(phase);
}

void Loop::run_timers() {
    // uv__run_timers: take the earliest timer while it is due; loop time is not refreshed
    // inside the phase. A repeating timer is re-armed (due = loop time + repeat) before its
    // callback runs.
    enter(Phase::Timers);
    while (!m_timers.empty() && m_stop == false) {
        auto it = m_timers.begin();
        if (it->first.first > m_time_ms) break;
        TimerHandle& timer = *it->second;
        timer_stop(timer);
        if (timer.m_repeat_ms != 0) timer_start(timer, timer.m_repeat_ms, timer.m_repeat_ms);
        timer.m_callback();
    }
    leave(Phase::Timers);
}

void Loop::run_pending() {
    // uv__run_pending: one pass over a snapshot; callbacks fed meanwhile wait for the next.
    enter(Phase::Pending);
    if (!m_pending.empty()) { // (an empty std::deque still allocates: skip it)
        std::deque<ReadyEvent> batch;
        batch.swap(m_pending);
        for (ReadyEvent& e : batch) e.callback();
    }
    leave(Phase::Pending);
}

void Loop::run_watchers(Phase phase, std::vector<WatcherHandle*>& list) {
    // loop-watcher.c: handles started during the phase wait for the next iteration, and a
    // handle stopped before its turn does not run.
    enter(phase);
    const uint64_t generation_at_entry = m_watcher_generation;
    // The snapshot lives on the stack for the usual one or two handles.
    constexpr size_t k_inline = 8;
    std::array<WatcherHandle*, k_inline> inline_snapshot;
    std::vector<WatcherHandle*> heap_snapshot;
    std::span<WatcherHandle* const> snapshot;
    if (list.size() <= k_inline) {
        std::copy(list.begin(), list.end(), inline_snapshot.begin());
        snapshot = std::span<WatcherHandle* const>(inline_snapshot.data(), list.size());
    } else {
        heap_snapshot = list;
        snapshot = heap_snapshot;
    }
    for (WatcherHandle* w : snapshot) {
        if (!w->m_active || w->m_start_generation > generation_at_entry) continue;
        w->m_callback();
    }
    leave(phase);
}

void Loop::poll(int64_t timeout_ms) {
    enter(Phase::Poll);
    const sim::SimTime entered = m_sim.now();
    catch_up();
    if (timeout_ms >= 0 && m_poll_entry_hook) m_poll_entry_hook();
    // With idle-time metrics on (Node sets UV_METRICS_IDLE_TIME) the first epoll_wait has a
    // zero timeout. Only when it finds nothing does libuv refresh the clock and block, for
    // the timeout minus the time that has passed since the loop time was last refreshed.
    if (m_ready.empty() && !m_async_fd_ready) {
        const int64_t base_ms = m_time_ms;
        update_time(TimeUpdate::PollProbe);
        int64_t remaining = timeout_ms < 0 ? -1 : timeout_ms - (m_time_ms - base_ms);
        if (timeout_ms != 0 && (timeout_ms < 0 || remaining > 0)) {
            const sim::SimTime deadline =
                timeout_ms < 0 ? sim::SimTime::max() : m_sim.now() + sim::SimTime::ms(remaining);
            const sim::SimTime wait_started = m_sim.now(); // uv__metrics_set_provider_entry_time
            while (m_ready.empty() && !m_async_fd_ready && !m_sim.is_halted()) {
                std::optional<sim::SimTime> next = m_sim.next_event_time();
                if (!next || *next > deadline) {
                    if (timeout_ms < 0) {
                        m_waits_forever = true;
                        break;
                    }
                    m_sim.advance(deadline - m_sim.now());
                    break;
                }
                if (!m_sim.step()) break;
            }
            if (m_async_fd_ready && m_async_wake_hook) m_async_wake_hook();
            // uv__metrics_update_idle_time; a wait that never ends (nothing can wake it) is
            // not idle time anyone reads.
            if (!m_waits_forever) m_idle_time += m_sim.now() - wait_started;
            update_time(TimeUpdate::AfterPoll);
        }
    } else {
        update_time(TimeUpdate::AfterPoll);
    }
    if (m_observer) m_observer->on_poll(timeout_ms, m_sim.now() - entered);
    if (!m_waits_forever) deliver_ready();
    leave(Phase::Poll);
}

void Loop::deliver_ready() {
    // One epoll batch: what was ready when epoll returned. The loop's eventfd (thread-pool and
    // other async wakeups) comes first: its watcher was registered first. Events posted while
    // the batch runs wait for the next poll.
    if (m_ready.empty() && !m_async_fd_ready) return; // (an empty std::deque still allocates)
    std::deque<ReadyEvent> batch;
    batch.swap(m_ready);
    if (m_async_fd_ready) {
        m_async_fd_ready = false;
        std::vector<AsyncHandle*> asyncs = m_asyncs; // uv__async_io walks them in creation order
        for (AsyncHandle* a : asyncs) {
            if (!a->m_pending) continue;
            a->m_pending = false;
            a->m_callback();
        }
    }
    for (ReadyEvent& e : batch) e.callback();
}

void Loop::run_closing_handles() {
    // uv__run_closing_handles: detach the whole stack and walk it, last closed first.
    enter(Phase::Close);
    std::vector<Handle*> closing;
    closing.swap(m_closing);
    for (auto it = closing.rbegin(); it != closing.rend(); ++it) {
        Handle& h = **it;
        h.m_closing = false;
        h.m_closed = true;
        if (h.m_close_callback) {
            HandleCallback cb = std::move(h.m_close_callback);
            cb();
        }
    }
    leave(Phase::Close);
}

} // namespace loopsim::uv
