// PromiseReactionJob and PromiseResolveThenableJob (ECMA-262 2023 §27.2.2).
#include "model/js/promise_jobs.h"

#include "model/js/frame.h"
#include "model/js/function.h"
#include "model/js/runtime.h"

#include <array>
#include <optional>

namespace loopsim::js {

PromiseReactionJob* new_promise_reaction_job(Runtime& runtime, const PromiseReaction& reaction,
                                             Value argument) {
    return new_promise_reaction_job(runtime, reaction.capability, reaction.type, reaction.handler,
                                    reaction.internal, argument);
}

PromiseReactionJob* new_promise_reaction_job(Runtime& runtime, Cell* capability,
                                             PromiseReactionType type, Value handler, bool internal,
                                             Value argument) {
    // 27.2.2.1 NewPromiseReactionJob: the closure captures reaction and argument; steps 2-3
    // (the handler's realm) have no counterpart, loopsim has one realm.
    auto* job = runtime.heap().allocate<PromiseReactionJob>(capability, type, handler, argument);
    if (internal) job->set_internal();
    return job;
}

Completion PromiseReactionJob::run(Runtime& runtime) {
    // The host keeps this job reachable until it has run; rooting it here also covers a
    // host that pops the job off its queue first.
    Root<Job> keep_alive(runtime.heap(), this);
    // 27.2.2.1 step 1.a: Let promiseCapability be reaction.[[Capability]].
    Cell* capability = m_capability;
    // step 1.b: Let type be reaction.[[Type]].
    PromiseReactionType type = this->type();
    // step 1.c: Let handler be reaction.[[Handler]].
    Value handler = m_handler;
    // The host's own reaction with a native handler (Promise.prototype.finally's steps on a
    // promise of the host's, a resolving function) is host plumbing: the reactions and
    // thenable jobs it leads to are the host's too. A script's function or an await never is.
    std::optional<Runtime::HostPromiseScope> host_scope;
    if (is_internal() && handler.is_cell() && handler.as_cell()->kind() == CellKind::NativeFunction)
        host_scope.emplace(runtime);
    Completion handler_result = Value();
    if (handler.is_empty()) {
        // step 1.d.i: If type is Fulfill, let handlerResult be NormalCompletion(argument).
        // step 1.d.ii: Else, let handlerResult be ThrowCompletion(argument).
        if (type == PromiseReactionType::Fulfill)
            handler_result = m_argument;
        else
            handler_result = ThrowCompletion{m_argument};
    } else {
        // step 1.e: Let handlerResult be Completion(HostCallJobCallback(handler, undefined,
        // « argument »)).
        if (is_suspended_frame(handler)) {
            // An await's continuation: its async function goes on, or throws at the await.
            handler_result =
                runtime.call_handler()->resume(*static_cast<SuspendedFrame*>(handler.as_cell()),
                                               m_argument, type == PromiseReactionType::Reject);
        } else {
            std::array<Value, 1> args{m_argument};
            handler_result = runtime.call(handler, Value(), args);
        }
    }
    // step 1.f: If promiseCapability is undefined, then
    if (capability == nullptr) {
        // step 1.f.i: Assert: handlerResult is not an abrupt completion. Only the VM's
        // internal await handlers come here; a throw from one is handed to the host.
        if (handler_result.is_throw()) return handler_result;
        // step 1.f.ii: Return empty.
        return Value();
    }
    // step 1.g: Assert: promiseCapability is a PromiseCapability Record.
    // step 1.h: If handlerResult is an abrupt completion, then
    //   return ? Call(promiseCapability.[[Reject]], undefined, « handlerResult.[[Value]] »).
    if (handler_result.is_throw())
        return reject_reaction_capability(runtime, *capability, handler_result.thrown_value());
    // step 1.i: Else, return ? Call(promiseCapability.[[Resolve]], undefined,
    //   « handlerResult.[[Value]] »).
    return resolve_reaction_capability(runtime, *capability, handler_result.value());
}

PromiseResolveThenableJob* new_promise_resolve_thenable_job(Runtime& runtime,
                                                            Object& promise_to_resolve,
                                                            Value thenable, Value then) {
    // 27.2.2.2 NewPromiseResolveThenableJob: the closure captures promiseToResolve,
    // thenable and then; steps 2-4 (getting then's realm) have no counterpart here.
    return runtime.heap().allocate<PromiseResolveThenableJob>(&promise_to_resolve, thenable, then);
}

Completion PromiseResolveThenableJob::run(Runtime& runtime) {
    Root<Job> keep_alive(runtime.heap(), this);
    // 27.2.2.2 step 1.a: Let resolvingFunctions be CreateResolvingFunctions(promiseToResolve).
    ResolvingFunctions functions = create_resolving_functions(runtime, *m_promise_to_resolve);
    Root<NativeFunction> reject(runtime.heap(), functions.reject);
    // step 1.b: Let thenCallResult be Completion(HostCallJobCallback(then, thenable,
    // « resolvingFunctions.[[Resolve]], resolvingFunctions.[[Reject]] »)).
    std::array<Value, 2> args{Value(functions.resolve), Value(functions.reject)};
    // The host's own thenable job registers the host's own reactions.
    std::optional<Runtime::HostPromiseScope> host_scope;
    if (is_internal()) host_scope.emplace(runtime);
    Completion then_call_result = runtime.call(m_then, m_thenable, args);
    host_scope.reset();
    // step 1.c: If thenCallResult is an abrupt completion, then
    //   return ? Call(resolvingFunctions.[[Reject]], undefined, « thenCallResult.[[Value]] »).
    if (then_call_result.is_throw()) {
        std::array<Value, 1> reason{then_call_result.thrown_value()};
        return runtime.call(Value(reject.get()), Value(), reason);
    }
    // step 1.d: Return ? thenCallResult.
    return then_call_result;
}

} // namespace loopsim::js
