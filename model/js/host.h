#pragma once
// Host: what the interpreter needs from its embedder (model/node), in the spirit of
// ECMA-262's host hooks and V8's MicrotasksPolicy::kExplicit under Node.
//
// - Jobs. The interpreter never runs a promise job by itself: HostEnqueuePromiseJob hands
//   each job to Host::enqueue_job, and the host decides when it runs (Node's drain rules)
//   by calling Job::run. A Job is a heap cell; from enqueue_job until it has run, the host
//   must keep it reachable for the collector (a Root<Job>, or a RootSource that visits its
//   queue). Jobs run in the order the host chooses; the interpreter assumes FIFO.
// - Rejection tracking. HostPromiseRejectionTracker: called synchronously when a promise is
//   rejected with no handler (Reject) and when a handler is added to a promise that was
//   rejected without one (Handle). Node judges unhandled rejections from these calls.
// - Cost. The interpreter reports the virtual time (ns) its work costs; the host advances
//   the simulation clock by it (model/js's cost model, docs/runtime.md).
// - Clock. Date.now() and performance.now() read the host's virtual clock.
#include "model/js/cell.h"
#include "model/js/completion.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace loopsim::js {

class Runtime;
class Object;

// A pending job (ECMA-262 9.5 "Jobs"): PromiseReactionJob, PromiseResolveThenableJob, or a
// host job such as a queueMicrotask callback.
class Job : public Cell {
public:
    // Runs the job. A throw completion is only possible for host jobs (queueMicrotask);
    // promise jobs turn exceptions into rejections.
    virtual Completion run(Runtime& runtime) = 0;
    // "PromiseReactionJob", "PromiseResolveThenableJob", "Microtask": for traces.
    virtual std::string_view kind_name() const = 0;
    // The function the job will call, if any (for labels in traces and the viewer).
    virtual Value callee() const { return Value(); }
    // Promise plumbing of the host itself, not the program's (Runtime::HostPromiseScope).
    bool is_internal() const { return m_internal; }
    void set_internal() { m_internal = true; }

protected:
    Job() : Cell(CellKind::Job) {}
    // A byte of the subclass's own, in what would be padding.
    uint8_t m_job_data = 0;

private:
    bool m_internal = false;
};

enum class RejectionOperation : uint8_t {
    Reject,
    Handle
};

class Host {
public:
    virtual void enqueue_job(Job& job) = 0;
    virtual void promise_rejection_tracker(Object& promise, RejectionOperation operation) = 0;
    virtual void charge(int64_t nanoseconds) = 0;
    virtual double now_ms() = 0;             // Date.now(): ms since the epoch, virtual
    virtual double performance_now_ms() = 0; // ms since the process started, virtual
    // The first line of an error's `stack` when the host formats it itself (Node's internal
    // errors read "TypeError [ERR_INVALID_ARG_TYPE]: ..."); nullopt: Error.prototype.toString.
    virtual std::optional<std::string> error_stack_header(Runtime& runtime, Object& error) {
        (void)runtime;
        (void)error;
        return std::nullopt;
    }

protected:
    ~Host() = default;
};

} // namespace loopsim::js
