#pragma once
// What bindings_event_target.cpp (EventTarget, Event) and bindings_abort.cpp (AbortSignal,
// AbortController, DOMException) share: state kept under hidden symbols, classes made by
// Node's class rules, custom inspection, and the EventTarget operations AbortSignal builds on.
// Internal to those two files.
#include "model/js/completion.h"
#include "model/js/function.h"
#include "model/js/object.h"
#include "model/js/runtime.h"
#include "model/node/script_host.h"

#include <span>
#include <string>
#include <string_view>

namespace loopsim::node::dom {

// --- hidden state --------------------------------------------------------------------------
// The hidden symbol `Symbol(name)` these classes keep their state under.
js::PropertyKey hidden(ScriptHost& host, const char* name);
// An own data property, or undefined (no getter runs).
js::Value own(js::Object& object, js::PropertyKey key);
void set_own(js::Runtime& rt, js::Object& object, js::PropertyKey key, js::Value value);
// `value` is an object with the hidden property `name` (the brand of its class).
bool has_hidden(ScriptHost& host, js::Value value, const char* name);

// --- errors --------------------------------------------------------------------------------
// ERR_INVALID_THIS: `Value of "this" must be of type TYPE`.
js::ThrowCompletion invalid_this(ScriptHost& host, std::string_view type);
// A Node error of `type` with `code`.
js::ThrowCompletion coded(ScriptHost& host, js::ErrorType type, std::string_view code,
                          const std::string& message);

// --- classes -------------------------------------------------------------------------------
// A class: its constructor (`construct`, or "Illegal constructor"; a plain call throws as a
// class constructor does) and its prototype, kept as the module's internal `name`.
struct Class {
    js::NativeFunction* constructor;
    js::Object* prototype;
};
Class make_class_with(ScriptHost& host, std::string_view name, uint32_t length,
                      js::Object* parent_prototype, js::NativeConstructFn construct,
                      js::Object* parent_constructor = nullptr);
// The prototype make_class_with kept for `name`, or null.
js::Object* prototype_of(ScriptHost& host, const char* name);
// The object `new Callee(...)` makes: its prototype comes from new.target (a subclass's).
js::ThrowCompletionOr<js::Object*> create_from(js::Runtime& rt, js::NativeFunction& callee,
                                               js::Object& new_target);
void define_getter(ScriptHost& host, js::Object& target, std::string_view name, js::NativeFn fn,
                   bool enumerable = true);
// Symbol.toStringTag.
void define_tag(ScriptHost& host, js::Object& prototype, std::string_view tag);
// [util.inspect.custom].
void define_inspect(ScriptHost& host, js::Object& prototype, js::NativeFn fn);
// customInspect(self, obj, depth, options) of abort_controller.js and Event's: "Name " and
// `fields` inspected one level deeper; below depth 0 `self` itself, or its name alone.
js::Completion custom_inspect_of(js::Runtime& rt, js::Value self, js::Object& fields,
                                 std::span<const js::Value> args, bool name_only_when_deep);

// A getter of the hidden `Field` of an object branded `Brand` (ERR_INVALID_THIS naming `Type`
// otherwise).
template <const char* Brand, const char* Type, const char* Field>
js::Completion hidden_getter(js::Runtime& rt, js::NativeFunction&, js::Value self,
                             std::span<const js::Value>) {
    ScriptHost& host = ScriptHost::from(rt);
    if (!has_hidden(host, self, Brand)) return invalid_this(host, Type);
    return own(*self.as_object(), hidden(host, Field));
}

// --- EventTarget ---------------------------------------------------------------------------
struct ListenerOptions {
    bool once = false;
    bool capture = false;
    bool resist_stop = false; // Node's kResistStopPropagation (its own listeners)
    js::Value signal;
};
// Makes `target` an event target (its listener lists).
void init_event_target(ScriptHost& host, js::Object& target);
// An Event of `type` (trusted: one Node dispatches itself); prototype null: Event.prototype.
js::Object* make_event(ScriptHost& host, js::Object* prototype, js::Value type, bool cancelable,
                       bool bubbles, bool composed, bool trusted);
// dispatchEvent's walk ([kHybridDispatch]), under the frames of whoever dispatches.
void dispatch(ScriptHost& host, js::Object& target, js::Object& event);
// Appends a listener record unless the same listener (and capture) is listed already;
// `is_handler`: the wrapper of an event handler attribute.
void append_listener(ScriptHost& host, js::Object& target, js::PropertyKey type, js::Value listener,
                     const ListenerOptions& options, bool is_handler);
void remove_listener_record(ScriptHost& host, js::Object& target, js::PropertyKey type,
                            js::Value listener, bool capture);
// The globals EventTarget and Event; gives EventTarget's class.
Class install_event_target(ScriptHost& host);
// defineEventHandler(prototype, 'abort'): the `onabort` accessor.
void define_event_handler(ScriptHost& host, js::Object& prototype);

} // namespace loopsim::node::dom
