// The Node model as the interpreter's host. See script_host.h.
#include "model/node/script_host.h"

#include "model/js/function.h"
#include "model/js/object.h"
#include "model/js/promise.h"
#include "model/js/string.h"
#include "model/js/vm.h"
#include "model/node/bindings.h"
#include "model/node/tracer.h"
#include "sim/simulation.h"

#include <cmath>

namespace loopsim::node {

namespace {
// Date.now() at virtual time zero: 2026-01-01T00:00:00Z. Fixed, so runs are reproducible.
constexpr double k_epoch_ms = 1767225600000.0;
} // namespace

ScriptHost::ScriptHost(Environment& env, js::Runtime& runtime, std::map<std::string, std::string> process_env)
    : m_env(env), m_process_env(std::move(process_env)), m_runtime(&runtime),
      m_pending_exception(m_runtime->heap()) {
    m_interpreter = std::make_unique<js::Interpreter>(*m_runtime, *this);
    m_bindings = std::make_unique<BindingState>(m_runtime->heap());
    m_env.queues().set_rejection_hooks([this] { return has_pending_rejections(); },
                                       [this] { return process_rejections(); });
    install_console(*this);
    install_timers(*this);
    install_process(*this);
}

ScriptHost::~ScriptHost() {
    m_pending_rejections.clear();
    m_bindings.reset();
}

void ScriptHost::enqueue_job(js::Job& job) {
    js::RootedValue root(m_runtime->heap(), js::Value(&job));
    std::string label(job.kind_name());
    if (js::Value callee = job.callee(); callee.is_object()) {
        std::string name = describe_function(callee);
        if (!name.empty()) label = name;
    }
    m_env.queues().enqueue_microtask(Task{std::move(label), [this, root]() {
                                              auto* job = static_cast<js::Job*>(root.get().as_cell());
                                              js::Completion result = job->run(*m_runtime);
                                              if (result.is_throw()) {
                                                  m_pending_exception.set(result.thrown_value());
                                                  return CallResult::Threw;
                                              }
                                              return CallResult::Returned;
                                          },
                                          0});
}

void ScriptHost::promise_rejection_tracker(js::Object& promise, js::RejectionOperation operation) {
    if (operation == js::RejectionOperation::Reject) {
        auto info = std::make_unique<RejectionInfo>(RejectionInfo{js::RootedValue(m_runtime->heap(), js::Value(&promise)),
                                                                  js::RootedValue(m_runtime->heap()), false});
        // The reason is read when the rejection is judged (the promise holds it).
        m_pending_rejections.push_back(std::move(info));
        return;
    }
    // Handle: a handler was attached; a rejection not yet judged is forgotten silently.
    for (auto it = m_pending_rejections.begin(); it != m_pending_rejections.end(); ++it) {
        if ((*it)->promise.get().as_cell() == &promise) {
            m_pending_rejections.erase(it);
            return;
        }
    }
}

bool ScriptHost::process_rejections() {
    // processPromiseRejections, default mode 'throw': 'unhandledRejection' first; if no
    // listener took it, it becomes an uncaught exception (origin 'unhandledRejection').
    bool more = false;
    size_t count = m_pending_rejections.size();
    while (count-- > 0 && !m_pending_rejections.empty() && m_env.can_call_into_js()) {
        std::unique_ptr<RejectionInfo> info = std::move(m_pending_rejections.front());
        m_pending_rejections.erase(m_pending_rejections.begin());
        js::Object& promise = *info->promise.get().as_object();
        js::Value reason = js::promise_result(promise);
        js::Value args[] = {reason, js::Value(&promise)};
        const bool handled = emit_process_event && emit_process_event("unhandledRejection", args);
        if (!handled) {
            m_pending_exception.set(reason);
            m_env.report_uncaught(ExceptionOrigin::UnhandledRejection);
        }
        more = true;
    }
    return more || !m_pending_rejections.empty();
}

void ScriptHost::charge(int64_t nanoseconds) {
    if (nanoseconds > 0) m_env.simulation().advance(sim::SimTime::ns(nanoseconds));
}

double ScriptHost::now_ms() {
    const int64_t ns = (m_env.simulation().now()).count_ns();
    return k_epoch_ms + std::floor(static_cast<double>(ns) / 1e6);
}

double ScriptHost::performance_now_ms() {
    return static_cast<double>(m_env.simulation().now().count_ns()) / 1e6;
}

Task ScriptHost::make_task(std::string label, js::Value fn, js::Value this_value, std::vector<js::Value> args) {
    js::Heap& heap = m_runtime->heap();
    std::vector<js::RootedValue> rooted;
    rooted.reserve(args.size() + 2);
    rooted.emplace_back(heap, fn);
    rooted.emplace_back(heap, this_value);
    for (js::Value a : args) rooted.emplace_back(heap, a);
    return Task{std::move(label), [this, rooted]() {
                    std::vector<js::Value> call_args;
                    for (size_t i = 2; i < rooted.size(); ++i) call_args.push_back(rooted[i].get());
                    return call(rooted[0].get(), rooted[1].get(), call_args);
                },
                0};
}

CallResult ScriptHost::call(js::Value fn, js::Value this_value, std::span<const js::Value> args) {
    js::Completion result = m_interpreter->call(fn, this_value, args);
    if (result.is_throw()) {
        m_pending_exception.set(result.thrown_value());
        return CallResult::Threw;
    }
    return CallResult::Returned;
}

js::ThrowCompletion ScriptHost::terminate() {
    return js::ThrowCompletion{js::Value()};
}

void ScriptHost::write(trace::Stream stream, std::string_view text) {
    if (!m_env.can_call_into_js()) return;
    (stream == trace::Stream::Stderr ? m_stderr : m_stdout).append(text);
    if (Tracer* t = m_env.tracer()) t->console(stream, text);
}

std::string ScriptHost::describe_function(js::Value fn) {
    if (!fn.is_object()) return {};
    js::Completion name = fn.as_object()->get(*m_runtime, m_runtime->common_key(js::CommonAtom::Name));
    if (!name.is_throw() && name.value().is_string()) {
        std::string text = name.value().as_string()->to_utf8();
        if (!text.empty()) return text;
    }
    if (fn.as_cell()->kind() == js::CellKind::Closure) {
        // An anonymous function: its source with whitespace folded, cut at 60 characters
        // ("() => { console.log('tick') }").
        std::string_view source = m_interpreter->vm().source_text(*static_cast<js::Closure*>(fn.as_cell()));
        std::string folded;
        bool space = false;
        for (char c : source) {
            if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
                space = !folded.empty();
                continue;
            }
            if (space) folded.push_back(' ');
            space = false;
            folded.push_back(c);
            if (folded.size() > 60) return folded.substr(0, 57) + "...";
        }
        return folded;
    }
    return {};
}

} // namespace loopsim::node
