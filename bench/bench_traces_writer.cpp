// Trace writer and recorder throughput. The writer's target is >= 1 GB/s of JSON to
// /dev/null on a realistic event mix (reasons rendered, labels, console text); the
// recorder's is well above the ~10 M events/s a model produces.
#include "traces/json_writer.h"
#include "traces/recorder.h"

#include <benchmark/benchmark.h>
#include <fcntl.h>
#include <string>
#include <unistd.h>

using namespace loopsim::trace;
using loopsim::sim::SimTime;

namespace {

TraceHeader bench_header() {
    TraceHeader h;
    h.scenario_path = "scenarios/bench/mix.js";
    h.scenario_source = "for (let i = 0; i < 1e5; i++) setTimeout(() => console.log(i), i % 7);\n";
    h.actors = {{0, "main", ActorKind::Main},
                {1, "loop", ActorKind::Loop},
                {2, "worker 1", ActorKind::Worker},
                {3, "os", ActorKind::Os}};
    h.phases = {"timers", "pending", "idle", "prepare", "poll", "check", "close"};
    return h;
}

// The life of one timer callback, as the loop model records it: created with a reason,
// moved to the call stack with a reason, started, logging, ending, a microtask drain, plus
// loop/phase bookkeeping. Roughly 40% of events carry a rendered reason.
void record_mix(TraceRecorder& r, size_t n_events) {
    StringId labels[8];
    for (int i = 0; i < 8; ++i) labels[i] = r.intern("onTimeout_handler_" + std::to_string(i));
    StringId lines[16];
    for (int i = 0; i < 16; ++i)
        lines[i] = r.intern("tick " + std::to_string(i * 7919) + " done\n");
    StringId microtasks = r.intern("microtasks");
    int64_t t = 0;
    uint64_t cb = 1;
    uint32_t iter = 1;
    while (r.size() < n_events) {
        TraceEvent e;
        e.actor = 0;
        e.iteration = iter;
        e.loop_time_ms = t / 1'000'000;
        auto rec = [&](EventKind kind) {
            e.kind = kind;
            e.time = SimTime::ns(t += 137);
            r.record(e);
        };
        e.callback = cb;
        e.to_queue = Queue::Timers;
        e.line = 12;
        e.column = 27;
        e.label = labels[cb % 8];
        e.reason =
            Reason{ReasonCode::ImmediateQueued, kNoString, {static_cast<int64_t>(cb % 50), 0, 0}};
        rec(EventKind::CallbackCreated);
        e.to_queue = Queue::None;
        e.line = 0;
        e.label = kNoString;

        e.actor = 1;
        e.phase = 0;
        e.from_queue = Queue::Timers;
        e.to_queue = Queue::CallStack;
        e.reason = Reason{ReasonCode::TimerExpired,
                          kNoString,
                          {static_cast<int64_t>(cb % 7), t / 1'000'000, t / 1'000'000}};
        rec(EventKind::CallbackMoved);
        e.from_queue = e.to_queue = Queue::None;
        e.reason = Reason{};

        e.actor = 0;
        rec(EventKind::CallbackStart);
        e.stream = Stream::Stdout;
        e.text = lines[cb % 16];
        rec(EventKind::Console);
        e.stream = Stream::None;
        e.text = kNoString;
        rec(EventKind::CallbackEnd);
        e.callback = 0;
        e.from_queue = Queue::Microtasks;
        rec(EventKind::DrainBegin);
        e.reason = Reason{
            ReasonCode::DrainedAfterCallback, microtasks, {static_cast<int64_t>(cb % 3), 0, 0}};
        rec(EventKind::DrainEnd);
        e.reason = Reason{};
        e.from_queue = Queue::None;
        if (cb % 16 == 0) {
            e.actor = 1;
            rec(EventKind::PhaseLeave);
            e.phase = kNoPhase;
            rec(EventKind::IterationEnd);
            ++iter;
            e.iteration = iter;
            rec(EventKind::IterationStart);
            e.reason = Reason{
                ReasonCode::LoopTimeRefreshed, kNoString, {t / 1'000'000, t / 1'000'000 + 1, 0}};
            rec(EventKind::LoopTimeUpdate);
            e.reason = Reason{};
            e.phase = 0;
            rec(EventKind::PhaseEnter);
        }
        ++cb;
    }
}

const Trace& bench_trace() {
    static const Trace trace = [] {
        TraceRecorder r(bench_header());
        record_mix(r, 200'000);
        return r.take();
    }();
    return trace;
}

void BM_WriteJsonToDevNull(benchmark::State& state) {
    const Trace& trace = bench_trace();
    int fd = ::open("/dev/null", O_WRONLY);
    uint64_t bytes = 0;
    for (auto _ : state) {
        JsonOutput out = JsonOutput::to_fd(fd);
        auto result = write_trace(trace, out);
        if (!result) state.SkipWithError(result.error().message.c_str());
        bytes += out.bytes_written();
    }
    ::close(fd);
    state.SetBytesProcessed(static_cast<int64_t>(bytes));
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * trace.events.size()));
    state.counters["bytes_per_event"] = static_cast<double>(bytes) /
                                        static_cast<double>(state.iterations()) /
                                        static_cast<double>(trace.events.size());
}
BENCHMARK(BM_WriteJsonToDevNull)->Unit(benchmark::kMillisecond);

void BM_WriteJsonToString(benchmark::State& state) {
    const Trace& trace = bench_trace();
    std::string text;
    uint64_t bytes = 0;
    for (auto _ : state) {
        text.clear();
        JsonOutput out = JsonOutput::to_string(text);
        (void)write_trace(trace, out);
        bytes += out.bytes_written();
        benchmark::DoNotOptimize(text.data());
    }
    state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_WriteJsonToString)->Unit(benchmark::kMillisecond);

void BM_RecordEvents(benchmark::State& state) {
    const size_t n = static_cast<size_t>(state.range(0));
    for (auto _ : state) {
        TraceRecorder r(bench_header());
        TraceEvent e;
        e.kind = EventKind::CallbackStart;
        for (size_t i = 0; i < n; ++i) {
            e.time = SimTime::ns(static_cast<int64_t>(i));
            e.callback = i;
            r.record(e);
        }
        benchmark::DoNotOptimize(r.size());
    }
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * n));
}
BENCHMARK(BM_RecordEvents)->Arg(1'000'000)->Arg(10'000'000)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
