// One scenario from source to output: the process start, the main module, the loop, the
// exit, and what Node prints for an error that ends the process. See scenario_runner.h.
#include "model/node/scenario_runner.h"

#include "model/js/array.h"
#include "model/js/conversions.h"
#include "model/js/inspect.h"
#include "model/js/object.h"
#include "model/js/runtime.h"
#include "model/js/stack_trace.h"
#include "model/js/string.h"
#include "model/js/vm.h"
#include "model/node/bindings.h"
#include "model/node/environment.h"
#include "model/node/esm_main.h"
#include "model/node/node_io.h"
#include "model/node/script_host.h"
#include "model/node/tracer.h"
#include "sim/simulation.h"

#include <algorithm>
#include <charconv>

namespace loopsim::node {

namespace {

constexpr std::string_view k_node_footer = "\nNode.js v20.20.2\n";

// The main module's own properties, in the order Node's Module constructor and loader give
// them: id '.', path, exports, filename, loaded (true once the file's code has run),
// children, and the node_modules folders require() would search. `require.main` is the
// module, so `if (require.main === module)` runs a file's main code when node runs the file.
void fill_main_module(js::Runtime& rt, js::Object& module, js::Object& exports, js::Object& require,
                      const std::string& path, const std::string& dirname) {
    std::vector<js::Value> search;
    for (std::string dir = dirname; !dir.empty(); dir = dir.substr(0, dir.rfind('/'))) {
        const std::string_view last = std::string_view(dir).substr(dir.rfind('/') + 1);
        if (last != "node_modules") search.push_back(js::Value(rt.string(dir + "/node_modules")));
    }
    search.push_back(js::Value(rt.string("/node_modules")));
    // Nothing here reaches a safepoint, so the new strings need no roots (docs/runtime.md).
    const auto put = [&](std::string_view key, js::Value value) {
        module.put_direct(rt, rt.key(key), value, js::attr::Default);
    };
    put("id", js::Value(rt.string(".")));
    put("path", js::Value(rt.string(dirname.empty() ? std::string("/") : dirname)));
    put("exports", js::Value(&exports));
    put("filename", js::Value(rt.string(path)));
    put("loaded", js::Value(false));
    put("children", js::Value(js::Array::create_from(rt, {})));
    put("paths", js::Value(js::Array::create_from(rt, search)));
    require.put_direct(rt, rt.key("main"), js::Value(&module), js::attr::Default);
}

// "file:line:col" of the first stack frame that names the scenario file, or nothing.
std::optional<std::pair<uint32_t, uint32_t>> first_frame_position(std::string_view stack,
                                                                  std::string_view path) {
    const std::string needle = std::string(path) + ":";
    size_t at = stack.find(needle);
    if (at == std::string_view::npos) return std::nullopt;
    std::string_view rest = stack.substr(at + needle.size());
    uint32_t line = 0, col = 0;
    auto r1 = std::from_chars(rest.data(), rest.data() + rest.size(), line);
    if (r1.ec != std::errc() || r1.ptr == rest.data() + rest.size() || *r1.ptr != ':')
        return std::nullopt;
    auto r2 = std::from_chars(r1.ptr + 1, rest.data() + rest.size(), col);
    if (r2.ec != std::errc()) return std::nullopt;
    return std::make_pair(line, col);
}

std::string source_line(std::string_view source, uint32_t line) {
    size_t start = 0;
    for (uint32_t l = 1; l < line && start != std::string_view::npos; ++l) {
        start = source.find('\n', start);
        if (start != std::string_view::npos) ++start;
    }
    if (start == std::string_view::npos || start > source.size()) return {};
    size_t end = source.find('\n', start);
    return std::string(
        source.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
}

// "file:line\nsource line\n   ^\n": where the exception was thrown, as Node prints it above
// the error (the caret under the throw site's column).
std::string site_header(const std::string& file, uint32_t line, const std::string& source_line,
                        uint32_t column) {
    return file + ":" + std::to_string(line) + "\n" + source_line + "\n" +
           std::string(column > 0 ? column - 1 : 0, ' ') + "^\n";
}

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

// identicalSequenceRange (lib/internal/util/inspect.js): the first run of more than three
// lines of `a` that also appear in a row in `b`.
std::pair<size_t, size_t> identical_sequence_range(const std::vector<std::string>& a,
                                                   const std::vector<std::string>& b) {
    for (size_t i = 0; i + 3 < a.size(); ++i) {
        auto found = std::find(b.begin(), b.end(), a[i]);
        if (found == b.end()) continue;
        const size_t pos = static_cast<size_t>(found - b.begin());
        const size_t rest = b.size() - pos;
        if (rest <= 3) continue;
        size_t len = 1;
        const size_t max_len = std::min(a.size() - i, rest);
        while (max_len > len && a[i + len] == b[pos + len]) ++len;
        if (len > 3) return {len, i};
    }
    return {0, 0};
}

// An unhandled 'error' event: Node appends where emit was called to the error's stack
// before printing it (enhanceStackTrace in lib/events.js), folding the frames both share.
void enhance_unhandled_error_event(ScriptHost& host, js::Value error) {
    auto& internals = host.bindings().internals;
    auto site_it = internals.find("events.unhandledErrorSite");
    auto stack_it = internals.find("events.unhandledErrorSite.stack");
    if (site_it == internals.end() || stack_it == internals.end() ||
        !site_it->second.get().is_object() || !stack_it->second.get().is_cell())
        return;
    js::Runtime& rt = host.runtime();
    js::Object& site = *site_it->second.get().as_object();
    js::Completion site_error = site.get(rt, rt.key("error"));
    js::Completion emitter = site.get(rt, rt.key("emitter"));
    if (site_error.is_throw() || emitter.is_throw() || site_error.value().bits() != error.bits())
        return;
    js::Completion stack = error.as_object()->get(rt, rt.common_key(js::CommonAtom::Stack));
    if (stack.is_throw() || !stack.value().is_string()) return;
    const std::string err_stack = stack.value().as_string()->to_utf8();
    std::string ctor = js::receiver_type_name(rt, emitter.value());
    std::string separator = "\nEmitted 'error' event" +
                            (ctor != "EventEmitter" ? " on " + ctor + " instance" : "") + " at:\n";
    std::vector<std::string> err_lines = split_lines(err_stack);
    err_lines.erase(err_lines.begin());
    std::vector<std::string> own =
        split_lines(host.interpreter().vm().format_stack(*stack_it->second.get().as_cell()));
    auto [len, offset] = identical_sequence_range(own, err_lines);
    if (len > 0) {
        own.erase(own.begin() + static_cast<std::ptrdiff_t>(offset + 1),
                  own.begin() + static_cast<std::ptrdiff_t>(offset + 1 + (len - 2)));
        own.insert(own.begin() + static_cast<std::ptrdiff_t>(offset + 1),
                   "    [... lines matching original stack trace ...]");
    }
    std::string text = err_stack + separator;
    for (size_t i = 0; i < own.size(); ++i) text += (i ? "\n" : "") + own[i];
    js::RootedValue value(rt.heap(), js::Value(rt.string(text)));
    (void)error.as_object()->define_own_property(
        rt, rt.common_key(js::CommonAtom::Stack),
        js::PropertyDescriptor::data(value.get(), js::attr::Writable | js::attr::Configurable));
}

// What Node prints for an exception that ends the process (TriggerUncaughtException): the
// throw site with a caret; then an Error as util.inspect shows it (its stack and own
// properties), a primitive as its string with a hint about --trace-uncaught, any other object
// inspected; and the version footer. A rejection has no throw site: the header comes from
// the first frame of its stack that names the scenario.
// `main_name`: the main module as node names it (its path, or its file:// URL for an ES module).
std::string format_fatal_exception(ScriptHost& host, const ScenarioOptions& options,
                                   const std::string& main_name, js::Value error) {
    js::Runtime& rt = host.runtime();
    std::string header;
    if (const auto& site = host.pending_throw_site()) {
        header = site_header(site->file, site->line, site->source_line, site->column);
    }
    bool is_error = false;
    std::string stack;
    if (error.is_object()) enhance_unhandled_error_event(host, error);
    if (error.is_object()) {
        js::Object& object = *error.as_object();
        is_error = object.has_own_property(rt.common_key(js::CommonAtom::Stack));
        if (is_error) {
            js::Completion s = object.get(rt, rt.common_key(js::CommonAtom::Stack));
            if (!s.is_throw() && s.value().is_string()) stack = s.value().as_string()->to_utf8();
        }
    }
    if (header.empty() && !stack.empty()) {
        if (auto pos = first_frame_position(stack, main_name))
            header = site_header(main_name, pos->first, source_line(options.source, pos->first),
                                 pos->second);
    }
    if (is_error)
        return header + (header.empty() ? "" : "\n") + js::inspect(rt, error) + "\n" +
               std::string(k_node_footer);
    std::string prefix = header.empty() ? "Uncaught " : "\n" + header;
    if (!error.is_object()) {
        auto text = error.is_symbol()
                        ? js::ThrowCompletionOr<js::String*>(js::ThrowCompletion{js::Value()})
                        : js::to_string(rt, error);
        std::string shown = text.is_throw() ? js::inspect(rt, error) : text.value()->to_utf8();
        if (header.empty())
            return "Uncaught " + js::inspect(rt, error) + "\n" + std::string(k_node_footer);
        return prefix + shown +
               "\n(Use `node --trace-uncaught ...` to show where the exception was thrown)\n" +
               std::string(k_node_footer);
    }
    return prefix + js::inspect(rt, error) + "\n" + std::string(k_node_footer);
}

} // namespace

ScenarioResult run_scenario(const ScenarioOptions& options) {
    sim::SimulationOptions sim_options;
    sim_options.budgets = options.budgets;
    sim_options.seed = options.seed;
    sim_options.choices = options.choices;
    sim::Simulation sim(sim_options);
    // Destroyed last: the Environment's queues hold values rooted in its heap.
    js::HeapOptions heap_options;
    heap_options.collect_at_every_safepoint = options.collect_at_every_safepoint;
    js::Runtime runtime(heap_options);
    EnvironmentOptions env_options;
    env_options.uv_profile = options.profile;
    // Real clocks are not aligned to milliseconds: whether a timer is due at a given timers
    // phase depends on how close the clock was to its next tick when the timer was set (the
    // setTimeout(0) vs setImmediate races). A choice point at every timer's start (uv::Loop),
    // only when something explores: a default run takes option 0 everywhere anyway.
    env_options.choose_clock_ticks = options.choices.mode != sim::ChoiceMode::Default;
    env_options.choose_warmup_speed = options.choices.mode != sim::ChoiceMode::Default;
    env_options.choose_date_phase = options.choices.mode != sim::ChoiceMode::Default;
    ScriptHost* script_host =
        nullptr; // the pool reads process.env as the script left it (probe tp05)
    env_options.thread_pool.size_source = [&options, &script_host]() -> std::optional<std::string> {
        if (script_host) return process_env_value(*script_host, "UV_THREADPOOL_SIZE");
        auto it = options.env.find("UV_THREADPOOL_SIZE");
        if (it == options.env.end()) return std::nullopt;
        return it->second;
    };
    env_options.thread_pool.wake_latency = options.latency.nominal(io::LatencyKind::PoolWake);
    // Racing pool jobs are choice points only when something explores them: in a default run
    // they would be thousands of points that all answer 0.
    env_options.thread_pool.race_completions = options.choices.mode != sim::ChoiceMode::Default;
    Environment env(sim, env_options);

    std::optional<trace::TraceRecorder> recorder;
    std::optional<Tracer> tracer;
    if (options.record_trace) {
        trace::TraceHeader header;
        header.scenario_path = options.path;
        header.scenario_source = options.source;
        header.seed = options.seed;
        header.profile = options.profile_name;
        recorder.emplace(std::move(header));
        tracer.emplace(env, *recorder);
        env.set_tracer(&*tracer);
    }

    ScriptHost host(env, runtime, options.env);
    script_host = &host;
    set_process_argv(host, options.path);
    std::unique_ptr<NodeIo> io = attach_io(host, options); // the VFS and the OS (docs/io.md)
    ScenarioResult result;
    // A .mjs main is an ES module (docs/node-model.md, "An ES module main").
    std::optional<EsModuleMain> esm;
    if (options.path.ends_with(".mjs")) esm.emplace(host, options.path, options.source);
    env.set_hooks(ProcessHooks{
        [&host, in_handler = false](ExceptionOrigin origin) mutable {
            if (in_handler) { // the 'uncaughtException' handler itself threw: fatal, code 7
                host.env().set_fatal_exit_code(7);
                return false;
            }
            auto& listeners = host.bindings().process_listeners["uncaughtException"];
            if (listeners.empty()) return false;
            js::Runtime& rt = host.runtime();
            js::Value args[] = {host.pending_exception(),
                                js::Value(rt.string(origin == ExceptionOrigin::UnhandledRejection
                                                        ? "unhandledRejection"
                                                        : "uncaughtException"))};
            in_handler = true;
            frames::Scope unwound(host.env().frame_hooks(), frames::k_unwound);
            frames::Scope scope(host.env().frame_hooks(), frames::k_fatal_exception);
            host.emit_process_event("uncaughtException", args);
            in_handler = false;
            return true;
        },
        [&host](int code) {
            js::Value args[] = {js::Value::number(code)};
            host.emit_process_event("beforeExit", args);
            return CallResult::Returned;
        },
        [&host, &esm](int code) {
            // An ES main whose top-level await never settled: handleProcessExit runs first.
            if (esm && esm->is_pending() && !host.env().exit_code)
                host.env().exit_code = k_unsettled_top_level_await_exit_code;
            js::Value args[] = {js::Value::number(code)};
            host.emit_process_event("exit", args);
            return CallResult::Returned;
        }});

    // The main module, compiled before anything runs: an ES module (with its imports checked)
    // or a CommonJS script.
    std::optional<js::CompiledScript> compiled;
    std::string load_error;
    if (esm) {
        if (sim::Result<void> loaded = esm->load(); !loaded) load_error = loaded.error().message;
    } else {
        js::syntax::SourceFile source(options.path, options.source);
        sim::Result<js::CompiledScript> script = host.interpreter().compile_module(source);
        if (script)
            compiled.emplace(std::move(script).value());
        else
            load_error = script.error().message;
    }
    if (!load_error.empty()) {
        result.stderr_text = load_error;
        if (!result.stderr_text.ends_with('\n')) result.stderr_text.push_back('\n');
        result.exit_code = 1;
        result.choices = sim.chooser().log();
        return result;
    }

    js::Runtime& rt = host.runtime();
    const std::string dirname = options.path.substr(
        0, options.path.rfind('/') == std::string::npos ? 0 : options.path.rfind('/'));
    Task main{.call =
                  [&]() {
                      js::Object* module = js::Object::create(rt, rt.object_prototype());
                      js::Root<js::Object> module_root(rt.heap(), module);
                      js::Object* exports = js::Object::create(rt, rt.object_prototype());
                      js::Root<js::Object> exports_root(rt.heap(), exports);
                      js::RootedValue require(rt.heap(), make_require(host));
                      fill_main_module(rt, *module, *exports, *require.get().as_object(),
                                       options.path, dirname);
                      set_process_main_module(host, *module);
                      frames::Scope scope(env.frame_hooks(), frames::k_main_module);
                      js::Completion c = host.interpreter().run_commonjs(
                          *compiled, *exports, require.get(), *module, options.path, dirname);
                      if (c.is_throw()) {
                          host.set_pending_exception(c.thrown_value());
                          return CallResult::Threw;
                      }
                      module->put_direct(rt, rt.key("loaded"), js::Value(true), js::attr::Default);
                      return CallResult::Returned;
                  },
              .label = env.label("main script")};
    ProcessResult process = env.run(esm ? esm->main_task() : std::move(main));

    result.stdout_text = host.stdout_text();
    result.stderr_text = host.stderr_text();
    result.exit_code = process.exit_code;
    switch (process.how) {
    case ProcessResult::How::UncaughtError:
        result.stderr_text += format_fatal_exception(host, options, esm ? esm->url() : options.path,
                                                     host.pending_exception());
        break;
    case ProcessResult::How::Halted: {
        const auto& halt = sim.halt_outcome();
        result.stderr_text +=
            "loopsim: the run stopped: " + (halt ? sim::describe(*halt) : std::string("halted")) +
            "\n";
        result.exit_code = 1;
        break;
    }
    case ProcessResult::How::WaitsForever: {
        std::string handles;
        for (const std::string& h : env.loop().live_handle_labels())
            handles += (handles.empty() ? "" : ", ") + h;
        result.stderr_text += "loopsim: the event loop would wait forever: nothing can wake it, "
                              "but it is kept alive by: " +
                              handles + "\n";
        break;
    }
    default:
        break;
    }
    if (tracer) {
        tracer->finish(process);
        result.trace = recorder->take();
    }
    result.choices = sim.chooser().log();
    if (options.on_result) options.on_result(result);
    return result;
}

} // namespace loopsim::node
