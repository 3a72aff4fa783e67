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
        // A strict-mode assignment to an undeclared name reports the same way.
        CHECK(out("'use strict';\ntry { fetch = 1; } catch (e) { console.log(e.message); }") ==
              "fetch is not defined: loopsim does not model this global yet (docs/dialect.md "
              "lists the ones it has)\n");
        // typeof of an undeclared name is never an error.
        CHECK(out("console.log(typeof structuredClone, typeof Reflect, typeof nothing);") ==
              "undefined undefined undefined\n");
    }
}
