#pragma once
// Sample traces for the traces tests: a small varied trace that uses every event kind,
// every optional field and awkward strings, built through TraceRecorder as a model would.
#include "traces/recorder.h"

#include <string>

namespace loopsim::trace::testing {

inline TraceHeader sample_header() {
    TraceHeader h;
    h.scenario_path = "scenarios/basics/03_timeout_vs_immediate.js";
    h.scenario_source = "setTimeout(() => console.log('timeout'), 0);\n"
                        "setImmediate(() => console.log(\"immediate\"));\n";
    h.seed = 18446744073709551615ull; // largest seed: checks unsigned 64-bit round trip
    h.profile = "node20";
    h.budgets = Budgets{5'000'000'000, 100'000'000, 0};
    h.actors = {{0, "main", ActorKind::Main},
                {1, "loop", ActorKind::Loop},
                {2, "worker 1", ActorKind::Worker},
                {7, "os", ActorKind::Os}};
    h.phases = {"timers", "pending", "idle", "prepare", "poll", "check", "close"};
    return h;
}

// One event of every kind, in time order, with every optional field used somewhere.
inline Trace sample_trace() {
    TraceRecorder r(sample_header());
    auto ev = [](EventKind kind, int64_t t_ns, uint32_t actor) {
        TraceEvent e;
        e.kind = kind;
        e.time = sim::SimTime::ns(t_ns);
        e.actor = actor;
        return e;
    };
    TraceEvent e = ev(EventKind::RunStart, 0, 0);
    e.label = r.intern("03_timeout_vs_immediate.js");
    r.record(e);

    e = ev(EventKind::CallbackCreated, 1200, 0);
    e.callback = 1;
    e.to_queue = Queue::Timers;
    e.line = 1;
    e.column = 12;
    e.label = r.intern("() => console.log('timeout')");
    r.record(e);

    e = ev(EventKind::CallbackCreated, 2400, 0);
    e.callback = 2;
    e.to_queue = Queue::Check;
    e.line = 2;
    e.column = 14;
    e.reason = Reason{ReasonCode::ImmediateQueued, kNoString, {1, 0, 0}};
    r.record(e);

    e = ev(EventKind::IterationStart, 3000, 1);
    e.iteration = 1;
    e.loop_time_ms = 0;
    r.record(e);

    e = ev(EventKind::LoopTimeUpdate, 3000, 1);
    e.iteration = 1;
    e.loop_time_ms = 1;
    e.reason = Reason{ReasonCode::LoopTimeRefreshed, kNoString, {0, 1, 0}};
    r.record(e);

    e = ev(EventKind::PhaseEnter, 3100, 1);
    e.iteration = 1;
    e.phase = 0;
    r.record(e);

    e = ev(EventKind::Choice, 3100, 1);
    e.iteration = 1;
    e.phase = 0;
    e.reason =
        Reason{ReasonCode::ChoiceMade, r.intern("timer due at 1 ms vs loop start"), {1, 2, 0}};
    r.record(e);

    e = ev(EventKind::CallbackMoved, 3200, 1);
    e.iteration = 1;
    e.phase = 0;
    e.callback = 1;
    e.from_queue = Queue::Timers;
    e.to_queue = Queue::CallStack;
    e.reason = Reason{ReasonCode::TimerExpired, kNoString, {1, 1, 1}};
    r.record(e);

    e = ev(EventKind::CallbackStart, 3300, 0);
    e.iteration = 1;
    e.callback = 1;
    r.record(e);

    e = ev(EventKind::Console, 3400, 0);
    e.iteration = 1;
    e.callback = 1;
    e.stream = Stream::Stdout;
    e.text = r.intern("timeout\n");
    r.record(e);

    e = ev(EventKind::CallbackCreated, 3450, 0);
    e.iteration = 1;
    e.callback = 3;
    e.creator = 1;
    e.to_queue = Queue::Microtasks;
    e.reason = Reason{ReasonCode::PromiseJobQueued, kNoString, {9, 0, 0}};
    r.record(e);

    e = ev(EventKind::CallbackEnd, 3500, 0);
    e.iteration = 1;
    e.callback = 1;
    r.record(e);

    e = ev(EventKind::DrainBegin, 3500, 0);
    e.iteration = 1;
    e.from_queue = Queue::Microtasks;
    r.record(e);

    e = ev(EventKind::DrainEnd, 3600, 0);
    e.iteration = 1;
    e.from_queue = Queue::Microtasks;
    e.reason = Reason{ReasonCode::DrainedAfterCallback, r.intern("microtasks"), {1, 0, 0}};
    r.record(e);

    e = ev(EventKind::CallbackCancelled, 3700, 0);
    e.iteration = 1;
    e.callback = 3;
    r.record(e);

    e = ev(EventKind::WorkerPick, 3800, 2);
    e.iteration = 1;
    e.callback = 4;
    e.from_queue = Queue::ThreadPool;
    e.reason = Reason{ReasonCode::WorkerPickedJob, kNoString, {1, 0, 0}};
    r.record(e);

    e = ev(EventKind::WorkerDone, 900000, 2);
    e.iteration = 1;
    e.callback = 4;
    r.record(e);

    e = ev(EventKind::OsReady, 950000, 7);
    e.iteration = 1;
    e.callback = 5;
    e.to_queue = Queue::Poll;
    e.reason =
        Reason{ReasonCode::IoCompleted, r.intern("fs.readFile(\"data.txt\")"), {946200, 0, 0}};
    r.record(e);

    e = ev(EventKind::PhaseLeave, 1000000, 1);
    e.iteration = 1;
    e.phase = 0;
    r.record(e);

    e = ev(EventKind::Note, 1000000, 1);
    e.iteration = 1;
    e.text = r.intern("tab\there, quote \" backslash \\ bell \x07, é ü → 🙂");
    r.record(e);

    e = ev(EventKind::Error, 1100000, 0);
    e.iteration = 1;
    e.text = r.intern("Uncaught Error: boom\n    at Timeout._onTimeout (x.js:3:9)");
    e.stream = Stream::Stderr;
    r.record(e);

    e = ev(EventKind::BudgetExceeded, 1200000, 1);
    e.iteration = 1;
    e.reason =
        Reason{ReasonCode::BudgetExceeded, r.intern("max_time"), {5000000000, 5000000001, 0}};
    r.record(e);

    e = ev(EventKind::IterationEnd, 1200000, 1);
    e.iteration = 1;
    e.loop_time_ms = -7; // negative loop times are kept as written (only -1 means absent)
    r.record(e);

    e = ev(EventKind::RunEnd, 1300000, 0);
    e.iteration = 1;
    e.reason = Reason{ReasonCode::TimerExpired, kNoString, {0, 0, 0}};
    r.record(e);

    r.set_outcome(
        Outcome{OutcomeStatus::BudgetExceeded, 1, "budget max_time exceeded", "max_time"});
    return r.take();
}

} // namespace loopsim::trace::testing
