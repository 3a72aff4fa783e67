// EventTarget and Event, as Node 20 has them (lib/internal/event_target.js), and the helpers
// the classes built on them share (dom_support.h). AbortSignal, AbortController and
// DOMException are in bindings_abort.cpp.
//
// The rules, all checked against node v20.20.2 (docs/modules.md, "Cancelling with
// AbortController"):
//   - dispatchEvent is synchronous: listeners run in the order they were added, with `this`
//     the target; a listener added while the event is dispatched runs in the same dispatch
//     if the walk has not passed the end yet; one removed meanwhile does not run; a `once`
//     listener is removed before it runs.
//   - a listener that throws does not stop the others: its error is thrown again from a
//     process.nextTick callback (an uncaught exception, reported from node:internal/
//     event_target); a listener that returns a rejected promise is reported the same way.
//   - an event handler attribute (`onabort`) is a listener like the others, placed where it
//     was first set; setting it again keeps that place.
// Listeners are kept per target under hidden symbols, in a doubly linked list of records
// (null-prototype objects), as Node keeps them.
#include "model/js/array.h"
#include "model/js/builtins/builtin_support.h"
#include "model/js/builtins/error_builtins.h"
#include "model/js/conversions.h"
#include "model/js/function.h"
#include "model/js/inspect.h"
#include "model/js/runtime.h"
#include "model/js/string.h"
#include "model/js/vm.h"
#include "model/node/bindings.h"
#include "model/node/dom_support.h"
#include "model/node/internal_frames.h"
#include "model/node/script_host.h"

namespace loopsim::node::dom {

using js::arg;

// --- hidden state and classes --------------------------------------------------------------

js::Completion class_call(js::Runtime& rt, js::NativeFunction& callee, js::Value,
                          std::span<const js::Value>) {
    js::Value name = callee.data();
    return rt.throw_error(js::ErrorType::TypeError, "Class constructor " +
                                                        name.as_string()->to_utf8() +
                                                        " cannot be invoked without 'new'");
}

// The object `new Callee(...)` makes: its prototype comes from new.target (a subclass's).
js::ThrowCompletionOr<js::Object*> create_from(js::Runtime& rt, js::NativeFunction& callee,
                                               js::Object& new_target) {
    js::Value fallback = LOOPSIM_TRY(callee.get(rt, rt.common_key(js::CommonAtom::Prototype)));
    js::Object* prototype = LOOPSIM_TRY(rt.prototype_from_constructor(
        new_target, fallback.is_object() ? fallback.as_object() : rt.object_prototype()));
    return js::Object::create(rt, prototype);
}

// The hidden symbol `Symbol(name)` of this module.
js::PropertyKey hidden(ScriptHost& host, const char* name) {
    const std::string key = std::string("abort.") + name;
    js::Value symbol = binding_internal(host, key);
    if (!symbol.is_symbol()) {
        js::Runtime& rt = host.runtime();
        symbol = js::Value(rt.make_symbol(rt.string(name)));
        set_binding_internal(host, key, symbol);
    }
    return js::PropertyKey::symbol(symbol.as_symbol());
}

js::Object* prototype_of(ScriptHost& host, const char* name) {
    js::Value prototype = binding_internal(host, std::string("abort.prototype.") + name);
    return prototype.is_object() ? prototype.as_object() : nullptr;
}

// An own data property, or undefined (no getters run).
js::Value own(js::Object& object, js::PropertyKey key) {
    js::OwnProperty property;
    if (!object.lookup_own(key, property) || (property.attributes & js::attr::Accessor) != 0)
        return js::Value();
    return property.value;
}

void set_own(js::Runtime& rt, js::Object& object, js::PropertyKey key, js::Value value) {
    object.put_direct(rt, key, value, js::attr::Writable | js::attr::Configurable);
}

bool has_hidden(ScriptHost& host, js::Value value, const char* name) {
    return value.is_object() && value.as_object()->has_own_property(hidden(host, name));
}

js::ThrowCompletion invalid_this(ScriptHost& host, std::string_view type) {
    js::Completion error =
        make_node_error(host, js::ErrorType::TypeError, "ERR_INVALID_THIS",
                        "Value of \"this\" must be of type " + std::string(type));
    return js::ThrowCompletion{error.is_throw() ? error.thrown_value() : error.value()};
}

js::ThrowCompletion coded(ScriptHost& host, js::ErrorType type, std::string_view code,
                          const std::string& message) {
    js::Completion error = make_node_error(host, type, code, message);
    return js::ThrowCompletion{error.is_throw() ? error.thrown_value() : error.value()};
}

Class make_class_with(ScriptHost& host, std::string_view name, uint32_t length,
                      js::Object* parent_prototype, js::NativeConstructFn construct,
                      js::Object* parent_constructor) {
    js::Runtime& rt = host.runtime();
    js::Root<js::Object> prototype(
        rt.heap(),
        js::Object::create(rt, parent_prototype ? parent_prototype : rt.object_prototype()));
    auto* constructor =
        static_cast<js::NativeFunction*>(make_function(host, name, length, class_call));
    js::Root<js::Object> rooted(rt.heap(), constructor);
    constructor->set_data(js::Value(rt.string(name)));
    constructor->set_construct(construct);
    if (parent_constructor) (void)constructor->set_prototype(parent_constructor);
    constructor->put_direct(rt, rt.common_key(js::CommonAtom::Prototype),
                            js::Value(prototype.get()), js::attr::None);
    prototype->put_direct(rt, rt.key("constructor"), js::Value(constructor), js::attr::Builtin);
    set_binding_internal(host, "abort.prototype." + std::string(name), js::Value(prototype.get()));
    return {constructor, prototype.get()};
}

void define_getter(ScriptHost& host, js::Object& target, std::string_view name, js::NativeFn fn,
                   bool enumerable) {
    js::Runtime& rt = host.runtime();
    target.put_accessor(
        rt, rt.key(name), js::Value(make_function(host, "get " + std::string(name), 0, fn)),
        js::Value(), (enumerable ? js::attr::Enumerable : js::attr::None) | js::attr::Configurable);
}

void define_tag(ScriptHost& host, js::Object& prototype, std::string_view tag) {
    js::Runtime& rt = host.runtime();
    prototype.put_direct(
        rt, js::PropertyKey::symbol(rt.well_known_symbol(js::WellKnownSymbol::ToStringTag)),
        js::Value(rt.string(tag)), js::attr::Configurable);
}

void define_inspect(ScriptHost& host, js::Object& prototype, js::NativeFn fn) {
    js::Runtime& rt = host.runtime();
    prototype.put_direct(
        rt, js::PropertyKey::symbol(registered_symbol(rt, "nodejs.util.inspect.custom")),
        js::Value(make_function(host, "[nodejs.util.inspect.custom]", 2, fn)), js::attr::Builtin);
}

// customInspect(self, obj, depth, options) of abort_controller.js and Event's: "Name " and
// `fields` inspected one level deeper; `self` itself below depth 0.
js::Completion custom_inspect_of(js::Runtime& rt, js::Value self, js::Object& fields,
                                 std::span<const js::Value> args, bool name_only_when_deep) {
    js::Root<js::Object> rooted(rt.heap(), &fields);
    js::Value depth = arg(args, 0);
    std::string name = js::receiver_type_name(rt, self);
    if (self.is_object()) {
        js::Value constructor = LOOPSIM_TRY(self.as_object()->get(rt, rt.key("constructor")));
        if (constructor.is_object()) {
            js::Value n =
                LOOPSIM_TRY(constructor.as_object()->get(rt, rt.common_key(js::CommonAtom::Name)));
            if (n.is_string()) name = n.as_string()->to_utf8();
        }
    }
    if (depth.is_number() && depth.as_number() < 0)
        return name_only_when_deep ? js::Value(rt.string(name)) : self;
    js::InspectOptions options;
    js::Value user = arg(args, 1);
    if (user.is_object()) {
        js::Value d = LOOPSIM_TRY(user.as_object()->get(rt, rt.key("depth")));
        if (d.is_null())
            options.depth = js::InspectOptions::kUnlimitedDepth;
        else if (d.is_number())
            options.depth = static_cast<int>(d.as_number()) - 1;
        js::Value b = LOOPSIM_TRY(user.as_object()->get(rt, rt.key("breakLength")));
        if (b.is_number()) options.break_length = static_cast<int>(b.as_number());
    }
    std::string text = LOOPSIM_TRY(js::inspect_or_throw(rt, js::Value(rooted.get()), options));
    return js::Value(rt.string(name + " " + text));
}

js::Value field(js::Runtime& rt, js::Object& record, std::string_view name) {
    return own(record, rt.key(name));
}

void set_field(js::Runtime& rt, js::Object& record, std::string_view name, js::Value value) {
    record.put_direct(rt, rt.key(name), value, js::attr::Default);
}

// An event type (a string) as a property key.
js::PropertyKey type_key(js::Runtime& rt, js::Value type) {
    return js::to_property_key(rt, type).value();
}

// --- Event -----------------------------------------------------------------------------------

js::Object* make_event(ScriptHost& host, js::Object* prototype, js::Value type, bool cancelable,
                       bool bubbles, bool composed, bool trusted) {
    js::Runtime& rt = host.runtime();
    js::RootedValue rooted_type(rt.heap(), type);
    js::Root<js::Object> event(
        rt.heap(), js::Object::create(rt, prototype ? prototype : prototype_of(host, "Event")));
    set_own(rt, *event, hidden(host, "kType"), rooted_type.get());
    set_own(rt, *event, hidden(host, "kCancelable"), js::Value(cancelable));
    set_own(rt, *event, hidden(host, "kBubbles"), js::Value(bubbles));
    set_own(rt, *event, hidden(host, "kComposed"), js::Value(composed));
    set_own(rt, *event, hidden(host, "kDefaultPrevented"), js::Value(false));
    set_own(rt, *event, hidden(host, "kTimestamp"), js::Value::number(host.performance_now_ms()));
    set_own(rt, *event, hidden(host, "kTrusted"), js::Value(trusted));
    set_own(rt, *event, hidden(host, "kTarget"), js::Value::null());
    set_own(rt, *event, hidden(host, "kIsBeingDispatched"), js::Value(false));
    set_own(rt, *event, hidden(host, "kStop"), js::Value(false));
    set_own(rt, *event, hidden(host, "kPropagationStopped"), js::Value(false));
    return event.get();
}

js::Completion event_construct(js::Runtime& rt, js::NativeFunction& callee,
                               std::span<const js::Value> args, js::Object& new_target) {
    ScriptHost& host = ScriptHost::from(rt);
    if (args.empty())
        return coded(host, js::ErrorType::TypeError, "ERR_MISSING_ARGS",
                     "The \"type\" argument must be specified");
    js::Value options = arg(args, 1);
    if (!options.is_nullish() && !options.is_object())
        return arg_type_error(host, "options", {"object"}, options);
    js::Object* prototype = LOOPSIM_TRY(create_from(rt, callee, new_target))->prototype();
    js::Root<js::Object> rooted_prototype(rt.heap(), prototype);
    js::RootedValue rooted_options(rt.heap(), options);
    js::String* type = LOOPSIM_TRY(js::to_string(rt, args[0]));
    js::RootedValue rooted_type(rt.heap(), js::Value(type));
    bool flags[3] = {false, false, false};
    if (options.is_object()) {
        const char* names[] = {"bubbles", "cancelable", "composed"};
        for (int i = 0; i < 3; ++i)
            flags[i] = js::to_boolean(
                LOOPSIM_TRY(rooted_options.get().as_object()->get(rt, rt.key(names[i]))));
    }
    return js::Value(make_event(host, rooted_prototype.get(), rooted_type.get(), flags[1], flags[0],
                                flags[2], false));
}

js::ThrowCompletionOr<js::Object*> event_this(ScriptHost& host, js::Value self) {
    if (!has_hidden(host, self, "kType")) return invalid_this(host, "Event");
    return self.as_object();
}

constexpr char k_event[] = "Event";
constexpr char k_type[] = "kType";
constexpr char k_target[] = "kTarget";
constexpr char k_cancelable[] = "kCancelable";
constexpr char k_bubbles[] = "kBubbles";
constexpr char k_composed[] = "kComposed";
constexpr char k_default_prevented[] = "kDefaultPrevented";
constexpr char k_timestamp[] = "kTimestamp";
constexpr char k_trusted[] = "kTrusted";
constexpr char k_propagation_stopped[] = "kPropagationStopped";

bool dispatching(ScriptHost& host, js::Object& event) {
    return js::to_boolean(own(event, hidden(host, "kIsBeingDispatched")));
}

js::Completion event_current_target(js::Runtime& rt, js::NativeFunction&, js::Value self,
                                    std::span<const js::Value>) {
    ScriptHost& host = ScriptHost::from(rt);
    js::Object* event = LOOPSIM_TRY(event_this(host, self));
    return dispatching(host, *event) ? own(*event, hidden(host, "kTarget")) : js::Value::null();
}

js::Completion event_phase(js::Runtime& rt, js::NativeFunction&, js::Value self,
                           std::span<const js::Value>) {
    ScriptHost& host = ScriptHost::from(rt);
    js::Object* event = LOOPSIM_TRY(event_this(host, self));
    return js::Value(dispatching(host, *event) ? 2 : 0);
}

js::Completion event_return_value(js::Runtime& rt, js::NativeFunction&, js::Value self,
                                  std::span<const js::Value>) {
    ScriptHost& host = ScriptHost::from(rt);
    js::Object* event = LOOPSIM_TRY(event_this(host, self));
    return js::Value(!js::to_boolean(own(*event, hidden(host, "kDefaultPrevented"))));
}

js::Completion event_prevent_default(js::Runtime& rt, js::NativeFunction&, js::Value self,
                                     std::span<const js::Value>) {
    ScriptHost& host = ScriptHost::from(rt);
    js::Object* event = LOOPSIM_TRY(event_this(host, self));
    if (js::to_boolean(own(*event, hidden(host, "kCancelable"))))
        set_own(rt, *event, hidden(host, "kDefaultPrevented"), js::Value(true));
    return js::Value();
}

js::Completion event_stop_propagation(js::Runtime& rt, js::NativeFunction&, js::Value self,
                                      std::span<const js::Value>) {
    ScriptHost& host = ScriptHost::from(rt);
    js::Object* event = LOOPSIM_TRY(event_this(host, self));
    set_own(rt, *event, hidden(host, "kPropagationStopped"), js::Value(true));
    return js::Value();
}

js::Completion event_stop_immediate_propagation(js::Runtime& rt, js::NativeFunction&,
                                                js::Value self, std::span<const js::Value>) {
    ScriptHost& host = ScriptHost::from(rt);
    js::Object* event = LOOPSIM_TRY(event_this(host, self));
    set_own(rt, *event, hidden(host, "kPropagationStopped"), js::Value(true));
    set_own(rt, *event, hidden(host, "kStop"), js::Value(true));
    return js::Value();
}

js::Completion event_composed_path(js::Runtime& rt, js::NativeFunction&, js::Value self,
                                   std::span<const js::Value>) {
    ScriptHost& host = ScriptHost::from(rt);
    js::Object* event = LOOPSIM_TRY(event_this(host, self));
    if (!dispatching(host, *event)) return js::Value(js::Array::create(rt));
    js::Value target = own(*event, hidden(host, "kTarget"));
    return js::Value(js::Array::create_from(rt, std::span<const js::Value>(&target, 1)));
}

js::Completion event_inspect(js::Runtime& rt, js::NativeFunction&, js::Value self,
                             std::span<const js::Value> args) {
    ScriptHost& host = ScriptHost::from(rt);
    js::Root<js::Object> event(rt.heap(), LOOPSIM_TRY(event_this(host, self)));
    js::Root<js::Object> fields(rt.heap(), js::Object::create(rt, rt.object_prototype()));
    set_field(rt, *fields, "type", own(*event, hidden(host, "kType")));
    set_field(rt, *fields, "defaultPrevented", own(*event, hidden(host, "kDefaultPrevented")));
    set_field(rt, *fields, "cancelable", own(*event, hidden(host, "kCancelable")));
    set_field(rt, *fields, "timeStamp", own(*event, hidden(host, "kTimestamp")));
    return custom_inspect_of(rt, self, *fields, args, true);
}

// --- EventTarget: listeners ------------------------------------------------------------------

js::Object* null_object(js::Runtime& rt) {
    return js::Object::create(rt, nullptr);
}

void init_event_target(ScriptHost& host, js::Object& target) {
    set_own(host.runtime(), target, hidden(host, "kEvents"),
            js::Value(null_object(host.runtime())));
}

bool is_event_target(ScriptHost& host, js::Value value) {
    return has_hidden(host, value, "kEvents");
}

js::Completion event_target_construct(js::Runtime& rt, js::NativeFunction& callee,
                                      std::span<const js::Value>, js::Object& new_target) {
    js::Root<js::Object> target(rt.heap(), LOOPSIM_TRY(create_from(rt, callee, new_target)));
    init_event_target(ScriptHost::from(rt), *target);
    return js::Value(target.get());
}

// The root record of `type`'s list on `target` (made if `create`), or null.
js::Object* list_root(ScriptHost& host, js::Object& target, js::PropertyKey type, bool create) {
    js::Runtime& rt = host.runtime();
    js::Value events = own(target, hidden(host, "kEvents"));
    if (!events.is_object()) return nullptr;
    js::Value root = own(*events.as_object(), type);
    if (root.is_object()) return root.as_object();
    if (!create) return nullptr;
    js::Root<js::Object> rooted_events(rt.heap(), events.as_object());
    js::Object* made = null_object(rt);
    set_field(rt, *made, "size", js::Value(0));
    rooted_events->put_direct(rt, type, js::Value(made), js::attr::Default);
    return made;
}

// Appends a record unless the same listener (and capture) is listed already.
void append_listener(ScriptHost& host, js::Object& target, js::PropertyKey type, js::Value listener,
                     const ListenerOptions& options, bool is_handler) {
    js::Runtime& rt = host.runtime();
    js::Root<js::Object> rooted_target(rt.heap(), &target);
    js::RootedValue rooted_listener(rt.heap(), listener);
    js::Root<js::Object> root(rt.heap(), list_root(host, target, type, true));
    js::Value last = js::Value(root.get());
    for (js::Value r = field(rt, *root, "next"); r.is_object();
         r = field(rt, *r.as_object(), "next")) {
        js::Object& record = *r.as_object();
        if (!is_handler && js::is_strictly_equal(field(rt, record, "listener"), listener) &&
            js::to_boolean(field(rt, record, "capture")) == options.capture)
            return;
        last = r;
    }
    js::Root<js::Object> record(rt.heap(), null_object(rt));
    set_field(rt, *record, "listener", rooted_listener.get());
    set_field(rt, *record, "once", js::Value(options.once));
    set_field(rt, *record, "capture", js::Value(options.capture));
    set_field(rt, *record, "resist", js::Value(options.resist_stop));
    set_field(rt, *record, "handler", js::Value(is_handler));
    set_field(rt, *record, "removed", js::Value(false));
    set_field(rt, *record, "previous", last);
    set_field(rt, *last.as_object(), "next", js::Value(record.get()));
    const double size = field(rt, *root, "size").as_number();
    set_field(rt, *root, "size", js::Value::number(size + 1));
}

void unlink_record(ScriptHost& host, js::Object& root, js::Object& record) {
    js::Runtime& rt = host.runtime();
    js::Value previous = field(rt, record, "previous");
    js::Value next = field(rt, record, "next");
    if (previous.is_object()) set_field(rt, *previous.as_object(), "next", next);
    if (next.is_object()) set_field(rt, *next.as_object(), "previous", previous);
    set_field(rt, record, "removed", js::Value(true));
    const double size = field(rt, root, "size").as_number();
    set_field(rt, root, "size", js::Value::number(size - 1));
}

void remove_listener_record(ScriptHost& host, js::Object& target, js::PropertyKey type,
                            js::Value listener, bool capture) {
    js::Runtime& rt = host.runtime();
    js::Object* root = list_root(host, target, type, false);
    if (!root) return;
    for (js::Value r = field(rt, *root, "next"); r.is_object();
         r = field(rt, *r.as_object(), "next")) {
        js::Object& record = *r.as_object();
        if (js::to_boolean(field(rt, record, "handler"))) continue;
        if (js::is_strictly_equal(field(rt, record, "listener"), listener) &&
            js::to_boolean(field(rt, record, "capture")) == capture) {
            unlink_record(host, *root, record);
            return;
        }
    }
}

js::ThrowCompletionOr<ListenerOptions> read_listener_options(ScriptHost& host, js::Value options) {
    js::Runtime& rt = host.runtime();
    ListenerOptions out;
    if (options.is_boolean()) {
        out.capture = options.as_bool();
        return out;
    }
    if (!options.is_object()) return out;
    js::Root<js::Object> object(rt.heap(), options.as_object());
    out.once = js::to_boolean(LOOPSIM_TRY(object->get(rt, rt.key("once"))));
    out.capture = js::to_boolean(LOOPSIM_TRY(object->get(rt, rt.key("capture"))));
    js::Value signal = LOOPSIM_TRY(object->get(rt, rt.key("signal")));
    if (!signal.is_undefined() && !has_hidden(host, signal, "kAborted"))
        return arg_type_error(host, "options.signal", {"AbortSignal"}, signal);
    out.signal = signal;
    return out;
}

js::ThrowCompletionOr<js::Object*> target_this(ScriptHost& host, js::Value self) {
    if (!is_event_target(host, self)) return invalid_this(host, "EventTarget");
    return self.as_object();
}

// The listener an `{ signal }` option adds to that signal: removes the listener it is for.
js::Completion signal_remover(js::Runtime& rt, js::NativeFunction& callee, js::Value,
                              std::span<const js::Value>) {
    ScriptHost& host = ScriptHost::from(rt);
    js::Root<js::Object> state(rt.heap(), callee.data().as_object());
    js::Value target = field(rt, *state, "target");
    js::Value type = field(rt, *state, "type");
    if (!target.is_object() || !type.is_string()) return js::Value();
    remove_listener_record(host, *target.as_object(), type_key(rt, js::Value(type.as_string())),
                           field(rt, *state, "listener"),
                           js::to_boolean(field(rt, *state, "capture")));
    return js::Value();
}

// add/removeEventListener's checks: `this` an EventTarget, then both arguments given.
js::ThrowCompletionOr<js::Object*> listener_call_target(ScriptHost& host, js::Value self,
                                                        std::span<const js::Value> args) {
    js::Object* target = LOOPSIM_TRY(target_this(host, self));
    if (args.size() < 2)
        return coded(host, js::ErrorType::TypeError, "ERR_MISSING_ARGS",
                     "The \"type\" and \"listener\" arguments must be specified");
    return target;
}

js::Completion add_event_listener(js::Runtime& rt, js::NativeFunction&, js::Value self,
                                  std::span<const js::Value> args) {
    ScriptHost& host = ScriptHost::from(rt);
    js::Root<js::Object> target(rt.heap(), LOOPSIM_TRY(listener_call_target(host, self, args)));
    js::RootedValue listener(rt.heap(), args[1]);
    ListenerOptions options = LOOPSIM_TRY(read_listener_options(host, arg(args, 2)));
    js::RootedValue signal(rt.heap(), options.signal);
    if (listener.get().is_nullish()) {
        // validateEventListener: no effect, and a warning saying so.
        LOOPSIM_TRY(emit_warning(
            host,
            js::Value(rt.string("addEventListener called with " + js::inspect(rt, listener.get()) +
                                " which has no effect.")),
            "AddEventListenerArgumentTypeWarning"));
        return js::Value();
    }
    if (!listener.get().is_object())
        return arg_type_error(host, "listener", {"EventListener"}, listener.get());
    js::String* type = LOOPSIM_TRY(js::to_string(rt, args[0]));
    js::RootedValue rooted_type(rt.heap(), js::Value(type));
    if (signal.get().is_object()) {
        if (js::to_boolean(own(*signal.get().as_object(), hidden(host, "kAborted"))))
            return js::Value();
    }
    append_listener(host, *target, type_key(rt, js::Value(type)), listener.get(), options, false);
    if (signal.get().is_object()) {
        js::Root<js::Object> state(rt.heap(), null_object(rt));
        set_field(rt, *state, "target", js::Value(target.get()));
        set_field(rt, *state, "type", rooted_type.get());
        set_field(rt, *state, "listener", listener.get());
        set_field(rt, *state, "capture", js::Value(options.capture));
        js::Object* remover = make_function(host, "", 0, signal_remover);
        static_cast<js::NativeFunction*>(remover)->set_data(js::Value(state.get()));
        ListenerOptions remover_options{.once = true, .resist_stop = true, .signal = js::Value()};
        append_listener(host, *signal.get().as_object(), rt.key("abort"), js::Value(remover),
                        remover_options, false);
    }
    return js::Value();
}

js::Completion remove_event_listener(js::Runtime& rt, js::NativeFunction&, js::Value self,
                                     std::span<const js::Value> args) {
    ScriptHost& host = ScriptHost::from(rt);
    js::Root<js::Object> target(rt.heap(), LOOPSIM_TRY(listener_call_target(host, self, args)));
    js::RootedValue listener(rt.heap(), args[1]);
    bool capture = false;
    js::Value options = arg(args, 2);
    if (options.is_boolean())
        capture = options.as_bool();
    else if (options.is_object())
        capture = js::to_boolean(LOOPSIM_TRY(options.as_object()->get(rt, rt.key("capture"))));
    js::String* type = LOOPSIM_TRY(js::to_string(rt, args[0]));
    remove_listener_record(host, *target, type_key(rt, js::Value(type)), listener.get(), capture);
    return js::Value();
}

// --- EventTarget: dispatch ---------------------------------------------------------------------

const frames::Lines k_hybrid_dispatch = {
    "[nodejs.internal.kHybridDispatch] (node:internal/event_target:831:20)",
    "EventTarget.dispatchEvent (node:internal/event_target:766:26)"};
const frames::Lines k_event_handler = {
    "EventTarget.eventHandler (node:internal/event_target:1115:12)"};

// emitUncaughtException(err): process.nextTick(() => { throw err; }).
void emit_uncaught_exception(ScriptHost& host, js::Value error) {
    js::RootedValue rooted(host.runtime().heap(), error);
    host.env().queues().next_tick(Task{
        .call =
            [&host, rooted]() {
                host.interpreter().vm().set_host_throw_site(
                    rooted.get(), js::VM::ThrowSite{"node:internal/event_target", 1105, 28,
                                                    "  process.nextTick(() => { throw err; });"});
                host.set_pending_exception(rooted.get());
                return CallResult::Threw;
            },
        .label = host.env().label("emitUncaughtException")});
}

js::Completion uncaught_from_promise(js::Runtime& rt, js::NativeFunction&, js::Value,
                                     std::span<const js::Value> args) {
    emit_uncaught_exception(ScriptHost::from(rt), arg(args, 0));
    return js::Value();
}

// addCatch(result): a listener's thenable result that rejects is an uncaught exception.
void add_catch(ScriptHost& host, js::Value result) {
    js::Runtime& rt = host.runtime();
    if (!result.is_object()) return;
    js::RootedValue rooted(rt.heap(), result);
    js::Completion then = result.as_object()->get(rt, rt.key("then"));
    if (then.is_throw() || !js::Runtime::is_callable(then.value())) return;
    js::RootedValue rooted_then(rt.heap(), then.value());
    js::Value handler(make_function(host, "", 1, uncaught_from_promise));
    js::Value then_args[] = {js::Value(), handler};
    js::Completion called = rt.call(rooted_then.get(), rooted.get(), then_args);
    if (called.is_throw()) emit_uncaught_exception(host, called.thrown_value());
}

// Calls one listener record with the event; its throw becomes an uncaught exception later.
void call_record(ScriptHost& host, js::Object& target, js::Object& record, js::Object& event) {
    js::Runtime& rt = host.runtime();
    js::RootedValue listener(rt.heap(), field(rt, record, "listener"));
    js::Value event_value(&event);
    js::Completion result = js::Value();
    if (js::to_boolean(field(rt, record, "handler"))) {
        js::Value handler = field(rt, *listener.get().as_object(), "handler");
        if (!js::Runtime::is_callable(handler)) return;
        frames::Scope scope(host.env().frame_hooks(), k_event_handler);
        result = rt.call(handler, js::Value(&target), std::span<const js::Value>(&event_value, 1));
    } else if (js::Runtime::is_callable(listener.get())) {
        result = rt.call(listener.get(), js::Value(&target),
                         std::span<const js::Value>(&event_value, 1));
    } else {
        // An object listener: Node calls its handleEvent from an async wrapper.
        js::Completion handle = listener.get().as_object()->get(rt, rt.key("handleEvent"));
        if (!handle.is_throw() && js::Runtime::is_callable(handle.value()))
            result = rt.call(handle.value(), listener.get(),
                             std::span<const js::Value>(&event_value, 1));
        else if (handle.is_throw())
            result = handle;
    }
    if (result.is_throw()) {
        emit_uncaught_exception(host, result.thrown_value());
        return;
    }
    if (!result.value().is_nullish()) add_catch(host, result.value());
}

// dispatchEvent's walk ([kHybridDispatch]): `site` is the frames of whoever dispatches.
void dispatch(ScriptHost& host, js::Object& target, js::Object& event) {
    js::Runtime& rt = host.runtime();
    js::Root<js::Object> rooted_target(rt.heap(), &target);
    js::Root<js::Object> rooted_event(rt.heap(), &event);
    set_own(rt, event, hidden(host, "kTarget"), js::Value(&target));
    set_own(rt, event, hidden(host, "kIsBeingDispatched"), js::Value(true));
    js::Value type = own(event, hidden(host, "kType"));
    js::Object* root = list_root(host, target, type_key(rt, js::Value(type.as_string())), false);
    if (root) {
        frames::Scope scope(host.env().frame_hooks(), k_hybrid_dispatch);
        js::RootedValue handler(rt.heap(), field(rt, *root, "next"));
        js::Root<js::Object> rooted_root(rt.heap(), root);
        while (handler.get().is_object()) {
            js::Object& record = *handler.get().as_object();
            const bool stopped = js::to_boolean(own(*rooted_event, hidden(host, "kStop")));
            if (stopped && !js::to_boolean(field(rt, record, "resist"))) break;
            js::RootedValue next(rt.heap(), field(rt, record, "next"));
            if (!js::to_boolean(field(rt, record, "removed"))) {
                if (js::to_boolean(field(rt, record, "once")))
                    unlink_record(host, *rooted_root, record);
                call_record(host, *rooted_target, record, *rooted_event);
            }
            handler.set(next.get());
        }
    }
    set_own(rt, *rooted_event, hidden(host, "kIsBeingDispatched"), js::Value(false));
}

js::Completion dispatch_event(js::Runtime& rt, js::NativeFunction&, js::Value self,
                              std::span<const js::Value> args) {
    ScriptHost& host = ScriptHost::from(rt);
    js::Root<js::Object> target(rt.heap(), LOOPSIM_TRY(target_this(host, self)));
    js::Value event = arg(args, 0);
    if (!has_hidden(host, event, "kType")) return arg_type_error(host, "event", {"Event"}, event);
    js::Root<js::Object> rooted_event(rt.heap(), event.as_object());
    if (dispatching(host, *rooted_event))
        return coded(host, js::ErrorType::Error, "ERR_EVENT_RECURSION",
                     "The event \"" +
                         own(*rooted_event, hidden(host, "kType")).as_string()->to_utf8() +
                         "\" is already being dispatched");
    dispatch(host, *target, *rooted_event);
    return js::Value(!js::to_boolean(own(*rooted_event, hidden(host, "kDefaultPrevented"))));
}

// defineEventHandler(prototype, 'abort'): `onabort`. The first assignment adds a listener
// (a wrapper) at the end of the list; later ones change what the wrapper calls.
js::Completion get_onabort(js::Runtime& rt, js::NativeFunction&, js::Value self,
                           std::span<const js::Value>) {
    ScriptHost& host = ScriptHost::from(rt);
    if (!self.is_object()) return js::Value::null();
    js::Value wrapper = own(*self.as_object(), hidden(host, "kHandlers"));
    if (!wrapper.is_object()) return js::Value::null();
    js::Value handler = field(rt, *wrapper.as_object(), "handler");
    return handler.is_undefined() ? js::Value::null() : handler;
}

js::Completion set_onabort(js::Runtime& rt, js::NativeFunction&, js::Value self,
                           std::span<const js::Value> args) {
    ScriptHost& host = ScriptHost::from(rt);
    if (!is_event_target(host, self)) return js::Value();
    js::Root<js::Object> target(rt.heap(), self.as_object());
    js::RootedValue value(rt.heap(), arg(args, 0));
    js::Value wrapper = own(*target, hidden(host, "kHandlers"));
    if (wrapper.is_object()) {
        set_field(rt, *wrapper.as_object(), "handler", value.get());
        return js::Value();
    }
    js::Root<js::Object> made(rt.heap(), null_object(rt));
    set_field(rt, *made, "handler", value.get());
    set_own(rt, *target, hidden(host, "kHandlers"), js::Value(made.get()));
    append_listener(host, *target, rt.key("abort"), js::Value(made.get()), {}, true);
    return js::Value();
}

// EventTarget and Event on the global object.
Class install_event_target(ScriptHost& host) {
    js::Runtime& rt = host.runtime();
    js::Object& global = host.interpreter().global();
    Class target = make_class_with(host, "EventTarget", 0, nullptr, event_target_construct);
    define_method(host, *target.prototype, "addEventListener", 2, add_event_listener);
    define_method(host, *target.prototype, "removeEventListener", 2, remove_event_listener);
    define_method(host, *target.prototype, "dispatchEvent", 1, dispatch_event);
    define_tag(host, *target.prototype, "EventTarget");
    global.put_direct(rt, rt.key("EventTarget"), js::Value(target.constructor), js::attr::Builtin);

    Class event = make_class_with(host, "Event", 1, nullptr, event_construct);
    js::Object& ep = *event.prototype;
    define_getter(host, ep, "type", hidden_getter<k_type, k_event, k_type>);
    define_getter(host, ep, "target", hidden_getter<k_type, k_event, k_target>);
    define_getter(host, ep, "currentTarget", event_current_target);
    define_getter(host, ep, "srcElement", hidden_getter<k_type, k_event, k_target>);
    define_getter(host, ep, "eventPhase", event_phase);
    define_getter(host, ep, "bubbles", hidden_getter<k_type, k_event, k_bubbles>);
    define_getter(host, ep, "cancelable", hidden_getter<k_type, k_event, k_cancelable>);
    define_getter(host, ep, "composed", hidden_getter<k_type, k_event, k_composed>);
    define_getter(host, ep, "defaultPrevented",
                  hidden_getter<k_type, k_event, k_default_prevented>);
    define_getter(host, ep, "timeStamp", hidden_getter<k_type, k_event, k_timestamp>);
    define_getter(host, ep, "returnValue", event_return_value);
    define_getter(host, ep, "cancelBubble", hidden_getter<k_type, k_event, k_propagation_stopped>);
    define_getter(host, ep, "isTrusted", hidden_getter<k_type, k_event, k_trusted>);
    define_method(host, ep, "preventDefault", 0, event_prevent_default);
    define_method(host, ep, "stopPropagation", 0, event_stop_propagation);
    define_method(host, ep, "stopImmediatePropagation", 0, event_stop_immediate_propagation);
    define_method(host, ep, "composedPath", 0, event_composed_path);
    define_inspect(host, ep, event_inspect);
    const char* phases[] = {"NONE", "CAPTURING_PHASE", "AT_TARGET", "BUBBLING_PHASE"};
    for (int i = 0; i < 4; ++i) {
        event.constructor->put_direct(rt, rt.key(phases[i]), js::Value(i), js::attr::Enumerable);
        ep.put_direct(rt, rt.key(phases[i]), js::Value(i), js::attr::Enumerable);
    }
    define_tag(host, ep, "Event");
    global.put_direct(rt, rt.key("Event"), js::Value(event.constructor), js::attr::Builtin);
    return target;
}

void define_event_handler(ScriptHost& host, js::Object& prototype) {
    js::Runtime& rt = host.runtime();
    prototype.put_accessor(rt, rt.key("onabort"),
                           js::Value(make_function(host, "get onabort", 0, get_onabort)),
                           js::Value(make_function(host, "set onabort", 1, set_onabort)),
                           js::attr::Enumerable | js::attr::Configurable);
}

} // namespace loopsim::node::dom
