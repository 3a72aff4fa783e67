// An ES module main (esm_main.cpp), end to end through run_scenario. Every expected output is
// what real node 20.20.2 printed for the same program, saved as /tmp/esm-t/NAME.mjs (the path
// is part of the output, so the tests give the module the same one).
#include "model/node/esm_main.h"
#include "model/node/scenario_runner.h"

#include <doctest/doctest.h>
#include <string>

using namespace loopsim;

namespace {

node::ScenarioResult run_mjs(const std::string& name, const std::string& source) {
    node::ScenarioOptions options;
    options.path = "/tmp/esm-t/" + name + ".mjs";
    options.source = source;
    options.cwd = "/tmp/esm-t";
    return node::run_scenario(options);
}

const std::string k_footer = "\nNode.js v20.20.2\n";

} // namespace

TEST_SUITE("node esm_main") {

    TEST_CASE("the body runs in a promise job of a loop that has started: promises before ticks, "
              "immediate before timeout") {
        node::ScenarioResult r =
            run_mjs("order", "setTimeout(() => console.log('timeout'), 0);\n"
                             "setImmediate(() => console.log('immediate'));\n"
                             "Promise.resolve().then(() => console.log('promise'));\n"
                             "process.nextTick(() => console.log('nextTick'));\n"
                             "console.log('loop started', performance.nodeTiming.loopStart "
                             "> 0, typeof require, this);\n");
        CHECK(r.stdout_text ==
              "loop started true undefined undefined\npromise\nnextTick\nimmediate\ntimeout\n");
        CHECK(r.stderr_text == "");
        CHECK(r.exit_code == 0);
    }

    TEST_CASE("a top-level throw reaches the entry point three jobs later, as origin "
              "unhandledRejection") {
        node::ScenarioResult r = run_mjs("hops", "function hop(k) { console.log('hop', k); if (k < "
                                                 "5) Promise.resolve().then(() => hop(k + 1)); }\n"
                                                 "process.on('uncaughtException', (e, origin) => "
                                                 "console.log('uncaught', e.message, origin));\n"
                                                 "Promise.resolve().then(() => hop(1));\n"
                                                 "throw new Error('x');\n");
        CHECK(r.stdout_text ==
              "hop 1\nhop 2\nhop 3\nuncaught x unhandledRejection\nhop 4\nhop 5\n");
        CHECK(r.exit_code == 0);
    }

    TEST_CASE("with top-level await the body's own promise adds one job") {
        node::ScenarioResult r =
            run_mjs("hops_tla", "function hop(k) { console.log('hop', k); if (k < 6) "
                                "Promise.resolve().then(() => hop(k + 1)); }\n"
                                "process.on('uncaughtException', (e, origin) => "
                                "console.log('uncaught', e.message, origin));\n"
                                "Promise.resolve().then(() => hop(1));\n"
                                "if (globalThis.never === undefined) throw new Error('x');\n"
                                "await null;\n");
        CHECK(r.stdout_text ==
              "hop 1\nhop 2\nhop 3\nhop 4\nuncaught x unhandledRejection\nhop 5\nhop 6\n");
    }

    TEST_CASE("an uncaught top-level throw ends the process at once: no tick runs, node's report") {
        node::ScenarioResult r =
            run_mjs("fatal", "process.on('exit', (c) => console.log('exit', c));\n"
                             "process.nextTick(() => console.log('tick never runs'));\n"
                             "function f() { throw new Error('top'); }\n"
                             "f();\n");
        CHECK(r.stdout_text == "exit 1\n");
        CHECK(r.stderr_text ==
              "file:///tmp/esm-t/fatal.mjs:3\n"
              "function f() { throw new Error('top'); }\n"
              "                     ^\n\n"
              "Error: top\n"
              "    at f (file:///tmp/esm-t/fatal.mjs:3:22)\n"
              "    at file:///tmp/esm-t/fatal.mjs:4:1\n"
              "    at ModuleJob.run (node:internal/modules/esm/module_job:325:25)\n"
              "    at async ModuleLoader.import (node:internal/modules/esm/loader:606:24)\n"
              "    at async asyncRunEntryPointWithESMLoader "
              "(node:internal/modules/run_main:117:5)\n" +
                  k_footer);
        CHECK(r.exit_code == 1);
    }

    TEST_CASE("a thrown primitive is reported from the entry point's own frame") {
        node::ScenarioResult r = run_mjs("primitive", "throw 'plain';\n");
        CHECK(r.stderr_text ==
              "\nnode:internal/modules/run_main:123\n"
              "    triggerUncaughtException(\n"
              "    ^\n"
              "plain\n"
              "(Use `node --trace-uncaught ...` to show where the exception was thrown)\n" +
                  k_footer);
        CHECK(r.exit_code == 1);
    }

    TEST_CASE(
        "default, named and namespace imports of modelled modules, import.meta, top-level await") {
        node::ScenarioResult r =
            run_mjs("imports", "import EventEmitter, { once } from 'node:events';\n"
                               "import * as timers from 'timers';\n"
                               "import { setImmediate as later } from 'timers/promises';\n"
                               "const e = new EventEmitter();\n"
                               "console.log(typeof once, typeof timers.setTimeout, timers.default "
                               "=== (await import0()), "
                               "import.meta.url, import.meta.filename);\n"
                               "function import0() { return Promise.resolve(timers.default); }\n"
                               "setTimeout(() => e.emit('go', 7), 1);\n"
                               "const [v] = await once(e, 'go');\n"
                               "console.log('got', v, await later('later'));\n");
        CHECK(r.stdout_text == "function function true file:///tmp/esm-t/imports.mjs "
                               "/tmp/esm-t/imports.mjs\ngot 7 later\n");
        CHECK(r.stderr_text == "");
    }

    TEST_CASE(
        "a named import a modelled module does not export fails at link time, as node prints it") {
        node::ScenarioResult r =
            run_mjs("missing", "console.log('never');\nimport { nope } from 'fs';\n");
        CHECK(r.stdout_text == "");
        CHECK(r.stderr_text ==
              "file:///tmp/esm-t/missing.mjs:2\n"
              "import { nope } from 'fs';\n"
              "         ^^^^\n"
              "SyntaxError: The requested module 'fs' does not provide an export named 'nope'\n"
              "    at ModuleJob._instantiate (node:internal/modules/esm/module_job:213:21)\n"
              "    at async ModuleJob.run (node:internal/modules/esm/module_job:320:5)\n"
              "    at async ModuleLoader.import (node:internal/modules/esm/loader:606:24)\n"
              "    at async asyncRunEntryPointWithESMLoader "
              "(node:internal/modules/run_main:117:5)\n" +
                  k_footer);
        CHECK(r.exit_code == 1);
    }

    TEST_CASE("require in a module gets node's hint") {
        node::ScenarioResult r = run_mjs("cjsname", "const fs = require('fs');\n");
        CHECK(r.stderr_text.find(
                  "\nReferenceError: require is not defined in ES module scope, you can use import "
                  "instead\n    at file:///tmp/esm-t/cjsname.mjs:1:12\n") != std::string::npos);
        CHECK(r.exit_code == 1);
    }

    TEST_CASE("a top-level await that never settles: exitCode 13 before the 'exit' listeners run") {
        node::ScenarioResult r = run_mjs(
            "stalled", "process.on('exit', (c) => console.log('exit', c, process.exitCode));\n"
                       "await new Promise(() => {});\n");
        CHECK(r.stdout_text == "exit 0 13\n");
        CHECK(r.exit_code == 13);
    }

    TEST_CASE("importing a module loopsim does not model is a load-time diagnostic; nothing runs") {
        node::ScenarioResult r =
            run_mjs("unmodelled", "console.log('never');\nimport http from 'node:http';\n");
        CHECK(r.stdout_text == "");
        CHECK(r.stderr_text.starts_with(
            "/tmp/esm-t/unmodelled.mjs:2:18: error: the module 'node:http' is not "
            "supported by loopsim yet"));
        CHECK(r.stderr_text.find("\n  import http from 'node:http';\n                   ^\n") !=
              std::string::npos);
        CHECK(r.exit_code == 1);
    }

    TEST_CASE("file_url encodes a path as pathToFileURL does") {
        // node -e "console.log(require('url').pathToFileURL(P).href)"
        CHECK(node::file_url("/a b/#%?x`{}\xC3\xBC\\.mjs") ==
              "file:///a%20b/%23%25%3Fx%60%7B%7D%C3%BC%5C.mjs");
        CHECK(node::file_url("/t/[x]^|~!$&'()*+,;=@.mjs") ==
              "file:///t/%5Bx%5D%5E%7C%7E!$&'()*+,;=@.mjs");
    }
}
