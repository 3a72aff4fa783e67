// require('events'): the EventEmitter constructor and its statics (lib/events.js).
//
// An emitter keeps its listeners where Node keeps them, in JS-visible properties, so that
// inspection, subclasses and code poking at `_events` all see what they see in Node:
//   _events       a null-prototype object: event name -> one listener function, or an
//                 array of them once there are two or more (in registration order);
//   _eventsCount  how many names _events holds;
//   _maxListeners undefined (EventEmitter.defaultMaxListeners applies) or a number;
//   [kShapeMode], [kCapture]  two symbol-keyed flags (false, false).
// A once-listener is stored as a "bound onceWrapper" function with a `listener` property.
//
// The rules, all from lib/events.js:
//   - emit is synchronous: it calls the listeners with `this` = the emitter, in order, on a
//     copy of the list taken when emit starts (a listener added meanwhile waits for the next
//     emit; one removed meanwhile still runs); a throwing listener ends emit with its throw.
//   - emit('error') with no 'error' listener throws its argument if it is an Error, else
//     ERR_UNHANDLED_ERROR with `context` set to the argument.
//   - once-wrappers remove themselves before calling the listener.
//   - 'newListener' is emitted before a listener is added, 'removeListener' after one is
//     removed; removeAllListeners() removes 'removeListener' listeners last.
//   - more than getMaxListeners() listeners for one name emits a MaxListenersExceededWarning
//     once per list.
// Methods reach each other through the emitter (this.on, this.emit, target.removeListener),
// as in Node, so a subclass that overrides one sees the calls.
//
// events.once takes an AbortSignal (bindings_abort.cpp): aborting rejects with an AbortError.
//
// Not modelled: captureRejections (a clear error), events.on (async iterator), EventTarget
// emitters in events.once, EventEmitterAsyncResource.
#include "model/js/array.h"
#include "model/js/builtins/builtin_support.h"
#include "model/js/builtins/error_builtins.h"
#include "model/js/builtins/function_builtins.h"
#include "model/js/conversions.h"
#include "model/js/function.h"
#include "model/js/inspect.h"
#include "model/js/promise.h"
#include "model/js/runtime.h"
#include "model/js/stack_trace.h"
#include "model/js/string.h"
#include "model/js/vm.h"
#include "model/node/bindings.h"
#include "model/node/script_host.h"

namespace loopsim::node {

namespace {

using js::arg;

// --- module state ----------------------------------------------------------------------------

js::PropertyKey symbol_key(ScriptHost& host, const std::string& name) {
    return js::PropertyKey::symbol(binding_internal(host, name).as_symbol());
}

js::PropertyKey shape_mode_key(ScriptHost& host) {
    return symbol_key(host, "events.kShapeMode");
}
js::PropertyKey capture_key(ScriptHost& host) {
    return symbol_key(host, "events.kCapture");
}
js::PropertyKey error_monitor_key(ScriptHost& host) {
    return symbol_key(host, "events.errorMonitor");
}

double default_max_listeners(ScriptHost& host) {
    js::Value n = binding_internal(host, "events.defaultMaxListeners");
    return n.is_number() ? n.as_number() : 10;
}

// --- Node-style errors -----------------------------------------------------------------------

// Node's internal errors (lib/internal/errors.js): an instance of `type` whose prototype
// adds toString() -> "Name [CODE]: message", with own `stack`, `code` and `message` in that
// order, the stack starting "Name [CODE]: message".
js::Completion node_error(ScriptHost& host, js::ErrorType type, std::string_view code,
                          std::string_view message) {
    return make_node_error(host, type, code, message);
}

// validateNumber(value, name, min): ERR_INVALID_ARG_TYPE, or ERR_OUT_OF_RANGE below `min`.
js::ThrowCompletionOr<double> validate_count(ScriptHost& host, js::Value value,
                                             std::string_view name) {
    if (!value.is_number()) return invalid_arg_type(host, name, "number", value);
    const double n = value.as_number();
    if (!(n >= 0)) {
        js::Value error =
            LOOPSIM_TRY(node_error(host, js::ErrorType::RangeError, "ERR_OUT_OF_RANGE",
                                   "The value of \"" + std::string(name) +
                                       "\" is out of range. It must be >= 0. Received " +
                                       js::inspect(host.runtime(), value)));
        return js::ThrowCompletion{error};
    }
    return n;
}

js::ThrowCompletion not_modelled(js::Runtime& rt, std::string_view what) {
    return rt.throw_error(js::ErrorType::Error, "loopsim does not model " + std::string(what) +
                                                    " yet (see docs/modules.md)");
}

// --- property helpers ------------------------------------------------------------------------

// `this` of a method: Node reads this._events first, so a non-object fails there.
js::ThrowCompletionOr<js::Object*> emitter_of(js::Runtime& rt, js::Value self) {
    if (self.is_object()) return self.as_object();
    if (self.is_nullish())
        return js::ThrowCompletion{js::Value(
            rt.make_error(js::ErrorType::TypeError, std::string("Cannot read properties of ") +
                                                        (self.is_null() ? "null" : "undefined") +
                                                        " (reading '_events')"))};
    return rt.throw_error(js::ErrorType::TypeError,
                          "an EventEmitter method was called on a primitive value");
}

js::Completion get(js::Runtime& rt, js::Object& object, std::string_view name) {
    return object.get(rt, rt.key(name));
}

js::ThrowCompletionOr<void> put(js::Runtime& rt, js::Object& object, std::string_view name,
                                js::Value value) {
    return object.set_or_throw(rt, rt.key(name), value);
}

js::Object* null_prototype_object(js::Runtime& rt) {
    return js::Object::create(rt, nullptr);
}

// A native function that keeps `data` (its state), hidden from stack traces like every
// function of the bindings.
js::NativeFunction* function_with_data(js::Runtime& rt, std::string_view name, uint32_t length,
                                       js::NativeFn fn, js::Value data = js::Value()) {
    auto* function =
        static_cast<js::NativeFunction*>(make_function(ScriptHost::from(rt), name, length, fn));
    function->set_data(data);
    return function;
}

// Reads an array-like list of listeners into `out`.
js::ThrowCompletionOr<void> read_list(js::Runtime& rt, js::Object& list, js::RootedVector& out) {
    js::Root<js::Object> rooted(rt.heap(), &list);
    const double length = LOOPSIM_TRY(js::length_of_array_like(rt, list));
    for (double i = 0; i < length; ++i) out.push_back(LOOPSIM_TRY(js::get_index(rt, *rooted, i)));
    return {};
}

// Writes `values` back into `list` in place (what push, unshift and splice leave).
js::ThrowCompletionOr<void> write_list(js::Runtime& rt, js::Object& list,
                                       const js::RootedVector& values) {
    js::Root<js::Object> rooted(rt.heap(), &list);
    for (size_t i = 0; i < values.size(); ++i)
        LOOPSIM_TRY(js::set_index(rt, *rooted, static_cast<double>(i), values[i]));
    LOOPSIM_TRY(rooted->set_or_throw(rt, rt.common_key(js::CommonAtom::Length),
                                     js::Value::number(static_cast<double>(values.size()))));
    return {};
}

// listener === wanted || listener.listener === wanted
js::ThrowCompletionOr<bool> matches(js::Runtime& rt, js::Value listener, js::Value wanted) {
    if (js::is_strictly_equal(listener, wanted)) return true;
    if (!listener.is_object()) return false;
    js::Value inner = LOOPSIM_TRY(get(rt, *listener.as_object(), "listener"));
    return js::is_strictly_equal(inner, wanted);
}

// A property key as text for messages: String(type).
std::string key_text(js::Runtime& rt, js::Value type) {
    if (type.is_string()) return type.as_string()->to_utf8();
    if (type.is_symbol()) return js::inspect(rt, type);
    auto text = js::to_string(rt, type);
    return text.is_throw() ? js::inspect(rt, type) : text.value()->to_utf8();
}

// _getMaxListeners
js::Completion max_listeners_of(ScriptHost& host, js::Object& emitter) {
    js::Value n = LOOPSIM_TRY(get(host.runtime(), emitter, "_maxListeners"));
    if (n.is_undefined()) return js::Value::number(default_max_listeners(host));
    return n;
}

js::Completion invoke(js::Runtime& rt, js::Value target, std::string_view method,
                      std::span<const js::Value> args) {
    return js::invoke(rt, target, rt.key(method), args);
}

// --- EventEmitter.init and the constructor ---------------------------------------------------

js::ThrowCompletionOr<void> init_emitter(ScriptHost& host, js::Object& self, js::Value options) {
    js::Runtime& rt = host.runtime();
    js::Root<js::Object> emitter(rt.heap(), &self);
    js::RootedValue rooted_options(rt.heap(), options);
    js::RootedValue inherited(rt.heap());
    if (js::Object* prototype = emitter->prototype())
        inherited.set(LOOPSIM_TRY(get(rt, *prototype, "_events")));
    js::Value events = LOOPSIM_TRY(get(rt, *emitter, "_events"));
    if (events.is_undefined() || js::is_strictly_equal(events, inherited)) {
        LOOPSIM_TRY(put(rt, *emitter, "_events", js::Value(null_prototype_object(rt))));
        LOOPSIM_TRY(put(rt, *emitter, "_eventsCount", js::Value(0)));
        LOOPSIM_TRY(emitter->set_or_throw(rt, shape_mode_key(host), js::Value(false)));
    } else {
        LOOPSIM_TRY(emitter->set_or_throw(rt, shape_mode_key(host), js::Value(true)));
    }
    js::Value max = LOOPSIM_TRY(get(rt, *emitter, "_maxListeners"));
    LOOPSIM_TRY(put(rt, *emitter, "_maxListeners", js::to_boolean(max) ? max : js::Value()));
    if (rooted_options.get().is_object()) {
        js::Value capture =
            LOOPSIM_TRY(get(rt, *rooted_options.get().as_object(), "captureRejections"));
        if (js::to_boolean(capture))
            return not_modelled(rt, "the captureRejections option of EventEmitter");
    }
    LOOPSIM_TRY(emitter->set_or_throw(rt, capture_key(host), js::Value(false)));
    return {};
}

js::Completion emitter_call(js::Runtime& rt, js::NativeFunction&, js::Value self,
                            std::span<const js::Value> args) {
    js::Object* emitter = LOOPSIM_TRY(emitter_of(rt, self));
    LOOPSIM_TRY(init_emitter(ScriptHost::from(rt), *emitter, arg(args, 0)));
    return js::Value();
}

js::Completion emitter_construct(js::Runtime& rt, js::NativeFunction& callee,
                                 std::span<const js::Value> args, js::Object& new_target) {
    js::Value fallback = LOOPSIM_TRY(callee.get(rt, rt.common_key(js::CommonAtom::Prototype)));
    js::Object* prototype = LOOPSIM_TRY(rt.prototype_from_constructor(
        new_target, fallback.is_object() ? fallback.as_object() : rt.object_prototype()));
    js::Root<js::Object> emitter(rt.heap(), js::Object::create(rt, prototype));
    LOOPSIM_TRY(init_emitter(ScriptHost::from(rt), *emitter, arg(args, 0)));
    return js::Value(emitter.get());
}

js::Completion static_init(js::Runtime& rt, js::NativeFunction& callee, js::Value self,
                           std::span<const js::Value> args) {
    return emitter_call(rt, callee, self, args);
}

// --- adding listeners ------------------------------------------------------------------------

js::ThrowCompletionOr<void> warn_max_listeners(ScriptHost& host, js::Object& emitter,
                                               js::Value type, double count, double max) {
    js::Runtime& rt = host.runtime();
    js::Root<js::Object> target(rt.heap(), &emitter);
    js::RootedValue rooted_type(rt.heap(), type);
    js::InspectOptions shallow;
    shallow.depth = -1;
    std::string shown = LOOPSIM_TRY(js::inspect_or_throw(rt, js::Value(target.get()), shallow));
    std::string message =
        "Possible EventEmitter memory leak detected. " + js::number_to_string(count) + " " +
        key_text(rt, type) + " listeners added to " + shown + ". MaxListeners is " +
        js::number_to_string(max) + ". Use emitter.setMaxListeners() to increase limit";
    js::Value text(rt.string(message));
    js::Value made =
        LOOPSIM_TRY(rt.construct(js::Value(rt.intrinsic(js::Intrinsic::ErrorConstructor)),
                                 std::span<const js::Value>(&text, 1)));
    js::Root<js::Object> warning(rt.heap(), made.as_object());
    LOOPSIM_TRY(warning->create_data_property(rt, rt.common_key(js::CommonAtom::Name),
                                              js::Value(rt.string("MaxListenersExceededWarning"))));
    LOOPSIM_TRY(warning->create_data_property(rt, rt.key("emitter"), js::Value(target.get())));
    LOOPSIM_TRY(warning->create_data_property(rt, rt.key("type"), rooted_type.get()));
    LOOPSIM_TRY(warning->create_data_property(rt, rt.key("count"), js::Value::number(count)));
    return emit_warning(host, js::Value(warning.get()), "MaxListenersExceededWarning");
}

// _addListener(target, type, listener, prepend)
js::Completion add_listener(js::Runtime& rt, js::Value self, std::span<const js::Value> args,
                            bool prepend) {
    ScriptHost& host = ScriptHost::from(rt);
    js::RootedValue type(rt.heap(), arg(args, 0));
    js::RootedValue listener(rt.heap(), arg(args, 1));
    if (!js::Runtime::is_callable(listener))
        return invalid_arg_type(host, "listener", "function", listener);
    js::Root<js::Object> target(rt.heap(), LOOPSIM_TRY(emitter_of(rt, self)));
    js::RootedValue events(rt.heap(), LOOPSIM_TRY(get(rt, *target, "_events")));
    js::RootedValue existing(rt.heap());
    if (events.get().is_undefined()) {
        events.set(js::Value(null_prototype_object(rt)));
        LOOPSIM_TRY(put(rt, *target, "_events", events.get()));
        LOOPSIM_TRY(put(rt, *target, "_eventsCount", js::Value(0)));
    } else {
        if (!events.get().is_object())
            return rt.throw_error(js::ErrorType::TypeError,
                                  "the emitter's _events is not an object");
        js::Value new_listener = LOOPSIM_TRY(get(rt, *events.get().as_object(), "newListener"));
        if (!new_listener.is_undefined()) {
            js::Value inner = LOOPSIM_TRY(get(rt, *listener.get().as_object(), "listener"));
            js::Value emit_args[] = {js::Value(rt.string("newListener")), type.get(),
                                     inner.is_nullish() ? listener.get() : inner};
            LOOPSIM_TRY(invoke(rt, js::Value(target.get()), "emit", emit_args));
            events.set(LOOPSIM_TRY(get(rt, *target, "_events")));
        }
        if (!events.get().is_object())
            return rt.throw_error(js::ErrorType::TypeError,
                                  "Cannot read properties of " +
                                      std::string(js::typeof_string(events.get())) +
                                      " (the emitter's _events)");
        js::PropertyKey key = LOOPSIM_TRY(js::to_property_key(rt, type.get()));
        existing.set(LOOPSIM_TRY(events.get().as_object()->get(rt, key)));
    }
    js::Object& map = *events.get().as_object();
    if (existing.get().is_undefined()) {
        js::PropertyKey key = LOOPSIM_TRY(js::to_property_key(rt, type.get()));
        LOOPSIM_TRY(map.set_or_throw(rt, key, listener.get()));
        js::Value count = LOOPSIM_TRY(get(rt, *target, "_eventsCount"));
        const double n = LOOPSIM_TRY(js::to_number(rt, count));
        LOOPSIM_TRY(put(rt, *target, "_eventsCount", js::Value::number(n + 1)));
        return js::Value(target.get());
    }
    if (js::Runtime::is_callable(existing.get())) {
        js::Value pair[] = {prepend ? listener.get() : existing.get(),
                            prepend ? existing.get() : listener.get()};
        existing.set(js::Value(js::create_array(rt, pair)));
        js::PropertyKey key = LOOPSIM_TRY(js::to_property_key(rt, type.get()));
        LOOPSIM_TRY(map.set_or_throw(rt, key, existing.get()));
    } else if (existing.get().is_object()) {
        js::RootedVector list(rt.heap());
        if (prepend) list.push_back(listener.get());
        LOOPSIM_TRY(read_list(rt, *existing.get().as_object(), list));
        if (!prepend) list.push_back(listener.get());
        LOOPSIM_TRY(write_list(rt, *existing.get().as_object(), list));
    } else {
        return rt.throw_error(js::ErrorType::TypeError, "the emitter's listener list for '" +
                                                            key_text(rt, type.get()) +
                                                            "' is not an array");
    }
    // Check for a listener leak, once per list.
    js::Object& list = *existing.get().as_object();
    const double max = LOOPSIM_TRY(js::to_number(rt, LOOPSIM_TRY(max_listeners_of(host, *target))));
    const double length = LOOPSIM_TRY(js::length_of_array_like(rt, list));
    if (max > 0 && length > max) {
        js::Value warned = LOOPSIM_TRY(get(rt, *existing.get().as_object(), "warned"));
        if (!js::to_boolean(warned)) {
            LOOPSIM_TRY(put(rt, *existing.get().as_object(), "warned", js::Value(true)));
            LOOPSIM_TRY(warn_max_listeners(host, *target, type.get(), length, max));
        }
    }
    return js::Value(target.get());
}

js::Completion on(js::Runtime& rt, js::NativeFunction&, js::Value self,
                  std::span<const js::Value> args) {
    return add_listener(rt, self, args, false);
}

js::Completion prepend_listener(js::Runtime& rt, js::NativeFunction&, js::Value self,
                                std::span<const js::Value> args) {
    return add_listener(rt, self, args, true);
}

// onceWrapper, bound to its state {fired, wrapFn, target, type, listener} (the data).
js::Completion once_wrapper(js::Runtime& rt, js::NativeFunction& callee, js::Value,
                            std::span<const js::Value> args) {
    js::Root<js::Object> state(rt.heap(), callee.data().as_object());
    js::Value fired = LOOPSIM_TRY(get(rt, *state, "fired"));
    if (js::to_boolean(fired)) return js::Value();
    js::RootedVector call_args(rt.heap());
    for (js::Value v : args) call_args.push_back(v);
    js::RootedValue target(rt.heap(), LOOPSIM_TRY(get(rt, *state, "target")));
    js::RootedValue type(rt.heap(), LOOPSIM_TRY(get(rt, *state, "type")));
    js::Value remove_args[] = {type.get(), js::Value(&callee)};
    LOOPSIM_TRY(invoke(rt, target.get(), "removeListener", remove_args));
    LOOPSIM_TRY(put(rt, *state, "fired", js::Value(true)));
    js::Value listener = LOOPSIM_TRY(get(rt, *state, "listener"));
    static const frames::Lines k_once_wrapper = {"Object.onceWrapper (node:events:638:28)"};
    frames::Scope scope(ScriptHost::from(rt).env().frame_hooks(), k_once_wrapper);
    return rt.call(listener, target.get(), call_args.values());
}

// _onceWrap(target, type, listener)
js::Value once_wrap(js::Runtime& rt, js::Value target, js::Value type, js::Value listener) {
    js::Root<js::Object> state(rt.heap(), null_prototype_object(rt));
    state->put_direct(rt, rt.key("fired"), js::Value(false));
    state->put_direct(rt, rt.key("wrapFn"), js::Value());
    state->put_direct(rt, rt.key("target"), target);
    state->put_direct(rt, rt.key("type"), type);
    state->put_direct(rt, rt.key("listener"), listener);
    js::NativeFunction* wrapped =
        function_with_data(rt, "bound onceWrapper", 0, once_wrapper, js::Value(state.get()));
    wrapped->put_direct(rt, rt.key("listener"), listener);
    state->put_direct(rt, rt.key("wrapFn"), js::Value(wrapped));
    return js::Value(wrapped);
}

js::Completion add_once(js::Runtime& rt, js::Value self, std::span<const js::Value> args,
                        std::string_view via) {
    ScriptHost& host = ScriptHost::from(rt);
    js::Value listener = arg(args, 1);
    if (!js::Runtime::is_callable(listener))
        return invalid_arg_type(host, "listener", "function", listener);
    js::RootedValue rooted_self(rt.heap(), self);
    js::Value forwarded[] = {arg(args, 0), once_wrap(rt, self, arg(args, 0), listener)};
    LOOPSIM_TRY(invoke(rt, self, via, forwarded));
    return rooted_self.get();
}

js::Completion once(js::Runtime& rt, js::NativeFunction&, js::Value self,
                    std::span<const js::Value> args) {
    return add_once(rt, self, args, "on");
}

js::Completion prepend_once_listener(js::Runtime& rt, js::NativeFunction&, js::Value self,
                                     std::span<const js::Value> args) {
    return add_once(rt, self, args, "prependListener");
}

// --- removing listeners ----------------------------------------------------------------------

js::Completion remove_listener(js::Runtime& rt, js::NativeFunction&, js::Value self,
                               std::span<const js::Value> args) {
    ScriptHost& host = ScriptHost::from(rt);
    js::RootedValue type(rt.heap(), arg(args, 0));
    js::RootedValue listener(rt.heap(), arg(args, 1));
    if (!js::Runtime::is_callable(listener))
        return invalid_arg_type(host, "listener", "function", listener);
    js::Root<js::Object> emitter(rt.heap(), LOOPSIM_TRY(emitter_of(rt, self)));
    js::RootedValue events(rt.heap(), LOOPSIM_TRY(get(rt, *emitter, "_events")));
    if (!events.get().is_object()) return js::Value(emitter.get());
    js::PropertyKey key = LOOPSIM_TRY(js::to_property_key(rt, type.get()));
    js::RootedValue list(rt.heap(), LOOPSIM_TRY(events.get().as_object()->get(rt, key)));
    if (list.get().is_undefined()) return js::Value(emitter.get());

    if (LOOPSIM_TRY(matches(rt, list.get(), listener.get()))) {
        js::Value count = LOOPSIM_TRY(get(rt, *emitter, "_eventsCount"));
        const double remaining = LOOPSIM_TRY(js::to_number(rt, count)) - 1;
        LOOPSIM_TRY(put(rt, *emitter, "_eventsCount", js::Value::number(remaining)));
        js::Value shape_mode = LOOPSIM_TRY(emitter->get(rt, shape_mode_key(host)));
        if (js::to_boolean(shape_mode)) {
            key = LOOPSIM_TRY(js::to_property_key(rt, type.get()));
            LOOPSIM_TRY(events.get().as_object()->set_or_throw(rt, key, js::Value()));
        } else if (remaining == 0) {
            LOOPSIM_TRY(put(rt, *emitter, "_events", js::Value(null_prototype_object(rt))));
        } else {
            key = LOOPSIM_TRY(js::to_property_key(rt, type.get()));
            events.get().as_object()->delete_property(rt, key);
            js::Value on_remove = LOOPSIM_TRY(get(rt, *events.get().as_object(), "removeListener"));
            if (js::to_boolean(on_remove)) {
                js::Value inner = list.get().is_object()
                                      ? LOOPSIM_TRY(get(rt, *list.get().as_object(), "listener"))
                                      : js::Value();
                js::Value emit_args[] = {js::Value(rt.string("removeListener")), type.get(),
                                         js::to_boolean(inner) ? inner : listener.get()};
                LOOPSIM_TRY(invoke(rt, js::Value(emitter.get()), "emit", emit_args));
            }
        }
        return js::Value(emitter.get());
    }
    if (js::Runtime::is_callable(list.get()) || !list.get().is_object())
        return js::Value(emitter.get());

    // The last matching entry goes.
    js::RootedVector entries(rt.heap());
    LOOPSIM_TRY(read_list(rt, *list.get().as_object(), entries));
    size_t position = entries.size();
    for (size_t i = entries.size(); i-- > 0;) {
        if (LOOPSIM_TRY(matches(rt, entries[i], listener.get()))) {
            position = i;
            break;
        }
    }
    if (position == entries.size()) return js::Value(emitter.get());
    entries.values().erase(entries.values().begin() + static_cast<std::ptrdiff_t>(position));
    LOOPSIM_TRY(write_list(rt, *list.get().as_object(), entries));
    if (entries.size() == 1) {
        key = LOOPSIM_TRY(js::to_property_key(rt, type.get()));
        LOOPSIM_TRY(events.get().as_object()->set_or_throw(rt, key, entries[0]));
    }
    js::Value on_remove = LOOPSIM_TRY(get(rt, *events.get().as_object(), "removeListener"));
    if (!on_remove.is_undefined()) {
        js::Value emit_args[] = {js::Value(rt.string("removeListener")), type.get(),
                                 listener.get()};
        LOOPSIM_TRY(invoke(rt, js::Value(emitter.get()), "emit", emit_args));
    }
    return js::Value(emitter.get());
}

js::Completion remove_all_listeners(js::Runtime& rt, js::NativeFunction&, js::Value self,
                                    std::span<const js::Value> args) {
    ScriptHost& host = ScriptHost::from(rt);
    js::Root<js::Object> emitter(rt.heap(), LOOPSIM_TRY(emitter_of(rt, self)));
    js::RootedValue type(rt.heap(), arg(args, 0));
    js::RootedValue events(rt.heap(), LOOPSIM_TRY(get(rt, *emitter, "_events")));
    if (events.get().is_undefined()) return js::Value(emitter.get());
    if (!events.get().is_object()) return js::Value(emitter.get());
    js::Value on_remove = LOOPSIM_TRY(get(rt, *events.get().as_object(), "removeListener"));

    if (on_remove.is_undefined()) {
        // Nobody listens for 'removeListener': drop without emitting.
        if (args.empty()) {
            LOOPSIM_TRY(put(rt, *emitter, "_events", js::Value(null_prototype_object(rt))));
            LOOPSIM_TRY(put(rt, *emitter, "_eventsCount", js::Value(0)));
        } else {
            js::PropertyKey key = LOOPSIM_TRY(js::to_property_key(rt, type.get()));
            js::Value present = LOOPSIM_TRY(events.get().as_object()->get(rt, key));
            if (!present.is_undefined()) {
                js::Value count = LOOPSIM_TRY(get(rt, *emitter, "_eventsCount"));
                const double remaining = LOOPSIM_TRY(js::to_number(rt, count)) - 1;
                LOOPSIM_TRY(put(rt, *emitter, "_eventsCount", js::Value::number(remaining)));
                if (remaining == 0) {
                    LOOPSIM_TRY(put(rt, *emitter, "_events", js::Value(null_prototype_object(rt))));
                } else {
                    key = LOOPSIM_TRY(js::to_property_key(rt, type.get()));
                    events.get().as_object()->delete_property(rt, key);
                }
            }
        }
        LOOPSIM_TRY(emitter->set_or_throw(rt, shape_mode_key(host), js::Value(false)));
        return js::Value(emitter.get());
    }

    if (args.empty()) {
        // Every name but 'removeListener' (in own-key order), then 'removeListener' itself.
        js::RootedVector names(rt.heap());
        for (js::PropertyKey key : events.get().as_object()->own_property_keys(rt)) {
            js::Value name = js::key_to_value(rt, key);
            if (name.is_string() && name.as_string()->to_utf8() == "removeListener") continue;
            names.push_back(name);
        }
        for (js::Value name : std::vector<js::Value>(names.values())) {
            js::Value one[] = {name};
            LOOPSIM_TRY(invoke(rt, js::Value(emitter.get()), "removeAllListeners", one));
        }
        js::Value last[] = {js::Value(rt.string("removeListener"))};
        LOOPSIM_TRY(invoke(rt, js::Value(emitter.get()), "removeAllListeners", last));
        LOOPSIM_TRY(put(rt, *emitter, "_events", js::Value(null_prototype_object(rt))));
        LOOPSIM_TRY(put(rt, *emitter, "_eventsCount", js::Value(0)));
        LOOPSIM_TRY(emitter->set_or_throw(rt, shape_mode_key(host), js::Value(false)));
        return js::Value(emitter.get());
    }

    js::PropertyKey key = LOOPSIM_TRY(js::to_property_key(rt, type.get()));
    js::RootedValue listeners(rt.heap(), LOOPSIM_TRY(events.get().as_object()->get(rt, key)));
    if (js::Runtime::is_callable(listeners.get())) {
        js::Value remove_args[] = {type.get(), listeners.get()};
        LOOPSIM_TRY(invoke(rt, js::Value(emitter.get()), "removeListener", remove_args));
    } else if (listeners.get().is_object()) {
        // LIFO order.
        js::RootedVector entries(rt.heap());
        LOOPSIM_TRY(read_list(rt, *listeners.get().as_object(), entries));
        for (size_t i = entries.size(); i-- > 0;) {
            js::Value remove_args[] = {type.get(), entries[i]};
            LOOPSIM_TRY(invoke(rt, js::Value(emitter.get()), "removeListener", remove_args));
        }
    }
    return js::Value(emitter.get());
}

// --- emit ------------------------------------------------------------------------------------

// The error emit throws when 'error' has no listener.
js::Completion unhandled_error(ScriptHost& host, js::Object& emitter, js::Value er) {
    js::Runtime& rt = host.runtime();
    js::Root<js::Object> rooted_emitter(rt.heap(), &emitter);
    js::RootedValue rooted(rt.heap(), er);
    js::Value error_ctor(rt.intrinsic(js::Intrinsic::ErrorConstructor));
    if (er.is_object() && js::to_boolean(LOOPSIM_TRY(js::instance_of(rt, er, error_ctor)))) {
        // Where emit was called, for the "Emitted 'error' event at:" block of the fatal
        // exception printer (Node keeps it under a private symbol of the error): the error,
        // the emitter, and the JS stack captured now.
        js::Object* site = js::Object::create(rt, nullptr);
        site->put_direct(rt, rt.key("error"), rooted.get());
        site->put_direct(rt, rt.key("emitter"), js::Value(rooted_emitter.get()));
        set_binding_internal(host, "events.unhandledErrorSite", js::Value(site));
        js::Value captured;
        if (js::CallHandler* handler = rt.call_handler())
            captured = js::Value(handler->capture_stack(10, nullptr));
        set_binding_internal(host, "events.unhandledErrorSite.stack", captured);
        host.interpreter().vm().set_host_throw_site(
            rooted.get(),
            js::VM::ThrowSite{"node:events", 502, 7, "      throw er; // Unhandled 'error' event"});
        return js::ThrowCompletion{rooted.get()};
    }
    std::string shown;
    auto inspected = js::inspect_or_throw(rt, rooted.get());
    if (!inspected.is_throw())
        shown = inspected.value();
    else
        shown = LOOPSIM_TRY(js::to_string(rt, rooted.get()))->to_utf8();
    // Made inside emit: its stack starts with emit's own frame.
    const frames::Lines emit_frame = {js::receiver_type_name(rt, js::Value(rooted_emitter.get())) +
                                      ".emit (node:events:513:17)"};
    js::Value error;
    {
        frames::Scope scope(host.env().frame_hooks(), emit_frame);
        error = LOOPSIM_TRY(node_error(host, js::ErrorType::Error, "ERR_UNHANDLED_ERROR",
                                       "Unhandled error. (" + shown + ")"));
    }
    error.as_object()->put_direct(rt, rt.key("context"), rooted.get(), js::attr::Default);
    host.interpreter().vm().set_host_throw_site(
        error,
        js::VM::ThrowSite{"node:events", 515, 5, "    throw err; // Unhandled 'error' event"});
    return js::ThrowCompletion{error};
}

js::Completion emit(js::Runtime& rt, js::NativeFunction&, js::Value self,
                    std::span<const js::Value> args) {
    ScriptHost& host = ScriptHost::from(rt);
    js::Root<js::Object> emitter(rt.heap(), LOOPSIM_TRY(emitter_of(rt, self)));
    js::RootedValue type(rt.heap(), arg(args, 0));
    js::RootedVector rest(rt.heap());
    for (size_t i = 1; i < args.size(); ++i) rest.push_back(args[i]);

    bool do_error = type.get().is_string() && type.get().as_string()->to_utf8() == "error";
    js::RootedValue events(rt.heap(), LOOPSIM_TRY(get(rt, *emitter, "_events")));
    if (!events.get().is_undefined()) {
        if (!events.get().is_object())
            return rt.throw_error(js::ErrorType::TypeError,
                                  "the emitter's _events is not an object");
        if (do_error) {
            js::Value monitor =
                LOOPSIM_TRY(events.get().as_object()->get(rt, error_monitor_key(host)));
            if (!monitor.is_undefined()) {
                js::RootedVector monitor_args(rt.heap());
                monitor_args.push_back(js::Value(error_monitor_key(host).as_symbol()));
                for (js::Value v : rest.values()) monitor_args.push_back(v);
                LOOPSIM_TRY(invoke(rt, js::Value(emitter.get()), "emit", monitor_args.values()));
            }
            js::Value listener = LOOPSIM_TRY(get(rt, *events.get().as_object(), "error"));
            do_error = listener.is_undefined();
        }
    } else if (!do_error) {
        return js::Value(false);
    }
    if (do_error) return unhandled_error(host, *emitter, rest.size() > 0 ? rest[0] : js::Value());

    js::PropertyKey key = LOOPSIM_TRY(js::to_property_key(rt, type.get()));
    js::RootedValue handler(rt.heap(), LOOPSIM_TRY(events.get().as_object()->get(rt, key)));
    if (handler.get().is_undefined()) return js::Value(false);
    // Listeners run under emit's own frame (one line for a single listener, another for a list).
    const std::string type_name = js::receiver_type_name(rt, js::Value(emitter.get()));
    if (js::Runtime::is_callable(handler.get())) {
        const frames::Lines emit_frame = {type_name + ".emit (node:events:524:28)"};
        frames::Scope scope(host.env().frame_hooks(), emit_frame);
        LOOPSIM_TRY(rt.call(handler.get(), js::Value(emitter.get()), rest.values()));
        return js::Value(true);
    }
    if (!handler.get().is_object())
        return rt.throw_error(js::ErrorType::TypeError, "the emitter's listener list for '" +
                                                            key_text(rt, type.get()) +
                                                            "' is not an array");
    // A copy of the list as it is now: changes made by the listeners apply from the next emit.
    js::RootedVector listeners(rt.heap());
    LOOPSIM_TRY(read_list(rt, *handler.get().as_object(), listeners));
    const frames::Lines emit_frame = {type_name + ".emit (node:events:536:35)"};
    frames::Scope scope(host.env().frame_hooks(), emit_frame);
    for (size_t i = 0; i < listeners.size(); ++i)
        LOOPSIM_TRY(rt.call(listeners[i], js::Value(emitter.get()), rest.values()));
    return js::Value(true);
}

// --- inspecting the listeners ----------------------------------------------------------------

// _listeners(target, type, unwrap)
js::Completion listeners_of(js::Runtime& rt, js::Value self, js::Value type, bool unwrap) {
    js::Root<js::Object> emitter(rt.heap(), LOOPSIM_TRY(emitter_of(rt, self)));
    js::RootedValue rooted_type(rt.heap(), type);
    js::Value events = LOOPSIM_TRY(get(rt, *emitter, "_events"));
    if (!events.is_object()) return js::Value(js::create_array(rt, {}));
    js::RootedValue rooted_events(rt.heap(), events);
    js::PropertyKey key = LOOPSIM_TRY(js::to_property_key(rt, rooted_type.get()));
    js::RootedValue list(rt.heap(), LOOPSIM_TRY(rooted_events.get().as_object()->get(rt, key)));
    if (list.get().is_undefined()) return js::Value(js::create_array(rt, {}));
    js::RootedVector entries(rt.heap());
    if (js::Runtime::is_callable(list.get()) || !list.get().is_object())
        entries.push_back(list.get());
    else
        LOOPSIM_TRY(read_list(rt, *list.get().as_object(), entries));
    if (unwrap) {
        for (js::Value& entry : entries.values()) {
            if (!entry.is_object()) continue;
            js::Value inner = LOOPSIM_TRY(get(rt, *entry.as_object(), "listener"));
            if (js::Runtime::is_callable(inner)) entry = inner;
        }
    }
    return js::Value(js::create_array(rt, entries.values()));
}

js::Completion listeners(js::Runtime& rt, js::NativeFunction&, js::Value self,
                         std::span<const js::Value> args) {
    return listeners_of(rt, self, arg(args, 0), true);
}

js::Completion raw_listeners(js::Runtime& rt, js::NativeFunction&, js::Value self,
                             std::span<const js::Value> args) {
    return listeners_of(rt, self, arg(args, 0), false);
}

js::Completion listener_count(js::Runtime& rt, js::NativeFunction&, js::Value self,
                              std::span<const js::Value> args) {
    js::Object* emitter = LOOPSIM_TRY(emitter_of(rt, self));
    js::RootedValue type(rt.heap(), arg(args, 0));
    js::RootedValue wanted(rt.heap(), arg(args, 1));
    js::Value events = LOOPSIM_TRY(get(rt, *emitter, "_events"));
    if (!events.is_object()) return js::Value(0);
    js::RootedValue rooted_events(rt.heap(), events);
    js::PropertyKey key = LOOPSIM_TRY(js::to_property_key(rt, type.get()));
    js::RootedValue list(rt.heap(), LOOPSIM_TRY(rooted_events.get().as_object()->get(rt, key)));
    if (list.get().is_undefined()) return js::Value(0);
    if (js::Runtime::is_callable(list.get())) {
        if (wanted.get().is_nullish()) return js::Value(1);
        return js::Value(LOOPSIM_TRY(matches(rt, list.get(), wanted.get())) ? 1 : 0);
    }
    if (!list.get().is_object()) return js::Value(0);
    js::RootedVector entries(rt.heap());
    LOOPSIM_TRY(read_list(rt, *list.get().as_object(), entries));
    if (wanted.get().is_nullish()) return js::Value::number(static_cast<double>(entries.size()));
    int32_t matching = 0;
    for (size_t i = 0; i < entries.size(); ++i)
        if (LOOPSIM_TRY(matches(rt, entries[i], wanted.get()))) ++matching;
    return js::Value(matching);
}

js::Completion event_names(js::Runtime& rt, js::NativeFunction&, js::Value self,
                           std::span<const js::Value>) {
    js::Root<js::Object> emitter(rt.heap(), LOOPSIM_TRY(emitter_of(rt, self)));
    js::Value count = LOOPSIM_TRY(get(rt, *emitter, "_eventsCount"));
    if (!(LOOPSIM_TRY(js::to_number(rt, count)) > 0)) return js::Value(js::create_array(rt, {}));
    js::Value events = LOOPSIM_TRY(get(rt, *emitter, "_events"));
    if (!events.is_object()) return js::Value(js::create_array(rt, {}));
    js::RootedVector names(rt.heap());
    for (js::PropertyKey key : events.as_object()->own_property_keys(rt))
        names.push_back(js::key_to_value(rt, key));
    return js::Value(js::create_array(rt, names.values()));
}

js::Completion set_max_listeners(js::Runtime& rt, js::NativeFunction&, js::Value self,
                                 std::span<const js::Value> args) {
    js::Object* emitter = LOOPSIM_TRY(emitter_of(rt, self));
    js::Root<js::Object> rooted(rt.heap(), emitter);
    const double n =
        LOOPSIM_TRY(validate_count(ScriptHost::from(rt), arg(args, 0), "setMaxListeners"));
    LOOPSIM_TRY(put(rt, *rooted, "_maxListeners", js::Value::number(n)));
    return js::Value(rooted.get());
}

js::Completion get_max_listeners(js::Runtime& rt, js::NativeFunction&, js::Value self,
                                 std::span<const js::Value>) {
    js::Object* emitter = LOOPSIM_TRY(emitter_of(rt, self));
    return max_listeners_of(ScriptHost::from(rt), *emitter);
}

// --- the module's statics --------------------------------------------------------------------

// events.once(emitter, name): an async function in Node, so the promise it returns is
// resolved with the inner promise (a PromiseResolveThenableJob), which costs the same two
// extra microtask turns as in Node before `await once(...)` resumes.
// eventTargetAgnosticRemoveListener(signal, 'abort', abortListener), when there is a signal.
void remove_once_abort_listener(ScriptHost& host, js::Object& state) {
    js::Runtime& rt = host.runtime();
    js::Value signal = state.get(rt, rt.key("signal")).value();
    if (!signal.is_object()) return;
    js::Value listener = state.get(rt, rt.key("abortListener")).value();
    remove_abort_listener(host, *signal.as_object(), listener);
}

js::Completion once_resolver(js::Runtime& rt, js::NativeFunction& callee, js::Value,
                             std::span<const js::Value> args) {
    js::Root<js::Object> state(rt.heap(), callee.data().as_object());
    js::RootedValue values(rt.heap(), js::Value(js::create_array(rt, args)));
    js::RootedValue emitter(rt.heap(), LOOPSIM_TRY(get(rt, *state, "emitter")));
    js::Value remove = emitter.get().is_object()
                           ? LOOPSIM_TRY(get(rt, *emitter.get().as_object(), "removeListener"))
                           : js::Value();
    if (js::Runtime::is_callable(remove)) {
        js::Value remove_args[] = {js::Value(rt.string("error")),
                                   LOOPSIM_TRY(get(rt, *state, "errorListener"))};
        LOOPSIM_TRY(rt.call(remove, emitter.get(), remove_args));
    }
    remove_once_abort_listener(ScriptHost::from(rt), *state);
    js::Value resolve = LOOPSIM_TRY(get(rt, *state, "resolve"));
    js::Value resolve_args[] = {values.get()};
    return rt.call(resolve, js::Value(), resolve_args);
}

js::Completion once_error_listener(js::Runtime& rt, js::NativeFunction& callee, js::Value,
                                   std::span<const js::Value> args) {
    js::Root<js::Object> state(rt.heap(), callee.data().as_object());
    js::RootedValue error(rt.heap(), arg(args, 0));
    js::RootedValue emitter(rt.heap(), LOOPSIM_TRY(get(rt, *state, "emitter")));
    js::Value remove_args[] = {LOOPSIM_TRY(get(rt, *state, "name")),
                               LOOPSIM_TRY(get(rt, *state, "resolver"))};
    js::RootedValue name(rt.heap(), remove_args[0]);
    js::RootedValue resolver(rt.heap(), remove_args[1]);
    LOOPSIM_TRY(invoke(rt, emitter.get(), "removeListener", remove_args));
    remove_once_abort_listener(ScriptHost::from(rt), *state);
    js::Value reject = LOOPSIM_TRY(get(rt, *state, "reject"));
    js::Value reject_args[] = {error.get()};
    return rt.call(reject, js::Value(), reject_args);
}

// abortListener: removes the event's and the error's listeners, then rejects with an
// AbortError whose cause is the signal's reason.
js::Completion once_abort_listener(js::Runtime& rt, js::NativeFunction& callee, js::Value,
                                   std::span<const js::Value>) {
    ScriptHost& host = ScriptHost::from(rt);
    js::Root<js::Object> state(rt.heap(), callee.data().as_object());
    js::RootedValue emitter(rt.heap(), LOOPSIM_TRY(get(rt, *state, "emitter")));
    js::Value remove_args[] = {LOOPSIM_TRY(get(rt, *state, "name")),
                               LOOPSIM_TRY(get(rt, *state, "resolver"))};
    LOOPSIM_TRY(invoke(rt, emitter.get(), "removeListener", remove_args));
    js::Value remove_error_args[] = {js::Value(rt.string("error")),
                                     LOOPSIM_TRY(get(rt, *state, "errorListener"))};
    LOOPSIM_TRY(invoke(rt, emitter.get(), "removeListener", remove_error_args));
    js::Value signal = LOOPSIM_TRY(get(rt, *state, "signal"));
    static const frames::Lines k_abort_listener = {
        "EventTarget.abortListener (node:events:1006:14)"};
    js::Value error[] = {
        make_abort_error(host, abort_signal_reason(host, *signal.as_object()), k_abort_listener)};
    js::Value reject = LOOPSIM_TRY(get(rt, *state, "reject"));
    return rt.call(reject, js::Value(), error);
}

// The body of the Promise executor in events.once: adds the listeners; a throw rejects.
js::ThrowCompletionOr<void> once_listen(ScriptHost& host, js::Object& state, js::Value emitter,
                                        js::Value name) {
    js::Runtime& rt = host.runtime();
    js::Root<js::Object> rooted_state(rt.heap(), &state);
    js::RootedValue rooted_emitter(rt.heap(), emitter);
    js::RootedValue rooted_name(rt.heap(), name);
    js::Value on_fn =
        emitter.is_object() ? LOOPSIM_TRY(get(rt, *emitter.as_object(), "on")) : js::Value();
    if (!js::Runtime::is_callable(on_fn))
        return arg_type_error(host, "emitter", {"EventEmitter"}, emitter);
    js::Value resolver = LOOPSIM_TRY(get(rt, *rooted_state, "resolver"));
    js::Value add_args[] = {rooted_name.get(), resolver};
    LOOPSIM_TRY(invoke(rt, rooted_emitter.get(), "once", add_args));
    const bool is_error_event =
        rooted_name.get().is_string() && rooted_name.get().as_string()->to_utf8() == "error";
    js::Value once_fn = rooted_emitter.get().is_object()
                            ? LOOPSIM_TRY(get(rt, *rooted_emitter.get().as_object(), "once"))
                            : js::Value();
    if (!is_error_event && js::Runtime::is_callable(once_fn)) {
        js::Value error_args[] = {js::Value(rt.string("error")),
                                  LOOPSIM_TRY(get(rt, *rooted_state, "errorListener"))};
        LOOPSIM_TRY(invoke(rt, rooted_emitter.get(), "once", error_args));
    }
    return {};
}

js::Completion static_once(js::Runtime& rt, js::NativeFunction&, js::Value,
                           std::span<const js::Value> args) {
    ScriptHost& host = ScriptHost::from(rt);
    js::RootedValue emitter(rt.heap(), arg(args, 0));
    js::RootedValue name(rt.heap(), arg(args, 1));
    js::RootedValue options(rt.heap(), arg(args, 2));
    js::Root<js::Object> outer(rt.heap(), js::new_promise(rt));
    js::RootedValue signal(rt.heap());
    // The async function's first steps: a throw rejects its promise at once.
    const auto fail = [&](js::Value error) {
        js::reject_promise(rt, *outer, error);
        return js::Value(outer.get());
    };
    if (!options.get().is_undefined()) {
        if (!options.get().is_object() || js::Runtime::is_callable(options.get()) ||
            js::is_array(options.get()))
            return fail(arg_type_error(host, "options", {"object"}, options.get()).value);
        js::Completion read = get(rt, *options.get().as_object(), "signal");
        if (read.is_throw()) return fail(read.thrown_value());
        signal.set(read.value());
        if (!signal.get().is_undefined() && !is_abort_signal(host, signal.get()))
            return fail(
                arg_type_error(host, "options.signal", {"AbortSignal"}, signal.get()).value);
        if (signal.get().is_object() && abort_signal_aborted(host, *signal.get().as_object())) {
            static const frames::Lines k_once = {"once (node:events:976:11)"};
            return fail(make_abort_error(host, abort_signal_reason(host, *signal.get().as_object()),
                                         k_once));
        }
    }
    js::Root<js::Object> inner(rt.heap(), js::new_promise(rt));
    js::ResolvingFunctions resolving = js::create_resolving_functions(rt, *inner);
    js::Root<js::Object> state(rt.heap(), null_prototype_object(rt));
    state->put_direct(rt, rt.key("emitter"), emitter.get());
    state->put_direct(rt, rt.key("name"), name.get());
    state->put_direct(rt, rt.key("resolve"), js::Value(resolving.resolve));
    state->put_direct(rt, rt.key("reject"), js::Value(resolving.reject));
    state->put_direct(
        rt, rt.key("resolver"),
        js::Value(function_with_data(rt, "resolver", 0, once_resolver, js::Value(state.get()))));
    state->put_direct(rt, rt.key("errorListener"),
                      js::Value(function_with_data(rt, "errorListener", 1, once_error_listener,
                                                   js::Value(state.get()))));
    state->put_direct(rt, rt.key("signal"), signal.get());
    js::Value abort_listener(
        function_with_data(rt, "abortListener", 0, once_abort_listener, js::Value(state.get())));
    state->put_direct(rt, rt.key("abortListener"), abort_listener);
    auto listened = once_listen(host, *state, emitter.get(), name.get());
    if (listened.is_throw()) {
        js::Value reject = state->get(rt, rt.key("reject")).value();
        js::Value reject_args[] = {listened.thrown_value()};
        LOOPSIM_TRY(rt.call(reject, js::Value(), reject_args));
    } else if (signal.get().is_object()) {
        add_abort_listener(host, *signal.get().as_object(), abort_listener, true);
    }
    // The async function returns the inner promise: its own promise follows it, through
    // jobs of Node's own (traces mark them node_internal).
    js::Runtime::HostPromiseScope once_jobs(rt);
    js::resolve_promise(rt, *outer, js::Value(inner.get()));
    return js::Value(outer.get());
}

js::Completion static_on(js::Runtime& rt, js::NativeFunction&, js::Value,
                         std::span<const js::Value>) {
    return not_modelled(rt, "events.on (an async iterator)");
}

js::Completion static_get_event_listeners(js::Runtime& rt, js::NativeFunction&, js::Value,
                                          std::span<const js::Value> args) {
    js::Value target = arg(args, 0);
    js::Value fn =
        target.is_object() ? LOOPSIM_TRY(get(rt, *target.as_object(), "listeners")) : js::Value();
    if (!js::Runtime::is_callable(fn))
        return arg_type_error(ScriptHost::from(rt), "emitter", {"EventEmitter", "EventTarget"},
                              target);
    js::Value type[] = {arg(args, 1)};
    return rt.call(fn, target, type);
}

js::Completion static_get_max_listeners(js::Runtime& rt, js::NativeFunction&, js::Value,
                                        std::span<const js::Value> args) {
    js::Value target = arg(args, 0);
    js::Value fn = target.is_object() ? LOOPSIM_TRY(get(rt, *target.as_object(), "getMaxListeners"))
                                      : js::Value();
    if (!js::Runtime::is_callable(fn))
        return arg_type_error(ScriptHost::from(rt), "emitter", {"EventEmitter", "EventTarget"},
                              target);
    return max_listeners_of(ScriptHost::from(rt), *target.as_object());
}

js::Completion static_set_max_listeners(js::Runtime& rt, js::NativeFunction&, js::Value,
                                        std::span<const js::Value> args) {
    ScriptHost& host = ScriptHost::from(rt);
    js::Value n_value = args.empty() || args[0].is_undefined()
                            ? js::Value::number(default_max_listeners(host))
                            : args[0];
    const double n = LOOPSIM_TRY(validate_count(host, n_value, "setMaxListeners"));
    if (args.size() <= 1) {
        set_binding_internal(host, "events.defaultMaxListeners", js::Value::number(n));
        return js::Value();
    }
    for (size_t i = 1; i < args.size(); ++i) {
        js::Value target = args[i];
        js::Value fn = target.is_object()
                           ? LOOPSIM_TRY(get(rt, *target.as_object(), "setMaxListeners"))
                           : js::Value();
        if (!js::Runtime::is_callable(fn))
            return arg_type_error(host, "eventTargets", {"EventEmitter", "EventTarget"}, target);
        js::Value one[] = {js::Value::number(n)};
        LOOPSIM_TRY(rt.call(fn, target, one));
    }
    return js::Value();
}

js::Completion static_listener_count(js::Runtime& rt, js::NativeFunction& callee, js::Value,
                                     std::span<const js::Value> args) {
    js::Value target = arg(args, 0);
    js::Value fn = target.is_object() ? LOOPSIM_TRY(get(rt, *target.as_object(), "listenerCount"))
                                      : js::Value();
    js::Value type[] = {arg(args, 1)};
    if (js::Runtime::is_callable(fn)) return rt.call(fn, target, type);
    return listener_count(rt, callee, target, type);
}

js::Completion get_default_max_listeners(js::Runtime& rt, js::NativeFunction&, js::Value,
                                         std::span<const js::Value>) {
    return js::Value::number(default_max_listeners(ScriptHost::from(rt)));
}

js::Completion set_default_max_listeners(js::Runtime& rt, js::NativeFunction&, js::Value,
                                         std::span<const js::Value> args) {
    ScriptHost& host = ScriptHost::from(rt);
    const double n = LOOPSIM_TRY(validate_count(host, arg(args, 0), "defaultMaxListeners"));
    set_binding_internal(host, "events.defaultMaxListeners", js::Value::number(n));
    return js::Value();
}

} // namespace

js::Completion make_events_module(ScriptHost& host) {
    js::Runtime& rt = host.runtime();
    set_binding_internal(host, "events.kShapeMode",
                         js::Value(rt.make_symbol(rt.string("shapeMode"))));
    set_binding_internal(host, "events.kCapture", js::Value(rt.make_symbol(rt.string("kCapture"))));
    set_binding_internal(host, "events.errorMonitor",
                         js::Value(rt.make_symbol(rt.string("events.errorMonitor"))));

    // EventEmitter.prototype: the instance fields' defaults, then the methods, all plain
    // (enumerable) properties as lib/events.js assigns them; `on` and `off` are the same
    // functions as addListener and removeListener.
    js::Root<js::Object> prototype(rt.heap(), js::Object::create(rt, rt.object_prototype()));
    js::NativeFunction* constructor = function_with_data(rt, "EventEmitter", 1, emitter_call);
    js::Root<js::Object> ctor(rt.heap(), constructor);
    constructor->set_construct(emitter_construct);
    constructor->put_direct(rt, rt.common_key(js::CommonAtom::Prototype),
                            js::Value(prototype.get()), js::attr::Writable);
    prototype->put_direct(rt, rt.key("constructor"), js::Value(constructor), js::attr::Builtin);
    prototype->put_direct(rt, rt.key("_events"), js::Value(), js::attr::Default);
    prototype->put_direct(rt, rt.key("_eventsCount"), js::Value(0), js::attr::Default);
    prototype->put_direct(rt, rt.key("_maxListeners"), js::Value(), js::attr::Default);
    const auto method = [&](std::string_view name, uint32_t length, js::NativeFn fn) {
        js::Value function(make_function(host, name, length, fn));
        prototype->put_direct(rt, rt.key(name), function, js::attr::Default);
        return function;
    };
    method("setMaxListeners", 1, set_max_listeners);
    method("getMaxListeners", 0, get_max_listeners);
    method("emit", 1, emit);
    js::Value add = method("addListener", 2, on);
    prototype->put_direct(rt, rt.key("on"), add, js::attr::Default);
    method("prependListener", 2, prepend_listener);
    method("once", 2, once);
    method("prependOnceListener", 2, prepend_once_listener);
    js::Value remove = method("removeListener", 2, remove_listener);
    prototype->put_direct(rt, rt.key("off"), remove, js::attr::Default);
    method("removeAllListeners", 1, remove_all_listeners);
    method("listeners", 1, listeners);
    method("rawListeners", 1, raw_listeners);
    method("listenerCount", 2, listener_count);
    method("eventNames", 0, event_names);
    prototype->put_direct(rt, capture_key(host), js::Value(false), js::attr::Writable);

    // The statics, in Node's order (those loopsim models).
    const auto fn_static = [&](std::string_view name, uint32_t length, js::NativeFn fn) {
        ctor->put_direct(rt, rt.key(name), js::Value(make_function(host, name, length, fn)),
                         js::attr::Default);
    };
    fn_static("once", 2, static_once);
    fn_static("on", 2, static_on);
    fn_static("getEventListeners", 2, static_get_event_listeners);
    fn_static("getMaxListeners", 1, static_get_max_listeners);
    ctor->put_direct(rt, rt.key("EventEmitter"), js::Value(ctor.get()), js::attr::Default);
    ctor->put_direct(rt, rt.key("usingDomains"), js::Value(false), js::attr::Default);
    ctor->put_direct(rt, rt.key("captureRejectionSymbol"),
                     js::Value(registered_symbol(rt, "nodejs.rejection")), js::attr::Default);
    ctor->put_direct(rt, rt.key("errorMonitor"), js::Value(error_monitor_key(host).as_symbol()),
                     js::attr::Default);
    ctor->put_accessor(rt, rt.key("defaultMaxListeners"),
                       js::Value(make_function(host, "get", 0, get_default_max_listeners)),
                       js::Value(make_function(host, "set", 1, set_default_max_listeners)),
                       js::attr::Enumerable);
    // These three are anonymous functions in Node.
    const auto anonymous = [&](std::string_view key, uint32_t length, js::NativeFn fn) {
        ctor->put_direct(rt, rt.key(key), js::Value(make_function(host, "", length, fn)),
                         js::attr::Default);
    };
    anonymous("setMaxListeners", 0, static_set_max_listeners);
    anonymous("init", 1, static_init);
    anonymous("listenerCount", 2, static_listener_count);
    return js::Value(ctor.get());
}

} // namespace loopsim::node
