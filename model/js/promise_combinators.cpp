// Promise.all, Promise.allSettled, Promise.any and Promise.race (ECMA-262 2023 §27.2.4.1-3,
// §27.2.4.5), their element functions, and the iteration steps they take.
//
// The four share one shape: NewPromiseCapability(C), GetPromiseResolve(C), GetIterator, then a
// loop that calls C.resolve on each value and invokes "then" on the result with element
// functions; an abrupt completion closes the iterator (unless it is the iterator that failed)
// and rejects the capability (IfAbruptRejectPromise). The element functions of one call share
// a CombinatorRecord: the values (or errors) list, the remaining-elements counter and the
// capability.
#include "model/js/array.h"
#include "model/js/builtins/builtin_support.h"
#include "model/js/builtins/to_object.h"
#include "model/js/conversions.h"
#include "model/js/function.h"
#include "model/js/builtins/error_builtins.h"
#include "model/js/promise.h"
#include "model/js/runtime.h"

#include <array>
#include <optional>
#include <string>

namespace loopsim::js {

namespace {

enum class Combinator : uint8_t {
    All,
    AllSettled,
    Any,
    Race
};

const char* combinator_name(Combinator which) {
    switch (which) {
    case Combinator::All:
        return "Promise.all";
    case Combinator::AllSettled:
        return "Promise.allSettled";
    case Combinator::Any:
        return "Promise.any";
    case Combinator::Race:
        return "Promise.race";
    }
    return "Promise";
}

// What the element functions of one Promise.all/allSettled/any call share: [[Values]] (or
// errors), [[Capability]] and [[RemainingElements]].
class CombinatorRecord final : public Cell {
public:
    explicit CombinatorRecord(PromiseCapability* capability)
        : Cell(CellKind::Internal), capability(capability) {}

    void append_undefined(Heap& heap) {
        size_t before = values.capacity();
        values.emplace_back();
        if (values.capacity() != before)
            heap.account_external(
                this, static_cast<int64_t>((values.capacity() - before) * sizeof(Value)));
    }
    void visit_edges(Visitor& visitor) override {
        visitor.visit(capability);
        for (Value v : values) visitor.visit(v);
    }

    PromiseCapability* capability;
    std::vector<Value> values;
    uint64_t remaining = 1; // remainingElementsCount.[[Value]]
};

// One element function's own slots: [[Index]] and [[AlreadyCalled]] (shared by the
// onFulfilled/onRejected pair of Promise.allSettled), and the shared record.
class ElementRecord final : public Cell {
public:
    ElementRecord(CombinatorRecord* shared, uint32_t index)
        : Cell(CellKind::Internal), shared(shared), index(index) {}
    void visit_edges(Visitor& visitor) override { visitor.visit(shared); }

    CombinatorRecord* shared;
    uint32_t index;
    bool already_called = false;
};

// --- iteration (§7.4)
// -----------------------------------------------------------------------------

// An Iterator Record (§7.4.1) whose fields are roots.
struct RootedIteratorRecord {
    explicit RootedIteratorRecord(Heap& heap) : iterator(heap), next_method(heap) {}
    RootedValue iterator;
    RootedValue next_method;
    bool done = false;
};

// V8's rendering of a non-iterable value: "number 5", "object null", "undefined", "object".
std::string not_iterable_message(Runtime& runtime, Value value) {
    std::string what;
    if (value.is_undefined())
        what = "undefined";
    else if (value.is_null())
        what = "object null";
    else if (value.is_object())
        what = Runtime::is_callable(value) ? "function" : "object";
    else if (value.is_symbol())
        what = "symbol";
    else
        what = std::string(typeof_string(value)) + " " + describe_value(runtime, value);
    return what + " is not iterable (cannot read property Symbol(Symbol.iterator))";
}

// GetIterator(obj, sync) (§7.4.3).
ThrowCompletionOr<void> get_iterator(Runtime& runtime, Value iterable,
                                     RootedIteratorRecord& record) {
    if (iterable.is_nullish())
        return throw_type_error(runtime, not_iterable_message(runtime, iterable));
    // step 1.b: Let method be ? GetMethod(obj, @@iterator). (A primitive whose prototype the
    // built-ins have not installed has no methods at all.)
    Value method;
    if (iterable.is_object() || prototype_for_primitive(runtime, iterable) != nullptr)
        method = LOOPSIM_TRY(
            get_v(runtime, iterable,
                  PropertyKey::symbol(runtime.well_known_symbol(WellKnownSymbol::Iterator))));
    // step 2: If method is undefined, throw a TypeError exception.
    if (method.is_nullish())
        return throw_type_error(runtime, not_iterable_message(runtime, iterable));
    if (!Runtime::is_callable(method)) return throw_not_callable(runtime, method);
    // step 3 (GetIteratorFromMethod step 1): Let iterator be ? Call(method, obj).
    Value iterator = LOOPSIM_TRY(runtime.call(method, iterable, {}));
    // step 2: If iterator is not an Object, throw a TypeError exception.
    if (!iterator.is_object())
        return throw_type_error(runtime, "Result of the Symbol.iterator method is not an object");
    record.iterator.set(iterator);
    // step 3: Let nextMethod be ? GetV(iterator, "next").
    Value next =
        LOOPSIM_TRY(iterator.as_object()->get(runtime, runtime.common_key(CommonAtom::Next)));
    // step 4: Let iteratorRecord be the Iterator Record { [[Iterator]]: iterator,
    // [[NextMethod]]: nextMethod, [[Done]]: false }.
    record.next_method.set(next);
    record.done = false;
    return {};
}

// IteratorStep then IteratorValue (§7.4.5, §7.4.4), setting [[Done]] on every abrupt
// completion as the combinators' loops do (e.g. PerformPromiseAll steps 4.a-g). nullopt: done.
ThrowCompletionOr<std::optional<Value>> iterator_step_value(Runtime& runtime,
                                                            RootedIteratorRecord& record) {
    // IteratorNext: Let result be ? Call(iteratorRecord.[[NextMethod]],
    // iteratorRecord.[[Iterator]]).
    Completion result = runtime.call(record.next_method.get(), record.iterator.get(), {});
    if (result.is_throw()) {
        record.done = true;
        return result.release_error();
    }
    // If result is not an Object, throw a TypeError exception.
    if (!result.value().is_object()) {
        record.done = true;
        return throw_type_error(runtime, "Iterator result " +
                                             describe_value(runtime, result.value()) +
                                             " is not an object");
    }
    RootedValue result_object(runtime.heap(), result.value());
    // IteratorComplete: Return ToBoolean(? Get(iterResult, "done")).
    Completion done =
        result.value().as_object()->get(runtime, runtime.common_key(CommonAtom::Done));
    if (done.is_throw()) {
        record.done = true;
        return done.release_error();
    }
    if (to_boolean(done.value())) {
        record.done = true;
        return std::optional<Value>();
    }
    // IteratorValue: Return ? Get(iterResult, "value").
    Completion value =
        result_object.get().as_object()->get(runtime, runtime.common_key(CommonAtom::Value));
    if (value.is_throw()) {
        record.done = true;
        return value.release_error();
    }
    return std::optional<Value>(value.value());
}

// IteratorClose(iteratorRecord, completion) (§7.4.8) for a throw completion: `return` is
// called if present, and the original throw wins over anything it does.
ThrowCompletion iterator_close_after_throw(Runtime& runtime, RootedIteratorRecord& record,
                                           ThrowCompletion thrown) {
    RootedValue keep(runtime.heap(), thrown.value);
    Value iterator = record.iterator.get();
    // step 3: Let innerResult be Completion(GetMethod(iterator, "return")).
    Completion method = iterator.as_object()->get(runtime, runtime.key("return"));
    // step 4.b: If return is undefined, return ? completion.
    // step 4.c: Set innerResult to Completion(Call(return, iterator)).
    if (!method.is_throw() && !method.value().is_nullish()) {
        Completion ignored = runtime.call(method.value(), iterator, {});
        (void)ignored;
    }
    // step 5: If completion is a throw completion, return ? completion.
    return ThrowCompletion{keep.get()};
}

// IfAbruptRejectPromise(value, capability) (§27.2.1.1.1), for a throw.
Completion reject_capability(Runtime& runtime, PromiseCapability& capability, Value reason) {
    // step 1.a: Perform ? Call(capability.[[Reject]], undefined, « value.[[Value]] »).
    LOOPSIM_TRY(call_capability_reject(runtime, capability, reason));
    // step 1.b: Return capability.[[Promise]].
    return capability.promise;
}

// A new AggregateError (§20.5.7.1 for its shape) with message "All promises were rejected"
// and own "errors", as PerformPromiseAny and its reject element functions make.
Object* make_aggregate_error(Runtime& runtime, const std::vector<Value>& errors) {
    static constexpr std::string_view kMessage = "All promises were rejected";
    Object* error;
    if (Object* prototype = runtime.intrinsic(Intrinsic::AggregateErrorPrototype)) {
        error = Object::create(runtime, prototype);
        Root<Object> rooted(runtime.heap(), error);
        error->put_direct(runtime, runtime.common_key(CommonAtom::Stack), Value(), attr::Builtin);
        error->put_direct(runtime, runtime.common_key(CommonAtom::Message),
                          Value(runtime.string(kMessage)), attr::Builtin);
        (void)install_error_stack(runtime, *error);
    } else {
        // No built-ins installed (unit tests of this layer): a plain error named AggregateError.
        error = runtime.make_error(ErrorType::Error, kMessage);
        error->put_direct(runtime, runtime.common_key(CommonAtom::Name),
                          Value(runtime.string("AggregateError")), attr::Builtin);
    }
    // DefinePropertyOrThrow(error, "errors", { [[Configurable]]: true, [[Enumerable]]: false,
    // [[Writable]]: true, [[Value]]: CreateArrayFromList(errors) }).
    error->put_direct(runtime, runtime.key("errors"), Value(Array::create_from(runtime, errors)),
                      attr::Builtin);
    return error;
}

// --- element functions
// ----------------------------------------------------------------------------

// Steps 1-7 of every element function: the already-called check and the shared slots.
ElementRecord* claim_element(NativeFunction& callee) {
    auto* element = static_cast<ElementRecord*>(callee.data().as_cell());
    // step 2: If F.[[AlreadyCalled]] is true, return undefined.
    if (element->already_called) return nullptr;
    // step 3: Set F.[[AlreadyCalled]] to true.
    element->already_called = true;
    return element;
}

// Steps 8-10 of the resolve element functions: store, count down, resolve when done.
Completion store_and_maybe_resolve(Runtime& runtime, ElementRecord& element, Value stored) {
    CombinatorRecord& shared = *element.shared;
    // step 8 (all; 12 allSettled): Set values[index] to x (or obj).
    shared.values[element.index] = stored;
    // step 9: Set remainingElementsCount.[[Value]] to remainingElementsCount.[[Value]] - 1.
    // step 10: If remainingElementsCount.[[Value]] = 0, then
    if (--shared.remaining == 0) {
        // step 10.a: Let valuesArray be CreateArrayFromList(values).
        Array* values = Array::create_from(runtime, shared.values);
        // step 10.b: Return ? Call(promiseCapability.[[Resolve]], undefined, « valuesArray »).
        return call_capability_resolve(runtime, *shared.capability, Value(values));
    }
    // step 11: Return undefined.
    return Value();
}

// 27.2.4.1.3 Promise.all Resolve Element Functions.
Completion all_resolve_element(Runtime& runtime, NativeFunction& callee, Value,
                               std::span<const Value> args) {
    ElementRecord* element = claim_element(callee);
    if (element == nullptr) return Value();
    return store_and_maybe_resolve(runtime, *element, args.empty() ? Value() : args[0]);
}

// The settlement record of 27.2.4.2.2 / 27.2.4.2.3 steps 9-11.
Object* settled_record(Runtime& runtime, std::string_view status, std::string_view key, Value x) {
    // step 9: Let obj be OrdinaryObjectCreate(%Object.prototype%).
    Object* object = Object::create(runtime, runtime.object_prototype());
    // step 10: Perform ! CreateDataPropertyOrThrow(obj, "status", "fulfilled"/"rejected").
    object->put_direct(runtime, runtime.key("status"), Value(runtime.string(status)));
    // step 11: Perform ! CreateDataPropertyOrThrow(obj, "value"/"reason", x).
    object->put_direct(runtime, runtime.key(key), x);
    return object;
}

// 27.2.4.2.2 Promise.allSettled Resolve Element Functions.
Completion all_settled_resolve_element(Runtime& runtime, NativeFunction& callee, Value,
                                       std::span<const Value> args) {
    ElementRecord* element = claim_element(callee);
    if (element == nullptr) return Value();
    Value x = args.empty() ? Value() : args[0];
    return store_and_maybe_resolve(runtime, *element,
                                   Value(settled_record(runtime, "fulfilled", "value", x)));
}

// 27.2.4.2.3 Promise.allSettled Reject Element Functions.
Completion all_settled_reject_element(Runtime& runtime, NativeFunction& callee, Value,
                                      std::span<const Value> args) {
    ElementRecord* element = claim_element(callee);
    if (element == nullptr) return Value();
    Value x = args.empty() ? Value() : args[0];
    return store_and_maybe_resolve(runtime, *element,
                                   Value(settled_record(runtime, "rejected", "reason", x)));
}

// 27.2.4.3.2 Promise.any Reject Element Functions.
Completion any_reject_element(Runtime& runtime, NativeFunction& callee, Value,
                              std::span<const Value> args) {
    ElementRecord* element = claim_element(callee);
    if (element == nullptr) return Value();
    CombinatorRecord& shared = *element->shared;
    // step 8: Set errors[index] to x.
    shared.values[element->index] = args.empty() ? Value() : args[0];
    // step 9: Set remainingElementsCount.[[Value]] to remainingElementsCount.[[Value]] - 1.
    // step 10: If remainingElementsCount.[[Value]] = 0, then
    if (--shared.remaining == 0) {
        // step 10.a-b: Let error be a newly created AggregateError object with "errors".
        Object* error = make_aggregate_error(runtime, shared.values);
        // step 10.c: Return ? Call(promiseCapability.[[Reject]], undefined, « error »).
        return call_capability_reject(runtime, *shared.capability, Value(error));
    }
    // step 11: Return undefined.
    return Value();
}

// --- PerformPromiseAll / AllSettled / Any / Race
// --------------------------------------------------

// The loop of PerformPromiseAll (§27.2.4.1.2), PerformPromiseAllSettled (§27.2.4.2.1),
// PerformPromiseAny (§27.2.4.3.1) and PerformPromiseRace (§27.2.4.5.1); step numbers are
// PerformPromiseAll's, the others differ only where noted.
Completion perform_combinator(Runtime& runtime, Combinator which, RootedIteratorRecord& iterator,
                              Value constructor, PromiseCapability& capability,
                              Value promise_resolve) {
    Heap& heap = runtime.heap();
    // steps 1-3: values (errors for any) is a new empty List; remainingElementsCount is the
    // Record { [[Value]]: 1 }; index is 0.
    Root<CombinatorRecord> shared(heap, heap.allocate<CombinatorRecord>(&capability));
    uint32_t index = 0;
    // step 4: Repeat,
    for (;;) {
        // steps 4.a-c, e-g: next value, or done.
        std::optional<Value> next = LOOPSIM_TRY(iterator_step_value(runtime, iterator));
        // step 4.d: If next is false (done), then
        if (!next) {
            // step 4.d.i: Set iteratorRecord.[[Done]] to true (done by iterator_step_value).
            // Race, step 1.d.ii: Return resultCapability.[[Promise]].
            if (which == Combinator::Race) return capability.promise;
            // step 4.d.ii: Set remainingElementsCount.[[Value]] to its value - 1.
            // step 4.d.iii: If remainingElementsCount.[[Value]] = 0, then
            if (--shared->remaining == 0) {
                // Any, step 4.d.iii: error = a new AggregateError with "errors";
                // Return ThrowCompletion(error).
                if (which == Combinator::Any)
                    return ThrowCompletion{Value(make_aggregate_error(runtime, shared->values))};
                // step 4.d.iii.1: Let valuesArray be CreateArrayFromList(values).
                Array* values = Array::create_from(runtime, shared->values);
                // step 4.d.iii.2: Perform ? Call(resultCapability.[[Resolve]], undefined,
                // « valuesArray »).
                LOOPSIM_TRY(call_capability_resolve(runtime, capability, Value(values)));
            }
            // step 4.d.iv: Return resultCapability.[[Promise]].
            return capability.promise;
        }
        // step 4.h: Append undefined to values (errors).
        if (which != Combinator::Race) shared->append_undefined(heap);
        // step 4.i: Let nextPromise be ? Call(promiseResolve, constructor, « nextValue »).
        std::array<Value, 1> resolve_args{*next};
        Value next_promise = LOOPSIM_TRY(runtime.call(promise_resolve, constructor, resolve_args));
        std::array<Value, 2> then_args{};
        switch (which) {
        case Combinator::All: {
            // steps 4.j-q: onFulfilled = CreateBuiltinFunction(Promise.all Resolve Element
            // Functions, 1, "", ...) with [[AlreadyCalled]] false, [[Index]] index,
            // [[Values]], [[Capability]] and [[RemainingElements]].
            auto* element = heap.allocate<ElementRecord>(shared.get(), index);
            then_args[0] =
                Value(NativeFunction::create(runtime, "", 1, all_resolve_element, Value(element)));
            // step 4.s (second argument): resultCapability.[[Reject]].
            then_args[1] = capability.reject;
            break;
        }
        case Combinator::AllSettled: {
            // AllSettled steps 4.j-w: onFulfilled and onRejected share alreadyCalled.
            auto* element = heap.allocate<ElementRecord>(shared.get(), index);
            then_args[0] = Value(NativeFunction::create(runtime, "", 1, all_settled_resolve_element,
                                                        Value(element)));
            then_args[1] = Value(
                NativeFunction::create(runtime, "", 1, all_settled_reject_element, Value(element)));
            break;
        }
        case Combinator::Any: {
            // Any steps 4.j-q: onRejected = CreateBuiltinFunction(Promise.any Reject Element
            // Functions, 1, "", ...); then is invoked with « resultCapability.[[Resolve]],
            // onRejected ».
            auto* element = heap.allocate<ElementRecord>(shared.get(), index);
            then_args[0] = capability.resolve;
            then_args[1] =
                Value(NativeFunction::create(runtime, "", 1, any_reject_element, Value(element)));
            break;
        }
        case Combinator::Race:
            // Race step 1.i: Perform ? Invoke(nextPromise, "then", « resultCapability.[[Resolve]],
            // resultCapability.[[Reject]] »).
            then_args[0] = capability.resolve;
            then_args[1] = capability.reject;
            break;
        }
        // step 4.r: Set remainingElementsCount.[[Value]] to remainingElementsCount.[[Value]] + 1.
        if (which != Combinator::Race) ++shared->remaining;
        // step 4.s: Perform ? Invoke(nextPromise, "then", « onFulfilled,
        // resultCapability.[[Reject]] »).
        LOOPSIM_TRY(invoke_then(runtime, next_promise, then_args));
        // step 4.t: Set index to index + 1.
        ++index;
    }
}

// Promise.all (§27.2.4.1) and its siblings, steps 1-9.
Completion promise_combinator(Runtime& runtime, Combinator which, Value this_value,
                              std::span<const Value> args) {
    Value iterable = args.empty() ? Value() : args[0];
    // step 1: Let C be the this value.
    Value c = this_value;
    if (!c.is_object())
        return throw_type_error(runtime,
                                std::string(combinator_name(which)) + " called on non-object");
    if (!runtime.is_constructor(c))
        return throw_type_error(runtime, describe_value(runtime, c) + " is not a constructor");
    // step 2: Let promiseCapability be ? NewPromiseCapability(C).
    Root<PromiseCapability> capability(runtime.heap(),
                                       LOOPSIM_TRY(new_promise_capability(runtime, c)));
    // step 3: Let promiseResolve be Completion(GetPromiseResolve(C)).
    // (GetPromiseResolve §27.2.4.1.1: Let promiseResolve be ? Get(promiseConstructor,
    // "resolve"); if IsCallable(promiseResolve) is false, throw a TypeError exception.)
    Completion promise_resolve = c.as_object()->get(runtime, runtime.key("resolve"));
    if (!promise_resolve.is_throw() && !Runtime::is_callable(promise_resolve.value()))
        promise_resolve = throw_type_error(runtime, "resolve is not a function");
    // step 4: IfAbruptRejectPromise(promiseResolve, promiseCapability).
    if (promise_resolve.is_throw())
        return reject_capability(runtime, *capability, promise_resolve.thrown_value());
    RootedValue resolve_function(runtime.heap(), promise_resolve.value());
    // step 5: Let iteratorRecord be Completion(GetIterator(iterable, sync)).
    RootedIteratorRecord iterator(runtime.heap());
    ThrowCompletionOr<void> got = get_iterator(runtime, iterable, iterator);
    // step 6: IfAbruptRejectPromise(iteratorRecord, promiseCapability).
    if (got.is_throw()) return reject_capability(runtime, *capability, got.thrown_value());
    // step 7: Let result be Completion(PerformPromiseAll(iteratorRecord, C, promiseCapability,
    // promiseResolve)).
    Completion result =
        perform_combinator(runtime, which, iterator, c, *capability, resolve_function.get());
    // step 8: If result is an abrupt completion, then
    if (result.is_throw()) {
        ThrowCompletion thrown = result.release_error();
        // step 8.a: If iteratorRecord.[[Done]] is false, set result to
        // Completion(IteratorClose(iteratorRecord, result)).
        if (!iterator.done) thrown = iterator_close_after_throw(runtime, iterator, thrown);
        // step 8.b: IfAbruptRejectPromise(result, promiseCapability).
        return reject_capability(runtime, *capability, thrown.value);
    }
    // step 9: Return ? result.
    return result;
}

Completion promise_all(Runtime& runtime, NativeFunction&, Value this_value,
                       std::span<const Value> args) {
    return promise_combinator(runtime, Combinator::All, this_value, args);
}

Completion promise_all_settled(Runtime& runtime, NativeFunction&, Value this_value,
                               std::span<const Value> args) {
    return promise_combinator(runtime, Combinator::AllSettled, this_value, args);
}

Completion promise_any(Runtime& runtime, NativeFunction&, Value this_value,
                       std::span<const Value> args) {
    return promise_combinator(runtime, Combinator::Any, this_value, args);
}

Completion promise_race(Runtime& runtime, NativeFunction&, Value this_value,
                        std::span<const Value> args) {
    return promise_combinator(runtime, Combinator::Race, this_value, args);
}

} // namespace

void install_promise_combinators(Runtime& runtime, Object& constructor) {
    // V8's order: all, allSettled, any, race (then resolve, reject; promise_builtins.cpp).
    define_method(runtime, constructor, "all", 1, promise_all);
    define_method(runtime, constructor, "allSettled", 1, promise_all_settled);
    define_method(runtime, constructor, "any", 1, promise_any);
    define_method(runtime, constructor, "race", 1, promise_race);
}

} // namespace loopsim::js
