// `loopsim explore` against real node: for every recorded scenario and probe (the
// .expect.json beside it, what node printed over 20 to 50 runs), every outcome node printed
// must be one of explore's outputs, and a program node always ran the same way must have
// exactly one output. Programs the model does not cover yet are listed with the reason in
// tests/conformance/explore_known_gaps.txt; the test fails when an unlisted program has a gap
// and when a listed one has none (the list must shrink with the fix). docs/explore.md.
#include "tests/conformance/recordings_support.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>
#include <tuple>

namespace fs = std::filesystem;

namespace {

using loopsim::conformance::k_root;
using loopsim::conformance::slurp;

// As the recorder normalises node's output: the repository root and node's process id.
std::string normalise(std::string text) {
    static const std::regex pid(R"(\(node:\d+\))");
    return std::regex_replace(loopsim::conformance::strip_root(std::move(text)), pid, "(node:PID)");
}

std::string quoted(const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

using Output = std::tuple<std::string, std::string, int>; // stdout, stderr, exit code

// Runs `loopsim explore --json` (at most 120 s) and returns its outputs; empty on failure.
std::set<Output> explore(const fs::path& program, const nlohmann::json& env, std::string& error) {
    std::string command = "/usr/bin/timeout -s KILL 120 " +
                          quoted(std::string(LOOPSIM_BINARY_DIR) + "/loopsim") + " explore --json";
    for (auto& [k, v] : env.items()) command += " --env " + quoted(k + "=" + v.get<std::string>());
    command += " " + quoted(program.string()) + " 2>/dev/null";
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) {
        error = "could not start loopsim";
        return {};
    }
    std::string text;
    std::array<char, 65536> buffer;
    for (size_t n; (n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0;)
        text.append(buffer.data(), n);
    pclose(pipe);
    std::set<Output> outputs;
    try {
        const nlohmann::json j = nlohmann::json::parse(text);
        if (!j.at("complete").get<bool>()) error = "explore hit --max-paths";
        for (const auto& o : j.at("outcomes"))
            outputs.emplace(normalise(o.at("stdout").get<std::string>()),
                            normalise(o.at("stderr").get<std::string>()),
                            o.at("exit_code").get<int>());
    } catch (const std::exception& e) {
        error = std::string("explore printed no valid JSON: ") + e.what();
    }
    return outputs;
}

} // namespace

TEST_CASE("explore covers every outcome real node printed, and no more for fixed orders") {
    std::vector<fs::path> programs;
    for (const char* dir : {"scenarios", "tests/probes"})
        for (const auto& entry : fs::recursive_directory_iterator(k_root / dir)) {
            const fs::path& p = entry.path();
            if (p.extension() != ".js" && p.extension() != ".mjs") continue;
            if (fs::exists(fs::path(p).replace_extension(".expect.json"))) programs.push_back(p);
        }
    std::sort(programs.begin(), programs.end());
    REQUIRE(programs.size() > 100);

    const std::set<std::string> listed =
        loopsim::conformance::listed_programs("explore_known_gaps.txt");
    std::set<std::string> gaps;
    size_t races = 0;
    for (const fs::path& p : programs) {
        const std::string name = fs::relative(p, k_root).string();
        const nlohmann::json recording =
            nlohmann::json::parse(slurp(fs::path(p).replace_extension(".expect.json")));
        std::set<Output> node;
        for (const auto& o : recording.at("outcomes"))
            node.emplace(o.at("stdout").get<std::string>(), o.at("stderr").get<std::string>(),
                         o.at("exit_code").get<int>());
        std::string error;
        const std::set<Output> model =
            explore(p, recording.value("env", nlohmann::json::object()), error);
        size_t missing = 0;
        for (const Output& o : node) missing += model.count(o) == 0 ? 1 : 0;
        const bool extra = node.size() == 1 && model.size() > 1;
        races += node.size() > 1 ? 1 : 0;
        const bool gap = !error.empty() || missing > 0 || extra;
        if (gap) gaps.insert(name);
        CAPTURE(name);
        CAPTURE(error);
        CAPTURE(missing);
        CAPTURE(model.size());
        if (gap)
            CHECK_MESSAGE(listed.contains(name),
                          "explore misses " << missing << " of node's " << node.size()
                                            << " outcomes, or gives " << model.size()
                                            << " outputs for a fixed order: fix it or list it in "
                                               "tests/conformance/explore_known_gaps.txt");
        else
            CHECK_MESSAGE(!listed.contains(name),
                          "explore now covers this program: remove it from explore_known_gaps.txt");
    }
    MESSAGE(programs.size() << " recorded programs explored, " << races << " of them races; "
                            << gaps.size() << " with a gap");
    CHECK(races >= 15); // the corpus keeps at least 15 recorded races
}
