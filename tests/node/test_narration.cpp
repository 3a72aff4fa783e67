// `loopsim explain`'s narration (traces/narration.cpp) of real runs of the model: the lesson
// each scenario teaches must be visible in the text, in the right place. The orders asserted
// here are node's (scenarios/io/01_readfile_vs_immediate.expect.json and
// scenarios/basics/03_timeout_vs_immediate.expect.json record them).
#include "tests/node/node_test_support.h"
#include "traces/narration.h"

#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace loopsim;

namespace {

std::string explain(const std::string& source, const trace::NarrationOptions& narration = {}) {
    const node::ScenarioResult result = node::testing::run_traced("/work/t/lesson.js", source);
    return trace::narrate(*result.trace, narration);
}

// The text of loop iteration `n`: from its heading to the next one (or the end).
std::string iteration(const std::string& text, int n) {
    const std::string heading = "\nloop iteration " + std::to_string(n) + "  ";
    const size_t begin = text.find(heading);
    if (begin == std::string::npos) return "";
    const size_t end = text.find("\nloop iteration ", begin + 1);
    return text.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
}

// True when every needle occurs in `text`, each after the previous one.
bool in_order(const std::string& text, const std::vector<std::string>& needles) {
    size_t at = 0;
    for (const std::string& needle : needles) {
        const size_t found = text.find(needle, at);
        if (found == std::string::npos) return false;
        at = found + needle.size();
    }
    return true;
}

const char* const k_readfile_lesson = R"(const fs = require('fs');
fs.readFile(__filename, () => console.log('readFile callback'));
setImmediate(() => console.log('immediate'));
)";

} // namespace

// The number of the first loop iteration whose text holds `needle` (0: none).
int iteration_holding(const std::string& text, const std::string& needle) {
    for (int n = 1; n < 100; ++n) {
        const std::string it = iteration(text, n);
        if (it.empty()) return 0;
        if (it.find(needle) != std::string::npos) return n;
    }
    return 0;
}

TEST_CASE("narration: readFile's four pool round trips, each collected in a later iteration") {
    const std::string text = explain(k_readfile_lesson);
    const std::vector<std::string> steps = {"fs.open", "fs.fstat", "fs.read", "fs.close"};
    int previous = 0;
    for (size_t i = 0; i < steps.size(); ++i) {
        CAPTURE(steps[i]);
        CHECK(in_order(text, {"starts " + steps[i], "finishes " + steps[i]}));
        if (i + 1 < steps.size()) {
            // The loop collects the finished step in a poll phase and Node's fs code sends the
            // next one: one step per loop iteration.
            const int n = iteration_holding(text, "collects " + steps[i] + " lesson.js (done at");
            CHECK(n > previous);
            CHECK(in_order(iteration(text, n), {"poll phase", "collects " + steps[i],
                                                "sends the next step, " + steps[i + 1]}));
            previous = n;
        }
    }
    const int last =
        iteration_holding(text, "runs () => console.log('readFile callback') from poll");
    CHECK(last == previous + 1);
    CHECK(
        in_order(iteration(text, last),
                 {"finishes fs.close", "poll phase", "runs () => console.log('readFile callback')",
                  "completed", "its last request, fs.close lesson.js, finished at"}));
    CHECK(iteration(text, last + 1).empty());
}

TEST_CASE(
    "narration: an immediate keeps the poll phase from blocking (the poll -> check hand-off)") {
    const std::string text = explain(k_readfile_lesson);
    const int n = iteration_holding(text, "runs () => console.log('immediate') from check");
    REQUIRE(n > 0);
    const std::string it = iteration(text, n);
    CHECK(in_order(it, {"poll phase", "does not wait for more I/O: an immediate is waiting",
                        "check phase", "runs () => console.log('immediate') from check"}));
    CHECK(it.find("blocks") == std::string::npos);
    // Once the immediate has run there is nothing else to do: the poll phase waits for the pool.
    CHECK(
        in_order(iteration(text, n + 2), {"poll phase", "blocks", "waiting for I/O", "collects"}));
}

TEST_CASE("narration: a pool job that ran while the main thread was busy says so") {
    // The first console.log opens stdout, which keeps the main thread busy for a while: the
    // pool opens the file meanwhile.
    const std::string text = explain(std::string(k_readfile_lesson) + "console.log('sync');\n");
    const int n = iteration_holding(text, "starts fs.open");
    REQUIRE(n > 0);
    // It starts once the pool has started, which the main thread pays before queueing it
    // (pool.start: 0.6 ms, and 0.17 ms for each of the 4 threads).
    CHECK(iteration(text, n).find("starts fs.open lesson.js at 1.") != std::string::npos);
    // Both one-time costs are told where they are paid, as the warm-up costs are.
    CHECK(in_order(text, {"Node pays for starting the thread pool: 4 worker threads, which the "
                          "main thread waits for (1.280 ms, once)",
                          "starts fs.open",
                          "Node pays for its first readFile step after open: V8 compiles Node's "
                          "code for it (0.180 ms, once)"}));
    CHECK(
        in_order(iteration(text, n), {"starts fs.open", "(while the main thread was still busy)"}));
    // Later steps start when the main thread is idle, and say nothing of it. (The step right
    // after the first may still overlap the first check phase, which Node pays extra for.)
    const int read = iteration_holding(text, "starts fs.read");
    REQUIRE(read > n);
    CHECK(iteration(text, read).find("while the main thread") == std::string::npos);
}

TEST_CASE("narration: Node's one-time costs are said where they are paid") {
    const std::string text = explain("setTimeout(() => console.log('t', 1), 1);\n"
                                     "setTimeout(() => console.log('u', 2), 1);\n");
    CHECK(in_order(text, {"Node pays for its first setTimeout or setInterval call",
                          "queues () => console.log('t', 1)", "queues () => console.log('u', 2)",
                          "timers phase", "runs () => console.log('t', 1)",
                          "Node pays for its first timers phase with a timer",
                          "Node pays for its first console line with a number", "> t 1",
                          "runs () => console.log('u', 2)", "> u 2"}));
    // Once each: the second timer and the second number are free.
    CHECK(text.find("Node pays for its first setTimeout") ==
          text.rfind("Node pays for its first setTimeout"));
    CHECK(text.find("first console line with a number") ==
          text.rfind("first console line with a number"));
}

TEST_CASE("narration: a poll phase that waits for a timer says so") {
    const std::string text = explain("setTimeout(() => console.log('t'), 5);\n");
    CHECK(in_order(text, {"poll phase", "blocks", "waiting for I/O, until the next timer is due",
                          "timers phase", "runs () => console.log('t') from timers"}));
}

TEST_CASE("narration: Node's bookkeeping callbacks are hidden unless asked for") {
    const std::string source = "console.log('a');\nsetImmediate(() => console.log('b'));\n";
    CHECK(explain(source).find("afterWriteTick") == std::string::npos);
    trace::NarrationOptions all;
    all.show_internal = true;
    CHECK(explain(source, all).find("runs afterWriteTick from next_tick") != std::string::npos);
}

TEST_CASE(
    "narration: a clock read in the last timer's tick runs Node's timers again, and says why") {
    // scenarios/timers/16 and 17: node prints "timeout 2" before "immediate" only when the
    // tick reads the loop's clock (their .expect.json files record it).
    const std::string blocks = "  process.nextTick(() => {\n"
                               "    const until = Date.now() + 3;\n"
                               "    while (Date.now() < until);\n";
    const std::string head = "setTimeout(() => {\n"
                             "  console.log('timeout 1');\n"
                             "  setImmediate(() => console.log('immediate'));\n"
                             "  setTimeout(() => console.log('timeout 2'), 1);\n";
    const std::string reads = explain(head + blocks +
                                      "    setTimeout(() => console.log('timeout 3'), 5);\n"
                                      "  });\n}, 0);\n");
    const std::string again = "libuv looks at its timers again";
    CHECK(in_order(reads,
                   {"> timeout 1", "runs () => { const until", "so it is due at", again,
                    "moved the loop time to", "runs () => console.log('timeout 2') from timers",
                    "> timeout 2", "check phase", "> immediate", "> timeout 3"}));
    // Both timers ran in one timers phase of one iteration.
    const int first = iteration_holding(reads, "> timeout 1");
    CHECK(first > 0);
    CHECK(iteration_holding(reads, "> timeout 2") == first);

    const std::string only_blocks = explain(head + blocks + "  });\n}, 0);\n");
    CHECK(only_blocks.find(again) == std::string::npos);
    CHECK(in_order(only_blocks, {"> timeout 1", "> immediate", "> timeout 2"}));
}
