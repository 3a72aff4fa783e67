// for await: async iterables, sync iterables through the async-from-sync iterator, closing on
// break, return and throw, and the errors V8 gives. Every expected text below is what node
// v20.20.2 printed for the same program (tests/js_syntax covers where for await may appear).
#include "tests/node/node_test_support.h"

#include <doctest/doctest.h>
#include <string>

using namespace loopsim;

TEST_SUITE("node.for_await") {
    TEST_CASE(
        "each step takes node's microtask turns; break, return and throw close the iterator") {
        // A promise chain beside the loop shows the turns: two per step over an array (the
        // value awaited through the async-from-sync iterator, then the step's promise).
        CHECK(node::testing::stdout_of(
                  "/work/for_await.js",
                  R"JS(const sleep = (ms, v) => new Promise((r) => setTimeout(() => r(v), ms));
let n = 0;
function chain(label) { Promise.resolve().then(() => { console.log(label, 'tick', ++n); if (n < 10) chain(label); }); }
async function main() {
  chain('A');
  for await (const x of [1, Promise.resolve(2), 3]) console.log('value', x);
  console.log('loop done');
  const items = [sleep(20, 'slow'), sleep(5, 'fast')];
  for await (const x of items) console.log('got', x);
  const custom = {
    [Symbol.asyncIterator]() {
      let i = 0;
      return {
        next() { i++; return i <= 3 ? Promise.resolve({ value: i, done: false }) : { done: true }; },
        return() { console.log('return called'); return { done: true }; },
      };
    },
  };
  for await (const x of custom) { console.log('custom', x); if (x === 2) break; }
  try {
    for await (const x of [Promise.reject(new Error('bad'))]) console.log('never', x);
  } catch (e) { console.log('caught', e.message); }
  async function early() { for await (const x of custom) { return x * 10; } }
  console.log('early', await early());
  try { for await (const x of custom) { throw new Error('inside'); } } catch (e) { console.log('caught', e.message); }
}
main().then(() => console.log('main done'));
)JS") == "A tick 1\n"
         "A tick 2\n"
         "value 1\n"
         "A tick 3\n"
         "A tick 4\n"
         "value 2\n"
         "A tick 5\n"
         "A tick 6\n"
         "value 3\n"
         "A tick 7\n"
         "A tick 8\n"
         "loop done\n"
         "A tick 9\n"
         "A tick 10\n"
         "got slow\n"
         "got fast\n"
         "custom 1\n"
         "custom 2\n"
         "return called\n"
         "caught bad\n"
         "return called\n"
         "early 10\n"
         "return called\n"
         "caught inside\n"
         "main done\n");
    }

    TEST_CASE(
        "V8's errors: not async iterable, bad results, and a failing return() after a throw") {
        CHECK(node::testing::stdout_of("/work/for_await_errors.js", R"JS((async () => {
  for (const v of [5, {}, null]) {
    try { for await (const x of v) {} } catch (e) { console.log(e.message); }
  }
  try { for await (const x of { [Symbol.asyncIterator]() { return 1; } }) {} } catch (e) { console.log(e.message); }
  try { for await (const x of { [Symbol.asyncIterator]() { return { next() { return 1; } }; } }) {} } catch (e) { console.log(e.message); }
})();
(async () => {
  try { for await (const x of { [Symbol.asyncIterator]() { return {}; } }) {} } catch (e) { console.log('D', e.message); }
  try { for await (const x of { [Symbol.asyncIterator]() { return { next() { return Promise.reject(new Error('rej')); } }; } }) {} } catch (e) { console.log('E', e.message); }
  const it = { i: 0, [Symbol.asyncIterator]() { return this; }, next() { return { value: this.i++, done: this.i > 3 }; }, return() { console.log('closing'); return 5; } };
  try { for await (const x of it) { break; } } catch (e) { console.log('F', e.message); }
  try { for await (const x of it) { throw new Error('G'); } } catch (e) { console.log('G', e.message); }
  label: for (const o of [1, 2]) { for await (const x of [10, 20]) { console.log(o, x); continue label; } }
  for await (const [a, b] of [[1, 2], Promise.resolve([3, 4])]) console.log(a + b);
  let s = 0; for await (s of [1, 2]) {} console.log('s', s);
})();
)JS") == "v is not async iterable\n"
         "v is not async iterable\n"
         "Cannot read properties of null (reading 'Symbol(Symbol.asyncIterator)')\n"
         "Result of the Symbol.asyncIterator method is not an object\n"
         "D undefined is not a function\n"
         "Iterator result 1 is not an object\n"
         "E rej\n"
         "closing\n"
         "F Iterator result 5 is not an object\n"
         "closing\n"
         "G G\n"
         "1 10\n"
         "2 10\n"
         "3\n"
         "7\n"
         "s 2\n");
    }
}
