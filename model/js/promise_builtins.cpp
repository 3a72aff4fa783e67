// The Promise constructor, Promise.resolve/reject, get Promise[@@species] and
// Promise.prototype.then/catch/finally (ECMA-262 2023 §27.2.3-§27.2.5), and install_promise.
// The combinators (all, allSettled, any, race) are in promise_combinators.cpp.
#include "model/js/builtins/builtin_support.h"
#include "model/js/builtins/to_object.h"
#include "model/js/function.h"
#include "model/js/promise.h"
#include "model/js/runtime.h"

#include <array>

namespace loopsim::js {

Completion promise_species_getter(Runtime&, NativeFunction&, Value this_value,
                                  std::span<const Value>) {
    // 27.2.4.8 get Promise [ @@species ] step 1: Return the this value.
    return this_value;
}

namespace {

Value argument(std::span<const Value> args, size_t index) {
    return index < args.size() ? args[index] : Value();
}

// The state Promise.prototype.finally's thenFinally / catchFinally closures capture.
class FinallyRecord final : public Cell {
public:
    FinallyRecord(Value on_finally, Value constructor)
        : Cell(CellKind::Internal), on_finally(on_finally), constructor(constructor) {}
    void visit_edges(Visitor& visitor) override {
        visitor.visit(on_finally);
        visitor.visit(constructor);
    }

    Value on_finally;
    Value constructor;
};

// --- 27.2.3 The Promise constructor
// ---------------------------------------------------------------

Completion promise_call(Runtime& runtime, NativeFunction&, Value, std::span<const Value>) {
    // 27.2.3.1 step 1: If NewTarget is undefined, throw a TypeError exception.
    return throw_type_error(runtime, "Promise constructor cannot be invoked without 'new'");
}

Completion promise_construct(Runtime& runtime, NativeFunction&, std::span<const Value> args,
                             Object& new_target) {
    Value executor = argument(args, 0);
    // 27.2.3.1 step 2: If IsCallable(executor) is false, throw a TypeError exception.
    if (!Runtime::is_callable(executor))
        return throw_type_error(runtime, "Promise resolver " + describe_value(runtime, executor) +
                                             " is not a function");
    // step 3: Let promise be ? OrdinaryCreateFromConstructor(NewTarget,
    // "%Promise.prototype%", « [[PromiseState]], [[PromiseResult]],
    // [[PromiseFulfillReactions]], [[PromiseRejectReactions]], [[PromiseIsHandled]] »).
    Object* prototype =
        LOOPSIM_TRY(runtime.prototype_from_constructor(new_target, runtime.promise_prototype()));
    // steps 4-7: state pending, empty reaction lists, [[PromiseIsHandled]] false.
    Root<Promise> promise(runtime.heap(), runtime.heap().allocate<Promise>(runtime, prototype));
    // step 8: Let resolvingFunctions be CreateResolvingFunctions(promise).
    ResolvingFunctions functions = create_resolving_functions(runtime, *promise);
    Root<NativeFunction> reject(runtime.heap(), functions.reject);
    // step 9: Let completion be Completion(Call(executor, undefined,
    // « resolvingFunctions.[[Resolve]], resolvingFunctions.[[Reject]] »)).
    std::array<Value, 2> resolving{Value(functions.resolve), Value(functions.reject)};
    Completion completion = runtime.call(executor, Value(), resolving);
    // step 10: If completion is an abrupt completion, then
    //   perform ? Call(resolvingFunctions.[[Reject]], undefined, « completion.[[Value]] »).
    if (completion.is_throw()) {
        std::array<Value, 1> reason{completion.thrown_value()};
        LOOPSIM_TRY(runtime.call(Value(reject.get()), Value(), reason));
    }
    // step 11: Return promise.
    return Value(promise.get());
}

// --- 27.2.4 Properties of the Promise constructor
// -------------------------------------------------

Completion promise_reject_static(Runtime& runtime, NativeFunction&, Value this_value,
                                 std::span<const Value> args) {
    // 27.2.4.6 step 1: Let C be the this value.
    if (!this_value.is_object())
        return throw_type_error(runtime, "PromiseReject called on non-object");
    // step 2: Let promiseCapability be ? NewPromiseCapability(C).
    Root<PromiseCapability> capability(runtime.heap(),
                                       LOOPSIM_TRY(new_promise_capability(runtime, this_value)));
    // step 3: Perform ? Call(promiseCapability.[[Reject]], undefined, « r »).
    LOOPSIM_TRY(call_capability_reject(runtime, *capability, argument(args, 0)));
    // step 4: Return promiseCapability.[[Promise]].
    return capability->promise;
}

Completion promise_resolve_static(Runtime& runtime, NativeFunction&, Value this_value,
                                  std::span<const Value> args) {
    // 27.2.4.7 step 1: Let C be the this value.
    // step 2: If C is not an Object, throw a TypeError exception.
    if (!this_value.is_object())
        return throw_type_error(runtime, "PromiseResolve called on non-object");
    // step 3: Return ? PromiseResolve(C, x).
    return promise_resolve_with(runtime, this_value, argument(args, 0));
}

// --- 27.2.5 Properties of the Promise prototype object
// --------------------------------------------

Completion promise_then(Runtime& runtime, NativeFunction&, Value this_value,
                        std::span<const Value> args) {
    // 27.2.5.4 step 1: Let promise be the this value.
    // step 2: If IsPromise(promise) is false, throw a TypeError exception.
    if (!is_promise(this_value))
        return throw_type_error(runtime,
                                "Method Promise.prototype.then called on incompatible receiver " +
                                    describe_value(runtime, this_value));
    auto& promise = static_cast<Promise&>(*this_value.as_object());
    Value promise_constructor = Value(runtime.promise_constructor());
    // step 3: Let C be ? SpeciesConstructor(promise, %Promise%).
    Value c = LOOPSIM_TRY(species_constructor(runtime, promise, promise_constructor));
    // step 4: Let resultCapability be ? NewPromiseCapability(C).
    Cell* capability;
    if (c.is_same_bits(promise_constructor)) {
        // Construct(%Promise%, « executor ») runs no user code, and nothing but the reaction
        // job can reach the resolving functions: settle the derived promise directly
        // (promise.h, "the contract").
        capability = new_promise(runtime);
    } else {
        capability = LOOPSIM_TRY(new_promise_capability(runtime, c));
    }
    // step 5: Return PerformPromiseThen(promise, onFulfilled, onRejected, resultCapability).
    return perform_promise_then_with(runtime, promise, argument(args, 0), argument(args, 1),
                                     capability);
}

Completion promise_catch(Runtime& runtime, NativeFunction&, Value this_value,
                         std::span<const Value> args) {
    // 27.2.5.1 step 1: Let promise be the this value.
    // step 2: Return ? Invoke(promise, "then", « undefined, onRejected »).
    std::array<Value, 2> then_args{Value(), argument(args, 0)};
    return invoke_then(runtime, this_value, then_args);
}

// 27.2.5.3 step 6.a.iii: returnValue, the closure that returns the captured value.
Completion finally_value_thunk(Runtime&, NativeFunction& callee, Value, std::span<const Value>) {
    return callee.data();
}

// 27.2.5.3 step 6.c.iii: throwReason, the closure that throws the captured reason.
Completion finally_thrower(Runtime&, NativeFunction& callee, Value, std::span<const Value>) {
    return ThrowCompletion{callee.data()};
}

// The common part of thenFinally (step 6.a) and catchFinally (step 6.c).
Completion finally_reaction(Runtime& runtime, NativeFunction& callee, Value settled,
                            NativeFn continuation) {
    Root<FinallyRecord> record(runtime.heap(),
                               static_cast<FinallyRecord*>(callee.data().as_cell()));
    RootedValue keep_settled(runtime.heap(), settled);
    // step i: Let result be ? Call(onFinally, undefined).
    Value result = LOOPSIM_TRY(runtime.call(record->on_finally, Value(), {}));
    // step ii: Let p be ? PromiseResolve(C, result).
    Value p = LOOPSIM_TRY(promise_resolve_with(runtime, record->constructor, result));
    // steps iii-iv: valueThunk (or thrower) = CreateBuiltinFunction(closure, 0, "", « »).
    NativeFunction* thunk = NativeFunction::create(runtime, "", 0, continuation, settled);
    // step v: Return ? Invoke(p, "then", « valueThunk » (or « thrower »)).
    std::array<Value, 1> then_args{Value(thunk)};
    return invoke_then(runtime, p, then_args);
}

Completion finally_then(Runtime& runtime, NativeFunction& callee, Value,
                        std::span<const Value> args) {
    // 27.2.5.3 step 6.a: thenFinallyClosure(value).
    return finally_reaction(runtime, callee, argument(args, 0), finally_value_thunk);
}

Completion finally_catch(Runtime& runtime, NativeFunction& callee, Value,
                         std::span<const Value> args) {
    // 27.2.5.3 step 6.c: catchFinallyClosure(reason).
    return finally_reaction(runtime, callee, argument(args, 0), finally_thrower);
}

Completion promise_finally(Runtime& runtime, NativeFunction&, Value this_value,
                           std::span<const Value> args) {
    Value on_finally = argument(args, 0);
    // 27.2.5.3 step 1: Let promise be the this value.
    // step 2: If promise is not an Object, throw a TypeError exception.
    if (!this_value.is_object())
        return throw_type_error(runtime, "Promise.prototype.finally called on non-object");
    // step 3: Let C be ? SpeciesConstructor(promise, %Promise%).
    // step 4: Assert: IsConstructor(C) is true.
    Value c = LOOPSIM_TRY(species_constructor(runtime, *this_value.as_object(),
                                              Value(runtime.promise_constructor())));
    std::array<Value, 2> then_args{on_finally, on_finally};
    // step 5: If IsCallable(onFinally) is false, thenFinally and catchFinally are onFinally.
    if (Runtime::is_callable(on_finally)) {
        // step 6: Else, create thenFinally (6.a-b) and catchFinally (6.c-d), both
        // CreateBuiltinFunction(closure, 1, "", « »), capturing onFinally and C.
        auto* record = runtime.heap().allocate<FinallyRecord>(on_finally, c);
        then_args[0] = Value(NativeFunction::create(runtime, "", 1, finally_then, Value(record)));
        then_args[1] = Value(NativeFunction::create(runtime, "", 1, finally_catch, Value(record)));
    }
    // step 7: Return ? Invoke(promise, "then", « thenFinally, catchFinally »).
    return invoke_then(runtime, this_value, then_args);
}

} // namespace

Completion invoke_then(Runtime& runtime, Value promise, std::span<const Value> args) {
    // 7.3.21 Invoke(V, P, argumentsList), keeping V and the arguments rooted while the "then"
    // getter may run JS.
    RootedVector keep(runtime.heap());
    keep.push_back(promise);
    for (Value v : args) keep.push_back(v);
    // step 1: Let func be ? GetV(V, P).
    Value then = LOOPSIM_TRY(get_v(runtime, promise, runtime.common_key(CommonAtom::Then)));
    // step 2: Return ? Call(func, V, argumentsList).
    if (!Runtime::is_callable(then)) return throw_not_callable(runtime, then);
    return runtime.call(then, promise, args);
}

void install_promise(Runtime& runtime, Object& global) {
    // 27.2.5: %Promise.prototype% is an ordinary object whose [[Prototype]] is
    // %Object.prototype%. Property order follows V8 (Node 20).
    Object* prototype = Object::create(runtime, runtime.object_prototype());
    // 27.2.3: %Promise%; "length" 1, "name" "Promise", "prototype" (27.2.4.4: not writable,
    // enumerable or configurable), prototype.constructor (27.2.5.2).
    NativeFunction* constructor =
        define_constructor(runtime, "Promise", 1, promise_call, promise_construct, *prototype);
    runtime.set_promise_prototype(prototype);
    runtime.set_promise_constructor(constructor);
    install_promise_combinators(runtime, *constructor);
    define_method(runtime, *constructor, "resolve", 1, promise_resolve_static);
    define_method(runtime, *constructor, "reject", 1, promise_reject_static);
    define_getter(runtime, *constructor,
                  PropertyKey::symbol(runtime.well_known_symbol(WellKnownSymbol::Species)),
                  symbol_function_name(runtime, WellKnownSymbol::Species), promise_species_getter);
    define_method(runtime, *prototype, "then", 2, promise_then);
    define_method(runtime, *prototype, "catch", 1, promise_catch);
    define_method(runtime, *prototype, "finally", 1, promise_finally);
    // 27.2.5.5 Promise.prototype [ @@toStringTag ]: "Promise", configurable only.
    prototype->put_direct(
        runtime, PropertyKey::symbol(runtime.well_known_symbol(WellKnownSymbol::ToStringTag)),
        Value(runtime.string("Promise")), attr::Configurable);
    global.put_direct(runtime, runtime.key("Promise"), Value(constructor), attr::Builtin);
}

} // namespace loopsim::js
