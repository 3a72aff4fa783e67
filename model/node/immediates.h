#pragma once
// Immediates: setImmediate as Node implements it (lib/timers.js, lib/internal/timers.js,
// src/env.cc CheckImmediate). One queue; the check phase takes the whole queue as one batch
// before running anything, so immediates queued meanwhile wait for the next iteration.
// Ticks and microtasks drain between two immediates. A ref'd immediate keeps Node's idle
// handle started, which keeps the loop alive and stops poll from blocking; an unref'd one
// does neither.
// Memory: Immediates live in a pool Immediates owns (chunks of 1024, slots reused). An
// Immediate* is valid until it has run, or until it is cleared; one cleared while its batch
// is being run stays until the batch passes it.
#include "model/node/slot_pool.h"
#include "model/node/task.h"
#include "model/uv/handle.h"
#include "traces/string_pool.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <unordered_map>
#include <vector>

namespace loopsim::node {

class Environment;

struct Immediate {
    // The host's object for this immediate (null: none). Immediates lists the objects
    // (for_each_host_object) and hands the immediate to the host's call (set_host_call); a
    // host finds its immediate again by `slot` (live_at).
    void* host_object = nullptr;
    uint64_t id = 0;                          // async id
    uint32_t slot = 0;                        // its place in the pool
    trace::StringId label = trace::kNoString; // Task::label of its callback
    bool has_callback : 1 = true;
    bool destroyed : 1 = false;
    bool referenced : 1 = false; // kRefed; after it ran Node sets it to null: ref() no longer works
    bool ran : 1 = false;
    bool in_use : 1 = false;   // the pool's: the slot is taken
    bool in_batch : 1 = false; // detached with the batch the check phase is running
    bool internal : 1 = false; // Task::internal of its callback
    bool has_call : 1 = false; // its callback is in Immediates' table (not called by its host)
};
static_assert(sizeof(Immediate) == 32, "a pending immediate's size is part of the memory figures");

class Immediates {
public:
    explicit Immediates(Environment& env);
    ~Immediates();

    // The new immediate, valid until it has run or was cleared (see Memory above). Without
    // a call of its own, the Task's label and flag are taken and the immediate runs through
    // the host's call (set_host_call) with the host object the caller sets.
    Immediate* set_immediate(Task callback);
    // Calls an immediate that has no call of its own (the host's object holds what it calls).
    void set_host_call(std::function<CallResult(Immediate&)> call) {
        m_host_call = std::move(call);
    }
    void clear(Immediate& immediate);
    void ref(Immediate& immediate);
    void unref(Immediate& immediate);

    // The immediate in pool slot `slot` if that slot holds one that has neither run nor been
    // cleared; null otherwise. at(): the record in the slot, whatever its state.
    Immediate* live_at(uint32_t slot) {
        Immediate* immediate = m_pool.in_use_at(slot);
        return immediate && !immediate->destroyed ? immediate : nullptr;
    }
    Immediate& at(uint32_t slot) { return m_pool.at(slot); }
    // Calls fn(host_object) for every immediate in the pool that has a host object: pending,
    // running, or cleared while its batch runs (a host's collector roots).
    template <typename Fn> void for_each_host_object(Fn&& fn) const {
        m_pool.for_each_in_use([&fn](const Immediate& immediate) {
            if (immediate.host_object) fn(immediate.host_object);
        });
    }

    int64_t count() const { return m_count; }         // immediateInfo[kCount]
    int64_t ref_count() const { return m_ref_count; } // immediateInfo[kRefCount]
    size_t queued() const { return m_queue.size(); }

private:
    void toggle_ref(bool on);
    void check_immediate();         // Environment::CheckImmediate
    CallResult process_immediate(); // processImmediate
    void release(Immediate& immediate);

    Environment& m_env;
    std::unique_ptr<uv::WatcherHandle> m_check; // started at start-up, unref'd
    std::unique_ptr<uv::WatcherHandle> m_idle;  // started while a ref'd immediate exists
    std::vector<Immediate*> m_queue;            // immediateQueue
    std::vector<Immediate*> m_outstanding;      // the batch being run
    size_t m_outstanding_next = 0;
    bool m_has_outstanding = false;
    int64_t m_count = 0;
    int64_t m_ref_count = 0;
    SlotPool<Immediate> m_pool;
    std::function<CallResult(Immediate&)> m_host_call;
    // The callbacks of immediates that have one (Task::call), by pool slot.
    std::unordered_map<uint32_t, TaskCall> m_calls; // lookup only, never iterated
};

} // namespace loopsim::node
