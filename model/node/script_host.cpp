// The Node model as the interpreter's host. See script_host.h.
#include "model/node/script_host.h"

#include "model/js/builtins/error_builtins.h"
#include "model/js/conversions.h"
#include "model/js/function.h"
#include "model/js/inspect.h"
#include "model/js/object.h"
#include "model/js/promise.h"
#include "model/js/stack_trace.h"
#include "model/js/string.h"
#include "model/js/vm.h"
#include "model/node/bindings.h"
#include "model/node/tracer.h"
#include "sim/simulation.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <iterator>
#include <string_view>

namespace loopsim::node {

namespace {
// Date.now() at virtual time zero: 2026-01-01T00:00:00Z. Fixed, so runs are reproducible.
constexpr double k_epoch_ms = 1767225600000.0;
// Creating process.stdout or process.stderr on first use (docs/node-model.md, "The first
// write to stdout or stderr").
constexpr int64_t k_stdio_stream_open_ns = 2'000'000;

// Node 20's globals that loopsim does not model (beside the standard built-ins, which the
// JS runtime knows), in ascending order: using one says so instead of a bare "is not defined".
constexpr std::string_view k_unmodelled_globals[] = {
    "Blob",
    "BroadcastChannel",
    "ByteLengthQueuingStrategy",
    "CompressionStream",
    "CountQueuingStrategy",
    "Crypto",
    "CryptoKey",
    "CustomEvent",
    "DecompressionStream",
    "File",
    "FormData",
    "Headers",
    "MessageChannel",
    "MessageEvent",
    "MessagePort",
    "Performance",
    "PerformanceEntry",
    "PerformanceMark",
    "PerformanceMeasure",
    "PerformanceObserver",
    "PerformanceObserverEntryList",
    "PerformanceResourceTiming",
    "ReadableByteStreamController",
    "ReadableStream",
    "ReadableStreamBYOBReader",
    "ReadableStreamBYOBRequest",
    "ReadableStreamDefaultController",
    "ReadableStreamDefaultReader",
    "Request",
    "Response",
    "SubtleCrypto",
    "TextDecoder",
    "TextDecoderStream",
    "TextEncoder",
    "TextEncoderStream",
    "TransformStream",
    "TransformStreamDefaultController",
    "URL",
    "URLSearchParams",
    "WritableStream",
    "WritableStreamDefaultController",
    "WritableStreamDefaultWriter",
    "atob",
    "btoa",
    "crypto",
    "fetch",
    "structuredClone",
};
static_assert(std::is_sorted(std::begin(k_unmodelled_globals), std::end(k_unmodelled_globals)),
              "binary search needs the names in order");

// The functions node has on process, console and the modules loopsim models
// (scripts/list-node-members.js writes the list).
constexpr js::Runtime::HostMember k_node_members[] = {
#define LOOPSIM_NODE_MEMBER(name, where) {name, where},
#include "model/node/node_members.def"
#undef LOOPSIM_NODE_MEMBER
};
static_assert(std::is_sorted(std::begin(k_node_members), std::end(k_node_members),
                             [](const js::Runtime::HostMember& a,
                                const js::Runtime::HostMember& b) { return a.name < b.name; }),
              "binary search needs the names in order");
} // namespace

ScriptHost::ScriptHost(Environment& env, js::Runtime& runtime,
                       std::map<std::string, std::string> process_env)
    : m_env(env), m_process_env(std::move(process_env)), m_runtime(&runtime),
      m_pending_exception(m_runtime->heap()) {
    m_interpreter = std::make_unique<js::Interpreter>(*m_runtime, *this);
    m_bindings = std::make_unique<BindingState>(m_runtime->heap());
    m_runtime->set_host_unmodelled_globals(k_unmodelled_globals, "docs/dialect.md");
    m_runtime->set_host_members(k_node_members);
    // `global` is the global object, Node's first own property of it (enumerable).
    m_interpreter->define_global("global", js::Value(&m_interpreter->global()), js::attr::Default);
    m_interpreter->global().put_direct(
        *m_runtime,
        js::PropertyKey::symbol(m_runtime->well_known_symbol(js::WellKnownSymbol::ToStringTag)),
        js::Value(m_runtime->string("global")), js::attr::Configurable);
    m_env.frame_hooks().context = this;
    m_env.frame_hooks().push = [](void* host, const frames::Lines* lines) {
        static_cast<ScriptHost*>(host)->m_interpreter->vm().push_host_frames(
            lines == &frames::k_unwound ? nullptr : lines);
    };
    m_env.frame_hooks().pop = [](void* host) {
        static_cast<ScriptHost*>(host)->m_interpreter->vm().pop_host_frames();
    };
    m_env.queues().set_rejection_hooks([this] { return has_pending_rejections(); },
                                       [this] { return process_rejections(); });
    m_runtime->heap().add_root_source(&m_queued);
    install_console(*this);
    install_timers(*this);
    install_process(*this);
    install_performance(*this);
    (void)inspect_function(*this);
    install_abort(*this);
}

ScriptHost::~ScriptHost() {
    m_env.frame_hooks() = {};
    m_pending_rejections.clear();
    m_bindings.reset();
    m_runtime->heap().remove_root_source(&m_queued);
}

// The calls of queued jobs and ticks: two words each, kept in place by TaskCall. Their values
// are rooted only while they wait in a queue (QueuedRoots); once taken off it, a call puts
// them on the interpreter's stack before anything can collect.
namespace {
struct JobCall {
    ScriptHost* host;
    js::Job* job;
    CallResult operator()() const {
        js::Root<js::Job> root(host->runtime().heap(), job); // alive while it runs
        js::Completion result = job->run(host->runtime());
        if (!result.is_throw()) return CallResult::Returned;
        host->set_pending_exception(result.thrown_value());
        return CallResult::Threw;
    }
    void visit_roots(js::Visitor& visitor) const { visitor.visit(job); }
};
struct TickCall {
    ScriptHost* host;
    js::Value fn;
    CallResult operator()() const { return host->call(fn, js::Value(), {}); }
    void visit_roots(js::Visitor& visitor) const { visitor.visit(fn); }
};
static_assert(TaskCall::keeps_in_place<JobCall>() && TaskCall::keeps_in_place<TickCall>(),
              "a queued job or tick moves by its bytes, with no allocation");
// A tick with arguments: the callback first, then its arguments.
struct TickCallWithArgs {
    ScriptHost* host;
    std::unique_ptr<std::vector<js::Value>> values;
    CallResult operator()() const {
        const std::span<const js::Value> all(*values);
        return host->call(all[0], js::Value(), all.subspan(1));
    }
    void visit_roots(js::Visitor& visitor) const {
        for (js::Value v : *values) visitor.visit(v);
    }
};
} // namespace

void ScriptHost::QueuedRoots::visit_roots(js::Visitor& visitor) {
    host.m_env.queues().for_each_queued([&](const Task& task) {
        task.call.visit(visitor);
        visitor.drain_if_long();
    });
}

Task ScriptHost::make_tick_task(trace::StringId label, js::Value fn, std::vector<js::Value> args) {
    if (args.empty()) return Task{.call = TickCall{this, fn}, .label = label};
    args.insert(args.begin(), fn);
    return Task{
        .call = TickCallWithArgs{this, std::make_unique<std::vector<js::Value>>(std::move(args))},
        .label = label};
}

// Most callbacks: a closure with its initial shape whose label describe() has already cached
// and interned. The same lookups as describe's, without its slow paths (a [[Get]] of `name`,
// folding source text), which made every call save and restore registers.
inline trace::StringId ScriptHost::cached_label(js::Value fn) {
    if (!fn.is_object() || fn.as_cell()->kind() != js::CellKind::Closure) return trace::kNoString;
    const auto& closure = *static_cast<js::Closure*>(fn.as_cell());
    if (!m_interpreter->vm().has_initial_shape(closure)) return trace::kNoString;
    const js::Value name = closure.slot(js::VM::kClosureNameSlot);
    if (!name.is_string()) return trace::kNoString;
    const NameLabel& cached = name_label_slot(name.as_string());
    if (cached.name != name.as_string() ||
        cached.collections != m_runtime->heap().stats().collections)
        return trace::kNoString;
    if (cached.id != trace::kNoString || !cached.label.empty()) return cached.id;
    // Nameless: labelled by its source.
    const std::string_view source = m_interpreter->vm().source_text(closure);
    const SourceLabel& by_source = source_label_slot(source.data());
    if (by_source.data == source.data() && by_source.size == source.size()) return by_source.id;
    return trace::kNoString;
}

// A job's label is its callback's name, else its kind ("PromiseReactionJob": an await's
// continuation). With a trace, the label goes straight to its id; a kind's id is kept, so
// the job's Task carries no string of its own.
void ScriptHost::enqueue_job(js::Job& job) {
    const std::string_view kind = job.kind_name();
    const bool thenable = kind == "PromiseResolveThenableJob";
    const bool internal = job.is_internal();
    Task task{.call = JobCall{this, &job}, .internal = internal};
    if (Tracer* t = m_env.tracer()) {
        // An await's continuation (its suspended frame, not an object) has no name of its
        // own: its label is the job's kind.
        trace::StringId label = trace::kNoString;
        if (const js::Value callee = job.callee(); callee.is_object()) {
            label = cached_label(callee);
            if (label == trace::kNoString) {
                const Described described = describe(callee);
                if (!described.label.empty()) label = intern_label(*t, described);
            }
        }
        if (label == trace::kNoString) {
            if (m_kind_label.tracer != t || m_kind_label.kind.data() != kind.data())
                m_kind_label = KindLabel{t, kind, t->intern(kind)};
            label = m_kind_label.id;
        }
        task.label = label;
    }
    m_env.queues().enqueue_microtask(std::move(task), internal ? trace::ReasonCode::NodeInternal
                                                      : thenable
                                                          ? trace::ReasonCode::ThenableJobQueued
                                                          : trace::ReasonCode::ReactionJobQueued);
}

void ScriptHost::promise_rejection_tracker(js::Object& promise, js::RejectionOperation operation) {
    if (operation == js::RejectionOperation::Reject) {
        auto info = std::make_unique<RejectionInfo>(
            RejectionInfo{js::RootedValue(m_runtime->heap(), js::Value(&promise)),
                          js::RootedValue(m_runtime->heap()), false, ++m_last_promise_id});
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
    // One already reported as unhandled: 'rejectionHandled' at the next rejection processing.
    for (auto it = m_warned_rejections.begin(); it != m_warned_rejections.end(); ++it) {
        if ((*it)->promise.get().as_cell() == &promise) {
            m_async_handled.push_back(std::move(*it));
            m_warned_rejections.erase(it);
            return;
        }
    }
}

bool ScriptHost::process_rejections() {
    // processPromiseRejections, default mode 'throw': 'unhandledRejection' first; if no
    // listener took it, it becomes an uncaught exception (origin 'unhandledRejection').
    bool more = !m_async_handled.empty();
    while (!m_async_handled.empty() && m_env.can_call_into_js()) {
        std::unique_ptr<RejectionInfo> info = std::move(m_async_handled.front());
        m_async_handled.erase(m_async_handled.begin());
        js::Value args[] = {info->promise.get()};
        bool listened = false;
        if (emit_process_event) {
            frames::Scope scope(m_env.frame_hooks(), frames::k_rejection_handled);
            listened = emit_process_event("rejectionHandled", args);
        }
        if (!listened) {
            js::Value text(
                m_runtime->string("Promise rejection was handled asynchronously (rejection id: " +
                                  std::to_string(info->uid) + ")"));
            (void)emit_warning(*this, text, "PromiseRejectionHandledWarning");
        }
    }
    size_t count = m_pending_rejections.size();
    while (count-- > 0 && !m_pending_rejections.empty() && m_env.can_call_into_js()) {
        std::unique_ptr<RejectionInfo> info = std::move(m_pending_rejections.front());
        m_pending_rejections.erase(m_pending_rejections.begin());
        js::Object& promise = *info->promise.get().as_object();
        js::Value reason = js::promise_result(promise);
        js::Value args[] = {reason, js::Value(&promise)};
        info->warned = true;
        bool handled = false;
        if (emit_process_event) {
            frames::Scope scope(m_env.frame_hooks(), frames::k_unhandled_rejection);
            handled = emit_process_event("unhandledRejection", args);
        }
        if (!handled) {
            if (is_error_like(reason)) {
                set_pending_rejection(reason);
            } else {
                // Node wraps a reason that is not an Error before it throws it.
                js::Value wrapped = make_unhandled_rejection_error(reason);
                set_pending_rejection(wrapped);
                m_pending_site = js::VM::ThrowSite{"node:internal/process/promises", 389, 7,
                                                   "      new UnhandledPromiseRejection(reason);"};
            }
            m_env.report_uncaught(ExceptionOrigin::UnhandledRejection);
        } else {
            m_warned_rejections.push_back(std::move(info));
        }
        more = true;
    }
    return more || !m_pending_rejections.empty();
}

// Node's internal errors format their first line with the code: "Name [CODE]: message".
std::optional<std::string> ScriptHost::error_stack_header(js::Runtime& runtime, js::Object& error) {
    js::Symbol* marker = m_bindings ? m_bindings->node_error_symbol.get() : nullptr;
    if (marker == nullptr || !error.has_own_property(js::PropertyKey::symbol(marker)))
        return std::nullopt;
    js::Root<js::Object> rooted(runtime.heap(), &error);
    auto text = [&](js::PropertyKey key) -> std::string {
        js::Completion value = rooted->get(runtime, key);
        if (value.is_throw()) return {};
        auto s = js::to_string(runtime, value.value());
        return s.is_throw() ? std::string() : s.value()->to_utf8();
    };
    return text(runtime.common_key(js::CommonAtom::Name)) + " [" + text(runtime.key("code")) +
           "]: " + text(runtime.common_key(js::CommonAtom::Message));
}

void ScriptHost::charge(int64_t nanoseconds) {
    if (nanoseconds > 0) m_env.simulation().advance(sim::SimTime::ns(nanoseconds));
}

double ScriptHost::epoch_ms() {
    return k_epoch_ms;
}

double ScriptHost::now_ms() {
    const int64_t ns = m_env.wall_clock_ns();
    return k_epoch_ms + std::floor(static_cast<double>(ns) / 1e6);
}

double ScriptHost::performance_now_ms() {
    return static_cast<double>(m_env.simulation().now().count_ns()) / 1e6;
}

namespace {
// What a Task made by make_task calls, rooted while it waits. The std::function holds it in
// one allocation; a callback without arguments (nearly all) allocates nothing else.
struct RootedCall {
    ScriptHost* host;
    js::RootedValue fn;
    js::RootedValue self;
    std::vector<js::RootedValue> args;

    CallResult operator()() const {
        constexpr size_t k_inline = 8;
        if (args.size() <= k_inline) {
            std::array<js::Value, k_inline> values;
            for (size_t i = 0; i < args.size(); ++i) values[i] = args[i].get();
            return host->call(fn.get(), self.get(),
                              std::span<const js::Value>(values.data(), args.size()));
        }
        std::vector<js::Value> values;
        values.reserve(args.size());
        for (const js::RootedValue& a : args) values.push_back(a.get());
        return host->call(fn.get(), self.get(), values);
    }
};
} // namespace

Task ScriptHost::make_task(trace::StringId label, js::Value fn, js::Value this_value,
                           std::vector<js::Value> args) {
    js::Heap& heap = m_runtime->heap();
    RootedCall call{this, js::RootedValue(heap, fn), js::RootedValue(heap, this_value), {}};
    if (!args.empty()) {
        call.args.reserve(args.size());
        for (js::Value a : args) call.args.emplace_back(heap, a);
    }
    return Task{.call = std::move(call), .label = label};
}

CallResult ScriptHost::call(js::Value fn, js::Value this_value, std::span<const js::Value> args) {
    js::Completion result = m_interpreter->call(fn, this_value, args);
    if (result.is_throw()) {
        set_pending_exception(result.thrown_value());
        return CallResult::Threw;
    }
    return CallResult::Returned;
}

// isErrorLike (lib/internal/process/promises.js): an object with an own `stack`.
bool ScriptHost::is_error_like(js::Value value) const {
    return value.is_object() &&
           value.as_object()->has_own_property(m_runtime->common_key(js::CommonAtom::Stack));
}

namespace {

// V8's NoSideEffectsToString, as far as a rejection reason needs it.
std::string no_side_effects_to_string(js::Runtime& rt, js::Value value) {
    if (!value.is_object()) {
        if (value.is_symbol()) return js::inspect(rt, value);
        auto text = js::to_string(rt, value);
        return text.is_throw() ? std::string() : text.value()->to_utf8();
    }
    if (value.as_object()->kind() == js::CellKind::Array) return "[object Array]";
    return "#<" + js::receiver_type_name(rt, value) + ">";
}

} // namespace

js::Value ScriptHost::make_unhandled_rejection_error(js::Value reason) {
    js::Runtime& rt = *m_runtime;
    BindingState& state = *m_bindings;
    if (!state.unhandled_rejection_prototype.get()) {
        js::Object* prototype = js::Object::create(rt, rt.error_prototype(js::ErrorType::Error));
        js::Object* constructor =
            make_function(*this, "UnhandledPromiseRejection", 1,
                          [](js::Runtime& r, js::NativeFunction&, js::Value,
                             std::span<const js::Value>) -> js::Completion { return js::Value(); });
        constructor->put_direct(rt, rt.common_key(js::CommonAtom::Prototype), js::Value(prototype),
                                js::attr::None);
        prototype->put_direct(rt, rt.key("constructor"), js::Value(constructor), js::attr::Builtin);
        prototype->put_direct(rt, rt.common_key(js::CommonAtom::Name),
                              js::Value(rt.string("UnhandledPromiseRejection")), js::attr::Builtin);
        state.unhandled_rejection_prototype.set(prototype);
    }
    js::Object* error = js::Object::create(rt, state.unhandled_rejection_prototype.get());
    js::Root<js::Object> rooted(rt.heap(), error);
    error->put_direct(rt, rt.common_key(js::CommonAtom::Stack), js::Value(), js::attr::Builtin);
    std::string message = "This error originated either by throwing inside of an async function "
                          "without a catch block, or by "
                          "rejecting a promise which was not handled with .catch(). The promise "
                          "rejected with the reason \"" +
                          no_side_effects_to_string(rt, reason) + "\".";
    error->put_direct(rt, rt.common_key(js::CommonAtom::Message), js::Value(rt.string(message)),
                      js::attr::Builtin);
    {
        frames::Scope scope(m_env.frame_hooks(), frames::k_unhandled_rejection_error);
        (void)js::install_error_stack(rt, *error);
    }
    error->put_direct(rt, rt.key("code"), js::Value(rt.string("ERR_UNHANDLED_REJECTION")),
                      js::attr::Default);
    return js::Value(error);
}

void ScriptHost::set_pending_exception(js::Value value) {
    m_pending_exception.set(value);
    m_pending_site = m_interpreter->vm().throw_site(value);
}

void ScriptHost::set_pending_rejection(js::Value reason) {
    m_pending_exception.set(reason);
    m_pending_site.reset();
}

js::ThrowCompletion ScriptHost::terminate() {
    return js::ThrowCompletion{js::Value()};
}

void ScriptHost::write(trace::Stream stream, std::string_view text, js::Value callback) {
    if (!m_env.can_call_into_js()) return;
    const size_t which = stream == trace::Stream::Stderr ? 1 : 0;
    // Node makes process.stdout and process.stderr on their first use (a pipe, TTY or file
    // stream): that costs the main thread over a millisecond, enough to make a 1 ms timer
    // created before the first console.log due at the first timers phase (probes e09, m01).
    if (!m_stream_opened[which]) {
        m_stream_opened[which] = true;
        charge(k_stdio_stream_open_ns);
    }
    (which == 1 ? m_stderr : m_stdout).append(text);
    if (Tracer* t = m_env.tracer()) t->console(stream, text);
    // A write to stdout or stderr completes synchronously (files, pipes and terminals alike),
    // and the stream then queues its afterWrite step with process.nextTick, which calls the
    // write's callback. Writes with the same callback join a tick still queued (console's
    // writes all pass the same no-op, so a run of console.log makes one tick); a write with
    // another callback queues a tick of its own. Running a tick forgets the joinable one
    // whichever it is, as Node's afterWriteTick does. That tick is why a drain after a
    // console.log goes through processTicksAndRejections.
    if (m_env.is_exiting()) return;
    const js::Value cb = js::Runtime::is_callable(callback) ? callback : js::Value();
    std::shared_ptr<AfterWrite>& joinable = m_after_write[which];
    if (joinable && joinable->callback.get().bits() == cb.bits()) {
        ++joinable->count;
        return;
    }
    joinable = std::make_shared<AfterWrite>(AfterWrite{js::RootedValue(m_runtime->heap(), cb), 1});
    const bool has_callback = !cb.is_undefined();
    Task tick{.call =
                  [this, which, info = joinable] {
                      m_after_write[which].reset();
                      if (info->callback.get().is_undefined()) return CallResult::Returned;
                      const js::Value args[] = {js::Value::null()};
                      for (uint32_t i = 0; i < info->count; ++i)
                          if (call(info->callback.get(), js::Value(), args) == CallResult::Threw)
                              return CallResult::Threw;
                      return CallResult::Returned;
                  },
              .label = has_callback ? function_label(cb) : m_env.label("afterWriteTick")};
    // Node's own bookkeeping, unless it calls a callback of the program's.
    tick.internal = !has_callback;
    m_env.queues().next_tick(std::move(tick));
}

trace::StringId ScriptHost::function_label(js::Value fn) {
    Tracer* t = m_env.tracer();
    if (!t) return trace::kNoString;
    if (const trace::StringId id = cached_label(fn); id != trace::kNoString) return id;
    return intern_label(*t, describe(fn));
}

// A cached label keeps its id: a callback queued a million times is interned once.
trace::StringId ScriptHost::intern_label(Tracer& tracer, const Described& described) {
    if (described.id != nullptr && *described.id != trace::kNoString) return *described.id;
    const trace::StringId id = tracer.intern(described.label);
    if (described.id != nullptr) *described.id = id;
    return id;
}

ScriptHost::Described ScriptHost::describe(js::Value fn) {
    if (!fn.is_object()) return {};
    js::Value name;
    auto* closure = fn.as_cell()->kind() == js::CellKind::Closure
                        ? static_cast<js::Closure*>(fn.as_cell())
                        : nullptr;
    if (closure && m_interpreter->vm().has_initial_shape(*closure)) {
        name = closure->slot(js::VM::kClosureNameSlot); // no lookup: most callbacks
    } else {
        js::Completion got =
            fn.as_object()->get(*m_runtime, m_runtime->common_key(js::CommonAtom::Name));
        if (!got.is_throw()) name = got.value();
    }
    if (name.is_string()) {
        const js::String* string = name.as_string();
        const uint64_t collections = m_runtime->heap().stats().collections;
        NameLabel& cached = name_label_slot(string);
        if (cached.name != string || cached.collections != collections)
            cached = NameLabel{string, collections, string->to_utf8()};
        if (!cached.label.empty()) return Described{cached.label, &cached.id};
    }
    if (fn.as_cell()->kind() == js::CellKind::Closure) {
        // An anonymous function: its source with whitespace folded, cut at 60 characters
        // ("() => { console.log('tick') }").
        std::string_view source =
            m_interpreter->vm().source_text(*static_cast<js::Closure*>(fn.as_cell()));
        SourceLabel& cached = source_label_slot(source.data());
        if (cached.data == source.data() && cached.size == source.size())
            return Described{cached.label, &cached.id};
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
            if (folded.size() > 60) {
                folded = folded.substr(0, 57) + "...";
                break;
            }
        }
        cached = SourceLabel{source.data(), source.size(), std::move(folded)};
        return Described{cached.label, &cached.id};
    }
    return {};
}

} // namespace loopsim::node
