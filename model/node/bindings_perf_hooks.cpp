// require('perf_hooks') and the global `performance` (the same object): performance.now(),
// performance.timeOrigin and performance.nodeTiming over the virtual clock (lib/perf_hooks.js,
// lib/internal/perf/nodetiming.js). Only what the scenarios and the reference probes use.
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

// performance.nodeTiming.idleTime: FIXME: the time the loop spent blocked in poll is not
// summed yet; 0, as Node reports before the loop first blocks.
js::Completion node_timing_idle_time(js::Runtime&, js::NativeFunction&, js::Value,
                                     std::span<const js::Value>) {
    return js::Value::number(0);
}

// The one `performance` object: the global and require('perf_hooks').performance.
js::Object& performance_object(ScriptHost& host) {
    js::Runtime& rt = host.runtime();
    if (js::Object* made = host.bindings().performance.get()) return *made;
    js::Object* performance = js::Object::create(rt, rt.object_prototype());
    host.bindings().performance.set(performance);
    define_method(host, *performance, "now", 0, performance_now);
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
