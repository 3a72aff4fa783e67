// require('perf_hooks') and the global `performance` (the same object): performance.now(),
// performance.timeOrigin, performance.nodeTiming and performance.eventLoopUtilization() over
// the virtual clock (lib/perf_hooks.js, lib/internal/perf/nodetiming.js,
// lib/internal/perf/event_loop_utilization.js). Only what the scenarios and the reference
// probes use.
#include "model/js/builtins/builtin_support.h"
#include "model/js/conversions.h"
#include "model/js/function.h"
#include "model/js/runtime.h"
#include "model/node/bindings.h"
#include "model/node/script_host.h"

namespace loopsim::node {

namespace {

js::Completion performance_now(js::Runtime& rt, js::NativeFunction&, js::Value,
                               std::span<const js::Value>) {
    return js::Value::number(ScriptHost::from(rt).performance_now_ms());
}

// performance.nodeTiming.loopStart: -1 until the event loop starts (so always -1 in a
// CommonJS main module's own code), then when it started, in performance.now() terms.
js::Completion node_timing_loop_start(js::Runtime& rt, js::NativeFunction&, js::Value,
                                      std::span<const js::Value>) {
    const std::optional<sim::SimTime> start = ScriptHost::from(rt).env().loop_start();
    if (!start) return js::Value::number(-1);
    return js::Value::number(static_cast<double>(start->count_ns()) / 1e6);
}

// The loop's idle time (uv_metrics_idle_time) in milliseconds: how long poll has blocked.
double idle_time_ms(ScriptHost& host) {
    return static_cast<double>(host.env().loop().idle_time().count_ns()) / 1e6;
}

// performance.nodeTiming.idleTime.
js::Completion node_timing_idle_time(js::Runtime& rt, js::NativeFunction&, js::Value,
                                     std::span<const js::Value>) {
    return js::Value::number(idle_time_ms(ScriptHost::from(rt)));
}

js::Object* utilization_object(js::Runtime& rt, double idle, double active) {
    js::Object* result = js::Object::create(rt, rt.object_prototype());
    result->put_direct(rt, rt.key("idle"), js::Value::number(idle), js::attr::Default);
    result->put_direct(rt, rt.key("active"), js::Value::number(active), js::attr::Default);
    result->put_direct(rt, rt.key("utilization"), js::Value::number(active / (idle + active)),
                       js::attr::Default);
    return result;
}

js::ThrowCompletionOr<double> read_number(js::Runtime& rt, js::Value object, std::string_view key) {
    if (!object.is_object())
        return js::ThrowCompletion{js::Value(rt.make_error(
            js::ErrorType::TypeError, "Cannot read properties of " +
                                          std::string(object.is_null() ? "null" : "undefined") +
                                          " (reading '" + std::string(key) + "')"))};
    js::Value value = LOOPSIM_TRY(object.as_object()->get(rt, rt.key(key)));
    return LOOPSIM_TRY(js::to_number(rt, value));
}

// performance.eventLoopUtilization([util1[, util2]]) (lib/internal/perf/
// event_loop_utilization.js): the time since the loop started split into idle (blocked in
// poll) and active (everything else: callbacks, and the loop's own work), and active's share;
// with util1, the change since util1; with util2 too, util1 minus util2. All zeros before
// the loop starts.
js::Completion event_loop_utilization(js::Runtime& rt, js::NativeFunction&, js::Value,
                                      std::span<const js::Value> args) {
    ScriptHost& host = ScriptHost::from(rt);
    const std::optional<sim::SimTime> start = host.env().loop_start();
    if (!start) {
        js::Object* zeros = utilization_object(rt, 0, 0);
        zeros->put_direct(rt, rt.key("utilization"), js::Value::number(0), js::attr::Default);
        return js::Value(zeros);
    }
    js::RootedValue util1(rt.heap(), js::arg(args, 0));
    js::RootedValue util2(rt.heap(), js::arg(args, 1));
    if (js::to_boolean(util2.get())) {
        const double idle = LOOPSIM_TRY(read_number(rt, util1.get(), "idle")) -
                            LOOPSIM_TRY(read_number(rt, util2.get(), "idle"));
        const double active = LOOPSIM_TRY(read_number(rt, util1.get(), "active")) -
                              LOOPSIM_TRY(read_number(rt, util2.get(), "active"));
        return js::Value(utilization_object(rt, idle, active));
    }
    const double idle = idle_time_ms(host);
    const double loop_start_ms = static_cast<double>(start->count_ns()) / 1e6;
    const double active = host.performance_now_ms() - loop_start_ms - idle;
    if (!js::to_boolean(util1.get())) return js::Value(utilization_object(rt, idle, active));
    const double idle_delta = idle - LOOPSIM_TRY(read_number(rt, util1.get(), "idle"));
    const double active_delta = active - LOOPSIM_TRY(read_number(rt, util1.get(), "active"));
    return js::Value(utilization_object(rt, idle_delta, active_delta));
}

// The one `performance` object: the global and require('perf_hooks').performance.
js::Object& performance_object(ScriptHost& host) {
    js::Runtime& rt = host.runtime();
    if (js::Object* made = host.bindings().performance.get()) return *made;
    js::Object* performance = js::Object::create(rt, rt.object_prototype());
    host.bindings().performance.set(performance);
    define_method(host, *performance, "now", 0, performance_now);
    define_method(host, *performance, "eventLoopUtilization", 2, event_loop_utilization);
    // Date.now() at the process start: performance.timeOrigin + performance.now() is Date.now(),
    // to within the wall clock's phase (Environment::wall_clock_ns), as in node. Reading
    // Date.now() here would ask for that phase in every run.
    performance->put_direct(rt, rt.key("timeOrigin"),
                            js::Value::number(ScriptHost::epoch_ms() - host.performance_now_ms()),
                            js::attr::Default);
    js::Object* timing = js::Object::create(rt, rt.object_prototype());
    performance->put_direct(rt, rt.key("nodeTiming"), js::Value(timing), js::attr::Default);
    timing->put_direct(rt, rt.key("name"), js::Value(rt.string("node")), js::attr::Default);
    timing->put_direct(rt, rt.key("entryType"), js::Value(rt.string("node")), js::attr::Default);
    timing->put_direct(rt, rt.key("startTime"), js::Value::number(0), js::attr::Default);
    timing->put_accessor(rt, rt.key("loopStart"),
                         js::Value(make_function(host, "get loopStart", 0, node_timing_loop_start)),
                         js::Value(), js::attr::Enumerable | js::attr::Configurable);
    timing->put_accessor(rt, rt.key("idleTime"),
                         js::Value(make_function(host, "get idleTime", 0, node_timing_idle_time)),
                         js::Value(), js::attr::Enumerable | js::attr::Configurable);
    return *performance;
}

// globalThis.performance, an accessor as in Node (lib/internal/bootstrap/node.js,
// defineReplaceableLazyAttribute): the getter gives the one object until the setter is
// called, and from then on the value last assigned; the property stays an accessor.
js::Completion get_performance(js::Runtime& rt, js::NativeFunction&, js::Value,
                               std::span<const js::Value>) {
    ScriptHost& host = ScriptHost::from(rt);
    if (host.bindings().performance_assigned) return host.bindings().assigned_performance.get();
    return js::Value(&performance_object(host));
}

js::Completion set_performance(js::Runtime& rt, js::NativeFunction&, js::Value,
                               std::span<const js::Value> args) {
    BindingState& state = ScriptHost::from(rt).bindings();
    state.assigned_performance.set(args.empty() ? js::Value() : args[0]);
    state.performance_assigned = true;
    return js::Value();
}

} // namespace

void install_performance(ScriptHost& host) {
    js::Runtime& rt = host.runtime();
    (void)performance_object(host); // made now: its timeOrigin is the process start
    host.interpreter().global().put_accessor(
        rt, rt.key("performance"),
        js::Value(make_function(host, "get performance", 0, get_performance)),
        js::Value(make_function(host, "set performance", 1, set_performance)),
        js::attr::Enumerable | js::attr::Configurable);
}

js::Completion make_perf_hooks_module(ScriptHost& host) {
    js::Runtime& rt = host.runtime();
    js::Object* module = js::Object::create(rt, rt.object_prototype());
    js::Root<js::Object> root(rt.heap(), module);
    module->put_direct(rt, rt.key("performance"), js::Value(&performance_object(host)),
                       js::attr::Default);
    return js::Value(module);
}

} // namespace loopsim::node
