// Node's timers: lists per duration in a priority queue, on one libuv timer handle.
// Each function names the Node function it follows (lib/internal/timers.js, lib/timers.js,
// src/env.cc); the rules are listed in docs/node-model.md.
#include "model/node/timers.h"

#include "model/node/environment.h"
#include "model/node/tracer.h"
#include "sim/assert.h"
#include "sim/simulation.h"

#include <cmath>
#include <cstdlib>
#include <string>
#include <utility>

namespace loopsim::node {

namespace {
constexpr double k_timeout_max = 2147483647.0; // 2^31 - 1
} // namespace

Timers::Timers(Environment& env) : m_env(env), m_pool(env.record_memory()) {
    // Environment::InitializeLibuv: one uv timer for every JS timer, unref'd until a ref'd
    // Timeout exists.
    m_handle = std::make_unique<uv::TimerHandle>("Node's timer handle", [this] { run_timers(); });
    m_env.loop().register_handle(*m_handle);
    m_env.loop().unref(*m_handle);
}

Timers::~Timers() = default; // the pool holds every Timeout

// Back to the pool, unless its callback is still running (then when it returns).
void Timers::release(Timeout& timer) {
    if (timer.running) {
        timer.release_when_done = true;
        return;
    }
    if (timer.has_call) m_calls.erase(timer.slot);
    timer.has_call = false;
    timer.host_object = nullptr;
    m_pool.give_back(timer);
}

Timeout* Timers::live_at(uint32_t slot) {
    Timeout* timer = m_pool.in_use_at(slot);
    return timer && !timer->destroyed ? timer : nullptr;
}

// The Timeout constructor: `after *= 1`; outside [1, TIMEOUT_MAX] it becomes 1.
Timers::Delay Timers::coerce_delay(double after) {
    if (after >= 1 && after <= k_timeout_max) return {after, false};
    return {1, after > k_timeout_max};
}

Timeout* Timers::set_timeout(Task callback, double delay) {
    return create(std::move(callback), delay, false);
}

Timeout* Timers::set_interval(Task callback, double delay) {
    return create(std::move(callback), delay, true);
}

// A new label counts against the queue budget, and against what a Timeout can name (22
// bits): past either the run stops with the budget's message; the timer has no label.
uint32_t Timers::intern_label(trace::StringId label) {
    if (label == trace::kNoString) return 0;
    if (auto it = m_label_index.find(label); it != m_label_index.end()) return it->second;
    const auto index = static_cast<uint32_t>(m_labels.size()); // 0 is the empty label
    m_env.simulation().note_queue_length("timer label pool", index, k_label_capacity);
    if (index > k_label_capacity) return 0;
    m_label_index.emplace(label, index);
    m_labels.push_back(label);
    return index;
}

// Takes what a Timeout keeps of its Task: the call, the label (interned) and the flag.
void Timers::adopt(Timeout& timer, Task& callback) {
    timer.label = intern_label(callback.label);
    if (callback.call) {
        m_calls[timer.slot] = std::move(callback.call);
        timer.has_call = true;
    }
    timer.internal = callback.internal;
}

Timeout* Timers::create(Task callback, double delay, bool repeat) {
    Timeout* timer = &m_pool.take();
    timer->idle_timeout = coerce_delay(delay).value;
    timer->repeat = repeat;
    adopt(*timer, callback);
    adjust_ref_count(+1); // incRefCount
    timer->id = m_env.new_async_id();
    const int64_t start = m_env.get_libuv_now();
    if (Tracer* t = m_env.tracer()) {
        trace::Reason reason;
        reason.code = trace::ReasonCode::TimerQueued;
        const auto msecs = static_cast<int64_t>(timer->idle_timeout);
        reason.args = {msecs, start, start + msecs};
        t->created(timer->id, trace::Queue::Timers, label_of(*timer), reason);
    }
    insert(*timer, timer->idle_timeout, start);
    return timer;
}

Timeout* Timers::revive(Task callback, double idle_timeout, bool repeat, bool referenced,
                        bool has_callback) {
    Timeout* timer = &m_pool.take();
    timer->idle_timeout = idle_timeout;
    timer->repeat = repeat;
    timer->referenced = referenced;
    timer->has_callback = has_callback;
    timer->destroyed = true;
    adopt(*timer, callback);
    // refresh() of a destroyed timer: a fresh start and a new async id.
    insert(*timer, timer->idle_timeout, m_env.get_libuv_now());
    timer->destroyed = false;
    timer->id = m_env.new_async_id();
    if (timer->referenced) adjust_ref_count(+1);
    return timer;
}

void Timers::adjust_ref_count(int delta) {
    // incRefCount / decRefCount: the handle is ref'd while a ref'd Timeout lives.
    if (delta > 0 && m_ref_count++ == 0) m_env.loop().ref(*m_handle);
    if (delta < 0 && --m_ref_count == 0) m_env.loop().unref(*m_handle);
}

// insert(item, msecs, start): append to the list for trunc(msecs), creating the list (and
// re-arming the handle if it expires before the armed deadline) when there is none.
void Timers::insert(Timeout& timer, double msecs_value, int64_t start) {
    const auto msecs = static_cast<int64_t>(std::trunc(msecs_value));
    timer.idle_start = start;
    auto it = m_lists.find(msecs);
    if (it == m_lists.end()) {
        auto list = std::make_shared<TimersList>();
        list->msecs = msecs;
        list->expiry = start + msecs;
        list->id = m_next_list_id++;
        TimersList* raw = list.get();
        m_queue.emplace(QueueKey{raw->expiry, raw->id}, list);
        it = m_lists.emplace(msecs, std::move(list)).first;
        if (m_next_expiry > static_cast<double>(raw->expiry)) {
            schedule_handle(msecs);
            m_next_expiry = static_cast<double>(raw->expiry);
        }
    }
    TimersList& list = *it->second;
    unlink(timer); // L.append removes the item from wherever it was
    timer.linked = true;
    timer.prev = list.tail;
    timer.next = Timeout::k_no_slot;
    if (list.tail != Timeout::k_no_slot)
        at(list.tail).next = timer.slot;
    else
        list.head = timer.slot;
    list.tail = timer.slot;
}

// A linked timer is in the list its duration maps to: a list leaves the map only empty.
void Timers::unlink(Timeout& timer) {
    if (!timer.linked) return;
    auto it = m_lists.find(static_cast<int64_t>(std::trunc(timer.idle_timeout)));
    LOOPSIM_ASSERT(it != m_lists.end(), "a linked timer's list is in the map");
    unlink(timer, *it->second);
}

void Timers::unlink(Timeout& timer, TimersList& list) {
    if (!timer.linked) return;
    if (timer.prev != Timeout::k_no_slot)
        at(timer.prev).next = timer.next;
    else
        list.head = timer.next;
    if (timer.next != Timeout::k_no_slot)
        at(timer.next).prev = timer.prev;
    else
        list.tail = timer.prev;
    timer.prev = timer.next = Timeout::k_no_slot;
    timer.linked = false;
}

// The timer is destroyed: tell the host, then give it back to the pool.
void Timers::destroy(Timeout& timer) {
    if (m_destroy_hook) m_destroy_hook(timer);
    release(timer);
}

void Timers::schedule_handle(int64_t msecs) {
    // ScheduleTimer: uv_timer_start relative to the (just refreshed) loop time.
    m_env.loop().timer_start(*m_handle, msecs, 0);
}

// unenroll (lib/timers.js): a ref'd timer whose list empties takes the list with it.
void Timers::unenroll(Timeout& timer) {
    if (timer.destroyed) return;
    timer.destroyed = true;
    unlink(timer);
    if (timer.referenced) {
        auto it = m_lists.find(static_cast<int64_t>(std::trunc(timer.idle_timeout)));
        if (it != m_lists.end() && it->second->empty()) {
            TimersList& list = *it->second;
            m_queue.erase(QueueKey{list.expiry, list.id});
            m_lists.erase(it);
        }
        adjust_ref_count(-1);
    }
    timer.idle_timeout = -1;
    destroy(timer);
}

void Timers::clear(Timeout& timer) {
    // clearTimeout: only a timer that still has its callback.
    if (!timer.has_callback) return;
    timer.has_callback = false;
    if (Tracer* t = m_env.tracer(); t && !timer.destroyed)
        t->cancelled(timer.id, trace::Queue::Timers);
    unenroll(timer);
}

void Timers::refresh(Timeout& timer) {
    // refresh() -> insertGuarded(item, refed): re-insert with a fresh start.
    LOOPSIM_ASSERT(!timer.destroyed, "refresh() of a destroyed timer (use revive())");
    if (timer.idle_timeout < 0) return;
    insert(timer, timer.idle_timeout, m_env.get_libuv_now());
}

void Timers::ref(Timeout& timer) {
    if (timer.referenced) return;
    timer.referenced = true;
    if (!timer.destroyed) adjust_ref_count(+1);
}

void Timers::unref(Timeout& timer) {
    if (!timer.referenced) return;
    timer.referenced = false;
    if (!timer.destroyed) adjust_ref_count(-1);
}

// Environment::RunTimers (src/env.cc): one `now` for the whole phase; processTimers again
// with the same `now` after a throw the process survived; then re-arm the handle.
void Timers::run_timers() {
    uv::Loop& loop = m_env.loop();
    if (loop.phases_entered() == m_last_run_phase) {
        // uv__run_timers looks at its heap again after every callback. The handle was
        // re-armed below before the scope drained the last timer's ticks and microtasks; if
        // those read the clock past its due time, it is due again in the same phase.
        if (Tracer* t = m_env.tracer()) {
            t->note(
                "libuv looks at its timers again after each one it runs, and Node's libuv timer "
                "is due again: Node re-armed it for loop time " +
                std::to_string(m_handle->due_ms()) +
                " ms before the ticks and microtasks of its last timer ran, and reading the "
                "clock since moved the loop time to " +
                std::to_string(loop.now_ms()) +
                " ms. So Node runs its timers again in this timers phase");
        }
    }
    m_last_run_phase = loop.phases_entered();
    m_env.enter_scope();
    const int64_t now = m_env.get_libuv_now();
    int64_t next = 0;
    while (process_timers(now, next) == CallResult::Threw) {
        if (!m_env.can_call_into_js()) break;
    }
    if (!m_env.can_call_into_js()) {
        m_env.leave_scope(ScopeEnd::Normal);
        return;
    }
    if (next != 0) {
        const int64_t elapsed = m_env.loop().now_ms() - m_env.timer_base(); // cached, not refreshed
        const int64_t duration = std::llabs(next) - elapsed;
        schedule_handle(duration > 0 ? duration : 1);
        if (next > 0)
            m_env.loop().ref(*m_handle);
        else
            m_env.loop().unref(*m_handle);
    } else {
        m_env.loop().unref(*m_handle);
    }
    m_env.leave_scope(ScopeEnd::Normal);
}

// processTimers(now): lists in (expiry, id) order while due; ticks and microtasks drain
// before every list but the first. `next` gets +-nextExpiry (sign: any ref'd timer left).
CallResult Timers::process_timers(int64_t now, int64_t& next) {
    m_next_expiry = 1.0 / 0.0;
    bool ran_at_least_one_list = false;
    while (!m_queue.empty()) {
        std::shared_ptr<TimersList> held = m_queue.begin()->second;
        TimersList& list = *held;
        if (list.expiry > now) {
            m_next_expiry = static_cast<double>(list.expiry);
            next = m_ref_count > 0 ? list.expiry : -list.expiry;
            return CallResult::Returned;
        }
        if (ran_at_least_one_list) {
            frames::Scope scope(m_env.frame_hooks(), frames::k_process_timers_ticks);
            if (m_env.queues().run_next_ticks() == CallResult::Threw) return CallResult::Threw;
            if (!m_env.can_call_into_js()) return CallResult::Returned;
        } else {
            ran_at_least_one_list = true;
        }
        frames::Scope scope(m_env.frame_hooks(), frames::k_process_timers_list);
        if (list_on_timeout(list, now) == CallResult::Threw) return CallResult::Threw;
        if (!m_env.can_call_into_js()) return CallResult::Returned;
    }
    next = 0;
    return CallResult::Returned;
}

// Timers fire in the order of their lists, not in the order their records, objects and
// callbacks were made: with 200 k timers of random delays, each of those is a cache miss
// (the load of the timer's object alone was a fifth of bench/programs/06's time). Before
// a timer runs, this walks the timers after it in its list and prefetches, for each, the
// one thing whose address the step before made readable: the record of the fourth, the
// object of the third, the callback of the second (the host reads it from the object),
// the callback's scope for the first. A callback takes longer than a miss, so each is in
// the cache by the time the next step reads it. Prefetches are hints: nothing here
// changes what runs, or in which order.
void Timers::prefetch_ahead(const Timeout& current, const TimersList& list) {
    // The timer after was made right after this one: its record, object and callback lie
    // just after this one's, where the hardware's own prefetcher is already reading.
    if (list.head == current.slot + 1) return;
    constexpr uint32_t k_depth = 4;
    uint32_t slots[k_depth];
    uint32_t count = 0;
    for (uint32_t slot = list.head; slot != Timeout::k_no_slot; slot = at(slot).next) {
        slots[count++] = slot;
        if (count == k_depth) break; // the last record is not read: it is what is prefetched
    }
    if (count == k_depth) __builtin_prefetch(&at(slots[k_depth - 1]));
    if (count >= k_depth - 1 && at(slots[k_depth - 2]).host_object)
        __builtin_prefetch(at(slots[k_depth - 2]).host_object);
    if (m_host_prefetch == nullptr) return;
    for (uint32_t i = 0; i < 2 && i < count; ++i) {
        const Timeout& timer = at(slots[i]);
        if (timer.host_object && !timer.has_call)
            m_host_prefetch(m_host_prefetch_context, timer, static_cast<int>(i));
    }
}

// listOnTimeout(list, now): run the list's due timers oldest first; on the first one not
// yet due, reschedule the list with a new id (it now loses ties to older lists).
CallResult Timers::list_on_timeout(TimersList& list, int64_t now) {
    const int64_t msecs = list.msecs;
    bool ran_at_least_one_timer = false;
    while (!list.empty()) {
        Timeout& timer = at(list.head);
        if (now - timer.idle_start < msecs) {
            auto node = m_queue.extract(QueueKey{list.expiry, list.id});
            list.expiry = std::max(timer.idle_start + msecs, now + 1);
            list.id = m_next_list_id++;
            if (!node.empty()) {
                node.key() = QueueKey{list.expiry, list.id};
                m_queue.insert(std::move(node));
            }
            return CallResult::Returned;
        }
        if (ran_at_least_one_timer) {
            frames::Scope scope(m_env.frame_hooks(), frames::k_list_on_timeout_ticks);
            if (m_env.queues().run_next_ticks() == CallResult::Threw) return CallResult::Threw;
            if (!m_env.can_call_into_js()) return CallResult::Returned;
        } else {
            ran_at_least_one_timer = true;
        }
        unlink(timer, list);
        prefetch_ahead(timer, list);
        if (!timer.has_callback) {
            if (!timer.destroyed) {
                timer.destroyed = true;
                if (timer.referenced) --m_ref_count;
                destroy(timer);
            }
            continue;
        }
        int64_t start = 0;
        if (timer.repeat) start = m_env.get_libuv_now();
        trace::Reason reason;
        reason.code = trace::ReasonCode::TimerExpired;
        reason.args = {msecs, timer.idle_start + msecs, m_env.loop().now_ms() - m_env.timer_base()};
        CallResult result;
        {
            // The Task the environment runs: the timer's call, lent for the duration, or
            // its host's call.
            Task task{.id = timer.id, .label = label_of(timer), .internal = timer.internal};
            bool lent = false;
            if (timer.has_call) {
                task.call = std::move(m_calls[timer.slot]);
                lent = true;
            } else if (timer.host_object != nullptr && m_host_call)
                task.call = [this, &timer] { return m_host_call(timer); };
            frames::Scope scope(m_env.frame_hooks(), frames::k_list_on_timeout_call);
            timer.running = true; // a clear() inside keeps the slot until the call returns
            result = m_env.invoke(task, trace::Queue::Timers, reason);
            timer.running = false;
            // Back in the table unless the timer let go of it meanwhile (released).
            if (lent && timer.has_call) m_calls[timer.slot] = std::move(task.call);
        }
        // The `finally` of listOnTimeout runs whether or not the callback threw.
        if (timer.repeat && timer.idle_timeout != -1) { // _idleTimeout = _repeat: the same delay
            insert(timer, timer.idle_timeout, start);
        } else if (!timer.linked && !timer.destroyed) {
            timer.destroyed = true;
            if (timer.referenced) --m_ref_count; // not decRefCount: RunTimers fixes the ref
            destroy(timer);
        } else if (timer.release_when_done) {
            timer.release_when_done = false;
            release(timer); // destroyed (cleared) while its callback ran
        }
        if (result == CallResult::Threw) return CallResult::Threw;
        if (!m_env.can_call_into_js()) return CallResult::Returned;
    }
    // The list ran dry: drop it, if the map still points to it.
    auto it = m_lists.find(msecs);
    if (it != m_lists.end() && it->second.get() == &list) {
        m_queue.erase(QueueKey{list.expiry, list.id});
        m_lists.erase(it);
    }
    return CallResult::Returned;
}

} // namespace loopsim::node
