// The process object: nextTick, exitCode, exit, the process events (on, once, off, emit,
// listenerCount), env, argv, platform and versions (lib/internal/bootstrap/node.js,
// lib/internal/process/per_thread.js).
#include "model/js/array.h"
#include "model/js/builtins/builtin_support.h"
#include "model/js/builtins/error_builtins.h"
#include "model/js/builtins/function_builtins.h"
#include "model/js/conversions.h"
#include "model/js/function.h"
#include "model/js/runtime.h"
#include "model/js/string.h"
#include "model/node/bindings.h"
#include "model/node/buffer.h"
#include "model/node/script_host.h"
#include "sim/simulation.h"

#include <algorithm>
#include <cmath>

namespace loopsim::node {

namespace {

std::string event_name(js::Runtime& rt, std::span<const js::Value> args) {
    if (args.empty() || !args[0].is_string()) return {};
    return args[0].as_string()->to_utf8();
}

js::Completion next_tick(js::Runtime& rt, js::NativeFunction&, js::Value,
                         std::span<const js::Value> args) {
    ScriptHost& host = ScriptHost::from(rt);
    js::Value fn = args.empty() ? js::Value() : args[0];
    if (!js::Runtime::is_callable(fn)) return invalid_arg_type(host, "callback", "function", fn);
    host.env().warm_up(Warmup::NextTickCall);
    std::vector<js::Value> rest(args.size() > 1 ? args.begin() + 1 : args.end(), args.end());
    const size_t arg_count = rest.size();
    Task task = host.make_tick_task(host.function_label(fn), fn, std::move(rest));
    task.arg_count = static_cast<uint8_t>(std::min<size_t>(arg_count, 255));
    host.env().queues().next_tick(std::move(task));
    return js::Value();
}

js::Completion add_listener(js::Runtime& rt, js::Value self, std::span<const js::Value> args,
                            bool once, bool prepend) {
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

js::Completion process_on(js::Runtime& rt, js::NativeFunction&, js::Value self,
                          std::span<const js::Value> args) {
    return add_listener(rt, self, args, false, false);
}
js::Completion process_once(js::Runtime& rt, js::NativeFunction&, js::Value self,
                            std::span<const js::Value> args) {
    return add_listener(rt, self, args, true, false);
}
js::Completion process_prepend(js::Runtime& rt, js::NativeFunction&, js::Value self,
                               std::span<const js::Value> args) {
    return add_listener(rt, self, args, false, true);
}

js::Completion process_off(js::Runtime& rt, js::NativeFunction&, js::Value self,
                           std::span<const js::Value> args) {
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

js::Completion process_emit(js::Runtime& rt, js::NativeFunction&, js::Value,
                            std::span<const js::Value> args) {
    ScriptHost& host = ScriptHost::from(rt);
    std::vector<js::Value> rest(args.size() > 1 ? args.begin() + 1 : args.end(), args.end());
    if (!host.emit_process_event) return js::Value(false);
    // emit_process_event reports a throwing listener through the pending exception.
    const size_t before = host.bindings().process_listeners[event_name(rt, args)].size();
    bool had = host.emit_process_event(event_name(rt, args), rest);
    (void)before;
    return js::Value(had);
}

js::Completion process_listener_count(js::Runtime& rt, js::NativeFunction&, js::Value,
                                      std::span<const js::Value> args) {
    ScriptHost& host = ScriptHost::from(rt);
    auto it = host.bindings().process_listeners.find(event_name(rt, args));
    return js::Value::number(it == host.bindings().process_listeners.end()
                                 ? 0.0
                                 : static_cast<double>(it->second.size()));
}

js::Completion process_exit(js::Runtime& rt, js::NativeFunction&, js::Value,
                            std::span<const js::Value> args) {
    ScriptHost& host = ScriptHost::from(rt);
    Environment& env = host.env();
    if (!args.empty() && !args[0].is_undefined()) {
        double code = LOOPSIM_TRY(js::to_number(rt, args[0]));
        env.exit_code = static_cast<int>(code);
    }
    env.exit(env.exit_code.value_or(0));
    return host.terminate();
}

js::Completion get_exit_code(js::Runtime& rt, js::NativeFunction&, js::Value,
                             std::span<const js::Value>) {
    auto code = ScriptHost::from(rt).env().exit_code;
    return code ? js::Value::number(*code) : js::Value();
}

js::Completion set_exit_code(js::Runtime& rt, js::NativeFunction&, js::Value,
                             std::span<const js::Value> args) {
    ScriptHost& host = ScriptHost::from(rt);
    if (args.empty() || args[0].is_nullish()) {
        host.env().exit_code.reset();
        return js::Value();
    }
    double code = LOOPSIM_TRY(js::to_number(rt, args[0]));
    host.env().exit_code = static_cast<int>(code);
    return js::Value();
}

js::Completion process_hrtime(js::Runtime& rt, js::NativeFunction&, js::Value,
                              std::span<const js::Value>) {
    const int64_t ns = ScriptHost::from(rt).env().simulation().now().count_ns();
    js::Value parts[] = {js::Value::number(static_cast<double>(ns / 1'000'000'000)),
                         js::Value::number(static_cast<double>(ns % 1'000'000'000))};
    return js::Value(js::Array::create_from(rt, parts));
}

// process.hrtime.bigint() returns a BigInt, which the dialect does not have (docs/dialect.md).
js::Completion process_hrtime_bigint(js::Runtime& rt, js::NativeFunction&, js::Value,
                                     std::span<const js::Value>) {
    return rt.throw_error(js::ErrorType::Error,
                          "loopsim does not model process.hrtime.bigint(): it returns a BigInt, "
                          "which loopsim does not support; use process.hrtime() or "
                          "performance.now() instead");
}

js::Completion process_cwd(js::Runtime& rt, js::NativeFunction&, js::Value,
                           std::span<const js::Value>) {
    return js::Value(rt.string("/"));
}

// process.uptime(): seconds of virtual time since the process started, which loopsim puts at
// the start of the main script (performance.now()'s origin too).
js::Completion process_uptime(js::Runtime& rt, js::NativeFunction&, js::Value,
                              std::span<const js::Value>) {
    return js::Value::number(ScriptHost::from(rt).performance_now_ms() / 1000);
}

// process.memoryUsage(): node's figures at start (node v20.20.2 here: a heap of about
// 4 MB, 36 MB of the process besides it), grown by what loopsim's own heap holds now. They are
// not node's, which vary from run to run, but they grow and shrink with the script's objects,
// the same on every run.
constexpr double k_rss_besides_heap = 36.0 * 1024 * 1024;
constexpr double k_heap_at_start = 4.0 * 1024 * 1024;
constexpr double k_heap_chunk = 256.0 * 1024;
constexpr double k_external = 1024.0 * 1024;
constexpr double k_array_buffers = 10.0 * 1024;

double heap_used(js::Runtime& rt) {
    return static_cast<double>(rt.heap().stats().heap_bytes);
}
double heap_total(double used) {
    return (std::floor(used / k_heap_chunk) + 1) * k_heap_chunk + k_heap_at_start;
}

js::Completion process_memory_usage(js::Runtime& rt, js::NativeFunction&, js::Value,
                                    std::span<const js::Value>) {
    const double used = heap_used(rt);
    const double total = heap_total(used);
    js::Object* usage = js::Object::create(rt, rt.object_prototype());
    usage->put_direct(rt, rt.key("rss"), js::Value::number(total + k_rss_besides_heap),
                      js::attr::Default);
    usage->put_direct(rt, rt.key("heapTotal"), js::Value::number(total), js::attr::Default);
    usage->put_direct(rt, rt.key("heapUsed"), js::Value::number(used), js::attr::Default);
    usage->put_direct(rt, rt.key("external"), js::Value::number(k_external), js::attr::Default);
    usage->put_direct(rt, rt.key("arrayBuffers"), js::Value::number(k_array_buffers),
                      js::attr::Default);
    return js::Value(usage);
}

js::Completion process_memory_usage_rss(js::Runtime& rt, js::NativeFunction&, js::Value,
                                        std::span<const js::Value>) {
    return js::Value::number(heap_total(heap_used(rt)) + k_rss_besides_heap);
}

// createWarningObject: an Error named after the warning type, with `code` when given.
js::Completion create_warning(ScriptHost& host, std::string_view message, std::string_view type,
                              std::string_view code) {
    js::Runtime& rt = host.runtime();
    js::Value text(rt.string(message));
    js::Value made =
        LOOPSIM_TRY(rt.construct(js::Value(rt.intrinsic(js::Intrinsic::ErrorConstructor)),
                                 std::span<const js::Value>(&text, 1)));
    js::Root<js::Object> warning(rt.heap(), made.as_object());
    LOOPSIM_TRY(
        warning->create_data_property(rt, rt.common_key(js::CommonAtom::Name),
                                      js::Value(rt.string(type.empty() ? "Warning" : type))));
    if (!code.empty())
        LOOPSIM_TRY(warning->create_data_property(rt, rt.key("code"), js::Value(rt.string(code))));
    // Error.captureStackTrace once the name is set: the stack starts with the warning type.
    LOOPSIM_TRY(js::install_error_stack(rt, *warning));
    return js::Value(warning.get());
}

// process.emitWarning(warning, type | options, code): lib/internal/process/warning.js.
// `ctor` only trims the stack in Node; loopsim ignores it.
js::Completion process_emit_warning(js::Runtime& rt, js::NativeFunction&, js::Value,
                                    std::span<const js::Value> args) {
    ScriptHost& host = ScriptHost::from(rt);
    js::Value warning = args.empty() ? js::Value() : args[0];
    js::Value type = args.size() > 1 ? args[1] : js::Value();
    js::Value code = args.size() > 2 ? args[2] : js::Value();
    js::RootedValue detail(rt.heap());
    js::RootedValue rooted_warning(rt.heap(), warning);
    if (type.is_object() && !js::Runtime::is_callable(type) && !js::is_array(type)) {
        js::Object& options = *type.as_object();
        js::RootedValue rooted_options(rt.heap(), type);
        code = LOOPSIM_TRY(options.get(rt, rt.key("code")));
        js::RootedValue rooted_code(rt.heap(), code);
        js::Value d = LOOPSIM_TRY(options.get(rt, rt.key("detail")));
        if (d.is_string()) detail.set(d);
        type = LOOPSIM_TRY(options.get(rt, rt.key("type")));
        if (!js::to_boolean(type)) type = js::Value(rt.string("Warning"));
        code = rooted_code.get();
    } else if (js::Runtime::is_callable(type)) {
        type = js::Value(rt.string("Warning"));
        code = js::Value();
    }
    if (!type.is_undefined() && !type.is_string())
        return invalid_arg_type(host, "type", "string", type);
    if (js::Runtime::is_callable(code))
        code = js::Value();
    else if (!code.is_undefined() && !code.is_string())
        return invalid_arg_type(host, "code", "string", code);
    const std::string type_text = type.is_string() ? type.as_string()->to_utf8() : "Warning";
    const std::string code_text = code.is_string() ? code.as_string()->to_utf8() : "";
    if (!warning.is_string()) {
        js::Object* error_ctor = rt.intrinsic(js::Intrinsic::ErrorConstructor);
        bool is_error = false;
        if (warning.is_object())
            is_error =
                js::to_boolean(LOOPSIM_TRY(js::instance_of(rt, warning, js::Value(error_ctor))));
        if (!is_error)
            return invalid_arg_type(host, "warning", "string or an instance of Error", warning);
        LOOPSIM_TRY(emit_warning(host, rooted_warning.get(), type_text, code_text));
        return js::Value();
    }
    js::Value made =
        LOOPSIM_TRY(create_warning(host, warning.as_string()->to_utf8(), type_text, code_text));
    if (detail.get().is_string()) {
        js::RootedValue rooted_made(rt.heap(), made);
        LOOPSIM_TRY(made.as_object()->create_data_property(rt, rt.key("detail"), detail.get()));
        made = rooted_made.get();
    }
    LOOPSIM_TRY(emit_warning(host, made, type_text, code_text));
    return js::Value();
}

// onWarning, the listener Node installs for 'warning' unless NODE_NO_WARNINGS=1: prints
// "(node:PID) [code] Name: message", the detail, and once per process the hint about
// --trace-warnings. The process id is printed as `PID`, as the recorded outputs spell it.
js::Completion on_warning(js::Runtime& rt, js::NativeFunction&, js::Value,
                          std::span<const js::Value> args) {
    ScriptHost& host = ScriptHost::from(rt);
    js::Value warning = args.empty() ? js::Value() : args[0];
    if (!warning.is_object()) return js::Value();
    js::RootedValue rooted(rt.heap(), warning);
    js::Object& object = *warning.as_object();
    js::Value error_ctor(rt.intrinsic(js::Intrinsic::ErrorConstructor));
    if (!js::to_boolean(LOOPSIM_TRY(js::instance_of(rt, warning, error_ctor)))) return js::Value();
    js::Value name = LOOPSIM_TRY(object.get(rt, rt.common_key(js::CommonAtom::Name)));
    const bool is_deprecation =
        name.is_string() && name.as_string()->to_utf8() == "DeprecationWarning";
    std::string message = "(node:PID) ";
    js::Value code = LOOPSIM_TRY(object.get(rt, rt.key("code")));
    if (js::to_boolean(code))
        message += "[" + LOOPSIM_TRY(js::to_string(rt, code))->to_utf8() + "] ";
    js::Value to_string_fn = LOOPSIM_TRY(object.get(rt, rt.key("toString")));
    if (js::Runtime::is_callable(to_string_fn)) {
        js::Value text = LOOPSIM_TRY(rt.call(to_string_fn, rooted.get(), {}));
        message += LOOPSIM_TRY(js::to_string(rt, text))->to_utf8();
    } else {
        message += LOOPSIM_TRY(js::error_to_string(rt, object))->to_utf8();
    }
    js::Value detail = LOOPSIM_TRY(rooted.get().as_object()->get(rt, rt.key("detail")));
    if (detail.is_string()) message += "\n" + detail.as_string()->to_utf8();
    if (!host.bindings().warning_helper_shown) {
        message += std::string("\n(Use `node ") +
                   (is_deprecation ? "--trace-deprecation" : "--trace-warnings") +
                   " ...` to show where the warning was created)";
        host.bindings().warning_helper_shown = true;
    }
    message.push_back('\n');
    host.write(trace::Stream::Stderr, message);
    return js::Value();
}

// process.stdout.write / process.stderr.write(chunk[, encoding][, callback]): a string (in
// `encoding`, default utf8) or a Buffer, written synchronously as console.log writes; the
// callback runs with null in the stream's afterWrite tick. Returns true (never full).
template <trace::Stream stream>
js::Completion stream_write(js::Runtime& rt, js::NativeFunction&, js::Value,
                            std::span<const js::Value> args) {
    ScriptHost& host = ScriptHost::from(rt);
    const auto at = [&](size_t i) { return i < args.size() ? args[i] : js::Value(); };
    js::Value chunk = at(0);
    js::Value encoding = at(1);
    js::Value callback = at(2);
    if (js::Runtime::is_callable(encoding)) {
        callback = encoding;
        encoding = js::Value();
    }
    std::string bytes;
    if (chunk.is_string()) {
        Encoding as = Encoding::Utf8;
        if (!encoding.is_nullish()) {
            std::optional<Encoding> named = encoding.is_string()
                                                ? parse_encoding(encoding.as_string()->to_utf8())
                                                : std::nullopt;
            if (!named) return unknown_encoding(host, encoding);
            as = *named;
        }
        bytes = encode_string(*chunk.as_string(), as);
    } else if (is_buffer(host, chunk)) {
        bytes = buffer_bytes(*chunk.as_object());
    } else {
        return arg_type_error(host, "chunk", {"string", "Buffer", "TypedArray", "DataView"}, chunk);
    }
    host.write(stream, bytes, callback);
    return js::Value(true);
}

// process.stdout and process.stderr as a pipe's streams (what `node x.js | ...` and loopsim's
// recordings see): `fd`, `write`, no `isTTY`.
js::Object* make_stdio_stream(ScriptHost& host, js::Object& prototype, int fd) {
    js::Runtime& rt = host.runtime();
    js::Object* s = js::Object::create(rt, &prototype);
    s->put_direct(rt, rt.key("fd"), js::Value::number(fd), js::attr::Default);
    return s;
}

} // namespace

js::ThrowCompletionOr<void> emit_warning(ScriptHost& host, js::Value warning, std::string_view type,
                                         std::string_view code) {
    js::Runtime& rt = host.runtime();
    if (warning.is_string())
        warning = LOOPSIM_TRY(create_warning(host, warning.as_string()->to_utf8(), type, code));
    // process.nextTick(doEmitWarning, warning): the 'warning' event comes on the next tick.
    js::RootedValue rooted(rt.heap(), warning);
    host.env().queues().next_tick(Task{.call =
                                           [&host, rooted]() {
                                               js::Value args[] = {rooted.get()};
                                               if (host.emit_process_event)
                                                   host.emit_process_event("warning", args);
                                               return CallResult::Returned;
                                           },
                                       .label = host.env().label("doEmitWarning")});
    return {};
}

void install_process(ScriptHost& host) {
    js::Runtime& rt = host.runtime();
    // process's prototype has a constructor named "process" (what stack traces print for a
    // listener's receiver: "process.<anonymous>").
    js::Object* process_prototype = js::Object::create(rt, rt.object_prototype());
    js::Object* process_constructor =
        make_function(host, "process", 0,
                      [](js::Runtime& r, js::NativeFunction&, js::Value,
                         std::span<const js::Value>) -> js::Completion {
                          return r.throw_error(js::ErrorType::TypeError, "Illegal constructor");
                      });
    process_constructor->put_direct(rt, rt.common_key(js::CommonAtom::Prototype),
                                    js::Value(process_prototype), js::attr::None);
    process_prototype->put_direct(rt, rt.key("constructor"), js::Value(process_constructor),
                                  js::attr::Builtin);
    js::Object* process = js::Object::create(rt, process_prototype);
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
    js::Object* hrtime = make_function(host, "hrtime", 1, process_hrtime);
    define_method(host, *hrtime, "bigint", 0, process_hrtime_bigint);
    process->put_direct(rt, rt.key("hrtime"), js::Value(hrtime), js::attr::Builtin);
    define_method(host, *process, "cwd", 0, process_cwd);
    define_method(host, *process, "emitWarning", 4, process_emit_warning);
    define_method(host, *process, "uptime", 0, process_uptime);
    js::Object* memory_usage = make_function(host, "memoryUsage", 0, process_memory_usage);
    define_method(host, *memory_usage, "rss", 0, process_memory_usage_rss);
    process->put_direct(rt, rt.key("memoryUsage"), js::Value(memory_usage), js::attr::Builtin);
    process->put_accessor(rt, rt.key("exitCode"),
                          js::Value(make_function(host, "get exitCode", 0, get_exit_code)),
                          js::Value(make_function(host, "set exitCode", 1, set_exit_code)),
                          js::attr::Enumerable | js::attr::Configurable);
    js::Object* stdout_prototype = make_class(host, "WriteStream", nullptr);
    define_method(host, *stdout_prototype, "write", 1, stream_write<trace::Stream::Stdout>);
    js::Object* stderr_prototype = make_class(host, "WriteStream", nullptr);
    define_method(host, *stderr_prototype, "write", 1, stream_write<trace::Stream::Stderr>);
    process->put_direct(rt, rt.key("stdout"),
                        js::Value(make_stdio_stream(host, *stdout_prototype, 1)),
                        js::attr::Default);
    process->put_direct(rt, rt.key("stderr"),
                        js::Value(make_stdio_stream(host, *stderr_prototype, 2)),
                        js::attr::Default);
    js::Object* env = js::Object::create(rt, rt.object_prototype());
    for (const auto& [name, value] : host.process_env())
        env->put_direct(rt, rt.key(name), js::Value(rt.string(value)), js::attr::Default);
    process->put_direct(rt, rt.key("env"), js::Value(env), js::attr::Default);
    process->put_direct(rt, rt.key("platform"), js::Value(rt.string("linux")), js::attr::Default);
    process->put_direct(rt, rt.key("version"), js::Value(rt.string("v20.20.2")), js::attr::Default);
    process->put_direct(rt, rt.key("pid"), js::Value::number(4242), js::attr::Default);
    process->put_direct(rt, rt.key("ppid"), js::Value::number(4241), js::attr::Default);
    // node v20.20.2's process.release.
    js::Object* release = js::Object::create(rt, rt.object_prototype());
    const std::pair<std::string_view, std::string_view> release_fields[] = {
        {"name", "node"},
        {"lts", "Iron"},
        {"sourceUrl", "https://nodejs.org/download/release/v20.20.2/node-v20.20.2.tar.gz"},
        {"headersUrl",
         "https://nodejs.org/download/release/v20.20.2/node-v20.20.2-headers.tar.gz"}};
    for (const auto& [key, value] : release_fields)
        release->put_direct(rt, rt.key(key), js::Value(rt.string(value)), js::attr::Default);
    process->put_direct(rt, rt.key("release"), js::Value(release), js::attr::Default);
    process->put_direct(rt, rt.key("arch"), js::Value(rt.string("x64")), js::attr::Default);
    process->put_direct(rt, rt.key("title"), js::Value(rt.string("node")), js::attr::Default);
    // How node was started: `node FILE`, from Debian's nodejs package. argv itself is set
    // once the main script's path is known (set_process_argv).
    process->put_direct(rt, rt.key("argv0"), js::Value(rt.string("node")), js::attr::Default);
    process->put_direct(rt, rt.key("execPath"), js::Value(rt.string(k_exec_path)),
                        js::attr::Default);
    process->put_direct(rt, rt.key("execArgv"), js::Value(js::Array::create_from(rt, {})),
                        js::attr::Default);
    js::Object* versions = js::Object::create(rt, rt.object_prototype());
    versions->put_direct(rt, rt.key("node"), js::Value(rt.string("20.20.2")), js::attr::Default);
    versions->put_direct(rt, rt.key("uv"), js::Value(rt.string("1.46.0")), js::attr::Default);
    process->put_direct(rt, rt.key("versions"), js::Value(versions), js::attr::Default);
    host.interpreter().define_global("process", js::Value(process));
    auto no_warnings = host.process_env().find("NODE_NO_WARNINGS");
    if (no_warnings == host.process_env().end() || no_warnings->second != "1")
        host.bindings().process_listeners["warning"].push_back(
            {js::RootedValue(rt.heap(), js::Value(make_function(host, "onWarning", 1, on_warning))),
             false});

    host.emit_process_event = [&host](std::string_view event, std::span<const js::Value> args) {
        auto& all = host.bindings().process_listeners;
        auto it = all.find(std::string(event));
        if (it == all.end() || it->second.empty()) return false;
        // Call a snapshot: listeners added meanwhile wait for the next emit; once-listeners go
        // first.
        std::vector<js::RootedValue> snapshot;
        for (auto& l : it->second) snapshot.push_back(l.fn);
        std::erase_if(it->second, [](const BindingState::Listener& l) { return l.once; });
        js::Value process = host.interpreter().get_global("process");
        frames::Scope scope(host.env().frame_hooks(), frames::process_emit(snapshot.size()));
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

namespace {
// Puts a fact known only once the main script is (process.argv, process.mainModule).
void put_on_process(ScriptHost& host, std::string_view key, js::Value value) {
    js::Runtime& rt = host.runtime();
    js::Value process = host.interpreter().get_global("process");
    if (process.is_object())
        process.as_object()->put_direct(rt, rt.key(key), value, js::attr::Default);
}
} // namespace

void set_process_argv(ScriptHost& host, std::string_view main_path) {
    js::Runtime& rt = host.runtime();
    // Allocation never collects (docs/runtime.md): the strings need no roots.
    const js::Value parts[] = {js::Value(rt.string(k_exec_path)), js::Value(rt.string(main_path))};
    put_on_process(host, "argv", js::Value(js::Array::create_from(rt, parts)));
}

void set_process_main_module(ScriptHost& host, js::Object& module) {
    put_on_process(host, "mainModule", js::Value(&module));
}

} // namespace loopsim::node
