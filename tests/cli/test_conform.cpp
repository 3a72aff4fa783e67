// `loopsim conform` with a stand-in for node (--node): a script that prints what the
// recorder's --print mode prints, so the verdicts can be checked without real node's timing.
#include "tests/cli/cli_test_support.h"

#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <string>

namespace fs = std::filesystem;
using loopsim::cli::testing::Outcome;
using loopsim::cli::testing::run_cli;

namespace {

// A repository-like folder: scripts/record-expected.mjs (conform looks for it), one scenario
// with a recording, and a fake node that "prints" `node_stdout` for it.
struct FakeRepo {
    fs::path root;
    std::string scenario;
    std::string node;
    FakeRepo(const std::string& name, const std::string& source, const std::string& recorded,
             const std::string& node_stdout)
        : root(fs::temp_directory_path() / ("loopsim-conform-" + name)) {
        fs::remove_all(root);
        fs::create_directories(root / "scripts");
        fs::create_directories(root / "s");
        std::ofstream(root / "scripts" / "record-expected.mjs") << "// stand-in\n";
        scenario = (root / "s" / "race.js").string();
        std::ofstream(scenario) << source;
        std::ofstream(root / "s" / "race.expect.json")
            << R"({"node":"v20","runs":1,"env":{},"outcomes":[{"count":1,"exit_code":0,"stdout":")"
            << recorded << R"(","stderr":""}]})";
        node = (root / "node").string();
        std::ofstream(node)
            << "#!/bin/sh\nprintf '%s\\n' '"
            << R"({"file":"s/race.js","node":"v20","runs":1,"env":{},"outcomes":[{"count":1,"exit_code":0,"stdout":")"
            << node_stdout << R"(","stderr":""}]})"
            << "'\n";
        fs::permissions(node, fs::perms::owner_all);
    }
    ~FakeRepo() { fs::remove_all(root); }
};

// A FakeRepo whose fake node also stands in for traces/reference/record-reference.mjs: run
// with that script, it prints a reference trace with `callbacks` (JSON objects, comma-separated).
void add_reference(const FakeRepo& repo, const std::string& callbacks) {
    fs::create_directories(repo.root / "traces" / "reference");
    std::ofstream(repo.root / "traces" / "reference" / "record-reference.mjs") << "// stand-in\n";
    std::ofstream(repo.node)
        << "#!/bin/sh\ncase \"$1\" in\n*record-reference.mjs) printf '%s\\n' '"
        << R"({"format":"loopsim-node-reference","version":1,"node":"v20","scenario":"s/race.js","env":{},)"
        << R"("exit_code":0,"stdout":"a\n","stderr":"","events":[)" << callbacks << "]}' ;;\n"
        << "*) printf '%s\\n' '"
        << R"({"file":"s/race.js","node":"v20","runs":1,"env":{},"outcomes":[{"count":1,"exit_code":0,"stdout":"a\n","stderr":""}]})"
        << "' ;;\nesac\n";
}

const char* const k_race = "// @nondeterministic the order depends on start-up time\n"
                           "setTimeout(() => console.log('timeout'), 0);\n"
                           "setImmediate(() => console.log('immediate'));\n";

} // namespace

TEST_SUITE("cli.conform") {
    TEST_CASE("an output explore can produce agrees") {
        FakeRepo repo("agree", k_race, "timeout\\nimmediate\\n", "immediate\\ntimeout\\n");
        Outcome r = run_cli({"conform", "--runs", "1", "--node", repo.node, repo.scenario});
        CHECK(r.code == 0);
        CHECK(r.out.find("OK    s/race.js") != std::string::npos);
        CHECK(r.out.find("1 agree, 0 model bugs") != std::string::npos);
    }

    TEST_CASE(
        "an output explore cannot produce is a model bug, or a warning for an unrecorded race") {
        FakeRepo repo("bug", k_race, "timeout\\nimmediate\\n", "neither\\n");
        Outcome strict = run_cli({"conform", "--runs", "1", "--node", repo.node, repo.scenario});
        CHECK(strict.code == 1);
        CHECK(strict.out.find("BUG   s/race.js") != std::string::npos);
        CHECK(strict.out.find("node: stdout \"neither / \"") != std::string::npos);
        Outcome lenient = run_cli(
            {"conform", "--runs", "1", "--warn-on-races", "--node", repo.node, repo.scenario});
        CHECK(lenient.code == 0);
        CHECK(lenient.out.find("RACE  s/race.js") != std::string::npos);
        CHECK(lenient.out.find("0 model bugs, 1 race warnings") != std::string::npos);
    }

    TEST_CASE("a recorded output explore misses stays a bug, and a fixed order is never a race") {
        // The recording holds what node printed: explore missing it is a model bug even for a race.
        FakeRepo recorded("recorded", k_race, "neither\\n", "neither\\n");
        CHECK(run_cli({"conform", "--runs", "1", "--warn-on-races", "--node", recorded.node,
                       recorded.scenario})
                  .code == 1);
        FakeRepo fixed("fixed", "console.log('a');\n", "a\\n", "b\\n");
        Outcome r = run_cli(
            {"conform", "--runs", "1", "--warn-on-races", "--node", fixed.node, fixed.scenario});
        CHECK(r.code == 1);
        CHECK(r.out.find("BUG   s/race.js") != std::string::npos);
    }

    TEST_CASE("callback order: the first divergence from node's reference is an ORDER line") {
        const char* const source = "setImmediate(() => console.log('a'));\n";
        const std::string immediate =
            R"({"kind":"callback","type":"Immediate","internal":false,"label":"f"},)"
            R"({"kind":"write","stream":"stdout","text":"a\n"},)"
            R"({"kind":"callback","type":"TickObject","internal":true,"label":"afterWriteTick"})";
        FakeRepo same("order-same", source, "a\\n", "a\\n");
        add_reference(same, immediate);
        Outcome agree = run_cli(
            {"conform", "--runs", "1", "--fail-on-order", "--node", same.node, same.scenario});
        CHECK(agree.code == 0);
        CHECK(agree.out.find("ORDER") == std::string::npos);
        CHECK(agree.out.find("1 agree, 0 model bugs; 0 allow outputs node did not show; "
                             "callback order: 1 agree, 0 differ") != std::string::npos);

        FakeRepo other("order-other", source, "a\\n", "a\\n");
        add_reference(other,
                      R"({"kind":"callback","type":"Timeout","internal":false,"label":"g"},)" +
                          immediate);
        Outcome lenient = run_cli({"conform", "--runs", "1", "--node", other.node, other.scenario});
        CHECK(lenient.code == 0);
        CHECK(lenient.out.find("ORDER  s/race.js: callback 1 (node ran 3, loopsim 2): node ran a "
                               "Timeout (g), loopsim an Immediate") != std::string::npos);
        CHECK(lenient.out.find("callback order: 0 agree, 1 differ") != std::string::npos);
        Outcome strict = run_cli(
            {"conform", "--runs", "1", "--fail-on-order", "--node", other.node, other.scenario});
        CHECK(strict.code == 1);
        std::ofstream(other.root / "gaps.txt") << "# known\ns/race.js  why\n";
        Outcome known =
            run_cli({"conform", "--runs", "1", "--fail-on-order", "--order-known-gaps",
                     (other.root / "gaps.txt").string(), "--node", other.node, other.scenario});
        CHECK(known.code == 0);
        CHECK(known.out.find("ORDER KNOWN s/race.js") != std::string::npos);
        CHECK(known.out.find("callback order: 0 agree, 0 differ, 1 known") != std::string::npos);
        Outcome skipped = run_cli({"conform", "--runs", "1", "--no-order", "--fail-on-order",
                                   "--node", other.node, other.scenario});
        CHECK(skipped.code == 0);
        CHECK(skipped.out.find("callback order") == std::string::npos);
    }

    TEST_CASE("a node that fails is reported with what it printed") {
        FakeRepo repo("failing-node", k_race, "a\\n", "a\\n");
        std::ofstream(repo.node) << "#!/bin/sh\necho 'node: broken' >&2\nexit 3\n";
        Outcome failed = run_cli({"conform", "--runs", "1", "--node", repo.node, repo.scenario});
        CHECK(failed.code == 1);
        CHECK(failed.err.find("running node failed") != std::string::npos);
        CHECK(failed.err.find("node: broken") != std::string::npos);
        CHECK(run_cli({"conform", "--runs", "0", repo.scenario}).code == 2);
    }
}
