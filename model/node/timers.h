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
#include "model/node/task.h"
#include "model/uv/handle.h"

#include <cstdint>
#include <list>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>

namespace loopsim::node {

class Environment;
struct TimersList;

// A Timeout object (what setTimeout returns).
struct Timeout : std::enable_shared_from_this<Timeout> {
    uint64_t id = 0;             // async id: the number `+timeout` gives
    double idle_timeout = 1;     // the coerced delay, fraction kept (-1 once cleared)
    double repeat = 0;           // setInterval: the interval; 0 for setTimeout
    int64_t idle_start = 0;      // loop time (ms since the environment started) when inserted
    bool has_callback = true;    // false once cleared (Node nulls _onTimeout)
    bool destroyed = false;
    bool referenced = true;
    Task callback;
    // Position in its list, while linked.
    TimersList* list = nullptr;
    std::list<Timeout*>::iterator position;
};

struct TimersList {
    int64_t msecs = 0;
    int64_t expiry = 0;
    int64_t id = 0;
    std::list<Timeout*> items; // front: oldest
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

    std::shared_ptr<Timeout> set_timeout(Task callback, double delay);
    std::shared_ptr<Timeout> set_interval(Task callback, double delay);
    void clear(Timeout& timer);
    void refresh(Timeout& timer);
    void ref(Timeout& timer);
    void unref(Timeout& timer);

    // Live ref'd timeouts (timeoutInfo[0]).
    int64_t ref_count() const { return m_ref_count; }
    // The handle libuv runs for every JavaScript timer.
    uv::TimerHandle& handle() { return *m_handle; }

private:
    friend class Environment;
    std::shared_ptr<Timeout> create(Task callback, double delay, bool repeat);
    void insert(Timeout& timer, double msecs, int64_t start);
    void unlink(Timeout& timer);
    void unenroll(Timeout& timer);
    void schedule_handle(int64_t msecs);
    void adjust_ref_count(int delta);

    // Environment::RunTimers, processTimers and listOnTimeout.
    void run_timers();
    CallResult process_timers(int64_t now, int64_t& next);
    CallResult list_on_timeout(TimersList& list, int64_t now);

    using QueueKey = std::pair<int64_t, int64_t>; // (expiry, id)
    Environment& m_env;
    std::unique_ptr<uv::TimerHandle> m_handle;
    // Lists are shared: a timer callback may drop the list that is being run.
    std::map<int64_t, std::shared_ptr<TimersList>> m_lists; // timerListMap, by duration
    std::map<QueueKey, std::shared_ptr<TimersList>> m_queue; // timerListQueue
    int64_t m_next_list_id = -9007199254740991;              // Number.MIN_SAFE_INTEGER
    double m_next_expiry = 1.0 / 0.0;                        // nextExpiry (Infinity)
    int64_t m_ref_count = 0;
    uint64_t m_next_async_id = 0;
    // Keeps every Timeout that is not destroyed alive, as the lists do in Node: a timer
    // fires even when the script kept no reference to it.
    std::map<uint64_t, std::shared_ptr<Timeout>> m_live;
};

} // namespace loopsim::node
