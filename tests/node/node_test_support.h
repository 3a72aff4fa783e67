#pragma once
// Running a scenario's source text as `loopsim run` runs a file, for the tests of model/node:
// the file's `// @` header applied, the working directory /work.
#include "model/node/scenario_header.h"
#include "model/node/scenario_runner.h"

#include <doctest/doctest.h>
#include <map>
#include <string>
#include <utility>

namespace loopsim::node::testing {

inline ScenarioOptions scenario_options(const std::string& path, const std::string& source,
                                        std::map<std::string, std::string> env = {}) {
    ScenarioOptions options;
    options.path = path;
    options.source = source;
    options.env = std::move(env);
    options.cwd = "/work";
    REQUIRE(apply_scenario_header(options).is_ok());
    return options;
}

// The run with its trace recorded.
inline ScenarioResult run_traced(const std::string& path, const std::string& source) {
    ScenarioOptions options = scenario_options(path, source);
    options.record_trace = true;
    ScenarioResult result = run_scenario(options);
    REQUIRE(result.trace.has_value());
    return result;
}

// What the run printed to stdout, checking that it printed nothing to stderr and exited 0.
inline std::string stdout_of(const std::string& path, const std::string& source) {
    const ScenarioResult result = run_scenario(scenario_options(path, source));
    CHECK(result.stderr_text == "");
    CHECK(result.exit_code == 0);
    return result.stdout_text;
}

} // namespace loopsim::node::testing
