// EventTarget, Event, AbortController, AbortSignal and DOMException, and the `signal` option
// of timers/promises and events.once. Every expected text below is what node v20.20.2
// printed for the same program.
#include "tests/node/node_test_support.h"

#include <doctest/doctest.h>
#include <string>

using namespace loopsim;

namespace {

std::string out(const std::string& source) {
    return node::testing::stdout_of("/work/abort.js", source);
}

node::ScenarioResult run(const std::string& source) {
    return node::run_scenario(node::testing::scenario_options("/work/abort.js", source));
}

} // namespace

TEST_SUITE("node.abort") {
    TEST_CASE("dispatchEvent calls listeners in order, skips removed ones, reaches added ones") {
        const std::string source =
            "const et = new EventTarget();\n"
            "const l3 = () => console.log('l3 (added during)');\n"
            "et.addEventListener('x', function (e) { console.log('l1', this === et, "
            "e.currentTarget === et, e.eventPhase); et.addEventListener('x', l3); "
            "et.removeEventListener('x', l2); });\n"
            "const l2 = () => console.log('l2 removed during');\n"
            "et.addEventListener('x', l2);\n"
            "et.addEventListener('x', { handleEvent(e) { console.log('handleEvent', this !== et); "
            "} });\n"
            "et.addEventListener('x', () => { throw new Error('boom'); });\n"
            "et.addEventListener('x', () => console.log('after throw'));\n"
            "process.on('uncaughtException', (e) => console.log('uncaught', e.message));\n"
            "process.nextTick(() => console.log('tick queued before dispatch'));\n"
            "const ev = new Event('x');\n"
            "console.log('dispatch ->', et.dispatchEvent(ev), ev.currentTarget, ev.eventPhase, "
            "ev.target === et, ev.isTrusted);\n"
            "console.log('sync end');\n";
        CHECK(out(source) == "l1 true true 2\nhandleEvent true\nafter throw\nl3 (added during)\n"
                             "dispatch -> true null 0 true false\nsync end\n"
                             "tick queued before dispatch\nuncaught boom\n");
    }

    TEST_CASE("the same listener is added once; once-listeners and onabort keep their places") {
        CHECK(out("const ac = new AbortController();\n"
                  "const f = () => console.log('f');\n"
                  "ac.signal.addEventListener('abort', f);\n"
                  "ac.signal.addEventListener('abort', f);\n"
                  "ac.signal.onabort = () => console.log('first handler');\n"
                  "ac.signal.addEventListener('abort', () => console.log('once'), { once: true "
                  "});\n"
                  "ac.signal.onabort = () => console.log('second handler, first place');\n"
                  "console.log(typeof ac.signal.onabort);\n"
                  "ac.abort();\nac.abort();\n") ==
              "function\nf\nsecond handler, first place\nonce\n");
    }

    TEST_CASE("abort() sets aborted and reason before the listeners run") {
        CHECK(out("const ac = new AbortController();\n"
                  "const { signal } = ac;\n"
                  "console.log(signal.aborted, signal.reason);\n"
                  "signal.addEventListener('abort', (e) => console.log('listener', e.type, "
                  "signal.aborted, signal.reason.name, e.isTrusted));\n"
                  "ac.abort();\n"
                  "console.log(signal.reason instanceof DOMException, signal.reason instanceof "
                  "Error, signal.reason.code, signal.reason.message);\n"
                  "const custom = new AbortController();\n"
                  "custom.abort('why');\n"
                  "console.log(custom.signal.reason, AbortSignal.abort(7).reason, "
                  "AbortSignal.abort().reason.name);\n") ==
              "false undefined\nlistener abort true AbortError true\n"
              "true true 20 This operation was aborted\nwhy 7 AbortError\n");
    }

    TEST_CASE("an abort rejects timers/promises and events.once a few microtasks later") {
        // Node's timers/promises passes a signalled promise through
        // SafePromisePrototypeFinally; events.once is an async function.
        const std::string source =
            "const tp = require('timers/promises');\n"
            "const ac = new AbortController();\n"
            "const { signal } = ac;\n"
            "tp.setTimeout(50, 'late', { signal }).catch(() => console.log('rejected timeout'));\n"
            "tp.setImmediate('late', { signal }).catch(() => console.log('rejected "
            "immediate'));\n"
            "const ac2 = new AbortController();\n"
            "const ev = new (require('events'))();\n"
            "require('events').once(ev, 'x', { signal: ac2.signal }).catch((e) => "
            "console.log('rejected once', e.name, e.code, e.cause.name));\n"
            "let n = 0;\n"
            "function chain() { Promise.resolve().then(() => { console.log('tick', ++n); if (n < "
            "8) chain(); }); }\n"
            "chain();\nac.abort('why');\nac2.abort();\nconsole.log('sync end');\n";
        CHECK(out(source) == "sync end\ntick 1\ntick 2\nrejected once AbortError ABORT_ERR "
                             "AbortError\ntick 3\ntick 4\ntick 5\ntick 6\nrejected timeout\n"
                             "rejected immediate\ntick 7\ntick 8\n");
    }

    TEST_CASE("an aborted timer does not fire and does not keep the process alive") {
        CHECK(out("const tp = require('timers/promises');\n"
                  "const ac = new AbortController();\n"
                  "tp.setTimeout(1000, 'never', { signal: ac.signal }).then(console.log, (e) => "
                  "console.log(e.name));\n"
                  "setTimeout(() => ac.abort(), 5);\n"
                  "process.on('exit', () => console.log('exit at', Math.round(performance.now()) "
                  "< 500));\n") == "AbortError\nexit at true\n");
        // A signal already aborted rejects without scheduling anything.
        CHECK(out("const tp = require('timers/promises');\n"
                  "tp.setImmediate(1, { signal: AbortSignal.abort('r') }).catch((e) => "
                  "console.log(e.message, e.cause));\n") == "The operation was aborted r\n");
    }

    TEST_CASE("AbortSignal.timeout aborts from an unref'd timer with a TimeoutError") {
        CHECK(out("const t = AbortSignal.timeout(20);\n"
                  "t.onabort = () => console.log('never: unref timer');\n"
                  "console.log('end');\n") == "end\n");
        CHECK(out("const t = AbortSignal.timeout(5);\n"
                  "t.addEventListener('abort', () => console.log(t.reason.name, t.reason.message, "
                  "t.reason.code));\n"
                  "const any = AbortSignal.any([t, new AbortController().signal]);\n"
                  "any.onabort = () => console.log('any aborted', any.reason === t.reason);\n"
                  "setTimeout(() => console.log('timer 6'), 6);\n") ==
              "TimeoutError The operation was aborted due to timeout 23\nany aborted true\n"
              "timer 6\n");
    }

    TEST_CASE("the classes print and fail as Node's do") {
        CHECK(out("const ac = new AbortController();\n"
                  "console.log(ac, ac.signal, AbortSignal.abort());\n"
                  "console.log(Object.prototype.toString.call(ac.signal), String(new "
                  "Event('x')));\n"
                  "console.log(require('util').inspect(ac, { depth: 0 }));\n") ==
              "AbortController { signal: AbortSignal { aborted: false } } AbortSignal { aborted: "
              "false } AbortSignal { aborted: true }\n[object AbortSignal] [object Event]\n"
              "AbortController [Object]\n");
        const auto caught = [](const std::string& expression) {
            return out("try { " + expression +
                       "; } catch (e) { console.log(e.code || e.name, e.message); }");
        };
        CHECK(caught("new AbortSignal()") == "ERR_ILLEGAL_CONSTRUCTOR Illegal constructor\n");
        CHECK(caught("AbortController()") ==
              "TypeError Class constructor AbortController cannot be invoked without 'new'\n");
        CHECK(caught("Object.getOwnPropertyDescriptor(AbortSignal.prototype, "
                     "'aborted').get.call({})") ==
              "ERR_INVALID_THIS Value of \"this\" must be of type AbortSignal\n");
        CHECK(caught("new EventTarget().dispatchEvent({})") ==
              "ERR_INVALID_ARG_TYPE The \"event\" argument must be an instance of Event. "
              "Received an instance of Object\n");
        CHECK(caught("new Event()") ==
              "ERR_MISSING_ARGS The \"type\" argument must be specified\n");
        CHECK(caught("AbortSignal.timeout(-1)") ==
              "ERR_OUT_OF_RANGE The value of \"delay\" is out of range. It must be >= 0 && <= "
              "4294967295. Received -1\n");
        CHECK(out("console.log(new DOMException('m', 'AbortError').code, new "
                  "DOMException('m').name, new DOMException('x', { name: 'TimeoutError', cause: 1 "
                  "}).cause, String(new DOMException('x', 'AbortError')));\n") ==
              "20 Error 1 AbortError: x\n");
    }

    TEST_CASE("a listener's exception is uncaught on the next tick, reported from event_target") {
        const node::ScenarioResult result =
            run("const ac = new AbortController();\n"
                "ac.signal.addEventListener('abort', () => { throw new Error('boom in listener'); "
                "});\n"
                "setTimeout(() => ac.abort(), 1);\n");
        CHECK(result.exit_code == 1);
        CHECK(result.stderr_text ==
              "node:internal/event_target:1105\n"
              "  process.nextTick(() => { throw err; });\n"
              "                           ^\n\n"
              "Error: boom in listener\n"
              "    at EventTarget.<anonymous> (/work/abort.js:2:51)\n"
              "    at [nodejs.internal.kHybridDispatch] (node:internal/event_target:831:20)\n"
              "    at EventTarget.dispatchEvent (node:internal/event_target:766:26)\n"
              "    at abortSignal (node:internal/abort_controller:370:10)\n"
              "    at AbortController.abort (node:internal/abort_controller:392:5)\n"
              "    at Timeout._onTimeout (/work/abort.js:3:21)\n"
              "    at listOnTimeout (node:internal/timers:581:17)\n"
              "    at process.processTimers (node:internal/timers:519:7)\n\n"
              "Node.js v20.20.2\n");
    }
}

TEST_SUITE("node.inspect_custom") {
    TEST_CASE("util.inspect.custom replaces an object's formatting, at the depth it is met") {
        CHECK(out("const util = require('util');\n"
                  "class Money { constructor(n) { this.n = n; }\n"
                  "  [util.inspect.custom](depth, options, inspect) {\n"
                  "    return `Money<${this.n}> depth=${depth} ${typeof options.stylize} "
                  "${inspect === util.inspect}`; } }\n"
                  "console.log(new Money(5));\n"
                  "console.log({ a: { b: new Money(1) } });\n"
                  "console.log(util.inspect.custom === "
                  "Symbol.for('nodejs.util.inspect.custom'));\n") ==
              "Money<5> depth=2 function true\n{ a: { b: Money<1> depth=0 function true } }\n"
              "true\n");
        // A non-string result is formatted in its place; `this` returned means "as usual";
        // a prototype carrying the method is not formatted by it.
        CHECK(out("const c = Symbol.for('nodejs.util.inspect.custom');\n"
                  "console.log({ [c]() { return { replaced: true }; } });\n"
                  "const self = { x: 1, [c]() { return this; } };\n"
                  "console.log(self.x, Object.keys(self));\n"
                  "class P { [c]() { return 'instance'; } }\n"
                  "console.log(new P(), P.prototype);\n") ==
              "{ replaced: true }\n1 [ 'x' ]\ninstance {}\n");
    }
}
