// The global object as Node 20 shows it: `global`, the enumerable timer functions in Node's
// order, `performance` as a replaceable accessor, the "global" tag; and what a scenario is
// told when it uses a global that loopsim does not model.
#include "tests/node/node_test_support.h"

#include <doctest/doctest.h>
#include <string>

using namespace loopsim;

namespace {

std::string out(const std::string& source) {
    return node::testing::stdout_of("/work/globals.js", source);
}

// The message of the error the scenario throws, printed by its own catch.
std::string caught(const std::string& expression) {
    return out("try { " + expression + "; } catch (e) { console.log(e.name + ': ' + e.message); }");
}

} // namespace

TEST_SUITE("node.globals") {
    TEST_CASE("global is the global object and its first enumerable property") {
        CHECK(out("global.x = 5;\nconsole.log(x, global === globalThis, globalThis.global === "
                  "global);\n") == "5 true true\n");
        // lib/internal/bootstrap/node.js defines `global`, then the timer functions in this
        // order (lib/timers.js exports, clearImmediate first), then queueMicrotask; Node's
        // structuredClone, atob, btoa, fetch and crypto come between and after, and loopsim
        // does not model them.
        CHECK(out("console.log(Object.keys(globalThis).join(' '));") ==
              "global clearImmediate setImmediate clearInterval clearTimeout setInterval "
              "setTimeout queueMicrotask performance\n");
        CHECK(out("console.log(Object.prototype.toString.call(globalThis));") ==
              "[object global]\n");
        // console, process and Buffer stay non-enumerable.
        CHECK(out("console.log(Object.getOwnPropertyDescriptor(globalThis, 'process').enumerable,"
                  " Object.getOwnPropertyDescriptor(globalThis, 'console').enumerable);") ==
              "false false\n");
    }

    TEST_CASE("performance is an accessor whose setter replaces the value it gives") {
        CHECK(out("const d = Object.getOwnPropertyDescriptor(globalThis, 'performance');\n"
                  "console.log(typeof d.get, typeof d.set, d.enumerable, d.get.name);\n"
                  "console.log(performance === require('perf_hooks').performance);\n"
                  "performance = 5;\n"
                  "console.log(performance, typeof Object.getOwnPropertyDescriptor(globalThis, "
                  "'performance').get);\n") ==
              "function function true get performance\ntrue\n5 function\n");
    }

    TEST_CASE("a global loopsim does not model says so; an unknown name does not") {
        CHECK(caught("structuredClone({})") ==
              "ReferenceError: structuredClone is not defined: loopsim does not model this "
              "global yet (docs/dialect.md lists the ones it has)\n");
        CHECK(caught("new WeakRef({})") ==
              "ReferenceError: WeakRef is not defined: loopsim does not model this JavaScript "
              "built-in yet (docs/builtins.md lists the ones it has)\n");
        CHECK(caught("notAGlobal + 1") == "ReferenceError: notAGlobal is not defined\n");
    }

    TEST_CASE("a call of a function node has and loopsim does not says so; a typo does not") {
        // scripts/list-node-members.js lists node's functions by the name a call spells.
        CHECK(caught("const fs = require('fs'); fs.watch(__filename)") ==
              "TypeError: fs.watch is not a function: loopsim does not model fs.watch() yet "
              "(docs/io.md lists what it has)\n");
        CHECK(caught("process.cpuUsage()") ==
              "TypeError: process.cpuUsage is not a function: loopsim does not model "
              "process.cpuUsage() yet (docs/dialect.md lists what it has)\n");
        CHECK(caught("console.table([1])") ==
              "TypeError: console.table is not a function: loopsim does not model "
              "console.table() yet (docs/dialect.md lists what it has)\n");
        CHECK(caught("process.nextTik(() => {})") ==
              "TypeError: process.nextTik is not a function\n");
        // Under another name the call site cannot tell: the plain message.
        CHECK(caught("const f = require('fs'); f.watch(__filename)") ==
              "TypeError: f.watch is not a function\n");
        // A strict-mode assignment to an undeclared name reports the same way.
        CHECK(out("'use strict';\ntry { fetch = 1; } catch (e) { console.log(e.message); }") ==
              "fetch is not defined: loopsim does not model this global yet (docs/dialect.md "
              "lists the ones it has)\n");
        // typeof of an undeclared name is never an error.
        CHECK(out("console.log(typeof structuredClone, typeof Reflect, typeof nothing);") ==
              "undefined undefined undefined\n");
    }
}

TEST_SUITE("node.process") {
    TEST_CASE("release names node v20.20.2, as node prints it") {
        CHECK(out("console.log(JSON.stringify(process.release));") ==
              "{\"name\":\"node\",\"lts\":\"Iron\",\"sourceUrl\":\"https://nodejs.org/download/"
              "release/v20.20.2/node-v20.20.2.tar.gz\",\"headersUrl\":\"https://nodejs.org/"
              "download/release/v20.20.2/node-v20.20.2-headers.tar.gz\"}\n");
    }

    TEST_CASE("argv is node's path then the main script's, as `node FILE` gives them") {
        CHECK(out("console.log(JSON.stringify(process.argv), process.argv0, "
                  "process.execPath, process.execArgv.length);") ==
              "[\"/usr/bin/node\",\"/work/globals.js\"] node /usr/bin/node 0\n");
    }

    TEST_CASE("hrtime.bigint exists, and says why it cannot run") {
        CHECK(out("console.log(typeof process.hrtime.bigint, process.hrtime.length);") ==
              "function 1\n");
        CHECK(caught("process.hrtime.bigint()") ==
              "Error: loopsim does not model process.hrtime.bigint(): it returns a BigInt, which "
              "loopsim does not support; use process.hrtime() or performance.now() instead\n");
    }

    TEST_CASE("uptime counts virtual seconds, a busy-wait included") {
        // Date.now() is a virtual clock too: a 30 ms busy-wait moves uptime by 30 ms or a
        // little more (the loop's last look at the clock), never less.
        const std::string text = out("const a = process.uptime();\n"
                                     "const until = Date.now() + 30;\n"
                                     "while (Date.now() < until) {}\n"
                                     "const ms = (process.uptime() - a) * 1000;\n"
                                     "console.log(ms >= 29 && ms < 32, a < 0.01);\n");
        CHECK(text == "true true\n");
    }

    TEST_CASE("memoryUsage follows the script's own objects") {
        // Node's keys in Node's order; heapUsed grows with what the script keeps and the rest
        // stays consistent with it (rss above heapTotal above heapUsed; rss() is rss, to the
        // 256 KiB step heapTotal grows by).
        CHECK(out("const a = process.memoryUsage();\n"
                  "const kept = [];\n"
                  "for (let i = 0; i < 20000; i++) kept.push({ i });\n"
                  "const b = process.memoryUsage();\n"
                  "console.log(Object.keys(b).join(' '));\n"
                  "console.log(b.heapUsed - a.heapUsed > 20000 * 16, b.rss > b.heapTotal,\n"
                  "            b.heapTotal > b.heapUsed,\n"
                  "            Math.abs(process.memoryUsage.rss() - b.rss) <= 256 * 1024);\n") ==
              "rss heapTotal heapUsed external arrayBuffers\ntrue true true true\n");
    }
}

TEST_SUITE("node.perf_hooks") {
    TEST_CASE("eventLoopUtilization splits the loop's time into idle (poll) and active") {
        // Before the loop starts everything is 0 (node prints the same object). Waiting 50 ms
        // for a timer is idle time, as node counts it (node here: 49.2 to 50.3 ms idle and 2.4
        // to 2.6 active); a 30 ms busy-wait is active time with no idle time at all (node:
        // 35.3 ms active, its first console.log included).
        CHECK(out("console.log(performance.eventLoopUtilization(), "
                  "performance.nodeTiming.idleTime);") ==
              "{ idle: 0, active: 0, utilization: 0 } 0\n");
        CHECK(
            out("setTimeout(() => {\n"
                "  const a = performance.eventLoopUtilization();\n"
                "  console.log(a.idle > 49 && a.idle < 51, a.active > 0 && a.active < 5,\n"
                "              a.utilization < 0.1, a.idle === performance.nodeTiming.idleTime);\n"
                "  const until = Date.now() + 30;\n"
                "  while (Date.now() < until) {}\n"
                "  const b = performance.eventLoopUtilization(a);\n"
                "  console.log(b.idle, b.active >= 29 && b.active < 40, b.utilization);\n"
                "  const c = performance.eventLoopUtilization();\n"
                "  const d = performance.eventLoopUtilization(c, a);\n"
                "  console.log(Object.keys(d).join(' '), d.idle, d.active === c.active - "
                "a.active);\n"
                "}, 50);\n") == "true true true true\n0 true 1\nidle active utilization 0 true\n");
    }
}

TEST_SUITE("node.module") {
    TEST_CASE("require.main is the main module, so the main-file idiom runs") {
        CHECK(out("if (require.main === module) console.log('run as the program');\n") ==
              "run as the program\n");
        // The deprecated process.mainModule is the same module.
        CHECK(out("console.log(process.mainModule === module);") == "true\n");
    }

    TEST_CASE("the main module has Node's properties, loaded once its code has run") {
        // node 20 for /work/globals.js: Module { id: '.', path: '/work', exports: {},
        // filename: '/work/globals.js', loaded: false, children: [], paths: [...] }.
        CHECK(out("console.log(Object.keys(module).join(' '));\n"
                  "console.log(module.id, module.path, module.filename, module.loaded,\n"
                  "            module.children.length, JSON.stringify(module.paths));\n"
                  "setImmediate(() => console.log(module.loaded));\n") ==
              "id path exports filename loaded children paths\n"
              ". /work /work/globals.js false 0 [\"/work/node_modules\",\"/node_modules\"]\n"
              "true\n");
    }
}
