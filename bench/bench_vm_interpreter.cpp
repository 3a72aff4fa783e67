// The VM against node --jitless and duk on the same programs: recursive fib(27) and a
// 10 M-iteration arithmetic loop. node and duk run as subprocesses and time the work inside
// the script (Date.now() around it), so process start-up is not counted; their figures
// appear as counters next to loopsim's time (ms), with the ratio loopsim / other.
#include "model/js/host.h"
#include "model/js/interpreter.h"
#include "model/js/runtime.h"
#include "model/js/syntax/source.h"

#include <benchmark/benchmark.h>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

using namespace loopsim::js;

const char* kFib = "function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }\n"
                   "function work() { return fib(27); }\n";
const char* kLoop = "function work() { var s = 0; for (var i = 0; i < 10000000; i++) { s = (s + i "
                    "* 3) % 1000003; } return s; }\n";

class NullHost final : public Host {
public:
    void enqueue_job(Job&) override {}
    void promise_rejection_tracker(Object&, RejectionOperation) override {}
    void charge(int64_t) override {}
    double now_ms() override { return 0; }
    double performance_now_ms() override { return 0; }
};

// Milliseconds the program's work() took inside `command` (node --jitless or duk), or -1.
double external_ms(const std::string& command, const char* program) {
    std::string script = std::string(program) +
                         "var t0 = Date.now(); work(); var t1 = Date.now(); print_ms(t1 - t0);\n";
    std::string path = "/tmp/loopsim_bench_vm.js";
    FILE* f = std::fopen(path.c_str(), "w");
    if (!f) return -1;
    std::fputs("var print_ms = typeof console !== 'undefined' ? function (x) { console.log(x); } : "
               "function (x) { print(x); };\n",
               f);
    std::fputs(script.c_str(), f);
    std::fclose(f);
    FILE* p = popen((command + " " + path + " 2>/dev/null").c_str(), "r");
    if (!p) return -1;
    char buffer[64] = {0};
    double ms = -1;
    if (std::fgets(buffer, sizeof buffer, p)) ms = std::atof(buffer);
    pclose(p);
    return ms;
}

void run_program(benchmark::State& state, const char* program) {
    Runtime runtime;
    NullHost host;
    Interpreter interpreter(runtime, host);
    syntax::SourceFile file("/bench.js", std::string(program) + "module.exports = work;");
    auto compiled = interpreter.compile_module(file);
    if (!compiled) {
        state.SkipWithError(compiled.error().message.c_str());
        return;
    }
    Object* exports = Object::create(runtime, runtime.object_prototype());
    Object* module = Object::create(runtime, runtime.object_prototype());
    Root<Object> keep(runtime.heap(), module);
    module->put_direct(runtime, runtime.key("exports"), Value(exports));
    (void)interpreter.run_commonjs(compiled.value(), *exports, Value(), *module, "/bench.js", "/");
    RootedValue work(runtime.heap(), module->get(runtime, runtime.key("exports")).value());
    double total_ms = 0;
    for (auto _ : state) {
        auto t0 = std::chrono::steady_clock::now();
        Completion c = interpreter.call(work.get(), Value(), {});
        auto t1 = std::chrono::steady_clock::now();
        benchmark::DoNotOptimize(c.is_throw());
        total_ms += std::chrono::duration<double, std::milli>(t1 - t0).count();
    }
    double ours = total_ms / static_cast<double>(state.iterations());
    double node = external_ms("node --jitless", program);
    double duk = external_ms("duk", program);
    state.counters["loopsim_ms"] = ours;
    state.counters["node_jitless_ms"] = node;
    state.counters["duk_ms"] = duk;
    if (node > 0) state.counters["ratio_vs_node_jitless"] = ours / node;
    if (duk > 0) state.counters["ratio_vs_duk"] = ours / duk;
}

void BM_Fib27(benchmark::State& state) {
    run_program(state, kFib);
}
void BM_ArithmeticLoop10M(benchmark::State& state) {
    run_program(state, kLoop);
}

BENCHMARK(BM_Fib27)->Unit(benchmark::kMillisecond)->Iterations(5);
BENCHMARK(BM_ArithmeticLoop10M)->Unit(benchmark::kMillisecond)->Iterations(3);

} // namespace

BENCHMARK_MAIN();
