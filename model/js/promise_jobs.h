#pragma once
// The two promise jobs of ECMA-262 (2023) §27.2.2, as Job cells handed to the host
// (host.h). A job holds everything its abstract closure captured, so the host only has to
// keep the job cell reachable from enqueue_job until it has run.
//
// - PromiseReactionJob (§27.2.2.1): calls a reaction's handler (or passes the argument
//   through when there is none) and settles the reaction's capability with the outcome.
//   callee() is the handler, for trace labels.
// - PromiseResolveThenableJob (§27.2.2.2): calls `thenable.then(resolve, reject)` with fresh
//   resolving functions for the promise being resolved. This is the job that makes
//   resolving with a promise cost two extra ticks. callee() is the `then` function.
//
// run() returns the completion of the job's last call. It is a throw only when a
// capability's own [[Resolve]]/[[Reject]] (a subclass executor's functions) throws, or when
// a handler without a capability (await) throws; the host reports it like an uncaught
// exception in a job.
#include "model/js/host.h"
#include "model/js/promise.h"

#include <string_view>

namespace loopsim::js {

// The job keeps the reaction's three fields itself rather than a pointer to the reaction: a
// `then` on a settled promise then needs no reaction cell at all.
class PromiseReactionJob final : public Job {
public:
    PromiseReactionJob(Cell* capability, PromiseReactionType type, Value handler, Value argument)
        : m_capability(capability), m_handler(handler), m_argument(argument) {
        m_job_data = static_cast<uint8_t>(type);
    }

    Completion run(Runtime& runtime) override;
    std::string_view kind_name() const override { return "PromiseReactionJob"; }
    Value callee() const override { return m_handler.is_empty() ? Value() : m_handler; }

    Value argument() const { return m_argument; }

    void visit_edges(Visitor& visitor) override {
        visitor.visit(m_capability);
        visitor.visit(m_handler);
        visitor.visit(m_argument);
    }

private:
    PromiseReactionType type() const { return static_cast<PromiseReactionType>(m_job_data); }

    Cell* m_capability; // the reaction's [[Capability]] (PromiseReaction::capability)
    Value m_handler;    // its [[Handler]]
    Value m_argument;
};

class PromiseResolveThenableJob final : public Job {
public:
    PromiseResolveThenableJob(Object* promise_to_resolve, Value thenable, Value then)
        : m_promise_to_resolve(promise_to_resolve), m_thenable(thenable), m_then(then) {}

    Completion run(Runtime& runtime) override;
    std::string_view kind_name() const override { return "PromiseResolveThenableJob"; }
    Value callee() const override { return m_then; }

    Object* promise_to_resolve() const { return m_promise_to_resolve; }
    Value thenable() const { return m_thenable; }

    void visit_edges(Visitor& visitor) override {
        visitor.visit(m_promise_to_resolve);
        visitor.visit(m_thenable);
        visitor.visit(m_then);
    }

private:
    Object* m_promise_to_resolve;
    Value m_thenable;
    Value m_then;
};

// NewPromiseReactionJob (§27.2.2.1) and NewPromiseResolveThenableJob (§27.2.2.2): allocate
// the job cell. HostMakeJobCallback is the identity in loopsim (there are no incumbent
// settings objects), so a JobCallback Record is the function itself.
PromiseReactionJob* new_promise_reaction_job(Runtime& runtime, const PromiseReaction& reaction,
                                             Value argument);
// The same for a reaction that is not kept anywhere else (a `then` on a settled promise).
PromiseReactionJob* new_promise_reaction_job(Runtime& runtime, Cell* capability,
                                             PromiseReactionType type, Value handler, bool internal,
                                             Value argument);
PromiseResolveThenableJob* new_promise_resolve_thenable_job(Runtime& runtime,
                                                            Object& promise_to_resolve,
                                                            Value thenable, Value then);

} // namespace loopsim::js
