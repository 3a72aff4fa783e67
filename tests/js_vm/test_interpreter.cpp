// The interpreter facade: compile errors as diagnostics, async functions against promise
// jobs, the cost model, GC under load, stack traces and the bytecode dump.
#include "model/js/disassembler.h"
#include "tests/js_vm/vm_test_support.h"

#include <doctest/doctest.h>

using loopsim::js::testing::Machine;

TEST_SUITE("interpreter") {

    TEST_CASE("early errors are reported as diagnostics with a code frame") {
        Machine m;
        CHECK(m.run("let a = 1;\nlet a = 2;") ==
              "compile: /t/test.js:2:5: error: identifier 'a' has already been declared\n"
              "  let a = 2;\n"
              "      ^\n");
        CHECK(m.run("function f() { const x = 1; { let y; var x; } }")
                  .rfind("compile: /t/test.js:1:", 0) == 0);
        CHECK(m.run("function* g() {}").find("generator functions are not supported") !=
              std::string::npos);
    }

    TEST_CASE("await on a native promise takes one job, as in V8") {
        Machine m;
        // node 20 prints: a1 a2 p1 a3 p2 p3 (the resumption job is queued before p1)
        CHECK(m.run("const log = []; module.exports = log;"
                    "async function a() { log.push('a1'); await null; log.push('a2'); await null; "
                    "log.push('a3'); }"
                    "a(); Promise.resolve().then(() => log.push('p1')).then(() => "
                    "log.push('p2')).then(() => log.push('p3'));") == "[a1,a2,p1,a3,p2,p3]");
        // node 20: an async function returning a promise resolves its own promise two ticks later.
        CHECK(m.run("const log = []; module.exports = log;"
                    "async function f() { return Promise.resolve(1); }"
                    "f().then(() => log.push('f'));"
                    "Promise.resolve().then(() => log.push('t1')).then(() => "
                    "log.push('t2')).then(() => log.push('t3'));") == "[t1,t2,f,t3]");
    }

    TEST_CASE("async functions return promises and propagate throws as rejections") {
        Machine m;
        CHECK(m.run("const out = []; module.exports = out;"
                    "async function f(x) { const v = await x; if (v > 1) throw new Error('big'); "
                    "return v; }"
                    "f(1).then(v => out.push('ok' + v)); f(Promise.resolve(5)).catch(e => "
                    "out.push(e.message));") == "[ok1,big]");
        CHECK(m.run("const out = []; module.exports = out;"
                    "async function g() { try { await Promise.reject(new Error('no')); } catch (e) "
                    "{ out.push('caught ' + e.message); } finally { out.push('fin'); } }"
                    "g();") == "[caught no,fin]");
    }

    TEST_CASE("a million closures run in bounded memory") {
        Machine m(loopsim::js::HeapOptions{size_t{1} << 20, 200, false});
        CHECK(m.run("let keep = 0; for (let i = 0; i < 1000000; i++) { const f = () => i; keep += "
                    "f() & 1; } module.exports = keep") == "500000");
        const auto& stats = m.runtime.heap().stats();
        CHECK(stats.collections > 10);
        CHECK(stats.peak_heap_bytes < 8u * 1024 * 1024);
    }

    TEST_CASE("stress collection at every safepoint keeps every live value") {
        Machine m(loopsim::js::HeapOptions{size_t{1} << 20, 200, true});
        CHECK(m.run("class A { constructor(v) { this.v = v; } } const xs = [];"
                    "for (let i = 0; i < 50; i++) xs.push(new A(String(i)));"
                    "let s = ''; for (const x of xs) s += x.v; module.exports = s.length") == "90");
    }

    TEST_CASE("the busy-wait loop costs about as many iterations as in V8") {
        Machine m;
        // node 20 here: ~169,000 iterations for 10 ms and ~1,937,000 for 100 ms.
        std::string n10 = m.run("function block(ms) { const end = Date.now() + ms; let n = 0; "
                                "while (Date.now() < end) { n++; } return n; }"
                                "module.exports = block(10)");
        double iterations = std::stod(n10);
        CHECK(iterations > 169000 * 0.75);
        CHECK(iterations < 169000 * 1.25);
        CHECK(m.host.charge_calls > 1000);
    }

    TEST_CASE("errors thrown by the VM carry a V8-style stack") {
        Machine m;
        CHECK(m.run("function inner() { null.x; }\nfunction outer() { inner(); }\n"
                    "try { outer(); } catch (e) { module.exports = e.stack; }") ==
              "TypeError: Cannot read properties of null (reading 'x')\n"
              "    at inner (/t/test.js:1:25)\n"
              "    at outer (/t/test.js:2:20)\n"
              "    at Object.<anonymous> (/t/test.js:3:7)");
    }

    TEST_CASE("the bytecode dump lists every function with its instructions") {
        Machine m;
        loopsim::js::syntax::SourceFile file(
            "/t/fib.js", "function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }");
        auto compiled = m.interpreter.compile_module(file);
        REQUIRE(compiled);
        std::string dump = m.interpreter.dump_bytecode(compiled.value());
        CHECK(dump.find("== fib (1 params") != std::string::npos);
        CHECK(dump.find("Call r") != std::string::npos);
        CHECK(dump.find("Lt r2") != std::string::npos);
    }

    TEST_CASE("the trace hook sees every instruction") {
        Machine m;
        size_t count = 0;
        m.interpreter.vm().set_trace_hook(
            [&](const loopsim::js::Frame&, uint32_t, loopsim::js::Value) { ++count; });
        m.run("let s = 0; for (let i = 0; i < 10; i++) s += i; module.exports = s");
        CHECK(count == m.interpreter.vm().executed_instructions());
        CHECK(count > 50);
    }

} // TEST_SUITE
