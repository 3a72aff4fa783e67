// Tests for model/node/tracer: what a run records, and that the same seed gives the same bytes.
#include "model/node/environment.h"
#include "model/node/tracer.h"
#include "sim/simulation.h"
#include "traces/json_writer.h"

#include <algorithm>
#include <doctest/doctest.h>
#include <functional>
#include <map>
#include <string>
#include <vector>

using namespace loopsim;
using node::CallResult;
using node::Task;
using sim::SimTime;

namespace {

Task noop(node::Environment& env, const std::string& label) {
    return Task{.call = [] { return CallResult::Returned; }, .label = env.label(label)};
}

// A Node model with a tracer recording into `recorder`.
struct Traced {
    explicit Traced(sim::SimulationOptions options = {}) : sim(std::move(options)) {
        env.set_tracer(&tracer);
    }
    sim::Simulation sim;
    node::Environment env{sim, node::EnvironmentOptions{}};
    trace::TraceRecorder recorder;
    node::Tracer tracer{env, recorder};
};

// A run of the Node model whose "script" draws everything from the seeded RNG: timers with
// random delays, immediates, ticks, and thread-pool jobs with random durations.
std::string traced_run_json(uint64_t seed) {
    Traced t(sim::SimulationOptions{{}, {}, seed});
    node::ProcessResult result = t.env.run(Task{
        .call =
            [&] {
                for (int i = 0; i < 50; ++i) {
                    const auto delay = static_cast<double>(t.sim.rng().between(0, 20));
                    t.env.timers().set_timeout(noop(t.env, "timer " + std::to_string(i)), delay);
                    if (t.sim.rng().below(2) == 0)
                        t.env.immediates().set_immediate(
                            noop(t.env, "immediate " + std::to_string(i)));
                    if (t.sim.rng().below(3) == 0)
                        t.env.queues().next_tick(noop(t.env, "tick " + std::to_string(i)));
                    if (t.sim.rng().below(4) == 0)
                        t.env.thread_pool().submit(uv::WorkKind::Cpu, "job " + std::to_string(i),
                                                   SimTime::us(t.sim.rng().between(100, 5000)),
                                                   [] {});
                    t.sim.advance(SimTime::us(t.sim.rng().between(1, 300)));
                }
                return CallResult::Returned;
            },
        .label = t.env.label("main script")});
    t.tracer.finish(result);
    return trace::trace_to_json(t.recorder.trace());
}

// Stands between the loop and the tracer: notes what the loop reports at each iteration and
// phase boundary (the loop's own state, read at that moment), then passes every call on.
class PhaseSpy final : public uv::LoopObserver {
public:
    struct Step {
        trace::EventKind kind;
        uint8_t phase;
        int64_t time_ns;
        int64_t loop_ms;
        uint32_t iteration;
        bool operator==(const Step&) const = default;
    };

    PhaseSpy(node::Environment& env, node::Tracer& tracer) : m_env(env), m_tracer(tracer) {}
    void on_iteration_start(uint64_t iteration) override {
        m_iteration = static_cast<uint32_t>(iteration);
        note(trace::EventKind::IterationStart, trace::kNoPhase);
        m_tracer.on_iteration_start(iteration);
    }
    void on_iteration_end(uint64_t iteration) override {
        note(trace::EventKind::IterationEnd, trace::kNoPhase);
        m_tracer.on_iteration_end(iteration);
    }
    void on_phase_enter(uv::Phase phase) override {
        note(trace::EventKind::PhaseEnter, static_cast<uint8_t>(phase));
        m_tracer.on_phase_enter(phase);
    }
    void on_phase_leave(uv::Phase phase) override {
        note(trace::EventKind::PhaseLeave, static_cast<uint8_t>(phase));
        m_tracer.on_phase_leave(phase);
    }
    void on_time_update(uv::TimeUpdate site, int64_t old_ms, int64_t new_ms) override {
        m_tracer.on_time_update(site, old_ms, new_ms);
    }
    std::vector<Step> steps;

private:
    void note(trace::EventKind kind, uint8_t phase) {
        steps.push_back(
            {kind, phase, m_env.simulation().now().count_ns(), m_env.loop().now_ms(), m_iteration});
    }
    node::Environment& m_env;
    node::Tracer& m_tracer;
    uint32_t m_iteration = 0;
};

} // namespace

TEST_SUITE("node.tracer") {
    TEST_CASE(
        "every iteration and phase boundary is recorded with its phase, times and iteration") {
        // Most phases have nothing to do (their events are recorded as copies of the one
        // before); some run callbacks that take time, and the poll phase waits for a timer, so
        // the clock moves between some boundaries and not others. Over several chunks of the
        // trace's event log.
        Traced t;
        PhaseSpy spy(t.env, t.tracer);
        t.env.loop().set_observer(&spy);
        int left = 3000;
        std::function<CallResult()> step = [&] {
            if (--left > 0) {
                if (left % 7 == 0) t.sim.advance(SimTime::us(int64_t{left % 5} * 300));
                if (left % 11 == 0)
                    t.env.timers().set_timeout(noop(t.env, "timer"), static_cast<double>(left % 3));
                t.env.immediates().set_immediate(Task{.call = step, .label = t.env.label("step")});
            }
            return CallResult::Returned;
        };
        node::ProcessResult result =
            t.env.run(Task{.call =
                               [&] {
                                   t.env.immediates().set_immediate(
                                       Task{.call = step, .label = t.env.label("step")});
                                   t.env.timers().set_timeout(noop(t.env, "late timer"), 40);
                                   return CallResult::Returned;
                               },
                           .label = t.env.label("main script")});
        t.tracer.finish(result);

        std::vector<PhaseSpy::Step> recorded;
        for (const trace::TraceEvent& e : t.recorder.events()) {
            if (e.kind != trace::EventKind::PhaseEnter && e.kind != trace::EventKind::PhaseLeave &&
                e.kind != trace::EventKind::IterationStart &&
                e.kind != trace::EventKind::IterationEnd)
                continue;
            recorded.push_back({e.kind, e.phase, e.time.count_ns(), e.loop_time_ms, e.iteration});
        }
        CHECK(t.recorder.events().size() > 4 * trace::EventLog::kChunkSize);
        REQUIRE(spy.steps.size() > 40000);
        CHECK(recorded.size() == spy.steps.size());
        size_t same = 0;
        for (size_t i = 0; i < std::min(recorded.size(), spy.steps.size()); ++i)
            same += recorded[i] == spy.steps[i] ? 1 : 0;
        CHECK(same == spy.steps.size());
        // The clock did move between phase boundaries, so not every boundary repeats the last.
        size_t moved = 0;
        for (size_t i = 1; i < spy.steps.size(); ++i)
            moved += spy.steps[i].time_ns != spy.steps[i - 1].time_ns ? 1 : 0;
        CHECK(moved > 100);
    }

    TEST_CASE("two runs with the same seed write byte-identical traces; another seed differs") {
        const std::string a = traced_run_json(42);
        const std::string b = traced_run_json(42);
        const std::string c = traced_run_json(43);
        CHECK(a.size() > 10000);
        CHECK(a == b);
        CHECK(a != c);
    }

    TEST_CASE(
        "each callback is created in its queue, then starts in the matching phase, then ends") {
        Traced t;
        node::ProcessResult result =
            t.env.run(Task{.call =
                               [&] {
                                   t.env.timers().set_timeout(noop(t.env, "on timeout"), 5);
                                   t.env.immediates().set_immediate(noop(t.env, "on immediate"));
                                   t.env.queues().next_tick(noop(t.env, "on tick"));
                                   return CallResult::Returned;
                               },
                           .label = t.env.label("main script")});
        t.tracer.finish(result);

        std::map<uint64_t, std::vector<std::string>> life; // callback -> its steps
        const auto& phases = t.recorder.header().phases;
        for (const trace::TraceEvent& e : t.recorder.events()) {
            if (e.callback == 0) continue;
            std::string step(trace::event_kind_name(e.kind));
            if (e.kind == trace::EventKind::CallbackCreated)
                step += " " + std::string(trace::queue_name(e.to_queue));
            if (e.kind == trace::EventKind::CallbackStart)
                step +=
                    e.phase == trace::kNoPhase ? " outside the loop" : " in " + phases.at(e.phase);
            life[e.callback].push_back(step);
        }
        std::vector<std::vector<std::string>> lives;
        for (auto& [id, steps] : life) lives.push_back(steps);
        // Ids in creation order: the main script (1), then the timer, immediate and tick.
        REQUIRE(lives.size() == 4);
        CHECK(lives[0] == std::vector<std::string>{"callback_created call_stack",
                                                   "callback_start outside the loop",
                                                   "callback_end"});
        CHECK(lives[1] == std::vector<std::string>{"callback_created timers",
                                                   "callback_start in timers", "callback_end"});
        CHECK(lives[2] == std::vector<std::string>{"callback_created check",
                                                   "callback_start in check", "callback_end"});
        CHECK(lives[3] == std::vector<std::string>{"callback_created next_tick",
                                                   "callback_start outside the loop",
                                                   "callback_end"});
        CHECK(t.recorder.trace().outcome.status == trace::OutcomeStatus::Completed);
        CHECK(t.recorder.header().actors.at(0).name == "main");
    }

    TEST_CASE("a worker's events carry the worker's own time even when observed late") {
        Traced t;
        node::ProcessResult result =
            t.env.run(Task{.call =
                               [&] {
                                   t.env.thread_pool().submit(uv::WorkKind::FastIo, "read",
                                                              SimTime::ms(2), [] {});
                                   t.sim.advance(SimTime::ms(50));
                                   return CallResult::Returned;
                               },
                           .label = t.env.label("main script")});
        t.tracer.finish(result);
        std::vector<int64_t> worker_times;
        for (const trace::TraceEvent& e : t.recorder.events())
            if (e.kind == trace::EventKind::WorkerPick || e.kind == trace::EventKind::WorkerDone)
                worker_times.push_back(e.time.count_ns());
        REQUIRE(worker_times.size() == 2);
        CHECK(worker_times[1] - worker_times[0] == 2'000'000);
        CHECK(worker_times[1] < 50'000'000);
    }
}
