// Promise jobs of Node's own (the ES module loader's chain, events.once's thenable and
// reaction jobs) are queued with reason node_internal, so `explain`, `diff` and `conform`
// can leave them out as real node's async_hooks reference does; the program's own jobs are
// not. Expected outputs are node 20's for the same programs (scenarios/esm/01 and
// scenarios/events/07 record them).
#include "tests/node/node_test_support.h"
#include "traces/trace.h"

#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace loopsim;

namespace {

struct Microtasks {
    std::vector<std::string> internal; // labels of microtasks queued as node_internal
    std::vector<std::string> program;  // labels of the others
    std::string stdout_text;
};

Microtasks microtasks_of(const std::string& path, const std::string& source) {
    const node::ScenarioResult result = node::testing::run_traced(path, source);
    Microtasks m;
    m.stdout_text = result.stdout_text;
    for (const trace::TraceEvent& e : result.trace->events) {
        if (e.kind != trace::EventKind::CallbackCreated || e.to_queue != trace::Queue::Microtasks)
            continue;
        const std::string label(result.trace->strings.get(e.label));
        (e.reason.code == trace::ReasonCode::NodeInternal ? m.internal : m.program)
            .push_back(label);
    }
    return m;
}

} // namespace

TEST_SUITE("node internal promise jobs") {
    TEST_CASE("the ES module loader's chain is Node's own; the module's promises are not") {
        const Microtasks m =
            microtasks_of("/work/t/m.mjs", "Promise.resolve().then(() => console.log('promise'));\n"
                                           "queueMicrotask(() => console.log('microtask'));\n"
                                           "console.log('sync');\n");
        CHECK(m.stdout_text == "sync\npromise\nmicrotask\n");
        // evaluation -> ModuleJob.run -> ModuleLoader.import -> the entry point.
        CHECK(m.internal.size() == 3);
        CHECK(m.program == std::vector<std::string>{"(ES module body)",
                                                    "() => console.log('promise')",
                                                    "() => console.log('microtask')"});
    }

    TEST_CASE("events.once's own jobs are Node's; the await that resumes the program is not") {
        const Microtasks m =
            microtasks_of("/work/t/once.js", "const { EventEmitter, once } = require('events');\n"
                                             "const e = new EventEmitter();\n"
                                             "(async () => {\n"
                                             "  const [v] = await once(e, 'go');\n"
                                             "  console.log('got', v);\n"
                                             "})();\n"
                                             "e.emit('go', 42);\n");
        CHECK(m.stdout_text == "got 42\n");
        // The thenable job and the reaction that settles once()'s promise.
        CHECK(m.internal.size() == 2);
        CHECK(m.program.size() == 1); // the await's continuation
    }
}
