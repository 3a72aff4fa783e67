#pragma once
// Helpers for the js_vm suites: a fake Host (jobs queued and run FIFO by the test, a clock
// advanced by the charged cost) and a runner that compiles a scenario, runs it as a
// CommonJS module and renders module.exports (or the thrown error) as text.
#include "model/js/array.h"
#include "model/js/conversions.h"
#include "model/js/host.h"
#include "model/js/interpreter.h"
#include "model/js/object.h"
#include "model/js/runtime.h"
#include "model/js/syntax/source.h"

#include <memory>
#include <string>
#include <vector>

namespace loopsim::js::testing {

class FakeHost final : public Host {
public:
    explicit FakeHost(Runtime& runtime) : m_queue(runtime.heap()) {}

    void enqueue_job(Job& job) override { m_queue.push_back(Value(&job)); }
    void promise_rejection_tracker(Object&, RejectionOperation op) override {
        if (op == RejectionOperation::Reject) ++rejections;
    }
    void charge(int64_t nanoseconds) override {
        charged_ns += nanoseconds;
        ++charge_calls;
    }
    double now_ms() override { return 1.7e12 + static_cast<double>(charged_ns) / 1e6; }
    double performance_now_ms() override { return static_cast<double>(charged_ns) / 1e6; }

    // Runs queued jobs FIFO until none is left; returns how many ran.
    size_t run_jobs(Runtime& runtime) {
        size_t ran = 0;
        while (m_next < m_queue.size()) {
            auto* job = static_cast<Job*>(m_queue[m_next++].as_cell());
            (void)job->run(runtime);
            ++ran;
        }
        return ran;
    }

    int64_t charged_ns = 0;
    int64_t charge_calls = 0;
    int rejections = 0;

private:
    RootedVector m_queue;
    size_t m_next = 0;
};

// One runtime + host + interpreter, for running snippets.
struct Machine {
    Runtime runtime;
    FakeHost host{runtime};
    Interpreter interpreter{runtime, host};

    explicit Machine(HeapOptions options = {}) : runtime(options) {}

    std::string text(Value v) {
        if (v.is_string()) return v.as_string()->to_utf8();
        if (v.is_number()) return number_to_string(v.as_number());
        if (v.is_undefined()) return "undefined";
        if (v.is_null()) return "null";
        if (v.is_boolean()) return v.as_bool() ? "true" : "false";
        if (v.is_object() && v.as_cell()->kind() == CellKind::Array) {
            auto* a = static_cast<Array*>(v.as_object());
            std::string out = "[";
            for (uint32_t i = 0; i < a->length(); ++i) {
                if (i) out += ",";
                Completion c = a->get(runtime, PropertyKey::index(i), v);
                out += c.is_throw() ? "!" : text(c.value());
            }
            return out + "]";
        }
        if (v.is_object()) return "object";
        return "?";
    }

    std::string error_text(Value e) {
        if (!e.is_object()) return "throw " + text(e);
        Completion name = e.as_object()->get(runtime, runtime.common_key(CommonAtom::Name), e);
        Completion message =
            e.as_object()->get(runtime, runtime.common_key(CommonAtom::Message), e);
        return text(name.value()) + ": " + text(message.value());
    }

    // Compiles and runs `source`; returns module.exports as text, "compile: ..." or
    // "TypeError: ..." for an uncaught throw. Runs queued jobs afterwards when asked.
    std::string run(const std::string& source, bool drain_jobs = true) {
        syntax::SourceFile file("/t/test.js", source);
        auto compiled = interpreter.compile_module(file);
        if (!compiled) return "compile: " + compiled.error().message;
        Object* exports = Object::create(runtime, runtime.object_prototype());
        Object* module = Object::create(runtime, runtime.object_prototype());
        Root<Object> keep_module(runtime.heap(), module);
        module->put_direct(runtime, runtime.key("exports"), Value(exports));
        Completion c = interpreter.run_commonjs(compiled.value(), *exports, Value(), *module,
                                                "/t/test.js", "/t");
        if (c.is_throw()) return error_text(c.thrown_value());
        if (drain_jobs) host.run_jobs(runtime);
        Completion out = module->get(runtime, runtime.key("exports"), Value(module));
        return text(out.value());
    }
};

} // namespace loopsim::js::testing
