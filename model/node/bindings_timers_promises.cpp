// timers/promises: setTimeout and setImmediate returning promises, and `scheduler`
// (lib/timers/promises.js). Each promise is resolved by a real Timeout or Immediate whose
// callback is the promise's resolve function, so it settles in the timers or check phase
// exactly where the callback form would run, and `await` resumes in the drain after it.
// Also the util.promisify.custom getters of the global setTimeout and setImmediate, and
// the TimeoutOverflowWarning of the Timeout constructor.
//
// options.signal: a signal already aborted rejects at once with an AbortError; otherwise
// aborting it clears the timer (unless it has fired) and rejects. As in Node, the promise
// returned with a signal is the timer's promise passed through SafePromisePrototypeFinally
// (which removes the abort listener): its reactions run six promise jobs later than
// without a signal, which shows when an abort and other microtasks meet in one drain.
//
// Not modelled: setInterval's async iterator (calling it throws a loopsim error).
#include "model/js/builtins/builtin_support.h"
#include "model/js/conversions.h"
#include "model/js/function.h"
#include "model/js/promise.h"
#include "model/js/runtime.h"
#include "model/js/string.h"
#include "model/node/bindings.h"
#include "model/node/script_host.h"

#include <limits>

namespace loopsim::node {

namespace {

// The checks both functions make before scheduling anything (validateObject, then the
// optional signal and ref). On failure the error is returned, to reject the promise with.
js::Completion check_options(ScriptHost& host, js::Value options, bool& ref,
                             js::RootedValue& signal_out) {
    js::Runtime& rt = host.runtime();
    ref = true;
    if (options.is_undefined()) return js::Value();
    if (!options.is_object() || js::Runtime::is_callable(options) || js::is_array(options))
        return arg_type_error(host, "options", {"object"}, options);
    js::RootedValue rooted(rt.heap(), options);
    js::Value signal = LOOPSIM_TRY(options.as_object()->get(rt, rt.key("signal")));
    if (!signal.is_undefined() && !is_abort_signal(host, signal))
        return arg_type_error(host, "options.signal", {"AbortSignal"}, signal);
    signal_out.set(signal);
    js::Value ref_value = LOOPSIM_TRY(rooted.get().as_object()->get(rt, rt.key("ref")));
    if (!ref_value.is_undefined()) {
        if (!ref_value.is_boolean())
            return arg_type_error(host, "options.ref", {"boolean"}, ref_value);
        ref = ref_value.as_bool();
    }
    return js::Value();
}

js::Value rejected_promise(js::Runtime& rt, js::Value reason) {
    js::RootedValue rooted(rt.heap(), reason);
    js::Object* promise = js::new_promise(rt);
    js::reject_promise(rt, *promise, rooted.get());
    return js::Value(promise);
}

// The frame of the function that found the signal aborted: "Object.setTimeout" when called
// on the module object, as V8 names it.
std::vector<std::string> caller_frame(js::Runtime& rt, js::Value self, std::string_view name,
                                      std::string_view site) {
    std::string prefix = self.is_object() ? js::receiver_type_name(rt, self) + "." : "";
    return {prefix + std::string(name) + " (node:timers/promises:" + std::string(site) + ")"};
}

// cancelListenerHandler, bound to the timer or immediate: unless it ran, clear it and reject.
js::Completion cancel_listener(js::Runtime& rt, js::NativeFunction& callee, js::Value,
                               std::span<const js::Value>) {
    ScriptHost& host = ScriptHost::from(rt);
    js::Root<js::Object> state(rt.heap(), callee.data().as_object());
    const auto read = [&](std::string_view name) { return state->get(rt, rt.key(name)).value(); };
    const bool is_timeout = read("timeout").as_bool();
    const auto slot = static_cast<uint32_t>(read("slot").as_number());
    const auto id = static_cast<uint64_t>(read("id").as_number());
    if (is_timeout) {
        Timeout* timer = host.env().timers().live_at(slot);
        if (!timer || timer->id != id) return js::Value();
        host.env().timers().clear(*timer);
    } else {
        Immediate* immediate = host.env().immediates().live_at(slot);
        if (!immediate || immediate->id != id) return js::Value();
        host.env().immediates().clear(*immediate);
    }
    js::RootedValue reject(rt.heap(), read("reject"));
    js::Value signal = read("signal");
    static const std::vector<std::string> k_timeout_site = {
        "Timeout.cancelListenerHandler (node:timers/promises:48:12)"};
    static const std::vector<std::string> k_immediate_site = {
        "Immediate.cancelListenerHandler (node:timers/promises:48:12)"};
    js::Value reason = abort_signal_reason(host, *signal.as_object());
    js::Value error[] = {
        make_abort_error(host, reason, is_timeout ? k_timeout_site : k_immediate_site)};
    return rt.call(reject.get(), js::Value(), error);
}

// The listener SafePromisePrototypeFinally runs: signal.removeEventListener('abort', oncancel).
js::Completion remove_cancel_listener(js::Runtime& rt, js::NativeFunction& callee, js::Value,
                                      std::span<const js::Value>) {
    js::Root<js::Object> state(rt.heap(), callee.data().as_object());
    js::Value signal = state->get(rt, rt.key("signal")).value();
    js::Value oncancel = state->get(rt, rt.key("oncancel")).value();
    remove_abort_listener(ScriptHost::from(rt), *signal.as_object(), oncancel);
    return js::Value();
}

// Listens for the signal's abort on behalf of the timer or immediate in `slot` (async id
// `id`), and returns the promise Node returns: `ret` through SafePromisePrototypeFinally,
//   new Promise((a, b) => new SafePromise((a, b) => ret.then(a, b)).finally(f).then(a, b)).
js::Completion with_signal(ScriptHost& host, js::Object& ret, js::ResolvingFunctions ret_fns,
                           js::Object& signal, bool is_timeout, uint32_t slot, uint64_t id) {
    js::Runtime& rt = host.runtime();
    js::Root<js::Object> rooted_ret(rt.heap(), &ret);
    js::Root<js::Object> state(rt.heap(), js::Object::create(rt, nullptr));
    state->put_direct(rt, rt.key("timeout"), js::Value(is_timeout));
    state->put_direct(rt, rt.key("slot"), js::Value::number(slot));
    state->put_direct(rt, rt.key("id"), js::Value::number(static_cast<double>(id)));
    state->put_direct(rt, rt.key("reject"), js::Value(ret_fns.reject));
    state->put_direct(rt, rt.key("signal"), js::Value(&signal));
    auto* oncancel = static_cast<js::NativeFunction*>(
        make_function(host, "bound cancelListenerHandler", 0, cancel_listener));
    oncancel->set_data(js::Value(state.get()));
    state->put_direct(rt, rt.key("oncancel"), js::Value(oncancel));
    add_abort_listener(host, signal, js::Value(oncancel), false);

    js::Runtime::HostPromiseScope internal(rt);
    js::Root<js::Object> outer(rt.heap(), js::new_promise(rt));
    js::ResolvingFunctions outer_fns = js::create_resolving_functions(rt, *outer);
    js::RootedValue a(rt.heap(), js::Value(outer_fns.resolve));
    js::RootedValue b(rt.heap(), js::Value(outer_fns.reject));
    js::Root<js::Object> safe(rt.heap(), js::new_promise(rt));
    js::ResolvingFunctions safe_fns = js::create_resolving_functions(rt, *safe);
    js::perform_promise_then(rt, *rooted_ret, js::Value(safe_fns.resolve),
                             js::Value(safe_fns.reject), js::new_promise(rt));
    auto* on_finally =
        static_cast<js::NativeFunction*>(make_function(host, "", 0, remove_cancel_listener));
    on_finally->set_data(js::Value(state.get()));
    js::Value finally_args[] = {js::Value(on_finally)};
    js::Value finally_fn = host.bindings().internals.at("abort.promiseFinally").get();
    js::Value finished = LOOPSIM_TRY(rt.call(finally_fn, js::Value(safe.get()), finally_args));
    if (finished.is_object() && js::is_promise(finished))
        js::perform_promise_then(rt, *finished.as_object(), a.get(), b.get(), js::new_promise(rt));
    return js::Value(outer.get());
}

// setTimeout(delay, value, options): a promise for `value`, resolved by a Timeout.
js::Completion promises_set_timeout(js::Runtime& rt, js::NativeFunction&, js::Value self,
                                    std::span<const js::Value> args) {
    ScriptHost& host = ScriptHost::from(rt);
    js::Value after = js::arg(args, 0);
    js::RootedValue value(rt.heap(), js::arg(args, 1));
    bool ref = true;
    if (!after.is_undefined() && !after.is_number())
        return rejected_promise(rt, arg_type_error(host, "delay", {"number"}, after).value);
    js::RootedValue signal(rt.heap());
    js::Completion checked = check_options(host, js::arg(args, 2), ref, signal);
    if (checked.is_throw()) return rejected_promise(rt, checked.thrown_value());
    if (signal.get().is_object() && abort_signal_aborted(host, *signal.get().as_object()))
        return rejected_promise(
            rt, make_abort_error(host, abort_signal_reason(host, *signal.get().as_object()),
                                 caller_frame(rt, self, "setTimeout", "74:26")));

    js::Root<js::Object> promise(rt.heap(), js::new_promise(rt));
    js::ResolvingFunctions resolving = js::create_resolving_functions(rt, *promise);
    js::RootedValue resolve(rt.heap(), js::Value(resolving.resolve));
    js::RootedValue reject(rt.heap(), js::Value(resolving.reject));
    // The Timeout constructor: `after *= 1`, then the range check.
    const double delay =
        after.is_undefined() ? std::numeric_limits<double>::quiet_NaN() : after.as_number();
    if (Timers::coerce_delay(delay).overflowed) {
        auto warned = warn_timeout_overflow(host, delay);
        if (warned.is_throw()) js::reject_promise(rt, *promise, warned.thrown_value());
    }
    Task task = host.make_task(host.env().label("setTimeout (timers/promises)"), resolve.get(),
                               js::Value(), {value.get()});
    Timeout* timer = host.env().timers().set_timeout(std::move(task), delay);
    if (!ref) host.env().timers().unref(*timer);
    if (signal.get().is_object())
        return with_signal(host, *promise, resolving, *signal.get().as_object(), true, timer->slot,
                           timer->id);
    return js::Value(promise.get());
}

// setImmediate(value, options): a promise for `value`, resolved by an Immediate.
js::Completion promises_set_immediate(js::Runtime& rt, js::NativeFunction&, js::Value self,
                                      std::span<const js::Value> args) {
    ScriptHost& host = ScriptHost::from(rt);
    js::RootedValue value(rt.heap(), js::arg(args, 0));
    bool ref = true;
    js::RootedValue signal(rt.heap());
    js::Completion checked = check_options(host, js::arg(args, 1), ref, signal);
    if (checked.is_throw()) return rejected_promise(rt, checked.thrown_value());
    if (signal.get().is_object() && abort_signal_aborted(host, *signal.get().as_object()))
        return rejected_promise(
            rt, make_abort_error(host, abort_signal_reason(host, *signal.get().as_object()),
                                 caller_frame(rt, self, "setImmediate", "112:26")));

    js::Root<js::Object> promise(rt.heap(), js::new_promise(rt));
    js::ResolvingFunctions resolving = js::create_resolving_functions(rt, *promise);
    js::RootedValue reject(rt.heap(), js::Value(resolving.reject));
    Task task = host.make_task(host.env().label("setImmediate (timers/promises)"),
                               js::Value(resolving.resolve), js::Value(), {value.get()});
    Immediate* immediate = host.env().immediates().set_immediate(std::move(task));
    if (!ref) host.env().immediates().unref(*immediate);
    if (signal.get().is_object())
        return with_signal(host, *promise, resolving, *signal.get().as_object(), false,
                           immediate->slot, immediate->id);
    return js::Value(promise.get());
}

js::Completion promises_set_interval(js::Runtime& rt, js::NativeFunction&, js::Value,
                                     std::span<const js::Value>) {
    return rt.throw_error(js::ErrorType::Error,
                          "loopsim does not model timers/promises.setInterval (an async iterator) "
                          "yet; use setInterval with a callback (see docs/modules.md)");
}

bool is_scheduler(ScriptHost& host, js::Value self) {
    if (!self.is_object()) return false;
    auto it = host.bindings().internals.find("timers/promises.kScheduler");
    if (it == host.bindings().internals.end()) return false;
    return self.as_object()->has_property(js::PropertyKey::symbol(it->second.get().as_symbol()));
}

js::ThrowCompletion invalid_this(ScriptHost& host) {
    js::Runtime& rt = host.runtime();
    js::Object* error =
        rt.make_error(js::ErrorType::TypeError, "Value of \"this\" must be of type Scheduler");
    error->put_direct(rt, rt.key("code"), js::Value(rt.string("ERR_INVALID_THIS")),
                      js::attr::Default);
    return js::ThrowCompletion{js::Value(error)};
}

// scheduler.yield(): setImmediate().
js::Completion scheduler_yield(js::Runtime& rt, js::NativeFunction& callee, js::Value self,
                               std::span<const js::Value>) {
    if (!is_scheduler(ScriptHost::from(rt), self)) return invalid_this(ScriptHost::from(rt));
    return promises_set_immediate(rt, callee, js::Value(), {});
}

// scheduler.wait(delay, options): setTimeout(delay, undefined, options).
js::Completion scheduler_wait(js::Runtime& rt, js::NativeFunction& callee, js::Value self,
                              std::span<const js::Value> args) {
    if (!is_scheduler(ScriptHost::from(rt), self)) return invalid_this(ScriptHost::from(rt));
    js::Value forwarded[] = {js::arg(args, 0), js::Value(), js::arg(args, 1)};
    return promises_set_timeout(rt, callee, js::Value(), forwarded);
}

js::Completion scheduler_construct(js::Runtime& rt, js::NativeFunction&, std::span<const js::Value>,
                                   js::Object&) {
    js::Object* error = rt.make_error(js::ErrorType::TypeError, "Illegal constructor");
    error->put_direct(rt, rt.key("code"), js::Value(rt.string("ERR_ILLEGAL_CONSTRUCTOR")),
                      js::attr::Default);
    return js::ThrowCompletion{js::Value(error)};
}

js::Completion scheduler_call(js::Runtime& rt, js::NativeFunction&, js::Value,
                              std::span<const js::Value>) {
    return rt.throw_error(js::ErrorType::TypeError,
                          "Class constructor Scheduler cannot be invoked without 'new'");
}

// The timers/promises module through require()'s cache (made on first use).
js::Completion timers_promises(ScriptHost& host) {
    auto& modules = host.bindings().modules;
    if (auto it = modules.find("timers/promises"); it != modules.end()) return it->second.get();
    js::Value module = LOOPSIM_TRY(make_timers_promises_module(host));
    modules.emplace("timers/promises", js::RootedValue(host.runtime().heap(), module));
    return module;
}

// The getter behind setTimeout[util.promisify.custom]: the timers/promises function of the
// same name (its data).
js::Completion custom_promisify_getter(js::Runtime& rt, js::NativeFunction& callee, js::Value,
                                       std::span<const js::Value>) {
    js::RootedValue name(rt.heap(), callee.data());
    js::Value module = LOOPSIM_TRY(timers_promises(ScriptHost::from(rt)));
    return module.as_object()->get(rt, rt.key(name.get().as_string()->to_utf8()));
}

js::Completion timers_promises_getter(js::Runtime& rt, js::NativeFunction&, js::Value,
                                      std::span<const js::Value>) {
    return timers_promises(ScriptHost::from(rt));
}

} // namespace

js::ThrowCompletionOr<void> warn_timeout_overflow(ScriptHost& host, double after) {
    js::Runtime& rt = host.runtime();
    std::string message =
        js::number_to_string(after) +
        " does not fit into a 32-bit signed integer.\nTimeout duration was set to 1.";
    return emit_warning(host, js::Value(rt.string(message)), "TimeoutOverflowWarning");
}

js::Symbol* registered_symbol(js::Runtime& rt, std::string_view key) {
    js::Object* registry = rt.intrinsic(js::Intrinsic::SymbolRegistry);
    js::PropertyKey registry_key = rt.key(key);
    js::OwnProperty existing;
    if (registry->lookup_own(registry_key, existing)) return existing.value.as_symbol();
    js::Symbol* symbol = rt.make_symbol(rt.string(key));
    registry->put_direct(rt, registry_key, js::Value(symbol));
    return symbol;
}

void define_custom_promisify(ScriptHost& host, js::Object& timer_function, std::string_view name) {
    js::Runtime& rt = host.runtime();
    js::Symbol* custom = registered_symbol(rt, "nodejs.util.promisify.custom");
    js::NativeFunction* getter =
        static_cast<js::NativeFunction*>(make_function(host, "get", 0, custom_promisify_getter));
    getter->set_data(js::Value(rt.string(name)));
    timer_function.put_accessor(rt, js::PropertyKey::symbol(custom), js::Value(getter), js::Value(),
                                js::attr::Enumerable);
}

void define_timers_promises_getter(ScriptHost& host, js::Object& timers) {
    js::Runtime& rt = host.runtime();
    timers.put_accessor(rt, rt.key("promises"),
                        js::Value(make_function(host, "get", 0, timers_promises_getter)),
                        js::Value(), js::attr::Enumerable | js::attr::Configurable);
}

js::Completion make_timers_promises_module(ScriptHost& host) {
    js::Runtime& rt = host.runtime();
    js::Root<js::Object> module(rt.heap(), js::Object::create(rt, rt.object_prototype()));
    const auto add = [&](std::string_view name, uint32_t length, js::NativeFn fn) {
        module->put_direct(rt, rt.key(name), js::Value(make_function(host, name, length, fn)),
                           js::attr::Default);
    };
    add("setTimeout", 2, promises_set_timeout);
    add("setImmediate", 1, promises_set_immediate);
    add("setInterval", 2, promises_set_interval);

    // `scheduler`: an instance of the Scheduler class, marked with a private symbol.
    js::Object* prototype = js::Object::create(rt, rt.object_prototype());
    js::define_constructor(rt, "Scheduler", 0, scheduler_call, scheduler_construct, *prototype);
    define_method(host, *prototype, "yield", 0, scheduler_yield);
    define_method(host, *prototype, "wait", 2, scheduler_wait);
    js::Symbol* marker = rt.make_symbol(rt.string("kScheduler"));
    host.bindings().internals.insert_or_assign("timers/promises.kScheduler",
                                               js::RootedValue(rt.heap(), js::Value(marker)));
    js::Object* scheduler = js::Object::create(rt, prototype);
    scheduler->put_direct(rt, js::PropertyKey::symbol(marker), js::Value(true), js::attr::Default);
    module->put_direct(rt, rt.key("scheduler"), js::Value(scheduler), js::attr::Default);
    return js::Value(module.get());
}

} // namespace loopsim::node
