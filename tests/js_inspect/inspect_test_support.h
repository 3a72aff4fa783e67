#pragma once
// Helpers for the js_inspect suites: a runtime with the interpreter and a `console.log`
// that formats through format_log_args (as Node's console does, plus '\n'), a runner for
// JS files, and access to the stdout node recorded for a program (<name>.expect.json).
#include "model/js/array.h"
#include "model/js/function.h"
#include "model/js/host.h"
#include "model/js/inspect.h"
#include "model/js/interpreter.h"
#include "model/js/object.h"
#include "model/js/runtime.h"
#include "model/js/syntax/source.h"

#include <doctest/doctest.h>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace loopsim::js::inspect_testing {

// Jobs are run FIFO when the script is done; the clock advances by the charged cost.
class QueueHost final : public Host {
public:
    explicit QueueHost(Runtime& runtime) : m_queue(runtime.heap()) {}
    void enqueue_job(Job& job) override { m_queue.push_back(Value(&job)); }
    void promise_rejection_tracker(Object&, RejectionOperation) override {}
    void charge(int64_t nanoseconds) override { m_ns += nanoseconds; }
    double now_ms() override { return 1.7e12 + static_cast<double>(m_ns) / 1e6; }
    double performance_now_ms() override { return static_cast<double>(m_ns) / 1e6; }
    void run_jobs(Runtime& runtime) {
        while (m_next < m_queue.size())
            (void)static_cast<Job*>(m_queue[m_next++].as_cell())->run(runtime);
    }

private:
    RootedVector m_queue;
    size_t m_next = 0;
    int64_t m_ns = 0;
};

inline std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

// The stdout node printed for `relative_js` (a path from the repository root).
inline std::string recorded_stdout(const std::string& relative_js) {
    std::string path = std::string(LOOPSIM_SOURCE_DIR) + "/" + relative_js;
    path.replace(path.size() - 3, 3, ".expect.json");
    auto json = nlohmann::json::parse(read_text(path));
    return json.at("outcomes").at(0).at("stdout").get<std::string>();
}

inline std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::stringstream in(text);
    std::string line;
    while (std::getline(in, line)) lines.push_back(line);
    return lines;
}

struct ConsoleMachine {
    Runtime runtime;
    QueueHost host{runtime};
    Interpreter interpreter{runtime, host};
    Array* lines = nullptr; // one entry per console.log call
    Root<Array> lines_root{runtime.heap()};

    ConsoleMachine() {
        lines = Array::create(runtime);
        lines_root.set(lines);
        Object* console = Object::create(runtime, runtime.object_prototype());
        auto log = [](Runtime& rt, NativeFunction& callee, Value,
                      std::span<const Value> args) -> Completion {
            auto text = format_log_args_or_throw(rt, args);
            if (text.is_throw()) return text.release_error();
            static_cast<Array*>(callee.data().as_object())
                ->push(rt, Value(rt.string(text.value() + "\n")));
            return Value();
        };
        NativeFunction* fn = NativeFunction::create(runtime, "log", 0, log, Value(lines));
        console->put_direct(runtime, runtime.key("log"), Value(fn), attr::Builtin);
        interpreter.define_global("console", Value(console));
    }

    std::string output() {
        std::string out;
        for (uint32_t i = 0; i < lines->length(); ++i)
            out += lines->elements().dense()[i].as_string()->to_utf8();
        return out;
    }

    // Runs a file (path relative to the repository root, as node's stack traces show it)
    // and returns everything console.log printed; an uncaught throw is appended.
    std::string run_file(const std::string& relative_path) {
        std::string source = read_text(std::string(LOOPSIM_SOURCE_DIR) + "/" + relative_path);
        syntax::SourceFile file(relative_path, source);
        auto compiled = interpreter.compile_module(file);
        if (!compiled) return "compile: " + compiled.error().message;
        Object* exports = Object::create(runtime, runtime.object_prototype());
        Object* module = Object::create(runtime, runtime.object_prototype());
        Root<Object> keep_exports(runtime.heap(), exports);
        Root<Object> keep_module(runtime.heap(), module);
        module->put_direct(runtime, runtime.key("exports"), Value(exports));
        std::string dir = relative_path.substr(0, relative_path.rfind('/'));
        Completion c = interpreter.run_commonjs(compiled.value(), *exports, Value(), *module,
                                                relative_path, dir);
        if (c.is_throw()) return output() + "Uncaught " + inspect(runtime, c.thrown_value());
        host.run_jobs(runtime);
        return output();
    }
};

// Compares line by line and reports the first few differing lines with their numbers.
inline void check_same_output(const std::string& actual, const std::string& expected) {
    std::vector<std::string> a = split_lines(actual);
    std::vector<std::string> e = split_lines(expected);
    int reported = 0;
    for (size_t i = 0; i < std::max(a.size(), e.size()) && reported < 6; ++i) {
        std::string got = i < a.size() ? a[i] : "<missing>";
        std::string want = i < e.size() ? e[i] : "<missing>";
        if (got == want) continue;
        ++reported;
        CHECK_MESSAGE(got == want,
                      "line " << i + 1 << "\n  loopsim: " << got << "\n  node:    " << want);
    }
    CHECK(actual == expected);
}

} // namespace loopsim::js::inspect_testing
