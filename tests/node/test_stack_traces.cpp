// Stack traces and the fatal-error report, end to end through run_scenario. Every expected
// text is what node 20.20 printed for the same program (run as /t/s.js).
#include "model/node/scenario_runner.h"

#include <doctest/doctest.h>
#include <string>

using namespace loopsim;

namespace {

node::ScenarioResult run_js(const std::string& source) {
    node::ScenarioOptions options;
    options.path = "/t/s.js";
    options.source = source;
    return node::run_scenario(options);
}

const std::string k_main_frames =
    "    at Module._compile (node:internal/modules/cjs/loader:1521:14)\n"
    "    at Module._extensions..js (node:internal/modules/cjs/loader:1623:10)\n"
    "    at Module.load (node:internal/modules/cjs/loader:1266:32)\n"
    "    at Module._load (node:internal/modules/cjs/loader:1091:12)\n"
    "    at Function.executeUserEntryPoint [as runMain] "
    "(node:internal/modules/run_main:164:12)\n"
    "    at node:internal/main/run_main_module:28:49\n";
const std::string k_footer = "\nNode.js v20.20.2\n";

} // namespace

TEST_SUITE("node.stack_traces") {
    TEST_CASE(
        "frame names follow V8: methods, [as alias], statics, built-ins, skipped constructors") {
        node::ScenarioResult r = run_js(R"(class NotFound extends Error {
  constructor(what) { super(`${what} not found`); this.name = 'NotFound'; }
}
function lookup() { return new NotFound('user'); }
console.log(lookup().stack.split('\n').slice(0, 2).join('\n'));
const o = { m() { return new Error('m').stack.split('\n')[1]; } };
const alias = { other: o.m };
console.log(o.m());
console.log(alias.other());
class K { static s() { return new Error('s').stack.split('\n')[1]; } }
console.log(K.s());
console.log([1].map(function cb() { return new Error('x').stack.split('\n').slice(1, 3).join('\n'); })[0]);
function capture() { const t = {}; Error.captureStackTrace(t, capture); return t.stack.split('\n')[1]; }
console.log(capture());
)");
        // The name set after super() shows: the header is made on first read.
        CHECK(r.stdout_text == "NotFound: user not found\n"
                               "    at lookup (/t/s.js:4:28)\n"
                               "    at Object.m (/t/s.js:6:26)\n"
                               "    at Object.m [as other] (/t/s.js:6:26)\n"
                               "    at K.s (/t/s.js:10:31)\n"
                               "    at cb (/t/s.js:12:44)\n"
                               "    at Array.map (<anonymous>)\n"
                               "    at Object.<anonymous> (/t/s.js:14:13)\n");
    }

    TEST_CASE("a function assigned to a property is named by V8's inferred name") {
        // FuncNameInferrer: the assignment's target names an anonymous function literal;
        // AppendMethodCall puts the receiver's type only before a name that is an identifier.
        node::ScenarioResult r =
            run_js(R"(const s = () => new Error('x').stack.split('\n')[2].trim();
const a = { b: {} }; const k = 'kk';
a[k] = function () { return s(); }; console.log(a[k]());
a.b['lit'] = function () { return s(); }; console.log(a.b.lit());
function Ctor() { this.m = function () { return s(); }; }
console.log(new Ctor().m());
a.x = a.y = function () { return s(); }; console.log(a.x());
a.z = (0, function () { return s(); }); console.log(a.z());
let fn; fn = a.q = function () { return s(); }; console.log(fn());
a.c1 = true ? function () { return s(); } : null; console.log(a.c1());
a.f1 = ((f) => f)(function () { return s(); }); console.log(a.f1());
a.arr = [function () { return s(); }]; console.log(a.arr[0]());
function EE() {} EE.prototype.zed = function () { return s(); }; console.log(new EE().zed());
a.named = function inner() { return s(); }; console.log(a.named(), a.z.name === '');
)");
        CHECK(r.stderr_text == "");
        CHECK(r.stdout_text == "at a.<computed> [as kk] (/t/s.js:3:29)\n"
                               "at a.b.lit (/t/s.js:4:35)\n"
                               "at Ctor.m (/t/s.js:5:49)\n"
                               "at a.x.a.y (/t/s.js:7:34)\n"
                               "at a.z (/t/s.js:8:32)\n"
                               "at a.q (/t/s.js:9:41)\n"
                               "at a.c1 (/t/s.js:10:36)\n"
                               "at Object.f1 (/t/s.js:11:40)\n"
                               "at a.arr (/t/s.js:12:31)\n"
                               "at EE.zed (/t/s.js:13:58)\n"
                               "at Object.inner [as named] (/t/s.js:14:37) true\n");
    }

    TEST_CASE("names inferred from a declaration or an assignment to a variable") {
        node::ScenarioResult r =
            run_js(R"(const s = () => new Error('x').stack.split('\n')[2].trim();
const tries = [() => s()];
console.log(tries[0]());
const cond = true ? () => s() : null;
console.log(cond());
let later; later = [function () { return s(); }];
console.log(later[0]());
const obj = { list: [() => s()] };
console.log(obj.list[0]());
var v = (0, () => s());
console.log(v());
)");
        CHECK(r.stdout_text == "at Array.tries (/t/s.js:2:22)\nat cond (/t/s.js:4:27)\n"
                               "at Array.later (/t/s.js:6:42)\nat obj.list (/t/s.js:8:28)\n"
                               "at v (/t/s.js:10:19)\n");
    }

    TEST_CASE("for...of names what is not iterable by its source text, as V8 does") {
        node::ScenarioResult r =
            run_js(R"(const o = {}; function f() { return 5; } const a = { b: { c: 1 } };
for (const t of [() => { for (const x of f()) {} }, () => { for (const x of a.b.c) {} },
  () => { for (const x of null) {} }, () => { for (const x of (o)) {} },
  () => { for (const x of o[1]) {} }]) {
  try { t(); } catch (e) { console.log(e.message); }
}
(async () => { try { for await (const x of f()) {} } catch (e) { console.log(e.message); } })();
)");
        CHECK(r.stdout_text == "f is not a function or its return value is not iterable\n"
                               "a.b.c is not iterable\nnull is not iterable\no is not iterable\n"
                               "o[1] is not iterable\n"
                               "f(...) is not a function or its return value is not async "
                               "iterable\n");
    }

    TEST_CASE("an error a built-in makes has its stack, also when it only rejects a promise") {
        // V8 captures the stack when the error is made: `stack` comes before `message`.
        node::ScenarioResult caught = run_js("try { [].reduce((a, b) => a); } catch (e) { "
                                             "console.log(Object.getOwnPropertyNames(e), "
                                             "e.stack); }\n");
        CHECK(caught.stdout_text ==
              "[ 'stack', 'message' ] TypeError: Reduce of empty array with no "
              "initial value\n    at Array.reduce (<anonymous>)\n"
              "    at Object.<anonymous> (/t/s.js:1:10)\n" +
                  k_main_frames);
        // Promise.all of something not iterable rejects (it does not throw): unhandled, the
        // rejection is reported from the error's own stack, as a thrown error would be.
        node::ScenarioResult rejected =
            run_js("const p = Promise.all({});\nsetTimeout(() => {}, 1);\n");
        CHECK(rejected.exit_code == 1);
        CHECK(rejected.stderr_text ==
              "/t/s.js:1\nconst p = Promise.all({});\n                  ^\n\n"
              "TypeError: object is not iterable (cannot read property Symbol(Symbol.iterator))\n"
              "    at Function.all (<anonymous>)\n    at Object.<anonymous> (/t/s.js:1:19)\n" +
                  k_main_frames + k_footer);
    }

    TEST_CASE("Node's own frames under timers, immediates and ticks") {
        node::ScenarioResult r = run_js(R"(function named() { console.log(new Error('t').stack); }
setTimeout(named, 1);
setTimeout(() => {
  setImmediate(() => console.log(new Error('imm arrow').stack));
  process.nextTick((a, b) => console.log(new Error('2 args').stack), 1, 2);
}, 5);
)");
        CHECK(r.stdout_text ==
              "Error: t\n"
              "    at Timeout.named [as _onTimeout] (/t/s.js:1:32)\n"
              "    at listOnTimeout (node:internal/timers:581:17)\n"
              "    at process.processTimers (node:internal/timers:519:7)\n"
              "Error: 2 args\n"
              "    at /t/s.js:5:42\n"
              "    at process.processTicksAndRejections (node:internal/process/task_queues:82:21)\n"
              "Error: imm arrow\n"
              "    at Immediate._onImmediate (/t/s.js:4:34)\n"
              "    at process.processImmediate (node:internal/timers:483:21)\n");
    }

    TEST_CASE("the fatal header points at the throw statement; a finally keeps the first site") {
        node::ScenarioResult r = run_js(R"(function f() {
  try {
    throw new Error('first');
  } finally {
    console.log('finally');
  }
}
f();
)");
        CHECK(r.exit_code == 1);
        CHECK(r.stdout_text == "finally\n");
        CHECK(r.stderr_text ==
              "/t/s.js:3\n    throw new Error('first');\n    ^\n\nError: first\n"
              "    at f (/t/s.js:3:11)\n    at Object.<anonymous> (/t/s.js:8:1)\n" +
                  k_main_frames + k_footer);
    }

    TEST_CASE("a failed call is its own site") {
        node::ScenarioResult r = run_js("const x = 1;\nx();\n");
        CHECK(r.stderr_text == "/t/s.js:2\nx();\n^\n\nTypeError: x is not a function\n"
                               "    at Object.<anonymous> (/t/s.js:2:1)\n" +
                                   k_main_frames + k_footer);
    }

    TEST_CASE("a rejection from an awaited async function: header from the stack, async frames") {
        node::ScenarioResult r =
            run_js(R"(async function a() { await null; throw new Error('deep'); }
async function b() { await a(); }
b();
)");
        CHECK(r.exit_code == 1);
        CHECK(r.stderr_text ==
              "/t/s.js:1\nasync function a() { await null; throw new Error('deep'); }\n"
              "                                       ^\n\nError: deep\n"
              "    at a (/t/s.js:1:40)\n    at async b (/t/s.js:2:22)\n" +
                  k_footer);
    }

    TEST_CASE("a reason that is not an Error is thrown as UnhandledPromiseRejection") {
        node::ScenarioResult r = run_js("Promise.reject(42);\n");
        CHECK(r.exit_code == 1);
        CHECK(
            r.stderr_text ==
            "node:internal/process/promises:389\n      new UnhandledPromiseRejection(reason);\n    "
            "  ^\n\n"
            "UnhandledPromiseRejection: This error originated either by throwing inside of an "
            "async function "
            "without a catch block, or by rejecting a promise which was not handled with .catch(). "
            "The promise "
            "rejected with the reason \"42\".\n"
            "    at throwUnhandledRejectionsMode (node:internal/process/promises:389:7)\n"
            "    at processPromiseRejections (node:internal/process/promises:470:17)\n"
            "    at process.processTicksAndRejections (node:internal/process/task_queues:96:32) {\n"
            "  code: 'ERR_UNHANDLED_REJECTION'\n}\n" +
                k_footer);
    }

    TEST_CASE("throwing a primitive prints the value and the --trace-uncaught hint") {
        node::ScenarioResult r = run_js("throw 'stop';\n");
        CHECK(r.exit_code == 1);
        CHECK(r.stderr_text ==
              "\n/t/s.js:1\nthrow 'stop';\n^\nstop\n"
              "(Use `node --trace-uncaught ...` to show where the exception was thrown)\n" +
                  k_footer);
    }
}
