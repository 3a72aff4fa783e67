#pragma once
// Tracer: turns what the Node model does into trace events (traces/), the steps the viewer
// animates and `loopsim explain` narrates. It observes the loop (iterations, phases, loop
// time) and the thread pool (workers picking and finishing jobs) through their observer
// interfaces, and the Node model calls it directly when a callback is created, moves, starts,
// ends or is cancelled, and when a drain begins or ends. Without a tracer the model records
// nothing and pays one null check per step.
//
// Times: main-thread events carry the clock's now(); a worker's events carry that worker's
// own time (Simulation::actor_now()), so each lane stays in time order even when the kernel
// observes a worker's completion late.
#include "model/node/task.h"
#include "model/uv/loop_observer.h"
#include "model/uv/thread_pool.h"
#include "traces/recorder.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace loopsim::sim {
class Simulation;
}
namespace loopsim::uv {
class Loop;
}

namespace loopsim::node {

class Environment;
struct ProcessResult;

class Tracer final : public uv::LoopObserver, public uv::ThreadPoolObserver {
public:
    Tracer(Environment& env, trace::TraceRecorder& recorder);

    // A callback enters a queue; its creator is the callback running now (0: none). `label`
    // is its label's id in the trace's string pool (intern()).
    void created(uint64_t id, trace::Queue queue, trace::StringId label, trace::Reason reason = {});
    // A label's id in the trace's string pool.
    trace::StringId intern(std::string_view label) { return m_recorder.intern(label); }
    // A callback leaves `from` and starts running on the call stack.
    void started(uint64_t id, trace::Queue from, trace::StringId label, trace::Reason reason = {});
    void ended(uint64_t id, CallResult result);
    void cancelled(uint64_t id, trace::Queue from);
    void drain(bool begin, trace::Queue queue);
    void console(trace::Stream stream, std::string_view text);
    void error(std::string_view text);
    // A Note: narration of something the model did that no other event shows (a one-time
    // cost Node pays, say).
    void note(std::string_view text);
    // A one-time cost Node pays on the main thread: "Node pays for WHAT (0.180 ms, once)".
    void note_paid_once(std::string_view what, int64_t cost_ns);
    // Fills the header (actors, phases) and the outcome once the run is over.
    void finish(const ProcessResult& result);

    // LoopObserver
    void on_iteration_start(uint64_t iteration) override;
    void on_iteration_end(uint64_t iteration) override;
    void on_phase_enter(uv::Phase phase) override;
    void on_phase_leave(uv::Phase phase) override;
    void on_time_update(uv::TimeUpdate site, int64_t old_ms, int64_t new_ms) override;
    // ThreadPoolObserver
    void on_queued(uv::WorkId id, const std::string& label, uv::WorkKind kind) override;
    void on_pick(uint32_t worker, uv::WorkId id, const std::string& label,
                 sim::SimTime duration) override;
    void on_finish(uint32_t worker, uv::WorkId id, const std::string& label) override;

    trace::TraceRecorder& recorder() { return m_recorder; }

private:
    trace::TraceEvent event(trace::EventKind kind) const;
    uint64_t running() const { return m_running.empty() ? 0 : m_running.back(); }
    void record_loop_event(trace::EventKind kind, uint8_t phase);
    [[gnu::noinline]] void record_new_loop_event(trace::EventKind kind, uint8_t phase);

    Environment& m_env;
    sim::Simulation& m_sim; // m_env's clock and loop, reached without going through m_env
    uv::Loop& m_loop;
    trace::TraceRecorder& m_recorder;
    std::vector<uint64_t> m_running; // callbacks on the call stack, innermost last
    uint32_t m_iteration = 0;
    uint8_t m_phase = trace::kNoPhase;
    // The last iteration or phase event: the recorder's size just after it, and its times.
    size_t m_after_loop_event = SIZE_MAX;
    sim::SimTime m_loop_event_time;
    int64_t m_loop_event_loop_ms = 0;
};

} // namespace loopsim::node
