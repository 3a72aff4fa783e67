#pragma once
// Timers: setTimeout/setInterval as Node implements them (lib/internal/timers.js,
// lib/timers.js, src/env.cc RunTimers), on one libuv timer handle.
//
// Timeouts live in lists, one per whole-millisecond duration; each list is an insertion-
// ordered queue with an expiry and an id, and the lists sit in a priority queue ordered by
// (expiry, id). Ids come from one counter bumped whenever a list is created *or*
// rescheduled, so a list that already fired loses ties to lists made before that. A timer's
// start is the fresh loop time at creation (creating a timer refreshes libuv's clock). One
// `now` serves a whole timers phase. Between two timer callbacks Node runs the nextTick
// queue and microtasks (run_next_ticks). See docs/node-model.md for every rule and source.
//
// Memory: Timeouts live in a pool Timers owns (chunks of 1024, slots reused), linked into
// their lists in place: a pending timer is 48 bytes and no allocation of its own. A label is
// the trace's string id, kept (only with a trace) in a pool a 22-bit index names. A Timeout
// links to its neighbours by pool slot and keeps its flags in bits; the callback of a timer
// its host does not call sits in a table by slot (few timers have one). A timer that
// is destroyed (it fired, or was cleared) goes back to the pool: a Timeout* is valid until
// then (while its callback runs, until the callback returns).
#include "model/node/slot_pool.h"
#include "model/node/task.h"
#include "model/uv/handle.h"
#include "traces/string_pool.h"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace loopsim::node {

class Environment;
struct TimersList;

// A Timeout object (what setTimeout returns).
struct Timeout {
    uint64_t id = 0;         // async id: the number `+timeout` gives
    double idle_timeout = 1; // the coerced delay, fraction kept (-1 once cleared)
    int64_t idle_start = 0;  // loop time (ms since the environment started) when inserted
    // The host's object for this timer (null: none). Timers reads it only to call the timer
    // (set_host_call) and to list the objects of pending timers (for_each_host_object); a
    // host finds its timer again by `slot`.
    void* host_object = nullptr;
    // Neighbours in its list while linked (an intrusive doubly linked list), by pool slot.
    static constexpr uint32_t k_no_slot = 0xffffffff;
    uint32_t prev = k_no_slot;
    uint32_t next = k_no_slot;
    uint32_t slot = 0;            // its place in Timers' pool (Timers::live_at)
    uint32_t label : 22 = 0;      // the callback's label, by index in Timers' label pool
    bool linked : 1 = false;      // in the list of its duration (the one m_lists maps it to)
    bool has_callback : 1 = true; // false once cleared (Node nulls _onTimeout)
    bool destroyed : 1 = false;
    bool referenced : 1 = true;
    bool repeat : 1 = false;   // setInterval: it runs again every idle_timeout ms (Node's _repeat)
    bool internal : 1 = false; // Task::internal of the callback
    bool has_call : 1 = false; // its callback is in Timers' table (not called by its host)
    // The pool's own state: the slot is taken; the callback is running (a destroyed timer
    // goes back to the pool only when it returns); it was destroyed while running.
    bool in_use : 1 = false;
    bool running : 1 = false;
    bool release_when_done : 1 = false;
};
static_assert(sizeof(Timeout) == 48, "a pending timer's size is part of the memory figures");

struct TimersList {
    int64_t msecs = 0;
    int64_t expiry = 0;
    int64_t id = 0;
    uint32_t head = Timeout::k_no_slot; // oldest, by pool slot
    uint32_t tail = Timeout::k_no_slot;
    bool empty() const { return head == Timeout::k_no_slot; }
};

class Timers {
public:
    explicit Timers(Environment& env);
    ~Timers();

    // The Timeout constructor's delay coercion: anything not in [1, 2^31-1] becomes 1;
    // above 2^31-1 the caller must also emit a TimeoutOverflowWarning (returned flag).
    struct Delay {
        double value;
        bool overflowed;
    };
    static Delay coerce_delay(double after);

    // Each gives the new timer, valid until it is destroyed (see Memory above).
    Timeout* set_timeout(Task callback, double delay);
    Timeout* set_interval(Task callback, double delay);
    void clear(Timeout& timer);
    // refresh() of a timer that is not destroyed: re-inserted with a fresh start.
    void refresh(Timeout& timer);
    void ref(Timeout& timer);
    void unref(Timeout& timer);
    // refresh() of a timer that was destroyed and that its host no longer kept: a new
    // Timeout with the state the old one had (`idle_timeout` >= 0), re-inserted with a fresh
    // start and a new async id, exactly as refresh() re-inserts a destroyed timer.
    Timeout* revive(Task callback, double idle_timeout, bool repeat, bool referenced,
                    bool has_callback);

    // The timer in pool slot `slot`, if that slot holds one that is not destroyed.
    Timeout* live_at(uint32_t slot);
    // Calls fn(host_object) for every timer not destroyed that has a host object, in slot
    // order (a host's collector roots).
    template <typename Fn> void for_each_host_object(Fn&& fn) const {
        m_pool.for_each_in_use([&fn](const Timeout& t) {
            if (!t.destroyed && t.host_object) fn(t.host_object);
        });
    }

    // Called once for each timer at the moment it becomes destroyed (it fired and was not
    // re-inserted, it was cleared, or it was skipped as cleared), before Timers lets go of it.
    void set_destroy_hook(std::function<void(Timeout&)> hook) { m_destroy_hook = std::move(hook); }
    // Calls a timer that has a host index and no call of its own (the host's object per timer
    // holds what it calls).
    void set_host_call(std::function<CallResult(Timeout&)> call) { m_host_call = std::move(call); }
    // Asks the host to prefetch what calling `timer` will read, one step at a time (see
    // Timers::prefetch_ahead): step 2, the host object (whose address Timers knows, so it
    // prefetches it itself); step 1, what the object points to (the callback function);
    // step 0, what that points to (the function's scope). At step N the host may read what
    // step N+1 prefetched: the timer is live and linked, so its object is too.
    void set_host_prefetch(void (*prefetch)(void* host, const Timeout& timer, int step),
                           void* host) {
        m_host_prefetch = prefetch;
        m_host_prefetch_context = host;
    }
    // A timer's label: its id in the trace's string pool (kNoString without a trace).
    trace::StringId label_of(const Timeout& timer) const { return m_labels[timer.label]; }

    // Live ref'd timeouts (timeoutInfo[0]).
    int64_t ref_count() const { return m_ref_count; }
    // The handle libuv runs for every JavaScript timer.
    uv::TimerHandle& handle() { return *m_handle; }

private:
    friend class Environment;
    Timeout& at(uint32_t slot) { return m_pool.at(slot); }
    void release(Timeout& timer);
    Timeout* create(Task callback, double delay, bool repeat);
    void adopt(Timeout& timer, Task& callback);
    static constexpr uint32_t k_label_capacity = (1u << 22) - 1; // Timeout::label's range
    uint32_t intern_label(trace::StringId label);
    void insert(Timeout& timer, double msecs, int64_t start);
    void unlink(Timeout& timer);
    void unlink(Timeout& timer, TimersList& list);
    void unenroll(Timeout& timer);
    void destroy(Timeout& timer);
    void schedule_handle(int64_t msecs);
    void adjust_ref_count(int delta);

    // Environment::RunTimers, processTimers and listOnTimeout.
    void run_timers();
    CallResult process_timers(int64_t now, int64_t& next);
    CallResult list_on_timeout(TimersList& list, int64_t now);
    void prefetch_ahead(const Timeout& current, const TimersList& list);

    using QueueKey = std::pair<int64_t, int64_t>; // (expiry, id)
    Environment& m_env;
    std::unique_ptr<uv::TimerHandle> m_handle;
    // Lists are shared: a timer callback may drop the list that is being run.
    std::unordered_map<int64_t, std::shared_ptr<TimersList>> m_lists; // timerListMap, by duration
    std::map<QueueKey, std::shared_ptr<TimersList>> m_queue;          // timerListQueue
    int64_t m_next_list_id = -9007199254740991;                       // Number.MIN_SAFE_INTEGER
    double m_next_expiry = 1.0 / 0.0;                                 // nextExpiry (Infinity)
    int64_t m_ref_count = 0;
    // Loop::phases_entered() at the last run_timers: the same count means that libuv's timers
    // phase called Node's handle again.
    uint64_t m_last_run_phase = UINT64_MAX;
    // Labels (trace ids), each once (index 0: no label).
    std::vector<trace::StringId> m_labels{trace::kNoString};
    std::unordered_map<trace::StringId, uint32_t> m_label_index; // lookup only, never iterated
    std::function<void(Timeout&)> m_destroy_hook;
    std::function<CallResult(Timeout&)> m_host_call;
    void (*m_host_prefetch)(void*, const Timeout&, int) = nullptr;
    void* m_host_prefetch_context = nullptr;
    SlotPool<Timeout> m_pool;
    // The callbacks of timers that have one (Task::call), by pool slot.
    std::unordered_map<uint32_t, TaskCall> m_calls; // lookup only, never iterated
};

} // namespace loopsim::node
