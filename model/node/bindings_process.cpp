// The process object: nextTick, exitCode, exit, the process events (on, once, off, emit,
// listenerCount), env, argv, platform and versions (lib/internal/bootstrap/node.js,
// lib/internal/process/per_thread.js).
#include "model/js/array.h"
#include "model/js/conversions.h"
#include "model/js/function.h"
#include "model/js/runtime.h"
#include "model/js/string.h"
#include "model/node/bindings.h"
#include "model/node/script_host.h"
#include "sim/simulation.h"

#include <cmath>

namespace loopsim::node {

namespace {

std::string event_name(js::Runtime& rt, std::span<const js::Value> args) {
    if (args.empty() || !args[0].is_string()) return {};
    return args[0].as_string()->to_utf8();
}

js::Completion next_tick(js::Runtime& rt, js::NativeFunction&, js::Value, std::span<const js::Value> args) {
    ScriptHost& host = ScriptHost::from(rt);
    js::Value fn = args.empty() ? js::Value() : args[0];
    if (!js::Runtime::is_callable(fn)) return invalid_arg_type(host, "callback", "function", fn);
    std::vector<js::Value> rest(args.size() > 1 ? args.begin() + 1 : args.end(), args.end());
    host.env().queues().next_tick(host.make_task(host.describe_function(fn), fn, js::Value(), std::move(rest)));
    return js::Value();
}

js::Completion add_listener(js::Runtime& rt, js::Value self, std::span<const js::Value> args, bool once,
                            bool prepend) {
    ScriptHost& host = ScriptHost::from(rt);
    js::Value fn = args.size() > 1 ? args[1] : js::Value();
    if (!js::Runtime::is_callable(fn)) return invalid_arg_type(host, "listener", "function", fn);
    auto& list = host.bindings().process_listeners[event_name(rt, args)];
    BindingState::Listener listener{js::RootedValue(rt.heap(), fn), once};
    if (prepend)
        list.insert(list.begin(), std::move(listener));
    else
        list.push_back(std::move(listener));
    return self;
}

js::Completion process_on(js::Runtime& rt, js::NativeFunction&, js::Value self, std::span<const js::Value> args) {
    return add_listener(rt, self, args, false, false);
}
js::Completion process_once(js::Runtime& rt, js::NativeFunction&, js::Value self, std::span<const js::Value> args) {
    return add_listener(rt, self, args, true, false);
}
js::Completion process_prepend(js::Runtime& rt, js::NativeFunction&, js::Value self,
                               std::span<const js::Value> args) {
    return add_listener(rt, self, args, false, true);
}

js::Completion process_off(js::Runtime& rt, js::NativeFunction&, js::Value self, std::span<const js::Value> args) {
    ScriptHost& host = ScriptHost::from(rt);
    auto it = host.bindings().process_listeners.find(event_name(rt, args));
    if (it == host.bindings().process_listeners.end() || args.size() < 2) return self;
    auto& list = it->second;
    // removeListener removes the most recently added matching listener.
    for (auto l = list.rbegin(); l != list.rend(); ++l) {
        if (js::same_value(l->fn.get(), args[1])) {
            list.erase(std::next(l).base());
            break;
        }
    }
    return self;
}

js::Completion process_emit(js::Runtime& rt, js::NativeFunction&, js::Value, std::span<const js::Value> args) {
    ScriptHost& host = ScriptHost::from(rt);
    std::vector<js::Value> rest(args.size() > 1 ? args.begin() + 1 : args.end(), args.end());
    if (!host.emit_process_event) return js::Value(false);
    // emit_process_event reports a throwing listener through the pending exception.
    const size_t before = host.bindings().process_listeners[event_name(rt, args)].size();
    bool had = host.emit_process_event(event_name(rt, args), rest);
    (void)before;
    return js::Value(had);
}

js::Completion process_listener_count(js::Runtime& rt, js::NativeFunction&, js::Value, std::span<const js::Value> args) {
    ScriptHost& host = ScriptHost::from(rt);
    auto it = host.bindings().process_listeners.find(event_name(rt, args));
    return js::Value::number(it == host.bindings().process_listeners.end() ? 0.0 : static_cast<double>(it->second.size()));
}

js::Completion process_exit(js::Runtime& rt, js::NativeFunction&, js::Value, std::span<const js::Value> args) {
    ScriptHost& host = ScriptHost::from(rt);
    Environment& env = host.env();
    if (!args.empty() && !args[0].is_undefined()) {
        double code = LOOPSIM_TRY(js::to_number(rt, args[0]));
        env.exit_code = static_cast<int>(code);
    }
    env.exit(env.exit_code.value_or(0));
    return host.terminate();
}

js::Completion get_exit_code(js::Runtime& rt, js::NativeFunction&, js::Value, std::span<const js::Value>) {
    auto code = ScriptHost::from(rt).env().exit_code;
    return code ? js::Value::number(*code) : js::Value();
}

js::Completion set_exit_code(js::Runtime& rt, js::NativeFunction&, js::Value, std::span<const js::Value> args) {
    ScriptHost& host = ScriptHost::from(rt);
    if (args.empty() || args[0].is_nullish()) {
        host.env().exit_code.reset();
        return js::Value();
    }
    double code = LOOPSIM_TRY(js::to_number(rt, args[0]));
    host.env().exit_code = static_cast<int>(code);
    return js::Value();
}

js::Completion process_hrtime(js::Runtime& rt, js::NativeFunction&, js::Value, std::span<const js::Value>) {
    const int64_t ns = ScriptHost::from(rt).env().simulation().now().count_ns();
    js::Value parts[] = {js::Value::number(static_cast<double>(ns / 1'000'000'000)),
                         js::Value::number(static_cast<double>(ns % 1'000'000'000))};
    return js::Value(js::Array::create_from(rt, parts));
}

js::Completion process_cwd(js::Runtime& rt, js::NativeFunction&, js::Value, std::span<const js::Value>) {
    return js::Value(rt.string("/"));
}

} // namespace

void install_process(ScriptHost& host) {
    js::Runtime& rt = host.runtime();
    js::Object* process = js::Object::create(rt, rt.object_prototype());
    js::RootedValue rooted(rt.heap(), js::Value(process));
    define_method(host, *process, "nextTick", 1, next_tick);
    define_method(host, *process, "on", 2, process_on);
    define_method(host, *process, "addListener", 2, process_on);
    define_method(host, *process, "once", 2, process_once);
    define_method(host, *process, "prependListener", 2, process_prepend);
    define_method(host, *process, "off", 2, process_off);
    define_method(host, *process, "removeListener", 2, process_off);
    define_method(host, *process, "emit", 1, process_emit);
    define_method(host, *process, "listenerCount", 1, process_listener_count);
    define_method(host, *process, "exit", 1, process_exit);
    define_method(host, *process, "hrtime", 0, process_hrtime);
    define_method(host, *process, "cwd", 0, process_cwd);
    process->put_accessor(rt, rt.key("exitCode"), js::Value(make_function(host, "get exitCode", 0, get_exit_code)),
                          js::Value(make_function(host, "set exitCode", 1, set_exit_code)),
                          js::attr::Enumerable | js::attr::Configurable);
    js::Object* env = js::Object::create(rt, rt.object_prototype());
    for (const auto& [name, value] : host.process_env())
        env->put_direct(rt, rt.key(name), js::Value(rt.string(value)), js::attr::Default);
    process->put_direct(rt, rt.key("env"), js::Value(env), js::attr::Default);
    process->put_direct(rt, rt.key("platform"), js::Value(rt.string("linux")), js::attr::Default);
    process->put_direct(rt, rt.key("version"), js::Value(rt.string("v20.20.2")), js::attr::Default);
    process->put_direct(rt, rt.key("pid"), js::Value::number(4242), js::attr::Default);
    js::Object* versions = js::Object::create(rt, rt.object_prototype());
    versions->put_direct(rt, rt.key("node"), js::Value(rt.string("20.20.2")), js::attr::Default);
    versions->put_direct(rt, rt.key("uv"), js::Value(rt.string("1.46.0")), js::attr::Default);
    process->put_direct(rt, rt.key("versions"), js::Value(versions), js::attr::Default);
    host.interpreter().define_global("process", js::Value(process));

    host.emit_process_event = [&host](std::string_view event, std::span<const js::Value> args) {
        auto& all = host.bindings().process_listeners;
        auto it = all.find(std::string(event));
        if (it == all.end() || it->second.empty()) return false;
        // Call a snapshot: listeners added meanwhile wait for the next emit; once-listeners go first.
        std::vector<js::RootedValue> snapshot;
        for (auto& l : it->second) snapshot.push_back(l.fn);
        std::erase_if(it->second, [](const BindingState::Listener& l) { return l.once; });
        js::Value process = host.interpreter().get_global("process");
        for (js::RootedValue& fn : snapshot) {
            if (!host.env().can_call_into_js()) break;
            if (host.call(fn.get(), process, args) == CallResult::Threw) {
                host.env().report_uncaught(ExceptionOrigin::UncaughtException);
                break;
            }
        }
        return true;
    };
}

} // namespace loopsim::node
