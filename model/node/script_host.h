#pragma once
// ScriptHost: the Node model as the interpreter's host (js::Host), and the JavaScript side
// of one Node process: the runtime, the interpreter, the globals Node installs (console,
// timers, process, queueMicrotask, require), and the bookkeeping Node keeps about
// exceptions and promise rejections.
//
// - Promise jobs go to the Environment's microtask queue as Tasks that keep their job
//   rooted until it runs.
// - The interpreter's cost reports advance the simulation clock (main-thread work).
// - A Task that throws leaves its exception here (pending_exception) for the uncaught-
//   exception path, which emits 'uncaughtException' or prints the error as Node does.
// - Rejections: HostPromiseRejectionTracker calls fill Node's pendingUnhandledRejections
//   list (insertion ordered); process_rejections() judges them at the end of a drain with
//   Node 20's default mode ('throw').
#include "model/js/heap.h"
#include "model/js/host.h"
#include "model/js/interpreter.h"
#include "model/js/runtime.h"
#include "model/js/vm.h"
#include "model/node/environment.h"
#include "traces/trace_event.h"

#include <array>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace loopsim::node {

struct BindingState;

class ScriptHost final : public js::Host {
public:
    // `runtime` must outlive the Environment: tasks waiting in its queues keep values rooted
    // in the runtime's heap until the Environment is destroyed.
    ScriptHost(Environment& env, js::Runtime& runtime,
               std::map<std::string, std::string> process_env);
    ~ScriptHost();
    ScriptHost(const ScriptHost&) = delete;
    ScriptHost& operator=(const ScriptHost&) = delete;

    static ScriptHost& from(js::Runtime& runtime) {
        return *static_cast<ScriptHost*>(runtime.host());
    }

    Environment& env() { return m_env; }
    js::Runtime& runtime() { return *m_runtime; }
    js::Interpreter& interpreter() { return *m_interpreter; }

    // js::Host
    void enqueue_job(js::Job& job) override;
    void promise_rejection_tracker(js::Object& promise, js::RejectionOperation operation) override;
    void charge(int64_t nanoseconds) override;
    double now_ms() override;
    // Date.now() at virtual time zero (before the wall clock's phase is chosen).
    static double epoch_ms();
    double performance_now_ms() override;
    std::optional<std::string> error_stack_header(js::Runtime& runtime, js::Object& error) override;

    // A Task that calls a JS function with `this` and arguments, all kept rooted.
    Task make_task(trace::StringId label, js::Value fn, js::Value this_value,
                   std::vector<js::Value> args);
    // The Task of process.nextTick(fn, ...args), for the tick queue: its call holds fn (and
    // the arguments, in one vector) unrooted; the host roots them while the tick is queued.
    Task make_tick_task(trace::StringId label, js::Value fn, std::vector<js::Value> args);
    // Calls a JS function now; a throw is kept as the pending exception.
    CallResult call(js::Value fn, js::Value this_value, std::span<const js::Value> args);
    js::Value pending_exception() const { return m_pending_exception.get(); }
    // A thrown exception: keeps where it was thrown (the header of Node's fatal report).
    void set_pending_exception(js::Value value);
    // A rejection reason becoming an uncaught exception: Node reports it from its stack.
    void set_pending_rejection(js::Value reason);
    // isErrorLike: an object with an own `stack` (Node throws anything else wrapped).
    bool is_error_like(js::Value value) const;
    // Node's UnhandledPromiseRejection error (code ERR_UNHANDLED_REJECTION) for `reason`.
    js::Value make_unhandled_rejection_error(js::Value reason);
    // Where the pending exception was thrown, when it was thrown (not a rejection).
    const std::optional<js::VM::ThrowSite>& pending_throw_site() const { return m_pending_site; }

    // What process.exit() returns to the interpreter after the process has ended: a throw
    // completion that unwinds the running JavaScript (nothing after it runs).
    js::ThrowCompletion terminate();

    // Output, as the process wrote it. Nothing is written once the process has ended.
    // `callback` (process.stdout.write's) runs with null in the stream's afterWrite tick.
    void write(trace::Stream stream, std::string_view text, js::Value callback = js::Value());
    const std::string& stdout_text() const { return m_stdout; }
    const std::string& stderr_text() const { return m_stderr; }

    // A function's label ("name", or the first line of its source) as a Task's label
    // (Environment::label): kNoString without a trace, and then the function is not
    // described at all.
    trace::StringId function_label(js::Value fn);

    const std::map<std::string, std::string>& process_env() const { return m_process_env; }
    BindingState& bindings() { return *m_bindings; }

    // Registered by the globals: emits a process event; true if a listener existed.
    std::function<bool(std::string_view event, std::span<const js::Value> args)> emit_process_event;

    // Node's processPromiseRejections; true if another drain round is needed.
    bool process_rejections();
    bool has_pending_rejections() const {
        return !m_pending_rejections.empty() || !m_async_handled.empty();
    }

private:
    // Promise jobs and ticks waiting in the microtask and tick queues: their tasks' calls
    // hold the values themselves (the job cell; a tick's callback and arguments), unrooted,
    // and this root source hands them to the collector from the queues
    // (TaskQueues::for_each_queued).
    struct QueuedRoots final : js::RootSource {
        explicit QueuedRoots(ScriptHost& host) : host(host) {}
        ScriptHost& host;
        void visit_roots(js::Visitor& visitor) override;
    };

    struct RejectionInfo {
        js::RootedValue promise;
        js::RootedValue reason;
        bool warned = false;
        uint64_t uid = 0; // Node's rejection id (lastPromiseId)
    };

    Environment& m_env;
    std::map<std::string, std::string> m_process_env;
    js::Runtime* m_runtime;
    std::unique_ptr<js::Interpreter> m_interpreter;
    js::RootedValue m_pending_exception;
    std::optional<js::VM::ThrowSite> m_pending_site;
    // A queued afterWrite tick (Node's Writable afterWriteTickInfo): the callback of the
    // writes it completes (empty: console's no-op) and how many writes joined it.
    struct AfterWrite {
        js::RootedValue callback;
        uint32_t count = 1;
    };
    std::shared_ptr<AfterWrite> m_after_write[2]; // stdout, stderr: the one writes may join
    bool m_stream_opened[2] = {false, false};     // stdout, stderr: made by a first write
    std::string m_stdout;
    std::string m_stderr;
    // Labels of anonymous functions by the source text they fold (a pure function of that
    // text, which lives as long as the run): a callback made a million times is folded once.
    struct SourceLabel {
        const char* data = nullptr;
        size_t size = 0;
        std::string label;
        trace::StringId id = trace::kNoString; // the label's id in the trace, once interned
    };
    std::array<SourceLabel, 64> m_source_labels;
    SourceLabel& source_label_slot(const char* source) {
        return m_source_labels[(reinterpret_cast<uintptr_t>(source) >> 3) % m_source_labels.size()];
    }
    // Labels of named functions by their name string, valid until the heap next collects
    // (a string is immutable, and its address is reused only once it has been freed).
    struct NameLabel {
        const js::String* name = nullptr;
        uint64_t collections = 0;
        std::string label;
        trace::StringId id = trace::kNoString; // the label's id in the trace, once interned
    };
    std::array<NameLabel, 64> m_name_labels;
    NameLabel& name_label_slot(const js::String* name) {
        return m_name_labels[(reinterpret_cast<uintptr_t>(name) >> 4) % m_name_labels.size()];
    }
    // A function's label, and where its cache keeps the label's trace id (null: not cached).
    // The label stays valid until the next call.
    struct Described {
        std::string_view label;
        trace::StringId* id = nullptr;
    };
    Described describe(js::Value fn);
    // The interned label describe() has cached for `fn`, found without its slow paths;
    // kNoString when there is none yet.
    trace::StringId cached_label(js::Value fn);
    static trace::StringId intern_label(Tracer& tracer, const Described& described);
    // pendingUnhandledRejections, in rejection order; handled ones are removed.
    std::vector<std::unique_ptr<RejectionInfo>> m_pending_rejections;
    // Rejections reported to 'unhandledRejection' and still without a handler; a handler
    // attached later moves one to m_async_handled, for 'rejectionHandled'.
    std::vector<std::unique_ptr<RejectionInfo>> m_warned_rejections;
    std::vector<std::unique_ptr<RejectionInfo>> m_async_handled;
    uint64_t m_last_promise_id = 0;
    QueuedRoots m_queued{*this};
    // The last job kind labelled without a callback name, with its id in the trace.
    struct KindLabel {
        const Tracer* tracer = nullptr;
        std::string_view kind; // a job kind's static name
        trace::StringId id = 0;
    };
    KindLabel m_kind_label;
    std::unique_ptr<BindingState> m_bindings;
};

} // namespace loopsim::node
