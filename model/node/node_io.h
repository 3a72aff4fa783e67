#pragma once
// NodeIo: the I/O side of one Node process: the virtual file system, the OS latency model,
// and what every fs, crypto and dns binding shares (docs/io.md).
//
// Contract:
// - An asynchronous call is one or more thread-pool requests in a row (submit). Each request
//   takes the time the latency model samples for it, labelled "fs.read big.txt" on its
//   worker's lane. Its effect on the file system happens when its completion reaches the
//   main thread (in the poll phase), so effects apply in completion order.
// - Node runs some JavaScript of its own between two requests of one call (readFileAfterOpen
//   and friends); between_steps() charges that time and opens and closes a callback scope,
//   which drains what an earlier failed callback left queued, as Node's would.
// - The user's callback runs through call_back: its own callback scope in the poll phase, a
//   trace start from the poll queue with the reason "fs.readFile x.txt completed after N ns".
// - A *Sync call does the same system calls on the main thread: charge_sync adds each one's
//   time to the main thread's clock.
// - Errors are Node's uvException objects: `CODE: description, syscall 'path'` with errno,
//   code, syscall, path (and dest) in that order.
#include "model/io/latency_model.h"
#include "model/io/vfs.h"
#include "model/js/function.h"
#include "model/js/heap.h"
#include "model/node/task.h"
#include "model/uv/thread_pool.h"
#include "sim/rng.h"
#include "sim/sim_time.h"

#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace loopsim::js {
class Object;
}

namespace loopsim::node {

class ScriptHost;
class Environment;

struct NodeIoOptions {
    io::VfsOptions vfs;
    io::LatencyModel latency;
    // The run's seed. Seed 0, the default, is the nominal run: every request takes its
    // nominal time. Any other seed draws each request's jitter from the kernel's Rng.
    uint64_t seed = 0;
};

// A JavaScript callback waiting for its request: what the trace knows about it.
struct IoCallback {
    uint64_t id = 0;       // its async id
    trace::StringId label; // the function's name or source (Task::label)
    std::string what;      // "fs.readFile data.txt": the reason's subject
    js::RootedValue fn;
    sim::SimTime started; // when the call was made
};

// Where the stack of a synchronous error comes from: Node's own frames on top (one string
// of "    at ..." lines), then the scenario's frames from the VM.
struct SyncFrames {
    std::string_view internal;
};

// One function of an I/O module, for define_io_functions.
struct IoFunction {
    const char* name;
    uint32_t length;
    js::NativeFn fn;
};

class NodeIo {
public:
    NodeIo(ScriptHost& host, NodeIoOptions options);
    NodeIo(const NodeIo&) = delete;
    NodeIo& operator=(const NodeIo&) = delete;
    ~NodeIo();

    ScriptHost& host() { return m_host; }
    Environment& env();
    io::Vfs& vfs() { return m_vfs; }
    const io::LatencyModel& latency() const { return m_latency; }
    sim::Rng& random() { return m_random; }
    // Virtual time now, in ns since the process started (file times).
    int64_t now_ns() const;
    // Date.now()'s epoch, in ms: files' times are reported from it.
    static double epoch_ms();

    // --- requests -------------------------------------------------------------------------
    // Queues one thread-pool request; `done` runs on the main thread in a later poll phase.
    void submit(uv::WorkKind kind, io::LatencyKind latency, uint64_t units, std::string label,
                std::function<void()> done);
    // The main thread's cost of starting an asynchronous call (main.call).
    void charge_call();
    // The first call of an API function (`api`, e.g. "fs.readFile") costs main.first_call
    // once per process: V8 compiles Node's code for it then. Every binding calls it on entry.
    void charge_first_call(std::string_view api);
    // A system call made by a *Sync function: its time on the main thread.
    void charge_sync(io::LatencyKind kind, uint64_t units = 0);
    // Node's JavaScript between two requests of one call (readFileAfterOpen ...): its cost,
    // and a callback scope around `next`, which submits the next request. `step` names that
    // JavaScript ("readFile step after open"): the first time each one runs it also costs
    // main.first_completion.
    void between_steps(std::string_view step, const std::function<void()>& next);
    // The first completion of each kind costs main.first_completion once per process: V8
    // compiles Node's code for it then. `kind` is a step ("readFile step after open") or an
    // API ("fs.stat", whose callback's completion it is: `suffix` " callback" says so in the
    // trace's note). Kinds are looked up without building a string.
    void charge_first_completion(std::string_view kind, std::string_view suffix);

    // --- callbacks -----------------------------------------------------------------------
    // Keeps `fn` for a later call_back and records it in the trace as waiting in the poll
    // queue. `what` names the call ("fs.stat a.txt").
    std::shared_ptr<IoCallback> hold(js::Value fn, std::string what);
    // Calls it in its own callback scope (the poll phase's MakeCallback).
    void call_back(IoCallback& callback, std::span<const js::Value> args);
    // Runs `fn` inside a callback scope of its own, for promise settlements.
    void in_scope(const std::function<void()>& fn);

    // --- errors --------------------------------------------------------------------------
    // Node's error for a failed system call: "ENOENT: no such file or directory, open 'x'".
    // `frames` (synchronous calls only) puts Node's and the scenario's frames under the
    // message; asynchronous errors have none, as in Node.
    js::Object* uv_error(io::Errno error, std::string_view syscall, std::string_view path = {},
                         std::string_view dest = {}, const SyncFrames* frames = nullptr);

    // --- names -----------------------------------------------------------------------------
    // The last component of a path, for labels ("fs.read big.txt").
    static std::string label_name(std::string_view path);
    // Refreshes the synthetic /proc/self/task (one entry per thread of the process) before a
    // call that reads under /proc.
    void refresh_proc(std::string_view resolved_path);

private:
    ScriptHost& m_host;
    io::Vfs m_vfs;
    io::LatencyModel m_latency;
    sim::Rng m_random;     // crypto.randomBytes' stream, apart from the latency draws
    bool m_jitter = false; // seed != 0
    sim::SimTime sample(io::LatencyKind kind, uint64_t units);
    std::set<std::string, std::less<>> m_called;    // API functions called at least once
    std::set<std::string, std::less<>> m_completed; // completions (steps) run at least once
    friend void define_io_functions(ScriptHost&, js::Object&, std::string_view,
                                    std::span<const IoFunction>);
    struct Registered {
        std::string api;
        js::NativeFn fn;
    };
    std::vector<Registered> m_functions; // by the index each function object keeps as its data
    static js::Completion trampoline(js::Runtime& rt, js::NativeFunction& callee, js::Value self,
                                     std::span<const js::Value> args);
};

// The NodeIo of the process, or null (a ScriptHost made without attach_io).
NodeIo* node_io(ScriptHost& host);

// Defines `target.name` for each entry, as enumerable own properties (as fs's are). Each call
// goes through NodeIo::charge_first_call with "<module>.<name>" before the binding runs.
void define_io_functions(ScriptHost& host, js::Object& target, std::string_view module,
                         std::span<const IoFunction> functions);

struct ScenarioOptions;
// The I/O of a scenario's process: a VFS holding the scenario file itself and its @file
// files (next to it), the working directory and /tmp; the scenario's latency model; the
// Buffer global. Destroy it before the host.
std::unique_ptr<NodeIo> attach_io(ScriptHost& host, const ScenarioOptions& options);
// process.env[name] as the script has left it (Node reads UV_THREADPOOL_SIZE from there when
// the pool starts); nullopt when unset.
std::optional<std::string> process_env_value(ScriptHost& host, std::string_view name);

} // namespace loopsim::node
