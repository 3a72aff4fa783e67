// setTimeout, setInterval, setImmediate, their clear* functions, queueMicrotask, and the
// Timeout and Immediate objects they return (lib/timers.js, lib/internal/timers.js).
#include "model/js/array.h"
#include "model/js/conversions.h"
#include "model/js/function.h"
#include "model/js/runtime.h"
#include "model/node/bindings.h"
#include "model/node/script_host.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <unordered_map>

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

std::vector<js::Value> rest(std::span<const js::Value> args, size_t from) {
    return from < args.size() ? std::vector<js::Value>(args.begin() + from, args.end())
                              : std::vector<js::Value>{};
}

// Runs the immediate in pool slot `slot` (defined below, with setImmediate).
CallResult run_immediate(ScriptHost& host, uint32_t slot);

} // namespace

// The JavaScript side of setTimeout and setInterval. Each Timeout object keeps what Node
// keeps on it: `_onTimeout` (read when the timer fires, as Node calls timer._onTimeout()),
// and its arguments (under a hidden key, only when there are any). Under another hidden key
// it keeps its state: while its timer lives (pending, or running its callback), the index of
// that timer here; once the timer is destroyed (fired or cleared), its async id and the flags
// refresh(), ref(), unref(), hasRef() and clearTimeout() still need. So a destroyed timer
// costs nothing outside its object, which the collector takes when the script drops it; the
// objects of live timers are roots. Immediate objects are kept the same way while pending.
// A live timer is found by its slot in Timers' pool, which the object keeps (as -slot - 1);
// the timer keeps its object and the id the object was made with.
struct TimerBindings final : js::RootSource {
    // Flags of a destroyed timer's state (the state is async id * 16 + flags).
    static constexpr int64_t k_referenced = 1;
    static constexpr int64_t k_has_callback = 2;
    static constexpr int64_t k_cleared = 4; // _idleTimeout -1: refresh() does nothing
    static constexpr int64_t k_interval = 8;
    // Slots of a Timeout object that still has the shape it was made with.
    static constexpr uint32_t k_state_slot = 0;
    static constexpr uint32_t k_idle_timeout_slot = 1;
    static constexpr uint32_t k_on_timeout_slot = 2;
    static constexpr uint32_t k_idle_start_slot = 3;

    // What find() learned about a value.
    struct Found {
        js::Object* object = nullptr; // a Timeout object (or null)
        Timeout* live = nullptr;      // its live timer, if any
        int64_t state = 0;            // otherwise: its destroyed state
    };

    TimerBindings(ScriptHost& host, js::Object* prototype)
        : host(host), rt(host.runtime()), state_symbol(rt.heap()), args_symbol(rt.heap()),
          shape_holder(rt.heap()), immediate_shape_holder(rt.heap()), on_immediate_name(rt.heap()) {
        on_immediate = rt.key("_onImmediate");
        on_immediate_name.set(on_immediate.as_string());
        state_symbol.set(rt.make_symbol(rt.string("loopsim.handleId")));
        args_symbol.set(rt.make_symbol(rt.string("loopsim.timerArgs")));
        js::Object* model = js::Object::create(rt, prototype);
        model->put_direct(rt, state_key(), js::Value::number(0), js::attr::None);
        model->put_direct(rt, rt.key("_idleTimeout"), js::Value::number(1), js::attr::Default);
        model->put_direct(rt, rt.key("_onTimeout"), js::Value(), js::attr::Default);
        model->put_direct(rt, rt.key("_idleStart"), js::Value::number(0), js::attr::Default);
        shape_holder.set(model);
        shape = model->shape();
        // An Immediate object: its index in `immediates` (hidden), then `_onImmediate`.
        js::Object* immediate_model =
            js::Object::create(rt, host.bindings().immediate_prototype.get());
        immediate_model->put_direct(
            rt, js::PropertyKey::symbol(host.bindings().internal_id_symbol.get()),
            js::Value::number(0), js::attr::None);
        immediate_model->put_direct(rt, on_immediate_key(), js::Value(), js::attr::Default);
        immediate_shape_holder.set(immediate_model);
        immediate_shape = immediate_model->shape();
        rt.heap().add_root_source(this);
        host.env().timers().set_destroy_hook([this](Timeout& timer) { on_destroyed(timer); });
        host.env().timers().set_host_call([this](Timeout& timer) { return call(timer); });
        host.env().timers().set_host_prefetch(&TimerBindings::prefetch, this);
        host.env().immediates().set_host_call(
            [this](Immediate& immediate) { return run_immediate(this->host, immediate.slot); });
    }
    ~TimerBindings() {
        host.env().timers().set_destroy_hook({});
        host.env().timers().set_host_call({});
        host.env().timers().set_host_prefetch(nullptr, nullptr);
        host.env().immediates().set_host_call({});
        rt.heap().remove_root_source(this);
    }
    TimerBindings(const TimerBindings&) = delete;
    TimerBindings& operator=(const TimerBindings&) = delete;

    void visit_roots(js::Visitor& visitor) override {
        const auto visit_object = [&visitor](void* object) {
            visitor.visit(static_cast<js::Object*>(object));
            visitor.drain_if_long();
        };
        host.env().timers().for_each_host_object(visit_object);
        host.env().immediates().for_each_host_object(visit_object);
        for (const auto& [slot, args] : immediate_args)
            for (js::Value v : args) visitor.visit(v);
    }

    js::PropertyKey state_key() const { return js::PropertyKey::symbol(state_symbol.get()); }
    js::PropertyKey args_key() const { return js::PropertyKey::symbol(args_symbol.get()); }

    // A slot of a Timeout object, by its slot while it keeps its first shape.
    js::Value read(js::Object& object, uint32_t slot, std::string_view name) {
        if (object.shape() == shape) return object.slot(slot);
        js::OwnProperty own;
        if (!object.lookup_own(slot == k_state_slot ? state_key() : rt.key(name), own))
            return js::Value();
        return (own.attributes & js::attr::Accessor) ? js::Value() : own.value;
    }
    void write(js::Object& object, uint32_t slot, std::string_view name, js::Value value) {
        if (object.shape() == shape) return object.set_slot(slot, value);
        if (slot == k_state_slot) return object.put_direct(rt, state_key(), value, js::attr::None);
        object.put_direct(rt, rt.key(name), value, js::attr::Default);
    }
    void set_state(js::Object& object, int64_t state) {
        write(object, k_state_slot, {}, js::Value::number(static_cast<double>(state)));
    }

    // Links a live timer to its object: the timer calls through the object from now on.
    // `+timeout` gives the timer's async id; a timer refresh() made anew (revive) has a new
    // one, as Node's insertGuarded gives a destroyed timer (initAsyncResource).
    int64_t attach(Timeout& timer, js::Object* object) {
        timer.host_object = object;
        return -static_cast<int64_t>(timer.slot) - 1;
    }

    // The timer is destroyed: its object keeps the state.
    void on_destroyed(Timeout& timer) {
        if (timer.host_object == nullptr) return;
        int64_t flags = 0;
        if (timer.referenced) flags |= k_referenced;
        if (timer.has_callback) flags |= k_has_callback;
        if (timer.idle_timeout < 0) flags |= k_cleared;
        if (timer.repeat) flags |= k_interval;
        set_state(*static_cast<js::Object*>(timer.host_object),
                  static_cast<int64_t>(timer.id) * 16 + flags);
        if (!known.empty()) known.erase(timer.id);
        timer.host_object = nullptr;
    }

    // Timers::set_host_prefetch: step 1, the callback `call` will read from the object;
    // step 0, that callback's scope.
    static void prefetch(void* self, const Timeout& timer, int step) {
        const auto& bindings = *static_cast<TimerBindings*>(self);
        const auto& object = *static_cast<const js::Object*>(timer.host_object);
        if (object.shape() != bindings.shape) return;
        const js::Value fn = object.slot(k_on_timeout_slot);
        if (!fn.is_object()) return;
        if (step == 1) {
            __builtin_prefetch(fn.as_object());
        } else if (fn.as_object()->kind() == js::CellKind::Closure) {
            __builtin_prefetch(static_cast<const js::Closure*>(fn.as_object())->environment());
        }
    }

    // timer._onTimeout(...args), `this` the Timeout object.
    CallResult call(Timeout& timer) {
        js::Object& object = *static_cast<js::Object*>(timer.host_object);
        js::Value fn;
        if (object.shape() == shape) {
            fn = object.slot(k_on_timeout_slot);
            return host.call(fn, js::Value(&object), {});
        }
        js::Completion got = object.get(rt, rt.key("_onTimeout"));
        if (got.is_throw()) {
            host.set_pending_exception(got.thrown_value());
            return CallResult::Threw;
        }
        fn = got.value();
        std::vector<js::Value> args;
        js::OwnProperty own;
        if (object.lookup_own(args_key(), own) && own.value.is_object() &&
            own.value.as_object()->kind() == js::CellKind::Array) {
            const auto& dense = own.value.as_object()->elements().dense();
            for (js::Value v : dense) args.push_back(v.is_empty() ? js::Value() : v);
        }
        return host.call(fn, js::Value(&object), args);
    }

    Found find(js::Value value) {
        Found found;
        if (value.is_number()) {
            // clearTimeout(id): Node's knownTimersById, filled by a Timeout's toPrimitive.
            const double id = value.as_number();
            if (!(id >= 1 && id < 9007199254740992.0)) return found;
            auto it = known.find(static_cast<uint64_t>(id));
            if (it == known.end()) return found;
            found.live = host.env().timers().live_at(it->second);
            if (found.live) found.object = static_cast<js::Object*>(found.live->host_object);
            return found;
        }
        if (!value.is_object()) return found;
        js::Object* object = value.as_object();
        js::Value state = read(*object, k_state_slot, {});
        if (!state.is_number()) return found;
        const double s = state.as_number();
        if (s < 0) {
            const double slot = -s - 1;
            if (!(slot < 4294967295.0)) return found;
            Timeout* timer = host.env().timers().live_at(static_cast<uint32_t>(slot));
            if (!timer || timer->host_object != object) return found;
            found.object = object;
            found.live = timer;
            return found;
        }
        found.object = object;
        found.state = static_cast<int64_t>(s);
        return found;
    }

    // refresh() of a destroyed timer: a new timer from what the object keeps.
    void revive(js::Object& object, int64_t state) {
        if (state & k_cleared) return;
        js::Value idle_timeout = read(object, k_idle_timeout_slot, "_idleTimeout");
        if (!idle_timeout.is_number() || idle_timeout.as_number() < 0) return;
        Task task{.label = host.function_label(read(object, k_on_timeout_slot, "_onTimeout"))};
        Timeout* timer = host.env().timers().revive(
            std::move(task), idle_timeout.as_number(), (state & k_interval) != 0,
            (state & k_referenced) != 0, (state & k_has_callback) != 0);
        set_state(object, attach(*timer, &object));
    }

    ScriptHost& host;
    js::Runtime& rt;
    js::Root<js::Symbol> state_symbol;
    js::Root<js::Symbol> args_symbol;
    js::Root<js::Object> shape_holder; // an object with the shape every Timeout starts with
    js::Shape* shape = nullptr;
    js::Root<js::Object> immediate_shape_holder; // the shape every Immediate starts with
    js::Shape* immediate_shape = nullptr;
    js::PropertyKey on_immediate;           // `_onImmediate`
    js::Root<js::String> on_immediate_name; // keeps its atom
    js::PropertyKey on_immediate_key() const { return on_immediate; }
    std::unordered_map<uint64_t, uint32_t> known; // async id -> pool slot, of live timers
    // The arguments of pending immediates that have any, by pool slot (few have). An
    // Immediate object keeps its immediate's pool slot + 1 under its hidden key; the pooled
    // Immediate keeps the object (Immediate::host_object). One that ran or was cleared is not
    // found again: ref, unref and hasRef of it answer as for an unknown handle, and
    // clearImmediate does nothing.
    std::map<uint32_t, std::vector<js::Value>> immediate_args;
    // The pending immediate of an Immediate object, by the pool slot it keeps.
    Immediate* find_immediate(js::Value value) {
        if (!value.is_object()) return nullptr;
        js::Object* object = value.as_object();
        js::OwnProperty own;
        if (object->shape() == immediate_shape)
            own.value = object->slot(0);
        else if (!object->lookup_own(
                     js::PropertyKey::symbol(host.bindings().internal_id_symbol.get()), own))
            return nullptr;
        if (!own.value.is_number()) return nullptr;
        const double index = own.value.as_number();
        if (!(index >= 1 && index <= static_cast<double>(UINT32_MAX))) return nullptr;
        Immediate* immediate = host.env().immediates().live_at(static_cast<uint32_t>(index) - 1);
        return immediate && immediate->host_object == object ? immediate : nullptr;
    }
};

namespace {

TimerBindings& timer_bindings(ScriptHost& host) {
    return *host.bindings().timers;
}

js::Completion schedule_timer(js::Runtime& rt, std::span<const js::Value> args, bool repeat) {
    ScriptHost& host = ScriptHost::from(rt);
    js::Value fn = args.empty() ? js::Value() : args[0];
    if (!js::Runtime::is_callable(fn)) return invalid_arg_type(host, "callback", "function", fn);
    // The Timeout constructor: `after *= 1` coerces anything (undefined becomes NaN -> 1).
    double after = std::numeric_limits<double>::quiet_NaN();
    if (args.size() > 1) after = LOOPSIM_TRY(js::to_number(rt, args[1]));
    if (Timers::coerce_delay(after).overflowed) LOOPSIM_TRY(warn_timeout_overflow(host, after));
    host.env().warm_up(Warmup::SetTimeoutCall); // before insert() reads the loop's clock
    TimerBindings& tb = timer_bindings(host);
    js::Object* object = js::Object::create_with_slots(rt, host.bindings().timeout_prototype.get(),
                                                       tb.shape->property_count());
    js::RootedValue rooted(rt.heap(), js::Value(object));
    Task task{.label = host.function_label(fn)};
    Timers& timers = host.env().timers();
    Timeout* timer = repeat ? timers.set_interval(std::move(task), after)
                            : timers.set_timeout(std::move(task), after);
    const int64_t state = tb.attach(*timer, object);
    // Node calls the callback as timer._onTimeout(): stack traces name it so.
    const js::Value values[] = {js::Value::number(static_cast<double>(state)),
                                js::Value::number(timer->idle_timeout), fn,
                                js::Value::number(static_cast<double>(timer->idle_start))};
    object->initialize_literal(rt, tb.shape, values, 4);
    if (args.size() > 2) {
        js::Array* rest = js::Array::create_from(rt, args.subspan(2));
        object->put_direct(rt, tb.args_key(), js::Value(rest), js::attr::None);
    }
    return js::Value(object);
}

js::Completion set_timeout(js::Runtime& rt, js::NativeFunction&, js::Value,
                           std::span<const js::Value> args) {
    return schedule_timer(rt, args, false);
}

js::Completion set_interval(js::Runtime& rt, js::NativeFunction&, js::Value,
                            std::span<const js::Value> args) {
    return schedule_timer(rt, args, true);
}

// clearTimeout, clearInterval and Timeout.prototype.close.
void clear_timer(ScriptHost& host, js::Value value) {
    TimerBindings& tb = timer_bindings(host);
    TimerBindings::Found found = tb.find(value);
    if (found.live) {
        host.env().timers().clear(*found.live);
    } else if (found.object && (found.state & TimerBindings::k_has_callback)) {
        tb.set_state(*found.object, found.state & ~TimerBindings::k_has_callback);
    }
}

js::Completion clear_timeout(js::Runtime& rt, js::NativeFunction&, js::Value,
                             std::span<const js::Value> args) {
    if (!args.empty()) clear_timer(ScriptHost::from(rt), args[0]);
    return js::Value();
}

js::Completion timeout_ref(js::Runtime& rt, js::NativeFunction&, js::Value self,
                           std::span<const js::Value>) {
    ScriptHost& host = ScriptHost::from(rt);
    TimerBindings& tb = timer_bindings(host);
    TimerBindings::Found found = tb.find(self);
    if (found.live)
        host.env().timers().ref(*found.live);
    else if (found.object)
        tb.set_state(*found.object, found.state | TimerBindings::k_referenced);
    return self;
}

js::Completion timeout_unref(js::Runtime& rt, js::NativeFunction&, js::Value self,
                             std::span<const js::Value>) {
    ScriptHost& host = ScriptHost::from(rt);
    TimerBindings& tb = timer_bindings(host);
    TimerBindings::Found found = tb.find(self);
    if (found.live)
        host.env().timers().unref(*found.live);
    else if (found.object)
        tb.set_state(*found.object, found.state & ~TimerBindings::k_referenced);
    return self;
}

js::Completion timeout_has_ref(js::Runtime& rt, js::NativeFunction&, js::Value self,
                               std::span<const js::Value>) {
    TimerBindings::Found found = timer_bindings(ScriptHost::from(rt)).find(self);
    if (found.live) return js::Value(found.live->referenced);
    return js::Value(found.object && (found.state & TimerBindings::k_referenced) != 0);
}

js::Completion timeout_refresh(js::Runtime& rt, js::NativeFunction&, js::Value self,
                               std::span<const js::Value>) {
    ScriptHost& host = ScriptHost::from(rt);
    TimerBindings& tb = timer_bindings(host);
    TimerBindings::Found found = tb.find(self);
    if (!found.object) return self;
    if (found.live)
        host.env().timers().refresh(*found.live);
    else
        tb.revive(*found.object, found.state);
    found = tb.find(self);
    if (found.live)
        tb.write(*found.object, TimerBindings::k_idle_start_slot, "_idleStart",
                 js::Value::number(static_cast<double>(found.live->idle_start)));
    return self;
}

js::Completion timeout_close(js::Runtime& rt, js::NativeFunction&, js::Value self,
                             std::span<const js::Value>) {
    clear_timer(ScriptHost::from(rt), self);
    return self;
}

js::Completion timeout_to_primitive(js::Runtime& rt, js::NativeFunction&, js::Value self,
                                    std::span<const js::Value>) {
    ScriptHost& host = ScriptHost::from(rt);
    TimerBindings& tb = timer_bindings(host);
    TimerBindings::Found found = self.is_object() ? tb.find(self) : TimerBindings::Found{};
    if (found.live) {
        const uint64_t id = found.live->id;
        tb.known[id] = found.live->slot;
        return js::Value::number(static_cast<double>(id));
    }
    if (found.object) return js::Value::number(static_cast<double>(found.state / 16));
    return js::Value::number(static_cast<double>(id_of(host, self)));
}

Immediate* find_immediate(ScriptHost& host, js::Value value) {
    return timer_bindings(host).find_immediate(value);
}

// immediate._onImmediate(...args), then `_onImmediate = null`: a stack formatted later
// reads "Immediate.<anonymous>". The immediates pool lets it go when it has run.
CallResult run_immediate(ScriptHost& host, uint32_t slot) {
    TimerBindings& tb = timer_bindings(host);
    js::Runtime& rt = host.runtime();
    // Running: its slot stays taken, and the object stays a root, until the call returns.
    auto* object = static_cast<js::Object*>(host.env().immediates().at(slot).host_object);
    CallResult result;
    constexpr uint32_t k_on_immediate_slot = 1;
    js::Completion fn = object->shape() == tb.immediate_shape
                            ? js::Completion(object->slot(k_on_immediate_slot))
                            : object->get(rt, tb.on_immediate_key());
    // Its arguments leave the table (nothing collects before they are on the interpreter's
    // stack).
    std::vector<js::Value> values;
    if (auto args = tb.immediate_args.find(slot); args != tb.immediate_args.end()) {
        values = std::move(args->second);
        tb.immediate_args.erase(args);
    }
    if (fn.is_throw()) {
        host.set_pending_exception(fn.thrown_value());
        result = CallResult::Threw;
    } else {
        result = host.call(fn.value(), js::Value(object), values);
    }
    if (object->shape() == tb.immediate_shape)
        object->set_slot(k_on_immediate_slot, js::Value::null());
    else
        object->put_direct(rt, tb.on_immediate_key(), js::Value::null(), js::attr::Default);
    return result;
}

js::Completion set_immediate(js::Runtime& rt, js::NativeFunction&, js::Value,
                             std::span<const js::Value> args) {
    ScriptHost& host = ScriptHost::from(rt);
    js::Value fn = args.empty() ? js::Value() : args[0];
    if (!js::Runtime::is_callable(fn)) return invalid_arg_type(host, "callback", "function", fn);
    host.env().warm_up(Warmup::SetImmediateCall);
    TimerBindings& tb = timer_bindings(host);
    js::Object* object = js::Object::create_with_slots(
        rt, host.bindings().immediate_prototype.get(), tb.immediate_shape->property_count());
    js::RootedValue rooted(rt.heap(), js::Value(object)); // describing fn may call a getter
    Immediate* immediate =
        host.env().immediates().set_immediate(Task{.label = host.function_label(fn)});
    const uint32_t slot = immediate->slot;
    immediate->host_object = object;
    // Its pool slot + 1 (hidden), and `_onImmediate`: Node calls immediate._onImmediate() and
    // sets it to null once it has run.
    const js::Value values[] = {js::Value::number(static_cast<double>(slot) + 1), fn};
    object->initialize_literal(rt, tb.immediate_shape, values, 2);
    if (args.size() > 1) tb.immediate_args[slot] = rest(args, 1);
    return js::Value(object);
}

js::Completion clear_immediate(js::Runtime& rt, js::NativeFunction&, js::Value,
                               std::span<const js::Value> args) {
    ScriptHost& host = ScriptHost::from(rt);
    if (args.empty()) return js::Value();
    TimerBindings& tb = timer_bindings(host);
    if (Immediate* immediate = tb.find_immediate(args[0])) {
        tb.immediate_args.erase(immediate->slot);
        host.env().immediates().clear(*immediate);
    }
    return js::Value();
}

js::Completion immediate_ref(js::Runtime& rt, js::NativeFunction&, js::Value self,
                             std::span<const js::Value>) {
    ScriptHost& host = ScriptHost::from(rt);
    if (auto i = find_immediate(host, self)) host.env().immediates().ref(*i);
    return self;
}

js::Completion immediate_unref(js::Runtime& rt, js::NativeFunction&, js::Value self,
                               std::span<const js::Value>) {
    ScriptHost& host = ScriptHost::from(rt);
    if (auto i = find_immediate(host, self)) host.env().immediates().unref(*i);
    return self;
}

js::Completion immediate_has_ref(js::Runtime& rt, js::NativeFunction&, js::Value self,
                                 std::span<const js::Value>) {
    auto i = find_immediate(ScriptHost::from(rt), self);
    return js::Value(i ? i->referenced : false);
}

js::Completion queue_microtask(js::Runtime& rt, js::NativeFunction&, js::Value,
                               std::span<const js::Value> args) {
    ScriptHost& host = ScriptHost::from(rt);
    js::Value fn = args.empty() ? js::Value() : args[0];
    if (!js::Runtime::is_callable(fn)) return invalid_arg_type(host, "callback", "function", fn);
    Task task = host.make_task(host.function_label(fn), fn, js::Value(), {});
    // The callback runs inside an AsyncResource, whose frames its stack shows.
    task.call = [&host, call = std::move(task.call)] {
        frames::Scope scope(host.env().frame_hooks(), frames::k_queue_microtask);
        return call();
    };
    host.env().queues().enqueue_microtask(std::move(task), trace::ReasonCode::MicrotaskQueued);
    return js::Value();
}

} // namespace

void install_timers(ScriptHost& host) {
    js::Runtime& rt = host.runtime();
    BindingState& state = host.bindings();
    state.internal_id_symbol.set(rt.make_symbol(rt.string("loopsim.handleId")));

    js::Object* timeout = make_class(host, "Timeout", nullptr);
    state.timeout_prototype.set(timeout);
    define_method(host, *timeout, "ref", 0, timeout_ref);
    define_method(host, *timeout, "unref", 0, timeout_unref);
    define_method(host, *timeout, "hasRef", 0, timeout_has_ref);
    define_method(host, *timeout, "refresh", 0, timeout_refresh);
    define_method(host, *timeout, "close", 0, timeout_close);
    timeout->put_direct(
        rt, js::PropertyKey::symbol(rt.well_known_symbol(js::WellKnownSymbol::ToPrimitive)),
        js::Value(make_function(host, "[Symbol.toPrimitive]", 0, timeout_to_primitive)),
        js::attr::Builtin);

    js::Object* immediate = make_class(host, "Immediate", nullptr);
    state.immediate_prototype.set(immediate);
    state.timers = std::make_shared<TimerBindings>(host, timeout);
    define_method(host, *immediate, "ref", 0, immediate_ref);
    define_method(host, *immediate, "unref", 0, immediate_unref);
    define_method(host, *immediate, "hasRef", 0, immediate_has_ref);

    // Node's own properties of the global object, enumerable, in Node's order (after
    // `global`).
    js::Interpreter& interpreter = host.interpreter();
    const auto define = [&interpreter](std::string_view name, js::Object* fn) {
        interpreter.define_global(name, js::Value(fn), js::attr::Default);
    };
    js::Object* set_timeout_fn = make_function(host, "setTimeout", 2, set_timeout);
    define_custom_promisify(host, *set_timeout_fn, "setTimeout");
    js::Object* set_immediate_fn = make_function(host, "setImmediate", 1, set_immediate);
    define_custom_promisify(host, *set_immediate_fn, "setImmediate");
    define("clearImmediate", make_function(host, "clearImmediate", 1, clear_immediate));
    define("setImmediate", set_immediate_fn);
    define("clearInterval", make_function(host, "clearInterval", 1, clear_timeout));
    define("clearTimeout", make_function(host, "clearTimeout", 1, clear_timeout));
    define("setInterval", make_function(host, "setInterval", 2, set_interval));
    define("setTimeout", set_timeout_fn);
    define("queueMicrotask", make_function(host, "queueMicrotask", 1, queue_microtask));
}

} // namespace loopsim::node
