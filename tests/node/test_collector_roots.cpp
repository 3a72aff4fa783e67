// The values queued callbacks hold stay alive while the heap collects. Corpus program
// promises/056 queues ticks, promise jobs, microtasks, immediates and awaits that hold objects
// nothing else reaches; here it runs with the heap collecting at every safepoint
// (ScenarioOptions::collect_at_every_safepoint). A value the model keeps without rooting it
// is freed and reused at once, and the output (or ASan) shows it. The expected output is
// the program's recording from node.
#include "node_test_support.h"

#include <doctest/doctest.h>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

namespace {

const std::string k_program =
    LOOPSIM_SOURCE_DIR "/tests/corpus/promises/056_queued_values_through_collections";

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in.good());
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

TEST_SUITE("node.collector_roots") {
    TEST_CASE("queued ticks, jobs and immediates keep their values through collections") {
        using namespace loopsim::node;
        const nlohmann::json recording =
            nlohmann::json::parse(read_file(k_program + ".expect.json"));
        REQUIRE(recording["outcomes"].size() == 1);
        const std::string node_output = recording["outcomes"][0]["stdout"].get<std::string>();
        ScenarioOptions options =
            testing::scenario_options("/work/roots.js", read_file(k_program + ".js"));
        options.collect_at_every_safepoint = true;
        ScenarioResult stressed = run_scenario(options);
        CHECK(stressed.exit_code == 0);
        CHECK(stressed.stderr_text.empty());
        CHECK(stressed.stdout_text == node_output);
        options.record_trace = true; // the tracer's labels read the same values
        ScenarioResult traced = run_scenario(options);
        CHECK(traced.stdout_text == node_output);
    }
}
