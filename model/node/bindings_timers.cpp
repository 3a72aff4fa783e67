// setTimeout, setInterval, setImmediate, their clear* functions, queueMicrotask, and the
// Timeout and Immediate objects they return (lib/timers.js, lib/internal/timers.js).
#include "model/js/conversions.h"
#include "model/js/function.h"
#include "model/js/runtime.h"
#include "model/node/bindings.h"
#include "model/node/script_host.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace loopsim::node {

namespace {

js::PropertyKey id_key(ScriptHost& host) {
    return js::PropertyKey::symbol(host.bindings().internal_id_symbol.get());
}

// The id stored in a Timeout or Immediate object, or 0.
uint64_t id_of(ScriptHost& host, js::Value value) {
    if (!value.is_object()) return 0;
    auto own = value.as_object()->get_own_property(id_key(host));
    if (!own || !own->value) return 0;
    js::Value v = *own->value;
    return v.is_number() ? static_cast<uint64_t>(v.as_number()) : 0;
}

js::Object* make_handle_object(ScriptHost& host, js::Object* prototype, uint64_t id) {
    js::Runtime& rt = host.runtime();
    js::Object* object = js::Object::create(rt, prototype);
    object->put_direct(rt, id_key(host), js::Value::number(static_cast<double>(id)), js::attr::None);
    return object;
}

std::vector<js::Value> rest(std::span<const js::Value> args, size_t from) {
    return from < args.size() ? std::vector<js::Value>(args.begin() + from, args.end()) : std::vector<js::Value>{};
}

js::Completion schedule_timer(js::Runtime& rt, std::span<const js::Value> args, bool repeat) {
    ScriptHost& host = ScriptHost::from(rt);
    js::Value fn = args.empty() ? js::Value() : args[0];
    if (!js::Runtime::is_callable(fn)) return invalid_arg_type(host, "callback", "function", fn);
    // The Timeout constructor: `after *= 1` coerces anything (undefined becomes NaN -> 1).
    double after = std::numeric_limits<double>::quiet_NaN();
    if (args.size() > 1) after = LOOPSIM_TRY(js::to_number(rt, args[1]));
    if (Timers::coerce_delay(after).overflowed) LOOPSIM_TRY(warn_timeout_overflow(host, after));
    js::Object* object = make_handle_object(host, host.bindings().timeout_prototype.get(), 0);
    js::RootedValue rooted(rt.heap(), js::Value(object));
    Task task = host.make_task(host.describe_function(fn), fn, js::Value(object), rest(args, 2));
    Timers& timers = host.env().timers();
    std::shared_ptr<Timeout> timer = repeat ? timers.set_interval(std::move(task), after)
                                            : timers.set_timeout(std::move(task), after);
    host.bindings().timeouts[timer->id] = timer;
    object->put_direct(rt, id_key(host), js::Value::number(static_cast<double>(timer->id)), js::attr::None);
    object->put_direct(rt, rt.key("_idleTimeout"), js::Value::number(timer->idle_timeout), js::attr::Default);
    // Node calls the callback as timer._onTimeout(): stack traces name it so.
    object->put_direct(rt, rt.key("_onTimeout"), fn, js::attr::Default);
    object->put_direct(rt, rt.key("_idleStart"), js::Value::number(static_cast<double>(timer->idle_start)),
                       js::attr::Default);
    return js::Value(object);
}

js::Completion set_timeout(js::Runtime& rt, js::NativeFunction&, js::Value, std::span<const js::Value> args) {
    return schedule_timer(rt, args, false);
}

js::Completion set_interval(js::Runtime& rt, js::NativeFunction&, js::Value, std::span<const js::Value> args) {
    return schedule_timer(rt, args, true);
}

std::shared_ptr<Timeout> find_timeout(ScriptHost& host, js::Value value) {
    uint64_t id = id_of(host, value);
    if (id == 0 && value.is_number()) id = static_cast<uint64_t>(value.as_number());
    auto it = host.bindings().timeouts.find(id);
    return it == host.bindings().timeouts.end() ? nullptr : it->second;
}

js::Completion clear_timeout(js::Runtime& rt, js::NativeFunction&, js::Value, std::span<const js::Value> args) {
    ScriptHost& host = ScriptHost::from(rt);
    if (args.empty()) return js::Value();
    if (auto t = find_timeout(host, args[0])) host.env().timers().clear(*t);
    return js::Value();
}

js::Completion timeout_ref(js::Runtime& rt, js::NativeFunction&, js::Value self, std::span<const js::Value>) {
    ScriptHost& host = ScriptHost::from(rt);
    if (auto t = find_timeout(host, self)) host.env().timers().ref(*t);
    return self;
}

js::Completion timeout_unref(js::Runtime& rt, js::NativeFunction&, js::Value self, std::span<const js::Value>) {
    ScriptHost& host = ScriptHost::from(rt);
    if (auto t = find_timeout(host, self)) host.env().timers().unref(*t);
    return self;
}

js::Completion timeout_has_ref(js::Runtime& rt, js::NativeFunction&, js::Value self, std::span<const js::Value>) {
    auto t = find_timeout(ScriptHost::from(rt), self);
    return js::Value(t ? t->referenced : false);
}

js::Completion timeout_refresh(js::Runtime& rt, js::NativeFunction&, js::Value self, std::span<const js::Value>) {
    ScriptHost& host = ScriptHost::from(rt);
    if (auto t = find_timeout(host, self)) {
        host.env().timers().refresh(*t);
        if (self.is_object())
            self.as_object()->put_direct(rt, rt.key("_idleStart"), js::Value::number(static_cast<double>(t->idle_start)),
                                         js::attr::Default);
    }
    return self;
}

js::Completion timeout_close(js::Runtime& rt, js::NativeFunction&, js::Value self, std::span<const js::Value>) {
    ScriptHost& host = ScriptHost::from(rt);
    if (auto t = find_timeout(host, self)) host.env().timers().clear(*t);
    return self;
}

js::Completion timeout_to_primitive(js::Runtime& rt, js::NativeFunction&, js::Value self, std::span<const js::Value>) {
    return js::Value::number(static_cast<double>(id_of(ScriptHost::from(rt), self)));
}

std::shared_ptr<Immediate> find_immediate(ScriptHost& host, js::Value value) {
    auto it = host.bindings().immediates.find(id_of(host, value));
    return it == host.bindings().immediates.end() ? nullptr : it->second;
}

js::Completion set_immediate(js::Runtime& rt, js::NativeFunction&, js::Value, std::span<const js::Value> args) {
    ScriptHost& host = ScriptHost::from(rt);
    js::Value fn = args.empty() ? js::Value() : args[0];
    if (!js::Runtime::is_callable(fn)) return invalid_arg_type(host, "callback", "function", fn);
    js::Object* object = make_handle_object(host, host.bindings().immediate_prototype.get(), 0);
    js::RootedValue rooted(rt.heap(), js::Value(object));
    // Node calls immediate._onImmediate() and sets it to null once it has run: a stack
    // formatted later reads "Immediate.<anonymous>".
    object->put_direct(rt, rt.key("_onImmediate"), fn, js::attr::Default);
    Task task = host.make_task(host.describe_function(fn), fn, js::Value(object), rest(args, 1));
    task.call = [&host, rooted, call = std::move(task.call)] {
        CallResult result = call();
        js::Runtime& r = host.runtime();
        rooted.get().as_object()->put_direct(r, r.key("_onImmediate"), js::Value::null(), js::attr::Default);
        return result;
    };
    std::shared_ptr<Immediate> immediate = host.env().immediates().set_immediate(std::move(task));
    BindingState& state = host.bindings();
    if (state.immediates.size() >= state.immediates_prune_at) {
        // An immediate that ran needs no entry (ref, unref and hasRef of it answer as for an
        // unknown handle); dropping them keeps a chain of a million immediates in constant
        // memory. Amortised O(1): the next pruning waits until the map has doubled.
        std::erase_if(state.immediates, [](const auto& entry) { return entry.second->destroyed; });
        state.immediates_prune_at = std::max<size_t>(1024, 2 * state.immediates.size());
    }
    state.immediates[immediate->id] = immediate;
    object->put_direct(rt, id_key(host), js::Value::number(static_cast<double>(immediate->id)), js::attr::None);
    return js::Value(object);
}

js::Completion clear_immediate(js::Runtime& rt, js::NativeFunction&, js::Value, std::span<const js::Value> args) {
    ScriptHost& host = ScriptHost::from(rt);
    if (args.empty()) return js::Value();
    if (auto i = find_immediate(host, args[0])) {
        host.env().immediates().clear(*i);
        host.bindings().immediates.erase(i->id);
    }
    return js::Value();
}

js::Completion immediate_ref(js::Runtime& rt, js::NativeFunction&, js::Value self, std::span<const js::Value>) {
    ScriptHost& host = ScriptHost::from(rt);
    if (auto i = find_immediate(host, self)) host.env().immediates().ref(*i);
    return self;
}

js::Completion immediate_unref(js::Runtime& rt, js::NativeFunction&, js::Value self, std::span<const js::Value>) {
    ScriptHost& host = ScriptHost::from(rt);
    if (auto i = find_immediate(host, self)) host.env().immediates().unref(*i);
    return self;
}

js::Completion immediate_has_ref(js::Runtime& rt, js::NativeFunction&, js::Value self, std::span<const js::Value>) {
    auto i = find_immediate(ScriptHost::from(rt), self);
    return js::Value(i ? i->referenced : false);
}

js::Completion queue_microtask(js::Runtime& rt, js::NativeFunction&, js::Value, std::span<const js::Value> args) {
    ScriptHost& host = ScriptHost::from(rt);
    js::Value fn = args.empty() ? js::Value() : args[0];
    if (!js::Runtime::is_callable(fn)) return invalid_arg_type(host, "callback", "function", fn);
    Task task = host.make_task(host.describe_function(fn), fn, js::Value(), {});
    // The callback runs inside an AsyncResource, whose frames its stack shows.
    task.call = [&host, call = std::move(task.call)] {
        frames::Scope scope(host.env().frame_hooks(), frames::k_queue_microtask);
        return call();
    };
    host.env().queues().enqueue_microtask(std::move(task));
    return js::Value();
}

// A constructor-like function named `name` whose prototype is returned, so that inspect
// prints instances as `Timeout { ... }`.
js::Object* make_class_prototype(ScriptHost& host, std::string_view name) {
    js::Runtime& rt = host.runtime();
    js::Object* prototype = js::Object::create(rt, rt.object_prototype());
    js::Object* constructor = make_function(host, name, 0, [](js::Runtime& r, js::NativeFunction&, js::Value,
                                                              std::span<const js::Value>) -> js::Completion {
        return r.throw_error(js::ErrorType::TypeError, "Illegal constructor");
    });
    constructor->put_direct(rt, rt.common_key(js::CommonAtom::Prototype), js::Value(prototype), js::attr::None);
    prototype->put_direct(rt, rt.key("constructor"), js::Value(constructor), js::attr::Builtin);
    return prototype;
}

} // namespace

void install_timers(ScriptHost& host) {
    js::Runtime& rt = host.runtime();
    BindingState& state = host.bindings();
    state.internal_id_symbol.set(rt.make_symbol(rt.string("loopsim.handleId")));

    js::Object* timeout = make_class_prototype(host, "Timeout");
    state.timeout_prototype.set(timeout);
    define_method(host, *timeout, "ref", 0, timeout_ref);
    define_method(host, *timeout, "unref", 0, timeout_unref);
    define_method(host, *timeout, "hasRef", 0, timeout_has_ref);
    define_method(host, *timeout, "refresh", 0, timeout_refresh);
    define_method(host, *timeout, "close", 0, timeout_close);
    timeout->put_direct(rt, js::PropertyKey::symbol(rt.well_known_symbol(js::WellKnownSymbol::ToPrimitive)),
                        js::Value(make_function(host, "[Symbol.toPrimitive]", 0, timeout_to_primitive)),
                        js::attr::Builtin);

    js::Object* immediate = make_class_prototype(host, "Immediate");
    state.immediate_prototype.set(immediate);
    define_method(host, *immediate, "ref", 0, immediate_ref);
    define_method(host, *immediate, "unref", 0, immediate_unref);
    define_method(host, *immediate, "hasRef", 0, immediate_has_ref);

    js::Interpreter& interpreter = host.interpreter();
    js::Object* set_timeout_fn = make_function(host, "setTimeout", 2, set_timeout);
    define_custom_promisify(host, *set_timeout_fn, "setTimeout");
    interpreter.define_global("setTimeout", js::Value(set_timeout_fn));
    interpreter.define_global("clearTimeout", js::Value(make_function(host, "clearTimeout", 1, clear_timeout)));
    interpreter.define_global("setInterval", js::Value(make_function(host, "setInterval", 2, set_interval)));
    interpreter.define_global("clearInterval", js::Value(make_function(host, "clearInterval", 1, clear_timeout)));
    js::Object* set_immediate_fn = make_function(host, "setImmediate", 1, set_immediate);
    define_custom_promisify(host, *set_immediate_fn, "setImmediate");
    interpreter.define_global("setImmediate", js::Value(set_immediate_fn));
    interpreter.define_global("clearImmediate", js::Value(make_function(host, "clearImmediate", 1, clear_immediate)));
    interpreter.define_global("queueMicrotask", js::Value(make_function(host, "queueMicrotask", 1, queue_microtask)));
}

} // namespace loopsim::node
