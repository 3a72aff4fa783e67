// The files around batch runs: the summary (written by batch/check, read by merge) and
// node's recordings (NAME.expect.json, read by check).
#include "traces/batch_summary.h"
#include "traces/node_recording.h"

#include <algorithm>
#include <doctest/doctest.h>

using namespace loopsim::trace;

TEST_SUITE("traces.batch_files") {
    TEST_CASE(
        "a summary survives a round trip, with awkward text, and writes one scenario per line") {
        BatchSummary s;
        s.command = "check";
        s.shard_count = 4;
        s.shards = {3};
        s.scenarios.push_back({"scenarios/a.js", ScenarioStatus::Passed, 0, "", ""});
        s.scenarios.push_back({"scenarios/b \"quoted\".js", ScenarioStatus::Failed, 1,
                               "stdout line 2: loopsim \"x\\n\" node \"y\"\ttab", ""});
        s.scenarios.push_back({"scenarios/c.js", ScenarioStatus::Known, 7, "known", ""});
        const std::string text = summary_to_json(s);
        CHECK(text.find("\"totals\":{\"scenarios\":3,\"written\":0,\"passed\":1,\"failed\":1,"
                        "\"known\":1") != std::string::npos);
        CHECK(std::count(text.begin(), text.end(), '\n') == 5); // header, 3 scenarios, closing line
        auto back = parse_summary(text, "s.json");
        REQUIRE(back);
        CHECK(back.value() == s);
        CHECK(back.value().count(ScenarioStatus::Failed) == 1);
    }

    TEST_CASE("a malformed summary is one clear error naming the file") {
        auto r = parse_summary("{\"format\":\"loopsim-trace\"}", "shard1.json");
        REQUIRE(!r);
        CHECK(r.error().message.starts_with("shard1.json: error: not a loopsim summary"));
        r = parse_summary("{", "s.json");
        REQUIRE(!r);
        CHECK(r.error().message.find("not valid JSON") != std::string::npos);
        r = parse_summary(
            R"({"format":"loopsim-summary","version":1,"command":"check","shards":{"count":2,
            "included":[3]},"scenarios":[]})",
            "s.json");
        REQUIRE(!r);
        CHECK(r.error().message.find("shard numbers 1..2") != std::string::npos);
        r = parse_summary(
            R"({"format":"loopsim-summary","version":1,"command":"check","shards":{"count":1,
            "included":[1]},"scenarios":[{"name":"a","status":"great","exit_code":0}]})",
            "s.json");
        REQUIRE(!r);
        CHECK(r.error().message.find("\"great\" is not one of") != std::string::npos);
    }

    TEST_CASE("a recording as the recorder writes it") {
        const std::string text = R"({
  "node": "v20.20.2",
  "runs": 20,
  "env": {"UV_THREADPOOL_SIZE": "1"},
  "outcomes": [
    {"count": 16, "exit_code": 0, "stdout": "immediate\ntimeout\n", "stderr": ""},
    {"count": 4, "exit_code": 0, "stdout": "timeout\nimmediate\n", "stderr": ""}
  ]
})";
        auto r = parse_node_recording(text, "x.expect.json");
        REQUIRE(r);
        CHECK(r.value().node_version == "v20.20.2");
        CHECK(r.value().runs == 20);
        CHECK(r.value().env.at("UV_THREADPOOL_SIZE") == "1");
        REQUIRE(r.value().outcomes.size() == 2);
        CHECK(r.value().outcomes[1].count == 4);
        CHECK(r.value().outcomes[1].stdout_text == "timeout\nimmediate\n");
    }

    TEST_CASE("a recording without outcomes is rejected") {
        auto r = parse_node_recording(R"({"node":"v20","outcomes":[]})", "x.expect.json");
        REQUIRE(!r);
        CHECK(r.error().message.starts_with("x.expect.json: error: \"outcomes\""));
        r = parse_node_recording(R"({"outcomes":[{"exit_code":"0","stdout":"","stderr":""}]})",
                                 "x.expect.json");
        REQUIRE(!r);
        CHECK(r.error().message.find("outcomes[0].exit_code") != std::string::npos);
    }

    TEST_CASE("output is normalised as the recorder normalises node's") {
        // The recorder removes every "<root>/" and writes (node:<pid>) as (node:PID).
        CHECK(normalise_recorded_output("/repo/scenarios/x.js:3\n    at /repo/scenarios/x.js:3:9\n",
                                        "/repo") ==
              "scenarios/x.js:3\n    at scenarios/x.js:3:9\n");
        CHECK(normalise_recorded_output("(node:12345) Warning: x\n(node:abc) (node:)", "/repo") ==
              "(node:PID) Warning: x\n(node:abc) (node:)");
        CHECK(normalise_recorded_output("/repository/x", "/repo") ==
              "/repository/x"); // not a path below root
        CHECK(normalise_recorded_output("/repo/x", "") == "/repo/x");
    }
}
