// The globals AbortController, AbortSignal and DOMException, as Node 20 has them
// (lib/internal/abort_controller.js, lib/internal/per_context/domexception.js), on the
// EventTarget of bindings_event_target.cpp, and Node's AbortError for the modules that take
// a `signal` option (timers/promises, events.once).
//
// The rules, all checked against node v20.20.2 (docs/modules.md, "Cancelling with
// AbortController"):
//   - abort() sets `aborted` and `reason` first, then dispatches 'abort' to the signal, then
//     to the signals AbortSignal.any() made from it.
//   - AbortSignal.timeout(ms) aborts from an unref'd timer of `ms`: it does not keep the
//     process alive.
//   - the errors Node makes carry Node's frames in their stacks.
#include "model/js/array.h"
#include "model/js/builtins/builtin_support.h"
#include "model/js/builtins/error_builtins.h"
#include "model/js/conversions.h"
#include "model/js/function.h"
#include "model/js/promise.h"
#include "model/js/runtime.h"
#include "model/js/string.h"
#include "model/node/bindings.h"
#include "model/node/dom_support.h"
#include "model/node/internal_frames.h"
#include "model/node/script_host.h"

#include <cmath>

namespace loopsim::node {

using namespace dom;

namespace {

using js::arg;

constexpr char k_aborted[] = "kAborted";
constexpr char k_reason[] = "kReason";
constexpr char k_abort_signal_type[] = "AbortSignal";
constexpr char k_name[] = "kName";
constexpr char k_message[] = "kMessage";
constexpr char k_dom_exception[] = "DOMException";

void put_field(js::Runtime& rt, js::Object& object, std::string_view name, js::Value value) {
    object.put_direct(rt, rt.key(name), value, js::attr::Default);
}

js::ThrowCompletion illegal_constructor(ScriptHost& host) {
    return coded(host, js::ErrorType::TypeError, "ERR_ILLEGAL_CONSTRUCTOR", "Illegal constructor");
}

// --- DOMException ------------------------------------------------------------------------------

int dom_exception_code(std::string_view name) {
    static constexpr std::string_view k_names[] = {"IndexSizeError",
                                                   "DOMStringSizeError",
                                                   "HierarchyRequestError",
                                                   "WrongDocumentError",
                                                   "InvalidCharacterError",
                                                   "NoDataAllowedError",
                                                   "NoModificationAllowedError",
                                                   "NotFoundError",
                                                   "NotSupportedError",
                                                   "InUseAttributeError",
                                                   "InvalidStateError",
                                                   "SyntaxError",
                                                   "InvalidModificationError",
                                                   "NamespaceError",
                                                   "InvalidAccessError",
                                                   "ValidationError",
                                                   "TypeMismatchError",
                                                   "SecurityError",
                                                   "NetworkError",
                                                   "AbortError",
                                                   "URLMismatchError",
                                                   "QuotaExceededError",
                                                   "TimeoutError",
                                                   "InvalidNodeTypeError",
                                                   "DataCloneError"};
    for (size_t i = 0; i < std::size(k_names); ++i)
        if (k_names[i] == name) return static_cast<int>(i) + 1;
    return 0;
}

const frames::Lines k_new_dom_exception = {
    "new DOMException (node:internal/per_context/domexception:53:5)"};

// new DOMException(message, options): the name and message are kept hidden (read through the
// prototype's getters), the stack is captured at once, under `site` (Node's frames above the
// caller's) when made by Node itself.
js::ThrowCompletionOr<js::Object*> make_dom_exception(ScriptHost& host, js::Object* prototype,
                                                      js::Value message, js::Value options) {
    js::Runtime& rt = host.runtime();
    js::RootedValue rooted_options(rt.heap(), options);
    js::Root<js::Object> error(
        rt.heap(),
        js::Object::create(rt, prototype ? prototype : prototype_of(host, "DOMException")));
    js::String* text =
        message.is_undefined() ? rt.string("") : LOOPSIM_TRY(js::to_string(rt, message));
    js::RootedValue rooted_text(rt.heap(), js::Value(text));
    js::Value name = js::Value(rt.string("Error"));
    js::RootedValue cause(rt.heap());
    bool has_cause = false;
    if (options.is_object()) {
        js::Object& object = *rooted_options.get().as_object();
        js::Value n = LOOPSIM_TRY(object.get(rt, rt.common_key(js::CommonAtom::Name)));
        name = js::Value(LOOPSIM_TRY(js::to_string(rt, n)));
        if (object.has_property(rt.common_key(js::CommonAtom::Cause))) {
            has_cause = true;
            cause.set(LOOPSIM_TRY(object.get(rt, rt.common_key(js::CommonAtom::Cause))));
        }
    } else if (!options.is_undefined()) {
        name = js::Value(LOOPSIM_TRY(js::to_string(rt, options)));
    }
    set_own(rt, *error, hidden(host, "kName"), name);
    set_own(rt, *error, hidden(host, "kMessage"), rooted_text.get());
    frames::Scope scope(host.env().frame_hooks(), k_new_dom_exception);
    LOOPSIM_TRY(js::install_error_stack(rt, *error));
    if (has_cause)
        error->put_direct(rt, rt.common_key(js::CommonAtom::Cause), cause.get(),
                          js::attr::Writable | js::attr::Configurable);
    return error.get();
}

js::Completion dom_exception_construct(js::Runtime& rt, js::NativeFunction& callee,
                                       std::span<const js::Value> args, js::Object& new_target) {
    ScriptHost& host = ScriptHost::from(rt);
    js::Value fallback = LOOPSIM_TRY(callee.get(rt, rt.common_key(js::CommonAtom::Prototype)));
    js::Object* prototype = LOOPSIM_TRY(rt.prototype_from_constructor(
        new_target, fallback.is_object() ? fallback.as_object() : rt.object_prototype()));
    return js::Value(LOOPSIM_TRY(make_dom_exception(host, prototype, arg(args, 0), arg(args, 1))));
}

js::ThrowCompletionOr<js::Object*> dom_exception_this(ScriptHost& host, js::Value self) {
    if (!has_hidden(host, self, "kName")) return invalid_this(host, "DOMException");
    return self.as_object();
}

js::Completion dom_exception_code_getter(js::Runtime& rt, js::NativeFunction&, js::Value self,
                                         std::span<const js::Value>) {
    ScriptHost& host = ScriptHost::from(rt);
    js::Object* error = LOOPSIM_TRY(dom_exception_this(host, self));
    js::Value name = own(*error, hidden(host, "kName"));
    return js::Value(name.is_string() ? dom_exception_code(name.as_string()->to_utf8()) : 0);
}

// Node's own DOMException for an abort: `message` and `name`, made under `site`.
js::Value node_dom_exception(ScriptHost& host, std::string_view message, std::string_view name,
                             const frames::Lines& site) {
    js::Runtime& rt = host.runtime();
    frames::Scope scope(host.env().frame_hooks(), site);
    auto made = make_dom_exception(host, nullptr, js::Value(rt.string(message)),
                                   js::Value(rt.string(name)));
    return made.is_throw() ? made.thrown_value() : js::Value(made.value());
}

// --- AbortSignal -------------------------------------------------------------------------------

js::Object* create_signal(ScriptHost& host, bool aborted, js::Value reason) {
    js::Runtime& rt = host.runtime();
    js::RootedValue rooted_reason(rt.heap(), reason);
    js::Root<js::Object> signal(rt.heap(),
                                js::Object::create(rt, prototype_of(host, "AbortSignal")));
    init_event_target(host, *signal);
    set_own(rt, *signal, hidden(host, "kAborted"), js::Value(aborted));
    set_own(rt, *signal, hidden(host, "kReason"), rooted_reason.get());
    return signal.get();
}

const frames::Lines k_abort_signal = {"abortSignal (node:internal/abort_controller:370:10)"};

void run_abort(ScriptHost& host, js::Object& signal) {
    js::Runtime& rt = host.runtime();
    js::Root<js::Object> rooted(rt.heap(), &signal);
    js::Object* event =
        make_event(host, nullptr, js::Value(rt.string("abort")), false, false, false, true);
    js::Root<js::Object> rooted_event(rt.heap(), event);
    dispatch(host, *rooted, *rooted_event);
}

// abortSignal(signal, reason), called under the frames of what aborts it.
void abort_signal(ScriptHost& host, js::Object& signal, js::Value reason) {
    js::Runtime& rt = host.runtime();
    if (js::to_boolean(own(signal, hidden(host, "kAborted")))) return;
    js::Root<js::Object> rooted(rt.heap(), &signal);
    js::RootedValue rooted_reason(rt.heap(), reason);
    set_own(rt, signal, hidden(host, "kAborted"), js::Value(true));
    set_own(rt, signal, hidden(host, "kReason"), reason);
    js::RootedVector to_abort(rt.heap());
    js::Value dependants = own(signal, hidden(host, "kDependants"));
    if (dependants.is_object()) {
        js::Array& list = static_cast<js::Array&>(*dependants.as_object());
        for (uint32_t i = 0; i < list.length(); ++i) {
            js::Value dependant = js::get_index(rt, list, i).value();
            if (!dependant.is_object()) continue;
            js::Object& d = *dependant.as_object();
            if (js::to_boolean(own(d, hidden(host, "kAborted")))) continue;
            set_own(rt, d, hidden(host, "kReason"), rooted_reason.get());
            set_own(rt, d, hidden(host, "kAborted"), js::Value(true));
            to_abort.push_back(dependant);
        }
    }
    frames::Scope scope(host.env().frame_hooks(), k_abort_signal);
    run_abort(host, *rooted);
    for (size_t i = 0; i < to_abort.size(); ++i) run_abort(host, *to_abort[i].as_object());
}

js::ThrowCompletionOr<js::Object*> signal_this(ScriptHost& host, js::Value self) {
    if (!has_hidden(host, self, "kAborted")) return invalid_this(host, "AbortSignal");
    return self.as_object();
}

js::Completion signal_throw_if_aborted(js::Runtime& rt, js::NativeFunction&, js::Value self,
                                       std::span<const js::Value>) {
    ScriptHost& host = ScriptHost::from(rt);
    js::Object* signal = LOOPSIM_TRY(signal_this(host, self));
    if (js::to_boolean(own(*signal, hidden(host, "kAborted"))))
        return js::ThrowCompletion{own(*signal, hidden(host, "kReason"))};
    return js::Value();
}

js::Completion signal_inspect(js::Runtime& rt, js::NativeFunction&, js::Value self,
                              std::span<const js::Value> args) {
    ScriptHost& host = ScriptHost::from(rt);
    js::Object* signal = LOOPSIM_TRY(signal_this(host, self));
    js::Root<js::Object> fields(rt.heap(), js::Object::create(rt, rt.object_prototype()));
    put_field(rt, *fields, "aborted",
              js::Value(js::to_boolean(own(*signal, hidden(host, "kAborted")))));
    return custom_inspect_of(rt, self, *fields, args, false);
}

const frames::Lines k_signal_abort_reason = {
    "AbortSignal.abort (node:internal/abort_controller:177:14)"};

js::Completion signal_static_abort(js::Runtime& rt, js::NativeFunction&, js::Value,
                                   std::span<const js::Value> args) {
    ScriptHost& host = ScriptHost::from(rt);
    js::RootedValue reason(rt.heap(), arg(args, 0));
    if (reason.get().is_undefined())
        reason.set(node_dom_exception(host, "This operation was aborted", "AbortError",
                                      k_signal_abort_reason));
    return js::Value(create_signal(host, true, reason.get()));
}

const frames::Lines k_timeout_dispatch = {
    "Timeout._onTimeout (node:internal/abort_controller:127:7)"};
const frames::Lines k_timeout_reason = {
    "Timeout._onTimeout (node:internal/abort_controller:129:9)"};

// The callback of AbortSignal.timeout's timer.
js::Completion signal_timeout_fired(js::Runtime& rt, js::NativeFunction& callee, js::Value,
                                    std::span<const js::Value>) {
    ScriptHost& host = ScriptHost::from(rt);
    js::Root<js::Object> signal(rt.heap(), callee.data().as_object());
    js::RootedValue reason(rt.heap(),
                           node_dom_exception(host, "The operation was aborted due to timeout",
                                              "TimeoutError", k_timeout_reason));
    frames::Scope scope(host.env().frame_hooks(), k_timeout_dispatch);
    abort_signal(host, *signal, reason.get());
    return js::Value();
}

js::Completion signal_static_timeout(js::Runtime& rt, js::NativeFunction&, js::Value,
                                     std::span<const js::Value> args) {
    ScriptHost& host = ScriptHost::from(rt);
    js::Value delay = arg(args, 0);
    if (!delay.is_number()) return invalid_arg_type(host, "delay", "number", delay);
    const double d = delay.as_number();
    if (d != std::trunc(d))
        return coded(host, js::ErrorType::RangeError, "ERR_OUT_OF_RANGE",
                     "The value of \"delay\" is out of range. It must be an integer. Received " +
                         js::number_to_string(d));
    if (!(d >= 0 && d <= 4294967295.0))
        return coded(host, js::ErrorType::RangeError, "ERR_OUT_OF_RANGE",
                     "The value of \"delay\" is out of range. It must be >= 0 && <= 4294967295. "
                     "Received " +
                         js::number_to_string(d));
    js::Root<js::Object> signal(rt.heap(), create_signal(host, false, js::Value()));
    js::Object* fire = make_function(host, "", 0, signal_timeout_fired);
    static_cast<js::NativeFunction*>(fire)->set_data(js::Value(signal.get()));
    // setWeakAbortSignalTimeout: a timer like setTimeout's, unref'd at once.
    if (Timers::coerce_delay(d).overflowed) LOOPSIM_TRY(warn_timeout_overflow(host, d));
    Task task =
        host.make_task(host.env().label("AbortSignal.timeout"), js::Value(fire), js::Value(), {});
    Timeout* timer = host.env().timers().set_timeout(std::move(task), d);
    host.env().timers().unref(*timer);
    return js::Value(signal.get());
}

js::Completion signal_static_any(js::Runtime& rt, js::NativeFunction&, js::Value,
                                 std::span<const js::Value> args) {
    ScriptHost& host = ScriptHost::from(rt);
    js::Value signals = arg(args, 0);
    if (!signals.is_object())
        return rt.throw_error(js::ErrorType::TypeError,
                              "The \"signals\" argument must be an instance of Array.");
    js::RootedVector list(rt.heap());
    {
        js::Root<js::Object> object(rt.heap(), signals.as_object());
        const double length = LOOPSIM_TRY(js::length_of_array_like(rt, *object));
        for (uint32_t i = 0; i < length; ++i) {
            js::Value s = LOOPSIM_TRY(js::get_index(rt, *object, i));
            if (!has_hidden(host, s, "kAborted"))
                return rt.throw_error(js::ErrorType::TypeError,
                                      "Failed to execute 'any' on 'AbortSignal': signals[" +
                                          std::to_string(i) + "] is not of type 'AbortSignal'.");
            list.push_back(s);
        }
    }
    js::Root<js::Object> result(rt.heap(), create_signal(host, false, js::Value()));
    for (size_t i = 0; i < list.size(); ++i) {
        js::Object& source = *list[i].as_object();
        if (js::to_boolean(own(source, hidden(host, "kAborted")))) {
            abort_signal(host, *result, own(source, hidden(host, "kReason")));
            return js::Value(result.get());
        }
    }
    // A composite of composites follows their sources.
    js::RootedVector sources(rt.heap());
    for (size_t i = 0; i < list.size(); ++i) {
        js::Value nested = own(*list[i].as_object(), hidden(host, "kSources"));
        if (nested.is_object()) {
            js::Array& array = static_cast<js::Array&>(*nested.as_object());
            for (uint32_t j = 0; j < array.length(); ++j)
                sources.push_back(js::get_index(rt, array, j).value());
        } else if (!js::to_boolean(own(*list[i].as_object(), hidden(host, "kComposite")))) {
            sources.push_back(list[i]);
        }
    }
    js::Root<js::Object> kept(rt.heap(), js::Array::create(rt));
    for (size_t i = 0; i < sources.size(); ++i) {
        bool seen = false;
        for (uint32_t j = 0; j < static_cast<js::Array&>(*kept).length(); ++j)
            if (js::is_strictly_equal(js::get_index(rt, *kept, j).value(), sources[i])) seen = true;
        if (seen) continue;
        static_cast<js::Array&>(*kept).push(rt, sources[i]);
        js::Object& source = *sources[i].as_object();
        js::Value dependants = own(source, hidden(host, "kDependants"));
        if (!dependants.is_object()) {
            dependants = js::Value(js::Array::create(rt));
            set_own(rt, source, hidden(host, "kDependants"), dependants);
        }
        static_cast<js::Array&>(*dependants.as_object()).push(rt, js::Value(result.get()));
    }
    set_own(rt, *result, hidden(host, "kComposite"), js::Value(true));
    set_own(rt, *result, hidden(host, "kSources"), js::Value(kept.get()));
    return js::Value(result.get());
}

js::Completion signal_construct(js::Runtime& rt, js::NativeFunction&, std::span<const js::Value>,
                                js::Object&) {
    return illegal_constructor(ScriptHost::from(rt));
}

// --- AbortController ---------------------------------------------------------------------------

js::Completion controller_construct(js::Runtime& rt, js::NativeFunction& callee,
                                    std::span<const js::Value>, js::Object& new_target) {
    ScriptHost& host = ScriptHost::from(rt);
    js::Root<js::Object> controller(rt.heap(), LOOPSIM_TRY(create_from(rt, callee, new_target)));
    set_own(rt, *controller, hidden(host, "kSignal"),
            js::Value(create_signal(host, false, js::Value())));
    return js::Value(controller.get());
}

js::ThrowCompletionOr<js::Object*> controller_signal(ScriptHost& host, js::Value self) {
    if (!has_hidden(host, self, "kSignal"))
        return host.runtime().throw_error(
            js::ErrorType::TypeError,
            "Cannot read private member #signal from an object whose class did not declare it");
    return own(*self.as_object(), hidden(host, "kSignal")).as_object();
}

js::Completion controller_signal_getter(js::Runtime& rt, js::NativeFunction&, js::Value self,
                                        std::span<const js::Value>) {
    return js::Value(LOOPSIM_TRY(controller_signal(ScriptHost::from(rt), self)));
}

const frames::Lines k_controller_abort_reason = {
    "AbortController.abort (node:internal/abort_controller:391:18)"};
const frames::Lines k_controller_abort = {
    "AbortController.abort (node:internal/abort_controller:392:5)"};

js::Completion controller_abort(js::Runtime& rt, js::NativeFunction&, js::Value self,
                                std::span<const js::Value> args) {
    ScriptHost& host = ScriptHost::from(rt);
    js::Root<js::Object> signal(rt.heap(), LOOPSIM_TRY(controller_signal(host, self)));
    js::RootedValue reason(rt.heap(), arg(args, 0));
    if (reason.get().is_undefined())
        reason.set(node_dom_exception(host, "This operation was aborted", "AbortError",
                                      k_controller_abort_reason));
    frames::Scope scope(host.env().frame_hooks(), k_controller_abort);
    abort_signal(host, *signal, reason.get());
    return js::Value();
}

js::Completion controller_inspect(js::Runtime& rt, js::NativeFunction&, js::Value self,
                                  std::span<const js::Value> args) {
    ScriptHost& host = ScriptHost::from(rt);
    js::Object* signal = LOOPSIM_TRY(controller_signal(host, self));
    js::Root<js::Object> fields(rt.heap(), js::Object::create(rt, rt.object_prototype()));
    put_field(rt, *fields, "signal", js::Value(signal));
    return custom_inspect_of(rt, self, *fields, args, false);
}

// --- AbortError --------------------------------------------------------------------------------

js::Object& abort_error_prototype(ScriptHost& host) {
    js::Runtime& rt = host.runtime();
    if (js::Object* made = prototype_of(host, "AbortError")) return *made;
    Class c =
        make_class_with(host, "AbortError", 0, rt.error_prototype(js::ErrorType::Error), nullptr);
    // Node assigns the instance's own `name` right after super(), before V8 first formats
    // the stack; the stack is made at once here, so its header finds the name on the
    // prototype (the own one comes last, after `code`, in Node's key order).
    c.prototype->put_direct(rt, rt.common_key(js::CommonAtom::Name),
                            js::Value(rt.string("AbortError")), js::attr::Builtin);
    return *c.prototype;
}

} // namespace

bool is_abort_signal(ScriptHost& host, js::Value value) {
    return has_hidden(host, value, "kAborted");
}

bool abort_signal_aborted(ScriptHost& host, js::Object& signal) {
    return js::to_boolean(own(signal, hidden(host, "kAborted")));
}

js::Value abort_signal_reason(ScriptHost& host, js::Object& signal) {
    return own(signal, hidden(host, "kReason"));
}

void add_abort_listener(ScriptHost& host, js::Object& signal, js::Value listener, bool once) {
    ListenerOptions options{.once = once, .resist_stop = true, .signal = js::Value()};
    append_listener(host, signal, host.runtime().key("abort"), listener, options, false);
}

void remove_abort_listener(ScriptHost& host, js::Object& signal, js::Value listener) {
    remove_listener_record(host, signal, host.runtime().key("abort"), listener, false);
}

js::Value make_abort_error(ScriptHost& host, js::Value cause,
                           const std::vector<std::string>& site) {
    js::Runtime& rt = host.runtime();
    js::RootedValue rooted_cause(rt.heap(), cause);
    js::Root<js::Object> error(rt.heap(), js::Object::create(rt, &abort_error_prototype(host)));
    error->put_direct(rt, rt.common_key(js::CommonAtom::Message),
                      js::Value(rt.string("The operation was aborted")), js::attr::Builtin);
    {
        frames::Scope scope(host.env().frame_hooks(), site);
        (void)js::install_error_stack(rt, *error);
    }
    error->put_direct(rt, rt.common_key(js::CommonAtom::Cause), rooted_cause.get(),
                      js::attr::Builtin);
    error->put_direct(rt, rt.key("code"), js::Value(rt.string("ABORT_ERR")), js::attr::Default);
    error->put_direct(rt, rt.common_key(js::CommonAtom::Name), js::Value(rt.string("AbortError")),
                      js::attr::Default);
    return js::Value(error.get());
}

void install_abort(ScriptHost& host) {
    js::Runtime& rt = host.runtime();
    js::Object& global = host.interpreter().global();
    // Node's primordial SafePromisePrototypeFinally: the original Promise.prototype.finally,
    // whatever a scenario later assigns to it.
    set_binding_internal(host, "abort.promiseFinally",
                         rt.promise_prototype()->get(rt, rt.key("finally")).value());
    Class target = install_event_target(host);

    Class signal = make_class_with(host, "AbortSignal", 0, target.prototype, signal_construct,
                                   target.constructor);
    js::Object& sp = *signal.prototype;
    define_getter(host, sp, "aborted", hidden_getter<k_aborted, k_abort_signal_type, k_aborted>);
    define_getter(host, sp, "reason", hidden_getter<k_aborted, k_abort_signal_type, k_reason>,
                  false);
    define_method(host, sp, "throwIfAborted", 0, signal_throw_if_aborted);
    define_inspect(host, sp, signal_inspect);
    define_event_handler(host, sp);
    define_tag(host, sp, "AbortSignal");
    const auto fn_static = [&](js::Object& ctor, std::string_view name, uint32_t length,
                               js::NativeFn fn) {
        ctor.put_direct(rt, rt.key(name), js::Value(make_function(host, name, length, fn)),
                        js::attr::Builtin);
    };
    fn_static(*signal.constructor, "abort", 0, signal_static_abort);
    fn_static(*signal.constructor, "timeout", 1, signal_static_timeout);
    fn_static(*signal.constructor, "any", 1, signal_static_any);
    // V8 names an AbortSignal receiver in stack traces after its base class.
    rt.set_receiver_type_name(sp, "EventTarget");
    global.put_direct(rt, rt.key("AbortSignal"), js::Value(signal.constructor), js::attr::Builtin);

    Class controller = make_class_with(host, "AbortController", 0, nullptr, controller_construct);
    js::Object& cp = *controller.prototype;
    define_getter(host, cp, "signal", controller_signal_getter);
    cp.put_direct(rt, rt.key("abort"), js::Value(make_function(host, "abort", 0, controller_abort)),
                  js::attr::Writable | js::attr::Enumerable | js::attr::Configurable);
    define_inspect(host, cp, controller_inspect);
    define_tag(host, cp, "AbortController");
    global.put_direct(rt, rt.key("AbortController"), js::Value(controller.constructor),
                      js::attr::Builtin);

    Class dom = make_class_with(host, "DOMException", 0, rt.error_prototype(js::ErrorType::Error),
                                dom_exception_construct);
    define_getter(host, *dom.prototype, "name", hidden_getter<k_name, k_dom_exception, k_name>);
    define_getter(host, *dom.prototype, "message",
                  hidden_getter<k_name, k_dom_exception, k_message>);
    define_getter(host, *dom.prototype, "code", dom_exception_code_getter);
    define_tag(host, *dom.prototype, "DOMException");
    global.put_direct(rt, rt.key("DOMException"), js::Value(dom.constructor), js::attr::Builtin);
}

} // namespace loopsim::node
