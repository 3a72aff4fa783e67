// The I/O side of a Node process. See node_io.h and docs/io.md.
#include "model/node/node_io.h"

#include "model/js/builtins/error_builtins.h"
#include "model/js/conversions.h"
#include "model/js/object.h"
#include "model/js/runtime.h"
#include "model/node/bindings.h"
#include "model/node/buffer.h"
#include "model/node/environment.h"
#include "model/node/scenario_runner.h"
#include "model/node/script_host.h"
#include "model/node/tracer.h"
#include "sim/simulation.h"

namespace loopsim::node {

namespace {

// Date.now() at virtual time zero (script_host.cpp uses the same epoch).
constexpr double k_epoch_ms = 1767225600000.0;
// Threads of a node 20 process before its thread pool starts (main, four V8 platform
// workers, the inspector's and the signal watchdog's): probe tp03 counts 7.
constexpr uint32_t k_threads_before_pool = 7;
constexpr int k_pid = 4242; // process.pid in loopsim

} // namespace

NodeIo::NodeIo(ScriptHost& host, NodeIoOptions options)
    : m_host(host), m_vfs(std::move(options.vfs)), m_latency(std::move(options.latency)),
      m_random([&] {
          uint64_t state = options.seed ^ 0x6C6F6F7073696D21ull; // a stream of its own
          return sim::splitmix64(state);
      }()),
      m_jitter(options.seed != 0) {
    host.bindings().io = this;
}

sim::SimTime NodeIo::sample(io::LatencyKind kind, uint64_t units) {
    return m_jitter ? m_latency.sample(kind, units, env().simulation().rng())
                    : m_latency.nominal(kind, units);
}

NodeIo::~NodeIo() {
    if (m_host.bindings().io == this) m_host.bindings().io = nullptr;
}

Environment& NodeIo::env() {
    return m_host.env();
}

int64_t NodeIo::now_ns() const {
    return m_host.env().simulation().now().count_ns();
}

double NodeIo::epoch_ms() {
    return k_epoch_ms;
}

// --- requests ---------------------------------------------------------------------------------

void NodeIo::submit(uv::WorkKind kind, io::LatencyKind latency, uint64_t units, std::string label,
                    std::function<void()> done) {
    uv::ThreadPool& pool = env().thread_pool();
    if (!pool.is_started()) {
        // init_threads: the main thread creates every worker and waits until all have started,
        // before the first request is queued (so no worker can take it meanwhile).
        pool.start();
        const int64_t cost = m_latency.nominal(io::LatencyKind::PoolStart, pool.size()).count_ns();
        if (Tracer* t = env().tracer(); t && cost > 0)
            t->note_paid_once("starting the thread pool: " + std::to_string(pool.size()) +
                                  (pool.size() == 1 ? " worker thread" : " worker threads") +
                                  ", which the main thread waits for",
                              cost);
        m_host.charge(cost);
    }
    const sim::SimTime duration = sample(latency, units);
    pool.submit(kind, std::move(label), duration, std::move(done));
}

void NodeIo::charge_call() {
    m_host.charge(m_latency.nominal(io::LatencyKind::MainCall).count_ns());
}

void NodeIo::charge_first_call(std::string_view api) {
    if (m_called.find(api) != m_called.end()) return;
    m_called.emplace(api);
    m_host.charge(m_latency.nominal(io::LatencyKind::MainFirstCall).count_ns());
}

void NodeIo::charge_sync(io::LatencyKind kind, uint64_t units) {
    m_host.charge(sample(kind, units).count_ns());
}

void NodeIo::charge_first_completion(std::string_view kind, std::string_view suffix) {
    if (m_completed.find(kind) != m_completed.end()) return;
    m_completed.emplace(kind);
    const int64_t cost = m_latency.nominal(io::LatencyKind::MainFirstCompletion).count_ns();
    if (Tracer* t = env().tracer(); t && cost > 0)
        t->note_paid_once("its first " + std::string(kind) + std::string(suffix) +
                              ": V8 compiles Node's code for it",
                          cost);
    m_host.charge(cost);
}

void NodeIo::between_steps(std::string_view step, const std::function<void()>& next) {
    Environment& e = env();
    if (!e.can_call_into_js()) return; // the process is ending: Node's callbacks no longer run
    charge_first_completion(step, {});
    m_host.charge(m_latency.nominal(io::LatencyKind::MainCompletion).count_ns());
    e.enter_scope();
    next();
    e.leave_scope(ScopeEnd::Normal);
}

// --- callbacks --------------------------------------------------------------------------------

std::shared_ptr<IoCallback> NodeIo::hold(js::Value fn, std::string what) {
    Environment& e = env();
    auto callback = std::make_shared<IoCallback>(
        IoCallback{e.new_async_id(), m_host.function_label(fn), std::move(what),
                   js::RootedValue(m_host.runtime().heap(), fn), e.simulation().now()});
    if (Tracer* t = e.tracer()) t->created(callback->id, trace::Queue::Poll, callback->label);
    return callback;
}

void NodeIo::call_back(IoCallback& callback, std::span<const js::Value> args) {
    Environment& e = env();
    if (!e.can_call_into_js()) return;
    // Node's completion for the call (its API: "fs.stat" of "fs.stat a.txt") runs first.
    const std::string_view what = callback.what;
    charge_first_completion(what.substr(0, what.find(' ')), " callback");
    std::vector<js::Value> copied(args.begin(), args.end());
    js::Value fn = callback.fn.get();
    Task task{.call = [this, fn, &copied]() { return m_host.call(fn, js::Value(), copied); },
              .id = callback.id,
              .label = callback.label};
    trace::Reason reason;
    if (Tracer* t = e.tracer()) {
        reason.code = trace::ReasonCode::IoCompleted;
        reason.str = t->recorder().intern(callback.what);
        reason.args = {(e.simulation().now() - callback.started).count_ns(), 0, 0};
    }
    e.enter_scope();
    const CallResult result = e.invoke(task, trace::Queue::Poll, reason);
    e.leave_scope(result == CallResult::Threw ? ScopeEnd::Failed : ScopeEnd::Normal);
}

void NodeIo::in_scope(const std::function<void()>& fn) {
    Environment& e = env();
    if (!e.can_call_into_js()) return;
    e.enter_scope();
    fn();
    e.leave_scope(ScopeEnd::Normal);
}

// --- errors -----------------------------------------------------------------------------------

js::Object* NodeIo::uv_error(io::Errno error, std::string_view syscall, std::string_view path,
                             std::string_view dest, const SyncFrames* frames) {
    js::Runtime& rt = m_host.runtime();
    // uvException (lib/internal/errors.js): "CODE: description, syscall 'path' -> 'dest'".
    std::string message = std::string(io::errno_code(error)) + ": " +
                          std::string(io::errno_description(error)) + ", " + std::string(syscall);
    if (!path.empty()) message += " '" + std::string(path) + "'";
    if (!dest.empty()) message += " -> '" + std::string(dest) + "'";
    js::Object* object = rt.make_error(js::ErrorType::Error, message);
    js::Root<js::Object> rooted(rt.heap(), object);
    object->put_direct(rt, rt.key("errno"), js::Value(io::errno_number(error)), js::attr::Default);
    object->put_direct(rt, rt.key("code"), js::Value(rt.string(io::errno_code(error))),
                       js::attr::Default);
    object->put_direct(rt, rt.key("syscall"), js::Value(rt.string(syscall)), js::attr::Default);
    if (!path.empty())
        object->put_direct(rt, rt.key("path"), js::Value(rt.string(path)), js::attr::Default);
    if (!dest.empty())
        object->put_direct(rt, rt.key("dest"), js::Value(rt.string(dest)), js::attr::Default);
    const js::PropertyKey stack_key = rt.key("stack");
    if (frames && !frames->internal.empty()) {
        // The frames of Node's own code that made the call (async stacks: "at async open").
        object->put_direct(
            rt, stack_key,
            js::Value(rt.string("Error: " + message + "\n" + std::string(frames->internal))),
            js::attr::Writable | js::attr::Configurable);
    } else if (frames) {
        // A synchronous call: the scenario's frames, as an Error made here would have.
        (void)js::install_error_stack(rt, *object);
    } else {
        // Made in a completion with no JavaScript on the stack: the message alone.
        object->put_direct(rt, stack_key, js::Value(rt.string("Error: " + message)),
                           js::attr::Writable | js::attr::Configurable);
    }
    return object;
}

// --- names ------------------------------------------------------------------------------------

std::string NodeIo::label_name(std::string_view path) {
    while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
    const size_t slash = path.rfind('/');
    std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
    return std::string(name.empty() ? path : name);
}

void NodeIo::refresh_proc(std::string_view resolved_path) {
    if (resolved_path.rfind("/proc", 0) != 0) return;
    uv::ThreadPool& pool = env().thread_pool();
    const uint32_t threads = k_threads_before_pool + (pool.is_started() ? pool.size() : 0);
    m_vfs.remove_tree("/proc/self/task");
    m_vfs.add_directory("/proc/self/task");
    for (uint32_t i = 0; i < threads; ++i)
        m_vfs.add_file("/proc/self/task/" + std::to_string(k_pid + static_cast<int>(i)) + "/comm",
                       "node\n");
}

js::Completion NodeIo::trampoline(js::Runtime& rt, js::NativeFunction& callee, js::Value self,
                                  std::span<const js::Value> args) {
    NodeIo* io = node_io(ScriptHost::from(rt));
    if (!io || !callee.data().is_int32())
        return rt.throw_error(js::ErrorType::Error, "this process has no OS model attached");
    const Registered& f = io->m_functions.at(static_cast<size_t>(callee.data().as_int32()));
    io->charge_first_call(f.api);
    return f.fn(rt, callee, self, args);
}

void define_io_functions(ScriptHost& host, js::Object& target, std::string_view module,
                         std::span<const IoFunction> functions) {
    NodeIo* io = node_io(host);
    js::Runtime& rt = host.runtime();
    for (const IoFunction& f : functions) {
        js::Object* fn;
        if (io) {
            io->m_functions.push_back(NodeIo::Registered{std::string(module) + "." + f.name, f.fn});
            fn = js::NativeFunction::create(
                rt, f.name, f.length, NodeIo::trampoline,
                js::Value(static_cast<int32_t>(io->m_functions.size() - 1)));
        } else {
            fn = make_function(host, f.name, f.length, f.fn);
        }
        target.put_direct(rt, rt.key(f.name), js::Value(fn), js::attr::Default);
    }
}

NodeIo* node_io(ScriptHost& host) {
    return host.bindings().io;
}

std::unique_ptr<NodeIo> attach_io(ScriptHost& host, const ScenarioOptions& options) {
    NodeIoOptions io_options;
    io_options.vfs.cwd = options.cwd;
    io_options.latency = options.latency;
    io_options.seed = options.seed;
    auto io = std::make_unique<NodeIo>(host, std::move(io_options));
    io::Vfs& vfs = io->vfs();
    vfs.add_directory("/tmp");
    vfs.add_directory(options.cwd);
    const size_t slash = options.path.rfind('/');
    const std::string dir =
        slash == std::string::npos || slash == 0 ? "/" : options.path.substr(0, slash);
    vfs.add_directory(dir);
    if (!options.path.empty()) vfs.add_file(options.path, options.source);
    for (const io::FileSpec& file : options.files)
        vfs.add_file(!file.name.empty() && file.name.front() == '/' ? file.name
                                                                    : dir + "/" + file.name,
                     file.contents);
    install_buffer(host);
    return io;
}

std::optional<std::string> process_env_value(ScriptHost& host, std::string_view name) {
    js::Runtime& rt = host.runtime();
    js::Value process = host.interpreter().get_global("process");
    if (!process.is_object()) return std::nullopt;
    js::Completion env = process.as_object()->get(rt, rt.key("env"));
    if (env.is_throw() || !env.value().is_object()) return std::nullopt;
    js::Completion value = env.value().as_object()->get(rt, rt.key(name));
    if (value.is_throw() || value.value().is_undefined()) return std::nullopt;
    js::ThrowCompletionOr<js::String*> text = js::to_string(rt, value.value());
    if (text.is_throw()) return std::nullopt;
    return text.value()->to_utf8();
}

} // namespace loopsim::node
