// Tests for model/node/tracer: what a run records, and that the same seed gives the same bytes.
#include "model/node/environment.h"
#include "model/node/tracer.h"
#include "sim/simulation.h"
#include "traces/json_writer.h"

#include <doctest/doctest.h>

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

// A run of the Node model whose "script" draws everything from the seeded RNG: timers with
// random delays, immediates, ticks, and thread-pool jobs with random durations.
std::string traced_run_json(uint64_t seed) {
    sim::Simulation sim(sim::SimulationOptions{{}, {}, seed});
    node::Environment env(sim, node::EnvironmentOptions{});
    trace::TraceRecorder recorder;
    node::Tracer tracer(env, recorder);
    env.set_tracer(&tracer);
    node::ProcessResult result = env.run(Task{.call = [&] {
        for (int i = 0; i < 50; ++i) {
            const auto delay = static_cast<double>(sim.rng().between(0, 20));
            env.timers().set_timeout(noop(env, "timer " + std::to_string(i)), delay);
            if (sim.rng().below(2) == 0) env.immediates().set_immediate(noop(env, "immediate " + std::to_string(i)));
            if (sim.rng().below(3) == 0) env.queues().next_tick(noop(env, "tick " + std::to_string(i)));
            if (sim.rng().below(4) == 0)
                env.thread_pool().submit(uv::WorkKind::Cpu, "job " + std::to_string(i),
                                         SimTime::us(sim.rng().between(100, 5000)), [] {});
            sim.advance(SimTime::us(sim.rng().between(1, 300)));
        }
        return CallResult::Returned;
    }, .label = env.label("main script")});
    tracer.finish(result);
    return trace::trace_to_json(recorder.trace());
}

} // namespace

TEST_SUITE("node.tracer") {
    TEST_CASE("two runs with the same seed write byte-identical traces; another seed differs") {
        const std::string a = traced_run_json(42);
        const std::string b = traced_run_json(42);
        const std::string c = traced_run_json(43);
        CHECK(a.size() > 10000);
        CHECK(a == b);
        CHECK(a != c);
    }

    TEST_CASE("each callback is created in its queue, then starts in the matching phase, then ends") {
        sim::Simulation sim;
        node::Environment env(sim, node::EnvironmentOptions{});
        trace::TraceRecorder recorder;
        node::Tracer tracer(env, recorder);
        env.set_tracer(&tracer);
        node::ProcessResult result = env.run(Task{.call = [&] {
            env.timers().set_timeout(noop(env, "on timeout"), 5);
            env.immediates().set_immediate(noop(env, "on immediate"));
            env.queues().next_tick(noop(env, "on tick"));
            return CallResult::Returned;
        }, .label = env.label("main script")});
        tracer.finish(result);

        std::map<uint64_t, std::vector<std::string>> life; // callback -> its steps
        const auto& phases = recorder.header().phases;
        for (const trace::TraceEvent& e : recorder.events()) {
            if (e.callback == 0) continue;
            std::string step(trace::event_kind_name(e.kind));
            if (e.kind == trace::EventKind::CallbackCreated) step += " " + std::string(trace::queue_name(e.to_queue));
            if (e.kind == trace::EventKind::CallbackStart)
                step += e.phase == trace::kNoPhase ? " outside the loop" : " in " + phases.at(e.phase);
            life[e.callback].push_back(step);
        }
        std::vector<std::vector<std::string>> lives;
        for (auto& [id, steps] : life) lives.push_back(steps);
        // Ids in creation order: the main script (1), then the timer, immediate and tick.
        REQUIRE(lives.size() == 4);
        CHECK(lives[0] == std::vector<std::string>{"callback_created call_stack", "callback_start outside the loop",
                                                   "callback_end"});
        CHECK(lives[1] == std::vector<std::string>{"callback_created timers", "callback_start in timers", "callback_end"});
        CHECK(lives[2] == std::vector<std::string>{"callback_created check", "callback_start in check", "callback_end"});
        CHECK(lives[3] == std::vector<std::string>{"callback_created next_tick", "callback_start outside the loop",
                                                   "callback_end"});
        CHECK(recorder.trace().outcome.status == trace::OutcomeStatus::Completed);
        CHECK(recorder.header().actors.at(0).name == "main");
    }

    TEST_CASE("a worker's events carry the worker's own time even when observed late") {
        sim::Simulation sim;
        node::Environment env(sim, node::EnvironmentOptions{});
        trace::TraceRecorder recorder;
        node::Tracer tracer(env, recorder);
        env.set_tracer(&tracer);
        node::ProcessResult result = env.run(Task{.call = [&] {
            env.thread_pool().submit(uv::WorkKind::FastIo, "read", SimTime::ms(2), [] {});
            sim.advance(SimTime::ms(50));
            return CallResult::Returned;
        }, .label = env.label("main script")});
        tracer.finish(result);
        std::vector<int64_t> worker_times;
        for (const trace::TraceEvent& e : recorder.events())
            if (e.kind == trace::EventKind::WorkerPick || e.kind == trace::EventKind::WorkerDone)
                worker_times.push_back(e.time.count_ns());
        REQUIRE(worker_times.size() == 2);
        CHECK(worker_times[1] - worker_times[0] == 2'000'000);
        CHECK(worker_times[1] < 50'000'000);
    }
}
