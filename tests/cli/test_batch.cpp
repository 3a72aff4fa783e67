// batch, check, diff and merge through the CLI library, as a user or a CI job calls them:
// the scenario list and its shards, outputs identical for any number of workers, a failing
// scenario that stops nothing, Chrome output by the format's rules, recordings compared as
// the recorder normalises them, and shards merged back into the whole.
#include "tests/cli/cli_test_support.h"
#include "tests/traces/chrome_rules.h"
#include "tools/cli/cli.h"
#include "tools/cli/parallel_runner.h"
#include "tools/cli/scenario_set.h"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <vector>

namespace fs = std::filesystem;

namespace {

using loopsim::cli::testing::Outcome;
using loopsim::cli::testing::run_cli;

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void write(const fs::path& p, const std::string& text) {
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
}

// Every regular file below `dir` (relative path -> contents).
std::map<std::string, std::string> tree(const fs::path& dir) {
    std::map<std::string, std::string> files;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file())
            files[fs::relative(e.path(), dir).generic_string()] = slurp(e.path());
    return files;
}

const fs::path k_root = LOOPSIM_SOURCE_DIR;

// A scratch folder, emptied when created and removed at the end of the test.
struct TempDir {
    fs::path path;
    explicit TempDir(const std::string& name)
        : path(fs::temp_directory_path() / ("loopsim-test-" + name)) {
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempDir() { fs::remove_all(path); }
};

// 24 small programs in three folders, one that throws, one outside the dialect, and files
// that are not scenarios (a helper module, a hidden folder, a text file).
void make_scenarios(const fs::path& dir) {
    for (int i = 0; i < 24; ++i) {
        std::ostringstream js;
        js << "console.log('start " << i << "');\n"
           << "setTimeout(() => console.log('timeout " << i << "'), " << i % 4 << ");\n"
           << "setImmediate(() => console.log('immediate " << i << "'));\n"
           << "Promise.resolve().then(() => console.log('promise " << i << "'));\n"
           << "process.nextTick(() => console.log('tick " << i << "'));\n";
        write(dir / ("group" + std::to_string(i % 3)) / ("s" + std::to_string(10 + i) + ".js"),
              js.str());
    }
    write(dir / "group0" / "throws.js", "setTimeout(() => { throw new Error('boom'); }, 1);\n");
    write(dir / "broken" / "import.js", "import fs from 'fs';\nconsole.log('never');\n");
    write(dir / "group1" / "helper.js", "// @skip-record\nmodule.exports = 1;\n");
    write(dir / ".hidden" / "h.js", "console.log('hidden');\n");
    write(dir / "group2" / "notes.txt", "not a scenario\n");
}

} // namespace

TEST_SUITE("cli.batch") {
    TEST_CASE("the scenario list is sorted, skips what is not a scenario, and shards cover it "
              "exactly once") {
        TempDir t("list");
        make_scenarios(t.path);
        std::ostringstream err;
        const std::vector<std::string> inputs{t.path.string()};
        auto all = loopsim::cli::collect_scenarios("batch", inputs, err);
        REQUIRE(all);
        REQUIRE(all->size() == 26); // 24 + throws.js + broken/import.js
        CHECK(all->front().relative == "broken/import.js");
        CHECK(std::is_sorted(all->begin(), all->end(),
                             [](const auto& a, const auto& b) { return a.relative < b.relative; }));
        for (const auto& f : *all) {
            CHECK(f.relative.find("helper") == std::string::npos);
            CHECK(f.relative.find(".hidden") == std::string::npos);
        }
        std::map<std::string, int> seen;
        for (uint32_t k = 1; k <= 4; ++k) {
            auto shard = loopsim::cli::select_shard(*all, {k, 4});
            for (size_t j = 0; j < shard.size(); ++j) {
                ++seen[shard[j].relative];
                CHECK(shard[j].relative ==
                      (*all)[(k - 1) + 4 * j].relative); // round-robin by index
            }
        }
        CHECK(seen.size() == all->size());
        for (const auto& [name, n] : seen) CHECK_MESSAGE(n == 1, name);
        std::string why;
        CHECK(!loopsim::cli::parse_shard("0/3", why));
        CHECK(!loopsim::cli::parse_shard("4/3", why));
        CHECK(!loopsim::cli::parse_shard("1/0", why));
        CHECK(!loopsim::cli::parse_shard("2", why));
        CHECK(why.find("K/N") != std::string::npos);
        CHECK(loopsim::cli::parse_shard("3/3", why)->index == 3);
    }

    TEST_CASE("run_parallel runs each index once and reports them in order for any worker count") {
        for (unsigned jobs : {1u, 2u, 4u, 16u}) {
            std::vector<std::atomic<int>> ran(200);
            std::vector<size_t> order;
            loopsim::cli::run_parallel(
                ran.size(), jobs, [&](size_t i) { ran[i]++; },
                [&](size_t i) { order.push_back(i); }, [](size_t) {});
            CHECK(order.size() == ran.size());
            CHECK(std::is_sorted(order.begin(), order.end()));
            for (auto& r : ran) CHECK(r == 1);
        }
    }

    TEST_CASE("batch writes one trace per scenario, mirrored, byte-identical with -j1 and -j4") {
        TempDir t("batch");
        make_scenarios(t.path / "in");
        const std::string in = (t.path / "in").string();
        Outcome one = run_cli({"batch", in, "-o", (t.path / "j1").string(), "-j", "1"});
        Outcome four = run_cli({"batch", in, "-o", (t.path / "j4").string(), "-j4"});
        CHECK(one.code == 1); // broken/import.js cannot run
        CHECK(four.code == 1);
        const auto a = tree(t.path / "j1"), b = tree(t.path / "j4");
        CHECK(a.size() == 25); // every scenario but the broken one
        CHECK(a == b);
        CHECK(a.count("group0/s10.trace.json"));
        CHECK(a.count("group0/throws.trace.json")); // a program that throws still has a trace
        CHECK(!a.count("broken/import.trace.json"));
        for (const auto& [name, text] : a)
            CHECK_MESSAGE(name.find(".tmp") == std::string::npos, name);
        // The report lines are in list order whatever the workers did; only the folder differs.
        std::string four_out = four.out;
        const std::string j4 = (t.path / "j4").string(), j1 = (t.path / "j1").string();
        four_out.replace(four_out.find(j4), j4.size(), j1);
        CHECK(one.out == four_out);
        CHECK(one.out.find("FAILED " + in + "/broken/import.js: ") != std::string::npos);
        CHECK(one.out.find("batch: 26 scenarios, 25 written, 1 failed") != std::string::npos);
        // The trace names the scenario as given, not by an absolute path of this machine.
        const nlohmann::json trace = nlohmann::json::parse(a.at("group1/s11.trace.json"));
        CHECK(trace["header"]["scenario"]["path"] == in + "/group1/s11.js");
        CHECK(trace["outcome"]["exit_code"] == 0);
    }

    TEST_CASE(
        "batch --isolate writes the same traces, and a crash or a hang fails one scenario only") {
        TempDir t("isolate");
        make_scenarios(t.path / "in");
        write(t.path / "in" / "group1" / "crash.js", "console.log('loopsim dies on this one');\n");
        write(t.path / "in" / "group2" / "hang.js", "console.log('loopsim hangs on this one');\n");
        // A stand-in for the loopsim executable that crashes or hangs on those two files.
        const fs::path fake = t.path / "fake-loopsim.sh";
        write(fake, std::string(
                        "#!/bin/sh\nfor a in \"$@\"; do case \"$a\" in *crash.js) kill -SEGV $$;; "
                        "*hang.js) exec sleep 30;; esac; done\nexec ") +
                        LOOPSIM_BINARY_DIR + "/loopsim \"$@\"\n");
        fs::permissions(fake, fs::perms::owner_all);
        const std::string in = (t.path / "in").string();
        Outcome here = run_cli({"batch", in, "-o", (t.path / "here").string()});
        setenv("LOOPSIM_EXE", fake.c_str(), 1);
        Outcome isolated = run_cli(
            {"batch", in, "-o", (t.path / "isolated").string(), "--isolate", "--timeout", "2"});
        unsetenv("LOOPSIM_EXE");
        CHECK(here.code == 1);
        CHECK(isolated.code == 1);
        CHECK(isolated.out.find("FAILED " + in + "/group1/crash.js: loopsim crashed (signal 11") !=
              std::string::npos);
        CHECK(isolated.out.find("FAILED " + in + "/group2/hang.js: killed after 2 s") !=
              std::string::npos);
        CHECK(isolated.out.find("FAILED " + in + "/broken/import.js: ") != std::string::npos);
        CHECK(isolated.out.find("batch: 28 scenarios, 25 written, 3 failed") != std::string::npos);
        auto a = tree(t.path / "here"), b = tree(t.path / "isolated");
        a.erase("group1/crash.trace.json");
        a.erase("group2/hang.trace.json");
        CHECK(a.size() == 25);
        CHECK(a == b);
    }

    TEST_CASE("batch --format chrome writes traces that follow the trace-event rules") {
        // the example in docs/ too
        for (const auto& e : fs::directory_iterator(k_root / "docs/examples"))
            if (e.path().string().ends_with(".chrome.json")) {
                const std::vector<std::string> bad =
                    loopsim::testing::chrome_rule_violations(slurp(e.path()));
                CHECK_MESSAGE(bad.empty(), e.path().string()
                                               << ": " << (bad.empty() ? "" : bad.front()));
            }
        TempDir t("chrome");
        Outcome r = run_cli({"batch", (k_root / "scenarios/basics").string(), "-o", t.path.string(),
                             "--format", "chrome", "-j", "2"});
        CHECK(r.code == 0);
        const auto files = tree(t.path);
        CHECK(files.size() >= 8);
        for (const auto& [name, text] : files) {
            CHECK(name.ends_with(".chrome.json"));
            const std::vector<std::string> bad = loopsim::testing::chrome_rule_violations(text);
            CHECK_MESSAGE(bad.empty(), name << ": " << (bad.empty() ? "" : bad.front()));
            CHECK(text.find("\"ph\":\"X\"") != std::string::npos);
        }
    }

    TEST_CASE("batch --format text writes the narration of explain") {
        TempDir t("text");
        const std::string scenario =
            (k_root / "scenarios/basics/04_next_tick_and_promises.js").string();
        Outcome r = run_cli({"batch", scenario, "-o", t.path.string(), "--format", "text"});
        CHECK(r.code == 0);
        CHECK(slurp(t.path / "04_next_tick_and_promises.txt") ==
              run_cli({"explain", scenario}).out);
    }

    TEST_CASE("batch shards together write what one batch writes, and usage errors exit 2") {
        TempDir t("shards");
        make_scenarios(t.path / "in");
        fs::remove_all(t.path / "in" / "broken");
        const std::string in = (t.path / "in").string();
        CHECK(run_cli({"batch", in, "-o", (t.path / "all").string(), "--summary",
                       (t.path / "all.json").string()})
                  .code == 0);
        std::vector<std::string> merge{"merge", "--summary", (t.path / "merged.json").string()};
        for (int k = 1; k <= 3; ++k) {
            const std::string s = (t.path / ("s" + std::to_string(k) + ".json")).string();
            Outcome r = run_cli({"batch", in, "-o", (t.path / "sharded").string(), "--shard",
                                 std::to_string(k) + "/3", "--summary", s});
            CHECK(r.code == 0);
            CHECK(r.out.find("(shard " + std::to_string(k) + "/3 of 25)") != std::string::npos);
            merge.push_back(s);
        }
        CHECK(tree(t.path / "all") == tree(t.path / "sharded"));
        Outcome m = run_cli(merge);
        CHECK(m.code == 0);
        CHECK(m.out == "batch: 25 scenarios, 25 written, 0 failed (merged 3 of 3 shards)\n");
        auto whole = nlohmann::json::parse(slurp(t.path / "all.json"));
        auto merged = nlohmann::json::parse(slurp(t.path / "merged.json"));
        CHECK(merged["scenarios"].size() == whole["scenarios"].size());
        for (size_t i = 0; i < whole["scenarios"].size(); ++i) {
            CHECK(merged["scenarios"][i]["name"] == whole["scenarios"][i]["name"]);
            CHECK(merged["scenarios"][i]["status"] == whole["scenarios"][i]["status"]);
        }
        // a missing shard is reported and fails the merge; a shard given twice is refused
        Outcome partial = run_cli({"merge", merge[3], merge[4]});
        CHECK(partial.code == 1);
        CHECK(partial.err.find("missing shard 3/3") != std::string::npos);
        Outcome twice = run_cli({"merge", merge[3], merge[3]});
        CHECK(twice.code == 2);
        CHECK(twice.err.find("given twice") != std::string::npos);

        CHECK(run_cli({"batch", in}).code == 2); // no -o
        CHECK(
            run_cli({"batch", in, "-o", "x", "--format", "xml"}).err.find("json, chrome or text") !=
            std::string::npos);
        CHECK(run_cli({"batch", in, "-o", "x", "--shard", "5/4"}).code == 2);
        CHECK(run_cli({"batch", in, "-o", "x", "-j", "0"}).code == 2);
        Outcome missing = run_cli({"batch", (t.path / "nothing").string(), "-o", "x"});
        CHECK(missing.code == 1);
        CHECK(missing.err.find("no such file or folder") != std::string::npos);
    }
}

TEST_SUITE("cli.check") {
    // A scenario from scenarios/ with node's recording of it, copied into a scratch folder;
    // the copy's recording can be altered to play a scenario loopsim gets wrong.
    struct CheckFolder {
        TempDir dir{"check"};
        CheckFolder() {
            for (const char* name : {"04_next_tick_and_promises", "06_one_callback_per_queue"}) {
                fs::copy_file(k_root / "scenarios/basics" / (std::string(name) + ".js"),
                              dir.path / (std::string(name) + ".js"));
                fs::copy_file(k_root / "scenarios/basics" / (std::string(name) + ".expect.json"),
                              dir.path / (std::string(name) + ".expect.json"));
            }
            write(dir.path / "unrecorded.js", "console.log('no recording');\n");
        }
        // Makes the recording of 06 disagree with node's real output in its second line.
        void break_recording() {
            const fs::path p = dir.path / "06_one_callback_per_queue.expect.json";
            auto doc = nlohmann::json::parse(slurp(p));
            std::string out = doc["outcomes"][0]["stdout"];
            const size_t nl = out.find('\n');
            out.insert(nl + 1, "an extra line\n");
            doc["outcomes"][0]["stdout"] = out;
            write(p, doc.dump(2));
        }
    };

    TEST_CASE("check passes scenarios that print what node recorded and closes with the counts") {
        CheckFolder f;
        Outcome r = run_cli({"check", f.dir.path.string(), "--root", f.dir.path.string()});
        CHECK(r.code == 0);
        CHECK(r.out.find("PASS  04_next_tick_and_promises.js\n") != std::string::npos);
        CHECK(r.out.find("PASS  06_one_callback_per_queue.js\n") != std::string::npos);
        CHECK(r.out.ends_with("2 passed, 0 failed; 1 without a recording, not checked\n"));
    }

    TEST_CASE(
        "check reports the first difference, writes JUnit, and honours a known-failures list") {
        CheckFolder f;
        f.break_recording();
        const std::string junit = (f.dir.path / "report.xml").string();
        Outcome r = run_cli(
            {"check", f.dir.path.string(), "--root", f.dir.path.string(), "--junit", junit});
        CHECK(r.code == 1);
        CHECK(r.out.find("FAIL  06_one_callback_per_queue.js: stdout line 2: loopsim ") !=
              std::string::npos);
        CHECK(r.out.find("node \"an extra line\\n\"") != std::string::npos);
        CHECK(r.out.find("2 passed") == std::string::npos);
        CHECK(r.out.find("1 passed, 1 failed") != std::string::npos);
        const std::string xml = slurp(junit);
        CHECK(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites "
                              "name=\"loopsim check\" tests=\"2\" "
                              "failures=\"1\" errors=\"0\" skipped=\"0\">"));
        CHECK(xml.find("<testcase classname=\"\" name=\"06_one_callback_per_queue.js\"><failure "
                       "message=\"stdout line 2: "
                       "loopsim &quot;") != std::string::npos);
        CHECK(xml.find('\x01') == std::string::npos);

        const fs::path known = f.dir.path / "known.txt";
        write(known,
              "# programs loopsim gets wrong\n06_one_callback_per_queue.js  stdout differs\n");
        Outcome k = run_cli({"check", f.dir.path.string(), "--root", f.dir.path.string(),
                             "--known-failures", known.string(), "--junit", junit});
        CHECK(k.code == 0);
        CHECK(k.out.find("KNOWN 06_one_callback_per_queue.js: stdout line 2") != std::string::npos);
        CHECK(k.out.find("1 passed, 0 failed, 1 known") != std::string::npos);
        CHECK(slurp(junit).find("<skipped message=\"known failure: stdout line 2") !=
              std::string::npos);

        write(known, "04_next_tick_and_promises.js\n06_one_callback_per_queue.js\n");
        Outcome fixed = run_cli({"check", f.dir.path.string(), "--root", f.dir.path.string(),
                                 "--known-failures", known.string()});
        CHECK(fixed.code == 0);
        CHECK(fixed.out.find("FIXED 04_next_tick_and_promises.js: listed in ") !=
              std::string::npos);
        CHECK(fixed.out.find("1 scenario listed in " + known.string() + " now matches node") !=
              std::string::npos);
    }

    TEST_CASE("check shards merge into the counts and the JUnit report of the whole run") {
        CheckFolder f;
        f.break_recording();
        const std::string dir = f.dir.path.string();
        const fs::path s1 = f.dir.path / "s1.json", s2 = f.dir.path / "s2.json",
                       j1 = f.dir.path / "j1.xml", j2 = f.dir.path / "j2.xml";
        Outcome a = run_cli({"check", dir, "--root", dir, "--shard", "1/2", "--summary",
                             s1.string(), "--junit", j1.string()});
        Outcome b = run_cli({"check", dir, "--root", dir, "--shard", "2/2", "--summary",
                             s2.string(), "--junit", j2.string()});
        // The whole list is sliced (04, 06, unrecorded): shard 1 gets 04 and unrecorded.js.
        CHECK(a.out.ends_with(
            "1 passed, 0 failed (shard 1/2 of 3 scenarios); 1 without a recording, not checked\n"));
        CHECK(b.code == 1);
        const fs::path merged_xml = f.dir.path / "all.xml";
        Outcome m = run_cli({"merge", s1.string(), s2.string()});
        CHECK(m.code == 1);
        CHECK(m.out == "1 passed, 1 failed, 0 known (merged 2 of 2 shards)\n");
        Outcome mj = run_cli({"merge", j1.string(), j2.string(), "--junit", merged_xml.string()});
        CHECK(mj.out == "junit: 2 tests, 1 failures, 0 errors, 0 skipped (merged 2 reports)\n");
        const std::string whole = (f.dir.path / "whole.xml").string();
        run_cli({"check", dir, "--root", dir, "--junit", whole});
        CHECK(slurp(merged_xml) == slurp(whole));
    }

    TEST_CASE("check --isolate gives the verdicts of an in-process check") {
        CheckFolder f;
        f.break_recording();
        const std::string dir = f.dir.path.string();
        setenv("LOOPSIM_EXE", LOOPSIM_BINARY_DIR "/loopsim", 1);
        Outcome isolated = run_cli({"check", dir, "--root", dir, "--isolate"});
        unsetenv("LOOPSIM_EXE");
        Outcome here = run_cli({"check", dir, "--root", dir});
        CHECK(isolated.code == 1);
        CHECK(isolated.out == here.out);
    }

    TEST_CASE("check normalises paths the way the recorder does: below the folder of "
              "scripts/record-expected.mjs") {
        // A scenario whose output names its own path, recorded under a root that holds the
        // recorder: loopsim's absolute path must come out relative to that root.
        TempDir t("check-root");
        write(t.path / "scripts" / "record-expected.mjs",
              "// stand-in: check only looks for the file\n");
        const fs::path scenario = t.path / "cases" / "path.js";
        write(scenario, "console.log(__filename);\n");
        nlohmann::json rec = {
            {"node", "v20"},
            {"runs", 1},
            {"env", nlohmann::json::object()},
            {"outcomes",
             {{{"count", 1}, {"exit_code", 0}, {"stdout", "cases/path.js\n"}, {"stderr", ""}}}}};
        write(t.path / "cases" / "path.expect.json", rec.dump());
        Outcome r = run_cli({"check", scenario.string()});
        CHECK(r.code == 0);
        CHECK(r.out.find("PASS  cases/path.js") != std::string::npos);
    }

    TEST_CASE("check --update needs node and says so clearly when it cannot start it") {
        CheckFolder f;
        write(f.dir.path / "scripts" / "record-expected.mjs", "// stand-in: node never starts\n");
        Outcome r = run_cli({"check", f.dir.path.string(), "--update", "--node", "/no/such/node"});
        CHECK(r.code == 1);
        CHECK(r.err.find("--update records expectations with real node, but '/no/such/node' could "
                         "not be started") != std::string::npos);
    }
}

TEST_SUITE("cli.diff") {
    TEST_CASE("diff of two traces of the same run finds no difference") {
        TempDir t("diff-same");
        const std::string s = (k_root / "scenarios/basics/06_one_callback_per_queue.js").string();
        const std::string a = (t.path / "a.json").string(), b = (t.path / "b.json").string();
        REQUIRE(run_cli({"run", s, "--trace", a}).code == 0);
        REQUIRE(run_cli({"run", s, "--trace", b}).code == 0);
        Outcome r = run_cli({"diff", a, b});
        CHECK(r.code == 0);
        CHECK(r.out.starts_with("same callback order: "));
    }

    TEST_CASE("diff shows the first callback that differs, side by side with the reasons") {
        TempDir t("diff");
        write(t.path / "a.js", "setImmediate(() => console.log('immediate'));\n"
                               "process.nextTick(() => console.log('tick'));\n");
        write(t.path / "b.js", "process.nextTick(() => console.log('tick'));\n"
                               "setImmediate(() => console.log('other immediate'));\n");
        Outcome r = run_cli({"diff", (t.path / "a.js").string(), (t.path / "b.js").string()});
        CHECK(r.code == 1);
        // The same callbacks run on both sides up to the immediates, which differ by label:
        // that row is marked '>' and its number is the one the headline gives.
        const size_t at = r.out.find("callback order differs at callback ");
        REQUIRE(at != std::string::npos);
        const std::string number = r.out.substr(at + 35, r.out.find(' ', at + 35) - at - 35);
        std::istringstream lines(r.out);
        std::string marked;
        for (std::string line; std::getline(lines, line);)
            if (line.starts_with(">")) marked = line;
        CHECK(marked.starts_with(">" + number + " () => console.log('immediate') (check)"));
        CHECK(marked.ends_with("| () => console.log('other immediate') (check)"));
        CHECK(r.out.find("(no more callbacks)") == std::string::npos); // both ran as many
        CHECK(r.out.find("why: ") != std::string::npos);
        CHECK(r.out.find("printed output: stdout differs") != std::string::npos);

        CHECK(run_cli({"diff", (t.path / "a.js").string()}).code == 2);
        CHECK(run_cli({"diff", (t.path / "a.js").string(), "--vs", "node16"}).code == 2);
        CHECK(run_cli({"diff", (t.path / "a.js").string(), (t.path / "missing.json").string()})
                  .code == 2);
    }

    TEST_CASE("diff leaves Node's bookkeeping callbacks out unless --show-internal") {
        TempDir t("diff-internal");
        // The tick's console.log queues an afterWrite tick on b's side only.
        write(t.path / "a.js", "process.nextTick(() => {});\nsetImmediate(() => {});\n");
        write(t.path / "b.js",
              "process.nextTick(() => console.log('x'));\nsetImmediate(() => {});\n");
        const std::string a = (t.path / "a.js").string(), b = (t.path / "b.js").string();
        Outcome hidden = run_cli({"diff", a, b});
        CHECK(hidden.out.find("afterWriteTick") == std::string::npos);
        Outcome shown = run_cli({"diff", a, b, "--show-internal"});
        CHECK(shown.code == 1);
        CHECK(shown.out.find("afterWriteTick (next_tick)") != std::string::npos);
    }
}
