// Promise abstract operations (ECMA-262 2023 §27.2.1, §27.2.4.7.1, §27.2.5.4.1) and the
// Promise cell. The built-in functions are in promise_builtins.cpp, the jobs in
// promise_jobs.cpp.
#include "model/js/promise.h"

#include "model/js/builtins/builtin_support.h"
#include "model/js/frame.h"
#include "model/js/function.h"
#include "model/js/promise_jobs.h"
#include "model/js/runtime.h"
#include "model/js/shape.h"

#include <array>

namespace loopsim::js {

// --- the Promise cell
// -----------------------------------------------------------------------------

Promise::~Promise() = default;

void Promise::add_reactions(PromiseReaction* on_fulfilled, PromiseReaction* on_rejected) {
    LOOPSIM_ASSERT(m_state == PromiseState::Pending, "reactions added to a settled promise");
    on_fulfilled->next = on_rejected;
    on_rejected->next = nullptr;
    if (m_last)
        m_last->next = on_fulfilled;
    else
        m_first = on_fulfilled;
    m_last = on_rejected;
}

PromiseReaction* Promise::settle(PromiseState state, Value result) {
    LOOPSIM_ASSERT(m_state == PromiseState::Pending, "a promise settles only once");
    PromiseReaction* pairs = m_first;
    m_first = m_last = nullptr;
    m_result = result;
    m_state = state;
    return pairs;
}

void Promise::visit_edges(Visitor& visitor) {
    Object::visit_edges(visitor);
    visitor.visit(m_result);
    for (PromiseReaction* r = m_first; r != nullptr; r = r->next) visitor.visit(r);
}

namespace {

Promise& as_promise(Object& object) {
    LOOPSIM_ASSERT(object.kind() == CellKind::Promise, "not a promise");
    return static_cast<Promise&>(object);
}

// The [[AlreadyResolved]] record of §27.2.1.3, shared by one pair of resolving functions,
// together with the [[Promise]] both of them settle.
class ResolvingRecord final : public Cell {
public:
    explicit ResolvingRecord(Object* promise) : Cell(CellKind::Internal), promise(promise) {}
    void visit_edges(Visitor& visitor) override { visitor.visit(promise); }

    Object* promise;
    bool already_resolved = false;
};

// The resolvingFunctions record NewPromiseCapability's executor fills (§27.2.1.5 step 3).
class CapabilityExecutorRecord final : public Cell {
public:
    CapabilityExecutorRecord() : Cell(CellKind::Internal) {}
    void visit_edges(Visitor& visitor) override {
        visitor.visit(resolve);
        visitor.visit(reject);
    }

    Value resolve;
    Value reject;
};

// TriggerPromiseReactions (§27.2.1.8), for the reactions of `type` among the pairs a settled
// promise handed over (Promise::settle), unlinking them as it goes.
void trigger_promise_reactions(Runtime& runtime, PromiseReaction* pairs, PromiseReactionType type,
                               Value argument) {
    // step 1: For each element reaction of reactions, do
    for (PromiseReaction* fulfil = pairs; fulfil != nullptr;) {
        PromiseReaction* reject = fulfil->next;
        PromiseReaction* following = reject->next;
        fulfil->next = reject->next = nullptr;
        const PromiseReaction& reaction = type == PromiseReactionType::Fulfill ? *fulfil : *reject;
        // step 1.a: Let job be NewPromiseReactionJob(reaction, argument).
        // step 1.b: Perform HostEnqueuePromiseJob(job.[[Job]], job.[[Realm]]).
        host_enqueue_promise_job(runtime, *new_promise_reaction_job(runtime, reaction, argument));
        fulfil = following;
    }
    // step 2: Return unused.
}

void host_promise_rejection_tracker(Runtime& runtime, Object& promise,
                                    RejectionOperation operation) {
    if (runtime.host() != nullptr) runtime.host()->promise_rejection_tracker(promise, operation);
}

// 27.2.1.3.1 Promise Reject Functions.
Completion promise_reject_function(Runtime& runtime, NativeFunction& callee, Value,
                                   std::span<const Value> args) {
    // step 1-3: Let F be the active function object; Let promise be F.[[Promise]].
    auto* record = static_cast<ResolvingRecord*>(callee.data().as_cell());
    // step 4: Let alreadyResolved be F.[[AlreadyResolved]].
    // step 5: If alreadyResolved.[[Value]] is true, return undefined.
    if (record->already_resolved) return Value();
    // step 6: Set alreadyResolved.[[Value]] to true.
    record->already_resolved = true;
    // step 7: Perform RejectPromise(promise, reason).
    reject_promise(runtime, *record->promise, args.empty() ? Value() : args[0]);
    // step 8: Return undefined.
    return Value();
}

// 27.2.1.3.2 Promise Resolve Functions.
Completion promise_resolve_function(Runtime& runtime, NativeFunction& callee, Value,
                                    std::span<const Value> args) {
    // step 1-3: Let F be the active function object; Let promise be F.[[Promise]].
    auto* record = static_cast<ResolvingRecord*>(callee.data().as_cell());
    // step 4: Let alreadyResolved be F.[[AlreadyResolved]].
    // step 5: If alreadyResolved.[[Value]] is true, return undefined.
    if (record->already_resolved) return Value();
    // step 6: Set alreadyResolved.[[Value]] to true.
    record->already_resolved = true;
    // steps 7-16.
    resolve_promise(runtime, *record->promise, args.empty() ? Value() : args[0]);
    return Value();
}

// 27.2.1.5 NewPromiseCapability, step 4: the executor closure.
Completion capability_executor_function(Runtime& runtime, NativeFunction& callee, Value,
                                        std::span<const Value> args) {
    auto* record = static_cast<CapabilityExecutorRecord*>(callee.data().as_cell());
    // step 4.a: If resolvingFunctions.[[Resolve]] is not undefined, throw a TypeError.
    // step 4.b: If resolvingFunctions.[[Reject]] is not undefined, throw a TypeError.
    if (!record->resolve.is_undefined() || !record->reject.is_undefined())
        return throw_type_error(
            runtime, "Promise executor has already been invoked with non-undefined arguments");
    // step 4.c: Set resolvingFunctions.[[Resolve]] to resolve.
    // step 4.d: Set resolvingFunctions.[[Reject]] to reject.
    record->resolve = args.size() > 0 ? args[0] : Value();
    record->reject = args.size() > 1 ? args[1] : Value();
    // step 4.e: Return undefined.
    return Value();
}

} // namespace

// --- the API
// --------------------------------------------------------------------------------------

Object* new_promise(Runtime& runtime) {
    // 27.2.3.1 steps 3-7 with NewTarget = %Promise%: [[PromiseState]] pending, empty reaction
    // lists, [[PromiseIsHandled]] false (the Promise constructor's defaults).
    return runtime.heap().allocate<Promise>(runtime, runtime.promise_prototype());
}

bool is_promise(Value value) {
    // 27.2.1.6 IsPromise: an object with a [[PromiseState]] internal slot.
    return value.is_cell() && value.as_cell()->kind() == CellKind::Promise;
}

PromiseState promise_state(Object& promise) {
    return as_promise(promise).state();
}

Value promise_result(Object& promise) {
    return as_promise(promise).result();
}

bool promise_is_handled(Object& promise) {
    return as_promise(promise).is_handled();
}

const char* promise_state_name(PromiseState state) {
    switch (state) {
    case PromiseState::Pending:
        return "pending";
    case PromiseState::Fulfilled:
        return "fulfilled";
    case PromiseState::Rejected:
        return "rejected";
    }
    return "?";
}

Completion promise_resolve(Runtime& runtime, Value value) {
    LOOPSIM_ASSERT(runtime.promise_constructor() != nullptr, "install_promise has not run");
    return promise_resolve_with(runtime, Value(runtime.promise_constructor()), value);
}

void resolve_promise(Runtime& runtime, Object& promise_object, Value resolution) {
    // 27.2.1.3.2, from step 7 on (the resolve function has checked [[AlreadyResolved]]).
    Promise& promise = as_promise(promise_object);
    // step 7: If SameValue(resolution, promise) is true, then
    if (resolution.is_cell() && resolution.as_cell() == &promise) {
        // step 7.a: Let selfResolutionError be a newly created TypeError object.
        Object* error = runtime.make_error(ErrorType::TypeError,
                                           "Chaining cycle detected for promise #<Promise>");
        // step 7.b: Perform RejectPromise(promise, selfResolutionError).
        reject_promise(runtime, promise, Value(error));
        // step 7.c: Return undefined.
        return;
    }
    // step 8: If resolution is not an Object, then
    if (!resolution.is_object()) {
        // step 8.a: Perform FulfillPromise(promise, resolution). step 8.b: Return undefined.
        fulfill_promise(runtime, promise, resolution);
        return;
    }
    // The getter of "then" may run JS (and reach a safepoint).
    Root<Object> keep_promise(runtime.heap(), &promise);
    RootedValue keep_resolution(runtime.heap(), resolution);
    // step 9: Let then be Completion(Get(resolution, "then")).
    Completion then = resolution.as_object()->get(runtime, runtime.common_key(CommonAtom::Then));
    // step 10: If then is an abrupt completion, then
    if (then.is_throw()) {
        // step 10.a: Perform RejectPromise(promise, then.[[Value]]). step 10.b: Return.
        reject_promise(runtime, promise, then.thrown_value());
        return;
    }
    // step 11: Let thenAction be then.[[Value]].
    Value then_action = then.value();
    // step 12: If IsCallable(thenAction) is false, then
    if (!Runtime::is_callable(then_action)) {
        // step 12.a: Perform FulfillPromise(promise, resolution). step 12.b: Return.
        fulfill_promise(runtime, promise, resolution);
        return;
    }
    // step 13: Let thenJobCallback be HostMakeJobCallback(thenAction).
    // step 14: Let job be NewPromiseResolveThenableJob(promise, resolution, thenJobCallback).
    auto* job = new_promise_resolve_thenable_job(runtime, promise, resolution, then_action);
    if (runtime.in_host_promise_scope()) job->set_internal();
    // step 15: Perform HostEnqueuePromiseJob(job.[[Job]], job.[[Realm]]).
    host_enqueue_promise_job(runtime, *job);
    // step 16: Return undefined.
}

void fulfill_promise(Runtime& runtime, Object& promise_object, Value value) {
    Promise& promise = as_promise(promise_object);
    // 27.2.1.4 step 1: Assert: promise.[[PromiseState]] is pending.
    // steps 2-6: take the fulfill reactions, set [[PromiseResult]] to value, clear both
    // reaction lists, set [[PromiseState]] to fulfilled.
    PromiseReaction* pairs = promise.settle(PromiseState::Fulfilled, value);
    // step 7: Perform TriggerPromiseReactions(reactions, value).
    trigger_promise_reactions(runtime, pairs, PromiseReactionType::Fulfill, value);
}

void reject_promise(Runtime& runtime, Object& promise_object, Value reason) {
    Promise& promise = as_promise(promise_object);
    // 27.2.1.7 step 1: Assert: promise.[[PromiseState]] is pending.
    // steps 2-6: take the reject reactions, set [[PromiseResult]] to reason, clear both
    // reaction lists, set [[PromiseState]] to rejected.
    PromiseReaction* pairs = promise.settle(PromiseState::Rejected, reason);
    // step 7: If promise.[[PromiseIsHandled]] is false, perform
    // HostPromiseRejectionTracker(promise, "reject").
    if (!promise.is_handled())
        host_promise_rejection_tracker(runtime, promise, RejectionOperation::Reject);
    // step 8: Perform TriggerPromiseReactions(reactions, reason).
    trigger_promise_reactions(runtime, pairs, PromiseReactionType::Reject, reason);
}

void perform_promise_then(Runtime& runtime, Object& promise, Value on_fulfilled, Value on_rejected,
                          Object* result_promise_or_null) {
    LOOPSIM_ASSERT(result_promise_or_null == nullptr || is_promise(Value(result_promise_or_null)),
                   "perform_promise_then settles a native promise directly");
    perform_promise_then_with(runtime, as_promise(promise), on_fulfilled, on_rejected,
                              result_promise_or_null);
}

Value perform_promise_then_with(Runtime& runtime, Promise& promise, Value on_fulfilled,
                                Value on_rejected, Cell* result_capability) {
    // 27.2.5.4.1 step 1: Assert: IsPromise(promise) is true.
    // step 2-3: If IsCallable(onFulfilled) is false, let onFulfilledJobCallback be empty;
    // else HostMakeJobCallback(onFulfilled) (the identity here). An await's suspended frame
    // stands for its continuations, and is kept as it is.
    const auto job_callback = [](Value handler) {
        return Runtime::is_callable(handler) || is_suspended_frame(handler) ? handler
                                                                            : Value::empty();
    };
    Value fulfill_handler = job_callback(on_fulfilled);
    // step 4-5: The same for onRejected.
    Value reject_handler = job_callback(on_rejected);
    Heap& heap = runtime.heap();
    switch (promise.state()) {
    case PromiseState::Pending: {
        // step 6: Let fulfillReaction be the PromiseReaction { [[Capability]]:
        // resultCapability, [[Type]]: Fulfill, [[Handler]]: onFulfilledJobCallback }.
        auto* fulfill_reaction = heap.allocate<PromiseReaction>(
            result_capability, PromiseReactionType::Fulfill, fulfill_handler);
        // step 7: Let rejectReaction be the PromiseReaction { [[Capability]]:
        // resultCapability, [[Type]]: Reject, [[Handler]]: onRejectedJobCallback }.
        auto* reject_reaction = heap.allocate<PromiseReaction>(
            result_capability, PromiseReactionType::Reject, reject_handler);
        // step 8: If promise.[[PromiseState]] is pending, append fulfillReaction to
        // [[PromiseFulfillReactions]] and rejectReaction to [[PromiseRejectReactions]].
        fulfill_reaction->internal = reject_reaction->internal = runtime.in_host_promise_scope();
        promise.add_reactions(fulfill_reaction, reject_reaction);
        break;
    }
    case PromiseState::Fulfilled: {
        // step 9.a: Let value be promise.[[PromiseResult]].
        // step 9.b: Let fulfillJob be NewPromiseReactionJob(fulfillReaction, value).
        // (The job holds the reaction's fields: no reaction cell is made.)
        // step 9.c: Perform HostEnqueuePromiseJob(fulfillJob.[[Job]], fulfillJob.[[Realm]]).
        host_enqueue_promise_job(
            runtime, *new_promise_reaction_job(runtime, result_capability,
                                               PromiseReactionType::Fulfill, fulfill_handler,
                                               runtime.in_host_promise_scope(), promise.result()));
        break;
    }
    case PromiseState::Rejected: {
        // step 10.a: Assert: The value of promise.[[PromiseState]] is rejected.
        // step 10.b: Let reason be promise.[[PromiseResult]].
        // step 10.c: If promise.[[PromiseIsHandled]] is false, perform
        // HostPromiseRejectionTracker(promise, "handle").
        if (!promise.is_handled())
            host_promise_rejection_tracker(runtime, promise, RejectionOperation::Handle);
        // step 10.d: Let rejectJob be NewPromiseReactionJob(rejectReaction, reason).
        // step 10.e: Perform HostEnqueuePromiseJob(rejectJob.[[Job]], rejectJob.[[Realm]]).
        host_enqueue_promise_job(
            runtime, *new_promise_reaction_job(runtime, result_capability,
                                               PromiseReactionType::Reject, reject_handler,
                                               runtime.in_host_promise_scope(), promise.result()));
        break;
    }
    }
    // step 11: Set promise.[[PromiseIsHandled]] to true.
    promise.set_handled();
    // step 12: If resultCapability is undefined, return undefined.
    if (result_capability == nullptr) return Value();
    // step 13: Else, return resultCapability.[[Promise]].
    if (result_capability->kind() == CellKind::Promise) return Value(result_capability);
    return static_cast<PromiseCapability*>(result_capability)->promise;
}

// --- records and capabilities
// ---------------------------------------------------------------------

ResolvingFunctions create_resolving_functions(Runtime& runtime, Object& promise) {
    // 27.2.1.3 step 1: Let alreadyResolved be the Record { [[Value]]: false }.
    auto* record = runtime.heap().allocate<ResolvingRecord>(&promise);
    // steps 2-6: resolve = CreateBuiltinFunction(stepsResolve, 1, "", « [[Promise]],
    // [[AlreadyResolved]] »), with both slots set.
    NativeFunction* resolve =
        NativeFunction::create(runtime, "", 1, promise_resolve_function, Value(record));
    // steps 7-11: reject, the same with stepsReject.
    NativeFunction* reject =
        NativeFunction::create(runtime, "", 1, promise_reject_function, Value(record));
    // step 12: Return the Record { [[Resolve]]: resolve, [[Reject]]: reject }.
    return ResolvingFunctions{resolve, reject};
}

ThrowCompletionOr<PromiseCapability*> new_promise_capability(Runtime& runtime, Value constructor) {
    // 27.2.1.5 step 1: If IsConstructor(C) is false, throw a TypeError exception.
    if (!runtime.is_constructor(constructor))
        return throw_type_error(runtime,
                                describe_value(runtime, constructor) + " is not a constructor");
    // step 2: NOTE: C is assumed to be a constructor function that supports the parameter
    // conventions of the Promise constructor.
    // step 3: Let resolvingFunctions be the Record { [[Resolve]]: undefined, [[Reject]]:
    // undefined }.
    Root<CapabilityExecutorRecord> record(runtime.heap(),
                                          runtime.heap().allocate<CapabilityExecutorRecord>());
    // steps 4-5: Let executor be CreateBuiltinFunction(executorClosure, 2, "", « »).
    NativeFunction* executor =
        NativeFunction::create(runtime, "", 2, capability_executor_function, Value(record.get()));
    // step 6: Let promise be ? Construct(C, « executor »).
    std::array<Value, 1> args{Value(executor)};
    Value promise = LOOPSIM_TRY(runtime.construct(constructor, args));
    // step 7: If IsCallable(resolvingFunctions.[[Resolve]]) is false, throw a TypeError.
    // step 8: If IsCallable(resolvingFunctions.[[Reject]]) is false, throw a TypeError.
    if (!Runtime::is_callable(record->resolve) || !Runtime::is_callable(record->reject))
        return throw_type_error(runtime, "Promise resolve or reject function is not callable");
    // step 9: Return the PromiseCapability Record { [[Promise]]: promise, [[Resolve]]:
    // resolvingFunctions.[[Resolve]], [[Reject]]: resolvingFunctions.[[Reject]] }.
    return runtime.heap().allocate<PromiseCapability>(promise, record->resolve, record->reject);
}

Completion call_capability_resolve(Runtime& runtime, PromiseCapability& capability, Value value) {
    std::array<Value, 1> args{value};
    return runtime.call(capability.resolve, Value(), args);
}

Completion call_capability_reject(Runtime& runtime, PromiseCapability& capability, Value value) {
    std::array<Value, 1> args{value};
    return runtime.call(capability.reject, Value(), args);
}

Completion resolve_reaction_capability(Runtime& runtime, Cell& capability, Value value) {
    if (capability.kind() == CellKind::Promise) {
        resolve_promise(runtime, static_cast<Promise&>(capability), value);
        return Value();
    }
    return call_capability_resolve(runtime, static_cast<PromiseCapability&>(capability), value);
}

Completion reject_reaction_capability(Runtime& runtime, Cell& capability, Value value) {
    if (capability.kind() == CellKind::Promise) {
        reject_promise(runtime, static_cast<Promise&>(capability), value);
        return Value();
    }
    return call_capability_reject(runtime, static_cast<PromiseCapability&>(capability), value);
}

Completion promise_resolve_with(Runtime& runtime, Value constructor, Value value) {
    RootedValue keep_constructor(runtime.heap(), constructor);
    RootedValue keep_value(runtime.heap(), value);
    // 27.2.4.7.1 step 1: If IsPromise(x) is true, then
    if (is_promise(value)) {
        // step 1.a: Let xConstructor be ? Get(x, "constructor").
        Value x_constructor = LOOPSIM_TRY(
            value.as_object()->get(runtime, runtime.common_key(CommonAtom::Constructor)));
        // step 1.b: If SameValue(xConstructor, C) is true, return x.
        if (x_constructor.is_same_bits(constructor)) return value;
    }
    if (constructor.is_same_bits(Value(runtime.promise_constructor()))) {
        // steps 2-4 with C = %Promise%: Construct(%Promise%, « executor ») runs no user code
        // and the resolving functions never escape, so the new promise is resolved directly
        // (as promise_then does; this is every `await`).
        Root<Object> promise(runtime.heap(), new_promise(runtime));
        resolve_promise(runtime, *promise, value);
        return Value(promise.get());
    }
    // step 2: Let promiseCapability be ? NewPromiseCapability(C).
    Root<PromiseCapability> capability(runtime.heap(),
                                       LOOPSIM_TRY(new_promise_capability(runtime, constructor)));
    // step 3: Perform ? Call(promiseCapability.[[Resolve]], undefined, « x »).
    LOOPSIM_TRY(call_capability_resolve(runtime, *capability, value));
    // step 4: Return promiseCapability.[[Promise]].
    return capability->promise;
}

namespace {
Completion species_not_constructor(Runtime& runtime) {
    return throw_type_error(runtime, "object.constructor[Symbol.species] is not a constructor");
}
} // namespace

namespace {

// What SpeciesConstructor found for a native promise the last time: a promise of this shape
// has no own "constructor", %Promise.prototype% of this shape keeps it as a data property in
// this slot, and %Promise% of this shape keeps @@species as an accessor in this slot. Valid
// until the heap next collects (a shape's address may then be reused); the slots' values are
// read each time, so reassigning either property is seen.
struct SpeciesCache {
    uint64_t collections = UINT64_MAX;
    const Shape* promise_shape = nullptr;
    const Shape* prototype_shape = nullptr;
    const Shape* constructor_shape = nullptr;
    uint32_t constructor_slot = 0;
    uint32_t species_slot = 0;
};
thread_local SpeciesCache t_species;

bool is_builtin_species_getter(Value accessor) {
    if (!accessor.is_cell() || accessor.as_cell()->kind() != CellKind::Accessor) return false;
    Value getter = static_cast<Accessor*>(accessor.as_cell())->getter();
    return getter.is_object() && getter.as_cell()->kind() == CellKind::NativeFunction &&
           static_cast<NativeFunction*>(getter.as_cell())->function() == promise_species_getter;
}

// SpeciesConstructor(promise, %Promise%) answered from the cache: %Promise% when nothing on
// the way was changed; null when the cache cannot tell.
Object* cached_promise_species(Runtime& runtime, Object& object) {
    const SpeciesCache& cache = t_species;
    Object* prototype = runtime.promise_prototype();
    Object* constructor = runtime.promise_constructor();
    if (cache.collections != runtime.heap().stats().collections ||
        object.shape() != cache.promise_shape || object.is_dictionary() ||
        object.prototype() != prototype || prototype->shape() != cache.prototype_shape ||
        prototype->is_dictionary() || constructor->shape() != cache.constructor_shape ||
        constructor->is_dictionary())
        return nullptr;
    if (!prototype->slot(cache.constructor_slot).is_same_bits(Value(constructor))) return nullptr;
    if (!is_builtin_species_getter(constructor->slot(cache.species_slot))) return nullptr;
    return constructor;
}

// Fills the cache after the full algorithm found %Promise% through the built-in getter.
void remember_promise_species(Runtime& runtime, Object& object) {
    Object* prototype = runtime.promise_prototype();
    Object* constructor = runtime.promise_constructor();
    if (object.is_dictionary() || object.prototype() != prototype || prototype->is_dictionary() ||
        constructor->is_dictionary())
        return;
    const PropertyKey key = runtime.common_key(CommonAtom::Constructor);
    const PropertyKey species =
        PropertyKey::symbol(runtime.well_known_symbol(WellKnownSymbol::Species));
    if (object.shape()->lookup(key)) return;
    auto in_prototype = prototype->shape()->lookup(key);
    auto in_constructor = constructor->shape()->lookup(species);
    if (!in_prototype || (in_prototype->attributes & attr::Accessor) != 0 || !in_constructor ||
        (in_constructor->attributes & attr::Accessor) == 0)
        return;
    t_species = SpeciesCache{runtime.heap().stats().collections,
                             object.shape(),
                             prototype->shape(),
                             constructor->shape(),
                             in_prototype->slot,
                             in_constructor->slot};
}

} // namespace

Completion species_constructor(Runtime& runtime, Object& object, Value default_constructor) {
    // A native promise whose "constructor" and @@species are the built-in ones (nearly every
    // `then`): %Promise%, as the steps below would find, without looking anything up.
    if (object.kind() == CellKind::Promise)
        if (Object* cached = cached_promise_species(runtime, object)) return Value(cached);
    // 7.3.22 step 1: Let C be ? Get(O, "constructor").
    Value c = LOOPSIM_TRY(object.get(runtime, runtime.common_key(CommonAtom::Constructor)));
    // step 2: If C is undefined, return defaultConstructor.
    if (c.is_undefined()) return default_constructor;
    // step 3: If C is not an Object, throw a TypeError exception.
    if (!c.is_object())
        return throw_type_error(runtime, "The .constructor property is not an object");
    // step 4: Let S be ? Get(C, @@species).
    const PropertyKey species =
        PropertyKey::symbol(runtime.well_known_symbol(WellKnownSymbol::Species));
    OwnProperty own;
    if (c.as_object()->lookup_own(species, own) && (own.attributes & attr::Accessor) != 0 &&
        is_builtin_species_getter(own.value)) {
        // C's own @@species is still the built-in getter that returns its receiver (every
        // promise made by %Promise%): S is C, without calling the getter.
        if (!runtime.is_constructor(c)) return species_not_constructor(runtime);
        if (object.kind() == CellKind::Promise && c.as_object() == runtime.promise_constructor())
            remember_promise_species(runtime, object);
        return c;
    }
    Value s = LOOPSIM_TRY(c.as_object()->get(runtime, species));
    // step 5: If S is either undefined or null, return defaultConstructor.
    if (s.is_nullish()) return default_constructor;
    // step 6: If IsConstructor(S) is true, return S.
    if (runtime.is_constructor(s)) return s;
    // step 7: Throw a TypeError exception.
    return species_not_constructor(runtime);
}

void host_enqueue_promise_job(Runtime& runtime, Job& job) {
    // 9.5.5 HostEnqueuePromiseJob: the host queues it (Node: the microtask queue).
    LOOPSIM_ASSERT(runtime.host() != nullptr, "a promise job needs a host to run it");
    runtime.host()->enqueue_job(job);
}

ThrowCompletion throw_type_error(Runtime& runtime, std::string_view message) {
    return runtime.throw_error(ErrorType::TypeError, message);
}

} // namespace loopsim::js
