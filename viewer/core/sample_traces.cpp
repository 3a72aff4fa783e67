// Built-in sample traces: the Node model driven by C++ tasks. See sample_traces.h.
#include "viewer/core/sample_traces.h"

#include "model/node/environment.h"
#include "model/node/tracer.h"
#include "sim/simulation.h"

#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace loopsim::viewer {

using node::CallResult;
using node::Task;
using sim::SimTime;

namespace {

// Where a label or a console text appears in the scenario's source.
struct LineOf {
    std::string_view text;
    uint32_t line;
};

// One run of the Node model with a tracer, and the helpers the samples script it with.
class SampleRun {
public:
    SampleRun(std::string_view path, std::string_view source, uint32_t pool_size = 4)
        : m_env(m_sim, options(pool_size)), m_tracer(m_env, m_recorder) {
        m_env.set_tracer(&m_tracer);
        m_recorder.header().scenario_path = std::string(path);
        m_recorder.header().scenario_source = std::string(source);
    }

    // A JavaScript function: runs `body`, returns normally.
    Task fn(std::string_view label, std::function<void()> body) {
        return Task{.call =
                        [body = std::move(body)] {
                            body();
                            return CallResult::Returned;
                        },
                    .label = m_env.label(label)};
    }
    // console.log(text): the line is written, and the call costs a little virtual time.
    void log(std::string_view text) {
        m_tracer.console(trace::Stream::Stdout, std::string(text) + "\n");
        work(SimTime::us(40));
    }
    void work(SimTime cost) { m_sim.advance(cost); }
    size_t recorded() const { return m_recorder.size(); }

    node::Environment& env() { return m_env; }
    sim::Simulation& sim() { return m_sim; }

    // fs.readFile-like: a thread-pool job of `duration`, then `callback` runs from poll.
    void read_file(std::string job_label, SimTime duration, Task callback) {
        auto shared = std::make_shared<Task>(std::move(callback));
        m_env.thread_pool().submit(uv::WorkKind::FastIo, std::move(job_label), duration,
                                   [this, shared] {
                                       shared->id = m_env.new_async_id();
                                       m_env.make_callback(*shared, trace::Queue::Poll);
                                   });
    }

    trace::Trace finish(Task main_script, std::span<const LineOf> lines) {
        node::ProcessResult result = m_env.run(std::move(main_script));
        m_tracer.finish(result);
        trace::Trace raw = m_recorder.take();
        return with_lines(std::move(raw), lines);
    }

private:
    static node::EnvironmentOptions options(uint32_t pool_size) {
        node::EnvironmentOptions o;
        o.thread_pool.size_source = [pool_size]() -> std::optional<std::string> {
            return std::to_string(pool_size);
        };
        return o;
    }

    // Copies the trace with source lines filled in where a label or console text matches.
    static trace::Trace with_lines(trace::Trace raw, std::span<const LineOf> lines) {
        trace::Trace out;
        out.header = std::move(raw.header);
        out.outcome = std::move(raw.outcome);
        out.strings = std::move(raw.strings);
        auto line_of = [&](trace::StringId id) -> uint32_t {
            if (id == trace::kNoString) return 0;
            std::string_view text = out.strings.get(id);
            if (!text.empty() && text.back() == '\n') text.remove_suffix(1);
            for (const LineOf& l : lines)
                if (l.text == text) return l.line;
            return 0;
        };
        for (trace::TraceEvent e : raw.events) {
            if (e.line == 0) {
                if (e.kind == trace::EventKind::Console)
                    e.line = line_of(e.text);
                else if (e.kind == trace::EventKind::CallbackCreated)
                    e.line = line_of(e.label);
                if (e.line != 0) e.column = 1;
            }
            out.events.push_back(e);
        }
        return out;
    }

    sim::Simulation m_sim;
    node::Environment m_env;
    trace::TraceRecorder m_recorder;
    node::Tracer m_tracer;
};

constexpr std::string_view kSyncOrderSource = R"(console.log('start');

function greet(name) {
  console.log(`hello, ${name}`);
}

greet('event loop');
console.log('end');
)";

trace::Trace sync_order() {
    SampleRun run("scenarios/basics/01_sync_order.js", kSyncOrderSource);
    static constexpr LineOf lines[] = {{"start", 1}, {"hello, event loop", 4}, {"end", 8}};
    return run.finish(run.fn("main script",
                             [&] {
                                 run.log("start");
                                 run.work(SimTime::us(20));
                                 run.log("hello, event loop");
                                 run.log("end");
                             }),
                      lines);
}

constexpr std::string_view kTimeoutVsImmediateSource = R"(console.log('start');

setTimeout(() => {
  console.log('setTimeout');
}, 0);

setImmediate(() => {
  console.log('setImmediate');
});

console.log('end');
)";

trace::Trace timeout_vs_immediate() {
    SampleRun run("scenarios/basics/03_timeout_vs_immediate.js", kTimeoutVsImmediateSource);
    static constexpr LineOf lines[] = {
        {"start", 1},        {"() => console.log('setTimeout')", 3},   {"setTimeout", 4},
        {"setImmediate", 8}, {"() => console.log('setImmediate')", 7}, {"end", 11}};
    return run.finish(
        run.fn("main script",
               [&] {
                   run.log("start");
                   run.env().timers().set_timeout(
                       run.fn("() => console.log('setTimeout')", [&] { run.log("setTimeout"); }),
                       0);
                   run.work(SimTime::us(30));
                   run.env().immediates().set_immediate(run.fn("() => console.log('setImmediate')",
                                                               [&] { run.log("setImmediate"); }));
                   run.log("end");
               }),
        lines);
}

constexpr std::string_view kNextTickSource = R"(console.log('start');

setTimeout(() => {
  console.log('setTimeout');
}, 0);

Promise.resolve().then(() => {
  console.log('Promise');
});

process.nextTick(() => {
  console.log('nextTick');
});

console.log('end');
)";

trace::Trace next_tick_and_promises() {
    SampleRun run("scenarios/basics/04_next_tick_and_promises.js", kNextTickSource);
    static constexpr LineOf lines[] = {{"start", 1},      {"() => console.log('setTimeout')", 3},
                                       {"setTimeout", 4}, {"() => console.log('Promise')", 7},
                                       {"Promise", 8},    {"() => console.log('nextTick')", 11},
                                       {"nextTick", 12},  {"end", 15}};
    return run.finish(
        run.fn("main script",
               [&] {
                   run.log("start");
                   run.env().timers().set_timeout(
                       run.fn("() => console.log('setTimeout')", [&] { run.log("setTimeout"); }),
                       0);
                   run.work(SimTime::us(30));
                   run.env().queues().enqueue_microtask(
                       run.fn("() => console.log('Promise')", [&] { run.log("Promise"); }));
                   run.work(SimTime::us(30));
                   run.env().queues().next_tick(
                       run.fn("() => console.log('nextTick')", [&] { run.log("nextTick"); }));
                   run.log("end");
               }),
        lines);
}

constexpr std::string_view kReadFileSource = R"(const fs = require('fs');

fs.readFile(__filename, () => {
  setTimeout(() => console.log('timeout'), 0);
  setImmediate(() => console.log('immediate'));
});
)";

trace::Trace readfile_then_immediate() {
    SampleRun run("scenarios/io/02_timeout_vs_immediate_in_io.js", kReadFileSource);
    static constexpr LineOf lines[] = {
        {"fs.readFile(__filename)", 3},        {"() => { setTimeout(...); setImmediate(...); }", 3},
        {"() => console.log('timeout')", 4},   {"timeout", 4},
        {"() => console.log('immediate')", 5}, {"immediate", 5}};
    return run.finish(
        run.fn("main script",
               [&] {
                   run.work(SimTime::us(200)); // require('fs')
                   run.read_file(
                       "fs.readFile(__filename)", SimTime::us(1800),
                       run.fn("() => { setTimeout(...); setImmediate(...); }", [&] {
                           run.env().timers().set_timeout(
                               run.fn("() => console.log('timeout')", [&] { run.log("timeout"); }),
                               0);
                           run.work(SimTime::us(20));
                           run.env().immediates().set_immediate(run.fn(
                               "() => console.log('immediate')", [&] { run.log("immediate"); }));
                       }));
               }),
        lines);
}

constexpr std::string_view kBusySource = R"(function block(ms) {
  const end = Date.now() + ms;
  while (Date.now() < end) {}
}

setTimeout(() => console.log('timer callback'), 0);

console.log('busy for 50 ms...');
block(50);
console.log('script done');
)";

trace::Trace busy_timer() {
    SampleRun run("scenarios/basics/05_timer_waits_for_busy_script.js", kBusySource);
    static constexpr LineOf lines[] = {{"() => console.log('timer callback')", 6},
                                       {"timer callback", 6},
                                       {"busy for 50 ms...", 8},
                                       {"script done", 10}};
    return run.finish(run.fn("main script",
                             [&] {
                                 run.env().timers().set_timeout(
                                     run.fn("() => console.log('timer callback')",
                                            [&] { run.log("timer callback"); }),
                                     0);
                                 run.log("busy for 50 ms...");
                                 run.work(SimTime::ms(50)); // block(50)
                                 run.log("script done");
                             }),
                      lines);
}

constexpr std::string_view kAsyncPuzzleSource = R"(async function async1() {
  console.log('async1 start');
  await async2();
  console.log('async1 end');
}

async function async2() {
  console.log('async2');
}

console.log('script start');

setTimeout(() => {
  console.log('setTimeout');
}, 0);

async1();

new Promise((resolve) => {
  console.log('promise1');
  resolve();
}).then(() => {
  console.log('promise2');
});

console.log('script end');
)";

trace::Trace async_await_puzzle() {
    SampleRun run("scenarios/async_await/01_classic_interview_puzzle.js", kAsyncPuzzleSource);
    static constexpr LineOf lines[] = {
        {"async1 start", 2}, {"async2", 8},        {"async1 (resumes after await async2())", 3},
        {"async1 end", 4},   {"script start", 11}, {"() => console.log('setTimeout')", 13},
        {"setTimeout", 14},  {"promise1", 20},     {"() => console.log('promise2')", 22},
        {"promise2", 23},    {"script end", 26}};
    return run.finish(
        run.fn("main script",
               [&] {
                   run.log("script start");
                   run.env().timers().set_timeout(
                       run.fn("() => console.log('setTimeout')", [&] { run.log("setTimeout"); }),
                       0);
                   // async1(): runs synchronously up to its first await.
                   run.log("async1 start");
                   run.log("async2");
                   run.env().queues().enqueue_microtask(run.fn(
                       "async1 (resumes after await async2())", [&] { run.log("async1 end"); }));
                   run.log("promise1");
                   run.env().queues().enqueue_microtask(
                       run.fn("() => console.log('promise2')", [&] { run.log("promise2"); }));
                   run.log("script end");
               }),
        lines);
}

constexpr std::string_view kPoolSource = R"(const crypto = require('crypto');

const done = [];
for (let i = 1; i <= 6; i++) {
  crypto.pbkdf2('secret', 'salt', 20000, 32, 'sha256', () => done.push(i));
}
process.on('exit', () => console.log(`completion order: ${done.join(', ')}`));
)";

trace::Trace pbkdf2_pool() {
    SampleRun run("scenarios/io/14_pbkdf2_pool_of_four.js", kPoolSource);
    static constexpr LineOf lines[] = {{"crypto.pbkdf2 #1", 5},  {"crypto.pbkdf2 #2", 5},
                                       {"crypto.pbkdf2 #3", 5},  {"crypto.pbkdf2 #4", 5},
                                       {"crypto.pbkdf2 #5", 5},  {"crypto.pbkdf2 #6", 5},
                                       {"() => done.push(i)", 5}};
    auto order = std::make_shared<std::string>();
    return run.finish(
        run.fn("main script",
               [&, order] {
                   for (int i = 1; i <= 6; ++i) {
                       // Slightly different costs, as real hashing on a busy machine.
                       const SimTime cost = SimTime::us(21000 + 700 * ((i * 5) % 7));
                       auto job = std::make_shared<Task>(run.fn("() => done.push(i)", [order, i] {
                           *order += (order->empty() ? "" : ", ") + std::to_string(i);
                       }));
                       run.env().thread_pool().submit(
                           uv::WorkKind::Cpu, "crypto.pbkdf2 #" + std::to_string(i), cost,
                           [&run, job] {
                               job->id = run.env().new_async_id();
                               run.env().make_callback(*job, trace::Queue::Poll);
                           });
                       run.work(SimTime::us(60));
                   }
                   run.env().set_hooks(node::ProcessHooks{nullptr, nullptr, [&run, order](int) {
                                                              run.log("completion order: " +
                                                                      *order);
                                                              return CallResult::Returned;
                                                          }});
               }),
        lines);
}

struct SampleEntry {
    SampleInfo info;
    trace::Trace (*make)();
};

constexpr SampleEntry kSamples[] = {
    {{"sync-order", "basics/01_sync_order.js", "Synchronous code runs top to bottom"}, sync_order},
    {{"timeout-vs-immediate", "basics/03_timeout_vs_immediate.js",
      "setTimeout 0 vs setImmediate at the top level"},
     timeout_vs_immediate},
    {{"nexttick-and-promises", "basics/04_next_tick_and_promises.js",
      "process.nextTick and promises run before any timer"},
     next_tick_and_promises},
    {{"readfile-then-immediate", "io/02_timeout_vs_immediate_in_io.js",
      "setTimeout vs setImmediate inside an I/O callback"},
     readfile_then_immediate},
    {{"busy-timer", "basics/05_timer_waits_for_busy_script.js",
      "A 0 ms timer still waits for a slow script to finish"},
     busy_timer},
    {{"async-await-puzzle", "async_await/01_classic_interview_puzzle.js",
      "The classic async/await interview puzzle"},
     async_await_puzzle},
    {{"pbkdf2-pool", "io/14_pbkdf2_pool_of_four.js",
      "Six pbkdf2 calls on the default four-thread pool"},
     pbkdf2_pool},
};

} // namespace

std::span<const SampleInfo> samples() {
    static const std::vector<SampleInfo> infos = [] {
        std::vector<SampleInfo> v;
        for (const SampleEntry& s : kSamples) v.push_back(s.info);
        return v;
    }();
    return infos;
}

sim::Result<trace::Trace> make_sample(std::string_view name) {
    for (const SampleEntry& s : kSamples)
        if (s.info.name == name) return s.make();
    std::string known;
    for (const SampleEntry& s : kSamples)
        known += (known.empty() ? "" : ", ") + std::string(s.info.name);
    return sim::Error{"unknown sample \"" + std::string(name) + "\" (known: " + known + ")"};
}

trace::Trace make_stress_trace(size_t min_events) {
    SampleRun run("stress", "");
    std::function<void(uint64_t)> step = [&](uint64_t i) {
        run.env().immediates().set_immediate(run.fn("immediate step", [&, i] {
            run.log("step " + std::to_string(i % 1000));
            run.env().queues().next_tick(run.fn("tick", [&] { run.work(SimTime::us(3)); }));
            run.env().queues().enqueue_microtask(
                run.fn("promise job", [&] { run.work(SimTime::us(2)); }));
            if (i % 8 == 0)
                run.env().timers().set_timeout(run.fn("timer", [&] { run.work(SimTime::us(5)); }),
                                               1);
            if (i % 16 == 0)
                run.read_file("fs.read", SimTime::us(400),
                              run.fn("read done", [&] { run.work(SimTime::us(4)); }));
            run.work(SimTime::us(10));
            if (run.recorded() < min_events) step(i + 1);
        }));
    };
    return run.finish(run.fn("main script", [&] { step(0); }), {});
}

} // namespace loopsim::viewer
