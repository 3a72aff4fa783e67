// The values queued callbacks hold stay alive while the heap collects: every tick, promise
// job, microtask and immediate below holds objects nothing else reaches, and the heap collects
// at every safepoint (ScenarioOptions::collect_at_every_safepoint). A value the model keeps
// without rooting it is freed and reused at once, and the output (or ASan) shows it.
// The expected output is what node v20 printed for the same program.
#include "node_test_support.h"

#include <doctest/doctest.h>
#include <string>

namespace {

const char* const k_program =
    R"js(// Every queued callback holds values nothing else reaches while the heap collects.
const log = (...a) => console.log(a.join(' '));
function churn() { let keep = []; for (let i = 0; i < 200; i++) keep.push({ i }); return keep.length; }
for (let i = 0; i < 3; i++) {
  process.nextTick((o, s) => log('tick', o.n, s.repeat(2)), { n: i }, 'ab' + i);
  process.nextTick(() => log('tick-noargs', i));
  Promise.resolve({ v: i * 10 }).then((x) => log('then', x.v));
  queueMicrotask(() => log('microtask', [i, i + 1].join('+')));
  setImmediate((o) => log('immediate', o.k), { k: 'im' + i });
}
(async () => {
  for (let j = 0; j < 3; j++) {
    const box = await new Promise((r) => setImmediate(() => r({ j })));
    churn();
    log('await', box.j);
  }
})();
log('main', churn());
)js";

const char* const k_node_output = R"out(main 200
tick 0 ab0ab0
tick-noargs 0
tick 1 ab1ab1
tick-noargs 1
tick 2 ab2ab2
tick-noargs 2
then 0
microtask 0+1
then 10
microtask 1+2
then 20
microtask 2+3
immediate im0
immediate im1
immediate im2
await 0
await 1
await 2
)out";

} // namespace

TEST_SUITE("node.collector_roots") {
    TEST_CASE("queued ticks, jobs and immediates keep their values through collections") {
        using namespace loopsim::node;
        ScenarioOptions options = testing::scenario_options("/work/roots.js", k_program);
        options.collect_at_every_safepoint = true;
        ScenarioResult stressed = run_scenario(options);
        CHECK(stressed.exit_code == 0);
        CHECK(stressed.stderr_text.empty());
        CHECK(stressed.stdout_text == k_node_output);
        options.record_trace = true; // the tracer's labels read the same values
        ScenarioResult traced = run_scenario(options);
        CHECK(traced.stdout_text == k_node_output);
    }
}
