// `loopsim explore` through the CLI library: every output the model's choice points allow.
// The races asserted here are ones real node shows (scenarios/basics/03, scenarios/io/13 and
// their recordings); the fixed orders are ones node never varies.
#include "tests/cli/cli_test_support.h"
#include "tools/cli/cli.h"

#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

using loopsim::cli::testing::Outcome;
using loopsim::cli::testing::run_cli;

struct Scenario {
    fs::path path;
    Scenario(const std::string& name, const std::string& source)
        : path(fs::temp_directory_path() / ("loopsim-explore-" + name + ".js")) {
        std::ofstream(path, std::ios::binary) << source;
    }
    ~Scenario() { fs::remove(path); }
};

// The distinct stdout texts `explore --json` reports.
std::set<std::string> outputs_of(const Scenario& s, std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"explore", "--json", s.path.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    Outcome r = run_cli(args);
    CHECK(r.code == 0);
    nlohmann::json j = nlohmann::json::parse(r.out);
    std::set<std::string> outputs;
    for (const auto& o : j.at("outputs")) outputs.insert(o.get<std::string>());
    CHECK(outputs.size() == j.at("outputs").size()); // each output once
    return outputs;
}

} // namespace

TEST_SUITE("cli.explore") {
    TEST_CASE("the top-level setTimeout(0) vs setImmediate race has both orders") {
        Scenario s("race", "console.log('start');\n"
                           "setTimeout(() => console.log('timeout'), 0);\n"
                           "setImmediate(() => console.log('immediate'));\n");
        CHECK(outputs_of(s) ==
              std::set<std::string>{"start\ntimeout\nimmediate\n", "start\nimmediate\ntimeout\n"});
        // The text report explains each output by the choice behind it.
        Outcome r = run_cli({"explore", s.path.string()});
        CHECK(r.code == 0);
        CHECK(r.out.find("2 possible outputs over ") != std::string::npos);
        CHECK(r.out.find("how close the loop's millisecond clock was to its next tick") !=
              std::string::npos);
        // setTimeout's first call (Node compiling its timer code) leaves the modelled clock
        // part-way into its millisecond: as modelled the timer is due at the first timers
        // phase; the immediate runs first when the clock had just ticked.
        CHECK(r.out.find("as modelled, part of its millisecond over") != std::string::npos);
        CHECK(r.out.find("not close, so the timer waits its whole delay") != std::string::npos);
    }

    TEST_CASE("a timer set inside an immediate races the next timers phase") {
        // Node prints both orders (scenarios/nondeterministic/05 records them).
        Scenario s("in-immediate", "setImmediate(() => {\n"
                                   "  setTimeout(() => console.log('timeout'), 0);\n"
                                   "  setImmediate(() => console.log('immediate'));\n"
                                   "});\n");
        CHECK(outputs_of(s) ==
              std::set<std::string>{"timeout\nimmediate\n", "immediate\ntimeout\n"});
    }

    TEST_CASE("a fixed order has exactly one output") {
        Scenario s("fixed", "setTimeout(() => console.log('timeout'), 0);\n"
                            "Promise.resolve().then(() => console.log('promise'));\n"
                            "process.nextTick(() => console.log('tick'));\n"
                            "console.log('sync');\n");
        CHECK(outputs_of(s) == std::set<std::string>{"sync\ntick\npromise\ntimeout\n"});
        // Inside an I/O callback the immediate always wins (node's guarantee).
        Scenario io("io", "require('fs').readFile(__filename, () => {\n"
                          "  setTimeout(() => console.log('timeout'), 0);\n"
                          "  setImmediate(() => console.log('immediate'));\n"
                          "});\n");
        CHECK(outputs_of(io) == std::set<std::string>{"immediate\ntimeout\n"});
    }

    TEST_CASE("equal jobs on two pool threads finish in either order") {
        Scenario s("pool",
                   "// @env UV_THREADPOOL_SIZE=2\n"
                   "const crypto = require('crypto');\n"
                   "const done = [];\n"
                   "for (let i = 1; i <= 2; i++)\n"
                   "  crypto.pbkdf2('s', 'salt', 20000, 32, 'sha256', () => done.push(i));\n"
                   "process.on('exit', () => console.log(done.join(',')));\n");
        CHECK(outputs_of(s) == std::set<std::string>{"1,2\n", "2,1\n"});
    }

    TEST_CASE("a short pool job may be done before the first poll phase, or not") {
        // Node prints both (scenarios/nondeterministic/08 records 32 and 18 of 50 runs).
        Scenario s("pool-vs-loop",
                   "require('crypto').randomBytes(16, () => console.log('randomBytes'));\n"
                   "setImmediate(() => console.log('immediate'));\n");
        CHECK(outputs_of(s) ==
              std::set<std::string>{"randomBytes\nimmediate\n", "immediate\nrandomBytes\n"});
    }

    TEST_CASE("a short job does not race a long one far from done") {
        // A stat takes tens of microseconds; the pbkdf2 started first needs milliseconds more.
        Scenario s("short-long", "const fs = require('fs');\n"
                                 "const crypto = require('crypto');\n"
                                 "crypto.pbkdf2('s', 'salt', 50000, 32, 'sha256', () => "
                                 "console.log('pbkdf2'));\n"
                                 "setTimeout(() => fs.stat(__filename, () => console.log('stat')), "
                                 "1);\n");
        CHECK(outputs_of(s) == std::set<std::string>{"stat\npbkdf2\n"});
    }

    TEST_CASE("a stalled pool thread lets one read sequence overtake another") {
        // Node printed fs.readFile first in 1 of 50 runs
        // (scenarios/nondeterministic/09_promises_readfile_vs_readfile.expect.json); only the
        // preemption option of a file-system race gives that order.
        Scenario s("two-reads", "const fs = require('fs');\n"
                                "fs.promises.readFile(__filename).then(() => "
                                "console.log('promises'));\n"
                                "fs.readFile(__filename, () => console.log('callback'));\n");
        CHECK(outputs_of(s) ==
              std::set<std::string>{"promises\ncallback\n", "callback\npromises\n"});
    }

    TEST_CASE("two reads done while the loop wakes run in one poll phase, before an immediate") {
        // Two readFiles started together in a check phase: node printed "A B iA" in 11, "B A iA"
        // in 15 and "A iA B" in 4 of 30 runs. Their steps finish microseconds apart, so the
        // loop, woken by one, may find both done.
        Scenario s("batched-reads", "const fs = require('fs');\n"
                                    "setImmediate(() => {\n"
                                    "  fs.readFile(__filename, () => {\n"
                                    "    console.log('A');\n"
                                    "    setImmediate(() => console.log('iA'));\n"
                                    "  });\n"
                                    "  fs.readFile(__filename, () => console.log('B'));\n"
                                    "});\n");
        CHECK(outputs_of(s) == std::set<std::string>{"A\niA\nB\n", "A\nB\niA\n", "B\nA\niA\n"});
        Outcome r = run_cli({"explore", s.path.string()});
        CHECK(r.out.find("whether a thread-pool job finished while the loop was waking up for "
                         "another: fs.close") != std::string::npos);
        // Without the immediate nothing runs between the two callbacks either way: the
        // question is not asked, and the search is no larger for it.
        Scenario quiet("batched-reads-quiet", "const fs = require('fs');\n"
                                              "setImmediate(() => {\n"
                                              "  fs.readFile(__filename, () => console.log('A'));\n"
                                              "  fs.readFile(__filename, () => console.log('B'));\n"
                                              "});\n");
        Outcome q = run_cli({"explore", quiet.path.string()});
        CHECK(q.code == 0);
        CHECK(q.out.find("waking up for another") == std::string::npos);
    }

    TEST_CASE("crypto jobs race by swapping only: no preemption paths") {
        Scenario s("two-pbkdf2",
                   "const c = require('crypto');\n"
                   "c.pbkdf2('s', 'x', 1000, 16, 'sha256', () => console.log('a'));\n"
                   "c.pbkdf2('s', 'x', 1000, 16, 'sha256', () => console.log('b'));\n");
        Outcome r = run_cli({"explore", "--json", s.path.string()});
        REQUIRE(r.code == 0);
        const nlohmann::json j = nlohmann::json::parse(r.out);
        CHECK(j.at("outputs").size() == 2);
        // As modelled, or b first; each with the pool's workers getting going as modelled or
        // slower (which delays both alike), and with Node's first calls (the tick a
        // console.log queues) at three speeds. No preemption.
        CHECK(j.at("paths").get<int>() == 2 * 2 * 3);
    }

    TEST_CASE("a busy-wait to the next Date.now() millisecond may end almost at once") {
        // node 20 printed "long wait" in 35 and "short wait" in 5 of 40 runs here: where the
        // wall clock stands within its millisecond decides how long the wait is.
        Scenario s("date-phase", "const until = Date.now() + 1;\n"
                                 "let spins = 0;\n"
                                 "while (Date.now() < until) spins++;\n"
                                 "console.log(spins > 1000 ? 'long wait' : 'short wait');\n");
        CHECK(outputs_of(s) == std::set<std::string>{"long wait\n", "short wait\n"});
        Outcome r = run_cli({"explore", s.path.string()});
        CHECK(r.out.find("where Date.now()'s millisecond clock stood") != std::string::npos);
    }

    TEST_CASE("--max-paths cuts the search and says so") {
        Scenario s("cut", "setTimeout(() => console.log('timeout'), 0);\n"
                          "setImmediate(() => console.log('immediate'));\n");
        Outcome r = run_cli({"explore", "--max-paths", "1", s.path.string()});
        CHECK(r.code == 1);
        CHECK(r.out.find("stopped after 1 paths (--max-paths)") != std::string::npos);
        Outcome j = run_cli({"explore", "--json", "--max-paths", "1", s.path.string()});
        CHECK(nlohmann::json::parse(j.out).at("complete") == false);
        CHECK(run_cli({"explore", "--max-paths", "0", s.path.string()}).code == 2);
        Outcome no_threads = run_cli({"explore", "-j", "0", s.path.string()});
        CHECK(no_threads.code == 2);
        CHECK(no_threads.err.find("-j takes a number of threads of at least 1") !=
              std::string::npos);
        CHECK(run_cli({"explore", "--trace", "x.json", s.path.string()}).code == 2);
    }

    TEST_CASE("a cut search keeps the paths closest to the model's timing, from the whole tree") {
        // The timeout-against-immediate race is settled by the first timer's clock choice, at
        // the root; the three hashes' finishing orders (1,848 paths in all) print nothing.
        Scenario s("cut-spread", "// @env UV_THREADPOOL_SIZE=4\n"
                                 "const crypto = require('crypto');\n"
                                 "setTimeout(() => console.log('timeout'), 0);\n"
                                 "setImmediate(() => console.log('immediate'));\n"
                                 "let done = 0;\n"
                                 "setTimeout(() => {\n"
                                 "  for (let i = 0; i < 3; i++)\n"
                                 "    crypto.pbkdf2('s', 'salt', 20000, 32, 'sha256', () => {\n"
                                 "      if (++done === 3) console.log('all three hashed');\n"
                                 "    });\n"
                                 "}, 5);\n");
        const std::set<std::string> both = {"timeout\nimmediate\nall three hashed\n",
                                            "immediate\ntimeout\nall three hashed\n"};
        const nlohmann::json full =
            nlohmann::json::parse(run_cli({"explore", "--json", s.path.string()}).out);
        CHECK(full.at("complete") == true);
        CHECK(full.at("paths").get<size_t>() > 1000);
        CHECK(full.at("outputs").size() == 2); // node prints both (14 and 6 of 20 runs)
        // 20 paths: depth first, all 20 would lie below the root's first option.
        const Outcome cut = run_cli({"explore", "--json", "--max-paths", "20", s.path.string()});
        CHECK(cut.code == 1);
        const nlohmann::json j = nlohmann::json::parse(cut.out);
        CHECK(j.at("paths") == 20);
        std::set<std::string> found;
        for (const auto& o : j.at("outputs")) found.insert(o.get<std::string>());
        CHECK(found == both);
        // Outputs are listed by their first paths in depth-first order, cut or not.
        for (const nlohmann::json* e : {&full, &j}) {
            std::vector<std::vector<size_t>> firsts;
            for (const auto& o : e->at("outcomes")) {
                std::vector<size_t> path;
                for (const auto& c : o.at("choices")) path.push_back(c.at("chosen").get<size_t>());
                firsts.push_back(path);
            }
            REQUIRE(firsts.size() == 2);
            CHECK(firsts[0] < firsts[1]);
        }
    }

    TEST_CASE("the same scenario explores to the same bytes every time") {
        Scenario s("same", "// @env UV_THREADPOOL_SIZE=2\n"
                           "const crypto = require('crypto');\n"
                           "for (let i = 1; i <= 3; i++)\n"
                           "  crypto.pbkdf2('s', 'salt', 20000, 32, 'sha256', () => "
                           "console.log(i));\n"
                           "setTimeout(() => console.log('t'), 0);\n"
                           "setImmediate(() => console.log('i'));\n");
        const Outcome a = run_cli({"explore", "--json", "-j", "1", s.path.string()});
        const Outcome b = run_cli({"explore", "--json", "-j", "4", s.path.string()});
        CHECK(a.code == 0);
        CHECK(a.out == b.out);
        // A cut search keeps the same paths whatever the threads did.
        const Outcome c = run_cli({"explore", "--max-paths", "5", "-j", "1", s.path.string()});
        const Outcome d = run_cli({"explore", "--max-paths", "5", "-j", "3", s.path.string()});
        CHECK(c.code == 1);
        CHECK(c.out == d.out);
        CHECK(nlohmann::json::parse(a.out).at("outputs").size() > 2);
    }
}
