// The "hold" model (Jones, 1986) for the future-event list: N events pending; each
// iteration pops the earliest, runs its callback (a small capture bumping a counter) and
// pushes one new event at the popped time plus a random 0..1000 us increment in whole
// microseconds, so many events share a time and the (time, seq) tie-break is exercised.
// The baseline is the plain design: std::priority_queue of {SimTime, seq, std::function}.
// Every queue sees the same Rng stream. Reported: items_per_second = events per second.
#include "sim/event_queue.h"
#include "sim/rng.h"
#include "sim/sim_time.h"

#include <benchmark/benchmark.h>
#include <cstdint>
#include <functional>
#include <queue>
#include <vector>

namespace {

using loopsim::sim::Callback;
using loopsim::sim::DaryEventQueue;
using loopsim::sim::Rng;
using loopsim::sim::SimTime;

constexpr uint64_t k_seed = 42;

SimTime random_increment(Rng& rng) {
    return SimTime::us(static_cast<int64_t>(rng.below(1001)));
}

struct BaselineEvent {
    SimTime at;
    uint64_t seq;
    std::function<void()> fn;
};

struct BaselineLater {
    bool operator()(const BaselineEvent& a, const BaselineEvent& b) const {
        return a.at != b.at ? a.at > b.at : a.seq > b.seq;
    }
};

void baseline_priority_queue(benchmark::State& state) {
    const auto pending = static_cast<std::size_t>(state.range(0));
    Rng rng(k_seed);
    uint64_t counter = 0;
    uint64_t next_seq = 0;
    std::priority_queue<BaselineEvent, std::vector<BaselineEvent>, BaselineLater> queue;
    for (std::size_t i = 0; i < pending; ++i) {
        queue.push(BaselineEvent{random_increment(rng), next_seq++, [&counter] { ++counter; }});
    }
    for (auto _ : state) {
        BaselineEvent event = queue.top();
        queue.pop();
        event.fn();
        queue.push(
            BaselineEvent{event.at + random_increment(rng), next_seq++, [&counter] { ++counter; }});
    }
    benchmark::DoNotOptimize(counter);
    state.SetItemsProcessed(state.iterations());
}

template <unsigned Arity> void dary_event_queue(benchmark::State& state) {
    const auto pending = static_cast<std::size_t>(state.range(0));
    Rng rng(k_seed);
    uint64_t counter = 0;
    DaryEventQueue<Arity> queue;
    for (std::size_t i = 0; i < pending; ++i) {
        queue.push(random_increment(rng), [&counter] { ++counter; });
    }
    for (auto _ : state) {
        loopsim::sim::PoppedEvent event = queue.pop();
        event.fn();
        queue.push(event.at + random_increment(rng), [&counter] { ++counter; });
    }
    benchmark::DoNotOptimize(counter);
    state.SetItemsProcessed(state.iterations());
}

void sizes(benchmark::internal::Benchmark* bench) {
    bench->Arg(1'000)->Arg(100'000)->Arg(1'000'000);
}

BENCHMARK(baseline_priority_queue)->Apply(sizes);
BENCHMARK(dary_event_queue<2>)->Apply(sizes);
BENCHMARK(dary_event_queue<4>)->Apply(sizes);
BENCHMARK(dary_event_queue<8>)->Apply(sizes);

} // namespace

BENCHMARK_MAIN();
