// One scenario from source to output: the process start, the main module, the loop, the
// exit, and what Node prints for an error that ends the process. See scenario_runner.h.
#include "model/node/scenario_runner.h"

#include "model/js/array.h"
#include "model/js/inspect.h"
#include "model/js/object.h"
#include "model/js/runtime.h"
#include "model/js/string.h"
#include "model/node/bindings.h"
#include "model/node/environment.h"
#include "model/node/script_host.h"
#include "model/node/tracer.h"
#include "sim/simulation.h"

#include <charconv>

namespace loopsim::node {

namespace {

constexpr std::string_view k_node_footer = "\nNode.js v20.20.2\n";

// "file:line:col" of the first stack frame that names the scenario file, or nothing.
std::optional<std::pair<uint32_t, uint32_t>> first_frame_position(std::string_view stack, std::string_view path) {
    const std::string needle = std::string(path) + ":";
    size_t at = stack.find(needle);
    if (at == std::string_view::npos) return std::nullopt;
    std::string_view rest = stack.substr(at + needle.size());
    uint32_t line = 0, col = 0;
    auto r1 = std::from_chars(rest.data(), rest.data() + rest.size(), line);
    if (r1.ec != std::errc() || r1.ptr == rest.data() + rest.size() || *r1.ptr != ':') return std::nullopt;
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
    return std::string(source.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
}

// What Node prints for an exception that ends the process: the source line where it was
// thrown with a caret, a blank line, the error's stack (or inspect of a non-error), and the
// version footer.
std::string format_fatal_exception(ScriptHost& host, const ScenarioOptions& options, js::Value error) {
    js::Runtime& rt = host.runtime();
    std::string body;
    std::string stack;
    if (error.is_object()) {
        js::Completion s = error.as_object()->get(rt, rt.key("stack"));
        if (!s.is_throw() && s.value().is_string()) stack = s.value().as_string()->to_utf8();
    }
    std::string header;
    if (auto pos = first_frame_position(stack, options.path)) {
        header = options.path + ":" + std::to_string(pos->first) + "\n" + source_line(options.source, pos->first) +
                 "\n" + std::string(pos->second > 0 ? pos->second - 1 : 0, ' ') + "^\n\n";
    }
    if (!stack.empty())
        body = stack;
    else
        body = "Uncaught " + js::inspect(rt, error);
    return header + body + "\n" + std::string(k_node_footer);
}

} // namespace

ScenarioResult run_scenario(const ScenarioOptions& options) {
    sim::SimulationOptions sim_options;
    sim_options.budgets = options.budgets;
    sim_options.seed = options.seed;
    sim::Simulation sim(sim_options);
    // Destroyed last: the Environment's queues hold values rooted in its heap.
    js::Runtime runtime;
    EnvironmentOptions env_options;
    env_options.uv_profile = options.profile;
    env_options.thread_pool.size_source = [&options]() -> std::optional<std::string> {
        auto it = options.env.find("UV_THREADPOOL_SIZE");
        if (it == options.env.end()) return std::nullopt;
        return it->second;
    };
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
    ScenarioResult result;
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
                                js::Value(rt.string(origin == ExceptionOrigin::UnhandledRejection ? "unhandledRejection"
                                                                                                  : "uncaughtException"))};
            in_handler = true;
            host.emit_process_event("uncaughtException", args);
            in_handler = false;
            return true;
        },
        [&host](int code) {
            js::Value args[] = {js::Value::number(code)};
            host.emit_process_event("beforeExit", args);
            return CallResult::Returned;
        },
        [&host](int code) {
            js::Value args[] = {js::Value::number(code)};
            host.emit_process_event("exit", args);
            return CallResult::Returned;
        }});

    js::syntax::SourceFile source(options.path, options.source);
    sim::Result<js::CompiledScript> compiled = host.interpreter().compile_module(source);
    if (!compiled) {
        result.stderr_text = compiled.error().message;
        if (!result.stderr_text.ends_with('\n')) result.stderr_text.push_back('\n');
        result.exit_code = 1;
        return result;
    }

    js::Runtime& rt = host.runtime();
    const std::string dirname = options.path.substr(0, options.path.rfind('/') == std::string::npos ? 0 : options.path.rfind('/'));
    Task main{"main script", [&]() {
                  js::Object* module = js::Object::create(rt, rt.object_prototype());
                  js::Root<js::Object> module_root(rt.heap(), module);
                  js::Object* exports = js::Object::create(rt, rt.object_prototype());
                  js::Root<js::Object> exports_root(rt.heap(), exports);
                  module->put_direct(rt, rt.key("exports"), js::Value(exports), js::attr::Default);
                  js::Completion c = host.interpreter().run_commonjs(compiled.value(), *exports, make_require(host),
                                                                     *module, options.path, dirname);
                  if (c.is_throw()) {
                      host.set_pending_exception(c.thrown_value());
                      return CallResult::Threw;
                  }
                  return CallResult::Returned;
              },
              0};
    ProcessResult process = env.run(std::move(main));

    result.stdout_text = host.stdout_text();
    result.stderr_text = host.stderr_text();
    result.exit_code = process.exit_code;
    switch (process.how) {
    case ProcessResult::How::UncaughtError:
        result.stderr_text += format_fatal_exception(host, options, host.pending_exception());
        break;
    case ProcessResult::How::Halted: {
        const auto& halt = sim.halt_outcome();
        result.stderr_text += "loopsim: the run stopped: " + (halt ? sim::describe(*halt) : std::string("halted")) + "\n";
        result.exit_code = 1;
        break;
    }
    case ProcessResult::How::WaitsForever: {
        std::string handles;
        for (const std::string& h : env.loop().live_handle_labels()) handles += (handles.empty() ? "" : ", ") + h;
        result.stderr_text += "loopsim: the event loop would wait forever: nothing can wake it, but it is kept alive by: " +
                              handles + "\n";
        break;
    }
    default: break;
    }
    if (tracer) {
        tracer->finish(process);
        result.trace = recorder->take();
    }
    return result;
}

} // namespace loopsim::node
