#pragma once
// TaskQueues: process.nextTick's queue, the microtask queue, and the drain rules that run
// them (lib/internal/process/task_queues.js, src/api/callback.cc), as docs/node-model.md
// describes.
//
// - next_tick() appends to the tick FIFO (nothing while the process is exiting).
// - enqueue_microtask() appends to the one microtask FIFO shared by promise jobs, await
//   continuations and queueMicrotask (the interpreter never runs jobs itself).
// - process_ticks_and_rejections(): all ticks, then all microtasks, repeated while ticks
//   remain or rejection processing asks for another round. A throwing tick abandons the
//   drain: the rest stays queued for the next drain point.
// - run_next_ticks(): what Node runs between two timers or two immediates.
// - close_scope(): InternalCallbackScope::Close, the drain after every entry from C++ into
//   JavaScript (I/O callbacks, the timers phase, the check phase, the main script).
#include "model/node/task.h"
#include "sim/small_pool.h"
#include "traces/reason.h"

#include <cstdint>
#include <deque>
#include <functional>

namespace loopsim::node {

class Environment;

// How the scope whose close is running ended.
enum class ScopeEnd : uint8_t {
    Normal,
    Failed
};

class TaskQueues {
public:
    explicit TaskQueues(Environment& env);

    void next_tick(Task task);
    void enqueue_microtask(Task task, trace::ReasonCode why = trace::ReasonCode::None);
    bool has_tick_scheduled() const { return !m_ticks.empty(); }
    size_t ticks_queued() const { return m_ticks.size(); }
    size_t microtasks_queued() const { return m_microtasks.size(); }

    // Rejection bookkeeping lives with the interpreter's host; it reports here whether a
    // rejection waits to be judged, and judges them when asked. process_rejections returns
    // true when it may have queued ticks or microtasks (another drain round is needed).
    void set_rejection_hooks(std::function<bool()> has_pending,
                             std::function<bool()> process_rejections);

    // V8's microtask checkpoint: runs jobs until the queue is empty, including jobs queued
    // meanwhile. A job that throws (only queueMicrotask callbacks can) is reported as an
    // uncaught exception and the checkpoint goes on.
    void run_microtasks();
    // `from_native`: called from C++ (a callback scope's close) rather than from runNextTicks;
    // only the stack frames differ.
    CallResult process_ticks_and_rejections(bool from_native = true);
    CallResult run_next_ticks();
    CallResult close_scope(ScopeEnd end);

    // Calls fn(task) for every tick, then every microtask, waiting (a host's collector roots
    // the values their calls hold: TaskCall::visit).
    template <typename Fn> void for_each_queued(Fn&& fn) const {
        for (const Task& t : m_ticks) fn(t);
        for (const Task& t : m_microtasks) fn(t);
    }

    // Observers for traces: called as each tick or microtask starts.
    std::function<void(const Task&, bool is_tick)> on_run;

private:
    bool has_rejection_to_warn() const {
        return m_has_pending_rejection && m_has_pending_rejection();
    }
    bool process_rejections_in(bool from_native);

    Environment& m_env;
    // The queues' blocks, from the environment's record memory: a burst of 100 k ticks gets
    // huge pages, and later bursts reuse them.
    sim::SmallPool m_pool;
    std::deque<Task, sim::PoolAllocator<Task>> m_ticks{sim::PoolAllocator<Task>(m_pool)};
    std::deque<Task, sim::PoolAllocator<Task>> m_microtasks{sim::PoolAllocator<Task>(m_pool)};
    bool m_in_checkpoint = false;
    std::function<bool()> m_has_pending_rejection;
    std::function<bool()> m_process_rejections;
};

} // namespace loopsim::node
