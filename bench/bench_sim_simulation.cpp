// The hold model of bench_sim_event_queue, one level up: through Simulation::schedule_at
// and Simulation::step, so the figure includes the clock, the per-event budget checks and
// the current-event bookkeeping on top of the EventQueue. Reported: items_per_second =
// events per second.
#include "sim/rng.h"
#include "sim/simulation.h"

#include <benchmark/benchmark.h>

#include <cstdint>

namespace {

using namespace loopsim::sim;

void simulation_hold(benchmark::State& state) {
    const auto pending = static_cast<int64_t>(state.range(0));
    Budgets budgets;
    budgets.max_time = SimTime::max();
    budgets.max_events = UINT64_MAX;
    Simulation sim(SimulationOptions{.budgets = budgets, .seed = 42});
    const ActorId os = sim.add_actor("os", ActorKind::Os);
    uint64_t counter = 0;
    // Each event reschedules one successor, so the pending count stays constant.
    struct Hold {
        Simulation* sim;
        ActorId actor;
        uint64_t* counter;
        void operator()() const {
            ++*counter;
            const SimTime delay = SimTime::us(static_cast<int64_t>(sim->rng().below(1001)));
            sim->schedule_after(delay, actor, Hold{*this});
        }
    };
    for (int64_t i = 0; i < pending; ++i) {
        const SimTime at = SimTime::us(static_cast<int64_t>(sim.rng().below(1001)));
        sim.schedule_at(at, os, Hold{&sim, os, &counter});
    }
    for (auto _ : state) sim.step();
    benchmark::DoNotOptimize(counter);
    state.SetItemsProcessed(state.iterations());
}

BENCHMARK(simulation_hold)->Arg(1'000)->Arg(100'000)->Arg(1'000'000);

} // namespace

BENCHMARK_MAIN();
