#pragma once
// Promises: ECMA-262 (2023) §27.2, step by step, so that tick-counting puzzles come out as
// in V8 (Node 20).
//
// The contract:
//   - The interpreter never runs a promise job. Every job (PromiseReactionJob,
//     PromiseResolveThenableJob; promise_jobs.h) is a heap cell handed to
//     Host::enqueue_job (HostEnqueuePromiseJob), in the order the spec creates them; the
//     host runs them FIFO with Job::run. A runtime without a host cannot settle a promise
//     that has reactions (asserted).
//   - HostPromiseRejectionTracker is Host::promise_rejection_tracker: Reject when a promise
//     is rejected while [[PromiseIsHandled]] is false; Handle when PerformPromiseThen adds
//     a handler to a rejected promise whose [[PromiseIsHandled]] is still false. Both calls
//     are synchronous, inside the operation that causes them.
//   - Nothing here reaches a safepoint by itself; a safepoint can happen only inside a call
//     into JS (Runtime::call, a getter, a constructor). Values kept across such a call are
//     rooted. No C++ recursion grows with the length of a promise chain: settling a promise
//     only enqueues jobs.
//   - A reaction whose [[Capability]] is a native Promise itself, not a PromiseCapability
//     record, stands for "a native promise nobody else can resolve": the one
//     Promise.prototype.then creates when the species constructor is %Promise%, and the
//     result promise the VM hands to perform_promise_then. Its reaction job settles the
//     promise directly, exactly as the resolving functions would (no JS can reach those
//     functions, so nothing observes the difference); this saves three function objects
//     and a capability record per `then`.
//
// Index: the Promise cell and the record cells; the API the VM uses for `await` and async
// functions; the abstract operations shared by promise*.cpp.
#include "model/js/completion.h"
#include "model/js/heap.h"
#include "model/js/host.h"
#include "model/js/object.h"

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace loopsim::js {

class Runtime;
class NativeFunction;

enum class PromiseState : uint8_t {
    Pending,
    Fulfilled,
    Rejected
};

enum class PromiseReactionType : uint8_t {
    Fulfill,
    Reject
};

// PromiseCapability Record (§27.2.1.1).
class PromiseCapability final : public Cell {
public:
    PromiseCapability(Value promise, Value resolve, Value reject)
        : Cell(CellKind::Internal), promise(promise), resolve(resolve), reject(reject) {}

    void visit_edges(Visitor& visitor) override {
        visitor.visit(promise);
        visitor.visit(resolve);
        visitor.visit(reject);
    }

    Value promise; // an object
    Value resolve; // a function
    Value reject;  // a function
};

// PromiseReaction Record (§27.2.1.2).
class PromiseReaction final : public Cell {
public:
    PromiseReaction(Cell* capability, PromiseReactionType type, Value handler)
        : Cell(CellKind::Internal), capability(capability), handler(handler), type(type) {}

    void visit_edges(Visitor& visitor) override {
        visitor.visit(capability);
        visitor.visit(handler);
    }

    // [[Capability]]: null when undefined (await), a PromiseCapability, or a native Promise
    // to settle directly (see the contract).
    Cell* capability;
    Value handler; // a callable, or empty (no handler: pass the argument through)
    // The next reaction in its promise's list while the promise is pending (the list is the
    // promise's to visit, not the reaction's); null once the promise settled.
    PromiseReaction* next = nullptr;
    PromiseReactionType type;
    bool internal = false; // registered in a Runtime::HostPromiseScope
};

// A promise instance (§27.2.6): an ordinary object with the five internal slots.
class Promise final : public Object {
public:
    Promise(Runtime& runtime, Object* prototype) : Object(runtime, prototype, CellKind::Promise) {}
    ~Promise() override;

    PromiseState state() const { return m_state; }
    Value result() const { return m_result; }
    bool is_handled() const { return m_is_handled; }
    void set_handled() { m_is_handled = true; }
    // The one reaction waiting for fulfilment, if exactly one waits (pending only): stack
    // traces follow `await`s through it.
    PromiseReaction* only_fulfill_reaction() const {
        return m_first && m_first->next == m_last ? m_first : nullptr;
    }

    // Appends to [[PromiseFulfillReactions]] and [[PromiseRejectReactions]] (pending only).
    void add_reactions(PromiseReaction* on_fulfilled, PromiseReaction* on_rejected);
    // Settles: records state and result, empties both reaction lists and hands them over
    // (FulfillPromise / RejectPromise steps 2-6): the first fulfil/reject pair, each linked
    // to the next as add_reactions left them; the caller picks the reactions of `state`.
    PromiseReaction* settle(PromiseState state, Value result);

    void visit_edges(Visitor& visitor) override;

private:
    // Both reaction lists in one: the pairs that add_reactions appended, in order, each
    // fulfil reaction followed by its reject reaction (two pointers instead of two vectors).
    PromiseReaction* m_first = nullptr;
    PromiseReaction* m_last = nullptr;
    Value m_result;
    PromiseState m_state = PromiseState::Pending;
    bool m_is_handled = false;
};

// --- the API of the VM (await, async functions) and of util.inspect -----------------------------

// A new pending promise with %Promise.prototype%.
Object* new_promise(Runtime& runtime);
// IsPromise (§27.2.1.6).
bool is_promise(Value value);
// PromiseResolve(%Promise%, value) (§27.2.4.7.1): the same object for a native promise whose
// "constructor" is %Promise%, else a new promise resolved with `value`.
Completion promise_resolve(Runtime& runtime, Value value);
// What a promise's resolve function does once it has checked [[AlreadyResolved]] (§27.2.1.3.2
// steps 7-16): self-resolution rejects with a TypeError, a non-object fulfills, a thenable
// queues a PromiseResolveThenableJob.
void resolve_promise(Runtime& runtime, Object& promise, Value resolution);
// RejectPromise (§27.2.1.7). The promise must be pending.
void reject_promise(Runtime& runtime, Object& promise, Value reason);
// PerformPromiseThen (§27.2.5.4.1). `result_promise_or_null` is the derived promise (a native
// promise, settled directly with the handler's outcome) or null for none (await).
void perform_promise_then(Runtime& runtime, Object& promise, Value on_fulfilled, Value on_rejected,
                          Object* result_promise_or_null);
PromiseState promise_state(Object& promise);
Value promise_result(Object& promise);
bool promise_is_handled(Object& promise);
const char* promise_state_name(PromiseState state);

// Creates %Promise% and %Promise.prototype% (promise_builtins.cpp), stores both in the
// runtime and defines `Promise` on `global`. Call after Object.prototype and
// Function.prototype exist (if they ever will).
void install_promise(Runtime& runtime, Object& global);

// --- abstract operations shared by promise*.cpp
// ---------------------------------------------------

// NewPromiseCapability(C) (§27.2.1.5): Construct(C, «executor») through Runtime::construct.
ThrowCompletionOr<PromiseCapability*> new_promise_capability(Runtime& runtime, Value constructor);
// CreateResolvingFunctions(promise) (§27.2.1.3): resolve and reject sharing one
// [[AlreadyResolved]] record.
struct ResolvingFunctions {
    NativeFunction* resolve;
    NativeFunction* reject;
};
ResolvingFunctions create_resolving_functions(Runtime& runtime, Object& promise);
// FulfillPromise (§27.2.1.4). The promise must be pending.
void fulfill_promise(Runtime& runtime, Object& promise, Value value);
// The capability's [[Resolve]] / [[Reject]] applied to `value`.
Completion call_capability_resolve(Runtime& runtime, PromiseCapability& capability, Value value);
Completion call_capability_reject(Runtime& runtime, PromiseCapability& capability, Value value);
// PerformPromiseThen with a capability: null (undefined), a PromiseCapability record, or a
// native Promise settled directly (see the contract). Returns the capability's promise, or
// undefined.
Value perform_promise_then_with(Runtime& runtime, Promise& promise, Value on_fulfilled,
                                Value on_rejected, Cell* result_capability);
// A reaction's capability (not null) applied to `value`: [[Resolve]] or [[Reject]] called,
// or the promise settled directly.
Completion resolve_reaction_capability(Runtime& runtime, Cell& capability, Value value);
Completion reject_reaction_capability(Runtime& runtime, Cell& capability, Value value);
// PromiseResolve(C, x) (§27.2.4.7.1).
Completion promise_resolve_with(Runtime& runtime, Value constructor, Value value);
// SpeciesConstructor(O, defaultConstructor) (§7.3.22).
Completion species_constructor(Runtime& runtime, Object& object, Value default_constructor);
// 27.2.4.8 get Promise [ @@species ]: returns its receiver.
Completion promise_species_getter(Runtime& runtime, NativeFunction& callee, Value this_value,
                                  std::span<const Value> args);
// Invoke(promise, "then", args) (§7.3.21), rooting its inputs across the getter.
Completion invoke_then(Runtime& runtime, Value promise, std::span<const Value> args);
// Defines Promise.all, allSettled, any and race on %Promise% (promise_combinators.cpp).
void install_promise_combinators(Runtime& runtime, Object& constructor);
// HostEnqueuePromiseJob (§9.5.5) -> Host::enqueue_job.
void host_enqueue_promise_job(Runtime& runtime, Job& job);
// A TypeError with V8's message text.
ThrowCompletion throw_type_error(Runtime& runtime, std::string_view message);

} // namespace loopsim::js
