// Node's one-time costs (Environment::first_time, docs/node-model.md, "Warm-up"): the first
// setTimeout, setImmediate and nextTick calls, the first console line that formats a number or
// inspects an object, and the first tick drain each cost the main thread a few hundred
// microseconds once; the second time they cost next to nothing. The scripts measure it with
// performance.now(), which reads loopsim's virtual clock, so they print the same in loopsim as
// the comparisons do in node.
#include "tests/node/node_test_support.h"

#include <string>

namespace {

using loopsim::node::testing::scenario_options;

std::string run(const std::string& source) {
    return loopsim::node::run_scenario(scenario_options("/work/warmup.js", source)).stdout_text;
}

// Times one call in milliseconds, then compares the first and the second call with 0.1 ms.
const char* const k_measure =
    R"(const ms = (f) => { const a = performance.now(); f(); return performance.now() - a; };
const report = (name, first, second) =>
  console.log(name, 'first >= 0.1 ms:', first >= 0.1, 'second < 0.1 ms:', second < 0.1);
console.log('stdout is open');
)";

} // namespace

TEST_SUITE("node.warmup") {
    TEST_CASE("each first call costs Node's warm-up once, the second call does not") {
        // node 20 printed these lines in 8 of 8 runs here (stdout a pipe).
        const std::string out = run(std::string(k_measure) + R"(
const timeout = [ms(() => setTimeout(() => {}, 1)), ms(() => setTimeout(() => {}, 1))];
const immediate = [ms(() => setImmediate(() => {})), ms(() => setImmediate(() => {}))];
const format = [ms(() => console.log('n', 1)), ms(() => console.log('n', 2))];
report('setTimeout', ...timeout);
report('setImmediate', ...immediate);
report('a number in console.log', ...format);
)");
        CHECK(out == "stdout is open\nn 1\nn 2\n"
                     "setTimeout first >= 0.1 ms: true second < 0.1 ms: true\n"
                     "setImmediate first >= 0.1 ms: true second < 0.1 ms: true\n"
                     "a number in console.log first >= 0.1 ms: true second < 0.1 ms: true\n");
    }

    TEST_CASE("the first object a console line inspects costs more than the first number") {
        // node 20 printed the last line in 8 of 8 runs here: about 0.6 ms for the first
        // number, then 1.5 ms more for the first object.
        const std::string out = run(std::string(k_measure) + R"(
const number = ms(() => console.log(1));
const object = ms(() => console.log({ a: 'x' }));
console.log('object costs more:', object > number, 'both over 0.3 ms:', number > 0.3 && object > 0.3);
)");
        CHECK(out ==
              "stdout is open\n1\n{ a: 'x' }\nobject costs more: true both over 0.3 ms: true\n");
    }

    TEST_CASE("the first drain of ticks costs Node's warm-up, the next tick in it does not") {
        // node 20 printed this in 8 of 8 runs here.
        const std::string out = run(R"(const end = performance.now();
process.nextTick(() => {
  const first = performance.now() - end;
  const start = performance.now();
  process.nextTick(() => {
    const second = performance.now() - start;
    console.log('first tick after >= 0.1 ms:', first >= 0.1, 'second < 0.1 ms:', second < 0.1);
  });
});
)");
        CHECK(out == "first tick after >= 0.1 ms: true second < 0.1 ms: true\n");
    }

    TEST_CASE("a function's first call costs V8's lazy compilation once") {
        // node 20 printed this in 8 of 8 runs here (a first call takes 8 to 11 us,
        // scripts/measure-warmup.js).
        const std::string out = run(R"(function f1(x) { return x + 1; }
function f2(x) { return x * 2; }
function f3(x) { return x - 3; }
let a = performance.now(); f1(1); f2(1); f3(1); const first = (performance.now() - a) / 3;
a = performance.now(); f1(2); f2(2); f3(2); const second = (performance.now() - a) / 3;
console.log('first call over 3 us:', first > 0.003, 'second under 1 us:', second < 0.001);
)");
        CHECK(out == "first call over 3 us: true second under 1 us: true\n");
    }
}
